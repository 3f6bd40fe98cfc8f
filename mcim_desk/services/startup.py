"""Opening a database: lock, integrity check, automatic backup, migration, reference data.

The usual start (file exists, schema at head, reference files unchanged) touches only the
standard library's sqlite3; SQLAlchemy and Alembic are imported only when there is work.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.reference import reference_digest
from ..persistence import sqlite_files
from ..persistence.database import Database
from ..persistence.migrations import head_revision
from . import backups

log = logging.getLogger(__name__)


class DatabaseDamagedError(Exception):
    def __init__(self, path: Path, problem: str, backup: backups.BackupInfo | None) -> None:
        super().__init__(f"{path}: {problem}")
        self.path, self.problem, self.backup = path, problem, backup


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


def open_database(target: str, *, backup: bool = True) -> tuple[Database, OpenReport]:
    """Make ``target`` ready: create, check, back up, migrate and fill as needed."""
    db = Database(target)
    report = OpenReport(target=target)
    _refuse_newer_schema(db)
    if db.path is not None:
        _prepare_file(db.path, report, backup)
        stored = sqlite_files.stored_revision(db.path)
    else:
        from ..persistence.migrations import current_revision

        stored = current_revision(db)
    head = head_revision()
    if stored != head:
        from ..persistence.migrations import upgrade_to_head

        log.info("upgrading schema from %s to %s", stored, head)
        upgrade_to_head(db)
        report.migrated_from = stored
        report.steps.append(f"schema upgraded {stored or 'empty'} -> {head}")
    report.revision = head
    if db.path is not None:
        sqlite_files.make_private(db.path)
    _sync_reference_if_changed(db, report)
    _record_program_version(db)
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
