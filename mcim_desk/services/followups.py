"""Follow-ups (what is still owed, by whom, by when) and the ones the work creates by itself.
The survey round's deadline and the questionnaire marked sent are ``rounds``'; the dashboard
(overdue / due today / this week, the study's progress by mechanism) and the calendar's data
are ``progress``'.

Times are stored as naive UTC; "today" and "this week" are the consultant's own (the zone
the caller passes, from the preferences). Every use case is one write transaction with its
audit rows, and returns frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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

EDITABLE = ("kind", "due_utc", "owner", "notes", "status")
WORKDAY_START = time(9, 0)
CLARIFY_DAYS = 3


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
