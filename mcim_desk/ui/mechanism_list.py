"""The mechanism list: a table model fed by the catalogue service, a filter proxy (type,
region, text in French and English names and acronyms) and the panel that holds them."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..services.catalogue import Label, MechanismRow

ANY = ""
Index = QModelIndex | QPersistentModelIndex


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching ("Réseau" matches "reseau")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class MechanismTableModel(QAbstractTableModel):
    ACRONYM, NAME, TYPE, REGION = range(4)
    RowRole = Qt.ItemDataRole.UserRole + 1
    SearchRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MechanismRow] = []
        self._search: list[str] = []
        self._labels: dict[tuple[str, str], Label] = {}
        self.lang = "en"

    def set_rows(self, rows: list[MechanismRow], labels: list[Label]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._labels = {(lab.kind, lab.name): lab for lab in labels}
        self._search = [
            fold(" ".join((r.acronym_fr, r.acronym_en, r.name_fr, r.name_en, r.key)))
            for r in self._rows
        ]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def replace_row(self, row: MechanismRow) -> None:
        for i, existing in enumerate(self._rows):
            if existing.id == row.id:
                self._rows[i] = row
                self._search[i] = fold(
                    " ".join((row.acronym_fr, row.acronym_en, row.name_fr, row.name_en, row.key))
                )
                self.dataChanged.emit(self.index(i, 0), self.index(i, 3))
                return

    def label(self, kind: str, name: str) -> str:
        lab = self._labels.get((kind, name))
        return lab.text(self.lang) if lab else name

    def short_type(self, type_: str) -> str:
        return {"rcp": self.tr("RCP"), "irf": self.tr("IRF"), "global": self.tr("Global")}.get(
            type_, type_
        )

    def row_at(self, row: int) -> MechanismRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.ACRONYM:
                return row.acronym(self.lang)
            if col == self.NAME:
                return row.name(self.lang)
            if col == self.TYPE:
                return self.short_type(row.type)
            return self.label("region", row.region)
        if role == Qt.ItemDataRole.ToolTipRole:
            type_label = self.label("mechanism_type", row.type)
            return f"{row.acronym_fr} — {row.acronym_en}\n{row.name_fr}\n{row.name_en}\n{type_label}"
        if role == self.RowRole:
            return row
        if role == self.SearchRole:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return row.sort
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Acronym"), self.tr("Name"), self.tr("Type"), self.tr("Region"))[section]
        return None


class MechanismFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.type_filter = ANY
        self.region_filter = ANY
        self.words: list[str] = []

    def set_filters(self, type_: str, region: str, text: str) -> None:
        self.beginFilterChange()
        self.type_filter, self.region_filter = type_, region
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        row: MechanismRow = model.row_at(source_row)
        if self.type_filter and row.type != self.type_filter:
            return False
        if self.region_filter and row.region != self.region_filter:
            return False
        haystack = model.data(model.index(source_row, 0), MechanismTableModel.SearchRole)
        return all(word in haystack for word in self.words)


class MechanismListPanel(QWidget):
    """Search box, type and region filters, and the table. Emits ``mechanism_selected``."""

    mechanism_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MechanismTableModel(self)
        self.proxy = MechanismFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("mechanism_search")
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("type_filter")
        self.region_box = QComboBox(self)
        self.region_box.setObjectName("region_filter")
        self.count_label = QLabel(self)
        self.view = QTableView(self)
        self.view.setObjectName("mechanism_table")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(0, 130)
        self.view.setColumnWidth(1, 300)
        self.view.setColumnWidth(2, 60)

        filters = QHBoxLayout()
        filters.addWidget(self.type_box, 1)
        filters.addWidget(self.region_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._apply)
        self.type_box.currentIndexChanged.connect(self._type_changed)
        self.region_box.currentIndexChanged.connect(self._apply)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self._labels: list[Label] = []
        self.retranslate()

    # -- filling --------------------------------------------------------------------------

    def set_data(self, rows: list[MechanismRow], labels: list[Label]) -> None:
        current = self.current_id()
        self._labels = labels
        self.model.set_rows(rows, labels)
        self._fit_acronyms()
        self._fill_filters()
        self._apply()
        if current:
            self.select(current)

    def _fit_acronyms(self) -> None:
        """French acronyms are long ("Processus de Prague"): the column fits them, within reason
        (a longer one is elided, whole in its tooltip). Measured on every row, not only those the
        view shows (sizeHintForColumn), so a filter at a language switch cuts none."""
        metrics = self.view.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.model.data(self.model.index(r, MechanismTableModel.ACRONYM)))
                       for r in range(self.model.rowCount())), default=0)
        margin = 2 * (self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1) + 8
        wanted = max(100, min(220, longest + margin))
        self.view.setColumnWidth(MechanismTableModel.ACRONYM, wanted)
        self.view.setColumnWidth(MechanismTableModel.NAME, 430 - wanted)  # the type stays in view

    def set_language(self, lang: str) -> None:
        self.model.set_language(lang)
        self._fit_acronyms()
        self._fill_filters()
        self.retranslate()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data(MechanismTableModel.RowRole).id

    def select(self, mechanism_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(MechanismTableModel.RowRole).id == mechanism_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
        return False

    def visible_rows(self) -> list[MechanismRow]:
        return [
            self.proxy.index(r, 0).data(MechanismTableModel.RowRole)
            for r in range(self.proxy.rowCount())
        ]

    # -- filters --------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        lang = self.model.lang
        type_key = self.type_box.currentData() or ANY
        region_key = self.region_box.currentData() or ANY
        for box in (self.type_box, self.region_box):
            box.blockSignals(True)
        self.type_box.clear()
        self.type_box.addItem(self.tr("All types"), ANY)
        for lab in (lab for lab in self._labels if lab.kind == "mechanism_type"):
            self.type_box.addItem(lab.text(lang), lab.name)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(type_key)))
        self._fill_regions(region_key)
        for box in (self.type_box, self.region_box):
            box.blockSignals(False)

    def _fill_regions(self, keep: str) -> None:
        lang = self.model.lang
        type_key = self.type_box.currentData() or ANY
        self.region_box.blockSignals(True)
        self.region_box.clear()
        self.region_box.addItem(self.tr("All regions"), ANY)
        for lab in self._labels:
            if lab.kind == "region" and (not type_key or self._region_type(lab.name) == type_key):
                self.region_box.addItem(lab.text(lang), lab.name)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(keep)))
        self.region_box.blockSignals(False)

    def _region_type(self, region: str) -> str:
        return region.split("_", 1)[0]

    def _type_changed(self) -> None:
        self._fill_regions(self.region_box.currentData() or ANY)
        self._apply()

    def _apply(self) -> None:
        self.proxy.set_filters(
            self.type_box.currentData() or ANY,
            self.region_box.currentData() or ANY,
            self.search.text(),
        )
        self.count_label.setText(
            self.tr("{shown} of {total} mechanisms shown").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.mechanism_selected.emit(current.data(MechanismTableModel.RowRole).id)

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        from . import access

        self.search.setPlaceholderText(self.tr("Search names and acronyms (French or English)…"))
        self.type_box.setToolTip(self.tr("Filter by type of mechanism"))
        self.region_box.setToolTip(self.tr("Filter by region"))
        access.name(self.search, self.tr("Search the mechanisms"))
        access.name(self.type_box, self.tr("Filter by type of mechanism"))
        access.name(self.region_box, self.tr("Filter by region"))
        access.view(self.view, self.tr("Mechanisms"))
        self._apply()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
