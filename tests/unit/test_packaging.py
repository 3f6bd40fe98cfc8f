"""The installers' recipes and the desktop entry, as text (no build): names and paths come from
packaging/metadata.py, the Windows install needs no administrator, the entry is valid."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))  # not a package: "packaging" is pypa's name
import linux  # noqa: E402
import metadata as meta  # noqa: E402
import recipes  # noqa: E402


def test_metadata_agrees_with_the_program() -> None:
    assert (meta.VERSION, meta.APP_NAME, meta.APP_ID) == (__version__, APP_NAME, APP_ID)
    assert meta.LINUX_PREFIX == f"/opt/{APP_ID}"


def test_inno_setup_script_is_per_user_and_named_from_metadata(tmp_path: Path) -> None:
    iss = recipes.write("windows", tmp_path / "dist" / APP_ID, tmp_path / "gen", tmp_path).read_text()
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequired=admin" not in iss
    assert f"AppVersion={__version__}" in iss and f"AppId={{{meta.WINDOWS_APP_GUID}" in iss
    assert f"OutputBaseFilename={APP_ID}-{__version__}-setup" in iss
    assert f"{{app}}\\{meta.GUI_EXE}.exe" in iss  # the windowed program in the menu
    assert 'MessagesFile: "compiler:Languages\\French.isl"' in iss
    assert "THIRD-PARTY-NOTICES.txt" in iss and "LICENSE" in iss


def test_dmg_script_packs_the_app_and_the_licences(tmp_path: Path) -> None:
    script = recipes.write("macos", tmp_path / f"{APP_NAME}.app", tmp_path / "gen", tmp_path)
    text = script.read_text()
    assert "hdiutil create" in text and f"{APP_ID}-{__version__}.dmg" in text
    assert "ln -s /Applications" in text and "THIRD-PARTY-NOTICES.txt" in text
    assert subprocess.run(["sh", "-n", str(script)]).returncode == 0  # valid shell syntax


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_entry_is_valid_in_english_and_french(tmp_path: Path) -> None:
    entry = tmp_path / f"{meta.BUNDLE_ID}.desktop"
    entry.write_text(linux.desktop_entry(meta.GUI_EXE), encoding="utf-8")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    text = entry.read_text(encoding="utf-8")
    assert f"Name={APP_NAME}" in text and f"Name[fr]={APP_NAME}" in text
    assert f"Comment[fr]={meta.SUMMARY['fr']}" in text


def test_icons_are_made_from_the_svg(tmp_path: Path) -> None:
    import icons
    from PIL import Image

    made = icons.make_icons(tmp_path)
    assert Image.open(made["png256"]).size == (256, 256)
    assert (256, 256) in Image.open(made["ico"]).info["sizes"]
    assert Image.open(made["icns"]).format == "ICNS"
