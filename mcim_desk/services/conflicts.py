"""Saves made from a stale copy (issue 11): a window passes what it read with every save
(``expected``); when the stored value is no longer that, someone else (another window, user
or process) saved it since, and the save is refused with an EditConflict that carries both
values and who saved theirs when. Nothing of the refused save is written.

``UNCHECKED`` (the default) means the caller overwrites whatever is stored: scripts, the demo
and tests. Every window passes what it read instead."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class _Unchecked:
    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED: Any = _Unchecked()


class EditConflict(ValueError):
    """A save refused because what it would overwrite changed since the window read it.

    ``kind`` says what: "answer", "note", "repeat" (the entries of a repeat), "status",
    "source", "notes" (an interview's call notes) or "field" (a mechanism's field); ``path``
    the answer, repeat or field (None for a whole record); ``theirs`` the value saved now and
    ``yours`` the one refused (single values); ``actor`` and ``at`` (naive UTC) who saved
    theirs and when, from the audit log (None when it does not say). ``str()`` is a
    translated sentence for the user."""

    def __init__(self, message: str, *, kind: str, path: str | None, theirs: str | None = None,
                 yours: str | None = None, actor: str | None = None,
                 at: datetime | None = None) -> None:
        super().__init__(message)
        self.kind, self.path, self.theirs, self.yours = kind, path, theirs, yours
        self.actor, self.at = actor, at


def by_whom(actor: str | None, at: datetime | None) -> str:
    """"by amina at 2018-11-09 10:00:00 UTC", or "by someone else"."""
    if actor and at is not None:
        return QCoreApplication.translate("Conflicts", "by {actor} at {when} UTC").format(
            actor=actor, when=at.strftime("%Y-%m-%d %H:%M:%S"))
    return QCoreApplication.translate("Conflicts", "by someone else")


def blank_to_none(value: object) -> str | None:
    """How a caller's copy of a free text compares with the stored one (blank is none)."""
    return str(value) if value is not None and str(value).strip() else None


def refused(session: Session, template: str, *, entity: str, entity_id: str, field: str | None,
            kind: str, path: str | None = None, theirs: str | None = None,
            yours: str | None = None) -> EditConflict:
    """The EditConflict for a record's field (``template`` has ``{by}``), saying who changed
    it last and when, from the audit log."""
    from ..persistence import repositories

    change = repositories.last_change(session, entity, entity_id, field)
    actor, at = change if change is not None else (None, None)
    return EditConflict(template.format(by=by_whom(actor, at)), kind=kind, path=path,
                        theirs=theirs, yours=yours, actor=actor, at=at)
