"""Responses: open, autosave answers, status, source, history, repeats (the JSON
import/export of submissions is :mod:`mcim_desk.services.submissions`).

What the use cases share (errors, result types, audit, the status refresh) is in
:mod:`.response_common`; the repeat entries in :mod:`.response_repeats`, the all-or-nothing
save of several answers in :mod:`.response_batch`. Their public names import from here too.

Every use case is one short write transaction. Saving an answer upserts its row (an emptied
answer keeps its row with value NULL), appends an audit row, refreshes the ``relevant`` flag
of the response's answers (answers hidden by the skip logic are kept, flagged
relevant = false, never deleted) and moves the status between draft and complete. A
validated response is only edited with ``confirm_validated=True`` and drops back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..forms.definition import instance_indexes
from ..forms.engine import FormState, affects_others, affects_relevance
from ..limits import NOTE_CHARS, grouped
from ..persistence import repositories
from . import forms as form_service
from .conflicts import UNCHECKED, blank_to_none
from .response_batch import BatchSaveResult, save_answers
from .response_common import (
    DEFAULT_ROUND,
    MECHANISM_CHOICE_FILE,
    SOURCES,
    STATUSES,
    AnswerTooLong,
    EditConflict,
    HistoryEntry,
    LoadedResponse,
    NeedsConfirmation,
    ResponseError,
    ResponseInfo,
    SaveResult,
    _Audit,
    _check_instance_path,
    _conflict,
    _guard_validated,
    _head,
    _info_in,
    _normalise,
    _refresh,
    _repeat_markers,
    _retrying,
    _unchanged_since_read,
    _values,
    question_caption,
    too_long_message,
)
from .response_repeats import insert_repeat, move_repeat, remove_repeat

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database


# --- opening responses ---------------------------------------------------------------------


def current_round_id(session: Session) -> str:
    """The current survey round, created ("2018", deadline 9 November 2018) when none is."""
    row = repositories.current_round(session)
    if row is None:
        row = repositories.add_round(session, DEFAULT_ROUND[0], DEFAULT_ROUND[1], True)
    return row.id


def _mechanism(session: Session, mechanism_id: str, *, lock: bool = False) -> Any:
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
    with db.read() as session:
        return [
            _info_in(session, row.id)
            for row, _version, _mech in repositories.responses_with_forms(session, mechanism_id=mechanism_id)
        ]


def answers(db: Database, response_id: str) -> dict[str, str]:
    """The response's answers by instance path (cleared answers left out; an existing repeat
    instance appears as its own path with the value "")."""
    with db.read() as session:
        return _values(repositories.answer_rows(session, response_id))


def notes(db: Database, response_id: str) -> dict[str, str]:
    """The per-question notes of a response (interviews), by instance path."""
    with db.read() as session:
        return dict(repositories.answer_notes(session, response_id))


def load_response(db: Database, response_id: str) -> LoadedResponse:
    """Facts, definition, answers and notes of a response, in one read."""
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
    with db.read() as session:
        return [
            HistoryEntry(e.at, e.actor, e.action, e.field, e.old_value, e.new_value)
            for e in repositories.history_rows(session, response_id)
        ]


__all__ = [
    "HistoryEntry", "LoadedResponse", "NeedsConfirmation", "ResponseError",
    "ResponseInfo", "SOURCES", "STATUSES", "SaveResult", "answers",
    "current_questionnaire", "current_round_id", "history", "insert_repeat",
    "load_response", "move_repeat", "new_interview_response", "notes", "open_questionnaire",
    "remove_repeat", "repeat_indexes", "response_info", "responses_of", "save_answer",
    "save_note", "set_source", "set_status",
    "BatchSaveResult", "save_answers",
    # from response_common, where they live now; importable from here as before
    "AnswerTooLong", "DEFAULT_ROUND", "EditConflict", "MECHANISM_CHOICE_FILE", "question_caption",
    "too_long_message",
]
