"""Quotes and coded passages: selected words of an answer (its value or per-question note)
or of an interview's free notes, kept with their exact offsets.

A **quote** comes from an interview: the speaker (contact and mechanism), the question it
answers, tags (the Compact's themes, principles and objectives as ``theme_N`` /
``principle_N`` / ``objective_N``, plus free tags) and a "cleared for publication" flag that
the interviewee's consent must allow (named or quoted). A **coded passage** (kind
``coding``) marks words of any free-text answer with codes of the user-edited codebook.

Passages follow their text: when the text is edited, :func:`reanchor_passages` (called by
the answer's save, in its transaction) finds each passage's exact words again, nearest to
where they were, or flags ``text_changed`` when they are gone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..domain import interviews as rules
from .catalogue import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database

QUOTE = "quote"
CODING = "coding"
FIELDS = ("value", "note", "notes")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
TAG_LIMIT = 64
FREE_NOTES = "notes"  # the question filter value meaning "the interview's free notes"


@dataclass(frozen=True)
class QuoteInfo:
    id: str
    kind: str
    mechanism_id: str
    acronym_fr: str
    acronym_en: str
    contact_id: str | None
    contact_name: str
    interview_id: str | None
    response_id: str | None
    answer_path: str | None
    field: str
    start: int
    end: int
    text: str
    tags: tuple[str, ...]
    code_ids: tuple[str, ...]
    cleared: bool
    text_changed: bool
    revision: int
    updated_at: datetime | None = None

    def acronym(self, lang: str) -> str:
        return self.acronym_fr if lang == "fr" else self.acronym_en

    @property
    def question(self) -> str:
        """The question's definition path (repeat indexes dropped), or "notes"."""
        if self.field == "notes" or not self.answer_path:
            return FREE_NOTES
        return re.sub(r"\[\d+\]", "", self.answer_path)


@dataclass(frozen=True)
class CodeInfo:
    id: str
    label_fr: str
    label_en: str
    colour: str = "#808080"
    parent_id: str | None = None
    revision: int = 0
    uses: int = 0

    def label(self, lang: str) -> str:
        first, second = (self.label_fr, self.label_en) if lang == "fr" else (self.label_en, self.label_fr)
        return first or second


# --- reading ----------------------------------------------------------------------------------


def _info(row, mech, contact) -> QuoteInfo:  # noqa: ANN001 - ORM Quote, Mechanism, Contact
    return QuoteInfo(
        id=row.id,
        kind=row.kind,
        mechanism_id=row.mechanism_id,
        acronym_fr=mech.acronym_fr,
        acronym_en=mech.acronym_en,
        contact_id=row.contact_id,
        contact_name=contact.name if contact is not None else "",
        interview_id=row.interview_id,
        response_id=row.response_id,
        answer_path=row.answer_path,
        field=row.field,
        start=row.start,
        end=row.end,
        text=row.text,
        tags=tuple(json.loads(row.tags or "[]")),
        code_ids=tuple(json.loads(row.code_ids or "[]")),
        cleared=bool(row.cleared),
        text_changed=bool(row.text_changed),
        revision=row.revision,
        updated_at=row.updated_at,
    )


def _info_in(session: Session, quote_id: str) -> QuoteInfo:
    from ..persistence import interviews_repo

    rows = interviews_repo.quote_rows(session, ids=[quote_id])
    if not rows:
        raise _missing(quote_id)
    return _info(*rows[0])


def _missing(quote_id: str) -> ValidationError:
    return ValidationError(
        QCoreApplication.translate("Quotes", "There is no quote or passage {id}.").format(id=quote_id)
    )


def quote(db: Database, quote_id: str) -> QuoteInfo:
    with db.read() as session:
        return _info_in(session, quote_id)


def quotes(
    db: Database,
    *,
    kind: str = QUOTE,
    tag: str | None = None,
    mechanism_id: str | None = None,
    question: str | None = None,
    interview_id: str | None = None,
    response_id: str | None = None,
    code_id: str | None = None,
) -> list[QuoteInfo]:
    """The quote browser's query: quotes (or passages) filtered by tag (exact, any case),
    mechanism, question (a definition path such as ``mandatory/q4``, or "notes" for the
    interview's free notes), interview, response or code."""
    from ..persistence import interviews_repo

    with db.read() as session:
        items = [
            _info(*row)
            for row in interviews_repo.quote_rows(
                session, kind=kind, mechanism_id=mechanism_id, interview_id=interview_id,
                response_id=response_id,
            )
        ]
    if tag:
        wanted = tag.casefold()
        items = [q for q in items if any(t.casefold() == wanted for t in q.tags)]
    if question:
        items = [q for q in items if q.question == question]
    if code_id:
        items = [q for q in items if code_id in q.code_ids]
    return items


def used_tags(db: Database) -> list[str]:
    """Every tag some live quote carries (reference names and free tags), sorted."""
    tags: set[str] = set()
    for item in quotes(db):
        tags.update(item.tags)
    return sorted(tags, key=str.casefold)


def passages(db: Database, response_id: str, path: str | None = None) -> list[QuoteInfo]:
    """The quotes and coded passages anchored in a response's answers (one answer's, given
    ``path``), in reading order."""
    from ..persistence import interviews_repo

    with db.read() as session:
        return [
            _info(*row)
            for row in interviews_repo.quote_rows(session, response_id=response_id, answer_path=path)
            if row[0].field != "notes"
        ]


# --- the source text --------------------------------------------------------------------------


def _source_text(session: Session, *, field: str, response_id: str | None, answer_path: str | None,
                 interview) -> str:  # noqa: ANN001 - ORM Interview or None
    from ..persistence import interviews_repo

    if field == "notes":
        return (interview.notes if interview is not None else None) or ""
    return interviews_repo.answer_text(session, response_id or "", answer_path or "", field) or ""


def _anchor(source: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of ``text`` in ``source``: as given when they match, else the occurrence
    nearest ``start`` (a widget may count characters differently, e.g. UTF-16 units)."""
    if 0 <= start < end <= len(source) and source[start:end] == text:
        return start, end
    found = rules.reanchor(text, start, source)
    if found is None:
        raise ValidationError(
            QCoreApplication.translate(
                "Quotes", "The selected words are not in the saved text any more: save the answer, then select again."
            ),
            "text",
        )
    return found


def _check_selection(text: str, start: int, end: int) -> str:
    if not text or not text.strip():
        raise ValidationError(
            QCoreApplication.translate("Quotes", "Select some words of an answer or of the notes first."), "text"
        )
    if start < 0 or end <= start:
        raise ValidationError(
            QCoreApplication.translate("Quotes", "The selection’s end must come after its start."), "text"
        )
    return text


def clean_tag_list(tags: Iterable[str]) -> tuple[str, ...]:
    result = rules.clean_tags(tags)
    for tag in result:
        if len(tag) > TAG_LIMIT:
            raise ValidationError(
                QCoreApplication.translate("Quotes", "The tag “{tag}…” is too long (at most {limit} characters).")
                .format(tag=tag[:20], limit=TAG_LIMIT), "tags",
            )
    return result


def _consent_error() -> ValidationError:
    return ValidationError(
        QCoreApplication.translate(
            "Quotes",
            "This quote cannot be cleared for publication: the interviewee has not agreed to be "
            "named or quoted. Record their consent in the call workspace first.",
        ),
        "cleared",
    )


# --- quotes -----------------------------------------------------------------------------------


def save_quote(
    db: Database,
    *,
    text: str,
    start: int,
    end: int,
    actor: str,
    response_id: str | None = None,
    answer_path: str | None = None,
    field: str = "value",
    tags: Iterable[str] = (),
    cleared: bool = False,
    interview_id: str | None = None,
    mechanism_id: str | None = None,
    quote_id: str | None = None,
) -> QuoteInfo:
    """Save selected words of an interview as a quote. ``field``: 'value' (an answer of the
    guide), 'note' (a per-question note) or 'notes' (the interview's free notes). Cleared for
    publication only when the interviewee's consent allows it (ValidationError otherwise)."""
    from ..persistence import interviews_repo, repositories

    _check_selection(text, start, end)
    if field not in FIELDS:
        raise ValidationError(
            QCoreApplication.translate("Quotes", "Unknown text field “{field}”.").format(field=field), "field"
        )
    clean_tags = clean_tag_list(tags)
    with db.write() as session:
        interview = interviews_repo.interview(session, interview_id) if interview_id else None
        if interview is None and response_id:
            interview = interviews_repo.interview_of_response(session, response_id)
        if interview is None or interview.deleted_at is not None:
            raise ValidationError(
                QCoreApplication.translate("Quotes", "A quote comes from an interview: open the interview first."),
                "interview",
            )
        if field != "notes":
            response_id = response_id or interview.response_id
            if not answer_path:
                raise ValidationError(
                    QCoreApplication.translate("Quotes", "Choose the answer the quote comes from."), "answer_path"
                )
        else:
            response_id, answer_path = interview.response_id, None
        if mechanism_id and mechanism_id != interview.mechanism_id:
            raise ValidationError(
                QCoreApplication.translate("Quotes", "The quote’s mechanism is not the interview’s."), "mechanism"
            )
        if cleared and not rules.consent_allows_publication(interview.consent):
            raise _consent_error()
        source = _source_text(session, field=field, response_id=response_id, answer_path=answer_path,
                              interview=interview)
        start, end = _anchor(source, text, start, end)
        values = {
            "kind": QUOTE,
            "mechanism_id": interview.mechanism_id,
            "contact_id": interview.contact_id,
            "interview_id": interview.id,
            "response_id": response_id,
            "answer_path": answer_path,
            "field": field,
            "start": start,
            "end": end,
            "text": source[start:end],
            "tags": json.dumps(list(clean_tags), ensure_ascii=False),
            "cleared": bool(cleared),
        }
        if quote_id:
            values["id"] = quote_id
        row = interviews_repo.add_quote(session, **values)
        repositories.append_audit(
            session, actor=actor, action="create", entity="quote", entity_id=row.id,
            field=answer_path or field, new=row.text,
        )
        return _info_in(session, row.id)


def update_quote(
    db: Database,
    quote_id: str,
    actor: str,
    *,
    tags: Iterable[str] | None = None,
    cleared: bool | None = None,
    code_ids: Iterable[str] | None = None,
) -> QuoteInfo:
    """Change a quote's tags or publication flag, or a coded passage's codes."""
    from ..persistence import interviews_repo, repositories

    with db.write() as session:
        row = interviews_repo.quote(session, quote_id)
        if row is None or row.deleted_at is not None:
            raise _missing(quote_id)
        changes: dict[str, tuple[object, object]] = {}
        if tags is not None:
            new_tags = json.dumps(list(clean_tag_list(tags)), ensure_ascii=False)
            if new_tags != row.tags:
                changes["tags"] = (row.tags, new_tags)
        if cleared is not None and bool(cleared) != bool(row.cleared):
            if cleared:
                interview = interviews_repo.interview(session, row.interview_id) if row.interview_id else None
                if interview is None or not rules.consent_allows_publication(interview.consent):
                    raise _consent_error()
            changes["cleared"] = (bool(row.cleared), bool(cleared))
        if code_ids is not None:
            new_codes = json.dumps(list(_check_codes(session, code_ids)))
            if new_codes != row.code_ids:
                changes["code_ids"] = (row.code_ids, new_codes)
        for name, (old, new) in changes.items():
            setattr(row, name, new)
            repositories.append_audit(
                session, actor=actor, action="update", entity="quote", entity_id=row.id,
                field=name, old=old, new=new,
            )
        session.flush()
        return _info_in(session, row.id)


def delete_quote(db: Database, quote_id: str, actor: str) -> None:
    from ..persistence import interviews_repo, repositories
    from ..persistence.models import utcnow

    with db.write() as session:
        row = interviews_repo.quote(session, quote_id)
        if row is not None and row.deleted_at is None:
            row.deleted_at = utcnow()
            repositories.append_audit(
                session, actor=actor, action="delete", entity="quote", entity_id=row.id, old=row.text
            )


def restore_quote(db: Database, quote_id: str, actor: str) -> QuoteInfo:
    from ..persistence import interviews_repo, repositories

    with db.write() as session:
        row = interviews_repo.quote(session, quote_id)
        if row is None:
            raise _missing(quote_id)
        if row.deleted_at is not None:
            row.deleted_at = None
            repositories.append_audit(
                session, actor=actor, action="restore", entity="quote", entity_id=row.id, new=row.text
            )
            session.flush()
        return _info_in(session, row.id)


# --- coded passages ---------------------------------------------------------------------------


def _check_codes(session: Session, code_ids: Iterable[str]) -> tuple[str, ...]:
    from ..persistence import interviews_repo

    ids = tuple(dict.fromkeys(code_ids))
    if not ids:
        raise ValidationError(
            QCoreApplication.translate("Quotes", "Choose at least one code."), "code_ids"
        )
    for code_id in ids:
        row = interviews_repo.code(session, code_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError(
                QCoreApplication.translate("Quotes", "The code {id} is not in the codebook.").format(id=code_id),
                "code_ids",
            )
    return ids


def code_passage(
    db: Database,
    *,
    response_id: str,
    answer_path: str,
    text: str,
    start: int,
    end: int,
    code_ids: Iterable[str],
    actor: str,
    field: str = "value",
    passage_id: str | None = None,
) -> QuoteInfo:
    """Mark selected words of a free-text answer (of any questionnaire or interview) with
    codes of the codebook."""
    from ..persistence import interviews_repo, repositories

    _check_selection(text, start, end)
    if field not in ("value", "note"):
        raise ValidationError(
            QCoreApplication.translate("Quotes", "Unknown text field “{field}”.").format(field=field), "field"
        )
    with db.write() as session:
        response = interviews_repo.response(session, response_id)
        if response is None or response.deleted_at is not None:
            raise ValidationError(
                QCoreApplication.translate("Quotes", "There is no response {id}.").format(id=response_id)
            )
        codes = _check_codes(session, code_ids)
        source = _source_text(session, field=field, response_id=response_id, answer_path=answer_path,
                              interview=None)
        start, end = _anchor(source, text, start, end)
        interview = interviews_repo.interview_of_response(session, response_id)
        values = {
            "kind": CODING,
            "mechanism_id": response.mechanism_id,
            "contact_id": interview.contact_id if interview is not None else None,
            "interview_id": interview.id if interview is not None else None,
            "response_id": response_id,
            "answer_path": answer_path,
            "field": field,
            "start": start,
            "end": end,
            "text": source[start:end],
            "code_ids": json.dumps(list(codes)),
        }
        if passage_id:
            values["id"] = passage_id
        row = interviews_repo.add_quote(session, **values)
        repositories.append_audit(
            session, actor=actor, action="create", entity="quote", entity_id=row.id,
            field=answer_path, new=row.text,
        )
        return _info_in(session, row.id)


def code_counts(db: Database, kind: str = CODING) -> dict[str, tuple[int, int]]:
    """Code id -> (coded passages, distinct mechanisms), as the study's figures 6 and 7 count
    ("how many mechanisms mentioned training workshops")."""
    result: dict[str, tuple[int, set[str]]] = {}
    for item in quotes(db, kind=kind):
        for code_id in item.code_ids:
            count, mechs = result.get(code_id, (0, set()))
            mechs.add(item.mechanism_id)
            result[code_id] = (count + 1, mechs)
    return {code_id: (count, len(mechs)) for code_id, (count, mechs) in result.items()}


# --- re-anchoring -----------------------------------------------------------------------------


def reanchor_in(
    session: Session,
    new_text: str,
    *,
    field: str,
    response_id: str | None = None,
    path: str | None = None,
    interview_id: str | None = None,
) -> list[str]:
    """Inside the caller's transaction: every passage of one text follows the new text (its
    exact words found again nearest to where they were) or is flagged ``text_changed``.
    Returns the ids of the passages flagged."""
    from ..persistence import interviews_repo

    flagged: list[str] = []
    for row in interviews_repo.passages_in(
        session, response_id=response_id, interview_id=interview_id, path=path, field=field
    ):
        found = rules.reanchor(row.text, row.start, new_text or "")
        if found is None:
            if not row.text_changed:
                row.text_changed = True
            flagged.append(row.id)
            continue
        start, end = found
        if (row.start, row.end, bool(row.text_changed)) != (start, end, False):
            row.start, row.end, row.text_changed = start, end, False
    return flagged


def reanchor_passages(
    session: Session, response_id: str, path: str, new_text: str | None, field: str = "value"
) -> list[str]:
    """Called by the answer's save (``responses.save_answer``, and ``save_note`` with
    field='note') in its transaction, with the text just saved."""
    return reanchor_in(session, new_text or "", field=field, response_id=response_id, path=path)


# --- the codebook -----------------------------------------------------------------------------


def _code_info(row, uses: int = 0) -> CodeInfo:  # noqa: ANN001 - ORM Code
    return CodeInfo(row.id, row.label_fr, row.label_en, row.colour, row.parent_id, row.revision, uses)


def codes(db: Database) -> list[CodeInfo]:
    """The codebook, parents before their children, each level by English label."""
    from ..persistence import interviews_repo

    with db.read() as session:
        uses = interviews_repo.code_use_counts(session)
        rows = [_code_info(r, uses.get(r.id, 0)) for r in interviews_repo.code_rows(session)]
    return _tree_order(rows)


def _tree_order(rows: list[CodeInfo]) -> list[CodeInfo]:
    ids = {r.id for r in rows}
    children: dict[str | None, list[CodeInfo]] = {}
    for row in rows:
        parent = row.parent_id if row.parent_id in ids else None
        children.setdefault(parent, []).append(row)
    ordered: list[CodeInfo] = []

    def walk(parent: str | None) -> None:
        for row in sorted(children.get(parent, []), key=lambda r: (r.label_en or r.label_fr).casefold()):
            ordered.append(row)
            walk(row.id)

    walk(None)
    return ordered


def validate_code(code: CodeInfo) -> CodeInfo:
    """Labels trimmed (one language is enough: it stands in for the other), colour #RRGGBB."""
    label_fr = " ".join((code.label_fr or "").split())
    label_en = " ".join((code.label_en or "").split())
    if not label_fr and not label_en:
        raise ValidationError(QCoreApplication.translate("Quotes", "A code needs a label, in French or in English."), "label_fr")
    if len(label_fr) > 256 or len(label_en) > 256:
        raise ValidationError(QCoreApplication.translate("Quotes", "A code’s label has at most 256 characters."), "label_fr")
    colour = (code.colour or "").strip()
    if not COLOUR.match(colour):
        raise ValidationError(
            QCoreApplication.translate("Quotes", "“{value}” is not a colour: use the form #RRGGBB, e.g. #2a7ab0.").format(value=colour),
            "colour",
        )
    return CodeInfo(code.id, label_fr or label_en, label_en or label_fr, colour.lower(), code.parent_id or None,
                    code.revision, code.uses)


def save_code(db: Database, code: CodeInfo, actor: str) -> CodeInfo:
    """Create (``code.id`` new or empty) or update a code, all fields at once."""
    from ..persistence import interviews_repo, repositories

    clean = validate_code(code)
    with db.write() as session:
        if clean.parent_id:
            parent = interviews_repo.code(session, clean.parent_id)
            if parent is None or parent.deleted_at is not None:
                raise ValidationError(
                    QCoreApplication.translate("Quotes", "The parent code is not in the codebook."), "parent_id"
                )
            ancestor: str | None = clean.parent_id
            seen: set[str] = set()
            while ancestor and ancestor not in seen:
                if ancestor == clean.id:
                    raise ValidationError(
                        QCoreApplication.translate("Quotes", "A code cannot be placed under itself or one of its sub-codes."),
                        "parent_id",
                    )
                seen.add(ancestor)
                parent_row = interviews_repo.code(session, ancestor)
                ancestor = parent_row.parent_id if parent_row is not None else None
        row = interviews_repo.code(session, clean.id) if clean.id else None
        values = {"label_fr": clean.label_fr, "label_en": clean.label_en, "colour": clean.colour,
                  "parent_id": clean.parent_id}
        if row is None:
            if clean.id:
                values["id"] = clean.id
            row = interviews_repo.add_code(session, **values)
            repositories.append_audit(
                session, actor=actor, action="create", entity="code", entity_id=row.id, new=row.label_en
            )
        else:
            if row.deleted_at is not None:
                row.deleted_at = None
                repositories.append_audit(
                    session, actor=actor, action="restore", entity="code", entity_id=row.id
                )
            for key, value in values.items():
                old = getattr(row, key)
                if old != value:
                    setattr(row, key, value)
                    repositories.append_audit(
                        session, actor=actor, action="update", entity="code", entity_id=row.id,
                        field=key, old=old, new=value,
                    )
        session.flush()
        return _code_info(row, interviews_repo.code_use_counts(session).get(row.id, 0))


def delete_code(db: Database, code_id: str, actor: str) -> None:
    """A tombstone: the code disappears from the codebook (its sub-codes move up to its
    parent); coded passages keep its id, so that undo brings everything back."""
    from ..persistence import interviews_repo, repositories
    from ..persistence.models import utcnow

    with db.write() as session:
        row = interviews_repo.code(session, code_id)
        if row is None or row.deleted_at is not None:
            return
        row.deleted_at = utcnow()
        repositories.append_audit(
            session, actor=actor, action="delete", entity="code", entity_id=row.id, old=row.label_en
        )
        for child in interviews_repo.code_rows(session):
            if child.parent_id == row.id:
                child.parent_id = row.parent_id
                repositories.append_audit(
                    session, actor=actor, action="update", entity="code", entity_id=child.id,
                    field="parent_id", old=row.id, new=row.parent_id,
                )
