"""Follow-ups on a real SQLite file: editing, automatic ones (questionnaire sent -> reminder
before the round's deadline), clarifications, and dashboard counts checked against the data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mcim_desk.services import followups, interviews, progress, responses, rounds
from mcim_desk.services.catalogue import ValidationError, find_mechanism, mechanism_rows

GENEVA, LIMA = "Europe/Geneva", "America/Lima"


def mech(db, acronym: str):  # noqa: ANN001, ANN201
    return find_mechanism(db, acronym)


def audit(db, entity: str, entity_id: str) -> list:  # noqa: ANN001
    from mcim_desk.persistence import repositories

    with db.read() as session:
        return [(a.action, a.field, a.old_value, a.new_value)
                for a in repositories.audit_rows(session, entity, [entity_id])]


def test_current_round_defaults_to_the_study_deadline(db) -> None:  # noqa: ANN001
    current = rounds.current_round(db)
    assert current.deadline == date(2018, 11, 9)
    assert rounds.current_round(db).id == current.id


def test_marking_a_questionnaire_sent_creates_its_reminder(db) -> None:  # noqa: ANN001
    midsa = mech(db, "MIDSA")
    sent = datetime(2018, 10, 1, 12, 0)
    result = rounds.mark_questionnaire_sent(db, midsa.id, "tester", zone=GENEVA, now=sent)
    assert result.sent_at == sent and result.old_sent_at is None
    reminder = result.reminder
    assert reminder.kind == "reminder" and reminder.automatic and reminder.status == "open"
    # a week before 9 November 2018, 09:00 in Geneva (winter time, UTC+1)
    assert reminder.due_utc == datetime(2018, 11, 2, 8, 0)
    assert reminder.response_id == result.response_id
    assert rounds.questionnaire_sent_at(db, midsa.id) == sent
    assert ("update", "sent_at") in [a[:2] for a in audit(db, "response", result.response_id)]
    # marking again changes nothing and adds no second reminder
    again = rounds.mark_questionnaire_sent(db, midsa.id, "tester", zone=GENEVA,
                                              now=datetime(2018, 10, 5))
    assert again.reminder is None and again.sent_at == sent
    assert len(followups.followups(db, kind="reminder")) == 1
    # undo
    rounds.unmark_questionnaire_sent(db, result, "tester")
    assert rounds.questionnaire_sent_at(db, midsa.id) is None
    assert followups.followups(db, kind="reminder") == []


def test_reminder_when_the_deadline_is_near_or_past(db) -> None:  # noqa: ANN001
    deadline = date(2018, 11, 9)
    assert rounds.reminder_due(deadline, datetime(2018, 11, 4), GENEVA) == datetime(2018, 11, 6, 8, 0)
    assert rounds.reminder_due(deadline, datetime(2018, 11, 7), GENEVA) == datetime(2018, 11, 8, 8, 0)
    assert rounds.reminder_due(deadline, datetime(2018, 11, 20, 15), GENEVA) == datetime(2018, 11, 21, 8, 0)
    assert rounds.reminder_due(None, datetime(2018, 10, 1), GENEVA) == datetime(2018, 10, 15, 7, 0)


def test_changing_the_deadline_moves_untouched_automatic_reminders(db) -> None:  # noqa: ANN001
    a = rounds.mark_questionnaire_sent(db, mech(db, "MIDSA").id, "t", zone=GENEVA,
                                          now=datetime(2018, 10, 1))
    b = rounds.mark_questionnaire_sent(db, mech(db, "MIDWA").id, "t", zone=GENEVA,
                                          now=datetime(2018, 10, 1))
    moved_by_hand = datetime(2018, 11, 5, 13, 0)
    followups.update_followup(db, b.reminder.id, "due_utc", moved_by_hand, "t")
    current = rounds.current_round(db)
    updated = rounds.set_round_deadline(db, current.id, date(2018, 11, 30), "t", zone=GENEVA,
                                           now=datetime(2018, 10, 2))
    assert updated.deadline == date(2018, 11, 30)
    assert followups.followup(db, a.reminder.id).due_utc == datetime(2018, 11, 23, 8, 0)
    assert followups.followup(db, b.reminder.id).due_utc == moved_by_hand
    assert ("update", "deadline", "2018-11-09", "2018-11-30") in audit(db, "survey_round", current.id)


def test_edit_cancel_done_with_audit(db) -> None:  # noqa: ANN001
    item = followups.create_followup(db, kind="other", mechanism_id=mech(db, "ARCP").id,
                                     due_utc=datetime(2018, 10, 10, 8), owner="sara", actor="t",
                                     notes="Appeler le secrétariat")
    assert item.summary("en") == "Other — ARCP"
    item = followups.update_followup(db, item.id, "notes", "Appeler la présidence", "t")
    item = followups.update_followup(db, item.id, "kind", "schedule_interview", "t")
    item = followups.set_followup_status(db, item.id, "cancelled", "t")
    assert (item.kind, item.status, item.notes) == ("schedule_interview", "cancelled", "Appeler la présidence")
    assert followups.set_followup_status(db, item.id, "done", "t").status == "done"
    rows = audit(db, "follow_up", item.id)
    assert ("status", "status", "open", "cancelled") in rows
    assert ("update", "notes", "Appeler le secrétariat", "Appeler la présidence") in rows
    for field, value in (("kind", "lunch"), ("status", "later"), ("owner", "x" * 200), ("id", "x")):
        with pytest.raises(ValidationError):
            followups.update_followup(db, item.id, field, value, "t")
    assert followups.followup(db, item.id).status == "done"


def test_parse_due(db) -> None:  # noqa: ANN001
    assert followups.parse_due("2018-11-09 14:00", GENEVA) == datetime(2018, 11, 9, 13, 0)
    assert followups.parse_due("09/11/2018", GENEVA) == datetime(2018, 11, 9, 8, 0)
    assert followups.parse_due("  ", GENEVA) is None
    with pytest.raises(ValidationError) as caught:
        followups.parse_due("next Tuesday", GENEVA)
    assert "“next Tuesday” is not a date" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        followups.parse_due("2018-11-09 9 o'clock", GENEVA)
    assert "is not a time" in str(caught.value)


def test_clarifications_of_an_answer(db) -> None:  # noqa: ANN001
    midsa = mech(db, "MIDSA")
    response = responses.open_questionnaire(db, midsa.id, "t")
    responses.save_answer(db, response.id, "section_1/q1", "Secrétariat de la SADC", "t")
    item = followups.clarify_answer(db, response.id, "section_1/q1", "t", notes="Which unit?",
                                    now=datetime(2018, 10, 1, 10))
    assert item.kind == "clarify_answer" and item.answer_path == "section_1/q1"
    assert item.due_utc == datetime(2018, 10, 4, 10)
    assert list(followups.open_clarifications(db, response.id)) == ["section_1/q1"]
    followups.set_followup_status(db, item.id, "done", "t")
    assert followups.open_clarifications(db, response.id) == {}
    with pytest.raises(ValidationError):
        followups.clarify_answer(db, "no-such-response", "section_1/q1", "t")


def test_dashboard_lists_by_due_date_in_the_consultants_zone(db) -> None:  # noqa: ANN001
    now = datetime(2018, 11, 5, 10, 0)  # Monday 11:00 in Geneva
    arcp, midsa, sacm = mech(db, "ARCP").id, mech(db, "MIDSA").id, mech(db, "SACM").id

    def make(mechanism_id: str, due: datetime | None, status: str = "open") -> str:
        item = followups.create_followup(db, kind="other", mechanism_id=mechanism_id, due_utc=due,
                                         owner="t", actor="t")
        if status != "open":
            followups.set_followup_status(db, item.id, status, "t")
        return item.id

    overdue = make(arcp, datetime(2018, 11, 5, 9, 59))
    today = make(midsa, datetime(2018, 11, 5, 22, 30))  # 23:30 Geneva, still Monday
    tomorrow = make(sacm, datetime(2018, 11, 5, 23, 30))  # 00:30 Tuesday in Geneva
    week = make(sacm, datetime(2018, 11, 12, 20, 0))  # next Monday, within seven days
    make(sacm, datetime(2018, 11, 14, 9, 0))  # later
    make(arcp, datetime(2018, 11, 1), "done")  # not open
    make(arcp, None)  # no due date
    board = progress.dashboard(db, GENEVA, now=now)
    assert [f.id for f in board.overdue] == [overdue]
    assert [f.id for f in board.today] == [today]
    assert [f.id for f in board.this_week] == [tomorrow, week]
    # in Lima the 22:30 UTC follow-up is still Monday too, the 23:30 one as well
    lima = progress.dashboard(db, LIMA, now=now)
    assert [f.id for f in lima.today] == [today, tomorrow]
    # filters
    rcp_africa = progress.dashboard(db, GENEVA, now=now, region="rcp_africa")
    assert [f.id for f in rcp_africa.today] == [today] and rcp_africa.overdue == ()
    assert rcp_africa.total == 5


def test_dashboard_progress_counts_match_the_data(db) -> None:  # noqa: ANN001
    now = datetime(2018, 11, 20)
    ids = {a: mech(db, a).id for a in ("MIDSA", "MIDWA", "ARCP", "SACM", "GFMD", "IDM")}
    # sent: MIDSA, MIDWA, ARCP; MIDWA reminded; ARCP answered on paper and validated
    sent = {a: rounds.mark_questionnaire_sent(db, ids[a], "t", zone=GENEVA, now=datetime(2018, 10, 1))
            for a in ("MIDSA", "MIDWA", "ARCP")}
    followups.set_followup_status(db, sent["MIDWA"].reminder.id, "done", "t")
    arcp = sent["ARCP"].response_id
    responses.save_answer(db, arcp, "section_1/q1", "Secrétariat", "t")
    # GFMD typed in from paper without having been marked sent (received implies sent)
    gfmd = responses.open_questionnaire(db, ids["GFMD"], "t")
    responses.save_answer(db, gfmd.id, "section_1/q1", "Présidence", "t")
    # SACM interviewed; IDM only planned
    held = interviews.plan_interview(db, ids["SACM"], None, datetime(2018, 11, 10, 9), LIMA, 60, GENEVA, "t")
    interviews.set_state(db, held.id, "held", "t")
    interviews.plan_interview(db, ids["IDM"], None, datetime(2018, 11, 22, 9), "Europe/Zurich", 60, GENEVA, "t")
    board = progress.dashboard(db, GENEVA, now=now)
    total = len(mechanism_rows(db))
    assert board.total == total == 30
    counts = {row.stage: row.count for row in board.progress}
    assert counts == {
        "not_contacted": 30 - 6,
        "questionnaire_sent": 4,  # MIDSA, MIDWA, ARCP, GFMD
        "reminded": 1,
        "questionnaire_received": 2,  # ARCP, GFMD
        "entered": 0,
        "validated": 0,
        "interviewed": 1,
    }
    row = board.progress_of("questionnaire_received")
    assert row.text() == "2 of 30" and set(row.mechanism_ids) == {ids["ARCP"], ids["GFMD"]}
    stages = {m.mechanism_id: m.stage for m in board.mechanisms}
    assert stages[ids["MIDWA"]] == "reminded" and stages[ids["SACM"]] == "interviewed"
    assert stages[ids["IDM"]] is None
    # the planned IDM interview is among the coming ones
    assert [i.acronym("en") for i in board.interviews] == ["IDM"]
    # filters: global processes only
    glob = progress.dashboard(db, GENEVA, now=now, type_="global")
    assert glob.total == 2
    assert {r.stage: r.count for r in glob.progress}["questionnaire_received"] == 1
    # cross-check "received" against the answers held in the database
    with_answers = {rid for rid in (arcp, gfmd.id) if responses.answers(db, rid)}
    assert counts["questionnaire_received"] == len(with_answers)


def test_calendar_data_keeps_upcoming_and_recently_cancelled(db) -> None:  # noqa: ANN001
    sacm = mech(db, "SACM").id
    a = interviews.plan_interview(db, sacm, None, datetime(2030, 4, 1, 3), LIMA, 60, GENEVA, "t")
    b = interviews.plan_interview(db, sacm, None, datetime(2030, 4, 2, 3), LIMA, 60, GENEVA, "t")
    c = interviews.plan_interview(db, sacm, None, datetime(2030, 4, 3, 3), LIMA, 60, GENEVA, "t")
    interviews.set_state(db, b.id, "cancelled", "t")
    interviews.set_state(db, c.id, "held", "t")
    data = progress.calendar_data(db, GENEVA, "en")
    assert {i.id: i.status for i in data.interviews} == {a.id: "planned", b.id: "cancelled"}
    assert len(data.followups) == 3  # one open, two cancelled just now
