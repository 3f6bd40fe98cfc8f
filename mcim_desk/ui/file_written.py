"""One message for every file the window writes (a report, a bundle, spreadsheets, a
calendar, a fillable questionnaire, the guide): where it was written, with Open, Show in
folder and Close. When the desktop cannot start a program to open it, the user is told,
naming the file (issue 14: before, only the log knew)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from .dialogs import DialogService


def announce_written(dialogs: DialogService, title: str, paths: Sequence[Path | str],
                     detail: str = "", can_open: bool = True) -> str | None:
    """Say where ``paths`` were written (``detail``: what they hold) and do what is chosen:
    open the file (one file only; not a database copy: ``can_open`` False) or show its
    folder. Returns the choice."""
    files = [Path(p) for p in paths]
    if not files:
        return None
    where = (QCoreApplication.translate("FileWritten", "Written to:") if len(files) == 1
             else QCoreApplication.translate("FileWritten", "Written to these files:"))
    text = (detail + "\n\n" if detail else "") + where + "\n" + "\n".join(str(f) for f in files)
    choice = dialogs.file_written(title, text, can_open=can_open and len(files) == 1)
    if choice == "open" and not dialogs.open_path(files[0]):
        dialogs.warning(QCoreApplication.translate("FileWritten", "File not opened"), QCoreApplication.translate(
            "FileWritten", "No program could be started to open {file}. The file is written; open it from its "
            "folder:\n{folder}").format(file=files[0].name, folder=files[0].parent))
    elif choice == "folder" and not dialogs.open_path(files[0].parent):
        dialogs.warning(QCoreApplication.translate("FileWritten", "Folder not shown"), QCoreApplication.translate(
            "FileWritten", "No file manager could be started to show the folder {folder}. {file} is "
            "there.").format(folder=files[0].parent, file=files[0].name))
    return choice
