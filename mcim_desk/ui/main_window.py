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
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
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
    opening_step = Signal(str)  # what opening the database is doing, as shown
    language_changed = Signal(str)

    def __init__(self, prefs: Preferences, runner: TaskRunner, dialogs: DialogService | None = None,
                 parent: QWidget | None = None,
                 features: Callable[[MainWindow], None] | None = None) -> None:
        """``features`` hangs the pages and menu entries on the window (the program passes
        ``features.install_features``): given, not imported, so no page depends upward."""
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
        from PySide6.QtWidgets import QApplication

        from .colours import fix_placeholder

        QApplication.setPalette(fix_placeholder(QApplication.palette()))  # Qt's grey is 4.00:1

        self.list_panel = MechanismListPanel(self)
        self.list_panel.model.lang = prefs.language
        self.list_panel.setEnabled(False)  # until the list is filled: no empty live filters
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
        # A read-only database, a start backup that could not be written: said above the pages.
        self.banner = QLabel(self)
        self.banner.setObjectName("storage_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff4ce; color: #4d3800; padding: 6px; }")
        self.banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)

        self._build_menus()
        if features is not None:
            features(self)
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
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Windows
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_extra_anchor = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        # Our own actions rather than QUndoStack.createUndoAction(): their text keeps its
        # mnemonic and follows the language ("&Undo: answer to question 12").
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("undo_action")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo.undo)
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redo_action")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.undo.redo)
        for signal in (self.undo.canUndoChanged, self.undo.canRedoChanged, self.undo.undoTextChanged,
                       self.undo.redoTextChanged):
            signal.connect(self._undo_changed)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.prefs_action = QAction(self)
        # StandardKey.Preferences is empty on Linux and Windows; Ctrl+, is Cmd+, on macOS
        self.prefs_action.setShortcut(QKeySequence("Ctrl+,"))
        self.prefs_action.triggered.connect(self.edit_preferences)
        self.edit_menu.addAction(self.prefs_action)

        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))  # Ctrl+F: View > Search…
        self.find_action.triggered.connect(self._focus_search)
        self.view_menu.addAction(self.find_action)

        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang, caption in (("fr", "&Français"), ("en", "&English")):
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
        from ..files import StorageError
        from ..paths import public_target, sqlite_path_of
        from ..persistence.sqlite_files import read_only_reason
        from ..services.startup import (
            DatabaseDamagedError,
            DatabaseTooNewError,
            ServerUnreachableError,
            open_database,
        )

        path = sqlite_path_of(target)
        # A database that cannot be written is opened read-only, without the lock file (its
        # folder may not take one): nobody writes through this window.
        if path is not None and not read_only_reason(path) and not self._acquire_lock(path):
            return False
        try:
            try:
                db, report = open_database(target, backup=True, progress=self._opening_step)
            except DatabaseDamagedError as exc:
                if not self._offer_backup(exc):
                    return False
                db, report = open_database(target, backup=True, progress=self._opening_step)
        except DatabaseTooNewError as exc:
            self.dialogs.error(self.tr("Database from a newer version"), self.tr(
                "{target} was written by MCIM Desk {database_version} (schema {revision}); this "
                "is MCIM Desk {program_version}, which cannot open it. Nothing was changed: "
                "install MCIM Desk {database_version} or newer.").format(
                target=public_target(exc.target), database_version=exc.database_version,
                revision=exc.revision, program_version=exc.program_version))
            return False
        except ServerUnreachableError as exc:
            return self._server_unreachable(exc, target)
        except StorageError as exc:
            self.dialogs.error(self.tr("Database not opened"), str(exc))
            return False
        log.info("database ready: %s", "; ".join(report.steps))
        self.statusBar().clearMessage()  # the last opening step
        from .context import UiContext

        self.ctx = UiContext(db, self.bus, self.runner, self.dialogs, self.undo, self.prefs)
        self._build_card()
        self.db_label.setText(str(path or public_target(target)))
        self.retranslate()  # the title names the database
        self._show_storage_state(db, report)
        self.reload_list()
        # The feature pages (dashboard, questionnaire, interviews...) are built once the list
        # has painted: they import SQLAlchemy and query, which the list must not wait for.
        QTimer.singleShot(0, self._build_feature_pages)
        QTimer.singleShot(0, self.show_release_notes_once)
        return True

    def _opening_step(self, step: str) -> None:
        """Say what opening the database does now; painted at once, the work holds the loop."""
        from .opening import step_text

        text = step_text(step)
        if self.placeholder is not None:
            self.placeholder.setText(text)
            self.placeholder.repaint()
        self.statusBar().showMessage(text)
        self.statusBar().repaint()
        self.opening_step.emit(text)

    def show_release_notes_once(self) -> None:
        """After an upgrade, the new version's notes (CHANGELOG), once, in the user's language."""
        from ..i18n import settings
        from ..release_notes import notes_due, section

        store = settings()
        if notes_due(store.value("last_version", "", str), __version__):
            text = section(__version__, self.prefs.language) or section("Unreleased", self.prefs.language)
            if text:
                self.dialogs.info(self.tr("What is new in MCIM Desk {version}").format(
                    version=__version__), text)
        store.setValue("last_version", __version__)
        store.sync()

    @property
    def pages_built(self) -> bool:
        return self._feature_pages_built

    def _show_storage_state(self, db, report) -> None:  # noqa: ANN001 - Database, OpenReport
        notes = []
        if db.read_only_reason == "full":
            notes.append(self.tr("The disk holding {folder} is full: the database is open for "
                                 "reading only until some space is freed there.").format(
                folder=db.path.parent))
        elif db.read_only:
            notes.append(self.tr("This database is read-only ({path}): you can read, search and "
                                 "print, but nothing can be saved in it. To change it, copy it "
                                 "to a folder you can write to.").format(path=db.path))
        if report.backup_problem:
            notes.append(self.tr("The automatic backup was not made: {problem}").format(
                problem=report.backup_problem))
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    def _acquire_lock(self, path: Path) -> bool:
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)
        if not lock.tryLock(200):
            if lock.error() != QLockFile.LockError.LockFailedError:
                # not held by another window: the lock file cannot be made (a full disk...);
                # go on without it rather than claim the database is open elsewhere
                log.warning("no lock file beside the database: %s", lock.error())
                return True
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
                                            self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"),
                                            "database")
            if not chosen:
                return self._server_unreachable(exc, target)
            from ..services.startup import NotADatabaseError, check_database_file

            try:
                if Path(chosen).exists():  # a new file is a new database, as at the start
                    check_database_file(Path(chosen))
            except NotADatabaseError as problem:
                self.dialogs.error(self.tr("Database not opened"), str(problem))
                return self._server_unreachable(exc, target)
            return self.open_database(chosen)
        return False

    def _offer_backup(self, exc: Exception) -> bool:

        from ..services.backups import restore
        from ..services.engine_messages import database_problem

        backup = exc.backup
        text = self.tr("The database file failed its integrity check and was not changed:\n"
                       "{path}\n({problem})").format(path=exc.path, problem=database_problem(exc.problem).rstrip("."))
        if backup is None:
            self.dialogs.error(self.tr("Damaged database"),
                               text + "\n\n" + self.tr("No automatic backup is available."), details=exc.problem)
            return False
        from ..services.backups import damaged_name

        kept = damaged_name(exc.path)
        question = text + "\n\n" + self.tr(
            "Open the latest automatic backup from {when} instead? The damaged file is kept, "
            "untouched and with its latest saves (its -wal file), as {kept}."
        ).format(when=backup.when.strftime("%Y-%m-%d %H:%M"), kept=kept.name)
        if not self.dialogs.confirm(self.tr("Damaged database"), question, details=exc.problem):
            return False
        restore(exc.path, backup.path, kept=kept)  # the damaged file moves with its -wal and -shm
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
        self.list_panel.setEnabled(True)
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
        from ..files import StorageError
        from ..services.backups import automatic_backup

        if self.ctx is None or self.ctx.db.path is None:
            return
        try:
            path = automatic_backup(self.ctx.db.path, "manual")
        except StorageError as exc:
            self.dialogs.error(self.tr("Backup not made"), str(exc))
            return
        from .file_written import announce_written

        announce_written(self.dialogs, self.tr("Backup written"), [path], can_open=False)

    def restore_backup(self) -> None:
        if self.ctx is None or self.ctx.db.path is None:
            return
        from ..paths import backup_dir_for

        chosen = self.dialogs.open_file(self.tr("Restore a backup"),
                                        self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"),
                                        "backup", backup_dir_for(self.ctx.db.path))
        if not chosen:
            return
        if not self.dialogs.confirm(
            self.tr("Restore a backup"),
            self.tr("Replace the current data by {file}? The current database is kept as a "
                    "backup first.").format(file=Path(chosen).name),
        ):
            return
        from ..files import StorageError
        from ..persistence.sqlite_files import DatabaseDamaged
        from ..services.backups import restore

        self.ctx.db.dispose()
        try:
            restore(self.ctx.db.path, Path(chosen))
        except DatabaseDamaged as exc:
            from ..services.engine_messages import database_problem

            self.dialogs.error(self.tr("Backup not restored"), self.tr(
                "That file is not a sound database: {problem}").format(problem=database_problem(exc.problem)),
                details=str(exc))
            return
        except StorageError as exc:
            self.dialogs.error(self.tr("Backup not restored"), str(exc))
            return
        self.undo.clear()
        self.reload_list()
        self.statusBar().showMessage(self.tr("Backup restored."), 8000)

    def edit_preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self, instruments=self._instrument_choice())
        dialog.preferences_saved.connect(self._preferences_saved)
        dialog.instruments_chosen.connect(self._instruments_chosen)
        dialog.open()

    def _instrument_choice(self):  # noqa: ANN202 - an InstrumentChoice, or None without a database
        if self.ctx is None:
            return None
        from ..services import instruments
        from .preferences_dialog import InstrumentChoice

        lang = self.prefs.language
        study = instruments.study_forms(self.ctx.db)
        return InstrumentChoice(
            questionnaires=tuple((f.form_id, f.title(lang)) for f in instruments.candidates(self.ctx.db, "questionnaire")),
            interviews=tuple((f.form_id, f.title(lang)) for f in instruments.candidates(self.ctx.db, "interview")),
            questionnaire=study.questionnaire,
            interview=study.interview,
        )

    def _instruments_chosen(self, questionnaire: str, interview: str) -> None:
        from ..services import instruments

        try:
            instruments.set_study_forms(self.ctx.db, questionnaire, interview)
        except instruments.InstrumentError as exc:
            self.dialogs.error(self.tr("Study forms not changed"), str(exc))
            return
        self.ctx.bus.notify("form", [questionnaire, interview])

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
        from ..build_info import build_date
        from ..paths import data_dir, public_target

        self.dialogs.info(
            self.tr("About MCIM Desk"),
            self.tr("{app} {version}\n\nAn offline desk for the study of inter-state "
                    "consultation mechanisms on migration and the Global Compact for Migration."
                    "\n\nData folder: {folder}\nDatabase: {db}").format(
                app=APP_NAME, version=__version__, folder=data_dir(),
                db=public_target(self.ctx.db.target) if self.ctx else "—",
            ) + "\n" + (self.tr("Built on {date}").format(date=build_date()) if build_date()
                        else self.tr("Running from the source code")),
        )

    def _focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    # -- language and closing ---------------------------------------------------------------

    def retranslate(self) -> None:
        database = self.db_label.text()  # the open database, named in the title
        self.setWindowTitle(" — ".join(filter(None, (
            APP_NAME, Path(database).name if database and "://" not in database else database,
            self.prefs.profile))))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reports_menu.setTitle(self.tr("&Reports"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self._retitle_undo()
        self.prefs_action.setText(self.tr("&Preferences…"))
        self.find_action.setText(self.tr("&Find a mechanism"))
        self.about_action.setText(self.tr("&About MCIM Desk"))
        if self.placeholder is not None:
            self.placeholder.setText(self.tr("Opening the database…"))
            self.tabs.setTabText(self.tabs.indexOf(self.placeholder), self.tr("Opening…"))
        self._retitle_tabs()

    def _undo_changed(self, *_args: object) -> None:
        try:
            self._retitle_undo()
        except RuntimeError:  # the stack goes first when the window is destroyed
            pass

    def _retitle_undo(self) -> None:
        undo, redo = self.undo.undoText().replace("&", "&&"), self.undo.redoText().replace("&", "&&")
        self.undo_action.setText(self.tr("&Undo: {change}").format(change=undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo: {change}").format(change=redo) if redo else self.tr("&Redo"))
        self.undo_action.setEnabled(self.undo.canUndo())
        self.redo_action.setEnabled(self.undo.canRedo())

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

    def close_database(self) -> bool:
        """Put the open database away as closing the window does (the field being edited
        saved, the exit backup, the lock released) and take down what was built on it, so
        that ``open_database`` opens another here. False when a window of the program
        refused to close (a call still running)."""
        from PySide6.QtWidgets import QMenu, QToolBar

        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible() and not isinstance(child, QMenu) \
                    and not child.close():
                return False
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()
        self.runner.wait(10_000)
        self._release_database()
        self.undo.clear()
        self.ctx = None
        for page, _title in self._pages:
            self.tabs.removeTab(self.tabs.indexOf(page))
            page.setParent(None)  # out of findChildren at once, deleted later
            page.deleteLater()
        self._pages.clear()
        self.card = None
        self._feature_pages_built = False
        for bar in self.findChildren(QToolBar, "demo_banner"):
            self.removeToolBar(bar)
            bar.setParent(None)
            bar.deleteLater()
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.placeholder, "")
        self.list_panel.setEnabled(False)
        self.banner.hide()
        self.db_label.clear()
        self.retranslate()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        focus = self.focusWidget()
        if focus is not None:  # commit the field being edited before closing
            focus.clearFocus()
        self.runner.wait(10_000)
        self._release_database()
        super().closeEvent(event)

    def _release_database(self) -> None:
        if self.ctx is not None:
            # Close first: the WAL goes back into the file, so the next start's copy is
            # recognised as identical to this one when nothing changed in between.
            self.ctx.db.dispose()
        if self.ctx is not None and self.ctx.db.path is not None and not self.ctx.db.read_only:
            from ..services.backups import automatic_backup

            try:
                automatic_backup(self.ctx.db.path, "exit")
            except Exception as exc:  # noqa: BLE001 - closing goes on; the log says why
                log.warning("backup on exit failed: %s", type(exc).__name__)
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
