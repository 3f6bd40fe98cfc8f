"""The offline questionnaire as a fillable PDF, and its import back (issue 7).

- :func:`make_questionnaire_pdf`: a mechanism's questionnaire as a fillable PDF in French or
  English, pre-filled with what is known (the mechanism's name in Q1, its chair in Q2, the
  head of its secretariat in Q3) and, when asked, the answers already recorded.
- :func:`~.pdf_returns.preview_pdf_import` (``pdf_returns``): reads a returned PDF (in a child process, see
  :mod:`mcim_desk.exchange.pdf_reader`) and compares it with the database: a
  :class:`PdfImportPlan` lists each answer that differs, side by side, with its validity
  under the form's rules, and the problems found per field. Nothing is saved.
- :func:`~.pdf_returns.apply_pdf_import`: saves the accepted answers in one transaction (with an audit
  row each and one for the import), and sets the response's source to "pdf".

What the respondent changed is told apart from what changed here since the file was made:
the file carries the values it was pre-filled with (its hidden field), so an answer the
respondent left as it was never overwrites a newer one typed here, and an emptied field
clears an answer only when the file had shown that answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import clock

if TYPE_CHECKING:
    from ..forms.definition import FormDefinition
    from ..persistence.database import Database

LANGS = ("fr", "en")


class PdfFormError(ValueError):
    """A fillable PDF could not be made or read; ``str()`` is a translated message naming
    the file or mechanism. ``code`` says which case (see :mod:`.pdf_reader`'s codes, plus
    not_ours, unknown_form, unknown_mechanism, language, mechanism, folder)."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class PdfAnswerChange:
    """One answer that differs between the database and the PDF.

    ``kind``: answer (a question outside repeats), row_add, row_update, row_remove (a row
    of a repeat: Q25's partners). ``key`` identifies it in the plan (the answer path, or
    ``<repeat>/<category>/<row>`` for a row). ``db_text``/``pdf_text`` are what to show
    (choice labels, not codes). ``message`` says why the PDF's value is not valid under the
    form's rules (None: valid); ``savable`` is False when it cannot be saved at all (not a
    date, not one of the choices)."""

    key: str
    kind: str
    path: str
    question: str
    db_value: str | None
    pdf_value: str | None
    db_text: str
    pdf_text: str
    message: str | None = None
    savable: bool = True
    repeat: str | None = None
    instance: int | None = None  # the existing repeat instance (row_update, row_remove)
    row_values: tuple[tuple[str, str | None], ...] = ()  # question name -> value (rows)

    @property
    def valid(self) -> bool:
        return self.savable and self.message is None


@dataclass(frozen=True)
class PdfProblem:
    """Something wrong with one field (or the whole file when ``field`` is "").

    ``kind``: version, mechanism, response, meta, repaired (the whole file), missing,
    unknown, type (one field)."""

    field: str
    kind: str
    message: str
    question: str = ""


@dataclass(frozen=True)
class PdfImportPlan:
    path: Path
    lang: str
    form_id: str
    pdf_form_version: str  # the version the file was made from ("" when unknown)
    form_version_id: str  # the version its answers are compared with
    form_version: str
    mechanism_id: str
    mechanism_label: str
    response_id: str | None  # None: the response is created when applying
    response_revision: int | None
    response_status: str | None
    changes: tuple[PdfAnswerChange, ...]
    problems: tuple[PdfProblem, ...]
    unchanged: int  # answers the PDF and the database agree on
    newer_here: int  # answers changed here since the file was made, left as they were in it
    next_instances: tuple[tuple[str, int], ...] = ()  # repeat path -> next free index

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def valid_keys(self) -> list[str]:
        return [c.key for c in self.changes if c.valid]

    def change(self, key: str) -> PdfAnswerChange | None:
        return next((c for c in self.changes if c.key == key), None)


@dataclass(frozen=True)
class PdfImportResult:
    response_id: str
    changed: int  # answers saved
    rows_removed: int
    status: str


# --- making the PDF ---------------------------------------------------------------------------


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise PdfFormError(
            QCoreApplication.translate(
                "PdfImport", "Unknown language “{lang}”: use fr or en."
            ).format(lang=lang),
            "language",
        )


def _mechanism(db: Database, mechanism: str) -> Any:
    """The MechanismCard of an id, acronym (French or English) or key."""
    from . import catalogue

    text = (mechanism or "").strip()
    if text:
        try:
            return catalogue.mechanism_card(db, text)
        except KeyError:
            row = catalogue.find_mechanism(db, text)
            if row is not None:
                return catalogue.mechanism_card(db, row.id)
    raise PdfFormError(
        QCoreApplication.translate("PdfImport", "No mechanism is called “{name}”.").format(
            name=mechanism
        ),
        "mechanism",
    )


def _questionnaire_version(db: Database, form_id: str | None = None) -> Any:
    from . import forms, instruments

    with db.read() as session:
        info = (forms.latest_version_in(session, form_id=form_id) if form_id
                else instruments.study_version_in(session, "questionnaire"))
    if info is None:
        raise PdfFormError(
            QCoreApplication.translate("PdfImport", "No questionnaire form is installed."),
            "unknown_form",
        )
    return info


def _contact_line(contact: Any) -> str:
    return ", ".join(
        p.strip() for p in (contact.name, contact.title, contact.institution) if p and p.strip()
    )


def known_answers(definition: FormDefinition, card: Any, lang: str) -> dict[str, str]:
    """What the catalogue already says, as answers: Q1 the mechanism's name, Q2 the country
    holding the chair and the chair, Q3 the head of the secretariat (when the card has them)."""
    row = card.row
    found: dict[str, str] = {}
    q1, q2, q3 = (definition.by_name(n) for n in ("q1", "q2", "q3"))
    name, acronym = row.name(lang), row.acronym(lang)
    if q1 is not None and q1.takes_answer and name:
        # The name may hold the acronym already ("… (Processus de Rabat)"): never twice.
        found[q1.path] = name if not acronym or acronym.casefold() in name.casefold() else f"{name} ({acronym})"
    chairs = [c for c in card.contacts if c.role == "chair"]
    lines = [row.chair_country.strip()] if row.chair_country and row.chair_country.strip() else []
    lines += [line for line in (_contact_line(c) for c in chairs) if line]
    if q2 is not None and q2.takes_answer and lines:
        found[q2.path] = "\n".join(lines)
    heads = [
        line
        for line in (_contact_line(c) for c in card.contacts if c.role == "secretariat_head")
        if line
    ]
    if q3 is not None and q3.takes_answer and heads:
        found[q3.path] = "\n".join(heads)
    return found


def make_questionnaire_pdf(
    db: Database,
    mechanism: str,
    lang: str,
    out: str | Path,
    with_answers: bool = False,
    *,
    now: datetime | None = None,
) -> Path:
    """Write the mechanism's questionnaire as a fillable PDF (``mechanism``: id, acronym or
    key); returns the path written. Raises :class:`PdfFormError`."""
    from ..exchange.pdf_form import META_FORMAT, field_values, rows_needed
    from ..exchange.pdf_form_writer import QuestionnairePdfData, write_questionnaire_pdf
    from ..reports.labels import date_time, label
    from . import forms, responses
    from .reports import is_demo

    _check_lang(lang)
    target = Path(out)
    if not target.parent.is_dir():
        raise PdfFormError(
            QCoreApplication.translate("PdfImport", "The folder {folder} does not exist.").format(
                folder=target.parent
            ),
            "folder",
        )
    card = _mechanism(db, mechanism)
    row = card.row
    response = responses.current_questionnaire(db, row.id)
    version_id = (
        response.form_version_id if response is not None else _questionnaire_version(db).version_id
    )
    definition = forms.definition(db, version_id)
    answers = (
        dict(responses.answers(db, response.id)) if (with_answers and response is not None) else {}
    )
    prefill = dict(answers)
    for path, value in known_answers(definition, card, lang).items():
        if not prefill.get(path):
            prefill[path] = value
    values = field_values(definition, prefill)
    moment = now or clock.localnow()
    meta = {
        "format": META_FORMAT,
        "form_id": definition.form_id,
        "form_version": definition.version,
        "form_version_id": version_id,
        "mechanism": row.key,
        "mechanism_id": row.id,
        "response_id": response.id if response is not None else None,
        "lang": lang,
        "with_answers": bool(with_answers),
        "generated_at": clock.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "base": values,
    }
    acronym = row.acronym(lang)
    name = row.name(lang)
    data = QuestionnairePdfData(
        definition=definition,
        lang=lang,
        mechanism=name if acronym == name else f"{acronym} — {name}",
        mechanism_short=acronym,
        values=values,
        rows=rows_needed(definition, prefill),
        meta=meta,
        generated_label=label("generated", lang, date=date_time(moment, lang)),
        fictional=is_demo(db),
    )
    try:
        return write_questionnaire_pdf(data, target)
    except OSError as exc:
        raise PdfFormError(
            QCoreApplication.translate("PdfImport", "{file} cannot be written: {error}").format(
                file=target, error=exc.strerror or exc
            ),
            "folder",
        ) from None


def suggested_file_name(acronym: str, lang: str) -> str:
    import re

    stem = re.sub(r"[^A-Za-z0-9]+", "-", acronym).strip("-").lower() or "mechanism"
    return f"questionnaire-{stem}-{lang}.pdf"


__all__ = [
    "PdfAnswerChange",
    "PdfFormError",
    "PdfImportPlan",
    "PdfImportResult",
    "PdfProblem",
    "known_answers",
    "make_questionnaire_pdf",
    "suggested_file_name",
]
