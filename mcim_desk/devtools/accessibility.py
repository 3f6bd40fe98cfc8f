"""What a screen reader and a keyboard user would stumble on, found by walking widgets:
an interactive widget without a name to read, a table or list that keeps Tab, a menu whose
entries share (or lack) a mnemonic. The accessibility test runs these on every screen of
:mod:`.screens`."""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView)
# Qt's own parts of a composite widget (a combo's line edit, a line edit's clear button,
# a tab bar's scroll arrows, a view's editors): named through their owner
_COMPOSITES = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QAbstractItemView, QScrollBar)
_MNEMONIC = re.compile(r"&([^&\s])")


def describe(widget: QWidget) -> str:
    """A widget as a developer finds it: class, object name, and its owner's."""
    parts = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 3:
        name = current.objectName()
        parts.append(f"{type(current).__name__}" + (f"#{name}" if name else ""))
        current = current.parentWidget()
    return " < ".join(parts)


def _is_part_of_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOSITES):
            return True
        if parent.isWindow():
            return False
        parent = parent.parentWidget()
    return False


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` ("" when it has none worth hearing).

    Combo boxes are read by their current value on Linux, and views by nothing: both need an
    accessible name. A button's name is its text when that text has a letter or digit ("↑" is
    not a name). Other fields take their buddy label's text, as Qt does."""
    name = widget.accessibleName().strip()
    if name:
        return name
    if isinstance(widget, QAbstractButton):
        text = widget.text().replace("&", "").strip()
        return text if any(ch.isalnum() for ch in text) else ""
    if isinstance(widget, (QComboBox, QAbstractItemView)):
        return ""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return (interface.text(QAccessible.Text.Name) or "").replace("&", "").strip()


def widget_problems(root: QWidget) -> list[str]:
    """Every visible interactive widget under ``root`` (included) without a spoken name, and
    every item view that keeps Tab for its cells."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, (QHeaderView, QScrollBar)):
            continue
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.focusPolicy() == widget.focusPolicy().NoFocus and not isinstance(widget, QAbstractItemView):
            continue
        if _is_part_of_composite(widget):
            continue
        if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation():
            found.append(f"keeps Tab: {describe(widget)}")
        if not spoken_name(widget):
            found.append(f"no accessible name: {describe(widget)}")
    return found


def menu_problems(menu_bar: QMenuBar) -> list[str]:
    """Menus whose entries share a mnemonic, or have none (the menu bar's titles included)."""
    found: list[str] = []

    def check(title: str, texts: list[str]) -> None:
        seen: dict[str, str] = {}
        for text in texts:
            letters = _MNEMONIC.findall(text)
            if not letters:
                found.append(f"no mnemonic in {title}: {text!r}")
                continue
            letter = letters[0].casefold()
            if letter in seen:
                found.append(f"mnemonic &{letter} twice in {title}: {seen[letter]!r} and {text!r}")
            seen[letter] = text

    menus = [a.menu() for a in menu_bar.actions() if a.menu() is not None]
    check("the menu bar", [m.title() for m in menus])
    for menu in menus:
        _check_menu(menu, check)
    return found


def _check_menu(menu: QMenu, check) -> None:  # noqa: ANN001
    texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    check(menu.title().replace("&", ""), texts)
    for action in menu.actions():
        if action.menu() is not None:
            _check_menu(action.menu(), check)


__all__ = ["describe", "menu_problems", "spoken_name", "widget_problems"]
