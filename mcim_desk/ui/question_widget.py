"""One question of the entry view: its label, editor (radio buttons, combo box, check boxes,
text, the special editors), notes, inline message and marker, and the small widgets it uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.definition import Question
from ..limits import NOTE_CHARS, TEXT_ANSWER_CHARS, grouped
from .answer_editors import LINE_TYPES, AcknowledgeEditor, RankEditor, placeholder
from .attachment_editor import AttachmentEditor
from .colours import set_text_colour
from .wrap_label import PlainHint, WrapLabel

RADIO_LIMIT = 6  # more choices than this: a combo box instead of radio buttons
FILTER_LIMIT = 8  # more choices than this in a multiple choice: a filter box above them
MARKER_STYLE = "color: #8a5a00; background: #fff4d6; border-radius: 3px; padding: 1px 4px;"


class WrappingCheck(PlainHint, QWidget):
    """A check box whose (long) label wraps: QCheckBox never wraps its text, so the 23
    objectives would make the form wider than the window. A click on the label toggles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.label = WrapLabel(self)
        self.label.setBuddy(self.box)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.click()
        super().mousePressEvent(event)


class CommitTextEdit(QPlainTextEdit):
    """A multi-line answer: Tab leaves it, and leaving it commits (like editingFinished)."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(64)
        self.setMaximumHeight(140)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.committed.emit()
        super().focusOutEvent(event)


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font


@dataclass
class AnswerAction:
    text: Callable[[], str]
    callback: Callable[[str, str, int, int], None]


class QuestionWidget(PlainHint, QFrame):
    """One question: label (with a required mark), hint, editor, inline message, marker and
    an optional notes box. Emits ``committed(path, value)`` when the user commits an answer."""

    committed = Signal(str, object)
    note_committed = Signal(str, str)
    context_requested = Signal(str, object)  # path, global position

    def __init__(self, question: Question, path: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question, self.path, self.lang = question, path, lang
        self.value: str | None = None
        self.setObjectName(f"q:{path}")
        self.label = WrapLabel(self)
        if question.type != "note":  # a note is a paragraph of instructions, not a question
            self.label.setFont(_bold(self.label.font()))
        # the hint, marker and message are made when first needed: most questions never show
        # a marker or a message, and a hidden label still costs its making (see hint, marker,
        # error below)
        self._hint: WrapLabel | None = None
        self._marker: QLabel | None = None
        self._error: WrapLabel | None = None
        self._top: QHBoxLayout | None = None  # the label and the marker, once there is one
        self.notes: CommitTextEdit | None = None
        # a typed answer or note over its limit, kept in its box, not saved: what to say
        self.limit_messages: dict[str, str] = {}
        self.editor: QWidget | None = None
        self.show_hint = True  # a repeat's later entries leave the hint to the first one
        self.buttons: dict[str, QAbstractButton] = {}
        self.rows: dict[str, WrappingCheck] = {}  # multiple choices: the box and its label
        self.filter: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 6)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        self._build_editor(layout)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_requested)
        self.retranslate(lang)

    # -- the parts made when needed ---------------------------------------------------------

    @property
    def hint(self) -> WrapLabel:
        """The hint under the label (made on first use; hidden when there is none)."""
        if self._hint is None:
            self._hint = WrapLabel(self)
            set_text_colour(self._hint, "muted")
            self._hint.hide()
            self.layout().insertWidget(1, self._hint)  # under the label (or label and marker)
            self._hint.setText(self.question.hint(self.lang))
            self._hint.setVisible(bool(self._hint.text()) and self.show_hint)
        return self._hint

    @property
    def marker(self) -> QLabel:
        """The marker beside the label (a call's "to ask", made on first use)."""
        if self._marker is None:
            layout = self.layout()
            self._top = QHBoxLayout()
            layout.removeWidget(self.label)
            self._top.addWidget(self.label, 1)
            self._marker = QLabel(self)
            self._marker.setTextFormat(Qt.TextFormat.PlainText)
            self._marker.hide()
            self._top.addWidget(self._marker, 0, Qt.AlignmentFlag.AlignTop)
            layout.insertLayout(0, self._top)
        return self._marker

    @property
    def error(self) -> WrapLabel:
        """The inline message, last (made on first use)."""
        if self._error is None:
            self._error = WrapLabel(self)
            self._error.setObjectName("error")
            set_text_colour(self._error, "error")
            self._error.hide()
            self.layout().addWidget(self._error)
        return self._error

    def hide_hint(self) -> None:
        """Leave the hint to another entry of the same repeat (it says nothing new here)."""
        self.show_hint = False
        if self._hint is not None:
            self._hint.hide()

    def _context_requested(self, pos) -> None:  # noqa: ANN001 - a QPoint
        self.context_requested.emit(self.path, self.mapToGlobal(pos))

    # -- building ---------------------------------------------------------------------------

    def _build_editor(self, layout: QVBoxLayout) -> None:
        q = self.question
        if q.type == "note":
            return
        if q.type == "select_one" and len(q.choices) <= RADIO_LIMIT:
            group = QButtonGroup(self)
            group.setExclusive(False)  # lets a second click clear the answer
            row = QHBoxLayout()
            for number, choice in enumerate(q.choices):
                button = QRadioButton(self)
                button.setObjectName(f"choice:{choice.name}")
                button.setAutoExclusive(False)
                group.addButton(button, number)
                self.buttons[choice.name] = button
                row.addWidget(button)
            names = [choice.name for choice in q.choices]
            group.idClicked.connect(lambda number: self._radio_clicked(names[number], group.button(number).isChecked()))
            row.addStretch(1)
            layout.addLayout(row)
            self.editor = next(iter(self.buttons.values()), None)
        elif q.type == "select_one":
            combo = QComboBox(self)
            # long choice labels (the 30 mechanisms' names) must not widen the whole form
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(20)
            combo.addItem("", "")
            for choice in q.choices:
                combo.addItem(choice.label(self.lang), choice.name)
            combo.activated.connect(lambda _i: self._commit(combo.currentData() or None))
            layout.addWidget(combo)
            self.editor = combo
        elif q.type == "select_multiple":
            if len(q.choices) > FILTER_LIMIT:
                self.filter = QLineEdit(self)
                self.filter.setObjectName("choice_filter")
                self.filter.setClearButtonEnabled(True)
                self.filter.textChanged.connect(self._filter_choices)
                layout.addWidget(self.filter)
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            self.rows: dict[str, WrappingCheck] = {}
            group = QButtonGroup(self)
            group.setExclusive(False)  # check boxes: each on its own (set before adding them)
            for choice in q.choices:
                row = WrappingCheck(box)
                row.box.setObjectName(f"choice:{choice.name}")
                self.buttons[choice.name] = row.box
                self.rows[choice.name] = row
                column.addWidget(row)
                group.addButton(row.box)
            group.buttonClicked.connect(lambda _b: self._commit(self._checked_codes()))
            layout.addWidget(box)
            self.editor = self.filter or next(iter(self.buttons.values()), None)
        elif q.type == "acknowledge":
            editor = AcknowledgeEditor(self)
            editor.committed.connect(self._commit)
            layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
            self.editor = editor
        elif q.type == "rank":
            editor = RankEditor(q, self.lang, self)
            editor.committed.connect(self._commit)
            layout.addWidget(editor)
            self.editor = editor
        elif q.takes_file:
            editor = AttachmentEditor(q, self.path, self)
            editor.committed.connect(self._commit)
            layout.addWidget(editor)
            self.editor = editor
        elif q.type == "text" and q.multiline:
            edit = CommitTextEdit(self)
            edit.committed.connect(lambda: self._commit(edit.toPlainText()))
            self._context_menu_from(edit)
            layout.addWidget(edit)
            self.editor = edit
        else:
            edit = QLineEdit(self)
            if q.type in ("date", "integer", "decimal", "time"):
                edit.setMaximumWidth(160)
            elif q.type in LINE_TYPES:
                edit.setMinimumWidth(260)
            edit.editingFinished.connect(lambda: self._commit(edit.text()))
            self._context_menu_from(edit)
            layout.addWidget(edit)
            self.editor = edit

    def _context_menu_from(self, edit: QWidget) -> None:
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(
            lambda pos: self.context_requested.emit(self.path, edit.mapToGlobal(pos))
        )

    def enable_notes(self, visible: bool) -> None:
        if visible and self.notes is None and self.question.takes_answer:
            self.notes = CommitTextEdit(self)
            self.notes.setObjectName("notes")
            self.notes.setMaximumHeight(70)
            self.notes.setMinimumHeight(40)
            self.notes.committed.connect(self._commit_note)
            self._context_menu_from(self.notes)
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self._error) if self._error is not None else layout.count(),
                                self.notes)
            self.retranslate(self.lang)
        if self.notes is not None:
            self.notes.setVisible(visible)

    # -- values -----------------------------------------------------------------------------

    def _commit_note(self) -> None:
        note = self.notes.toPlainText()
        if len(note) > NOTE_CHARS:  # not saved; the typed note stays in its box
            self._over_limit("note", self.tr("The note has {length} characters, more than the limit of {limit}.").format(
                length=grouped(len(note)), limit=grouped(NOTE_CHARS)))
            return
        self._over_limit("note", None)
        self.note_committed.emit(self.path, note)

    def _over_limit(self, which: str, message: str | None) -> None:
        if message:
            self.limit_messages[which] = message
        elif self.limit_messages.pop(which, None) is None:
            return
        self.show_error(None)

    def _radio_clicked(self, name: str, checked: bool) -> None:
        for other, button in self.buttons.items():
            if other != name:
                button.setChecked(False)
        self._commit(name if checked else None)

    def _checked_codes(self) -> str | None:
        codes = [name for name, b in self.buttons.items() if b.isChecked()]
        return " ".join(codes) or None

    def set_available(self, names: set[str]) -> None:
        """Offer only the choices ``names`` (a choice_filter); a chosen one stays shown."""
        chosen = set((self.value or "").split())
        for name, button in self.buttons.items():
            row = self.rows.get(name)
            (row or button).setVisible(name in names or name in chosen)
        editor = self.editor
        if isinstance(editor, QComboBox):
            view = editor.view()
            for i in range(1, editor.count()):
                code = editor.itemData(i)
                view.setRowHidden(i, code not in names and code not in chosen)

    def _filter_choices(self, text: str) -> None:
        words = text.casefold().split()
        for name, row in self.rows.items():
            haystack = f"{row.label.text()} {name}".casefold()
            row.setVisible(all(w in haystack for w in words))

    def _commit(self, value: object) -> None:
        text = None if value is None else str(value)
        if text is not None and text.strip() == "":
            text = None
        if text is not None and len(text) > TEXT_ANSWER_CHARS:
            # Not saved, and the typed text stays in the field for the user to shorten.
            from ..services.responses import question_caption, too_long_message

            self._over_limit("answer", too_long_message(question_caption(self.question, self.lang), len(text)))
            return
        self._over_limit("answer", None)
        if text != self.value:
            self.committed.emit(self.path, text)

    def set_value(self, value: str | None) -> None:
        """Show a stored value (no commit)."""
        self.value = value
        q, editor = self.question, self.editor
        if q.type in ("select_one", "select_multiple") and self.buttons:
            chosen = set((value or "").split())
            for name, button in self.buttons.items():
                with QSignalBlocker(button):
                    button.setChecked(name in chosen)
        elif isinstance(editor, QComboBox):
            with QSignalBlocker(editor):
                editor.setCurrentIndex(max(0, editor.findData(value or "")))
        elif isinstance(editor, AcknowledgeEditor | RankEditor | AttachmentEditor):
            editor.set_value(value)
        elif isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != (value or ""):
                with QSignalBlocker(editor):
                    editor.setPlainText(value or "")
        elif isinstance(editor, QLineEdit):
            if editor.text() != (value or ""):
                editor.setText(value or "")

    def set_note(self, note: str | None) -> None:
        if self.notes is not None and self.notes.toPlainText() != (note or ""):
            with QSignalBlocker(self.notes):
                self.notes.setPlainText(note or "")

    def show_error(self, message: str | None) -> None:
        """Show the form's message for this answer; a text over the length limit that was not
        saved is said first, whatever the form says."""
        message = self.limit_messages.get("answer") or self.limit_messages.get("note") or message
        if message or self._error is not None:
            self.error.setText(message or "")
            self.error.setVisible(bool(message))
        # the message is the field's description: a screen reader says it with the field
        hint = self.question.hint(self.lang)
        description = " ".join(p for p in (message or "", hint) if p)
        targets = list(self.buttons.values()) if self.buttons else [self.editor]
        for widget in targets:
            if widget is not None:
                widget.setAccessibleDescription(description)

    def set_marker(self, text: str | None) -> None:
        if not text and self._marker is None:
            return
        if text and not self.marker.styleSheet():  # few questions ever get one: styled then
            self.marker.setStyleSheet(MARKER_STYLE)
        self.marker.setText(text or "")
        self.marker.setVisible(bool(text))

    def text_editor(self) -> QLineEdit | QPlainTextEdit | None:
        return self.editor if isinstance(self.editor, (QLineEdit, QPlainTextEdit)) else None

    def focus_editor(self) -> None:
        if self.editor is not None:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- language ---------------------------------------------------------------------------

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        q = self.question
        mark = " *" if q.required and q.required.strip().lower() not in ("no", "false", "false()") else ""
        self.label.setText(q.label(lang) + mark)
        hint = q.hint(lang)
        if hint or self._hint is not None:
            self.hint.setText(hint)
            self.hint.setVisible(bool(hint) and self.show_hint)
        for name, button in self.buttons.items():
            row = self.rows.get(name)
            (row.label if row else button).setText(q.choice_label(name, lang))
        if isinstance(self.editor, QComboBox):
            for i in range(1, self.editor.count()):
                self.editor.setItemText(i, q.choice_label(self.editor.itemData(i), lang))
        if self.filter is not None:
            self.filter.setPlaceholderText(self.tr("Filter the choices…"))
        if isinstance(self.editor, QLineEdit):
            self.editor.setPlaceholderText(placeholder(q))
        if isinstance(self.editor, AcknowledgeEditor):
            self.editor.retranslate()
        if isinstance(self.editor, RankEditor):
            self.editor.retranslate(lang)
        if isinstance(self.editor, AttachmentEditor):
            self.editor.retranslate()
        if self.notes is not None:
            self.notes.setPlaceholderText(self.tr("Notes on this question…"))
        self._name_for_readers(lang)

    def _name_for_readers(self, lang: str) -> None:
        """The question's label is the editor's accessible name (a screen reader reads it,
        not "edit"); each choice box is named by its choice; the hint describes."""
        from ..forms.captions import shorten

        question = shorten(self.question.label(lang), 160)
        if self.editor is not None and not self.buttons:
            self.editor.setAccessibleName(question)
            self.editor.setAccessibleDescription(self.question.hint(lang))
        for name, button in self.buttons.items():
            button.setAccessibleName(self.question.choice_label(name, lang))
            button.setAccessibleDescription(question)
        if self.filter is not None:
            self.filter.setAccessibleName(self.tr("Filter the choices of: {question}").format(
                question=shorten(self.question.label(lang), 80)))
        if self.notes is not None:
            self.notes.setAccessibleName(self.tr("Notes on: {question}").format(
                question=shorten(self.question.label(lang), 80)))
