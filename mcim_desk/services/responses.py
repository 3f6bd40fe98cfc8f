"""Responses: open, autosave answers, status, source, history, repeats (the JSON
import/export of submissions is :mod:`mcim_desk.services.submissions`).

Every use case is one short write transaction. Saving an answer upserts its row (an emptied
answer keeps its row with value NULL), appends an audit row, refreshes the ``relevant`` flag
of the response's answers (answers hidden by the skip logic are kept, flagged
relevant = false, never deleted) and moves the status between draft and complete. A
validated response is only edited with ``confirm_validated=True`` and drops back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..forms.definition import (
    FormDefinition,
    Question,
    instance_indexes,
    is_within,
    split_instance,
)
from ..forms.engine import FormState, affects_others, affects_relevance
from ..limits import NOTE_CHARS, TEXT_ANSWER_CHARS, grouped
from . import conflicts
from . import forms as form_service
from .conflicts import UNCHECKED, blank_to_none

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database

STATUSES = ("draft", "complete", "validated")
SOURCES = ("paper", "email", "phone", "pdf", "import")
DEFAULT_ROUND = ("2018", date(2018, 11, 9))
MECHANISM_CHOICE_FILE = "mechanisms.csv"


class ResponseError(ValueError):
    """A use case refused; ``str()`` is a translated message for the user."""


class NeedsConfirmation(ResponseError):
    """The response is validated: editing it must be confirmed (``confirm_validated=True``)."""


class EditConflict(conflicts.EditConflict, ResponseError):
    """A save on a response made from a stale copy (see :mod:`.conflicts`); kinds "answer",
    "note", "repeat", "status" and "source". Nothing was written."""


@dataclass(frozen=True)
class ResponseInfo:
    id: str
    form_id: str
    form_version_id: str
    form_version: str
    kind: str  # questionnaire / interview (the form's kind)
    mechanism_id: str
    round_id: str | None
    status: str  # draft / complete / validated
    source: str  # paper / email / phone / pdf / import
    revision: int
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True)
class LoadedResponse:
    """What an entry view needs to open a response: its facts, form, answers and notes."""

    info: ResponseInfo
    definition: FormDefinition
    answers: dict[str, str]
    notes: dict[str, str]


@dataclass(frozen=True)
class SaveResult:
    """After a save: the status, whether anything changed, the old and new value, and (as
    ``relevance``) every element whose relevance changed, by instance path."""

    status: str
    changed: bool
    old: str | None
    new: str | None
    revision: int = 0
    # The form's states before and after, when the answer could move relevance: the diff is
    # worked out only if someone asks (the autosave itself does not need it).
    states: tuple[FormState, FormState] | None = field(default=None, repr=False, compare=False)

    @property
    def relevance(self) -> dict[str, bool]:
        if self.states is None:
            return {}
        before, after = self.states
        previous = before.relevance()
        return {path: flag for path, flag in after.relevance().items() if previous.get(path) != flag}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str  # create / update / status / note / import / repeat_insert / repeat_remove / repeat_move
    field: str | None  # the answer path, "status", "source"...
    old: str | None
    new: str | None


# --- helpers -------------------------------------------------------------------------------


class _Audit:
    """The audit rows of one transaction, written together at the end, with strictly
    increasing times so that history keeps their order."""

    def __init__(self, actor: str) -> None:
        from ..persistence.models import utcnow

        self.actor = actor
        self._start = utcnow()
        self._count = 0
        self._entries: list[dict[str, object]] = []

    def add(self, action: str, entity: str, entity_id: str, field: str | None = None,
            old: object = None, new: object = None) -> None:
        self._entries.append({
            "actor": self.actor, "action": action, "entity": entity, "entity_id": entity_id,
            "field": field, "old": old, "new": new,
            "at": self._start + timedelta(microseconds=self._count),
        })
        self._count += 1

    def write(self, session: Session) -> None:
        from ..persistence import repositories

        repositories.insert_audit_rows(session, self._entries)
        self._entries.clear()


def _head(session: Session, response_id: str, *, quoted: bool = False) -> Any:
    """The response's head, its row locked until the unit of work ends: every write on one
    response runs after the previous one committed and reads what it wrote. ``quoted``: also
    whether quotes or passages point into it (``head.quoted``)."""
    from ..persistence import repositories

    head = repositories.response_head(session, response_id, lock=True, quoted=quoted)
    if head is None:
        raise ResponseError(
            QCoreApplication.translate("Forms", "There is no response {id}.").format(id=response_id)
        )
    return head


def _info_in(session: Session, response_id: str) -> ResponseInfo:
    from ..persistence import repositories

    row = repositories.response_summary(session, response_id)
    if row is None:
        raise ResponseError(
            QCoreApplication.translate("Forms", "There is no response {id}.").format(id=response_id)
        )
    definition = form_service.definition_in(session, row[2])
    return ResponseInfo(
        id=row[0], form_id=row[1], form_version_id=row[2], form_version=row[3],
        kind=definition.kind, mechanism_id=row[4], round_id=row[5], status=row[6],
        source=row[7], revision=row[8], created_at=row[9], updated_at=row[10],
    )


class AnswerTooLong(ResponseError):
    """An answer longer than limits.TEXT_ANSWER_CHARS; ``str()`` names the question."""


def question_caption(question: Question, lang: str | None = None) -> str:
    """How a message names a question: its label (shortened) in the language in use."""
    from ..domain.typography import one_line
    from ..i18n import language_in_use

    text = one_line(question.label(lang or language_in_use()) or question.name)
    return text if len(text) <= 80 else text[:79] + "…"


def too_long_message(caption: str, length: int, limit: int = TEXT_ANSWER_CHARS) -> str:
    return QCoreApplication.translate(
        "Forms", "The answer to “{question}” has {length} characters, more than the limit of {limit}: "
        "shorten it (or keep the full text in a document of its own)."
    ).format(question=caption, length=grouped(length), limit=grouped(limit))


def _normalise(question: Question, value: object) -> str | None:
    """The text to store for a typed value: None when empty; select codes space-separated;
    non-text answers trimmed (free text is kept exactly as typed). Raises AnswerTooLong above
    the one limit of an answer's length (every entry point comes through here)."""
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        value = " ".join(str(v) for v in value if v not in (None, ""))
    text = str(value)
    if len(text) > TEXT_ANSWER_CHARS:
        raise AnswerTooLong(too_long_message(question_caption(question), len(text)))
    if not text.strip():
        return None
    if question.type == "select_multiple":
        return " ".join(text.split())
    if question.type != "text":
        return text.strip()
    return text


def _check_instance_path(definition: FormDefinition, path: str, *, container: bool = False) -> Question:
    """The element ``path`` names, after checking that every repeat on the way carries an
    index (``section_4/q25[2]/category``) and nothing else does."""
    question = definition.find(path)
    ok = question is not None and (question.is_repeat if container else question.takes_answer)
    if ok:
        parts = path.split("/")
        prefix: list[str] = []
        for position, part in enumerate(parts, start=1):
            split = split_instance(part)
            name, index = split if split else (part, None)
            prefix.append(name)
            element = definition.find("/".join(prefix))
            needs_index = (
                element is not None and element.is_repeat and not (container and position == len(parts))
            )
            if element is None or "[" in name or needs_index != (index is not None) or (
                index is not None and index < 1
            ):
                ok = False
                break
    if not ok:
        raise ResponseError(
            QCoreApplication.translate("Forms", "“{path}” is not a question of the form {form}.").format(
                path=path, form=definition.form_id
            )
        )
    return question  # type: ignore[return-value]


def _repeat_markers(path: str) -> list[str]:
    """Instance paths of the repeat instances ``path`` lies in (outermost first)."""
    parts = path.split("/")
    return [
        "/".join(parts[:end])
        for end in range(1, len(parts))
        if split_instance("/".join(parts[:end])) is not None
    ]


def _values(rows: Iterable[Sequence]) -> dict[str, str]:
    return {row[1]: row[2] for row in rows if row[2] is not None}


def _refresh(
    session: Session,
    head: Any,
    definition: FormDefinition,
    rows: Sequence[Sequence],
    audit: _Audit,
    *,
    only: Iterable[str] | None = None,
    own: tuple[str, str | None] | None = None,
) -> tuple[str, int, FormState]:
    """After answers changed: the relevant flags of the stored answers (all of them, or the
    paths in ``only`` when the change cannot move relevance), then the status and revision.
    ``own``: (path, old value) of the one answer that changed, when it cannot change any
    other answer's relevance, requirement or validity (engine.affects_others): the status
    then moves only if that answer's own problem appeared or went, and the whole form is
    checked only then. Returns (status, revision, state)."""
    from ..persistence import repositories

    state = FormState(definition, _values(rows))
    wanted = None if only is None else set(only)
    changes = [
        (answer_id, state.relevant(path))
        for answer_id, path, _value, relevant in rows
        if (wanted is None or path in wanted) and bool(relevant) != state.relevant(path)
    ]
    repositories.set_answers_relevance(session, changes)
    status = None
    if own is not None and head.status in ("draft", "complete"):
        path, old = own
        before = dict(state.answers)
        if old is None:
            before.pop(path, None)
        else:
            before[path] = old
        if (state.problem_at(path) is None) == (FormState(definition, before).problem_at(path) is None):
            status = head.status  # nothing else can have moved: no walk over the whole form
    if status is None:
        status = "complete" if state.is_complete() else "draft"
    if status != head.status:
        audit.add("status", "response", head.id, "status", head.status, status)
    if not repositories.touch_response(session, head.id, head.revision, status):
        raise ResponseError(
            QCoreApplication.translate(
                "Forms", "The response was changed elsewhere at the same time: try again."
            )
        )
    audit.write(session)
    return status, head.revision + 1, state


def _conflict(session: Session, response_id: str, kind: str, path: str | None,
              theirs: str | None = None, yours: str | None = None) -> EditConflict:
    """The refusal of a stale save, saying who changed what since and when."""
    from ..persistence import repositories

    if path is None:
        change = repositories.last_response_change(session, response_id)
    else:
        change = repositories.last_answer_change(session, response_id, path, within=kind == "repeat")
    actor, at = change if change is not None else (None, None)
    by = conflicts.by_whom(actor, at)
    templates = {
        "answer": QCoreApplication.translate(
            "Forms", "The answer to {path} was changed {by} since this window read it: "
            "your value was not saved."),
        "note": QCoreApplication.translate(
            "Forms", "The note on {path} was changed {by} since this window read it: "
            "your note was not saved."),
        "repeat": QCoreApplication.translate(
            "Forms", "The entries of {path} were changed {by} since this window read them: "
            "your change was not made."),
    }
    template = templates.get(kind) or QCoreApplication.translate(
        "Forms", "This response was changed {by} since this window read it: your change was "
        "not made.")
    return EditConflict(template.format(path=path, by=by), kind=kind, path=path, theirs=theirs,
                        yours=yours, actor=actor, at=at)


def _unchanged_since_read(rows: Sequence[Sequence], expected: Mapping[str, str | None],
                          prefix: str | None = None) -> bool:
    """Whether the stored answers (those under the repeat ``prefix``, or all) are the ones a
    window read (``expected``, its answers by instance path; None or absent: no answer)."""

    def within(path: str) -> bool:
        return prefix is None or path.startswith(prefix + "[")

    stored = {path: value for path, value in _values(rows).items() if within(path)}
    read = {path: value for path, value in expected.items() if value is not None and within(path)}
    return stored == read


_RETRIES = 3


def _retrying(attempt: Callable[[], Any]) -> Any:
    """Run one unit of work, again (up to _RETRIES times) when the server refused it for
    meeting another one at the same moment: a unique key taken by a concurrent insert, a
    serialisation failure or a deadlock (the next attempt reads what the other committed
    and refuses cleanly if it must). The user never sees the server's own text."""
    for remaining in range(_RETRIES, -1, -1):
        try:
            return attempt()
        except Exception as exc:
            from sqlalchemy.exc import DBAPIError

            if not isinstance(exc, DBAPIError) or not _transient(exc):
                raise
            if remaining == 0:
                raise ResponseError(QCoreApplication.translate(
                    "Forms", "The database was busy with other saves on this response: nothing "
                    "was saved. Try again.")) from exc
    raise AssertionError("unreachable")


def _transient(exc: Exception) -> bool:
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None)
    if state in ("23505", "40001", "40P01"):  # unique violation, serialisation, deadlock
        return True
    return "UNIQUE constraint failed" in str(orig)  # SQLite


def _guard_validated(head: Any, confirm_validated: bool) -> None:
    if head.status == "validated" and not confirm_validated:
        raise NeedsConfirmation(
            QCoreApplication.translate(
                "Forms", "This response was validated: editing it will set it back to complete."
            )
        )


# --- opening responses ---------------------------------------------------------------------


def current_round_id(session: Session) -> str:
    """The current survey round, created ("2018", deadline 9 November 2018) when none is."""
    from ..persistence import repositories

    row = repositories.current_round(session)
    if row is None:
        row = repositories.add_round(session, DEFAULT_ROUND[0], DEFAULT_ROUND[1], True)
    return row.id


def _mechanism(session: Session, mechanism_id: str, *, lock: bool = False) -> Any:
    from ..persistence import repositories

    mech = repositories.mechanism(session, mechanism_id, lock=lock)
    if mech is None or mech.deleted_at is not None:
        raise ResponseError(
            QCoreApplication.translate("Forms", "There is no mechanism {id}.").format(id=mechanism_id)
        )
    return mech


def _latest_form(session: Session, kind: str, form_id: str | None) -> form_service.FormInfo:
    """The newest version of ``form_id``, or of the study's chosen questionnaire or interview
    guide (:mod:`.instruments`)."""
    from . import instruments

    if form_id:
        info = form_service.latest_version_in(session, form_id=form_id)
    else:
        info = instruments.study_version_in(session, kind)
    if info is None:
        raise ResponseError(
            QCoreApplication.translate("Forms", "No {kind} form is installed.").format(kind=form_id or kind)
        )
    return info


def _create_response(
    session: Session, version: form_service.FormInfo, mechanism_id: str, round_id: str | None,
    source: str, audit: _Audit, *, response_id: str | None = None, action: str = "create",
) -> Any:
    """Insert a response (draft) and return its head."""
    from ..persistence import repositories

    values: dict[str, Any] = {
        "form_version_id": version.version_id, "mechanism_id": mechanism_id, "round_id": round_id,
        "source": source, "status": "draft",
    }
    if response_id:
        values["id"] = response_id
    row = repositories.add_response(session, **values)
    audit.add(action, "response", row.id, None, None, f"{version.form_id} {version.version}")
    return _head(session, row.id)


def open_questionnaire(
    db: Database, mechanism_id: str, actor: str, *, form_id: str | None = None
) -> ResponseInfo:
    """The mechanism's questionnaire response for the current survey round, created when
    missing (one per mechanism per round per questionnaire form; a response made with an
    older version of the form stays on that version)."""
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        mech = _mechanism(session, mechanism_id, lock=True)  # two people starting it at once
        round_id = current_round_id(session)
        version = _latest_form(session, "questionnaire", form_id)
        row = repositories.round_response(session, mech.id, round_id, version.form_id)
        if row is not None:
            return _info_in(session, row.id)
        head = _create_response(session, version, mech.id, round_id, "paper", audit)
        definition = form_service.definition_in(session, version.version_id)
        _refresh(session, head, definition, [], audit)
        return _info_in(session, head.id)


def current_questionnaire(
    db: Database, mechanism_id: str, *, form_id: str | None = None
) -> ResponseInfo | None:
    """The mechanism's questionnaire response for the current survey round, or None when
    there is none yet (a read: nothing is created, see :func:`open_questionnaire`)."""
    from ..persistence import repositories
    from . import instruments

    with db.read() as session:
        round_row = repositories.current_round(session)
        version = (form_service.latest_version_in(session, form_id=form_id) if form_id
                   else instruments.study_version_in(session, "questionnaire"))
        if round_row is None or version is None:
            return None
        row = repositories.round_response(session, mechanism_id, round_row.id, version.form_id)
        return _info_in(session, row.id) if row is not None else None


def new_interview_response(
    db: Database, mechanism_id: str, actor: str, *, form_id: str | None = None
) -> ResponseInfo:
    """A new interview guide response (many per mechanism are allowed); the question listing
    the mechanisms (``select_one_from_file mechanisms.csv``) is filled in."""
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        mech = _mechanism(session, mechanism_id)
        round_id = current_round_id(session)
        version = _latest_form(session, "interview", form_id)
        head = _create_response(session, version, mech.id, round_id, "phone", audit)
        definition = form_service.definition_in(session, version.version_id)
        rows: list[tuple] = []
        for question in definition.iter_questions():
            if (
                question.choice_file == MECHANISM_CHOICE_FILE
                and definition.repeat_of(question.path) is None
                and question.choice(mech.key) is not None
            ):
                answer_id = repositories.insert_answer(session, head.id, question.path, mech.key)
                rows.append((answer_id, question.path, mech.key, True))
                audit.add("update", "answer", head.id, question.path, None, mech.key)
        _refresh(session, head, definition, rows, audit)
        return _info_in(session, head.id)


def response_info(db: Database, response_id: str) -> ResponseInfo:
    with db.read() as session:
        return _info_in(session, response_id)


def responses_of(db: Database, mechanism_id: str) -> list[ResponseInfo]:
    """A mechanism's responses (every form), by form then creation."""
    from ..persistence import repositories

    with db.read() as session:
        return [
            _info_in(session, row.id)
            for row, _version, _mech in repositories.responses_with_forms(session, mechanism_id=mechanism_id)
        ]


def answers(db: Database, response_id: str) -> dict[str, str]:
    """The response's answers by instance path (cleared answers left out; an existing repeat
    instance appears as its own path with the value "")."""
    from ..persistence import repositories

    with db.read() as session:
        return _values(repositories.answer_rows(session, response_id))


def notes(db: Database, response_id: str) -> dict[str, str]:
    """The per-question notes of a response (interviews), by instance path."""
    from ..persistence import repositories

    with db.read() as session:
        return dict(repositories.answer_notes(session, response_id))


def load_response(db: Database, response_id: str) -> LoadedResponse:
    """Facts, definition, answers and notes of a response, in one read."""
    from ..persistence import repositories

    with db.read() as session:
        info = _info_in(session, response_id)
        definition = form_service.definition_in(session, info.form_version_id)
        values = _values(repositories.answer_rows(session, response_id))
        return LoadedResponse(info, definition, values, dict(repositories.answer_notes(session, response_id)))


def repeat_indexes(db: Database, response_id: str, repeat_path: str) -> list[int]:
    """The indexes of a repeat's instances in a response (``repeat_path`` carries the indexes
    of any enclosing repeat instance)."""
    return instance_indexes(answers(db, response_id), repeat_path)


# --- saving --------------------------------------------------------------------------------


def save_answer(
    db: Database,
    response_id: str,
    path: str,
    value: object,
    actor: str,
    *,
    confirm_validated: bool = False,
    expected: object = UNCHECKED,
) -> SaveResult:
    """Autosave one answer in one short transaction (see the module's description).

    ``value`` None or blank clears the answer (its row stays, value NULL); a list is taken
    as select_multiple codes. Saving into a repeat instance that does not exist yet creates
    it. ``expected`` is the answer the caller read (None: none): when the stored one is
    another, someone saved it since and EditConflict is raised, nothing written (unless the
    stored value already is the new one). Every window passes it; UNCHECKED overwrites.
    Raises NeedsConfirmation for a validated response unless confirmed, ResponseError for
    a path the form does not have.
    """
    return _retrying(lambda: _save_answer(db, response_id, path, value, actor,
                                          confirm_validated, expected))


def _save_answer(db: Database, response_id: str, path: str, value: object, actor: str,
                 confirm_validated: bool, expected: object) -> SaveResult:
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        head = _head(session, response_id, quoted=True)
        definition = form_service.definition_in(session, head.form_version_id)
        question = _check_instance_path(definition, path)
        new = _normalise(question, value)
        rows = repositories.answer_rows(session, response_id)
        by_path = {row[1]: row for row in rows}
        existing = by_path.get(path)
        old = existing[2] if existing is not None else None
        if old == new:
            return SaveResult(head.status, False, old, new, head.revision)
        if expected is not UNCHECKED and old != _normalise(question, expected):
            raise _conflict(session, response_id, "answer", path, old, new)
        _guard_validated(head, confirm_validated)
        before = _values(rows) if affects_relevance(definition, path) else None
        touched = []
        for marker in _repeat_markers(path):
            if marker not in by_path:
                answer_id = repositories.insert_answer(session, response_id, marker, "")
                rows.append((answer_id, marker, "", True))
                touched.append(marker)
                audit.add("repeat_insert", "answer", response_id, marker, None, "")
        if existing is None:
            answer_id = repositories.insert_answer(session, response_id, path, new)
            rows.append((answer_id, path, new, True))
            touched.append(path)
        else:
            repositories.set_answer_value(session, existing[0], new)
            rows[rows.index(existing)] = (existing[0], path, new, existing[3])
        audit.add("update", "answer", response_id, path, old, new)
        if question.type == "text" and head.quoted and repositories.has_passages(session, response_id, path):
            from .quotes import reanchor_passages  # quoted passages follow the edited text

            reanchor_passages(session, response_id, path, new)
        own = None
        if before is None and touched in ([], [path]) and not affects_others(definition, path):
            own = (path, old)
        status, revision, state = _refresh(
            session, head, definition, rows, audit, only=None if before is not None else touched,
            own=own,
        )
        states = (FormState(definition, before), state) if before is not None else None
        return SaveResult(status, True, old, new, revision, states)


def save_note(db: Database, response_id: str, path: str, note: str | None, actor: str, *,
              expected: object = UNCHECKED) -> bool:
    """Save the note kept beside one question (interviews); returns whether it changed.
    Notes do not affect relevance or status, and are audited like answers. ``expected``:
    the note the caller read, as for :func:`save_answer` (EditConflict when it changed)."""
    return _retrying(lambda: _save_note(db, response_id, path, note, actor, expected))


def _save_note(db: Database, response_id: str, path: str, note: str | None, actor: str,
               expected: object) -> bool:
    from ..persistence import repositories

    audit = _Audit(actor)
    text = note if note and note.strip() else None
    with db.write() as session:
        head = _head(session, response_id)
        definition = form_service.definition_in(session, head.form_version_id)
        question = _check_instance_path(definition, path)
        if text is not None and len(text) > NOTE_CHARS:
            raise ResponseError(QCoreApplication.translate(
                "Forms", "The note on “{question}” has {length} characters, more than the limit of {limit}."
            ).format(question=question_caption(question), length=grouped(len(text)), limit=grouped(NOTE_CHARS)))
        rows = repositories.answer_rows(session, response_id)
        existing = next((row for row in rows if row[1] == path), None)
        old = repositories.answer_note(session, existing[0]) if existing is not None else None
        if old == text:
            return False
        if expected is not UNCHECKED and old != blank_to_none(expected):
            raise _conflict(session, response_id, "note", path, old, text)
        if existing is None:
            relevant = FormState(definition, _values(rows)).relevant(path)
            answer_id = repositories.insert_answer(session, response_id, path, None, relevant)
            repositories.set_answer_note(session, answer_id, text)
        else:
            repositories.set_answer_note(session, existing[0], text)
        audit.add("note", "answer", response_id, path, old, text)
        from .quotes import reanchor_passages  # quoted passages follow the edited note

        reanchor_passages(session, response_id, path, text, field="note")
        audit.write(session)
        repositories.touch_response(session, head.id, head.revision, head.status)
        return True


def set_status(db: Database, response_id: str, status: str, actor: str, *,
               expected_answers: Mapping[str, str | None] | None = None) -> ResponseInfo:
    """'validated' (only when the response is complete) or back to the automatic status
    ('draft' or 'complete', whichever the answers give, whatever was asked).
    ``expected_answers``: the answers the caller showed (by instance path); when the stored
    ones differ, someone changed them since and EditConflict is raised, nothing written
    (nobody validates answers they have not seen)."""
    from ..persistence import repositories

    if status not in STATUSES:
        raise ResponseError(
            QCoreApplication.translate("Forms", "Unknown status “{status}”.").format(status=status)
        )
    audit = _Audit(actor)
    with db.write() as session:
        head = _head(session, response_id)
        definition = form_service.definition_in(session, head.form_version_id)
        rows = repositories.answer_rows(session, response_id)
        if expected_answers is not None and not _unchanged_since_read(rows, expected_answers):
            raise _conflict(session, response_id, "status", None)
        state = FormState(definition, _values(rows))
        complete = state.is_complete()
        if status == "validated":
            if not complete:
                raise ResponseError(
                    QCoreApplication.translate(
                        "Forms",
                        "Only a complete response can be validated: {count} question(s) still "
                        "need an answer or a correction.",
                    ).format(count=len(state.errors("en")))
                )
            new_status = "validated"
        else:
            new_status = "complete" if complete else "draft"
        if new_status != head.status:
            audit.add("status", "response", head.id, "status", head.status, new_status)
            repositories.touch_response(session, head.id, head.revision, new_status)
            audit.write(session)
        return _info_in(session, response_id)


def set_source(db: Database, response_id: str, source: str, actor: str, *,
               expected: object = UNCHECKED) -> ResponseInfo:
    """Record how the response reached us: paper, email, phone, pdf or import. ``expected``:
    the source the caller showed (EditConflict when someone changed it since)."""
    from ..persistence import repositories

    if source not in SOURCES:
        raise ResponseError(
            QCoreApplication.translate("Forms", "Unknown source “{source}”: use one of {sources}.").format(
                source=source, sources=", ".join(SOURCES)
            )
        )
    audit = _Audit(actor)
    with db.write() as session:
        _head(session, response_id)
        row = repositories.response(session, response_id)
        if row.source != source and expected is not UNCHECKED and row.source != expected:
            raise _conflict(session, response_id, "source", None, row.source, source)
        if row.source != source:
            audit.add("update", "response", response_id, "source", row.source, source)
            row.source = source
            session.flush()
            audit.write(session)
        return _info_in(session, response_id)


def history(db: Database, response_id: str) -> list[HistoryEntry]:
    """Every recorded change of the response and its answers, oldest first."""
    from ..persistence import repositories

    with db.read() as session:
        return [
            HistoryEntry(e.at, e.actor, e.action, e.field, e.old_value, e.new_value)
            for e in repositories.history_rows(session, response_id)
        ]


# --- repeats -------------------------------------------------------------------------------


def _instance_rows(rows: Iterable[Sequence], instance: str) -> list[Sequence]:
    return [row for row in rows if is_within(row[1], instance)]


def _renumber(session: Session, response_id: str, rows: list[tuple], mapping: Mapping[int, int],
              repeat_path: str) -> list[tuple]:
    """Rename the answers of the instances in ``mapping`` (old index -> new index), through
    temporary paths so that no intermediate state breaks the (response, path) uniqueness;
    the quotes on them follow. Returns the rows with their new paths."""
    from ..persistence import repositories

    renames: dict[str, str] = {}
    moves: dict[str, str] = {}  # old path -> new path, for the quotes on these answers
    for old_index, new_index in mapping.items():
        if old_index == new_index:
            continue
        source, target = f"{repeat_path}[{old_index}]", f"{repeat_path}[{new_index}]"
        for row in _instance_rows(rows, source):
            renames[row[0]] = target + row[1][len(source):]
            moves[row[1]] = renames[row[0]]
    repositories.set_answer_paths(session, [(answer_id, f"~moving~{answer_id}") for answer_id in renames])
    repositories.set_answer_paths(session, list(renames.items()))
    repositories.move_passages(session, response_id, moves)
    return [(r[0], renames.get(r[0], r[1]), r[2], r[3]) for r in rows]


def _drop_instance(session: Session, response_id: str, rows: list[tuple], repeat_path: str,
                   index: int) -> list[tuple]:
    """Delete one repeat instance's answers and renumber the following instances; the
    quotes on the deleted answers stay, detached from them. Returns the rows left."""
    from ..persistence import repositories

    doomed = _instance_rows(rows, f"{repeat_path}[{index}]")
    repositories.delete_answers(session, [row[0] for row in doomed])
    repositories.move_passages(session, response_id, {row[1]: None for row in doomed})
    doomed_ids = {row[0] for row in doomed}
    rows = [row for row in rows if row[0] not in doomed_ids]
    later = [i for i in instance_indexes((row[1] for row in rows), repeat_path) if i > index]
    return _renumber(session, response_id, rows, {i: i - 1 for i in sorted(later)}, repeat_path)


def _repeat_context(
    session: Session, response_id: str, repeat_path: str, confirm_validated: bool,
    expected_answers: Mapping[str, str | None] | None = None,
) -> tuple[Any, FormDefinition, list[tuple]]:
    """The head, definition and answer rows for a change of a repeat's entries; refused
    (EditConflict) when its entries are not the ones the caller read (``expected_answers``,
    its answers by instance path: only those inside the repeat are compared)."""
    from ..persistence import repositories

    head = _head(session, response_id)
    definition = form_service.definition_in(session, head.form_version_id)
    _check_instance_path(definition, repeat_path, container=True)
    rows = repositories.answer_rows(session, response_id)
    if expected_answers is not None and not _unchanged_since_read(rows, expected_answers, repeat_path):
        raise _conflict(session, response_id, "repeat", repeat_path)
    _guard_validated(head, confirm_validated)
    return head, definition, rows


def insert_repeat(
    db: Database,
    response_id: str,
    repeat_path: str,
    actor: str,
    *,
    at: int | None = None,
    values: Mapping[str, str] | None = None,
    confirm_validated: bool = False,
    expected_answers: Mapping[str, str | None] | None = None,
) -> int:
    """Add an instance to a repeat, at the end or at index ``at`` (the following instances
    move up one); ``values`` (paths relative to the instance, ``{"category": "..."}``) fill
    it, as undoing a removal needs. Returns the new instance's index. ``expected_answers``,
    here and in :func:`remove_repeat` and :func:`move_repeat`: the answers the caller read
    (by instance path); when the repeat's entries changed since, EditConflict."""
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        head, definition, rows = _repeat_context(session, response_id, repeat_path, confirm_validated,
                                                 expected_answers)
        indexes = instance_indexes((row[1] for row in rows), repeat_path)
        after_last = max(indexes, default=0) + 1
        index = after_last if at is None or at >= after_last else max(at, 1)
        rows = _renumber(session, response_id, rows, {i: i + 1 for i in indexes if i >= index}, repeat_path)
        instance = f"{repeat_path}[{index}]"
        rows.append((repositories.insert_answer(session, response_id, instance, ""), instance, "", True))
        filled: dict[str, str] = {}
        for relative, value in (values or {}).items():
            path = f"{instance}/{relative}"
            text = _normalise(_check_instance_path(definition, path), value)
            if text is not None:
                rows.append((repositories.insert_answer(session, response_id, path, text), path, text, True))
                filled[relative] = text
        audit.add(
            "repeat_insert", "answer", response_id, instance, None,
            json.dumps(filled, ensure_ascii=False, sort_keys=True) if filled else "",
        )
        _refresh(session, head, definition, rows, audit)
        return index


def remove_repeat(
    db: Database,
    response_id: str,
    repeat_path: str,
    index: int,
    actor: str,
    *,
    confirm_validated: bool = False,
    expected_answers: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """Remove one repeat instance and renumber the following ones. The removed answers (and
    notes) go to the audit log, in one row holding them as JSON, and the answers are
    returned (relative paths) so that the removal can be undone with :func:`insert_repeat`."""
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        head, definition, rows = _repeat_context(session, response_id, repeat_path, confirm_validated,
                                                 expected_answers)
        instance = f"{repeat_path}[{index}]"
        doomed = _instance_rows(rows, instance)
        if not doomed:
            raise ResponseError(
                QCoreApplication.translate("Forms", "There is no {path}.").format(path=instance)
            )
        removed = {row[1][len(instance) + 1:]: row[2] for row in doomed if row[1] != instance and row[2] is not None}
        audited: dict[str, str] = dict(removed)
        for answer_id, path, _value, _relevant in doomed:
            note = repositories.answer_note(session, answer_id)
            if note:
                audited[f"{path[len(instance) + 1:]}#note"] = note
        rows = _drop_instance(session, response_id, rows, repeat_path, index)
        audit.add("repeat_remove", "answer", response_id, instance,
                  json.dumps(audited, ensure_ascii=False, sort_keys=True), None)
        _refresh(session, head, definition, rows, audit)
        return removed


def move_repeat(
    db: Database,
    response_id: str,
    repeat_path: str,
    index: int,
    new_index: int,
    actor: str,
    *,
    confirm_validated: bool = False,
    expected_answers: Mapping[str, str | None] | None = None,
) -> None:
    """Move a repeat instance to another place; the instances are renumbered 1..n."""
    audit = _Audit(actor)
    with db.write() as session:
        head, definition, rows = _repeat_context(session, response_id, repeat_path, confirm_validated,
                                                 expected_answers)
        order = instance_indexes((row[1] for row in rows), repeat_path)
        if index not in order:
            raise ResponseError(
                QCoreApplication.translate("Forms", "There is no {path}.").format(
                    path=f"{repeat_path}[{index}]"
                )
            )
        order.remove(index)
        order.insert(min(max(new_index, 1), len(order) + 1) - 1, index)
        mapping = {old: position for position, old in enumerate(order, start=1)}
        if all(old == new for old, new in mapping.items()):
            return
        rows = _renumber(session, response_id, rows, mapping, repeat_path)
        audit.add("repeat_move", "answer", response_id, repeat_path, str(index), str(mapping[index]))
        _refresh(session, head, definition, rows, audit)


__all__ = [
    "HistoryEntry", "LoadedResponse", "NeedsConfirmation", "ResponseError",
    "ResponseInfo", "SOURCES", "STATUSES", "SaveResult", "answers",
    "current_questionnaire", "current_round_id", "history", "insert_repeat",
    "load_response", "move_repeat", "new_interview_response", "notes", "open_questionnaire",
    "remove_repeat", "repeat_indexes", "response_info", "responses_of", "save_answer",
    "save_note", "set_source", "set_status",
    "BatchSaveResult", "save_answers",
]


# --- saving several answers at once (PDF form import, issue 7) -------------------------------


@dataclass(frozen=True)
class BatchSaveResult:
    """After :func:`save_answers`: the status, how many answers changed, how many repeat
    instances were removed, and the response's revision."""

    status: str
    changed: int
    removed: int
    revision: int


def save_answers(
    db: Database,
    response_id: str,
    values: Mapping[str, object],
    actor: str,
    *,
    source: str | None = None,
    confirm_validated: bool = False,
    remove_instances: Iterable[str] = (),
    expected_revision: int | None = None,
    import_file: str | None = None,
) -> BatchSaveResult:
    """Save several answers (instance paths -> values, as :func:`save_answer` takes them) in
    ONE transaction, with an audit row each; all or nothing.

    ``source`` also sets how the response reached us; ``remove_instances`` removes repeat
    instances (``section_4/q25[3]``, renumbering the following ones, the removed answers in
    the audit log as :func:`remove_repeat` does); ``expected_revision`` refuses when the
    response changed since it was read; ``import_file`` marks the answers' audit rows as an
    import and adds one audit row naming the file. A path into a repeat instance that does
    not exist yet creates it.
    """
    from ..persistence import repositories

    action = "import" if import_file else "update"
    audit = _Audit(actor)
    with db.write() as session:
        head = _head(session, response_id)
        if expected_revision is not None and head.revision != expected_revision:
            raise ResponseError(QCoreApplication.translate(
                "Forms", "The response was changed since the file was read: read the file again."))
        definition = form_service.definition_in(session, head.form_version_id)
        checked = [
            (path, _check_instance_path(definition, path), value) for path, value in values.items()
        ]
        removals: list[tuple[str, int]] = []
        for instance in remove_instances:
            split = split_instance(instance)
            if split is None or split[1] < 1:
                raise ResponseError(
                    QCoreApplication.translate("Forms", "There is no {path}.").format(path=instance))
            _check_instance_path(definition, split[0], container=True)
            removals.append(split)
        rows = repositories.answer_rows(session, response_id)
        by_path = {row[1]: row for row in rows}
        for repeat_path, index in removals:
            if f"{repeat_path}[{index}]" not in by_path:
                raise ResponseError(QCoreApplication.translate("Forms", "There is no {path}.").format(
                    path=f"{repeat_path}[{index}]"))
        changes = []
        for path, question, value in checked:
            new = _normalise(question, value)
            existing = by_path.get(path)
            old = existing[2] if existing is not None else None
            if old != new:
                changes.append((path, question, old, new))
        summary = repositories.response_summary(session, response_id)
        source_changes = source is not None and summary[7] != source
        if not changes and not removals and not source_changes:
            return BatchSaveResult(head.status, 0, 0, head.revision)
        _guard_validated(head, confirm_validated)
        if source_changes:
            if source not in SOURCES:
                raise ResponseError(QCoreApplication.translate(
                    "Forms", "Unknown source “{source}”: use one of {sources}.").format(
                        source=source, sources=", ".join(SOURCES)))
            row = repositories.response(session, response_id)
            audit.add("update", "response", response_id, "source", row.source, source)
            row.source = source
            session.flush()  # bumps the revision: read the head again
            head = _head(session, response_id)
        for path, question, old, new in changes:
            for marker in _repeat_markers(path):
                if marker not in by_path:
                    answer_id = repositories.insert_answer(session, response_id, marker, "")
                    marker_row = (answer_id, marker, "", True)
                    rows.append(marker_row)
                    by_path[marker] = marker_row
                    audit.add("repeat_insert", "answer", response_id, marker, None, "")
            existing = by_path.get(path)
            if existing is None:
                answer_id = repositories.insert_answer(session, response_id, path, new)
                new_row = (answer_id, path, new, True)
                rows.append(new_row)
            else:
                repositories.set_answer_value(session, existing[0], new)
                new_row = (existing[0], path, new, existing[3])
                rows[rows.index(existing)] = new_row
            by_path[path] = new_row
            audit.add(action, "answer", response_id, path, old, new)
            if question.type == "text" and repositories.has_passages(session, response_id, path):
                from .quotes import reanchor_passages  # quoted passages follow the edited text

                reanchor_passages(session, response_id, path, new)
        for repeat_path, index in sorted(removals, key=lambda item: (item[0], -item[1])):
            instance = f"{repeat_path}[{index}]"
            doomed = _instance_rows(rows, instance)
            removed = {
                row[1][len(instance) + 1:]: row[2]
                for row in doomed if row[1] != instance and row[2] is not None
            }
            rows = _drop_instance(session, response_id, rows, repeat_path, index)
            audit.add("repeat_remove", "answer", response_id, instance,
                      json.dumps(removed, ensure_ascii=False, sort_keys=True), None)
        if import_file:
            audit.add("import", "response", response_id, "file", None, import_file)
        status, revision, _state = _refresh(session, head, definition, rows, audit)
        return BatchSaveResult(status, len(changes), len(removals), revision)
