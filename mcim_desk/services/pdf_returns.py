"""A returned questionnaire PDF (issue 7): read (in a child process, see
:mod:`mcim_desk.exchange.pdf_reader`), compared with the database answer by answer
(:func:`preview_pdf_import`, nothing saved), then the accepted answers saved in one
transaction (:func:`apply_pdf_import`). Making the PDF, and the data classes both sides share,
are ``pdf_forms``'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..limits import TEXT_ANSWER_CHARS
from .pdf_forms import (
    LANGS,
    PdfAnswerChange,
    PdfFormError,
    PdfImportPlan,
    PdfImportResult,
    PdfProblem,
    _questionnaire_version,
)

if TYPE_CHECKING:
    from ..exchange.pdf_form import PdfFormContent
    from ..forms.definition import FormDefinition, Question
    from ..persistence.database import Database


# --- reading a returned PDF -------------------------------------------------------------------


def read_error_message(file_name: str, code: str, detail: str, timeout: float) -> str:
    from ..limits import PDF_FILE_BYTES as MAX_FILE_BYTES

    if code == "missing":
        return QCoreApplication.translate(
            "PdfImport", "{file} cannot be opened ({detail})."
        ).format(file=file_name, detail=detail)
    if code == "too_big":
        return QCoreApplication.translate(
            "PdfImport",
            "{file} is larger than {limit} MB, far more than a questionnaire: it was not read.",
        ).format(file=file_name, limit=MAX_FILE_BYTES // (1024 * 1024))
    if code == "not_pdf":
        return QCoreApplication.translate("PdfImport", "{file} is not a PDF file.").format(
            file=file_name
        )
    if code == "encrypted":
        return QCoreApplication.translate(
            "PdfImport",
            "{file} is protected by a password (encrypted): save a copy without a password "
            "and import that copy.",
        ).format(file=file_name)
    if code == "timeout":
        return QCoreApplication.translate(
            "PdfImport",
            "{file} took longer than {seconds} seconds to read and was abandoned: it is "
            "damaged, or built to do harm.",
        ).format(file=file_name, seconds=f"{timeout:g}")
    if code == "crashed":
        return QCoreApplication.translate(
            "PdfImport", "{file} could not be read: the reader stopped ({detail})."
        ).format(file=file_name, detail=detail)
    if code == "no_form":
        return QCoreApplication.translate(
            "PdfImport",
            "{file} has no form fields: it is not a fillable questionnaire, or it was printed "
            "to PDF, which drops the fields.",
        ).format(file=file_name)
    return QCoreApplication.translate(
        "PdfImport", "{file} is damaged and cannot be read ({detail})."
    ).format(file=file_name, detail=detail)


def _choice_text(question: Question | None, value: str | None, lang: str) -> str:
    if value is None:
        return ""
    if question is None or not question.is_select or not question.choices:
        return value
    texts = []
    for code in value.split() if question.type == "select_multiple" else [value]:
        choice = question.choice(code)
        if choice is None:
            texts.append(code)
            continue
        text = choice.label(lang)
        number = code.rsplit("_", 1)[-1]
        texts.append(
            f"{number}. {text}"
            if number.isdigit() and code.startswith(("theme_", "principle_", "objective_"))
            else text
        )
    return "; ".join(texts)


def _same_choices_as(value: str | None, reference: str | None) -> str | None:
    """``reference`` when both hold the same codes in another order, else ``value``."""
    if value is not None and reference is not None and sorted(value.split()) == sorted(reference.split()):
        return reference
    return value


def _normalise(question: Question | None, value: str | None) -> str | None:
    """As responses store it: select_multiple codes single-spaced, non-text trimmed."""
    if value is None or not value.strip():
        return None
    if question is None or question.type == "text":
        return value
    if question.type == "select_multiple":
        return " ".join(value.split())
    return value.strip()


def _question_label(definition: FormDefinition, path: str | None, lang: str) -> str:
    if not path:
        return ""
    question = definition.find(path)
    if question is None:
        return path
    from ..domain.typography import one_line

    return one_line(question.label(lang) or question.name)


def _field_question(
    definition: FormDefinition, spec_path: str | None, field: str, lang: str
) -> str:
    label = _question_label(definition, spec_path, lang)
    if not label:
        return ""
    question = definition.find(spec_path or "")
    if question is not None and question.type == "select_multiple":
        code = field.rsplit("/", 1)[-1]
        choice = question.choice(code)
        if choice is not None:
            return f"{label} — {_choice_text(question, code, lang)}"
    return label


def _row_text(layout: Any, values: Mapping[str, str | None] | None, lang: str) -> str:
    if not values:
        return ""
    lines = []
    for column in layout.columns:
        value = values.get(column.name)
        if value:
            lines.append(f"{column.label(lang) or column.name}: {value}")
    return "\n".join(lines)


def preview_pdf_import(
    db: Database,
    path: str | Path,
    lang: str,
    *,
    expected_mechanism_id: str | None = None,
    timeout: float | None = None,
) -> PdfImportPlan:
    """Read a filled questionnaire PDF and compare it with the database (nothing is saved).
    Raises :class:`PdfFormError` when the file cannot be read or is not a questionnaire
    made by MCIM Desk for a form and mechanism this database has."""
    from ..exchange import pdf_form, pdf_reader
    from ..forms.engine import FormState, type_problem
    from . import catalogue, forms, responses

    lang = lang if lang in LANGS else "en"
    source = Path(path)
    limit = pdf_reader.TIMEOUT_SECONDS if timeout is None else timeout
    try:
        raw = pdf_reader.read_pdf_fields(source, timeout=limit)
    except pdf_reader.PdfReadError as exc:
        raise PdfFormError(
            read_error_message(source.name, exc.code, exc.detail, limit), exc.code
        ) from None
    fields = raw.by_name()
    if not fields:
        raise PdfFormError(read_error_message(source.name, "no_form", "", limit), "no_form")
    problems: list[PdfProblem] = []
    if raw.warnings:
        problems.append(
            PdfProblem(
                "",
                "repaired",
                QCoreApplication.translate(
                    "PdfImport",
                    "The file is damaged and was repaired while reading ({detail}): check the answers below "
                    "with care.",
                ).format(detail="; ".join(raw.warnings[:3])),
            )
        )
    meta, meta_problem = pdf_form.read_meta(fields.get(pdf_form.META_FIELD))
    if meta is None:
        info = {
            name: raw.metadata.get(key.lstrip("/"), "") for name, key in pdf_form.INFO_KEYS.items()
        }
        if not info["form_id"] or not info["mechanism"]:
            raise PdfFormError(
                QCoreApplication.translate(
                    "PdfImport",
                    "{file} is not a questionnaire made by MCIM Desk: it lacks the hidden "
                    "field that names its form and mechanism.",
                ).format(file=source.name),
                "not_ours",
            )
        meta = dict(info)
        problems.append(
            PdfProblem(
                pdf_form.META_FIELD,
                "meta",
                (meta_problem or "")
                + " "
                + QCoreApplication.translate(
                    "PdfImport",
                    "(the form and mechanism were read from the document's properties; what the file was "
                    "pre-filled with is unknown)",
                ),
            )
        )
    form_id = str(meta.get("form_id") or "")
    pdf_version = str(meta.get("form_version") or "")
    try:
        latest = _questionnaire_version(db, form_id)
    except PdfFormError:
        raise PdfFormError(
            QCoreApplication.translate(
                "PdfImport",
                "{file} was made from the form “{form}”, which this database does not have.",
            ).format(file=source.name, form=form_id),
            "unknown_form",
        ) from None
    mechanism_key = str(meta.get("mechanism") or "")
    mechanism = catalogue.find_mechanism(db, mechanism_key) if mechanism_key else None
    if mechanism is None and meta.get("mechanism_id"):
        try:
            mechanism = catalogue.mechanism_card(db, str(meta["mechanism_id"])).row
        except KeyError:
            mechanism = None
    if mechanism is None:
        raise PdfFormError(
            QCoreApplication.translate(
                "PdfImport",
                "{file} is for the mechanism “{mechanism}”, which this database does not have.",
            ).format(file=source.name, mechanism=mechanism_key),
            "unknown_mechanism",
        )
    label = f"{mechanism.acronym(lang)} — {mechanism.name(lang)}"
    if expected_mechanism_id and expected_mechanism_id != mechanism.id:
        try:
            expected = catalogue.mechanism_card(db, expected_mechanism_id).row.acronym(lang)
        except KeyError:
            expected = expected_mechanism_id
        problems.append(
            PdfProblem(
                pdf_form.META_FIELD,
                "mechanism",
                QCoreApplication.translate(
                    "PdfImport",
                    "This file is for {mechanism}, not for {expected}: its answers go to {mechanism}.",
                ).format(mechanism=mechanism.acronym(lang), expected=expected),
            )
        )
    response = None
    response_id = meta.get("response_id")
    if isinstance(response_id, str) and response_id:
        try:
            candidate = responses.response_info(db, response_id)
        except (responses.ResponseError, KeyError):
            candidate = None
        if (
            candidate is not None
            and candidate.mechanism_id == mechanism.id
            and candidate.form_id == form_id
        ):
            response = candidate
        elif candidate is not None:
            problems.append(
                PdfProblem(
                    pdf_form.META_FIELD,
                    "response",
                    QCoreApplication.translate(
                        "PdfImport",
                        "The response this file names belongs to another mechanism or form in this database: "
                        "the answers are compared with the questionnaire of {mechanism} instead.",
                    ).format(mechanism=mechanism.acronym(lang)),
                )
            )
    if response is None:
        response = responses.current_questionnaire(db, mechanism.id, form_id=form_id)
    version_id = response.form_version_id if response is not None else latest.version_id
    definition = forms.definition(db, version_id)
    if pdf_version and pdf_version != definition.version:
        problems.append(
            PdfProblem(
                pdf_form.META_FIELD,
                "version",
                QCoreApplication.translate(
                    "PdfImport",
                    "This file was made from version {pdf} of the form; the answers are compared with version "
                    "{here}: fields of questions that differ are reported below.",
                ).format(pdf=pdf_version, here=definition.version),
            )
        )
    content = pdf_form.interpret(definition, fields)
    for item in content.problems:
        problems.append(
            PdfProblem(
                item.field,
                item.kind,
                item.message,
                _field_question(definition, item.path, item.field, lang),
            )
        )
    base = meta.get("base")
    base_content = pdf_form.base_content(definition, base) if isinstance(base, dict) else None
    held = responses.answers(db, response.id) if response is not None else {}
    changes, unchanged, newer_here = _compare(definition, content, base_content, held, lang)
    # validity: the answers as they would be with every change accepted
    merged: dict[str, str] = dict(held)
    for change in changes:
        if change.kind == "answer":
            if change.pdf_value is None:
                merged.pop(change.path, None)
            else:
                merged[change.path] = change.pdf_value
    state = FormState(definition, merged)
    checked: list[PdfAnswerChange] = []
    nul = QCoreApplication.translate(
        "PdfImport", "The value holds a NUL character, which no typed text holds: it cannot be "
        "saved (a damaged or edited file?).")
    for change in changes:
        too_long = _too_long(change)
        texts = [change.pdf_value, *(value for _name, value in change.row_values)]
        if too_long:  # refused whole, never cut: the respondent shortens it or it stays out
            checked.append(_replace(change, message=too_long, savable=False))
            continue
        if any(text is not None and "\x00" in text for text in texts):
            checked.append(_replace(change, message=nul, savable=False))
            continue
        if change.kind != "answer":
            checked.append(change)
            continue
        question = definition.find(change.path)
        message = None
        savable = True
        if change.pdf_value is not None and question is not None:
            message = type_problem(question, change.pdf_value)
            savable = message is None
        if message is None:
            message = state.error_for(change.path, lang)
        if message is None and change.pdf_value is not None and not state.relevant(change.path):
            message = QCoreApplication.translate(
                "PdfImport",
                "This question does not apply given the other answers (see its “Answer only "
                "if” line): the answer would be kept but not counted.",
            )
        checked.append(_replace(change, message=message, savable=savable))
    from ..forms.definition import instance_indexes

    next_instances = tuple(
        (layout_path, max(instance_indexes(held, layout_path), default=0) + 1)
        for layout_path in content.rows
    )
    return PdfImportPlan(
        path=source,
        lang=lang,
        form_id=form_id,
        pdf_form_version=pdf_version,
        form_version_id=version_id,
        form_version=definition.version,
        mechanism_id=mechanism.id,
        mechanism_label=label,
        response_id=response.id if response is not None else None,
        response_revision=response.revision if response is not None else None,
        response_status=response.status if response is not None else None,
        changes=tuple(checked),
        problems=tuple(problems),
        unchanged=unchanged,
        newer_here=newer_here,
        next_instances=next_instances,
    )


def _too_long(change: PdfAnswerChange) -> str | None:
    """The message when a value of this change is longer than an answer may be."""
    from .responses import too_long_message

    values = [change.pdf_value] if change.kind == "answer" else [v for _n, v in change.row_values]
    longest = max((len(v) for v in values if v), default=0)
    if longest <= TEXT_ANSWER_CHARS:
        return None
    return too_long_message(change.question, longest) + " " + QCoreApplication.translate(
        "PdfImport", "This answer was not imported.")


def _replace(change: PdfAnswerChange, **values: object) -> PdfAnswerChange:
    from dataclasses import replace

    return replace(change, **values)


def _compare(
    definition: FormDefinition,
    content: PdfFormContent,
    base: PdfFormContent | None,
    held: Mapping[str, str],
    lang: str,
) -> tuple[list[PdfAnswerChange], int, int]:
    """The differences (form order), the number of answers equal on both sides, and the
    number changed here since the file was made (left as they were in the file)."""
    from ..exchange import pdf_form

    changes: list[PdfAnswerChange] = []
    unchanged = newer_here = 0
    seen: set[str] = set()
    for spec in pdf_form.expected_fields(definition).values():
        if spec.kind == "row" or spec.path in seen or spec.path not in content.values:
            continue
        seen.add(spec.path)
        question = definition.find(spec.path)
        pdf_value = _normalise(question, content.values[spec.path])
        db_value = _normalise(question, held.get(spec.path))
        base_value = _normalise(question, base.values.get(spec.path)) if base is not None else None
        if question is not None and question.type == "select_multiple":
            # check boxes give the codes in the form's order: the same choices are no change
            pdf_value = _same_choices_as(pdf_value, db_value)
            base_value = _same_choices_as(base_value, db_value)
        if pdf_value == db_value:
            unchanged += db_value is not None
            continue
        if pdf_value is None and (base is None or base_value is None):
            continue  # an empty field in a file that did not show this answer: not an erasure
        if base is not None and pdf_value == base_value and db_value is not None:
            newer_here += 1  # the respondent left what the file showed; it changed here since
            continue
        changes.append(
            PdfAnswerChange(
                key=spec.path,
                kind="answer",
                path=spec.path,
                question=_question_label(definition, spec.path, lang),
                db_value=db_value,
                pdf_value=pdf_value,
                db_text=_choice_text(question, db_value, lang),
                pdf_text=_choice_text(question, pdf_value, lang),
            )
        )
    for repeat_path, rows in content.rows.items():
        repeat = definition.find(repeat_path)
        if repeat is None:
            continue
        layout = pdf_form.repeat_layout(repeat)
        slots = pdf_form.repeat_slots(definition, held).get(repeat_path, {})
        base_rows = base.rows.get(repeat_path, {}) if base is not None else {}
        order = {category: position for position, category in enumerate(layout.categories)}
        for category, row in sorted(rows, key=lambda slot: (order.get(slot[0], 0), slot[1])):
            pdf_row = {k: v for k, v in rows[(category, row)].items() if v and v.strip()} or None
            index = slots.get((category, row))
            db_row = None
            if index is not None:
                db_row = {
                    c.name: held[f"{repeat_path}[{index}]/{c.name}"]
                    for c in layout.columns
                    if held.get(f"{repeat_path}[{index}]/{c.name}")
                } or None
            base_row = {
                k: v for k, v in base_rows.get((category, row), {}).items() if v and v.strip()
            } or None
            if pdf_row == db_row:
                unchanged += db_row is not None
                continue
            if pdf_row is None and (base is None or base_row is None):
                continue
            if base is not None and pdf_row == base_row and db_row is not None:
                newer_here += 1
                continue
            where = (
                layout.selector.choice_label(category, lang)
                if layout.selector
                else repeat.label(lang)
            )
            question = QCoreApplication.translate(
                "PdfImport", "{question} — {category}, line {row}"
            ).format(
                question=_question_label(definition, repeat_path, lang), category=where, row=row
            )
            if index is None:
                kind = "row_add"
                values = ([(layout.selector.name, category)] if layout.selector else []) + [
                    (c.name, (pdf_row or {}).get(c.name)) for c in layout.columns
                ]
            elif pdf_row is None:
                kind, values = "row_remove", []
            else:
                kind = "row_update"
                values = [(c.name, pdf_row.get(c.name)) for c in layout.columns]
            db_text = _row_text(layout, db_row, lang)
            pdf_text = _row_text(layout, pdf_row, lang)
            changes.append(
                PdfAnswerChange(
                    key=f"{repeat_path}/{category}/{row}"
                    if layout.selector
                    else f"{repeat_path}/{row}",
                    kind=kind,
                    path=f"{repeat_path}[{index}]" if index is not None else repeat_path,
                    question=question,
                    db_value=db_text or None,
                    pdf_value=pdf_text or None,
                    db_text=db_text,
                    pdf_text=pdf_text,
                    repeat=repeat_path,
                    instance=index,
                    row_values=tuple(values),
                )
            )
    return changes, unchanged, newer_here


# --- applying ---------------------------------------------------------------------------------


def apply_pdf_import(
    db: Database,
    plan: PdfImportPlan,
    accepted: Iterable[str],
    actor: str,
    *,
    confirm_validated: bool = False,
) -> PdfImportResult:
    """Save the accepted changes (their keys) in one transaction: the answers, the rows
    added, changed or removed, the response's source ("pdf") and an audit row for the
    import. Creates the response when the mechanism has none yet. Raises
    :class:`~.responses.ResponseError` (:class:`~.responses.NeedsConfirmation` for a
    validated response unless ``confirm_validated``)."""
    from . import responses

    wanted = list(dict.fromkeys(accepted))
    chosen: list[PdfAnswerChange] = []
    for key in wanted:
        change = plan.change(key)
        if change is None:
            raise responses.ResponseError(
                QCoreApplication.translate(
                    "PdfImport", "“{key}” is not an answer of this file."
                ).format(key=key)
            )
        if not change.savable:
            raise responses.ResponseError(
                QCoreApplication.translate(
                    "PdfImport", "The answer to “{question}” cannot be saved: {reason}"
                ).format(question=change.question, reason=change.message or "")
            )
        chosen.append(change)
    response_id = plan.response_id
    expected = plan.response_revision
    if not chosen:
        if response_id is None:
            raise responses.ResponseError(
                QCoreApplication.translate(
                    "PdfImport", "No answer was accepted: nothing was saved."
                )
            )
        info = responses.response_info(db, response_id)
        return PdfImportResult(response_id, 0, 0, info.status)
    if response_id is None:
        info = responses.open_questionnaire(db, plan.mechanism_id, actor, form_id=plan.form_id)
        response_id = info.id
        expected = None
        held = responses.answers(db, response_id)
        if any(value for path, value in held.items() if "[" not in path):
            raise responses.ResponseError(
                QCoreApplication.translate(
                    "PdfImport",
                    "Answers were entered for this mechanism since the file was read: read the file again.",
                )
            )
    values: dict[str, str | None] = {}
    removals: list[str] = []
    next_index = dict(plan.next_instances)
    for change in chosen:
        if change.kind == "answer":
            values[change.path] = change.pdf_value
        elif change.kind == "row_add":
            repeat = change.repeat or ""
            index = next_index.get(repeat, 1)
            next_index[repeat] = index + 1
            for name, value in change.row_values:
                if value is not None:
                    values[f"{repeat}[{index}]/{name}"] = value
        elif change.kind == "row_update":
            for name, value in change.row_values:
                values[f"{change.repeat}[{change.instance}]/{name}"] = value
        elif change.kind == "row_remove":
            removals.append(f"{change.repeat}[{change.instance}]")
    result = responses.save_answers(
        db,
        response_id,
        values,
        actor,
        source="pdf",
        confirm_validated=confirm_validated,
        remove_instances=removals,
        expected_revision=expected,
        import_file=plan.file_name,
    )
    return PdfImportResult(response_id, result.changed, result.removed, result.status)


__all__ = ["apply_pdf_import", "preview_pdf_import", "read_error_message"]
