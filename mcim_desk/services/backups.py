"""Automatic and manual backups, restore, and the damaged-file check."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock
from ..paths import backup_dir_for
from ..persistence import sqlite_files

KEEP_AUTOMATIC = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    when: datetime


def backup_to(db_file: Path, out: Path) -> Path:
    """A consistent copy of a live SQLite database (online backup API)."""
    return sqlite_files.online_backup(db_file, out)


def automatic_backup(db_file: Path, reason: str) -> Path | None:
    """Back up on start and on clean exit; keep the last KEEP_AUTOMATIC of them."""
    if not db_file.exists() or db_file.stat().st_size == 0:
        return None
    folder = backup_dir_for(db_file)
    stamp = clock.localnow().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    sqlite_files.online_backup(db_file, target)
    for old in list_backups(db_file)[KEEP_AUTOMATIC:]:
        old.path.unlink(missing_ok=True)
    return target


def list_backups(db_file: Path) -> list[BackupInfo]:
    """Automatic backups of this database, newest first."""
    folder = db_file.parent / "backups"
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_file.stem}-*.sqlite3"):
        stat = path.stat()
        found.append(BackupInfo(path, stat.st_size, datetime.fromtimestamp(stat.st_mtime)))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def latest_good_backup(db_file: Path) -> BackupInfo | None:
    for info in list_backups(db_file):
        if sqlite_files.quick_check(info.path) == "ok":
            return info
    return None


def restore(db_file: Path, source: Path) -> Path | None:
    """Replace the database with ``source``; what it replaces is kept as a backup first.

    The source is checked before anything is touched; the returned path is the kept copy.
    """
    if not source.is_file():
        raise FileNotFoundError(source)
    problem = sqlite_files.quick_check(source)
    if problem != "ok":
        raise sqlite_files.DatabaseDamaged(f"{source}: {problem}")
    kept = None
    if db_file.exists():
        folder = backup_dir_for(db_file)
        stamp = clock.localnow().strftime("%Y%m%d-%H%M%S-%f")
        kept = folder / f"{db_file.stem}-{stamp}-before-restore.sqlite3"
        if sqlite_files.quick_check(db_file) == "ok":
            sqlite_files.online_backup(db_file, kept)
        else:  # a damaged file is kept byte for byte, never "repaired" by a backup copy
            shutil.copy2(db_file, kept)
    tmp = db_file.with_name(db_file.name + ".restoring")
    sqlite_files.online_backup(source, tmp)
    for suffix in ("-wal", "-shm"):
        Path(str(db_file) + suffix).unlink(missing_ok=True)
    os.replace(tmp, db_file)
    sqlite_files.make_private(db_file)
    return kept
