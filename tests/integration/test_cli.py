"""The spine's CLI: check, backup and restore, damaged files, --version."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from mcim_desk import __version__
from mcim_desk.cli import main


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt(path: Path) -> None:
    """Scribble over the middle of the file: the header survives, the b-trees do not."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_version() -> None:
    out = subprocess.run([sys.executable, "-m", "mcim_desk", "--version"], capture_output=True,
                         text=True, check=True)
    assert __version__ in out.stdout


def test_check_creates_fills_and_reports(db_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "schema revision:" in out and "integrity: ok" in out
    assert "mechanisms.rcp: 15" in out and "objective: 23" in out
    assert db_path.exists()


def test_db_from_environment(db_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setenv("MCIM_DESK_DB", str(db_path))
    assert main(["check"]) == 0
    assert str(db_path) in capsys.readouterr().out


def test_check_fails_on_a_damaged_file_and_leaves_it_untouched(db_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["check", "--db", str(db_path)]) == 0
    sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    corrupt(db_path)
    before = digest(db_path)
    assert main(["check", "--db", str(db_path)]) != 0
    assert "integrity" in capsys.readouterr().err
    assert digest(db_path) == before


def test_backup_and_restore_round_trip(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from mcim_desk.services import catalogue
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    pidc = catalogue.find_mechanism(db, "PIDC")
    catalogue.update_mechanism(db, pidc.id, "chair_country", "Fidji", "tester")
    backup = tmp_path / "saved.sqlite3"
    assert main(["backup", "--db", str(db_path), "--out", str(backup)]) == 0
    catalogue.update_mechanism(db, pidc.id, "chair_country", "Samoa", "tester")
    db.dispose()

    assert main(["restore", "--db", str(db_path), str(backup)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    db, _ = open_database(str(db_path))
    assert catalogue.mechanism_card(db, pidc.id).row.chair_country == "Fidji"
    kept = [p for p in (db_path.parent / "backups").iterdir() if "before-restore" in p.name]
    assert len(kept) == 1
    old, _ = open_database(str(kept[0]), backup=False)
    assert catalogue.mechanism_card(old, pidc.id).row.chair_country == "Samoa"


def test_restore_refuses_a_damaged_backup(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["check", "--db", str(db_path)]) == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    before = digest(db_path)
    assert main(["restore", "--db", str(db_path), str(bad)]) != 0
    assert "damaged" in capsys.readouterr().err
    assert digest(db_path) == before


def test_automatic_backups_keep_the_last_ten(db_path: Path) -> None:
    from mcim_desk.services import catalogue
    from mcim_desk.services.backups import automatic_backup, list_backups
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    pidc = catalogue.find_mechanism(db, "PIDC")
    made = []
    for n in range(13):  # a change before each copy: an identical one would not be made
        catalogue.update_mechanism(db, pidc.id, "chair_country", f"Pays {n}", "tester")
        made.append(automatic_backup(db_path, "test"))
    db.dispose()
    assert len(set(made)) == 13
    assert [b.path for b in list_backups(db_path)] == sorted(made, key=lambda p: p.name, reverse=True)[:10]


def test_log_file_holds_no_names(db_path: Path, isolated_data: Path) -> None:
    from mcim_desk.logging_setup import setup_logging
    from mcim_desk.services import catalogue
    from mcim_desk.services.startup import open_database

    setup_logging()
    db, _ = open_database(str(db_path))
    pidc = catalogue.find_mechanism(db, "PIDC")
    contact = catalogue.ContactInfo("", pidc.id, "chair", "Łukasz Ibáñez", "Minister", None,
                                    "l.ibanez@example.org", "+41 22 717 9419", "Pacific/Fiji", 0)
    catalogue.save_contact(db, contact, "tester")
    log_text = "".join(p.read_text() for p in (isolated_data / "logs").glob("*.log*"))
    assert "upgrading schema" in log_text  # the log is written, just without personal data
    for secret in ("Ibáñez", "717 9419", "example.org"):
        assert secret not in log_text
