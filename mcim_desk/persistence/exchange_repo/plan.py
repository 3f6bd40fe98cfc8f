"""The local side of a merge: what the import plan reads of this database.

Part of :mod:`mcim_desk.persistence.exchange_repo` (see its docstring)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from ..models import ExchangeConflict, FormVersion
from .common import _BULK, AUDIT_TABLE, _chunks, _dicts, _quote, _Raw, _select, table_kinds
from .staging import among, staged

# --- the local side of a merge --------------------------------------------------------------


def rows_by_id(session: Session, name: str, ids: Iterable[str]) -> dict[str, dict]:
    """Rows of ``name`` with these ids, as JSON values, by id."""
    wanted = set(ids)
    if not wanted:
        return {}
    raw = _Raw(session)
    columns = list(table_kinds(name))
    rows: list[Any] = []
    if len(wanted) > _BULK:
        rows = [r for r in raw.query(_select(name, columns)) if r[0] in wanted]
    else:
        for chunk in _chunks(sorted(wanted)):
            rows += raw.query(_select(name, columns) + f" WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    return {row["id"]: row for row in _dicts(columns, raw.json_rows(name, columns, rows))}


def answers_of(session: Session, response_ids: Iterable[str]) -> dict[str, list[dict]]:
    """Every answer (as JSON values) of these responses, by response; a response with no
    answer maps to an empty list."""
    wanted = set(response_ids)
    result: dict[str, list[dict]] = {rid: [] for rid in wanted}
    if not wanted:
        return result
    raw = _Raw(session)
    columns = list(table_kinds("answer"))
    at = columns.index("response_id")
    rows: list[Any] = []
    if len(wanted) > _BULK:
        rows = [r for r in raw.query(_select("answer", columns)) if r[at] in wanted]
    else:
        for chunk in _chunks(sorted(wanted)):
            where = f" WHERE response_id IN ({', '.join('?' * len(chunk))})"
            rows += raw.query(_select("answer", columns) + where, chunk)
    for row in _dicts(columns, raw.json_rows("answer", columns, rows)):
        result[row["response_id"]].append(row)
    return result


def existing_ids(session: Session, name: str, ids: Iterable[str]) -> set[str]:
    wanted = set(ids)
    if not wanted:
        return set()
    raw = _Raw(session)
    if len(wanted) > _BULK:
        return {r[0] for r in raw.query(f"SELECT id FROM {name}")} & wanted
    found: set[str] = set()
    for chunk in _chunks(sorted(wanted)):
        found |= {r[0] for r in raw.query(f"SELECT id FROM {name} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    return found


def round_ids_by_name(session: Session) -> dict[str, str]:
    """Survey round name -> id (the oldest of each name)."""
    raw = _Raw(session)
    rows = raw.query("SELECT name, id FROM survey_round ORDER BY created_at DESC")
    return {name: rid for name, rid in rows}


def audit_rows_of(session: Session, keys: Iterable[tuple[str, str]]) -> list[dict]:
    """Audit rows (JSON values) of these (entity, entity id) pairs."""
    by_entity: dict[str, set[str]] = defaultdict(set)
    for entity, entity_id in keys:
        by_entity[entity].add(entity_id)
    raw = _Raw(session)
    columns = list(table_kinds(AUDIT_TABLE))
    found: list[dict] = []
    for entity, ids in by_entity.items():
        for chunk in _chunks(sorted(ids)):
            where = f" WHERE entity = ? AND entity_id IN ({', '.join('?' * len(chunk))})"
            rows = raw.query(_select(AUDIT_TABLE, columns) + where, [entity, *chunk])
            found += _dicts(columns, raw.json_rows(AUDIT_TABLE, columns, rows))
    return found


def pending_conflict_values(session: Session) -> dict[str, list[Any]]:
    """Unresolved conflicts: "table|record|field" -> the values the bundles offered."""
    result: dict[str, list[Any]] = defaultdict(list)
    stmt = select(
        ExchangeConflict.table_name, ExchangeConflict.record_id, ExchangeConflict.field,
        ExchangeConflict.theirs_value,
    ).where(ExchangeConflict.resolved_at.is_(None))
    for table_name, record_id, field_name, theirs in session.execute(stmt):
        result[f"{table_name}|{record_id}|{field_name}"].append(json.loads(theirs) if theirs else None)
    return dict(result)


def form_version_ids_by_version(session: Session) -> dict[tuple[str, str], str]:
    return {(f, v): i for i, f, v in session.execute(select(FormVersion.id, FormVersion.form_id, FormVersion.version))}



def answers_differing(session: Session, records: Any, response_ids: set[str]) -> set[str]:
    """Of these responses (held here and in the bundle), those whose answers differ
    between the two (path, value, note or tombstone): two EXCEPTs between the staged
    records (:mod:`.staging`) and this database, the same SQL on both backends."""
    if not response_ids:
        return set()
    if "answer" not in records.columns:
        return set()
    columns = records.columns["answer"]
    wanted = ("response_id", "path", "value", "note", "deleted_at")
    stage = staged(session, records)
    source = stage.table("answer", tuple(c for c in wanted if c in columns))
    raw = stage.raw
    theirs = ", ".join(_quote(c) if c in columns else "NULL" for c in wanted)
    mine = ", ".join(_quote(c) for c in wanted)
    condition, ids = among(raw, "response_id", response_ids)
    rows = raw.query(
        f"SELECT response_id FROM (SELECT {theirs} FROM {source} WHERE {condition} "
        f"EXCEPT SELECT {mine} FROM answer WHERE {condition}) AS t "
        f"UNION SELECT response_id FROM (SELECT {mine} FROM answer WHERE {condition} "
        f"EXCEPT SELECT {theirs} FROM {source} WHERE {condition}) AS m",
        (ids, ids, ids, ids),
    )
    return {r[0] for r in rows}
