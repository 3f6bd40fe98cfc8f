"""The call itself: its actual start and length, the interviewee's consent (to be cited, to
validate the notes), the free call notes, and the interview guide's answers filled from the
plan. Each use case is one write transaction with its audit rows; those with side effects
return an :class:`~.interviews.InterviewChange` that :func:`~.interviews.revert` undoes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .. import clock
from ..domain import interviews as rules
from ..domain.timezones import from_utc_naive
from ..limits import grouped
from . import conflicts
from .catalogue import ValidationError
from .interviews import (
    NOTES_LIMIT,
    Effects,
    InterviewChange,
    InterviewInfo,
    _apply_state,
    _info_in,
    _invalid,
    _now,
    _row,
    _send_notes_followup,
    interview,
    state_label,
)

if TYPE_CHECKING:
    from ..persistence.database import Database


def start_call(db: Database, interview_id: str, actor: str, *, now: datetime | None = None) -> InterviewInfo:
    """The call begins: its actual start (UTC) is recorded, once (a resumed call keeps it)."""
    from ..persistence import repositories

    with db.write() as session:
        row = _row(session, interview_id)
        if row.status not in rules.UPCOMING_STATES | {rules.HELD}:
            raise ValidationError(
                QCoreApplication.translate("Interviews", "A {state} interview cannot be started.").format(
                    state=state_label(row.status).lower()
                ), "status",
            )
        if row.actual_start_utc is None:
            row.actual_start_utc = _now(now)
            repositories.append_audit(
                session, actor=actor, action="update", entity="interview", entity_id=row.id,
                field="actual_start_utc", new=row.actual_start_utc.isoformat(sep=" "),
            )
            session.flush()
        return _info_in(session, row.id)


def stop_call(
    db: Database, interview_id: str, seconds: int, actor: str, *, now: datetime | None = None
) -> InterviewChange:
    """The call ended after ``seconds`` in all (pauses excluded); a planned interview becomes
    held (with its follow-ups, see :func:`set_state`)."""
    from ..persistence import repositories

    if not isinstance(seconds, int) or seconds < 0 or seconds > 24 * 3600:
        raise ValidationError(
            QCoreApplication.translate("Interviews", "The call length must be between 0 and 24 hours."),
            "actual_seconds",
        )
    with db.write() as session:
        row = _row(session, interview_id)
        if row.actual_start_utc is None:
            row.actual_start_utc = _now(now) - timedelta(seconds=seconds)
        old_seconds = row.actual_seconds
        if old_seconds != seconds:
            row.actual_seconds = seconds
            repositories.append_audit(
                session, actor=actor, action="update", entity="interview", entity_id=row.id,
                field="actual_seconds", old=old_seconds, new=seconds,
            )
        old_state = row.status
        effects = Effects()
        if old_state in rules.UPCOMING_STATES:
            effects = _apply_state(session, row, rules.HELD, actor, now)
        session.flush()
        return InterviewChange(_info_in(session, row.id), "status", old_state, row.status, effects)


def set_consent(db: Database, interview_id: str, consent: str, actor: str) -> InterviewChange:
    """The interviewee's consent. Withdrawing it (neither, unknown) withdraws the publication
    clearance of the interview's quotes in the same transaction."""
    from ..persistence import interviews_repo, repositories

    try:
        clean = rules.check_consent(consent)
    except rules.InputError as exc:
        raise _invalid(exc, "consent") from None
    with db.write() as session:
        row = _row(session, interview_id)
        old = row.consent
        uncleared: list[str] = []
        if old != clean:
            row.consent = clean
            repositories.append_audit(
                session, actor=actor, action="update", entity="interview", entity_id=row.id,
                field="consent", old=old, new=clean,
            )
            if not rules.consent_allows_publication(clean):
                for item in interviews_repo.quotes_of_interview(session, row.id):
                    if item.cleared:
                        item.cleared = False
                        uncleared.append(item.id)
                        repositories.append_audit(
                            session, actor=actor, action="update", entity="quote", entity_id=item.id,
                            field="cleared", old=True, new=False,
                        )
        session.flush()
        return InterviewChange(_info_in(session, row.id), "consent", old, clean,
                               Effects(uncleared_quotes=tuple(uncleared)))


def set_validate_notes(
    db: Database, interview_id: str, allowed: bool, actor: str, *, now: datetime | None = None
) -> InterviewChange:
    """Whether the interviewee wants to validate the notes; given to a held interview, it
    creates "send notes for validation" at once."""
    from ..persistence import repositories

    with db.write() as session:
        row = _row(session, interview_id)
        old = bool(row.consent_validate_notes)
        created: list[str] = []
        if old != bool(allowed):
            row.consent_validate_notes = bool(allowed)
            repositories.append_audit(
                session, actor=actor, action="update", entity="interview", entity_id=row.id,
                field="consent_validate_notes", old=old, new=bool(allowed),
            )
            if allowed and row.status == rules.HELD:
                made = _send_notes_followup(session, row, actor, now)
                if made:
                    created.append(made)
        session.flush()
        return InterviewChange(_info_in(session, row.id), "consent_validate_notes", old, bool(allowed),
                               Effects(created_followups=tuple(created)))


def set_notes(
    db: Database, interview_id: str, text: str | None, actor: str, *, expected_revision: int | None = None,
    expected: object = conflicts.UNCHECKED,
) -> InterviewInfo:
    """The free notes of the call; quotes taken from them follow the text (re-anchored).
    ``expected``: the notes the caller read; when someone changed them since, EditConflict
    (both texts, who and when), nothing written."""
    from ..persistence import repositories
    from .quotes import reanchor_in

    value = text if text and text.strip() else None
    if value is not None and len(value) > NOTES_LIMIT:
        raise ValidationError(
            QCoreApplication.translate(
                "Interviews", "The call notes have {length} characters, more than the limit of {limit}."
            ).format(length=grouped(len(value)), limit=grouped(NOTES_LIMIT)), "notes",
        )
    with db.write() as session:
        row = _row(session, interview_id, expected_revision, lock=True)
        old = row.notes
        if old != value and expected is not conflicts.UNCHECKED and old != conflicts.blank_to_none(expected):
            raise conflicts.refused(
                session, QCoreApplication.translate(
                    "Interviews", "The call notes were changed {by} since this window read them: "
                    "your notes were not saved."),
                entity="interview", entity_id=row.id, field="notes", kind="notes",
                theirs=old, yours=value)
        if old != value:
            row.notes = value
            repositories.append_audit(
                session, actor=actor, action="update", entity="interview", entity_id=row.id,
                field="notes", old=old, new=value,
            )
            reanchor_in(session, value or "", field="notes", interview_id=row.id)
            session.flush()
        return _info_in(session, row.id)


GUIDE_INTERVIEWEE = "mandatory/q2"
GUIDE_DATE = "mandatory/q3"


def prefill_guide(db: Database, interview_id: str, actor: str) -> list[str]:
    """Fill the guide's "name and title of the interviewee" and "date of the interview" from
    the interview when they are still empty (never over what someone typed); returns the
    paths it filled. The date is the interviewee's calendar day of the call (or the plan)."""
    from . import responses

    info = interview(db, interview_id)
    if not info.response_id:
        return []
    answers = responses.answers(db, info.response_id)
    filled = []
    who = ", ".join(p for p in (info.contact_name, info.contact_title, info.contact_institution) if p)
    def fill(path: str, value: str) -> None:
        try:  # only over an empty answer: someone typing it meanwhile wins
            responses.save_answer(db, info.response_id, path, value, actor, expected=None)
        except responses.EditConflict:
            return
        filled.append(path)

    if who and not answers.get(GUIDE_INTERVIEWEE):
        fill(GUIDE_INTERVIEWEE, who)
    moment = info.actual_start_utc or info.planned_start_utc
    if moment is not None and not answers.get(GUIDE_DATE):
        day = from_utc_naive(moment, info.zone).date()
        if day <= clock.utcnow().date():  # the guide's constraint: not in the future
            fill(GUIDE_DATE, day.isoformat())
    return filled
