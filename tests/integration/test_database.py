"""The spine's database: first start, reference data, idempotence, pragmas, migrations."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from mcim_desk.domain.reference import load_reference, reference_dir
from mcim_desk.persistence import repositories
from mcim_desk.persistence.sqlite_files import stored_revision
from mcim_desk.services import catalogue
from mcim_desk.services.startup import open_database


def table_count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_first_start_creates_and_fills(db_path: Path) -> None:
    db, report = open_database(str(db_path))
    assert report.created and report.migrated_from is None
    summary = catalogue.database_summary(db)
    assert summary.problems == []
    counts = summary.counts
    assert counts["mechanisms"] == 30
    assert (counts["mechanisms.rcp"], counts["mechanisms.irf"], counts["mechanisms.global"]) == (15, 13, 2)
    assert (counts["objective"], counts["principle"], counts["theme"]) == (23, 10, 6)
    assert counts["partner_category"] == 8 and counts["definition"] == 5
    names = {row.name_en for row in catalogue.mechanism_rows(db)}
    assert "Pan-African Forum on Migration" in names
    assert any(name.endswith("(Abu Dhabi Dialogue)") for name in names)


def test_second_start_adds_nothing_and_skips_sqlalchemy(db_path: Path) -> None:
    open_database(str(db_path))[0].dispose()
    before = {t: table_count(db_path, t) for t in ("mechanism", "reference_item", "setting")}
    import subprocess

    code = (
        "import sys; from mcim_desk.services.startup import open_database;"
        f"db, r = open_database({str(db_path)!r});"
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules, r.steps)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("False False"), out.stdout
    after = {t: table_count(db_path, t) for t in before}
    assert after == before


def test_newer_reference_updates_labels_but_keeps_user_edits(db, db_path: Path, tmp_path: Path) -> None:
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    catalogue.update_mechanism(db, rabat.id, "name_fr", "Processus de Rabat (nom local)", "tester")
    folder = tmp_path / "reference"
    shutil.copytree(reference_dir(), folder)
    path = folder / "mechanisms.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["name"] in {"rabat_process", "budapest_process"}:
            row["label::French (fr)"] += " — révisé"
            row["label::English (en)"] += " (revised)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with db.write() as session:
        repositories.sync_reference(session, load_reference(folder))
    rabat_after = catalogue.mechanism_card(db, rabat.id).row
    budapest = catalogue.find_mechanism(db, "Budapest Process")
    assert rabat_after.name_fr == "Processus de Rabat (nom local)"  # the user's edit stays
    assert rabat_after.name_en.endswith("(revised)")  # an untouched field follows the file
    assert budapest.name_fr.endswith("— révisé")
    assert table_count(db_path, "mechanism") == 30


@pytest.mark.sqlite_only
def test_sqlite_connection_settings(db) -> None:
    with db.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_write_transactions_begin_immediate(db, db_path: Path) -> None:
    """While a write unit of work is open, its lock is already held: another writer is told
    'locked' at once instead of failing later with SQLITE_BUSY_SNAPSHOT."""
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    with db.write() as session:
        session.connection()  # BEGIN IMMEDIATE runs here, before any statement
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_new_databases_use_8k_pages(db_path: Path, db) -> None:  # noqa: ANN001
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192


def test_bulk_write_attaches_commits_and_checkpoints_in_the_background(db, db_path: Path,
                                                                       tmp_path: Path) -> None:  # noqa: ANN001
    """A bulk unit of work reads an attached file, commits durably without checkpointing,
    and a background thread then copies the WAL into the database file; the connection's
    settings are back to normal afterwards."""
    from sqlalchemy import text

    side = tmp_path / "side.sqlite3"
    with sqlite3.connect(side) as conn:
        conn.execute("CREATE TABLE notes (id, words)")
        conn.executemany("INSERT INTO notes VALUES (?, ?)", [(f"n{i}", "mot " * 200) for i in range(3000)])
    with db.write(attach=side, bulk=True) as session:
        session.execute(text(
            "INSERT INTO setting (key, value) SELECT 'note.' || id, words FROM bundle.notes"))
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 2_000_000  # the commit left its pages in the WAL
    db.checkpointer.join(timeout=30)
    assert not db.checkpointer.is_alive()
    with sqlite3.connect(db_path) as conn:
        busy, frames, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert busy == 0 and frames == done  # nothing left to copy
        assert conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'note.%'").fetchone()[0] == 3000
    with db.write() as session:  # the pooled connection: detached, checkpointing again
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
        names = [row[1] for row in conn.exec_driver_sql("PRAGMA database_list")]
        assert "bundle" not in names


def test_read_sessions_do_not_block_writers(db, db_path: Path) -> None:
    """A writer commits while a read is open (timeout 0: no waiting), and the read keeps
    the snapshot it started with."""
    from sqlalchemy import text

    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    with db.read() as session:
        assert len(repositories.mechanisms(session)) == 30
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO setting (key, value) VALUES ('probe', 'written meanwhile')")
        other.execute("COMMIT")
        assert session.execute(text("SELECT count(*) FROM setting WHERE key = 'probe'")).scalar() == 0
    other.close()
    with db.read() as session:
        assert session.execute(text("SELECT value FROM setting WHERE key = 'probe'")).scalar() == "written meanwhile"


def test_migrations_match_models(tmp_path: Path) -> None:
    """`alembic upgrade head` on an empty file gives exactly the models' schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from mcim_desk.persistence.database import Database
    from mcim_desk.persistence.migrations import head_revision, upgrade_to_head
    from mcim_desk.persistence.models import Base

    db = Database(str(tmp_path / "empty.sqlite3"))
    upgrade_to_head(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={
            "compare_type": True,
            # the search indexes (FTS5 tables and their shadow tables) are not models
            "include_name": lambda name, kind, _parent: not (kind == "table" and name.startswith("search_")),
        }), Base.metadata)
    assert diff == []
    assert stored_revision(tmp_path / "empty.sqlite3") == head_revision()


def test_audit_log_is_append_only(db) -> None:
    from sqlalchemy.exc import DatabaseError

    rabat = catalogue.find_mechanism(db, "PIDC")
    catalogue.update_mechanism(db, rabat.id, "chair_country", "Fiji", "tester")
    with pytest.raises(DatabaseError, match="append-only"), db.write() as session:
        session.connection().exec_driver_sql("UPDATE audit_log SET new_value = 'x'")
    with pytest.raises(DatabaseError, match="append-only"), db.write() as session:
        session.connection().exec_driver_sql("DELETE FROM audit_log")
    with db.read() as session:
        rows = repositories.audit_rows(session, "mechanism", [rabat.id])
    assert [(r.field, r.old_value, r.new_value, r.actor) for r in rows] == [
        ("chair_country", None, "Fiji", "tester")
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_private(db, db_path: Path, isolated_data: Path) -> None:
    from mcim_desk.services.backups import automatic_backup

    backup = automatic_backup(db_path, "test")
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700


def test_bad_values_are_refused_and_nothing_changes(db) -> None:
    pidc = catalogue.find_mechanism(db, "PIDC")
    for field, value in (("member_states", "twenty"), ("member_states", ["FRA", "XXX"]),
                         ("member_state_count", "12"),
                         ("name_en", "   ")):
        with pytest.raises(catalogue.ValidationError) as info:
            catalogue.update_mechanism(db, pidc.id, field, value, "tester")
        assert str(info.value)
    assert catalogue.mechanism_card(db, pidc.id).row == pidc
    contact = catalogue.ContactInfo("", pidc.id, "chair", "A. Chair", None, None, "not-mail",
                                    None, None, 0)
    with pytest.raises(catalogue.ValidationError, match="e-mail"):
        catalogue.save_contact(db, contact, "tester")
    zone = catalogue.replace(contact, email=None, time_zone="Mars/Olympus")
    with pytest.raises(catalogue.ValidationError, match="time zone"):
        catalogue.save_contact(db, zone, "tester")
    assert catalogue.mechanism_card(db, pidc.id).contacts == ()


def test_stale_edit_is_caught_by_the_revision(db) -> None:
    pidc = catalogue.find_mechanism(db, "PIDC")
    card = catalogue.mechanism_card(db, pidc.id)
    catalogue.update_mechanism(db, pidc.id, "notes", "first", "a", expected_revision=card.revision)
    with pytest.raises(catalogue.StaleEditError):
        catalogue.update_mechanism(db, pidc.id, "notes", "second", "b", expected_revision=card.revision)
    assert catalogue.mechanism_card(db, pidc.id).notes == "first"
