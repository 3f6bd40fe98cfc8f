"""The Interviews page beside the mechanism card: the mechanism's interviews with both local
times ("10:00 Geneva / 03:00 Lima"), planning and rescheduling across time zones, state
buttons, and the way into the call workspace. Every change is one undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .bus import RefreshWhenShown
from .colours import colour, text_style
from .context import UiContext
from .widgets_common import CallbackCommand, duration_text, error_label, plain_item

NEW_CONTACT = "__new__"


def zone_completer(parent: QWidget) -> QCompleter:
    from ..domain.timezones import known_zones

    completer = QCompleter(sorted(known_zones()), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


# --- the plan dialog --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRequest:
    """What the plan dialog hands over once everything in it is valid."""

    contact_id: str | None
    new_contact: object  # ContactInfo | None
    local_start: datetime
    zone: str
    minutes: int


class PlanDialog(QDialog):
    """Plan (or reschedule) an interview: the interviewee (a contact of the mechanism or a new
    one), the date, start and end in the interviewee's zone (prefilled from the contact), and
    a live line with both local times. ``submit(request)`` saves; when it raises, the message
    shows here and the dialog stays open (nothing is saved)."""

    plan_saved = Signal(object)  # what submit returned

    def __init__(self, ctx: UiContext, mechanism_id: str, contacts: tuple, submit: Callable[[PlanRequest], object],
                 parent: QWidget | None = None, *, reschedule_of=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.mechanism_id = mechanism_id
        self.contacts = {c.id: c for c in contacts}
        self.submit = submit
        self.reschedule_of = reschedule_of
        self.setObjectName("plan_dialog")
        self.setWindowTitle(self.tr("Reschedule the interview") if reschedule_of else self.tr("Plan an interview"))
        self.setMinimumWidth(600)

        self.contact = QComboBox(self)
        self.contact.setObjectName("plan_contact")
        for c in contacts:
            self.contact.addItem(self._contact_text(c), c.id)
        self.contact.addItem(self.tr("New contact…"), NEW_CONTACT)
        self.contact.currentIndexChanged.connect(self._contact_changed)

        self.new_box = QGroupBox(self.tr("New contact"), self)
        self.new_name = QLineEdit(self.new_box)
        self.new_name.setObjectName("plan_new_name")
        self.new_title = QLineEdit(self.new_box)
        self.new_title.setObjectName("plan_new_title")
        self.new_institution = QLineEdit(self.new_box)
        self.new_institution.setObjectName("plan_new_institution")
        new_form = QFormLayout(self.new_box)
        new_form.addRow(self.tr("Name"), self.new_name)
        new_form.addRow(self.tr("Title"), self.new_title)
        new_form.addRow(self.tr("Institution"), self.new_institution)

        self.zone = QLineEdit(self)
        self.zone.setObjectName("plan_zone")
        self.zone.setCompleter(zone_completer(self))
        self.zone.setPlaceholderText(self.tr("e.g. America/Lima"))
        self.date = QLineEdit(self)
        self.date.setObjectName("plan_date")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD or DD/MM/YYYY"))
        self.start = QLineEdit(self)
        self.start.setObjectName("plan_start")
        self.start.setPlaceholderText("10:00")
        self.end = QLineEdit(self)
        self.end.setObjectName("plan_end")
        self.end.setPlaceholderText("11:00")
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.end)
        self.preview = QLabel(self)
        self.preview.setObjectName("plan_preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        font = self.preview.font()
        font.setBold(True)
        self.preview.setFont(font)
        self.error = error_label(self, "plan_error")

        self.preview.setMinimumHeight(2 * self.preview.fontMetrics().lineSpacing() + 4)
        times_label = QLabel(self.tr("&From – to (interviewee’s clock)"), self)
        times_label.setBuddy(self.start)
        form = QFormLayout()
        form.addRow(self.tr("&Interviewee"), self.contact)
        form.addRow(self.new_box)
        form.addRow(self.tr("Interviewee’s time &zone"), self.zone)
        form.addRow(self.tr("&Date (interviewee’s calendar)"), self.date)
        form.addRow(times_label, times)
        form.addRow(self.tr("Both local times"), self.preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.zone, self.date, self.start, self.end):
            edit.textChanged.connect(self._update_preview)
        self.setTabOrder(self.contact, self.new_name)
        self.setTabOrder(self.new_name, self.new_title)
        self.setTabOrder(self.new_title, self.new_institution)
        self.setTabOrder(self.new_institution, self.zone)
        self.setTabOrder(self.zone, self.date)
        self.setTabOrder(self.date, self.start)
        self.setTabOrder(self.start, self.end)
        from . import access

        access.name_from_buddies(self)
        access.name(self.end, self.tr("To (interviewee’s clock)"))

        if reschedule_of is not None:
            self._fill_from(reschedule_of)
        else:
            chair = next((c for c in contacts if c.role == "chair"), None)
            if chair is not None:
                self.contact.setCurrentIndex(self.contact.findData(chair.id))
            self._contact_changed()
        self._update_preview()

    def _contact_text(self, c) -> str:  # noqa: ANN001 - ContactInfo
        parts = [c.name] + [p for p in (c.title, c.institution) if p]
        return ", ".join(parts) + (f" ({c.time_zone})" if c.time_zone else "")

    def _fill_from(self, info) -> None:  # noqa: ANN001 - InterviewInfo
        index = self.contact.findData(info.contact_id)
        if index >= 0:
            self.contact.setCurrentIndex(index)
        self.contact.setEnabled(False)
        self.new_box.hide()
        self.zone.setText(info.zone)
        local = info.local_start()
        if local is not None:
            self.date.setText(f"{local:%Y-%m-%d}")
            self.start.setText(f"{local:%H:%M}")
            end = local + (info.planned_end_utc - info.planned_start_utc)
            self.end.setText(f"{end:%H:%M}")

    def _contact_changed(self) -> None:
        key = self.contact.currentData()
        self.new_box.setVisible(key == NEW_CONTACT and self.reschedule_of is None)
        contact = self.contacts.get(key)
        if contact is not None and contact.time_zone:
            self.zone.setText(contact.time_zone)
        elif not self.zone.text():
            self.zone.setText(self.ctx.prefs.time_zone)
        self.adjustSize()

    def _planned(self):  # noqa: ANN202 - PlannedTime; raises ValidationError
        from ..services.interviews import parse_plan

        return parse_plan(self.date.text(), self.start.text(), self.end.text(), self.zone.text())

    def _update_preview(self) -> None:
        from ..services.catalogue import ValidationError

        if self.error.isVisible():  # the message was about what is being corrected
            self.error.hide()
            for edit in (self.zone, self.date, self.start, self.end, self.new_name):
                edit.setAccessibleDescription("")

        if not (self.date.text().strip() and self.start.text().strip() and self.end.text().strip()):
            self.preview.setText("")
            return
        try:
            planned = self._planned()
        except ValidationError as exc:
            self.preview.setStyleSheet(text_style("error", self.preview))
            self.preview.setText(str(exc))
            self._fit_preview()
            return
        from ..domain.interviews import local_date_text

        consultant = self.ctx.prefs.time_zone
        self.preview.setStyleSheet("")
        self.preview.setText(self.tr("{date} · {times} · {minutes} min").format(
            date=local_date_text(planned.start_utc, consultant),
            times=planned.both_times(consultant), minutes=planned.minutes))
        self._fit_preview()

    def _fit_preview(self) -> None:
        """A message longer in French takes three lines: the row grows rather than cut it."""
        lines = 2 * self.preview.fontMetrics().lineSpacing() + 4
        self.preview.setMinimumHeight(max(lines, self.preview.heightForWidth(max(self.preview.width(), 200))))

    def request(self) -> PlanRequest:
        """The request, or ValidationError naming the field at fault."""
        from ..services.catalogue import ContactInfo, ValidationError, validate_contact

        planned = self._planned()
        key = self.contact.currentData()
        new_contact = None
        if key == NEW_CONTACT:
            new_contact = ContactInfo(
                id="", mechanism_id=self.mechanism_id, role="chair", name=self.new_name.text(),
                title=self.new_title.text(), institution=self.new_institution.text(), email=None,
                phone=None, time_zone=planned.zone, revision=0,
            )
            try:
                validate_contact(new_contact)
            except ValidationError as exc:
                raise ValidationError(str(exc), "new_name") from None
        return PlanRequest(None if new_contact else key, new_contact, planned.local_start, planned.zone,
                           planned.minutes)

    def _accept(self) -> None:
        from ..services.catalogue import ValidationError

        try:
            result = self.submit(self.request())
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return
        self.plan_saved.emit(result)
        self.accept()

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if self.preview.text() == text:  # said once, below
            self.preview.setText("")
        widget = {"zone": self.zone, "date": self.date, "start": self.start, "end": self.end,
                  "new_name": self.new_name, "name": self.new_name, "contact": self.contact,
                  "minutes": self.end}.get(field or "")
        if widget is not None:
            widget.setAccessibleDescription(text)  # read with the field
        if widget is not None and widget.isVisible():
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()


# --- the page ---------------------------------------------------------------------------------


class InterviewsPage(QWidget):
    """The selected mechanism's interviews. ``workspace_requested(interview_id)`` asks for the
    call workspace (the install function opens it)."""

    COLUMNS = 6

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mechanism_id: str | None = None
        self.items: list = []
        self.card = None

        self.heading = QLabel(self)
        self.heading.setObjectName("interviews_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.zone_note = QLabel(self)
        self.zone_note.setStyleSheet(text_style("muted", self.zone_note))
        self.zone_note.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("interviews_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the interviewee's name, title and institution are long: a set width, the rest in a tooltip
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(1, 230)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_workspace())
        self.details = QLabel(self)
        self.details.setObjectName("interview_details")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)

        self.plan_button = QPushButton(self)
        self.plan_button.setObjectName("plan_interview")
        self.plan_button.clicked.connect(self.plan)
        self.workspace_button = QPushButton(self)
        self.workspace_button.setObjectName("open_workspace")
        self.workspace_button.clicked.connect(self.open_workspace)
        self.reschedule_button = QPushButton(self)
        self.reschedule_button.setObjectName("reschedule_interview")
        self.reschedule_button.clicked.connect(self.reschedule)
        self.state_buttons: dict[str, QPushButton] = {}
        for state in ("questions_sent", "held", "notes_validated", "closed", "cancelled"):
            button = QPushButton(self)
            button.setObjectName(f"state_{state}")
            button.clicked.connect(lambda _=False, s=state: self.set_state(s))
            self.state_buttons[state] = button
        top = QHBoxLayout()
        top.addWidget(self.plan_button)
        top.addWidget(self.workspace_button)
        top.addWidget(self.reschedule_button)
        top.addStretch(1)
        states = QHBoxLayout()
        self.states_label = QLabel(self)
        states.addWidget(self.states_label)
        for button in self.state_buttons.values():
            states.addWidget(button)
        states.addStretch(1)
        self.empty = QLabel(self)
        self.empty.setObjectName("interviews_empty")
        self.empty.setStyleSheet(text_style("muted", self.empty))
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.zone_note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        layout.addLayout(states)
        # Tab follows the layout: the buttons above the table first
        self.setTabOrder(self.plan_button, self.workspace_button)
        self.setTabOrder(self.workspace_button, self.reschedule_button)
        self.setTabOrder(self.reschedule_button, self.table)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.plan)
        QShortcut(QKeySequence("Ctrl+Shift+W"), self, self.open_workspace)
        self.refresher = RefreshWhenShown(self, ctx.bus, ("interview", "contact", "mechanism"),
                                          self.reload)
        self.retranslate()
        self._selection_changed()

    # -- showing ----------------------------------------------------------------------------

    def show_mechanism(self, mechanism_id: str) -> None:
        self.mechanism_id = mechanism_id
        self.refresher.request(now=True)  # a hidden page loads when it is shown

    def reload(self, select: str | None = None) -> None:
        from ..services import catalogue, interviews

        if self.mechanism_id is None:
            return
        keep = select or self.current_id()
        self.card = catalogue.mechanism_card(self.ctx.db, self.mechanism_id)
        self.items = interviews.interviews_of(self.ctx.db, self.mechanism_id)
        self._show_heading()
        self._fill(keep)

    def _show_heading(self) -> None:
        if self.card is None:
            return
        row, lang = self.card.row, self.ctx.lang
        self.heading.setText(self.tr("Interviews — {acronym}").format(acronym=row.acronym(lang)))
        self.zone_note.setText(self.tr("Times: yours ({zone}) / the interviewee’s.").format(
            zone=self.ctx.prefs.time_zone))

    def _fill(self, select: str | None = None) -> None:
        from ..services.interviews import consent_label, state_label

        zone = self.ctx.prefs.time_zone
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self.items))
            for r, info in enumerate(self.items):
                cells = (
                    info.when_text(zone),
                    info.speaker() or self.tr("(no contact)"),
                    self.tr("{minutes} min").format(minutes=info.planned_minutes),
                    state_label(info.status),
                    consent_label(info.consent),
                    duration_text(info.actual_seconds),
                )
                for c, text in enumerate(cells):
                    item = plain_item(text, info.id)
                    item.setToolTip(text)
                    if info.status in ("cancelled", "rescheduled"):
                        item.setForeground(colour("muted", self.table))  # readable: 4.5:1 at least
                    self.table.setItem(r, c, item)
        row = next((r for r, i in enumerate(self.items) if i.id == select), -1)
        if row < 0:
            upcoming = [r for r, i in enumerate(self.items) if i.status in ("planned", "questions_sent")]
            row = upcoming[0] if upcoming else len(self.items) - 1
        if row >= 0:
            self.table.selectRow(row)
        self.empty.setVisible(not self.items)
        self._selection_changed()

    def current(self):  # noqa: ANN201 - InterviewInfo | None
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows()
        if selected:
            row = selected[0].row()
        if 0 <= row < len(self.items):
            return self.items[row]
        return None

    def current_id(self) -> str | None:
        info = self.current()
        return info.id if info else None

    def select(self, interview_id: str) -> None:
        for r, info in enumerate(self.items):
            if info.id == interview_id:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        from ..domain.interviews import allowed_transitions, can_reschedule
        from ..services.interviews import state_label

        info = self.current()
        self.plan_button.setEnabled(self.mechanism_id is not None)
        self.workspace_button.setEnabled(info is not None and info.response_id is not None)
        self.reschedule_button.setEnabled(info is not None and can_reschedule(info.status))
        allowed = allowed_transitions(info.status) if info else frozenset()
        for state, button in self.state_buttons.items():
            button.setEnabled(state in allowed)
        if info is None:
            self.details.setText("")
            return
        lines = [self.tr("State: {state}").format(state=state_label(info.status))]
        if info.actual_start_utc is not None:
            from ..domain.timezones import from_utc_naive

            local = from_utc_naive(info.actual_start_utc, self.ctx.prefs.time_zone)
            lines.append(self.tr("Call started {when}, length {length}.").format(
                when=f"{local:%Y-%m-%d %H:%M}", length=duration_text(info.actual_seconds) or "—"))
        by_id = {i.id: i for i in self.items}
        if info.rescheduled_to_id and info.rescheduled_to_id in by_id:
            lines.append(self.tr("Rescheduled to {when}.").format(
                when=by_id[info.rescheduled_to_id].when_text(self.ctx.prefs.time_zone)))
        if info.rescheduled_from_id and info.rescheduled_from_id in by_id:
            lines.append(self.tr("Replaces the interview planned for {when}.").format(
                when=by_id[info.rescheduled_from_id].when_text(self.ctx.prefs.time_zone)))
        self.details.setText("  ".join(lines))

    # -- actions ----------------------------------------------------------------------------

    def _error(self, exc: BaseException) -> None:
        self.ctx.dialogs.error(self.tr("Interview not saved"), str(exc))
        self.reload()

    def _changed(self, *ids: str) -> None:
        self.ctx.bus.notify("interview", [i for i in ids if i])
        self.ctx.bus.notify("followup", [])

    def plan_dialog(self) -> PlanDialog | None:
        """The dialog, open (not modal to tests: ``dialog.open()``); None without a mechanism."""
        if self.mechanism_id is None:
            return None
        self.reload()  # the contacts as they are now (one may have been added on the card)
        mechanism_id = self.mechanism_id
        dialog = PlanDialog(self.ctx, mechanism_id, self.card.contacts, self._submit_plan, self)
        dialog.plan_saved.connect(lambda info: self.reload(select=info.id))
        dialog.open()
        return dialog

    def plan(self) -> None:
        self.plan_dialog()

    def _submit_plan(self, request: PlanRequest):  # noqa: ANN202 - InterviewInfo
        from ..services import interviews

        db, actor, consultant = self.ctx.db, self.ctx.actor, self.ctx.prefs.time_zone
        info = interviews.plan_interview(
            db, self.mechanism_id, request.contact_id, request.local_start, request.zone,
            request.minutes, consultant, actor, new_contact=request.new_contact,
        )

        def undo() -> None:
            interviews.delete_interview(db, info.id, actor)
            self._changed(info.id)
            self.reload()

        def redo() -> None:
            interviews.restore_interview(db, info.id, actor)
            self._changed(info.id)
            self.reload(select=info.id)

        self.ctx.undo.push(CallbackCommand(
            self.tr("Plan an interview with {who}").format(who=info.contact_name or info.acronym(self.ctx.lang)),
            undo, redo, self._error))
        self._changed(info.id)
        if request.new_contact is not None:
            self.ctx.bus.notify("contact", [self.mechanism_id])
        return info

    def reschedule_dialog(self) -> PlanDialog | None:
        if self.mechanism_id is None:
            return None
        self.reload()
        info = self.current()
        if info is None:
            return None
        dialog = PlanDialog(self.ctx, info.mechanism_id, self.card.contacts,
                            lambda request: self._submit_reschedule(info, request), self,
                            reschedule_of=info)
        dialog.plan_saved.connect(lambda result: self.reload(select=result.new.id))
        dialog.open()
        return dialog

    def reschedule(self) -> None:
        self.reschedule_dialog()

    def _submit_reschedule(self, info, request: PlanRequest):  # noqa: ANN001, ANN202 - Rescheduled
        from ..services import interviews

        db, actor, consultant = self.ctx.db, self.ctx.actor, self.ctx.prefs.time_zone
        holder = [interviews.reschedule(db, info.id, request.local_start, request.zone, request.minutes,
                                        consultant, actor)]

        def undo() -> None:
            interviews.undo_reschedule(db, holder[0], actor)
            self._changed(info.id)
            self.reload(select=info.id)

        def redo() -> None:
            holder[0] = interviews.reschedule(db, info.id, request.local_start, request.zone,
                                              request.minutes, consultant, actor)
            self._changed(holder[0].new.id)
            self.reload(select=holder[0].new.id)

        self.ctx.undo.push(CallbackCommand(self.tr("Reschedule the interview"), undo, redo, self._error))
        self._changed(info.id, holder[0].new.id)
        return holder[0]

    def set_state(self, state: str) -> None:
        info = self.current()
        if info is None:
            return
        apply_state(self.ctx, info.id, state, self._error, self.tr("Interview: {state}"))
        self.reload(select=info.id)

    def open_workspace(self) -> None:
        info = self.current()
        if info is None or info.response_id is None:
            return
        from .call_workspace import open_workspace

        open_workspace(self.ctx, info.id, self.window())

    # -- refresh and language ---------------------------------------------------------------

    def retranslate(self) -> None:
        from ..services.interviews import state_label

        self.table.setHorizontalHeaderLabels([
            self.tr("When (you / interviewee)"), self.tr("Interviewee"), self.tr("Planned"),
            self.tr("State"), self.tr("Consent"), self.tr("Call length"),
        ])
        self.plan_button.setText(self.tr("&Plan an interview…"))
        self.plan_button.setToolTip(self.tr("Ctrl+Shift+N"))
        self.workspace_button.setText(self.tr("Open the call &workspace"))
        self.workspace_button.setToolTip(self.tr("Ctrl+Shift+W"))
        self.reschedule_button.setText(self.tr("&Reschedule…"))
        from . import access

        access.view(self.table, self.tr("Interviews"))
        self.states_label.setText(self.tr("Move to:"))
        captions = {
            "questions_sent": self.tr("Questions sent"),
            "held": self.tr("Held"),
            "notes_validated": self.tr("Notes validated"),
            "closed": self.tr("Closed"),
            "cancelled": self.tr("Cancel the interview"),
        }
        for state, button in self.state_buttons.items():
            button.setText(captions.get(state, state_label(state)))
        self.empty.setText(self.tr("No interview yet with this mechanism. Plan one with "
                                   "“Plan an interview…”: its time is typed in the interviewee’s "
                                   "time zone and shown in yours too."))
        self._show_heading()
        if self.items:
            self._fill(self.current_id())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def apply_state(ctx: UiContext, interview_id: str, state: str, on_error: Callable[[BaseException], None],
                caption: str) -> object | None:
    """Move an interview to ``state`` as one undoable command; returns the InterviewChange or
    None when refused (the message goes to ``on_error``)."""
    from ..services import interviews
    from ..services.catalogue import ValidationError

    db, actor = ctx.db, ctx.actor
    try:
        change = interviews.set_state(db, interview_id, state, actor)
    except ValidationError as exc:
        on_error(exc)
        return None
    holder = [change]

    def undo() -> None:
        interviews.revert(db, holder[0], actor)
        ctx.bus.notify("interview", [interview_id])
        ctx.bus.notify("followup", [])

    def redo() -> None:
        holder[0] = interviews.set_state(db, interview_id, state, actor)
        ctx.bus.notify("interview", [interview_id])
        ctx.bus.notify("followup", [])

    ctx.undo.push(CallbackCommand(caption.format(state=interviews.state_label(state)), undo, redo, on_error))
    ctx.bus.notify("interview", [interview_id])
    ctx.bus.notify("followup", [])
    return change
