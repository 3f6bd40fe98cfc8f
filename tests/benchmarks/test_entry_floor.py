"""The render floor of benchmarks/entry.py is what the issue defines: the same number of plain
widgets as the opened form view holds, of the same Qt kinds, with the same label texts
(wrapped where the form's wrap), hidden where the form's are. Counted here a second way, by
walking both trees; no time is measured."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from mcim_desk.preferences import Preferences
from mcim_desk.services import catalogue, responses
from mcim_desk.services.startup import open_database
from mcim_desk.ui.bus import ChangeBus
from mcim_desk.ui.context import UiContext
from mcim_desk.ui.dialogs import ScriptedDialogs
from mcim_desk.ui.form_view import FormView
from mcim_desk.ui.tasks import SyncRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.entry import PlainForm  # noqa: E402


def qt_kind(widget: QWidget) -> str:
    return next(k for k in type(widget).__mro__ if k.__module__.startswith("PySide6")).__name__


def kinds(root: QWidget) -> Counter:
    """Widgets by Qt class; the program's containers (frames, boxes) count as containers."""
    counted = Counter()
    for widget in root.findChildren(QWidget):
        kind = qt_kind(widget)
        counted["container" if kind in ("QWidget", "QFrame") else kind] += 1
    return counted


def test_the_floor_builds_the_form_views_widgets_plainly(qtbot, db_path: Path) -> None:  # noqa: ANN001
    db, _ = open_database(str(db_path))
    try:
        rid = responses.open_questionnaire(db, catalogue.find_mechanism(db, "Rabat Process").id, "tester").id
        responses.save_answer(db, rid, "section_2/q11", "objective_1 objective_3", "tester")
        responses.save_answer(db, rid, "section_4/q25[1]/partner_name", "OIT", "tester")
        view = FormView(UiContext(db, ChangeBus(), SyncRunner(), ScriptedDialogs(), QUndoStack(),
                                  Preferences("tester", "Europe/Geneva", "fr")))
        qtbot.addWidget(view)
        view.open_response(rid)
        floor = PlainForm(view).build()
        qtbot.addWidget(floor)

        assert len(floor.findChildren(QWidget)) == len(view.findChildren(QWidget))
        assert kinds(floor) == kinds(view)
        assert kinds(view)["QLabel"] > 100 and kinds(view)["QCheckBox"] >= 23  # the objectives

        def labels(root: QWidget) -> Counter:
            return Counter((label.text(), label.wordWrap(), label.isHidden())
                           for label in root.findChildren(QLabel))

        assert labels(floor) == labels(view)
        question = view.widgets["section_1/q1"].label.text()
        assert any(label.text() == question and label.wordWrap() for label in floor.findChildren(QLabel))
        # nothing of the form's own: no form engine's widget class in the floor
        assert {type(w).__module__.split(".")[0] for w in floor.findChildren(QWidget)} == {"PySide6"}
    finally:
        db.dispose()
