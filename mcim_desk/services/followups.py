"""Follow-ups (what is still owed, by whom, by when), the ones the work creates by itself,
the survey round's deadline, and the dashboard: overdue / due today / this week and the
study's progress by mechanism.

Times are stored as naive UTC; "today" and "this week" are the consultant's own (the zone
the caller passes, from the preferences). Every use case is one write transaction with its
audit rows, and returns frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import clock
from ..domain import interviews as rules
from ..domain.timezones import from_utc_naive, to_utc_naive
from . import conflicts
from .catalogue import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database
    from .interviews import InterviewInfo

EDITABLE = ("kind", "due_utc", "owner", "notes", "status")
WORKDAY_START = time(9, 0)
REMINDER_DAYS_BEFORE = (7, 3, 1)
NO_DEADLINE_REMINDER_DAYS = 14
CLARIFY_DAYS = 3
WEEK_DAYS = 7  # "this week": the seven days after today


@dataclass(frozen=True)
class FollowUpInfo:
    id: str
    kind: str
    mechanism_id: str
    acronym_fr: str
    acronym_en: str
    response_id: str | None
    answer_path: str | None
    interview_id: str | None
    due_utc: datetime | None
    owner: str
    status: str
    notes: str | None
    automatic: bool
    revision: int
    updated_at: datetime | None = None
    region: str = ""
    type: str = ""

    def acronym(self, lang: str) -> str:
        return self.acronym_fr if lang == "fr" else self.acronym_en

    def due_local(self, zone: str) -> datetime | None:
        return from_utc_naive(self.due_utc, zone) if self.due_utc else None

    def due_text(self, zone: str) -> str:
        local = self.due_local(zone)
        return f"{local:%Y-%m-%d %H:%M}" if local else ""

    def summary(self, lang: str) -> str:
        """"Reminder — MIDSA": the kind and the mechanism, as lists and calendars show it."""
        return f"{kind_label(self.kind)} — {self.acronym(lang)}"


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


# --- labels -----------------------------------------------------------------------------------


def kind_label(kind: str) -> str:
    labels = {
        rules.SEND_QUESTIONNAIRE: QCoreApplication.translate("FollowUps", "Send the questions"),
        rules.REMINDER: QCoreApplication.translate("FollowUps", "Reminder"),
        rules.SCHEDULE_INTERVIEW: QCoreApplication.translate("FollowUps", "Schedule an interview"),
        rules.CLARIFY_ANSWER: QCoreApplication.translate("FollowUps", "Clarify an answer"),
        rules.SEND_NOTES: QCoreApplication.translate("FollowUps", "Send notes for validation"),
        rules.OTHER: QCoreApplication.translate("FollowUps", "Other"),
    }
    return labels.get(kind, kind)


def status_label(status: str) -> str:
    labels = {
        rules.OPEN: QCoreApplication.translate("FollowUps", "Open"),
        rules.DONE: QCoreApplication.translate("FollowUps", "Done"),
        rules.FOLLOWUP_CANCELLED: QCoreApplication.translate("FollowUps", "Cancelled"),
    }
    return labels.get(status, status)


def stage_label(stage: str) -> str:
    labels = {
        rules.NOT_CONTACTED: QCoreApplication.translate("FollowUps", "Not contacted"),
        rules.SENT: QCoreApplication.translate("FollowUps", "Questionnaire sent"),
        rules.REMINDED: QCoreApplication.translate("FollowUps", "Reminded"),
        rules.RECEIVED: QCoreApplication.translate("FollowUps", "Questionnaire received"),
        rules.ENTERED: QCoreApplication.translate("FollowUps", "Entered"),
        rules.VALIDATED: QCoreApplication.translate("FollowUps", "Validated"),
        rules.INTERVIEWED: QCoreApplication.translate("FollowUps", "Interviewed"),
    }
    return labels.get(stage, stage)


# --- typed due dates --------------------------------------------------------------------------


def parse_due(text: str, zone: str) -> datetime | None:
    """A due date typed in the consultant's zone ("2018-11-09 14:00", "09/11/2018"; a date
    alone means 09:00) as naive UTC; blank means no due date. ValidationError otherwise."""
    from .interviews import input_message

    if not (text or "").strip():
        return None
    try:
        local = rules.parse_datetime(text, default_time=WORKDAY_START)
        rules.check_zone(zone)
        rules.check_local_time(local, zone)
    except rules.InputError as exc:
        raise ValidationError(input_message(exc), "due_utc") from None
    return to_utc_naive(local, zone)


# --- helpers ----------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    if now is None:
        return clock.utcnow()
    return now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now


def _at_workday_start(day: date, zone: str) -> datetime:
    return to_utc_naive(datetime.combine(day, WORKDAY_START), zone)


def _info(row, mech) -> FollowUpInfo:  # noqa: ANN001 - ORM FollowUp, Mechanism
    return FollowUpInfo(
        id=row.id,
        kind=row.kind,
        mechanism_id=row.mechanism_id,
        acronym_fr=mech.acronym_fr,
        acronym_en=mech.acronym_en,
        response_id=row.response_id,
        answer_path=row.answer_path,
        interview_id=row.interview_id,
        due_utc=row.due_utc,
        owner=row.owner or "",
        status=row.status,
        notes=row.notes,
        automatic=bool(row.automatic),
        revision=row.revision,
        updated_at=row.updated_at,
        region=mech.region,
        type=mech.type,
    )


def info_in(session: Session, row) -> FollowUpInfo:  # noqa: ANN001 - ORM FollowUp
    from ..persistence import repositories

    return _info(row, repositories.mechanism(session, row.mechanism_id))


def _shown(value: object) -> str | None:
    """A field's value as text, for comparing a caller's copy and for the conflict dialog
    (a due date in UTC, as stored); blank is none."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return conflicts.blank_to_none(value)


def _row(session: Session, followup_id: str, *, lock: bool = False):  # noqa: ANN202 - ORM FollowUp
    from ..persistence import interviews_repo

    row = interviews_repo.followup(session, followup_id, lock=lock)
    if row is None:
        raise ValidationError(
            QCoreApplication.translate("FollowUps", "There is no follow-up {id}.").format(id=followup_id)
        )
    return row


def _clean_text(value: object, limit: int) -> str | None:
    text = "" if value is None else str(value)
    text = text.strip()
    if len(text) > limit:
        raise ValidationError(
            QCoreApplication.translate("FollowUps", "This text is too long ({count} characters, at most {limit}).")
            .format(count=len(text), limit=limit)
        )
    return text or None


def _clean(field_name: str, value: object) -> object:
    from .interviews import input_message

    try:
        if field_name == "kind":
            return rules.check_followup_kind(str(value))
        if field_name == "status":
            return rules.check_followup_status(str(value))
    except rules.InputError as exc:
        raise ValidationError(input_message(exc), field_name) from None
    if field_name == "due_utc":
        if value is None or isinstance(value, datetime):
            return _now(value) if isinstance(value, datetime) and value.tzinfo else value
        raise ValidationError(
            QCoreApplication.translate("FollowUps", "The due date must be a date and time."), field_name
        )
    if field_name == "owner":
        return _clean_text(value, 128) or ""
    if field_name == "notes":
        return _clean_text(value, 20_000)
    raise ValidationError(
        QCoreApplication.translate("FollowUps", "This field cannot be edited: {field}").format(field=field_name)
    )


def check_value(field_name: str, value: object) -> object:
    """The cleaned value of an editable field, or ValidationError (what an edit would say)."""
    return _clean(field_name, value)


def create_in(
    session: Session,
    *,
    kind: str,
    mechanism_id: str,
    due_utc: datetime | None,
    owner: str,
    actor: str,
    notes: str | None = None,
    response_id: str | None = None,
    answer_path: str | None = None,
    interview_id: str | None = None,
    automatic: bool = False,
    followup_id: str | None = None,
):  # noqa: ANN201 - ORM FollowUp
    """Add a follow-up inside the caller's transaction (interviews and quotes use it too)."""
    from ..persistence import interviews_repo, repositories

    values: dict[str, Any] = {
        "kind": _clean("kind", kind),
        "mechanism_id": mechanism_id,
        "due_utc": _clean("due_utc", due_utc),
        "owner": _clean("owner", owner),
        "notes": _clean("notes", notes),
        "response_id": response_id,
        "answer_path": answer_path,
        "interview_id": interview_id,
        "automatic": automatic,
        "status": rules.OPEN,
    }
    if followup_id:
        values["id"] = followup_id
    if repositories.mechanism(session, mechanism_id) is None:
        raise ValidationError(
            QCoreApplication.translate("FollowUps", "There is no mechanism {id}.").format(id=mechanism_id)
        )
    row = interviews_repo.add_followup(session, **values)
    repositories.append_audit(
        session, actor=actor, action="create", entity="follow_up", entity_id=row.id,
        field="kind", new=row.kind,
    )
    return row


def set_field_in(
    session: Session, row, field_name: str, value: object, actor: str,  # noqa: ANN001
    *, action: str | None = None,
) -> bool:
    """Set one (already clean) field with its audit row; True when it changed. ``action``
    "reschedule" marks a due date the program moved by itself (not by a user)."""
    from ..persistence import repositories

    old = getattr(row, field_name)
    if old == value:
        return False
    setattr(row, field_name, value)
    repositories.append_audit(
        session, actor=actor, action=action or ("status" if field_name == "status" else "update"),
        entity="follow_up", entity_id=row.id, field=field_name,
        old=old.isoformat(sep=" ") if isinstance(old, datetime) else old,
        new=value.isoformat(sep=" ") if isinstance(value, datetime) else value,
    )
    return True


def _due_edited_by_hand(session: Session, followup_id: str) -> bool:
    from ..persistence import repositories

    return any(
        entry.action == "update" and entry.field == "due_utc"
        for entry in repositories.audit_rows(session, "follow_up", [followup_id])
    )


def tombstone_in(session: Session, row, actor: str) -> None:  # noqa: ANN001 - ORM FollowUp
    from ..persistence import repositories
    from ..persistence.models import utcnow

    if row.deleted_at is None:
        row.deleted_at = utcnow()
        repositories.append_audit(
            session, actor=actor, action="delete", entity="follow_up", entity_id=row.id, old=row.kind
        )


def _restore_in(session: Session, row, actor: str) -> None:  # noqa: ANN001 - ORM FollowUp
    from ..persistence import repositories

    if row.deleted_at is not None:
        row.deleted_at = None
        repositories.append_audit(
            session, actor=actor, action="restore", entity="follow_up", entity_id=row.id, new=row.kind
        )


# --- use cases --------------------------------------------------------------------------------


def create_followup(
    db: Database,
    *,
    kind: str,
    mechanism_id: str,
    due_utc: datetime | None,
    owner: str,
    actor: str,
    notes: str | None = None,
    response_id: str | None = None,
    answer_path: str | None = None,
    interview_id: str | None = None,
    followup_id: str | None = None,
) -> FollowUpInfo:
    with db.write() as session:
        row = create_in(
            session, kind=kind, mechanism_id=mechanism_id, due_utc=due_utc, owner=owner,
            actor=actor, notes=notes, response_id=response_id, answer_path=answer_path,
            interview_id=interview_id, followup_id=followup_id,
        )
        return info_in(session, row)


def update_followup(
    db: Database, followup_id: str, field_name: str, value: object, actor: str,
    *, expected_revision: int | None = None, expected: object = conflicts.UNCHECKED,
) -> FollowUpInfo:
    """Edit one field (kind, due_utc, owner, notes or status) in one transaction.
    ``expected``: the field's value the caller read; when someone changed it since,
    EditConflict (both values, who and when), nothing written."""
    from .catalogue import StaleEditError

    if field_name not in EDITABLE:
        _clean(field_name, value)  # raises the "cannot be edited" message
    clean = _clean(field_name, value)
    with db.write() as session:
        row = _row(session, followup_id, lock=True)
        if expected_revision is not None and row.revision != expected_revision:
            raise StaleEditError(followup_id)
        old = getattr(row, field_name)
        if expected is not conflicts.UNCHECKED and old != clean and (
            _shown(old) != _shown(expected)
        ):
            raise conflicts.refused(
                session, QCoreApplication.translate(
                    "FollowUps", "This follow-up was changed {by} since this window read it: "
                    "your change was not saved."),
                entity="follow_up", entity_id=followup_id, field=field_name, kind="field",
                path=field_name, theirs=_shown(old), yours=_shown(clean))
        if row.deleted_at is not None:
            _restore_in(session, row, actor)
        if set_field_in(session, row, field_name, clean, actor):
            session.flush()
        return info_in(session, row)


def set_followup_status(db: Database, followup_id: str, status: str, actor: str) -> FollowUpInfo:
    return update_followup(db, followup_id, "status", status, actor)


def delete_followup(db: Database, followup_id: str, actor: str) -> None:
    """A tombstone (undo of a creation, or the user removing one made by mistake)."""
    with db.write() as session:
        tombstone_in(session, _row(session, followup_id), actor)


def restore_followup(db: Database, followup_id: str, actor: str) -> FollowUpInfo:
    with db.write() as session:
        row = _row(session, followup_id)
        _restore_in(session, row, actor)
        session.flush()
        return info_in(session, row)


def followup(db: Database, followup_id: str) -> FollowUpInfo:
    with db.read() as session:
        return info_in(session, _row(session, followup_id))


def followups(
    db: Database,
    *,
    status: str | Iterable[str] | None = None,
    mechanism_id: str | None = None,
    response_id: str | None = None,
    interview_id: str | None = None,
    kind: str | None = None,
) -> list[FollowUpInfo]:
    from ..persistence import interviews_repo

    with db.read() as session:
        return [
            _info(row, mech)
            for row, mech in interviews_repo.followup_rows(
                session, status=status, mechanism_id=mechanism_id, response_id=response_id,
                interview_id=interview_id, kind=kind,
            )
        ]


# --- clarifications ---------------------------------------------------------------------------


def clarify_answer(
    db: Database,
    response_id: str,
    answer_path: str,
    actor: str,
    *,
    notes: str | None = None,
    due_utc: datetime | None = None,
    owner: str | None = None,
    followup_id: str | None = None,
    now: datetime | None = None,
) -> FollowUpInfo:
    """Ask the respondent to clarify one answer: an open follow-up on that answer (due in
    three days unless given), shown as a marker beside the answer while it is open."""
    from ..persistence import interviews_repo

    with db.write() as session:
        response = interviews_repo.response(session, response_id)
        if response is None or response.deleted_at is not None:
            raise ValidationError(
                QCoreApplication.translate("FollowUps", "There is no response {id}.").format(id=response_id)
            )
        if not (answer_path or "").strip():
            raise ValidationError(QCoreApplication.translate("FollowUps", "Choose the answer to clarify."))
        interview = interviews_repo.interview_of_response(session, response_id)
        row = create_in(
            session, kind=rules.CLARIFY_ANSWER, mechanism_id=response.mechanism_id,
            due_utc=due_utc or _now(now) + timedelta(days=CLARIFY_DAYS), owner=owner or actor,
            actor=actor, notes=notes, response_id=response_id, answer_path=answer_path,
            interview_id=interview.id if interview is not None else None, followup_id=followup_id,
        )
        return info_in(session, row)


def open_clarifications(db: Database, response_id: str) -> dict[str, list[FollowUpInfo]]:
    """Answer path -> the open clarification follow-ups of that answer (for the markers)."""
    result: dict[str, list[FollowUpInfo]] = {}
    for item in followups(db, status=rules.OPEN, response_id=response_id, kind=rules.CLARIFY_ANSWER):
        if item.answer_path:
            result.setdefault(item.answer_path, []).append(item)
    return result


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
