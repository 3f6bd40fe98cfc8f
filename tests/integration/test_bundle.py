"""The PyInstaller bundle (build.spec): built once per run, then run as a user would.

Slow (about a minute), but run in CI: only the frozen program shows what the bundle lacks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e .[test])")
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec"),
         "--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-8000:]
    exe = work / "dist" / "mcim-desk" / ("mcim-desk.exe" if os.name == "nt" else "mcim-desk")
    assert exe.is_file()
    return exe


def run(exe: Path, *args: str, data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, MCIM_DESK_DATA=str(data), QT_QPA_PLATFORM="offscreen")
    env.pop("MCIM_DESK_DB", None)
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=300)


def test_frozen_self_test_passes(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--self-test", data=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "FAIL" not in output, output
    lines = result.stdout.splitlines()
    assert "(frozen bundle," in lines[0]
    for expected in (
        "ok   database created and migrated",
        "ok   reference data: 30 mechanisms (15 RCPs, 13 IRFs, 2 global), 23 objectives",
        "ok   French translations loaded: mcim_desk_fr, qtbase_fr",  # Qt's own .qm survived trimming
        "ok   PDF fonts registered: DejaVuSans",
        "ok   time-zone data: America/Lima UTC-05:00",  # tzdata, not the system's zone files
        "ok   XLSForm language tags (pyxform): fr, en, swh",
    "ok   main window opened on the database and closed: 30 mechanisms listed",
    ):
        assert any(line.startswith(expected) for line in lines), f"missing {expected!r} in\n{output}"
    assert lines[-1] == "self-test passed: 7 checks"


def test_frozen_version(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--version", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"MCIM Desk {__version__}"


def test_frozen_check_creates_and_fills_a_database(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    result = run(bundle, "check", "--db", str(db), data=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert db.is_file()
    assert "mechanisms: 30" in result.stdout.splitlines()
    assert "integrity: ok" in result.stdout


def test_frozen_questionnaire_pdf_round_trip(bundle: Path, tmp_path: Path) -> None:
    """The frozen program writes a fillable questionnaire and reads it back: reading runs in
    a child process (the launcher's --pdf-form-reader), which must work without Python."""
    from pypdf import PdfReader, PdfWriter

    db = tmp_path / "field.sqlite3"
    blank = tmp_path / "pidc.pdf"
    made = run(bundle, "--db", str(db), "--lang", "fr", "questionnaire", "pdf",
               "--mechanism", "PIDC", "--out", str(blank), data=tmp_path / "data")
    assert made.returncode == 0, made.stdout + made.stderr
    writer = PdfWriter(clone_from=PdfReader(blank))
    for page in writer.pages:
        writer.update_page_form_field_values(
            page, {"submission/submitted_by": "Ana Pérez"}, auto_regenerate=False
        )
    filled = tmp_path / "pidc-filled.pdf"
    with filled.open("wb") as handle:
        writer.write(handle)
    imported = run(bundle, "--db", str(db), "import", str(filled), "--accept-all",
                   data=tmp_path / "data")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Ana Pérez" in imported.stdout
