"""The first start asks once for the name written in the audit log (issue 14), instead of
leaving the login there until someone finds Preferences."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mcim_desk.i18n import settings
from mcim_desk.preferences import Preferences, profile_chosen
from mcim_desk.ui.first_start import FirstStartDialog, ask_profile_once, suggested_profile


def _edit_chair(window, qtbot, typer, text: str) -> None:  # noqa: ANN001
    row = next(r for r in window.list_panel.visible_rows() if r.key == "pidc")
    window.list_panel.select(row.id)
    field: QLineEdit = window.card.fields["chair_country"]
    field.setFocus()
    field.selectAll()
    typer(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_asked_once_and_the_audit_rows_carry_the_name(make_window, qtbot, typer, db_path: Path) -> None:  # noqa: ANN001
    assert not profile_chosen()  # a new data folder
    window = make_window()
    window.prefs.profile = "root"  # what the login gave
    dialog = ask_profile_once(window)
    assert isinstance(dialog, FirstStartDialog) and dialog.isVisible()
    assert dialog.name.text() == suggested_profile("root")
    assert dialog.name.accessibleName() == "Your name"
    dialog.name.clear()
    typer(qtbot, dialog.name, "Amina Benali-Ouédraogo")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.prefs.profile == "Amina Benali-Ouédraogo"
    assert "Amina Benali-Ouédraogo" in window.windowTitle()
    assert settings().value("profile") == "Amina Benali-Ouédraogo"
    assert Preferences.load().profile == "Amina Benali-Ouédraogo"  # the next start reads it
    assert ask_profile_once(window) is None  # never asked again

    _edit_chair(window, qtbot, typer, "Fidji")
    with sqlite3.connect(db_path) as con:
        actors = {a for (a,) in con.execute("SELECT actor FROM audit_log WHERE entity='mechanism'")}
    assert actors == {"Amina Benali-Ouédraogo"}


def test_skip_keeps_the_login_and_is_not_asked_again(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    window.prefs.profile = "nobody-such-login"  # no account: no full name to suggest
    dialog = ask_profile_once(window)
    assert dialog.name.text() == "nobody-such-login"
    assert "nobody-such-login" in dialog.skip_button.text()
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert settings().value("profile") == "nobody-such-login"
    assert ask_profile_once(window) is None


def test_an_empty_or_too_long_name_is_said_and_not_stored(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    dialog = ask_profile_once(window)
    dialog.name.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "Type your name, or choose Skip."
    dialog.name.setText("x" * 129)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "Your name has 129 characters, more than the limit of 128."
    assert not profile_chosen()
    dialog.close()


def test_in_french(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    window.set_language("fr")
    dialog = ask_profile_once(window)
    assert dialog.windowTitle() == "Bienvenue dans MCIM Desk"
    assert dialog.save_button.text() == "&Enregistrer"
    dialog.close()


def test_the_suggestion_is_the_accounts_full_name_else_the_login() -> None:
    import pwd

    named = next((e for e in pwd.getpwall() if e.pw_gecos.split(",")[0].strip()
                  and e.pw_gecos.split(",")[0].strip() != e.pw_name), None)
    if named is not None:  # e.g. Debian's "list": "Mailing List Manager"
        assert suggested_profile(named.pw_name) == named.pw_gecos.split(",")[0].strip()
    assert suggested_profile("nobody-such-login") == "nobody-such-login"


def test_opening_a_new_database_says_each_step_in_a_titled_tab(make_window, qtbot, db_path: Path) -> None:  # noqa: ANN001
    """The first start: the window is never an empty, untitled page with empty live filters."""
    window = make_window(open_db=False)
    assert window.tabs.tabText(0) == "Opening…"
    assert window.placeholder.text() == "Opening the database…"
    assert not window.list_panel.isEnabled()
    seen: list[tuple[str, str, str, bool]] = []
    window.opening_step.connect(lambda text: seen.append((
        text, window.placeholder.text(), window.statusBar().currentMessage(),
        window.list_panel.isEnabled())))
    assert window.open_database(str(db_path))
    texts = [entry[0] for entry in seen]
    assert texts == ["Creating the database…", "Preparing the database for this version…",
                     "Loading the study’s reference data (mechanisms, the Compact’s objectives)…",
                     "Checking the study’s questionnaire and interview guide…"]
    assert all(shown == text == status and not enabled for text, shown, status, enabled in seen)
    assert window.list_panel.isEnabled() and window.list_panel.model.rowCount() == 30
    assert window.statusBar().currentMessage() == ""
    window.close()

    again = make_window(open_db=False)  # the next start: a check and a backup, no upgrade
    steps: list[str] = []
    again.opening_step.connect(steps.append)
    assert again.open_database(str(db_path))
    assert steps == ["Checking the database file…", "Making the automatic backup…",
                     "Checking the study’s questionnaire and interview guide…"]
