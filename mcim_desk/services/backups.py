"""Automatic and manual backups, restore, the damaged-file check, and finishing a file switch
that a kill interrupted.

**When a copy is made**: before a schema upgrade, before an import, before a restore (what is
replaced is kept), on the window's start and clean exit, and on "Back up now". A command that
only reads (check, report, export) never copies. A copy identical to the latest one is not
made again: a cheap fingerprint of the files (size and modification time of the database and
its WAL, plus a SHA-256 of their bytes when the last change is too recent for times to tell)
is kept beside the copies. **Rotation**: at most ``limits.BACKUPS_KEPT`` copies and
``limits.BACKUPS_TOTAL_BYTES`` together, the newest always kept.

**Switching files**: a SQLite database in WAL mode is up to three files (``x``, ``x-wal``,
``x-shm``) whose latest saves may sit in the WAL. They move together: a journal
(``x.switch``) names where the old set goes and which new file replaces it, then the WAL, the
shared memory and the main file move aside (the main file last), then the new file is renamed
into place, then the journal goes. A start that finds a journal (the switch was killed)
finishes it, or rolls it back when the new file is gone, before anything opens the database:
the old main file is never seen without its WAL.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock, limits
from ..files import DatabaseBusyError, write_text
from ..paths import backup_dir_for, pending_temp_files, pid_alive, pid_of
from ..persistence import sqlite_files

KEEP_AUTOMATIC = limits.BACKUPS_KEPT
KEEP_BYTES = limits.BACKUPS_TOTAL_BYTES
SIDE_FILES = ("-wal", "-shm")
SET_ORDER = ("-wal", "-shm", "")  # the main file moves last
RECENT_SECONDS = 2.0  # file times closer than this to "now" cannot tell two writes apart
SWITCH_SECONDS = 60.0  # a journal lives while a few files are renamed: older means abandoned
_PART_PID = re.compile(r"\.(\d+)-[0-9a-f]{8}\.part$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    when: datetime


def backup_to(db_file: Path, out: Path) -> Path:
    """A consistent copy of a live SQLite database (online backup API), written private."""
    return sqlite_files.online_backup(db_file, out)


def automatic_backup(db_file: Path, reason: str) -> Path | None:
    """A copy in the backups folder, unless the latest one is identical (then that one is
    returned); the rotation then keeps within its count and size."""
    if not db_file.exists() or db_file.stat().st_size == 0:
        return None
    folder = backup_dir_for(db_file)
    current = fingerprint(db_file)
    last = _last_backup(db_file)
    if last is not None and (folder / last["file"]).exists() and _same(last["fingerprint"], current, db_file):
        return folder / last["file"]
    stamp = clock.localnow().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    sqlite_files.online_backup(db_file, target)
    try:
        write_text(_last_file(db_file), json.dumps({"file": target.name, "fingerprint": current}))
    except OSError:
        pass  # no note: the next backup is simply made again
    rotate(db_file)
    return target


def fingerprint(db_file: Path) -> dict:
    """What tells whether the database changed since: size and time of the file and of its
    WAL (an empty WAL holds nothing), and the WAL's salt (new at every WAL reset). When a
    time is too recent to be told from a later write in the same clock tick, a SHA-256 of
    the bytes is added."""
    now = time.time()
    found: dict = {}
    recent = False
    for suffix in ("", "-wal"):
        path = Path(f"{db_file}{suffix}")
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if suffix and stat.st_size < 32:
            continue
        salt = ""
        if suffix:
            with open(path, "rb") as stream:
                salt = stream.read(32)[16:24].hex()
        found[suffix or "main"] = [stat.st_size, stat.st_mtime_ns, salt]
        recent = recent or now - stat.st_mtime < RECENT_SECONDS
    if recent:
        found["sha256"] = _digest(db_file)
    return found


def _digest(db_file: Path) -> str:
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        path = Path(f"{db_file}{suffix}")
        if path.exists():
            with open(path, "rb") as stream:
                while chunk := stream.read(4 * 1024 * 1024):
                    digest.update(chunk)
    return digest.hexdigest()


def _same(recorded: dict, current: dict, db_file: Path) -> bool:
    if not recorded:
        return False
    times = {k: v for k, v in recorded.items() if k != "sha256"}
    if times != {k: v for k, v in current.items() if k != "sha256"}:
        return False
    if "sha256" in recorded:
        return recorded["sha256"] == current.get("sha256") or recorded["sha256"] == _digest(db_file)
    return True


def _last_file(db_file: Path) -> Path:
    return db_file.parent / "backups" / f"{db_file.stem}.last-backup.json"


def _last_backup(db_file: Path) -> dict | None:
    try:
        data = json.loads(_last_file(db_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("file"), str) or "/" in data["file"]:
        return None
    return data


def rotate(db_file: Path) -> list[Path]:
    """Keep the newest copies within KEEP_AUTOMATIC and KEEP_BYTES (the newest always);
    remove the others with their WAL. Returns what was removed."""
    removed = []
    total = 0
    for index, info in enumerate(list_backups(db_file)):
        if index == 0 or (index < KEEP_AUTOMATIC and total + info.size <= KEEP_BYTES):
            total += info.size
            continue
        for suffix in SIDE_FILES:
            Path(f"{info.path}{suffix}").unlink(missing_ok=True)
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def list_backups(db_file: Path) -> list[BackupInfo]:
    """Automatic backups of this database, newest first (size: with its WAL, if any)."""
    folder = db_file.parent / "backups"
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_file.stem}-*.sqlite3"):
        try:
            stat = path.stat()
            size = stat.st_size + sum(
                Path(f"{path}{s}").stat().st_size for s in SIDE_FILES if Path(f"{path}{s}").exists()
            )
        except FileNotFoundError:
            continue
        found.append(BackupInfo(path, size, datetime.fromtimestamp(stat.st_mtime)))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def latest_good_backup(db_file: Path) -> BackupInfo | None:
    for info in list_backups(db_file):
        if sqlite_files.quick_check(info.path) == "ok":
            return info
    return None


def damaged_name(db_file: Path) -> Path:
    """Where a damaged database is kept (with its WAL): ``<name>.damaged-YYYYMMDD-HHMMSS``."""
    stamp = clock.localnow().strftime("%Y%m%d-%H%M%S")
    kept = db_file.with_name(f"{db_file.name}.damaged-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = db_file.with_name(f"{db_file.name}.damaged-{stamp}-{n}")
    return kept


def restore(db_file: Path, source: Path, kept: Path | None = None) -> Path | None:
    """Replace the database with a copy of ``source``. What it replaces (the main file with
    its WAL, byte for byte) is kept as ``kept`` (default: a "before-restore" copy in the
    backups folder). The source is checked before anything is touched; the switch survives
    a kill at any point (see the module's docstring). Returns where the old set was kept."""
    if not source.is_file():
        raise FileNotFoundError(source)
    problem = sqlite_files.quick_check(source)
    if problem != "ok":
        raise sqlite_files.DatabaseDamaged(f"{source}: {problem}", problem)
    finish_interrupted_switch(db_file)
    incoming = db_file.with_name(f"{db_file.name}.restoring-{os.getpid()}-{os.urandom(3).hex()}")
    sqlite_files.online_backup(source, incoming)
    try:
        if db_file.exists():
            if os.name == "posix":  # the restored file takes the replaced one's mode
                os.chmod(incoming, db_file.stat().st_mode & 0o7777)
            if kept is None:
                stamp = clock.localnow().strftime("%Y%m%d-%H%M%S-%f")
                kept = backup_dir_for(db_file) / f"{db_file.stem}-{stamp}-before-restore.sqlite3"
        else:
            kept = None
        _switch(db_file, kept, incoming)
    finally:
        incoming.unlink(missing_ok=True)  # still there only if the switch failed before it
    return kept


# --- switching the set of files -------------------------------------------------------------


def journal_of(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".switch")


def _switch(db_file: Path, aside: Path | None, incoming: Path | None) -> None:
    journal = journal_of(db_file)
    write_text(journal, json.dumps({
        "pid": os.getpid(),
        "aside": str(aside) if aside else None,
        "incoming": str(incoming) if incoming else None,
    }))
    _complete(db_file, aside, incoming)
    journal.unlink()
    _fsync_folder(db_file.parent)


def _complete(db_file: Path, aside: Path | None, incoming: Path | None) -> str:
    """Carry a journaled switch to its end from wherever it stopped (idempotent)."""
    if incoming is not None and not incoming.exists() and not db_file.exists() and aside is not None:
        # the new file is gone before taking its place: put the old set back
        for suffix in reversed(SET_ORDER):
            moved, home = Path(f"{aside}{suffix}"), Path(f"{db_file}{suffix}")
            if moved.exists() and not home.exists():
                os.replace(moved, home)
        return "rolled back"
    if incoming is None or incoming.exists():
        if aside is not None:
            for suffix in SET_ORDER:
                home, moved = Path(f"{db_file}{suffix}"), Path(f"{aside}{suffix}")
                if home.exists() and not moved.exists():
                    os.replace(home, moved)
            _fsync_folder(aside.parent)
        if incoming is not None:
            for suffix in SIDE_FILES:  # never let another WAL meet the new file
                Path(f"{db_file}{suffix}").unlink(missing_ok=True)
            os.replace(incoming, db_file)
    return "completed"


def finish_interrupted_switch(db_file: Path) -> str | None:
    """If a switch of this database's files was interrupted (killed), finish it or roll it
    back, and say which; None when there was nothing to do. Waits for a switch that a running
    process is doing, then gives up with DatabaseBusyError."""
    journal = journal_of(db_file)
    for _ in range(150):
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            data = None  # a journal cut short: it was never complete, nothing moved yet
        if (data is None or not pid_alive(int(data.get("pid", 0))) or data.get("pid") == os.getpid()
                or _age(journal) > SWITCH_SECONDS):  # only renames run under it: an old one is
            break                                    # a killed process's, its pid reused since
        time.sleep(0.1)
    else:
        raise DatabaseBusyError(db_file)
    done = None
    if data is not None:
        aside = Path(data["aside"]) if data.get("aside") else None
        incoming = Path(data["incoming"]) if data.get("incoming") else None
        done = _complete(db_file, aside, incoming)
    journal.unlink(missing_ok=True)
    _fsync_folder(db_file.parent)
    return done or "journal removed"


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def clean_leftovers(db_file: Path) -> list[Path]:
    """Remove what killed processes left beside the database and in its backups folder:
    restore copies (``x.restoring-<pid>-…``) and partial copies (``*.part``), unless a running
    process is making them. Returns what was removed."""
    removed = []
    in_progress = pending_temp_files()
    for path in db_file.parent.glob(f"{db_file.name}.restoring-*"):
        pid = pid_of(path.name.split(".restoring-", 1)[1])
        if pid is None or not pid_alive(pid):
            path.unlink(missing_ok=True)
            removed.append(path)
    for folder in (db_file.parent, db_file.parent / "backups"):
        if not folder.is_dir():
            continue
        for path in folder.glob(f"*{db_file.stem}*.part"):
            writer = _PART_PID.search(path.name)  # the writer names its temporary files by pid
            if path in in_progress or (writer and pid_alive(int(writer.group(1)))):
                continue
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _fsync_folder(folder: Path) -> None:
    from ..files import _fsync_folder as fsync

    fsync(folder)


__all__ = [
    "BackupInfo", "KEEP_AUTOMATIC", "KEEP_BYTES", "automatic_backup",
    "backup_to", "clean_leftovers", "damaged_name", "finish_interrupted_switch", "fingerprint",
    "journal_of", "latest_good_backup", "list_backups", "restore", "rotate",
]
