"""The XLSForm question types in the entry view, typed and clicked: time, date and time,
range, positions, acknowledgement, ranking, hidden and default values, cascading choices,
repeat counts and the form's own label languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from mcim_desk import clock
from mcim_desk.services import catalogue, forms, responses

FORMS = Path(__file__).parent.parent / "unit" / "forms" / "xlsforms"


def open_form(make_window, qtbot, form: str):  # noqa: ANN001, ANN201
    from mcim_desk.ui.form_view import FormView

    window = make_window("en")
    db = window.ctx.db
    info = forms.add_form(db, FORMS / form)
    mechanism = catalogue.mechanism_rows(db)[0]
    response = responses.open_questionnaire(db, mechanism.id, "tester", form_id=info.form_id)
    view = FormView(window.ctx)
    qtbot.addWidget(view)  # pytest-qt closes and deletes it at the end of the test
    view.resize(900, 700)
    view.show()
    view.open_response(response.id)
    qtbot.wait(10)  # widgets added to a shown layout are shown by a queued call
    return window, view


def stored(view) -> dict[str, str]:  # noqa: ANN001
    return responses.answers(view.ctx.db, view.response.id)


def commit_text(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.editor.setFocus()
    widget.editor.selectAll()
    qtbot.keyClicks(widget.editor, text)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Return)


def test_types_editors_defaults_and_languages(make_window, qtbot, typer) -> None:  # noqa: ANN001
    _, view = open_form(make_window, qtbot, "types.md")
    # defaults are the first answers of a new response (today() evaluated); hidden not shown
    saved = stored(view)
    assert saved["score"] == "4" and saved["count"] == "3"
    assert saved["day"] == clock.localnow().date().isoformat()
    assert "secret" not in view.widgets
    assert view.widgets["score"].editor.text() == "4"
    assert view.widgets["start_time"].editor.placeholderText() == "HH:MM"
    assert "from 0 to 10, by 2" in view.widgets["score"].editor.placeholderText()

    start = view.widgets["start_time"]
    commit_text(qtbot, start, "9h30")
    assert start.error.isVisibleTo(view) and "not a time" in start.error.text()
    commit_text(qtbot, start, "09:30")
    assert not start.error.isVisibleTo(view) and stored(view)["start_time"] == "09:30"

    score = view.widgets["score"]
    commit_text(qtbot, score, "5")
    assert "step of 2" in score.error.text()

    point = view.widgets["point"]
    commit_text(qtbot, point, "14.6928 -17.4467")
    assert not point.error.isVisibleTo(view) and stored(view)["point"] == "14.6928 -17.4467"
    shape = view.widgets["shape"]
    commit_text(qtbot, shape, "0 0; 0 1; 1 1")
    assert "last one repeating the first" in shape.error.text()

    ack = view.widgets["ack"]
    qtbot.mouseClick(ack.editor, Qt.MouseButton.LeftButton)
    assert stored(view)["ack"] == "OK"
    ack.editor.setFocus()
    qtbot.keyClick(ack.editor, Qt.Key.Key_Space)  # the keyboard alone
    assert "ack" not in stored(view)

    rank = view.widgets["order"].editor
    assert rank.codes() == ["red", "green", "blue"]
    rank.list.setCurrentRow(2)
    qtbot.mouseClick(rank.up, Qt.MouseButton.LeftButton)
    assert stored(view)["order"] == "red blue green"
    rank.list.setFocus()
    rank.list.setCurrentRow(0)
    qtbot.keyClick(rank.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert stored(view)["order"] == "blue red green"

    # the form's third language, for its labels only
    assert view.language.isVisibleTo(view)
    assert view.widgets["start_time"].label.text() == "Start time"
    view.language.setCurrentIndex(view.language.findData("es"))
    view.language.activated.emit(view.language.currentIndex())
    assert view.widgets["start_time"].label.text() == "Hora de inicio"
    assert rank.list.item(0).text() == "Azul"
    assert view.containers["page"].title() == "Página"


def test_cascading_choices_follow_the_answer(make_window, qtbot) -> None:  # noqa: ANN001
    _, view = open_form(make_window, qtbot, "cascading.md")
    assert not view.language.isVisibleTo(view)
    country, city = view.widgets["country"], view.widgets["city"]
    assert not any(b.isVisibleTo(view) for b in city.buttons.values())
    qtbot.mouseClick(country.buttons["fr"], Qt.MouseButton.LeftButton)
    visible = [name for name, b in city.buttons.items() if b.isVisibleTo(view)]
    assert visible == ["paris", "lyon"]
    qtbot.mouseClick(city.buttons["paris"], Qt.MouseButton.LeftButton)
    district = view.widgets["district"]
    assert [n for n, b in district.buttons.items() if b.isVisibleTo(view)] == ["p1", "p2"]
    # a choice no longer offered stays shown, with its message, until it is changed
    qtbot.mouseClick(country.buttons["sn"], Qt.MouseButton.LeftButton)
    assert [n for n, b in city.buttons.items() if b.isVisibleTo(view)] == ["paris", "dakar"]
    assert "not one of the choices" in city.error.text()
    home = view.widgets["home"]
    assert not view.widgets["home_other"].isVisibleTo(view)
    qtbot.mouseClick(home.buttons["other"], Qt.MouseButton.LeftButton)
    assert view.widgets["home_other"].isVisibleTo(view)


def test_repeat_count_sets_the_number_of_entries(make_window, qtbot) -> None:  # noqa: ANN001
    _, view = open_form(make_window, qtbot, "repeats.md")
    repeat = view.repeats["person"]
    commit_text(qtbot, view.widgets["members"], "2")
    assert repeat.count_label.isVisibleTo(view) and "2 entries" in repeat.count_label.text()
    assert repeat.add_button.isEnabled()
    qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    assert not repeat.add_button.isEnabled()
    assert "(2 so far)" in repeat.count_label.text()
