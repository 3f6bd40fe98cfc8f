"""The window's side of the size limits: a text over the limit is not saved, the field says
why (question, length, limit), and the typed text stays in it for the user to shorten."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_questionnaire_page import open_page

from mcim_desk.limits import ACRONYM_CHARS, TEXT_ANSWER_CHARS
from mcim_desk.services import catalogue, responses

Q12 = "section_2/q12"


def test_an_answer_over_the_limit_stays_in_the_field_unsaved(make_window, qtbot, typer) -> None:  # noqa: ANN001
    window, page = open_page(make_window, qtbot)
    widget = page.form.widgets[Q12]
    editor = widget.editor
    editor.setFocus()
    typer(qtbot, editor, "Début é ")
    editor.insertPlainText("x" * TEXT_ANSWER_CHARS)  # as a paste does
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    rid = page.form.response.id
    assert Q12 not in responses.answers(window.ctx.db, rid)
    assert editor.toPlainText() == "Début é " + "x" * TEXT_ANSWER_CHARS  # nothing lost
    assert widget.error.isVisibleTo(widget)
    message = widget.error.text()
    assert "12. How does your ISCM intend" in message and "30,008" in message and "30,000" in message
    # another answer saved meanwhile does not hide the message
    q1 = page.form.widgets["section_1/q1"].editor
    q1.setFocus()
    typer(qtbot, q1, "Rabat")
    qtbot.keyClick(q1, Qt.Key.Key_Tab)
    assert responses.answers(window.ctx.db, rid)["section_1/q1"] == "Rabat"
    assert widget.error.text() == message
    # shortened to the limit: saved whole, the message goes
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    for _ in range(8):
        cursor.deleteChar()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert responses.answers(window.ctx.db, rid)[Q12] == "x" * TEXT_ANSWER_CHARS
    assert not widget.error.isVisibleTo(widget)


def test_an_acronym_over_its_limit_is_said_and_not_saved(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    panel = window.list_panel
    row = next(r for r in panel.visible_rows() if r.key == "pidc")
    panel.select(row.id)
    field = window.card.fields["acronym_en"]
    field.setFocus()
    field.selectAll()
    field.insert("P" * 3045)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.card.error.isVisibleTo(window.card)
    assert window.card.error.text() == (
        f"Acronym (English) has 3,045 characters, more than the limit of {ACRONYM_CHARS}.")
    assert field.text() == "P" * 3045
    assert catalogue.find_mechanism(window.ctx.db, "PIDC") is not None
    assert window.undo.count() == 0


def test_a_note_over_its_limit_stays_in_its_box_unsaved(qtbot, make_window) -> None:  # noqa: ANN001
    from test_interviews_ui import (
        add_chair,
        choose,
        interviews_page,
        open_workspace_of,
        plan_through_dialog,
    )

    from mcim_desk.limits import NOTE_CHARS

    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    plan_through_dialog(qtbot, page, "2019-04-01")
    workspace = open_workspace_of(qtbot, window, page)
    widget = workspace.form.widgets["mandatory/q4"]
    assert widget.notes is not None
    widget.notes.setFocus()
    widget.notes.insertPlainText("n" * (NOTE_CHARS + 1))
    workspace.notes_edit.setFocus()  # leaving the box would save it
    assert responses.notes(window.ctx.db, workspace.info.response_id) == {}
    assert widget.notes.toPlainText() == "n" * (NOTE_CHARS + 1)
    assert widget.error.text() == "The note has 200,001 characters, more than the limit of 200,000."
    widget.notes.setFocus()
    widget.notes.textCursor().deletePreviousChar()
    workspace.notes_edit.setFocus()
    assert responses.notes(window.ctx.db, workspace.info.response_id) == {"mandatory/q4": "n" * NOTE_CHARS}
    assert not widget.error.isVisibleTo(widget)
    workspace.close()
