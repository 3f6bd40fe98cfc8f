"""The form's hints and messages are coloured through their palettes (no style sheet per
widget, which made opening a questionnaire slow): still the muted and error colours, readable
(WCAG AA) on the window, on a light palette and on a dark one; a marker gets its style when
it is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication

from mcim_desk.preferences import Preferences
from mcim_desk.services import catalogue, responses
from mcim_desk.services.startup import open_database
from mcim_desk.ui.bus import ChangeBus
from mcim_desk.ui.colours import AA, colour, contrast
from mcim_desk.ui.context import UiContext
from mcim_desk.ui.dialogs import ScriptedDialogs
from mcim_desk.ui.form_view import FormView
from mcim_desk.ui.tasks import SyncRunner


def dark_palette() -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, value in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#2b2b2b"),
                        (QPalette.ColorRole.WindowText, "#e8e8e8"), (QPalette.ColorRole.Text, "#e8e8e8")):
        palette.setColor(role, QColor(value))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_hints_and_messages_keep_their_readable_colours(qtbot, db_path: Path, dark: bool) -> None:  # noqa: ANN001
    db, _ = open_database(str(db_path))
    try:
        rid = responses.open_questionnaire(db, catalogue.find_mechanism(db, "Rabat Process").id, "tester").id
        responses.save_answer(db, rid, "section_3/q17", "oui", "tester")
        responses.save_answer(db, rid, "section_3/q18", "2017-01-01", "tester")  # before 2018: a message
        view = FormView(UiContext(db, ChangeBus(), SyncRunner(), ScriptedDialogs(), QUndoStack(),
                                  Preferences("tester", "Europe/Geneva", "en")))
        qtbot.addWidget(view)
        if dark:
            view.setPalette(dark_palette())
        view.open_response(rid)
        view.show()
        dark_window = view.palette().color(QPalette.ColorRole.Window).lightness() < 128
        assert dark_window == dark
        question = view.widgets["section_3/q18"]
        assert question.error.isVisible() and question.error.text()
        hinted = next(w for w in view.widgets.values() if w.hint.isVisible())
        for label, role in ((question.error, "error"), (hinted.hint, "muted")):
            around = label.parentWidget().palette()
            drawn = label.palette().color(QPalette.ColorRole.WindowText)
            assert drawn == colour(role, around), role
            assert contrast(drawn, around.color(QPalette.ColorRole.Window)) >= AA, role
            assert contrast(drawn, around.color(QPalette.ColorRole.Base)) >= AA, role
            assert not label.styleSheet()
        marker = view.widgets["section_1/q1"].marker
        assert not marker.styleSheet() and marker.isHidden()
        view.set_marker("section_1/q1", "quoted")
        assert marker.isVisible() and "background" in marker.styleSheet()
    finally:
        db.dispose()
