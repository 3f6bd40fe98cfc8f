"""File > Import Kobo / ODK JSON…, driven with qtbot (issue 13): a file whose submissions
do not say their mechanism opens a dialog asking for it, per submission or one for all;
refusals are shown, not raised."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from mcim_desk.services import catalogue
from mcim_desk.ui.dialogs import ScriptedDialogs
from mcim_desk.ui.submissions_import import MechanismChoiceDialog

DATA = Path(__file__).parent.parent / "data" / "submissions"


def kobo_file(path: Path) -> Path:
    """Three Kobo submissions: Q1 names the Prague Process, an unknown forum, nothing."""
    subs = []
    for n, q1 in enumerate(["Processus de Prague", "Forum régional inconnu", None], start=1):
        sub = {"_xform_id_string": "aBcDeF", "meta/instanceID": f"uuid:00000000-0000-4000-8000-00000000000{n}",
               "section_2/q4": "oui"}
        if q1:
            sub["section_1/q1"] = q1
        subs.append(sub)
    path.write_text(json.dumps({"count": 3, "next": None, "previous": None, "results": subs}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def trigger(window) -> None:  # noqa: ANN001
    action = window.findChild(QAction, "import_submissions_action")
    assert action is not None and action.text() == "Import Kobo / ODK &JSON…"
    action.trigger()


def pick(qtbot, combo: QComboBox, acronym: str) -> None:  # noqa: ANN001
    """Choose an entry with the keyboard, as a user would: focus, then type its start."""
    combo.setFocus()
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(acronym + " —"))
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(acronym)


def mechanism_of(db, response_id: str) -> str:  # noqa: ANN001
    from mcim_desk.services import responses

    info = responses.response_info(db, response_id)
    return next(row.acronym_en for row in catalogue.mechanism_rows(db) if row.id == info.mechanism_id)


def test_the_window_asks_each_submission_its_mechanism(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.file_answers.append(str(kobo_file(tmp_path / "kobo.json")))
    trigger(window)
    dialog = window.findChild(MechanismChoiceDialog)
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.combos) == [2, 3]
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    # one left unchosen: said, nothing imported
    pick(qtbot, dialog.combos[2], "IDM")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and dialog.problem.text() == "Choose the mechanism of submission 3."
    assert dialog.isVisible()
    pick(qtbot, dialog.combos[3], "GFMD")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("info", "Submissions imported")
    assert text.startswith("Submissions read (Kobo API v2): 3; created: 3, updated: 0, unchanged: 0.")
    db = window.ctx.db
    assert [mechanism_of(db, f"00000000-0000-4000-8000-00000000000{n}") for n in (1, 2, 3)] == [
        "Prague Process", "IDM", "GFMD"]


def test_one_mechanism_for_all(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.file_answers.append(str(kobo_file(tmp_path / "kobo.json")))
    trigger(window)
    dialog = window.findChild(MechanismChoiceDialog)
    box = dialog.same_for_all
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and dialog.all_combo.isEnabled() and not dialog.combos[2].isEnabled()
    pick(qtbot, dialog.all_combo, "MIDWA")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    db = window.ctx.db
    assert [mechanism_of(db, f"00000000-0000-4000-8000-00000000000{n}") for n in (1, 2, 3)] == [
        "Prague Process", "MIDWA", "MIDWA"]


def test_a_refused_file_is_shown_and_cancel_imports_nothing(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.file_answers.append(str(DATA / "odk_central_links.json"))
    dialogs.expect("$expand=*")
    trigger(window)
    assert dialogs.shown[-1][1] == "Submissions not imported"
    dialogs.file_answers.append(str(kobo_file(tmp_path / "kobo.json")))
    trigger(window)
    dialog = window.findChild(MechanismChoiceDialog)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    from mcim_desk.services import responses
    from mcim_desk.services.responses import ResponseError

    try:
        responses.response_info(window.ctx.db, "00000000-0000-4000-8000-000000000001")
        imported = True
    except ResponseError:
        imported = False
    assert not imported


def test_the_window_asks_the_form_when_the_file_does_not_tell(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """An ODK Central list without its context and with only a key both forms could have
    names no form: the window asks which, then imports."""
    sub = {"__id": "uuid:00000000-0000-4000-8000-0000000000aa", "mechanism": "IDM",
           "__system": {"submissionDate": "2018-11-07T16:20:05.000Z"}}
    path = tmp_path / "odk.json"
    path.write_text(json.dumps([sub]), encoding="utf-8")
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.file_answers.append(str(path))
    dialogs.choice_answers.append("mcim_interview_2018")
    trigger(window)
    kind, title, text = dialogs.shown[0]
    assert (kind, title) == ("choose", "Which form?")
    assert "the forms mcim_interview_2018, mcim_questionnaire_2018 all have its questions" in text
    assert dialogs.shown[-1][0] == "info" and "created: 1" in dialogs.shown[-1][2]
    from mcim_desk.services import responses

    info = responses.response_info(window.ctx.db, "00000000-0000-4000-8000-0000000000aa")
    assert info.form_id == "mcim_interview_2018"


def test_each_reason_is_readable_above_its_list(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Looked at in the screenshots: beside its list, a reason got no width and showed nothing,
    and the lists, as wide as the longest mechanism name, scrolled sideways."""
    from PySide6.QtWidgets import QLabel, QScrollArea

    window = make_window(dialogs=ScriptedDialogs())
    window.ctx.dialogs.file_answers.append(str(kobo_file(tmp_path / "kobo.json")))
    trigger(window)
    dialog = window.findChild(MechanismChoiceDialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = dialog.findChild(QScrollArea, "mechanism_choice_rows")
    assert rows.horizontalScrollBar().maximum() == 0
    for number, combo in dialog.combos.items():
        label = next(w for w in rows.widget().findChildren(QLabel) if w.buddy() is combo)
        assert f"submission {number}" in label.text()
        assert label.width() > 200 and label.height() >= label.fontMetrics().height()
        assert label.geometry().bottom() <= combo.geometry().top()  # above its list
        assert combo.width() <= rows.viewport().width()
    dialog.reject()
