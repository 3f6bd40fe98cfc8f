"""Follow-ups: the page listing and editing them (the selected mechanism's, or all), marking
the questionnaire as sent (which creates its reminder), and the answer tools every form view
gets: "Ask for clarification…" from an answer's context menu, with a marker beside the answer
while the clarification is open, and "Code selection…" (the codebook). Every edit autosaves
as one undoable command.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .bus import RefreshWhenShown
from .colours import border_style, colour
from .context import UiContext
from .undo import SaveValueCommand
from .widgets_common import CallbackCommand, error_label, plain_item

KINDS = ("send_questionnaire", "reminder", "schedule_interview", "clarify_answer", "send_notes", "other")


def due_text(value: datetime | None, zone: str) -> str:
    from ..domain.timezones import from_utc_naive

    return f"{from_utc_naive(value, zone):%Y-%m-%d %H:%M}" if value else ""


class CommitTextEdit(QPlainTextEdit):
    committed = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.committed.emit()
        super().focusOutEvent(event)


# --- clarifications ---------------------------------------------------------------------------


class ClarifyDialog(QDialog):
    """Ask for a clarification of one answer: what to clarify, when, by whom. The answer's
    open clarifications are listed, each can be marked done here."""

    clarification_saved = Signal(object)

    def __init__(self, ctx: UiContext, response_id: str, path: str, question: str, selected: str,
                 tools: AnswerTools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.response_id, self.path, self.tools = ctx, response_id, path, tools
        self.setObjectName("clarify_dialog")
        self.setWindowTitle(self.tr("Ask for clarification"))
        self.resize(560, 420)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("clarify_notes")
        self.notes.setTabChangesFocus(True)
        if selected.strip():
            from ..domain.typography import quoted

            self.notes.setPlainText(quoted(selected.strip(), ctx.lang))
        zone = ctx.prefs.time_zone
        from ..domain.timezones import from_utc_naive
        from ..persistence.models import utcnow

        default = from_utc_naive(utcnow(), zone) + timedelta(days=3)
        self.due = QLineEdit(f"{default:%Y-%m-%d} 09:00", self)
        self.due.setObjectName("clarify_due")
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM (your time)"))
        self.owner = QLineEdit(ctx.actor, self)
        self.owner.setObjectName("clarify_owner")
        self.existing = QListWidget(self)
        self.existing.setObjectName("open_clarifications")
        self.done_button = QPushButton(self.tr("Mark as &done"), self)
        self.done_button.setObjectName("clarification_done")
        self.done_button.clicked.connect(self._mark_done)
        self.error = error_label(self, "clarify_error")
        form = QFormLayout()
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("&What to clarify"), self.notes)
        form.addRow(self.tr("&Due (your time)"), self.due)
        form.addRow(self.tr("&Owner"), self.owner)
        self.existing_label = QLabel(self.tr("Already asked, still open:"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.existing_label)
        layout.addWidget(self.existing)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_existing()
        self.notes.setFocus()
        from . import access

        access.name_from_buddies(self)
        access.view(self.existing, self.tr("Already asked, still open"))

    def _fill_existing(self) -> None:
        from ..services import followups

        items = followups.open_clarifications(self.ctx.db, self.response_id).get(self.path, [])
        self.existing.clear()
        for item in items:
            entry = QListWidgetItem(f"{due_text(item.due_utc, self.ctx.prefs.time_zone)} — {item.notes or ''}",
                                    self.existing)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
        if items:
            self.existing.setCurrentRow(0)
        for widget in (self.existing_label, self.existing, self.done_button):
            widget.setVisible(bool(items))

    def _mark_done(self) -> None:
        item = self.existing.currentItem()
        if item is not None:
            set_status_undoable(self.ctx, item.data(Qt.ItemDataRole.UserRole), "done", self._failed)
            self._fill_existing()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def _accept(self) -> None:
        from ..services import followups
        from ..services.catalogue import ValidationError

        try:
            due = followups.parse_due(self.due.text(), self.ctx.prefs.time_zone)
            saved = followups.clarify_answer(
                self.ctx.db, self.response_id, self.path, self.ctx.actor,
                notes=self.notes.toPlainText(), due_utc=due, owner=self.owner.text().strip() or self.ctx.actor,
            )
        except ValidationError as exc:
            self._failed(exc)
            if exc.field == "due_utc":
                self.due.setFocus()
                self.due.selectAll()
            return
        push_creation(self.ctx, saved.id, self.tr("Ask for clarification"))
        self.clarification_saved.emit(saved)
        self.accept()


def push_creation(ctx: UiContext, followup_id: str, text: str) -> None:
    """The undo entry of a follow-up just created (undo removes it, redo brings it back)."""
    from ..services import followups

    def undo() -> None:
        followups.delete_followup(ctx.db, followup_id, ctx.actor)
        ctx.bus.notify("followup", [followup_id])

    def redo() -> None:
        followups.restore_followup(ctx.db, followup_id, ctx.actor)
        ctx.bus.notify("followup", [followup_id])

    ctx.undo.push(CallbackCommand(text, undo, redo, lambda exc: ctx.dialogs.error(
        QCoreApplication.translate("FollowUpsPage", "Not saved"), str(exc))))
    ctx.bus.notify("followup", [followup_id])


def set_status_undoable(ctx: UiContext, followup_id: str, status: str, on_error) -> None:  # noqa: ANN001
    """Done / cancelled / open again, as one undoable command."""
    from ..services import followups

    old = followups.followup(ctx.db, followup_id).status
    if old == status:
        return

    def save(value: object) -> None:
        followups.set_followup_status(ctx.db, followup_id, str(value), ctx.actor)
        ctx.bus.notify("followup", [followup_id])

    labels = {"done": QCoreApplication.translate("FollowUpsPage", "Follow-up done"),
              "cancelled": QCoreApplication.translate("FollowUpsPage", "Follow-up cancelled"),
              "open": QCoreApplication.translate("FollowUpsPage", "Follow-up reopened")}
    ctx.undo.push(SaveValueCommand(labels.get(status, status), old, status, save, on_error))


class AnswerTools(QObject):
    """What every form view gets: "Ask for clarification…" and "Code selection…" in each
    answer's context menu, and the clarification markers beside the answers."""

    def __init__(self, ctx: UiContext, form, parent: QObject | None = None) -> None:  # noqa: ANN001 - FormView
        super().__init__(parent)
        self.ctx, self.form = ctx, form
        self.marked: set[str] = set()
        form.add_answer_action(lambda: self.tr("Ask for clarification…"), self.clarify)
        form.add_answer_action(lambda: self.tr("Code selection…"), self.code)
        form.response_opened.connect(lambda _rid: self.refresh_markers())
        ctx.bus.data_changed.connect(self._data_changed)

    def _data_changed(self, kind: str, _ids: list) -> None:
        if kind == "followup":
            self.refresh_markers()

    def refresh_markers(self) -> None:
        from ..services import followups

        response = getattr(self.form, "response", None)
        if response is None:
            return
        open_items = followups.open_clarifications(self.ctx.db, response.id)
        for path in self.marked - set(open_items):
            self.form.set_marker(path, None)
        for path, items in open_items.items():
            due = due_text(items[0].due_utc, self.ctx.prefs.time_zone)
            self.form.set_marker(path, self.tr("Clarification asked (due {due})").format(due=due) if due
                                 else self.tr("Clarification asked"))
        self.marked = set(open_items)

    def _question_text(self, path: str) -> str:
        widget = self.form.widgets.get(path)
        return widget.question.label(self.ctx.lang) if widget is not None else path

    def clarify(self, path: str, selected: str, _start: int = 0, _end: int = 0) -> ClarifyDialog | None:
        response = getattr(self.form, "response", None)
        if response is None:
            return None
        parent = self.form.window()
        dialog = ClarifyDialog(self.ctx, response.id, path, self._question_text(path), selected, self, parent)
        dialog.clarification_saved.connect(lambda _f: self.refresh_markers())
        dialog.finished.connect(lambda _r: self.refresh_markers())
        dialog.open()
        return dialog

    def code(self, path: str, selected: str, start: int, end: int):  # noqa: ANN201 - a dialog or None
        from .codebook_dialog import code_selection

        return code_selection(self.ctx, self.form, path, selected, start, end)


def attach_answer_tools(ctx: UiContext, form, parent: QObject | None = None) -> AnswerTools:  # noqa: ANN001
    """Give a FormView the clarification and coding actions (once)."""
    existing = getattr(form, "_mcim_answer_tools", None)
    if existing is not None:
        return existing
    tools = AnswerTools(ctx, form, parent or form)
    form._mcim_answer_tools = tools
    return tools


# --- the page ---------------------------------------------------------------------------------


class FollowUpsPage(QWidget):
    """Follow-ups of the selected mechanism (or of all), with an editor for the selected one."""

    COLUMNS = 7

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mechanism_id: str | None = None
        self.items: list = []
        self.current_item = None
        self._stale = False

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.sent_label = QLabel(self)
        self.sent_label.setObjectName("questionnaire_sent")
        self.sent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_sent = QPushButton(self)
        self.mark_sent.setObjectName("mark_sent")
        self.mark_sent.clicked.connect(self.mark_questionnaire_sent)
        sent_row = QHBoxLayout()
        sent_row.addWidget(self.sent_label, 1)
        sent_row.addWidget(self.mark_sent)

        self.all_mechanisms = QCheckBox(self)
        self.all_mechanisms.setObjectName("all_mechanisms")
        self.all_mechanisms.toggled.connect(lambda _c: self.reload())
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_followup")
        self.new_button.clicked.connect(self.new_followup)
        filters = QHBoxLayout()
        filters.addWidget(self.all_mechanisms)
        self.show_label = QLabel(self)
        filters.addWidget(self.show_label)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        filters.addWidget(self.new_button)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("followups_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.editor = QGroupBox(self)
        self.kind = QComboBox(self.editor)
        self.kind.setObjectName("followup_kind")
        self.kind.activated.connect(lambda _i: self._commit("kind", self.kind.currentData()))
        self.due = QLineEdit(self.editor)
        self.due.setObjectName("followup_due")
        self.due.editingFinished.connect(self._commit_due)
        self.owner = QLineEdit(self.editor)
        self.owner.setObjectName("followup_owner")
        self.owner.editingFinished.connect(lambda: self._commit("owner", self.owner.text()))
        self.notes = CommitTextEdit(self.editor)
        self.notes.setObjectName("followup_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.notes.committed.connect(lambda: self._commit("notes", self.notes.toPlainText()))
        self.done_button = QPushButton(self.editor)
        self.done_button.setObjectName("followup_done")
        self.done_button.clicked.connect(lambda: self._status("done"))
        self.cancel_button = QPushButton(self.editor)
        self.cancel_button.setObjectName("followup_cancel")
        self.cancel_button.clicked.connect(lambda: self._status("cancelled"))
        self.reopen_button = QPushButton(self.editor)
        self.reopen_button.setObjectName("followup_reopen")
        self.reopen_button.clicked.connect(lambda: self._status("open"))
        self.error = error_label(self, "followup_error")
        self.editor_form = QFormLayout()
        self.kind_label, self.due_label = QLabel(self.editor), QLabel(self.editor)
        self.owner_label, self.notes_label = QLabel(self.editor), QLabel(self.editor)
        self.editor_form.addRow(self.kind_label, self.kind)
        self.editor_form.addRow(self.due_label, self.due)
        self.editor_form.addRow(self.owner_label, self.owner)
        self.editor_form.addRow(self.notes_label, self.notes)
        status_row = QHBoxLayout()
        status_row.addWidget(self.done_button)
        status_row.addWidget(self.cancel_button)
        status_row.addWidget(self.reopen_button)
        status_row.addStretch(1)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(self.editor_form)
        editor_layout.addLayout(status_row)
        editor_layout.addWidget(self.error)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(sent_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.editor)
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: self._status("done"))
        self.refresher = RefreshWhenShown(self, ctx.bus, ("followup", "interview", "response"),
                                          self.reload)
        self.retranslate()
        self._show_editor()

    # -- loading ----------------------------------------------------------------------------

    def show_mechanism(self, mechanism_id: str) -> None:
        self.mechanism_id = mechanism_id
        self.refresher.request(now=True)  # a hidden page loads when it is shown

    def reload(self, select: str | None = None) -> None:
        from ..services import followups

        keep = select or (self.current_item.id if self.current_item else None)
        status = self.status_filter.currentData()
        mechanism = None if self.all_mechanisms.isChecked() else self.mechanism_id
        if mechanism is None and not self.all_mechanisms.isChecked():
            self.items = []
        else:
            self.items = followups.followups(self.ctx.db, status=status or None, mechanism_id=mechanism)
        self._show_sent()
        # one mechanism: its name is in the heading, the column would only push Notes away
        self.table.setColumnHidden(2, not self.all_mechanisms.isChecked())
        self._fill(keep)

    def _show_sent(self) -> None:
        from ..services import catalogue, rounds

        if self.mechanism_id is None:
            self.heading.setText(self.tr("Follow-ups"))
            self.sent_label.setText("")
            self.mark_sent.setEnabled(False)
            return
        card = catalogue.mechanism_card(self.ctx.db, self.mechanism_id)
        self.heading.setText(self.tr("Follow-ups — {acronym}").format(acronym=card.row.acronym(self.ctx.lang)))
        sent = rounds.questionnaire_sent_at(self.ctx.db, self.mechanism_id)
        if sent is None:
            self.sent_label.setText(self.tr("Questionnaire of the current round: not sent yet."))
        else:
            self.sent_label.setText(self.tr("Questionnaire of the current round sent on {when}.").format(
                when=due_text(sent, self.ctx.prefs.time_zone)))
        self.mark_sent.setEnabled(sent is None)

    def _fill(self, select: str | None) -> None:
        from ..services.followups import kind_label, status_label

        zone, lang = self.ctx.prefs.time_zone, self.ctx.lang
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            self.table.setRowCount(len(self.items))
            for r, item in enumerate(self.items):
                cells = (due_text(item.due_utc, zone), kind_label(item.kind), item.acronym(lang),
                         self._about(item), item.owner, status_label(item.status),
                         (item.notes or "").replace("\n", " "))
                for c, text in enumerate(cells):
                    cell = plain_item(text, item.id)
                    if item.status != "open":
                        cell.setForeground(colour("muted", self.table))  # readable: 4.5:1 at least
                    self.table.setItem(r, c, cell)
        row = next((r for r, i in enumerate(self.items) if i.id == select), 0 if self.items else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _about(self, item) -> str:  # noqa: ANN001 - FollowUpInfo
        if item.answer_path:
            number = re.match(r"q(\d+)", item.answer_path.rsplit("/", 1)[-1])
            if number:  # section_2/q4 -> "Answer to question 4", as the forms number them
                return self.tr("Answer to question {n}").format(n=number.group(1))
            return self.tr("Answer {path}").format(path=item.answer_path)
        if item.interview_id:
            return self.tr("Interview")
        if item.response_id:
            return self.tr("Questionnaire")
        return ""

    def select(self, followup_id: str) -> None:
        for r, item in enumerate(self.items):
            if item.id == followup_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        self.current_item = self.items[row] if 0 <= row < len(self.items) else None
        self._show_editor()

    def _show_editor(self) -> None:
        item = self.current_item
        self.editor.setEnabled(item is not None)
        self.error.hide()
        self.due.setStyleSheet("")
        for widget in (self.kind, self.due, self.owner, self.notes):
            widget.blockSignals(True)
        if item is None:
            self.due.clear()
            self.owner.clear()
            self.notes.clear()
        else:
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
            self.due.setText(due_text(item.due_utc, self.ctx.prefs.time_zone))
            self.owner.setText(item.owner)
            if self.notes.toPlainText() != (item.notes or ""):
                self.notes.setPlainText(item.notes or "")
        for widget in (self.kind, self.due, self.owner, self.notes):
            widget.blockSignals(False)
        status = item.status if item else None
        self.done_button.setEnabled(status == "open")
        self.cancel_button.setEnabled(status == "open")
        self.reopen_button.setEnabled(status in ("done", "cancelled"))

    # -- editing ----------------------------------------------------------------------------

    def _commit_due(self) -> None:
        from ..services import followups
        from ..services.catalogue import ValidationError

        if self.current_item is None:
            return
        try:
            value = followups.parse_due(self.due.text(), self.ctx.prefs.time_zone)
        except ValidationError as exc:
            self._show_error(str(exc))
            self.due.setStyleSheet(border_style(self.due))
            return
        self.due.setStyleSheet("")
        self._commit("due_utc", value)

    def _commit(self, field: str, value: object) -> None:
        from ..services import followups
        from ..services.catalogue import ValidationError

        item = self.current_item
        if item is None:
            return
        old = getattr(item, field)
        if field == "notes":
            old, value = old or "", value or ""
        if field == "owner":
            value = str(value).strip()
        if old == value:
            return
        try:
            followups.check_value(field, value)  # refused before it reaches the undo stack
        except ValidationError as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        followup_id = item.id
        captions = {"kind": self.tr("kind"), "due_utc": self.tr("due date"), "owner": self.tr("owner"),
                    "notes": self.tr("notes")}
        read = [getattr(item, field)]  # the value this page last read or saved

        def save(v: object) -> None:
            from ..services.conflicts import EditConflict
            from .conflict_dialog import KEEP_MINE, KeptTheirs

            while True:
                try:
                    followups.update_followup(self.ctx.db, followup_id, field, v, self.ctx.actor,
                                              expected=read[0])
                    break
                except EditConflict as conflict:  # someone else saved it since this page read it
                    choice = self.ctx.dialogs.resolve_conflict(
                        captions.get(field, field), conflict.theirs, conflict.yours,
                        conflict.actor, conflict.at, note=False)
                    read[0] = getattr(followups.followup(self.ctx.db, followup_id), field)
                    if choice != KEEP_MINE:
                        self.reload(select=followup_id)  # the field shows theirs
                        raise KeptTheirs() from None
                    if v == command.new:
                        command.old = read[0]  # undo brings theirs back
            read[0] = v
            self.ctx.bus.notify("followup", [followup_id])
            self.reload(select=followup_id)

        def failed(exc: BaseException) -> None:
            from .conflict_dialog import KeptTheirs

            if not isinstance(exc, KeptTheirs):
                self._show_error(str(exc))

        command = SaveValueCommand(
            self.tr("Follow-up: edit {field}").format(field=captions.get(field, field)), old, value, save,
            failed)
        self.ctx.undo.push(command)

    def _status(self, status: str) -> None:
        if self.current_item is None:
            return
        set_status_undoable(self.ctx, self.current_item.id, status, lambda exc: self._show_error(str(exc)))
        self.reload(select=self.current_item.id if self.current_item else None)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def new_followup(self) -> None:
        """An "other" follow-up for the selected mechanism, due tomorrow 09:00 (your time)."""
        from ..domain.timezones import from_utc_naive, to_utc_naive
        from ..persistence.models import utcnow
        from ..services import followups

        if self.mechanism_id is None:
            return
        zone = self.ctx.prefs.time_zone
        tomorrow = from_utc_naive(utcnow(), zone).date() + timedelta(days=1)
        due = to_utc_naive(datetime.combine(tomorrow, followups.WORKDAY_START), zone)
        item = followups.create_followup(self.ctx.db, kind="other", mechanism_id=self.mechanism_id,
                                         due_utc=due, owner=self.ctx.actor, actor=self.ctx.actor)
        push_creation(self.ctx, item.id, self.tr("New follow-up"))
        if self.status_filter.currentData() not in (None, "", "open"):
            self.status_filter.setCurrentIndex(0)
        self.reload(select=item.id)
        self.notes.setFocus()

    def mark_questionnaire_sent(self) -> object | None:
        """Record the sending (now) and create the reminder before the round's deadline."""
        from ..services import rounds

        if self.mechanism_id is None:
            return None
        db, actor, zone = self.ctx.db, self.ctx.actor, self.ctx.prefs.time_zone
        mechanism_id = self.mechanism_id
        holder = [rounds.mark_questionnaire_sent(db, mechanism_id, actor, zone=zone)]

        def undo() -> None:
            rounds.unmark_questionnaire_sent(db, holder[0], actor)
            self._after_sent(holder[0].response_id)

        def redo() -> None:
            holder[0] = rounds.mark_questionnaire_sent(db, mechanism_id, actor, zone=zone)
            self._after_sent(holder[0].response_id)

        self.ctx.undo.push(CallbackCommand(self.tr("Mark the questionnaire as sent"), undo, redo,
                                           lambda exc: self._show_error(str(exc))))
        self._after_sent(holder[0].response_id)
        return holder[0]

    def _after_sent(self, response_id: str) -> None:
        self.ctx.bus.notify("response", [response_id])
        self.ctx.bus.notify("followup", [])
        self.reload()

    # -- refresh, language ------------------------------------------------------------------

    def retranslate(self) -> None:
        from ..services.followups import kind_label

        self.table.setHorizontalHeaderLabels([
            self.tr("Due (your time)"), self.tr("Kind"), self.tr("Mechanism"), self.tr("About"),
            self.tr("Owner"), self.tr("Status"), self.tr("Notes"),
        ])
        self.mark_sent.setText(self.tr("Mark the questionnaire as &sent"))
        self.mark_sent.setToolTip(self.tr("Records today as the sending date and creates a reminder "
                                          "before the survey round’s deadline."))
        self.all_mechanisms.setText(self.tr("&All mechanisms"))
        self.show_label.setText(self.tr("Sho&w:"))
        self.show_label.setBuddy(self.status_filter)
        with QSignalBlocker(self.status_filter):
            current = self.status_filter.currentData()
            self.status_filter.clear()
            self.status_filter.addItem(self.tr("Open"), "open")
            self.status_filter.addItem(self.tr("Done"), "done")
            self.status_filter.addItem(self.tr("Cancelled"), "cancelled")
            self.status_filter.addItem(self.tr("All"), "")
            self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current or "open")))
        self.new_button.setText(self.tr("&New follow-up"))
        self.editor.setTitle(self.tr("Selected follow-up"))
        with QSignalBlocker(self.kind):
            current_kind = self.kind.currentData()
            self.kind.clear()
            for key in KINDS:
                self.kind.addItem(kind_label(key), key)
            self.kind.setCurrentIndex(max(0, self.kind.findData(current_kind)))
        self.kind_label.setText(self.tr("&Kind"))
        self.kind_label.setBuddy(self.kind)
        self.due_label.setText(self.tr("D&ue (your time)"))
        self.due_label.setBuddy(self.due)
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
        self.owner_label.setText(self.tr("O&wner"))
        self.owner_label.setBuddy(self.owner)
        self.notes_label.setText(self.tr("N&otes"))
        self.notes_label.setBuddy(self.notes)
        self.done_button.setText(self.tr("&Done"))
        self.done_button.setToolTip(self.tr("Ctrl+D"))
        self.cancel_button.setText(self.tr("&Cancel it"))
        self.reopen_button.setText(self.tr("&Reopen"))
        from . import access

        access.name_from_buddies(self)
        access.view(self.table, self.tr("Follow-ups"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresher.request(now=True)  # labels of data (kinds, acronyms) in the new language
        super().changeEvent(event)
