"""Everything a user sees exists in French: every string the sources mark for translation has a
French translation in the shipped catalogue, and the compiled catalogue matches it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "mcim_desk_fr.ts"


def _lupdate() -> str | None:
    found = Path(sys.executable).parent / "pyside6-lupdate"
    return str(found) if found.exists() else shutil.which("pyside6-lupdate")


def _untranslated(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            forms = translation.findall("numerusform") or [translation]
            if translation.get("type") == "unfinished" or not all(f.text for f in forms):
                missing.append((name, message.findtext("source") or ""))
    return missing


def test_every_translatable_string_has_its_french_translation(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fr.ts"
    shutil.copy(CATALOGUE, fresh)
    sources = sorted(str(p) for p in (ROOT / "mcim_desk").rglob("*.py"))
    subprocess.run([lupdate, "-no-obsolete", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    missing = _untranslated(fresh)
    assert not missing, f"{len(missing)} strings without French, first: {missing[:5]}"


def test_the_compiled_catalogue_is_newer_than_its_source() -> None:
    compiled = CATALOGUE.with_suffix(".qm")
    assert compiled.exists()
    assert _untranslated(CATALOGUE) == []
    # lrelease output holds every translation: a catalogue edited without recompiling fails
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(compiled))
    root = ET.parse(CATALOGUE).getroot()
    checked = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            wanted = message.findtext("translation") or ""
            assert translator.translate(name, source, comment) == wanted, (name, source)
            checked += 1
    assert checked > 100
