"""The window under storage faults: a damaged file recovered with its WAL kept, a read-only
database (banner, saves refused with a message), a disk that fills while typing (the typed
text stays in the field)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mcim_desk.paths import resource_path
from mcim_desk.persistence.sqlite_files import read_rows
from mcim_desk.services import catalogue
from mcim_desk.ui.dialogs import ScriptedDialogs
from tests.fault_tools import fill, read_only, small_disk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and mounts")

WRITER = r"""
import sys
from mcim_desk.services import catalogue
from mcim_desk.services.startup import open_database
db, _ = open_database(sys.argv[1])
pidc = catalogue.find_mechanism(db, "PIDC")
catalogue.update_mechanism(db, pidc.id, "chair_country", "Tuvalu", "tester")
print("saved", flush=True)
sys.stdin.readline()
"""


def test_a_damaged_file_is_kept_with_its_wal_under_the_name_it_is_given(
        make_window, db_path: Path, isolated_data: Path) -> None:  # noqa: ANN001
    make_window().close()  # a start and a clean exit: an automatic backup exists
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=resource_path(),
                             env={**os.environ, "MCIM_DESK_DATA": str(isolated_data)})
    assert child.stdout.readline().strip() == "saved"
    child.send_signal(signal.SIGKILL)  # the latest save is in the WAL only
    child.wait(timeout=30)
    wal = Path(f"{db_path}-wal").read_bytes()
    assert wal
    data = bytearray(db_path.read_bytes())
    for offset in range(8192 * 3, min(len(data), 8192 * 12), 7):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))

    dialogs = ScriptedDialogs()
    dialogs.confirm_answers = [True]
    window = make_window(open_db=False, dialogs=dialogs)
    assert window.open_database(str(db_path)) is True
    question = dialogs.shown[0][2]
    kept = [p for p in db_path.parent.glob(db_path.name + ".damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    assert kept[0].name in question  # the name said is the name on disk
    assert Path(f"{kept[0]}-wal").read_bytes() == wal  # the latest saves went with it


def test_a_read_only_database_shows_a_banner_and_refuses_saves(make_window, qtbot,
                                                               tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "cd"
    folder.mkdir()
    path = folder / "study.sqlite3"
    make_window(path=path).close()
    before = path.read_bytes()
    with read_only(folder):
        dialogs = ScriptedDialogs()
        window = make_window(open_db=False, dialogs=dialogs)
        assert window.open_database(str(path)) is True
        qtbot.waitUntil(lambda: window.pages_built)  # every page reads the read-only file too
        assert window.banner.isVisibleTo(window)
        assert "read-only" in window.banner.text() and str(path) in window.banner.text()
        assert window.list_panel.model.rowCount() == 30  # reading works
        assert not [d for d in dialogs.shown if "already open" in d[2]]
        card = window.card
        pidc = catalogue.find_mechanism(window.ctx.db, "PIDC")
        with pytest.raises(OSError, match="is read-only"):
            catalogue.update_mechanism(window.ctx.db, pidc.id, "chair_country", "Nauru", "tester")
        assert card is not None
        window.close()
    assert path.read_bytes() == before


def test_a_disk_that_fills_keeps_the_typed_answer_in_its_field(make_window, qtbot, typer,
                                                               tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    with small_disk(tmp_path / "disk", "6m") as disk:
        path = disk / "study.sqlite3"
        dialogs = ScriptedDialogs()
        window = make_window(path=path, dialogs=dialogs)
        page = next(p for p, _ in window._pages if isinstance(p, QuestionnairePage))  # noqa: SLF001
        window.tabs.setCurrentWidget(page)
        row = next(r for r in window.list_panel.visible_rows() if r.key == "rabat_process")
        window.list_panel.select(row.id)
        if page.stack.currentWidget() is page.start:
            qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
        filler = fill(disk)
        dialogs.expect("is full")
        q12 = page.form.widgets["section_2/q12"].editor
        q12.setFocus()
        text = "Des ateliers « régionaux » — " + "é" * 2000
        q12.setPlainText(text)
        qtbot.keyClick(q12, Qt.Key.Key_Tab)
        errors = [d for d in dialogs.shown if d[0] == "error"]
        assert errors and f"The disk holding {disk} is full" in errors[-1][2], dialogs.shown
        assert "Traceback" not in errors[-1][2] and "sqlite3" not in errors[-1][2]
        assert q12.toPlainText() == text  # nothing typed is lost
        filler.unlink()
        q12.setFocus()
        qtbot.keyClick(q12, Qt.Key.Key_Tab)  # leaving the field again saves it
        rid = page.form.response.id
        stored = read_rows(path, "SELECT value FROM answer WHERE response_id = ? AND path = ?",
                           (rid, "section_2/q12"))
        window.close()
        assert stored == [(text,)]
        assert not list(disk.rglob("*.part"))


def test_the_window_starts_on_a_full_disk_and_says_so(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    with small_disk(tmp_path / "disk", "4m") as disk:
        path = disk / "study.sqlite3"
        make_window(path=path).close()
        fill(disk)
        dialogs = ScriptedDialogs()
        window = make_window(open_db=False, dialogs=dialogs)
        assert window.open_database(str(path)) is True  # before: a traceback from the start backup
        qtbot.waitUntil(lambda: window.pages_built)  # every page reads the full disk too
        assert f"The disk holding {disk} is full" in window.banner.text()
        assert window.list_panel.model.rowCount() == 30
        assert [d for d in dialogs.shown if d[0] == "error"] == []
        window.close()
        assert not list(disk.rglob("*.part"))
