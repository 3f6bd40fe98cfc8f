"""The attachment editor in the entry view (issue 13): attach through the file box, see the
name, size and a thumbnail, undo and redo, remove, open and save a copy, refusals shown with
the file and the question named and nothing saved; the keyboard reaches every button."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from mcim_desk.services import attachments, catalogue, forms, responses


def png_bytes(tmp_path: Path) -> bytes:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    path = tmp_path / "made.png"
    assert image.save(str(path), "PNG")
    return path.read_bytes()


def open_media_form(make_window, qtbot, tmp_path: Path, lang: str = "en"):  # noqa: ANN001, ANN201
    from mcim_desk.ui.form_view import FormView

    source = tmp_path / "media.md"
    source.write_text(
        "| survey | | | | |\n| | type | name | label::English (en) | label::French (fr) |\n"
        "| | image | pic | Photo of the meeting | Photo de la réunion |\n"
        "| | file | paper | Position paper | Document de position |\n\n"
        "| settings | | |\n| | form_id | version |\n| | media | 1 |\n", encoding="utf-8")
    window = make_window(lang)
    db = window.ctx.db
    info = forms.add_form(db, source)
    mechanism = catalogue.mechanism_rows(db)[0]
    response = responses.open_questionnaire(db, mechanism.id, "tester", form_id=info.form_id)
    view = FormView(window.ctx)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.open_response(response.id)
    qtbot.wait(10)
    return window, view


def stored(view) -> dict[str, str]:  # noqa: ANN001
    return responses.answers(view.ctx.db, view.response.id)


def test_attach_undo_remove_open_and_save_through_the_widget(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, view = open_media_form(make_window, qtbot, tmp_path)
    dialogs = window.ctx.dialogs
    editor = view.widgets["pic"].editor
    assert editor.info.text() == "No file attached."
    assert not editor.open_button.isEnabled() and not editor.remove_button.isEnabled()
    assert editor.attach_button.accessibleName() == "Attach a file to: Photo of the meeting"

    data = png_bytes(tmp_path)
    source = tmp_path / "réunion.png"
    source.write_bytes(data)
    name = f"réunion-{hashlib.sha256(data).hexdigest()[:8]}.png"
    dialogs.file_answers.append(str(source))
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert stored(view)["pic"] == name
    assert editor.info.text() == f"{name} ({len(data)} bytes, image/png)"
    assert editor.thumbnail.isVisibleTo(view) and editor.thumbnail.pixmap().width() == 96
    assert editor.open_button.isEnabled() and editor.attach_button.text() == "Replace…"

    window.ctx.undo.undo()
    assert "pic" not in stored(view) and editor.info.text() == "No file attached."
    assert not editor.thumbnail.isVisibleTo(view)
    window.ctx.undo.redo()
    assert stored(view)["pic"] == name and editor.info.text().startswith(name)

    # Open: a private temporary copy handed to the desktop; a failure is said
    opened: list[Path] = []
    editor.opener = lambda path: opened.append(path) or True
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    assert opened[0].read_bytes() == data and opened[0].name == name
    editor.opener = lambda path: False
    dialogs.expect("No program on this computer opened")
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][2] == (f"No program on this computer opened “{name}”. Save it with Save as… and "
                                    "open it from there.")

    # Save as: where the file box says
    target = tmp_path / "copie.png"
    dialogs.file_answers.append(str(target))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == data

    # Remove, through the keyboard: the buttons are tab stops
    editor.remove_button.setFocus()
    qtbot.keyClick(editor.remove_button, Qt.Key.Key_Space)
    assert "pic" not in stored(view) and editor.info.text() == "No file attached."
    window.ctx.undo.undo()
    assert stored(view)["pic"] == name
    assert editor.attach_button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_refused_file_is_named_with_its_question_and_nothing_is_saved(
        make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, view = open_media_form(make_window, qtbot, tmp_path)
    dialogs = window.ctx.dialogs
    editor = view.widgets["pic"].editor
    text_file = tmp_path / "notes.png"
    text_file.write_bytes(b"plain text, not a picture")
    dialogs.file_answers.append(str(text_file))
    dialogs.expect("“notes.png” is not an image")
    editor.attach_button.setFocus()
    qtbot.keyClick(editor.attach_button, Qt.Key.Key_Space)
    kind, title, message = dialogs.shown[-1]
    assert kind == "error" and title == "File not attached" and "“Photo of the meeting”" in message
    assert "pic" not in stored(view) and editor.info.text() == "No file attached."
    from sqlalchemy import text

    with view.ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM attachment_blob")).scalar_one() == 0
    # a file question takes any file
    paper = tmp_path / "position.docx"
    paper.write_bytes(b"PK\x03\x04 a word document")
    view.widgets["paper"].editor.attach(paper)
    assert stored(view)["paper"].startswith("position-") and stored(view)["paper"].endswith(".docx")
    assert attachments.read_bytes(view.ctx.db, view.response.id, stored(view)["paper"]) == paper.read_bytes()


def test_the_editor_speaks_french(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, view = open_media_form(make_window, qtbot, tmp_path)
    window.set_language("fr")  # Qt posts LanguageChange: the form view translates its widgets
    qtbot.waitUntil(lambda: view.widgets["paper"].editor.open_button.text() == "Ouvrir")
    editor = view.widgets["paper"].editor
    assert editor.info.text() == "Aucun fichier joint."
    assert [b.text() for b in (editor.attach_button, editor.open_button, editor.save_button, editor.remove_button)] == [
        "Joindre…", "Ouvrir", "Enregistrer sous…", "Retirer"]
    assert editor.attach_button.accessibleName() == "Joindre un fichier à\u00a0: Document de position"
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-1.4 plan" + b"x" * 2048)
    editor.attach(source)
    assert editor.info.text().startswith("plan-") and editor.info.text().endswith(".pdf (2,0\u00a0Ko, application/pdf)")


def test_an_answer_naming_a_file_not_held_says_so(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """An answer imported from JSON without its file: the name is shown, with what is missing;
    Open and Save as… have nothing to open, Remove still clears the answer."""
    window, view = open_media_form(make_window, qtbot, tmp_path)
    responses.save_answer(view.ctx.db, view.response.id, "paper", "rapport-0a1b2c3d.pdf", "tester")
    view.open_response(view.response.id)
    qtbot.wait(10)
    editor = view.widgets["paper"].editor
    assert editor.info.text() == ("rapport-0a1b2c3d.pdf — this file is not in this database (an answer imported "
                                  "without its file).")
    assert not editor.open_button.isEnabled() and not editor.save_button.isEnabled()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert "paper" not in stored(view)


def test_the_spreadsheet_export_in_the_window_says_where_the_files_went(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction

    from mcim_desk.ui.exchange_dialogs import SpreadsheetDialog

    window, view = open_media_form(make_window, qtbot, tmp_path)
    paper = tmp_path / "position.pdf"
    paper.write_bytes(b"%PDF-1.4 position")
    view.widgets["paper"].editor.attach(paper)
    name = stored(view)["paper"]
    window.ctx.dialogs.file_answers.append(str(tmp_path / "out" / "sheets.xlsx"))
    (tmp_path / "out").mkdir()
    window.findChild(QAction, "export_spreadsheets_action").trigger()
    sheets = window.findChild(SpreadsheetDialog)
    qtbot.mouseClick(sheets.export_button, Qt.MouseButton.LeftButton)
    kind, title, text = window.ctx.dialogs.shown[-1]
    assert (kind, title) == ("written", "Spreadsheets written")
    assert text.splitlines()[0] == f"Attached files: 1 in {tmp_path / 'out' / 'attachments'}"
    assert (tmp_path / "out" / "attachments" / view.response.id / name).read_bytes() == paper.read_bytes()


def test_a_file_dropped_on_the_editor_is_attached(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    window, view = open_media_form(make_window, qtbot, tmp_path)
    editor = view.widgets["paper"].editor
    paper = tmp_path / "plan d’action.pdf"
    paper.write_bytes(b"%PDF-1.4 plan")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(paper))])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(editor, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(editor, drop)
    assert stored(view)["paper"].startswith("plan d’action-") and editor.info.text().startswith("plan d’action-")
    window.ctx.undo.undo()
    assert "paper" not in stored(view)
