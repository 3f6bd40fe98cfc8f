"""Where the file boxes open (issue 14): Restore a backup in the database's backups/, exports
in the Documents folder (never the working directory), and the folder last chosen for each
kind of file remembered in the preferences, across a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

from mcim_desk.ui import file_dialogs
from mcim_desk.ui.dialogs import ScriptedDialogs


def test_restore_a_backup_opens_in_the_databases_backups(make_window, db_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    window.restore_action.trigger()  # no answer: the box is closed, nothing restored
    assert dialogs.file_boxes == [("Restore a backup", str(db_path.parent / "backups"))]
    assert (db_path.parent / "backups").is_dir()


def test_exports_open_in_documents_then_where_the_last_one_of_their_kind_went(
        make_window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)  # the working directory must never be offered
    documents = file_dialogs.documents_dir()
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    window.findChild(QAction, "export_calendar_action").trigger()  # closed without a file
    assert dialogs.file_boxes[-1] == ("Export to a calendar", str(documents / "mcim-desk.ics"))

    elsewhere = tmp_path / "usb stick"
    elsewhere.mkdir()
    dialogs.file_answers.append(str(elsewhere / "planning.ics"))
    dialogs.written_answers.append(None)
    window.findChild(QAction, "export_calendar_action").trigger()
    assert (elsewhere / "planning.ics").is_file()
    window.findChild(QAction, "export_calendar_action").trigger()
    assert dialogs.file_boxes[-1][1] == str(elsewhere / "mcim-desk.ics")
    # another kind keeps its own folder
    window.findChild(QAction, "add_form_action").trigger()
    assert dialogs.file_boxes[-1] == ("Add a form (XLSForm)", str(documents))
    window.close()

    again = ScriptedDialogs()  # a restart: the folder is in settings.ini
    second = make_window(dialogs=again)
    second.findChild(QAction, "export_calendar_action").trigger()
    assert again.file_boxes[-1][1] == str(elsewhere / "mcim-desk.ics")


def test_a_remembered_folder_that_is_gone_gives_way_to_the_default(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    file_dialogs.remember("bundle", gone / "x.mcimz")
    assert file_dialogs.start_folder("bundle") == gone
    gone.rmdir()
    assert file_dialogs.start_folder("bundle") == file_dialogs.documents_dir()
    # a backup box never remembers: it opens where the open database keeps its backups
    backups = tmp_path / "db" / "backups"
    backups.mkdir(parents=True)
    file_dialogs.remember("backup", tmp_path / "b.sqlite3")
    assert file_dialogs.start_folder("backup", backups) == backups


def test_a_call_without_a_kind_gets_one_from_its_filter() -> None:
    assert file_dialogs.kind_of(None, "MCIM Desk bundles (*.mcimz)") == "bundle"
    assert file_dialogs.kind_of(None, "PDF files (*.pdf)") == "report"
    assert file_dialogs.kind_of(None, "JSON (*.json);;All files (*)") == "json"
    assert file_dialogs.kind_of(None, "All files (*)") == "other"
    assert file_dialogs.kind_of("xlsform", "(*.xlsx)") == "xlsform"
    # a full path (the report dialog's field) is kept as it is
    assert file_dialogs.start_path("report", "/srv/reports/a.pdf") == "/srv/reports/a.pdf"


def test_back_up_now_says_where_with_show_in_folder(make_window, db_path: Path) -> None:  # noqa: ANN001
    dialogs = ScriptedDialogs()
    window = make_window(dialogs=dialogs)
    dialogs.written_answers.append("folder")
    window.backup_action.trigger()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("written", "Backup written")
    written = Path(text.split("\n")[-1])
    assert written.parent == db_path.parent / "backups" and written.is_file()
    assert dialogs.opened == [db_path.parent / "backups"]


def test_the_report_dialog_proposes_the_folder_of_the_last_report(make_window, qtbot,
                                                                 tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.ui.reports_dialog import ReportsDialog

    window = make_window()
    first = ReportsDialog(window.ctx, window)
    qtbot.addWidget(first)
    assert Path(first.path_edit.text()).parent == file_dialogs.documents_dir()
    folder = tmp_path / "side event"
    folder.mkdir()
    first.set_choice("blank-interview", "en")
    first.path_edit.setText(str(folder / "typed by hand.pdf"))  # typed, not browsed
    first.create_report()
    second = ReportsDialog(window.ctx, window)
    qtbot.addWidget(second)
    assert Path(second.path_edit.text()).parent == folder
