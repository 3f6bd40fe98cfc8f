"""Applying an import: the writes of its transaction.

Part of :mod:`mcim_desk.persistence.exchange_repo` (see its docstring)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from .. import repositories
from ..models import ExchangeConflict, FormVersion, Response, new_uuid, utcnow
from .common import (
    AUDIT_TABLE,
    _chunks,
    _db_values,
    _kind,
    _quote,
    _Raw,
    _table,
    stamp,
    table_kinds,
    to_db,
)
from .staging import SQLITE as _SQLITE
from .staging import among, staged

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
    """Insert the bundle's answers of these responses (responses new here): on SQLite with
    one INSERT ... SELECT from the attached records file, on PostgreSQL with one COPY
    straight from it (:meth:`.staging.Staged.copy_into`: these rows are all new here, no
    staging needed). ``updated_at`` becomes now, as for :func:`insert_rows`. ``every``:
    these are all the responses the bundle's answers belong to (no filter needed)."""
    if not response_ids:
        return 0
    stage = staged(session, records)
    if "answer" not in records.columns:
        return 0
    raw = stage.raw
    columns = records.columns["answer"]
    if not stage.sqlite:
        # The SELECT runs on the records file: SQLite's values and parameters.
        wanted, parts, params = _insert_select("answer", columns, stamp(now))
        where = ""
        if not every:
            where, ids = among(_SQLITE, "response_id", response_ids)
            params.append(ids)
        return stage.copy_into("answer", wanted, parts, where, params)
    source = stage.table("answer")
    wanted, parts, params = _insert_select("answer", columns, raw.param(now))
    statement = f"INSERT INTO answer ({', '.join(_quote(c) for c in wanted)}) SELECT {', '.join(parts)} FROM {source}"
    if not every:
        condition, ids = among(raw, "response_id", response_ids)
        statement += f" WHERE {condition}"
        params.append(ids)
    return raw.execute(statement, params)


def new_audit(session: Session, records: Any, held: set[str], *, write: bool, fresh: bool = False) -> int:
    """The bundle's audit rows this database lacks, but for ``held`` (rows kept with a
    conflict): counted, or appended when ``write`` (INSERT ... SELECT from the staged
    records; ON CONFLICT DO NOTHING skips the rows here already with the primary key's own
    check, no second look-up per row: the records were checked, no other constraint fails).
    ``fresh``: the preview found none of them here; on PostgreSQL they are then sent with
    one COPY straight from the records file, inside a savepoint (should one be here after
    all, the savepoint is rolled back and the staged INSERT runs instead)."""
    stage = staged(session, records)
    if AUDIT_TABLE not in records.columns:
        return 0
    raw = stage.raw
    if write and fresh and not stage.sqlite:
        names = [c for c in table_kinds(AUDIT_TABLE) if c in records.columns[AUDIT_TABLE]]
        condition, ids = among(_SQLITE, "id", held)
        raw.execute("SAVEPOINT mcim_audit_copy")
        try:
            count = stage.copy_into(AUDIT_TABLE, names, [_quote(c) for c in names], f"NOT {condition}", (ids,))
        except _unique_violation():
            raw.execute("ROLLBACK TO SAVEPOINT mcim_audit_copy")
        else:
            raw.execute("RELEASE SAVEPOINT mcim_audit_copy")
            return count
    source = stage.table(AUDIT_TABLE, None if write else ("id",))
    if source is None:
        return 0
    condition, ids = among(raw, "b.id", held)
    if not write:
        return raw.query(
            f"SELECT count(*) FROM {source} b WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = b.id) "
            f"AND NOT {condition}", (ids,),
        )[0][0]
    names_sql = ", ".join(_quote(c) for c in table_kinds(AUDIT_TABLE) if c in records.columns[AUDIT_TABLE])
    return raw.execute(
        f"INSERT INTO audit_log ({names_sql}) SELECT {names_sql} FROM {source} b WHERE NOT {condition} "
        "ON CONFLICT (id) DO NOTHING", (ids,),
    )


def _unique_violation() -> type[BaseException]:
    import psycopg.errors

    return psycopg.errors.UniqueViolation


def _insert_select(name: str, columns: Sequence[str], now_value: Any) -> tuple[list[str], list[str], list[Any]]:
    """(target columns, SELECT expressions over ``bundle.<name>``, their parameters) with the rules of
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
    return wanted, parts, params


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
