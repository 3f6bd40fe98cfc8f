"""``python3 dev.py screenshots``: every chosen screen is written, in both languages, as a PNG
that is not a single colour (run through dev.py's own function with this Python)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from mcim_desk.devtools.screens import scene_names
from mcim_desk.devtools.screenshots import is_blank

ROOT = Path(__file__).resolve().parents[2]
SUBSET = ["first-start", "dashboard", "questionnaire-errors", "call-workspace", "history",
          "pdf-review", "damaged-database", "about", "menu-file", "read-only-banner"]


def _dev():  # noqa: ANN202 - the dev.py module
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_is_blank_tells_an_empty_image() -> None:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert is_blank(image)
    image.setPixelColor(39, 29, QColor("black"))
    assert not is_blank(image)


def test_screenshots_command_writes_each_screen_in_both_languages(tmp_path: Path,
                                                                  capfd: pytest.CaptureFixture) -> None:
    assert set(SUBSET) <= set(scene_names())
    out = tmp_path / "shots"
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    code = _dev().screenshots(Path(sys.executable), ["--out", str(out), "--only", *SUBSET])
    printed = capfd.readouterr().out
    assert code == 0, printed
    written = sorted(p.name for p in out.glob("*.png"))
    # the read-only banner does not exist in this version: skipped, and said so
    expected = sorted(f"{name}-{lang}.png" for name in SUBSET for lang in ("fr", "en")
                      if name != "read-only-banner" or (out / f"{name}-{lang}.png").exists())
    assert written == expected
    assert "read-only-banner" in printed.splitlines()[-1] or "read-only-banner-fr.png" in written
    for name in written:
        image = QImage(str(out / name))
        assert image.width() >= 200 and image.height() >= 100, name
        assert not is_blank(image), f"{name} is a single colour"


def test_an_unknown_screen_is_refused(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mcim_desk.devtools.screenshots", "--out", str(tmp_path),
                             "--only", "no-such-screen"], capture_output=True, text=True, cwd=ROOT,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    assert result.returncode == 2
    assert "no-such-screen" in result.stderr and "dashboard" in result.stderr
    assert not list(tmp_path.glob("*.png"))


def test_the_program_does_not_load_the_developer_tools(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from mcim_desk.preferences import Preferences\n"
        "from mcim_desk.ui.features import install_features\n"
        "from mcim_desk.ui.main_window import MainWindow\n"
        "from mcim_desk.ui.tasks import SyncRunner\n"
        "from mcim_desk.ui.dialogs import ScriptedDialogs\n"
        "w = MainWindow(Preferences('p', 'Europe/Geneva', 'en'), SyncRunner(), ScriptedDialogs(),\n"
        "               features=install_features)\n"
        "w.open_database(sys.argv[1])\n"
        "app.processEvents()\n"
        "print(any(m.startswith('mcim_desk.devtools') for m in sys.modules))\n"
        "w.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MCIM_DESK_DATA=str(tmp_path / "data"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "db.sqlite3")], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def test_the_guide_screenshots_are_made_by_the_command(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    """``dev.py screenshots --guide --only SCREEN``: that screen of the guide, in each language,
    small, with its language written into it; nothing else (not a screen the guide omits)."""
    from PIL import Image

    from mcim_desk.devtools.screenshots import GUIDE_MAX_WIDTH, guide_scenes

    assert "reports-dialog" in guide_scenes()["fr"] and "about" not in guide_scenes()["en"]
    out = tmp_path / "images"
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    code = _dev().screenshots(Path(sys.executable), ["--guide", "--out", str(out), "--only", "reports-dialog", "about"])
    printed = capfd.readouterr().out
    assert code == 0, printed
    assert sorted(p.name for p in out.iterdir()) == ["reports-dialog-en.png", "reports-dialog-fr.png"]
    for lang in ("fr", "en"):
        with Image.open(out / f"reports-dialog-{lang}.png") as png:
            assert png.text["Language"] == lang and png.text["Screen"] == "reports-dialog"
            assert png.mode == "P" and 200 <= png.width <= GUIDE_MAX_WIDTH
        assert not is_blank(QImage(str(out / f"reports-dialog-{lang}.png")))
    # the French one is French: it differs from the English one
    assert (out / "reports-dialog-fr.png").read_bytes() != (out / "reports-dialog-en.png").read_bytes()
