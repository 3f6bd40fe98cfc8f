"""Help > Keyboard shortcuts: every key the program answers to, page by page, including those
no menu shows (a page's own keys: Ctrl+D, Ctrl+Shift+N, Ctrl+Shift+T…)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import access


def _keys(*sequences: str) -> str:
    """Keys as the system writes them, in the interface language ("Ctrl+Maj+N")."""
    return " / ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)


class KeyboardShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(720, 560)
        rows = self.rows()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        access.view(self.table, self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        everywhere, questionnaire = self.tr("Everywhere"), self.tr("Questionnaire")
        interviews, workspace = self.tr("Interviews"), self.tr("Call workspace")
        lists = self.tr("Tables and lists")
        return [
            (everywhere, _keys("Ctrl+F"), self.tr("Search answers, notes, quotes, follow-ups…")),
            (everywhere, _keys("Ctrl+Shift+F"), self.tr("Find a mechanism")),
            (everywhere, _keys("F1"), self.tr("The guide, at the section for this screen")),
            (everywhere, _keys("Ctrl+F1"), self.tr("Keyboard shortcuts")),
            (everywhere, _keys("Ctrl+Tab", "Ctrl+Shift+Tab"), self.tr("Next / previous page")),
            (everywhere, _keys("Ctrl+Z"), self.tr("Undo")),
            (everywhere, _keys("Ctrl+Shift+Z", "Ctrl+Y"), self.tr("Redo")),
            (everywhere, _keys("Ctrl+P"), self.tr("Print a report")),
            (everywhere, _keys("Ctrl+Shift+E"), self.tr("Export a bundle")),
            (everywhere, _keys("Ctrl+Shift+I"), self.tr("Import a bundle")),
            (everywhere, _keys("Ctrl+,"), self.tr("Preferences")),
            (everywhere, _keys("Ctrl+Q"), self.tr("Quit")),
            (lists, _keys("Up", "Down"), self.tr("Move in the list (Tab goes on to the next field)")),
            (questionnaire, _keys("Tab", "Shift+Tab"), self.tr("Next / previous question")),
            (questionnaire, _keys("Ctrl+PgDown", "Ctrl+PgUp"), self.tr("Next / previous section")),
            (questionnaire, _keys("Ctrl+Return"), self.tr("Check the answers")),
            (self.tr("Dashboard, Follow-ups"), _keys("Ctrl+D"), self.tr("Mark the selected follow-up as done")),
            (interviews, _keys("Ctrl+Shift+N"), self.tr("Plan an interview")),
            (interviews, _keys("Ctrl+Shift+W"), self.tr("Open the call workspace")),
            (workspace, _keys("Ctrl+Shift+T"), self.tr("Start or pause the call timer")),
            (workspace, _keys("Ctrl+Shift+Q"), self.tr("Save the selected words as a quote")),
            (workspace, _keys("Ctrl+W"), self.tr("Close the window (asks first while the call runs)")),
            (self.tr("Quotes"), _keys("Return"), self.tr("Open the interview at the quote")),
            (self.tr("PDF review"), _keys("Space"), self.tr("Accept or refuse the selected answers")),
            (self.tr("PDF review"), _keys("Ctrl+Return"), self.tr("Apply the accepted answers")),
        ]
