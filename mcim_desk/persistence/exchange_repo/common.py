"""Shared pieces of the exchange repository: the tables a bundle carries, their column kinds, JSON values <-> database values, and the driver's cursor inside the session's transaction.

Part of :mod:`mcim_desk.persistence.exchange_repo` (see its docstring)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
)
from sqlalchemy.orm import Session

from ..models import Base

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

    def execute(self, statement: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns its row count."""
        cursor = self.dbapi.cursor()
        try:
            cursor.execute(self.sql(statement), tuple(params))
            return cursor.rowcount
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
