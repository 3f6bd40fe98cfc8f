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
    """The per-user data folder (created 0700). MCIM_DESK_DATA overrides it (tests, portable use)."""
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_ID, appauthor=False))
    ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)
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
