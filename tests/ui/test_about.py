"""Help > About names the version and the build date (or that it runs from source)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcim_desk import __version__, build_info
from mcim_desk.ui.dialogs import ScriptedDialogs


def test_about_from_source(make_window) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    make_window(dialogs=dialogs).show_about()
    [(_, title, text)] = [s for s in dialogs.shown if s[1] == "About MCIM Desk"]
    assert f"MCIM Desk {__version__}" in text and text.endswith("Running from the source code")


def test_about_and_version_of_a_build(make_window, tmp_path: Path,  # noqa: ANN001
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / build_info.BUILD_INFO
    info.write_text(json.dumps({"version": __version__, "build_date": "2026-12-03"}))
    monkeypatch.setattr(build_info, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert build_info.version_line() == f"MCIM Desk {__version__} (built 2026-12-03)"
    dialogs = ScriptedDialogs()
    make_window(dialogs=dialogs).show_about()
    [(_, _, text)] = [s for s in dialogs.shown if s[1] == "About MCIM Desk"]
    assert text.endswith("Built on 2026-12-03")


def test_version_line_from_source() -> None:
    assert build_info.version_line() == f"MCIM Desk {__version__} (from source)"
