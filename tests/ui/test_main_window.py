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
    # The Bali Process's membership is not in the reference file: the picker starts empty.
    second = make_window()
    _select(second, "bali_process")
    ocam = catalogue.find_mechanism(second.ctx.db, "Bali Process")
    assert second.card.members.text() == "Not recorded"
    chosen = pick_members(second, qtbot, typer, ["costa", "PAN"])
    assert chosen == ["CRI", "PAN"]
    assert catalogue.mechanism_card(second.ctx.db, ocam.id).members == ["CRI", "PAN"]
    assert "2 States" in second.card.members.text() and "Costa Rica" in second.card.members.text()
    second.undo_action.trigger()
    assert catalogue.mechanism_card(second.ctx.db, ocam.id).members is None
    assert second.card.members.text() == "Not recorded"
    second.redo_action.trigger()
    assert catalogue.mechanism_card(second.ctx.db, ocam.id).members == ["CRI", "PAN"]


def pick_members(window, qtbot, typer, searches: list[str]) -> list[str]:  # noqa: ANN001
    """Open the card's country picker, tick the first match of each search with Enter, save
    with Ctrl+Return; returns the codes the dialog chose."""
    from mcim_desk.ui.country_picker import CountryPickerDialog

    qtbot.mouseClick(window.card.choose_members, Qt.MouseButton.LeftButton)
    dialog = [d for d in window.card.findChildren(CountryPickerDialog) if d.isVisible()][-1]
    for text in searches:
        typer(qtbot, dialog.filter, text)
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
        assert dialog.filter.text() == ""
    chosen = dialog.chosen()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    return chosen


def test_member_states_picker_filters_in_the_interface_language(make_window, qtbot, typer) -> None:  # noqa: ANN001
    from mcim_desk.persistence import repositories
    from mcim_desk.ui.country_picker import CountryPickerDialog

    window = make_window()
    _select(window, "eu_celac")  # no membership in the reference file
    sacm = catalogue.find_mechanism(window.ctx.db, "EU-CELAC")
    qtbot.mouseClick(window.card.choose_members, Qt.MouseButton.LeftButton)
    dialog = [d for d in window.card.findChildren(CountryPickerDialog) if d.isVisible()][-1]
    typer(qtbot, dialog.filter, "pér")  # accents and case do not matter
    shown = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert shown == ["Peru (PER)"]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    # Down moves into the list, Space ticks the current country.
    typer(qtbot, dialog.filter, "chil")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.list
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.chosen() == ["CHL", "PER"]
    assert dialog.count.text() == "2 States ticked"
    dialog.ticked_only.setChecked(True)  # what is ticked, at a glance
    assert [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())] == ["Chile (CHL)"]
    dialog.filter.clear()
    assert [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())] == ["Chile (CHL)", "Peru (PER)"]
    dialog.ticked_only.setChecked(False)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    card = catalogue.mechanism_card(window.ctx.db, sacm.id)
    assert card.members == ["CHL", "PER"]
    with window.ctx.db.read() as session:
        rows = [(a.actor, a.old_value, a.new_value) for a in repositories.audit_rows(session, "mechanism", [sacm.id])
                if a.field == "member_states"]
    assert rows == [(window.ctx.actor, None, '["CHL", "PER"]')]


def test_bad_value_shows_message_and_saves_nothing(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    _select(window, "pidc")
    acronym = window.card.fields["acronym_en"]
    acronym.setFocus()
    acronym.selectAll()
    qtbot.keyClick(acronym, Qt.Key.Key_Delete)
    qtbot.keyClick(acronym, Qt.Key.Key_Return)
    assert window.card.error.isVisibleTo(window.card)
    assert "cannot be empty" in window.card.error.text()
    pidc = catalogue.find_mechanism(window.ctx.db, "PIDC")
    assert catalogue.mechanism_card(window.ctx.db, pidc.id).row.acronym_en == "PIDC"
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
    dialogs.expect("already open")
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
    kept = [p for p in db_path.parent.glob(db_path.name + ".damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
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
