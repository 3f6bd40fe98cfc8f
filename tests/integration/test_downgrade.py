"""An older program on a newer database (a schema revision it does not know) refuses to
open it, names both versions, and changes nothing: no backup, no migration, no write."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from mcim_desk import __version__
from mcim_desk.cli import main
from mcim_desk.persistence.migrations import head_revision
from mcim_desk.services.startup import DatabaseTooNewError, open_database


def _written_by_a_newer_version(path: Path, version: str = "9.1.0") -> None:
    db, _ = open_database(str(path), backup=False)
    db.dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        con.execute("UPDATE setting SET value = ? WHERE key = 'program_version'", (version,))
    con.close()


EMPTY = hashlib.sha256(b"").hexdigest()


def _state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_opening_records_the_program_version(db_path: Path) -> None:
    db, _ = open_database(str(db_path))
    db.dispose()
    with sqlite3.connect(db_path) as con:
        [(value,)] = con.execute("SELECT value FROM setting WHERE key = 'program_version'")
    con.close()
    assert value == __version__


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "study.sqlite3"
    _written_by_a_newer_version(path)
    before = _state(folder)
    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(str(path))
    assert (caught.value.database_version, caught.value.program_version) == ("9.1.0", __version__)
    assert main(["check", "--db", str(path)]) == 4
    message = capsys.readouterr().err
    assert "written by MCIM Desk 9.1.0 (schema 0099_from_the_future)" in message
    assert f"this is MCIM Desk {__version__}, which cannot open it" in message
    assert "Nothing was changed" in message and "Traceback" not in message
    after = _state(folder)
    # The file byte for byte, no backup folder. A read-only sqlite3 look at a WAL database
    # leaves its (empty) -wal and -shm side files: SQLite's own, holding nothing.
    assert after.pop("study.sqlite3") == before.pop("study.sqlite3")
    assert after.pop("study.sqlite3-wal", EMPTY) == EMPTY
    after.pop("study.sqlite3-shm", None)
    assert after == before == {}


def test_the_window_refuses_a_newer_database(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.dialogs import ScriptedDialogs

    path = tmp_path / "newer.sqlite3"
    _written_by_a_newer_version(path, "1.0.0")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    dialogs = ScriptedDialogs()
    dialogs.expect("newer version")
    window = make_window(open_db=False, dialogs=dialogs)
    assert not window.open_database(str(path))
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("error", "Database from a newer version")
    assert "MCIM Desk 1.0.0" in text and f"MCIM Desk {__version__}" in text
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_head_revision_is_known_and_opens(db_path: Path) -> None:
    db, report = open_database(str(db_path))
    db.dispose()
    assert report.revision == head_revision()


@pytest.mark.postgres
def test_a_newer_postgresql_database_is_refused(pg_url: str) -> None:  # noqa: ANN001
    from sqlalchemy import create_engine, text

    def reset_postgres(url: str) -> None:
        fresh = create_engine(url)
        with fresh.begin() as con:
            con.execute(text("DROP SCHEMA public CASCADE"))
            con.execute(text("CREATE SCHEMA public"))
        fresh.dispose()

    reset_postgres(pg_url)
    db, _ = open_database(pg_url)
    db.dispose()
    engine = create_engine(pg_url)
    with engine.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
        con.execute(text("UPDATE setting SET value = '3.0.0' WHERE key = 'program_version'"))
    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(pg_url)
    assert (caught.value.database_version, caught.value.revision) == ("3.0.0",
                                                                      "0099_from_the_future")
    with engine.connect() as con:
        assert con.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == \
            "0099_from_the_future"
    engine.dispose()
    reset_postgres(pg_url)
