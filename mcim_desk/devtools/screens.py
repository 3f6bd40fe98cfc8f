"""Every screen worth looking at, built on a demonstration database: the pages of the main
window, its dialogs and its states (first start, errors, damaged database…).

A *scene* is a named function that brings one screen up on a :class:`Studio` (a main window
on its own copy of the demo database, in one language) and returns the widget to look at.
``screenshots.py`` grabs each one into a PNG; the accessibility test walks the same widgets.
Scenes run in order on one window; each leaves the window as it found it, or close to it.
The studio and what a scene is are in :mod:`.studio`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QWidget

from .studio import (
    PROFILE,
    Scene,
    SceneUnavailable,
    Studio,
    make_demo,
    settle,
)

# --- the scenes ---------------------------------------------------------------------------------


def _first_start(studio: Studio) -> QWidget:
    if studio.opened:
        raise SceneUnavailable("the window is already open")
    return studio.window  # painted, database not opened yet


def _dashboard(studio: Studio) -> QWidget:
    from ..ui.dashboard import DashboardPage

    studio.select("rabat_process")
    return studio.show_page(studio.page(DashboardPage))


def _card(studio: Studio) -> QWidget:
    studio.select("rabat_process")
    return studio.show_page(studio.window.card)


def _contact(studio: Studio) -> QWidget:
    from ..ui.mechanism_card import ContactDialog

    studio.select("rabat_process")
    card = studio.window.card
    contacts = card.card.contacts
    dialog = ContactDialog(card._role_names(), contacts[0] if contacts else None,  # noqa: SLF001
                           card.card.row.id, studio.window)
    return studio.keep(dialog)


def _questionnaire(studio: Studio, key: str):  # noqa: ANN202 - the page
    from ..ui.questionnaire_page import QuestionnairePage

    studio.select(key)
    page = studio.page(QuestionnairePage)
    studio.show_page(page)
    return page


def _first_without_response(studio: Studio) -> str:
    from ..domain.reference import mechanism_id
    from ..services import catalogue, responses

    for row in catalogue.mechanism_rows(studio.ctx.db):
        if responses.current_questionnaire(studio.ctx.db, row.id) is None:
            for key in (row.key,):
                if mechanism_id(key) == row.id:
                    return key
    raise SceneUnavailable("every mechanism has a questionnaire")


def _questionnaire_empty(studio: Studio) -> QWidget:
    _questionnaire(studio, _first_without_response(studio))
    return studio.window


def _section(index: int, key: str = "rabat_process") -> Callable[[Studio], QWidget]:
    def build(studio: Studio) -> QWidget:
        page = _questionnaire(studio, key)
        sections = page.form.sections
        if index >= sections.count():
            raise SceneUnavailable(f"no section {index + 1}")
        sections.setCurrentRow(index)
        settle()
        return studio.window

    return build


def _skip_logic(studio: Studio) -> QWidget:
    """MIDSA answered "No" to Q4: the questions that follow a "Yes" are hidden."""
    page = _questionnaire(studio, "midsa")
    page.form.sections.setCurrentRow(1)
    settle()
    return studio.window


def _draft_key(studio: Studio) -> str:
    from ..services import catalogue, responses

    for row in catalogue.mechanism_rows(studio.ctx.db):
        info = responses.current_questionnaire(studio.ctx.db, row.id)
        if info is not None and info.status == "draft":
            return row.key
    raise SceneUnavailable("no draft questionnaire in the demo")


def _errors(studio: Studio) -> QWidget:
    page = _questionnaire(studio, _draft_key(studio))
    page.check_answers()
    settle()
    return studio.window


def _repeat(studio: Studio) -> QWidget:
    page = _questionnaire(studio, "rabat_process")
    if not page.form.repeats:
        raise SceneUnavailable("the questionnaire has no repeat")
    repeat = next(iter(page.form.repeats.values()))
    page.form.scroll.verticalScrollBar().setValue(repeat.mapTo(page.form.page, QPoint(0, 0)).y())
    settle()
    return studio.window


def _attachment(studio: Studio) -> QWidget:
    """Q5's document attached (a scanned page drawn here), its thumbnail, name and buttons."""
    from PySide6.QtGui import QColor, QImage, QPainter

    page = _questionnaire(studio, _draft_key(studio))  # a validated one would ask first
    form, path = page.form, "section_2/q5_document"
    if form.answers.get("section_2/q4") not in ("oui", "en_cours"):
        form._commit("section_2/q4", "oui")  # noqa: SLF001 - as a click does
    widget = form.widgets.get(path)
    if widget is None:
        raise SceneUnavailable("the questionnaire has no Q5 document")
    scan = QImage(420, 594, QImage.Format.Format_RGB32)
    scan.fill(QColor("white"))
    painter = QPainter(scan)
    painter.setPen(QColor("#444444"))
    for line in range(40, 560, 22):
        painter.drawLine(40, line, 380 - (line * 7) % 90, line)
    painter.end()
    source = studio.workdir / "position-commune.png"
    scan.save(str(source), "PNG")
    widget.editor.attach(source)
    settle()
    form.scroll.ensureWidgetVisible(widget)
    settle()
    return studio.window


def _history(studio: Studio) -> QWidget:
    from ..ui.questionnaire_page import HistoryDialog

    page = _questionnaire(studio, "midsa")
    page.show_history()
    dialog = page.findChild(HistoryDialog)
    return studio.keep(dialog)


def _answer_tools(studio: Studio):  # noqa: ANN202 - (page, tools, path of a text answer)
    from ..ui.followups_page import attach_answer_tools

    page = _questionnaire(studio, "rabat_process")
    tools = attach_answer_tools(studio.ctx, page.form)
    path = next((p for p, w in page.form.widgets.items()
                 if w.text_editor() is not None and page.form.answers.get(p)), None)
    if path is None:
        raise SceneUnavailable("no text answer to point at")
    return page, tools, path


def _clarify(studio: Studio) -> QWidget:
    page, tools, path = _answer_tools(studio)
    words = (page.form.answers.get(path) or "")[:40]
    return studio.keep(tools.clarify(path, words))


def _code_selection(studio: Studio) -> QWidget:
    page, tools, path = _answer_tools(studio)
    words = (page.form.answers.get(path) or "")[:40]
    dialog = tools.code(path, words, 0, len(words))
    if dialog is None:
        raise SceneUnavailable("coding needs a selection")
    return studio.keep(dialog)


def _interviews_page(studio: Studio, key: str = "abu_dhabi_dialogue"):  # noqa: ANN202
    from ..ui.interviews_page import InterviewsPage

    studio.select(key)
    page = studio.page(InterviewsPage)
    studio.show_page(page)
    return page


def _interviews(studio: Studio) -> QWidget:
    _interviews_page(studio)
    return studio.window


def _plan(studio: Studio) -> QWidget:
    dialog = _interviews_page(studio).plan_dialog()
    dialog.date.setText("2026-12-15")
    dialog.start.setText("10:00")
    dialog.end.setText("11:00")
    return studio.keep(dialog)


def _plan_error(studio: Studio) -> QWidget:
    dialog = _interviews_page(studio).plan_dialog()
    dialog.date.setText("next tuesday")
    dialog.start.setText("10:00")
    dialog.end.setText("11:00")
    dialog._accept()  # noqa: SLF001 - the Save button's slot: the message shows
    return studio.keep(dialog)


def _workspace(studio: Studio):  # noqa: ANN202 - the CallWorkspace
    from ..services import interviews
    from ..ui.call_workspace import open_workspace

    page = _interviews_page(studio)
    info = next((i for i in interviews.interviews_of(studio.ctx.db, page.mechanism_id) if i.response_id), None)
    if info is None:
        raise SceneUnavailable("no interview with a guide")
    workspace = open_workspace(studio.ctx, info.id, studio.window)
    return studio.keep(workspace, (1280, 820))


def _call_workspace(studio: Studio) -> QWidget:
    return _workspace(studio)


def _quote_dialog(studio: Studio) -> QWidget:
    workspace = _workspace(studio)
    text = workspace.notes_edit.toPlainText() or "—"
    words = text[: min(60, len(text))]
    dialog = workspace.open_quote_dialog("notes", None, words, 0, len(words), workspace.notes_edit)
    return studio.keep(dialog)


def _closing_a_running_call(studio: Studio) -> QWidget:
    """Ctrl+W while the call timer runs: end the call, keep it running, or cancel."""
    workspace = _workspace(studio)
    workspace.start_call()
    settle()
    studio.dialogs.choice_answers = ["cancel"]  # cancelled: the window stays
    workspace.close()
    shown = studio.last_message("choose")
    workspace.pause_call()
    return studio.message_box(*shown)


def _followups(studio: Studio) -> QWidget:
    from ..ui.followups_page import FollowUpsPage

    studio.select("rabat_process")
    page = studio.page(FollowUpsPage)
    studio.show_page(page)
    page.all_mechanisms.setChecked(True)
    page.status_filter.setCurrentIndex(max(0, page.status_filter.findData("")))
    settle()
    return studio.window


def _quotes(studio: Studio) -> QWidget:
    from ..ui.quote_browser import QuoteBrowser

    studio.select("rabat_process")
    return studio.show_page(studio.page(QuoteBrowser))


def _codebook(studio: Studio) -> QWidget:
    from ..ui.codebook_dialog import CodebookDialog

    return studio.keep(CodebookDialog(studio.ctx, studio.window))


def _reports(studio: Studio) -> QWidget:
    from ..ui.reports_dialog import ReportsDialog

    mechanism = studio.select("rabat_process")
    return studio.keep(ReportsDialog(studio.ctx, studio.window, mechanism_id=mechanism))


def _export_bundle(studio: Studio) -> QWidget:
    from ..ui.exchange_dialogs import ExportBundleDialog

    studio.open()
    return studio.keep(ExportBundleDialog(studio.window))


def _passphrase(studio: Studio) -> QWidget:
    from ..ui.exchange_dialogs import PassphraseDialog

    studio.open()
    return studio.keep(PassphraseDialog(studio.window, confirm=True))


def _mechanism_choice(studio: Studio) -> QWidget:
    from ..services.catalogue import mechanism_rows
    from ..services.submissions import UnresolvedMechanism
    from ..ui.submissions_import import MechanismChoiceDialog

    studio.open()
    unresolved = [  # the reasons as the service words them, in the studio's language
        UnresolvedMechanism(2, "Forum régional", QCoreApplication.translate(
            "Forms", "submission {number}: “{value}” ({key}) names no known mechanism").format(
                number=2, value="Forum régional", key="section_1/q1")),
        UnresolvedMechanism(5, None, QCoreApplication.translate(
            "Forms", "submission {number}: no “mechanism” key and no answer to {key}").format(
                number=5, key="section_1/q1")),
    ]
    return studio.keep(MechanismChoiceDialog("kobo.json", unresolved, mechanism_rows(studio.window.ctx.db),
                                             studio.lang, studio.window))


def _spreadsheets(studio: Studio) -> QWidget:
    from ..ui.exchange_dialogs import SpreadsheetDialog

    studio.open()
    return studio.keep(SpreadsheetDialog(studio.lang, studio.window))


def _file_dialog(studio: Studio) -> QWidget:
    """Qt's own file box, as Linux without a desktop portal shows it (offscreen: always)."""
    from ..ui.qt_file_dialog import FileDialog

    french = studio.lang == "fr"
    folder = studio.workdir / "files"
    (folder / ("Rapports" if french else "Reports")).mkdir(parents=True, exist_ok=True)
    (folder / "report-2018.pdf").write_bytes(b"%PDF-1.4\n")
    title = "Enregistrer le rapport" if french else "Save the report"  # the dialog's own words are Qt's
    dialog = FileDialog(studio.window, title, str(folder / "summary.pdf"), "PDF (*.pdf)", save=True)
    return studio.keep(dialog, (760, 440))


def _conflicting_bundle(studio: Studio) -> Path:
    """A bundle from "another laptop" (a copy of the demo) that changed the same answers and
    card fields as this one, differently: importing it leaves conflicts."""
    if "bundle" in studio.extra:
        return studio.extra["bundle"]
    from ..services import catalogue, exchange, responses
    from ..services.backups import backup_to
    from ..services.startup import open_database

    here = studio.ctx.db
    other_path = backup_to(studio.db_path, studio.workdir / f"other-{studio.lang}.sqlite3")
    other, _ = open_database(str(other_path), backup=False)
    try:
        rabat = studio.mechanism_id("rabat_process")
        response = responses.current_questionnaire(here, rabat)
        for db, actor, q4, country, q12 in (
            (here, "Amina", "non", "Maroc", "Réunions ministérielles annuelles."),
            (other, "Bruno", "en_cours", "Espagne", "Des réunions techniques chaque trimestre."),
        ):
            if response is not None:
                responses.save_answer(db, response.id, "section_2/q4", q4, actor, confirm_validated=True)
                responses.save_answer(db, response.id, "section_2/q12", q12, actor, confirm_validated=True)
            catalogue.update_mechanism(db, rabat, "chair_country", country, actor)
        bundle = exchange.export_bundle(other, studio.workdir / f"other-{studio.lang}.mcimz").path
    finally:
        other.dispose()
    try:
        exchange.preview_import(here, bundle)
    except Exception as exc:  # seen now and then: a row the bundle check refuses (reported)
        raise SceneUnavailable(f"the bundle from the demo was refused: {exc}") from exc
    studio.extra["bundle"] = bundle
    return bundle


def _import_plan(studio: Studio) -> QWidget:
    from ..services import exchange
    from ..ui.exchange_dialogs import ImportPlanDialog

    plan = exchange.preview_import(studio.ctx.db, _conflicting_bundle(studio), lang=studio.ctx.lang)
    studio.extra["plan"] = plan
    return studio.keep(ImportPlanDialog(plan, studio.window))


def _conflicts(studio: Studio) -> QWidget:
    from ..services import exchange, exchange_conflicts
    from ..ui.exchange_dialogs import ConflictDialog

    if "imported" not in studio.extra:
        plan = exchange.preview_import(studio.ctx.db, _conflicting_bundle(studio), lang=studio.ctx.lang)
        exchange.apply_import(studio.ctx.db, plan, actor=PROFILE)
        studio.extra["imported"] = True
    conflicts = exchange_conflicts.pending_conflicts(studio.ctx.db, studio.lang)
    if not conflicts:
        raise SceneUnavailable("the bundle left no conflict")
    return studio.keep(ConflictDialog(conflicts, studio.window))


def _questionnaire_pdf(studio: Studio) -> QWidget:
    from ..ui.pdf_import import QuestionnairePdfDialog

    studio.select("rabat_process")
    row = studio.window.card.card.row
    label = f"{row.acronym(studio.lang)} — {row.name(studio.lang)}"
    return studio.keep(QuestionnairePdfDialog(label, studio.lang, True, studio.window))


def fill_pdf(src: Path, dst: Path, text: dict[str, str], radios: dict[str, str]) -> Path:
    """The PDF as a respondent would return it: text fields and radio groups filled the way
    pypdf fills them (the PDF-import UI tests use it too)."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=str(src))
    for page in writer.pages:
        writer.update_page_form_field_values(page, text, auto_regenerate=False)
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            if widget.get("/T") is None and "/Parent" in widget:
                group = widget["/Parent"].get_object()
                code = radios.get(group.get("/T"))
                if code is not None:
                    states = [str(s) for s in widget["/AP"]["/N"]]
                    widget[NameObject("/AS")] = NameObject(f"/{code}" if f"/{code}" in states else "/Off")
                    group[NameObject("/V")] = NameObject(f"/{code}")
    writer.write(str(dst))
    return dst


def _pdf_review(studio: Studio) -> QWidget:
    from ..services.pdf_forms import make_questionnaire_pdf
    from ..services.pdf_returns import preview_pdf_import
    from ..ui.pdf_import import PdfImportDialog

    mechanism = studio.select("midsa")
    blank = make_questionnaire_pdf(studio.ctx.db, mechanism, studio.lang,
                                   studio.workdir / f"midsa-{studio.lang}.pdf", with_answers=True)
    returned = fill_pdf(blank, studio.workdir / f"midsa-back-{studio.lang}.pdf",
                         {"section_2/q5": "Déclaration de Maputo (2024)", "section_2/q6": "=1+2 réunion",
                          "section_3/q18": "le mois prochain"},
                         {"section_2/q4": "oui"})
    plan = preview_pdf_import(studio.ctx.db, returned, studio.lang, expected_mechanism_id=mechanism)
    return studio.keep(PdfImportDialog(plan, studio.window))


def _preferences(studio: Studio) -> QWidget:
    from ..ui.preferences_dialog import PreferencesDialog

    studio.open()
    return studio.keep(PreferencesDialog(studio.prefs, studio.window))


def _first_start_name(studio: Studio) -> QWidget:
    """The first start's one question: the name written beside every change."""
    from ..ui.first_start import FirstStartDialog

    studio.open()
    return studio.keep(FirstStartDialog("amina", studio.window))


def _file_written(studio: Studio) -> QWidget:
    """What the window says once a report (any file) is written: Open, Show in folder."""
    from ..ui.dialogs import file_written_box
    from ..ui.file_dialogs import documents_dir
    from ..ui.file_written import announce_written

    studio.open()
    path = documents_dir() / ("synthese-mcim.pdf" if studio.lang == "fr" else "summary-mcim.pdf")
    announce_written(studio.dialogs, QCoreApplication.translate("ReportsDialog", "Report written"),
                     [path])
    _kind, title, text = studio.last_message("written")
    return studio.keep(file_written_box(studio.window, title, text, True)[0])


def _about(studio: Studio) -> QWidget:
    studio.open()
    studio.window.show_about()
    return studio.message_box(*studio.last_message("info"))


def _damaged(studio: Studio) -> QWidget:
    """A database whose pages were overwritten: the program offers the latest backup."""
    from ..services.backups import automatic_backup
    from ..ui.dialogs import ScriptedDialogs
    from ..ui.features import install_features
    from ..ui.main_window import MainWindow
    from ..ui.tasks import SyncRunner

    path = studio.workdir / f"damaged-{studio.lang}.sqlite3"
    from ..services.backups import backup_to

    backup_to(studio.demo, path)
    automatic_backup(path, "exit")
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    dialogs = ScriptedDialogs()
    other = MainWindow(studio.prefs, SyncRunner(), dialogs, features=install_features)
    try:
        other.open_database(str(path))
    finally:
        other.close()
        other.deleteLater()
    if not dialogs.shown:
        raise SceneUnavailable("the damaged file opened without a message")
    return studio.message_box(*dialogs.shown[0])


def _read_only(studio: Studio) -> QWidget:
    """The window's banner on a read-only database. A read-only file cannot be made here when
    the tool runs as root (root writes through any mode), so the window is given the state
    it would read from such a file."""
    from types import SimpleNamespace

    studio.open()
    window = studio.window
    banner = window.findChild(QWidget, "storage_banner")
    if banner is None:
        raise SceneUnavailable("no storage banner in this version")
    db = window.ctx.db
    window._show_storage_state(  # noqa: SLF001 - the state a read-only file gives
        SimpleNamespace(read_only=True, read_only_reason="file", path=db.path),
        SimpleNamespace(backup_problem=None))
    return window


def _search(studio: Studio) -> QWidget:
    from ..ui.search_page import SearchPage

    studio.select("rabat_process")
    page = studio.page(SearchPage)
    studio.show_page(page)
    page.box.setText("migra*")
    page.run_search()  # the studio's runner is synchronous
    settle()
    return studio.window


def _shortcuts(studio: Studio) -> QWidget:
    from ..ui.shortcuts_dialog import KeyboardShortcutsDialog

    studio.open()
    return studio.keep(KeyboardShortcutsDialog(studio.window))


def _menu(name: str) -> Callable[[Studio], QWidget]:
    def build(studio: Studio) -> QWidget:
        studio.open()
        return studio.menu(getattr(studio.window, f"{name}_menu"))

    return build


def _edit_menu_after_answer(studio: Studio) -> QWidget:
    """The Edit menu once an answer was typed: what Undo says it takes back."""
    page = _questionnaire(studio, "rabat_process")
    path = next((p for p, w in page.form.widgets.items()
                 if w.text_editor() is not None and w.isVisibleTo(page)), None)
    if path is None:
        raise SceneUnavailable("no text question")
    page.form._commit(path, (page.form.answers.get(path) or "") + " (2)")  # noqa: SLF001 - as Enter does
    settle()
    return studio.menu(studio.window.edit_menu)


SCENES: tuple[Scene, ...] = (
    Scene("first-start", _first_start),
    Scene("dashboard", _dashboard),
    Scene("mechanism-card", _card),
    Scene("contact-dialog", _contact),
    Scene("questionnaire-empty", _questionnaire_empty),
    Scene("questionnaire-section-1", _section(0)),
    Scene("questionnaire-section-2", _section(1)),
    Scene("questionnaire-section-3", _section(2)),
    Scene("questionnaire-section-4", _section(3)),
    Scene("questionnaire-skip-logic", _skip_logic),
    Scene("questionnaire-errors", _errors),
    Scene("questionnaire-q25-repeat", _repeat),
    Scene("questionnaire-attachment", _attachment),
    Scene("history", _history),
    Scene("clarify-dialog", _clarify),
    Scene("code-selection-dialog", _code_selection),
    Scene("interviews", _interviews),
    Scene("plan-interview", _plan),
    Scene("plan-interview-error", _plan_error),
    Scene("call-workspace", _call_workspace),
    Scene("quote-dialog", _quote_dialog),
    Scene("call-running-close-question", _closing_a_running_call),
    Scene("followups", _followups),
    Scene("quotes", _quotes),
    Scene("codebook", _codebook),
    Scene("reports-dialog", _reports),
    Scene("export-bundle", _export_bundle),
    Scene("passphrase", _passphrase),
    Scene("export-spreadsheets", _spreadsheets),
    Scene("mechanism-choice", _mechanism_choice),
    Scene("file-dialog", _file_dialog),
    Scene("import-plan", _import_plan),
    Scene("conflicts", _conflicts),
    Scene("questionnaire-pdf-dialog", _questionnaire_pdf),
    Scene("pdf-review", _pdf_review),
    Scene("preferences", _preferences),
    Scene("first-start-name", _first_start_name),
    Scene("file-written", _file_written),
    Scene("about", _about),
    Scene("search", _search),
    Scene("keyboard-shortcuts", _shortcuts),
    Scene("damaged-database", _damaged),
    Scene("read-only-banner", _read_only),
    Scene("menu-file", _menu("file")),
    Scene("menu-edit-after-answer", _edit_menu_after_answer),
    Scene("menu-view", _menu("view")),
    Scene("menu-reports", _menu("reports")),
    Scene("menu-language", _menu("language")),
    Scene("menu-help", _menu("help")),
)


def scene_names() -> list[str]:
    return [scene.name for scene in SCENES]


def chosen_scenes(only: list[str] | None) -> list[Scene]:
    if not only:
        return list(SCENES)
    unknown = sorted(set(only) - set(scene_names()))
    if unknown:
        raise ValueError(f"unknown screen(s): {', '.join(unknown)}; known: {', '.join(scene_names())}")
    return [scene for scene in SCENES if scene.name in only]


__all__ = ["SCENES", "Scene", "SceneUnavailable", "Studio", "chosen_scenes", "make_demo", "scene_names",
           "settle"]
