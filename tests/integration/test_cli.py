"""The spine's CLI: check, backup and restore, damaged files, --version."""

from __future__ import annotations

import hashlib
import json
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


def test_check_fails_on_rows_that_refer_to_missing_rows(db_path: Path, capsys) -> None:  # noqa: ANN001
    """A response whose mechanism was deleted outside the program (foreign keys off): the file
    passes SQLite's quick check, so the foreign-key check must say it."""
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import find_mechanism
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    mechanism = find_mechanism(db, "PIDC")
    rid = responses.open_questionnaire(db, mechanism.id, "tester").id
    responses.save_answer(db, rid, "section_1/q1", "PIDC", "tester")
    db.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM contact WHERE mechanism_id = ?", (mechanism.id,))
    conn.execute("DELETE FROM mechanism WHERE id = ?", (mechanism.id,))
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "integrity: ok" not in captured.out
    assert "1 row(s) of “response” refer to a missing row of “mechanism”" in captured.out
    assert "problem: integrity: 1 row(s) of “response”" in captured.err


def test_demo_given_a_database_url_says_a_demo_is_a_file(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    url = "postgresql+psycopg://amina:s3cret@server/mcim?host=/var/run/postgresql"
    assert main(["demo", "--out", url]) == 2
    err = capsys.readouterr().err
    assert "a demo database is written to a new SQLite file" in err
    assert "postgresql+psycopg://amina:***@server/mcim" in err
    assert "s3cret" not in err and "does not exist" not in err
    # a Windows drive letter is a file name, not a URL
    assert main(["demo", "--out", str(tmp_path / "C:" / "demo.sqlite3")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_demo_shows_its_progress(tmp_path: Path) -> None:
    """On a terminal, one line rewritten in place; in a log (a pipe), one line per step."""
    import os
    import pty

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    piped = subprocess.run([sys.executable, "-m", "mcim_desk", "demo", "--out", str(tmp_path / "a.sqlite3")],
                           capture_output=True, text=True, env=env, check=True)
    steps = piped.stderr.splitlines()
    assert steps[0].endswith("% Creating the database…") and steps[-1] == "100% Done."
    assert 4 <= len(steps) <= 8 and "\r" not in piped.stderr
    assert "all fictional" in piped.stdout
    parent, child = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "mcim_desk", "demo", "--out", str(tmp_path / "b.sqlite3")],
                          stdout=subprocess.DEVNULL, stderr=child, env=env) as process:
        os.close(child)
        seen = b""
        while True:
            try:
                chunk = os.read(parent, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait() == 0
    os.close(parent)
    shown = seen.decode("utf-8")
    assert shown.count("\r") > 10 and "Entering fictional questionnaires…" in shown
    assert shown.rstrip().endswith("100% Done.\x1b[K")


def test_db_and_lang_are_taken_after_the_command_too(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """The four command lines of issue 11 that stopped with "unrecognized arguments"."""
    assert main(["responses", "export", "--out", str(tmp_path / "r.json"), "--db", str(db_path)]) == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == []
    assert main(["forms", "list", "--db", str(db_path)]) == 0
    assert "mcim_questionnaire_2018" in capsys.readouterr().out
    assert main(["followups", "export", "--format", "ics", "--out", str(tmp_path / "f.ics"),
                 "--db", str(db_path)]) == 0
    assert (tmp_path / "f.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert main(["questionnaire", "pdf", "--mechanism", "PIDC", "--lang", "fr", "--out",
                 str(tmp_path / "q.pdf"), "--db", str(db_path)]) == 0
    from pypdf import PdfReader

    assert "Veuillez indiquer" in PdfReader(str(tmp_path / "q.pdf")).pages[0].extract_text()
    # between the command and its action, and the last one given wins
    assert main(["--db", str(tmp_path / "other.sqlite3"), "forms", "--db", str(db_path), "list"]) == 0
    assert not (tmp_path / "other.sqlite3").exists()


def test_damage_is_said_in_the_user_s_words_with_sqlite_s_in_parentheses(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """The window translated SQLite's messages; the command line still printed them raw."""
    assert main(["check", "--db", str(db_path)]) == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert main(["--lang", "fr", "restore", "--db", str(db_path), str(bad)]) != 0
    err = capsys.readouterr().err
    assert "le fichier n’est pas une base de données" in err and "(SQLite\u00a0: " in err
    assert main(["--lang", "en", "restore", "--db", str(db_path), str(bad)]) != 0
    err = capsys.readouterr().err
    assert "the file is not a database, or it is encrypted or too damaged to be read. (SQLite: " in err
