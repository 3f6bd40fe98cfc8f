"""The engine and the session factories. SQLAlchemy is imported when first needed, not at
start-up: the first paint and the mechanism list only use :mod:`sqlite_files`.

SQLite connections run WAL, synchronous=FULL, foreign keys on, a 15 s busy timeout, and write
transactions that BEGIN IMMEDIATE (a deferred read-then-write fails at once with
SQLITE_BUSY_SNAPSHOT whatever the timeout). Read-only sessions begin deferred.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import is_url, sqlite_path_of

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 15_000


class StaleEditError(RuntimeError):
    """The row changed since it was read (another window, user or process saved it first):
    its revision counter no longer matches. Nothing of the later save was written."""


class Database:
    """One database, file or server. ``write()`` and ``read()`` open one unit of work each."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.path: Path | None = sqlite_path_of(target)
        self.url = target if is_url(target) else f"sqlite:///{target}"
        self._engine: Engine | None = None
        self._writer: sessionmaker | None = None
        self._reader: sessionmaker | None = None
        self._lock = threading.Lock()

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = _create_engine(self.url, self.is_sqlite)
            return self._engine

    @contextmanager
    def write(self) -> Iterator[Session]:
        """``with db.write() as session:`` commits on success, rolls back on error. A
        concurrent edit caught by a row's revision counter surfaces as StaleEditError."""
        from sqlalchemy.orm.exc import StaleDataError

        if self._writer is None:
            from sqlalchemy.orm import sessionmaker

            self._writer = sessionmaker(bind=self.engine, expire_on_commit=False)
        try:
            with self._writer.begin() as session:
                yield session
        except StaleDataError as exc:
            raise StaleEditError(str(exc)) from exc

    def read(self) -> AbstractContextManager[Session]:
        if self._reader is None:
            from sqlalchemy.orm import sessionmaker

            reading = self.engine.execution_options(mcim_read_only=True)
            self._reader = sessionmaker(bind=reading, expire_on_commit=False)
        return self._reader.begin()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _create_engine(url: str, is_sqlite: bool) -> Engine:
    from sqlalchemy import create_engine, event

    if not is_sqlite:
        return create_engine(url, pool_pre_ping=True)

    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is always deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("mcim_read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
