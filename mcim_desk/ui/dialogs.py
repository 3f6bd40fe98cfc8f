"""Message and file boxes behind one small service, so dialogs can be driven in tests."""

from __future__ import annotations

import weakref
from datetime import datetime
from typing import ClassVar

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

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        return ask_file(self.parent, title, suggested, filters, save=True)

    def open_file(self, title: str, filters: str) -> str | None:
        return ask_file(self.parent, title, "", filters, save=False)


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

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        return self.file_answers.pop(0) if self.file_answers else None

    def open_file(self, title: str, filters: str) -> str | None:
        return self.file_answers.pop(0) if self.file_answers else None
