"""A question makes its hint, marker and message labels only when it shows them (opening the
questionnaire made one hidden label of each for every question), and each still comes where
it belongs: the hint under the label, the marker beside it, the notes under the answer and
the message last. Choices commit through one connection per question: a second click on a
chosen option clears the answer, and check boxes stay independent of each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from mcim_desk.preferences import Preferences
from mcim_desk.services import catalogue, responses
from mcim_desk.services.startup import open_database
from mcim_desk.ui.bus import ChangeBus
from mcim_desk.ui.context import UiContext
from mcim_desk.ui.dialogs import ScriptedDialogs
from mcim_desk.ui.form_view import FormView
from mcim_desk.ui.question_widget import QuestionWidget
from mcim_desk.ui.tasks import SyncRunner


@pytest.fixture
def opened(qtbot, db_path: Path) -> Iterator[tuple[FormView, str]]:  # noqa: ANN001
    db, _ = open_database(str(db_path))
    rid = responses.open_questionnaire(db, catalogue.find_mechanism(db, "Rabat Process").id, "tester").id
    view = FormView(UiContext(db, ChangeBus(), SyncRunner(), ScriptedDialogs(), QUndoStack(),
                              Preferences("tester", "Europe/Geneva", "en")))
    qtbot.addWidget(view)
    view.open_response(rid)
    view.resize(1000, 700)
    view.show()
    yield view, rid
    view.close()
    db.dispose()


def own_labels(widget: QuestionWidget) -> list[QLabel]:
    """The labels of the question itself (not those of its choices)."""
    return [label for label in widget.findChildren(QLabel) if label.parentWidget() is widget]


def test_opening_makes_no_label_it_does_not_show(opened) -> None:  # noqa: ANN001
    view, _ = opened
    for path, widget in view.widgets.items():
        hidden = [label.objectName() or label.text() for label in own_labels(widget) if label.isHidden()]
        assert hidden == [], path
    q1 = view.widgets["section_1/q1"]  # no hint, no marker, no message: its label alone
    assert own_labels(q1) == [q1.label]
    q18 = view.widgets["section_3/q18"]  # a hint
    assert set(own_labels(q18)) == {q18.label, q18.hint} and q18.hint.text()


def test_the_parts_made_later_come_where_they_belong(opened, qtbot) -> None:  # noqa: ANN001
    view, _ = opened
    path = "section_3/q18"  # a date with a hint
    widget = view.widgets[path]
    view.set_marker(path, "to ask")
    view.set_notes_visible(True)
    view.check_answers()  # nothing wrong with an empty date: no message yet
    assert widget._error is None  # noqa: SLF001
    q17 = view.widgets["section_3/q17"].buttons["oui"]
    view.scroll.ensureWidgetVisible(q17)
    qtbot.mouseClick(q17, Qt.MouseButton.LeftButton)  # Q18 asked
    widget.editor.setText("2017-01-01")  # before 2018: the form's message
    widget.editor.editingFinished.emit()
    error = widget.error
    qtbot.waitUntil(error.isVisible)
    label, hint, marker, editor, notes = widget.label, widget.hint, widget.marker, widget.editor, widget.notes
    assert marker.isVisible() and marker.text() == "to ask"
    qtbot.waitUntil(lambda: error.y() > 0)  # laid out
    assert abs(marker.y() - label.y()) <= 2 and marker.x() > label.x() + label.width() - 2  # beside it
    assert label.y() < hint.y() < editor.y() < notes.y() < error.y()
    view.set_marker(path, None)
    assert marker.isHidden()


def test_notes_shown_after_a_message_stay_above_it(opened, qtbot) -> None:  # noqa: ANN001
    view, _ = opened
    widget = view.widgets["section_1/q1"]
    view.check_answers()  # a required question left empty: its message
    assert widget.error.isVisible()
    view.set_notes_visible(True)
    layout = widget.layout()
    assert layout.indexOf(widget.editor) < layout.indexOf(widget.notes) < layout.indexOf(widget.error)
    assert layout.indexOf(widget.error) == layout.count() - 1


def test_a_second_click_clears_a_choice_and_check_boxes_stay_independent(opened, qtbot) -> None:  # noqa: ANN001
    view, rid = opened
    q4 = view.widgets["section_2/q4"]
    qtbot.mouseClick(q4.buttons["oui"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(q4.buttons["non"], Qt.MouseButton.LeftButton)
    assert responses.answers(view.ctx.db, rid)["section_2/q4"] == "non"
    assert not q4.buttons["oui"].isChecked()
    qtbot.mouseClick(q4.buttons["non"], Qt.MouseButton.LeftButton)
    assert not responses.answers(view.ctx.db, rid).get("section_2/q4")
    assert not any(button.isChecked() for button in q4.buttons.values())
    q11 = view.widgets["section_2/q11"]
    for code in ("objective_1", "objective_3", "objective_20"):
        view.scroll.ensureWidgetVisible(q11.buttons[code])
        qtbot.mouseClick(q11.buttons[code], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(q11.buttons["objective_3"], Qt.MouseButton.LeftButton)
    assert responses.answers(view.ctx.db, rid)["section_2/q11"] == "objective_1 objective_20"
    assert [c for c, b in q11.buttons.items() if b.isChecked()] == ["objective_1", "objective_20"]


def test_the_pages_size_hint_lays_no_wrapped_label_out(opened) -> None:  # noqa: ANN001
    """The scroll area bounds the page's hint to 24 lines: working out its height for the
    width of ~80 characters laid every wrapped label out once more at each showing."""
    from mcim_desk.ui.wrap_label import WrapLabel

    view, _ = opened
    labels = view.page.findChildren(WrapLabel)
    assert len(labels) >= 80
    for label in labels:
        label._heights.clear()  # noqa: SLF001
    hint = view.page.sizeHint()
    assert all(not label._heights for label in labels)  # noqa: SLF001
    assert hint == view.page.layout().sizeHint() and hint.height() > 24 * view.fontMetrics().height()
    assert view.scroll.sizeHint().height() <= 24 * view.scroll.fontMetrics().height() + 2 * view.scroll.frameWidth() + 1
