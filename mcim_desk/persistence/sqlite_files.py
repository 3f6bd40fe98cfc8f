"""SQLite file operations done with the standard library only, so the start path stays light:
the stored schema revision, the integrity check, online backups and small raw reads."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path


class DatabaseDamaged(Exception):
    """``PRAGMA quick_check`` did not answer ``ok`` (or the file is not a database at all);
    ``problem`` is SQLite's answer."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem or message


def uri_of(path: Path, *, readonly: bool = False) -> str:
    """The SQLite URI of a file (quoted: a path may hold ``?`` or ``#``). A read-only file
    in a folder that cannot be written is opened ``immutable`` when it has no WAL: SQLite
    could not create the shared-memory file it needs to read a WAL database otherwise."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path))}?mode={'ro' if readonly else 'rwc'}"
    if readonly and (not folder_writable(path) or disk_full(path)) and not _wal_frames(path):
        uri += "&immutable=1"
    return uri


# Below this much free space the database opens read-only: SQLite could not even make the
# shared-memory file (32 KiB) a WAL database needs, and no save could be written anyway.
FULL_DISK_FREE_BYTES = 256 * 1024


def folder_writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK)


def disk_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < FULL_DISK_FREE_BYTES
    except OSError:
        return False


def _wal_frames(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 32
    except FileNotFoundError:
        return False


def read_only_reason(path: Path) -> str | None:
    """Why an existing database file cannot be written ("file", "folder", "full" for a disk
    with no room left), or None."""
    if not path.exists():
        return None if folder_writable(path) else "folder"
    if not os.access(path, os.W_OK):
        return "file"
    if not folder_writable(path):  # SQLite must create the -wal and -shm files beside it
        return "folder"
    if disk_full(path):
        return "full"
    return None


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(uri_of(path, readonly=readonly), uri=True, timeout=15,
                           isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 15000")
    return conn


def stored_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, or None for an empty or unmigrated file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = connect(path, readonly=True)
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


SQLITE_HEADER = b"SQLite format 3\x00"


def table_names(path: Path) -> set[str] | None:
    """The tables of a SQLite file; None when the file is not a SQLite database at all."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        return {name for (name,) in read_rows(
            path, "SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return None


def quick_check(path: Path) -> str:
    """'ok' or the first problem ``PRAGMA quick_check`` reports (never raises for a bad file)."""
    try:
        conn = connect(path, readonly=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (10, 13, 14):  # I/O, full, cannot open
            from ..files import StorageError, classify

            raise classify(exc, path.parent) or StorageError(path) from exc
        return str(exc)
    first = rows[0][0] if rows else "no answer"
    if first == "ok" and len(rows) == 1:
        return "ok"
    # SQLite lists every broken cell (hundreds of lines): a message shows the first few
    lines = [line for r in rows for line in str(r[0]).splitlines() if line.strip()]
    shown = "; ".join(lines[:3])
    return shown + (f"; … (+{len(lines) - 3})" if len(lines) > 3 else "")


def online_backup(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (consistent even while in use),
    through the one private writer: 0600, fsync, rename; nothing left behind on a failure
    (a full disk raises DiskFullError naming the folder)."""
    from ..files import atomic_write

    def copy(temp: Path) -> None:
        src = connect(source, readonly=True)
        try:
            dst = sqlite3.connect(temp)
            try:
                dst.execute("PRAGMA journal_mode=OFF")  # no -journal file beside the copy
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()

    return atomic_write(target, copy, make_folder=True)


def read_rows(path: Path, sql: str, params: Iterable[object] = ()) -> list[tuple]:
    """A read-only query through sqlite3, for the start path (no SQLAlchemy import)."""
    conn = connect(path, readonly=True)
    try:
        return conn.execute(sql, tuple(params)).fetchall()
    finally:
        conn.close()
