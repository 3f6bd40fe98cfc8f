"""The Search page through the real window (qtbot, synchronous tasks): Ctrl+F from anywhere,
typing with accents, results grouped by kind with the words highlighted (user text escaped),
Enter opening the record at its place, stale results dropped."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from mcim_desk.services import calls, interviews, quotes, responses
from mcim_desk.services.catalogue import find_mechanism

ANSWER = "Un cadre <b>réglementaire</b> commun & des ateliers."


def search_page(window):  # noqa: ANN001, ANN201
    from mcim_desk.ui.search_page import SearchPage

    [page] = window.findChildren(SearchPage)
    return page


def search_for(qtbot, window, typer, text: str):  # noqa: ANN001, ANN201
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = search_page(window)
    assert window.tabs.currentWidget() is page
    assert QApplication.focusWidget() is page.box
    typer(qtbot, page.box, text)
    qtbot.waitUntil(lambda: page.results is not None and page.shown_generation == page.generation)
    return page


def test_ctrl_f_type_with_accents_and_open_the_answer_at_its_question(qtbot, make_window, typer) -> None:  # noqa: ANN001
    window = make_window("en")
    db = window.ctx.db
    midsa = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, midsa.id, "t")
    responses.save_answer(db, response.id, "section_3/q14", ANSWER, "t")
    page = search_for(qtbot, window, typer, "RÉGLEMENT*")
    [hit] = page.hits_shown()
    assert (hit.kind, hit.acronym("en"), hit.path) == ("answer", "MIDSA", "section_3/q14")
    heading = page.model.item(0, 0)
    assert heading.text() == "Answers (1)"
    from mcim_desk.ui.search_page import HTML_ROLE

    markup = heading.child(0, 2).data(HTML_ROLE)
    assert "&lt;b&gt;" in markup and "&amp; des" in markup  # the user's text is data
    assert "<b style='background-color:#fff3a0; color:#000000'>réglementaire</b>" in markup
    qtbot.keyClick(page.box, Qt.Key.Key_Return)  # to the results
    assert QApplication.focusWidget() is page.view
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # opens the first
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    [questionnaire] = window.findChildren(QuestionnairePage)
    assert window.tabs.currentWidget() is questionnaire
    assert window.list_panel.current_id() == midsa.id
    editor = questionnaire.form.text_editor("section_3/q14")
    assert QApplication.focusWidget() is editor
    assert isinstance(editor, QPlainTextEdit) and editor.textCursor().selectedText() == "réglementaire"


def test_call_notes_and_quotes_open_at_their_place(qtbot, make_window, typer) -> None:  # noqa: ANN001
    window = make_window("en")
    db = window.ctx.db
    sacm = find_mechanism(db, "SACM")
    info = interviews.plan_interview(db, sacm.id, None, datetime(2019, 4, 1, 3), "America/Lima", 60,
                                     "Europe/Geneva", "t")
    notes = "Appel du matin. Le processus de Tegucigalpa est cité comme modèle."
    calls.set_notes(db, info.id, notes, "t")
    text = "Nous citons Tegucigalpa comme exemple."
    responses.save_answer(db, info.response_id, "mandatory/q4", text, "t")
    quote = quotes.save_quote(db, text="Tegucigalpa comme exemple", start=text.index("Tegucigalpa"),
                              end=text.index("Tegucigalpa") + len("Tegucigalpa comme exemple"), actor="t",
                              response_id=info.response_id, answer_path="mandatory/q4")
    page = search_for(qtbot, window, typer, "tegucigalpa")
    kinds = [page.model.item(g, 0).data(Qt.ItemDataRole.UserRole) for g in range(page.model.rowCount())]
    assert kinds == ["answer", "call_note", "quote"]
    assert page.model.item(1, 0).text() == "Call notes (1)"
    window.set_language("fr")  # the results are shown again in French
    try:
        qtbot.waitUntil(lambda: page.model.item(1, 0).text() == "Notes d’appel (1)")
        assert page.kind.itemText(0) == "Tous les types"
    finally:
        window.set_language("en")

    from mcim_desk.ui.call_workspace import CallWorkspace

    assert page.select_hit(info.id)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    [workspace] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CallWorkspace)]
    assert workspace.notes_edit.textCursor().selectedText() == "Tegucigalpa"
    workspace.close()

    # an answer of the interview guide opens in the call workspace, its words selected
    from sqlalchemy import text as sql

    with db.engine.connect() as conn:
        answer = conn.execute(sql("SELECT id FROM answer WHERE response_id = :r AND path = 'mandatory/q4'"),
                              {"r": info.response_id}).scalar_one()
    assert page.select_hit(answer)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    [workspace] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CallWorkspace) and w.isVisible()]
    assert workspace.form.text_editor("mandatory/q4").textCursor().selectedText() == "Tegucigalpa"
    workspace.close()

    assert page.select_hit(quote.id)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    from mcim_desk.ui.quote_browser import QuoteBrowser

    [browser] = window.findChildren(QuoteBrowser)
    assert window.tabs.currentWidget() is browser
    assert browser.current().id == quote.id


def test_stale_results_are_dropped_and_edits_show(qtbot, make_window, typer) -> None:  # noqa: ANN001
    window = make_window("en")
    db = window.ctx.db
    midsa = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, midsa.id, "t")
    responses.save_answer(db, response.id, "section_3/q14", "Ateliers à Maputo.", "t")
    page = search_for(qtbot, window, typer, "maputo")
    first = page.results
    assert len(page.hits_shown()) == 1
    typer(qtbot, page.box, " zzz")  # the box changed: results for "maputo" are stale now
    assert not page.show_results(first, page.generation - 1)
    qtbot.waitUntil(lambda: page.shown_generation == page.generation)
    assert page.hits_shown() == [] and page.status.text() == "No match."
    page.box.clear()
    typer(qtbot, page.box, "maputo")
    qtbot.waitUntil(lambda: page.shown_generation == page.generation and bool(page.hits_shown()))
    responses.save_answer(db, response.id, "section_3/q14", "Ateliers à Beira.", "t")
    window.ctx.bus.notify("response", [response.id])
    qtbot.waitUntil(lambda: page.shown_generation == page.generation and not page.hits_shown())


def test_highlighting_escapes_user_text() -> None:
    from mcim_desk.ui.search_page import highlighted_html

    assert highlighted_html("<img src=x> ok", ((12, 14),)) == (
        "&lt;img src=x&gt; <b style='background-color:#fff3a0; color:#000000'>ok</b>")


def test_the_marked_words_stay_readable_on_the_selected_row(qtbot, make_window, typer) -> None:  # noqa: ANN001
    """On the selected row the text turns white: the marked words keep dark letters on their
    pale yellow, read from the painted pixels."""
    window = make_window("fr")
    window.resize(1200, 700)
    db = window.ctx.db
    midsa = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, midsa.id, "t")
    responses.save_answer(db, response.id, "section_3/q14", "Atelier RÉGLEMENTAIRE à Gaborone.", "t")
    page = search_for(qtbot, window, typer, "reglementaire")
    [hit] = page.hits_shown()
    assert page.select_hit(hit.record_id)
    index = page.model.item(0, 0).child(0, 2).index()
    assert page.view.selectionModel().isSelected(index)
    rect = page.view.visualRect(index)
    image = page.view.viewport().grab(rect).toImage()
    yellow, dark = [], 0
    for x in range(image.width()):
        for y in range(image.height()):
            color = image.pixelColor(x, y)
            if color.red() > 230 and color.green() > 220 and color.blue() < 190:
                yellow.append((x, y))
    assert len(yellow) > 50, "the marked word's pale yellow is painted"
    xs, ys = [p[0] for p in yellow], [p[1] for p in yellow]
    for x in range(min(xs), max(xs) + 1):
        for y in range(min(ys), max(ys) + 1):
            color = image.pixelColor(x, y)
            dark += color.red() + color.green() + color.blue() < 200
    assert dark > 20, "dark letters inside the yellow mark"
