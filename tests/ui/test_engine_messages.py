"""SQLite's own words (« file is not a database », English) no longer stand in a French dialog:
the box says it in the window's language, SQLite's text stays in its details."""

from __future__ import annotations

from pathlib import Path

from mcim_desk.ui.dialogs import ScriptedDialogs


def test_known_engine_messages_read_in_french(make_window) -> None:  # noqa: ANN001
    from mcim_desk.services.engine_messages import database_problem

    window = make_window()
    window.set_language("fr")
    said = {raw: database_problem(raw) for raw in (
        "file is not a database", "database is locked", "disk I/O error",
        "attempt to write a readonly database", "database or disk is full",
        "unable to open database file", "*** in database main ***\nPage 3: never used")}
    assert said["file is not a database"].startswith("le fichier n’est pas une base de données")
    assert said["database is locked"].startswith("un autre programme utilise la base de données")
    assert said["*** in database main ***\nPage 3: never used"].startswith("le fichier de la base de données est endommagé")
    assert len(set(said.values())) == len(said)  # each says its own thing
    assert not any("database" in text or "disk" in text for text in said.values())


def test_a_file_that_is_not_a_database_is_said_in_french(make_window, db_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_bytes(b"Ceci n'est pas une base SQLite." * 200)
    dialogs = ScriptedDialogs()
    window = make_window(language="fr", dialogs=dialogs)
    window.set_language("fr")
    dialogs.file_answers = [str(not_a_database)]
    dialogs.confirm_answers = [True]
    dialogs.expect("pas une base de données")
    window.restore_backup()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Sauvegarde non restaurée")
    assert "le fichier n’est pas une base de données" in text and "file is not a database" not in text
    assert dialogs.details == [(title, f"{not_a_database}: file is not a database")]

    window.close()
    db_path.write_bytes(b"x" * 8192)  # the database itself: start, French, no backup
    dialogs = ScriptedDialogs()
    dialogs.expect("pas une base de données")
    other = make_window(language="fr", open_db=False, dialogs=dialogs)
    other.set_language("fr")
    assert other.open_database(str(db_path)) is False
    kind, _title, text = dialogs.shown[-1]
    assert "file is not a database" not in text and "n’est pas une base de données" in text
    assert dialogs.details[-1][1] == "file is not a database"
