"""The quote browser: quotes (or coded passages) filtered by tag, mechanism and question;
opens the interview at the quote (the call workspace with the quoted words selected), edits
tags and the publication flag, removes quotes; the codebook is one click away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .bus import RefreshWhenShown
from .context import UiContext
from .quote_dialog import short_tag
from .widgets_common import CallbackCommand, error_label, fit_header_labels, plain_item

QUOTES, CODINGS = "quote", "coding"


class QuoteBrowser(QWidget):
    """``passage_requested(mechanism_id, response_id, path)`` asks to show a coded passage of a
    questionnaire (the install function selects the mechanism and opens its questionnaire)."""

    passage_requested = Signal(str, str, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list = []
        self.questions: dict[str, tuple[str, str]] = {}
        self.code_names: dict[str, object] = {}

        self.kind = QComboBox(self)
        self.kind.setObjectName("browser_kind")
        self.tag = QComboBox(self)
        self.tag.setObjectName("browser_tag")
        self.tag.setEditable(True)
        self.tag.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mechanism = QComboBox(self)
        self.mechanism.setObjectName("browser_mechanism")
        self.question = QComboBox(self)
        self.question.setObjectName("browser_question")
        self.code = QComboBox(self)
        self.code.setObjectName("browser_code")
        for box, length in ((self.kind, 10), (self.tag, 10), (self.mechanism, 8), (self.question, 16),
                            (self.code, 10)):
            # long labels (questions) must not widen the whole window: the list shows them
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(length)
        for box in (self.kind, self.mechanism, self.question, self.code):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self.tag.currentTextChanged.connect(lambda _t: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.labels = {name: QLabel(self) for name in ("kind", "tag", "mechanism", "question", "code")}
        for name, box in (("kind", self.kind), ("tag", self.tag), ("mechanism", self.mechanism),
                          ("question", self.question), ("code", self.code)):
            self.labels[name].setBuddy(box)
        filters = QGridLayout()
        for index, (name, box) in enumerate((("kind", self.kind), ("tag", self.tag), ("mechanism", self.mechanism),
                                             ("code", self.code), ("question", self.question))):
            row, column = divmod(index, 2) if index < 4 else (2, 0)
            filters.addWidget(self.labels[name], row, column * 2)
            if index < 4:
                filters.addWidget(box, row, column * 2 + 1)
            else:
                filters.addWidget(box, row, 1, 1, 3)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("quotes_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the quoted words get the room; the other columns keep a readable width
        # the six columns fit the page at the window's default size (the tags were cut off)
        for column, width in ((0, 90), (1, 100), (2, 130), (3, 230), (4, 110), (5, 60)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.count = QLabel(self)
        self.count.setObjectName("quotes_count")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("open_quote")
        self.open_button.clicked.connect(self.open_current)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit_quote")
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_browser_quote")
        self.remove_button.clicked.connect(self.remove_current)
        self.codebook_button = QPushButton(self)
        self.codebook_button.setObjectName("open_codebook")
        self.codebook_button.clicked.connect(self.open_codebook)
        self.error = error_label(self, "browser_error")
        buttons = QHBoxLayout()
        for b in (self.open_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addWidget(self.codebook_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_current)
        self.refresher = RefreshWhenShown(self, ctx.bus, ("quote", "code", "interview", "answer"),
                                          self._refresh)
        self.retranslate()
        self.fill_filters()
        self.reload()

    # -- filters ----------------------------------------------------------------------------

    def fill_filters(self) -> None:
        from ..services import catalogue, quotes

        lang = self.ctx.lang
        keep = (self.tag.currentText(), self.mechanism.currentData(), self.question.currentData(),
                self.code.currentData())
        self.questions = self._question_labels()
        codes = quotes.codes(self.ctx.db)
        self.code_names = {c.id: c for c in codes}
        blockers = [QSignalBlocker(b) for b in (self.tag, self.mechanism, self.question, self.code)]
        self.tag.clear()
        self.tag.addItem("")
        for name in quotes.used_tags(self.ctx.db):
            self.tag.addItem(name)
        self.tag.setEditText(keep[0])
        self.mechanism.clear()
        self.mechanism.addItem(self.tr("All"), "")
        for row in catalogue.mechanism_rows(self.ctx.db):
            self.mechanism.addItem(row.acronym(lang), row.id)
        self.mechanism.setCurrentIndex(max(0, self.mechanism.findData(keep[1] or "")))
        self.question.clear()
        self.question.addItem(self.tr("All"), "")
        self.question.addItem(self.tr("Call notes"), quotes.FREE_NOTES)
        for path, (fr, en) in self.questions.items():
            text = fr if lang == "fr" else en
            self.question.addItem(_short(text), path)
            self.question.setItemData(self.question.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.question.setCurrentIndex(max(0, self.question.findData(keep[2] or "")))
        self.code.clear()
        self.code.addItem(self.tr("All"), "")
        for c in codes:
            self.code.addItem(c.label(lang), c.id)
        self.code.setCurrentIndex(max(0, self.code.findData(keep[3] or "")))
        del blockers

    def _question_labels(self) -> dict[str, tuple[str, str]]:
        """Definition path -> (French, English) label of every text question of the forms."""
        from ..services import forms

        result: dict[str, tuple[str, str]] = {}
        try:
            infos = forms.list_forms(self.ctx.db)
        except Exception:  # forms not installed (tests of a bare database): no labels
            return result
        for info in infos:
            definition = forms.definition(self.ctx.db, info.version_id)
            for question in definition.iter_questions():
                if question.type == "text" and question.path not in result:
                    result[question.path] = (question.label("fr"), question.label("en"))
        return result

    def _kind_changed(self) -> None:
        coding = self.kind.currentData() == CODINGS
        self.code.setEnabled(coding)
        self.tag.setEnabled(not coding)

    def set_filters(self, *, tag: str | None = None, mechanism_id: str | None = None,
                    question: str | None = None, kind: str | None = None) -> None:
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        if tag is not None:
            self.tag.setEditText(tag)
        if mechanism_id is not None:
            self.mechanism.setCurrentIndex(max(0, self.mechanism.findData(mechanism_id)))
        if question is not None:
            self.question.setCurrentIndex(max(0, self.question.findData(question)))
        self.reload()

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        from ..services import quotes

        kind = self.kind.currentData() or QUOTES
        tag = self.tag.currentText().strip() if kind == QUOTES else ""
        self.items = quotes.quotes(
            self.ctx.db, kind=kind, tag=tag or None, mechanism_id=self.mechanism.currentData() or None,
            question=self.question.currentData() or None,
            code_id=(self.code.currentData() or None) if kind == CODINGS else None,
        )
        lang = self.ctx.lang
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self.items))
            for r, q in enumerate(self.items):
                if q.kind == CODINGS:
                    labels = [self.code_names[c].label(lang) for c in q.code_ids if c in self.code_names]
                    marks = ", ".join(labels)
                else:
                    marks = ", ".join(short_tag(t) for t in q.tags)
                flags = []
                if q.cleared:
                    flags.append(self.tr("cleared"))
                if q.text_changed:
                    flags.append(self.tr("text changed since"))
                cells = (q.acronym(lang), q.contact_name, self._question_text(q),
                         self.tr("“{text}”").format(text=q.text), marks,
                         ", ".join(flags))
                for c, text in enumerate(cells):
                    item = plain_item(text, q.id)
                    if c == 2:
                        item.setToolTip(self._question_text(q, full=True))
                    self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("%n quote(s)", "", len(self.items)) if kind == QUOTES
                           else self.tr("%n coded passage(s)", "", len(self.items)))
        if self.items:
            self.table.selectRow(0)
        self._selection_changed()

    def _question_text(self, q, full: bool = False) -> str:  # noqa: ANN001 - QuoteInfo
        from ..services.quotes import FREE_NOTES

        if q.question == FREE_NOTES:
            return self.tr("Call notes")
        labels = self.questions.get(q.question)
        text = (labels[0] if self.ctx.lang == "fr" else labels[1]) if labels else q.question
        if q.field == "note":
            text = self.tr("Note on {question}").format(question=text)
        return text if full else _short(text)

    def current(self):  # noqa: ANN201 - QuoteInfo | None
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selection_changed(self) -> None:
        q = self.current()
        self.open_button.setEnabled(q is not None)
        self.edit_button.setEnabled(q is not None)
        self.remove_button.setEnabled(q is not None)

    # -- actions ----------------------------------------------------------------------------

    def open_current(self):  # noqa: ANN201 - the CallWorkspace, or None
        """Open the interview at the quote (its words selected), or the questionnaire at a
        coded passage of a questionnaire."""
        q = self.current()
        if q is None:
            return None
        if q.interview_id:
            from .call_workspace import open_workspace

            workspace = open_workspace(self.ctx, q.interview_id, self.window())
            workspace.reload_quotes()
            workspace.show_quote_id(q.id) if q.kind == QUOTES else workspace.show_quote(q)
            return workspace
        if q.response_id and q.answer_path:
            self.passage_requested.emit(q.mechanism_id, q.response_id, q.answer_path)
        return None

    def edit_current(self):  # noqa: ANN201 - a dialog or None
        from ..services import interviews, quotes

        q = self.current()
        if q is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        if q.kind == CODINGS:
            from .codebook_dialog import CodeSelectionDialog

            def submit_codes(code_ids: tuple[str, ...]):  # noqa: ANN202
                saved = quotes.update_quote(db, q.id, actor, code_ids=code_ids)
                self._push_update(q, lambda: quotes.update_quote(db, q.id, actor, code_ids=q.code_ids),
                                  lambda: quotes.update_quote(db, q.id, actor, code_ids=code_ids))
                return saved

            dialog = CodeSelectionDialog(self.ctx, q.text, submit_codes, self)
            dialog.set_checked(q.code_ids)
            dialog.passage_saved.connect(lambda _s: self.reload())
            dialog.open()
            return dialog
        from .quote_dialog import QuoteDialog

        interview = interviews.interview(db, q.interview_id) if q.interview_id else None
        allows = interview is not None and interview.allows_publication

        def submit(tags: tuple[str, ...], cleared: bool):  # noqa: ANN202
            saved = quotes.update_quote(db, q.id, actor, tags=tags, cleared=cleared)
            self._push_update(q, lambda: quotes.update_quote(db, q.id, actor, tags=q.tags, cleared=q.cleared),
                              lambda: quotes.update_quote(db, q.id, actor, tags=tags, cleared=cleared))
            return saved

        dialog = QuoteDialog(self.ctx, q.text, allows, submit, self, tags=q.tags, cleared=q.cleared,
                             speaker=interview.speaker() if interview else "")
        dialog.quote_saved.connect(lambda _s: self.reload())
        dialog.open()
        return dialog

    def _push_update(self, q, undo, redo) -> None:  # noqa: ANN001
        def wrap(fn):  # noqa: ANN001, ANN202
            def run() -> None:
                fn()
                self.ctx.bus.notify("quote", [q.id])
            return run

        self.ctx.undo.push(CallbackCommand(self.tr("Edit a quote"), wrap(undo), wrap(redo), self._failed))
        self.ctx.bus.notify("quote", [q.id])

    def remove_current(self) -> None:
        from ..services import quotes

        q = self.current()
        if q is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        quotes.delete_quote(db, q.id, actor)

        def undo() -> None:
            quotes.restore_quote(db, q.id, actor)
            self.ctx.bus.notify("quote", [q.id])

        def redo() -> None:
            quotes.delete_quote(db, q.id, actor)
            self.ctx.bus.notify("quote", [q.id])

        self.ctx.undo.push(CallbackCommand(self.tr("Remove a quote"), undo, redo, self._failed))
        self.ctx.bus.notify("quote", [q.id])
        self.reload()

    def open_codebook(self):  # noqa: ANN201 - CodebookDialog
        from .codebook_dialog import CodebookDialog

        dialog = CodebookDialog(self.ctx, self)
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()

    # -- refresh, language ------------------------------------------------------------------

    def _refresh(self) -> None:
        self.fill_filters()
        self.reload()

    def retranslate(self) -> None:
        with QSignalBlocker(self.kind):
            current = self.kind.currentData()
            self.kind.clear()
            self.kind.addItem(self.tr("Quotes"), QUOTES)
            self.kind.addItem(self.tr("Coded passages"), CODINGS)
            self.kind.setCurrentIndex(max(0, self.kind.findData(current or QUOTES)))
        self._kind_changed()
        self.labels["kind"].setText(self.tr("S&how:"))
        self.labels["tag"].setText(self.tr("&Tag:"))
        self.labels["mechanism"].setText(self.tr("&Mechanism:"))
        self.labels["question"].setText(self.tr("&Question:"))
        self.labels["code"].setText(self.tr("&Code:"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Mechanism"), self.tr("Speaker"), self.tr("Question"), self.tr("Words"),
            self.tr("Tags / codes"), self.tr("Flags"),
        ])
        fit_header_labels(self.table)
        self.open_button.setText(self.tr("&Open at the quote"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.codebook_button.setText(self.tr("Code&book…"))
        from . import access

        access.name_from_buddies(self)
        access.view(self.table, self.tr("Quotes"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresher.request(now=True)
        super().changeEvent(event)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
