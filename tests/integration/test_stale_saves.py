"""Saves from a stale copy are refused, per answer (issue 11): a window passes what it read
(``expected``), and a save over something changed since is an EditConflict naming both values
and who changed it when; nothing is written. Saves on other questions of the same response go
through. On SQLite and, when MCIM_TEST_PG_URL is set, on PostgreSQL."""

from __future__ import annotations

import pytest

from mcim_desk.services import responses
from mcim_desk.services.responses import EditConflict

Q1, Q21, Q25 = "section_1/q1", "section_3/q21", "section_4/q25"


def test_a_stale_answer_is_refused_with_both_values(db, questionnaire, table_dump) -> None:  # noqa: ANN001
    rid = questionnaire.id
    responses.save_answer(db, rid, Q21, "Ancienne réponse", "amina", expected=None)
    # A and B both read "Ancienne réponse"; A saves first.
    responses.save_answer(db, rid, Q21, "Réponse d’Amina", "amina", expected="Ancienne réponse")
    before = table_dump()
    with pytest.raises(EditConflict) as caught:
        responses.save_answer(db, rid, Q21, "Réponse de Jean", "jean", expected="Ancienne réponse")
    conflict = caught.value
    assert (conflict.kind, conflict.path) == ("answer", Q21)
    assert (conflict.theirs, conflict.yours) == ("Réponse d’Amina", "Réponse de Jean")
    assert conflict.actor == "amina" and conflict.at is not None
    assert "amina" in str(conflict) and Q21 in str(conflict)
    assert table_dump() == before  # nothing written, no audit row
    assert responses.answers(db, rid)[Q21] == "Réponse d’Amina"
    # Told, Jean keeps his value knowingly: he now passes what he was shown.
    saved = responses.save_answer(db, rid, Q21, "Réponse de Jean", "jean", expected="Réponse d’Amina")
    assert saved.changed and responses.answers(db, rid)[Q21] == "Réponse de Jean"


def test_two_people_first_answering_the_same_question(db, questionnaire) -> None:  # noqa: ANN001
    """Both read "no answer"; the later first answer is a conflict, not a unique-key error."""
    rid = questionnaire.id
    responses.save_answer(db, rid, Q1, "Processus de Rabat", "amina", expected=None)
    with pytest.raises(EditConflict) as caught:
        responses.save_answer(db, rid, Q1, "Rabat", "jean", expected=None)
    assert (caught.value.theirs, caught.value.yours) == ("Processus de Rabat", "Rabat")


def test_different_questions_of_one_response_both_succeed(db, questionnaire) -> None:  # noqa: ANN001
    rid = questionnaire.id
    read = responses.answers(db, rid)  # both windows read the same (empty) response
    responses.save_answer(db, rid, Q1, "Rabat", "amina", expected=read.get(Q1))
    responses.save_answer(db, rid, Q21, "Oui", "jean", expected=read.get(Q21))
    assert {Q1: "Rabat", Q21: "Oui"}.items() <= responses.answers(db, rid).items()


def test_the_same_new_value_is_no_conflict(db, questionnaire) -> None:  # noqa: ANN001
    rid = questionnaire.id
    responses.save_answer(db, rid, Q21, "Oui", "amina", expected=None)
    result = responses.save_answer(db, rid, Q21, "Oui", "jean", expected=None)
    assert not result.changed  # nothing to lose: both wanted the same


def test_expected_is_compared_as_stored(db, questionnaire) -> None:  # noqa: ANN001
    """A choice code given with spaces is stored trimmed: the caller's copy still matches."""
    rid, q4 = questionnaire.id, "section_2/q4"
    responses.save_answer(db, rid, q4, " non ", "amina", expected=None)
    assert responses.answers(db, rid)[q4] == "non"
    responses.save_answer(db, rid, q4, "oui", "amina", expected=" non ")
    assert responses.answers(db, rid)[q4] == "oui"


def test_a_stale_note_is_refused(db, mechanism) -> None:  # noqa: ANN001
    rid = responses.new_interview_response(db, mechanism.id, "amina").id
    path = "mandatory/q4"
    responses.save_note(db, rid, path, "À rappeler", "amina", expected=None)
    with pytest.raises(EditConflict) as caught:
        responses.save_note(db, rid, path, "Rappelé hier", "jean", expected="")
    assert (caught.value.kind, caught.value.theirs, caught.value.yours) == (
        "note", "À rappeler", "Rappelé hier")
    assert responses.notes(db, rid)[path] == "À rappeler"
    assert responses.save_note(db, rid, path, "Rappelé hier", "jean", expected="À rappeler")


def test_repeat_changes_from_a_stale_copy_are_refused(db, questionnaire) -> None:  # noqa: ANN001
    rid = questionnaire.id
    responses.insert_repeat(db, rid, Q25, "amina", values={"partner_name": "OIM"})
    responses.insert_repeat(db, rid, Q25, "amina", values={"partner_name": "UA"})
    stale = responses.answers(db, rid)  # B reads two entries
    responses.remove_repeat(db, rid, Q25, 1, "amina", expected_answers=stale)  # A removes OIM
    after_a = responses.answers(db, rid)
    # B, still showing OIM first, removes "entry 1" (meaning OIM): that would remove UA.
    with pytest.raises(EditConflict) as caught:
        responses.remove_repeat(db, rid, Q25, 1, "jean", expected_answers=stale)
    assert (caught.value.kind, caught.value.path, caught.value.actor) == ("repeat", Q25, "amina")
    with pytest.raises(EditConflict):
        responses.move_repeat(db, rid, Q25, 2, 1, "jean", expected_answers=stale)
    with pytest.raises(EditConflict):
        responses.insert_repeat(db, rid, Q25, "jean", expected_answers=stale)
    assert responses.answers(db, rid) == after_a
    assert after_a[f"{Q25}[1]/partner_name"] == "UA"
    # A change elsewhere in the response does not make the repeat stale.
    responses.save_answer(db, rid, Q1, "Rabat", "amina", expected=None)
    assert responses.insert_repeat(db, rid, Q25, "jean", expected_answers=after_a) == 2


def test_validating_answers_someone_changed_since_is_refused(db, questionnaire) -> None:  # noqa: ANN001
    rid = questionnaire.id
    for path, value in [(Q1, "Processus de Bali"), ("section_2/q4", "non"),
                        ("submission/submitted_by", "Secrétariat")]:
        responses.save_answer(db, rid, path, value, "amina", expected=None)
    shown = responses.answers(db, rid)
    responses.save_answer(db, rid, Q1, "Processus de Bali (révisé)", "amina", expected=shown[Q1])
    with pytest.raises(EditConflict) as caught:
        responses.set_status(db, rid, "validated", "jean", expected_answers=shown)
    assert caught.value.kind == "status" and caught.value.actor == "amina"
    assert responses.response_info(db, rid).status == "complete"
    fresh = responses.answers(db, rid)
    assert responses.set_status(db, rid, "validated", "jean", expected_answers=fresh).status == "validated"


def test_a_stale_source_is_refused(db, questionnaire) -> None:  # noqa: ANN001
    rid = questionnaire.id
    responses.set_source(db, rid, "email", "amina", expected="paper")
    with pytest.raises(EditConflict) as caught:
        responses.set_source(db, rid, "phone", "jean", expected="paper")
    assert (caught.value.theirs, caught.value.yours) == ("email", "phone")
    assert responses.response_info(db, rid).source == "email"
