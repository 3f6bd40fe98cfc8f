"""A word-wrapped label that lays its text out once per width.

Qt asks a word-wrapped QLabel its height for a width many times while a window first shows
(each nested layout, the scroll area with and without its scroll bar, the splitter): about 17
times for 7 widths for each question's label, and QLabel lays the whole text out again every
time. Opening a questionnaire spent most of its showing there. This label keeps the height
found for each width until its text, font, style, margins or direction change (a style
that sets another font on polish does it through a FontChange).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

# what changes the height a text needs at a given width
_RESETS = frozenset({
    QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange,
    QEvent.Type.ContentsRectChange, QEvent.Type.LayoutDirectionChange,
})


class WrapLabel(QLabel):
    """A plain-text, word-wrapped QLabel whose height for each width is computed once."""

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if text:
            self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - Qt API
        self._heights.clear()
        super().setWordWrap(on)

    def setMargin(self, margin: int) -> None:  # noqa: N802 - Qt API
        self._heights.clear()
        super().setMargin(margin)

    def setIndent(self, indent: int) -> None:  # noqa: N802 - Qt API
        self._heights.clear()
        super().setIndent(indent)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in _RESETS:
            self._heights.clear()
        super().changeEvent(event)



class PlainHint:
    """For a box holding wrapped labels: its size hint is its layout's, without the height for
    that width Qt otherwise works out (laying every label inside out again at the box's
    preferred width, each box level another width). In a vertical layout of a scroll page
    that height is never used: the box is given the height for its real width."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        layout = self.layout()
        if layout is None:
            return super().sizeHint()
        self.ensurePolished()  # as QLayout::totalSizeHint: the style may set the margins
        margins = self.contentsMargins()
        return layout.sizeHint() + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
