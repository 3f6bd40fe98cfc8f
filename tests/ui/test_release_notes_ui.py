"""After an upgrade the window shows the new version's notes once, in the user's language."""

from __future__ import annotations

from mcim_desk import __version__
from mcim_desk.i18n import install_translators, settings
from mcim_desk.ui.dialogs import ScriptedDialogs


def _notes(dialogs: ScriptedDialogs) -> list[tuple[str, str, str]]:
    return [s for s in dialogs.shown if s[1].startswith(("What is new", "Nouveautés"))]


def test_notes_shown_once_after_an_upgrade_in_french(make_window, qtbot, tmp_path) -> None:  # noqa: ANN001
    install_translators("fr")
    store = settings()
    store.setValue("last_version", "0.1.0")
    store.sync()
    dialogs = ScriptedDialogs()
    make_window(language="fr", dialogs=dialogs)
    qtbot.waitUntil(lambda: settings().value("last_version", "", str) == __version__)
    [(kind, title, text)] = _notes(dialogs)
    assert kind == "info" and __version__ in title
    assert title == f"Nouveautés de MCIM Desk {__version__}"
    assert text.startswith("Modifié\n- Les lots sont au format 2")
    again = ScriptedDialogs()
    make_window(language="fr", dialogs=again, path=tmp_path / "second.sqlite3")
    qtbot.wait(50)
    assert _notes(again) == []


def test_no_notes_on_a_first_install(make_window, qtbot) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    make_window(dialogs=dialogs)
    qtbot.waitUntil(lambda: settings().value("last_version", "", str) == __version__)
    assert _notes(dialogs) == []
