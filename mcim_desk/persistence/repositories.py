"""Queries and writes, each taking the caller's session (the service owns the transaction)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.reference import ReferenceData
from .models import AuditEntry, Contact, Mechanism, ReferenceItem, Setting, new_uuid, utcnow

# --- settings -----------------------------------------------------------------------------


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def installation_id(session: Session) -> str:
    value = get_setting(session, "installation_id")
    if value is None:
        value = new_uuid()
        set_setting(session, "installation_id", value)
    return value


# --- audit --------------------------------------------------------------------------------


def append_audit(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    field: str | None = None,
    old: object = None,
    new: object = None,
    at: datetime | None = None,
) -> None:
    session.add(
        AuditEntry(
            at=at or utcnow(),
            actor=actor,
            installation_id=get_setting(session, "installation_id"),
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old_value=None if old is None else str(old),
            new_value=None if new is None else str(new),
        )
    )


def audit_rows(session: Session, entity: str, entity_ids: Iterable[str]) -> list[AuditEntry]:
    ids = list(entity_ids)
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(stmt))


# --- reference data -----------------------------------------------------------------------


def sync_reference(session: Session, data: ReferenceData) -> dict[str, int]:
    """Insert what is missing, refresh labels, and leave every user edit alone: a mechanism
    field is refreshed only while it still holds the value the reference last gave it."""
    added = updated = 0
    existing = {m.key: m for m in session.scalars(select(Mechanism))}
    for ref in data.mechanisms:
        new_values = ref.values()
        row = existing.get(ref.key)
        if row is None:
            session.add(
                Mechanism(id=ref.id, key=ref.key, reference_values=json.dumps(new_values), **new_values)
            )
            added += 1
            continue
        last = json.loads(row.reference_values or "{}")
        changed = False
        for field, value in new_values.items():
            if getattr(row, field) == last.get(field, getattr(row, field)) and getattr(row, field) != value:
                setattr(row, field, value)
                changed = True
        if last != new_values:
            row.reference_values = json.dumps(new_values)
        updated += changed
    items = {(i.kind, i.name): i for i in session.scalars(select(ReferenceItem))}
    for entry in data.entries:
        values = {
            "number": entry.number,
            "parent": entry.parent,
            "label_fr": entry.label_fr,
            "label_en": entry.label_en,
            "text_fr": entry.text_fr,
            "text_en": entry.text_en,
            "sort": entry.sort,
        }
        item = items.get((entry.kind, entry.name))
        if item is None:
            session.add(ReferenceItem(kind=entry.kind, name=entry.name, **values))
            added += 1
        elif any(getattr(item, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(item, k, v)
            updated += 1
    set_setting(session, "reference_digest", data.digest)
    return {"added": added, "updated": updated}


def reference_items(session: Session, kind: str | None = None) -> list[ReferenceItem]:
    stmt = select(ReferenceItem).order_by(ReferenceItem.kind, ReferenceItem.sort)
    if kind:
        stmt = stmt.where(ReferenceItem.kind == kind)
    return list(session.scalars(stmt))


# --- mechanisms and contacts --------------------------------------------------------------


def mechanism(session: Session, mechanism_id: str) -> Mechanism | None:
    return session.get(Mechanism, mechanism_id)


def mechanisms(session: Session) -> list[Mechanism]:
    stmt = select(Mechanism).where(Mechanism.deleted_at.is_(None)).order_by(Mechanism.sort)
    return list(session.scalars(stmt))


def mechanism_by_acronym(session: Session, acronym: str) -> Mechanism | None:
    wanted = acronym.strip().casefold()
    for row in mechanisms(session):
        if wanted in {row.acronym_fr.casefold(), row.acronym_en.casefold(), row.key}:
            return row
    return None


def contacts_of(session: Session, mechanism_id: str) -> list[Contact]:
    stmt = (
        select(Contact)
        .where(Contact.mechanism_id == mechanism_id, Contact.deleted_at.is_(None))
        .order_by(Contact.role, Contact.name)
    )
    return list(session.scalars(stmt))


def counts(session: Session) -> dict[str, int]:
    """Counts `mcim-desk check` prints: mechanisms by type, reference items by kind."""
    result: dict[str, int] = {}
    for type_, n in session.execute(
        select(Mechanism.type, func.count()).where(Mechanism.deleted_at.is_(None)).group_by(Mechanism.type)
    ):
        result[f"mechanisms.{type_}"] = n
    for kind, n in session.execute(
        select(ReferenceItem.kind, func.count()).group_by(ReferenceItem.kind)
    ):
        result[kind] = n
    result["mechanisms"] = sum(v for k, v in result.items() if k.startswith("mechanisms."))
    return result
