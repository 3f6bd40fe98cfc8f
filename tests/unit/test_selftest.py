"""``mcim-desk --self-test`` from the source tree: every check passes, is listed, and the
user's own data folder and database are left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

EXPECTED_LINES = [
    "ok   database created and migrated: revision ",
    "ok   reference data: 30 mechanisms (15 RCPs, 13 IRFs, 2 global), 23 objectives, "
    "10 principles, 6 themes",
    "ok   French translations loaded: mcim_desk_fr, qtbase_fr",
    "ok   PDF fonts registered: DejaVuSans",
    "ok   time-zone data: America/Lima UTC-05:00",
    "ok   XLSForm language tags (pyxform): fr, en, swh",
    "ok   images read: PNG through Pillow (",
    "ok   main window opened on the database and closed: 30 mechanisms listed",
    "self-test passed: 8 checks",
]


def assert_self_test_passed(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "FAIL" not in output, output
    lines = result.stdout.splitlines()
    for expected in EXPECTED_LINES:
        assert any(line.startswith(expected) for line in lines), f"missing {expected!r} in\n{output}"


def test_self_test_passes_and_touches_no_user_data(tmp_path: Path) -> None:
    user_data, user_db = tmp_path / "user-data", tmp_path / "user.sqlite3"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, MCIM_DESK_DATA=str(user_data), MCIM_DESK_DB=str(user_db),
               TMPDIR=str(scratch), QT_QPA_PLATFORM="xcb")  # the self-test must force offscreen
    result = subprocess.run(
        [sys.executable, "-m", "mcim_desk", "--self-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )
    assert_self_test_passed(result)
    assert not user_data.exists() and not user_db.exists()
    assert list(scratch.iterdir()) == []  # its temporary folder is removed
