"""Editors for the XLSForm question types that a line of text does not serve well, and the
format hints shown in the line edits of the others (time, date and time, range, positions).

Plain and keyboard-usable: an acknowledgement is a check box, a ranking a list with Up and
Down buttons (Alt+Up / Alt+Down in the list). Each editor emits ``committed(value)`` with the
stored form of the answer (``OK``; the codes in order, space separated).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.definition import Question

LINE_TYPES = frozenset({"time", "datetime", "range", "barcode", "geopoint", "geotrace", "geoshape"})


def placeholder(question: Question) -> str:
    """The format a line edit expects for ``question`` ("" for free text)."""
    qtype = question.type
    if qtype == "date":
        return QCoreApplication.translate("QuestionWidget", "YYYY-MM-DD")
    if qtype == "time":
        return QCoreApplication.translate("AnswerEditors", "HH:MM")
    if qtype == "datetime":
        return QCoreApplication.translate("AnswerEditors", "YYYY-MM-DDTHH:MM")
    if qtype == "range":
        start = question.parameter("start", 1.0)
        end = question.parameter("end", 10.0)
        step = question.parameter("step", 1.0)
        return QCoreApplication.translate("AnswerEditors", "a number from {start} to {end}, by {step}").format(
            start=_plain(start), end=_plain(end), step=_plain(step)
        )
    if qtype == "geopoint":
        return QCoreApplication.translate("AnswerEditors", "latitude longitude, as in 14.6928 -17.4467")
    if qtype == "geotrace":
        return QCoreApplication.translate("AnswerEditors", "2 positions or more: lat lon; lat lon; …")
    if qtype == "geoshape":
        return QCoreApplication.translate("AnswerEditors", "3 positions or more, then the first again: lat lon; …")
    if qtype == "barcode":
        return QCoreApplication.translate("AnswerEditors", "the code’s digits or text")
    return ""


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


class AcknowledgeEditor(QCheckBox):
    """An acknowledgement: ticked stores ``OK``, unticked clears the answer."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(lambda checked: self.committed.emit("OK" if checked else None))
        self.retranslate()

    def set_value(self, value: str | None) -> None:
        self.blockSignals(True)
        self.setChecked(value == "OK")
        self.blockSignals(False)

    def retranslate(self) -> None:
        self.setText(self.tr("OK"))


class _RankList(QListWidget):
    move = Signal(int)
    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept.emit()
            return
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class RankEditor(QWidget):
    """A ranking: the choices in order of preference; Up/Down (or Alt+Up/Alt+Down) move the
    selected one, and every move stores the whole order (Enter stores the order shown)."""

    committed = Signal(object)

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.lang = lang
        self.list = _RankList(self)
        self.list.setObjectName("rank_list")
        self.list.move.connect(self._move)
        self.list.accept.connect(lambda: self.committed.emit(" ".join(self.codes())))
        self.up = QToolButton(self)
        self.up.setObjectName("rank_up")
        self.up.setText("↑")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QToolButton(self)
        self.down.setObjectName("rank_down")
        self.down.setText("↓")
        self.down.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_value(None)
        self.retranslate(lang)

    def codes(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_value(self, value: str | None) -> None:
        chosen = [c for c in (value or "").split() if self.question.choice(c) is not None]
        order = chosen + [c.name for c in self.question.choices if c.name not in chosen]
        if order == self.codes():
            return
        self.list.clear()
        for code in order:
            item = QListWidgetItem(self.question.choice_label(code, self.lang))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list.addItem(item)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.committed.emit(" ".join(self.codes()))

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setText(self.question.choice_label(item.data(Qt.ItemDataRole.UserRole), lang))
        self.up.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down.setToolTip(self.tr("Move down (Alt+Down)"))


__all__ = ["LINE_TYPES", "AcknowledgeEditor", "RankEditor", "placeholder"]
