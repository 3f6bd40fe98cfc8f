"""Choosing a mechanism's member States: a searchable list of ISO 3166-1 countries in the
interface language, used from the keyboard as well as the mouse.

Type to filter (accents and case do not matter: "cote" finds "Côte d’Ivoire", "peru" and
the code "PER" find Peru); Enter ticks or unticks the first country shown and clears the
filter for the next one; Down moves into the list, where Space ticks; Ctrl+Return or OK
accepts. ``members_chosen`` carries the sorted codes (an empty list: not recorded).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ..domain.countries import countries, fold
from ..reports.labels import plural_index

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def _ticked(state: object) -> bool:
    """A check state as the model gives it back (an enum, or its int through the proxy)."""
    return state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)


class _Filter(QSortFilterProxyModel):
    """Rows whose folded name or code contains the folded text; optionally ticked rows only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.ticked_only = False

    def set_text(self, text: str) -> None:
        self.text = fold(text.strip())
        self.invalidate()  # filter and order again (the best matches first)

    def set_ticked_only(self, value: bool) -> None:
        self.beginFilterChange()
        self.ticked_only = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def rank(self, index) -> tuple[int, str]:  # noqa: ANN001 - a QModelIndex
        """Best matches first: the ISO code typed, then names starting with the text."""
        code = str(index.data(CODE_ROLE)).casefold()
        name = fold(str(index.data(Qt.ItemDataRole.DisplayRole)))
        if not self.text:
            return 0, name
        if code == self.text:
            return 0, name
        if name.startswith(self.text):
            return 1, name
        if any(w.startswith(self.text) for w in name.split()):
            return 2, name
        return 3, name

    def lessThan(self, left, right) -> bool:  # noqa: N802, ANN001 - Qt API
        return self.rank(left) < self.rank(right)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802, ANN001 - Qt API
        index = self.sourceModel().index(row, 0, parent)
        if self.ticked_only and not _ticked(index.data(Qt.ItemDataRole.CheckStateRole)):
            return False
        return not self.text or self.text in index.data(SEARCH_ROLE)


class CountryPickerDialog(QDialog):
    members_chosen = Signal(list)  # sorted ISO 3166-1 alpha-3 codes

    def __init__(self, lang: str, chosen: list[str] | None, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("country_picker")
        self.lang = lang
        self.model = QStandardItemModel(self)
        wanted = set(chosen or ())
        for country in sorted(countries().values(), key=lambda c: fold(c.name(lang))):
            item = QStandardItem(f"{country.name(lang)} ({country.code})")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if country.code in wanted else Qt.CheckState.Unchecked)
            item.setData(country.code, CODE_ROLE)
            item.setData(" ".join((fold(country.name_fr), fold(country.name_en), country.code.casefold())),
                         SEARCH_ROLE)
            self.model.appendRow(item)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("country_filter")
        self.filter.setPlaceholderText(self.tr("Type a country’s name or ISO code"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        self.list = QListView(self)
        self.list.setObjectName("country_list")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.ticked_only = QCheckBox(self.tr("Show only the ticked countries"), self)
        self.ticked_only.toggled.connect(self.proxy.set_ticked_only)
        self.count = QLabel(self)
        self.count.setObjectName("country_count")
        self.model.itemChanged.connect(self._show_count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in buttons.buttons():  # Enter belongs to the filter, not to OK
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.installEventFilter(self)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Enter ticks the first country shown; Ctrl+Return saves."), self)
        hint.setWordWrap(True)
        for widget in (self.filter, hint, self.list, self.ticked_only, self.count, buttons):
            layout.addWidget(widget)
        self.resize(440, 520)
        self._show_count()
        self._filter_changed("")

    def chosen(self) -> list[str]:
        return sorted(
            self.model.item(r).data(CODE_ROLE) for r in range(self.model.rowCount())
            if self.model.item(r).checkState() == Qt.CheckState.Checked
        )

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _toggle_first(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            if not self.proxy.rowCount():
                return
            index = self.proxy.index(0, 0)
        item = self.model.itemFromIndex(self.proxy.mapToSource(index))
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        if self.filter.text():
            self.filter.clear()
            self.filter.setFocus()

    def _show_count(self, *_args: object) -> None:
        n = len(self.chosen())
        one = plural_index(n, self.lang) == 0
        self.count.setText((self.tr("{n} State ticked") if one else self.tr("{n} States ticked")).format(n=n))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 - Qt API
        from PySide6.QtCore import QEvent

        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Ctrl+Return saves; Return alone ticks (it never closes the dialog by surprise).
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._accept()
            else:
                self._toggle_first()
            return True
        if watched is self.filter and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.list.setFocus()
            if not self.list.currentIndex().isValid() and self.proxy.rowCount():
                self.list.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._accept()
            return  # never the default button's accept on a bare Return
        super().keyPressEvent(event)

    def _accept(self) -> None:
        self.members_chosen.emit(self.chosen())
        self.accept()


__all__ = ["CountryPickerDialog"]
