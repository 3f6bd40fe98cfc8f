"""Reports > Print a report…: choose a report and its language, the worker (SyncRunner) writes
the file, the window says where, with Open and Show in folder; errors are shown; the demo
database entry and the banner of a demonstration database."""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolBar

from mcim_desk.ui.dialogs import ScriptedDialogs
from mcim_desk.ui.reports_dialog import ReportsDialog

SHOTS = os.environ.get("MCIM_SHOTS")  # a folder: save screenshots there


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_menu_entries_exist_and_open_the_dialog(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    action = window.findChild(QAction, "print_report_action")
    assert action is not None and action.text() == "&Print a report…"
    assert action in window.reports_menu.actions()
    assert not action.shortcut().isEmpty()
    demo = window.findChild(QAction, "create_demo_action")
    assert demo in window.file_menu.actions()
    window.list_panel.select(window.list_panel.visible_rows()[3].id)
    action.trigger()
    dialog = window.findChild(ReportsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.mechanism_combo.currentData() == window.list_panel.visible_rows()[3].id
    dialog.reject()


def test_choose_summary_in_french_writes_and_opens_the_pdf(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window(language="en")
    window.dialogs.written_answers.append("open")
    dialog = ReportsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # The keyboard alone: the report first, then the language.
    dialog.kind_combo.setFocus()
    assert dialog.kind == "summary"
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.lang_combo
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("fr"))
    assert Path(dialog.path_edit.text()).name.startswith("synthese-mcim-")  # the name follows the language
    assert dialog.path_edit.text().endswith(".pdf")
    out = tmp_path / "synthese.pdf"
    dialog.path_edit.setText(str(out))
    shot(dialog, "reports_dialog.png")
    with qtbot.waitSignal(dialog.report_written) as written:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(out)]
    assert window.dialogs.opened == [out]
    assert "Synthèse des résultats" in text_of(out)
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "fr"
    assert window.ctx.dialogs.shown == [("written", "Report written", f"Written to:\n{out}")]


def test_profile_of_the_chosen_mechanism_in_english(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window(language="fr")
    window.dialogs.written_answers.append("open")
    opened = window.dialogs.opened
    dialog = ReportsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert not dialog.mechanism_combo.isEnabled()
    rabat = next(r for r in window.list_panel.visible_rows() if r.key == "rabat_process")
    dialog.set_choice("profile", "en", rabat.id)
    assert dialog.mechanism_combo.isEnabled()
    assert Path(dialog.path_edit.text()).name.startswith("profile-rabat-process-")
    dialog.set_choice("profile", "fr", rabat.id)
    assert Path(dialog.path_edit.text()).name.startswith("profil-processus-de-rabat-")
    dialog.set_choice("profile", "en", rabat.id)
    dialog.path_edit.setText(str(tmp_path / "rabat.pdf"))
    dialog.create_report()
    assert opened == [tmp_path / "rabat.pdf"]
    assert "Mechanism profile: Rabat Process" in text_of(opened[0])


def test_a_failure_is_shown_and_nothing_opens(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    opened = dialogs.opened
    dialog = ReportsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.set_choice("followups", "en")
    dialog.path_edit.setText(str(tmp_path / "missing" / "f.pdf"))
    dialogs.expect("Report not created")
    dialog.create_report()
    assert opened == []
    kind, title, text = dialogs.shown[-1]
    assert kind == "error" and title == "Report not created"
    assert "does not exist" in text and "missing" in text
    assert dialog.create_button.isEnabled()
    dialog.path_edit.setText("  ")
    dialogs.expect("No file")
    dialog.create_report()
    assert dialogs.shown[-1][:2] == ("error", "No file")


def test_browse_sets_the_file(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialog = ReportsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialogs.file_answers.append(str(tmp_path / "chosen"))
    dialog.browse()
    assert dialog.path_edit.text() == str(tmp_path / "chosen.pdf")
    dialog.set_choice("blank-interview", "fr")  # a chosen file is kept when the choice changes
    assert dialog.path_edit.text() == str(tmp_path / "chosen.pdf")


def test_create_demo_from_the_file_menu_then_the_banner(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    assert window.findChild(QToolBar, "demo_banner") is None
    demo = tmp_path / "demo.sqlite3"
    dialogs.file_answers.append(str(demo))
    dialogs.confirm_answers.append(False)  # do not start another window
    window.findChild(QAction, "create_demo_action").trigger()
    assert demo.exists()
    assert dialogs.shown[-1][0] == "confirm" and str(demo) in dialogs.shown[-1][2]
    demo_window = make_window(path=demo)
    banner = demo_window.findChild(QToolBar, "demo_banner")
    assert banner is not None and banner.isVisible()
    assert "FICTIONAL DATA — DEMONSTRATION" in banner.label.text()
    shot(demo_window, "main_window_demo.png")


def test_when_no_viewer_starts_the_user_is_told_which_file(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    window.set_language("fr")
    dialogs.open_succeeds = False  # QDesktopServices.openUrl returned False
    dialogs.written_answers.append("open")
    dialog = ReportsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.set_choice("followups", "en")
    out = tmp_path / "suivi.pdf"
    dialog.path_edit.setText(str(out))
    dialogs.expect("suivi.pdf")
    dialog.create_report()
    assert out.is_file() and not dialog.isVisible()
    assert dialogs.shown[0] == ("written", "Rapport écrit", f"Écrit dans\u00a0:\n{out}")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Fichier non ouvert")
    assert "suivi.pdf" in text and str(tmp_path) in text


def test_show_in_folder_opens_the_folder_and_close_opens_nothing(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    for answer in ("folder", None):
        dialogs.written_answers.append(answer)
        dialog = ReportsDialog(window.ctx, window)
        qtbot.addWidget(dialog)
        dialog.set_choice("blank-interview", "en")
        dialog.path_edit.setText(str(tmp_path / f"guide-{answer}.pdf"))
        dialog.create_report()
    assert dialogs.opened == [tmp_path]  # the folder, once; Close opened nothing
    assert [entry[0] for entry in dialogs.shown] == ["written", "written"]


def test_the_real_message_offers_open_show_in_folder_and_close(make_window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from mcim_desk.ui.dialogs import DialogService

    window = make_window()
    service = DialogService(window)
    seen: list[list[str]] = []

    def click_folder() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "file_written_box"
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == "Show in &folder").click()

    QTimer.singleShot(0, click_folder)
    assert service.file_written("Report written", "Written to:\n/tmp/x.pdf", can_open=True) == "folder"
    assert sorted(seen[0]) == sorted(["&Open", "Show in &folder", "&Close"])
