"""Where every file box of the window opens, by kind of file (issue 14).

Each kind (a backup, a bundle, a report, a spreadsheet...) has a default folder — backups in
the database's ``backups/``, databases in the data folder, everything written or read for
people in the Documents folder (the home folder without one) — and the folder last chosen for
that kind is remembered in the preferences (``settings.ini``, section ``folders``), so the
next box of that kind opens there. Never the working directory the program was started from.

``DialogService.save_file`` / ``open_file`` call :func:`start_path` and :func:`remember`; a
call that names no kind gets one from its filter's first pattern (``*.pdf`` is a report).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

# kind -> where it opens the first time ("documents", "data", "backups")
KINDS = {
    "backup": "backups",
    "database": "data",
    "bundle": "documents",
    "report": "documents",
    "spreadsheet": "documents",
    "json": "documents",
    "pdf_form": "documents",
    "xlsform": "documents",
    "calendar": "documents",
    "guide": "documents",
    "other": "documents",
}
# Never remembered: a backup box always opens in the backups of the database that is open.
NOT_REMEMBERED = {"backup"}
_BY_EXTENSION = {
    "mcimz": "bundle", "pdf": "report", "xlsx": "spreadsheet", "csv": "spreadsheet",
    "json": "json", "sqlite3": "database", "db": "database", "ics": "calendar", "md": "xlsform",
}
SECTION = "folders"


def documents_dir() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()


def kind_of(kind: str | None, filters: str = "") -> str:
    """``kind`` when given and known; else guessed from the filter's first ``*.ext``."""
    if kind in KINDS:
        return kind
    match = re.search(r"\*\.([A-Za-z0-9]+)", filters)
    return _BY_EXTENSION.get(match.group(1).lower(), "other") if match else "other"


def default_folder(kind: str) -> Path:
    from ..paths import data_dir

    where = KINDS.get(kind, "documents")
    if where == "backups":
        return data_dir() / "backups"
    if where == "data":
        return data_dir()
    return documents_dir()


def remembered_folder(kind: str) -> Path | None:
    from ..i18n import settings

    value = settings().value(f"{SECTION}/{kind}", "", str)
    return Path(value) if value and Path(value).is_dir() else None


def start_folder(kind: str, folder: Path | str | None = None) -> Path:
    """The folder a box of ``kind`` opens in: the one last chosen for that kind (if it still
    exists), else ``folder`` (the caller's default, e.g. the open database's backups), else
    the kind's default folder."""
    remembered = None if kind in NOT_REMEMBERED else remembered_folder(kind)
    if remembered is not None:
        return remembered
    for candidate in (folder, default_folder(kind)):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return documents_dir()


def start_path(kind: str, suggested: str = "", folder: Path | str | None = None) -> str:
    """What the box is given: a suggested file name in the start folder; a suggestion that is
    already a full path (the report dialog's field) is kept as it is."""
    if suggested and Path(suggested).expanduser().is_absolute():
        return str(Path(suggested).expanduser())
    start = start_folder(kind, folder)
    return str(start / suggested) if suggested else str(start)


def remember(kind: str, chosen: str | Path | None) -> None:
    """Keep the folder of the file chosen for ``kind`` (in the preferences)."""
    if not chosen or kind in NOT_REMEMBERED:
        return
    from ..i18n import settings

    parent = Path(chosen).expanduser().parent
    if not parent.is_dir():
        return
    store = settings()
    store.setValue(f"{SECTION}/{kind}", str(parent))
    store.sync()
