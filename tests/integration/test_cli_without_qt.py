"""A command of ``mcim-desk`` that has no use for Qt (a report) runs in a fresh process
without loading it (PySide6's QtCore and its import hook cost about 0.2 s), in the user's
language all the same: the catalogue is read by mcim_desk/qm.py, the language and time zone
from settings.ini without QSettings. Anything that does load QtCore gets Qt's translators for
the same language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QSettings

from mcim_desk.cli import main
from mcim_desk.i18n import _plain_ini_value, install_translators

ROOT = Path(__file__).resolve().parents[2]

RUN = """
import sys
from mcim_desk.cli import main
code = main(sys.argv[1:])
print("QtCore loaded:", "PySide6.QtCore" in sys.modules)
print("search_query loaded:", "mcim_desk.domain.search_query" in sys.modules)
sys.exit(code)
"""


def _fresh(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, MCIM_DESK_DATA=str(data), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("MCIM_DESK_LANG", None)
    return subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def _french(context: str, text: str) -> str:
    assert install_translators("fr")
    return QCoreApplication.translate(context, text)


def test_a_report_in_a_fresh_process_loads_no_qt_and_speaks_french(db_path: Path, tmp_path: Path,
                                                                  isolated_data: Path) -> None:
    assert main(["check", "--db", str(db_path)]) == 0
    out = tmp_path / "synthese.pdf"
    done = _fresh("--lang", "fr", "--db", str(db_path), "report", "summary", "--out", str(out),
                  data=isolated_data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        _french("Cli", "report written to {path}").format(path=out), "QtCore loaded: False",
        "search_query loaded: False"]  # the search's parser no longer imports it for --kind
    from pypdf import PdfReader

    assert "Synthèse" in PdfReader(out).pages[0].extract_text()
    refused = _fresh("--db", str(db_path), "--lang", "fr", "report", "profile", "--mechanism", "NOPE",
                     "--out", str(tmp_path / "p.pdf"), data=isolated_data)
    assert refused.returncode == 2
    assert refused.stderr.strip() == "mcim-desk: " + _french("Reports", "No mechanism is called “{name}”.").format(name="NOPE")
    assert refused.stdout.splitlines()[0] == "QtCore loaded: False"


def test_the_stored_language_and_time_zone_are_read_without_qt(db_path: Path, tmp_path: Path,
                                                              isolated_data: Path) -> None:
    assert main(["check", "--db", str(db_path)]) == 0
    settings = QSettings(str(isolated_data / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "fr")
    settings.setValue("time_zone", "America/Argentina/Buenos_Aires")
    settings.sync()
    done = _fresh("--db", str(db_path), "report", "followups", "--out", str(tmp_path / "s.pdf"),
                  data=isolated_data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(_french("Cli", "report written to {path}").format(path=tmp_path / "s.pdf"))
    assert "QtCore loaded: False" in done.stdout.splitlines()
    from pypdf import PdfReader

    assert "Buenos_Aires" in PdfReader(tmp_path / "s.pdf").pages[0].extract_text().replace("\n", "")


def test_what_loads_qt_anyway_gets_the_same_language(isolated_data: Path) -> None:
    """A module that calls QCoreApplication.translate itself, imported after the command line
    chose French without Qt, still speaks French."""
    script = """
import sys
from mcim_desk.translation import translate, use_language
from mcim_desk.i18n import language_in_use
assert use_language("fr") and "PySide6.QtCore" not in sys.modules
print(translate("Cli", "report written to {path}"))
from PySide6.QtCore import QCoreApplication
print(QCoreApplication.translate("Cli", "report written to {path}"))
print(translate("Cli", "report written to {path}"), language_in_use())
"""
    env = dict(os.environ, MCIM_DESK_DATA=str(isolated_data), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=60, check=True)
    french = _french("Cli", "report written to {path}")
    assert french != "report written to {path}"
    assert done.stdout.splitlines() == [french, french, f"{french} fr"]


KEYS = ("language", "time_zone", "profile")


@given(values=st.lists(st.text(max_size=30), min_size=3, max_size=3))
def test_settings_read_without_qt_are_what_qsettings_reads(tmp_path_factory, values: list[str]) -> None:  # noqa: ANN001
    """Written by QSettings, read back by the light reader: the same value, or None (then
    QSettings reads it); plain values (language codes, zone names) never need QSettings."""
    path = tmp_path_factory.mktemp("ini") / "settings.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in zip(KEYS, values, strict=True):
        settings.setValue(key, value)
    settings.sync()
    text = path.read_text(encoding="utf-8")
    fresh = QSettings(str(path), QSettings.Format.IniFormat)

    def plain(value: str) -> bool:
        return all(c.isascii() and (c.isalnum() or c in "_/+-.") for c in value)

    for key, value in zip(KEYS, values, strict=True):
        light = _plain_ini_value(text, key)
        if light is not None:
            assert light == fresh.value(key, "", str) == value
        if all(plain(v) for v in values):
            assert light == value
    absent = _plain_ini_value(text, "absent")
    assert absent == "" if all(plain(v) for v in values) else absent in ("", None)


def test_the_search_still_checks_its_kinds(capsys) -> None:  # noqa: ANN001
    """--kind's choices come from search_query, imported only when a search is parsed."""
    with pytest.raises(SystemExit) as stopped:
        main(["search", "word", "--kind", "nope"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'nope'" in err and "'followup'" in err
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    assert "only this kind (repeatable): answer, note, call_note" in capsys.readouterr().out.replace("\n", " ")


def test_a_command_ends_its_process_without_the_teardown_and_loses_nothing(db_path: Path, tmp_path: Path,
                                                                         isolated_data: Path) -> None:
    """The process's own command line ends with os._exit once the command is done (the
    interpreter's teardown cost a report 0.1-0.2 s): its exit code, its last lines, its atexit
    handlers, its file and a closed database all there."""
    assert main(["check", "--db", str(db_path)]) == 0
    script = """
import atexit, sys
atexit.register(print, "atexit handler ran")
sys.argv = ["mcim-desk", *sys.argv[1:]]
from mcim_desk.cli import main
code = main()
print("main returned", code)  # never: the process ended in main
"""
    env = dict(os.environ, MCIM_DESK_DATA=str(isolated_data), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "summary.pdf"
    done = subprocess.run([sys.executable, "-c", script, "--db", str(db_path), "--lang", "en", "report",
                           "summary", "--out", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"report written to {out}", "atexit handler ran"]
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) > 3
    assert not Path(f"{db_path}-wal").exists()  # closed: the WAL written back into the file
    refused = subprocess.run([sys.executable, "-c", script, "--db", str(db_path), "report", "profile",
                              "--mechanism", "NOPE", "--out", str(tmp_path / "p.pdf")],
                             capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 2
    assert refused.stderr == "mcim-desk: No mechanism is called “NOPE”.\n"
    assert refused.stdout == "atexit handler ran\n"
    # python -m mcim_desk, as the README runs it
    again = subprocess.run([sys.executable, "-m", "mcim_desk", "--db", str(db_path), "report", "summary",
                            "--format", "json", "--out", str(tmp_path / "s.json")],
                           capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert again.returncode == 0 and again.stdout.startswith("report written to")
    import json

    assert "figures" in json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
