"""The repeat groups of the entry view (the Q25 table of entries): a titled box and the
repeat widget with its numbered entries, their move / remove buttons and the add button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..forms.definition import Question
from .colours import set_text_colour
from .wrap_label import PlainHint, WrapLabel


class TitledBox(PlainHint, QFrame):
    """A framed box with a heading that wraps (a QGroupBox title never wraps, so a long
    section or question title would make the whole form wider than the window)."""

    def __init__(self, parent: QWidget | None = None, bold: bool = True) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = WrapLabel(self)
        font = self.heading.font()
        font.setBold(bold)
        if bold:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.addWidget(self.heading)

    def setTitle(self, text: str) -> None:  # noqa: N802 - QGroupBox's name, kept
        self.heading.setText(text)
        self.heading.setVisible(bool(text))

    def title(self) -> str:
        return self.heading.text()


class RepeatWidget(TitledBox):
    """A repeat (e.g. Q25's partners): its instances, each with Remove / Up / Down, and Add."""

    add_requested = Signal(str)
    remove_requested = Signal(str, int)
    move_requested = Signal(str, int, int)

    def __init__(self, question: Question, path: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question, self.path, self.lang = question, path, lang
        self.setObjectName(f"repeat:{path}")
        self.body = QVBoxLayout()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("repeat_add")
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.path))
        self.empty = QLabel(self)
        set_text_colour(self.empty, "muted")
        self._count_label: QLabel | None = None  # made for a repeat_count only
        self.required_count: int | None = None
        layout = self.body_layout
        layout.addWidget(self.empty)
        layout.addLayout(self.body)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.instance_frames: dict[int, QFrame] = {}
        self.retranslate(lang)

    def instance_frame(self, index: int, position: int, count: int) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"instance:{index}")
        outer = QVBoxLayout(frame)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Entry {n}").format(n=position), frame)
        bar.addWidget(title, 1)
        for text, tip, handler, enabled in (
            ("↑", self.tr("Move entry {n} up").format(n=position),
             lambda: self.move_requested.emit(self.path, index, position - 1), position > 1),
            ("↓", self.tr("Move entry {n} down").format(n=position),
             lambda: self.move_requested.emit(self.path, index, position + 1), position < count),
            (self.tr("Remove"), self.tr("Remove entry {n}").format(n=position),
             lambda: self.remove_requested.emit(self.path, index), True),
        ):
            button = QToolButton(frame)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)  # read as "Move entry 2 up", not "↑"
            button.setEnabled(enabled)
            button.clicked.connect(handler)
            bar.addWidget(button)
        outer.addLayout(bar)
        self.body.addWidget(frame)
        self.instance_frames[index] = frame
        return frame, outer

    @property
    def count_label(self) -> QLabel:
        """"The form asks for n entries here", above the entries (made on first use)."""
        if self._count_label is None:
            self._count_label = QLabel(self)
            self._count_label.setObjectName("repeat_count")
            set_text_colour(self._count_label, "muted")
            self._count_label.hide()
            self.body_layout.insertWidget(self.body_layout.indexOf(self.empty), self._count_label)
        return self._count_label

    def order_tab_chain(self) -> None:
        """Tab goes through the entries in order, then to "Add an entry", then on to the next
        question (entries are built after the button, and again after each change)."""
        stops = []
        for frame in self.instance_frames.values():
            stops += [w for w in frame.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not _inside_composite(w, frame)]
        if not stops:
            return
        anchor = self.add_button.previousInFocusChain()
        while anchor is not None and anchor is not self.add_button and (
                anchor is self or self.isAncestorOf(anchor) or not anchor.focusPolicy() & Qt.FocusPolicy.TabFocus):
            anchor = anchor.previousInFocusChain()
        if anchor is None or anchor is self.add_button:
            return
        for first, second in zip([anchor, *stops], [*stops, self.add_button], strict=True):
            QWidget.setTabOrder(first, second)

    def clear_instances(self) -> None:
        for frame in self.instance_frames.values():
            frame.setParent(None)
            frame.deleteLater()
        self.instance_frames.clear()

    def set_count(self, required: int | None) -> None:
        """A repeat_count: the form says how many entries there are; Add stays available
        only until there are that many."""
        self.required_count = required
        present = len(self.instance_frames)
        if required is not None or self._count_label is not None:
            self.count_label.setVisible(required is not None)
        if required is not None:
            self.count_label.setText(
                self.tr("The form asks for {count} entries here ({present} so far).").format(
                    count=required, present=present
                )
            )
        self.add_button.setEnabled(required is None or present < required)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.setTitle(self.question.label(lang))
        self.add_button.setText(self.tr("Add an entry"))
        self.empty.setText(self.tr("No entry yet."))
        self.empty.setVisible(not self.instance_frames)
        self.set_count(self.required_count)


def _inside_composite(widget: QWidget, stop: QWidget) -> bool:
    """A combo box's line edit, a line edit's clear button: not tab stops of their own."""
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, (QComboBox, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False
