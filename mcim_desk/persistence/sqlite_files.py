"""SQLite file operations done with the standard library only, so the start path stays light:
the stored schema revision, the integrity check, online backups and small raw reads."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path


class DatabaseDamaged(Exception):
    """``PRAGMA quick_check`` did not answer ``ok`` (or the file is not a database at all)."""


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    uri = f"file:{path}?mode={'ro' if readonly else 'rwc'}"
    conn = sqlite3.connect(uri, uri=True, timeout=15, isolation_level=None)
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


def quick_check(path: Path) -> str:
    """'ok' or the first problem ``PRAGMA quick_check`` reports (never raises for a bad file)."""
    try:
        conn = connect(path, readonly=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    first = rows[0][0] if rows else "no answer"
    if first == "ok" and len(rows) == 1:
        return "ok"
    # SQLite lists every broken cell (hundreds of lines): a message shows the first few
    lines = [line for r in rows for line in str(r[0]).splitlines() if line.strip()]
    shown = "; ".join(lines[:3])
    return shown + (f"; … (+{len(lines) - 3})" if len(lines) > 3 else "")


def online_backup(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (consistent even while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = connect(source, readonly=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    make_private(tmp)
    os.replace(tmp, target)
    return target


def make_private(path: Path) -> None:
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def read_rows(path: Path, sql: str, params: Iterable[object] = ()) -> list[tuple]:
    """A read-only query through sqlite3, for the start path (no SQLAlchemy import)."""
    conn = connect(path, readonly=True)
    try:
        return conn.execute(sql, tuple(params)).fetchall()
    finally:
        conn.close()
