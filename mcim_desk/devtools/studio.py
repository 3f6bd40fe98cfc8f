"""Where the scenes of :mod:`.screens` are shot: a :class:`Studio` (a main window on its own
copy of the demo database, in one language, with recorded message boxes), the demo database
itself, and what a scene is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

WINDOW_SIZE = (1280, 800)
PROFILE = "Demo"
ZONE = "Europe/Geneva"


class SceneUnavailable(Exception):
    """The screen does not exist (yet) in this version: the scene is skipped with this note."""


@dataclass(frozen=True)
class Scene:
    name: str
    build: Callable[[Studio], QWidget]


def settle(rounds: int = 4) -> None:
    """Let queued work run (the change bus, deferred page building, layouts)."""
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()
        app.sendPostedEvents()


def make_demo(path: Path) -> Path:
    """The demonstration database (``mcim-desk demo``), made once per run."""
    from ..services.demo import create_demo

    create_demo(path, lambda _f, _m: None, time_zone=ZONE)
    return path


def _recording_dialogs():  # noqa: ANN202 - a ScriptedDialogs that keeps the choices offered
    from ..ui.dialogs import ScriptedDialogs

    class RecordingDialogs(ScriptedDialogs):
        def __init__(self) -> None:
            super().__init__()
            self.choices: list[list[str]] = []

        def choose(self, title: str, text: str, choices: list[tuple[str, str]],
                   cancel: str | None = None) -> str | None:
            self.choices.append([caption for _key, caption in choices])
            return super().choose(title, text, choices, cancel)

    return RecordingDialogs()


class Studio:
    """A main window on a private copy of the demo database, in one language, with scripted
    message boxes (recorded, so a scene can show the one the program asked for)."""

    def __init__(self, demo: Path, workdir: Path, lang: str,
                 size: tuple[int, int] = WINDOW_SIZE) -> None:
        from ..i18n import install_translators
        from ..preferences import Preferences
        from ..services.backups import backup_to
        from ..ui.features import install_features
        from ..ui.main_window import MainWindow
        from ..ui.tasks import SyncRunner

        self.lang = lang
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.db_path = backup_to(demo, workdir / f"study-{lang}.sqlite3")
        self.demo = demo
        install_translators(lang)
        self.prefs = Preferences(profile=PROFILE, time_zone=ZONE, language=lang)
        self.dialogs = _recording_dialogs()
        self.window = MainWindow(self.prefs, SyncRunner(), self.dialogs, features=install_features)
        self.window.resize(*size)
        self.window.show()
        settle()
        self.opened = False
        self.extra: dict[str, object] = {}
        self._to_close: list[QWidget] = []

    # -- the window -------------------------------------------------------------------------

    def open(self) -> None:
        if not self.opened:
            if not self.window.open_database(str(self.db_path)):
                raise RuntimeError(f"the demo database did not open: {self.dialogs.shown}")
            settle()
            self.opened = True

    @property
    def ctx(self):  # noqa: ANN201 - UiContext
        self.open()
        return self.window.ctx

    def mechanism_id(self, key: str) -> str:
        from ..domain.reference import mechanism_id

        return mechanism_id(key)

    def select(self, key: str) -> str:
        self.open()
        mechanism = self.mechanism_id(key)
        if not self.window.list_panel.select(mechanism):
            raise RuntimeError(f"mechanism {key} not in the list")
        settle()
        return mechanism

    def page(self, cls: type) -> QWidget:
        self.open()
        for index in range(self.window.tabs.count()):
            widget = self.window.tabs.widget(index)
            if isinstance(widget, cls):
                return widget
        raise SceneUnavailable(f"no {cls.__name__} page")

    def show_page(self, page: QWidget) -> QWidget:
        self.window.tabs.setCurrentWidget(page)
        settle()
        return self.window

    # -- windows and dialogs ---------------------------------------------------------------

    def keep(self, widget: QWidget, size: tuple[int, int] | None = None) -> QWidget:
        """A dialog or window to show and close after the shot."""
        if size is not None:
            widget.resize(*size)
        if not widget.isVisible():
            widget.show()
        self._to_close.append(widget)
        settle()
        return widget

    def last_message(self, kind: str | None = None) -> tuple[str, str, str]:
        for shown in reversed(self.dialogs.shown):
            if kind is None or shown[0] == kind:
                return shown
        raise RuntimeError(f"no {kind or ''} message was shown")

    def message_box(self, kind: str, title: str, text: str) -> QMessageBox:
        """The message box DialogService would show for a recorded message."""
        icons = {"error": QMessageBox.Icon.Critical, "warning": QMessageBox.Icon.Warning,
                 "info": QMessageBox.Icon.Information, "confirm": QMessageBox.Icon.Question}
        buttons = (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No if kind == "confirm"
                   else QMessageBox.StandardButton.Ok)
        box = QMessageBox(icons.get(kind, QMessageBox.Icon.Question), title, text,
                          QMessageBox.StandardButton.NoButton if kind == "choose" else buttons, self.window)
        if kind == "choose":  # the named answers last offered, and Cancel
            for choice in self.dialogs.choices[-1]:
                box.addButton(choice, QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
        return self.keep(box)

    def menu(self, menu: QMenu) -> QMenu:
        menu.popup(self.window.mapToGlobal(QPoint(10, 30)))
        self._to_close.append(menu)
        settle()
        return menu

    def dismiss(self) -> None:
        for widget in reversed(self._to_close):
            try:
                if isinstance(widget, QDialog):
                    widget.done(0)
                widget.close()
                widget.deleteLater()
            except RuntimeError:  # already deleted with its parent
                pass
        self._to_close.clear()
        settle()

    def close(self) -> None:
        self.dismiss()
        self.window.close()
        self.window.deleteLater()
        settle()
