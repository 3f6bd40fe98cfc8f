"""The first start asks, once, for the name written beside every change (issue 14): until
then the login (``root``, ``user``) went into the audit rows and follow-up owners. Prefilled
with the account's full name when the system has one, else the login; Skip keeps the login.
Either way the answer is stored in the preferences and the question is never asked again
(Edit > Preferences changes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..limits import PROFILE_CHARS
from .colours import text_style

if TYPE_CHECKING:
    from .main_window import MainWindow


class FirstStartDialog(QDialog):
    """Your name: Save stores what is typed, Skip stores the suggestion as it is."""

    profile_chosen = Signal(str)

    def __init__(self, suggestion: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_start_dialog")
        self.suggestion = suggestion
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.name = QLineEdit(suggestion, self)
        self.name.setObjectName("first_start_name")
        self.name.selectAll()
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name)
        self.later = QLabel(self)
        self.later.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("first_start_error")
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.name_label, self.name)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("first_start_save")
        self.save_button.setDefault(True)
        self.skip_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("first_start_skip")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.later)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)  # a long name (in Arabic script too) stays whole
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to MCIM Desk"))
        self.intro.setText(self.tr(
            "Your name is written beside every change you make (the history of each answer) "
            "and on the follow-ups you own; colleagues see it when they merge your data."))
        self.name_label.setText(self.tr("&Your name:"))
        self.later.setText(self.tr("You can change it later in Edit > Preferences."))
        self.save_button.setText(self.tr("&Save"))
        self.skip_button.setText(self.tr("S&kip (keep “{login}”)").format(
            login=self.suggestion.replace("&", "&&")))
        from . import access

        access.name_from_buddies(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _save(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.error.setText(self.tr("Type your name, or choose Skip."))
        elif len(name) > PROFILE_CHARS:
            self.error.setText(self.tr("Your name has {count} characters, more than the limit "
                                       "of {limit}.").format(count=len(name), limit=PROFILE_CHARS))
        else:
            self.profile_chosen.emit(name)
            self.accept()
            return
        self.error.show()
        self.name.setFocus()

    def reject(self) -> None:
        if not self.isHidden():  # Skip, Escape or the close box: the login stays the name
            self.profile_chosen.emit(self.suggestion)
        super().reject()


def suggested_profile(login: str) -> str:
    from ..preferences import full_name

    return full_name(login)[:PROFILE_CHARS] or login


def ask_profile_once(window: MainWindow) -> FirstStartDialog | None:
    """On the first start only (no profile name stored yet), open the dialog over the
    window; its answer becomes the profile and is stored. None when it was asked before."""
    from ..preferences import profile_chosen

    if profile_chosen():
        return None
    dialog = FirstStartDialog(suggested_profile(window.prefs.profile), window)

    def chosen(name: str) -> None:
        window.prefs.profile = name
        window.prefs.save()
        window.retranslate()  # the title shows the name

    dialog.profile_chosen.connect(chosen)
    dialog.open()
    return dialog
