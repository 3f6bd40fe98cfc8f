"""The main window: mechanisms on the left, the selected mechanism's pages on the right.

It paints before the database is opened (the first paint needs no SQLAlchemy), then
``open_database`` prepares the file and fills the list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from .. import APP_NAME, __version__, clock
from ..i18n import install_translators, remember_language
from ..preferences import Preferences
from .bus import ChangeBus
from .mechanism_list import MechanismListPanel
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .context import UiContext
    from .dialogs import DialogService

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    first_painted = Signal()
    database_opened = Signal()
    list_filled = Signal()
    language_changed = Signal(str)

    def __init__(self, prefs: Preferences, runner: TaskRunner, dialogs: DialogService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.runner = runner
        if dialogs is None:
            from .dialogs import DialogService

            dialogs = DialogService(self)
        self.dialogs = dialogs
        self.undo = QUndoStack(self)
        self.bus = ChangeBus(self)
        self.ctx: UiContext | None = None
        self.lock: QLockFile | None = None
        self.card = None
        self._page_factories: list[
            tuple[Callable[[UiContext], QWidget], Callable[[], str], int | None]
        ] = []
        self._pages: list[tuple[QWidget, Callable[[], str]]] = []
        self._painted = False
        self._feature_pages_built = False
        self.setObjectName("main_window")
        self.resize(1200, 760)

        self.list_panel = MechanismListPanel(self)
        self.list_panel.model.lang = prefs.language
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mechanism_tabs")
        self.placeholder: QLabel | None = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.placeholder, "")
        splitter = QSplitter(self)
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        self.setCentralWidget(splitter)
        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)

        self._build_menus()
        from .features import install_features

        install_features(self)
        self.list_panel.mechanism_selected.connect(self._show_mechanism)
        self.bus.data_changed.connect(self._data_changed)
        self.retranslate()

    # -- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.reports_menu = bar.addMenu("")
        self.language_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")

        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_extra_anchor = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.undo_action = self.undo.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.prefs_action = QAction(self)
        self.prefs_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.prefs_action.triggered.connect(self.edit_preferences)
        self.edit_menu.addAction(self.prefs_action)

        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))  # Ctrl+F: View > Search…
        self.find_action.triggered.connect(self._focus_search)
        self.view_menu.addAction(self.find_action)

        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang, caption in (("fr", "Français"), ("en", "English")):
            action = QAction(caption, self, checkable=True)
            action.setChecked(lang == self.prefs.language)
            action.triggered.connect(lambda _=False, lang=lang: self.set_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def add_file_action(self, action: QAction) -> None:
        """Later features (import, export, reports) put their entries in the File menu."""
        self.file_menu.insertAction(self.file_extra_anchor, action)

    def add_menu_action(self, menu_name: str, action: QAction) -> None:
        """``menu_name``: "file" (before Quit), "reports", "view" or "help"."""
        if menu_name == "file":
            self.add_file_action(action)
        else:
            getattr(self, f"{menu_name}_menu").addAction(action)

    def add_page(self, factory: Callable[[UiContext], QWidget], title: Callable[[], str],
                 position: int | None = None) -> None:
        """A page beside the mechanism card, built once the database is open. The page may
        define ``show_mechanism(mechanism_id)`` and ``retranslate()``. ``position`` 0 puts it
        first (before the card) and shows it when the database opens."""
        self._page_factories.append((factory, title, position))
        if self._feature_pages_built:
            self._build_page(factory, title, position)

    # -- database ---------------------------------------------------------------------------

    def open_database(self, target: str) -> bool:
        """Lock, check, back up, migrate, fill. False when the user must not go on."""
        from ..paths import public_target, sqlite_path_of
        from ..services.startup import DatabaseDamagedError, ServerUnreachableError, open_database

        path = sqlite_path_of(target)
        if path is not None and not self._acquire_lock(path):
            return False
        try:
            db, report = open_database(target)
        except DatabaseDamagedError as exc:
            if not self._offer_backup(exc):
                return False
            db, report = open_database(target)
        except ServerUnreachableError as exc:
            return self._server_unreachable(exc, target)
        log.info("database ready: %s", "; ".join(report.steps))
        from .context import UiContext

        self.ctx = UiContext(db, self.bus, self.runner, self.dialogs, self.undo, self.prefs)
        self._build_card()
        self.db_label.setText(str(path or public_target(target)))
        self.reload_list()
        # The feature pages (dashboard, questionnaire, interviews...) are built once the list
        # has painted: they import SQLAlchemy and query, which the list must not wait for.
        QTimer.singleShot(0, self._build_feature_pages)
        return True

    @property
    def pages_built(self) -> bool:
        return self._feature_pages_built

    def _acquire_lock(self, path: Path) -> bool:
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)
        if not lock.tryLock(200):
            self.dialogs.error(
                self.tr("Database already open"),
                self.tr("MCIM Desk is already open on this database:\n{path}\n\n"
                        "Switch to the window that is open, or close it first.").format(path=path),
            )
            return False
        self.lock = lock
        return True

    def _server_unreachable(self, exc: Exception, target: str) -> bool:
        """Say which server and what failed; try again, open another database, or quit."""
        if self.placeholder is not None:
            self.placeholder.setText(str(exc))
        choice = self.dialogs.choose(
            self.tr("Database server unreachable"),
            str(exc) + "\n\n" + self.tr("Try again, or open another database?"),
            [("retry", self.tr("Try again")), ("other", self.tr("Open another database…")),
             ("quit", self.tr("Quit"))],
        )
        if choice == "retry":
            return self.open_database(target)
        if choice == "other":
            chosen = self.dialogs.open_file(self.tr("Open another database"),
                                            self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"))
            return self.open_database(chosen) if chosen else self._server_unreachable(exc, target)
        return False

    def _offer_backup(self, exc: Exception) -> bool:

        from ..services.backups import restore

        backup = exc.backup
        text = self.tr("The database file failed its integrity check and was not changed:\n"
                       "{path}\n({problem})").format(path=exc.path, problem=exc.problem)
        if backup is None:
            self.dialogs.error(self.tr("Damaged database"),
                               text + "\n\n" + self.tr("No automatic backup is available."))
            return False
        question = text + "\n\n" + self.tr(
            "Open the latest automatic backup from {when} instead? The damaged file is kept, "
            "untouched, as {kept}."
        ).format(when=backup.when.strftime("%Y-%m-%d %H:%M"), kept=exc.path.name + ".damaged")
        if not self.dialogs.confirm(self.tr("Damaged database"), question):
            return False
        stamp = clock.localnow().strftime("%Y%m%d-%H%M%S")
        exc.path.rename(exc.path.with_name(f"{exc.path.name}.damaged-{stamp}"))
        restore(exc.path, backup.path)
        return True

    def _build_card(self) -> None:
        from .mechanism_card import MechanismCardView

        self.tabs.removeTab(0)
        self.placeholder.deleteLater()
        self.placeholder = None
        self.card = MechanismCardView(self.ctx, self)
        self.card.card_saved.connect(lambda card: self.list_panel.model.replace_row(card.row))
        self._pages.append((self.card, lambda: self.tr("Card")))
        self.tabs.addTab(self.card, "")
        self._retitle_tabs()

    def _build_feature_pages(self) -> None:
        if self._feature_pages_built or self.ctx is None:
            return
        self._feature_pages_built = True
        for factory, title, position in self._page_factories:
            self._build_page(factory, title, position)
        self._retitle_tabs()
        current = self.list_panel.current_id()
        if current:
            self._show_mechanism(current)
        self.database_opened.emit()

    def _build_page(self, factory: Callable[[UiContext], QWidget], title: Callable[[], str],
                    position: int | None = None) -> None:
        page = factory(self.ctx)
        self._pages.append((page, title))
        if position is None:
            self.tabs.addTab(page, title())
        else:
            self.tabs.insertTab(position, page, title())
            if position == 0:
                self.tabs.setCurrentIndex(0)

    def reload_list(self) -> None:
        from ..services.catalogue import mechanism_rows, reference_labels

        labels = reference_labels(self.ctx.db, "mechanism_type", "region")
        self.card.set_labels(labels)
        self.list_panel.set_data(mechanism_rows(self.ctx.db), labels)
        self.list_filled.emit()

    def _show_mechanism(self, mechanism_id: str) -> None:
        if self.ctx is None:
            return
        for page, _ in self._pages:
            show = getattr(page, "show_mechanism", None)
            if show is not None:
                show(mechanism_id)

    def _data_changed(self, kind: str, ids: list) -> None:
        if self.ctx is None:
            return
        if kind in {"mechanism", "reference"}:
            self.reload_list()
        shown = self.card.card.row.id if self.card is not None and self.card.card else None
        if kind == "contact" and shown and (shown in ids or not ids):
            self.card.show_mechanism(shown)  # e.g. a contact added from the interview planner

    # -- actions ----------------------------------------------------------------------------

    def backup_now(self) -> None:
        from ..services.backups import automatic_backup

        if self.ctx is None or self.ctx.db.path is None:
            return
        path = automatic_backup(self.ctx.db.path, "manual")
        self.statusBar().showMessage(self.tr("Backup written to {path}").format(path=path), 8000)

    def restore_backup(self) -> None:
        if self.ctx is None or self.ctx.db.path is None:
            return
        chosen = self.dialogs.open_file(self.tr("Restore a backup"),
                                        self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"))
        if not chosen:
            return
        if not self.dialogs.confirm(
            self.tr("Restore a backup"),
            self.tr("Replace the current data by {file}? The current database is kept as a "
                    "backup first.").format(file=Path(chosen).name),
        ):
            return
        from ..persistence.sqlite_files import DatabaseDamaged
        from ..services.backups import restore

        self.ctx.db.dispose()
        try:
            restore(self.ctx.db.path, Path(chosen))
        except DatabaseDamaged as exc:
            self.dialogs.error(self.tr("Backup not restored"),
                               self.tr("That file is not a sound database: {problem}").format(problem=exc))
            return
        self.undo.clear()
        self.reload_list()
        self.statusBar().showMessage(self.tr("Backup restored."), 8000)

    def edit_preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self)
        dialog.preferences_saved.connect(self._preferences_saved)
        dialog.open()

    def _preferences_saved(self, prefs: Preferences) -> None:
        language = prefs.language
        self.prefs.profile, self.prefs.time_zone = prefs.profile, prefs.time_zone
        self.prefs.save()
        if language != self.prefs.language:
            self.set_language(language)
        self.retranslate()

    def set_language(self, lang: str) -> None:
        self.prefs.language = lang
        remember_language(lang)
        install_translators(lang)  # Qt then posts LanguageChange to every widget
        self.retranslate()  # at once for the window itself; the rest follow the event
        self.language_actions[lang].setChecked(True)
        self.list_panel.set_language(lang)
        if self.card is not None:
            self.card.retranslate()
        self.language_changed.emit(lang)

    def show_about(self) -> None:
        from ..paths import data_dir, public_target

        self.dialogs.info(
            self.tr("About MCIM Desk"),
            self.tr("{app} {version}\n\nAn offline desk for the study of inter-state "
                    "consultation mechanisms on migration and the Global Compact for Migration."
                    "\n\nData folder: {folder}\nDatabase: {db}").format(
                app=APP_NAME, version=__version__, folder=data_dir(),
                db=public_target(self.ctx.db.target) if self.ctx else "—",
            ),
        )

    def _focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    # -- language and closing ---------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — {self.prefs.profile}")
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reports_menu.setTitle(self.tr("&Reports"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.prefs_action.setText(self.tr("&Preferences…"))
        self.find_action.setText(self.tr("&Find a mechanism"))
        self.about_action.setText(self.tr("&About MCIM Desk"))
        if self.placeholder is not None:
            self.placeholder.setText(self.tr("Opening the database…"))
        self._retitle_tabs()

    def _retitle_tabs(self) -> None:
        for page, title in self._pages:
            index = self.tabs.indexOf(page)
            if index >= 0:
                self.tabs.setTabText(index, title())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        focus = self.focusWidget()
        if focus is not None:  # commit the field being edited before closing
            focus.clearFocus()
        self.runner.wait(10_000)
        if self.ctx is not None and self.ctx.db.path is not None:
            from ..services.backups import automatic_backup

            try:
                automatic_backup(self.ctx.db.path, "exit")
            except Exception:
                log.exception("backup on exit failed")
            self.ctx.db.dispose()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        super().closeEvent(event)
