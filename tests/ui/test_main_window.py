"""The main window driven as a user would: filter, search, edit, undo, language, locks."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mcim_desk.services import catalogue
from mcim_desk.ui.dialogs import ScriptedDialogs


def test_window_lists_the_thirty_mechanisms(make_window) -> None:  # noqa: ANN001
    window = make_window()
    assert window.list_panel.model.rowCount() == 30
    assert window.list_panel.proxy.rowCount() == 30
    assert "30 of 30" in window.list_panel.count_label.text()


def test_type_and_region_filters(make_window, qtbot) -> None:  # noqa: ANN001
    panel = make_window().list_panel
    for type_, expected in (("rcp", 15), ("irf", 13), ("global", 2), ("", 30)):
        panel.type_box.setCurrentIndex(panel.type_box.findData(type_))
        assert panel.proxy.rowCount() == expected
        assert all(not type_ or row.type == type_ for row in panel.visible_rows())
    panel.type_box.setCurrentIndex(panel.type_box.findData("rcp"))
    # Only the RCP regions are offered once the type is chosen.
    regions = [panel.region_box.itemData(i) for i in range(1, panel.region_box.count())]
    assert regions and all(r.startswith("rcp_") for r in regions)
    panel.region_box.setCurrentIndex(panel.region_box.findData("rcp_africa"))
    assert {r.acronym_en for r in panel.visible_rows()} == {"IGAD-RCP", "MIDCOM", "MIDCAS", "MIDSA", "MIDWA"}


def test_search_matches_french_and_english_names_and_acronyms(make_window, qtbot, typer) -> None:  # noqa: ANN001
    panel = make_window().list_panel
    qtbot.keyClicks(panel.search, "Rabat")
    assert [r.key for r in panel.visible_rows()] == ["rabat_process"]
    panel.search.clear()
    typer(qtbot, panel.search, "Dialogue d’Abou")  # French name, with its apostrophe
    assert [r.key for r in panel.visible_rows()] == ["abu_dhabi_dialogue"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "reseau ibero")  # accents optional
    assert [r.key for r in panel.visible_rows()] == ["riam"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "PAFoM")
    assert [r.key for r in panel.visible_rows()] == ["pafom"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "no such mechanism")
    assert panel.visible_rows() == []


def _select(window, key: str) -> None:  # noqa: ANN001
    panel = window.list_panel
    row = next(r for r in panel.visible_rows() if r.key == key)
    assert panel.select(row.id)
    assert window.card.card.row.key == key


def test_edit_survives_restart_and_undo_restores(make_window, qtbot, typer, db_path: Path) -> None:  # noqa: ANN001
    window = make_window()
    _select(window, "pidc")
    field: QLineEdit = window.card.fields["chair_country"]
    field.setFocus()
    field.selectAll()
    typer(qtbot, field, "Îles Fidji")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.card.card.row.chair_country == "Îles Fidji"
    window.close()

    again = make_window()
    _select(again, "pidc")
    assert again.card.fields["chair_country"].text() == "Îles Fidji"
    again.close()

    # Undo in the window that made the edit puts back the old (empty) value, saved too.
    second = make_window()
    _select(second, "pidc")
    members = second.card.fields["member_state_count"]
    members.setFocus()
    qtbot.keyClicks(members, "23")
    qtbot.keyClick(members, Qt.Key.Key_Tab)
    pidc = catalogue.find_mechanism(second.ctx.db, "PIDC")
    assert catalogue.mechanism_card(second.ctx.db, pidc.id).row.member_state_count == 23
    second.undo_action.trigger()
    assert catalogue.mechanism_card(second.ctx.db, pidc.id).row.member_state_count is None
    assert members.text() == ""
    second.redo_action.trigger()
    assert catalogue.mechanism_card(second.ctx.db, pidc.id).row.member_state_count == 23


def test_bad_number_shows_message_and_saves_nothing(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    _select(window, "pidc")
    members = window.card.fields["member_state_count"]
    members.setFocus()
    qtbot.keyClicks(members, "=12+3")
    qtbot.keyClick(members, Qt.Key.Key_Return)
    assert window.card.error.isVisibleTo(window.card)
    assert "=12+3" in window.card.error.text()
    pidc = catalogue.find_mechanism(window.ctx.db, "PIDC")
    assert catalogue.mechanism_card(window.ctx.db, pidc.id).row.member_state_count is None
    assert window.undo.count() == 0


def test_contacts_add_and_undo(make_window, qtbot, typer) -> None:  # noqa: ANN001
    from mcim_desk.ui.mechanism_card import ContactDialog

    window = make_window()
    _select(window, "rabat_process")
    window.card.add_contact.click()
    dialog = window.card.findChild(ContactDialog)
    typer(qtbot, dialog.edits["name"], "Łukasz Ibáñez")
    typer(qtbot, dialog.edits["time_zone"], "Africa/Casablanca")
    dialog._accept()  # noqa: SLF001 - the OK button's slot
    assert [c.name for c in window.card.card.contacts] == ["Łukasz Ibáñez"]
    assert window.card.contacts.item(0, 1).text() == "Łukasz Ibáñez"
    window.undo_action.trigger()
    assert window.card.card.contacts == ()
    window.redo_action.trigger()
    assert [c.time_zone for c in window.card.card.contacts] == ["Africa/Casablanca"]


def test_contact_dialog_refuses_unknown_zone(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.mechanism_card import ContactDialog

    window = make_window()
    _select(window, "rabat_process")
    window.card.add_contact.click()
    dialog = window.card.findChild(ContactDialog)
    qtbot.keyClicks(dialog.edits["name"], "A. Person")
    qtbot.keyClicks(dialog.edits["time_zone"], "Geneva")
    dialog._accept()  # noqa: SLF001
    assert dialog.isVisible() and "Geneva" in dialog.error.text()
    assert window.card.card.contacts == ()


def test_language_switch_changes_visible_labels(make_window) -> None:  # noqa: ANN001
    window = make_window("en")
    _select(window, "rabat_process")
    assert window.file_menu.title() == "&File"
    assert window.card.form.labelForField(window.card.fields["chair_country"]).text() == "Chair country"
    window.set_language("fr")
    assert window.file_menu.title() == "&Fichier"
    assert window.card.form.labelForField(window.card.fields["chair_country"]).text() == "Pays de la présidence"
    # Reference labels switch too: type and region names, the card's heading.
    assert window.list_panel.type_box.itemText(1).startswith("Processus consultatif régional")
    assert window.card.title.text().startswith("Processus de Rabat")
    window.set_language("en")
    assert window.card.title.text().startswith("Rabat Process")


def test_language_is_remembered(make_window) -> None:  # noqa: ANN001
    from mcim_desk.preferences import Preferences

    make_window("en").set_language("fr")
    assert Preferences.load().language == "fr"


def test_second_window_on_same_database_gets_a_message(make_window, db_path: Path) -> None:  # noqa: ANN001
    make_window()
    dialogs = ScriptedDialogs()
    second = make_window(open_db=False, dialogs=dialogs)
    assert second.open_database(str(db_path)) is False
    assert [kind for kind, _, _ in dialogs.shown] == ["error"]
    assert "already open" in dialogs.shown[0][2]


def test_damaged_database_is_left_untouched(make_window, db_path: Path) -> None:  # noqa: ANN001
    window = make_window()
    window.close()
    sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12), 7):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    dialogs = ScriptedDialogs()
    dialogs.confirm_answers = [False]  # the user declines the backup
    window = make_window(open_db=False, dialogs=dialogs)
    assert window.open_database(str(db_path)) is False
    assert dialogs.shown[0][0] == "confirm" and "integrity check" in dialogs.shown[0][2]
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_damaged_database_can_open_latest_backup(make_window, db_path: Path) -> None:  # noqa: ANN001
    window = make_window()
    pidc = catalogue.find_mechanism(window.ctx.db, "PIDC")
    catalogue.update_mechanism(window.ctx.db, pidc.id, "chair_country", "Tonga", "tester")
    window.close()  # a clean exit makes the latest automatic backup
    sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12), 7):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    damaged = hashlib.sha256(db_path.read_bytes()).hexdigest()
    dialogs = ScriptedDialogs()
    dialogs.confirm_answers = [True]
    window = make_window(open_db=False, dialogs=dialogs)
    assert window.open_database(str(db_path)) is True
    assert window.list_panel.model.rowCount() == 30
    assert catalogue.mechanism_card(window.ctx.db, pidc.id).row.chair_country == "Tonga"
    kept = list(db_path.parent.glob(db_path.name + ".damaged-*"))
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == damaged


def test_edit_menu_names_the_question_not_its_key(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window()
    _select(window, "rabat_process")
    page = window.findChild(QuestionnairePage)
    window.tabs.setCurrentWidget(page)
    page.start_entry()
    page.form.widgets["section_2/q4"].buttons["oui"].click()
    assert window.undo_action.text() == "&Undo: Answer to question 4"
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo: Answer to question 4"
    window.set_language("fr")
    assert window.redo_action.text().startswith("&Rétablir")
    assert window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.prefs_action.shortcut().toString() == "Ctrl+,"


def test_damaged_database_message_is_short(make_window, db_path: Path) -> None:  # noqa: ANN001
    window = make_window()
    window.close()
    sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12), 7):
        data[offset] = 0xA5
    db_path.write_bytes(bytes(data))
    dialogs = ScriptedDialogs()
    window = make_window(open_db=False, dialogs=dialogs)
    assert window.open_database(str(db_path)) is False
    text = dialogs.shown[0][2]
    assert "integrity check" in text
    assert text.count("\n") < 12 and len(text) < 900  # not SQLite's hundreds of lines
