"""Release notes: one version's section of CHANGELOG.md / CHANGELOG.fr.md."""

from __future__ import annotations

import re

from mcim_desk import __version__
from mcim_desk.paths import resource_path
from mcim_desk.release_notes import notes_due, section


def test_a_version_section_in_each_language() -> None:
    english, french = section("0.2.0", "en"), section("0.2.0", "fr")
    assert english.startswith("Changed\n- Bundles are format 2")
    assert french.startswith("Modifié\n- Les lots sont au format 2")
    assert "0.1.0" not in english and "2026-11-26" not in english  # one section, no heading


def test_french_falls_back_to_english_and_unknown_versions_have_none(tmp_path) -> None:  # noqa: ANN001
    assert section("9.9.9", "fr") is None
    assert section("Unreleased", "en").startswith("Added\n- Installers for the field offices")


def test_the_changelogs_keep_a_changelog_shape() -> None:
    """Every released version has a dated section in both files, the newest first, and the
    current version is either released there or still Unreleased."""
    for name in ("CHANGELOG.md", "CHANGELOG.fr.md"):
        text = resource_path(name).read_text(encoding="utf-8")
        versions = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.M)
        assert [v for v, _ in versions] == ["Unreleased", "0.2.0", "0.1.0"], name
        assert all(date for v, date in versions if v != "Unreleased"), name
        assert __version__ in [v for v, _ in versions]


def test_notes_are_due_after_an_upgrade_only() -> None:
    assert notes_due("0.1.0", "0.2.0")
    assert not notes_due("0.2.0", "0.2.0")
    assert not notes_due("", "0.2.0")  # a first install: nothing to announce
    assert not notes_due(None, "0.2.0")
