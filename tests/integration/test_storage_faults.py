"""Files and faults, driven with real processes and real disks: a restore killed at every
step, backups made only when something is written, no temporary file left by a killed
process, private modes, a full disk, read-only files and folders, a write lock held by
another program. Every check: nothing confirmed is lost, no traceback reaches the user, no
file is left behind."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk.paths import resource_path
from mcim_desk.persistence.sqlite_files import quick_check, read_rows
from tests.fault_tools import fill, leftovers, read_only, run_cli, run_killed, small_disk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL, mounts and file modes")

WRITER = r"""
import sys
from mcim_desk.services import catalogue
from mcim_desk.services.startup import open_database
db, _ = open_database(sys.argv[1])
pidc = catalogue.find_mechanism(db, "PIDC")
catalogue.update_mechanism(db, pidc.id, "chair_country", sys.argv[2], "tester")
print("saved", flush=True)
sys.stdin.readline()  # killed while waiting: the save is in the WAL only
"""


def chair(path: Path) -> str:
    rows = read_rows(path, "SELECT chair_country FROM mechanism WHERE acronym_en = 'PIDC'")
    return rows[0][0]


def save_then_kill(db_path: Path, value: str, data: Path) -> None:
    """Save ``value`` in a process that is then killed: the save sits in the WAL only."""
    env = {**os.environ, "MCIM_DESK_DATA": str(data)}
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), value], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=resource_path())
    assert child.stdout.readline().strip() == "saved"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert Path(f"{db_path}-wal").stat().st_size > 0


@pytest.fixture
def three_states(db_path: Path, tmp_path: Path, isolated_data: Path) -> Path:
    """A backup holding "Fidji"; the database file holding "Samoa"; its WAL holding the latest
    save, "Tuvalu" (its writer was killed). Returns the backup."""
    from mcim_desk.services import catalogue
    from mcim_desk.services.backups import backup_to
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    pidc = catalogue.find_mechanism(db, "PIDC")
    catalogue.update_mechanism(db, pidc.id, "chair_country", "Fidji", "tester")
    backup = backup_to(db_path, tmp_path / "fidji.sqlite3")
    catalogue.update_mechanism(db, pidc.id, "chair_country", "Samoa", "tester")
    db.dispose()
    save_then_kill(db_path, "Tuvalu", isolated_data)
    return backup


RESTORE = r"""
import sys
from pathlib import Path
from mcim_desk.services.backups import restore
restore(Path(sys.argv[1]), Path(sys.argv[2]))
print("restored", flush=True)
"""


@pytest.mark.parametrize("kill_at", [1, 2, 3, 4, 5, 6, 7])
def test_a_restore_killed_at_any_step_loses_no_save(three_states: Path, db_path: Path,
                                                    isolated_data: Path, kill_at: int) -> None:
    from mcim_desk.services.startup import open_database

    result = run_killed(RESTORE, kill_at, isolated_data, str(db_path), str(three_states))
    assert "Traceback" not in result.stderr
    db, report = open_database(str(db_path))  # the next start finishes or undoes the switch
    db.dispose()
    assert quick_check(db_path) == "ok"
    now = chair(db_path)
    # the old file without its WAL ("Samoa") would be the latest save lost
    assert now in ("Fidji", "Tuvalu"), (kill_at, now, report.steps)
    if now == "Fidji":  # restored: the replaced set is kept whole, its WAL with it
        kept = [p for p in (db_path.parent / "backups").glob("*before-restore.sqlite3")]
        assert len(kept) == 1 and chair(kept[0]) == "Tuvalu"
    assert leftovers(db_path.parent) == []


def test_the_start_finishes_a_switch_left_by_a_kill(three_states: Path, db_path: Path,
                                                    isolated_data: Path) -> None:
    from mcim_desk.services.backups import journal_of

    # killed after the journal was written and the WAL moved aside: the old main file alone
    # stays under the database's name, which nothing may open as it is
    run_killed(RESTORE, 4, isolated_data, str(db_path), str(three_states))
    assert journal_of(db_path).exists() and not Path(f"{db_path}-wal").exists()
    result = run_cli("--db", str(db_path), "check", data=isolated_data)
    assert result.returncode == 0, result.stderr
    assert chair(db_path) == "Fidji" and not journal_of(db_path).exists()


def test_an_abandoned_switch_whose_pid_was_reused_is_finished(three_states: Path, db_path: Path,
                                                              isolated_data: Path) -> None:
    from mcim_desk.services.backups import journal_of

    run_killed(RESTORE, 4, isolated_data, str(db_path), str(three_states))
    journal = journal_of(db_path)
    data = json.loads(journal.read_text())
    data["pid"] = os.getppid()  # a running process got the killed one's pid (after a reboot)
    journal.write_text(json.dumps(data))
    old = journal.stat().st_mtime - 3600
    os.utime(journal, (old, old))
    result = run_cli("--db", str(db_path), "check", data=isolated_data)
    assert result.returncode == 0, result.stderr
    assert chair(db_path) == "Fidji" and not journal.exists()


# --- backups only when something is written ---------------------------------------------------


def test_commands_that_only_read_make_no_backup(db_path: Path, tmp_path: Path,
                                                isolated_data: Path) -> None:
    from mcim_desk.cli import main

    assert main(["--db", str(db_path), "check"]) == 0
    for argv in (["check"], ["report", "summary", "--out", str(tmp_path / "s.pdf")],
                 ["export", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx")],
                 ["backup", "--out", str(tmp_path / "copy.sqlite3")]):
        assert main(["--db", str(db_path), *argv]) == 0
    assert list((db_path.parent / "backups").glob("*.sqlite3")) == []


def test_an_identical_copy_is_not_made_twice(db_path: Path) -> None:
    from mcim_desk.services import catalogue
    from mcim_desk.services.backups import automatic_backup, list_backups
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    db.dispose()
    first = automatic_backup(db_path, "start")  # just written: told apart by a hash
    assert automatic_backup(db_path, "exit") == first  # nothing changed: the same copy
    old = os.stat(db_path).st_mtime - 10  # a file last written long ago: times tell
    os.utime(db_path, (old, old))
    by_times = automatic_backup(db_path, "start")
    assert by_times != first and automatic_backup(db_path, "start") == by_times
    db, _ = open_database(str(db_path))
    pidc = catalogue.find_mechanism(db, "PIDC")
    catalogue.update_mechanism(db, pidc.id, "chair_country", "Nauru", "tester")
    second = automatic_backup(db_path, "manual")
    db.dispose()
    assert second not in (first, by_times) and len(list_backups(db_path)) == 3
    assert chair(second) == "Nauru"


def test_rotation_keeps_within_the_size_too(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mcim_desk.services import backups, catalogue
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    pidc = catalogue.find_mechanism(db, "PIDC")
    made = []
    for n in range(6):
        catalogue.update_mechanism(db, pidc.id, "chair_country", f"Pays {n}", "tester")
        made.append(backups.automatic_backup(db_path, "test"))
        if n == 0:
            size = made[0].stat().st_size
            monkeypatch.setattr(backups, "KEEP_BYTES", int(size * 3.5))  # room for three copies
    db.dispose()
    kept = backups.list_backups(db_path)
    assert [b.path for b in kept] == made[::-1][:3]
    assert sum(b.size for b in kept) <= int(size * 3.5)


# --- leftovers and privacy ---------------------------------------------------------------------


EXTRACT = r"""
import sys
from pathlib import Path
from mcim_desk.services import exchange
from mcim_desk.services.startup import open_database
db, _ = open_database(sys.argv[1])
plan = exchange.preview_import(db, Path(sys.argv[2]))
print("extracted", flush=True)
sys.stdin.readline()
"""


def test_a_killed_import_leaves_no_decrypted_copy(db_path: Path, tmp_path: Path,
                                                  isolated_data: Path) -> None:
    from mcim_desk.cli import main
    from mcim_desk.paths import temp_root

    bundle = tmp_path / "b.mcimz"
    assert main(["--db", str(db_path), "export", "--format", "bundle", "--out", str(bundle)]) == 0
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "check"]) == 0
    env = {**os.environ, "MCIM_DESK_DATA": str(isolated_data)}
    child = subprocess.Popen([sys.executable, "-c", EXTRACT, str(other), str(bundle)], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=resource_path())
    assert child.stdout.readline().strip() == "extracted"
    mine = [p for p in temp_root().iterdir() if p.name.startswith(f"{child.pid}-")]
    records = list(mine[0].rglob("records.sqlite"))
    assert records, "the bundle's records are extracted in the process's own folder"
    assert stat.S_IMODE(mine[0].stat().st_mode) == 0o700
    assert stat.S_IMODE(isolated_data.stat().st_mode) == 0o700
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert records[0].exists()
    assert main(["--db", str(other), "check"]) == 0  # the next start clears what it left
    assert not mine[0].exists()
    assert [p for p in temp_root().iterdir() if p.name.startswith(f"{os.getpid()}-")] or True


def test_every_export_is_private_and_modes_are_kept(db_path: Path, tmp_path: Path) -> None:
    from mcim_desk.cli import main

    out = tmp_path / "out"
    assert main(["--db", str(db_path), "check"]) == 0
    written = {
        "bundle": out / "b.mcimz", "xlsx": out / "x.xlsx", "csv": out / "c.csv",
        "json": out / "r.json", "ics": out / "f.ics", "pdf": out / "s.pdf",
        "backup": out / "copy.sqlite3",
    }
    commands = [
        ["export", "--format", "bundle", "--out", str(written["bundle"])],
        ["export", "--format", "xlsx", "--out", str(written["xlsx"])],
        ["export", "--format", "csv", "--out", str(written["csv"])],
        ["responses", "export", "--out", str(written["json"])],
        ["followups", "export", "--out", str(written["ics"])],
        ["report", "summary", "--out", str(written["pdf"])],
        ["backup", "--out", str(written["backup"])],
    ]
    out.mkdir()
    out.chmod(0o755)  # a folder the user shares: it stays as it is
    for argv in commands:
        assert main(["--db", str(db_path), *argv]) == 0, argv
    files = [p for p in out.iterdir()]
    assert {written[k] for k in written if k != "csv"} <= set(files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600  # a new database is private too
    # a file that exists keeps the mode its owner gave it
    written["json"].chmod(0o640)
    assert main(["--db", str(db_path), "responses", "export", "--out", str(written["json"])]) == 0
    assert stat.S_IMODE(written["json"].stat().st_mode) == 0o640
    assert leftovers(out) == []


def test_existing_files_and_folders_keep_their_modes(tmp_path: Path, isolated_data: Path) -> None:
    from mcim_desk.cli import main

    shared = tmp_path / "shared"
    shared.mkdir()
    db_path = shared / "secretariat.sqlite3"
    assert main(["--db", str(db_path), "check"]) == 0
    shared.chmod(0o755)
    db_path.chmod(0o644)
    isolated_data.chmod(0o750)
    assert main(["--db", str(db_path), "check"]) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o644
    assert stat.S_IMODE(isolated_data.stat().st_mode) == 0o750


# --- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_is_said_and_reading_goes_on(tmp_path: Path, isolated_data: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    with small_disk(tmp_path / "disk") as disk:
        db_path = disk / "study.sqlite3"
        assert run_cli("--db", str(db_path), "check", data=isolated_data).returncode == 0
        assert run_cli("--db", str(db_path), "responses", "export", "--out",
                       str(other / "r.json"), data=isolated_data).returncode == 0
        fill(disk)
        check = run_cli("--db", str(db_path), "check", data=isolated_data)
        assert check.returncode == 0 and "integrity: ok" in check.stdout, check.stderr
        report = run_cli("--db", str(db_path), "report", "summary", "--out", str(other / "s.pdf"),
                         data=isolated_data)
        assert report.returncode == 0 and (other / "s.pdf").exists(), report.stderr
        imported = run_cli("--db", str(db_path), "responses", "import", str(other / "r.json"),
                           data=isolated_data)
        assert imported.returncode == 4
        assert f"The disk holding {disk} is full" in imported.stderr
        french = run_cli("--lang", "fr", "--db", str(db_path), "responses", "import",
                         str(other / "r.json"), data=isolated_data)
        assert "est plein" in french.stderr, french.stderr
        for result in (check, report, imported, french):
            assert "Traceback" not in result.stderr
        assert leftovers(disk) == []


FSIZE_CHILD = r"""
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from mcim_desk.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_file_size_limit_is_a_full_disk_too(db_path: Path, tmp_path: Path,
                                              isolated_data: Path) -> None:
    """Where no disk can be mounted: a child whose files may not grow past a size."""
    assert run_cli("--db", str(db_path), "check", data=isolated_data).returncode == 0
    env = {**os.environ, "MCIM_DESK_DATA": str(isolated_data)}
    result = subprocess.run(
        [sys.executable, "-c", FSIZE_CHILD, "20000", "--db", str(db_path), "backup", "--out",
         str(tmp_path / "copy.sqlite3")],
        capture_output=True, text=True, env=env, cwd=resource_path(), timeout=120)
    assert result.returncode == 4, result.stderr
    assert f"The disk holding {tmp_path} is full" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "copy.sqlite3").exists() and leftovers(tmp_path) == []


# --- read-only files and folders, a held lock ----------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_read_and_never_written(tmp_path: Path, isolated_data: Path,
                                                        what: str) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    db_path = folder / "study.sqlite3"
    assert run_cli("--db", str(db_path), "responses", "export", "--out",
                   str(tmp_path / "r.json"), data=isolated_data).returncode == 0
    before = db_path.read_bytes()
    with read_only(db_path if what == "file" else folder):
        check = run_cli("--db", str(db_path), "check", data=isolated_data)
        assert check.returncode == 0 and "integrity: ok" in check.stdout, check.stderr
        report = run_cli("--db", str(db_path), "report", "summary", "--out",
                         str(tmp_path / "s.pdf"), data=isolated_data)
        assert report.returncode == 0, report.stderr
        refused = run_cli("--db", str(db_path), "responses", "import", str(tmp_path / "r.json"),
                          data=isolated_data)
        assert refused.returncode == 4
        assert f"{db_path} is read-only" in refused.stderr
        assert "already open" not in refused.stderr
        for result in (check, report, refused):
            assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_write_lock_held_elsewhere_is_named_after_the_wait(db_path: Path, tmp_path: Path,
                                                             isolated_data: Path) -> None:
    assert run_cli("--db", str(db_path), "responses", "export", "--out", str(tmp_path / "r.json"),
                   data=isolated_data).returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = run_cli("--db", str(db_path), "forms", "add",
                         str(resource_path("resources", "forms", "mcim_interview_2018.md")),
                         data=isolated_data)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert result.returncode == 4, result.stderr
    assert f"Another program is writing to {db_path}" in result.stderr
    assert "Traceback" not in result.stderr and "BEGIN IMMEDIATE" not in result.stderr
    assert quick_check(db_path) == "ok"


def test_the_last_backup_note_names_a_file_beside_it(db_path: Path) -> None:
    from mcim_desk.services.backups import automatic_backup
    from mcim_desk.services.startup import open_database

    open_database(str(db_path))[0].dispose()
    made = automatic_backup(db_path, "start")
    note = json.loads((db_path.parent / "backups" / f"{db_path.stem}.last-backup.json").read_text())
    assert note["file"] == made.name
    assert sqlite3.connect(made).execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_spreadsheet_temporary_files_go_to_the_private_folder(tmp_path: Path) -> None:
    """openpyxl writes each sheet to a temporary file of its own before zipping it: while the
    program writes a workbook, those go to the process's private folder."""
    import tempfile

    from mcim_desk.exchange.spreadsheet import Sheet, write_xlsx
    from mcim_desk.paths import temp_dir

    seen: list[str] = []

    def rows():  # noqa: ANN202 - read by the writer while its sheets are being written
        seen.append(tempfile.gettempdir())
        yield ["Fatou Ndiaye", "+221 77 000 00 00"]

    out = write_xlsx(tmp_path / "contacts.xlsx", [Sheet("contacts", ["name", "phone"], rows())])
    assert seen == [str(temp_dir())]
    assert tempfile.gettempdir() != str(temp_dir())  # only while writing
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
