"""Every version of the questionnaire counts, and no new form moves a figure.

Eight questionnaires are typed on the shipped version 2018.1; then a new version of the
questionnaire is added (a one-question version, a version renaming a group, one moving a
question, one removing a question) or an outside form, through the command line as a user
would. ``report summary --format json`` must give the same figures before and after, and a
new version that drops or retypes questions with answers needs ``--force``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from mcim_desk.cli import main
from mcim_desk.domain.reference import mechanism_id
from mcim_desk.paths import resource_path
from mcim_desk.services import forms, responses
from mcim_desk.services.startup import open_database

SHIPPED = resource_path("resources", "forms", "mcim_questionnaire_2018.md")
ACTOR = "tester"

# Eight mechanisms' answers, as typed from their returned questionnaires. MIDWA's Q9 is
# hidden by its Q4 answer ("non"), so it counts nowhere.
ANSWERS: dict[str, list[tuple[str, str]]] = {
    "rabat_process": [("section_2/q4", "oui"), ("section_2/q9", "theme_2 theme_3"),
                      ("section_2/q10", "principle_2"), ("section_2/q11", "objective_1 objective_23"),
                      ("section_3/q13", "oui"), ("section_3/q14", "On the agenda."),
                      ("section_3/q15", "oui"), ("section_3/q17", "deja_fait"),
                      ("section_3/q20", "Dialogue and workshops."),
                      ("section_4/q25[1]/category", "other_iscms"), ("section_4/q25[2]/category", "academia"),
                      ("section_4/q27", "oui")],
    "sacm": [("section_2/q4", "en_cours"), ("section_2/q9", "theme_2"), ("section_2/q11", "objective_23"),
             ("section_3/q13", "non"), ("section_3/q15", "non"), ("section_3/q17", "oui"),
             ("section_4/q25[1]/category", "other_iscms"), ("section_4/q27", "existe")],
    "midwa": [("section_2/q4", "oui"), ("section_2/q9", "theme_5"), ("section_2/q4", "non"),
              ("section_3/q13", "oui"), ("section_3/q14", "Changed our programme."),
              ("section_3/q15", "ne_sait_pas"), ("section_4/q27", "non")],
    "cmc": [("section_2/q4", "oui"), ("section_2/q9", "theme_1 theme_2"), ("section_2/q10", "principle_2"),
            ("section_3/q13", "ne_sait_pas"), ("section_3/q14", "A framework."), ("section_4/q27", "oui")],
    "ocam": [("section_2/q4", "non"), ("section_3/q13", "non"), ("section_3/q17", "non")],
    "bali_process": [("section_2/q4", "oui"), ("section_2/q9", "theme_2 theme_4"),
                     ("section_2/q11", "objective_23"), ("section_3/q15", "oui"),
                     ("section_4/q25[1]/category", "intergovernmental_organizations")],
    "igc": [("section_2/q4", "en_cours"), ("section_2/q9", "theme_2"), ("section_3/q14", "Not yet."),
            ("section_4/q27", "ne_sait_pas")],
    "pafom": [("section_1/q1", "PAFoM"), ("section_3/q13", "oui"), ("section_3/q17", "ne_sait_pas")],
}


def fill_eight(db) -> None:  # noqa: ANN001
    for key, answers in ANSWERS.items():
        info = responses.open_questionnaire(db, mechanism_id(key), ACTOR)
        for path, value in answers:
            responses.save_answer(db, info.id, path, value, ACTOR)


def shipped_rows() -> list[str]:
    return SHIPPED.read_text(encoding="utf-8").split("\n")


def new_version(folder: Path, version: str, *, rename_group: tuple[str, str] | None = None,
                move_to_section_1: str | None = None, drop: tuple[str, ...] = ()) -> Path:
    """The shipped questionnaire with another version and one change."""
    rows = shipped_rows()
    if drop:
        rows = [r for r in rows if not any(f"| {name} |" in r for name in drop)]
    if move_to_section_1:
        row = next(r for r in rows if f"| {move_to_section_1} |" in r)
        rows.remove(row)
        rows.insert(rows.index(next(r for r in rows if "| end_group | section_1 |" in r)), row)
    text = "\n".join(rows).replace("| mcim_questionnaire_2018 | 2018.1 |", f"| mcim_questionnaire_2018 | {version} |")
    if rename_group:
        old, new = rename_group
        text = text.replace(f"| {old} |", f"| {new} |")
    path = folder / f"questionnaire-{version}.md"
    path.write_text(text, encoding="utf-8")
    return path


ONE_QUESTION = """| survey | | | |
| | type | name | label |
| | text | q1 | Name of the mechanism |

| settings | | |
| | form_id | version |
| | mcim_questionnaire_2018 | 1 |
"""

OUTSIDE = """| survey | | | |
| | type | name | label |
| | text | q1 | Outside question one |
| | integer | q4 | Outside question two |
"""


def summary(db_path: Path, out: Path) -> dict:
    assert main(["--db", str(db_path), "report", "summary", "--lang", "en", "--format", "json",
                 "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def figures_only(data: dict) -> dict:
    """The figures and who stands behind them; ``path`` (where a question sits in the newest
    version of the form) and the generation time are not figures."""
    def strip(figure: dict) -> dict:
        return {k: v for k, v in figure.items() if k != "path"}

    return {
        "overview": data["overview"], "regions": data["regions"], "annex": data["annex"],
        "figures": [strip(f) for f in data["figures"]],
        "coded_figures": [strip(f) for f in data["coded_figures"]],
        "quote_groups": data["quote_groups"],
    }


@pytest.fixture
def eight(db_path: Path):  # noqa: ANN201 - the database path, with eight questionnaires typed
    db, _ = open_database(str(db_path))
    fill_eight(db)
    db.dispose()
    return db_path


def test_a_one_question_version_needs_force_and_moves_no_figure(eight: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    before = summary(eight, tmp_path / "before.json")
    assert {f["key"]: f["n"] for f in before["figures"]} == {
        "q4": 8 - 1, "q13": 6, "q14": 8, "q15": 4, "q17": 4, "q9": 5, "q10": 2, "q11": 3, "q25": 3, "q27": 5,
    }
    capsys.readouterr()
    one = tmp_path / "one.md"
    one.write_text(ONE_QUESTION, encoding="utf-8")
    assert main(["--db", str(eight), "forms", "add", str(one)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and "Nothing was added" in err
    # Each question with answers is named, with how many answers it holds.
    assert "q4 (section_2/q4): no longer asked; answers given to earlier versions: 7" in err
    assert "q25 (section_4/q25/category)" not in err
    assert "category (section_4/q25/category): no longer asked; answers given to earlier versions: 4" in err
    assert "q1 (section_1/q1)" not in err  # q1 is still asked
    assert [f.version for f in forms.list_forms(open_database(str(eight))[0])
            if f.form_id == "mcim_questionnaire_2018"] == ["2018.1"]
    assert figures_only(summary(eight, tmp_path / "refused.json")) == figures_only(before)

    assert main(["--db", str(eight), "forms", "add", str(one), "--force"]) == 0
    out = capsys.readouterr().out
    assert "added mcim_questionnaire_2018 version 1: 1 questions" in out and "no longer asked" in out
    after = summary(eight, tmp_path / "after.json")
    assert after["figures"], "the report lost every figure"
    assert figures_only(after) == figures_only(before)


@pytest.mark.parametrize("change", ["rename_group", "move", "remove", "outside"])
def test_a_new_version_or_an_outside_form_moves_no_figure(eight: Path, tmp_path: Path, change: str,
                                                          capsys) -> None:  # noqa: ANN001
    before = summary(eight, tmp_path / "before.json")
    if change == "rename_group":
        path = new_version(tmp_path, "2019.1", rename_group=("section_2", "part_two"))
    elif change == "move":
        path = new_version(tmp_path, "2019.1", move_to_section_1="q27")
    elif change == "remove":
        path = new_version(tmp_path, "2019.1", drop=("q13",))
    else:
        path = tmp_path / "outside.md"
        path.write_text(OUTSIDE, encoding="utf-8")
    argv = ["--db", str(eight), "forms", "add", str(path)]
    if change == "remove":
        assert main(argv) == 1
        assert "q13 (section_3/q13): no longer asked; answers given to earlier versions: 6" in capsys.readouterr().err
        argv.append("--force")
    assert main(argv) == 0
    after = summary(eight, tmp_path / "after.json")
    assert figures_only(after) == figures_only(before)
    paths = {f["key"]: f["path"] for f in after["figures"]}
    if change == "rename_group":
        assert paths["q4"] == "part_two/q4"  # the figure names where the question sits now
    if change == "move":
        assert paths["q27"] == "section_1/q27"


def test_a_retyped_question_with_answers_needs_force(db, tmp_path: Path) -> None:  # noqa: ANN001
    fill_eight(db)
    text = "\n".join(shipped_rows()).replace("| mcim_questionnaire_2018 | 2018.1 |", "| mcim_questionnaire_2018 | 2019.2 |")
    text = text.replace("| | select_one yes_no_dontknow | q13 |", "| | text | q13 |")
    path = tmp_path / "retyped.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(forms.VersionLosesAnswers) as caught:
        forms.add_form(db, path)
    assert [(c.name, c.old_type, c.new_type, c.answers) for c in caught.value.changes] == [
        ("q13", "select_one", "text", 6)]
    assert "q13 (section_3/q13): select_one becomes text; answers given as select_one: 6" in str(caught.value)
    assert forms.add_form(db, path, force=True).added


def test_a_new_version_that_keeps_every_answered_question_needs_no_force(db, tmp_path: Path) -> None:  # noqa: ANN001
    fill_eight(db)
    # q16 has no answer anywhere: dropping it loses nothing.
    info = forms.add_form(db, new_version(tmp_path, "2019.3", rename_group=("section_4", "partners"), drop=("q16",)))
    assert info.added and info.version == "2019.3"


def test_an_outside_form_never_becomes_the_questionnaire(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    outside = tmp_path / "outside.md"
    outside.write_text(OUTSIDE, encoding="utf-8")
    assert main(["--db", str(db_path), "forms", "add", str(outside)]) == 0
    assert main(["--db", str(db_path), "forms", "list"]) == 0
    listed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert ["outside", "1", "other", "2", "outside.md"] in listed
    assert [r[-1] for r in listed if r[0] == "mcim_questionnaire_2018"] == ["the study's questionnaire"]

    pdf = tmp_path / "ocam.pdf"
    assert main(["--db", str(db_path), "--lang", "en", "questionnaire", "pdf", "--mechanism", "OCAM",
                 "--out", str(pdf)]) == 0
    reader = PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 1
    assert "Has your ISCM formulated an (official) position" in text
    assert "Outside question" not in text
    blank = tmp_path / "blank.pdf"
    assert main(["--db", str(db_path), "report", "blank-questionnaire", "--lang", "en", "--out", str(blank)]) == 0
    assert "Outside question" not in " ".join(p.extract_text() for p in PdfReader(blank).pages)

    db, _ = open_database(str(db_path))
    assert responses.open_questionnaire(db, mechanism_id("ocam"), ACTOR).form_id == "mcim_questionnaire_2018"
    db.dispose()
    # It cannot be chosen as the questionnaire either: its settings do not say it is one.
    capsys.readouterr()
    assert main(["--db", str(db_path), "forms", "use", "questionnaire", "outside"]) == 1
    assert "form_kind" in capsys.readouterr().err


def test_the_study_questionnaire_is_chosen_explicitly(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    other = tmp_path / "round_2019.md"
    other.write_text(
        "| survey | | | |\n| | type | name | label |\n| | text | q1 | Name of the 2019 mechanism |\n"
        "| | select_one yn | q4 | Position in 2019? |\n\n"
        "| choices | | | |\n| | list_name | name | label |\n| | yn | oui | Yes |\n| | yn | non | No |\n\n"
        "| settings | | | |\n| | form_id | version | form_kind |\n| | round_2019 | 1 | questionnaire |\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db_path), "forms", "add", str(other)]) == 0
    pdf = tmp_path / "before.pdf"
    assert main(["--db", str(db_path), "questionnaire", "pdf", "--mechanism", "OCAM", "--out", str(pdf)]) == 0
    assert "Position in 2019?" not in " ".join(p.extract_text() for p in PdfReader(pdf).pages)  # not newest-wins
    assert main(["--db", str(db_path), "forms", "use", "questionnaire", "round_2019"]) == 0
    assert "the study's questionnaire: round_2019" in capsys.readouterr().out
    pdf = tmp_path / "after.pdf"
    assert main(["--db", str(db_path), "--lang", "en", "questionnaire", "pdf", "--mechanism", "OCAM",
                 "--out", str(pdf)]) == 0
    assert "Position in 2019?" in " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    db, _ = open_database(str(db_path))
    info = responses.open_questionnaire(db, mechanism_id("ocam"), ACTOR)
    assert info.form_id == "round_2019"
    responses.save_answer(db, info.id, "q4", "oui", ACTOR)
    db.dispose()
    data = summary(db_path, tmp_path / "s.json")
    assert data["overview"]["questionnaire"] == ["OCAM"]
    assert [(f["key"], f["n"], [(b["code"], b["count"]) for b in f["bars"]]) for f in data["figures"]] == [
        ("q4", 1, [("oui", 1), ("non", 0)])]
    assert main(["--db", str(db_path), "forms", "use", "interview", "round_2019"]) == 1
    assert "not an interview guide" in capsys.readouterr().err
