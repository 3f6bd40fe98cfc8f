"""The questionnaire PDF in the window, driven with qtbot: the review screen shows each
difference side by side, one answer is rejected with the keyboard, Apply saves the accepted
ones only (source "PDF form", the import in the history); a .pdf dropped on the window opens
the same review; File > Questionnaire as fillable PDF… writes the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from mcim_desk.devtools.screens import fill_pdf
from mcim_desk.services import catalogue, responses
from mcim_desk.services.pdf_forms import make_questionnaire_pdf
from mcim_desk.services.startup import open_database
from mcim_desk.ui.dialogs import ScriptedDialogs

SHOTS = Path("/tmp/mcim-shots")


fill = fill_pdf  # a returned questionnaire, filled as pypdf fills it


@pytest.fixture
def returned_pdf(db_path: Path, tmp_path: Path) -> dict:
    """The Almaty Process's questionnaire, filled in and returned; Q4 was "Non" here."""
    db, _ = open_database(str(db_path))
    mechanism = catalogue.find_mechanism(db, "Almaty Process").id
    response = responses.open_questionnaire(db, mechanism, "tester").id
    responses.save_answer(db, response, "section_2/q4", "non", "tester")
    blank = make_questionnaire_pdf(db, mechanism, "fr", tmp_path / "almaty.pdf")
    db.dispose()
    path = fill(blank, tmp_path / "almaty-back.pdf",
                {"section_2/q5": "Déclaration d’Almaty <b>", "section_2/q6": "=1+2 réunion",
                 "section_3/q18": "le mois prochain", "submission/submitted_by": "Aïgerim"},
                {"section_2/q4": "oui"})
    return {"path": path, "mechanism": mechanism, "response": response}


def trigger(window, name: str) -> None:  # noqa: ANN001
    action = window.findChild(QAction, name)
    assert action is not None and action.text()
    action.trigger()


def row_of(dialog, key: str) -> int:  # noqa: ANN001
    return next(i for i, change in enumerate(dialog.model.changes) if change.key == key)


def shot(widget, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_review_reject_one_apply(make_window, qtbot, returned_pdf: dict) -> None:  # noqa: ANN001
    from mcim_desk.ui.pdf_import import PdfChangesModel, PdfImportDialog

    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(returned_pdf["path"])]
    window = make_window(dialogs=dialogs)
    window.list_panel.select(returned_pdf["mechanism"])
    trigger(window, "import_pdf_action")
    dialog = window.findChild(PdfImportDialog)
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    keys = [change.key for change in model.changes]
    assert {"section_1/q1", "section_2/q4", "section_2/q5", "section_2/q6", "section_3/q18",
            "submission/submitted_by"} <= set(keys)
    q4 = row_of(dialog, "section_2/q4")
    assert model.index(q4, PdfChangesModel.DATABASE).data() == "No"  # labels in the window's language
    assert model.index(q4, PdfChangesModel.PDF).data() == "Yes"
    assert model.index(row_of(dialog, "section_2/q5"), PdfChangesModel.PDF).data() == "Déclaration d’Almaty <b>"
    date_row = row_of(dialog, "section_3/q18")
    assert "date" in model.index(date_row, PdfChangesModel.VALIDITY).data()
    assert not model.flags(model.index(date_row, PdfChangesModel.ACCEPT)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not dialog.apply_button.isEnabled()  # nothing accepted yet
    shot(dialog, "pdf_review.png")

    qtbot.mouseClick(dialog.accept_valid_button, Qt.MouseButton.LeftButton)
    assert set(model.accepted_keys()) == {c.key for c in model.changes if c.valid}
    assert "section_3/q18" not in model.accepted
    # reject Q6 with the keyboard: select its row, Space
    q6 = row_of(dialog, "section_2/q6")
    dialog.view.setFocus()
    dialog.view.selectRow(q6)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert "section_2/q6" not in model.accepted
    assert dialog.db_detail.toPlainText() == "" and dialog.pdf_detail.toPlainText() == "=1+2 réunion"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert "section_2/q6" in model.accepted
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert "section_2/q6" not in model.accepted
    shot(dialog, "pdf_review_accepted.png")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    db = window.ctx.db
    held = responses.answers(db, returned_pdf["response"])
    assert held["section_2/q4"] == "oui" and held["section_2/q5"] == "Déclaration d’Almaty <b>"
    assert held["submission/submitted_by"] == "Aïgerim"
    assert "section_2/q6" not in held and "section_3/q18" not in held
    info = responses.response_info(db, returned_pdf["response"])
    assert info.source == "pdf"
    history = responses.history(db, returned_pdf["response"])
    assert any(h.action == "import" and h.field == "file" and h.new == "almaty-back.pdf" for h in history)
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    page = window.findChild(QuestionnairePage)
    window.tabs.setCurrentWidget(page)  # the page catches up when it is shown
    assert page.source.currentText() == "PDF form"


def test_a_pdf_dropped_on_the_window_opens_the_review(make_window, qtbot, returned_pdf: dict) -> None:  # noqa: ANN001
    from mcim_desk.ui.pdf_import import PdfImportDialog

    window = make_window()
    assert window.acceptDrops()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(returned_pdf["path"]))])
    enter = QDragEnterEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile("/tmp/notes.txt")])
    refused = QDragEnterEvent(QPointF(200, 200), Qt.DropAction.CopyAction, other, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    refused.ignore()
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    dialog = window.findChild(PdfImportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.plan.path == returned_pdf["path"]
    dialog.reject()


def test_a_hostile_drop_gives_its_message(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.pdf_import import import_questionnaire_pdf

    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    broken = tmp_path / "<img src=x>broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")  # truncated
    dialogs.expect("broken.pdf")
    import_questionnaire_pdf(window, str(broken))
    kind, _title, text = dialogs.shown[-1]
    # the file's name is shown as text, never read as markup by the message box
    assert kind == "error" and "&lt;img src=x&gt;broken.pdf" in text and "<img" not in text


def test_questionnaire_as_fillable_pdf_from_the_file_menu(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.pdf_import import QuestionnairePdfDialog

    out = tmp_path / "rabat.pdf"
    dialogs = ScriptedDialogs()
    dialogs.file_answers = [str(out)]
    window = make_window(dialogs=dialogs)
    rabat = catalogue.find_mechanism(window.ctx.db, "Rabat Process").id
    window.list_panel.select(rabat)
    trigger(window, "questionnaire_pdf_action")
    dialog = window.findChild(QuestionnairePdfDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.with_answers.isEnabled()  # nothing recorded yet
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Up)  # English -> Français
    assert dialog.language.currentData() == "fr"
    shot(dialog, "pdf_questionnaire_dialog.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][:2] == ("written", "Fillable questionnaire written")
    assert str(out) in dialogs.shown[-1][2]
    reader = PdfReader(out)
    fields = reader.get_fields()
    assert "section_2/q11/objective_23" in fields
    assert "Processus de Rabat" in fields["section_1/q1"]["/V"]
    assert "page 1 sur" in reader.pages[0].extract_text()


def test_without_a_selected_mechanism_it_says_so(make_window) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    window.list_panel.view.setCurrentIndex(window.list_panel.proxy.index(-1, -1))
    trigger(window, "questionnaire_pdf_action")
    assert dialogs.shown and dialogs.shown[-1][0] == "info"
