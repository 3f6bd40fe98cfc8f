"""The survey round: its deadline, and each mechanism's questionnaire marked sent with the
reminder that follows (a week, three days or the day before the deadline, at 09:00 the
consultant's time). Times are stored as naive UTC; every use case is one write transaction
with its audit rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..domain import interviews as rules
from ..domain.timezones import from_utc_naive
from .catalogue import ValidationError
from .followups import (
    FollowUpInfo,
    _at_workday_start,
    _due_edited_by_hand,
    _now,
    create_in,
    info_in,
    set_field_in,
    tombstone_in,
)

if TYPE_CHECKING:
    from ..persistence.database import Database

REMINDER_DAYS_BEFORE = (7, 3, 1)
NO_DEADLINE_REMINDER_DAYS = 14


@dataclass(frozen=True)
class RoundInfo:
    id: str
    name: str
    deadline: date | None
    revision: int


@dataclass(frozen=True)
class SentResult:
    """After marking a questionnaire sent: the response, its sent time (and the one before,
    for undo) and the reminder created (None when one was already open)."""

    response_id: str
    mechanism_id: str
    sent_at: datetime
    old_sent_at: datetime | None
    reminder: FollowUpInfo | None


# --- survey rounds ----------------------------------------------------------------------------


def _round_info(row) -> RoundInfo:  # noqa: ANN001 - ORM SurveyRound
    return RoundInfo(row.id, row.name, row.deadline, row.revision)


def current_round(db: Database) -> RoundInfo:
    """The current survey round (created, "2018" with its 9 November 2018 deadline, if the
    database has none yet)."""
    from ..persistence import interviews_repo
    from .responses import current_round_id

    with db.write() as session:
        return _round_info(interviews_repo.survey_round(session, current_round_id(session)))


def set_round_deadline(
    db: Database, round_id: str, deadline: date | None, actor: str,
    *, zone: str = "UTC", now: datetime | None = None,
) -> RoundInfo:
    """Change a round's deadline; the open automatic reminders of its questionnaires move
    with it (a reminder someone edited by hand stays where they put it)."""
    from ..persistence import interviews_repo, repositories

    with db.write() as session:
        row = interviews_repo.survey_round(session, round_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError(
                QCoreApplication.translate("FollowUps", "There is no survey round {id}.").format(id=round_id)
            )
        old = row.deadline
        if old == deadline:
            return _round_info(row)
        row.deadline = deadline
        repositories.append_audit(
            session, actor=actor, action="update", entity="survey_round", entity_id=row.id,
            field="deadline", old=old.isoformat() if old else None,
            new=deadline.isoformat() if deadline else None,
        )
        for followup_row, _mech in interviews_repo.followup_rows(
            session, status=rules.OPEN, kind=rules.REMINDER, automatic=True
        ):
            response = interviews_repo.response(session, followup_row.response_id or "")
            if response is None or response.round_id != round_id or response.sent_at is None:
                continue
            if _due_edited_by_hand(session, followup_row.id):
                continue
            set_field_in(
                session, followup_row, "due_utc", reminder_due(deadline, response.sent_at, zone, now),
                actor, action="reschedule",
            )
        session.flush()
        return _round_info(row)


def reminder_due(deadline: date | None, sent_at: datetime, zone: str, now: datetime | None = None) -> datetime:
    """When to remind: a week before the deadline at 09:00 (the consultant's time), or three
    days, or the day before, whichever is still ahead of the sending; without a deadline, two
    weeks after sending. A deadline already past: the next morning."""
    reference = _naive(sent_at) if now is None else max(_naive(sent_at), _now(now))
    if deadline is None:
        return _at_workday_start(from_utc_naive(reference, zone).date() + timedelta(days=NO_DEADLINE_REMINDER_DAYS), zone)
    for days in REMINDER_DAYS_BEFORE:
        due = _at_workday_start(deadline - timedelta(days=days), zone)
        if due > reference:
            return due
    return _at_workday_start(from_utc_naive(reference, zone).date() + timedelta(days=1), zone)


def _naive(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


# --- marking a questionnaire sent -------------------------------------------------------------


def mark_questionnaire_sent(
    db: Database, mechanism_id: str, actor: str, *, zone: str = "UTC", now: datetime | None = None,
) -> SentResult:
    """Record that the mechanism's questionnaire (current round) went out now, and create the
    reminder before the round's deadline (unless an open one exists)."""
    from ..persistence import interviews_repo, repositories
    from .responses import open_questionnaire

    response = open_questionnaire(db, mechanism_id, actor)  # get or create: its own unit of work
    moment = _now(now)
    with db.write() as session:
        row = interviews_repo.response(session, response.id)
        old = row.sent_at
        if old is None:
            row.sent_at = moment
            repositories.append_audit(
                session, actor=actor, action="update", entity="response", entity_id=row.id,
                field="sent_at", old=None, new=moment.isoformat(sep=" "),
            )
        sent_at = row.sent_at
        existing = interviews_repo.followup_rows(
            session, status=rules.OPEN, kind=rules.REMINDER, response_id=row.id
        )
        reminder = None
        if not existing:
            round_row = interviews_repo.survey_round(session, row.round_id) if row.round_id else None
            deadline = round_row.deadline if round_row is not None else None
            created = create_in(
                session, kind=rules.REMINDER, mechanism_id=row.mechanism_id,
                due_utc=reminder_due(deadline, sent_at, zone, moment), owner=actor, actor=actor,
                response_id=row.id, automatic=True,
            )
            reminder = info_in(session, created)
        session.flush()
        return SentResult(row.id, row.mechanism_id, sent_at, old, reminder)


def unmark_questionnaire_sent(db: Database, result: SentResult, actor: str) -> None:
    """Undo of :func:`mark_questionnaire_sent`: the old sent time back, its reminder removed."""
    from ..persistence import interviews_repo, repositories

    with db.write() as session:
        row = interviews_repo.response(session, result.response_id)
        if row is not None and row.sent_at != result.old_sent_at:
            repositories.append_audit(
                session, actor=actor, action="update", entity="response", entity_id=row.id,
                field="sent_at", old=row.sent_at.isoformat(sep=" ") if row.sent_at else None,
                new=result.old_sent_at.isoformat(sep=" ") if result.old_sent_at else None,
            )
            row.sent_at = result.old_sent_at
        if result.reminder is not None:
            reminder = interviews_repo.followup(session, result.reminder.id)
            if reminder is not None:
                tombstone_in(session, reminder, actor)


def questionnaire_sent_at(db: Database, mechanism_id: str) -> datetime | None:
    """When the mechanism's questionnaire of the current round was sent (None: not yet)."""
    from ..persistence import interviews_repo
    from .instruments import study_form_id_in

    with db.read() as session:
        current = interviews_repo.current_round(session)
        for row in interviews_repo.questionnaire_responses(session, current.id if current else None,
                                                           study_form_id_in(session, "questionnaire")):
            if row.mechanism_id == mechanism_id and row.sent_at is not None:
                return row.sent_at
    return None
