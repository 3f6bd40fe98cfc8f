"""Helpers several pages share: an undo command made of two callables, the error label and
the read-only table item every page uses, a call length as text, and what the answer and note
editors have in common (their selection, making them save). They sit below every page, so
that no page imports another for them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QUndoCommand
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidgetItem,
    QWidget,
)

from .colours import text_style


class CallbackCommand(QUndoCommand):
    """An undoable change made of two callables. With ``done=True`` the change was already
    made (its first redo is skipped), so that a refused change never reaches the stack.
    A callable that fails makes the command obsolete and reports through ``on_error``."""

    def __init__(self, text: str, undo: Callable[[], object], redo: Callable[[], object],
                 on_error: Callable[[BaseException], None], *, done: bool = True) -> None:
        super().__init__(text)
        self._undo, self._redo, self._on_error = undo, redo, on_error
        self._skip = done

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception as exc:
            self.setObsolete(True)
            self._on_error(exc)


def plain_item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(text_style("error", label))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def duration_text(seconds: int | None) -> str:
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:d}:{minutes:02d}:{secs:02d}"


def editor_selection(editor: QWidget | None) -> tuple[str, int, int] | None:
    """(text, start, end) selected in a text editor, or None."""
    if isinstance(editor, QPlainTextEdit):
        cursor = editor.textCursor()
        if cursor.hasSelection():
            return cursor.selectedText().replace("\u2029", "\n"), cursor.selectionStart(), cursor.selectionEnd()
    elif isinstance(editor, QLineEdit) and editor.hasSelectedText():
        start = editor.selectionStart()
        return editor.selectedText(), start, start + len(editor.selectedText())
    return None


def select_range(editor: QWidget | None, start: int, end: int) -> None:
    if isinstance(editor, QPlainTextEdit):
        cursor = editor.textCursor()
        cursor.setPosition(min(start, len(editor.toPlainText())))
        cursor.setPosition(min(end, len(editor.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        editor.setFocus()
    elif isinstance(editor, QLineEdit):
        editor.setFocus()
        editor.setSelection(start, end - start)


def commit_editor(editor: QWidget | None) -> None:
    """Make an answer editor save what it holds now (its usual commit on leaving it)."""
    signal = getattr(editor, "committed", None)
    if signal is not None:
        signal.emit()
    elif isinstance(editor, QLineEdit):
        editor.editingFinished.emit()


def fit_header_labels(view: QTableView, padding: int = 16) -> None:
    """Widen the columns whose header text would be cut (French labels run longer)."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    for section in range(header.count()):
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        wanted = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""]) + padding
        if header.sectionSize(section) < wanted:
            header.resizeSection(section, wanted)
