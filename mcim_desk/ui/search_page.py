"""The Search page: one box over answers, notes, quotes, coded passages, follow-ups, contacts
and mechanisms. Results come from the task runner (typing never waits for the database) and
a result older than the text in the box is dropped. Enter or a double click on a result emits
``hit_activated``; the main window opens the record at its place (features.py).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..services.search import SearchHit, SearchResults
    from .context import UiContext

TYPING_PAUSE_MS = 200
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ORDER = ("answer", "note", "call_note", "quote", "coding", "followup", "contact", "mechanism")


def highlighted_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet as rich text: every piece of user text escaped, the matches in bold, black
    on pale yellow (readable on a selected row, whose other text turns white, and in a dark theme)."""
    out, last = [], 0
    for start, end in spans:
        out.append(html.escape(text[last:start]))
        out.append("<b style='background-color:#fff3a0; color:#000000'>" + html.escape(text[start:end]) + "</b>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE (escaped text with <b> marks) instead of its plain text."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        markup = index.data(HTML_ROLE)
        if not markup:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(markup)
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: ANN001
        doc = self._document(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect: QRect = option.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        doc = self._document(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class ResultsView(QTreeView):
    """Enter (or Return) on a result opens it, as a double click does."""

    activated_hit = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            hit = self.currentIndex().siblingAtColumn(0).data(HIT_ROLE)
            if hit is not None:
                self.activated_hit.emit(hit)
                return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    hit_activated = Signal(object)  # a SearchHit
    results_shown = Signal(object)  # the SearchResults now on screen

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("search_page")
        self.generation = 0  # the box's text count: a result for an older text is dropped
        self.shown_generation = 0
        self.results: SearchResults | None = None

        self.box = QLineEdit(self)
        self.box.setObjectName("search_box")
        self.box.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("search_kind")
        self.hidden = QCheckBox(self)
        self.hidden.setObjectName("search_hidden")
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        self.model = QStandardItemModel(self)
        self.view = ResultsView(self)
        self.view.setObjectName("search_results")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(2, RichTextDelegate(self.view))
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)

        top = QHBoxLayout()
        top.addWidget(self.box, 3)
        top.addWidget(self.kind, 1)
        top.addWidget(self.hidden)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.help)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.run_search)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._enter_in_box)
        self.kind.currentIndexChanged.connect(self._typed)
        self.hidden.toggled.connect(self._typed)
        self.view.activated_hit.connect(self.hit_activated)
        self.view.doubleClicked.connect(self._double_clicked)
        ctx.bus.data_changed.connect(self._data_changed)
        self.retranslate()

    # -- searching ----------------------------------------------------------------------------

    def _typed(self, *_args: object) -> None:
        self.generation += 1
        self.pause.start()

    def run_search(self) -> None:
        """Search for the box's text now, on the task runner."""
        self.pause.stop()
        from ..services import search

        generation = self.generation
        text = self.box.text()
        kind = self.kind.currentData()
        db, lang, hidden = self.ctx.db, self.ctx.lang, self.hidden.isChecked() or None
        self.status.setText(self.tr("Searching…") if text.strip() else "")

        def work() -> SearchResults:
            return search.search(db, text, kinds=(kind,) if kind else (), include_hidden=hidden, lang=lang)

        self.ctx.runner.run(work, lambda results: self.show_results(results, generation), self._failed)

    def show_results(self, results: SearchResults, generation: int) -> bool:
        """Show ``results`` unless the box changed since they were asked for (False: dropped)."""
        if generation != self.generation or generation < self.shown_generation:
            return False
        self.shown_generation = generation
        self.results = results
        self._fill(results)
        self.results_shown.emit(results)
        return True

    def _failed(self, exc: BaseException) -> None:
        import logging

        logging.getLogger(__name__).error("search failed", exc_info=exc)
        self.status.setText(self.tr("The search could not be run: {problem}").format(problem=exc))

    def _fill(self, results: SearchResults) -> None:
        from ..services.search import kind_label

        lang = self.ctx.lang
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Mechanism"), self.tr("Where"), self.tr("Text")])
        first: QModelIndex | None = None
        for group in results.groups:
            count = f"{len(group.hits)}+" if group.more else str(len(group.hits))
            heading = QStandardItem(f"{kind_label(group.kind)} ({count})")
            heading.setData(group.kind, Qt.ItemDataRole.UserRole)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            row = [heading, QStandardItem(), QStandardItem()]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
            for hit in group.hits:
                where = hit.where(lang)
                if hit.codes:
                    where += " — " + ", ".join(hit.codes)
                cells = [QStandardItem(hit.acronym(lang)), QStandardItem(where), QStandardItem(hit.snippet.text)]
                cells[0].setData(hit, HIT_ROLE)
                cells[1].setToolTip(where)
                cells[2].setData(highlighted_html(hit.snippet.text, hit.snippet.spans), HTML_ROLE)
                for cell in cells:
                    cell.setEditable(False)
                heading.appendRow(cells)
                if first is None:
                    first = cells[0].index()
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        self.view.setColumnWidth(1, 260)
        if first is not None:
            self.view.setCurrentIndex(first)
        query = results.query
        if not self.box.text().strip():
            self.status.setText("")
        elif query.is_empty:
            self.status.setText(self.tr("Type at least one word (a word with - in front is left out)."))
        elif not results.groups:
            self.status.setText(self.tr("No match."))
        else:
            self.status.setText(self.tr("%n result(s)", "", results.count))
        if query.problems:
            self.status.setText(self.status.text() + " " + self.tr("Not understood: {filters}").format(
                filters=", ".join(query.problems)))

    def hits_shown(self) -> list[SearchHit]:
        out = []
        for g in range(self.model.rowCount()):
            heading = self.model.item(g, 0)
            out += [heading.child(r, 0).data(HIT_ROLE) for r in range(heading.rowCount())]
        return out

    def select_hit(self, record_id: str) -> bool:
        for g in range(self.model.rowCount()):
            heading = self.model.item(g, 0)
            for r in range(heading.rowCount()):
                if heading.child(r, 0).data(HIT_ROLE).record_id == record_id:
                    self.view.setCurrentIndex(heading.child(r, 0).index())
                    return True
        return False

    def _enter_in_box(self) -> None:
        """Enter in the box: search now, then go to the results (Enter again opens one)."""
        if self.pause.isActive() or self.shown_generation != self.generation:
            self.run_search()
        if self.hits_shown():
            self.view.setFocus()

    def _double_clicked(self, index: QModelIndex) -> None:
        hit = index.siblingAtColumn(0).data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _data_changed(self, kind: str, _ids: list) -> None:
        if self.box.text().strip() and kind != "reference":
            self._typed()  # the results may have changed; the same text searched again

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        from ..services.search import kind_label
        from . import access

        self.box.setPlaceholderText(self.tr("Search answers, notes, quotes, follow-ups, contacts… (Ctrl+F)"))
        access.name(self.box, self.tr("Search"))
        access.name(self.kind, self.tr("Kind of record"))
        access.view(self.view, self.tr("Search results"))
        self.hidden.setText(self.tr("Include answers hidden by the skip logic"))
        self.help.setText(self.tr(
            "Accents and case do not matter. capacit* finds words starting with capacit; "
            "\"processus de Rabat\" finds the phrase; -khartoum leaves out texts with that word; "
            "filters: type:rcp region:africa mechanism:ACRONYM form:ID kind:quote from:2026-01-31 "
            "to:2026-03-31."))
        keep = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Every kind"), "")
        for kind in KIND_ORDER:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(keep or "")))
        self.kind.blockSignals(False)
        if self.results is not None:
            self._typed()  # labels of the results are in the language too

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
