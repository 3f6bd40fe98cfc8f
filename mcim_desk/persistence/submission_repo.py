"""Queries of the JSON submissions import (services/submissions.py): the instance ids of
edited submissions, a response's received time.

An edit made in KoboToolbox or ODK Collect is a new submission with a new instance id whose
``meta/deprecatedID`` names the one it replaces. The response keeps its id (its answers,
quotes, interviews and history point to it); the new instance id is recorded in the audit
log, append-only, as an ``edit`` of entity ``response_instance`` whose entity id is the new
instance id and whose new value is the response id. The next edit names that instance id;
this module finds the response from it (through the audit log's (entity, entity_id) index).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .models import AuditEntry, Response

INSTANCE_ENTITY = "response_instance"


def response_for_instance(session: Session, instance_id: str) -> str | None:
    """The live response an edited submission's instance id was recorded for, or None."""
    stmt = (
        select(Response.id)
        .join(AuditEntry, AuditEntry.new_value == Response.id)
        .where(
            AuditEntry.entity == INSTANCE_ENTITY, AuditEntry.entity_id == instance_id,
            Response.deleted_at.is_(None),
        )
        .order_by(AuditEntry.at.desc())
        .limit(1)
    )
    return session.execute(stmt).scalar()


def set_received_at(session: Session, response_id: str, when: datetime) -> None:
    """When the response was submitted (Kobo's ``_submission_time``); not a user edit, so
    the revision is left alone."""
    session.connection().execute(
        update(Response).where(Response.id == response_id).values(received_at=when))


__all__ = ["INSTANCE_ENTITY", "response_for_instance", "set_received_at"]
