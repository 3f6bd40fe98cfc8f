"""What the window says while it opens a database (issue 14: a first start showed an empty
window for seconds): the step services.startup.open_database is at, in the placeholder page
and the status bar, painted at once (the work runs on the main thread)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STEP_TEXTS = {
    "create": QT_TRANSLATE_NOOP("Opening", "Creating the database…"),
    "check": QT_TRANSLATE_NOOP("Opening", "Checking the database file…"),
    "backup": QT_TRANSLATE_NOOP("Opening", "Making the automatic backup…"),
    "upgrade": QT_TRANSLATE_NOOP("Opening", "Preparing the database for this version…"),
    "reference": QT_TRANSLATE_NOOP("Opening", "Loading the study’s reference data (mechanisms, "
                                              "the Compact’s objectives)…"),
    "forms": QT_TRANSLATE_NOOP("Opening", "Checking the study’s questionnaire and interview "
                                          "guide…"),
}


def step_text(step: str) -> str:
    return QCoreApplication.translate("Opening", STEP_TEXTS.get(step, "Opening the database…"))
