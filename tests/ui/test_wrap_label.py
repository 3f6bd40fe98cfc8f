"""WrapLabel remembers its height for each width: the height it gives is always the one
QLabel computes on the spot for the label as it is now, and the one a fresh plain QLabel with
the same text, font, margins and direction gives, through any sequence of changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mcim_desk.ui.wrap_label import WrapLabel

WORDS = st.lists(st.sampled_from(["migration", "Pacte", "mondial", "sur", "les", "œuvre", "d’Almaty",
                                  "ISCM", "(FIR)", "a", "très-longue-expression-sans-espace", "\n"]),
                 max_size=40).map(" ".join)
CHANGES = st.lists(st.one_of(
    st.tuples(st.just("text"), WORDS),
    st.tuples(st.just("bold"), st.booleans()),
    st.tuples(st.just("size"), st.integers(7, 16)),
    st.tuples(st.just("margins"), st.integers(0, 12)),
    st.tuples(st.just("indent"), st.integers(-1, 20)),
    st.tuples(st.just("direction"), st.booleans()),
    st.tuples(st.just("clear"), st.none()),
), max_size=6)


def fresh_label(text: str, label: WrapLabel) -> QLabel:
    """A plain QLabel set up as ``label`` is now, never asked a height before."""
    plain = QLabel()
    plain.setTextFormat(Qt.TextFormat.PlainText)
    plain.setWordWrap(True)
    plain.setFont(label.font())
    plain.setContentsMargins(label.contentsMargins())
    plain.setIndent(label.indent())
    plain.setLayoutDirection(label.layoutDirection())
    plain.setText(text)
    return plain


@given(text=WORDS, changes=CHANGES, widths=st.lists(st.integers(20, 900), min_size=1, max_size=5))
def test_the_height_for_a_width_follows_every_change(qtbot, text: str, changes, widths: list[int]) -> None:  # noqa: ANN001
    label = WrapLabel(None, text)
    qtbot.addWidget(label)
    for width in widths:  # asked before the changes: remembered
        label.heightForWidth(width)
    for change, value in changes:
        if change == "text":
            label.setText(value)
        elif change == "bold":
            font = label.font()
            font.setBold(value)
            label.setFont(font)
        elif change == "size":
            font = label.font()
            font.setPointSize(value)
            label.setFont(font)
        elif change == "margins":
            label.setContentsMargins(value, value, value, value)
        elif change == "indent":
            label.setIndent(value)
        elif change == "direction":
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft if value else Qt.LayoutDirection.LeftToRight)
        else:
            label.clear()
        for width in widths:
            expected = QLabel.heightForWidth(label, width)  # Qt's own, laid out now
            assert label.heightForWidth(width) == expected, (change, value, width)
            assert label.heightForWidth(width) == expected  # the remembered one too
            if label.text():  # (an emptied QLabel says -1 or its margins, after its history)
                assert fresh_label(label.text(), label).heightForWidth(width) == expected
    assert label.wordWrap() and label.textFormat() == Qt.TextFormat.PlainText


def test_boxes_with_a_plain_hint_are_laid_out_as_qt_lays_them_out(qtbot) -> None:  # noqa: ANN001
    """A page of boxes holding wrapped labels gets the same geometry, at every width, whether
    its boxes' size hints work the height for width out (Qt's own) or not (PlainHint); the
    labels are asked their height at fewer widths."""
    from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

    from mcim_desk.ui.wrap_label import PlainHint

    class PlainBox(PlainHint, QFrame):
        pass

    texts = ["Veuillez indiquer le nom de votre mécanisme consultatif interétatique (MCIM) : *",
             "Votre MCIM a-t-il formulé une position (officielle) ou des recommandations concrètes "
             "pour le Pacte mondial ? " * 3, "Oui", "Non"]
    widths_asked = {}

    def page(box_class: type) -> tuple[QWidget, list[QWidget]]:
        top = QWidget()
        layout = QVBoxLayout(top)
        widgets: list[QWidget] = []
        for n in range(4):
            box = box_class(top)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            for text in texts[n % 2:]:
                label = WrapLabel(box, text)
                inner.addWidget(label)
                widgets.append(label)
            layout.addWidget(box)
            widgets.append(box)
        layout.addStretch(1)
        qtbot.addWidget(top)
        return top, widgets

    qt_page, qt_widgets = page(QFrame)
    plain_page, plain_widgets = page(PlainBox)
    for width in (900, 420, 260, 700):
        for top in (qt_page, plain_page):
            top.resize(width, 1200)
            top.show()
            top.layout().activate()
        assert [w.geometry() for w in plain_widgets] == [w.geometry() for w in qt_widgets], width
    for name, widgets in (("qt", qt_widgets), ("plain", plain_widgets)):
        widths_asked[name] = sum(len(w._heights) for w in widgets if isinstance(w, WrapLabel))  # noqa: SLF001
    assert widths_asked["plain"] < widths_asked["qt"]
    box = plain_widgets[-1]
    assert box.sizeHint().width() == QFrame.sizeHint(box).width()  # only the height is left out
