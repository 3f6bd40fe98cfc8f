"""``python3 dev.py run`` on a Linux machine without Qt's xcb libraries (issue 14): it names
the missing libraries and prints the one ``apt-get install`` line, before building anything.
The checker is driven with a given list of libraries; dev.py itself runs from a copy in a
temporary folder with a fake ``ldconfig`` first on the PATH (no environment is ever built)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dev():  # noqa: ANN201 - the dev.py module
    spec = importlib.util.spec_from_file_location("mcim_dev_script_qt", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _all(dev) -> set[str]:  # noqa: ANN001
    return set(dev.QT_GUI_LIBRARIES) | set(dev.QT_XCB_LIBRARIES)


def test_the_two_missing_libraries_of_the_issue_are_named_in_one_line(dev, capsys) -> None:  # noqa: ANN001
    found = _all(dev) - {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    assert dev.missing_qt_packages({}, found, "linux") == {
        "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1"}
    assert not dev.check_qt_libraries({}, found, "linux")
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in err
    assert err.count("sudo apt-get install") == 1
    assert "    sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in err
    assert "libxcb-cursor0" not in err  # Qt's own message names it whatever is missing


def test_nothing_said_when_everything_is_there_or_off_linux(dev, capsys) -> None:  # noqa: ANN001
    assert dev.check_qt_libraries({}, _all(dev), "linux")
    assert dev.check_qt_libraries({}, set(), "win32")
    assert dev.check_qt_libraries({}, set(), "darwin")
    assert capsys.readouterr().err == ""


def test_offscreen_and_wayland_need_no_xcb_library(dev) -> None:  # noqa: ANN001
    gui_only = set(dev.QT_GUI_LIBRARIES)
    for platform in ("offscreen", "wayland", "wayland-egl", "minimal:x=1"):
        assert dev.missing_qt_packages({"QT_QPA_PLATFORM": platform}, gui_only, "linux") == {}
    assert set(dev.missing_qt_packages({"QT_QPA_PLATFORM": "xcb"}, gui_only, "linux")) == set(
        dev.QT_XCB_LIBRARIES)
    assert dev.missing_qt_packages({"WAYLAND_DISPLAY": "wayland-0"}, gui_only, "linux") == {}
    assert dev.missing_qt_packages({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, gui_only,
                                   "linux") != {}  # XWayland too: Qt may fall back to xcb
    # Qt's core GUI libraries are needed offscreen too (the tests run offscreen)
    assert dev.missing_qt_packages({"QT_QPA_PLATFORM": "offscreen"}, gui_only - {"libEGL.so.1"},
                                   "linux") == {"libEGL.so.1": "libegl1"}


def test_only_the_window_needs_the_display_libraries(dev) -> None:  # noqa: ANN001
    assert dev.opens_window([])
    assert dev.opens_window(["--db", "demo.sqlite3", "--lang", "fr"])
    assert dev.opens_window(["--db=demo.sqlite3"])
    for args in (["check"], ["--db", "x.sqlite3", "report", "--out", "r.pdf"], ["--self-test"],
                 ["--version"], ["--help"]):
        assert not dev.opens_window(args), args


def test_the_loader_cache_is_read_for_this_architecture(dev) -> None:  # noqa: ANN001
    found = dev.system_libraries()
    assert found is not None and "libc.so.6" in found


def test_the_readme_line_installs_every_library_dev_py_checks(dev) -> None:  # noqa: ANN001
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = dev.apt_line({**dev.QT_GUI_LIBRARIES, **dev.QT_XCB_LIBRARIES})
    two_commands = readme.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    assert f"```sh\n{line}\npython3 dev.py run" in two_commands


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldconfig: Linux")
def test_dev_py_run_stops_before_building_with_the_apt_line(dev, tmp_path: Path) -> None:  # noqa: ANN001
    real = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    kept = [line for line in real.splitlines()
            if not line.strip().startswith(("libxcb-icccm.so.4 ", "libxcb-keysyms.so.1 "))]
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "listing").write_text("\n".join(kept) + "\n")
    (fake / "ldconfig").write_text(f"#!/bin/sh\ncat '{fake / 'listing'}'\n")
    (fake / "ldconfig").chmod(0o755)
    project = tmp_path / "project"
    project.mkdir()
    (project / "dev.py").write_bytes((ROOT / "dev.py").read_bytes())
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "LD_LIBRARY_PATH", "WAYLAND_DISPLAY")}
    env["PATH"] = f"{fake}{os.pathsep}{env.get('PATH', '')}"
    run = subprocess.run([sys.executable, str(project / "dev.py"), "run"], cwd=project, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 3, run.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in run.stderr
    assert "creating the virtual environment" not in run.stdout
    assert not (project / ".venv").exists()
