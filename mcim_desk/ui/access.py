"""Names a screen reader can read, and tables that let Tab go on: small helpers every page
and dialog uses (``tests/ui/test_accessibility.py`` walks every screen for what they miss).

- A field with a label gets the label's text as its accessible name (combo boxes are
  otherwise read by their current value, views by nothing).
- Item views release Tab: Qt's tables keep it for moving between cells by default, so Tab
  and Shift+Tab would loop inside a table and never reach the rest of the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget


def plain(text: str) -> str:
    """A label's text as a name: no mnemonic ampersand, no trailing colon."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(" :\u00a0")


def name(widget: QWidget, text: str, description: str | None = None) -> None:
    widget.setAccessibleName(plain(text))
    if description is not None:
        widget.setAccessibleDescription(description)


def name_from_buddies(root: QWidget) -> None:
    """Each labelled field under ``root`` takes its label's text as its accessible name (again
    after a language change: call it from ``retranslate``)."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            buddy.setAccessibleName(plain(label.text()))


def view(widget: QAbstractItemView, text: str) -> None:
    """A table, tree or list: named, and Tab leaves it (arrows move inside)."""
    widget.setTabKeyNavigation(False)
    widget.setAccessibleName(plain(text))


__all__ = ["name", "name_from_buddies", "plain", "view"]
