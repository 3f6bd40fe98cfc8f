"""Colours with a meaning (error, success, muted text, overdue), taken from the palette and
made readable on it: at least 4.5:1 against the window and the base colour (WCAG AA), on a
light palette and on a dark one alike. No page writes a colour by hand."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

AA = 4.5
_HUES = {"error": "#b00020", "success": "#1b5e20", "warning": "#8a5a00"}


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(first: QColor, second: QColor) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _mix(colour: QColor, other: QColor, share: float) -> QColor:
    return QColor(
        round(colour.red() * (1 - share) + other.red() * share),
        round(colour.green() * (1 - share) + other.green() * share),
        round(colour.blue() * (1 - share) + other.blue() * share),
    )


def readable(colour: QColor, *backgrounds: QColor, minimum: float = AA) -> QColor:
    """``colour``, moved toward black or white (away from the backgrounds) until it reaches
    ``minimum`` against each of them."""
    dark = sum(luminance(b) for b in backgrounds) / len(backgrounds) < 0.4
    target = QColor("white") if dark else QColor("black")
    if dark and luminance(colour) < 0.2:  # a dark red on a dark window: start from its light twin
        colour = _mix(colour, QColor("white"), 0.55)
    for step in range(21):
        candidate = _mix(colour, target, step / 20)
        if all(contrast(candidate, b) >= minimum for b in backgrounds):
            return candidate
    return target


def _palette(source: QWidget | QPalette | None) -> QPalette:
    if isinstance(source, QPalette):
        return source
    if source is not None:
        return source.palette()
    return QApplication.palette()


def colour(role: str, source: QWidget | QPalette | None = None) -> QColor:
    """``error``, ``success``, ``warning`` or ``muted`` (secondary text, closed rows), readable
    on the window and on the base (the background of fields and lists)."""
    palette = _palette(source)
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    if role == "muted":
        text = palette.color(QPalette.ColorRole.WindowText)
        start = _mix(text, window, 0.45)
    else:
        start = QColor(_HUES[role])
    return readable(start, window, base)


def text_style(role: str, source: QWidget | QPalette | None = None) -> str:
    return f"color: {colour(role, source).name()};"


_CHOSEN: dict[tuple[str, int, int, int], QColor] = {}


def set_text_colour(widget: QWidget, role: str) -> None:
    """Draw ``widget``'s text in ``colour(role)`` through its palette: what
    ``setStyleSheet(text_style(role))`` shows, without a style sheet per widget (Qt then
    polishes each such widget through its style sheet engine: the form's hints and messages
    made that a third of opening a questionnaire)."""
    palette = widget.palette()
    key = (role, palette.color(QPalette.ColorRole.Window).rgba(), palette.color(QPalette.ColorRole.Base).rgba(),
           palette.color(QPalette.ColorRole.WindowText).rgba())
    chosen = _CHOSEN.get(key)
    if chosen is None:
        chosen = _CHOSEN[key] = colour(role, palette)
    palette.setColor(QPalette.ColorRole.WindowText, chosen)
    palette.setColor(QPalette.ColorRole.Text, chosen)
    widget.setPalette(palette)


def border_style(source: QWidget | QPalette | None = None) -> str:
    return f"border: 1px solid {colour('error', source).name()};"


def fix_placeholder(palette: QPalette) -> QPalette:
    """Qt's placeholder grey is 4.00:1 on white: the muted colour instead."""
    muted = colour("muted", palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, muted)
    return palette


__all__ = ["AA", "border_style", "colour", "contrast", "fix_placeholder", "luminance", "readable",
           "set_text_colour", "text_style"]
