"""Conflicts an import found: list the pending ones, settle them (keep mine, keep theirs,
or a typed value), and the pieces :func:`.exchange.apply_import` uses to store or settle
them in its own transaction.

A pending conflict is stored in ``exchange_conflict`` with both values, who changed each
when, and the bundle's audit rows about it (held back until the choice). The window's
conflict dialog, or :func:`resolve_conflicts`, settles them later.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..exchange.merge import NOTE_SUFFIX, REPEAT_TABLE, Conflict

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database

CHOICES = ("mine", "theirs", "edit")


@dataclass(frozen=True)
class ChangeInfo:
    actor: str
    at: datetime | None
    installation_id: str | None
    action: str


@dataclass(frozen=True)
class ConflictInfo:
    """One conflicting field, ready to show: ``where`` names the record (mechanism, form,
    contact...), ``question`` the field; ``mine_text``/``theirs_text`` are the values as
    text. ``id`` is the stored conflict's id (None in a preview)."""

    key: str
    table: str
    record_id: str
    field: str
    where: str
    question: str
    mine: Any
    theirs: Any
    mine_text: str
    theirs_text: str
    mine_changes: tuple[ChangeInfo, ...]
    theirs_changes: tuple[ChangeInfo, ...]
    editable: bool
    id: str | None = None


@dataclass(frozen=True)
class Resolution:
    """A user's choice for one conflict: "mine", "theirs", or "edit" with ``value``."""

    choice: str
    value: str | None = None


def _conflict_row(item: Conflict, manifest: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "table_name": item.table,
        "record_id": item.record_id,
        "field": item.field,
        "mine_value": json.dumps(item.mine, ensure_ascii=False),
        "theirs_value": json.dumps(item.theirs, ensure_ascii=False),
        "mine_changes": json.dumps([c.__dict__ for c in item.mine_changes], ensure_ascii=False),
        "theirs_changes": json.dumps([c.__dict__ for c in item.theirs_changes], ensure_ascii=False),
        "held_audit": json.dumps(list(item.held_audit), ensure_ascii=False),
        "source_installation": manifest.get("installation_id"),
        "bundle_id": manifest.get("bundle_id"),
    }


# --- resolving conflicts ----------------------------------------------------------------------


def _check_resolution(key: str, resolution: Resolution) -> None:
    if resolution.choice not in CHOICES:
        raise ValueError(f"unknown choice {resolution.choice!r} for {key}")


def _convert_edit(item: Conflict, text: str | None) -> Any:
    """A typed value for a field, checked against its column; ValidationError when wrong."""
    from ..persistence import exchange_repo
    from .catalogue import ValidationError, clean_mechanism_value

    if item.table == "answer":
        return text if text not in (None, "") else None
    if item.table == "mechanism":
        return clean_mechanism_value(item.field, text)
    kind = exchange_repo.column_kinds().get(item.table, {}).get(item.field, "str")
    value = (text or "").strip()
    if not value:
        return None
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            return value.lower() in ("1", "true", "yes", "oui", "vrai")
        if kind == "datetime":
            return datetime.fromisoformat(value).isoformat()
        if kind == "date":
            from datetime import date

            return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValidationError(
            QCoreApplication.translate("Exchange", "“{value}” is not a valid value for {field}.").format(value=value, field=item.field),
            item.field,
        ) from None
    return text


def _resolve(session: Session, item: Conflict, resolution: Resolution, actor: str) -> set[str]:
    """Apply one choice (its audit rows included); returns the responses whose answers
    changed."""
    from ..persistence import exchange_repo
    from ..persistence.models import utcnow

    current = _current_value(session, item)
    if resolution.choice == "mine":
        chosen = current
    elif resolution.choice == "theirs":
        chosen = item.theirs
    else:
        chosen = _convert_edit(item, resolution.value)
    have = exchange_repo.existing_ids(session, exchange_repo.AUDIT_TABLE, [r["id"] for r in item.held_audit])
    exchange_repo.append_audit_dicts(session, [r for r in item.held_audit if r["id"] not in have])
    affected: set[str] = set()
    now = utcnow()
    if chosen != current:
        if item.table == "answer":
            path, column = _answer_field(item.field)
            row = exchange_repo.answer_row(session, item.record_id, path)
            if row is None:
                exchange_repo.insert_answer(
                    session, item.record_id, path, chosen if column == "value" else None,
                    chosen if column == "note" else None,
                )
            else:
                exchange_repo.update_rows(session, "answer", {row["id"]: {column: chosen}}, now)
            affected.add(item.record_id)
        elif item.table == REPEAT_TABLE:
            doomed = [r["id"] for r in exchange_repo.repeat_answers(session, item.record_id, item.field)]
            exchange_repo.delete_answers(session, doomed)
            exchange_repo.insert_rows(
                session, "answer", ["id", "response_id", "path", "value", "note"],
                [[None, item.record_id, p, v, n] for p, v, n in (chosen or [])],
                now,
            )
            affected.add(item.record_id)
        else:
            exchange_repo.update_rows(session, item.table, {item.record_id: {item.field: chosen}}, now)
            if item.table == "response":
                affected.add(item.record_id)
    entity, field_name, action = _audit_target(item)
    exchange_repo.append_audit(
        session, actor=actor, action=action, entity=entity, entity_id=item.record_id,
        field=field_name, old=_audit_text(current), new=_audit_text(chosen),
    )
    return affected


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _answer_field(field_name: str) -> tuple[str, str]:
    if field_name.endswith(NOTE_SUFFIX):
        return field_name[: -len(NOTE_SUFFIX)], "note"
    return field_name, "value"


def _audit_target(item: Conflict) -> tuple[str, str, str]:
    """(entity, field, action) of the audit row that records a resolution, written so that
    the next merge reads it as a change of that very field."""
    if item.table == "answer":
        path, column = _answer_field(item.field)
        return "answer", path, "note" if column == "note" else "resolve"
    if item.table == REPEAT_TABLE:
        return "answer", item.field, "resolve"
    return item.table, item.field, "resolve"


def _current_value(session: Session, item: Conflict) -> Any:
    from ..exchange.merge import _block
    from ..persistence import exchange_repo

    if item.table == "answer":
        path, column = _answer_field(item.field)
        row = exchange_repo.answer_row(session, item.record_id, path)
        return row.get(column) if row else None
    if item.table == REPEAT_TABLE:
        return _block(exchange_repo.repeat_answers(session, item.record_id, item.field)) or None
    row = exchange_repo.record(session, item.table, item.record_id)
    return row.get(item.field) if row else None


def _stored(row) -> Conflict:  # noqa: ANN001 - an ORM ExchangeConflict
    from ..exchange.merge import Change

    def changes(text: str) -> tuple[Change, ...]:
        return tuple(Change(**c) for c in json.loads(text or "[]"))

    return Conflict(
        table=row.table_name,
        record_id=row.record_id,
        field=row.field,
        mine=json.loads(row.mine_value) if row.mine_value else None,
        theirs=json.loads(row.theirs_value) if row.theirs_value else None,
        mine_changes=changes(row.mine_changes),
        theirs_changes=changes(row.theirs_changes),
        held_audit=tuple(json.loads(row.held_audit or "[]")),
    )


def pending_conflicts(db: Database, lang: str = "en") -> list[ConflictInfo]:
    """The conflicts imports left for a user to settle, oldest first."""
    from ..persistence import exchange_repo

    with db.read() as session:
        rows = exchange_repo.pending_conflicts(session)
        items = [_stored(r) for r in rows]
        described = _describe(session, items, lang, current=True)
        return [
            ConflictInfo(**{**info.__dict__, "id": row.id}) for info, row in zip(described, rows, strict=True)
        ]


def pending_count(db: Database) -> int:
    from ..persistence import exchange_repo

    with db.read() as session:
        return len(exchange_repo.pending_conflicts(session))


def resolve_conflicts(db: Database, resolutions: Mapping[str, Resolution], actor: str) -> int:
    """Settle stored conflicts (by conflict id) in one transaction; returns how many."""
    from ..persistence import exchange_repo

    for key, resolution in resolutions.items():
        _check_resolution(key, resolution)
    done = 0
    with db.write() as session:
        affected: set[str] = set()
        for conflict_id, resolution in resolutions.items():
            row = exchange_repo.conflict(session, conflict_id)
            if row is None or row.resolved_at is not None:
                continue
            affected |= _resolve(session, _stored(row), resolution, actor)
            exchange_repo.mark_resolved(session, row, resolution.choice, actor)
            done += 1
        _refresh_responses(session, affected, actor)
    return done


# --- after answers changed ------------------------------------------------------------------


def _refresh_responses(session: Session, response_ids: set[str], actor: str) -> None:
    """Relevance flags and automatic status of responses whose answers a merge changed
    (a validated response stays validated)."""
    if not response_ids:
        return
    from ..forms.engine import FormState
    from ..persistence import exchange_repo
    from . import forms as form_service

    facts = exchange_repo.response_facts(session, response_ids)
    for response_id in sorted(facts):
        form_version_id, status = facts[response_id]
        try:
            definition = form_service.definition_in(session, form_version_id)
        except KeyError:
            continue
        rows = exchange_repo.answer_rows(session, response_id)
        values = {path: value for _id, path, value, _rel in rows if value is not None}
        state = FormState(definition, values)
        changes = []
        for answer_id, path, _value, relevant in rows:
            flag = state.relevant(path)
            if bool(relevant) != flag:
                changes.append((answer_id, flag))
        exchange_repo.set_relevance(session, changes)
        if status != "validated":
            automatic = "complete" if state.is_complete() else "draft"
            if automatic != status:
                exchange_repo.set_response_status(session, response_id, automatic)
                exchange_repo.append_audit(
                    session, actor=actor, action="status", entity="response", entity_id=response_id,
                    field="status", old=status, new=automatic,
                )


# --- describing conflicts -------------------------------------------------------------------


def _members_text(value: Any, lang: str) -> str:
    """A stored membership (JSON list of ISO codes) as the States' names, one a line."""
    from ..domain.countries import country_name, load, sort_key

    codes = load(value) if isinstance(value, str) else None
    if not codes:
        return _text(value, lang)
    return "\n".join(f"{country_name(c, lang)} ({c})" for c in sorted(codes, key=lambda c: sort_key(c, lang)))


def _text(value: Any, lang: str, definition: Any = None, path: str | None = None) -> str:
    """A value as a user reads it: choices by their labels, a repeat as one line per
    answer, relative to the repeat."""
    if value is None or value == "":
        return QCoreApplication.translate("Exchange", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("Exchange", "yes") if value else QCoreApplication.translate("Exchange", "no")
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, list) and len(item) == 3:
                answer_path, answer, note = item
                if answer in (None, "") and not note:
                    continue
                shown = _text(answer, lang, definition, answer_path) if answer not in (None, "") else ""
                relative = answer_path[len(path):] if path and answer_path.startswith(path) else answer_path
                line = f"{relative}: {shown}"
                if note:
                    line += f"  [{note}]"
                lines.append(line)
            else:
                lines.append(str(item))
        return "\n".join(lines) or QCoreApplication.translate("Exchange", "(empty)")
    if definition is not None and path is not None and isinstance(value, str):
        element = definition.find(path)
        if element is not None and element.is_select:
            codes = value.split() if element.type == "select_multiple" else [value]
            return "; ".join(element.choice_label(code, lang) for code in codes)
    return str(value)


def _change_info(change: Any) -> ChangeInfo:
    at = None
    try:
        at = datetime.fromisoformat(change.at) if change.at else None
    except ValueError:
        at = None
    return ChangeInfo(change.actor, at, change.installation_id, change.action)


def _describe(session: Session, items: list[Conflict], lang: str, *, current: bool = False) -> list[ConflictInfo]:
    from ..persistence import exchange_repo
    from . import forms as form_service

    mechanisms = exchange_repo.mechanism_labels(session)
    response_ids = {i.record_id for i in items if i.table in ("answer", REPEAT_TABLE, "response")}
    facts = exchange_repo.response_facts(session, response_ids)
    owners = exchange_repo.response_mechanisms(session, response_ids)

    def acronym(mechanism_id: str | None) -> str:
        labels = mechanisms.get(mechanism_id or "")
        if not labels:
            return ""
        return labels[1] if lang == "fr" else labels[2]

    result = []
    for item in items:
        question = _field_label(item.field)
        where = f"{item.table} {item.record_id[:8]}"
        if item.table in ("answer", REPEAT_TABLE, "response"):
            definition = None
            fact = facts.get(item.record_id)
            if fact is not None:
                try:
                    definition = form_service.definition_in(session, fact[0])
                except KeyError:
                    definition = None
            kind = ""
            if definition is not None:
                if definition.kind == "interview":
                    kind = QCoreApplication.translate("Exchange", "interview guide")
                elif definition.kind == "questionnaire":
                    kind = QCoreApplication.translate("Exchange", "questionnaire")
                else:  # another form: its own title
                    kind = definition.title(lang)
            where = " — ".join(p for p in (acronym(owners.get(item.record_id)), kind) if p)
            if item.table != "response" and definition is not None:
                from ..forms.captions import question_caption

                path, column = _answer_field(item.field)
                question = question_caption(definition, path, lang)  # its number and label, not its path
                if column == "note":
                    question += " (" + QCoreApplication.translate("Exchange", "note") + ")"
        else:
            row = exchange_repo.record(session, item.table, item.record_id) or {}
            if item.table == "mechanism":
                where = acronym(item.record_id)
            elif item.table == "contact":
                where = " — ".join(p for p in (acronym(row.get("mechanism_id")), row.get("name") or "") if p)
            elif "mechanism_id" in row:
                where = f"{acronym(row.get('mechanism_id'))} — {item.table}"
        mine = _current_value(session, item) if current else item.mine
        answer_definition = answer_path = None
        if item.table in ("answer", REPEAT_TABLE):
            fact = facts.get(item.record_id)
            try:
                answer_definition = form_service.definition_in(session, fact[0]) if fact else None
            except KeyError:
                answer_definition = None
            answer_path, column = _answer_field(item.field)
            if column == "note":
                answer_definition = None  # a note is free text, whatever the question
        result.append(
            ConflictInfo(
                key=item.key,
                table=item.table,
                record_id=item.record_id,
                field=item.field,
                where=where or item.table,
                question=question,
                mine=mine,
                theirs=item.theirs,
                mine_text=_members_text(mine, lang) if item.field == "member_states" else
                _text(mine, lang, answer_definition, answer_path),
                theirs_text=_members_text(item.theirs, lang) if item.field == "member_states" else
                _text(item.theirs, lang, answer_definition, answer_path),
                mine_changes=tuple(_change_info(c) for c in item.mine_changes),
                theirs_changes=tuple(_change_info(c) for c in item.theirs_changes),
                editable=item.editable,
            )
        )
    return result


def _field_label(name: str) -> str:
    """A column as users know it (literal calls, so that lupdate finds every label)."""
    labels = {
        "acronym_fr": QCoreApplication.translate("Exchange", "Acronym (French)"),
        "acronym_en": QCoreApplication.translate("Exchange", "Acronym (English)"),
        "name_fr": QCoreApplication.translate("Exchange", "Name (French)"),
        "name_en": QCoreApplication.translate("Exchange", "Name (English)"),
        "member_state_count": QCoreApplication.translate("Exchange", "Member states"),
        "member_states": QCoreApplication.translate("Exchange", "Member States"),
        "member_states_source": QCoreApplication.translate("Exchange", "Source of the membership list"),
        "chair_country": QCoreApplication.translate("Exchange", "Chair country"),
        "website": QCoreApplication.translate("Exchange", "Website"),
        "notes": QCoreApplication.translate("Exchange", "Notes"),
        "name": QCoreApplication.translate("Exchange", "Name"),
        "title": QCoreApplication.translate("Exchange", "Title"),
        "institution": QCoreApplication.translate("Exchange", "Institution"),
        "email": QCoreApplication.translate("Exchange", "E-mail"),
        "phone": QCoreApplication.translate("Exchange", "Phone"),
        "time_zone": QCoreApplication.translate("Exchange", "Time zone"),
        "role": QCoreApplication.translate("Exchange", "Role"),
        "status": QCoreApplication.translate("Exchange", "Status"),
        "deleted_at": QCoreApplication.translate("Exchange", "Deleted (tombstone)"),
        "due_utc": QCoreApplication.translate("Exchange", "Due date (UTC)"),
        "planned_start_utc": QCoreApplication.translate("Exchange", "Planned start (UTC)"),
        "text": QCoreApplication.translate("Exchange", "Text"),
    }
    return labels.get(name, name)


# --- spreadsheets ---------------------------------------------------------------------------


__all__ = [
    "CHOICES", "ChangeInfo", "ConflictInfo", "Resolution", "pending_conflicts", "pending_count",
    "resolve_conflicts",
]
