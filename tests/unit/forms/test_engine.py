"""FormState: relevance (skip logic), required, constraints, types, repeats, progress."""

from __future__ import annotations

import datetime

import pytest

from mcim_desk.forms.definition import Choice, FormDefinition, Question
from mcim_desk.forms.engine import FormState, SectionProgress, affects_relevance, type_problem
from mcim_desk.paths import resource_path

TODAY = datetime.date(2018, 10, 1)


@pytest.fixture(scope="module")
def questionnaire() -> FormDefinition:
    from mcim_desk.forms.loader import load_xlsform

    return load_xlsform(resource_path("resources", "forms", "mcim_questionnaire_2018.md"))


@pytest.fixture(scope="module")
def interview() -> FormDefinition:
    from mcim_desk.forms.loader import load_xlsform

    return load_xlsform(resource_path("resources", "forms", "mcim_interview_2018.md"))


def state(definition: FormDefinition, **answers: str) -> FormState:
    return FormState(definition, {k.replace("__", "/"): v for k, v in answers.items()}, today=TODAY)


def q(name: str, path: str, type_: str = "text", **values: object) -> Question:
    return Question(name=name, path=path, type=type_, **values)


def small_form() -> FormDefinition:
    """A group shown by a yes/no, a calculation, and a repeat whose questions refer to their
    sibling in the same instance."""
    yes_no = (Choice("yes", "Oui", "Yes"), Choice("no", "Non", "No"))
    return FormDefinition(
        form_id="small", version="1", title_fr="Petit", title_en="Small", kind="questionnaire",
        children=(
            q("more", "more", "select_one", choices=yes_no, required="yes"),
            q("details", "details", "group", relevant="${more} = 'yes'", children=(
                q("count", "details/count", "integer", required="yes", constraint=". > 0"),
                q("twice", "details/twice", "calculate", calculate="${count} * 2"),
                q("big", "details/big", "text", relevant="${twice} > 10"),
            )),
            q("people", "people", "repeat", children=(
                q("role", "people/role", "select_one", choices=yes_no),
                q("why", "people/why", "text", relevant="${role} = 'yes'", required="yes"),
            )),
            q("after", "after", "text", relevant="${count} > 1"),
        ),
    )


# --- the questionnaire's skip logic ----------------------------------------------------------


@pytest.mark.parametrize(("q4", "shown"), [("non", False), ("oui", True), ("en_cours", True), ("", False)])
def test_q4_shows_or_hides_q5_and_q6(questionnaire: FormDefinition, q4: str, shown: bool) -> None:
    s = state(questionnaire, section_2__q4=q4)
    for path in ("section_2/q5", "section_2/q6", "section_2/q7", "section_2/q9", "section_2/q11"):
        assert s.relevant(path) is shown, path
    assert s.relevant("section_2/q12") and s.relevant("section_2/q4")


def test_other_conditional_questions(questionnaire: FormDefinition) -> None:
    s = state(questionnaire, section_3__q15="oui", section_3__q17="non", section_4__q27="existe")
    assert s.relevant("section_3/q16")
    assert not s.relevant("section_3/q18")
    assert s.relevant("section_4/q28")
    assert not state(questionnaire, section_4__q27="ne_sait_pas").relevant("section_4/q28")


def test_required_q1_blocks_completeness_with_its_message(questionnaire: FormDefinition) -> None:
    s = state(questionnaire, section_2__q4="non", submission__submitted_by="Me")
    assert not s.is_complete()
    assert s.is_required("section_1/q1")
    assert s.error_for("section_1/q1", "fr") == "Veuillez indiquer le nom de votre MCIM."
    assert s.error_for("section_1/q1", "en") == "Please indicate the name of your ISCM."
    assert s.errors("en") == {"section_1/q1": "Please indicate the name of your ISCM."}
    done = state(questionnaire, section_1__q1="Processus de Bali", section_2__q4="non",
                 submission__submitted_by="Me")
    assert done.is_complete() and done.errors("fr") == {}
    blank = state(questionnaire, section_1__q1="   ", section_2__q4="non", submission__submitted_by="Me")
    assert not blank.is_complete()


def test_constraint_on_q18(questionnaire: FormDefinition) -> None:
    base = {"section_1/q1": "X", "section_2/q4": "non", "submission/submitted_by": "Me",
            "section_3/q17": "oui"}
    early = FormState(questionnaire, {**base, "section_3/q18": "2017-12-31"}, today=TODAY)
    assert early.error_for("section_3/q18", "fr") == "La date ne peut pas être antérieure au 1er janvier 2018."
    assert early.error_for("section_3/q18", "en") == "The date cannot be earlier than 1 January 2018."
    assert not early.is_complete()
    fine = FormState(questionnaire, {**base, "section_3/q18": "2018-01-01"}, today=TODAY)
    assert fine.error_for("section_3/q18", "en") is None and fine.is_complete()
    # the same early date no longer counts once q17 hides q18 (the answer itself is kept)
    hidden = FormState(questionnaire, {**base, "section_3/q17": "non", "section_3/q18": "2017-12-31"},
                       today=TODAY)
    assert not hidden.relevant("section_3/q18")
    assert hidden.error_for("section_3/q18", "en") is None and hidden.is_complete()


def test_bad_date_message(questionnaire: FormDefinition) -> None:
    s = state(questionnaire, section_3__q17="oui", section_3__q18="31/02/2018")
    assert s.error_for("section_3/q18", "en") == "“31/02/2018” is not a date: write it as YYYY-MM-DD"
    assert "section_3/q18" in s.errors("fr")
    impossible = state(questionnaire, section_3__q17="oui", section_3__q18="2018-02-31")
    assert "is not a date" in impossible.error_for("section_3/q18", "en")


def test_today_in_a_constraint(interview: FormDefinition) -> None:
    later = state(interview, mandatory__q3="2018-10-02")
    assert later.error_for("mandatory/q3", "en") == "The interview date cannot be later than today."
    assert state(interview, mandatory__q3="2018-10-01").error_for("mandatory/q3", "en") is None


def test_interview_completeness_needs_the_8_mandatory_answers(interview: FormDefinition) -> None:
    answers = {f"mandatory/q{n}": "x" for n in range(2, 9)}
    answers.update({"mandatory/q1": "almaty_process", "mandatory/q3": "2018-09-30"})
    assert FormState(interview, answers, today=TODAY).is_complete()
    del answers["mandatory/q5"]
    s = FormState(interview, answers, today=TODAY)
    assert not s.is_complete() and list(s.errors("en")) == ["mandatory/q5"]
    assert s.section_progress() == [
        SectionProgress("mandatory", 7, 8, 1, 7, 8),
        SectionProgress("optional", 0, 0, 0, 0, 3),  # nothing required, three questions to answer
    ]
    wrong = FormState(interview, {**answers, "mandatory/q1": "atlantis"}, today=TODAY)
    assert wrong.error_for("mandatory/q1", "en") == "“atlantis” is not one of the choices."


def test_section_progress(questionnaire: FormDefinition) -> None:
    s = state(questionnaire, section_2__q4="oui", section_3__q17="oui", section_3__q18="2017-05-05")
    assert s.section_progress() == [
        SectionProgress("section_1", 0, 1, 1, 0, 3),
        SectionProgress("section_2", 1, 1, 0, 1, 10),  # Q4 "yes": Q5 (and its document) to Q12 are asked
        SectionProgress("section_3", 0, 0, 1, 2, 12),
        SectionProgress("section_4", 0, 0, 0, 0, 2),  # Q25 without entries: Q26 and Q27
        SectionProgress("submission", 0, 1, 1, 0, 2),
    ]


def test_repeat_paths(questionnaire: FormDefinition) -> None:
    s = state(questionnaire, **{
        "section_4/q25[1]": "", "section_4/q25[1]/category": "other_iscms",
        "section_4/q25[2]/partner_name": "OIT", "section_4/q25[2]/category": "nowhere",
    })
    assert s.instances("section_4/q25") == [1, 2]
    paths = s.instance_paths()
    assert paths.index("section_4/q25[1]/category") < paths.index("section_4/q25[2]/nature")
    assert "section_4/q25/category" not in paths
    assert s.relevant("section_4/q25[2]/nature") and s.relevant("section_4/q25[1]")
    assert s.error_for("section_4/q25[2]/category", "en") == "“nowhere” is not one of the choices."
    assert s.error_for("section_4/q25[1]/category", "en") is None


# --- a small form: groups, calculations, repeats ----------------------------------------------


def test_non_relevant_group_hides_its_questions_and_their_values() -> None:
    form = small_form()
    shown = FormState(form, {"more": "yes", "details/count": "7"})
    assert shown.relevant("details/count") and shown.calculated("details/twice") == "14"
    assert shown.relevant("details/big") and shown.relevant("after")
    hidden = FormState(form, {"more": "no", "details/count": "7"})
    assert not hidden.relevant("details") and not hidden.relevant("details/count")
    assert not hidden.relevant("details/big")
    # the hidden count reads as empty: 'after' (outside the group) is hidden too
    assert hidden.value("details/count") == "" and not hidden.relevant("after")
    assert hidden.is_complete()
    assert hidden.relevance()["details/count"] is False


def test_required_inside_a_shown_group_and_default_messages() -> None:
    form = small_form()
    s = FormState(form, {"more": "yes"})
    assert s.error_for("details/count", "en") == "This answer is required."
    s = FormState(form, {"more": "yes", "details/count": "0"})
    assert s.error_for("details/count", "fr") == "This answer is not valid."
    s = FormState(form, {"more": "yes", "details/count": "two"})
    assert s.error_for("details/count", "en") == "“two” is not a whole number."
    assert FormState(form, {}).error_for("more", "en") == "This answer is required."


def test_repeat_siblings_refer_to_their_own_instance() -> None:
    form = small_form()
    s = FormState(form, {"more": "no", "people[1]/role": "yes", "people[2]/role": "no",
                         "people[3]": ""})
    assert s.relevant("people[1]/why") and not s.relevant("people[2]/why")
    assert not s.relevant("people[3]/why")
    assert s.errors("en") == {"people[1]/why": "This answer is required."}
    s = FormState(form, {"more": "no", "people[1]/role": "yes", "people[1]/why": "because"})
    assert s.is_complete()


def test_calculations_and_affects_relevance() -> None:
    form = small_form()
    s = FormState(form, {"more": "yes", "details/count": "3"})
    assert s.calculations() == {"details/twice": "6"}
    assert not s.relevant("details/big")
    assert affects_relevance(form, "more") and affects_relevance(form, "details/count")
    assert affects_relevance(form, "people[2]/role")
    assert not affects_relevance(form, "people[2]/why")


def test_relevance_cycle_does_not_hang() -> None:
    form = FormDefinition(
        form_id="cycle", version="1", title_fr="", title_en="", kind="questionnaire",
        children=(q("a", "a", relevant="${b} = 'x'"), q("b", "b", relevant="${a} = 'x'")),
    )
    s = FormState(form, {"a": "x", "b": "x"})
    assert isinstance(s.relevant("a"), bool) and isinstance(s.relevant("b"), bool)


def test_unknown_paths() -> None:
    s = FormState(small_form(), {})
    assert not s.relevant("nowhere")
    assert s.error_for("nowhere", "en") is None
    assert s.value("nowhere") == ""


@pytest.mark.parametrize(
    ("type_", "value", "ok"),
    [
        ("integer", "12", True), ("integer", "-3", True), ("integer", "1.5", False),
        ("integer", "douze", False), ("decimal", "2.5", True), ("decimal", ".5", True),
        ("decimal", "2,5", False), ("date", "2018-11-09", True), ("date", "09/11/2018", False),
        ("date", "2018-13-01", False), ("text", "anything <b>&", True),
    ],
)
def test_type_problem(type_: str, value: str, ok: bool) -> None:
    assert (type_problem(q("x", "x", type_), value) is None) is ok


def test_select_multiple_codes() -> None:
    question = q("s", "s", "select_multiple", choices=(Choice("a", "A", "A"), Choice("b", "B", "B")))
    assert type_problem(question, "a b") is None
    assert type_problem(question, "a zz") == "“zz” is not one of the choices."
