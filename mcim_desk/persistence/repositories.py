"""Queries and writes, each taking the caller's session (the service owns the transaction)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.reference import ReferenceData
from . import prepared
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


def mechanism(session: Session, mechanism_id: str, *, lock: bool = False) -> Mechanism | None:
    """The Mechanism row, or None; ``lock`` holds it until the transaction ends (PostgreSQL),
    so that two people opening its questionnaire at once do not both create one."""
    return session.get(Mechanism, mechanism_id, with_for_update=True if lock else None)


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
    result["membership_recorded"] = session.scalar(
        select(func.count()).select_from(Mechanism).where(
            Mechanism.deleted_at.is_(None), Mechanism.member_states.is_not(None)
        )
    ) or 0
    return result


def dangling_references(session: Session) -> dict[tuple[str, str], int]:
    """Rows that refer to a row that is not there, by (table, referred table): SQLite checks
    its foreign keys only on the connections that turn them on, so a file edited by another
    tool can hold them. A server enforces its keys always: nothing to look for there."""
    from sqlalchemy import text

    if session.get_bind().dialect.name != "sqlite":
        return {}
    found: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _key in session.execute(text("PRAGMA foreign_key_check")):
        found[(table, parent)] = found.get((table, parent), 0) + 1
    return found


# --- forms, rounds, responses and answers (issue 3) ---------------------------------------
# Autosave must stay near a millisecond: the answer and response statements below are built
# once and run on the session's connection (the ORM's per-statement overhead is ~0.1 ms;
# a prepared Core statement on the connection ~0.02 ms), on SQLite by sqlite3 itself
# (prepared.py). Writes through them bump the Tracked columns (revision, updated_at) themselves.


@cache
def _statements() -> dict[str, Any]:
    from sqlalchemy import bindparam, delete, exists, insert, update

    from .models import Answer, FormVersion, Quote, Response

    return {
        "response_head": select(
            Response.id, Response.form_version_id, Response.status, Response.revision,
            Response.mechanism_id,
        ).where(Response.id == bindparam("rid"), Response.deleted_at.is_(None)),
        # The same, locking the row until the transaction ends (PostgreSQL; SQLite's write
        # transactions are serialised by BEGIN IMMEDIATE and the dialect leaves FOR UPDATE out).
        "response_head_locked": select(
            Response.id, Response.form_version_id, Response.status, Response.revision,
            Response.mechanism_id,
        ).where(Response.id == bindparam("rid"), Response.deleted_at.is_(None)).with_for_update(),
        # The same, and whether any quote or coded passage points into the response (an
        # autosave then looks for one on the saved answer; most responses have none).
        "response_head_quoted": select(
            Response.id, Response.form_version_id, Response.status, Response.revision,
            Response.mechanism_id,
            exists().where(Quote.response_id == Response.id).label("quoted"),
        ).where(Response.id == bindparam("rid"), Response.deleted_at.is_(None)).with_for_update(),
        "response_summary": select(
            Response.id, FormVersion.form_id, FormVersion.id, FormVersion.version,
            Response.mechanism_id, Response.round_id, Response.status, Response.source,
            Response.revision, Response.created_at, Response.updated_at,
        )
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .where(Response.id == bindparam("rid"), Response.deleted_at.is_(None)),
        "touch_response": update(Response)
        .where(Response.id == bindparam("rid"), Response.revision == bindparam("expected"))
        .values(
            status=bindparam("new_status"), updated_at=bindparam("now"),
            revision=Response.revision + 1,
        ),
        "answer_rows": select(Answer.id, Answer.path, Answer.value, Answer.relevant).where(
            Answer.response_id == bindparam("rid"), Answer.deleted_at.is_(None)
        ),
        "insert_answer": insert(Answer),
        "set_value": update(Answer)
        .where(Answer.id == bindparam("aid"))
        .values(value=bindparam("new_value"), updated_at=bindparam("now"), revision=Answer.revision + 1),
        "set_relevant": update(Answer)
        .where(Answer.id == bindparam("aid"))
        .values(relevant=bindparam("flag"), updated_at=bindparam("now"), revision=Answer.revision + 1),
        "set_path": update(Answer)
        .where(Answer.id == bindparam("aid"))
        .values(path=bindparam("new_path"), updated_at=bindparam("now"), revision=Answer.revision + 1),
        "set_note": update(Answer)
        .where(Answer.id == bindparam("aid"))
        .values(note=bindparam("new_note"), updated_at=bindparam("now"), revision=Answer.revision + 1),
        "answer_note": select(Answer.note).where(Answer.id == bindparam("aid")),
        "delete_answer": delete(Answer).where(Answer.id == bindparam("aid")),
        # the installation id read in the same statement (one round trip less per autosave)
        "insert_audit": insert(AuditEntry).values(installation_id=func.nullif(
            select(Setting.value).where(Setting.key == "installation_id").scalar_subquery(), "")),
        "installation_id": select(Setting.value).where(Setting.key == "installation_id"),
    }


def form_version_hashes(session: Session) -> set[str]:
    from .models import FormVersion

    return set(session.scalars(select(FormVersion.source_hash)))


def form(session: Session, form_id: str) -> Any:
    """The Form row, or None."""
    from .models import Form

    return session.get(Form, form_id)


def save_form(session: Session, form_id: str, kind: str, title_fr: str, title_en: str) -> Any:
    """Create or refresh a form row (kind and titles follow its newest stored version)."""
    from .models import Form

    row = session.get(Form, form_id)
    if row is None:
        row = Form(id=form_id, kind=kind, title_fr=title_fr, title_en=title_en)
        session.add(row)
    else:
        row.kind, row.title_fr, row.title_en = kind, title_fr, title_en
    return row


def form_version(session: Session, form_version_id: str) -> Any:
    """The FormVersion row, or None."""
    from .models import FormVersion

    return session.get(FormVersion, form_version_id)


def form_version_by_version(session: Session, form_id: str, version: str) -> Any:
    from .models import FormVersion

    stmt = select(FormVersion).where(FormVersion.form_id == form_id, FormVersion.version == version)
    return session.scalars(stmt).first()


def form_versions(session: Session, form_id: str | None = None, kind: str | None = None) -> list:
    """(FormVersion, Form) pairs, by form id, oldest version first."""
    from .models import Form, FormVersion

    stmt = select(FormVersion, Form).join(Form, Form.id == FormVersion.form_id)
    if form_id is not None:
        stmt = stmt.where(FormVersion.form_id == form_id)
    if kind is not None:
        stmt = stmt.where(Form.kind == kind)
    stmt = stmt.order_by(FormVersion.form_id, FormVersion.created_at, FormVersion.version)
    return [tuple(row) for row in session.execute(stmt)]


def answer_counts_by_path(session: Session, form_id: str) -> list[tuple[str, str, int]]:
    """(form version id, answer path, how many) of the live non-empty answers of the live
    responses to every version of ``form_id``."""
    from .models import Answer, FormVersion, Response

    stmt = (
        select(Response.form_version_id, Answer.path, func.count(Answer.id))
        .join(Response, Response.id == Answer.response_id)
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .where(
            FormVersion.form_id == form_id,
            Response.deleted_at.is_(None),
            Answer.deleted_at.is_(None),
            Answer.value.is_not(None),
            func.trim(Answer.value) != "",
        )
        .group_by(Response.form_version_id, Answer.path)
    )
    return [(version, path, int(count)) for version, path, count in session.execute(stmt)]


def form_version_definition(session: Session, form_version_id: str) -> str | None:
    from .models import FormVersion

    return session.scalar(select(FormVersion.definition).where(FormVersion.id == form_version_id))


def current_round(session: Session) -> Any:
    """The current SurveyRound, or None."""
    from .models import SurveyRound

    stmt = (
        select(SurveyRound)
        .where(SurveyRound.is_current.is_(True), SurveyRound.deleted_at.is_(None))
        .order_by(SurveyRound.created_at.desc())
    )
    return session.scalars(stmt).first()


def add_round(session: Session, name: str, deadline: object, is_current: bool) -> Any:
    from .models import SurveyRound

    row = SurveyRound(name=name, deadline=deadline, is_current=is_current)
    session.add(row)
    session.flush()
    return row


def response(session: Session, response_id: str) -> Any:
    """The Response row (ORM), or None."""
    from .models import Response

    return session.get(Response, response_id)


def add_response(session: Session, **values: object) -> Any:
    from .models import Response

    row = Response(**values)
    session.add(row)
    session.flush()
    return row


def response_head(session: Session, response_id: str, *, lock: bool = False, quoted: bool = False) -> Any:
    """(id, form_version_id, status, revision, mechanism_id) of a live response, or None.

    ``lock``: hold the row until the transaction ends, so that every save on one response
    runs one after the other and reads what the previous one committed (under PostgreSQL's
    READ COMMITTED two unlocked saves would read the same revision and one would fail).
    ``quoted`` (with ``lock``): also ``quoted``, whether a quote or passage points into it."""
    statement = _statements()["response_head_quoted" if quoted else "response_head_locked" if lock
                              else "response_head"]
    return prepared.execute(session, statement, {"rid": response_id}).first()


def response_summary(session: Session, response_id: str) -> Any:
    """(id, form_id, form_version_id, version, mechanism_id, round_id, status, source,
    revision, created_at, updated_at) of a live response, or None."""
    session.flush()
    return session.connection().execute(_statements()["response_summary"], {"rid": response_id}).first()


def touch_response(session: Session, response_id: str, expected_revision: int, status: str) -> bool:
    """Set the status, bump revision and updated_at; False when the revision moved on."""
    result = prepared.execute(
        session, _statements()["touch_response"],
        {"rid": response_id, "expected": expected_revision, "new_status": status, "now": utcnow()},
    )
    return result.rowcount == 1


def round_response(session: Session, mechanism_id: str, round_id: str, form_id: str) -> Any:
    """The mechanism's response to any version of ``form_id`` in a round (oldest), or None."""
    from .models import FormVersion, Response

    stmt = (
        select(Response)
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .where(
            Response.mechanism_id == mechanism_id,
            Response.round_id == round_id,
            FormVersion.form_id == form_id,
            Response.deleted_at.is_(None),
        )
        .order_by(Response.created_at)
    )
    return session.scalars(stmt).first()


def responses_with_forms(
    session: Session, *, form_id: str | None = None, mechanism_id: str | None = None
) -> list:
    """(Response, FormVersion, Mechanism) of live responses, by form, mechanism, creation."""
    from .models import FormVersion, Response

    stmt = (
        select(Response, FormVersion, Mechanism)
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .join(Mechanism, Mechanism.id == Response.mechanism_id)
        .where(Response.deleted_at.is_(None))
    )
    if form_id is not None:
        stmt = stmt.where(FormVersion.form_id == form_id)
    if mechanism_id is not None:
        stmt = stmt.where(Response.mechanism_id == mechanism_id)
    stmt = stmt.order_by(FormVersion.form_id, Mechanism.sort, Response.created_at, Response.id)
    return [tuple(row) for row in session.execute(stmt)]


def response_is_referenced(session: Session, response_id: str) -> bool:
    """Whether an interview, a quote or a follow-up points to the response (live or not)."""
    from .models import FollowUp, Interview, Quote

    return any(
        session.scalar(select(model.id).where(model.response_id == response_id).limit(1)) is not None
        for model in (Interview, Quote, FollowUp)
    )


def response_exists(session: Session, response_id: str) -> bool:
    """Whether a response with this id is stored, deleted (a tombstone) or not."""
    from .models import Response

    return session.scalar(select(Response.id).where(Response.id == response_id)) is not None


def delete_response(session: Session, response_id: str) -> None:
    """Mark a response deleted (a tombstone that travels in bundles)."""
    from .models import Response

    row = session.get(Response, response_id)
    row.deleted_at = utcnow()
    session.flush()


def answer_rows(session: Session, response_id: str) -> list[tuple[str, str, str | None, bool]]:
    """(id, path, value, relevant) of a response's answers, cleared ones included."""
    rows = prepared.execute(session, _statements()["answer_rows"], {"rid": response_id})
    return [tuple(row) for row in rows]


def answer_values(session: Session, response_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """response id -> {path: value} of the non-empty answers of many responses."""
    from .models import Answer

    ids = list(response_ids)
    result: dict[str, dict[str, str]] = {rid: {} for rid in ids}
    for start in range(0, len(ids), 500):
        stmt = select(Answer.response_id, Answer.path, Answer.value).where(
            Answer.response_id.in_(ids[start : start + 500]),
            Answer.value.is_not(None),
            Answer.deleted_at.is_(None),
        )
        for response_id, path, value in session.execute(stmt):
            result[response_id][path] = value
    return result


def insert_answer(
    session: Session, response_id: str, path: str, value: str | None, relevant: bool = True
) -> str:
    answer_id = new_uuid()
    now = utcnow()
    prepared.execute(
        session, _statements()["insert_answer"],
        {
            "id": answer_id, "response_id": response_id, "path": path, "value": value,
            "relevant": relevant, "created_at": now, "updated_at": now, "revision": 1,
        },
    )
    return answer_id


def set_answer_value(session: Session, answer_id: str, value: str | None) -> None:
    prepared.execute(session, _statements()["set_value"], {"aid": answer_id, "new_value": value, "now": utcnow()})


def set_answer_note(session: Session, answer_id: str, note: str | None) -> None:
    prepared.execute(session, _statements()["set_note"], {"aid": answer_id, "new_note": note, "now": utcnow()})


def set_answer_paths(session: Session, changes: Iterable[tuple[str, str]]) -> None:
    """(answer id, new path) pairs, applied in the order given."""
    now = utcnow()
    for answer_id, path in changes:
        session.connection().execute(
            _statements()["set_path"], {"aid": answer_id, "new_path": path, "now": now}
        )


def set_answers_relevance(session: Session, changes: Iterable[tuple[str, bool]]) -> None:
    now = utcnow()
    params = [{"aid": answer_id, "flag": flag, "now": now} for answer_id, flag in changes]
    prepared.execute_many(session, _statements()["set_relevant"], params)


def delete_answers(session: Session, answer_ids: Iterable[str]) -> None:
    params = [{"aid": answer_id} for answer_id in answer_ids]
    if params:
        session.connection().execute(_statements()["delete_answer"], params)


def answer_note(session: Session, answer_id: str) -> str | None:
    return prepared.execute(session, _statements()["answer_note"], {"aid": answer_id}).scalar()


def answer_notes(session: Session, response_id: str) -> list[tuple[str, str]]:
    """(path, note) of a response's answers that carry a note."""
    from .models import Answer

    stmt = select(Answer.path, Answer.note).where(
        Answer.response_id == response_id, Answer.note.is_not(None), Answer.deleted_at.is_(None)
    )
    return [(path, note) for path, note in session.execute(stmt)]


def insert_audit_rows(session: Session, entries: Iterable[dict[str, object]]) -> None:
    """Append audit rows fast (autosave): dicts with actor, action, entity, entity_id, field,
    old, new and at. Same rows as :func:`append_audit` writes."""
    rows = []
    for entry in entries:
        old, new = entry.get("old"), entry.get("new")
        rows.append(
            {
                "id": new_uuid(),
                "at": entry.get("at") or utcnow(),
                "actor": entry["actor"],
                "action": entry["action"],
                "entity": entry["entity"],
                "entity_id": entry["entity_id"],
                "field": entry.get("field"),
                "old_value": None if old is None else str(old),
                "new_value": None if new is None else str(new),
            }
        )
    prepared.execute_many(session, _statements()["insert_audit"], rows)


def history_rows(session: Session, response_id: str) -> list[AuditEntry]:
    """Audit rows of a response and of its answers, oldest first."""
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity.in_(("response", "answer")), AuditEntry.entity_id == response_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(stmt))


def last_answer_change(session: Session, response_id: str, path: str, *,
                       within: bool = False) -> tuple[str, datetime] | None:
    """(actor, at) of the latest audit row about the answer at ``path`` (``within``: about
    anything in the repeat ``path``: its instances, their answers, its moves), or None."""
    condition = AuditEntry.field == path
    if within:
        condition = condition | AuditEntry.field.startswith(path + "[", autoescape=True)
    stmt = (
        select(AuditEntry.actor, AuditEntry.at)
        .where(AuditEntry.entity == "answer", AuditEntry.entity_id == response_id, condition)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    )
    row = session.execute(stmt).first()
    return (row[0], row[1]) if row is not None else None


def last_change(session: Session, entity: str, entity_id: str,
                field: str | None) -> tuple[str, datetime] | None:
    """(actor, at) of the latest audit row about one field of a record (any field: None)."""
    stmt = select(AuditEntry.actor, AuditEntry.at).where(
        AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    if field is not None:
        stmt = stmt.where(AuditEntry.field == field)
    row = session.execute(stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None else None


def last_response_change(session: Session, response_id: str) -> tuple[str, datetime] | None:
    """(actor, at) of the latest audit row about a response or its answers, or None."""
    stmt = (
        select(AuditEntry.actor, AuditEntry.at)
        .where(AuditEntry.entity.in_(("response", "answer")), AuditEntry.entity_id == response_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    )
    row = session.execute(stmt).first()
    return (row[0], row[1]) if row is not None else None


@cache
def _passage_probe() -> Any:
    from sqlalchemy import bindparam

    from .models import Quote

    return (
        select(Quote.id)
        .where(
            Quote.response_id == bindparam("rid"),
            Quote.answer_path == bindparam("path"),
            Quote.field == bindparam("field"),
        )
        .limit(1)
    )


def move_passages(session: Session, response_id: str, moves: Mapping[str, str | None]) -> None:
    """Quotes and coded passages follow their answers when repeat instances are renumbered
    (old path -> new path, applied as one simultaneous renaming); a None target detaches
    them (their answer was removed: the quoted words stay, linked to the response only).
    Each changed passage gets a new revision, as any edit."""
    from sqlalchemy import update

    from .models import Quote

    moves = {old: new for old, new in moves.items() if old != new}
    if not moves:
        return
    now = utcnow()
    marker = "~moving~"
    for old, new in moves.items():  # through marked paths: [3]->[2] must not meet [2]->[1]
        session.execute(
            update(Quote)
            .where(Quote.response_id == response_id, Quote.answer_path == old)
            .values(answer_path=None if new is None else marker + new, updated_at=now,
                    revision=Quote.revision + 1)
            .execution_options(synchronize_session=False)
        )
    session.execute(
        update(Quote)
        .where(Quote.response_id == response_id, Quote.answer_path.startswith(marker))
        .values(answer_path=func.substr(Quote.answer_path, len(marker) + 1))
        .execution_options(synchronize_session=False)
    )


def has_passages(session: Session, response_id: str, path: str, field: str = "value") -> bool:
    """Whether quotes or coded passages point into one answer (a cheap probe for autosave,
    which re-anchors them only when there are some)."""
    found = session.connection().execute(
        _passage_probe(), {"rid": response_id, "path": path, "field": field}
    ).first()
    return found is not None
