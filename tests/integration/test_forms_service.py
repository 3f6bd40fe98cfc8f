"""Forms service: bundled forms installed at start (parsed once), forms added by users."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk.forms.loader import FormError
from mcim_desk.paths import resource_path
from mcim_desk.services import forms
from mcim_desk.services.startup import open_database

ROOT = resource_path()


def small_form(form_id: str = "extra_form", version: str = "1", label: str = "Un") -> str:
    return (
        "| survey | | | |\n"
        "| | type | name | label::French (fr) | label::English (en) |\n"
        f"| | text | q1 | {label} | One |\n"
        "| | integer | q2 | Deux | Two |\n\n"
        "| settings | | |\n| | form_id | version |\n"
        f"| | {form_id} | {version} |\n"
    )


def test_bundled_forms_are_installed_on_creation(db_path: Path) -> None:
    db, report = open_database(str(db_path))
    assert any(step.startswith("bundled forms: mcim_") for step in report.steps)
    infos = {f.form_id: f for f in forms.list_forms(db)}
    assert set(infos) == {"mcim_questionnaire_2018", "mcim_interview_2018"}
    assert infos["mcim_questionnaire_2018"].question_count == 35  # 33 answers, plus the Q5 and Q16 documents
    assert infos["mcim_questionnaire_2018"].kind == "questionnaire"
    assert infos["mcim_interview_2018"].question_count == 11
    assert infos["mcim_interview_2018"].kind == "interview"
    stored = forms.definition(db, infos["mcim_questionnaire_2018"].version_id)
    assert len(stored.numbered_questions()) == 28
    db.dispose()
    db, report = open_database(str(db_path))
    assert "bundled forms: up to date" in report.steps
    assert len(forms.list_forms(db)) == 2
    db.dispose()


def test_a_normal_start_does_not_import_pyxform(db_path: Path) -> None:
    db, _ = open_database(str(db_path))
    db.dispose()
    code = (
        "import sys\n"
        "from mcim_desk.services.startup import open_database\n"
        f"db, report = open_database({str(db_path)!r}, backup=False)\n"
        "print(report.steps[-1])\n"
        "print('pyxform' in sys.modules, 'sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.splitlines()
    assert out == ["bundled forms: up to date", "False False"]


def test_forced_reinstall_changes_nothing_when_nothing_changed(db) -> None:  # noqa: ANN001
    assert forms.install_bundled_forms(db, force=True) == []


def test_a_changed_bundled_file_replaces_its_definition(db, db_path: Path) -> None:  # noqa: ANN001
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE form_version SET source_hash = 'old', definition = replace(definition, "
                 "'Informations générales', 'Informations') WHERE form_id = 'mcim_questionnaire_2018'")
    conn.commit()
    conn.close()
    forms._clear_cache()
    installed = forms.install_bundled_forms(db)
    assert [f.form_id for f in installed] == ["mcim_questionnaire_2018"]
    definition = forms.definition(db, installed[0].version_id)
    assert definition.find("section_1").label("fr") == "I. Informations générales"
    assert forms.install_bundled_forms(db) == []


def test_add_form_new_version_and_conflict(db, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "extra.md"
    path.write_text(small_form(), encoding="utf-8")
    info = forms.add_form(db, path)
    assert info.added and info.form_id == "extra_form" and info.version == "1"
    assert info.source_name == "extra.md" and info.question_count == 2
    assert forms.definition(db, info.version_id).find("q2").type == "integer"
    again = forms.add_form(db, path)
    assert not again.added and again.version_id == info.version_id

    path.write_text(small_form(label="Un autre"), encoding="utf-8")
    with pytest.raises(FormError) as caught:
        forms.add_form(db, path)
    message = str(caught.value)
    assert "extra_form" in message and "version 1" in message and "different" in message

    path.write_text(small_form(version="2", label="Un autre"), encoding="utf-8")
    newer = forms.add_form(db, path)
    assert newer.added and newer.version == "2"
    assert forms.latest_version(db, "extra_form").version_id == newer.version_id
    assert [f.version for f in forms.list_forms(db) if f.form_id == "extra_form"] == ["1", "2"]
    # the older version still opens
    forms._clear_cache()
    assert forms.definition(db, info.version_id).find("q1").label("fr") == "Un"
    assert forms.latest_version(db, "nothing") is None


def test_a_broken_form_is_not_added(db, tmp_path: Path, db_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "broken.md"
    path.write_text(small_form().replace("| integer | q2 |", "| text | q1 |"), encoding="utf-8")
    with pytest.raises(FormError) as caught:
        forms.add_form(db, path)
    assert caught.value.problems[0].row == 3
    assert len(forms.list_forms(db)) == 2


def test_validate_form_file(tmp_path: Path) -> None:
    definition = forms.validate_form_file(ROOT / "resources" / "forms" / "mcim_interview_2018.md")
    assert len(definition.numbered_questions()) == 11


def test_definition_ids_are_the_same_everywhere(db) -> None:  # noqa: ANN001
    info = forms.latest_version(db, "mcim_questionnaire_2018")
    assert info.version_id == forms.form_version_id("mcim_questionnaire_2018", "2018.1")
    with pytest.raises(KeyError):
        forms.definition(db, "no-such-version")


def test_answer_relevant_column(db_path: Path, db) -> None:  # noqa: ANN001
    conn = sqlite3.connect(db_path)
    columns = {row[1]: row for row in conn.execute("PRAGMA table_info(answer)")}
    conn.close()
    assert columns["relevant"][3] == 1  # not null
    assert columns["relevant"][4] == "1"  # server default true



def test_the_portable_q18_constraint_replaces_the_old_one_and_keeps_the_answers(
    db, db_path: Path, questionnaire  # noqa: ANN001
) -> None:
    """The bundled questionnaire used to say ``. >= '2018-01-01'`` (false for every date in
    ODK Collect); installing the file that says ``date('2018-01-01')`` over a database made
    with the old text keeps every answer and the response opens without a false error."""
    from mcim_desk.forms.engine import FormState
    from mcim_desk.services import responses

    old = ". >= '2018-01-01'"
    conn = sqlite3.connect(db_path)
    conn.execute(
        "UPDATE form_version SET source_hash = 'old', definition = replace(definition, ?, ?) "
        "WHERE form_id = 'mcim_questionnaire_2018'",
        (". >= date('2018-01-01')", old),
    )
    conn.commit()
    conn.close()
    forms._clear_cache()
    for path, value in (("section_1/q1", "PCR Test"), ("section_3/q17", "oui"), ("section_3/q18", "2019-03-01")):
        responses.save_answer(db, questionnaire.id, path, value, "tester")
    before = responses.load_response(db, questionnaire.id)
    assert before.definition.find("section_3/q18").constraint == old
    # with ODK's conversions the old text rejects a good date, as Collect would
    assert FormState(before.definition, before.answers).error_for("section_3/q18", "en")

    installed = forms.install_bundled_forms(db)
    assert [f.form_id for f in installed] == ["mcim_questionnaire_2018"]
    after = responses.load_response(db, questionnaire.id)
    assert after.info.form_version_id == before.info.form_version_id
    assert after.answers == before.answers
    assert after.definition.find("section_3/q18").constraint == ". >= date('2018-01-01')"
    state = FormState(after.definition, after.answers)
    assert state.error_for("section_3/q18", "en") is None
    responses.save_answer(db, questionnaire.id, "section_3/q18", "2017-12-31", "tester")
    late = responses.load_response(db, questionnaire.id)
    assert FormState(late.definition, late.answers).error_for("section_3/q18", "en") == (
        "The date cannot be earlier than 1 January 2018."
    )
