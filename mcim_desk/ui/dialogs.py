"""Message and file boxes behind one small service, so dialogs can be driven in tests."""

from __future__ import annotations

import weakref
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .qt_file_dialog import ask_file


class DialogService:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str, details: str = "") -> None:
        """``details``: the engine's own text (English, technical), behind "Show Details…"."""
        if details:
            self._detailed(QMessageBox.Icon.Critical, title, text, details).exec()
        else:
            QMessageBox.critical(self.parent, title, text)

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str, details: str = "") -> bool:
        if details:
            box = self._detailed(QMessageBox.Icon.Question, title, text, details,
                                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            return box.exec() == QMessageBox.StandardButton.Yes
        answer = QMessageBox.question(
            self.parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def _detailed(self, icon: QMessageBox.Icon, title: str, text: str, details: str,
                  buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, self.parent)
        box.setDetailedText(details)
        return box

    def choose(self, title: str, text: str, choices: list[tuple[str, str]],
               cancel: str | None = None) -> str | None:
        """A question with one button per (key, caption); the key of the one clicked. With
        ``cancel`` (a key), a Cancel button too, which Escape and closing the box choose;
        without it, closing the box chooses the last choice."""
        icon = QMessageBox.Icon.Question if cancel else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        buttons = {box.addButton(caption, QMessageBox.ButtonRole.AcceptRole): key
                   for key, caption in choices}
        if choices:
            box.setDefaultButton(next(iter(buttons)))
        if cancel is not None:
            box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        fallback = cancel if cancel is not None else (choices[-1][0] if choices else None)
        return buttons.get(box.clickedButton(), fallback)

    def resolve_conflict(self, question: str, theirs: str | None, yours: str | None,
                         actor: str | None, at: datetime | None, note: bool = False) -> str:
        """Someone else saved ``question`` since the window read it: "mine" (save mine over
        theirs) or "theirs" (show theirs), the user's choice (conflict_dialog)."""
        from .conflict_dialog import EditConflictDialog

        dialog = EditConflictDialog(question, theirs, yours, actor, at, note, self.parent)
        dialog.exec()
        return dialog.choice

    def file_written(self, title: str, text: str, can_open: bool) -> str | None:
        """A file was written: "open", "folder" (show it in its folder) or None (Close)."""
        box, buttons = file_written_box(self.parent, title, text, can_open)
        box.exec()
        return buttons.get(box.clickedButton())

    def open_path(self, path: Path) -> bool:
        """Open a file or a folder with the desktop's default program; False when none starts."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_file(self, title: str, suggested: str, filters: str, kind: str | None = None,
                  folder: Path | str | None = None) -> str | None:
        """Ask where to write a file of ``kind`` (file_dialogs.KINDS; guessed from
        ``filters`` when None): the box opens in the folder last chosen for that kind, else
        in ``folder``, else the kind's default; the folder chosen is remembered."""
        from . import file_dialogs

        kind = file_dialogs.kind_of(kind, filters)
        path = self._ask_save(title, file_dialogs.start_path(kind, suggested, folder), filters)
        file_dialogs.remember(kind, path)
        return path or None

    def open_file(self, title: str, filters: str, kind: str | None = None,
                  folder: Path | str | None = None) -> str | None:
        """Ask for a file of ``kind`` to read (the folders as for :meth:`save_file`)."""
        from . import file_dialogs

        kind = file_dialogs.kind_of(kind, filters)
        path = self._ask_open(title, file_dialogs.start_path(kind, "", folder), filters)
        file_dialogs.remember(kind, path)
        return path or None

    def _ask_save(self, title: str, start: str, filters: str) -> str | None:
        return ask_file(self.parent, title, start, filters, save=True)

    def _ask_open(self, title: str, start: str, filters: str) -> str | None:
        return ask_file(self.parent, title, start, filters, save=False)


def file_written_box(parent: QWidget | None, title: str, text: str,
                     can_open: bool) -> tuple[QMessageBox, dict[object, str]]:
    """The message saying where a file was written: Open (one file), Show in folder, Close;
    the buttons map to "open" and "folder" (Close and Escape to nothing)."""
    from PySide6.QtCore import QCoreApplication

    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("file_written_box")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons: dict[object, str] = {}
    if can_open:
        open_button = box.addButton(QCoreApplication.translate("FileWritten", "&Open"),
                                    QMessageBox.ButtonRole.AcceptRole)
        buttons[open_button] = "open"
    folder = box.addButton(QCoreApplication.translate("FileWritten", "Show in &folder"),
                           QMessageBox.ButtonRole.ActionRole)
    buttons[folder] = "folder"
    close = box.addButton(QCoreApplication.translate("FileWritten", "&Close"),
                          QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(close)
    return box, buttons


class ScriptedDialogs(DialogService):
    """Answers prepared in advance and a record of what was shown (tests, the self-test).

    An error or warning box is unexpected unless announced first with :meth:`expect` (a
    piece of its title or text); a conflict or a choice unless ``conflict_answers`` or
    ``choice_answers`` holds the answer.
    Unexpected boxes are kept in ``unexpected``: the test suite fails any test that leaves
    one, showing its text (tests/conftest.py looks at every instance made during a test)."""

    instances: ClassVar[weakref.WeakSet[ScriptedDialogs]] = weakref.WeakSet()

    def __init__(self) -> None:
        super().__init__(None)
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answers: list[bool] = []
        self.file_answers: list[str | None] = []
        self.file_boxes: list[tuple[str, str]] = []  # (title, where the box opened)
        self.written_answers: list[str | None] = []  # "open", "folder" or None (Close)
        self.opened: list[Path] = []  # what open_path was asked to open
        self.open_succeeds = True  # False: no program could be started
        self.conflict_answers: list[str] = []
        self.choice_answers: list[str] = []
        self.expected: list[str] = []
        self.unexpected: list[tuple[str, str, str]] = []
        self.details: list[tuple[str, str]] = []  # (title, details) of the boxes that had them
        ScriptedDialogs.instances.add(self)

    def expect(self, fragment: str) -> None:
        """The next error or warning box whose title or text holds ``fragment`` is expected."""
        self.expected.append(fragment)

    def _box(self, kind: str, title: str, text: str) -> None:
        self.shown.append((kind, title, text))
        for position, fragment in enumerate(self.expected):
            if fragment in title or fragment in text:
                del self.expected[position]
                return
        self.unexpected.append((kind, title, text))

    def error(self, title: str, text: str, details: str = "") -> None:
        if details:
            self.details.append((title, details))
        self._box("error", title, text)

    def warning(self, title: str, text: str) -> None:
        self._box("warning", title, text)

    def info(self, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, title: str, text: str, details: str = "") -> bool:
        if details:
            self.details.append((title, details))
        self.shown.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def choose(self, title: str, text: str, choices: list[tuple[str, str]],
               cancel: str | None = None) -> str | None:
        entry = ("choose", title, text)
        self.shown.append(entry)
        if not self.choice_answers:
            self.unexpected.append(entry)
            return cancel
        return self.choice_answers.pop(0)

    def resolve_conflict(self, question: str, theirs: str | None, yours: str | None,
                         actor: str | None, at: datetime | None, note: bool = False) -> str:
        from .conflict_dialog import TAKE_THEIRS, conflict_text

        entry = ("conflict", question, conflict_text(question, theirs, yours, actor, at, note))
        self.shown.append(entry)
        if not self.conflict_answers:
            self.unexpected.append(entry)
            return TAKE_THEIRS
        return self.conflict_answers.pop(0)

    def file_written(self, title: str, text: str, can_open: bool) -> str | None:
        self.shown.append(("written", title, text))
        return self.written_answers.pop(0) if self.written_answers else None

    def open_path(self, path: Path) -> bool:
        self.opened.append(Path(path))
        return self.open_succeeds

    def _ask_save(self, title: str, start: str, filters: str) -> str | None:
        self.file_boxes.append((title, start))
        return self.file_answers.pop(0) if self.file_answers else None

    def _ask_open(self, title: str, start: str, filters: str) -> str | None:
        self.file_boxes.append((title, start))
        return self.file_answers.pop(0) if self.file_answers else None
