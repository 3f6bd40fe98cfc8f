"""The call workspace: one window per interview with the interview guide (the lead's
FormView, per-question notes shown), a running call timer that records the actual start and
length, the interviewee's consent, a free notes area that autosaves, and quotes: select words
of an answer, a note or the free notes and "Save selection as quote…" with tags from the
Compact's themes, principles and objectives plus free tags. Every edit is undoable (the
window shares the main window's undo stack, Ctrl+Z / Ctrl+Shift+Z work here too).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .colours import text_style
from .context import UiContext
from .quote_dialog import QuoteDialog, short_tag
from .undo import SaveValueCommand
from .widgets_common import (
    CallbackCommand,
    commit_editor,
    duration_text,
    editor_selection,
    error_label,
    select_range,
)

NOTES_IDLE_MS = 1500
_OPEN: dict[str, CallWorkspace] = {}


def open_workspace(ctx: UiContext, interview_id: str, parent: QWidget | None = None) -> CallWorkspace:
    """Show the interview's workspace (the one already open, raised, if there is one)."""
    existing = _OPEN.get(interview_id)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    workspace = CallWorkspace(ctx, interview_id, parent)
    _OPEN[interview_id] = workspace
    workspace.destroyed.connect(lambda _=None, key=interview_id: _OPEN.pop(key, None))
    workspace.show()
    return workspace


class NotesEdit(QPlainTextEdit):
    """The free notes: commits when focus leaves, and after a pause in typing."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(NOTES_IDLE_MS)
        self.idle.timeout.connect(self.committed.emit)
        self.textChanged.connect(self.idle.start)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.idle.stop()
        self.committed.emit()
        super().focusOutEvent(event)


# --- the workspace ----------------------------------------------------------------------------


class CallWorkspace(QWidget):
    """One interview's call. ``call_stopped`` fires after the length was recorded."""

    call_stopped = Signal(int)

    def __init__(self, ctx: UiContext, interview_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from ..services import calls, interviews

        self.ctx = ctx
        self.interview_id = interview_id
        self.info = interviews.interview(ctx.db, interview_id)
        self.setObjectName("call_workspace")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1280, 820)
        self.last_editor: QWidget | None = None
        self.quotes: list = []

        self.title = QLabel(self)
        self.title.setObjectName("workspace_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.when = QLabel(self)
        self.when.setObjectName("workspace_when")
        self.when.setTextFormat(Qt.TextFormat.PlainText)

        # timer
        self.timer_box = QGroupBox(self)
        self.clock = QLabel("0:00:00", self.timer_box)
        self.clock.setObjectName("call_clock")
        clock_font = self.clock.font()
        clock_font.setPointSizeF(clock_font.pointSizeF() * 2)
        clock_font.setBold(True)
        self.clock.setFont(clock_font)
        self.start_button = QPushButton(self.timer_box)
        self.start_button.setObjectName("call_start")
        self.start_button.clicked.connect(self.start_call)
        self.pause_button = QPushButton(self.timer_box)
        self.pause_button.setObjectName("call_pause")
        self.pause_button.clicked.connect(self.pause_call)
        self.stop_button = QPushButton(self.timer_box)
        self.stop_button.setObjectName("call_stop")
        self.stop_button.clicked.connect(self.stop_call)
        self.call_state = QLabel(self.timer_box)
        self.call_state.setObjectName("call_state")
        self.call_state.setTextFormat(Qt.TextFormat.PlainText)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.start_button)
        timer_row.addWidget(self.pause_button)
        timer_row.addWidget(self.stop_button)
        timer_layout = QVBoxLayout(self.timer_box)
        timer_layout.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignHCenter)
        timer_layout.addLayout(timer_row)
        timer_layout.addWidget(self.call_state)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._show_clock)
        self.running = QElapsedTimer()
        self.accumulated = self.info.actual_seconds or 0

        # consent
        self.consent_box = QGroupBox(self)
        self.consent = QComboBox(self.consent_box)
        self.consent.setObjectName("consent")
        self.consent.activated.connect(self._consent_chosen)
        self.validate_notes = QCheckBox(self.consent_box)
        self.validate_notes.setObjectName("consent_validate_notes")
        self.validate_notes.clicked.connect(self._validate_notes_clicked)
        consent_layout = QFormLayout(self.consent_box)
        self.consent_label = QLabel(self.consent_box)
        consent_layout.addRow(self.consent_label, self.consent)
        consent_layout.addRow(self.validate_notes)

        # free notes
        self.notes_box = QGroupBox(self)
        self.notes_edit = NotesEdit(self.notes_box)
        self.notes_edit.setObjectName("free_notes")
        self.notes_edit.setPlainText(self.info.notes or "")
        self.notes_read = self.info.notes  # the call notes as this window last read or saved them
        self.notes_edit.committed.connect(self._commit_notes)
        self.notes_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes_edit.customContextMenuRequested.connect(self._notes_menu)
        self.notes_saved = QLabel(self.notes_box)
        self.notes_saved.setObjectName("notes_saved")
        self.notes_saved.setStyleSheet(text_style("muted", self.notes_saved))
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(self.notes_edit)
        notes_layout.addWidget(self.notes_saved)

        # quotes
        self.quotes_box = QGroupBox(self)
        self.quote_list = QListWidget(self.quotes_box)
        self.quote_list.setObjectName("workspace_quotes")
        self.quote_list.setWordWrap(True)
        self.quote_list.itemActivated.connect(lambda item: self.show_quote(item.data(Qt.ItemDataRole.UserRole)))
        self.quote_button = QPushButton(self.quotes_box)
        self.quote_button.setObjectName("save_quote")
        self.quote_button.clicked.connect(self.quote_selection)
        self.remove_quote_button = QPushButton(self.quotes_box)
        self.remove_quote_button.setObjectName("remove_quote")
        self.remove_quote_button.clicked.connect(self.remove_quote)
        self.message = error_label(self, "workspace_message")
        quote_buttons = QHBoxLayout()
        quote_buttons.addWidget(self.quote_button)
        quote_buttons.addWidget(self.remove_quote_button)
        quote_buttons.addStretch(1)
        quotes_layout = QVBoxLayout(self.quotes_box)
        quotes_layout.addWidget(self.quote_list)
        quotes_layout.addLayout(quote_buttons)

        # the guide
        from .form_view import FormView

        self.form = FormView(ctx, self)
        self.form.setObjectName("interview_form")
        self.form.set_notes_visible(True)
        self.form.add_answer_action(lambda: self.tr("Save selection as quote…"), self._quote_from_answer)
        from .followups_page import attach_answer_tools

        self.answer_tools = attach_answer_tools(ctx, self.form, self)
        if self.info.response_id:
            from ..services import calls, interviews

            calls.prefill_guide(ctx.db, self.interview_id, ctx.actor)  # Q2, Q3 when empty
            self.form.open_response(self.info.response_id)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.timer_box)
        side_layout.addWidget(self.consent_box)
        side_layout.addWidget(self.notes_box, 2)
        side_layout.addWidget(self.quotes_box, 1)
        side_layout.addWidget(self.message)
        splitter = QSplitter(self)
        splitter.addWidget(self.form)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence.StandardKey.Undo, self, ctx.undo.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, ctx.undo.redo)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.quote_selection)
        QShortcut(QKeySequence("Ctrl+Shift+T"), self, self.toggle_call)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        ctx.bus.data_changed.connect(self._data_changed)
        if parent is not None:  # the main window closing ends this window too (notes saved)
            parent.window().installEventFilter(self)
        self.retranslate()
        self._show_info()
        self.reload_quotes()

    # -- display ----------------------------------------------------------------------------

    def _show_info(self) -> None:
        from ..domain.interviews import consent_allows_publication
        from ..services.interviews import state_label

        info, lang = self.info, self.ctx.lang
        who = info.speaker() or self.tr("(no contact)")
        self.title.setText(self.tr("Interview — {acronym} — {who}").format(acronym=info.acronym(lang), who=who))
        self.setWindowTitle(self.tr("Call workspace — {acronym}").format(acronym=info.acronym(lang)))
        self.when.setText(self.tr("{when} · {minutes} min · {state}").format(
            when=info.when_text(self.ctx.prefs.time_zone), minutes=info.planned_minutes,
            state=state_label(info.status)))
        with QSignalBlocker(self.consent):
            self.consent.setCurrentIndex(max(0, self.consent.findData(info.consent)))
        with QSignalBlocker(self.validate_notes):
            self.validate_notes.setChecked(info.consent_validate_notes)
        if not self.tick.isActive():
            self.accumulated = info.actual_seconds or 0
            self.clock.setText(duration_text(self.accumulated))
        can_call = info.status in ("planned", "questions_sent", "held")
        running = self.tick.isActive()
        self.start_button.setEnabled(can_call and not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running or (self.accumulated > 0 and info.status != "held" and can_call))
        if running:
            self.call_state.setText(self.tr("Call in progress"))
        elif info.actual_start_utc is not None:
            from ..domain.timezones import from_utc_naive

            local = from_utc_naive(info.actual_start_utc, self.ctx.prefs.time_zone)
            self.call_state.setText(self.tr("Started {when}; length {length}").format(
                when=f"{local:%Y-%m-%d %H:%M}", length=duration_text(info.actual_seconds) or "—"))
        else:
            self.call_state.setText(self.tr("Not started"))
        self.quote_button.setToolTip(
            "" if consent_allows_publication(info.consent)
            else self.tr("Quotes can be saved; clearing them for publication needs consent."))

    def _seconds(self) -> int:
        extra = self.running.elapsed() // 1000 if self.tick.isActive() and self.running.isValid() else 0
        return int(self.accumulated + extra)

    def _show_clock(self) -> None:
        self.clock.setText(duration_text(self._seconds()))

    # -- the timer --------------------------------------------------------------------------

    def start_call(self) -> None:
        from ..services import calls
        from ..services.catalogue import ValidationError

        if self.tick.isActive():
            return
        try:
            self.info = calls.start_call(self.ctx.db, self.interview_id, self.ctx.actor)
        except ValidationError as exc:
            self._message(str(exc))
            return
        self.running.start()
        self.tick.start()
        self._show_info()
        self._show_clock()
        if calls.prefill_guide(self.ctx.db, self.interview_id, self.ctx.actor):
            self.form.open_response(self.info.response_id)  # shows the date just filled in
        self.ctx.bus.notify("interview", [self.interview_id])

    def pause_call(self) -> None:
        if not self.tick.isActive():
            return
        self.accumulated = self._seconds()
        self.tick.stop()
        self.running.invalidate()
        self._show_info()
        self._show_clock()

    def toggle_call(self) -> None:
        (self.pause_call if self.tick.isActive() else self.start_call)()

    def stop_call(self) -> None:
        """End the call: its length is recorded and a planned interview becomes held."""
        from ..services import calls, interviews
        from ..services.catalogue import ValidationError

        seconds = self._seconds()
        self.tick.stop()
        self.running.invalidate()
        self.accumulated = seconds
        db, actor = self.ctx.db, self.ctx.actor
        try:
            change = calls.stop_call(db, self.interview_id, seconds, actor)
        except ValidationError as exc:
            self._message(str(exc))
            return
        self.info = change.interview
        holder = [change]

        def undo() -> None:
            self.info = interviews.revert(db, holder[0], actor)
            self._after_change()

        def redo() -> None:
            holder[0] = calls.stop_call(db, self.interview_id, seconds, actor)
            self.info = holder[0].interview
            self._after_change()

        if change.old != change.new:
            self.ctx.undo.push(CallbackCommand(self.tr("End the call"), undo, redo, self._failed))
        self._after_change()
        self.call_stopped.emit(seconds)

    def _after_change(self) -> None:
        self._show_info()
        self.ctx.bus.notify("interview", [self.interview_id])
        self.ctx.bus.notify("followup", [])

    # -- consent ----------------------------------------------------------------------------

    def _consent_chosen(self) -> None:
        self.set_consent(self.consent.currentData())

    def set_consent(self, consent: str) -> None:
        self._change(lambda: self._calls().set_consent(self.ctx.db, self.interview_id, consent, self.ctx.actor),
                     self.tr("Consent: {value}").format(value=self._consent_names().get(consent, consent)))

    def _validate_notes_clicked(self, checked: bool) -> None:
        self._change(
            lambda: self._calls().set_validate_notes(self.ctx.db, self.interview_id, checked, self.ctx.actor),
            self.tr("Notes to be validated") if checked else self.tr("Notes not to be validated"))

    def _services(self):  # noqa: ANN202 - the interviews service module
        from ..services import interviews

        return interviews

    def _calls(self):  # noqa: ANN202 - the calls service module
        from ..services import calls

        return calls

    def _change(self, do: Callable[[], object], text: str) -> None:
        from ..services.catalogue import ValidationError

        db, actor = self.ctx.db, self.ctx.actor
        try:
            change = do()
        except ValidationError as exc:
            self._message(str(exc))
            self._show_info()
            return
        self.info = change.interview
        holder = [change]

        def undo() -> None:
            self.info = self._services().revert(db, holder[0], actor)
            self._after_change()
            self.ctx.bus.notify("quote", [])

        def redo() -> None:
            holder[0] = do()
            self.info = holder[0].interview
            self._after_change()
            self.ctx.bus.notify("quote", [])

        if change.old != change.new:
            self.ctx.undo.push(CallbackCommand(text, undo, redo, self._failed))
        self._after_change()
        if change.effects.uncleared_quotes:
            self.ctx.bus.notify("quote", list(change.effects.uncleared_quotes))
            self._message(self.tr("%n quote(s) no longer cleared for publication.", "",
                                  len(change.effects.uncleared_quotes)), error=False)

    # -- free notes -------------------------------------------------------------------------

    def _commit_notes(self) -> None:
        text = self.notes_edit.toPlainText()
        old = self.info.notes or ""
        if text == old:
            return
        db, actor, interview_id = self.ctx.db, self.ctx.actor, self.interview_id

        def save(value: object) -> None:
            from ..services import calls, interviews
            from ..services.conflicts import EditConflict
            from .conflict_dialog import KEEP_MINE, KeptTheirs

            expected = self.notes_read  # someone else's save since is shown, not overwritten
            while True:
                try:
                    self.info = calls.set_notes(db, interview_id, str(value or ""), actor,
                                                     expected=expected)
                    break
                except EditConflict as conflict:
                    choice = self.ctx.dialogs.resolve_conflict(
                        self.tr("Call notes"), conflict.theirs, conflict.yours, conflict.actor,
                        conflict.at, note=True)
                    if choice != KEEP_MINE:
                        self.info = interviews.interview(db, interview_id)
                        self.notes_read = self.info.notes
                        with QSignalBlocker(self.notes_edit):
                            self.notes_edit.setPlainText(self.info.notes or "")
                        self.notes_edit.idle.stop()
                        raise KeptTheirs() from None
                    expected = conflict.theirs
            self.notes_read = self.info.notes
            if self.notes_edit.toPlainText() != (self.info.notes or ""):
                with QSignalBlocker(self.notes_edit):
                    self.notes_edit.setPlainText(self.info.notes or "")
                self.notes_edit.idle.stop()
            self.notes_saved.setText(self.tr("Notes saved."))
            self.ctx.bus.notify("quote", [])

        self.ctx.undo.push(SaveValueCommand(self.tr("Edit the call notes"), old, text, save, self._failed))

    def _notes_menu(self, pos) -> None:  # noqa: ANN001 - a QPoint
        menu = self.notes_edit.createStandardContextMenu()
        menu.addSeparator()
        action = QAction(self.tr("Save selection as quote…"), menu)
        action.setEnabled(self.notes_edit.textCursor().hasSelection())
        action.triggered.connect(self.quote_selection)
        menu.addAction(action)
        menu.popup(self.notes_edit.mapToGlobal(pos))

    # -- quotes -----------------------------------------------------------------------------

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and isinstance(new, QPlainTextEdit | QLineEdit) and self.isAncestorOf(new):
            self.last_editor = new

    def _locate(self, editor: QWidget | None) -> tuple[str, str | None] | None:
        """(field, path) of a text editor of this window: the free notes, an answer, a note."""
        if editor is None:
            return None
        if editor is self.notes_edit:
            return "notes", None
        for path, widget in self.form.widgets.items():
            if editor is widget.text_editor():
                return "value", path
            if editor is widget.notes:
                return "note", path
        return None

    def current_selection(self) -> tuple[str, str | None, str, int, int, QWidget] | None:
        """(field, path, text, start, end, editor) of the selected words: the editor used last
        first, then any editor of the window holding a selection."""
        candidates: list[QWidget] = []
        if self.last_editor is not None:
            candidates.append(self.last_editor)
        candidates.append(self.notes_edit)
        for widget in self.form.widgets.values():
            candidates += [w for w in (widget.text_editor(), widget.notes) if w is not None]
        for editor in candidates:
            where = self._locate(editor)
            selected = editor_selection(editor)
            if where and selected and selected[0].strip():
                return where[0], where[1], selected[0], selected[1], selected[2], editor
        return None

    def quote_selection(self) -> QuoteDialog | None:
        selection = self.current_selection()
        if selection is None:
            self._message(self.tr("Select some words of an answer, of a note or of the call notes first."))
            return None
        field, path, text, start, end, editor = selection
        return self.open_quote_dialog(field, path, text, start, end, editor)

    def _quote_from_answer(self, path: str, text: str, start: int, end: int) -> None:
        widget = self.form.widgets.get(path)
        field, editor = "value", widget.text_editor() if widget else None
        if widget is not None and widget.notes is not None:
            selected = editor_selection(widget.notes)
            if selected and selected[0] == text and (selected[1], selected[2]) == (start, end):
                field, editor = "note", widget.notes
        if not text.strip():
            self._message(self.tr("Select some words of the answer first, then choose “Save selection as quote…”."))
            return
        self.open_quote_dialog(field, path, text, start, end, editor)

    def open_quote_dialog(self, field: str, path: str | None, text: str, start: int, end: int,
                          editor: QWidget | None = None) -> QuoteDialog:
        from ..services import quotes

        # The quote is anchored in the saved text: save what the editor holds first.
        if field == "notes":
            self.notes_edit.idle.stop()
            self._commit_notes()
        else:
            commit_editor(editor)
        db, actor, info = self.ctx.db, self.ctx.actor, self.info

        def submit(tags: tuple[str, ...], cleared: bool):  # noqa: ANN202 - QuoteInfo
            saved = quotes.save_quote(
                db, text=text, start=start, end=end, actor=actor, response_id=info.response_id,
                answer_path=path, field=field, tags=tags, cleared=cleared, interview_id=info.id,
            )

            def undo() -> None:
                quotes.delete_quote(db, saved.id, actor)
                self.ctx.bus.notify("quote", [saved.id])

            def redo() -> None:
                quotes.restore_quote(db, saved.id, actor)
                self.ctx.bus.notify("quote", [saved.id])

            self.ctx.undo.push(CallbackCommand(self.tr("Save a quote"), undo, redo, self._failed))
            self.ctx.bus.notify("quote", [saved.id])
            return saved

        dialog = QuoteDialog(self.ctx, text, info.allows_publication, submit, self, speaker=info.speaker())
        dialog.quote_saved.connect(lambda _q: self.reload_quotes())
        dialog.open()
        return dialog

    def reload_quotes(self) -> None:
        from ..services import quotes

        keep = self.quote_list.currentItem().data(Qt.ItemDataRole.UserRole).id if self.quote_list.currentItem() else None
        self.quotes = quotes.quotes(self.ctx.db, interview_id=self.interview_id)
        self.quote_list.clear()
        for q in self.quotes:
            marks = []
            if q.cleared:
                marks.append(self.tr("cleared"))
            if q.text_changed:
                marks.append(self.tr("text changed"))
            suffix = f"  [{', '.join(marks)}]" if marks else ""
            tags = ", ".join(short_tag(t) for t in q.tags)
            quoted = self.tr("“{text}”").format(text=q.text)  # « … » in French
            item = QListWidgetItem(f"{quoted}  — {tags}{suffix}" if tags else f"{quoted}{suffix}",
                                   self.quote_list)
            item.setData(Qt.ItemDataRole.UserRole, q)
            if q.id == keep:
                self.quote_list.setCurrentItem(item)
        self.remove_quote_button.setEnabled(bool(self.quotes))

    def show_quote(self, quote) -> None:  # noqa: ANN001 - QuoteInfo
        """Bring the quoted words into view, selected."""
        if quote.field == "notes":
            select_range(self.notes_edit, quote.start, quote.end)
            return
        widget = self.form.widgets.get(quote.answer_path or "")
        if widget is None:
            return
        self.form.focus_question(quote.answer_path)
        editor = widget.notes if quote.field == "note" else widget.text_editor()
        select_range(editor, quote.start, quote.end)
        self.last_editor = editor

    def show_quote_id(self, quote_id: str) -> None:
        for q in self.quotes:
            if q.id == quote_id:
                self.show_quote(q)
                return

    def remove_quote(self) -> None:
        from ..services import quotes

        item = self.quote_list.currentItem()
        if item is None:
            return
        quote = item.data(Qt.ItemDataRole.UserRole)
        db, actor = self.ctx.db, self.ctx.actor
        quotes.delete_quote(db, quote.id, actor)

        def undo() -> None:
            quotes.restore_quote(db, quote.id, actor)
            self.ctx.bus.notify("quote", [quote.id])

        def redo() -> None:
            quotes.delete_quote(db, quote.id, actor)
            self.ctx.bus.notify("quote", [quote.id])

        self.ctx.undo.push(CallbackCommand(self.tr("Remove a quote"), undo, redo, self._failed))
        self.ctx.bus.notify("quote", [quote.id])
        self.reload_quotes()

    # -- messages, refresh, language --------------------------------------------------------

    def _message(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet(text_style("error" if error else "success", self.message))
        self.message.setText(text)
        self.message.show()

    def _failed(self, exc: BaseException) -> None:
        from .conflict_dialog import KeptTheirs

        if not isinstance(exc, KeptTheirs):  # the user chose the other person's text: no error
            self.ctx.dialogs.error(self.tr("Not saved"), str(exc))

    def _data_changed(self, kind: str, ids: list) -> None:
        from ..services import interviews
        from ..services.catalogue import ValidationError

        if kind == "quote":
            self.reload_quotes()
        elif kind == "interview" and (not ids or self.interview_id in ids):
            try:
                self.info = interviews.interview(self.ctx.db, self.interview_id)
            except ValidationError:
                self.close()  # the interview was removed (its planning undone)
                return
            if not self.notes_edit.hasFocus() and self.notes_edit.toPlainText() != (self.info.notes or ""):
                with QSignalBlocker(self.notes_edit):
                    self.notes_edit.setPlainText(self.info.notes or "")
            if self.notes_edit.toPlainText() == (self.info.notes or ""):
                self.notes_read = self.info.notes  # shown as stored
            self._show_info()

    def _consent_names(self) -> dict[str, str]:
        from ..services.interviews import consent_label

        return {key: consent_label(key) for key in ("unknown", "named", "quoted", "neither")}

    def retranslate(self) -> None:
        self.timer_box.setTitle(self.tr("Call"))
        self.start_button.setText(self.tr("&Start"))
        self.start_button.setToolTip(self.tr("Start or resume the call timer (Ctrl+Shift+T)"))
        self.pause_button.setText(self.tr("&Pause"))
        self.stop_button.setText(self.tr("&End the call"))
        self.consent_box.setTitle(self.tr("Consent"))
        self.consent_label.setText(self.tr("The interviewee:"))
        with QSignalBlocker(self.consent):
            self.consent.clear()
            for key, text in self._consent_names().items():
                self.consent.addItem(text, key)
        self.validate_notes.setText(self.tr("wants to &validate the notes before they are used"))
        self.notes_box.setTitle(self.tr("Call notes (saved as you type)"))
        self.notes_edit.setPlaceholderText(self.tr("Free notes of the call…"))
        self.quotes_box.setTitle(self.tr("Quotes from this interview"))
        self.quote_button.setText(self.tr("Save selection as &quote…"))
        self.remove_quote_button.setText(self.tr("Remove the quote"))
        from . import access

        self.consent_label.setBuddy(self.consent)
        access.name(self.consent, self.tr("Consent of the interviewee"))
        access.name(self.notes_edit, self.tr("Call notes"))
        access.view(self.quote_list, self.tr("Quotes from this interview"))
        self._show_info()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible():
                self.reload_quotes()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 - Qt API
        if event.type() == QEvent.Type.Close and watched is not self and (self.isVisible() or self.tick.isActive()):
            self._window_closing = True  # the program closes: the call ends, its length is kept
            self.close()
        return False

    def _ask_about_running_call(self) -> str:
        """"end", "keep" (the window hides, the timer runs on) or "cancel"."""
        answer = self.ctx.dialogs.choose(
            self.tr("The call is running"),
            self.tr("The call timer is running ({time}). End the call now (its length is recorded), or "
                    "keep it running and hide this window (“Open the call workspace” brings it back)?")
            .format(time=duration_text(self._seconds())),
            [("end", self.tr("&End the call")), ("keep", self.tr("&Keep it running"))],
            cancel="cancel",
        )
        return answer or "cancel"

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.notes_edit.idle.stop()
        self._commit_notes()
        if self.tick.isActive() and not getattr(self, "_window_closing", False):
            choice = self._ask_about_running_call()
            if choice != "end":
                event.ignore()
                if choice == "keep":
                    self.hide()
                return
        if self.tick.isActive():  # ending the call: its length is kept
            self.stop_call()
        app = QApplication.instance()
        if app is not None:
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
        try:
            self.ctx.bus.data_changed.disconnect(self._data_changed)
        except (RuntimeError, TypeError):
            pass
        _OPEN.pop(self.interview_id, None)
        super().closeEvent(event)
