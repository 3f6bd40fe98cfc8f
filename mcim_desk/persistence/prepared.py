"""The autosave's statements on SQLite, run on the unit of work's own driver connection.

An autosave runs five statements. Through SQLAlchemy Core each costs about as much Python as
SQLite takes to run it (a cache key, the compiled statement looked up, an execution context,
a result object), and together they were a third of a save (``benchmarks/autosave_parts.py``).
Here a Core statement is compiled once for the SQLite dialect and run with ``sqlite3`` itself,
in the same transaction, the values converted by the same type processors Core would use, so
the rows written and read are the same (``tests/integration/test_prepared.py`` checks both ways
over generated values). A driver error becomes the SQLAlchemy error Core would raise, so the
callers' handling (storage errors, retries on a unique key) is unchanged.

A statement this cannot run as compiled (a Python-side default to fill, a parameter rendered
after compiling, a named paramstyle) goes through Core as before. PostgreSQL always does.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

_Converter = tuple[str, Callable[[Any], Any] | None, Any]  # bind name, its processor, its own value


class _Compiled:
    """One statement compiled for SQLite with one set of parameter names."""

    __slots__ = ("sql", "binds", "row", "results")

    def __init__(self, sql: str, binds: list[_Converter], row: type | None,
                 results: list[Callable[[Any], Any] | None] | None) -> None:
        self.sql = sql
        self.binds = binds
        self.row = row  # a named tuple of the selected columns (a SELECT), attribute access as Core's Row
        self.results = results  # each column's result processor, None where the value is as stored

    def values(self, params: Mapping[str, Any]) -> list[Any]:
        out = []
        for name, process, own in self.binds:
            value = params[name] if name in params else own
            out.append(value if process is None else process(value))
        return out

    def convert(self, row: tuple) -> tuple:
        if self.results is not None:
            row = tuple([value if process is None or value is None else process(value)
                         for process, value in zip(self.results, row, strict=True)])
        return self.row._make(row) if self.row is not None else row


_CACHE: dict[tuple[int, tuple[str, ...]], _Compiled | None] = {}


def _compiled(statement: Any, dialect: Any, keys: tuple[str, ...]) -> _Compiled | None:
    """``statement`` compiled for ``dialect`` with the parameters ``keys`` (None: leave it to Core)."""
    cache_key = (id(statement), keys)
    if cache_key in _CACHE:
        return _CACHE[cache_key]
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    made = None
    if (compiled.positional and compiled.positiontup is not None and not compiled.insert_prefetch
            and not compiled.update_prefetch and "__[POSTCOMPILE" not in compiled.string):
        binds = []
        for name in compiled.positiontup:
            bind = compiled.binds[name]
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            binds.append((name, process, bind.effective_value))
        row = results = None
        if getattr(statement, "is_select", False):
            columns = list(statement.selected_columns)
            row = namedtuple("Row", [column.key for column in columns], rename=True)  # noqa: PYI024
            processors = [column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns]
            results = processors if any(processors) else None
        made = _Compiled(compiled.string, binds, row, results)
    _CACHE[cache_key] = made  # statements live as long as the program (repositories' cache)
    return made


def _driver(session: Session) -> Any:
    """The unit of work's ``sqlite3`` connection, its transaction begun (BEGIN IMMEDIATE);
    kept in the session for the rest of that transaction (one lookup per unit, not per
    statement)."""
    transaction = session.get_transaction()
    kept = session.info.get("mcim_driver")
    if kept is not None and kept[0] is transaction:
        return kept[1]
    driver = session.connection().connection.driver_connection
    session.info["mcim_driver"] = (session.get_transaction(), driver)
    return driver


def _wrapped(exc: Exception, sql: str, params: Any, dialect: Any) -> Exception:
    from sqlalchemy.exc import DBAPIError

    return DBAPIError.instance(sql, params, exc, dialect.loaded_dbapi.Error, dialect=dialect)


def execute(session: Session, statement: Any, params: Mapping[str, Any]) -> Any:
    """Run ``statement`` with ``params`` in the session's transaction. Returns a ``sqlite3``
    cursor (SQLite), or Core's result (anything else, or a statement left to Core): callers
    use what both have (``rowcount``), or :func:`rows` / :func:`first`."""
    bind = session.get_bind()
    dialect = bind.dialect
    compiled = _compiled(statement, dialect, tuple(params)) if dialect.name == "sqlite" else None
    if compiled is None:
        return session.connection().execute(statement, params)
    driver = _driver(session)
    values = compiled.values(params)
    try:
        cursor = driver.execute(compiled.sql, values)
    except dialect.loaded_dbapi.Error as exc:
        raise _wrapped(exc, compiled.sql, values, dialect) from exc
    return _Result(cursor, compiled)


def execute_many(session: Session, statement: Any, rows: list[dict[str, Any]]) -> None:
    """``statement`` once per dict of ``rows`` (all with the same keys), in one driver call."""
    if not rows:
        return
    bind = session.get_bind()
    dialect = bind.dialect
    compiled = _compiled(statement, dialect, tuple(rows[0])) if dialect.name == "sqlite" else None
    if compiled is None:
        session.connection().execute(statement, rows)
        return
    values = [compiled.values(row) for row in rows]
    try:
        _driver(session).executemany(compiled.sql, values)
    except dialect.loaded_dbapi.Error as exc:
        raise _wrapped(exc, compiled.sql, values, dialect) from exc


class _Result:
    """What callers read of a SQLite statement's result: its rows (converted as Core would),
    the first one, or the count of rows changed."""

    __slots__ = ("_cursor", "_compiled")

    def __init__(self, cursor: Any, compiled: _Compiled) -> None:
        self._cursor = cursor
        self._compiled = compiled

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def first(self) -> Any:
        row = self._cursor.fetchone()
        self._cursor.close()
        return None if row is None else self._compiled.convert(row)

    def scalar(self) -> Any:
        row = self.first()
        return None if row is None else row[0]

    def __iter__(self) -> Iterable[Any]:
        convert = self._compiled.convert
        return iter([convert(row) for row in self._cursor.fetchall()])
