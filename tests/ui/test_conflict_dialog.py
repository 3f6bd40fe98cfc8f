"""The dialog of a refused stale save: both values as plain text, who saved theirs and when,
and the two choices; in English and French."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from mcim_desk.ui.conflict_dialog import KEEP_MINE, TAKE_THEIRS, EditConflictDialog, local_time

AT = datetime(2018, 11, 9, 23, 59, 59, 999999)


def labels(dialog: QDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_both_values_and_who_then_keep_mine(qtbot) -> None:  # noqa: ANN001
    dialog = EditConflictDialog("21. How can your ISCM help?", "Par des <b>ateliers</b> & co",
                                "Par un fonds commun", "amina", AT)
    qtbot.addWidget(dialog)
    assert dialog.theirs.toPlainText() == "Par des <b>ateliers</b> & co"  # text, never markup
    assert dialog.yours.toPlainText() == "Par un fonds commun"
    assert dialog.theirs.isReadOnly() and dialog.yours.isReadOnly()
    text = labels(dialog)
    assert "21. How can your ISCM help?" in text and "amina" in text and local_time(AT) in text
    assert dialog.take_button.isDefault()  # Enter overwrites nothing
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == KEEP_MINE and dialog.result() == QDialog.DialogCode.Accepted


def test_take_theirs_and_closing_overwrite_nothing(qtbot) -> None:  # noqa: ANN001
    dialog = EditConflictDialog("Q5", None, "Mine", None, None, note=True)
    qtbot.addWidget(dialog)
    assert "someone else" in labels(dialog) and "note" in labels(dialog)
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == TAKE_THEIRS
    closed = EditConflictDialog("Q5", "Theirs", "Mine", "jean", AT)
    qtbot.addWidget(closed)
    closed.reject()  # Escape or the window's close button
    assert closed.choice == TAKE_THEIRS


def test_in_french(qtbot) -> None:  # noqa: ANN001
    from mcim_desk.i18n import install_translators

    install_translators("fr")
    dialog = EditConflictDialog("21. Comment votre MCIM…", "La leur", "La mienne", "amina", AT)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Modifié par quelqu’un d’autre"
    assert dialog.keep_button.text() == "Garder la mienne (remplace la sienne)"
    assert "enregistrée par amina" in labels(dialog)
