"""What SQLite or the database driver said, as one translated sentence for a message box; the
engine's own text (English, technical) stays for the box's details and the log."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_KNOWN = (
    (("file is not a database", "not a database"),
     QT_TRANSLATE_NOOP("EngineMessages", "the file is not a database, or it is encrypted or "
                                         "too damaged to be read.")),
    (("database is locked", "table is locked", "schema is locked"),
     QT_TRANSLATE_NOOP("EngineMessages", "another program is using the database; try again once "
                                         "it has finished.")),
    (("disk i/o error",),
     QT_TRANSLATE_NOOP("EngineMessages", "the disk could not be read or written (it may have been "
                                         "removed, or it is failing).")),
    (("readonly database", "read-only database"),
     QT_TRANSLATE_NOOP("EngineMessages", "the database cannot be written (the file or its folder "
                                         "is read-only).")),
    (("database or disk is full", "disk is full"),
     QT_TRANSLATE_NOOP("EngineMessages", "the disk is full.")),
    (("unable to open database file",),
     QT_TRANSLATE_NOOP("EngineMessages", "the database file could not be opened (check that it "
                                         "exists and that you may read it).")),
    (("malformed",),
     QT_TRANSLATE_NOOP("EngineMessages", "the database file is damaged.")),
)
_DAMAGED = QT_TRANSLATE_NOOP("EngineMessages", "the database file is damaged: its integrity check "
                                               "found errors.")


def database_problem(raw: str) -> str:
    """The sentence for ``raw`` (an exception's text or ``PRAGMA quick_check``'s answer);
    any other answer of the integrity check reads as damage."""
    text = raw.casefold()
    for needles, sentence in _KNOWN:
        if any(needle in text for needle in needles):
            return QCoreApplication.translate("EngineMessages", sentence)
    return QCoreApplication.translate("EngineMessages", _DAMAGED)
