"""What every view is handed in its constructor: the database, the change bus, the task
runner, the dialog service, the one undo stack and the preferences."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from ..persistence.database import Database
from ..preferences import Preferences
from .bus import ChangeBus
from .dialogs import DialogService
from .tasks import TaskRunner


@dataclass
class UiContext:
    db: Database
    bus: ChangeBus
    runner: TaskRunner
    dialogs: DialogService
    undo: QUndoStack
    prefs: Preferences

    @property
    def lang(self) -> str:
        return self.prefs.language

    @property
    def actor(self) -> str:
        return self.prefs.profile
