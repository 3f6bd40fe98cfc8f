"""Entry of one response through its XLSForm: sections as a scrolling outline with a section
list, live relevance, required marks, inline messages, autosave of every field commit, undo.

Keyboard: Tab moves through the fields (multi-line answers too), Ctrl+PgDown / Ctrl+PgUp jump
to the next / previous section, Ctrl+Return checks the answers. Every commit (Enter, Tab,
focus leaving, a choice clicked) is one undoable command that saves in one short transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.definition import FormDefinition, Question, repeat_instance
from ..forms.engine import FormState
from ..limits import NOTE_CHARS, TEXT_ANSWER_CHARS, grouped
from .answer_editors import LINE_TYPES, AcknowledgeEditor, RankEditor, placeholder
from .attachment_editor import AttachmentEditor
from .colours import set_text_colour
from .context import UiContext
from .undo import SaveValueCommand

RADIO_LIMIT = 6  # more choices than this: a combo box instead of radio buttons
FILTER_LIMIT = 8  # more choices than this in a multiple choice: a filter box above them
MARKER_STYLE = "color: #8a5a00; background: #fff4d6; border-radius: 3px; padding: 1px 4px;"
log = logging.getLogger(__name__)


class WrappingCheck(QWidget):
    """A check box whose (long) label wraps: QCheckBox never wraps its text, so the 23
    objectives would make the form wider than the window. A click on the label toggles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
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


@dataclass
class AnswerAction:
    text: Callable[[], str]
    callback: Callable[[str, str, int, int], None]


class QuestionWidget(QFrame):
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
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        set_text_colour(self.hint, "muted")
        self.marker = QLabel(self)
        self.marker.setTextFormat(Qt.TextFormat.PlainText)
        self.marker.hide()
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        set_text_colour(self.error, "error")
        self.error.hide()
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
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        self._build_editor(layout)
        layout.addWidget(self.error)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.context_requested.emit(self.path, self.mapToGlobal(pos))
        )
        if question.type == "note":  # a paragraph of instructions, not a question
            font = self.label.font()
            font.setBold(False)
            self.label.setFont(font)
        self.retranslate(lang)

    # -- building ---------------------------------------------------------------------------

    def _build_editor(self, layout: QVBoxLayout) -> None:
        q = self.question
        if q.type == "note":
            return
        if q.type == "select_one" and len(q.choices) <= RADIO_LIMIT:
            group = QButtonGroup(self)
            group.setExclusive(False)  # lets a second click clear the answer
            row = QHBoxLayout()
            for choice in q.choices:
                button = QRadioButton(self)
                button.setObjectName(f"choice:{choice.name}")
                button.setAutoExclusive(False)
                group.addButton(button)
                self.buttons[choice.name] = button
                row.addWidget(button)
                button.clicked.connect(lambda checked, name=choice.name: self._radio_clicked(name, checked))
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
            for choice in q.choices:
                row = WrappingCheck(box)
                row.box.setObjectName(f"choice:{choice.name}")
                self.buttons[choice.name] = row.box
                self.rows[choice.name] = row
                column.addWidget(row)
                row.box.clicked.connect(lambda _c: self._commit(self._checked_codes()))
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
            self.layout().insertWidget(self.layout().count() - 1, self.notes)
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


class TitledBox(QFrame):
    """A framed box with a heading that wraps (a QGroupBox title never wraps, so a long
    section or question title would make the whole form wider than the window)."""

    def __init__(self, parent: QWidget | None = None, bold: bool = True) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(bold)
        if bold:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.addWidget(self.heading)

    def setTitle(self, text: str) -> None:  # noqa: N802 - QGroupBox's name, kept
        self.heading.setText(text)
        self.heading.setVisible(bool(text))

    def title(self) -> str:
        return self.heading.text()


class RepeatWidget(TitledBox):
    """A repeat (e.g. Q25's partners): its instances, each with Remove / Up / Down, and Add."""

    add_requested = Signal(str)
    remove_requested = Signal(str, int)
    move_requested = Signal(str, int, int)

    def __init__(self, question: Question, path: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question, self.path, self.lang = question, path, lang
        self.setObjectName(f"repeat:{path}")
        self.body = QVBoxLayout()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("repeat_add")
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.path))
        self.empty = QLabel(self)
        set_text_colour(self.empty, "muted")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("repeat_count")
        set_text_colour(self.count_label, "muted")
        self.count_label.hide()
        self.required_count: int | None = None
        layout = self.body_layout
        layout.addWidget(self.count_label)
        layout.addWidget(self.empty)
        layout.addLayout(self.body)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.instance_frames: dict[int, QFrame] = {}
        self.retranslate(lang)

    def instance_frame(self, index: int, position: int, count: int) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"instance:{index}")
        outer = QVBoxLayout(frame)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Entry {n}").format(n=position), frame)
        bar.addWidget(title, 1)
        for text, tip, handler, enabled in (
            ("↑", self.tr("Move entry {n} up").format(n=position),
             lambda: self.move_requested.emit(self.path, index, position - 1), position > 1),
            ("↓", self.tr("Move entry {n} down").format(n=position),
             lambda: self.move_requested.emit(self.path, index, position + 1), position < count),
            (self.tr("Remove"), self.tr("Remove entry {n}").format(n=position),
             lambda: self.remove_requested.emit(self.path, index), True),
        ):
            button = QToolButton(frame)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)  # read as "Move entry 2 up", not "↑"
            button.setEnabled(enabled)
            button.clicked.connect(handler)
            bar.addWidget(button)
        outer.addLayout(bar)
        self.body.addWidget(frame)
        self.instance_frames[index] = frame
        return frame, outer

    def order_tab_chain(self) -> None:
        """Tab goes through the entries in order, then to "Add an entry", then on to the next
        question (entries are built after the button, and again after each change)."""
        stops = []
        for frame in self.instance_frames.values():
            stops += [w for w in frame.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not _inside_composite(w, frame)]
        if not stops:
            return
        anchor = self.add_button.previousInFocusChain()
        while anchor is not None and anchor is not self.add_button and (
                anchor is self or self.isAncestorOf(anchor) or not anchor.focusPolicy() & Qt.FocusPolicy.TabFocus):
            anchor = anchor.previousInFocusChain()
        if anchor is None or anchor is self.add_button:
            return
        for first, second in zip([anchor, *stops], [*stops, self.add_button], strict=True):
            QWidget.setTabOrder(first, second)

    def clear_instances(self) -> None:
        for frame in self.instance_frames.values():
            frame.setParent(None)
            frame.deleteLater()
        self.instance_frames.clear()

    def set_count(self, required: int | None) -> None:
        """A repeat_count: the form says how many entries there are; Add stays available
        only until there are that many."""
        self.required_count = required
        present = len(self.instance_frames)
        self.count_label.setVisible(required is not None)
        if required is not None:
            self.count_label.setText(
                self.tr("The form asks for {count} entries here ({present} so far).").format(
                    count=required, present=present
                )
            )
        self.add_button.setEnabled(required is None or present < required)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.setTitle(self.question.label(lang))
        self.add_button.setText(self.tr("Add an entry"))
        self.empty.setText(self.tr("No entry yet."))
        self.empty.setVisible(not self.instance_frames)
        self.set_count(self.required_count)


class FormView(QWidget):
    """Shows one response of any form. Pages (questionnaire, call workspace) wrap it."""

    answer_saved = Signal(str, object)  # path, value
    status_changed = Signal(str)
    response_opened = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.response = None
        self.definition: FormDefinition | None = None
        self.answers: dict[str, str | None] = {}
        self.notes: dict[str, str | None] = {}
        self.state: FormState | None = None
        self.widgets: dict[str, QuestionWidget] = {}
        self.repeats: dict[str, RepeatWidget] = {}
        self.section_boxes: dict[str, TitledBox] = {}
        self.containers: dict[str, QWidget] = {}
        self.actions: list[AnswerAction] = []
        self.markers: dict[str, str] = {}
        self.show_all_errors = False
        self.notes_visible = False
        self.form_lang: str | None = None  # a language of the form's own; None: the interface's
        self.visited: set[str] = set()  # sections the user went to (the navigator's ticks)

        self.language = QComboBox(self)
        self.language.setObjectName("form_language")
        self.language.activated.connect(lambda _i: self.set_form_language(self.language.currentData()))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        self.sections = QListWidget(self)
        self.sections.setObjectName("section_list")
        self.sections.setMaximumWidth(300)
        self.sections.setWordWrap(True)
        self.sections.currentRowChanged.connect(self._goto_section)
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setTabKeyNavigation(False)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setObjectName("form_scroll")
        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.page)
        splitter = QSplitter(self)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(language_row)
        layout.addWidget(splitter)

        # only while the focus is in the form: elsewhere Ctrl+PgDown / Ctrl+PgUp keep switching
        # the window's tabs
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda step=step: self._step_section(step))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- opening ----------------------------------------------------------------------------

    def open_response(self, response_id: str) -> None:
        from ..services import forms, responses

        db = self.ctx.db
        self.response = responses.response_info(db, response_id)
        self.definition = forms.definition(db, self.response.form_version_id)
        self.answers = dict(responses.answers(db, response_id))
        self.notes = dict(responses.notes(db, response_id))
        self.show_all_errors = False
        if self.form_lang not in self.definition.languages:
            self.form_lang = None
        if not self.answers:  # a new response: the form's defaults are its first answers
            self._apply_defaults()
        self.visited = set()
        self._rebuild()
        self.response_opened.emit(response_id)

    def _apply_defaults(self) -> None:
        from ..services import responses

        defaults = FormState(self.definition, self.answers, lang=self.label_lang()).defaults()
        for path, value in defaults.items():
            try:
                responses.save_answer(self.ctx.db, self.response.id, path, value, self.ctx.actor)
            except (responses.ResponseError, responses.NeedsConfirmation):
                continue  # a default that does not fit is left for the user to give
            self.answers[path] = value

    def label_lang(self) -> str:
        """The language of the form's labels: one of the form's own, or the interface's."""
        return self.form_lang or self.ctx.lang

    def set_form_language(self, code: str | None) -> None:
        """Show the labels in one of the form's other languages (None: the interface's)."""
        self.form_lang = code or None
        self.retranslate()

    def _rebuild(self) -> None:
        self.page.setUpdatesEnabled(False)
        for box in self.section_boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.widgets.clear()
        self.repeats.clear()
        self.section_boxes.clear()
        self.containers.clear()
        with QSignalBlocker(self.sections):
            self.sections.clear()
        self.state = FormState(self.definition, self.answers, lang=self.label_lang())
        loose: list[Question] = []
        for top in self.definition.children:
            if top.is_container:
                box = TitledBox(self.page)
                box.setObjectName(f"section:{top.path}")
                inner = box.body_layout
                self.section_boxes[top.path] = box
                if top.is_repeat:  # a repeat at the top: a section holding its entries
                    self._add_repeat(top, top.path, inner, box)
                else:
                    self.containers[top.path] = box
                    self._add_children(top, top.path, inner, box)
                self.page_layout.addWidget(box)
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, top.path)
                self.sections.addItem(item)
            else:
                loose.append(top)
        if loose:  # questions and notes outside any group come first, in their own box
            box = TitledBox(self.page)
            inner = box.body_layout
            for q in loose:
                self._add_question(q, q.path, inner, box)
            self.page_layout.insertWidget(0, box)
            self.section_boxes[""] = box
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, "")
            self.sections.insertItem(0, item)
        self.page_layout.addStretch(1)
        self.retranslate()  # it ends with _refresh(): relevance, messages, progress
        self.page.setUpdatesEnabled(True)

    def _add_children(self, container: Question, path: str, layout: QVBoxLayout, parent: QWidget) -> None:
        for child in container.children:
            child_path = f"{path}/{child.name}"
            if child.is_repeat:
                self._add_repeat(child, child_path, layout, parent)
            elif child.is_container:
                box = TitledBox(parent, bold=False)
                box.setObjectName(f"group:{child_path}")
                inner = box.body_layout
                self.containers[child_path] = box
                self._add_children(child, child_path, inner, box)
                layout.addWidget(box)
            else:
                self._add_question(child, child_path, layout, parent)

    def _add_question(self, question: Question, path: str, layout: QVBoxLayout, parent: QWidget) -> None:
        if question.type in ("calculate", "hidden"):
            return
        widget = QuestionWidget(question, path, self.label_lang(), parent)
        widget.committed.connect(self._commit)
        widget.note_committed.connect(self._commit_note)
        widget.context_requested.connect(self._context_menu)
        if isinstance(widget.editor, AttachmentEditor):
            widget.editor.bind(self.ctx, self.response.id)
        widget.set_value(self.answers.get(path))
        widget.enable_notes(self.notes_visible)
        widget.set_note(self.notes.get(path))
        widget.set_marker(self.markers.get(path))
        self.widgets[path] = widget
        layout.addWidget(widget)

    def _add_repeat(self, question: Question, path: str, layout: QVBoxLayout, parent: QWidget) -> None:
        repeat = RepeatWidget(question, path, self.label_lang(), parent)
        repeat.add_requested.connect(self._add_instance)
        repeat.remove_requested.connect(self._remove_instance)
        repeat.move_requested.connect(self._move_instance)
        self.repeats[path] = repeat
        self.containers[path] = repeat
        layout.addWidget(repeat)
        self._fill_repeat(repeat)

    def _fill_repeat(self, repeat: RepeatWidget) -> None:
        for path in [p for p in self.widgets if p.startswith(repeat.path + "[")]:
            del self.widgets[path]
        repeat.clear_instances()
        indexes = self.state.instances(repeat.path) if self.state else []
        for position, index in enumerate(indexes, start=1):
            frame, inner = repeat.instance_frame(index, position, len(indexes))
            instance = repeat_instance(repeat.path, index)
            self._add_children(repeat.question, instance, inner, frame)
            if position > 1:  # the same hint under every entry says nothing new (Annex 4, Q25)
                for path, widget in self.widgets.items():
                    if path.startswith(instance + "/"):
                        widget.show_hint = False
                        widget.hint.hide()
        repeat.retranslate(self.label_lang())
        repeat.order_tab_chain()

    # -- saving -----------------------------------------------------------------------------

    def _commit(self, path: str, value: str | None) -> None:
        old = self.answers.get(path)
        if old == value or self.response is None:
            return
        from ..forms.captions import short_question

        caption = short_question(self.definition, path, self.ctx.lang)  # "question 12", not "q12"
        response_id = self.response.id
        command = SaveValueCommand(
            self.tr("Answer to {question}").format(question=caption), old, value,
            save=lambda v: self._save(response_id, path, v, command),
            on_error=lambda exc: self._save_failed(path, exc),
        )
        self.ctx.undo.push(command)

    def _save(self, response_id: str, path: str, value: str | None,
              command: SaveValueCommand | None = None) -> None:
        """Save one answer, passing the value this window read: when someone else changed
        it since, the user sees both and chooses (the typed text stays in the field until
        then); keeping theirs undoes nothing of theirs."""
        from ..services import responses

        expected = self.answers.get(path)
        confirmed = False
        while True:
            try:
                result = responses.save_answer(self.ctx.db, response_id, path, value, self.ctx.actor,
                                               confirm_validated=confirmed, expected=expected)
                break
            except responses.NeedsConfirmation:
                if confirmed or not self.ctx.dialogs.confirm(
                    self.tr("Validated response"),
                    self.tr("This response has been validated by the secretariat. Changing an answer "
                            "takes it back to “complete” until it is validated again. Change it?"),
                ):
                    raise _Declined() from None
                confirmed = True
            except responses.EditConflict as conflict:
                if not self._keep_mine(conflict, value):
                    self._take_theirs(response_id, path, conflict.theirs)
                    raise _Declined() from None
                expected = conflict.theirs  # overwrite theirs, knowingly
                if command is not None and value == command.new:
                    command.old = conflict.theirs  # undo brings theirs back, not the stale one
        if self.response is None or self.response.id != response_id:
            return
        self.answers[path] = result.new
        self._after_save(result.status)
        widget = self.widgets.get(path)
        if widget is not None:
            widget.set_value(result.new)
        self.answer_saved.emit(path, result.new)
        self.ctx.bus.notify("answer", [response_id])

    def _question_caption(self, path: str) -> str:
        widget = self.widgets.get(path)
        return widget.question.label(self.ctx.lang) if widget is not None else path

    def _keep_mine(self, conflict, value: object, note: bool = False) -> bool:  # noqa: ANN001 - an EditConflict
        from .conflict_dialog import KEEP_MINE

        yours = None if value is None else str(value)
        choice = self.ctx.dialogs.resolve_conflict(
            self._question_caption(conflict.path), conflict.theirs, yours, conflict.actor,
            conflict.at, note)
        return choice == KEEP_MINE

    def _take_theirs(self, response_id: str, path: str, theirs: str | None) -> None:
        """Show the value someone else saved as this window's own (the field shows it)."""
        from ..services import responses

        if self.response is None or self.response.id != response_id:
            return
        self.answers[path] = theirs
        widget = self.widgets.get(path)
        if widget is not None:
            widget.set_value(theirs)
        self.response = responses.response_info(self.ctx.db, response_id)
        self._refresh()
        self.status_changed.emit(self.response.status)

    def _save_failed(self, path: str, exc: BaseException) -> None:
        from ..files import StorageError

        widget = self.widgets.get(path)
        # The disk (full, read-only, locked) refused it, not the answer: the typed text stays
        # in the field, and leaving the field again retries the save.
        if widget is not None and not isinstance(exc, StorageError):
            widget.set_value(self.answers.get(path))  # show what is really saved
        if not isinstance(exc, _Declined):
            self.ctx.dialogs.error(self.tr("Answer not saved"), save_error_text(exc))

    def _commit_note(self, path: str, note: str) -> None:
        old = self.notes.get(path) or ""
        if old == note or self.response is None:
            return
        response_id = self.response.id

        def save(value: object) -> None:
            from ..services import responses

            text = str(value or "")
            expected = self.notes.get(path)
            while True:
                try:
                    responses.save_note(self.ctx.db, response_id, path, text, self.ctx.actor,
                                        expected=expected)
                    break
                except responses.EditConflict as conflict:
                    if not self._keep_mine(conflict, text, note=True):
                        self.notes[path] = conflict.theirs or ""
                        widget = self.widgets.get(path)
                        if widget is not None:
                            widget.set_note(self.notes[path])
                        raise _Declined() from None
                    expected = conflict.theirs
                    if text == command.new:
                        command.old = conflict.theirs or ""  # undo brings theirs back
            self.notes[path] = text
            widget = self.widgets.get(path)
            if widget is not None:
                widget.set_note(self.notes[path])

        from ..forms.captions import short_question

        caption = short_question(self.definition, path, self.ctx.lang)
        command = SaveValueCommand(self.tr("Note on {question}").format(question=caption),
                                   old, note, save, lambda exc: self._save_failed(path, exc))
        self.ctx.undo.push(command)

    def _after_save(self, status: str) -> None:
        previous = self.response.status
        self.response = _with_status(self.response, status)
        self._refresh()
        if status != previous:
            self.status_changed.emit(status)

    # -- repeats ----------------------------------------------------------------------------

    def _repeat_command(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        def apply(value: object) -> None:
            (do if value else undo)()
            self._reload_answers()

        self.ctx.undo.push(SaveValueCommand(text, False, True, apply, self._repeat_failed))

    def _repeat_failed(self, exc: BaseException) -> None:
        from ..services import responses

        if isinstance(exc, responses.EditConflict):
            self.ctx.dialogs.warning(
                self.tr("Entries changed elsewhere"),
                str(exc) + "\n\n" + self.tr("The entries as they are saved now are shown: "
                                             "make your change again if it is still needed."))
            self._reload_answers()
            return
        self.ctx.dialogs.error(self.tr("Not saved"), str(exc))

    def _add_instance(self, repeat_path: str) -> None:
        from ..services import responses

        rid, db, actor = self.response.id, self.ctx.db, self.ctx.actor
        created: list[int] = []

        def do() -> None:
            created.append(responses.insert_repeat(db, rid, repeat_path, actor,
                                                   expected_answers=self.answers))

        def undo() -> None:
            responses.remove_repeat(db, rid, repeat_path, created[-1], actor,
                                    expected_answers=self.answers)
            created.pop()

        self._repeat_command(self.tr("Add an entry"), do, undo)
        self._focus_first_in(repeat_path)

    def _remove_instance(self, repeat_path: str, index: int) -> None:
        from ..services import responses

        rid, db, actor = self.response.id, self.ctx.db, self.ctx.actor
        prefix = repeat_instance(repeat_path, index) + "/"
        kept = {p[len(prefix):]: v for p, v in self.answers.items() if p.startswith(prefix) and v}

        def do() -> None:
            responses.remove_repeat(db, rid, repeat_path, index, actor, expected_answers=self.answers)

        def undo() -> None:  # instances are numbered 1..n: the index is also the position
            responses.insert_repeat(db, rid, repeat_path, actor, at=index, values=kept,
                                    expected_answers=self.answers)

        self._repeat_command(self.tr("Remove an entry"), do, undo)

    def _move_instance(self, repeat_path: str, index: int, new_position: int) -> None:
        from ..services import responses

        rid, db, actor = self.response.id, self.ctx.db, self.ctx.actor

        def do() -> None:  # instances are numbered 1..n: an index is also a position
            responses.move_repeat(db, rid, repeat_path, index, new_position, actor,
                                  expected_answers=self.answers)

        def undo() -> None:
            responses.move_repeat(db, rid, repeat_path, new_position, index, actor,
                                  expected_answers=self.answers)

        self._repeat_command(self.tr("Move an entry"), do, undo)

    def _reload_answers(self) -> None:
        from ..services import responses

        self.answers = dict(responses.answers(self.ctx.db, self.response.id))
        self.response = responses.response_info(self.ctx.db, self.response.id)
        self.state = FormState(self.definition, self.answers, lang=self.label_lang())
        for repeat in self.repeats.values():
            self._fill_repeat(repeat)
        for path, widget in self.widgets.items():
            widget.set_value(self.answers.get(path))
        self._refresh()
        self.status_changed.emit(self.response.status)

    def _focus_first_in(self, repeat_path: str) -> None:
        indexes = self.state.instances(repeat_path) if self.state else []
        if not indexes:
            return
        prefix = repeat_instance(repeat_path, indexes[-1])
        for path, widget in self.widgets.items():
            if path.startswith(prefix + "/") and widget.editor is not None:
                QTimer.singleShot(0, widget.focus_editor)
                return

    # -- state on screen --------------------------------------------------------------------

    def _refresh(self) -> None:
        """Relevance, messages and section progress from a fresh FormState."""
        if self.definition is None:
            return
        self.state = FormState(self.definition, self.answers, lang=self.label_lang())
        lang = self.ctx.lang
        for path, container in self.containers.items():
            _show(container, self.state.relevant(path))
        for path, repeat in self.repeats.items():
            repeat.set_count(self.state.repeat_count(path))
        for path, widget in self.widgets.items():
            relevant = self.state.relevant(path)
            _show(widget, relevant)
            if widget.question.choice_filter:
                widget.set_available({c.name for c in self.state.choices(path)})
            if widget.question.readonly and widget.editor is not None:
                widget.editor.setEnabled(not self.state.is_readonly(path))
            if not relevant or not widget.question.takes_answer:
                widget.show_error(None)
                continue
            message = self.state.error_for(path, lang)
            if message and not self.show_all_errors and not self.answers.get(path):
                message = None  # a missing answer is only pointed out on "Check answers"
            widget.show_error(message)
        progress = {p.name: p for p in self.state.section_progress()}
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            name = item.data(Qt.ItemDataRole.UserRole)
            box = self.section_boxes.get(name)
            title = box.title() if box is not None else name
            p = progress.get(name)
            if p is None:
                item.setText(title)
                continue
            # a tick only for a section seen (gone to, or with answers) and complete; the counts
            # are the questions answered of those asked, required or not
            seen = name in self.visited or p.filled > 0
            tick = "✓" if seen and p.answered == p.required and p.errors == 0 else "•"
            item.setText(f"{tick} {title}\u00a0({p.filled}/{p.relevant})")  # the count never wraps alone
            item.setToolTip(self.tr("{filled} of {relevant} questions answered ({answered} of {required} "
                                    "required), {errors} to look at").format(
                filled=p.filled, relevant=p.relevant, answered=p.answered, required=p.required,
                errors=p.errors))

    def check_answers(self) -> dict[str, str]:
        """Show every message, required ones included; returns them by path."""
        self.show_all_errors = True
        self._refresh()
        errors = self.state.errors(self.ctx.lang) if self.state else {}
        if errors:
            first = next(iter(errors))
            widget = self.widgets.get(first)
            if widget is not None:
                self.scroll.ensureWidgetVisible(widget)
                widget.focus_editor()
        return errors

    def is_complete(self) -> bool:
        return bool(self.state and self.state.is_complete())

    # -- sections ---------------------------------------------------------------------------

    def _goto_section(self, row: int) -> None:
        item = self.sections.item(row)
        if item is None:
            return
        box = self.section_boxes.get(item.data(Qt.ItemDataRole.UserRole))
        if item.data(Qt.ItemDataRole.UserRole) not in self.visited:
            self.visited.add(item.data(Qt.ItemDataRole.UserRole))
            QTimer.singleShot(0, self._refresh)  # its tick, once seen
        if box is not None:
            self.scroll.verticalScrollBar().setValue(box.y())
            for widget in self.widgets.values():
                if widget.isVisibleTo(self) and box.isAncestorOf(widget) and widget.editor is not None:
                    widget.focus_editor()
                    break

    def _step_section(self, step: int) -> None:
        row = max(0, min(self.sections.count() - 1, self.sections.currentRow() + step))
        self.sections.setCurrentRow(row)

    # -- hooks for pages --------------------------------------------------------------------

    def add_answer_action(self, text: Callable[[], str],
                          callback: Callable[[str, str, int, int], None]) -> None:
        """An entry in every answer's context menu; ``callback(path, selected text, start,
        end)`` (the selection is empty when nothing is selected)."""
        self.actions.append(AnswerAction(text, callback))

    def set_marker(self, path: str, text: str | None) -> None:
        if text:
            self.markers[path] = text
        else:
            self.markers.pop(path, None)
        widget = self.widgets.get(path)
        if widget is not None:
            widget.set_marker(text)

    def set_notes_visible(self, visible: bool) -> None:
        self.notes_visible = visible
        for widget in self.widgets.values():
            widget.enable_notes(visible)
            widget.set_note(self.notes.get(widget.path))

    def text_editor(self, path: str) -> QLineEdit | QPlainTextEdit | None:
        widget = self.widgets.get(path)
        return widget.text_editor() if widget else None

    def focus_first(self) -> None:
        for widget in self.widgets.values():
            if widget.isVisibleTo(self) and widget.editor is not None:
                widget.focus_editor()
                return

    def focus_question(self, path: str) -> None:
        widget = self.widgets.get(path)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            widget.focus_editor()

    def _context_menu(self, path: str, position) -> None:  # noqa: ANN001 - a QPoint
        if not self.actions:
            return
        selected, start, end = self._selection(path)
        menu = QMenu(self)
        for action in self.actions:
            entry = QAction(action.text(), menu)
            entry.triggered.connect(lambda _=False, a=action: a.callback(path, selected, start, end))
            menu.addAction(entry)
        menu.popup(position)

    def _selection(self, path: str) -> tuple[str, int, int]:
        editor = self.text_editor(path)
        widget = self.widgets.get(path)
        if widget is not None and widget.notes is not None and widget.notes.hasFocus():
            editor = widget.notes
        if isinstance(editor, QPlainTextEdit):
            cursor = editor.textCursor()
            return cursor.selectedText().replace("\u2029", "\n"), cursor.selectionStart(), cursor.selectionEnd()
        if isinstance(editor, QLineEdit) and editor.hasSelectedText():
            start = editor.selectionStart()
            return editor.selectedText(), start, start + len(editor.selectedText())
        return "", 0, 0

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self.label_lang()
        self.language_label.setText(self.tr("Form &language:"))
        with QSignalBlocker(self.language):
            self.language.clear()
            self.language.addItem(self.tr("as the interface"), None)
            for code in self.definition.languages:
                self.language.addItem(code, code)
            self.language.setCurrentIndex(max(0, self.language.findData(self.form_lang)))
        for widget in (self.language, self.language_label):
            widget.setVisible(bool(self.definition.languages))
        for path, box in self.section_boxes.items():
            q = self.definition.find(path) if path else None
            box.setTitle(q.label(lang) if q else self.tr("General"))
        for path, container in self.containers.items():
            if path in self.section_boxes:
                continue
            q = self.definition.find(_definition_path(path))
            if isinstance(container, TitledBox) and q is not None and not q.is_repeat:
                container.setTitle(q.label(lang))
        for widget in self.widgets.values():
            widget.retranslate(lang)
        for repeat in self.repeats.values():
            repeat.retranslate(lang)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self.definition is not None:
            self.retranslate()
        super().changeEvent(event)


def save_error_text(exc: BaseException) -> str:
    """What a user reads about a failed save: the service's own message, never a database
    driver's text (SQL and bound values); the log keeps the details."""
    from ..files import StorageError
    from ..services.responses import ResponseError

    if isinstance(exc, (ResponseError, StorageError)):  # translated messages of their own
        return str(exc)
    log.error("save failed", exc_info=exc)
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError) and "connection" in str(exc).lower():
        return QCoreApplication.translate(
            "FormView", "The connection to the database server was lost. Nothing was saved: "
            "check the network connection or the VPN, then try again.")
    return QCoreApplication.translate(
        "FormView", "The database refused the save ({error}). Nothing was saved: try again; "
        "the log has the details.").format(error=type(exc).__name__)


def _show(widget: QWidget, visible: bool) -> None:
    """``setVisible`` only when it changes something: a widget not hidden yet shows with its
    parent, and setVisible(True) on it would polish it (and its children) one by one."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def _inside_composite(widget: QWidget, stop: QWidget) -> bool:
    """A combo box's line edit, a line edit's clear button: not tab stops of their own."""
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, (QComboBox, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


class _Declined(Exception):
    """The user chose not to change a validated response."""


def _definition_path(path: str) -> str:
    from ..forms.definition import definition_path

    return definition_path(path)


def _with_status(response, status: str):  # noqa: ANN001, ANN202 - a ResponseInfo
    from dataclasses import replace

    return replace(response, status=status)
