"""The file boxes: the system's own where it offers one (Windows, macOS, a Linux desktop with
a portal or GTK theme: they speak the system's language), else Qt's widget dialog (Linux
without a portal, offscreen), which must then speak the program's language.

Qt 6.12's French catalogue (``qtbase_fr.qm``) lacks a few of that dialog's words: it showed
« Look in: », « Files of type: » and « Folder » in a French window. They are listed below with
literal ``translate`` calls so that lupdate puts them in our catalogue, installed after Qt's
(the last translator installed answers first); « Date Modified » is shortened there too, so the
column header is not cut.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QTreeView, QWidget

HEADER_PADDING = 28  # the sort arrow and the section's margins


def qt_complements() -> list[tuple[str, str, str | None, str]]:
    """(context, source, disambiguation, text now) of each of Qt's words our catalogue adds."""
    return [
        ("QFileDialog", "&Look in:", None, QCoreApplication.translate("QFileDialog", "&Look in:")),
        ("QFileDialog", "Files of &type:", None, QCoreApplication.translate("QFileDialog", "Files of &type:")),
        ("QFileSystemModel", "Date Modified", None,
         QCoreApplication.translate("QFileSystemModel", "Date Modified")),
        ("QAbstractFileIconProvider", "Folder", "All other platforms",
         QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")),
        ("QAbstractFileIconProvider", "Shortcut", "All other platforms",
         QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut", "All other platforms")),
        ("QAbstractFileIconProvider", "Drive", None, QCoreApplication.translate("QAbstractFileIconProvider", "Drive")),
        ("QAbstractFileIconProvider", "File", None, QCoreApplication.translate("QAbstractFileIconProvider", "File")),
        ("QAbstractFileIconProvider", "Unknown", None,
         QCoreApplication.translate("QAbstractFileIconProvider", "Unknown")),
    ]


class FileDialog(QFileDialog):
    """A file box to open or save; Qt's widget dialog gets column headers that fit their text."""

    def __init__(self, parent: QWidget | None, title: str, start: str, filters: str, *, save: bool) -> None:
        super().__init__(parent, title, start, filters)
        self.setObjectName("file_dialog")
        if save:
            self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            self.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            self.setFileMode(QFileDialog.FileMode.ExistingFile)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.fit_headers()  # after Qt restored the widths it remembers
        from . import access

        access.name_from_buddies(self)  # « Voir dans », « Fichiers de type » name their lists
        view = self.findChild(QTreeView, "treeView")
        loaded = getattr(view.model(), "directoryLoaded", None) if view is not None else None
        if loaded is not None and not self._watching:
            self._watching = True
            loaded.connect(lambda _path: self.fit_headers())  # the French file types run longer

    _watching = False

    def fit_headers(self) -> None:
        view = self.findChild(QTreeView, "treeView")  # absent when the system's box is used
        if view is None or view.model() is None:
            return
        for column in (1, 2):  # size and type: their contents, named in the language in use
            if view.model().rowCount(view.rootIndex()):
                view.header().resizeSection(column, max(view.header().sectionSize(column),
                                                        view.sizeHintForColumn(column)))
        header = view.header()
        metrics = header.fontMetrics()
        for section in range(header.count()):
            text = str(view.model().headerData(section, Qt.Orientation.Horizontal) or "")
            wanted = metrics.horizontalAdvance(text) + HEADER_PADDING
            if header.sectionSize(section) < wanted:
                header.resizeSection(section, wanted)


def ask_file(parent: QWidget | None, title: str, start: str, filters: str, *, save: bool) -> str | None:
    """The file chosen, or None when the box was cancelled."""
    dialog = FileDialog(parent, title, start, filters, save=save)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]
