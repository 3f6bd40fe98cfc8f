"""Two people on one database, each in a window of their own (issue 11): a save made in a
window that still shows an older value is refused, both values are shown, and the user keeps
theirs or takes the other; nothing is lost either way. Two windows editing different
questions of one response both save without a word. On SQLite (two views, each with its own
connection, as two programs on one shared file) and on PostgreSQL (two main windows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from mcim_desk.services import catalogue, responses
from mcim_desk.ui.dialogs import ScriptedDialogs

Q1, Q21, Q25 = "section_1/q1", "section_3/q21", "section_4/q25"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, db_path: Path) -> str:
    """A migrated database both windows open: a SQLite file or the test server."""
    from mcim_desk.services.startup import open_database

    if request.param == "sqlite":
        where = str(db_path)
    else:
        from tests.conftest import reset_postgres

        where = request.getfixturevalue("pg_url")
        reset_postgres(where)
    database, _ = open_database(where)
    database.dispose()
    return where


@pytest.fixture
def open_view(qtbot, target: str):  # noqa: ANN001, ANN201
    """``open_view(actor)``: a questionnaire page of its own (own connection, undo stack and
    scripted dialogs) on the Rabat Process's response, created on first use."""
    from PySide6.QtGui import QUndoStack

    from mcim_desk.persistence.database import Database
    from mcim_desk.preferences import Preferences
    from mcim_desk.ui.bus import ChangeBus
    from mcim_desk.ui.context import UiContext
    from mcim_desk.ui.questionnaire_page import QuestionnairePage
    from mcim_desk.ui.tasks import SyncRunner

    databases = []

    def build(actor: str, dialogs: ScriptedDialogs | None = None) -> QuestionnairePage:
        db = Database(target)
        databases.append(db)
        rabat = catalogue.find_mechanism(db, "Rabat Process").id
        responses.open_questionnaire(db, rabat, actor)
        prefs = Preferences(profile=actor, time_zone="Europe/Geneva", language="en")
        ctx = UiContext(db, ChangeBus(), SyncRunner(), dialogs or ScriptedDialogs(), QUndoStack(), prefs)
        page = QuestionnairePage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.show_mechanism(rabat)
        assert page.stack.currentWidget() is page.form
        return page

    yield build
    for db in databases:
        db.dispose()


def type_and_commit(qtbot, typer, page, path: str, text: str) -> None:  # noqa: ANN001
    """Replace the field's text as a person would (accents typed key by key), then Tab."""
    page.window().activateWindow()  # the one with the keyboard: Tab and leaving commit
    qtbot.waitUntil(page.window().isActiveWindow)
    editor = page.form.widgets[path].editor
    editor.setFocus()
    if isinstance(editor, QLineEdit):
        editor.selectAll()
        editor.del_()
    elif isinstance(editor, QPlainTextEdit):
        editor.selectAll()
        editor.textCursor().removeSelectedText()
    typer(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def field_text(page, path: str) -> str:  # noqa: ANN001
    editor = page.form.widgets[path].editor
    return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()


def stored(page, path: str) -> str | None:  # noqa: ANN001
    return responses.answers(page.ctx.db, page.form.response.id).get(path)


def test_a_stale_window_cannot_overwrite_silently(open_view, qtbot, typer) -> None:  # noqa: ANN001
    """Before issue 11 the second save replaced the first with no message."""
    amina, jean = open_view("amina"), open_view("jean")
    jean.ctx.dialogs.conflict_answers.append("theirs")
    type_and_commit(qtbot, typer, amina, Q21, "Par des ateliers régionaux")
    type_and_commit(qtbot, typer, jean, Q21, "Par un fonds commun")  # Jean still saw nothing
    assert stored(amina, Q21) == "Par des ateliers régionaux"
    kind, question, text = jean.ctx.dialogs.shown[-1]
    assert kind == "conflict" and question.startswith("21.")
    assert "Par des ateliers régionaux" in text and "Par un fonds commun" in text and "amina" in text
    # Jean took Amina's answer: his field shows it, and his window now reads it as saved.
    assert field_text(jean, Q21) == "Par des ateliers régionaux"
    assert jean.form.answers[Q21] == "Par des ateliers régionaux"
    # His typed text is not lost: the history has Amina's save, and nothing of Jean's overwrote it.
    history = responses.history(jean.ctx.db, jean.form.response.id)
    assert [(h.actor, h.new) for h in history if h.field == Q21] == [("amina", "Par des ateliers régionaux")]


def test_keeping_mine_overwrites_knowingly_and_undo_brings_theirs_back(open_view, qtbot, typer) -> None:  # noqa: ANN001
    amina, jean = open_view("amina"), open_view("jean")
    jean.ctx.dialogs.conflict_answers.append("mine")
    type_and_commit(qtbot, typer, amina, Q21, "Réponse d’Amina")
    type_and_commit(qtbot, typer, jean, Q21, "Réponse de Jean")
    assert stored(jean, Q21) == "Réponse de Jean"
    assert field_text(jean, Q21) == "Réponse de Jean"
    history = responses.history(jean.ctx.db, jean.form.response.id)
    assert [(h.actor, h.old, h.new) for h in history if h.field == Q21] == [
        ("amina", None, "Réponse d’Amina"), ("jean", "Réponse d’Amina", "Réponse de Jean")]
    jean.ctx.undo.undo()  # takes Jean's choice back: Amina's answer, not the stale empty one
    assert stored(jean, Q21) == "Réponse d’Amina"
    assert field_text(jean, Q21) == "Réponse d’Amina"


def test_the_typed_text_stays_until_the_user_decides(open_view, qtbot, typer) -> None:  # noqa: ANN001
    seen: list[str] = []

    class Watching(ScriptedDialogs):
        def resolve_conflict(self, *args, **kwargs) -> str:  # noqa: ANN002, ANN003
            seen.append(field_text(jean, Q21))  # what the field holds while the dialog is up
            return super().resolve_conflict(*args, **kwargs)

    amina, jean = open_view("amina"), open_view("jean", Watching())
    jean.ctx.dialogs.conflict_answers.append("theirs")
    type_and_commit(qtbot, typer, amina, Q21, "Première")
    type_and_commit(qtbot, typer, jean, Q21, "Seconde, écrite à côté")
    assert seen == ["Seconde, écrite à côté"]
    assert field_text(jean, Q21) == "Première"


def test_two_windows_on_different_questions_both_save(open_view, qtbot, typer) -> None:  # noqa: ANN001
    amina, jean = open_view("amina"), open_view("jean")
    type_and_commit(qtbot, typer, amina, Q1, "Processus de Rabat")
    type_and_commit(qtbot, typer, jean, Q21, "Par des ateliers")
    type_and_commit(qtbot, typer, amina, Q1, "Processus de Rabat (2006)")  # her own answer again
    assert stored(amina, Q1) == "Processus de Rabat (2006)"
    assert stored(amina, Q21) == "Par des ateliers"
    assert amina.ctx.dialogs.shown == [] and jean.ctx.dialogs.shown == []


def test_a_stale_repeat_change_is_refused_and_the_entries_reloaded(open_view, qtbot, typer) -> None:  # noqa: ANN001
    amina, jean = open_view("amina"), open_view("jean")
    rid = amina.form.response.id
    for name in ("OIM", "Union africaine"):
        responses.insert_repeat(amina.ctx.db, rid, Q25, "amina", values={"partner_name": name})
    amina.form.open_response(rid)
    jean.form.open_response(rid)  # both show OIM, Union africaine
    amina.form._remove_instance(Q25, 1)  # noqa: SLF001 - the Remove button's slot
    jean.ctx.dialogs.expect("Entries changed elsewhere")
    jean.form._remove_instance(Q25, 1)  # noqa: SLF001 - meant OIM, would have removed UA
    assert responses.answers(jean.ctx.db, rid)[f"{Q25}[1]/partner_name"] == "Union africaine"
    kind, _title, text = jean.ctx.dialogs.shown[-1]
    assert kind == "warning" and "amina" in text and Q25 in text
    assert field_text(jean, f"{Q25}[1]/partner_name") == "Union africaine"  # reloaded
    assert f"{Q25}[2]/partner_name" not in jean.form.widgets


def test_validating_answers_changed_elsewhere_is_refused(open_view, qtbot, typer) -> None:  # noqa: ANN001
    amina, jean = open_view("amina"), open_view("jean")
    rid = amina.form.response.id
    for path, value in [(Q1, "Processus de Rabat"), ("section_2/q4", "non"),
                        ("submission/submitted_by", "Secrétariat")]:
        responses.save_answer(amina.ctx.db, rid, path, value, "amina", expected=None)
    amina.form.open_response(rid)
    jean.form.open_response(rid)
    assert jean.form.is_complete()
    type_and_commit(qtbot, typer, amina, Q1, "Processus de Rabat — à revoir")
    jean.ctx.dialogs.expect("Changed elsewhere")
    jean.validate()
    assert responses.response_info(jean.ctx.db, rid).status == "complete"
    assert field_text(jean, Q1) == "Processus de Rabat — à revoir"  # he now sees what changed


def test_two_main_windows_on_the_server(make_window, qtbot, typer, pg_url: str) -> None:  # noqa: ANN001
    """The secretariat's case: two program windows on the PostgreSQL database."""
    from mcim_desk.ui.questionnaire_page import QuestionnairePage
    from tests.conftest import reset_postgres

    reset_postgres(pg_url)
    pages = []
    for actor in ("amina", "jean"):
        window = make_window(path=pg_url)
        window.prefs.profile = actor
        page = next(p for p, _ in window._pages if isinstance(p, QuestionnairePage))  # noqa: SLF001
        window.tabs.setCurrentWidget(page)
        rabat = next(r for r in window.list_panel.visible_rows() if r.key == "rabat_process")
        window.list_panel.select(rabat.id)
        if page.stack.currentWidget() is page.start:
            qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
        pages.append(page)
    amina, jean = pages
    assert amina.form.response.id == jean.form.response.id
    jean.ctx.dialogs.conflict_answers.append("theirs")
    type_and_commit(qtbot, typer, amina, Q21, "Réponse d’Amina")
    type_and_commit(qtbot, typer, amina, Q1, "Processus de Rabat")
    type_and_commit(qtbot, typer, jean, "section_3/q20", "Réponse de Jean à la Q20")  # no conflict
    type_and_commit(qtbot, typer, jean, Q21, "Réponse de Jean")
    assert [entry[0] for entry in jean.ctx.dialogs.shown] == ["conflict"]
    assert stored(amina, Q21) == "Réponse d’Amina" and field_text(jean, Q21) == "Réponse d’Amina"
    assert stored(amina, "section_3/q20") == "Réponse de Jean à la Q20"


def test_a_refused_save_never_shows_the_database_text(open_view, qtbot, typer) -> None:  # noqa: ANN001
    """Whatever the server refuses, the message names no SQL and no bound value (before
    issue 11 the driver's text, SQL and the typed answer, filled the "Answer not saved" box)."""
    from sqlalchemy import text

    amina = open_view("amina")
    db = amina.ctx.db
    with db.engine.begin() as connection:  # a rule of the server's that refuses the insert
        if db.is_sqlite:
            connection.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON answer "
                                    "BEGIN SELECT RAISE(ABORT, 'refused here'); END"))
        else:
            connection.execute(text("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql "
                                    "AS $$ BEGIN RAISE EXCEPTION 'refused here'; END $$"))
            connection.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON answer "
                                    "FOR EACH ROW EXECUTE FUNCTION refuse()"))
    amina.ctx.dialogs.expect("Answer not saved")
    type_and_commit(qtbot, typer, amina, Q21, "Réponse secrète")
    kind, title, message = amina.ctx.dialogs.shown[-1]
    assert (kind, title) == ("error", "Answer not saved")
    assert "Nothing was saved" in message
    for leak in ("INSERT", "SELECT", "answer (", "Réponse secrète", "refused here", "[SQL"):
        assert leak not in message
    assert stored(amina, Q21) is None


def test_stale_call_notes_are_not_overwritten(make_window, qtbot, typer) -> None:  # noqa: ANN001
    """The call notes of an interview, typed in a call workspace while someone else saved
    theirs (on SQLite: the other writer is another connection, as another program)."""
    from datetime import datetime

    from mcim_desk.persistence.database import Database
    from mcim_desk.services import calls, interviews
    from mcim_desk.services.catalogue import ContactInfo, find_mechanism, save_contact
    from mcim_desk.ui.call_workspace import CallWorkspace

    window = make_window()
    db = window.ctx.db
    sacm = find_mechanism(db, "SACM")
    chair = save_contact(db, ContactInfo(
        id="", mechanism_id=sacm.id, role="chair", name="Ana Pérez", title="Presidenta",
        institution="Cancillería", email=None, phone=None, time_zone="America/Lima", revision=0), "tester")
    planned = interviews.plan_interview(db, sacm.id, chair.id, datetime(2018, 10, 1, 9, 0),
                                        "America/Lima", 60, "Europe/Geneva", "tester")
    workspace = CallWorkspace(window.ctx, planned.id, window)
    qtbot.addWidget(workspace)
    workspace.show()
    other = Database(db.target)
    try:
        calls.set_notes(other, planned.id, "Notes de Jean : budget en baisse", "jean")
    finally:
        other.dispose()
    window.dialogs.conflict_answers.append("theirs")
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    typer(qtbot, workspace.notes_edit, "Mes notes à moi")
    workspace.notes_edit.clearFocus()  # leaving the notes saves them
    kind, question, text = window.dialogs.shown[-1]
    assert kind == "conflict" and question == "Call notes"
    assert "Notes de Jean : budget en baisse" in text and "Mes notes à moi" in text and "jean" in text
    assert interviews.interview(db, planned.id).notes == "Notes de Jean : budget en baisse"
    assert workspace.notes_edit.toPlainText() == "Notes de Jean : budget en baisse"


@pytest.mark.parametrize("choice", ["theirs", "mine"])
def test_a_stale_mechanism_card_field(make_window, qtbot, typer, choice: str) -> None:  # noqa: ANN001
    """A field of the mechanism card saved elsewhere since the card showed it."""
    from mcim_desk.persistence.database import Database

    window = make_window()
    panel = window.list_panel
    pidc = next(r for r in panel.visible_rows() if r.key == "pidc")
    assert panel.select(pidc.id)
    other = Database(window.ctx.db.target)
    try:
        catalogue.update_mechanism(other, pidc.id, "chair_country", "Fidji", "jean")
    finally:
        other.dispose()
    window.dialogs.conflict_answers.append(choice)
    field = window.card.fields["chair_country"]
    field.setFocus()
    field.selectAll()
    typer(qtbot, field, "Îles Salomon")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    kind, _question, text = window.dialogs.shown[-1]
    assert kind == "conflict" and "Fidji" in text and "Îles Salomon" in text and "jean" in text
    saved = catalogue.mechanism_card(window.ctx.db, pidc.id).row.chair_country
    if choice == "theirs":
        assert saved == "Fidji" and field.text() == "Fidji"
    else:
        assert saved == "Îles Salomon" and field.text() == "Îles Salomon"
        window.undo_action.trigger()  # brings Jean's value back, not the stale empty one
        assert catalogue.mechanism_card(window.ctx.db, pidc.id).row.chair_country == "Fidji"
    assert not window.card.error.isVisibleTo(window.card)


def test_a_stale_note_beside_a_question(target: str, qtbot, typer) -> None:  # noqa: ANN001
    """Per-question notes of an interview guide, in two form views (two connections)."""
    from PySide6.QtGui import QUndoStack

    from mcim_desk.persistence.database import Database
    from mcim_desk.preferences import Preferences
    from mcim_desk.ui.bus import ChangeBus
    from mcim_desk.ui.context import UiContext
    from mcim_desk.ui.form_view import FormView
    from mcim_desk.ui.tasks import SyncRunner

    path = "mandatory/q4"
    databases, views = [], []
    try:
        for actor in ("amina", "jean"):
            db = Database(target)
            databases.append(db)
            if not views:
                rabat = catalogue.find_mechanism(db, "Rabat Process").id
                rid = responses.new_interview_response(db, rabat, actor).id
            prefs = Preferences(profile=actor, time_zone="Europe/Geneva", language="en")
            view = FormView(UiContext(db, ChangeBus(), SyncRunner(), ScriptedDialogs(), QUndoStack(), prefs))
            qtbot.addWidget(view)
            view.set_notes_visible(True)
            view.open_response(rid)
            view.show()
            views.append(view)
        amina, jean = views
        jean.ctx.dialogs.conflict_answers.append("mine")
        for view, text in ((amina, "Rappeler mardi"), (jean, "Rappeler jeudi, après 15 h")):
            view.activateWindow()
            qtbot.waitUntil(view.isActiveWindow)
            notes = view.widgets[path].notes
            notes.setFocus()
            typer(qtbot, notes, text)
            view.widgets["mandatory/q2"].editor.setFocus()  # leaving the note saves it
        kind, _question, text = jean.ctx.dialogs.shown[-1]
        assert kind == "conflict" and "Rappeler mardi" in text and "Rappeler jeudi, après 15 h" in text
        assert responses.notes(jean.ctx.db, rid)[path] == "Rappeler jeudi, après 15 h"
        jean.ctx.undo.undo()  # Amina's note comes back, not the empty one Jean first saw
        assert responses.notes(jean.ctx.db, rid)[path] == "Rappeler mardi"
        assert jean.widgets[path].notes.toPlainText() == "Rappeler mardi"
    finally:
        for db in databases:
            db.dispose()


def test_a_stale_followup_note(make_window, qtbot, typer) -> None:  # noqa: ANN001
    """A follow-up's notes saved elsewhere since the page showed them."""
    from mcim_desk.persistence.database import Database
    from mcim_desk.services import followups
    from mcim_desk.ui.followups_page import FollowUpsPage

    window = make_window()
    midsa = catalogue.find_mechanism(window.ctx.db, "MIDSA")
    assert window.list_panel.select(midsa.id)
    [page] = window.findChildren(FollowUpsPage)
    window.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    [item] = followups.followups(window.ctx.db, mechanism_id=midsa.id)
    other = Database(window.ctx.db.target)
    try:
        followups.update_followup(other, item.id, "notes", "Relance faite par Jean", "jean")
    finally:
        other.dispose()
    window.dialogs.conflict_answers.append("mine")
    typer(qtbot, page.notes, "Relancer le secrétariat")
    page.owner.setFocus()  # leaving the notes saves them
    kind, _question, text = window.dialogs.shown[-1]
    assert kind == "conflict" and "Relance faite par Jean" in text and "jean" in text
    assert followups.followup(window.ctx.db, item.id).notes == "Relancer le secrétariat"
    window.undo.undo()  # brings Jean's notes back
    assert followups.followup(window.ctx.db, item.id).notes == "Relance faite par Jean"
    assert page.error.isHidden()
