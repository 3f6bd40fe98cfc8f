"""The dashboard: open follow-ups overdue, due today and this week (the consultant's own
days), the coming interviews and the study's progress by mechanism; and what the iCalendar
export writes. Read-only units of work returning frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..domain import interviews as rules
from ..domain.timezones import from_utc_naive
from .followups import FollowUpInfo, _info, _now
from .rounds import RoundInfo, _round_info

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database
    from .interviews import InterviewInfo

WEEK_DAYS = 7  # "this week": the seven days after today


@dataclass(frozen=True)
class ProgressRow:
    stage: str
    count: int
    total: int
    mechanism_ids: tuple[str, ...]

    def text(self) -> str:
        return QCoreApplication.translate("FollowUps", "{count} of {total}").format(
            count=self.count, total=self.total
        )


@dataclass(frozen=True)
class MechanismProgress:
    mechanism_id: str
    acronym_fr: str
    acronym_en: str
    stage: str | None
    reached: frozenset[str]


@dataclass(frozen=True)
class Dashboard:
    now_utc: datetime
    zone: str
    overdue: tuple[FollowUpInfo, ...]
    today: tuple[FollowUpInfo, ...]
    this_week: tuple[FollowUpInfo, ...]
    progress: tuple[ProgressRow, ...]
    mechanisms: tuple[MechanismProgress, ...]
    total: int
    round: RoundInfo | None
    interviews: tuple[InterviewInfo, ...] = field(default_factory=tuple)

    def progress_of(self, stage: str) -> ProgressRow:
        return next(row for row in self.progress if row.stage == stage)


@dataclass(frozen=True)
class CalendarData:
    interviews: tuple[InterviewInfo, ...]
    followups: tuple[FollowUpInfo, ...]
    consultant_zone: str
    lang: str


# --- the dashboard ----------------------------------------------------------------------------


def progress_facts(
    session: Session, *, region: str | None = None, type_: str | None = None
) -> list[tuple[Any, rules.MechanismFacts]]:
    """(mechanism row, facts) for every live mechanism (filtered), current round."""
    from ..persistence import interviews_repo
    from .instruments import study_form_id_in

    mechs = interviews_repo.live_mechanisms(session, region=region, type_=type_)
    current = interviews_repo.current_round(session)
    responses = interviews_repo.questionnaire_responses(session, current.id if current else None,
                                                        study_form_id_in(session, "questionnaire"))
    answered = interviews_repo.responses_with_answers(session, [r.id for r in responses])
    reminded = interviews_repo.done_reminder_mechanisms(session)
    interview_states = interviews_repo.interview_states_by_mechanism(session)
    rank = {"draft": 0, "complete": 1, "validated": 2}
    by_mechanism: dict[str, dict[str, Any]] = {}
    for row in responses:
        facts = by_mechanism.setdefault(row.mechanism_id, {"sent": False, "received": False, "status": None})
        facts["sent"] = facts["sent"] or row.sent_at is not None
        facts["received"] = facts["received"] or row.received_at is not None or row.id in answered
        if row.id in answered or row.status != "draft":
            if facts["status"] is None or rank.get(row.status, 0) > rank.get(facts["status"], 0):
                facts["status"] = row.status
    result = []
    for mech in mechs:
        facts = by_mechanism.get(mech.id, {})
        states = interview_states.get(mech.id, set())
        result.append((mech, rules.MechanismFacts(
            mechanism_id=mech.id,
            questionnaire_sent=bool(facts.get("sent")),
            reminder_done=mech.id in reminded,
            questionnaire_received=bool(facts.get("received")),
            response_status=facts.get("status"),
            interview_planned=bool(states & rules.UPCOMING_STATES),
            interview_held=bool(states & rules.HELD_STATES),
        )))
    return result


def dashboard(
    db: Database,
    zone: str,
    *,
    region: str | None = None,
    type_: str | None = None,
    now: datetime | None = None,
) -> Dashboard:
    """Open follow-ups overdue, due later today and in the seven days after today (the
    consultant's calendar), the coming interviews, and how many mechanisms reached each
    stage of the study (of those matching the filters)."""
    from ..persistence import interviews_repo
    from .interviews import info_from_row

    moment = _now(now)
    today = from_utc_naive(moment, zone).date()
    _start, today_end = rules.local_day_bounds(today, zone)
    week_end = rules.local_day_bounds(today + timedelta(days=WEEK_DAYS), zone)[1]
    overdue: list[FollowUpInfo] = []
    due_today: list[FollowUpInfo] = []
    this_week: list[FollowUpInfo] = []
    with db.read() as session:
        for row, mech in interviews_repo.followup_rows(session, status=rules.OPEN, due_before=week_end):
            if (region and mech.region != region) or (type_ and mech.type != type_):
                continue
            if row.due_utc is None:
                continue
            item = _info(row, mech)
            if row.due_utc < moment:
                overdue.append(item)
            elif row.due_utc < today_end:
                due_today.append(item)
            elif row.due_utc < week_end:
                this_week.append(item)
        pairs = progress_facts(session, region=region, type_=type_)
        reached = {mech.id: rules.reached_stages(facts) for mech, facts in pairs}
        progress = tuple(
            ProgressRow(
                stage, sum(1 for r in reached.values() if stage in r), len(pairs),
                tuple(mech.id for mech, _f in pairs if stage in reached[mech.id]),
            )
            for stage in rules.PROGRESS_STAGES
        )
        mechanisms = tuple(
            MechanismProgress(mech.id, mech.acronym_fr, mech.acronym_en, rules.current_stage(facts),
                              reached[mech.id])
            for mech, facts in pairs
        )
        wanted = {mech.id for mech, _f in pairs}
        coming = tuple(
            info_from_row(*row)
            for row in interviews_repo.interview_rows(session, states=rules.UPCOMING_STATES)
            if row[2].id in wanted and row[0].planned_start_utc is not None
            and row[0].planned_start_utc >= moment - timedelta(hours=12)
            and row[0].planned_start_utc < week_end
        )
        current = interviews_repo.current_round(session)
        round_info = _round_info(current) if current is not None else None
    return Dashboard(
        now_utc=moment, zone=zone, overdue=tuple(overdue), today=tuple(due_today),
        this_week=tuple(this_week), progress=progress, mechanisms=mechanisms, total=len(pairs),
        round=round_info, interviews=coming,
    )


# --- calendar ---------------------------------------------------------------------------------


def calendar_data(db: Database, consultant_zone: str, lang: str, *, now: datetime | None = None) -> CalendarData:
    """What the iCalendar export writes: interviews still to happen (and those cancelled or
    rescheduled in the last 30 days, so that a calendar that imported them sees them
    cancelled), open follow-ups (and those closed in the last 30 days, marked so)."""
    from ..persistence import interviews_repo
    from .interviews import info_from_row

    moment = _now(now)
    recent = moment - timedelta(days=30)
    with db.read() as session:
        interviews = []
        for row in interviews_repo.interview_rows(session):
            interview = row[0]
            if interview.planned_start_utc is None:
                continue
            if interview.status in rules.UPCOMING_STATES or (
                interview.status in (rules.CANCELLED, rules.RESCHEDULED) and interview.updated_at >= recent
            ):
                interviews.append(info_from_row(*row))
        items = [
            _info(row, mech)
            for row, mech in interviews_repo.followup_rows(session)
            if row.status == rules.OPEN or row.updated_at >= recent
        ]
    return CalendarData(tuple(interviews), tuple(items), consultant_zone, lang)
