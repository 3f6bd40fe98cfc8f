"""Phone interviews: planning across time zones, states, rescheduling with history; and the
follow-ups the work implies ("send the questions beforehand" when planned, "send notes for
validation" when held with the interviewee's consent to validate them). The call itself (its
actual start and length, consent, free notes, the guide's prefilled answers) is ``calls``'.

Each use case is one write transaction with its audit rows. Use cases with side effects
return an :class:`InterviewChange` that :func:`revert` undoes exactly (the UI's undo).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..domain import interviews as rules
from ..domain.timezones import from_utc_naive, to_utc_naive
from ..domain.timezones import zone as zone_info
from ..limits import NOTE_CHARS
from . import followups as followup_service
from .catalogue import ContactInfo, StaleEditError, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database

QUESTIONS_DAYS_BEFORE = 2
SEND_NOTES_DAYS = 2
NOTES_LIMIT = NOTE_CHARS  # limits.py, the one table


@dataclass(frozen=True)
class InterviewInfo:
    id: str
    mechanism_id: str
    acronym_fr: str
    acronym_en: str
    contact_id: str | None
    contact_name: str
    contact_title: str | None
    contact_institution: str | None
    response_id: str | None
    planned_start_utc: datetime | None
    time_zone: str | None
    planned_minutes: int
    actual_start_utc: datetime | None
    actual_seconds: int | None
    status: str
    consent: str
    consent_validate_notes: bool
    notes: str | None
    rescheduled_from_id: str | None
    rescheduled_to_id: str | None
    revision: int
    updated_at: datetime | None = None
    region: str = ""
    type: str = ""

    def acronym(self, lang: str) -> str:
        return self.acronym_fr if lang == "fr" else self.acronym_en

    @property
    def zone(self) -> str:
        return self.time_zone or "UTC"

    @property
    def planned_end_utc(self) -> datetime | None:
        if self.planned_start_utc is None:
            return None
        return self.planned_start_utc + timedelta(minutes=self.planned_minutes)

    def local_start(self) -> datetime | None:
        """The planned start in the interviewee's zone (aware)."""
        return from_utc_naive(self.planned_start_utc, self.zone) if self.planned_start_utc else None

    def both_times(self, consultant_zone: str) -> str:
        """"10:00 Geneva / 03:00 Lima": the consultant's time first."""
        if self.planned_start_utc is None:
            return ""
        return rules.both_local_times(self.planned_start_utc, consultant_zone, self.zone)

    def when_text(self, consultant_zone: str) -> str:
        """"2019-04-01 · 10:00 Geneva / 03:00 Lima" (the date on the consultant's side)."""
        if self.planned_start_utc is None:
            return ""
        day = rules.local_date_text(self.planned_start_utc, consultant_zone)
        return f"{day} · {self.both_times(consultant_zone)}"

    def speaker(self) -> str:
        parts = [self.contact_name] + [p for p in (self.contact_title, self.contact_institution) if p]
        return ", ".join(p for p in parts if p)

    @property
    def allows_publication(self) -> bool:
        return rules.consent_allows_publication(self.consent)


@dataclass(frozen=True)
class Effects:
    """What a use case did besides its own field: follow-ups created, follow-up statuses
    changed (id, old status), quotes whose publication flag was cleared."""

    created_followups: tuple[str, ...] = ()
    followup_statuses: tuple[tuple[str, str], ...] = ()
    uncleared_quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewChange:
    interview: InterviewInfo
    field: str
    old: object
    new: object
    effects: Effects = field(default_factory=Effects)


# --- messages ---------------------------------------------------------------------------------


def state_label(state: str) -> str:
    labels = {
        rules.PLANNED: QCoreApplication.translate("Interviews", "Planned"),
        rules.QUESTIONS_SENT: QCoreApplication.translate("Interviews", "Questions sent"),
        rules.HELD: QCoreApplication.translate("Interviews", "Held"),
        rules.NOTES_VALIDATED: QCoreApplication.translate("Interviews", "Notes validated"),
        rules.CLOSED: QCoreApplication.translate("Interviews", "Closed"),
        rules.CANCELLED: QCoreApplication.translate("Interviews", "Cancelled"),
        rules.RESCHEDULED: QCoreApplication.translate("Interviews", "Rescheduled"),
    }
    return labels.get(state, state)


def consent_label(consent: str) -> str:
    labels = {
        rules.CONSENT_UNKNOWN: QCoreApplication.translate("Interviews", "Not asked yet"),
        rules.CONSENT_NAMED: QCoreApplication.translate("Interviews", "May be named and quoted"),
        rules.CONSENT_QUOTED: QCoreApplication.translate("Interviews", "May be quoted, not named"),
        rules.CONSENT_NEITHER: QCoreApplication.translate("Interviews", "Neither named nor quoted"),
    }
    return labels.get(consent, consent)


def input_message(exc: rules.InputError) -> str:
    """The translated message for a domain input error."""
    p = {k: v for k, v in exc.params.items()}
    code = exc.code
    if code == "empty_date":
        return QCoreApplication.translate("Interviews", "Type a date, for example 2018-11-09 or 09/11/2018.")
    if code == "bad_date":
        return QCoreApplication.translate("Interviews", "“{value}” is not a date: type it as 2018-11-09 or 09/11/2018.").format(**p)
    if code == "impossible_date":
        return QCoreApplication.translate("Interviews", "“{value}” is not a date that exists (check the day and the month).").format(**p)
    if code == "empty_time":
        return QCoreApplication.translate("Interviews", "Type a time, for example 10:00.")
    if code == "bad_time":
        return QCoreApplication.translate("Interviews", "“{value}” is not a time: type it on the 24-hour clock, as 10:00 or 15h30.").format(**p)
    if code == "unknown_zone":
        if not p.get("value"):
            return QCoreApplication.translate("Interviews", "Choose the interviewee’s time zone, for example America/Lima.")
        return QCoreApplication.translate(
            "Interviews", "Unknown time zone “{value}”: use a name such as Europe/Geneva or America/Lima."
        ).format(**p)
    if code == "nonexistent_time":
        return QCoreApplication.translate(
            "Interviews",
            "{value} does not exist in {zone}: the clocks move forward then. Choose another time.",
        ).format(**p)
    if code == "end_before_start":
        return QCoreApplication.translate("Interviews", "The end ({end}) must be after the start ({start}).").format(**p)
    if code == "bad_length":
        return QCoreApplication.translate("Interviews", "The length must be between 1 and {maximum} minutes, not “{value}”.").format(**p)
    if code == "unknown_state":
        return QCoreApplication.translate("Interviews", "Unknown interview state “{value}”.").format(**p)
    if code == "bad_transition":
        return QCoreApplication.translate("Interviews", "An interview cannot go from “{old}” to “{new}”.").format(
            old=state_label(str(p["old"])), new=state_label(str(p["new"]))
        )
    if code == "unknown_consent":
        return QCoreApplication.translate("Interviews", "Unknown consent “{value}”.").format(**p)
    if code == "unknown_kind":
        return QCoreApplication.translate("Interviews", "Unknown kind of follow-up “{value}”.").format(**p)
    if code == "unknown_status":
        return QCoreApplication.translate("Interviews", "Unknown follow-up status “{value}”.").format(**p)
    return str(exc)


def _invalid(exc: rules.InputError, field_name: str | None = None) -> ValidationError:
    return ValidationError(input_message(exc), field_name)


# --- parsing what the plan dialog holds -------------------------------------------------------


@dataclass(frozen=True)
class PlannedTime:
    local_start: datetime
    zone: str
    minutes: int
    start_utc: datetime

    def both_times(self, consultant_zone: str) -> str:
        return rules.both_local_times(self.start_utc, consultant_zone, self.zone)


def parse_plan(date_text: str, start_text: str, end_text: str, zone: str) -> PlannedTime:
    """Check what the plan dialog holds (date, start and end in the interviewee's zone, the
    zone); ValidationError naming the field ('date', 'start', 'end', 'zone') otherwise."""
    try:
        clean_zone = rules.check_zone(zone)
    except rules.InputError as exc:
        raise _invalid(exc, "zone") from None
    try:
        day = rules.parse_date(date_text)
    except rules.InputError as exc:
        raise _invalid(exc, "date") from None
    try:
        start = rules.parse_time(start_text)
    except rules.InputError as exc:
        raise _invalid(exc, "start") from None
    try:
        end = rules.parse_time(end_text)
        minutes = rules.check_minutes(rules.minutes_between(start, end))
    except rules.InputError as exc:
        raise _invalid(exc, "end") from None
    local = datetime.combine(day, start)
    try:
        rules.check_local_time(local, clean_zone)
    except rules.InputError as exc:
        raise _invalid(exc, "start") from None
    return PlannedTime(local, clean_zone, minutes, to_utc_naive(local, clean_zone))


# --- reading ----------------------------------------------------------------------------------


def info_from_row(row, contact, mech, replaced_by: str | None = None) -> InterviewInfo:  # noqa: ANN001
    return InterviewInfo(
        id=row.id,
        mechanism_id=row.mechanism_id,
        acronym_fr=mech.acronym_fr,
        acronym_en=mech.acronym_en,
        contact_id=row.contact_id,
        contact_name=contact.name if contact is not None else "",
        contact_title=contact.title if contact is not None else None,
        contact_institution=contact.institution if contact is not None else None,
        response_id=row.response_id,
        planned_start_utc=row.planned_start_utc,
        time_zone=row.time_zone,
        planned_minutes=row.planned_minutes,
        actual_start_utc=row.actual_start_utc,
        actual_seconds=row.actual_seconds,
        status=row.status,
        consent=row.consent,
        consent_validate_notes=bool(row.consent_validate_notes),
        notes=row.notes,
        rescheduled_from_id=row.rescheduled_from_id,
        rescheduled_to_id=replaced_by,
        revision=row.revision,
        updated_at=row.updated_at,
        region=mech.region,
        type=mech.type,
    )


def _info_in(session: Session, interview_id: str, include_deleted: bool = False) -> InterviewInfo:
    from ..persistence import interviews_repo

    rows = interviews_repo.interview_rows(session, ids=[interview_id], include_deleted=include_deleted)
    if not rows:
        raise _missing(interview_id)
    return info_from_row(*rows[0])


def _missing(interview_id: str) -> ValidationError:
    return ValidationError(
        QCoreApplication.translate("Interviews", "There is no interview {id}.").format(id=interview_id)
    )


def _row(session: Session, interview_id: str, expected_revision: int | None = None,  # noqa: ANN202
         *, lock: bool = False):
    from ..persistence import interviews_repo

    row = interviews_repo.interview(session, interview_id, lock=lock)
    if row is None or row.deleted_at is not None:
        raise _missing(interview_id)
    if expected_revision is not None and row.revision != expected_revision:
        raise StaleEditError(interview_id)
    return row


def interview(db: Database, interview_id: str) -> InterviewInfo:
    with db.read() as session:
        return _info_in(session, interview_id)


def interviews_of(db: Database, mechanism_id: str) -> list[InterviewInfo]:
    """A mechanism's interviews (rescheduled and cancelled ones too), by planned start."""
    from ..persistence import interviews_repo

    with db.read() as session:
        return [info_from_row(*r) for r in interviews_repo.interview_rows(session, mechanism_id=mechanism_id)]


def all_interviews(db: Database, states: tuple[str, ...] | None = None) -> list[InterviewInfo]:
    from ..persistence import interviews_repo

    with db.read() as session:
        return [info_from_row(*r) for r in interviews_repo.interview_rows(session, states=states)]


def interview_of_response(db: Database, response_id: str) -> InterviewInfo | None:
    from ..persistence import interviews_repo

    with db.read() as session:
        row = interviews_repo.interview_of_response(session, response_id)
        return _info_in(session, row.id) if row is not None else None


# --- planning ---------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    if now is None:
        from ..clock import utcnow

        return utcnow()
    return now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now


def questions_due(start_utc: datetime, consultant_zone: str, now: datetime | None = None) -> datetime:
    """"Send the questions beforehand": 09:00 (consultant's time) two days before the call;
    when that is already past, now, so that it shows as due today rather than overdue; and
    never after the start."""
    local_day = from_utc_naive(start_utc, consultant_zone).date() - timedelta(days=QUESTIONS_DAYS_BEFORE)
    due = to_utc_naive(datetime.combine(local_day, followup_service.WORKDAY_START), consultant_zone)
    moment = _now(now)
    if due < moment:
        due = moment
    return min(due, start_utc)


def _check_plan(
    local_start: datetime, zone: str, minutes: int, consultant_zone: str
) -> tuple[str, datetime]:
    try:
        clean_zone = rules.check_zone(zone)
    except rules.InputError as exc:
        raise _invalid(exc, "zone") from None
    try:
        rules.check_zone(consultant_zone)
    except rules.InputError as exc:
        raise _invalid(exc, "consultant_zone") from None
    try:
        rules.check_minutes(minutes)
    except rules.InputError as exc:
        raise _invalid(exc, "minutes") from None
    if local_start.tzinfo is not None:
        local_start = local_start.astimezone(zone_info(clean_zone)).replace(tzinfo=None)
    try:
        rules.check_local_time(local_start, clean_zone)
    except rules.InputError as exc:
        raise _invalid(exc, "start") from None
    return clean_zone, to_utc_naive(local_start, clean_zone)


def plan_interview(
    db: Database,
    mechanism_id: str,
    contact_id: str | None,
    local_start: datetime,
    zone: str,
    minutes: int,
    consultant_zone: str,
    actor: str,
    *,
    new_contact: ContactInfo | None = None,
    now: datetime | None = None,
) -> InterviewInfo:
    """Plan an interview at ``local_start`` (naive, the interviewee's wall clock in ``zone``)
    for ``minutes``, with an existing contact or a ``new_contact`` created in the same
    transaction; gives it its interview-guide response and the automatic follow-up "send the
    questions beforehand". Nothing is saved when anything is wrong (ValidationError)."""
    from ..persistence import interviews_repo, repositories
    from .catalogue import validate_contact
    from .responses import new_interview_response

    clean_zone, start_utc = _check_plan(local_start, zone, minutes, consultant_zone)
    contact_values = validate_contact(new_contact) if new_contact is not None else None
    with db.read() as session:
        mech = repositories.mechanism(session, mechanism_id)
        if mech is None or mech.deleted_at is not None:
            raise ValidationError(
                QCoreApplication.translate("Interviews", "There is no mechanism {id}.").format(id=mechanism_id)
            )
        if contact_id and contact_values is None:
            contact = interviews_repo.contact(session, contact_id)
            if contact is None or contact.deleted_at is not None or contact.mechanism_id != mechanism_id:
                raise ValidationError(
                    QCoreApplication.translate("Interviews", "Choose a contact of this mechanism."), "contact"
                )
    # The guide's response is its own unit of work (the forms service owns responses); it is
    # made once everything above is known to be right, and removed again if planning fails.
    response = new_interview_response(db, mechanism_id, actor)
    try:
        with db.write() as session:
            if contact_values is not None:
                contact = interviews_repo.add_contact(session, mechanism_id=mechanism_id, **contact_values)
                repositories.append_audit(
                    session, actor=actor, action="create", entity="contact", entity_id=contact.id,
                    new=contact.name,
                )
                contact_id = contact.id
            row = interviews_repo.add_interview(
                session,
                mechanism_id=mechanism_id,
                contact_id=contact_id or None,
                response_id=response.id,
                planned_start_utc=start_utc,
                time_zone=clean_zone,
                planned_minutes=minutes,
                status=rules.PLANNED,
            )
            repositories.append_audit(
                session, actor=actor, action="create", entity="interview", entity_id=row.id,
                field="planned_start_utc", new=f"{start_utc:%Y-%m-%d %H:%M} UTC ({clean_zone})",
            )
            followup_service.create_in(
                session, kind=rules.SEND_QUESTIONNAIRE, mechanism_id=mechanism_id,
                due_utc=questions_due(start_utc, consultant_zone, now), owner=actor, actor=actor,
                interview_id=row.id, response_id=response.id, automatic=True,
            )
            session.flush()
            return _info_in(session, row.id)
    except Exception:
        _drop_response(db, response.id, actor)
        raise


def _drop_response(db: Database, response_id: str, actor: str) -> None:
    from ..persistence import interviews_repo, repositories
    from ..persistence.models import utcnow

    with db.write() as session:
        row = interviews_repo.response(session, response_id)
        if row is not None and row.deleted_at is None:
            row.deleted_at = utcnow()
            repositories.append_audit(
                session, actor=actor, action="delete", entity="response", entity_id=response_id
            )


def delete_interview(db: Database, interview_id: str, actor: str) -> None:
    """Undo of planning: tombstones on the interview, its guide response (when it holds no
    answers beyond the prefilled mechanism) and its automatic follow-ups."""
    from ..persistence import interviews_repo, repositories
    from ..persistence.models import utcnow

    with db.write() as session:
        row = _row(session, interview_id)
        now = utcnow()
        row.deleted_at = now
        repositories.append_audit(
            session, actor=actor, action="delete", entity="interview", entity_id=row.id
        )
        for item, _mech in interviews_repo.followup_rows(session, interview_id=row.id, automatic=True):
            followup_service.tombstone_in(session, item, actor)
        response = interviews_repo.response(session, row.response_id) if row.response_id else None
        if response is not None and response.deleted_at is None:
            if interviews_repo.typed_answer_count(session, response.id) <= 1:
                response.deleted_at = now
                repositories.append_audit(
                    session, actor=actor, action="delete", entity="response", entity_id=response.id
                )


def restore_interview(db: Database, interview_id: str, actor: str) -> InterviewInfo:
    """Redo of planning after an undo: the tombstones lifted again."""
    from ..persistence import interviews_repo, repositories

    with db.write() as session:
        row = interviews_repo.interview(session, interview_id)
        if row is None:
            raise _missing(interview_id)
        stamp = row.deleted_at
        if stamp is not None:
            row.deleted_at = None
            repositories.append_audit(
                session, actor=actor, action="restore", entity="interview", entity_id=row.id
            )
            for item, _mech in interviews_repo.followup_rows(
                session, interview_id=row.id, automatic=True, include_deleted=True
            ):
                if item.deleted_at is not None and item.deleted_at >= stamp:
                    item.deleted_at = None
            response = interviews_repo.response(session, row.response_id) if row.response_id else None
            if response is not None and response.deleted_at is not None and response.deleted_at >= stamp:
                response.deleted_at = None
        session.flush()
        return _info_in(session, row.id)


# --- states -----------------------------------------------------------------------------------


def _set_followup_status(session: Session, item, status: str, actor: str,  # noqa: ANN001
                         changed: list[tuple[str, str]]) -> None:
    old = item.status
    if followup_service.set_field_in(session, item, "status", status, actor):
        changed.append((item.id, old))


def _send_notes_followup(session: Session, row, actor: str, now: datetime | None) -> str | None:  # noqa: ANN001
    """"Send notes for validation", unless the interview already has one (any status)."""
    from ..persistence import interviews_repo

    if interviews_repo.followup_rows(session, interview_id=row.id, kind=rules.SEND_NOTES):
        return None
    item = followup_service.create_in(
        session, kind=rules.SEND_NOTES, mechanism_id=row.mechanism_id,
        due_utc=_now(now) + timedelta(days=SEND_NOTES_DAYS), owner=actor, actor=actor,
        interview_id=row.id, response_id=row.response_id, automatic=True,
    )
    return item.id


def _apply_state(session: Session, row, state: str, actor: str, now: datetime | None) -> Effects:  # noqa: ANN001
    """The follow-ups a state implies: questions sent closes "send the questions"; a held
    interview no longer needs them (cancelled if still open) and, with consent to validate
    notes, gets "send notes for validation"; a cancelled one drops its open automatic ones."""
    from ..persistence import interviews_repo, repositories

    old = row.status
    row.status = state
    repositories.append_audit(
        session, actor=actor, action="status", entity="interview", entity_id=row.id,
        field="status", old=old, new=state,
    )
    created: list[str] = []
    changed: list[tuple[str, str]] = []
    open_items = [
        item for item, _m in interviews_repo.followup_rows(session, interview_id=row.id, status=rules.OPEN)
    ]
    if state == rules.QUESTIONS_SENT:
        for item in open_items:
            if item.kind == rules.SEND_QUESTIONNAIRE:
                _set_followup_status(session, item, rules.DONE, actor, changed)
    elif state == rules.HELD:
        for item in open_items:
            if item.kind == rules.SEND_QUESTIONNAIRE:
                _set_followup_status(session, item, rules.FOLLOWUP_CANCELLED, actor, changed)
        if row.consent_validate_notes:
            made = _send_notes_followup(session, row, actor, now)
            if made:
                created.append(made)
    elif state == rules.NOTES_VALIDATED:
        for item in open_items:
            if item.kind == rules.SEND_NOTES:
                _set_followup_status(session, item, rules.DONE, actor, changed)
    elif state in (rules.CANCELLED, rules.RESCHEDULED):
        for item in open_items:
            if item.automatic:
                _set_followup_status(session, item, rules.FOLLOWUP_CANCELLED, actor, changed)
    return Effects(tuple(created), tuple(changed))


def set_state(
    db: Database,
    interview_id: str,
    state: str,
    actor: str,
    *,
    expected_revision: int | None = None,
    now: datetime | None = None,
) -> InterviewChange:
    """Move an interview along its states (see :data:`rules.TRANSITIONS`)."""
    with db.write() as session:
        row = _row(session, interview_id, expected_revision)
        old = row.status
        try:
            rules.check_transition(old, state)
        except rules.InputError as exc:
            raise _invalid(exc, "status") from None
        effects = _apply_state(session, row, state, actor, now)
        session.flush()
        return InterviewChange(_info_in(session, row.id), "status", old, state, effects)


def revert(db: Database, change: InterviewChange, actor: str) -> InterviewInfo:
    """Undo one change exactly: the field's old value, follow-ups created removed, follow-up
    statuses and quote clearances put back."""
    from ..persistence import interviews_repo, repositories

    with db.write() as session:
        row = _row(session, change.interview.id)
        current = getattr(row, change.field)
        if current != change.old:
            setattr(row, change.field, change.old)
            repositories.append_audit(
                session, actor=actor, action="status" if change.field == "status" else "update",
                entity="interview", entity_id=row.id, field=change.field, old=current, new=change.old,
            )
        for followup_id in change.effects.created_followups:
            item = interviews_repo.followup(session, followup_id)
            if item is not None:
                followup_service.tombstone_in(session, item, actor)
        for followup_id, status in change.effects.followup_statuses:
            item = interviews_repo.followup(session, followup_id)
            if item is not None:
                followup_service.set_field_in(session, item, "status", status, actor)
        if rules.consent_allows_publication(row.consent):
            for quote_id in change.effects.uncleared_quotes:
                item = interviews_repo.quote(session, quote_id)
                if item is not None and not item.cleared:
                    item.cleared = True
                    repositories.append_audit(
                        session, actor=actor, action="update", entity="quote", entity_id=item.id,
                        field="cleared", old=False, new=True,
                    )
        session.flush()
        return _info_in(session, row.id)


# --- rescheduling -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rescheduled:
    old: InterviewInfo
    new: InterviewInfo
    old_state: str
    moved_followups: tuple[tuple[str, datetime | None], ...]  # (id, old due)
    effects: Effects


def reschedule(
    db: Database,
    interview_id: str,
    local_start: datetime,
    zone: str,
    minutes: int,
    consultant_zone: str,
    actor: str,
    *,
    now: datetime | None = None,
) -> Rescheduled:
    """A new interview replaces this one (which keeps its history as "rescheduled" and links
    forward through the new one's ``rescheduled_from_id``). The guide's response, consent and
    notes carry over; an open "send the questions" follow-up moves to the new date."""
    from ..persistence import interviews_repo, repositories

    clean_zone, start_utc = _check_plan(local_start, zone, minutes, consultant_zone)
    with db.write() as session:
        row = _row(session, interview_id)
        if not rules.can_reschedule(row.status):
            raise ValidationError(
                QCoreApplication.translate("Interviews", "Only a planned interview can be rescheduled."),
                "status",
            )
        old_state = row.status
        new = interviews_repo.add_interview(
            session,
            mechanism_id=row.mechanism_id,
            contact_id=row.contact_id,
            response_id=row.response_id,
            planned_start_utc=start_utc,
            time_zone=clean_zone,
            planned_minutes=minutes,
            status=row.status,
            consent=row.consent,
            consent_validate_notes=row.consent_validate_notes,
            notes=row.notes,
            rescheduled_from_id=row.id,
        )
        repositories.append_audit(
            session, actor=actor, action="create", entity="interview", entity_id=new.id,
            field="rescheduled_from_id", new=row.id,
        )
        moved: list[tuple[str, datetime | None]] = []
        for item, _m in interviews_repo.followup_rows(session, interview_id=row.id, status=rules.OPEN):
            if item.kind == rules.SEND_QUESTIONNAIRE:
                moved.append((item.id, item.due_utc))
                item.interview_id = new.id
                followup_service.set_field_in(
                    session, item, "due_utc", questions_due(start_utc, consultant_zone, now), actor,
                    action="reschedule",
                )
        effects = _apply_state(session, row, rules.RESCHEDULED, actor, now)
        session.flush()
        return Rescheduled(_info_in(session, row.id), _info_in(session, new.id), old_state,
                           tuple(moved), effects)


def undo_reschedule(db: Database, result: Rescheduled, actor: str) -> InterviewInfo:
    from ..persistence import interviews_repo, repositories
    from ..persistence.models import utcnow

    with db.write() as session:
        new = interviews_repo.interview(session, result.new.id)
        if new is not None and new.deleted_at is None:
            new.deleted_at = utcnow()
            repositories.append_audit(
                session, actor=actor, action="delete", entity="interview", entity_id=new.id
            )
        for followup_id, due in result.moved_followups:
            item = interviews_repo.followup(session, followup_id)
            if item is not None:
                item.interview_id = result.old.id
                followup_service.set_field_in(session, item, "due_utc", due, actor, action="reschedule")
        for followup_id, status in result.effects.followup_statuses:
            item = interviews_repo.followup(session, followup_id)
            if item is not None:
                followup_service.set_field_in(session, item, "status", status, actor)
        row = _row(session, result.old.id)
        if row.status != result.old_state:
            repositories.append_audit(
                session, actor=actor, action="status", entity="interview", entity_id=row.id,
                field="status", old=row.status, new=result.old_state,
            )
            row.status = result.old_state
        session.flush()
        return _info_in(session, row.id)


def history_chain(db: Database, interview_id: str) -> list[InterviewInfo]:
    """The interview and every earlier one it replaced, newest first."""
    chain: list[InterviewInfo] = []
    with db.read() as session:
        current: str | None = interview_id
        seen: set[str] = set()
        while current and current not in seen:
            seen.add(current)
            info = _info_in(session, current, include_deleted=True)
            chain.append(info)
            current = info.rescheduled_from_id
    return chain
