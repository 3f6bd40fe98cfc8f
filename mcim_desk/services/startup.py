"""Opening a database: a switch a kill interrupted finished, leftovers removed, integrity
check, automatic backup (when asked: the window's start), migration (after a copy), reference
data. A database whose file or folder cannot be written opens read-only.

The usual start (file exists, schema at head, reference files unchanged) touches only the
standard library's sqlite3; SQLAlchemy and Alembic are imported only when there is work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.reference import reference_digest
from ..paths import public_target
from ..persistence import sqlite_files
from ..persistence.database import Database
from ..persistence.migrations import head_revision
from . import backups

log = logging.getLogger(__name__)


class DatabaseDamagedError(Exception):
    def __init__(self, path: Path, problem: str, backup: backups.BackupInfo | None) -> None:
        super().__init__(f"{path}: {problem}")
        self.path, self.problem, self.backup = path, problem, backup


class ServerUnreachableError(Exception):
    """The database server could not be reached, or refused the connection. ``str()`` is a
    translated sentence naming the server (never the password) and what failed; ``detail``
    is the driver's own text, for the log."""

    def __init__(self, server: str, reason: str, detail: str) -> None:
        from ..translation import translate

        super().__init__(translate(
            "Startup", "Cannot open the database on the server {server}: {reason}").format(
                server=server, reason=reason))
        self.server, self.reason, self.detail = server, reason, detail


def server_name(target: str) -> str:
    """"host:port, database name" of a server URL (never its user's password)."""
    from sqlalchemy.engine import make_url

    from ..paths import public_target
    from ..translation import translate

    try:
        url = make_url(target)
    except Exception:  # an unparsable URL: shown as given, less its password
        return public_target(target)
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = ",".join(host)
    where = host if host.startswith("/") or url.port is None else f"{host}:{url.port}"
    if url.port is None and not host.startswith("/"):
        where = f"{host}:5432" if url.get_backend_name() == "postgresql" else host
    return translate("Startup", "{where}, database “{name}”").format(
        where=where, name=url.database or "")


def _connection_problem(detail: str) -> str:
    """What failed, in one translated sentence, from the driver's message."""
    from ..translation import QT_TRANSLATE_NOOP, translate

    text = detail.lower()
    reasons = [
        (("failed to resolve host", "could not translate host name", "name or service not known",
          "nodename nor servname", "no address associated", "temporary failure in name resolution"),
         QT_TRANSLATE_NOOP("Startup", "the server’s name is unknown (check its spelling, the "
                                      "network connection or the VPN).")),
        (("connection refused",),
         QT_TRANSLATE_NOOP("Startup", "nothing answers on that port (the server may be stopped, "
                                      "or the port is wrong).")),
        (("timeout expired", "timed out", "network is unreachable", "no route to host"),
         QT_TRANSLATE_NOOP("Startup", "the server did not answer (check the network connection, "
                                      "a firewall or the VPN).")),
        (("authentication failed", "no password supplied", "no pg_hba.conf entry", "role "),
         QT_TRANSLATE_NOOP("Startup", "the server refused the user name or password.")),
        (("does not exist",),
         QT_TRANSLATE_NOOP("Startup", "the server has no database of that name.")),
        (("no such file or directory",),
         QT_TRANSLATE_NOOP("Startup", "no database server runs on this computer’s socket.")),
    ]
    for needles, reason in reasons:
        if any(needle in text for needle in needles):
            return translate("Startup", reason)
    return translate("Startup", "the connection failed.")


def _reach_server(db: Database) -> None:
    """Connect once, so that an unreachable server is one clear error, not a traceback from
    the first statement that needed it."""
    from sqlalchemy.exc import DBAPIError

    try:
        with db.engine.connect():
            pass
    except DBAPIError as exc:
        detail = str(getattr(exc, "orig", exc))
        log.info("cannot connect to %s: %s", public_target(db.target), detail)
        raise ServerUnreachableError(server_name(db.target), _connection_problem(detail), detail) from None


class NotADatabaseError(Exception):
    """A file chosen to open is not an MCIM Desk database; ``str()`` says what it is, in
    the language in use, naming the file. Nothing was written to it."""


def check_database_file(path: Path) -> None:
    """Refuse, before anything touches it, a file that is missing, a folder, not SQLite, or
    a SQLite database of another program (the start would add this program's tables to it).
    An empty file is a new database, as at the start."""
    from ..translation import QT_TRANSLATE_NOOP, translate

    def refuse(text: str) -> NotADatabaseError:
        return NotADatabaseError(translate("Startup", text).format(file=path))

    if not path.exists():
        raise refuse(QT_TRANSLATE_NOOP("Startup", "{file} does not exist (any more)."))
    if path.is_dir():
        raise refuse(QT_TRANSLATE_NOOP("Startup", "{file} is a folder: choose a database file (.sqlite3)."))
    if path.stat().st_size == 0:
        return
    try:
        tables = sqlite_files.table_names(path)
    except OSError as exc:
        raise NotADatabaseError(f"{path}: {exc.strerror or exc}") from exc
    if tables is None:
        raise refuse(QT_TRANSLATE_NOOP("Startup", "{file} is not a database: MCIM Desk opens the "
                                                  "SQLite files (.sqlite3) it writes. Nothing "
                                                  "was changed."))
    if tables and ("alembic_version" not in tables or "mechanism" not in tables):
        raise refuse(QT_TRANSLATE_NOOP("Startup", "{file} is a SQLite database of another "
                                                  "program, not of MCIM Desk. Nothing was "
                                                  "changed."))


class DatabaseTooNewError(Exception):
    """The database's schema revision is not one this program knows: a newer version wrote
    it. Raised before anything is written (no backup, no migration, no reference data)."""

    def __init__(self, target: str, revision: str, database_version: str | None) -> None:
        from .. import __version__

        self.target, self.revision, self.program_version = target, revision, __version__
        self.database_version = database_version or revision  # older files did not say
        super().__init__(f"{target}: schema {revision} (MCIM Desk {self.database_version}) "
                         f"is newer than this program (MCIM Desk {__version__})")


PROGRAM_VERSION_KEY = "program_version"  # setting: the last program version that opened it


def _refuse_newer_schema(db: Database) -> None:
    """A downgrade (an older program on a newer database) changes nothing: refuse it first."""
    from ..persistence.migrations import known_revisions

    if db.path is not None:
        if not db.path.exists() or db.path.stat().st_size == 0:
            return
        try:
            stored = sqlite_files.stored_revision(db.path)
            rows = sqlite_files.read_rows(
                db.path, "SELECT value FROM setting WHERE key=?", (PROGRAM_VERSION_KEY,))
        except Exception:  # noqa: BLE001 - a damaged file: the integrity check reports it
            return
    else:
        from ..persistence import repositories
        from ..persistence.migrations import current_revision

        _reach_server(db)
        stored = current_revision(db)
        if stored is None or stored in known_revisions():
            return
        with db.read() as session:
            rows = [(repositories.get_setting(session, PROGRAM_VERSION_KEY),)]
    if stored is not None and stored not in known_revisions():
        raise DatabaseTooNewError(db.target, stored, rows[0][0] if rows else None)


def _record_program_version(db: Database) -> None:
    from .. import __version__

    if db.path is not None:
        rows = sqlite_files.read_rows(
            db.path, "SELECT value FROM setting WHERE key=?", (PROGRAM_VERSION_KEY,))
        if rows and rows[0][0] == __version__:
            return
    from ..persistence import repositories

    with db.write() as session:
        if repositories.get_setting(session, PROGRAM_VERSION_KEY) != __version__:
            repositories.set_setting(session, PROGRAM_VERSION_KEY, __version__)


@dataclass
class OpenReport:
    """What opening the database did, for `check`, `--self-test` and the log."""

    target: str
    created: bool = False
    migrated_from: str | None = None
    revision: str | None = None
    reference: dict[str, int] | None = None
    backup: Path | None = None
    integrity: str = "ok"
    steps: list[str] = field(default_factory=list)
    # a start backup that could not be written (full disk...): the message; the program goes on
    backup_problem: str | None = None
    read_only: bool = False


# What open_database is doing, for the window to say while it waits (issue 14): each step is
# announced before it starts, only when it has work to do.
STEPS = ("create", "check", "backup", "upgrade", "reference", "forms")
Progress = Callable[[str], None]


def _silent(_step: str) -> None:
    pass


def open_database(target: str, *, backup: bool = False,
                  progress: Progress = _silent) -> tuple[Database, OpenReport]:
    """Make ``target`` ready: create, check, migrate and fill as needed. ``backup``: make the
    start copy (the window does; commands that only read never wait for one). A schema
    upgrade is always preceded by a copy. A read-only database opens as it is (nothing that
    would write runs; a database that needs an upgrade is refused with ReadOnlyError).
    ``progress`` is told each step (``STEPS``) before it starts."""
    db = Database(target)
    report = OpenReport(target=target, read_only=db.read_only)
    _refuse_newer_schema(db)
    if db.path is not None:
        _prepare_file(db, report, backup, progress)
        stored = sqlite_files.stored_revision(db.path)
    else:
        from ..persistence.migrations import current_revision

        _reach_server(db)
        stored = current_revision(db)
    head = head_revision()
    if stored != head and db.read_only:
        raise db.read_only_error()
    if stored != head and db.path is not None and not report.created and stored is not None:
        progress("backup")
        report.backup = backups.automatic_backup(db.path, "before-upgrade")  # no copy, no upgrade
        report.steps.append("backup made before the upgrade")
    if stored != head:
        from ..persistence.migrations import upgrade_to_head

        log.info("upgrading schema from %s to %s", stored, head)
        progress("upgrade")
        upgrade_to_head(db)
        report.migrated_from = stored
        report.steps.append(f"schema upgraded {stored or 'empty'} -> {head}")
        if stored is not None:
            from .search import ensure_index

            if ensure_index(db):
                report.steps.append("search index rebuilt")
    report.revision = head
    _run_clock_for(db)
    if db.read_only:
        report.steps.append("read-only: reference data and bundled forms left as they are")
        return db, report
    _sync_reference_if_changed(db, report, progress)
    _record_program_version(db)
    from .forms import install_bundled_forms

    progress("forms")
    installed = install_bundled_forms(db, force=report.reference is not None)
    report.steps.append(
        "bundled forms: " + (", ".join(f"{f.form_id} {f.version}" for f in installed) or "up to date")
    )
    return db, report


def _run_clock_for(db: Database) -> None:
    """A demonstration database is set on a day of 2018 ("demo.now"): the clock runs from
    that day while it is open, so that its follow-ups read as overdue, due today or upcoming
    as they did then. Any other database: the wall clock."""
    from datetime import datetime

    from .. import clock

    if db.path is not None:
        rows = sqlite_files.read_rows(db.path, "SELECT value FROM setting WHERE key='demo.now'")
        value = rows[0][0] if rows else None
    else:
        from ..persistence import repositories

        with db.read() as session:
            value = repositories.get_setting(session, "demo.now")
    try:
        clock.run_from(datetime.fromisoformat(value) if value else None)
    except ValueError:
        clock.run_from(None)


def _prepare_file(db: Database, report: OpenReport, backup: bool, progress: Progress = _silent) -> None:
    from ..files import classify, create_private
    from ..paths import ensure_private_dir

    path = db.path
    if not db.read_only:
        ensure_private_dir(path.parent)  # a new folder is private; an existing one is left as it is
        done = backups.finish_interrupted_switch(path)
        if done:
            report.steps.append(f"interrupted file switch {done}")
        removed = backups.clean_leftovers(path)
        if removed:
            report.steps.append(f"{len(removed)} leftover temporary files removed")
    if not path.exists() or path.stat().st_size == 0:
        if db.read_only:
            raise db.read_only_error()
        progress("create")
        create_private(path)  # 0600 from its first byte; SQLite gives its -wal and -shm the same
        report.created = True
        report.steps.append("database created")
        return
    progress("check")
    problem = sqlite_files.quick_check(path)
    report.integrity = problem
    if problem != "ok":
        raise DatabaseDamagedError(path, problem, backups.latest_good_backup(path))
    report.steps.append("integrity check ok")
    if db.read_only:
        report.steps.append("opened read-only")
        return
    if backup:
        import sqlite3

        progress("backup")
        try:
            report.backup = backups.automatic_backup(path, "start")
        except (OSError, sqlite3.Error) as exc:  # the program goes on; the window says so
            log.warning("start backup skipped: %s", type(exc).__name__)
            report.backup_problem = str(classify(exc, path.parent / "backups") or exc)
            report.steps.append("start backup skipped")
        else:
            report.steps.append("automatic backup made")


def _sync_reference_if_changed(db: Database, report: OpenReport, progress: Progress = _silent) -> None:
    digest = reference_digest()
    if db.path is not None:
        rows = sqlite_files.read_rows(db.path, "SELECT value FROM setting WHERE key='reference_digest'")
        if rows and rows[0][0] == digest:
            report.steps.append("reference data up to date")
            return
    from ..domain.reference import load_reference
    from ..persistence import repositories

    progress("reference")
    with db.write() as session:
        repositories.installation_id(session)
        if repositories.get_setting(session, "reference_digest") == digest:
            report.steps.append("reference data up to date")
            return
        report.reference = repositories.sync_reference(session, load_reference())
    report.steps.append(
        "reference data loaded: {added} added, {updated} updated".format(**report.reference)
    )
