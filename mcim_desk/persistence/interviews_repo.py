"""Queries and writes for interviews, follow-ups, quotes, coded passages and the codebook,
each taking the caller's session (the service owns the transaction)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from .models import (
    Answer,
    Code,
    Contact,
    FollowUp,
    FormVersion,
    Interview,
    Mechanism,
    Quote,
    Response,
    SurveyRound,
)

# --- interviews -----------------------------------------------------------------------------


def interview(session: Session, interview_id: str, *, lock: bool = False) -> Interview | None:
    """The Interview row, or None; ``lock`` holds it until the transaction ends (PostgreSQL),
    so that a save compares with what the previous one committed."""
    return session.get(Interview, interview_id, with_for_update=True if lock else None)


def add_interview(session: Session, **values: object) -> Interview:
    row = Interview(**values)
    session.add(row)
    session.flush()
    return row


def interview_rows(
    session: Session,
    *,
    mechanism_id: str | None = None,
    ids: Iterable[str] | None = None,
    states: Iterable[str] | None = None,
    include_deleted: bool = False,
) -> list[tuple[Interview, Contact | None, Mechanism, str | None]]:
    """(interview, contact, mechanism, id of the interview that replaced it), by planned start."""
    later = aliased(Interview)
    replaced_by = (
        select(later.id)
        .where(later.rescheduled_from_id == Interview.id, later.deleted_at.is_(None))
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(Interview, Contact, Mechanism, replaced_by)
        .join(Mechanism, Mechanism.id == Interview.mechanism_id)
        .outerjoin(Contact, Contact.id == Interview.contact_id)
    )
    if not include_deleted:
        stmt = stmt.where(Interview.deleted_at.is_(None))
    if mechanism_id is not None:
        stmt = stmt.where(Interview.mechanism_id == mechanism_id)
    if ids is not None:
        stmt = stmt.where(Interview.id.in_(list(ids)))
    if states is not None:
        stmt = stmt.where(Interview.status.in_(list(states)))
    stmt = stmt.order_by(Interview.planned_start_utc, Interview.created_at)
    return [tuple(row) for row in session.execute(stmt)]


def contact(session: Session, contact_id: str) -> Contact | None:
    return session.get(Contact, contact_id)


def add_contact(session: Session, **values: object) -> Contact:
    row = Contact(**values)
    session.add(row)
    session.flush()
    return row


# --- follow-ups -----------------------------------------------------------------------------


def followup(session: Session, followup_id: str, *, lock: bool = False) -> FollowUp | None:
    """The FollowUp row, or None; ``lock`` holds it until the transaction ends (PostgreSQL)."""
    return session.get(FollowUp, followup_id, with_for_update=True if lock else None)


def add_followup(session: Session, **values: object) -> FollowUp:
    row = FollowUp(**values)
    session.add(row)
    session.flush()
    return row


def followup_rows(
    session: Session,
    *,
    status: str | Iterable[str] | None = None,
    mechanism_id: str | None = None,
    interview_id: str | None = None,
    response_id: str | None = None,
    kind: str | None = None,
    answer_path: str | None = None,
    automatic: bool | None = None,
    updated_since: datetime | None = None,
    due_before: datetime | None = None,
    include_deleted: bool = False,
) -> list[tuple[FollowUp, Mechanism]]:
    """(follow-up, mechanism) rows, soonest due first (no due date last)."""
    stmt = select(FollowUp, Mechanism).join(Mechanism, Mechanism.id == FollowUp.mechanism_id)
    if not include_deleted:
        stmt = stmt.where(FollowUp.deleted_at.is_(None))
    if isinstance(status, str):
        stmt = stmt.where(FollowUp.status == status)
    elif status is not None:
        stmt = stmt.where(FollowUp.status.in_(list(status)))
    for column, value in (
        (FollowUp.mechanism_id, mechanism_id),
        (FollowUp.interview_id, interview_id),
        (FollowUp.response_id, response_id),
        (FollowUp.kind, kind),
        (FollowUp.answer_path, answer_path),
        (FollowUp.automatic, automatic),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if updated_since is not None:
        stmt = stmt.where(FollowUp.updated_at >= updated_since)
    if due_before is not None:  # served by ix_follow_up_status_due with a status
        stmt = stmt.where(FollowUp.due_utc.is_not(None), FollowUp.due_utc < due_before)
    stmt = stmt.order_by(FollowUp.due_utc.is_(None), FollowUp.due_utc, FollowUp.created_at)
    return [tuple(row) for row in session.execute(stmt)]


# --- responses and answers (as read and marked by this feature) ---------------------------


def response(session: Session, response_id: str) -> Response | None:
    return session.get(Response, response_id)


def questionnaire_responses(session: Session, round_id: str | None, form_id: str) -> list[Response]:
    """Live responses to the study's questionnaire ``form_id`` (every version) of a round
    (every round when ``round_id`` is None)."""
    stmt = (
        select(Response)
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .where(FormVersion.form_id == form_id, Response.deleted_at.is_(None))
        .order_by(Response.created_at)
    )
    if round_id is not None:
        stmt = stmt.where(Response.round_id == round_id)
    return list(session.scalars(stmt))


def responses_with_answers(session: Session, response_ids: Iterable[str]) -> set[str]:
    """Which of these responses hold at least one typed answer."""
    ids = list(response_ids)
    if not ids:
        return set()
    stmt = (
        select(Answer.response_id)
        .where(
            Answer.response_id.in_(ids),
            Answer.value.is_not(None),
            Answer.value != "",
            Answer.deleted_at.is_(None),
        )
        .group_by(Answer.response_id)
    )
    return set(session.scalars(stmt))


def answer_text(session: Session, response_id: str, path: str, field: str) -> str | None:
    """The value (``field`` 'value') or per-question note ('note') of one answer."""
    column = Answer.note if field == "note" else Answer.value
    stmt = select(column).where(
        Answer.response_id == response_id, Answer.path == path, Answer.deleted_at.is_(None)
    )
    return session.scalar(stmt)


def interview_of_response(session: Session, response_id: str) -> Interview | None:
    stmt = (
        select(Interview)
        .where(Interview.response_id == response_id, Interview.deleted_at.is_(None))
        .order_by(Interview.created_at.desc())
    )
    return session.scalars(stmt).first()


# --- quotes and coded passages --------------------------------------------------------------


def quote(session: Session, quote_id: str) -> Quote | None:
    return session.get(Quote, quote_id)


def add_quote(session: Session, **values: object) -> Quote:
    row = Quote(**values)
    session.add(row)
    session.flush()
    return row


def quote_rows(
    session: Session,
    *,
    kind: str | None = None,
    mechanism_id: str | None = None,
    response_id: str | None = None,
    interview_id: str | None = None,
    answer_path: str | None = None,
    ids: Iterable[str] | None = None,
) -> list[tuple[Quote, Mechanism, Contact | None]]:
    """Live quotes or passages with their mechanism and speaker, in reading order."""
    stmt = (
        select(Quote, Mechanism, Contact)
        .join(Mechanism, Mechanism.id == Quote.mechanism_id)
        .outerjoin(Contact, Contact.id == Quote.contact_id)
        .where(Quote.deleted_at.is_(None))
    )
    for column, value in (
        (Quote.kind, kind),
        (Quote.mechanism_id, mechanism_id),
        (Quote.response_id, response_id),
        (Quote.interview_id, interview_id),
        (Quote.answer_path, answer_path),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if ids is not None:
        stmt = stmt.where(Quote.id.in_(list(ids)))
    stmt = stmt.order_by(Mechanism.sort, Quote.answer_path, Quote.start, Quote.created_at)
    return [tuple(row) for row in session.execute(stmt)]


def passages_in(
    session: Session, *, response_id: str | None, interview_id: str | None, path: str | None,
    field: str,
) -> list[Quote]:
    """The live passages (quotes and codings) anchored in one text: an answer's value or note
    (by response and path) or an interview's free notes (by interview, field 'notes')."""
    stmt = select(Quote).where(Quote.deleted_at.is_(None), Quote.field == field)
    if field == "notes":
        stmt = stmt.where(Quote.interview_id == interview_id)
    else:
        stmt = stmt.where(Quote.response_id == response_id, Quote.answer_path == path)
    return list(session.scalars(stmt.order_by(Quote.start)))


def quotes_of_interview(session: Session, interview_id: str) -> list[Quote]:
    stmt = select(Quote).where(
        Quote.interview_id == interview_id, Quote.deleted_at.is_(None), Quote.kind == "quote"
    )
    return list(session.scalars(stmt))


# --- codebook -------------------------------------------------------------------------------


def code(session: Session, code_id: str) -> Code | None:
    return session.get(Code, code_id)


def add_code(session: Session, **values: object) -> Code:
    row = Code(**values)
    session.add(row)
    session.flush()
    return row


def code_rows(session: Session, include_deleted: bool = False) -> list[Code]:
    stmt = select(Code)
    if not include_deleted:
        stmt = stmt.where(Code.deleted_at.is_(None))
    return list(session.scalars(stmt.order_by(Code.label_en, Code.created_at)))


def code_use_counts(session: Session) -> dict[str, int]:
    """Code id -> number of live coded passages using it (code_ids is a JSON list)."""
    counts: dict[str, int] = {}
    stmt = select(Quote.code_ids).where(Quote.kind == "coding", Quote.deleted_at.is_(None))
    for text in session.scalars(stmt):
        for code_id in json.loads(text or "[]"):
            counts[code_id] = counts.get(code_id, 0) + 1
    return counts


# --- the study's progress -------------------------------------------------------------------


def live_mechanisms(
    session: Session, *, region: str | None = None, type_: str | None = None
) -> list[Mechanism]:
    stmt = select(Mechanism).where(Mechanism.deleted_at.is_(None))
    if region:
        stmt = stmt.where(Mechanism.region == region)
    if type_:
        stmt = stmt.where(Mechanism.type == type_)
    return list(session.scalars(stmt.order_by(Mechanism.sort)))


def done_reminder_mechanisms(session: Session) -> set[str]:
    stmt = select(FollowUp.mechanism_id).where(
        FollowUp.kind == "reminder", FollowUp.status == "done", FollowUp.deleted_at.is_(None)
    )
    return set(session.scalars(stmt))


def interview_states_by_mechanism(session: Session) -> dict[str, set[str]]:
    stmt = (
        select(Interview.mechanism_id, Interview.status)
        .where(Interview.deleted_at.is_(None))
        .group_by(Interview.mechanism_id, Interview.status)
    )
    result: dict[str, set[str]] = {}
    for mechanism_id, status in session.execute(stmt):
        result.setdefault(mechanism_id, set()).add(status)
    return result


def open_followup_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(FollowUp).where(
            and_(FollowUp.status == "open", FollowUp.deleted_at.is_(None))
        )
    ) or 0


# --- survey rounds ----------------------------------------------------------------------------


def survey_round(session: Session, round_id: str) -> SurveyRound | None:
    return session.get(SurveyRound, round_id)


def current_round(session: Session) -> SurveyRound | None:
    stmt = (
        select(SurveyRound)
        .where(SurveyRound.is_current.is_(True), SurveyRound.deleted_at.is_(None))
        .order_by(SurveyRound.created_at.desc())
    )
    return session.scalars(stmt).first()


def typed_answer_count(session: Session, response_id: str) -> int:
    stmt = select(func.count()).select_from(Answer).where(
        Answer.response_id == response_id,
        Answer.value.is_not(None),
        Answer.value != "",
        Answer.deleted_at.is_(None),
    )
    return session.scalar(stmt) or 0
