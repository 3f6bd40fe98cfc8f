"""Questions and answers named as people read them: numbers and labels, choice labels."""

from __future__ import annotations

import pytest

from mcim_desk.forms.captions import (
    answer_text,
    question_caption,
    question_number,
    short_question,
    shorten,
)
from mcim_desk.forms.definition import FormDefinition
from mcim_desk.paths import resource_path


@pytest.fixture(scope="module")
def questionnaire() -> FormDefinition:
    from mcim_desk.forms.loader import load_xlsform

    return load_xlsform(resource_path("resources", "forms") / "mcim_questionnaire_2018.md")


def test_a_numbered_question_is_its_label(questionnaire: FormDefinition) -> None:
    assert question_caption(questionnaire, "section_2/q4", "en").startswith("4. Has your ISCM formulated")
    assert question_caption(questionnaire, "section_2/q4", "fr").startswith("4. Votre MCIM a-t-il formulé")
    short = question_caption(questionnaire, "section_2/q12", "en", limit=40)
    assert short.startswith("12. ") and short.endswith("…") and len(short) <= 40


def test_parts_of_numbered_questions_and_repeat_entries(questionnaire: FormDefinition) -> None:
    assert question_caption(questionnaire, "section_3/q19/q19_data_exchange", "en") == (
        "Question 19 — i) data exchange on the Global Compact;")
    assert question_caption(questionnaire, "section_4/q25[2]/partner_name", "en").startswith(
        "Question 25, entry 2 — ")
    assert question_caption(questionnaire, "section_4/q25[3]", "en").startswith("Question 25, entry 3 — Please")
    assert question_number("section_4/q25[2]/category") == "25"
    assert question_number("submission/submitted_by") is None


def test_short_names_for_menus(questionnaire: FormDefinition) -> None:
    assert short_question(questionnaire, "section_2/q12", "en") == "question 12"
    assert short_question(questionnaire, "section_4/q25[2]/partner_name", "en") == "question 25, entry 2"
    assert short_question(questionnaire, "submission/submitted_by", "en") == "“Submitted by:”"
    assert short_question(None, "x/y", "en") == "x/y"


def test_answers_show_choice_labels(questionnaire: FormDefinition) -> None:
    assert answer_text(questionnaire, "section_2/q4", "en_cours", "fr") == "En cours, pas encore définitif"
    assert answer_text(questionnaire, "section_2/q4", "non", "en") == "No"
    assert answer_text(questionnaire, "section_2/q5", "=1+2 a text", "en") == "=1+2 a text"
    assert answer_text(questionnaire, "section_2/q4", None, "en") == ""
    assert answer_text(questionnaire, "no/such", "code", "en") == "code"


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("one two  three\nfour", None) == "one two three four"
    assert shorten("alpha beta gamma delta", 14) == "alpha beta…"
