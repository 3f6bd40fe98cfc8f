"""Writing a bundle: the rows to send, the forms they need, the destination's watermark.

Part of :mod:`mcim_desk.persistence.exchange_repo` (see its docstring)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from .. import repositories
from ..models import utcnow
from .common import (
    AUDIT_TABLE,
    SERVER_MARGIN,
    TRACKED_TABLES,
    WATERMARK_PREFIX,
    _chunks,
    _dicts,
    _quote,
    _Raw,
    _select,
    stamp,
    table_kinds,
)

# --- export ---------------------------------------------------------------------------------


def lock_for_export(session: Session) -> datetime:
    """Make the moment of the export exact: no write is in flight while it reads. SQLite's
    write transaction (BEGIN IMMEDIATE) already excludes writers; on PostgreSQL the tables
    are locked in SHARE mode. Returns the watermark to store for the next export."""
    raw = _Raw(session)
    if raw.dialect == "postgresql":
        cursor = raw.dbapi.cursor()
        cursor.execute(f"LOCK TABLE {', '.join((*TRACKED_TABLES, AUDIT_TABLE))} IN SHARE MODE")
        cursor.close()
        return utcnow() - SERVER_MARGIN
    return utcnow()


def write_records(session: Session, target: Path, since: datetime | None,
                  source: Path | None) -> dict[str, int]:
    """Fill a new records file (:mod:`.bundle_records`) with what a bundle sends:
    the rows changed since ``since`` (all when None) of every tracked table, every answer of
    each response sent, and the audit rows written or received since plus the whole history
    of every record sent. Returns the row count of each table.

    On SQLite (``source``: the database file) the records file attaches the database and
    copies with INSERT ... SELECT; the caller's write transaction keeps writers out, so what
    it reads is what the session sees. On a server the rows come through the session."""
    from .. import bundle_records as records

    raw = _Raw(session)
    tables = {name: list(table_kinds(name)) for name in (*TRACKED_TABLES, AUDIT_TABLE)}
    conn = records.create(target, tables)
    try:
        if raw.dialect == "sqlite" and source is not None:
            return _copy_to_records(conn, source, tables, stamp(since) if since else None)
        counts = dict.fromkeys(tables, 0)
        conn.execute("BEGIN")
        for name, (columns, rows) in export_rows(session, since).items():
            conn.executemany(
                f"INSERT INTO {name} ({', '.join(_quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                rows,
            )
            counts[name] = len(rows)
        conn.execute("COMMIT")
        return counts
    finally:
        conn.close()


def _copy_to_records(conn: Any, source: Path, tables: Mapping[str, list[str]], since: str | None) -> dict[str, int]:
    """The SQLite side of :func:`write_records`: everything in SQL, nothing through Python.
    Returns the rows copied per table (as the INSERTs counted them: no second scan)."""
    counts = dict.fromkeys(tables, 0)
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    try:
        conn.execute("BEGIN")
        params = {"since": since}

        def copy(name: str, where: str, order: str) -> None:
            columns = ", ".join(_quote(c) for c in tables[name])
            counts[name] = conn.execute(
                f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM src.{name}{where} ORDER BY {order}",
                params,
            ).rowcount

        changed = " WHERE updated_at >= :since" if since else ""
        for name in TRACKED_TABLES:
            if name == "answer":
                continue
            where = changed
            if name == "response" and since:
                where += " OR id IN (SELECT response_id FROM src.answer WHERE updated_at >= :since)"
            copy(name, where, "id")
        copy("answer", " WHERE response_id IN (SELECT id FROM main.response)" if since else "",
             "response_id, path")
        if since:
            sent = " UNION ALL ".join(
                f"SELECT '{name}' || char(31) || id FROM main.{name}" for name in TRACKED_TABLES if name != "answer"
            ) + " UNION ALL SELECT 'answer' || char(31) || id FROM main.response"
            where = f" WHERE at >= :since OR entity || char(31) || entity_id IN ({sent})"
        else:
            where = ""
        copy(AUDIT_TABLE, where, "entity, entity_id, at")
        conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE src")
    return counts


def export_rows(session: Session, since: datetime | None) -> dict[str, tuple[list[str], list[Any]]]:
    """Rows changed since ``since`` (all when None) of every tracked table, as JSON values
    (table -> (columns, rows)), and under ``audit_log`` the audit rows to send (see
    :func:`write_records`, which uses this on a server)."""
    raw = _Raw(session)
    result: dict[str, tuple[list[str], list[Any]]] = {}

    def fetch(name: str, where: str = "", params: Sequence[Any] = ()) -> list[Any]:
        columns = list(table_kinds(name))
        rows = raw.query(_select(name, columns) + where, params)
        return raw.json_rows(name, columns, rows)

    moment = [raw.param(since)] if since is not None else []
    for name in TRACKED_TABLES:
        if name != "answer":
            rows = fetch(name, " WHERE updated_at >= ?" if since else "", moment)
            result[name] = (list(table_kinds(name)), rows)
    answer_columns = list(table_kinds("answer"))
    response_columns = list(table_kinds("response"))
    if since is None:
        result["answer"] = (answer_columns, fetch("answer", " ORDER BY response_id, path"))
    else:
        touched = {r[0] for r in raw.query("SELECT DISTINCT response_id FROM answer WHERE updated_at >= ?", moment)}
        sent = result["response"][1]
        have = {r[0] for r in sent}
        extra = sorted(touched - have)
        for chunk in _chunks(extra):
            sent += fetch("response", f" WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        answers: list[Any] = []
        for chunk in _chunks(sorted(have | touched)):
            answers += fetch("answer", f" WHERE response_id IN ({', '.join('?' * len(chunk))})", chunk)
        result["answer"] = (answer_columns, answers)
        result["response"] = (response_columns, sent)
    audit_columns = list(table_kinds(AUDIT_TABLE))
    if since is None:
        audit = fetch(AUDIT_TABLE, " ORDER BY at, id")
    else:
        found: dict[str, Any] = {r[0]: r for r in fetch(AUDIT_TABLE, " WHERE at >= ?", moment)}
        wanted: dict[str, set[str]] = defaultdict(set)
        for name in TRACKED_TABLES:
            if name != "answer":
                wanted[name] |= {r[0] for r in result[name][1]}
        wanted["answer"] |= {r[0] for r in result["response"][1]}
        for entity, ids in wanted.items():
            for chunk in _chunks(sorted(ids)):
                where = f" WHERE entity = ? AND entity_id IN ({', '.join('?' * len(chunk))})"
                for row in fetch(AUDIT_TABLE, where, [entity, *chunk]):
                    found[row[0]] = row
        audit = sorted(found.values(), key=lambda r: (r[1], r[0]))
    result[AUDIT_TABLE] = (audit_columns, audit)
    return result


def forms_of(session: Session, form_version_ids: Iterable[str]) -> dict[str, list[dict]]:
    """The form and form_version rows the given versions need (definitions included)."""
    raw = _Raw(session)
    ids = sorted(set(form_version_ids))
    version_columns = list(table_kinds("form_version"))
    versions: list[dict] = []
    for chunk in _chunks(ids):
        rows = raw.query(_select("form_version", version_columns) + f" WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        versions += _dicts(version_columns, raw.json_rows("form_version", version_columns, rows))
    form_ids = sorted({v["form_id"] for v in versions})
    form_columns = list(table_kinds("form"))
    forms: list[dict] = []
    if form_ids:
        rows = raw.query(_select("form", form_columns) + f" WHERE id IN ({', '.join('?' * len(form_ids))})", form_ids)
        forms = _dicts(form_columns, raw.json_rows("form", form_columns, rows))
    return {"forms": forms, "form_versions": versions}


def watermark(session: Session, destination_key: str) -> dict[str, Any] | None:
    value = repositories.get_setting(session, WATERMARK_PREFIX + destination_key)
    return json.loads(value) if value else None


def set_watermark(session: Session, destination_key: str, state: Mapping[str, Any]) -> None:
    repositories.set_setting(session, WATERMARK_PREFIX + destination_key, json.dumps(dict(state)))


def installation_id(session: Session) -> str:
    return repositories.installation_id(session)


def fingerprint(session: Session) -> tuple:
    """Changes whenever a row a merge reads changes (count, newest update and sum of
    revisions per table; audit rows, conflicts and forms counted): an import reuses its
    preview's merge only while this stays the same."""
    raw = _Raw(session)
    parts: list[Any] = []
    for name in TRACKED_TABLES:
        parts.append(raw.query(f"SELECT count(*), max(updated_at), sum(revision) FROM {name}")[0])
    for name in (AUDIT_TABLE, "exchange_conflict", "form_version"):
        parts.append(raw.query(f"SELECT count(*) FROM {name}")[0])
    parts.append(raw.query("SELECT count(*) FROM exchange_conflict WHERE resolved_at IS NULL")[0])
    return tuple(tuple(str(v) for v in p) for p in parts)
