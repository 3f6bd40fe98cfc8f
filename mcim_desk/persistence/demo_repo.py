"""Writes of the demonstration database and of the report benchmarks, each taking the
caller's session: rows the services do not create (yet) one by one, the ``fictional`` mark,
and bulk inserts of synthetic responses (Core ``executemany``, no ORM objects)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from .models import Answer, Code, FollowUp, Interview, Quote, Response, new_uuid, utcnow

_TABLES = {"response": Response, "interview": Interview, "quote": Quote, "follow_up": FollowUp}


def mark_fictional(session: Session, table: str, ids: Iterable[str]) -> None:
    """Set ``fictional`` on rows of response, interview, quote or follow_up."""
    model = _TABLES[table]
    chunk = list(ids)
    for start in range(0, len(chunk), 500):
        session.execute(
            update(model).where(model.id.in_(chunk[start : start + 500])).values(fictional=True)
        )


def mark_all_fictional(session: Session, table: str) -> None:
    """Set ``fictional`` on every row of response, interview, quote or follow_up."""
    session.execute(update(_TABLES[table]).values(fictional=True))


def _add(session: Session, model: type, values: Mapping[str, object]) -> str:
    row_id = str(values.get("id") or new_uuid())
    now = utcnow()
    session.execute(
        insert(model).values(
            {"created_at": now, "updated_at": now, "revision": 1, **values, "id": row_id}
        )
    )
    return row_id


def add_interview(session: Session, **values: object) -> str:
    return _add(session, Interview, values)


def add_code(session: Session, **values: object) -> str:
    return _add(session, Code, values)


def add_quote(session: Session, **values: object) -> str:
    return _add(session, Quote, values)


def add_followup(session: Session, **values: object) -> str:
    return _add(session, FollowUp, values)


def bulk_responses(session: Session, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert many responses at once (each mapping: id, form_version_id, mechanism_id,
    round_id, status, source, fictional)."""
    now = utcnow()
    if rows:
        session.execute(
            insert(Response),
            [{"created_at": now, "updated_at": now, "revision": 1, **row} for row in rows],
        )


def bulk_answers(session: Session, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert many answers at once (each mapping: response_id, path, value, relevant)."""
    now = utcnow()
    if rows:
        session.execute(
            insert(Answer),
            [
                {"id": new_uuid(), "created_at": now, "updated_at": now, "revision": 1, **row}
                for row in rows
            ],
        )


__all__ = [
    "add_code", "add_followup", "add_interview", "add_quote", "bulk_answers", "bulk_responses",
    "mark_fictional",
]
