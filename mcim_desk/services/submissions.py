"""KoboToolbox / ODK Central JSON: export every response as a list of submissions, import
such a list back, all or nothing.

The layout is a list of submissions, each an object with: ``_xform_id_string`` (form id),
``__version__`` (form version), ``meta/instanceID`` (``uuid:<response id>``), ``mechanism``
(acronym, French or English, or key), then one key per answered question, its group path
(``section_2/q4``); select_multiple values are space-separated codes; a repeat is a list of
objects under its path whose keys are the full paths of its questions
(``section_4/q25/category``). Keys starting with ``_`` and ``meta/...``/``formhub/...`` keys
are KoboToolbox metadata and are ignored on import.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import limits
from ..forms.definition import FormDefinition, Question, instance_indexes
from ..forms.engine import type_problem
from . import forms as form_service
from .responses import (
    MECHANISM_CHOICE_FILE,
    AnswerTooLong,
    ResponseError,
    _Audit,
    _create_response,
    _normalise,
    _refresh,
    current_round_id,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database

# Submission keys that are not answers.
META_KEYS = ("_xform_id_string", "__version__", "meta/instanceID", "mechanism")
IMPORT_NAMESPACE = uuid.UUID("7c7b0f62-58a1-4d8e-b7d4-2f0a9e3c6d15")


class SubmissionError(ResponseError):
    """A JSON import refused; names the submission (1-based), and the key and value at fault."""

    def __init__(self, message: str, number: int | None = None, key: str | None = None,
                 value: object = None) -> None:
        super().__init__(message)
        self.number, self.key, self.value = number, key, value


@dataclass(frozen=True)
class InvalidAnswer:
    """An answer imported as it was written although it fails the form's checks: kept, as
    a typed answer is, and its response stays a draft until it is corrected."""

    number: int  # the submission, 1-based
    response_id: str
    key: str
    value: str
    problem: str  # translated


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    invalid: tuple[InvalidAnswer, ...] = ()
    # Responses created for a mechanism that already had a questionnaire response in the
    # round: (response id, the one already here).
    second_questionnaires: tuple[tuple[str, str], ...] = ()

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _submission_answers(definition: FormDefinition, values: Mapping[str, str]) -> dict[str, Any]:
    """A response's answers in the submission layout (see the module's description)."""

    def level(children: Sequence[Question], prefix: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for question in children:
            instance = f"{prefix}/{question.name}" if prefix else question.name
            if question.is_repeat:
                items = [
                    level(question.children, f"{instance}[{i}]")
                    for i in instance_indexes(values, instance)
                ]
                if items:
                    out[question.path] = items
            elif question.type == "group":
                out.update(level(question.children, instance))
            elif question.takes_answer and values.get(instance):
                out[question.path] = values[instance]
        return out

    return level(definition.children, "")


def attachment_list(session: Session, response_id: str, definition: FormDefinition,
                    values: Mapping[str, str]) -> list[dict[str, Any]]:
    """A submission's ``_attachments`` (see :func:`mcim_desk.services.attachments.attachment_list`)."""
    from .attachments import attachment_list as files_of

    return files_of(session, response_id, definition, values)


def _store_attachment_files(session: Session, folder: Path, parsed: _Submission, number: int) -> None:
    """The files the submission's answers name, where an export writes them beside the JSON."""
    from .attachments import AttachmentError, store_files_beside

    try:
        store_files_beside(session, folder, parsed.response_id, parsed.definition, parsed.values)
    except AttachmentError as exc:
        raise _bad(number, str(exc)) from None


def export_attachment_files(session: Session, named: list[tuple[str, str]], folder: Path) -> None:
    from .attachments import export_files

    export_files(session, named, folder)


def export_submissions(db: Database, out: str | Path, form_id: str | None = None) -> int:
    """Write every response (of one form, or all) as a JSON list of submissions; returns
    how many. The file is written whole or not at all."""
    from ..persistence import repositories

    submissions = []
    with db.read() as session:
        rows = repositories.responses_with_forms(session, form_id=form_id)
        values = repositories.answer_values(session, [r[0].id for r in rows])
        acronyms: dict[str, str] = {}
        named: list[tuple[str, str]] = []
        for row, version, mech in rows:
            definition = form_service.definition_in(session, version.id)
            if mech.id not in acronyms:
                same = repositories.mechanism_by_acronym(session, mech.acronym_en)
                acronyms[mech.id] = mech.acronym_en if same is not None and same.id == mech.id else mech.key
            submission: dict[str, Any] = {
                "_xform_id_string": version.form_id,
                "__version__": version.version,
                "meta/instanceID": f"uuid:{row.id}",
                "mechanism": acronyms[mech.id],
            }
            submission.update(_submission_answers(definition, values[row.id]))
            files = attachment_list(session, row.id, definition, values[row.id])
            if files:  # KoboToolbox's list of a submission's files (read back: skipped, as "_" keys are)
                submission["_attachments"] = files
                named += [(row.id, f["media_file_basename"]) for f in files]
            submissions.append(submission)
        export_attachment_files(session, named, Path(out).parent)  # where download_url points
    from ..files import write_text

    write_text(out, json.dumps(submissions, ensure_ascii=False, indent=2) + "\n", make_folder=True)
    return len(submissions)


@dataclass
class _Submission:
    number: int
    response_id: str
    version: form_service.FormInfo
    definition: FormDefinition
    mechanism: Any
    values: dict[str, str]
    problems: dict[str, str]  # instance path -> the form's complaint, for values kept as typed


def _bad(number: int, message: str, key: str | None = None, value: object = None) -> SubmissionError:
    where = QCoreApplication.translate("Forms", "submission {number}").format(number=number)
    if key is not None:
        where += QCoreApplication.translate("Forms", ", key “{key}”").format(key=key)
    return SubmissionError(f"{where}: {message}", number, key, value)


def _import_value(question: Question, raw: object, number: int, key: str) -> tuple[str | None, str | None]:
    """The text to store for a value, and the form's complaint about it (None when it fits).
    A value that is not text or a number is refused; text that fails the question's type
    (a date written 30/11/2018, a code that is not a choice) is kept as typed, as the
    window keeps it: an export writes such answers, so its import must take them back."""
    if raw is None:
        return None, None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise _bad(number, QCoreApplication.translate("Forms", "the value {value} is not text or a number").format(
            value=json.dumps(raw, ensure_ascii=False)[:60]), key, raw)
    if isinstance(raw, float) and raw.is_integer() and question.type == "integer":
        raw = int(raw)
    try:
        text = _normalise(question, str(raw))
    except AnswerTooLong as exc:
        raise _bad(number, str(exc), key, f"{str(raw)[:60]}…") from None
    if text is None:
        return None, None
    if "\x00" in text:
        raise _bad(number, QCoreApplication.translate(
            "Forms", "the value holds a NUL character, which no typed text holds (a damaged file?)"), key, raw)
    return text, type_problem(question, text)


def _read_values(
    definition: FormDefinition, data: Mapping[str, Any], container: Question | None,
    instance_prefix: str, number: int, out: dict[str, str], problems: dict[str, str],
) -> None:
    for key, raw in data.items():
        if container is None and (
            key in META_KEYS or key.startswith(("_", "meta/", "formhub/")) or key == "meta"
        ):
            continue
        def_path = key
        if container is not None and not key.startswith(container.path + "/"):
            def_path = f"{container.path}/{key}"
        question = definition.find(def_path) if "[" not in def_path else None
        # the key must name a question directly in this level (not inside a nested repeat)
        inside = (
            question is not None
            and question.path == def_path
            and definition.repeat_of(def_path) is container
        )
        if not inside or question is None or question.type == "group":
            raise _bad(number, QCoreApplication.translate("Forms", "the form {form} has no such question").format(
                form=definition.form_id), key, raw)
        instance = instance_prefix + def_path[len(container.path):] if container is not None else def_path
        if question.is_repeat:
            if not isinstance(raw, list) or not all(isinstance(item, Mapping) for item in raw):
                raise _bad(number, QCoreApplication.translate("Forms", "a repeat must be a list of objects"), key, raw)
            for index, item in enumerate(raw, start=1):
                marker = f"{instance}[{index}]"
                out[marker] = ""
                _read_values(definition, item, question, marker, number, out, problems)
            continue
        if not question.takes_answer:
            continue  # notes and calculations: recomputed here, never imported
        text, problem = _import_value(question, raw, number, key)
        if text is not None:
            out[instance] = text
            if problem:
                problems[instance] = problem


def _parse_submission(session: Session, data: object, number: int) -> _Submission:
    from ..persistence import repositories

    if not isinstance(data, Mapping):
        raise _bad(number, QCoreApplication.translate("Forms", "a submission must be a JSON object"))
    form_id = data.get("_xform_id_string")
    if not isinstance(form_id, str) or not form_id:
        raise _bad(number, QCoreApplication.translate("Forms", "the form id is missing"), "_xform_id_string")
    version_name = data.get("__version__")
    if version_name not in (None, ""):
        row = repositories.form_version_by_version(session, form_id, str(version_name))
        if row is None:
            if repositories.form(session, form_id) is None:
                raise _bad(number, QCoreApplication.translate("Forms", "unknown form “{form}”").format(form=form_id),
                           "_xform_id_string", form_id)
            raise _bad(number, QCoreApplication.translate("Forms", "unknown version “{version}” of the form {form}").format(
                version=version_name, form=form_id), "__version__", version_name)
        version = form_service.version_info_in(session, row.id)
    else:
        version = form_service.latest_version_in(session, form_id=form_id)
        if version is None:
            raise _bad(number, QCoreApplication.translate("Forms", "unknown form “{form}”").format(form=form_id),
                       "_xform_id_string", form_id)
    definition = form_service.definition_in(session, version.version_id)
    values: dict[str, str] = {}
    problems: dict[str, str] = {}
    _read_values(definition, data, None, "", number, values, problems)
    instance = data.get("meta/instanceID")
    if isinstance(data.get("meta"), Mapping) and instance is None:
        instance = data["meta"].get("instanceID")
    if instance in (None, ""):
        canonical = json.dumps(data, ensure_ascii=False, sort_keys=True)
        response_id = str(uuid.uuid5(IMPORT_NAMESPACE, canonical))
    else:
        text = str(instance)
        text = text[5:] if text.startswith("uuid:") else text
        try:
            response_id = str(uuid.UUID(text))
        except ValueError:
            raise _bad(number, QCoreApplication.translate("Forms", "“{value}” is not an instance id such as uuid:…").format(
                value=instance), "meta/instanceID", instance) from None
    acronym = data.get("mechanism")
    key = "mechanism"
    if acronym in (None, ""):
        for question in definition.iter_questions():
            if question.choice_file == MECHANISM_CHOICE_FILE and values.get(question.path):
                acronym, key = values[question.path], question.path
                break
    if not isinstance(acronym, str) or not acronym.strip():
        raise _bad(number, QCoreApplication.translate("Forms", "the mechanism is missing"), "mechanism")
    mech = repositories.mechanism_by_acronym(session, acronym)
    if mech is None:
        raise _bad(number, QCoreApplication.translate("Forms", "unknown mechanism “{value}”").format(value=acronym), key, acronym)
    return _Submission(number, response_id, version, definition, mech, values, problems)


def _apply(session: Session, sub: _Submission, audit: _Audit, seconds: list[tuple[str, str]]) -> str:
    """Write one parsed submission; 'created', 'updated' or 'unchanged'.

    A response is known by its instance id and by nothing else: a new id makes a new
    response, whatever its answers (an id dropped because the answers looked the same would
    make the next edit of that submission fail). A questionnaire for a mechanism that already
    has one in the round replaces it when that one is empty and nothing points to it (opened
    here, never typed in); otherwise both are kept and the second is reported
    (``seconds``)."""
    from ..persistence import repositories

    head = repositories.response_head(session, sub.response_id)
    created = False
    if head is not None:
        summary = repositories.response_summary(session, sub.response_id)
        if summary[1] != sub.version.form_id or head.mechanism_id != sub.mechanism.id:
            raise _bad(sub.number, QCoreApplication.translate(
                "Forms", "the instance id belongs to another form or mechanism in this database"),
                "meta/instanceID", sub.response_id)
    else:
        if repositories.response_exists(session, sub.response_id):
            raise _bad(sub.number, QCoreApplication.translate(
                "Forms", "the instance id belongs to a response deleted in this database"),
                "meta/instanceID", sub.response_id)
        round_id = current_round_id(session)
        if sub.definition.kind == "questionnaire":
            other = repositories.round_response(session, sub.mechanism.id, round_id, sub.version.form_id)
            if other is not None:
                if (not repositories.answer_rows(session, other.id)
                        and not repositories.response_is_referenced(session, other.id)):
                    repositories.delete_response(session, other.id)
                    audit.add("delete", "response", other.id, None, None, f"uuid:{sub.response_id}")
                else:
                    seconds.append((sub.response_id, other.id))
        head = _create_response(
            session, sub.version, sub.mechanism.id, round_id, "import", audit,
            response_id=sub.response_id, action="import",
        )
        created = True
    rows = repositories.answer_rows(session, head.id)
    by_path = {row[1]: row for row in rows}
    changed = False
    for path, new in sub.values.items():
        existing = by_path.get(path)
        old = existing[2] if existing is not None else None
        if old == new:
            continue
        if existing is None:
            rows.append((repositories.insert_answer(session, head.id, path, new), path, new, True))
        else:
            repositories.set_answer_value(session, existing[0], new)
            rows[rows.index(existing)] = (existing[0], path, new, existing[3])
        audit.add("import", "answer", head.id, path, old, new)
        changed = True
    if not changed and not created:
        return "unchanged"
    definition = form_service.definition_in(session, head.form_version_id)
    _refresh(session, head, definition, rows, audit)
    return "created" if created else "updated"


def _depth(value: object) -> int:
    """How deeply lists and objects nest in a parsed JSON value (iteratively: a hostile file
    must not exhaust the stack here either)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if depth <= limits.JSON_DEPTH:
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _read_json(source: Path) -> Any:
    """The parsed file, or SubmissionError saying what it is instead."""
    name = source.name
    too_deep = QCoreApplication.translate(
        "Forms", "{file}: lists and objects nest more than {limit} levels deep; submissions nest "
        "three (the list, a submission, a repeat's rows)").format(file=name, limit=limits.JSON_DEPTH)
    try:
        size = source.stat().st_size
        if size > limits.JSON_FILE_BYTES:
            raise SubmissionError(QCoreApplication.translate(
                "Forms", "{file}: the file is larger than {limit} MB; it is refused").format(
                    file=name, limit=limits.JSON_FILE_BYTES // (1024 * 1024)))
        data = json.loads(source.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise SubmissionError(QCoreApplication.translate("Forms", "{file}: cannot be read ({error})").format(
            file=name, error=exc.strerror or exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        detail = (
            QCoreApplication.translate("Forms", "line {line}, column {column}").format(line=exc.lineno, column=exc.colno)
            if isinstance(exc, json.JSONDecodeError) else str(exc)
        )
        raise SubmissionError(QCoreApplication.translate("Forms", "{file}: not a JSON file ({detail})").format(
            file=name, detail=detail)) from None
    except RecursionError:
        raise SubmissionError(too_deep) from None
    if _depth(data) > limits.JSON_DEPTH:
        raise SubmissionError(too_deep)
    return data


def _kind_of(value: object) -> str:
    if isinstance(value, str):
        return QCoreApplication.translate("Forms", "a text")
    if isinstance(value, bool):
        return QCoreApplication.translate("Forms", "true or false")
    if isinstance(value, int | float):
        return QCoreApplication.translate("Forms", "a number")
    if value is None:
        return QCoreApplication.translate("Forms", "null")
    return QCoreApplication.translate("Forms", "an object")


def _submissions_in(data: Any, name: str) -> list[Any]:
    """The list of submissions a parsed file holds: the list itself, the ``results`` of
    KoboToolbox's API, the ``value`` of ODK Central's OData feed, or one submission alone."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        if isinstance(data.get("results"), list):
            return data["results"]  # the KoboToolbox API's envelope
        if isinstance(data.get("value"), list):
            return data["value"]  # ODK Central's OData feed
        if "_xform_id_string" in data:
            return [data]  # one submission on its own
        keys = ", ".join(f"“{key}”" for key in list(data)[:5])
        raise SubmissionError(QCoreApplication.translate(
            "Forms", "{file}: the file holds a JSON object (keys {keys}), not a list of submissions: "
            "expected a list [ {{…}}, {{…}} ] as `responses export` writes it, or the “results” "
            "list of KoboToolbox’s API").format(file=name, keys=keys or "—"))
    raise SubmissionError(QCoreApplication.translate(
        "Forms", "{file}: the file holds {kind}, not a list of submissions").format(file=name, kind=_kind_of(data)))


def import_submissions(db: Database, path: str | Path, actor: str) -> ImportSummary:
    """Import a JSON file of submissions, all or nothing (see the module's description).
    A submission updates the response with its instance id (answers it does not mention
    are left alone); importing the same file again changes nothing. Raises SubmissionError
    naming the file, the first bad submission, key or value; then nothing was changed."""
    source = Path(path)
    data = _submissions_in(_read_json(source), source.name)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    invalid: list[InvalidAnswer] = []
    seconds: list[tuple[str, str]] = []
    audit = _Audit(actor)
    try:
        with db.write() as session:
            for number, item in enumerate(data, start=1):
                parsed = _parse_submission(session, item, number)
                counts[_apply(session, parsed, audit, seconds)] += 1
                _store_attachment_files(session, source.parent, parsed, number)
                invalid.extend(
                    InvalidAnswer(number, parsed.response_id, path, parsed.values[path], problem)
                    for path, problem in parsed.problems.items()
                )
    except SubmissionError as exc:
        raise SubmissionError(f"{source.name}: {exc}", exc.number, exc.key, exc.value) from None
    return ImportSummary(**counts, invalid=tuple(invalid), second_questionnaires=tuple(seconds))


__all__ = ["ImportSummary", "InvalidAnswer", "SubmissionError", "export_submissions", "import_submissions"]
