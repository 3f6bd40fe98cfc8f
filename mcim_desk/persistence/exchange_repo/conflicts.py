"""Pending conflicts and the records their resolution reads and writes.

Part of :mod:`mcim_desk.persistence.exchange_repo` (see its docstring)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    insert,
    select,
)
from sqlalchemy.orm import Session

from ..models import ExchangeConflict, Mechanism, Response, new_uuid, utcnow
from .common import _chunks, _dicts, _Raw, _select, _table, table_kinds
from .plan import rows_by_id

# --- pending conflicts ----------------------------------------------------------------------


def pending_conflicts(session: Session) -> list[ExchangeConflict]:
    stmt = (
        select(ExchangeConflict)
        .where(ExchangeConflict.resolved_at.is_(None))
        .order_by(ExchangeConflict.created_at, ExchangeConflict.table_name, ExchangeConflict.record_id,
                  ExchangeConflict.field)
    )
    return list(session.scalars(stmt))


def conflict(session: Session, conflict_id: str) -> ExchangeConflict | None:
    return session.get(ExchangeConflict, conflict_id)


def mark_resolved(session: Session, row: ExchangeConflict, resolution: str, actor: str) -> None:
    row.resolution = resolution
    row.resolved_by = actor
    row.resolved_at = utcnow()
    session.flush()


def answer_row(session: Session, response_id: str, path: str) -> dict | None:
    raw = _Raw(session)
    columns = list(table_kinds("answer"))
    rows = raw.query(_select("answer", columns) + " WHERE response_id = ? AND path = ?", [response_id, path])
    found = _dicts(columns, raw.json_rows("answer", columns, rows))
    return found[0] if found else None


def record(session: Session, name: str, record_id: str) -> dict | None:
    return rows_by_id(session, name, [record_id]).get(record_id)


def repeat_answers(session: Session, response_id: str, repeat_path: str) -> list[dict]:
    """Answers of a repeat's instances (``<repeat_path>[n]...``) in a response."""
    raw = _Raw(session)
    columns = list(table_kinds("answer"))
    rows = raw.query(_select("answer", columns) + " WHERE response_id = ?", [response_id])
    prefix = repeat_path + "["
    return [r for r in _dicts(columns, raw.json_rows("answer", columns, rows)) if r["path"].startswith(prefix)]


def insert_answer(session: Session, response_id: str, path: str, value: Any, note: Any = None) -> str:
    now = utcnow()
    answer_id = new_uuid()
    session.execute(insert(_table("answer")).values(
        id=answer_id, response_id=response_id, path=path, value=value, note=note, relevant=True,
        created_at=now, updated_at=now, revision=1,
    ))
    return answer_id


def mechanism_labels(session: Session) -> dict[str, tuple[str, str, str]]:
    """mechanism id -> (key, acronym_fr, acronym_en)."""
    return {
        mid: (key, fr, en)
        for mid, key, fr, en in session.execute(
            select(Mechanism.id, Mechanism.key, Mechanism.acronym_fr, Mechanism.acronym_en)
        )
    }


def response_mechanisms(session: Session, response_ids: Iterable[str]) -> dict[str, str]:
    result = {}
    for chunk in _chunks(sorted(set(response_ids))):
        for rid, mid in session.execute(select(Response.id, Response.mechanism_id).where(Response.id.in_(chunk))):
            result[rid] = mid
    return result
