"""The dialog shown when a save was refused because someone else changed the same answer (or
note) since this window read it: both values side by side, who saved theirs and when, and
the choice of keeping one's own value (saved over theirs, now knowingly) or taking theirs.
Nothing is lost either way: the value not kept stays in the audit log (History…)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

KEEP_MINE, TAKE_THEIRS = "mine", "theirs"


class KeptTheirs(Exception):  # noqa: N818 - a choice, not an error
    """Raised out of a save the user gave up for the other person's value (nothing to say)."""


def local_time(at: datetime | None) -> str:
    """A stored moment (naive UTC) on this computer's clock, for a person to read."""
    if at is None:
        return ""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def conflict_text(question: str, theirs: str | None, yours: str | None, actor: str | None,
                  at: datetime | None, note: bool = False) -> str:
    """The conflict in words, as the scripted dialogs (tests, the self-test) record it."""
    empty = QCoreApplication.translate("Conflict", "(no answer)")
    if note:
        head = QCoreApplication.translate(
            "Conflict", "Someone else changed the note on “{question}” since this window read "
            "it.").format(question=question)
    else:
        head = QCoreApplication.translate(
            "Conflict", "Someone else changed the answer to “{question}” since this window read "
            "it.").format(question=question)
    who = (QCoreApplication.translate("Conflict", "Saved by {actor} on {when}").format(
        actor=actor, when=local_time(at)) if actor
        else QCoreApplication.translate("Conflict", "Saved by someone else"))
    return "\n".join([
        head,
        QCoreApplication.translate("Conflict", "Theirs: {value}").format(value=theirs or empty)
        + f" ({who})",
        QCoreApplication.translate("Conflict", "Yours: {value}").format(value=yours or empty),
    ])


class EditConflictDialog(QDialog):
    """Theirs and yours, read-only, and two buttons; ``choice`` is KEEP_MINE or TAKE_THEIRS
    (closing the dialog takes theirs: nothing is overwritten without a click)."""

    def __init__(self, question: str, theirs: str | None, yours: str | None, actor: str | None,
                 at: datetime | None, note: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_conflict")
        self.choice = TAKE_THEIRS
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.resize(640, 380)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        if note:
            intro.setText(self.tr("Someone else changed the note on “{question}” since this window "
                                  "read it. Nothing was overwritten: choose the note to keep.")
                          .format(question=question))
        else:
            intro.setText(self.tr("Someone else changed the answer to “{question}” since this "
                                  "window read it. Nothing was overwritten: choose the answer to "
                                  "keep.").format(question=question))
        who = (self.tr("Theirs — saved by {actor} on {when}").format(actor=actor, when=local_time(at))
               if actor else self.tr("Theirs — saved by someone else"))
        grid = QGridLayout()
        self.theirs = self._value_box(theirs, "conflict_theirs")
        self.yours = self._value_box(yours, "conflict_yours")
        grid.addWidget(QLabel(who, self), 0, 0)
        grid.addWidget(QLabel(self.tr("Yours — typed in this window"), self), 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.yours, 1, 1)
        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self.tr("Keep mine (replace theirs)"), self)
        self.keep_button.setObjectName("keep_mine")
        self.take_button = QPushButton(self.tr("Take theirs"), self)
        self.take_button.setObjectName("take_theirs")
        self.take_button.setDefault(True)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        hint = QLabel(self.tr("The value not kept stays in the response’s history."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _value_box(self, value: str | None, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setReadOnly(True)
        box.setPlainText(value or "")
        box.setPlaceholderText(self.tr("(no answer)"))
        return box

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == KEEP_MINE:
            self.accept()
        else:
            self.reject()
