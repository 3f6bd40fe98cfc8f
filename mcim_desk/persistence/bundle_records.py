"""The records a bundle carries: one SQLite file, ``records.sqlite`` in the zip (this module
is in persistence/ because reading and writing it is SQL; :mod:`mcim_desk.exchange.bundle`
packs it into the zip and reads it out).

Layout: one plain table per tracked table and one for the audit log, named as in the
database, with the writer's columns and nothing else (no type, constraint, index, view or
trigger)::

    CREATE TABLE "answer" ("id", "response_id", "path", ...)

Values are SQLite's own: text, integers (booleans as 0/1), reals, NULL; datetimes as text
``YYYY-MM-DD HH:MM:SS[.ffffff]`` (as SQLite databases store them), dates ``YYYY-MM-DD``.
Answers are written in (response_id, path) order and audit rows in (entity, entity_id, at)
order: the order of the importing database's indexes, so that its B-trees fill page by page.

Why a database file rather than JSON: an import of ten thousand responses copies about half
a million rows. Parsed from JSON, each value becomes a Python object and is bound back one
by one (measured: 0.4 s to parse and 0.7 s to bind 240,000 answers, before SQLite's own
work); from an attached file, ``INSERT ... SELECT`` moves them inside SQLite. Any SQLite tool
opens the file, so a bundle stays as readable as JSON was.

A file from elsewhere is never trusted: :func:`open_records` opens it read-only, accepts only
the tables above with exactly the statement this module writes, and checks every value
against its column's kind with one SQL scan per table (the big tables in parallel) before
anything reads it. Each refusal raises :class:`RecordsError` naming the table, row and column.
"""

from __future__ import annotations

import json
import sqlite3
import weakref
from calendar import monthrange
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from .. import limits

ENTRY = "records.sqlite"
PAGE_BYTES = 65536
# Columns that must hold text in every row (beyond "id"): what a merge cannot do without.
REQUIRED = {
    "response": ("form_version_id", "mechanism_id"),
    "answer": ("response_id", "path"),
    "audit_log": ("entity", "entity_id", "action", "actor"),
}


class RecordsError(ValueError):
    """Records that do not fit the schema; ``str()`` names the table, row and column."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ddl(table: str, columns: Sequence[str]) -> str:
    """The one statement a records table is made with."""
    return f"CREATE TABLE {_quote(table)} ({', '.join(_quote(c) for c in columns)})"


# --- writing -------------------------------------------------------------------------------


def create(path: str | Path, tables: Mapping[str, Sequence[str]]) -> sqlite3.Connection:
    """A new records file with these tables (name -> columns), open for filling. No journal,
    no syncing: the file is a scratch copy until it is packed into the bundle. Pages of
    64 KiB, SQLite's largest: for ten thousand responses the file is 5 % smaller than with
    4 KiB pages (less to deflate), filled a quarter faster and scanned on import twice as fast
    (any page size reads back: bundles of 0.2 have 4 KiB pages)."""
    target = Path(path)
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA page_size={PAGE_BYTES}")  # before the first table: it fixes the size
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA encoding='UTF-8'")
    for table, columns in tables.items():
        conn.execute(ddl(table, columns))
    return conn


def distinct_values(path: str | Path, table: str, column: str) -> set[Any]:
    """The values of a column in a records file this program wrote (not checked)."""
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute(f"SELECT DISTINCT {_quote(column)} FROM {_quote(table)}")}
    finally:
        conn.close()


# --- checking a file from elsewhere ---------------------------------------------------------


_STORAGE = {  # the SQLite storage classes a kind's values may have
    "str": "'text', 'null'",
    "int": "'integer', 'null'",
    "float": "'integer', 'real', 'null'",
}


_D = "[0-9]"
# The stored text, digit by digit; the character classes already keep months, days, hours,
# minutes and seconds near their ranges, the conditions below finish the job.
_DATE_GLOB = f"{_D * 4}-[01]{_D}-[0-3]{_D}"
_SECONDS_GLOB = f"{_DATE_GLOB} [0-2]{_D}:[0-5]{_D}:[0-5]{_D}"
_MICROSECONDS_GLOB = f"{_SECONDS_GLOB}.{_D * 6}"
# Every month-day of a leap year ("01-01" ... "12-31"); 29 February is checked apart.
_MONTH_DAYS = ", ".join(
    f"'{month:02d}-{day:02d}'" for month in range(1, 13) for day in range(1, monthrange(2000, month)[1] + 1)
)


def _calendar(c: str) -> str:
    """An SQL condition true when the first ten characters of ``c`` (already known to match
    ``DDDD-DD-DD``) are a real day between 0001-01-01 and 9999-12-31: a month-day that
    exists, 29 February in leap years only. Comparisons of the digits as text: no date
    function, so nothing is normalised or rounded on the way."""
    year, month_day = f"substr({c}, 1, 4)", f"substr({c}, 6, 5)"
    y = f"CAST({year} AS INTEGER)"
    return (
        f"({month_day} IN ({_MONTH_DAYS}) AND {year} <> '0000' AND ({month_day} <> '02-29' "
        f"OR ({y} % 4 = 0 AND ({y} % 100 <> 0 OR {y} % 400 = 0))))"
    )


def _clock(c: str) -> str:
    """``HH:MM:SS`` at characters 12 to 19 of ``c`` is a time of day: the GLOB already
    keeps minutes and seconds below 60 (no leap second: Python has none), hours below 30."""
    return f"substr({c}, 12, 2) < '24'"


def _no_nul(c: str) -> str:
    """No NUL character in a text value: SQLite's own text functions stop at it (a date
    would be checked up to it only) and PostgreSQL cannot store it."""
    return f"(typeof({c}) <> 'text' OR instr({c}, char(0)) = 0)"


def _valid(column: str, kind: str, required: bool) -> str:
    """An SQL condition true when the column's value fits its kind.

    Dates and datetimes are checked as the exact text the program stores, with no rounding
    function: ``YYYY-MM-DD`` and ``YYYY-MM-DD HH:MM:SS`` with or without ``.ffffff`` (six
    digits), a real calendar day and time of day. (``datetime(x, '+0 days')`` rounded
    .9995 s and above to the next second and so refused the program's own timestamps.)
    Byte lengths are compared too: GLOB stops at a NUL character."""
    c = _quote(column)
    if column == "id":
        return f"(typeof({c}) = 'text' AND length({c}) BETWEEN 1 AND 64 AND {_no_nul(c)})"
    if required:
        return f"(typeof({c}) = 'text' AND {_no_nul(c)})"
    if kind == "str":
        return f"(typeof({c}) IN ({_STORAGE['str']}) AND {_no_nul(c)})"
    if kind in _STORAGE:
        return f"typeof({c}) IN ({_STORAGE[kind]})"
    if kind == "bool":
        return f"({c} IS NULL OR (typeof({c}) = 'integer' AND {c} IN (0, 1)))"
    size = f"length(CAST({c} AS BLOB))"
    if kind == "date":
        return (
            f"({c} IS NULL OR (typeof({c}) = 'text' AND {size} = 10 "
            f"AND {c} GLOB '{_DATE_GLOB}' AND {_calendar(c)}))"
        )
    return (
        f"({c} IS NULL OR (typeof({c}) = 'text' AND ("
        f"({size} = 26 AND {c} GLOB '{_MICROSECONDS_GLOB}') OR "
        f"({size} = 19 AND {c} GLOB '{_SECONDS_GLOB}')) "
        f"AND {_calendar(c)} AND {_clock(c)}))"
    )


def _entry(table: str) -> str:
    return f"{ENTRY} ({table})"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA query_only=ON")
    return conn


def _first_bad(path: Path, table: str, columns: Sequence[str], kinds: Mapping[str, str]) -> str | None:
    """The message for the first value of ``table`` that does not fit, or None."""
    required = set(REQUIRED.get(table, ()))
    checks = [_valid(c, kinds[c], c in required) for c in columns]
    conn = _connect(path)
    try:
        found = conn.execute(
            f"SELECT rowid, {', '.join(checks)} FROM {_quote(table)} WHERE NOT ({' AND '.join(checks)}) LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if found is None:
        return None
    row, *passed = found
    column = columns[passed.index(0)] if 0 in passed else columns[0]
    conn = _connect(path)
    try:
        value = conn.execute(f"SELECT {_quote(column)} FROM {_quote(table)} WHERE rowid = ?", (row,)).fetchone()[0]
    finally:
        conn.close()
    if isinstance(value, str) and "\x00" in value:
        return QCoreApplication.translate("Exchange", "{entry}, row {row}: “{column}” holds a NUL character, which "
            "no text typed in MCIM Desk holds (a damaged or hand-made file).").format(
            entry=_entry(table), row=row, column=column)
    if column in required or column == "id":
        return QCoreApplication.translate("Exchange", "{entry}, row {row}: “{column}” is missing or not text.").format(
            entry=_entry(table), row=row, column=column
        )
    if kinds[column] in ("datetime", "date"):
        return QCoreApplication.translate("Exchange", "{entry}, row {row}: “{column}” is not a valid date and time "
            "(YYYY-MM-DD HH:MM:SS.ffffff).").format(entry=_entry(table), row=row, column=column)
    return QCoreApplication.translate("Exchange", "{entry}, row {row}: “{column}” holds a value of the wrong type.").format(
        entry=_entry(table), row=row, column=column
    )


# Text columns with a documented length limit (limits.py): the same limits as typing them.
LENGTHS = {
    "answer": {"value": limits.TEXT_ANSWER_CHARS, "note": limits.NOTE_CHARS},
    "interview": {"notes": limits.NOTE_CHARS},
    "mechanism": {"acronym_fr": limits.ACRONYM_CHARS, "acronym_en": limits.ACRONYM_CHARS,
                  "name_fr": limits.NAME_CHARS, "name_en": limits.NAME_CHARS, "chair_country": limits.NAME_CHARS,
                  "website": limits.NAME_CHARS, "notes": limits.NOTE_CHARS},
    "contact": {name: limits.NAME_CHARS for name in ("name", "title", "institution", "email", "phone")},
}


def _first_too_long(path: Path, table: str, columns: Sequence[str]) -> str | None:
    """The message for the first text of ``table`` longer than its limit, or None (values
    are already known to be of their kind: length() counts characters)."""
    checked = [(c, n) for c, n in LENGTHS.get(table, {}).items() if c in columns]
    if not checked:
        return None
    where = " OR ".join(f"length({_quote(c)}) > {n}" for c, n in checked)
    lengths = ", ".join(f"length({_quote(c)})" for c, _n in checked)
    about = _quote("path") if table == "answer" and "path" in columns else "NULL"
    conn = _connect(path)
    try:
        found = conn.execute(
            f"SELECT rowid, {about}, {lengths} FROM {_quote(table)} WHERE {where} LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if found is None:
        return None
    row, about_value, *sizes = found
    index = next(i for i, (size, (_c, n)) in enumerate(zip(sizes, checked, strict=True)) if (size or 0) > n)
    column, limit = checked[index]
    values = {"entry": _entry(table), "row": row, "column": column, "question": about_value,
              "length": limits.grouped(sizes[index]), "limit": limits.grouped(limit)}
    if about_value is not None and column == "value":
        return QCoreApplication.translate(
            "Exchange", "{entry}, row {row}: the answer to “{question}” has {length} characters, more "
            "than the limit of {limit}.").format(**values)
    if about_value is not None:
        return QCoreApplication.translate(
            "Exchange", "{entry}, row {row}: the note on “{question}” has {length} characters, more "
            "than the limit of {limit}.").format(**values)
    return QCoreApplication.translate(
        "Exchange", "{entry}, row {row}: “{column}” has {length} characters, more than the limit of {limit}."
    ).format(**values)


class Records:
    """A checked records file, open read-only. ``columns`` gives each table's columns (a
    table the bundle does not hold is absent). ``on_close`` runs when it is closed or
    collected (the bundle reader's clean-up of its extracted files)."""

    def __init__(self, path: Path, columns: dict[str, list[str]], kinds: Mapping[str, Mapping[str, str]],
                 on_close: Callable[[], None] | None = None) -> None:
        self.path = path
        self.columns = columns
        self.kinds = kinds
        self._conn: sqlite3.Connection | None = _connect(path)
        self._finalizer = weakref.finalize(self, _close, self._conn, on_close)

    def close(self) -> None:
        self._finalizer()
        self._conn = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("records file closed")
        return self._conn

    def count(self, table: str) -> int:
        if table not in self.columns:
            return 0
        return self.conn.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]

    def _typed(self, table: str, rows: list[tuple]) -> list[list[Any]]:
        """Rows as JSON values: booleans back from 0/1."""
        kinds = self.kinds[table]
        bools = [i for i, c in enumerate(self.columns[table]) if kinds[c] == "bool"]
        out = [list(r) for r in rows]
        if bools:
            for row in out:
                for i in bools:
                    if row[i] is not None:
                        row[i] = bool(row[i])
        return out

    def rows(self, table: str) -> list[list[Any]]:
        if table not in self.columns:
            return []
        return self._typed(table, self.conn.execute(f"SELECT * FROM {_quote(table)}").fetchall())

    def rows_where_in(self, table: str, column: str, values: Iterable[str]) -> list[list[Any]]:
        """Rows whose ``column`` is one of ``values`` (one scan, however many values)."""
        wanted = sorted(set(values))
        if table not in self.columns or not wanted:
            return []
        rows = self.conn.execute(
            f"SELECT * FROM {_quote(table)} WHERE {_quote(column)} IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        ).fetchall()
        return self._typed(table, rows)

    def count_where_in(self, table: str, column: str, values: Iterable[str]) -> int:
        wanted = sorted(set(values))
        if table not in self.columns or not wanted:
            return 0
        return self.conn.execute(
            f"SELECT count(*) FROM {_quote(table)} WHERE {_quote(column)} IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        ).fetchone()[0]

    def distinct(self, table: str, column: str) -> set[Any]:
        if table not in self.columns:
            return set()
        return {r[0] for r in self.conn.execute(f"SELECT DISTINCT {_quote(column)} FROM {_quote(table)}")}

    def audit_subjects_missing(self, tables: Mapping[str, str]) -> dict[str, set[str]]:
        """entity -> the ids its audit rows are about that the bundle does not hold, for the
        entities in ``tables`` (entity -> the table holding its ids; audit rows about
        answers name their response); under ``""`` the entities not in ``tables`` at all."""
        if "audit_log" not in self.columns:
            return {}
        result: dict[str, set[str]] = {}
        conditions, params = [], []
        for entity, table in tables.items():
            held = f"SELECT id FROM {_quote(table)}" if table in self.columns else "SELECT NULL WHERE 0"
            conditions.append(f"(entity = ? AND entity_id NOT IN ({held}))")
            params.append(entity)
        for entity, entity_id in self.conn.execute(  # one scan of the audit log
            f"SELECT DISTINCT entity, entity_id FROM audit_log WHERE {' OR '.join(conditions)}", params
        ):
            result.setdefault(entity, set()).add(entity_id)
        others = {r[0] for r in self.conn.execute(
            "SELECT DISTINCT entity FROM audit_log WHERE entity NOT IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(tables)),),
        )}
        if others:
            result[""] = others
        return result

    def audit_of(self, keys: Iterable[tuple[str, str]]) -> list[list[Any]]:
        """Audit rows about these (entity, entity id) pairs."""
        wanted = sorted({f"{entity}\x1f{entity_id}" for entity, entity_id in keys})
        if "audit_log" not in self.columns or not wanted:
            return []
        rows = self.conn.execute(
            "SELECT * FROM audit_log WHERE entity || char(31) || entity_id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        ).fetchall()
        return self._typed("audit_log", rows)


def _close(conn: sqlite3.Connection, on_close: Callable[[], None] | None) -> None:
    conn.close()
    if on_close is not None:
        on_close()


def open_records(path: str | Path, kinds: Mapping[str, Mapping[str, str]], *,
                 on_close: Callable[[], None] | None = None) -> Records:
    """Open and check a records file (see the module's docstring); raises RecordsError.
    ``kinds``: table -> column -> kind of every table a bundle may hold."""
    source = Path(path)
    try:
        conn = _connect(source)
        try:
            encoding = conn.execute("PRAGMA encoding").fetchone()[0]
            objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
            columns: dict[str, list[str]] = {}
            for kind, name, sql in objects:
                if kind != "table" or name not in kinds:
                    raise RecordsError(
                        QCoreApplication.translate("Exchange", "{entry}: unexpected object “{name}” (an SQL {kind}).").format(
                            entry=ENTRY, kind=kind, name=name
                        )
                    )
                names = [r[1] for r in conn.execute(f"PRAGMA table_info({_quote(name)})")]
                if sql != ddl(name, names) or len(set(names)) != len(names) or "id" not in names:
                    raise RecordsError(
                        QCoreApplication.translate("Exchange", "{entry}: table “{name}” is not made as a bundle's tables are.").format(
                            entry=ENTRY, name=name
                        )
                    )
                unknown = [c for c in names if c not in kinds[name]]
                if unknown:
                    raise RecordsError(
                        QCoreApplication.translate("Exchange", "{entry}: unknown column “{column}” (a bundle from a newer MCIM Desk?).").format(
                            entry=_entry(name), column=unknown[0]
                        )
                    )
                missing = [c for c in REQUIRED.get(name, ()) if c not in names]
                if missing:
                    raise RecordsError(
                        QCoreApplication.translate("Exchange", "{entry}, row {row}: “{column}” is missing or not text.").format(
                            entry=_entry(name), row=1, column=missing[0]
                        )
                    )
                columns[name] = names
        finally:
            conn.close()
        if encoding != "UTF-8":
            raise RecordsError(
                QCoreApplication.translate("Exchange", "{entry}: the text is stored as {encoding}, not UTF-8.").format(
                    entry=ENTRY, encoding=encoding
                )
            )
        # One table after the other: two threads scanning at once were slower here than
        # one (SQLite's allocator statistics take a process-wide mutex).
        for table, names in columns.items():
            problem = _first_bad(source, table, names, kinds[table]) or _first_too_long(source, table, names)
            if problem:
                raise RecordsError(problem)
        return Records(source, columns, kinds, on_close)
    except sqlite3.DatabaseError as exc:
        raise RecordsError(
            QCoreApplication.translate("Exchange", "{entry} is not a readable SQLite database ({error}).").format(
                entry=ENTRY, error=exc
            )
        ) from None


__all__ = ["ENTRY", "REQUIRED", "Records", "RecordsError", "create", "ddl", "distinct_values", "open_records"]
