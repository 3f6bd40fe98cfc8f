"""Adding a form through the GUI: a good XLSForm is stored, a broken one is reported by row."""

from __future__ import annotations

from pathlib import Path

from mcim_desk.services import forms
from mcim_desk.ui.dialogs import ScriptedDialogs

GOOD = """| survey |
|        | type | name | label::English (en) | label::French (fr) |
|        | text | q1   | Name of the ISCM    | Nom du MCIM        |
|        | integer | q2 | Member states     | États membres      |

| settings |
|          | form_id | version | form_title |
|          | round_2019 | 2019.1 | Round 2019 |
"""

BROKEN = """| survey |
|        | type | name | label::English (en) | relevant |
|        | text | q1   | Name                |          |
|        | text | q2   | Other               | concatenate(${q1}, 'x') = 'y' |
"""


def test_add_form_from_the_file_menu(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    good = tmp_path / "round_2019.md"
    good.write_text(GOOD, encoding="utf-8")
    dialogs.file_answers = [str(good)]
    window.findChild(type(window.quit_action), "add_form_action").trigger()
    assert dialogs.shown[-1][0] == "info" and "2 questions" in dialogs.shown[-1][2]
    assert "round_2019" in {f.form_id for f in forms.list_forms(window.ctx.db)}


def test_broken_form_is_reported_with_its_row(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    before = {f.form_id for f in forms.list_forms(window.ctx.db)}
    broken = tmp_path / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    dialogs.file_answers = [str(broken)]
    dialogs.expect("row 3")
    window.findChild(type(window.quit_action), "add_form_action").trigger()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "row 3" in text and "concat" in text
    assert {f.form_id for f in forms.list_forms(window.ctx.db)} == before


ONE_QUESTION_VERSION = """| survey |
|        | type | name | label::English (en) |
|        | text | q1   | Name of the ISCM    |

| settings |
|          | form_id | version |
|          | mcim_questionnaire_2018 | 1 |
"""


def test_a_version_dropping_answered_questions_asks_first(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.domain.reference import mechanism_id
    from mcim_desk.services import responses

    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    db = window.ctx.db
    for key, value in (("ocam", "oui"), ("sacm", "non")):
        info = responses.open_questionnaire(db, mechanism_id(key), "tester")
        responses.save_answer(db, info.id, "section_2/q4", value, "tester")
    path = tmp_path / "one.md"
    path.write_text(ONE_QUESTION_VERSION, encoding="utf-8")
    add = window.findChild(type(window.quit_action), "add_form_action")

    def versions() -> list[str]:
        return [f.version for f in forms.list_forms(db) if f.form_id == "mcim_questionnaire_2018"]

    dialogs.file_answers, dialogs.confirm_answers = [str(path)], [False]
    add.trigger()
    kind, title, text = dialogs.shown[-1]
    assert kind == "confirm" and title == "Add this form version?"
    assert "q4 (section_2/q4): no longer asked; answers given to earlier versions: 2" in text
    assert versions() == ["2018.1"]  # declined: nothing stored

    dialogs.file_answers, dialogs.confirm_answers = [str(path)], [True]
    add.trigger()
    assert dialogs.shown[-1][0] == "info" and "1 questions" in dialogs.shown[-1][2]
    assert versions() == ["2018.1", "1"]


def test_preferences_choose_the_study_forms(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox

    from mcim_desk.services import instruments
    from mcim_desk.ui.preferences_dialog import PreferencesDialog

    window = make_window(dialogs=ScriptedDialogs())
    db = window.ctx.db
    good = tmp_path / "round_2019.md"
    good.write_text(GOOD.replace("| form_id | version | form_title |", "| form_id | version | form_title | form_kind |")
                    .replace("| Round 2019 |", "| Round 2019 | questionnaire |"), encoding="utf-8")
    forms.add_form(db, good)
    outside = tmp_path / "outside.md"
    outside.write_text(GOOD.replace("round_2019", "outside"), encoding="utf-8")
    forms.add_form(db, outside)  # no form_kind: never offered

    window.edit_preferences()
    dialog = window.findChild(PreferencesDialog)
    box = dialog.findChild(QComboBox, "pref_questionnaire_form")
    assert [box.itemData(i) for i in range(box.count())] == ["mcim_questionnaire_2018", "round_2019"]
    assert box.currentData() == "mcim_questionnaire_2018"
    guide = dialog.findChild(QComboBox, "pref_interview_form")
    assert [guide.itemData(i) for i in range(guide.count())] == ["mcim_interview_2018"]
    box.setCurrentIndex(box.findData("round_2019"))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert instruments.study_forms(db) == instruments.StudyForms("round_2019", "mcim_interview_2018")
