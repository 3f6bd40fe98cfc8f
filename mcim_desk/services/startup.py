"""Opening a database: lock, integrity check, automatic backup, migration, reference data.

The usual start (file exists, schema at head, reference files unchanged) touches only the
standard library's sqlite3; SQLAlchemy and Alembic are imported only when there is work.
"""

from __future__ import annotations

import logging
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
        from PySide6.QtCore import QCoreApplication

        super().__init__(QCoreApplication.translate(
            "Startup", "Cannot open the database on the server {server}: {reason}").format(
                server=server, reason=reason))
        self.server, self.reason, self.detail = server, reason, detail


def server_name(target: str) -> str:
    """"host:port, database name" of a server URL (never its user's password)."""
    from PySide6.QtCore import QCoreApplication
    from sqlalchemy.engine import make_url

    from ..paths import public_target

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
    return QCoreApplication.translate("Startup", "{where}, database “{name}”").format(
        where=where, name=url.database or "")


def _connection_problem(detail: str) -> str:
    """What failed, in one translated sentence, from the driver's message."""
    from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
            return QCoreApplication.translate("Startup", reason)
    return QCoreApplication.translate("Startup", "the connection failed.")


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


def open_database(target: str, *, backup: bool = True) -> tuple[Database, OpenReport]:
    """Make ``target`` ready: create, check, back up, migrate and fill as needed."""
    db = Database(target)
    report = OpenReport(target=target)
    if db.path is not None:
        _prepare_file(db.path, report, backup)
        stored = sqlite_files.stored_revision(db.path)
    else:
        from ..persistence.migrations import current_revision

        _reach_server(db)
        stored = current_revision(db)
    head = head_revision()
    if stored != head:
        from ..persistence.migrations import upgrade_to_head

        log.info("upgrading schema from %s to %s", stored, head)
        upgrade_to_head(db)
        report.migrated_from = stored
        report.steps.append(f"schema upgraded {stored or 'empty'} -> {head}")
        if stored is not None:
            from .search import ensure_index

            if ensure_index(db):
                report.steps.append("search index rebuilt")
    report.revision = head
    if db.path is not None:
        sqlite_files.make_private(db.path)
    _sync_reference_if_changed(db, report)
    from .forms import install_bundled_forms

    installed = install_bundled_forms(db, force=report.reference is not None)
    report.steps.append(
        "bundled forms: " + (", ".join(f"{f.form_id} {f.version}" for f in installed) or "up to date")
    )
    return db, report


def _prepare_file(path: Path, report: OpenReport, backup: bool) -> None:
    from ..paths import ensure_private_dir

    ensure_private_dir(path.parent)
    if not path.exists() or path.stat().st_size == 0:
        report.created = True
        report.steps.append("database created")
        return
    problem = sqlite_files.quick_check(path)
    report.integrity = problem
    if problem != "ok":
        raise DatabaseDamagedError(path, problem, backups.latest_good_backup(path))
    report.steps.append("integrity check ok")
    if backup:
        report.backup = backups.automatic_backup(path, "start")
        report.steps.append("automatic backup made")


def _sync_reference_if_changed(db: Database, report: OpenReport) -> None:
    digest = reference_digest()
    if db.path is not None:
        rows = sqlite_files.read_rows(db.path, "SELECT value FROM setting WHERE key='reference_digest'")
        if rows and rows[0][0] == digest:
            report.steps.append("reference data up to date")
            return
    from ..domain.reference import load_reference
    from ..persistence import repositories

    with db.write() as session:
        repositories.installation_id(session)
        if repositories.get_setting(session, "reference_digest") == digest:
            report.steps.append("reference data up to date")
            return
        report.reference = repositories.sync_reference(session, load_reference())
    report.steps.append(
        "reference data loaded: {added} added, {updated} updated".format(**report.reference)
    )
