"""File > Open a database… and File > Recent databases (issue 14), with two real SQLite
files: the second opens in the same window with its own data, the title names it, a file
that is no MCIM Desk database is refused without being touched, a database from a newer
version is refused as at the start, and the list survives a restart."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mcim_desk.services import catalogue
from mcim_desk.services.startup import open_database
from mcim_desk.ui.dialogs import ScriptedDialogs
from mcim_desk.ui.recent_databases import open_other_database, recent_databases


def _consultant_database(path: Path) -> Path:
    """Another database, whose Rabat Process is chaired by Morocco."""
    db, _ = open_database(str(path))
    try:
        rabat = catalogue.find_mechanism(db, "Rabat Process")
        catalogue.update_mechanism(db, rabat.id, "chair_country", "Maroc", "consultant")
    finally:
        db.dispose()
    return path


def _chair(window, key: str = "rabat_process") -> str | None:  # noqa: ANN001
    row = next(r for r in window.list_panel.visible_rows() if r.key == key)
    assert window.list_panel.select(row.id)
    return window.card.card.row.chair_country


def _recent_entries(window) -> list[QAction]:  # noqa: ANN001
    menu = window.findChild(QMenu, "recent_databases_menu")
    menu.aboutToShow.emit()
    return [a for a in menu.actions() if a.objectName().startswith("recent_database_")]


def test_open_a_second_database_from_the_file_menu(make_window, qtbot, tmp_path: Path,
                                                    db_path: Path) -> None:  # noqa: ANN001
    other = _consultant_database(tmp_path / "consultant.sqlite3")
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    assert _chair(window) in (None, "")
    assert "study.sqlite3" in window.windowTitle()
    open_action = window.findChild(QAction, "open_database_action")
    assert open_action in window.file_menu.actions() and not open_action.shortcut().isEmpty()

    dialogs.file_answers.append(str(other))
    open_action.trigger()
    assert dialogs.file_boxes[-1] == ("Open a database", str(db_path.parent))
    qtbot.waitUntil(lambda: window.pages_built)
    assert window.ctx.db.path == other
    assert window.db_label.text() == str(other)
    assert "consultant.sqlite3" in window.windowTitle()
    assert window.list_panel.model.rowCount() == 30
    assert _chair(window) == "Maroc"
    assert window.tabs.count() > 2  # the feature pages were built again, once
    assert len({window.tabs.tabText(i) for i in range(window.tabs.count())}) == window.tabs.count()
    # the first database was closed as closing the window does: no lock left on it
    assert not Path(str(db_path) + ".lock").exists()
    assert recent_databases()[:2] == [str(other), str(db_path)]

    # back to the first from the recent list
    first = next(a for a in _recent_entries(window) if a.data() == str(db_path))
    first.trigger()
    qtbot.waitUntil(lambda: window.pages_built)
    assert window.ctx.db.path == db_path and _chair(window) in (None, "")
    assert dialogs.unexpected == []


def test_the_recent_list_survives_a_restart_and_greys_missing_files(
        make_window, qtbot, tmp_path: Path, db_path: Path) -> None:  # noqa: ANN001
    other = _consultant_database(tmp_path / "consultant.sqlite3")
    gone = _consultant_database(tmp_path / "gone.sqlite3")
    window = make_window()
    for target in (gone, other):
        assert open_other_database(window, str(target))
        qtbot.waitUntil(lambda: window.pages_built)
    window.close()
    gone.unlink()
    Path(str(gone) + "-wal").unlink(missing_ok=True)

    again = make_window()  # a restart, on the first database
    entries = _recent_entries(again)
    assert [a.data() for a in entries] == [str(db_path), str(other), str(gone)]
    assert [a.isEnabled() for a in entries] == [True, True, False]
    assert entries[0].isChecked() and not entries[1].isChecked()
    assert entries[1].text() == f"&2 consultant.sqlite3 — {tmp_path}"
    assert "(missing)" in entries[2].text()
    menu = again.findChild(QMenu, "recent_databases_menu")
    next(a for a in menu.actions() if a.objectName() == "forget_missing_databases").trigger()
    assert [a.data() for a in _recent_entries(again)] == [str(db_path), str(other)]


def test_a_file_that_is_not_a_database_is_refused_untouched(make_window, tmp_path: Path,
                                                            db_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    window.set_language("fr")
    text = tmp_path / "notes.sqlite3"
    text.write_text("Ceci n’est pas une base de données.\n" * 50, encoding="utf-8")
    foreign = tmp_path / "firefox.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.close()
    for path, said in ((text, "n’est pas une base de données"),
                       (foreign, "base SQLite d’un autre programme")):
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        dialogs.expect(path.name)
        assert not open_other_database(window, str(path))
        kind, title, message = dialogs.shown[-1]
        assert (kind, title) == ("error", "Base de données non ouverte")
        assert str(path) in message and said in message
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert window.ctx.db.path == db_path  # still on the first database
        assert window.list_panel.model.rowCount() == 30
    assert str(text) not in recent_databases()


def test_a_database_of_a_newer_version_is_refused_and_the_first_stays_open(
        make_window, qtbot, tmp_path: Path, db_path: Path) -> None:  # noqa: ANN001
    newer = _consultant_database(tmp_path / "newer.sqlite3")
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.close()
    before = hashlib.sha256(newer.read_bytes()).hexdigest()
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.expect("newer version")
    assert not open_other_database(window, str(newer))
    assert "9999_from_the_future" in dialogs.shown[-1][2]
    assert hashlib.sha256(newer.read_bytes()).hexdigest() == before
    qtbot.waitUntil(lambda: window.pages_built)
    assert window.ctx.db.path == db_path and window.list_panel.model.rowCount() == 30
    assert "study.sqlite3" in window.windowTitle()


def test_an_older_database_is_backed_up_then_upgraded_as_at_the_start(
        make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from alembic import command

    from mcim_desk.persistence.migrations import alembic_config, head_revision

    older = _consultant_database(tmp_path / "older.sqlite3")
    db, _ = open_database(str(older))
    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_answer_index")
    db.dispose()
    window = make_window()
    assert open_other_database(window, str(older))
    qtbot.waitUntil(lambda: window.pages_built)
    with sqlite3.connect(older) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    con.close()
    # a copy of the database as it was, made before the upgrade (the start's copy: one
    # identical to it is not made twice)
    revisions = []
    for copy in sorted((tmp_path / "backups").glob("older-*.sqlite3")):
        with sqlite3.connect(copy) as con:
            revisions.append(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        con.close()
    assert revisions == ["0004_answer_index"]
    assert _chair(window) == "Maroc"


def test_another_database_chosen_when_the_server_is_unreachable_is_checked_too(
        make_window, tmp_path: Path) -> None:  # noqa: ANN001
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialogs = ScriptedDialogs()
    window = make_window(open_db=False, dialogs=dialogs)
    photo = tmp_path / "photo.sqlite3"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    dialogs.choice_answers = ["other", "quit"]
    dialogs.file_answers = [str(photo)]
    dialogs.expect("photo.sqlite3")
    assert not window.open_database(f"postgresql+psycopg://amina@127.0.0.1:{port}/mcim")
    assert [kind for kind, _title, _text in dialogs.shown] == ["choose", "error", "choose"]
    assert "is not a database" in dialogs.shown[1][2]
    assert photo.read_bytes() == b"\x89PNG\r\n\x1a\n" + bytes(200)


def test_a_database_open_in_another_window_is_refused_and_the_first_stays(
        make_window, qtbot, tmp_path: Path, db_path: Path) -> None:  # noqa: ANN001
    other = _consultant_database(tmp_path / "consultant.sqlite3")
    make_window(path=other)  # another window holds it
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.expect("already open")
    assert not open_other_database(window, str(other))
    assert str(other) in dialogs.shown[-1][2]
    qtbot.waitUntil(lambda: window.pages_built)
    assert window.ctx.db.path == db_path and _chair(window) in (None, "")
    assert Path(str(db_path) + ".lock").exists()  # its lock taken again
