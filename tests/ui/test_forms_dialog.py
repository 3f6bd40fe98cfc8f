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
    window.findChild(type(window.quit_action), "add_form_action").trigger()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "row 3" in text and "concat" in text
    assert {f.form_id for f in forms.list_forms(window.ctx.db)} == before
