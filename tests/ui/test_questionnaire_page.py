"""Typing a questionnaire into the real widgets: skip logic, required messages, autosave,
undo, audit trail, repeats, validation."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableWidget

from mcim_desk.services import catalogue, responses


def open_page(make_window, qtbot, key: str = "rabat_process", language: str = "en"):  # noqa: ANN001, ANN201
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window(language)
    page = next(p for p, _ in window._pages if isinstance(p, QuestionnairePage))  # noqa: SLF001
    window.tabs.setCurrentWidget(page)
    row = next(r for r in window.list_panel.visible_rows() if r.key == key)
    window.list_panel.select(row.id)
    if page.stack.currentWidget() is page.start:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    return window, page


def test_q4_no_hides_q5_q6_and_yes_shows_them(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot)
    form = page.form
    q4 = form.widgets["section_2/q4"]
    q5, q6 = form.widgets["section_2/q5"], form.widgets["section_2/q6"]
    assert not q5.isVisibleTo(form) and not q6.isVisibleTo(form)
    qtbot.mouseClick(q4.buttons["non"], Qt.MouseButton.LeftButton)
    assert not q5.isVisibleTo(form) and not q6.isVisibleTo(form)
    qtbot.mouseClick(q4.buttons["oui"], Qt.MouseButton.LeftButton)
    assert q5.isVisibleTo(form) and q6.isVisibleTo(form)
    assert q4.buttons["oui"].isChecked() and not q4.buttons["non"].isChecked()
    assert responses.answers(page.ctx.db, page.form.response.id)["section_2/q4"] == "oui"


def test_answers_survive_reopening_and_undo_restores(make_window, qtbot, typer) -> None:  # noqa: ANN001
    window, page = open_page(make_window, qtbot)
    q1 = page.form.widgets["section_1/q1"].editor
    q1.setFocus()
    typer(qtbot, q1, "Processus de Rabat — <b>&co=")
    qtbot.keyClick(q1, Qt.Key.Key_Tab)
    q12 = page.form.widgets["section_2/q12"].editor
    q12.setFocus()
    typer(qtbot, q12, "Par des ateliers de formation.\nEt des notes d’information.")
    qtbot.keyClick(q12, Qt.Key.Key_Tab)
    rid = page.form.response.id
    saved = responses.answers(window.ctx.db, rid)
    assert saved["section_1/q1"] == "Processus de Rabat — <b>&co="
    assert saved["section_2/q12"].endswith("notes d’information.")

    # reopen: another mechanism, then back
    pidc = next(r for r in window.list_panel.visible_rows() if r.key == "pidc")
    window.list_panel.select(pidc.id)
    rabat = next(r for r in window.list_panel.visible_rows() if r.key == "rabat_process")
    window.list_panel.select(rabat.id)
    assert page.form.widgets["section_1/q1"].editor.text() == "Processus de Rabat — <b>&co="

    window.undo_action.trigger()  # undoes the Q12 answer
    assert "section_2/q12" not in {k for k, v in responses.answers(window.ctx.db, rid).items() if v}
    assert page.form.widgets["section_2/q12"].editor.toPlainText() == ""
    window.redo_action.trigger()
    assert responses.answers(window.ctx.db, rid)["section_2/q12"].startswith("Par des ateliers")

    history = responses.history(window.ctx.db, rid)
    q12_rows = [h for h in history if h.field == "section_2/q12"]
    assert [(h.old, h.new is not None) for h in q12_rows] == [(None, True), (q12_rows[0].new, False), (None, True)]
    assert all(h.actor == "tester" for h in q12_rows)


def test_required_question_blocks_complete_with_message_in_each_language(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot, language="fr")
    page.check_answers()
    q1 = page.form.widgets["section_1/q1"]
    assert q1.error.isVisibleTo(page.form)
    french = q1.error.text()
    assert page.form.response.status == "draft"
    assert not page.validate_button.isEnabled()
    page.ctx.prefs.language = "en"
    page.form.retranslate()
    english = q1.error.text()
    assert french and english and french != english


def test_complete_then_validated_then_edit_asks_first(make_window, qtbot, typer) -> None:  # noqa: ANN001
    window, page = open_page(make_window, qtbot)
    form = page.form
    for path, text in (("section_1/q1", "Rabat"), ("submission/submitted_by", "Ibáñez")):
        editor = form.widgets[path].editor
        editor.setFocus()
        typer(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.mouseClick(form.widgets["section_2/q4"].buttons["non"], Qt.MouseButton.LeftButton)
    assert form.response.status == "complete"
    assert page.validate_button.isEnabled()
    qtbot.mouseClick(page.validate_button, Qt.MouseButton.LeftButton)
    assert form.response.status == "validated"

    window.dialogs.confirm_answers = [False]  # the user declines: nothing changes
    qtbot.mouseClick(form.widgets["section_2/q4"].buttons["oui"], Qt.MouseButton.LeftButton)
    info = responses.response_info(window.ctx.db, form.response.id)
    assert info.status == "validated"
    assert responses.answers(window.ctx.db, info.id)["section_2/q4"] == "non"
    assert form.widgets["section_2/q4"].buttons["non"].isChecked()

    window.dialogs.confirm_answers = [True]
    qtbot.mouseClick(form.widgets["section_2/q4"].buttons["oui"], Qt.MouseButton.LeftButton)
    info = responses.response_info(window.ctx.db, form.response.id)
    assert info.status == "complete"
    assert responses.answers(window.ctx.db, info.id)["section_2/q4"] == "oui"


def test_bad_date_gets_inline_message_and_is_not_counted_valid(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot)
    form = page.form
    qtbot.mouseClick(form.widgets["section_3/q17"].buttons["oui"], Qt.MouseButton.LeftButton)
    q18 = form.widgets["section_3/q18"]
    assert q18.isVisibleTo(form)
    q18.editor.setFocus()
    qtbot.keyClicks(q18.editor, "31/02/2018")
    qtbot.keyClick(q18.editor, Qt.Key.Key_Return)
    assert q18.error.isVisibleTo(form)
    assert "31/02/2018" in q18.error.text()
    assert not form.is_complete()


def test_multiple_choice_with_filter(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot)
    form = page.form
    qtbot.mouseClick(form.widgets["section_2/q4"].buttons["oui"], Qt.MouseButton.LeftButton)
    q11 = form.widgets["section_2/q11"]
    assert len(q11.buttons) == 23 and q11.filter is not None
    qtbot.keyClicks(q11.filter, "remittances")
    visible = [name for name, b in q11.buttons.items() if b.isVisibleTo(q11)]
    assert visible == ["objective_20"]
    q11.buttons["objective_20"].setFocus()
    qtbot.keyClick(q11.buttons["objective_20"], Qt.Key.Key_Space)  # keyboard, as a typist would
    q11.filter.clear()
    box = q11.buttons["objective_3"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    saved = responses.answers(page.ctx.db, form.response.id)["section_2/q11"]
    assert set(saved.split()) == {"objective_3", "objective_20"}


def test_partners_repeat_add_move_remove_and_undo(make_window, qtbot, typer) -> None:  # noqa: ANN001
    window, page = open_page(make_window, qtbot)
    form = page.form
    repeat = form.repeats["section_4/q25"]
    rid = form.response.id
    for name in ("Union africaine", "OIM"):
        qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
        index = max(form.state.instances("section_4/q25"))
        editor = form.widgets[f"section_4/q25[{index}]/partner_name"].editor
        editor.setFocus()
        typer(qtbot, editor, name)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    saved = responses.answers(window.ctx.db, rid)
    assert saved["section_4/q25[1]/partner_name"] == "Union africaine"
    assert saved["section_4/q25[2]/partner_name"] == "OIM"
    form._move_instance("section_4/q25", 2, 1)  # noqa: SLF001 - the ↑ button's slot
    saved = responses.answers(window.ctx.db, rid)
    assert saved["section_4/q25[1]/partner_name"] == "OIM"
    form._remove_instance("section_4/q25", 1)  # noqa: SLF001 - the Remove button's slot
    saved = responses.answers(window.ctx.db, rid)
    assert saved["section_4/q25[1]/partner_name"] == "Union africaine"
    assert "section_4/q25[2]/partner_name" not in saved
    window.undo_action.trigger()
    saved = responses.answers(window.ctx.db, rid)
    assert saved["section_4/q25[1]/partner_name"] == "OIM"
    assert saved["section_4/q25[2]/partner_name"] == "Union africaine"
    assert form.widgets["section_4/q25[1]/partner_name"].editor.text() == "OIM"


def test_source_and_history(make_window, qtbot, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import HistoryDialog

    window, page = open_page(make_window, qtbot)
    page.source.setCurrentIndex(page.source.findData("email"))
    page.source.activated.emit(page.source.currentIndex())
    assert responses.response_info(window.ctx.db, page.form.response.id).source == "email"
    page.form.widgets["section_2/q4"].buttons["en_cours"].click()  # a choice, saved
    page.show_history()
    dialog = page.findChild(HistoryDialog)
    table = dialog.findChild(QTableWidget, "history_table")
    rows = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
    # words and labels in the user's language, never keys, paths or codes
    assert rows[0][2:4] == ["created", "Response"] and "version" in rows[0][5]
    source = next(r for r in rows if r[3] == "Source")
    assert source[2:] == ["changed", "Source", "Paper", "E-mail"]
    q4 = next(r for r in rows if r[3].startswith("4. "))
    assert q4[2] == "changed" and q4[3].startswith("4. Has your ISCM formulated")
    assert q4[5] == "In progress, not yet final"
    q4_row = rows.index(q4)
    assert table.item(q4_row, 3).toolTip() == "section_2/q4"  # the path stays at hand
    assert not any("section_" in text or text in ("en_cours", "create", "update") for r in rows for text in r)


def test_mechanism_without_response_offers_to_start(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window()
    page = next(p for p, _ in window._pages if isinstance(p, QuestionnairePage))  # noqa: SLF001
    rabat = catalogue.find_mechanism(window.ctx.db, "Rabat Process")
    responses.open_questionnaire(window.ctx.db, rabat.id, "tester")
    pidc = catalogue.find_mechanism(window.ctx.db, "PIDC")
    window.list_panel.select(rabat.id)  # chosen while the page is hidden: loads when shown
    window.list_panel.select(pidc.id)
    window.tabs.setCurrentWidget(page)
    assert page.heading.text().startswith("PIDC")
    assert page.stack.currentWidget() is page.start
    assert responses.current_questionnaire(window.ctx.db, pidc.id) is None
    window.list_panel.select(rabat.id)  # visible: opens at once
    assert page.stack.currentWidget() is page.form


def test_keyboard_alone_tab_through_fields_and_jump_sections(make_window, qtbot, typer) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    _, page = open_page(make_window, qtbot)
    form = page.form
    q1 = form.widgets["section_1/q1"].editor
    q1.setFocus()
    typer(qtbot, q1, "Processus de Rabat")
    qtbot.keyClick(q1, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.widgets["section_1/q2"].editor  # Tab: next question
    typer(qtbot, QApplication.focusWidget(), "Maroc — présidence")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # leaves a multi-line answer too
    assert QApplication.focusWidget() is form.widgets["section_1/q3"].editor
    saved = responses.answers(page.ctx.db, form.response.id)
    assert saved["section_1/q2"] == "Maroc — présidence"

    form.sections.setCurrentRow(1)  # section I
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    section = form.sections.currentItem().data(Qt.ItemDataRole.UserRole)
    assert section == "section_2"
    assert QApplication.focusWidget() is form.widgets["section_2/q4"].editor  # first field there
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Space picks the first choice
    assert responses.answers(page.ctx.db, form.response.id)["section_2/q4"] == "oui"


def test_check_answers_lists_each_question_as_a_link(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot)
    page.check_answers()
    text = page.messages.text()
    assert page.messages.isVisibleTo(page)
    assert "Answers to complete or correct before this response is complete: 3" in text
    assert '<a href="section_1/q1">1. Please indicate the name of your' in text
    assert 'href="submission/submitted_by"' in text and "Please indicate who is submitting" in text
    page.form.widgets["section_4/q26"].editor.setFocus()
    page.messages.linkActivated.emit("submission/submitted_by")  # the link followed
    target = page.form.widgets["submission/submitted_by"].editor
    qtbot.waitUntil(target.hasFocus)
    assert not target.visibleRegion().isEmpty()  # scrolled into view


def test_section_list_counts_asked_questions_and_ticks_only_seen_sections(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot, key="pidc")  # a new questionnaire
    sections = page.form.sections
    texts = [sections.item(r).text() for r in range(sections.count())]
    assert not any(t.startswith("✓") for t in texts), texts  # nothing seen, nothing ticked
    section_4 = next(r for r, t in enumerate(texts) if t.startswith("• IV."))
    assert texts[section_4].endswith("(0/2)")  # Q26, Q27 asked; none answered
    sections.setCurrentRow(section_4)  # gone to: nothing in it is required
    qtbot.waitUntil(lambda: sections.item(section_4).text().startswith("✓"))
    assert "0 of 2 questions answered" in sections.item(section_4).toolTip()


def test_a_repeat_hint_shows_under_the_first_entry_only(make_window, qtbot) -> None:  # noqa: ANN001
    _, page = open_page(make_window, qtbot)
    form = page.form
    repeat = form.repeats["section_4/q25"]
    for _ in range(3):
        qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    hints = [form.widgets[f"section_4/q25[{n}]/category"].hint for n in (1, 2, 3)]
    qtbot.waitUntil(lambda: form.widgets["section_4/q25[3]/category"].isVisibleTo(form))  # shown: queued
    assert "4" in hints[0].text() and hints[0].isVisibleTo(form)  # "… Annex 4"
    assert not hints[1].isVisibleTo(form) and not hints[2].isVisibleTo(form)
    form.retranslate()  # a language change keeps it so
    assert hints[0].isVisibleTo(form) and not hints[2].isVisibleTo(form)
