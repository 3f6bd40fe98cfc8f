"""Background work through one helper: ``runner.run(fn, on_done, on_error)``.

``fn`` runs on Qt's global thread pool; its result (or exception) comes back on the main
thread through a queued signal. Workers never touch widgets. Tests use SyncRunner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to on_error on the main thread
            self.relay.finished.emit(None, exc)
        else:
            self.relay.finished.emit(result, None)


class TaskRunner:
    """Runs callables off the main thread and hands results back on it."""

    def __init__(self) -> None:
        self._relays: set[_Relay] = set()

    def run(self, fn: Callable[[], Any], on_done: Done | None = None,
            on_error: Failed | None = None) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any, exc: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if exc is not None:
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("background task failed", exc_info=exc)
            elif on_done is not None:
                on_done(result)

        relay.finished.connect(deliver)
        QThreadPool.globalInstance().start(_Job(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return QThreadPool.globalInstance().waitForDone(msecs)


class SyncRunner(TaskRunner):
    """Runs everything at once on the calling thread (tests, the self-test)."""

    def run(self, fn: Callable[[], Any], on_done: Done | None = None,
            on_error: Failed | None = None) -> None:
        try:
            result = fn()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
        else:
            if on_done is not None:
                on_done(result)
