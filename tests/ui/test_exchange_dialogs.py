"""The exchange entries of the File menu, driven with qtbot: import a bundle, read its plan,
resolve its conflicts (keep theirs, keep mine, type another value); export dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from mcim_desk.services import catalogue, exchange, responses
from mcim_desk.services import exchange_conflicts as conflicts
from mcim_desk.services.backups import backup_to
from mcim_desk.services.startup import open_database
from mcim_desk.ui.dialogs import ScriptedDialogs

Q4 = "section_2/q4"


@pytest.fixture
def conflicting(tmp_path: Path) -> dict:
    """Laptop A (the window's database) and a bundle from laptop B; both changed Q4 of the
    Rabat Process, its chair country and its notes."""
    start_path = tmp_path / "start.sqlite3"
    start, _ = open_database(str(start_path))
    rabat = catalogue.find_mechanism(start, "Rabat Process").id
    response = responses.open_questionnaire(start, rabat, "secretariat").id
    responses.save_answer(start, response, Q4, "non", "secretariat")
    start.dispose()
    paths = {}
    for name in ("a", "b"):
        paths[name] = backup_to(start_path, tmp_path / f"{name}.sqlite3")
    a, _ = open_database(str(paths["a"]), backup=False)
    b, _ = open_database(str(paths["b"]), backup=False)
    responses.save_answer(a, response, Q4, "oui", "alice")
    catalogue.update_mechanism(a, rabat, "chair_country", "Maroc", "alice")
    catalogue.update_mechanism(a, rabat, "notes", "Version d’Alice", "alice")
    responses.save_answer(b, response, Q4, "en_cours", "bob")
    catalogue.update_mechanism(b, rabat, "chair_country", "Espagne", "bob")
    catalogue.update_mechanism(b, rabat, "notes", "Version de Bob", "bob")
    bundle = exchange.export_bundle(b, tmp_path / "bob.mcimz").path
    a.dispose()
    b.dispose()
    return {"a": paths["a"], "b": paths["b"], "bundle": bundle, "rabat": rabat, "response": response}


def trigger(window, name: str) -> None:  # noqa: ANN001
    action = window.findChild(QAction, name)
    assert action is not None and action.text()
    action.trigger()


def choose(qtbot, button) -> None:  # noqa: ANN001
    """Click a radio button or check box on its indicator (a click past its label, in the
    stretched part of the widget, does nothing)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def box_for(dialog, field: str):  # noqa: ANN001, ANN201
    return next(box for box in dialog.boxes if box.conflict.field == field)


def test_import_then_resolve_each_way(make_window, qtbot, typer, conflicting: dict) -> None:  # noqa: ANN001
    from mcim_desk.ui.exchange_dialogs import ConflictDialog, ImportPlanDialog

    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(conflicting["bundle"])]
    window = make_window(path=conflicting["a"], dialogs=dialogs)
    trigger(window, "import_bundle_action")
    plan_dialog = window.findChild(ImportPlanDialog)
    assert plan_dialog is not None and plan_dialog.isVisible()
    assert "3 field(s)" in plan_dialog.summary.text()
    qtbot.mouseClick(plan_dialog.import_button, Qt.MouseButton.LeftButton)

    dialog = window.findChild(ConflictDialog)
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.boxes) == 3
    q4 = box_for(dialog, Q4)
    assert q4.mine_value.text() == "Yes"  # choice labels, not codes
    assert q4.theirs_value.text() == "In progress, not yet final"
    assert q4.question.text().startswith("4. Has your ISCM") and Q4 not in q4.question.text()
    assert "alice" in q4.mine_who.text() and "bob" in q4.theirs_who.text()
    assert "UTC" in q4.theirs_who.text()
    chair = box_for(dialog, "chair_country")
    notes = box_for(dialog, "notes")
    assert notes.mine_value.text() == "Version d’Alice"

    choose(qtbot, q4.keep_theirs)
    choose(qtbot, chair.keep_mine)
    choose(qtbot, notes.edit)
    assert notes.editor.isEnabled()
    notes.editor.clear()
    typer(qtbot, notes.editor, "Réunion à Rabat — versions fusionnées")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    db = window.ctx.db
    assert responses.answers(db, conflicting["response"])[Q4] == "en_cours"
    card = catalogue.mechanism_card(db, conflicting["rabat"])
    assert card.row.chair_country == "Maroc"
    assert card.notes == "Réunion à Rabat — versions fusionnées"
    assert conflicts.pending_conflicts(db) == []


def test_undecided_conflicts_wait_for_later(make_window, qtbot, conflicting: dict) -> None:  # noqa: ANN001
    from mcim_desk.ui.exchange_dialogs import ConflictDialog, ImportPlanDialog

    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(conflicting["bundle"])]
    window = make_window(path=conflicting["a"], dialogs=dialogs)
    trigger(window, "import_bundle_action")
    qtbot.mouseClick(window.findChild(ImportPlanDialog).import_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ConflictDialog)
    choose(qtbot, box_for(dialog, Q4).keep_mine)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    db = window.ctx.db
    assert responses.answers(db, conflicting["response"])[Q4] == "oui"
    left = conflicts.pending_conflicts(db)
    assert sorted(c.field for c in left) == ["chair_country", "notes"]
    # Later, from the File menu; the keyboard alone: Tab to a choice, Space to pick it.
    trigger(window, "resolve_conflicts_action")
    later = [d for d in window.findChildren(ConflictDialog) if d.isVisible()][0]
    assert len(later.boxes) == 2
    box = box_for(later, "chair_country")
    box.keep_theirs.setFocus()
    qtbot.keyClick(box.keep_theirs, Qt.Key.Key_Space)
    qtbot.keyClick(later, Qt.Key.Key_Return)
    assert catalogue.mechanism_card(db, conflicting["rabat"]).row.chair_country == "Espagne"
    assert [c.field for c in conflicts.pending_conflicts(db)] == ["notes"]


def test_a_bad_typed_value_is_refused_in_the_dialog(make_window, qtbot, typer, conflicting: dict,
                                                  tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.exchange_dialogs import ConflictDialog, resolve_conflicts

    b, _ = open_database(str(conflicting["b"]), backup=False)
    catalogue.update_mechanism(b, conflicting["rabat"], "member_states", ["MAR", "SEN"], "bob")
    bundle = exchange.export_bundle(b, tmp_path / "bob2.mcimz").path
    b.dispose()
    window = make_window(path=conflicting["a"])
    db = window.ctx.db
    catalogue.update_mechanism(db, conflicting["rabat"], "member_states", ["MAR"], "alice")
    exchange.apply_import(db, exchange.preview_import(db, bundle), actor="tester")
    resolve_conflicts(window)
    dialog = [d for d in window.findChildren(ConflictDialog) if d.isVisible()][0]
    count = box_for(dialog, "member_states")
    assert count.theirs_value.text() == "Morocco (MAR)\nSenegal (SEN)"  # names, not JSON
    choose(qtbot, count.edit)
    count.editor.clear()
    typer(qtbot, count.editor, "beaucoup")
    notes = box_for(dialog, "notes")
    choose(qtbot, notes.edit)
    notes.editor.clear()
    typer(qtbot, notes.editor, "<b>texte</b> & « guillemets »")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "beaucoup" in dialog.error.text()
    card = catalogue.mechanism_card(db, conflicting["rabat"])
    assert (card.members, card.notes) == (["MAR"], "Version d’Alice")  # nothing saved
    count.editor.clear()
    typer(qtbot, count.editor, "MAR SEN esp")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    card = catalogue.mechanism_card(db, conflicting["rabat"])
    assert (card.members, card.notes) == (["ESP", "MAR", "SEN"], "<b>texte</b> & « guillemets »")


def test_encrypted_import_asks_for_the_passphrase(make_window, qtbot, typer, conflicting: dict,
                                                  tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.exchange_dialogs import ImportPlanDialog, PassphraseDialog

    other, _ = open_database(str(tmp_path / "other.sqlite3"))
    secret = exchange.export_bundle(other, tmp_path / "secret.mcimz", passphrase="sésame ouvre-toi").path
    other.dispose()
    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(secret)]
    window = make_window(path=conflicting["a"], dialogs=dialogs)
    trigger(window, "import_bundle_action")
    ask = window.findChild(PassphraseDialog)
    assert ask is not None and ask.isVisible()
    typer(qtbot, ask.passphrase, "faux")
    qtbot.keyClick(ask.passphrase, Qt.Key.Key_Return)
    again = [d for d in window.findChildren(PassphraseDialog) if d.isVisible()][0]
    assert "wrong passphrase" in again.error.text()
    typer(qtbot, again.passphrase, "sésame ouvre-toi")
    qtbot.keyClick(again.passphrase, Qt.Key.Key_Return)
    plan = window.findChild(ImportPlanDialog)
    assert plan is not None and plan.plan.encrypted


def test_export_dialogs_write_files(make_window, qtbot, typer, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.exchange_dialogs import ExportBundleDialog, SpreadsheetDialog

    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(tmp_path / "mine"), str(tmp_path / "sheets.xlsx")]
    window = make_window(dialogs=dialogs)
    trigger(window, "export_bundle_action")
    dialog = window.findChild(ExportBundleDialog)
    choose(qtbot, dialog.encrypt)
    typer(qtbot, dialog.passphrase, "clé")
    typer(qtbot, dialog.again, "cle")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "differ" in dialog.error.text()
    dialog.again.clear()
    typer(qtbot, dialog.again, "clé")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "mine.mcimz").exists()
    assert ("written", "Bundle written") == dialogs.shown[-1][:2]
    assert str(tmp_path / "mine.mcimz") in dialogs.shown[-1][2]
    trigger(window, "export_spreadsheets_action")
    sheets = window.findChild(SpreadsheetDialog)
    choose(qtbot, sheets.labels)
    qtbot.mouseClick(sheets.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "sheets.xlsx").exists()


def test_the_extracted_records_go_once_the_plan_is_used_or_cancelled(make_window, qtbot,
                                                                      conflicting: dict) -> None:  # noqa: ANN001
    """The bundle's records file, extracted to a private folder, does not outlive the plan:
    cancelled, it goes at once; imported, it goes when the import is done."""
    from mcim_desk.ui.exchange_dialogs import ImportPlanDialog

    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(conflicting["bundle"]), str(conflicting["bundle"])]
    window = make_window(path=conflicting["a"], dialogs=dialogs)
    trigger(window, "import_bundle_action")
    cancelled = window.findChild(ImportPlanDialog)
    extracted = cancelled.plan.content.file.path
    assert extracted.exists()
    cancelled.reject()
    assert not extracted.exists() and not extracted.parent.exists()

    trigger(window, "import_bundle_action")
    qtbot.waitUntil(lambda: len(window.findChildren(ImportPlanDialog)) == 2)
    confirmed = window.findChildren(ImportPlanDialog)[-1]
    extracted = confirmed.plan.content.file.path
    assert extracted.exists()
    qtbot.mouseClick(confirmed.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not extracted.exists())
    assert not extracted.parent.exists()
    assert responses.answers(window.ctx.db, conflicting["response"])[Q4] == "oui"  # a conflict: kept
