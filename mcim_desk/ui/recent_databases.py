"""File > Open a database… and File > Recent databases (issue 14): the secretariat switches
between its own database and a consultant's in the same window.

Opening goes the way the start does (``MainWindow.open_database``: lock, integrity check,
backup, upgrade after a copy, a newer schema refused), after the file was checked to be an
MCIM Desk database at all (``services.startup.check_database_file``). The database open
before is closed as closing the window closes it (exit backup, lock released); when the
chosen one cannot be opened, the previous one is opened again. The last 8 database files
opened are kept in the preferences; a file that is gone is shown greyed, with an entry to
remove those from the list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .main_window import MainWindow

RECENT_KEY = "recent_databases"
RECENT_MAX = 8


def recent_databases() -> list[str]:
    """The database files opened last, newest first."""
    from ..i18n import settings

    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives one entry as a plain string
        value = [value]
    return [str(v) for v in value or [] if v][:RECENT_MAX]


def _store(paths: list[str]) -> None:
    from ..i18n import settings

    store = settings()
    store.setValue(RECENT_KEY, paths[:RECENT_MAX])
    store.sync()


def remember_database(target: str) -> None:
    """Put a database file first in the list (a server database is not listed: its URL may
    hold a password)."""
    from ..paths import is_url

    if is_url(target):
        return
    path = str(Path(target).resolve())
    _store([path] + [p for p in recent_databases() if p != path])


def forget_missing() -> None:
    _store([p for p in recent_databases() if Path(p).is_file()])


def current_target(window: MainWindow) -> str | None:
    return window.ctx.db.target if window.ctx is not None else None


def open_other_database(window: MainWindow, target: str) -> bool:
    """Open ``target`` in ``window`` instead of the database open there. False (with a
    message saying why) when it is not opened; the previous database is open again then."""
    from ..paths import is_url
    from ..services.startup import NotADatabaseError, check_database_file

    previous = current_target(window)
    if not is_url(target):
        target = str(Path(target).resolve())
        if previous is not None and not is_url(previous) and Path(previous).resolve() == Path(target):
            window.statusBar().showMessage(QCoreApplication.translate(
                "RecentDatabases", "{file} is the database open in this window.").format(
                file=target), 8000)
            return True
        try:
            check_database_file(Path(target))
        except NotADatabaseError as exc:
            window.dialogs.error(
                QCoreApplication.translate("RecentDatabases", "Database not opened"), str(exc))
            return False
    if not window.close_database():
        return False
    if window.open_database(target):
        window.statusBar().showMessage(QCoreApplication.translate(
            "RecentDatabases", "Opened {file}").format(file=target), 8000)
        return True
    if previous is not None:
        window.open_database(previous)
    return False


def choose_and_open(window: MainWindow) -> bool:
    """File > Open a database…: a SQLite file, from the folder of the one open by default."""
    from ..paths import sqlite_path_of

    open_now = sqlite_path_of(current_target(window) or "")
    chosen = window.dialogs.open_file(
        QCoreApplication.translate("RecentDatabases", "Open a database"),
        QCoreApplication.translate("RecentDatabases", "MCIM Desk databases (*.sqlite3 *.db);;"
                                                      "All files (*)"),
        "database", open_now.parent if open_now else None)
    return open_other_database(window, chosen) if chosen else False


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    current = current_target(window)
    paths = recent_databases()
    missing = False
    for number, path in enumerate(paths, start=1):
        here = Path(path).is_file()
        missing = missing or not here
        name = f"{Path(path).name} — {Path(path).parent}".replace("&", "&&")  # & is literal
        text = f"&{number} {name}"  # the number is the mnemonic
        if not here:
            text = QCoreApplication.translate("RecentDatabases", "{entry} (missing)").format(entry=text)
        action = menu.addAction(text)
        action.setObjectName(f"recent_database_{number}")
        action.setData(path)
        action.setToolTip(path)
        action.setEnabled(here)
        action.setCheckable(True)
        action.setChecked(current is not None and str(Path(current).resolve()) == path)
        action.triggered.connect(lambda _checked=False, path=path: open_other_database(window, path))
    menu.menuAction().setEnabled(bool(paths))
    if missing:
        menu.addSeparator()
        clean = menu.addAction(QCoreApplication.translate("RecentDatabases",
                                                          "&Remove the missing files from the list"))
        clean.setObjectName("forget_missing_databases")
        clean.triggered.connect(forget_missing)


def install(window: MainWindow) -> None:
    """File > Open a database… (Ctrl+O) and File > Recent databases, first in the menu; the
    database opened (at the start, or from here) goes first in the list."""
    menu = window.file_menu
    first = menu.actions()[0] if menu.actions() else None
    open_action = QAction(window)
    open_action.setObjectName("open_database_action")
    open_action.setShortcut(QKeySequence.StandardKey.Open)
    open_action.triggered.connect(lambda _checked=False: choose_and_open(window))
    recent = QMenu(window)
    recent.setObjectName("recent_databases_menu")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    menu.insertAction(first, open_action)
    menu.insertMenu(first, recent)
    menu.insertSeparator(first)

    def retitle(*_args: object) -> None:
        open_action.setText(QCoreApplication.translate("RecentDatabases", "&Open a database…"))
        recent.setTitle(QCoreApplication.translate("RecentDatabases", "Recen&t databases"))

    window.language_changed.connect(retitle)
    retitle()
    _fill_recent(window, recent)  # the accessibility walk and tests read it without opening it

    def opened() -> None:
        if window.ctx is not None:
            remember_database(window.ctx.db.target)
            _fill_recent(window, recent)

    window.database_opened.connect(opened)
