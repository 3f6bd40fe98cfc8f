"""Where things live: the data folder, the database, backups, logs and bundled resources.

Light on purpose (no Qt, no SQLAlchemy): it runs before anything else at start-up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import APP_ID

DB_ENV = "MCIM_DESK_DB"
DATA_ENV = "MCIM_DESK_DATA"


def resource_path(*parts: str) -> Path:
    """A file shipped with the program, frozen (PyInstaller's _MEIPASS) or not."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath(*parts)


def data_dir() -> Path:
    """The per-user data folder (created 0700 when new). MCIM_DESK_DATA overrides it (tests,
    portable use)."""
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_ID, appauthor=False))
    ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` private (0700) if it does not exist. A folder that already exists keeps
    its mode: it may be shared on purpose (a secretariat folder colleagues read)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def is_url(target: str) -> bool:
    return "://" in target


def database_target(cli_value: str | None = None) -> str:
    """--db wins, then MCIM_DESK_DB, then the data folder's mcim-desk.sqlite3.

    The result is a file path or a SQLAlchemy URL (``postgresql+psycopg://...``).
    """
    value = cli_value or os.environ.get(DB_ENV)
    if value:
        return value if is_url(value) else str(Path(value).expanduser().resolve())
    return str(data_dir() / "mcim-desk.sqlite3")


def public_target(target: str) -> str:
    """The database as people (and the log) may see it: a file's path, or the URL without
    its password (``postgresql+psycopg://amina@server/mcim``)."""
    if not is_url(target):
        return target
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(target)
    except ValueError:
        return target.split("://", 1)[0] + "://…"
    userinfo, at, hostinfo = parts.netloc.rpartition("@")
    if not at:
        return target
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{hostinfo}" if user else hostinfo))


def sqlite_path_of(target: str) -> Path | None:
    """The file behind a target, or None for a server database."""
    if not is_url(target):
        return Path(target)
    if target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///"))
    return None


def backup_dir_for(db_file: Path) -> Path:
    return ensure_private_dir(db_file.parent / "backups")


def log_dir() -> Path:
    return ensure_private_dir(data_dir() / "logs")


# --- the program's own temporary folder -----------------------------------------------------
#
# Every temporary file the program makes (a bundle's extracted records, an export being
# assembled, openpyxl's sheets, the temporary copy of a file being written) lives under
# <data folder>/tmp/<pid>-<token>/: the data folder is private (0700), so decrypted personal data
# is never where other users can read it, and a process killed with its files still there
# leaves them to the next start, which removes the folders of processes no longer running.

TEMP_FOLDER = "tmp"
PENDING_PREFIX = "pending-"  # a note naming a temporary file made outside this folder
_TOKEN = os.urandom(4).hex()  # tells this process's folder from an older one with its pid


def temp_root() -> Path:
    return ensure_private_dir(data_dir() / TEMP_FOLDER)


def temp_dir() -> Path:
    """This process's private temporary folder (created 0700 on first use)."""
    return ensure_private_dir(temp_root() / f"{os.getpid()}-{_TOKEN}")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (on this machine)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate it on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def pid_of(name: str) -> int | None:
    """The process id a temporary entry's name starts with (``<pid>-...``), if any."""
    head = name.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def pending_temp_files() -> set[Path]:
    """The temporary files that running processes are writing outside their folder."""
    root = data_dir() / TEMP_FOLDER
    found: set[Path] = set()
    if not root.is_dir():
        return found
    for entry in root.iterdir():
        pid = pid_of(entry.name)
        if pid is None or not pid_alive(pid) or not entry.is_dir():
            continue
        for note in entry.glob(PENDING_PREFIX + "*"):
            try:
                found.add(Path(note.read_text(encoding="utf-8").strip()))
            except (OSError, UnicodeError):
                continue
    return found


def clean_stale_temp() -> list[Path]:
    """Remove the temporary folders of processes that no longer run (killed, crashed), and the
    temporary files they had started outside them (noted in ``pending-*`` files). The folders
    of running processes are left alone. Returns what was removed."""
    import shutil

    root = data_dir() / TEMP_FOLDER
    if not root.is_dir():
        return []
    removed: list[Path] = []
    for entry in root.iterdir():
        pid = pid_of(entry.name)
        if pid is not None and pid_alive(pid):
            continue
        if entry.is_dir():
            for note in entry.glob(PENDING_PREFIX + "*"):
                try:
                    left = Path(note.read_text(encoding="utf-8").strip())
                except (OSError, UnicodeError):
                    continue
                if left.name.endswith(".part") and left.exists():
                    left.unlink(missing_ok=True)
                    removed.append(left)
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed
