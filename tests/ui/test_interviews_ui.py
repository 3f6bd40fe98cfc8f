"""Interviews, the call workspace, quotes, coding, follow-ups and the dashboard, driven through
the real widgets on a real SQLite file (qtbot; synchronous tasks; scripted message boxes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from mcim_desk.services import followups, interviews, progress, quotes, responses, rounds
from mcim_desk.services.catalogue import ContactInfo, find_mechanism, save_contact

LIMA = "America/Lima"


# --- helpers ----------------------------------------------------------------------------------


def page_of(window, cls):  # noqa: ANN001, ANN201
    [page] = window.findChildren(cls)
    return page


def show(window, page) -> None:  # noqa: ANN001
    window.tabs.setCurrentWidget(page)


def choose(window, acronym: str):  # noqa: ANN001, ANN201
    mech = find_mechanism(window.ctx.db, acronym)
    assert window.list_panel.select(mech.id)
    return mech


def add_chair(window, mechanism) -> ContactInfo:  # noqa: ANN001
    return save_contact(window.ctx.db, ContactInfo(
        id="", mechanism_id=mechanism.id, role="chair", name="Ana Pérez", title="Presidenta pro tempore",
        institution="Cancillería del Perú", email=None, phone=None, time_zone=LIMA, revision=0), "tester")


def click_save(qtbot, dialog) -> None:  # noqa: ANN001
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def interviews_page(window):  # noqa: ANN001, ANN201
    from mcim_desk.ui.interviews_page import InterviewsPage

    return page_of(window, InterviewsPage)


def fill_plan(qtbot, dialog, date: str, start: str, end: str, zone: str | None = None) -> None:  # noqa: ANN001
    for edit, text in ((dialog.date, date), (dialog.start, start), (dialog.end, end)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    if zone is not None:
        dialog.zone.clear()
        qtbot.keyClicks(dialog.zone, zone)


def plan_through_dialog(qtbot, page, date: str, start: str = "03:00", end: str = "04:00"):  # noqa: ANN001, ANN201
    dialog = page.plan_dialog()
    assert dialog.zone.text() == LIMA  # prefilled from the chair
    fill_plan(qtbot, dialog, date, start, end)
    preview = dialog.preview.text()
    click_save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    return preview


def table_texts(table, column: int) -> list[str]:  # noqa: ANN001
    return [table.item(r, column).text() for r in range(table.rowCount())]


def open_workspace_of(qtbot, window, page):  # noqa: ANN001, ANN201
    from mcim_desk.ui.call_workspace import CallWorkspace

    qtbot.mouseClick(page.workspace_button, Qt.MouseButton.LeftButton)
    [workspace] = [w for w in window.findChildren(CallWorkspace) if w.isVisible()]
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    return workspace


def context_action(qtbot, form, path: str, text: str) -> None:  # noqa: ANN001
    """Right-click an answer (a context-menu event on its editor) and choose ``text``."""
    editor = form.text_editor(path)
    before = set(form.findChildren(QMenu))
    QApplication.sendEvent(editor, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                     editor.mapToGlobal(QPoint(5, 5))))
    [menu] = [m for m in form.findChildren(QMenu) if m not in before]
    [action] = [a for a in menu.actions() if a.text() == text]
    action.trigger()
    menu.close()


def check_item(qtbot, list_widget, filter_edit, words: str, name: str) -> None:  # noqa: ANN001
    """Filter a check list, then tick the item with the keyboard (Space)."""
    filter_edit.clear()
    qtbot.keyClicks(filter_edit, words)
    visible = [list_widget.item(r) for r in range(list_widget.count()) if not list_widget.item(r).isHidden()]
    [item] = [i for i in visible if i.data(Qt.ItemDataRole.UserRole) == name]
    list_widget.setCurrentItem(item)
    qtbot.keyClick(list_widget, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


# --- planning ---------------------------------------------------------------------------------


def test_dashboard_is_the_first_page(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    assert window.tabs.currentWidget() is page_of(window, DashboardPage)
    assert window.tabs.tabText(0) == "Dashboard"
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert {"Interviews", "Follow-ups", "Quotes"} <= set(titles)


def test_plan_with_a_chair_in_lima_from_geneva_across_dst(qtbot, make_window) -> None:  # noqa: ANN001
    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    show(window, page)
    page.reload()
    cases = [
        ("2019-03-29", "2019-03-29 · 09:00 Geneva / 03:00 Lima"),  # Geneva still on winter time
        ("2019-04-01", "2019-04-01 · 10:00 Geneva / 03:00 Lima"),  # summer time since 31 March
        ("26/10/2018", "2018-10-26 · 10:00 Geneva / 03:00 Lima"),  # before the October change
        ("09/11/2018", "2018-11-09 · 09:00 Geneva / 03:00 Lima"),  # the study's deadline
    ]
    for date, expected in cases:
        preview = plan_through_dialog(qtbot, page, date)
        assert preview == expected + " · 60 min"
    listed = table_texts(page.table, 0)
    assert sorted(listed) == sorted(expected for _d, expected in cases)
    assert set(table_texts(page.table, 1)) == {"Ana Pérez, Presidenta pro tempore, Cancillería del Perú"}
    # each interview has its "send the questions" follow-up and its guide response
    items = interviews.interviews_of(window.ctx.db, sacm.id)
    assert len(items) == 4 and all(i.response_id for i in items)
    assert len(followups.followups(window.ctx.db, kind="send_questionnaire")) == 4
    # undo removes the last one, redo brings it back
    window.undo.undo()
    assert len(interviews.interviews_of(window.ctx.db, sacm.id)) == 3
    window.undo.redo()
    assert len(interviews.interviews_of(window.ctx.db, sacm.id)) == 4


def test_plan_with_a_new_contact(qtbot, make_window, typer) -> None:  # noqa: ANN001
    window = make_window()
    sacm = choose(window, "SACM")
    page = interviews_page(window)
    dialog = page.plan_dialog()
    dialog.contact.setCurrentIndex(dialog.contact.findData("__new__"))
    assert dialog.new_box.isVisibleTo(dialog)
    typer(qtbot, dialog.new_name, "José Núñez")
    dialog.zone.clear()
    fill_plan(qtbot, dialog, "2019-04-02", "9:30", "10:15", zone="America/Lima")
    assert "16:30 Geneva / 09:30 Lima" in dialog.preview.text() and "45 min" in dialog.preview.text()
    click_save(qtbot, dialog)
    [info] = interviews.interviews_of(window.ctx.db, sacm.id)
    assert info.contact_name == "José Núñez" and info.planned_minutes == 45
    card = page.card
    assert [c.name for c in card.contacts] == ["José Núñez"]
    assert card.contacts[0].time_zone == LIMA


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("zone", "America/Lma", "Unknown time zone “America/Lma”: use a name such as Europe/Geneva or America/Lima."),
        ("end", "02:00", "The end (02:00) must be after the start (03:00)."),
        ("date", "next friday", "“next friday” is not a date: type it as 2018-11-09 or 09/11/2018."),
    ],
)
def test_bad_plan_input_is_refused_with_a_clear_message(qtbot, make_window, field, text, message) -> None:  # noqa: ANN001
    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    dialog = page.plan_dialog()
    fill_plan(qtbot, dialog, "2019-04-01", "03:00", "04:00")
    edit = getattr(dialog, field)
    edit.clear()
    qtbot.keyClicks(edit, text)
    assert dialog.preview.text() == message  # shown live, as you type
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == message and not dialog.error.isHidden()
    assert dialog.focusWidget() is edit
    assert edit.accessibleDescription() == message  # a screen reader reads it with the field
    assert interviews.interviews_of(window.ctx.db, sacm.id) == []
    assert followups.followups(window.ctx.db) == []
    assert window.undo.count() == 0
    edit.clear()
    qtbot.keyClicks(edit, {"zone": LIMA, "end": "04:00", "date": "2019-04-01"}[field])  # corrected
    assert dialog.error.isHidden() and edit.accessibleDescription() == ""
    assert "Lima" in dialog.preview.text()


def test_reschedule_keeps_the_history(qtbot, make_window) -> None:  # noqa: ANN001
    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    plan_through_dialog(qtbot, page, "2019-04-01")
    dialog = page.reschedule_dialog()
    assert (dialog.date.text(), dialog.start.text(), dialog.end.text()) == ("2019-04-01", "03:00", "04:00")
    fill_plan(qtbot, dialog, "2019-04-08", "04:00", "05:00")
    click_save(qtbot, dialog)
    assert table_texts(page.table, 3) == ["Rescheduled", "Planned"]
    assert "Replaces the interview planned for 2019-04-01 · 10:00 Geneva / 03:00 Lima." in page.details.text()
    window.undo.undo()
    assert table_texts(page.table, 3) == ["Planned"]


# --- the call ---------------------------------------------------------------------------------


def test_hold_the_interview_with_the_timer(qtbot, make_window) -> None:  # noqa: ANN001
    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    show(window, page)
    plan_through_dialog(qtbot, page, "2019-04-01")
    workspace = open_workspace_of(qtbot, window, page)
    assert "10:00 Geneva / 03:00 Lima" in workspace.when.text()
    assert "Ana Pérez" in workspace.title.text()
    workspace.validate_notes.setFocus()
    qtbot.keyClick(workspace.validate_notes, Qt.Key.Key_Space)  # consent to validate the notes
    assert interviews.interview(window.ctx.db, workspace.interview_id).consent_validate_notes
    qtbot.mouseClick(workspace.start_button, Qt.MouseButton.LeftButton)
    assert workspace.tick.isActive() and workspace.call_state.text() == "Call in progress"
    info = interviews.interview(window.ctx.db, workspace.interview_id)
    assert info.actual_start_utc is not None and info.status == "planned"
    qtbot.mouseClick(workspace.pause_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(workspace.start_button, Qt.MouseButton.LeftButton)  # resumed
    with qtbot.waitSignal(workspace.call_stopped) as stopped:
        qtbot.mouseClick(workspace.stop_button, Qt.MouseButton.LeftButton)
    held = interviews.interview(window.ctx.db, workspace.interview_id)
    assert held.status == "held" and held.actual_seconds == stopped.args[0]
    assert held.actual_start_utc == info.actual_start_utc
    assert "Held" in workspace.when.text()
    kinds = {f.kind: f.status for f in followups.followups(window.ctx.db, interview_id=held.id)}
    assert kinds == {"send_questionnaire": "cancelled", "send_notes": "open"}
    window.undo.undo()  # the end of the call
    assert interviews.interview(window.ctx.db, held.id).status == "planned"
    assert "send_notes" not in {f.kind for f in followups.followups(window.ctx.db, interview_id=held.id)}
    window.undo.redo()
    assert interviews.interview(window.ctx.db, held.id).status == "held"
    workspace.close()


def _workspace_with_answer(qtbot, window, typer, answer: str):  # noqa: ANN001, ANN201
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    show(window, page)
    plan_through_dialog(qtbot, page, "2019-04-01")
    workspace = open_workspace_of(qtbot, window, page)
    editor = workspace.form.text_editor("mandatory/q4")
    typer(qtbot, editor, answer)
    workspace.notes_edit.setFocus()  # leaving the answer saves it
    qtbot.waitUntil(lambda: responses.answers(window.ctx.db, workspace.info.response_id).get("mandatory/q4") == answer)
    return workspace, editor


ANSWER = "La CSM facilite le dialogue entre les États membres et organise des ateliers de formation."


def test_save_a_quote_with_two_objective_tags(qtbot, make_window, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.quote_browser import QuoteBrowser
    from mcim_desk.ui.quote_dialog import QuoteDialog
    from mcim_desk.ui.widgets_common import select_range

    window = make_window()
    workspace, editor = _workspace_with_answer(qtbot, window, typer, ANSWER)
    words = "facilite le dialogue entre les États membres"
    start = ANSWER.index(words)
    select_range(editor, start, start + len(words))
    qtbot.mouseClick(workspace.quote_button, Qt.MouseButton.LeftButton)
    [dialog] = workspace.findChildren(QuoteDialog)
    assert dialog.text.toPlainText() == words
    assert not dialog.cleared.isEnabled() and not dialog.consent_note.isHidden()
    check_item(qtbot, dialog.tags, dialog.filter, "reduce vulnerabilities", "objective_7")
    check_item(qtbot, dialog.tags, dialog.filter, "objective 23", "objective_23")
    qtbot.keyClicks(dialog.free_tags, "dialogue, States")
    click_save(qtbot, dialog)
    [saved] = quotes.quotes(window.ctx.db)
    assert saved.text == words and (saved.start, saved.end) == (start, start + len(words))
    assert saved.tags == ("objective_7", "objective_23", "dialogue", "States")
    assert saved.question == "mandatory/q4" and saved.contact_name == "Ana Pérez" and not saved.cleared
    assert workspace.quote_list.count() == 1 and words in workspace.quote_list.item(0).text()
    # the browser filters by tag and opens the interview at the quote
    browser = page_of(window, QuoteBrowser)
    show(window, browser)
    browser.set_filters(tag="objective_23")
    assert table_texts(browser.table, 3) == [f"“{words}”"]
    browser.set_filters(tag="objective_1")
    assert browser.table.rowCount() == 0
    browser.set_filters(tag="", question="mandatory/q5")
    assert browser.table.rowCount() == 0
    browser.set_filters(question="mandatory/q4", mechanism_id=saved.mechanism_id)
    assert browser.table.rowCount() == 1
    editor.setTextCursor(editor.textCursor())  # drop the selection
    cursor = editor.textCursor()
    cursor.clearSelection()
    editor.setTextCursor(cursor)
    opened = browser.open_current()
    assert opened is workspace
    assert editor.textCursor().selectedText() == words
    # undo removes the quote
    window.undo.undo()
    assert quotes.quotes(window.ctx.db) == []
    workspace.close()


def test_a_quote_cannot_be_cleared_without_consent(qtbot, make_window, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.widgets_common import select_range

    window = make_window()
    workspace, editor = _workspace_with_answer(qtbot, window, typer, ANSWER)
    words = "ateliers de formation"
    start = ANSWER.index(words)
    select_range(editor, start, start + len(words))
    dialog = workspace.quote_selection()
    assert not dialog.cleared.isEnabled()
    dialog.cleared.setEnabled(True)  # even if the box were ticked, the service refuses
    dialog.cleared.setChecked(True)
    click_save(qtbot, dialog)
    assert dialog.isVisible() and "cannot be cleared for publication" in dialog.error.text()
    assert quotes.quotes(window.ctx.db) == []
    dialog.reject()
    # the interviewee agrees to be quoted: the box can be ticked
    workspace.consent.setFocus()
    qtbot.keyClick(workspace.consent, Qt.Key.Key_Down)
    qtbot.keyClick(workspace.consent, Qt.Key.Key_Down)
    assert interviews.interview(window.ctx.db, workspace.interview_id).consent == "quoted"
    select_range(editor, start, start + len(words))
    dialog = workspace.quote_selection()
    assert dialog.cleared.isEnabled() and dialog.consent_note.isHidden()
    dialog.cleared.setFocus()
    qtbot.keyClick(dialog.cleared, Qt.Key.Key_Space)
    click_save(qtbot, dialog)
    [saved] = quotes.quotes(window.ctx.db)
    assert saved.cleared
    # consent withdrawn: the clearance goes with it; undo brings both back
    qtbot.keyClick(workspace.consent, Qt.Key.Key_Down)
    assert interviews.interview(window.ctx.db, workspace.interview_id).consent == "neither"
    assert not quotes.quote(window.ctx.db, saved.id).cleared
    assert "no longer cleared" in workspace.message.text()
    window.undo.undo()
    assert quotes.quote(window.ctx.db, saved.id).cleared
    workspace.close()


def test_call_notes_autosave_with_undo_and_quotes(qtbot, make_window, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.widgets_common import select_range

    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    plan_through_dialog(qtbot, page, "2019-04-01")
    workspace = open_workspace_of(qtbot, window, page)
    typer(qtbot, workspace.notes_edit, "Présidence tournante ; « pas de budget ».")
    workspace.start_button.setFocus()  # leaving the notes saves them
    assert interviews.interview(window.ctx.db, workspace.interview_id).notes == \
        "Présidence tournante ; « pas de budget »."
    select_range(workspace.notes_edit, 23, 40)
    dialog = workspace.quote_selection()
    assert dialog.text.toPlainText() == "« pas de budget »"
    click_save(qtbot, dialog)
    [saved] = quotes.quotes(window.ctx.db)
    assert saved.field == "notes" and saved.question == "notes"
    window.undo.undo()  # the quote
    window.undo.undo()  # the notes
    assert interviews.interview(window.ctx.db, workspace.interview_id).notes is None
    assert workspace.notes_edit.toPlainText() == ""
    workspace.close()


# --- follow-ups and the dashboard -------------------------------------------------------------


def _open_questionnaire(qtbot, window, acronym: str):  # noqa: ANN001, ANN201
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    choose(window, acronym)
    page = page_of(window, QuestionnairePage)
    show(window, page)
    if page.stack.currentWidget() is not page.form:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    return page


def test_clarification_from_an_answer_reaches_the_dashboard_and_its_marker_goes_when_done(
    qtbot, make_window, typer,
) -> None:  # noqa: ANN001
    from mcim_desk.ui.dashboard import DashboardPage
    from mcim_desk.ui.followups_page import ClarifyDialog

    window = make_window()
    page = _open_questionnaire(qtbot, window, "MIDSA")
    form = page.form
    path = "section_1/q1"
    editor = form.text_editor(path)
    typer(qtbot, editor, "Dialogue sur la migration pour l’Afrique australe")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor.setSelection(0, 8)
    context_action(qtbot, form, path, "Ask for clarification…")
    [dialog] = [d for d in window.findChildren(ClarifyDialog) if d.isVisible()]
    assert dialog.notes.toPlainText() == "“Dialogue”"  # an English window: English quotation marks
    dialog.notes.clear()
    typer(qtbot, dialog.notes, "Nom officiel en français ?")
    click_save(qtbot, dialog)
    [item] = followups.followups(window.ctx.db, kind="clarify_answer")
    assert item.answer_path == path and item.notes == "Nom officiel en français ?"
    widget = form.widgets[path]
    assert not widget.marker.isHidden() and widget.marker.text().startswith("Clarification asked")
    dashboard = page_of(window, DashboardPage)
    show(window, dashboard)
    qtbot.waitUntil(lambda: item.id in dashboard.entries("this_week"))
    group = dashboard.groups["this_week"]
    dashboard.tree.setCurrentItem(group.child(0))
    qtbot.mouseClick(dashboard.done_button, Qt.MouseButton.LeftButton)
    assert followups.followup(window.ctx.db, item.id).status == "done"
    qtbot.waitUntil(lambda: widget.marker.isHidden())
    assert path not in form.markers
    assert item.id not in dashboard.entries("this_week")
    window.undo.undo()  # open again: the marker comes back
    qtbot.waitUntil(lambda: not widget.marker.isHidden())


def test_marking_a_questionnaire_sent_creates_its_reminder(qtbot, make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.dashboard import DashboardPage
    from mcim_desk.ui.followups_page import FollowUpsPage

    window = make_window()
    midsa = choose(window, "MIDSA")
    page = page_of(window, FollowUpsPage)
    show(window, page)
    assert page.sent_label.text() == "Questionnaire of the current round: not sent yet."
    qtbot.mouseClick(page.mark_sent, Qt.MouseButton.LeftButton)
    assert "sent on" in page.sent_label.text() and not page.mark_sent.isEnabled()
    [reminder] = followups.followups(window.ctx.db, mechanism_id=midsa.id)
    assert reminder.kind == "reminder" and reminder.automatic
    assert table_texts(page.table, 1) == ["Reminder"]
    assert rounds.questionnaire_sent_at(window.ctx.db, midsa.id) is not None
    dashboard = page_of(window, DashboardPage)
    show(window, dashboard)
    qtbot.waitUntil(lambda: dashboard.progress_text("questionnaire_sent") == "1 of 30")
    assert dashboard.progress_text("not_contacted") == "29 of 30"
    window.undo.undo()
    assert followups.followups(window.ctx.db, mechanism_id=midsa.id) == []
    qtbot.waitUntil(lambda: dashboard.progress_text("questionnaire_sent") == "0 of 30")


def test_followup_edits_autosave_and_a_bad_due_date_saves_nothing(qtbot, make_window, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.followups_page import FollowUpsPage

    window = make_window()
    midsa = choose(window, "MIDSA")
    page = page_of(window, FollowUpsPage)
    show(window, page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    [item] = followups.followups(window.ctx.db, mechanism_id=midsa.id)
    typer(qtbot, page.notes, "Relancer le secrétariat")
    page.owner.setFocus()
    assert followups.followup(window.ctx.db, item.id).notes == "Relancer le secrétariat"
    page.due.selectAll()
    qtbot.keyClicks(page.due, "2018-11-07 14:30")
    qtbot.keyClick(page.due, Qt.Key.Key_Return)
    saved = followups.followup(window.ctx.db, item.id)
    from datetime import datetime

    assert saved.due_utc == datetime(2018, 11, 7, 13, 30)  # 14:30 in Geneva
    page.due.selectAll()
    qtbot.keyClicks(page.due, "mardi prochain")
    qtbot.keyClick(page.due, Qt.Key.Key_Return)
    assert page.error.text() == "“mardi prochain” is not a date: type it as 2018-11-09 or 09/11/2018."
    assert not page.error.isHidden()
    assert followups.followup(window.ctx.db, item.id).due_utc == datetime(2018, 11, 7, 13, 30)
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert followups.followup(window.ctx.db, item.id).status == "done"
    window.undo.undo()
    assert followups.followup(window.ctx.db, item.id).status == "open"


def test_dashboard_counts_match_the_data_and_filter(qtbot, make_window) -> None:  # noqa: ANN001
    from datetime import datetime

    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    db = window.ctx.db
    ids = {a: find_mechanism(db, a).id for a in ("MIDSA", "ARCP", "GFMD", "SACM")}
    for acronym in ("MIDSA", "ARCP", "GFMD"):
        rounds.mark_questionnaire_sent(db, ids[acronym], "t", zone="Europe/Geneva")
    gfmd = responses.open_questionnaire(db, ids["GFMD"], "t")
    responses.save_answer(db, gfmd.id, "section_1/q1", "Forum mondial", "t")
    held = interviews.plan_interview(db, ids["SACM"], None, datetime(2018, 11, 1, 9), LIMA, 60, "Europe/Geneva", "t")
    interviews.set_state(db, held.id, "held", "t")
    dashboard = page_of(window, DashboardPage)
    dashboard.reload()
    expected = {"not_contacted": "26 of 30", "questionnaire_sent": "3 of 30", "reminded": "0 of 30",
                "questionnaire_received": "1 of 30", "entered": "0 of 30", "validated": "0 of 30",
                "interviewed": "1 of 30"}
    assert {stage: dashboard.progress_text(stage) for stage in expected} == expected
    board = progress.dashboard(db, "Europe/Geneva")
    assert {r.stage: r.text() for r in board.progress} == expected
    # filter: global processes only (GFMD, IDM)
    dashboard.type_box.setCurrentIndex(dashboard.type_box.findData("global"))
    assert dashboard.progress_text("questionnaire_sent") == "1 of 2"
    assert dashboard.progress_text("questionnaire_received") == "1 of 2"
    assert dashboard.region.count() == 2  # all regions + "global"
    dashboard.type_box.setCurrentIndex(dashboard.type_box.findData("rcp"))
    dashboard.region.setCurrentIndex(dashboard.region.findData("rcp_africa"))
    assert dashboard.progress_text("questionnaire_sent") == "1 of 5"
    assert dashboard.progress_text("interviewed") == "0 of 5"
    row = [r for r in range(dashboard.progress.rowCount())
           if dashboard.progress.item(r, 0).data(Qt.ItemDataRole.UserRole) == "questionnaire_sent"][0]
    dashboard.progress.selectRow(row)
    assert dashboard.stage_members.text() == "Questionnaire sent: MIDSA"


def test_deadline_is_an_editable_setting_of_the_round(qtbot, make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    dashboard = page_of(window, DashboardPage)
    assert dashboard.deadline.text() == "2018-11-09"
    dashboard.deadline.selectAll()
    qtbot.keyClicks(dashboard.deadline, "30/11/2018")
    qtbot.keyClick(dashboard.deadline, Qt.Key.Key_Return)
    assert str(rounds.current_round(window.ctx.db).deadline) == "2018-11-30"
    dashboard.deadline.selectAll()
    qtbot.keyClicks(dashboard.deadline, "31/11/2018")
    qtbot.keyClick(dashboard.deadline, Qt.Key.Key_Return)
    assert "is not a date that exists" in dashboard.error.text()
    assert str(rounds.current_round(window.ctx.db).deadline) == "2018-11-30"
    window.undo.undo()
    assert str(rounds.current_round(window.ctx.db).deadline) == "2018-11-09"


def test_calendar_export_from_the_dashboard(qtbot, make_window, tmp_path: Path) -> None:  # noqa: ANN001
    from icalendar import Calendar

    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    plan_through_dialog(qtbot, page, "2030-04-01")
    dashboard = page_of(window, DashboardPage)
    out = tmp_path / "calendar"
    window.dialogs.file_answers = [str(out)]
    qtbot.mouseClick(dashboard.export_button, Qt.MouseButton.LeftButton)
    cal = Calendar.from_ical((tmp_path / "calendar.ics").read_bytes())
    [event] = cal.walk("VEVENT")
    assert "SACM" in str(event["summary"]) and event["dtstart"].params["TZID"] == LIMA
    kind, title, text = window.dialogs.shown[-1]
    assert (kind, title) == ("written", "Calendar written") and str(tmp_path / "calendar.ics") in text
    assert "1 interview(s)" in text


# --- coding -----------------------------------------------------------------------------------


def test_codebook_and_coding_a_questionnaire_answer(qtbot, make_window, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.codebook_dialog import CodebookDialog, CodeSelectionDialog

    window = make_window()
    codebook = CodebookDialog(window.ctx, window)
    codebook.open()
    edit = codebook.add_code()
    typer(qtbot, edit.label_fr, "Ateliers de formation")
    typer(qtbot, edit.label_en, "Training workshops")
    edit.colour.selectAll()
    qtbot.keyClicks(edit.colour, "red")
    click_save(qtbot, edit)
    assert "is not a colour" in edit.error.text() and quotes.codes(window.ctx.db) == []
    edit.colour.selectAll()
    qtbot.keyClicks(edit.colour, "#C0392B")
    click_save(qtbot, edit)
    [code] = quotes.codes(window.ctx.db)
    assert (code.label_fr, code.label_en, code.colour) == ("Ateliers de formation", "Training workshops", "#c0392b")
    assert codebook.tree.topLevelItemCount() == 1
    codebook.reject()

    page = _open_questionnaire(qtbot, window, "MIDSA")
    form = page.form
    path = "section_3/q14"
    editor = form.text_editor(path)
    text = "Oui : des ateliers de formation pour les États membres."
    typer(qtbot, editor, text)
    form.text_editor("section_1/q1").setFocus()  # leaving the answer saves it
    start = text.index("ateliers de formation")
    from mcim_desk.ui.widgets_common import select_range

    select_range(editor, start, start + len("ateliers de formation"))
    context_action(qtbot, form, path, "Code selection…")
    [dialog] = [d for d in window.findChildren(CodeSelectionDialog) if d.isVisible()]
    check_item(qtbot, dialog.list, dialog.filter, "training", code.id)
    click_save(qtbot, dialog)
    [passage] = quotes.quotes(window.ctx.db, kind="coding")
    assert passage.text == "ateliers de formation" and passage.code_ids == (code.id,)
    assert quotes.codes(window.ctx.db)[0].uses == 1
    # the passage follows an edit of the answer, or is flagged when its words are gone
    edited = "Depuis 2018. " + text
    responses.save_answer(window.ctx.db, passage.response_id, path, edited, "t")
    moved = quotes.quote(window.ctx.db, passage.id)
    assert edited[moved.start:moved.end] == "ateliers de formation" and not moved.text_changed
    responses.save_answer(window.ctx.db, passage.response_id, path, "Non.", "t")
    assert quotes.quote(window.ctx.db, passage.id).text_changed
    # deleting the code is undoable
    codebook = CodebookDialog(window.ctx, window)
    codebook.open()
    window.dialogs.confirm_answers = [True]
    qtbot.mouseClick(codebook.delete_button, Qt.MouseButton.LeftButton)
    assert quotes.codes(window.ctx.db) == []
    window.undo.undo()
    assert [c.id for c in quotes.codes(window.ctx.db)] == [code.id]
    codebook.reject()


def test_closing_the_main_window_ends_the_call_and_keeps_the_notes(qtbot, make_window, typer) -> None:  # noqa: ANN001
    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    plan_through_dialog(qtbot, page, "2019-04-01")
    workspace = open_workspace_of(qtbot, window, page)
    interview_id = workspace.interview_id
    qtbot.mouseClick(workspace.start_button, Qt.MouseButton.LeftButton)
    typer(qtbot, workspace.notes_edit, "Dernière phrase tapée")
    db = window.ctx.db
    window.close()
    info = interviews.interview(db, interview_id)
    assert info.notes == "Dernière phrase tapée"
    assert info.status == "held" and info.actual_seconds is not None


def test_followups_page_names_the_question_a_clarification_is_about(make_window) -> None:  # noqa: ANN001
    from mcim_desk.services import catalogue, followups, responses
    from mcim_desk.ui.followups_page import FollowUpsPage

    window = make_window()
    db = window.ctx.db
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    info = responses.open_questionnaire(db, rabat.id, "tester")
    followups.clarify_answer(db, info.id, "section_2/q4", "tester", notes="Oui ou en cours ?")
    page = next(p for p, _ in window._pages if isinstance(p, FollowUpsPage))  # noqa: SLF001
    window.tabs.setCurrentWidget(page)
    window.list_panel.select(rabat.id)
    page.reload()
    about = [page.table.item(r, 3).text() for r in range(page.table.rowCount())]
    assert "Answer to question 4" in about


def test_closing_the_workspace_while_the_call_runs_asks(qtbot, make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.call_workspace import open_workspace

    window = make_window()
    sacm = choose(window, "SACM")
    add_chair(window, sacm)
    page = interviews_page(window)
    show(window, page)
    plan_through_dialog(qtbot, page, "2019-04-01")
    workspace = open_workspace_of(qtbot, window, page)
    interview_id = workspace.interview_id
    qtbot.mouseClick(workspace.start_button, Qt.MouseButton.LeftButton)
    dialogs = window.ctx.dialogs
    dialogs.choice_answers = ["cancel", "keep", "end"]
    qtbot.keyClick(workspace, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Ctrl+W: cancel
    assert dialogs.shown[-1][0] == "choose" and "timer is running" in dialogs.shown[-1][2]
    assert workspace.isVisible() and workspace.tick.isActive()
    assert interviews.interview(window.ctx.db, interview_id).status == "planned"
    workspace.close()  # keep it running: hidden, still timing
    assert not workspace.isVisible() and workspace.tick.isActive()
    assert interviews.interview(window.ctx.db, interview_id).status == "planned"
    assert open_workspace(window.ctx, interview_id, window) is workspace and workspace.isVisible()
    workspace.close()  # end the call
    info = interviews.interview(window.ctx.db, interview_id)
    assert info.status == "held" and info.actual_seconds is not None
    assert [kind for kind, _, _ in dialogs.shown].count("choose") == 3


def test_dashboard_progress_bars_are_centred_in_their_cells(qtbot, make_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QProgressBar

    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    page = page_of(window, DashboardPage)
    show(window, page)
    table = page.progress
    assert table.rowCount() > 2
    for row in range(table.rowCount()):
        bar = table.cellWidget(row, 2).findChild(QProgressBar)
        qtbot.waitUntil(lambda bar=bar: bar.height() > 0)
        cell = table.visualRect(table.model().index(row, 2))
        top = bar.mapTo(table.viewport(), bar.rect().topLeft()).y()
        above, below = top - cell.top(), cell.bottom() - (top + bar.height() - 1)
        assert abs(above - below) <= 1, (row, above, below)
        assert table.findChildren(QProgressBar).count(bar) == 1
    assert len(table.findChildren(QProgressBar)) == table.rowCount()  # one bar per row, no more
