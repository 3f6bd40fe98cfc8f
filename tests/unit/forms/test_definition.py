"""The parsed study forms (definition dataclasses, paths, JSON) checked against the study."""

from __future__ import annotations

import csv
import json

import pytest

from mcim_desk.domain.reference import EN, FR, reference_dir
from mcim_desk.forms.definition import (
    Choice,
    FormDefinition,
    Question,
    definition_path,
    instance_indexes,
    is_within,
    kind_for,
    repeat_instance,
    split_instance,
)
from mcim_desk.paths import resource_path

FORMS = resource_path("resources", "forms")


@pytest.fixture(scope="module")
def questionnaire() -> FormDefinition:
    from mcim_desk.forms.loader import load_xlsform

    return load_xlsform(FORMS / "mcim_questionnaire_2018.md")


@pytest.fixture(scope="module")
def interview() -> FormDefinition:
    from mcim_desk.forms.loader import load_xlsform

    return load_xlsform(FORMS / "mcim_interview_2018.md")


def reference_rows(filename: str) -> list[dict[str, str]]:
    with (reference_dir() / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_questionnaire_has_the_28_questions_in_4_sections(questionnaire: FormDefinition) -> None:
    numbered = questionnaire.numbered_questions()
    assert [q.name for q in numbered] == [f"q{n}" for n in range(1, 29)]
    assert {q.path.split("/")[0] for q in numbered} == {
        "section_1", "section_2", "section_3", "section_4"
    }
    by_section = {s: [q.name for q in numbered if q.path.startswith(s + "/")]
                  for s in ("section_1", "section_2", "section_3", "section_4")}
    assert by_section["section_1"] == ["q1", "q2", "q3"]
    assert by_section["section_2"][0] == "q4" and by_section["section_2"][-1] == "q12"
    assert by_section["section_3"][0] == "q13" and by_section["section_3"][-1] == "q24"
    assert by_section["section_4"] == ["q25", "q26", "q27", "q28"]
    assert [s.name for s in questionnaire.sections()] == [
        "section_1", "section_2", "section_3", "section_4", "submission"
    ]
    assert questionnaire.kind == "questionnaire"
    assert questionnaire.form_id == "mcim_questionnaire_2018" and questionnaire.version == "2018.1"


def test_questionnaire_types_and_paths(questionnaire: FormDefinition) -> None:
    assert questionnaire.find("section_3/q19").type == "group"
    q25 = questionnaire.find("section_4/q25")
    assert q25.type == "repeat" and q25.is_repeat
    assert [c.name for c in q25.children] == ["category", "partner_name", "nature"]
    assert questionnaire.find("section_3/q18").type == "date"
    assert questionnaire.find("section_2/q9").type == "select_multiple"
    assert questionnaire.find("section_2/q4").type == "select_one"
    assert questionnaire.find("section_1/q2").multiline
    assert not questionnaire.find("section_1/q1").multiline
    # an instance path finds its definition
    assert questionnaire.find("section_4/q25[3]/nature").path == "section_4/q25/nature"
    assert questionnaire.repeat_of("section_4/q25/nature") is q25
    assert questionnaire.repeat_of("section_2/q4") is None
    leaves = list(questionnaire.iter_questions())
    assert all(not q.is_container for q in leaves)
    assert leaves[0].name == "intro_instructions"
    assert questionnaire.by_name("q4").path == "section_2/q4"
    assert questionnaire.find("nowhere/q99") is None


def test_q4_keeps_the_study_scale(questionnaire: FormDefinition) -> None:
    q4 = questionnaire.find("section_2/q4")
    assert [c.name for c in q4.choices] == ["oui", "non", "en_cours"]
    assert q4.choice_label("en_cours", "fr") == "En cours, pas encore définitif"
    assert q4.choice_label("en_cours", "en") == "In progress, not yet final"
    assert [c.name for c in questionnaire.find("section_3/q17").choices] == [
        "oui", "non", "deja_fait", "ne_sait_pas"
    ]
    assert [c.name for c in questionnaire.find("section_4/q27").choices] == [
        "oui", "non", "existe", "ne_sait_pas"
    ]


@pytest.mark.parametrize(
    ("path", "filename", "count"),
    [
        ("section_2/q9", "gcm_themes.csv", 6),
        ("section_2/q10", "gcm_principles.csv", 10),
        ("section_2/q11", "gcm_objectives.csv", 23),
        ("section_4/q25/category", "partner_categories.csv", 8),
    ],
)
def test_choice_lists_come_from_the_reference_data(
    questionnaire: FormDefinition, path: str, filename: str, count: int
) -> None:
    question = questionnaire.find(path)
    assert question.choice_file == filename
    rows = reference_rows(filename)
    assert len(question.choices) == count == len(rows)
    assert [(c.name, c.label_fr, c.label_en) for c in question.choices] == [
        (r["name"], r[f"label::{FR}"], r[f"label::{EN}"]) for r in rows
    ]
    assert all(c.label_fr and c.label_en for c in question.choices)
    assert any(c.label_fr != c.label_en for c in question.choices)


def test_interview_guide_has_11_questions_8_required(interview: FormDefinition) -> None:
    assert interview.kind == "interview"
    assert [q.name for q in interview.numbered_questions()] == [f"q{n}" for n in range(1, 12)]
    mandatory = interview.find("mandatory")
    assert [q.name for q in mandatory.children] == [f"q{n}" for n in range(1, 9)]
    assert all(q.required == "yes" for q in mandatory.children)
    assert not any(q.required for q in interview.find("optional").children)
    q1 = interview.find("mandatory/q1")
    assert q1.choice_file == "mechanisms.csv" and len(q1.choices) == 30
    assert q1.required_message("fr") == "Veuillez sélectionner le MCIM."
    assert q1.required_message("en") == "Please select the ISCM."


def test_labels_in_both_languages(questionnaire: FormDefinition) -> None:
    q1 = questionnaire.find("section_1/q1")
    assert q1.label("fr").startswith("1. Veuillez indiquer le nom")
    assert q1.label("en").startswith("1. Please indicate the name")
    q7 = questionnaire.find("section_2/q7")
    assert q7.hint("fr").startswith("Uniquement") and q7.hint("en").startswith("Only")
    for question in questionnaire.numbered_questions():
        assert question.label("fr") and question.label("en"), question.path


def test_json_round_trip_is_stable(questionnaire: FormDefinition, interview: FormDefinition) -> None:
    for definition in (questionnaire, interview):
        text = definition.to_json()
        again = FormDefinition.from_json(text)
        assert again == definition
        assert again.to_json() == text
        data = json.loads(text)
        assert data["form_id"] == definition.form_id and data["source_hash"] == definition.source_hash
        assert again.find("section_4/q25/category") == definition.find("section_4/q25/category")


def test_rows_are_kept(questionnaire: FormDefinition) -> None:
    assert questionnaire.find("section_1/q1").row == 5
    assert questionnaire.find("section_2/q4").row == 10
    assert all(q.row for q in questionnaire.iter_all())


def test_label_falls_back_to_the_other_language() -> None:
    q = Question(name="a", path="a", type="text", label_en="Only English")
    assert q.label("fr") == "Only English"
    assert Choice("x", "", "").label("fr") == "x"
    assert Choice("x", "Oui", "Yes").label("en") == "Yes"


@pytest.mark.parametrize(
    ("instance", "expected"),
    [
        ("section_4/q25[2]/category", "section_4/q25/category"),
        ("section_4/q25[12]", "section_4/q25"),
        ("section_2/q4", "section_2/q4"),
        ("a[1]/b[3]/c", "a/b/c"),
    ],
)
def test_definition_path(instance: str, expected: str) -> None:
    assert definition_path(instance) == expected


def test_instance_helpers() -> None:
    paths = [
        "section_4/q25[1]", "section_4/q25[1]/category", "section_4/q25[3]/nature",
        "section_4/q250[9]/x", "section_2/q4", "a[2]/b[1]/c", "a[2]/b[4]/c",
    ]
    assert instance_indexes(paths, "section_4/q25") == [1, 3]
    assert instance_indexes(paths, "a") == [2]
    assert instance_indexes(paths, "a[2]/b") == [1, 4]
    assert instance_indexes(paths, "nothing") == []
    assert repeat_instance("section_4/q25", 2) == "section_4/q25[2]"
    assert split_instance("section_4/q25[2]") == ("section_4/q25", 2)
    assert split_instance("section_4/q25[2]/nature") is None
    assert split_instance("section_4/q25") is None
    assert is_within("section_4/q25[2]/nature", "section_4/q25[2]")
    assert is_within("section_4/q25[2]", "section_4/q25[2]")
    assert not is_within("section_4/q25[20]/nature", "section_4/q25[2]")


def test_kind_for_reads_the_setting_and_never_guesses_from_the_id() -> None:
    # A form is a questionnaire or an interview guide only when its settings say so.
    assert kind_for("mcim_interview_2018") == "other"
    assert kind_for("mcim_questionnaire_2018") == "other"
    assert kind_for("anything", "interview") == "interview"
    assert kind_for("interview_x", "questionnaire") == "questionnaire"
    assert kind_for("x", "bogus") == "other"
    assert kind_for("x", " Questionnaire ") == "questionnaire"
