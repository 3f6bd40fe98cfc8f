"""Undo commands for user edits. Each stores the old value and saves through a service, so
undo is itself an autosaved edit (git-cola's SetConfig do/undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class SaveValueCommand(QUndoCommand):
    """Set a value through ``save(value)``; undo saves the old one back.

    ``save`` runs one service call (one transaction). When it fails the command makes itself
    obsolete and ``on_error`` tells the user; nothing half-saved stays on the stack.
    """

    def __init__(
        self,
        text: str,
        old: object,
        new: object,
        save: Callable[[object], object],
        on_error: Callable[[BaseException], None] | None = None,
        merge_id: int = -1,
    ) -> None:
        super().__init__(text)
        self.old, self.new = old, new
        self._save, self._on_error = save, on_error
        self._merge_id = merge_id

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def _apply(self, value: object) -> None:
        try:
            self._save(value)
        except Exception as exc:
            self.setObsolete(True)
            if self._on_error is None:
                raise
            self._on_error(exc)

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._merge_id
