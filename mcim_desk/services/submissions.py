"""KoboToolbox / ODK Central JSON: export every response as a list of submissions, import
such a list back, all or nothing.

The layout is a list of submissions, each an object with: ``_xform_id_string`` (form id),
``__version__`` (form version), ``meta/instanceID`` (``uuid:<response id>``), ``mechanism``
(acronym, French or English, or key), Kobo's ``_id``, ``_uuid``, ``_submission_time`` and
``formhub/uuid``, then one key per answered question, its group path (``section_2/q4``);
select_multiple values are space-separated codes; a repeat is a list of objects under its
path whose keys are the full paths of its questions (``section_4/q25/category``).

The import also reads KoboToolbox's exports and API, and ODK Central's OData feed
(``submission_layouts.py`` recognises and flattens them). What is not an answer is metadata:
``_submission_time`` becomes the response's received time, ``_uuid`` its id when there is no
``meta/instanceID``, ``meta/deprecatedID`` the response an edit replaces; the rest is ignored.
The form is the one ``_xform_id_string`` names, else the one the caller names, else the one
installed form that has every question of the submission; the mechanism is the ``mechanism``
key, else the form's mechanism question (the questionnaire's Q1), else the caller's choice.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import limits
from ..domain.mechanism_names import MechanismNames
from ..forms.definition import FormDefinition, Question, instance_indexes
from ..forms.engine import type_problem
from . import forms as form_service
from . import submission_layouts as layouts
from .response_common import (
    MECHANISM_CHOICE_FILE,
    AnswerTooLong,
    ResponseError,
    _Audit,
    _normalise,
    _refresh,
)
from .responses import _create_response, current_round_id

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
class UnresolvedMechanism:
    """A submission whose mechanism neither a ``mechanism`` key nor the form's mechanism
    question gives: ``value`` is what that question holds (None when unanswered), ``reason``
    the translated sentence saying so."""

    number: int
    value: str | None
    reason: str


class MechanismsNeeded(SubmissionError):
    """Some submissions need a mechanism chosen (``--mechanism``, or the window's dialog);
    nothing was changed. ``unresolved`` lists them all."""

    def __init__(self, message: str, unresolved: tuple[UnresolvedMechanism, ...]) -> None:
        first = unresolved[0]
        super().__init__(message, first.number, "mechanism", first.value)
        self.unresolved = unresolved


@dataclass(frozen=True)
class ImportOptions:
    """What the caller adds to a file. ``form_id``: the form of submissions that name none
    installed here (a Kobo export names its asset uid); ``mechanism``: acronym, name, key or
    id of the mechanism of submissions that give none; ``mechanisms``: the same per
    submission number (1-based), before ``mechanism``."""

    form_id: str | None = None
    mechanism: str | None = None
    mechanisms: Mapping[int, str] | None = None


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    invalid: tuple[InvalidAnswer, ...] = ()
    # Responses created for a mechanism that already had a questionnaire response in the
    # round: (response id, the one already here).
    second_questionnaires: tuple[tuple[str, str], ...] = ()
    layout: str = ""  # translated: "Kobo API v2", "ODK Central OData"...
    # Translated sentences on what the import decided: a form found by its questions, an
    # edit whose earlier submission is not here imported as new...
    notes: tuple[str, ...] = ()

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
        formhub: dict[str, str] = {}
        everyone = MechanismNames(repositories.mechanisms(session))
        named: list[tuple[str, str]] = []
        for row, version, mech in rows:
            definition = form_service.definition_in(session, version.id)
            if mech.id not in acronyms:
                same = everyone.named(mech.acronym_en)
                acronyms[mech.id] = mech.acronym_en if [m.id for m in same] == [mech.id] else mech.key
            if version.id not in formhub:
                formhub[version.id] = layouts.formhub_uuid(version.form_id, version.version, version.source_hash)
            submitted = row.received_at or row.created_at
            submission: dict[str, Any] = {
                "_xform_id_string": version.form_id,
                "__version__": version.version,
                "meta/instanceID": f"uuid:{row.id}",
                "mechanism": acronyms[mech.id],
                "_id": layouts.kobo_id(row.id),
                "_uuid": row.id,
                "formhub/uuid": formhub[version.id],
            }
            if submitted is not None:
                submission["_submission_time"] = layouts.kobo_time(submitted)
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
    mechanism: Any  # None while unresolved (then ``unresolved`` says why)
    values: dict[str, str]
    problems: dict[str, str]  # instance path -> the form's complaint, for values kept as typed
    deprecated: str | None = None  # meta/deprecatedID: the instance this edit replaces
    submitted: Any = None  # _submission_time as a naive UTC datetime
    unresolved: UnresolvedMechanism | None = None


@dataclass
class _Context:
    """What one import reads once and carries through its submissions."""

    layout: layouts.Layout
    options: ImportOptions
    mechanisms: list[Any]
    fallback: Any = None  # the options' mechanism, resolved
    # (form id, version) -> the submissions whose form was found by their questions
    inferred: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    names: MechanismNames = field(init=False)
    # read once per import: (version id, form id, version) newest first; facts; key fits
    _versions: list[tuple[str, str, str]] | None = None
    _infos: dict[str, form_service.FormInfo] = field(default_factory=dict)
    _fits: dict[tuple[str, frozenset[str]], bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names = MechanismNames(self.mechanisms)

    def versions(self, session: Session) -> list[tuple[str, str, str]]:
        from ..persistence import repositories

        if self._versions is None:
            rows = sorted(repositories.form_versions(session),
                          key=lambda pair: (pair[0].created_at, pair[0].version), reverse=True)
            self._versions = [(row.id, row.form_id, row.version) for row, _form in rows]
        return self._versions

    def info(self, session: Session, version_id: str) -> form_service.FormInfo:
        if version_id not in self._infos:
            self._infos[version_id] = form_service.version_info_in(session, version_id)
        return self._infos[version_id]

    def fits(self, session: Session, version_id: str, data: Mapping[str, Any]) -> bool:
        key = (version_id, frozenset(data))
        if key not in self._fits:
            self._fits[key] = _answer_keys_fit(form_service.definition_in(session, version_id), data)
        return self._fits[key]


def _bad(number: int, message: str, key: str | None = None, value: object = None) -> SubmissionError:
    where = QCoreApplication.translate("Forms", "submission {number}").format(number=number)
    if key is not None:
        where += QCoreApplication.translate("Forms", ", key “{key}”").format(key=key)
    return SubmissionError(QCoreApplication.translate("Forms", "{where}: {problem}").format(
        where=where, problem=message), number, key, value)


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


def _is_metadata(definition: FormDefinition, key: str) -> bool:
    """A submission key that is not an answer: ours, Kobo's or ODK's (``start``, ``end``...
    only when the form has no question of that name)."""
    if key in META_KEYS or key in layouts.KOBO_METADATA or key == "meta":
        return True
    if key.startswith(("_", "meta/", "formhub/")):
        return True
    return key in layouts.METADATA_QUESTIONS and definition.find(key) is None


def _answer_keys_fit(definition: FormDefinition, data: Mapping[str, Any]) -> bool:
    """Whether every answer key of a submission names a question of the form (outside repeats)."""
    for key in data:
        if _is_metadata(definition, key):
            continue
        question = definition.find(key)
        if question is None or question.path != key or definition.repeat_of(key) is not None:
            return False
    return True


def _read_values(
    definition: FormDefinition, data: Mapping[str, Any], container: Question | None,
    instance_prefix: str, number: int, out: dict[str, str], problems: dict[str, str],
) -> None:
    for key, raw in data.items():
        if container is None and _is_metadata(definition, key):
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


def _version_of_form(session: Session, form_id: str, data: Mapping[str, Any], number: int,
                     strict: bool, ctx: _Context) -> form_service.FormInfo:
    """The version of ``form_id`` a submission was made with: the one ``__version__`` names
    (``strict``: an unknown name is refused), else the newest version that has every
    question of the submission, else the newest."""
    versions = [row for row in ctx.versions(session) if row[1] == form_id]
    version_name = data.get("__version__")
    if version_name not in (None, ""):
        named = [row for row in versions if row[2] == str(version_name)]
        if named:
            return ctx.info(session, named[0][0])
        if strict:
            raise _bad(number, QCoreApplication.translate("Forms", "unknown version “{version}” of the form {form}").format(
                version=version_name, form=form_id), "__version__", version_name)
    for version_id, *_rest in versions:
        if ctx.fits(session, version_id, data):
            return ctx.info(session, version_id)
    return ctx.info(session, versions[0][0])  # the form is installed: it has a version


def _choose_version(session: Session, data: Mapping[str, Any], number: int, ctx: _Context) -> form_service.FormInfo:
    """The form version of a submission: the form ``_xform_id_string`` names when it is
    installed here; else the caller's ``form_id``, or the form ODK Central's feed names;
    else the one installed form that has every question of the submission (said in the
    summary's notes). Refused, naming the layout, when none of these gives one."""
    installed = {row[1] for row in ctx.versions(session)}
    named = data.get("_xform_id_string")
    named = named if isinstance(named, str) and named else None
    wanted = ctx.options.form_id
    if named is not None and named in installed:
        return _version_of_form(session, named, data, number, True, ctx)
    if wanted is None and ctx.layout.form_id in installed:
        wanted = ctx.layout.form_id
    if wanted is not None:
        if wanted not in installed:
            raise _bad(number, QCoreApplication.translate("Forms", "unknown form “{form}”").format(form=wanted),
                       "_xform_id_string", wanted)
        return _version_of_form(session, wanted, data, number, False, ctx)
    fitting = sorted({form_id for version_id, form_id, *_rest in ctx.versions(session)
                      if ctx.fits(session, version_id, data)})
    if len(fitting) == 1:
        version = _version_of_form(session, fitting[0], data, number, False, ctx)
        ctx.inferred.setdefault((version.form_id, version.version), []).append(number)
        return version
    if named is not None:
        problem = QCoreApplication.translate("Forms", "unknown form “{form}”").format(form=named)
    else:
        problem = QCoreApplication.translate("Forms", "the form id is missing")
    if fitting:
        detail = QCoreApplication.translate(
            "Forms", "{problem}, and the forms {forms} all have its questions: name the form (--form ID "
            "on the command line)").format(problem=problem, forms=", ".join(fitting))
    else:
        detail = QCoreApplication.translate(
            "Forms", "{problem}, and no installed form has all its questions: add the form first, or "
            "name it (--form ID on the command line)").format(problem=problem)
    raise _bad(number, detail, "_xform_id_string", named)


def mechanism_question(definition: FormDefinition) -> Question | None:
    """The question whose answer names the mechanism: one choosing from the mechanisms'
    list (the interview guide's Q1), else the questionnaire's Q1 ("the name of your ISCM")."""
    for question in definition.iter_questions():
        if question.choice_file == MECHANISM_CHOICE_FILE and question.takes_answer:
            return question
    if definition.kind == "questionnaire":
        q1 = definition.by_name("q1")
        if q1 is not None and q1.takes_answer and q1.type == "text" and definition.repeat_of(q1.path) is None:
            return q1
    return None


def _names(rows: Sequence[Any]) -> str:
    return ", ".join(f"{row.acronym_en} ({row.name_en})" if row.name_en else row.acronym_en for row in rows)


def _resolve_mechanism(data: Mapping[str, Any], definition: FormDefinition, values: Mapping[str, str],
                       number: int, ctx: _Context, known: str | None = None) -> tuple[Any, UnresolvedMechanism | None]:
    """(mechanism, None), or (None, why not) when only the caller can say. ``known``: the
    mechanism id of the response here the submission is (or edits): a file imported again
    is not asked again what was answered the first time."""
    given = data.get("mechanism")
    if given not in (None, ""):
        if not isinstance(given, str) or not given.strip():
            raise _bad(number, QCoreApplication.translate("Forms", "the mechanism is missing"), "mechanism")
        by_key = [row for row in ctx.mechanisms if row.key == given.strip()]
        found = by_key or ctx.names.named(given)
        if len(found) == 1:
            return found[0], None
        if not found:
            raise _bad(number, QCoreApplication.translate("Forms", "unknown mechanism “{value}”").format(value=given),
                       "mechanism", given)
        raise _bad(number, QCoreApplication.translate("Forms", "“{value}” could be any of {names}").format(
            value=given, names=_names(found)), "mechanism", given)
    question = mechanism_question(definition)
    answer = values.get(question.path) if question is not None else None
    reason = None
    if answer:
        found = ctx.names.named(answer)
        if len(found) == 1:
            return found[0], None
        if not found:
            reason = QCoreApplication.translate(
                "Forms", "submission {number}: “{value}” ({key}) names no known mechanism").format(
                    number=number, value=answer, key=question.path)
        else:
            reason = QCoreApplication.translate(
                "Forms", "submission {number}: “{value}” ({key}) could be any of {names}").format(
                    number=number, value=answer, key=question.path, names=_names(found))
    if known is not None:
        found = [row for row in ctx.mechanisms if row.id == known]
        if found:
            return found[0], None
    chosen = (ctx.options.mechanisms or {}).get(number)
    if chosen is not None:
        found = [row for row in ctx.mechanisms if row.id == chosen]
        if found:
            return found[0], None
    if ctx.fallback is not None:
        return ctx.fallback, None
    if reason is None:
        where = question.path if question is not None else "mechanism"
        reason = QCoreApplication.translate(
            "Forms", "submission {number}: no “mechanism” key and no answer to {key}").format(
                number=number, key=where)
    return None, UnresolvedMechanism(number, answer, reason)


def _instance_id(data: Mapping[str, Any], key: str, number: int) -> str | None:
    instance = data.get(key)
    if instance in (None, ""):
        return None
    text = str(instance)
    text = text[5:] if text.startswith("uuid:") else text
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise _bad(number, QCoreApplication.translate("Forms", "“{value}” is not an instance id such as uuid:…").format(
            value=instance), key, instance) from None


def _parse_submission(session: Session, data: object, number: int, ctx: _Context) -> _Submission:
    if not isinstance(data, Mapping):
        raise _bad(number, QCoreApplication.translate("Forms", "a submission must be a JSON object"))
    version = _choose_version(session, data, number, ctx)
    definition = form_service.definition_in(session, version.version_id)
    values: dict[str, str] = {}
    problems: dict[str, str] = {}
    _read_values(definition, data, None, "", number, values, problems)
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    flat = {**{f"meta/{k}": v for k, v in meta.items()}, **data}
    response_id = _instance_id(flat, "meta/instanceID", number) or _instance_id(flat, "_uuid", number)
    if response_id is None:
        canonical = json.dumps(data, ensure_ascii=False, sort_keys=True)
        response_id = str(uuid.uuid5(IMPORT_NAMESPACE, canonical))
    deprecated = _instance_id(flat, "meta/deprecatedID", number)
    mech, unresolved = _resolve_mechanism(data, definition, values, number, ctx)
    if unresolved is not None:
        from ..persistence import repositories

        target = _known_response(session, response_id) or (
            _known_response(session, deprecated) if deprecated is not None else None)
        if target is not None:
            known = repositories.response_head(session, target).mechanism_id
            mech, unresolved = _resolve_mechanism(data, definition, values, number, ctx, known)
    return _Submission(
        number, response_id, version, definition, mech, values, problems, deprecated=deprecated,
        submitted=layouts.submission_time(data.get("_submission_time")), unresolved=unresolved,
    )


def _known_response(session: Session, instance_id: str) -> str | None:
    """The live response an instance id names: its own id, or an edit recorded for it."""
    from ..persistence import repositories, submission_repo

    if repositories.response_head(session, instance_id) is not None:
        return instance_id
    return submission_repo.response_for_instance(session, instance_id)


def _apply(session: Session, sub: _Submission, audit: _Audit, seconds: list[tuple[str, str]],
           notes: list[str]) -> str:
    """Write one parsed submission; 'created', 'updated' or 'unchanged'.

    A response is known by its instance id and by nothing else: a new id makes a new
    response, whatever its answers (an id dropped because the answers looked the same would
    make the next edit of that submission fail). An edit (``meta/deprecatedID`` naming a
    response here, or an instance id recorded for one by an earlier edit) updates that
    response: its answers become the submission's, and the new instance id is recorded so
    that the next edit finds it. A questionnaire for a mechanism that already has one in the
    round replaces it when that one is empty and nothing points to it (opened here, never
    typed in); otherwise both are kept and the second is reported (``seconds``)."""
    from ..persistence import repositories, submission_repo

    target = _known_response(session, sub.response_id)
    replace = False
    if target is None and sub.deprecated is not None:
        target = _known_response(session, sub.deprecated)
        if target is None:
            notes.append(QCoreApplication.translate(
                "Forms", "submission {number}: it edits uuid:{deprecated} (meta/deprecatedID), which is "
                "not in this database: imported as a new response").format(
                    number=sub.number, deprecated=sub.deprecated))
        else:
            replace = True
            audit.add("edit", submission_repo.INSTANCE_ENTITY, sub.response_id, "response",
                      f"uuid:{sub.deprecated}", target)
    elif target is not None and target != sub.response_id:
        replace = True  # the edit's own instance id, imported again
    created = False
    if target is not None:
        head = repositories.response_head(session, target)
        summary = repositories.response_summary(session, target)
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
        if sub.submitted is not None:
            submission_repo.set_received_at(session, head.id, sub.submitted)
        created = True
    rows = repositories.answer_rows(session, head.id)
    changed = False
    if replace:
        gone = [row for row in rows if row[1] not in sub.values]
        repositories.delete_answers(session, [row[0] for row in gone])
        for row in gone:
            audit.add("import", "answer", head.id, row[1], row[2], None)
        rows = [row for row in rows if row[1] in sub.values]
        changed = bool(gone)
    by_path = {row[1]: row for row in rows}
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
        audit.write(session)  # an edit's instance id, recorded although its answers are the same
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


def _layout_of(data: Any, name: str) -> layouts.Layout:
    """The layout of a parsed file (see ``submission_layouts``), or SubmissionError saying
    what the file holds instead."""
    layout = layouts.detect(data)
    if layout is not None:
        return layout
    if isinstance(data, Mapping):
        keys = ", ".join(f"“{key}”" for key in list(data)[:5])
        raise SubmissionError(QCoreApplication.translate(
            "Forms", "{file}: the file holds a JSON object (keys {keys}), not a list of submissions: "
            "expected a list [ {{…}}, {{…}} ] as `responses export` writes it, the “results” "
            "list of KoboToolbox’s API or the “value” list of ODK Central’s OData feed").format(
                file=name, keys=keys or "—"))
    raise SubmissionError(QCoreApplication.translate(
        "Forms", "{file}: the file holds {kind}, not a list of submissions").format(file=name, kind=_kind_of(data)))


def _needed_message(name: str, layout: layouts.Layout, unresolved: list[UnresolvedMechanism]) -> str:
    shown = [item.reason for item in unresolved[:10]]
    if len(unresolved) > 10:
        shown.append(QCoreApplication.translate("Forms", "and {count} more").format(count=len(unresolved) - 10))
    head = QCoreApplication.translate(
        "Forms", "{file} ({layout}): {count} submissions do not say which mechanism they are about; "
        "nothing was imported. Name it with --mechanism ACRONYM (it applies to the submissions "
        "without one), or import the file in the window, which asks:").format(
            file=name, layout=layout.label, count=len(unresolved))
    return "\n".join([head, *(f"  {line}" for line in shown)])


def import_submissions(db: Database, path: str | Path, actor: str,
                       options: ImportOptions | None = None) -> ImportSummary:
    """Import a JSON file of submissions, all or nothing (see the module's description).
    A submission updates the response with its instance id (answers it does not mention
    are left alone); an edit (``meta/deprecatedID``) replaces the answers of the response it
    edits; importing the same file again changes nothing. Raises SubmissionError naming the
    file, the first bad submission, key or value, or MechanismsNeeded listing every
    submission whose mechanism only the caller can give; then nothing was changed."""
    from ..persistence import repositories

    source = Path(path)
    options = options or ImportOptions()
    layout = _layout_of(_read_json(source), source.name)
    def where(problem: object) -> str:  # every refusal from here on names the file and layout
        return QCoreApplication.translate("Forms", "{file} ({layout}): {problem}").format(
            file=source.name, layout=layout.label, problem=problem)

    counts = {"created": 0, "updated": 0, "unchanged": 0}
    invalid: list[InvalidAnswer] = []
    seconds: list[tuple[str, str]] = []
    unresolved: list[UnresolvedMechanism] = []
    audit = _Audit(actor)
    try:
        items = layouts.flat_items(layout)
    except layouts.LayoutError as exc:
        raise SubmissionError(where(exc)) from None
    try:
        with db.write() as session:
            ctx = _Context(layout, options, repositories.mechanisms(session))
            if options.mechanism:
                wanted = options.mechanism.strip()
                found = [row for row in ctx.mechanisms if wanted in (row.id, row.key)]
                found = found or ctx.names.named(wanted)
                if len(found) != 1:
                    raise SubmissionError(QCoreApplication.translate(
                        "Forms", "--mechanism “{value}”: {problem}").format(
                            value=wanted, problem=(
                                QCoreApplication.translate("Forms", "no known mechanism has this acronym or name")
                                if not found else
                                QCoreApplication.translate("Forms", "it could be any of {names}").format(names=_names(found)))))
                ctx.fallback = found[0]
            for number, item in enumerate(items, start=1):
                parsed = _parse_submission(session, item, number, ctx)
                if parsed.unresolved is not None:
                    unresolved.append(parsed.unresolved)
                    continue
                counts[_apply(session, parsed, audit, seconds, ctx.notes)] += 1
                _store_attachment_files(session, source.parent, parsed, number)
                invalid.extend(
                    InvalidAnswer(number, parsed.response_id, path, parsed.values[path], problem)
                    for path, problem in parsed.problems.items()
                )
            if unresolved:
                raise MechanismsNeeded(_needed_message(source.name, layout, unresolved), tuple(unresolved))
    except MechanismsNeeded:
        raise
    except SubmissionError as exc:
        raise SubmissionError(where(exc), exc.number, exc.key, exc.value) from None
    notes = [
        QCoreApplication.translate(
            "Forms", "{count} submissions name no form installed here: read as {form} version {version}, "
            "the only installed form with all their questions").format(
                count=len(numbers), form=form_id, version=version)
        for (form_id, version), numbers in sorted(ctx.inferred.items())
    ] + ctx.notes
    return ImportSummary(**counts, invalid=tuple(invalid), second_questionnaires=tuple(seconds),
                         layout=layout.label, notes=tuple(notes))


__all__ = [
    "ImportOptions", "ImportSummary", "InvalidAnswer", "MechanismsNeeded", "SubmissionError",
    "UnresolvedMechanism", "export_submissions", "import_submissions", "mechanism_question",
]
