"""Reports > Print a report…: choose a report and its language, the worker (SyncRunner) writes
the file, the PDF is handed to the viewer; errors are shown; the demo database entry and the
banner of a demonstration database."""

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
    opened: list[Path] = []
    dialog = ReportsDialog(window.ctx, window, open_file=opened.append)
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
    assert opened == [out]
    assert "Synthèse des résultats" in text_of(out)
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "fr"
    assert window.ctx.dialogs.shown == []


def test_profile_of_the_chosen_mechanism_in_english(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window(language="fr")
    opened: list[Path] = []
    dialog = ReportsDialog(window.ctx, window, open_file=opened.append)
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
    opened: list[Path] = []
    dialog = ReportsDialog(window.ctx, window, open_file=opened.append)
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
    dialog = ReportsDialog(window.ctx, window, open_file=lambda _p: None)
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
