"""One change bus: services' callers announce what changed; views refresh once per burst."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


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


class RefreshWhenShown(QObject):
    """Keeps a page current without working for hidden pages: a change of one of ``kinds``
    on the bus refreshes the page at once when it is visible, else the next time it is shown.
    ``request()`` does the same for other reasons (a language change)."""

    def __init__(self, page: QWidget, bus: ChangeBus, kinds: Iterable[str],
                 refresh: Callable[[], None]) -> None:
        super().__init__(page)
        self.page, self.kinds, self.refresh = page, frozenset(kinds), refresh
        self.stale = False
        bus.data_changed.connect(self._changed)
        page.installEventFilter(self)

    def request(self, now: bool = False) -> None:
        """Refresh when the page can be seen: at once (``now``), after the current event,
        or when it is next shown."""
        if not self.page.isVisible():
            self.stale = True
        elif now:
            self.refresh()
        else:
            QTimer.singleShot(0, self.refresh)

    def _changed(self, kind: str, _ids: list) -> None:
        if kind in self.kinds:
            self.request()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()  # before the page's first paint, so it never shows stale rows
        return False
