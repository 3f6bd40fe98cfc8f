"""The questionnaire page: the selected mechanism's questionnaire response for the current
survey round, entered through a FormView, with its status, source and history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .colours import text_style
from .context import UiContext
from .form_view import FormView

SOURCES = ("paper", "email", "phone", "pdf", "import")


class QuestionnairePage(QWidget):
    """Shows "start entering" for a mechanism without a response, the form otherwise."""

    response_created = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mechanism_id: str | None = None
        self.mechanism = None  # its MechanismRow
        self._pending = False  # a mechanism chosen while the page was hidden
        self.response = None

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("response_status")
        self.status.setWordWrap(True)
        self.source_label = QLabel(self)
        self.source = QComboBox(self)
        self.source.setObjectName("response_source")
        self.source.activated.connect(self._source_chosen)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("check_answers")
        self.check_button.clicked.connect(self.check_answers)
        self.validate_button = QPushButton(self)
        self.validate_button.setObjectName("validate_response")
        self.validate_button.clicked.connect(self.validate)
        self.history_button = QPushButton(self)
        self.history_button.clicked.connect(self.show_history)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.source_label)
        bar.addWidget(self.source)
        bar.addWidget(self.check_button)
        bar.addWidget(self.validate_button)
        bar.addWidget(self.history_button)
        self.messages = QLabel(self)
        self.messages.setObjectName("check_messages")
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        # the questions to look at are links: following one scrolls to it and gives it focus
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.messages.linkActivated.connect(self._go_to_question)
        self.messages.setStyleSheet(text_style("error", self.messages))
        self.messages.hide()

        self.form = FormView(ctx, self)
        self.form.status_changed.connect(lambda _s: self._show_status())
        self.start = QWidget(self)
        self.start_text = QLabel(self.start)
        self.start_text.setWordWrap(True)
        self.start_button = QPushButton(self.start)
        self.start_button.setObjectName("start_questionnaire")
        self.start_button.clicked.connect(self.start_entry)
        # the label spans the width (an alignment flag here would give it its one-line size
        # hint, and a wrapped text would be clipped); it centres its own lines
        self.start_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.start_text.setObjectName("start_text")
        start_layout = QVBoxLayout(self.start)
        start_layout.addStretch(1)
        start_layout.addWidget(self.start_text)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        start_layout.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.form)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.messages)
        layout.addWidget(self.stack, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.check_answers)
        self.retranslate()
        self._show_status()

    # -- opening ----------------------------------------------------------------------------

    def show_mechanism(self, mechanism_id: str) -> None:
        """Open the mechanism's response now when the page is visible, else when it is
        shown (rendering a form for every row the user arrows past would make the list lag)."""
        self.mechanism_id = mechanism_id
        self._pending = not self.isVisible()
        if not self._pending:
            self._load()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        if self._pending and self.mechanism_id:
            self._pending = False
            self._load()
        super().showEvent(event)

    def _load(self) -> None:
        from ..services import catalogue, responses

        mechanism_id = self.mechanism_id
        self.mechanism = catalogue.mechanism_card(self.ctx.db, mechanism_id).row
        self._show_heading()
        self.response = responses.current_questionnaire(self.ctx.db, mechanism_id)
        self.messages.hide()
        if self.response is None:
            self.stack.setCurrentWidget(self.start)
        else:
            self.form.open_response(self.response.id)
            self.stack.setCurrentWidget(self.form)
        self._show_status()

    def start_entry(self) -> None:
        """Create this round's response for the mechanism (the first answer would need it)."""
        from ..services import responses

        if self.mechanism_id is None:
            return
        self.response = responses.open_questionnaire(self.ctx.db, self.mechanism_id, self.ctx.actor)
        self.form.open_response(self.response.id)
        self.stack.setCurrentWidget(self.form)
        self._show_status()
        self.response_created.emit(self.response.id)
        self.ctx.bus.notify("response", [self.response.id])
        self.form.focus_first()

    # -- actions ----------------------------------------------------------------------------

    def check_answers(self) -> None:
        if self.stack.currentWidget() is not self.form:
            return
        errors = self.form.check_answers()
        if errors:
            self.messages.setTextFormat(Qt.TextFormat.RichText)
            self.messages.setText(self._error_list(errors))
        else:
            self.messages.setTextFormat(Qt.TextFormat.PlainText)
            self.messages.setText(self.tr("All answers are complete and valid."))
        self.messages.setStyleSheet(text_style("error" if errors else "success", self.messages))
        self.messages.show()

    def _error_list(self, errors: dict[str, str], shown: int = 8) -> str:
        """"To complete or correct (2): 1. Please indicate… — the message", each question a
        link; user text is escaped (labels and messages are data, never markup)."""
        from html import escape

        from ..forms.captions import question_caption

        definition = self.form.definition
        items = [
            f'<a href="{escape(path, quote=True)}">{escape(question_caption(definition, path, self.ctx.lang, 70))}'
            f"</a> — {escape(message)}"
            for path, message in list(errors.items())[:shown]
        ]
        more = len(errors) - shown
        if more > 0:
            items.append(escape(self.tr("and {n} more").format(n=more)))
        heading = escape(self.tr("Answers to complete or correct before this response is complete: {n}")
                         .format(n=len(errors)))
        return heading + "<br>" + "<br>".join(items)

    def _go_to_question(self, path: str) -> None:
        self.form.focus_question(path)

    def validate(self) -> None:
        from ..services import responses

        info = self.form.response
        if info is None:
            return
        if not self.form.is_complete():
            self.check_answers()
            return
        try:  # the answers shown are the ones validated: refused if someone changed them since
            self.form.response = responses.set_status(self.ctx.db, info.id, "validated", self.ctx.actor,
                                                      expected_answers=self.form.answers)
        except responses.EditConflict as exc:
            self._changed_elsewhere(exc)
            return
        except responses.ResponseError as exc:
            self.ctx.dialogs.error(self.tr("Not validated"), str(exc))
            return
        self.ctx.bus.notify("response", [info.id])
        self._show_status()

    def _changed_elsewhere(self, exc: Exception) -> None:
        """A stale window: say so, then show the response as it is saved now."""
        self.ctx.dialogs.warning(
            self.tr("Changed elsewhere"),
            str(exc) + "\n\n" + self.tr("The response is shown again as it is saved now."))
        self.form.open_response(self.form.response.id)
        self._show_status()

    def _source_chosen(self) -> None:
        from ..services import responses

        info = self.form.response
        source = self.source.currentData()
        if info is None or source == info.source:
            return
        try:
            self.form.response = responses.set_source(self.ctx.db, info.id, source, self.ctx.actor,
                                                      expected=info.source)
        except responses.EditConflict as exc:
            self._changed_elsewhere(exc)
            return
        self._show_status()

    def show_history(self) -> None:
        from ..services import responses

        info = self.form.response
        if info is None:
            return
        HistoryDialog(responses.history(self.ctx.db, info.id), self, definition=self.form.definition,
                      lang=self.ctx.lang, zone=self.ctx.prefs.time_zone).open()

    # -- display ----------------------------------------------------------------------------

    def _status_names(self) -> dict[str, str]:
        return {
            "draft": self.tr("Draft"),
            "complete": self.tr("Complete"),
            "validated": self.tr("Validated"),
        }

    def _source_names(self) -> dict[str, str]:
        return {
            "paper": self.tr("Paper"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "pdf": self.tr("PDF form"),
            "import": self.tr("Import"),
        }

    def _show_status(self) -> None:
        info = self.form.response if self.stack.currentWidget() is self.form else None
        has = info is not None
        for widget in (self.source, self.source_label, self.check_button, self.validate_button,
                       self.history_button):
            widget.setEnabled(has)
        if not has:
            self.status.setText(self.tr("No questionnaire entered yet for this survey round."))
            return
        self.status.setText(self.tr("Status: {status}").format(
            status=self._status_names().get(info.status, info.status)))
        self.source.setCurrentIndex(max(0, self.source.findData(info.source)))
        self.validate_button.setEnabled(info.status == "complete")

    def retranslate(self) -> None:
        self.source_label.setText(self.tr("&Source:"))
        self.source_label.setBuddy(self.source)
        self.source.setAccessibleName(self.tr("Source of the response"))
        current = self.source.currentData()
        self.source.clear()
        for key, text in self._source_names().items():
            self.source.addItem(text, key)
        self.source.setCurrentIndex(max(0, self.source.findData(current)))
        self.check_button.setText(self.tr("Check answers"))
        self.check_button.setToolTip(self.tr("Show every missing or invalid answer (Ctrl+Return)"))
        self.validate_button.setText(self.tr("Mark as validated"))
        self.history_button.setText(self.tr("History…"))
        self.start_text.setText(self.tr("Type in a questionnaire returned on paper, by e-mail or "
                                        "answered by phone: every answer is saved as you go."))
        self.start_button.setText(self.tr("Enter the questionnaire"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show_heading()
        super().changeEvent(event)

    def _show_heading(self) -> None:
        row = self.mechanism
        self.heading.setText(f"{row.acronym(self.ctx.lang)} — {row.name(self.ctx.lang)}" if row else "")


class HistoryDialog(QDialog):
    """A response's audit trail, read-only: when (in the user's time zone), who, what kind of
    change, which question (its number and label; the path in the tooltip), the old and new
    value (choices by their labels)."""

    def __init__(self, entries: list, parent: QWidget | None = None, *, definition=None,  # noqa: ANN001
                 lang: str = "en", zone: str = "UTC") -> None:
        super().__init__(parent)
        self.definition, self.lang, self.zone = definition, lang, zone
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("History of this response"))
        self.resize(960, 480)
        table = QTableWidget(len(entries), 6, self)
        table.setObjectName("history_table")
        table.setAccessibleName(self.tr("History of this response"))
        table.setTabKeyNavigation(False)
        table.setHorizontalHeaderLabels([self.tr("When (your time)"), self.tr("Who"), self.tr("Change"),
                                         self.tr("Question"), self.tr("Old value"), self.tr("New value")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, entry in enumerate(entries):
            for col, (text, tip) in enumerate(self.cells(entry)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip or text)
                table.setItem(row, col, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 300)
        header.setStretchLastSection(True)
        table.resizeRowsToContents()
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)

    def _action_names(self) -> dict[str, str]:
        return {
            "create": self.tr("created"), "update": self.tr("changed"), "status": self.tr("status"),
            "note": self.tr("note"), "import": self.tr("imported"), "repeat_insert": self.tr("entry added"),
            "repeat_remove": self.tr("entry removed"), "repeat_move": self.tr("entry moved"),
        }

    def cells(self, entry) -> list[tuple[str, str]]:  # noqa: ANN001 - a HistoryEntry
        """(text, tooltip) of each column for one audit entry."""
        from ..domain.timezones import from_utc_naive
        from ..forms.captions import answer_text, question_caption

        definition, lang = self.definition, self.lang
        when = f"{from_utc_naive(entry.at, self.zone):%Y-%m-%d %H:%M:%S}" if entry.at else ""
        action = self._action_names().get(entry.action, entry.action)
        field, old, new = entry.field, entry.old or "", entry.new or ""
        tip = ""
        if entry.action == "create":
            question = self.tr("Response")
            if definition is not None:
                new = self.tr("{form}, version {version}").format(form=definition.title(lang),
                                                                   version=definition.version)
        elif field == "status":
            question = self.tr("Status")
            names = {"draft": self.tr("Draft"), "complete": self.tr("Complete"),
                     "validated": self.tr("Validated")}
            old, new = names.get(old, old), names.get(new, new)
        elif field == "source":
            question = self.tr("Source")
            names = {"paper": self.tr("Paper"), "email": self.tr("E-mail"), "phone": self.tr("Phone"),
                     "pdf": self.tr("PDF form"), "import": self.tr("Import")}
            old, new = names.get(old, old), names.get(new, new)
        elif field == "file":
            question = self.tr("File")
        elif field == "sent_at":  # Follow-ups: "Mark the questionnaire as sent"
            question = self.tr("Questionnaire sent")
            old, new = self._local_time(old), self._local_time(new)
        elif entry.action == "repeat_move" and field:
            question, tip = question_caption(definition, field, lang, 90), field
            old = self.tr("entry {n}").format(n=old) if old else ""
            new = self.tr("entry {n}").format(n=new) if new else ""
        elif entry.action in ("repeat_insert", "repeat_remove") and field:
            question, tip = question_caption(definition, field, lang, 90), field
            old, new = self._entry_values(field, old), self._entry_values(field, new)
        elif field:
            question, tip = question_caption(definition, field, lang, 90), field
            if entry.action != "note":
                old, new = answer_text(definition, field, old, lang), answer_text(definition, field, new, lang)
        else:
            question = ""
        return [(when, ""), (entry.actor, ""), (action, entry.action), (question, tip), (old, ""), (new, "")]

    def _local_time(self, stored: str) -> str:
        """A UTC moment as stored ("2018-09-17 08:21:00"), in the user's time zone."""
        from datetime import datetime

        from ..domain.timezones import from_utc_naive

        try:
            return f"{from_utc_naive(datetime.fromisoformat(stored), self.zone):%Y-%m-%d %H:%M}"
        except ValueError:
            return stored

    def _entry_values(self, instance: str, text: str) -> str:
        """The answers of a repeat entry (stored as JSON by question): "Names: IOM; …"."""
        import json

        from ..forms.captions import answer_text

        try:
            values = json.loads(text) if text else {}
        except ValueError:
            return text
        if not isinstance(values, dict):
            return text
        parts = []
        for key, value in values.items():
            relative, _, note = str(key).partition("#")
            path = f"{instance}/{relative}"
            element = self.definition.find(path) if self.definition is not None else None
            label = element.label(self.lang) if element is not None else relative
            shown = str(value) if note else answer_text(self.definition, path, str(value), self.lang)
            parts.append(f"{label}: {shown}")
        return "; ".join(parts)
