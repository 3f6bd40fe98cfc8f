"""The bundle's big tables (answers, audit rows) where SQL can join them with the database's:
one approach on both backends, the dialect differences kept here.

* SQLite: the records file is attached to the unit of work as schema ``bundle``
  (:meth:`Database.write`/``read`` with ``attach``); ``bundle.answer`` is read in place.
* PostgreSQL: the table is loaded on first use into a TEMP table of the same column types
  (``pg_temp.bundle_answer``, dropped at the end of the transaction) with ``COPY``, straight
  from the records file's rows (no Python objects per value beyond the driver's).

Rows known to be new here (the answers of responses new here; the audit rows when none of
the bundle's is here) skip the staging on PostgreSQL: :meth:`Staged.copy_into` sends them
with ``COPY`` straight into their table, in the same transaction (psycopg's ``write_row``
of the rows SQLite reads: for 240,000 answers 1.7-2.0 s, against 2.6-3.4 s for text lines
of the COPY format built by SQLite's ``replace`` and written in blocks).

The merge's set operations (identical answers skipped with ``EXCEPT``, new answers and audit
rows written with ``INSERT ... SELECT``, audit rows already here skipped with ``ON CONFLICT
DO NOTHING``) are then the same SQL text on both backends; :func:`among` gives the one other
difference, a list of ids as a parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from .common import _quote, _Raw

_KEY = "mcim_bundle_staged"


class Staged:
    """The staged tables of one records file inside one transaction."""

    def __init__(self, session: Session, records: Any) -> None:
        self.raw = _Raw(session)
        self.records = records
        self.loaded: dict[str, str] = {}

    @property
    def sqlite(self) -> bool:
        return self.raw.dialect == "sqlite"

    def table(self, name: str, columns: tuple[str, ...] | None = None) -> str | None:
        """The SQL name of the bundle's ``name`` table (loaded now if need be), or None when
        the bundle does not hold it. ``columns``: only these are needed (on a server a
        narrower table is loaded, unless the whole one is already)."""
        if name not in self.records.columns:
            return None
        if self.sqlite:
            return f"bundle.{name}"
        if name in self.loaded:
            return self.loaded[name]
        if columns is None:
            self.loaded[name] = self._copy(name, self.records.columns[name], f"bundle_{name}")
            return self.loaded[name]
        key = f"{name}:{','.join(columns)}"
        if key not in self.loaded:
            self.loaded[key] = self._copy(name, list(columns), f"bundle_{name}_{len(self.loaded)}")
        return self.loaded[key]

    def copy_into(self, target: str, columns: Sequence[str], expressions: Sequence[str], where: str = "",
                  params: Sequence[Any] = ()) -> int:
        """PostgreSQL: ``COPY`` into the table ``target`` (``columns``) the rows of
        ``SELECT {expressions} FROM {target} [WHERE {where}]`` run on the records file
        (SQLite SQL, ``?`` parameters ``params``; one expression per column), in this
        transaction; returns the row count. A row that clashes fails the statement (the
        caller's transaction or savepoint). In the records file's order: the export writes
        the answers by response and path, the order of their unique index (no ORDER BY,
        whose sort cost 1 s for 240,000 answers)."""
        query = f"SELECT {', '.join(expressions)} FROM {_quote(target)}"
        if where:
            query += f" WHERE {where}"
        names = ", ".join(_quote(c) for c in columns)
        count = 0
        cursor = self.raw.dbapi.cursor()
        try:
            with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
                found = self.records.conn.execute(query, tuple(params))
                write = copy.write_row
                while rows := found.fetchmany(_BLOCK):
                    for row in rows:
                        write(row)
                    count += len(rows)
        finally:
            cursor.close()
        return count

    def _copy(self, name: str, columns: list[str], temp: str) -> str:
        names = ", ".join(_quote(c) for c in columns)
        staged = f"pg_temp.{temp}"
        cursor = self.raw.dbapi.cursor()
        try:
            # The same column types as the database's table, no constraint, no index.
            cursor.execute(f"CREATE TEMP TABLE {temp} ON COMMIT DROP AS SELECT {names} FROM {name} WITH NO DATA")
            with cursor.copy(f"COPY {staged} ({names}) FROM STDIN") as copy:
                source = self.records.conn.execute(f"SELECT {names} FROM {_quote(name)}")
                while rows := source.fetchmany(5000):
                    for row in rows:
                        copy.write_row(row)
            cursor.execute(f"ANALYZE {staged}")
        finally:
            cursor.close()
        return staged


_BLOCK = 5000


def staged(session: Session, records: Any) -> Staged:
    """The staging of ``records`` in this session's transaction (made once per transaction)."""
    key = (str(records.path), id(session.get_transaction()))
    found = session.info.get(_KEY)
    if found is None or found[0] != key:
        found = (key, Staged(session, records))
        session.info[_KEY] = found
    return found[1]


SQLITE = "sqlite"  # for :func:`among` on the records file itself


def among(raw: _Raw | str, column: str, ids: Iterable[str]) -> tuple[str, Any]:
    """An SQL condition ``column`` is one of ``ids`` (one parameter, ``?``) and its value:
    a JSON array read by ``json_each`` on SQLite, a text array on PostgreSQL (as a
    subquery, so that the planner hashes it rather than scanning the array per row).
    ``raw``: the database's cursor, or a dialect name (:data:`SQLITE`)."""
    wanted = sorted(set(ids))
    if (raw if isinstance(raw, str) else raw.dialect) == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(wanted)
    return f"{column} IN (SELECT unnest(CAST(? AS text[])))", wanted


__all__ = ["SQLITE", "Staged", "among", "staged"]
