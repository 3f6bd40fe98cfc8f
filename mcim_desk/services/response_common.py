"""What the response use cases share: statuses and sources, the errors and result types,
the audit writer, reading a response's head, answer normalisation and path checks, the
refresh of relevance and status after a change, edit conflicts, retries and the guard on
validated responses. The use cases are in :mod:`.responses`, :mod:`.response_repeats` and
:mod:`.response_batch`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import clock
from ..forms.definition import (
    FormDefinition,
    Question,
    split_instance,
)
from ..forms.engine import FormState
from ..limits import TEXT_ANSWER_CHARS, grouped
from ..persistence import repositories
from . import conflicts
from . import forms as form_service

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
        self.actor = actor
        self._start = clock.utcnow()
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
        repositories.insert_audit_rows(session, self._entries)
        self._entries.clear()


def _head(session: Session, response_id: str, *, quoted: bool = False) -> Any:
    """The response's head, its row locked until the unit of work ends: every write on one
    response runs after the previous one committed and reads what it wrote. ``quoted``: also
    whether quotes or passages point into it (``head.quoted``)."""
    head = repositories.response_head(session, response_id, lock=True, quoted=quoted)
    if head is None:
        raise ResponseError(
            QCoreApplication.translate("Forms", "There is no response {id}.").format(id=response_id)
        )
    return head


def _info_in(session: Session, response_id: str) -> ResponseInfo:
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
