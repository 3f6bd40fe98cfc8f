"""Queries and writes of the data exchange (bundles, spreadsheets), each taking the caller's
session (the service owns the transaction).

Rows travel as JSON values: datetimes as ``YYYY-MM-DD HH:MM:SS.ffffff`` (the text SQLite
stores, so that a laptop's rows go out and in without being parsed), dates as ISO text,
booleans as booleans. Bulk reads and writes go through the driver's own cursor inside the
session's transaction: an import of ten thousand responses writes half a million rows, and
SQLAlchemy's per-row processing would cost more than the rest of the import.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from . import repositories
from .models import Base, ExchangeConflict, FormVersion, Mechanism, Response, new_uuid, utcnow

TRACKED_TABLES = (
    "survey_round", "mechanism", "contact", "code", "response", "answer", "interview", "quote",
    "follow_up",
)
AUDIT_TABLE = "audit_log"
WATERMARK_PREFIX = "exchange.watermark:"
# On a server several machines write with their own clocks: re-send a margin (imports are
# idempotent, so re-sent rows cost time, never data).
SERVER_MARGIN = timedelta(minutes=10)
_BATCH = 500
_BULK = 3000  # above this many ids, read the whole table rather than IN (...) batches


def _table(name: str):  # noqa: ANN202 - a sqlalchemy Table
    return Base.metadata.tables[name]


def _kind(column) -> str:  # noqa: ANN001 - a sqlalchemy Column
    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float | Numeric):
        return "float"
    return "str"


@cache
def table_kinds(name: str) -> dict[str, str]:
    return {c.name: _kind(c) for c in _table(name).columns}


@cache
def column_kinds() -> dict[str, dict[str, str]]:
    """table -> column -> kind ('str', 'int', 'bool', 'float', 'datetime', 'date') of every
    table a bundle carries (in the models' column order)."""
    return {name: table_kinds(name) for name in (*TRACKED_TABLES, AUDIT_TABLE)}


@cache
def foreign_keys() -> dict[str, dict[str, str]]:
    """table -> column -> referenced table, for the tables a bundle carries."""
    result: dict[str, dict[str, str]] = {}
    for name in TRACKED_TABLES:
        refs = {}
        for column in _table(name).columns:
            for fk in column.foreign_keys:
                refs[column.name] = fk.column.table.name
        result[name] = refs
    return result


# --- JSON values <-> database values --------------------------------------------------------


def stamp(moment: datetime) -> str:
    """A datetime as it travels (and as SQLite stores it): always four digits of year and
    six of microseconds (strftime's %Y gives "1" for the year 1 on Linux)."""
    return moment.isoformat(sep=" ", timespec="microseconds")


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return stamp(value.replace(tzinfo=None) if value.tzinfo else value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_db(kind: str, value: Any) -> Any:
    """A JSON value as SQLAlchemy's typed statements want it."""
    if value is None:
        return None
    if kind == "datetime":
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
        return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
    if kind == "date":
        return date.fromisoformat(value) if isinstance(value, str) else value
    return value


def _db_values(name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    kinds = table_kinds(name)
    return {k: to_db(kinds[k], v) for k, v in row.items() if k in kinds}


class _Raw:
    """The driver's cursor inside the session's transaction, with the driver's placeholder
    and the conversions that make its values JSON values."""

    def __init__(self, session: Session) -> None:
        connection = session.connection()  # begins the transaction (BEGIN IMMEDIATE on SQLite)
        self.dialect = connection.dialect.name
        self.dbapi = connection.connection.driver_connection
        self.mark = "?" if self.dialect == "sqlite" else "%s"

    def sql(self, statement: str) -> str:
        return statement.replace("?", self.mark) if self.mark != "?" else statement

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        cursor = self.dbapi.cursor()
        try:
            cursor.execute(self.sql(statement), tuple(params))
            return cursor.fetchall()
        finally:
            cursor.close()

    def many(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        cursor = self.dbapi.cursor()
        try:
            cursor.executemany(self.sql(statement), rows)
        finally:
            cursor.close()

    def param(self, moment: datetime) -> Any:
        return stamp(moment) if self.dialect == "sqlite" else moment

    def json_rows(self, name: str, columns: Sequence[str], rows: list[tuple]) -> list[Any]:
        """Rows as JSON values: booleans on SQLite, datetimes and dates on a server."""
        kinds = table_kinds(name)
        if self.dialect == "sqlite":
            fix = [i for i, c in enumerate(columns) if kinds[c] == "bool"]
            if not fix:
                return rows
            out = []
            for row in rows:
                row = list(row)
                for i in fix:
                    if row[i] is not None:
                        row[i] = bool(row[i])
                out.append(row)
            return out
        fix = [i for i, c in enumerate(columns) if kinds[c] in ("datetime", "date")]
        if not fix:
            return rows
        out = []
        for row in rows:
            row = list(row)
            for i in fix:
                row[i] = to_json(row[i])
            out.append(row)
        return out


def _select(name: str, columns: Sequence[str]) -> str:
    return f"SELECT {', '.join(_quote(c) for c in columns)} FROM {name}"


def _quote(column: str) -> str:
    return '"' + column + '"'


def _chunks(ids: list[str], size: int = _BATCH) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _dicts(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


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
    from . import bundle_records as records

    raw = _Raw(session)
    tables = {name: list(table_kinds(name)) for name in (*TRACKED_TABLES, AUDIT_TABLE)}
    conn = records.create(target, tables)
    try:
        if raw.dialect == "sqlite" and source is not None:
            _copy_to_records(conn, source, tables, stamp(since) if since else None)
        else:
            conn.execute("BEGIN")
            for name, (columns, rows) in export_rows(session, since).items():
                conn.executemany(
                    f"INSERT INTO {name} ({', '.join(_quote(c) for c in columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    rows,
                )
            conn.execute("COMMIT")
        return {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in tables}
    finally:
        conn.close()


def _copy_to_records(conn: Any, source: Path, tables: Mapping[str, list[str]], since: str | None) -> None:
    """The SQLite side of :func:`write_records`: everything in SQL, nothing through Python."""
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    try:
        conn.execute("BEGIN")
        params = {"since": since}

        def copy(name: str, where: str, order: str) -> None:
            columns = ", ".join(_quote(c) for c in tables[name])
            conn.execute(
                f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM src.{name}{where} ORDER BY {order}",
                params,
            )

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


# --- applying an import ---------------------------------------------------------------------


def insert_forms(session: Session, forms: list[dict], versions: list[dict]) -> None:
    """Add the forms and form versions a bundle needs and this database lacks."""
    have_forms = set(session.scalars(select(_table("form").c.id)))
    for row in forms:
        if row["id"] not in have_forms:
            session.execute(insert(_table("form")).values(**_db_values("form", row)))
            have_forms.add(row["id"])
    have_versions = set(session.scalars(select(FormVersion.id)))
    for row in versions:
        if row["id"] not in have_versions:
            session.execute(insert(_table("form_version")).values(**_db_values("form_version", row)))


@cache
def _defaults(name: str) -> dict[str, Any]:
    """Python-side scalar defaults of a table's columns (for rows from older bundles)."""
    result = {}
    for column in _table(name).columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            result[column.name] = default.arg
        elif column.server_default is not None and _kind(column) == "bool":
            result[column.name] = True
    return result


def insert_rows(session: Session, name: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                now: datetime) -> None:
    """Insert records from a bundle (rows in ``columns`` order, JSON values). ``updated_at``
    becomes now (they changed here, and travel on with the next --since-last bundle); a
    missing id is made; columns the bundle lacks get the model's defaults."""
    if not rows:
        return
    raw = _Raw(session)
    kinds = table_kinds(name)
    defaults = _defaults(name)
    wanted = [c for c in kinds if c in columns or c in defaults or c in ("id", "created_at",
                                                                         "updated_at", "revision")]
    now_value = raw.param(now)
    on_server = raw.dialect != "sqlite"
    # Column by column (C-speed list operations), then back into rows.
    by_column = list(zip(*rows, strict=True))
    values: list[Sequence[Any]] = []
    for column in wanted:
        if column == "updated_at":
            values.append([now_value] * len(rows))
            continue
        at = columns.index(column) if column in columns else None
        column_values: list[Any] = list(by_column[at]) if at is not None else [defaults.get(column)] * len(rows)
        if None in column_values:
            fill = {"id": None, "created_at": now_value, "revision": 1}
            if column == "id":
                column_values = [v if v is not None else new_uuid() for v in column_values]
            elif column in fill:
                column_values = [v if v is not None else fill[column] for v in column_values]
        if on_server and kinds[column] in ("datetime", "date"):
            column_values = [to_db(kinds[column], v) for v in column_values]
        values.append(column_values)
    prepared = list(zip(*values, strict=True))
    # In the order of the table's busiest index, so that its B-tree fills page by page
    # (twice as fast as random order for ten thousand responses' answers).
    order = [wanted.index(c) for c in INSERT_ORDER.get(name, ("id",)) if c in wanted]
    _sort(prepared, order)
    statement = (
        f"INSERT INTO {name} ({', '.join(_quote(c) for c in wanted)}) "
        f"VALUES ({', '.join('?' * len(wanted))})"
    )
    raw.many(statement, prepared)


def copy_answers(session: Session, records: Any, response_ids: set[str], now: datetime,
                 every: bool = False) -> int:
    """Insert the bundle's answers of these responses (responses new here), straight from
    its records file: attached as ``bundle`` on SQLite (INSERT ... SELECT), read through
    Python on a server. ``updated_at`` becomes now, as for :func:`insert_rows`. ``every``:
    these are all the responses the bundle's answers belong to (no filter needed)."""
    if not response_ids:
        return 0
    raw = _Raw(session)
    columns = records.columns.get("answer", [])
    if raw.dialect != "sqlite":
        rows = records.rows_where_in("answer", "response_id", response_ids)
        insert_rows(session, "answer", columns, rows, now)
        return len(rows)
    import json as _json

    wanted, select, params = _insert_select("answer", columns, raw.param(now))
    cursor = raw.dbapi.cursor()
    try:
        statement = f"INSERT INTO main.answer ({', '.join(_quote(c) for c in wanted)}) SELECT {select} FROM bundle.answer"
        if every:
            cursor.execute(statement, params)
        else:
            cursor.execute(statement + " WHERE response_id IN (SELECT value FROM json_each(?))",
                           (*params, _json.dumps(sorted(response_ids))))
        return cursor.rowcount
    finally:
        cursor.close()


def new_audit(session: Session, records: Any, held: set[str], *, write: bool) -> int:
    """The bundle's audit rows this database lacks, but for ``held`` (rows kept with a
    conflict): counted, or appended when ``write``. SQL over the attached records file on
    SQLite; through Python on a server."""
    import json as _json

    if AUDIT_TABLE not in records.columns:
        return 0
    raw = _Raw(session)
    columns = records.columns[AUDIT_TABLE]
    if raw.dialect != "sqlite":
        ids = records.distinct(AUDIT_TABLE, "id")
        fresh = ids - existing_ids(session, AUDIT_TABLE, ids) - held
        if write:
            append_audit_rows(session, columns, records.rows_where_in(AUDIT_TABLE, "id", fresh))
        return len(fresh)
    held_ids = _json.dumps(sorted(held))
    if not write:
        return raw.query(
            "SELECT count(*) FROM bundle.audit_log WHERE id NOT IN (SELECT id FROM main.audit_log) "
            "AND id NOT IN (SELECT value FROM json_each(?))", (held_ids,),
        )[0][0]
    wanted = [c for c in table_kinds(AUDIT_TABLE) if c in columns]
    names = ", ".join(_quote(c) for c in wanted)
    cursor = raw.dbapi.cursor()
    try:
        # OR IGNORE skips the rows whose id is here already: the primary key's own check,
        # no second look-up per row. (The records were checked: no other constraint fails.)
        cursor.execute(
            f"INSERT OR IGNORE INTO main.audit_log ({names}) SELECT {names} FROM bundle.audit_log "
            "WHERE id NOT IN (SELECT value FROM json_each(?))", (held_ids,),
        )
        return cursor.rowcount
    finally:
        cursor.close()


def answers_differing(session: Session, records: Any, response_ids: set[str]) -> set[str] | None:
    """Of these responses (held here and in the bundle), those whose answers differ
    between the two (path, value, note or tombstone), by two EXCEPTs over the attached
    records file on SQLite; None on a server (the merge then compares them all)."""
    raw = _Raw(session)
    if raw.dialect != "sqlite" or not response_ids:
        return None
    import json as _json

    columns = records.columns.get("answer", [])
    wanted = ("response_id", "path", "value", "note", "deleted_at")
    theirs = ", ".join(_quote(c) if c in columns else "NULL" for c in wanted)
    mine = ", ".join(_quote(c) for c in wanted)
    among = "WHERE response_id IN (SELECT value FROM json_each(:ids))"
    rows = raw.dbapi.execute(
        f"SELECT response_id FROM (SELECT {theirs} FROM bundle.answer {among} "
        f"EXCEPT SELECT {mine} FROM main.answer {among}) "
        f"UNION SELECT response_id FROM (SELECT {mine} FROM main.answer {among} "
        f"EXCEPT SELECT {theirs} FROM bundle.answer {among})",
        {"ids": _json.dumps(sorted(response_ids))},
    ).fetchall()
    return {r[0] for r in rows}


def _insert_select(name: str, columns: Sequence[str], now_value: Any) -> tuple[list[str], str, list[Any]]:
    """(target columns, SELECT list over ``bundle.<name>``, its parameters) with the rules of
    :func:`insert_rows`: updated_at now, created_at and revision filled when NULL, columns
    the bundle lacks from the model's defaults."""
    kinds = table_kinds(name)
    defaults = _defaults(name)
    wanted = [c for c in kinds if c in columns or c in defaults or c in ("created_at", "updated_at", "revision")]
    parts: list[str] = []
    params: list[Any] = []
    for column in wanted:
        if column == "updated_at":
            parts.append("?")
            params.append(now_value)
        elif column not in columns:
            parts.append("?")
            params.append(now_value if column == "created_at" else defaults.get(column, 1 if column == "revision" else None))
        elif column == "created_at":
            parts.append(f"coalesce({_quote(column)}, ?)")
            params.append(now_value)
        elif column == "revision":
            parts.append(f"coalesce({_quote(column)}, 1)")
        else:
            parts.append(_quote(column))
    return wanted, ", ".join(parts), params


def _sort(rows: list[Sequence[Any]], order: list[int]) -> None:
    """Sort rows by some columns (in C when none of them is NULL)."""
    from operator import itemgetter

    try:
        rows.sort(key=itemgetter(*order))
    except TypeError:  # a NULL among them
        rows.sort(key=lambda row: tuple("" if row[i] is None else str(row[i]) for i in order))


INSERT_ORDER = {"answer": ("response_id", "path"), AUDIT_TABLE: ("entity", "entity_id", "at")}


def bulk_mode(session: Session, on: bool) -> None:
    """A larger page cache for the write transaction of a big import (SQLite), and back."""
    raw = _Raw(session)
    if raw.dialect == "sqlite":
        raw.query(f"PRAGMA cache_size = {-262144 if on else -2000}")


def update_rows(session: Session, name: str, changes: Mapping[str, Mapping[str, Any]], now: datetime) -> None:
    """Set some columns of some records (by id), bumping revision and updated_at, so that a
    window holding the old revision is told its copy is stale."""
    table = _table(name)
    for record_id, values in changes.items():
        session.execute(
            update(table)
            .where(table.c.id == record_id)
            .values(updated_at=now, revision=table.c.revision + 1, **_db_values(name, values))
        )


def delete_answers(session: Session, answer_ids: list[str]) -> None:
    """Answers of a repeat replaced whole (repeats are stored without tombstones)."""
    raw = _Raw(session)
    for chunk in _chunks(answer_ids):
        cursor = raw.dbapi.cursor()
        cursor.execute(raw.sql(f"DELETE FROM answer WHERE id IN ({', '.join('?' * len(chunk))})"), chunk)
        cursor.close()


def append_audit_rows(session: Session, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Audit rows from elsewhere, appended as they are (same UUID, actor and time)."""
    if not rows:
        return
    raw = _Raw(session)
    kinds = table_kinds(AUDIT_TABLE)
    wanted = [c for c in kinds if c in columns]
    source = [columns.index(c) for c in wanted]
    convert = [raw.dialect != "sqlite" and kinds[c] == "datetime" for c in wanted]
    if source == list(range(len(columns))) and not any(convert):
        prepared: list[Sequence[Any]] = list(rows)
    else:
        prepared = [
            [to_db(kinds[c], row[at]) if needs else row[at] for c, at, needs in zip(wanted, source, convert, strict=True)]
            for row in rows
        ]
    order = [wanted.index(c) for c in INSERT_ORDER[AUDIT_TABLE] if c in wanted]
    _sort(prepared, order)
    statement = (
        f"INSERT INTO {AUDIT_TABLE} ({', '.join(_quote(c) for c in wanted)}) "
        f"VALUES ({', '.join('?' * len(wanted))})"
    )
    raw.many(statement, prepared)


def append_audit_dicts(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        columns = list(table_kinds(AUDIT_TABLE))
        append_audit_rows(session, columns, [[r.get(c) for c in columns] for r in rows])


def response_facts(session: Session, response_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """response id -> (form_version_id, status)."""
    result = {}
    for chunk in _chunks(sorted(set(response_ids))):
        stmt = select(Response.id, Response.form_version_id, Response.status).where(Response.id.in_(chunk))
        for rid, fv, status in session.execute(stmt):
            result[rid] = (fv, status)
    return result


def answer_rows(session: Session, response_id: str) -> list[tuple[str, str, str | None, bool]]:
    return list(repositories.answer_rows(session, response_id))


def set_relevance(session: Session, changes: list[tuple[str, bool]]) -> None:
    repositories.set_answers_relevance(session, changes)


def set_response_status(session: Session, response_id: str, status: str) -> None:
    session.execute(
        update(Response).where(Response.id == response_id).values(
            status=status, updated_at=utcnow(), revision=Response.revision + 1
        )
    )


def append_audit(session: Session, **values: Any) -> None:
    repositories.append_audit(session, **values)


def add_conflicts(session: Session, conflicts: list[Mapping[str, Any]]) -> None:
    for values in conflicts:
        session.add(ExchangeConflict(**values))
    session.flush()


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


# --- spreadsheets ---------------------------------------------------------------------------


def spreadsheet_data(session: Session) -> tuple[list[dict], list[dict], dict[str, list[tuple[str, str | None, bool]]]]:
    """What a spreadsheet export needs: live responses (with their form id, mechanism and
    round names), the forms, and every live answer (path, value, relevant) by response."""
    stmt = text(
        "SELECT r.id, r.form_version_id, fv.form_id, r.mechanism_id, m.key, m.acronym_fr, "
        "m.acronym_en, r.round_id, sr.name, r.status, r.source, r.created_at, r.updated_at "
        "FROM response r JOIN form_version fv ON fv.id = r.form_version_id "
        "JOIN mechanism m ON m.id = r.mechanism_id "
        "LEFT JOIN survey_round sr ON sr.id = r.round_id "
        "WHERE r.deleted_at IS NULL ORDER BY fv.form_id, m.sort, r.created_at, r.id"
    )
    columns = ["id", "form_version_id", "form_id", "mechanism_id", "mechanism_key", "acronym_fr",
               "acronym_en", "round_id", "round", "status", "source", "created_at", "updated_at"]
    responses = [dict(zip(columns, row, strict=True)) for row in session.execute(stmt)]
    for row in responses:
        for key in ("created_at", "updated_at"):
            if isinstance(row[key], str):
                row[key] = datetime.fromisoformat(row[key])
    raw = _Raw(session)
    answers: dict[str, list[tuple[str, str | None, bool]]] = defaultdict(list)
    for rid, path, value, relevant in raw.query(
        "SELECT response_id, path, value, relevant FROM answer WHERE deleted_at IS NULL"
    ):
        answers[rid].append((path, value, bool(relevant)))
    forms = [{"id": fid} for (fid,) in raw.query("SELECT id FROM form ORDER BY id")]
    return responses, forms, answers


__all__ = [
    "AUDIT_TABLE", "TRACKED_TABLES", "answers_of", "append_audit_dicts", "append_audit_rows",
    "answers_differing", "audit_rows_of", "column_kinds", "copy_answers", "existing_ids", "new_audit", "export_rows", "fingerprint", "foreign_keys",
    "forms_of", "insert_forms", "insert_rows", "lock_for_export", "pending_conflict_values",
    "pending_conflicts", "round_ids_by_name", "rows_by_id", "set_watermark", "spreadsheet_data",
    "stamp", "to_db", "to_json", "update_rows", "watermark", "write_records",
]
