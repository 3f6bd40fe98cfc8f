"""Interviews on a real SQLite file: planning across zones, states with their follow-ups,
the call's start and length, consent, notes, rescheduling with history, undo."""

from __future__ import annotations

from datetime import datetime

import pytest

from mcim_desk.services import calls, followups, interviews
from mcim_desk.services.catalogue import ContactInfo, ValidationError, find_mechanism, save_contact

GENEVA, LIMA = "Europe/Geneva", "America/Lima"
NOW = datetime(2019, 3, 1, 9, 0)  # naive UTC


@pytest.fixture
def sacm(db):  # noqa: ANN001, ANN201
    return find_mechanism(db, "SACM")


@pytest.fixture
def chair(db, sacm):  # noqa: ANN001, ANN201
    return save_contact(db, ContactInfo(
        id="", mechanism_id=sacm.id, role="chair", name="Ana Pérez", title="Presidenta pro tempore",
        institution="Cancillería del Perú", email="ana@example.org", phone=None, time_zone=LIMA,
        revision=0), "tester")


def plan(db, sacm, chair, when=datetime(2019, 4, 1, 3, 0), minutes=60):  # noqa: ANN001, ANN201
    return interviews.plan_interview(db, sacm.id, chair.id, when, LIMA, minutes, GENEVA, "tester", now=NOW)


def audit(db, entity: str, entity_id: str) -> list:  # noqa: ANN001
    from mcim_desk.persistence import repositories

    with db.read() as session:
        return [(a.action, a.field, a.old_value, a.new_value)
                for a in repositories.audit_rows(session, entity, [entity_id])]


def test_plan_stores_utc_and_shows_both_times(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    assert info.planned_start_utc == datetime(2019, 4, 1, 8, 0)
    assert info.time_zone == LIMA and info.planned_minutes == 60 and info.status == "planned"
    assert info.both_times(GENEVA) == "10:00 Geneva / 03:00 Lima"
    assert info.when_text(GENEVA) == "2019-04-01 · 10:00 Geneva / 03:00 Lima"
    assert info.contact_name == "Ana Pérez" and info.acronym("en") == "SACM"
    assert info.response_id
    # the guide's response exists and names the mechanism
    from mcim_desk.services import responses

    assert responses.answers(db, info.response_id)["mandatory/q1"] == "sacm"
    assert interviews.interviews_of(db, sacm.id) == [info]
    assert audit(db, "interview", info.id)[0][0] == "create"


def test_plan_across_the_march_dst_change(db, sacm, chair) -> None:  # noqa: ANN001
    before = plan(db, sacm, chair, datetime(2019, 3, 29, 3, 0))
    after = plan(db, sacm, chair, datetime(2019, 4, 1, 3, 0))
    assert before.both_times(GENEVA) == "09:00 Geneva / 03:00 Lima"
    assert after.both_times(GENEVA) == "10:00 Geneva / 03:00 Lima"


def test_planning_creates_send_the_questions_beforehand(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    [item] = followups.followups(db, interview_id=info.id)
    assert item.kind == "send_questionnaire" and item.automatic and item.status == "open"
    # 09:00 in Geneva (summer time) two days before the call
    assert item.due_utc == datetime(2019, 3, 30, 8, 0)
    assert item.due_utc < info.planned_start_utc


def test_send_questions_due_now_when_the_call_is_soon(db, sacm, chair) -> None:  # noqa: ANN001
    soon = interviews.plan_interview(db, sacm.id, chair.id, datetime(2019, 3, 1, 10, 0), LIMA, 30,
                                     GENEVA, "tester", now=NOW)
    [item] = followups.followups(db, interview_id=soon.id)
    assert item.due_utc == NOW


@pytest.mark.parametrize(
    ("zone", "minutes", "start", "field"),
    [
        ("America/Lma", 60, datetime(2019, 4, 1, 3), "zone"),
        ("", 60, datetime(2019, 4, 1, 3), "zone"),
        (LIMA, 0, datetime(2019, 4, 1, 3), "minutes"),
        ("Europe/Geneva", 60, datetime(2019, 3, 31, 2, 30), "start"),  # skipped hour
    ],
)
def test_bad_plans_save_nothing(db, sacm, chair, zone, minutes, start, field) -> None:  # noqa: ANN001
    from mcim_desk.services import responses

    with pytest.raises(ValidationError) as caught:
        interviews.plan_interview(db, sacm.id, chair.id, start, zone, minutes, GENEVA, "tester")
    assert caught.value.field == field
    assert str(caught.value)
    assert interviews.interviews_of(db, sacm.id) == []
    assert followups.followups(db) == []
    assert [r for r in responses.responses_of(db, sacm.id) if r.kind == "interview"] == []


def test_parse_plan_messages() -> None:
    planned = interviews.parse_plan("01/04/2019", "3:00", "4h15", LIMA)
    assert planned.minutes == 75 and planned.start_utc == datetime(2019, 4, 1, 8, 0)
    assert planned.both_times(GENEVA) == "10:00 Geneva / 03:00 Lima"
    cases = [
        (("2019-04-01", "10:00", "09:00", LIMA), "end", "The end (09:00) must be after the start (10:00)."),
        (("2019-04-01", "10:00", "11:00", "Lima"), "zone", "Unknown time zone “Lima”"),
        (("1st April", "10:00", "11:00", LIMA), "date", "“1st April” is not a date"),
        (("2019-04-01", "25:00", "11:00", LIMA), "start", "“25:00” is not a time"),
    ]
    for args, field, message in cases:
        with pytest.raises(ValidationError) as caught:
            interviews.parse_plan(*args)
        assert caught.value.field == field
        assert message in str(caught.value)


def test_plan_with_a_new_contact_in_one_go(db, sacm) -> None:  # noqa: ANN001
    contact = ContactInfo(id="", mechanism_id=sacm.id, role="chair", name="Luis Gómez", title=None,
                          institution=None, email=None, phone=None, time_zone=LIMA, revision=0)
    info = interviews.plan_interview(db, sacm.id, None, datetime(2019, 4, 2, 9, 0), LIMA, 45, GENEVA,
                                     "tester", new_contact=contact, now=NOW)
    assert info.contact_name == "Luis Gómez" and info.contact_id
    bad = ContactInfo(id="", mechanism_id=sacm.id, role="chair", name="", title=None, institution=None,
                      email=None, phone=None, time_zone=None, revision=0)
    with pytest.raises(ValidationError):
        interviews.plan_interview(db, sacm.id, None, datetime(2019, 4, 2, 9, 0), LIMA, 45, GENEVA,
                                  "tester", new_contact=bad)
    assert len(interviews.interviews_of(db, sacm.id)) == 1


def test_contact_of_another_mechanism_is_refused(db, sacm, chair) -> None:  # noqa: ANN001
    other = find_mechanism(db, "MIDSA")
    with pytest.raises(ValidationError) as caught:
        interviews.plan_interview(db, other.id, chair.id, datetime(2019, 4, 1, 3), LIMA, 60, GENEVA, "t")
    assert caught.value.field == "contact"


def test_state_machine_with_followups_and_undo(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    [questions] = followups.followups(db, interview_id=info.id)
    change = interviews.set_state(db, info.id, "questions_sent", "tester")
    assert change.interview.status == "questions_sent"
    assert followups.followup(db, questions.id).status == "done"
    with pytest.raises(ValidationError) as caught:
        interviews.set_state(db, info.id, "closed", "tester")
    assert "cannot go from “Questions sent” to “Closed”" in str(caught.value)
    back = interviews.revert(db, change, "tester")
    assert back.status == "planned"
    assert followups.followup(db, questions.id).status == "open"
    actions = [a[:2] for a in audit(db, "interview", info.id)]
    assert actions.count(("status", "status")) == 2


def test_held_with_consent_to_validate_notes_creates_send_notes(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    calls.set_validate_notes(db, info.id, True, "tester")
    started = calls.start_call(db, info.id, "tester", now=datetime(2019, 4, 1, 8, 2))
    assert started.actual_start_utc == datetime(2019, 4, 1, 8, 2)
    again = calls.start_call(db, info.id, "tester", now=datetime(2019, 4, 1, 8, 30))
    assert again.actual_start_utc == datetime(2019, 4, 1, 8, 2)  # a resumed call keeps its start
    change = calls.stop_call(db, info.id, 2710, "tester", now=datetime(2019, 4, 1, 8, 50))
    assert change.interview.status == "held" and change.interview.actual_seconds == 2710
    kinds = {f.kind: f for f in followups.followups(db, interview_id=info.id)}
    assert kinds["send_notes"].status == "open" and kinds["send_notes"].automatic
    assert kinds["send_questionnaire"].status == "cancelled"  # no longer needed
    assert change.effects.created_followups == (kinds["send_notes"].id,)
    # notes validated closes "send notes"; then closed
    interviews.set_state(db, info.id, "notes_validated", "tester")
    assert followups.followup(db, kinds["send_notes"].id).status == "done"
    assert interviews.set_state(db, info.id, "closed", "tester").interview.status == "closed"
    # undo of the hold removes what it created
    interviews.revert(db, change, "tester")
    assert all(f.id != kinds["send_notes"].id for f in followups.followups(db, interview_id=info.id))


def test_consent_given_after_the_call_creates_send_notes_once(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    interviews.set_state(db, info.id, "held", "tester")
    assert not [f for f in followups.followups(db, interview_id=info.id) if f.kind == "send_notes"]
    calls.set_validate_notes(db, info.id, True, "tester")
    calls.set_validate_notes(db, info.id, False, "tester")
    calls.set_validate_notes(db, info.id, True, "tester")
    assert len([f for f in followups.followups(db, interview_id=info.id) if f.kind == "send_notes"]) == 1


def test_cancel_cancels_the_open_automatic_followups(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    change = interviews.set_state(db, info.id, "cancelled", "tester")
    assert [f.status for f in followups.followups(db, interview_id=info.id)] == ["cancelled"]
    interviews.revert(db, change, "tester")
    assert [f.status for f in followups.followups(db, interview_id=info.id)] == ["open"]


def test_reschedule_keeps_history(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    calls.set_consent(db, info.id, "quoted", "tester")
    calls.set_notes(db, info.id, "Asked to move the call.", "tester")
    result = interviews.reschedule(db, info.id, datetime(2019, 4, 8, 4, 0), LIMA, 90, GENEVA, "tester",
                                   now=NOW)
    old, new = result.old, result.new
    assert old.status == "rescheduled" and old.rescheduled_to_id == new.id
    assert new.rescheduled_from_id == old.id and new.status == "planned"
    assert new.both_times(GENEVA) == "11:00 Geneva / 04:00 Lima" and new.planned_minutes == 90
    assert (new.response_id, new.consent, new.notes) == (old.response_id, "quoted", "Asked to move the call.")
    [moved] = followups.followups(db, interview_id=new.id)
    assert moved.kind == "send_questionnaire" and moved.due_utc == datetime(2019, 4, 6, 7, 0)
    assert followups.followups(db, interview_id=old.id) == []
    assert [i.id for i in interviews.history_chain(db, new.id)] == [new.id, old.id]
    listed = interviews.interviews_of(db, sacm.id)
    assert [i.status for i in listed] == ["rescheduled", "planned"]
    with pytest.raises(ValidationError):
        interviews.reschedule(db, old.id, datetime(2019, 4, 9, 4), LIMA, 60, GENEVA, "tester")
    # undo
    interviews.undo_reschedule(db, result, "tester")
    [only] = interviews.interviews_of(db, sacm.id)
    assert only.id == old.id and only.status == "planned"
    [back] = followups.followups(db, interview_id=old.id)
    assert back.due_utc == datetime(2019, 3, 30, 8, 0)


def test_delete_and_restore_undo_the_planning(db, sacm, chair) -> None:  # noqa: ANN001
    from mcim_desk.services import responses

    info = plan(db, sacm, chair)
    interviews.delete_interview(db, info.id, "tester")
    assert interviews.interviews_of(db, sacm.id) == []
    assert followups.followups(db) == []
    assert [r for r in responses.responses_of(db, sacm.id) if r.kind == "interview"] == []
    restored = interviews.restore_interview(db, info.id, "tester")
    assert restored.status == "planned"
    assert len(followups.followups(db, interview_id=info.id)) == 1
    assert [r.id for r in responses.responses_of(db, sacm.id) if r.kind == "interview"] == [info.response_id]


def test_notes_and_consent_are_audited(db, sacm, chair) -> None:  # noqa: ANN001
    info = plan(db, sacm, chair)
    calls.set_notes(db, info.id, "Première note : la présidence tourne.", "tester")
    calls.set_consent(db, info.id, "named", "tester")
    with pytest.raises(ValidationError):
        calls.set_consent(db, info.id, "perhaps", "tester")
    got = interviews.interview(db, info.id)
    assert got.notes == "Première note : la présidence tourne." and got.consent == "named"
    fields = [a[1] for a in audit(db, "interview", info.id)]
    assert "notes" in fields and "consent" in fields


def test_prefill_guide_fills_interviewee_and_date_once(db) -> None:  # noqa: ANN001
    from datetime import datetime

    from mcim_desk.services import catalogue, interviews, responses

    sacm = catalogue.find_mechanism(db, "SACM")
    chair = catalogue.save_contact(db, catalogue.ContactInfo(
        "", sacm.id, "chair", "Ana Pérez", "Presidenta pro tempore", "Cancillería del Perú", None,
        None, "America/Lima", 0), "tester")
    info = interviews.plan_interview(db, sacm.id, chair.id, datetime(2018, 10, 4, 9, 0),
                                     "America/Lima", 45, "Europe/Zurich", "tester")
    assert set(calls.prefill_guide(db, info.id, "tester")) == {"mandatory/q2", "mandatory/q3"}
    answers = responses.answers(db, info.response_id)
    assert answers["mandatory/q2"] == "Ana Pérez, Presidenta pro tempore, Cancillería del Perú"
    assert answers["mandatory/q3"] == "2018-10-04"
    responses.save_answer(db, info.response_id, "mandatory/q2", "A. Pérez (typed)", "tester")
    assert calls.prefill_guide(db, info.id, "tester") == []
    assert responses.answers(db, info.response_id)["mandatory/q2"] == "A. Pérez (typed)"
