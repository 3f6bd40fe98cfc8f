"""The engine and the session factories. SQLAlchemy is imported when first needed, not at
start-up: the first paint and the mechanism list only use :mod:`sqlite_files`.

SQLite connections run WAL, synchronous=FULL, foreign keys on, a 15 s busy timeout, and write
transactions that BEGIN IMMEDIATE (a deferred read-then-write fails at once with
SQLITE_BUSY_SNAPSHOT whatever the timeout). Read-only sessions begin deferred.

A file (or folder) that cannot be written opens read-only (``read_only``): writes are refused
with ReadOnlyError before they start. A full disk, a read-only medium and another program's
write lock held past the busy wait surface as the storage errors of :mod:`mcim_desk.files`,
whose text says what happened and where (never SQL).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import is_url, sqlite_path_of

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 15_000
WAL_AUTOCHECKPOINT = 1000  # pages (SQLite's default)
PAGE_SIZE = 8192


class StaleEditError(RuntimeError):
    """The row changed since it was read (another window, user or process saved it first):
    its revision counter no longer matches. Nothing of the later save was written."""


class Database:
    """One database, file or server. ``write()`` and ``read()`` open one unit of work each."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.path: Path | None = sqlite_path_of(target)
        self.url = target if is_url(target) else f"sqlite:///{target}"
        # why the file cannot be written ("file", "folder"), or None: then it opens read-only
        self.read_only_reason: str | None = None
        if self.path is not None:
            from .sqlite_files import read_only_reason, uri_of

            self.read_only_reason = read_only_reason(self.path) if self.path.exists() else None
            if self.read_only_reason:
                self.url = "sqlite:///" + uri_of(self.path, readonly=True) + "&uri=true"
        self._engine: Engine | None = None
        self._writer: sessionmaker | None = None
        self._reader: sessionmaker | None = None
        self._lock = threading.Lock()
        self._statement_driver: sqlite3.Connection | None = None
        self._statement_lock = threading.Lock()
        self.checkpointer: threading.Thread | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def read_only_error(self) -> Exception:
        """Why a write is refused: the disk is full, or the file or folder is read-only."""
        from ..files import DiskFullError, ReadOnlyError

        if self.read_only_reason == "full":
            return DiskFullError(self.path.parent)
        return ReadOnlyError(self.path)

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = _create_engine(self.url, self.is_sqlite, self.read_only)
            return self._engine

    @contextmanager
    def write(self, attach: Path | None = None, bulk: bool = False) -> Iterator[Session]:
        """``with db.write() as session:`` commits on success, rolls back on error. A
        concurrent edit caught by a row's revision counter surfaces as StaleEditError.

        SQLite only (ignored on a server): ``attach``, a file readable as schema ``bundle``
        in the unit; ``bulk``, a big write whose WAL checkpoint (copying the pages it wrote
        into the database file) runs on a background thread after the commit instead of
        inside it. The commit itself is as durable either way (synchronous=FULL)."""
        StaleDataError = _sqlalchemy_errors()[1]  # noqa: N806 - a class

        if self.is_sqlite and (attach is not None or bulk):
            if self.read_only:
                raise self.read_only_error()
            with self._storage_errors(), self._sqlite_unit(attach, bulk, read_only=False) as session:
                yield session
            return
        if self.read_only:
            raise self.read_only_error()
        if self._writer is None:
            from sqlalchemy.orm import sessionmaker

            self._writer = sessionmaker(bind=self.engine, expire_on_commit=False)
        try:
            with self._storage_errors(), self._writer.begin() as session:
                yield session
        except StaleDataError as exc:
            raise StaleEditError(str(exc)) from exc

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        """A full disk, a read-only file, a lock held past the busy wait: the storage error
        that says so (SQLite; a server's errors pass through)."""
        try:
            yield
        except _sqlalchemy_errors()[0] as exc:
            from ..files import DatabaseBusyError, DiskFullError, classify

            storage = classify(exc, self.path) if self.path is not None else None
            if storage is None:
                raise
            if isinstance(storage, DatabaseBusyError):
                storage.detail = str(BUSY_TIMEOUT_MS // 1000)
            if isinstance(storage, DiskFullError):
                storage.where = self.path.parent  # the message names the disk's folder
            raise storage from exc

    def read(self, attach: Path | None = None) -> AbstractContextManager[Session]:
        if attach is not None and self.is_sqlite:
            return self._sqlite_unit(attach, False, read_only=True)
        if self._reader is None:
            from sqlalchemy.orm import sessionmaker

            reading = self.engine.execution_options(mcim_read_only=True)
            self._reader = sessionmaker(bind=reading, expire_on_commit=False)
        return self._reader.begin()

    @contextmanager
    def _sqlite_unit(self, attach: Path | None, bulk: bool, read_only: bool) -> Iterator[Session]:
        """A unit of work on one pooled connection set up first: ATTACH and the checkpoint
        setting run before the transaction begins and are undone after it ends (SQLite
        refuses ATTACH and DETACH inside a transaction)."""
        from sqlalchemy.orm import Session
        from sqlalchemy.orm.exc import StaleDataError

        committed = False
        with self.engine.connect() as connection:
            driver = connection.connection.driver_connection
            if attach is not None:
                driver.execute("ATTACH DATABASE ? AS bundle", (str(attach),))
            if bulk:
                driver.execute("PRAGMA wal_autocheckpoint=0")
            try:
                if read_only:
                    connection = connection.execution_options(mcim_read_only=True)
                with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                    yield session
                committed = True
            except StaleDataError as exc:
                raise StaleEditError(str(exc)) from exc
            finally:
                if attach is not None:
                    driver.execute("DETACH DATABASE bundle")
                if bulk:
                    driver.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")
        if bulk and committed:
            self.checkpoint_in_background()

    @contextmanager
    def statement_reader(self) -> Iterator[sqlite3.Connection]:
        """SQLite: a driver connection of its own, for reads of one statement each (the
        search), one caller at a time. The driver runs in autocommit mode, so a statement is
        its own read transaction (a snapshot of every table it reads) and nothing is held
        between statements. Kept open until ``dispose``: a pool checkout and return per search
        cost about a tenth of a rare word's search, and the pool handed out a different
        connection, with a cold page cache, each time (benchmarks/search.py)."""
        with self._statement_lock:
            if self._statement_driver is None:
                pooled = self.engine.raw_connection()  # made by the engine: its settings
                driver = pooled.driver_connection
                pooled.detach()  # then the pool's no more
                self._statement_driver = driver
            yield self._statement_driver

    def checkpoint_in_background(self) -> threading.Thread | None:
        """Copy the WAL into the database file on a thread of its own (a PASSIVE checkpoint:
        readers and writers go on meanwhile; a writer's own automatic checkpoint finds this
        one running and skips, so nobody waits for it). Returns the thread."""
        if self.path is None:
            return None
        path = self.path

        def run() -> None:
            import sqlite3

            try:
                conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                finally:
                    conn.close()
            except sqlite3.Error:
                pass  # the next automatic checkpoint does it

        thread = threading.Thread(target=run, name="wal-checkpoint", daemon=True)
        thread.start()
        self.checkpointer = thread
        return thread

    def dispose(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.join(timeout=60)  # leave the file tidy, not half copied
        with self._statement_lock:
            if self._statement_driver is not None:
                self._statement_driver.close()
                self._statement_driver = None
        if self._engine is not None:
            self._engine.dispose()


@cache
def _sqlalchemy_errors() -> tuple[type[Exception], type[Exception]]:
    """(OperationalError, StaleDataError), imported once where first needed: an import
    statement in a unit of work ran on every autosave (PySide6 hooks every import)."""
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm.exc import StaleDataError

    return OperationalError, StaleDataError


SERVER_CONNECT_TIMEOUT_S = 10  # a server behind a dead VPN: say so, do not hang


def _create_engine(url: str, is_sqlite: bool, read_only: bool = False) -> Engine:
    from sqlalchemy import create_engine, event

    if not is_sqlite:
        connect_args = {} if "connect_timeout=" in url else {"connect_timeout": SERVER_CONNECT_TIMEOUT_S}
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)

    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is always deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Takes effect only when the file is created (before its first table): 8 KiB pages
        # make big imports a fifth faster than SQLite's 4 KiB (benchmarks/exchange.py).
        cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")
        if not read_only:  # switching to WAL writes the file
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        statement = "BEGIN" if conn.get_execution_options().get("mcim_read_only") else "BEGIN IMMEDIATE"
        # By the driver itself: once per unit of work, and through Core it cost as much as an
        # autosave's statement (benchmarks/autosave_parts.py). Its error is raised as Core's.
        driver = conn.connection.driver_connection
        try:
            driver.execute(statement)
        except sqlite3.Error as exc:
            from sqlalchemy.exc import DBAPIError

            raise DBAPIError.instance(statement, (), exc, sqlite3.Error, dialect=conn.dialect) from exc

    return engine
