"""One change bus: services' callers announce what changed; views refresh once per burst."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal


class ChangeBus(QObject):
    """``notify(kind, ids)`` many times -> ``data_changed(kind, ids)`` once per kind, after the
    current event has been handled (a zero-delay timer coalesces the burst)."""

    data_changed = Signal(str, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, set[str]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._flush)

    def notify(self, kind: str, ids: Iterable[str] = ()) -> None:
        self._pending.setdefault(kind, set()).update(ids)
        self._timer.start()

    def flush_now(self) -> None:
        self._timer.stop()
        self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, {}
        for kind, ids in pending.items():
            self.data_changed.emit(kind, sorted(ids))
