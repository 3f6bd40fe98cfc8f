"""Entry of one response through its XLSForm: sections as a scrolling outline with a section
list, live relevance, required marks, inline messages, autosave of every field commit, undo.

Keyboard: Tab moves through the fields (multi-line answers too), Ctrl+PgDown / Ctrl+PgUp jump
to the next / previous section, Ctrl+Return checks the answers. Every commit (Enter, Tab,
focus leaving, a choice clicked) is one undoable command that saves in one short transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..forms.definition import FormDefinition, Question, repeat_instance
from ..forms.engine import FormState
from .attachment_editor import AttachmentEditor
from .context import UiContext
from .question_widget import AnswerAction, QuestionWidget
from .repeat_widget import RepeatWidget, TitledBox
from .undo import SaveValueCommand
from .wrap_label import PlainHint

log = logging.getLogger(__name__)


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
        self.page = _Page()
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
        # the questions and repeats were just made in this language: the rest only (it ends
        # with _refresh(): relevance, messages, progress)
        self.retranslate(built=True)
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
                        widget.hide_hint()
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

    def retranslate(self, built: bool = False) -> None:
        """Every text in the interface's or the form's language; ``built``: the questions and
        repeats have just been made in it (each set its own texts once)."""
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
        if not built:
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


class _Page(PlainHint, QWidget):
    """The scrolled page of sections. Its size hint leaves out the height for its width: the
    scroll area bounds the hint to 24 lines anyway, and working that height out laid every
    wrapped label of the form out once more, at a width nobody sees (that of about 80
    characters), each time the window was shown or the form reopened."""


def _show(widget: QWidget, visible: bool) -> None:
    """``setVisible`` only when it changes something: a widget not hidden yet shows with its
    parent, and setVisible(True) on it would polish it (and its children) one by one."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


class _Declined(Exception):
    """The user chose not to change a validated response."""


def _definition_path(path: str) -> str:
    from ..forms.definition import definition_path

    return definition_path(path)


def _with_status(response, status: str):  # noqa: ANN001, ANN202 - a ResponseInfo
    from dataclasses import replace

    return replace(response, status=status)
