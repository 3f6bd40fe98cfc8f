"""The questionnaire as a fillable PDF, and what a filled one says.

Writing (:mod:`.pdf_form_writer`): :func:`~.pdf_form_writer.write_questionnaire_pdf` lays the form out from its ``FormDefinition`` in
French or English (labels in DejaVu Sans, embedded), with one AcroForm field per answer:

- text, integer, decimal and date questions: text fields (multi-line where the form says
  ``multiline``), dates with a "YYYY-MM-DD" prompt; named by the question's path
  (``section_1/q1``);
- select_one: a radio group named by the path, each button's export value the choice code;
- select_multiple: one check box per choice, named ``<path>/<code>`` (``section_2/q11/objective_3``);
- a repeat whose first question is a choice list (Q25's partner categories): a fixed number
  of rows per choice (three, or more when earlier answers need them), each row a text field
  per other question, named ``<repeat path>/<code>/<row>/<question>``
  (``section_4/q25/academia/2/partner_name``);
- a hidden read-only text field ``_mcim_meta`` holding JSON: form id and version, mechanism,
  response id, language, and the field values the file was pre-filled with (so that an
  import can tell what the respondent changed); the same ids are in the document's
  information dictionary (``/MCIMFormId``...).

Every conditional question carries its condition in words ("Answer only if the answer to
question 4 is “Yes” or “In progress…”"), since a PDF cannot hide it. Each question is one
block measured before it is placed, so a page break never splits a question.

Field values are drawn by the PDF reader in Helvetica: reportlab's AcroForm accepts only the
14 standard fonts for field appearances (DejaVu is used for everything printed around the
fields). The values themselves are Unicode (``/V`` text strings, set with pypdf), and the
form asks the reader to redraw the fields (``/NeedAppearances``), so accents survive; a
character Helvetica lacks (e.g. Vietnamese ễ) may show as a gap on screen but is kept.

Reading: :func:`interpret` turns the raw fields of a returned file (read in a child process
by :mod:`.pdf_reader`) into answers by question path plus the partner rows, and reports,
per field, fields missing, unknown (renamed) fields and values of the wrong type. Values are
data: nothing here evaluates or formats them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors

from ..forms.definition import FormDefinition, Question

META_FIELD = "_mcim_meta"
META_FORMAT = 1
ROWS_PER_CATEGORY = 3
ROWS_PLAIN_REPEAT = 5
FIELD_FONT = "Helvetica"  # reportlab's AcroForm: one of the 14 standard fonts only
FIELD_FONT_SIZE = 10
LINE_HEIGHT = 20.0  # a single-line field
MULTILINE_HEIGHT = 80.0  # about six lines of 10 pt text
SHORT_MULTILINE_HEIGHT = 50.0  # q2/q3: a name, a title, an institution
ROW_HEIGHT = 22.0  # one partner row
BOX = 11.0  # check boxes and radio buttons
FIELD_FILL = colors.HexColor("#f1f5fb")
FIELD_BORDER = colors.HexColor("#7f8fa6")
CHECKED_STATE = "Yes"
INFO_KEYS = {
    "form_id": "/MCIMFormId",
    "form_version": "/MCIMFormVersion",
    "mechanism": "/MCIMMechanism",
    "response_id": "/MCIMResponseId",
}
SHORT_MULTILINE = frozenset({"q2", "q3"})
_KINDS_TEXT = frozenset({"text", "multiline", "date", "integer", "decimal", "row"})
_RADIO_FLAG = 1 << 15
_PUSH_FLAG = 1 << 16

# The PDF's own words; key -> (English, French). Form labels come from the form itself.
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Questionnaire", "Questionnaire"),
    "header": ("Questionnaire — {mechanism}", "Questionnaire — {mechanism}"),
    "for_mechanism": ("Mechanism: {mechanism}", "Mécanisme : {mechanism}"),
    "form_line": ("Form {form}, version {version}", "Formulaire {form}, version {version}"),
    "how_title": ("How to fill in this form", "Comment remplir ce formulaire"),
    "how": (
        "Open this file in a PDF reader that fills forms (Adobe Acrobat Reader, Foxit, "
        "Firefox, Chrome, Edge, Okular or Preview), type your answers in the boxes and tick "
        "the boxes that apply, then save the file and send it back as it is. Please do not "
        "print and scan it: the answers are read from the file itself.",
        "Ouvrez ce fichier dans un lecteur PDF qui remplit les formulaires (Adobe Acrobat "
        "Reader, Foxit, Firefox, Chrome, Edge, Okular ou Aperçu), tapez vos réponses dans les "
        "cases et cochez les cases qui conviennent, puis enregistrez le fichier et renvoyez-le "
        "tel quel. Merci de ne pas l’imprimer ni le scanner : les réponses sont lues dans le "
        "fichier lui-même.",
    ),
    "how_conditional": (
        "A question marked “Answer only if …” applies only in that case: otherwise leave it "
        "empty. Write dates as YYYY-MM-DD, for example 2018-11-09.",
        "Une question marquée « Répondez uniquement si … » ne s’applique que dans ce cas : "
        "sinon, laissez-la vide. Écrivez les dates sous la forme AAAA-MM-JJ, par exemple "
        "2018-11-09.",
    ),
    "prefilled": (
        "Some answers are already filled in with what we know: please check and correct them.",
        "Certaines réponses sont déjà remplies avec ce que nous savons : merci de les vérifier "
        "et de les corriger.",
    ),
    "date_tip": ("Date as YYYY-MM-DD", "Date au format AAAA-MM-JJ"),
    "number_tip": ("A number", "Un nombre"),
    "continued": ("{label} (continued)", "{label} (suite)"),
    "rows_help": (
        "For each category that applies, write the names and the nature of each partnership, "
        "one partner per line (up to {rows} per category).",
        "Pour chaque catégorie pertinente, indiquez les noms et la nature de chaque "
        "partenariat, un partenaire par ligne (jusqu’à {rows} par catégorie).",
    ),
    "plain_rows_help": ("One entry per line.", "Une entrée par ligne."),
    "row_tip": ("{category}, line {row}: {column}", "{category}, ligne {row} : {column}"),
    "choice_tip": ("{question} — {choice}", "{question} — {choice}"),
}


def words(key: str, lang: str, **values: object) -> str:
    en, fr = WORDS[key]
    text = fr if lang == "fr" else en
    return text.format(**values) if values else text


# --- the fields of a form ---------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One AcroForm field the PDF of a form holds.

    ``kind``: text, multiline, date, integer, decimal (text fields), radio (a group),
    checkbox, row (a text field of a repeat row). ``path`` is the question's definition
    path; ``choice`` a check box's choice code; ``repeat``/``category``/``row`` place a row
    field (``category`` "" for a repeat without a choice list)."""

    name: str
    kind: str
    path: str
    choice: str | None = None
    repeat: str | None = None
    category: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class RepeatLayout:
    """How a repeat is laid out: its selector (the choice list naming each row's
    category; None for plain numbered rows) and the other questions (one column each)."""

    repeat: Question
    selector: Question | None
    columns: tuple[Question, ...]

    @property
    def categories(self) -> list[str]:
        return [c.name for c in self.selector.choices] if self.selector else [""]


def repeat_layout(repeat: Question) -> RepeatLayout:
    selector = next((c for c in repeat.children if c.type == "select_one" and c.choices), None)
    columns = tuple(c for c in repeat.children if c is not selector and c.takes_answer)
    return RepeatLayout(repeat, selector, columns)


def row_field_name(layout: RepeatLayout, category: str, row: int, column: Question) -> str:
    if layout.selector is None:
        return f"{layout.repeat.path}/{row}/{column.name}"
    return f"{layout.repeat.path}/{category}/{row}/{column.name}"


def _top_level_elements(definition: FormDefinition) -> list[Question]:
    """Every element outside repeats (repeats themselves included), in form order."""
    found: list[Question] = []

    def walk(children: Sequence[Question]) -> None:
        for question in children:
            found.append(question)
            if question.type == "group":
                walk(question.children)

    walk(definition.children)
    return found


def field_kind(question: Question) -> str | None:
    if question.type == "text":
        return "multiline" if question.multiline else "text"
    if question.type in ("date", "integer", "decimal"):
        return question.type
    if question.type == "select_one":
        return "radio" if question.choices else "text"
    if question.type == "select_multiple":
        return "checkbox" if question.choices else "text"
    return None


def expected_fields(
    definition: FormDefinition, rows: Mapping[tuple[str, str], int] | None = None
) -> dict[str, FieldSpec]:
    """The fields of the PDF of ``definition`` by name, in form order. ``rows`` gives the
    number of rows of a repeat category ((repeat path, category) -> rows) when more than
    the default were laid out."""
    specs: dict[str, FieldSpec] = {}
    for question in _top_level_elements(definition):
        if question.is_repeat:
            layout = repeat_layout(question)
            for category in layout.categories:
                default = ROWS_PER_CATEGORY if layout.selector else ROWS_PLAIN_REPEAT
                count = max(default, (rows or {}).get((question.path, category), 0))
                for row in range(1, count + 1):
                    for column in layout.columns:
                        name = row_field_name(layout, category, row, column)
                        specs[name] = FieldSpec(
                            name, "row", column.path, None, question.path, category, row
                        )
            continue
        kind = field_kind(question)
        if kind is None:
            continue
        if kind == "checkbox":
            for choice in question.choices:
                name = f"{question.path}/{choice.name}"
                specs[name] = FieldSpec(name, "checkbox", question.path, choice.name)
        else:
            specs[question.path] = FieldSpec(question.path, kind, question.path)
    return specs


def _row_pattern(layout: RepeatLayout) -> re.Pattern[str]:
    names = "|".join(re.escape(c.name) for c in layout.columns) or "(?!)"
    if layout.selector is None:
        return re.compile(
            rf"^{re.escape(layout.repeat.path)}/(?P<row>[1-9][0-9]{{0,2}})/(?P<column>{names})$"
        )
    return re.compile(
        rf"^{re.escape(layout.repeat.path)}/(?P<category>[^/]+)/(?P<row>[1-9][0-9]{{0,2}})/(?P<column>{names})$"
    )


# --- answers <-> field values -----------------------------------------------------------------


def repeat_slots(
    definition: FormDefinition, answers: Mapping[str, str]
) -> dict[str, dict[tuple[str, int], int]]:
    """Where each repeat instance goes in the PDF: repeat path -> {(category, row): instance
    index}. Instances keep their order within a category; an instance without a valid
    category (or a category the form does not list) has no row and is left out."""
    from ..forms.definition import instance_indexes

    result: dict[str, dict[tuple[str, int], int]] = {}
    for question in _top_level_elements(definition):
        if not question.is_repeat:
            continue
        layout = repeat_layout(question)
        slots: dict[tuple[str, int], int] = {}
        counts: dict[str, int] = {}
        for index in instance_indexes(answers, question.path):
            if layout.selector is not None:
                category = answers.get(f"{question.path}[{index}]/{layout.selector.name}") or ""
                if category not in layout.categories:
                    continue
            else:
                category = ""
            counts[category] = counts.get(category, 0) + 1
            slots[(category, counts[category])] = index
        result[question.path] = slots
    return result


def rows_needed(
    definition: FormDefinition, answers: Mapping[str, str]
) -> dict[tuple[str, str], int]:
    """(repeat path, category) -> rows the earlier answers need (when above the default)."""
    needed: dict[tuple[str, str], int] = {}
    for path, slots in repeat_slots(definition, answers).items():
        for category, row in slots:
            needed[(path, category)] = max(needed.get((path, category), 0), row)
    return needed


def field_values(definition: FormDefinition, answers: Mapping[str, str]) -> dict[str, str]:
    """The field values that show ``answers`` (by instance path) in the PDF: text as is,
    a radio group's choice code, "Yes" for a ticked check box, the rows of repeats."""
    values: dict[str, str] = {}
    specs = expected_fields(definition, rows_needed(definition, answers))
    slots = repeat_slots(definition, answers)
    for name, spec in specs.items():
        if spec.kind == "checkbox":
            chosen = (answers.get(spec.path) or "").split()
            if spec.choice in chosen:
                values[name] = CHECKED_STATE
        elif spec.kind == "row":
            index = slots.get(spec.repeat or "", {}).get((spec.category or "", spec.row or 0))
            if index is not None:
                column = spec.path.rsplit("/", 1)[-1]
                text = answers.get(f"{spec.repeat}[{index}]/{column}")
                if text:
                    values[name] = text
        else:
            text = answers.get(spec.path)
            if text:
                values[name] = text
    return values


def _shorten(text: str, limit: int = 70) -> str:
    from ..domain.typography import one_line

    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldProblem:
    """A problem with one field of a returned PDF. ``kind``: missing, unknown, type."""

    field: str
    kind: str
    message: str
    path: str | None = None  # the question's definition path, when known


@dataclass(frozen=True)
class PdfFormContent:
    """What a filled PDF says, by question.

    ``values``: definition path -> text (None: the field is there and empty), for every
    question outside repeats whose field(s) the file has (select_multiple: the ticked codes,
    space-separated). ``rows``: repeat path -> {(category, row): {question name: text}} for
    every row whose fields the file has ({} for an empty row)."""

    values: dict[str, str | None]
    rows: dict[str, dict[tuple[str, int], dict[str, str]]]
    problems: tuple[FieldProblem, ...] = ()
    meta: dict[str, Any] | None = None
    meta_problem: str | None = None


def clean_text(value: str) -> str | None:
    """A field's text as an answer: line ends as "\\n", None when blank."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None


_NAME_ESCAPE = re.compile(r"(?:#[0-9A-Fa-f]{2})+")


def pdf_name_value(text: str) -> str:
    """A PDF name as its plain text: without the leading ``/`` and with ``#xx`` escapes
    decoded (UTF-8, else Latin-1). Fillers differ: pypdf's form filling stores a radio
    button's ``/oui`` as a text string, others store the name ``oui`` or ``en#5Fcours``."""
    if text.startswith("/"):
        text = text[1:]

    def decode(match: re.Match[str]) -> str:
        data = bytes.fromhex(match.group().replace("#", ""))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")

    return _NAME_ESCAPE.sub(decode, text)


def _button_value(raw: Any) -> tuple[str | None, str | None]:
    """(state, problem) of a button field: its /V, else the state its widgets show. A name
    written as text (``/oui``) is read as the name."""
    if raw.value_kind == "name" and isinstance(raw.value, str):
        state = pdf_name_value(raw.value)
    elif raw.value_kind == "none":
        shown = [pdf_name_value(s) for s in raw.selected if s and s != "Off"]
        state = shown[0] if shown else None
    elif raw.value_kind == "text" and isinstance(raw.value, str):
        if raw.value.startswith("/"):
            state = pdf_name_value(raw.value)
        else:
            return raw.value, "text"
    else:
        return None, "other"
    if state in (None, "", "Off"):
        return None, None
    return state, None


def interpret(
    definition: FormDefinition, fields: Mapping[str, Any], *, strict_names: bool = True
) -> PdfFormContent:
    """Answers and per-field problems from the raw fields of a filled PDF (``fields``: name
    -> :class:`~.pdf_reader.RawField`). ``strict_names`` reports fields missing and unknown
    fields (off for the pre-filled values kept in the hidden field)."""
    specs = expected_fields(definition)
    layouts = {q.path: repeat_layout(q) for q in _top_level_elements(definition) if q.is_repeat}
    patterns = {path: _row_pattern(layout) for path, layout in layouts.items()}
    problems: list[FieldProblem] = []
    values: dict[str, str | None] = {}
    ticked: dict[str, list[str]] = {}
    rows: dict[str, dict[tuple[str, int], dict[str, str]]] = {path: {} for path in layouts}
    seen: set[str] = set()

    def problem(name: str, kind: str, message: str, path: str | None) -> None:
        problems.append(FieldProblem(name, kind, message, path))

    def text_of(name: str, raw: Any, path: str) -> tuple[bool, str | None]:
        if raw.type not in ("Tx", ""):
            problem(
                name,
                "type",
                QCoreApplication.translate(
                    "PdfForm", "a text box was expected, the file has a {kind} field here"
                ).format(kind=_field_type_name(raw)),
                path,
            )
            return False, None
        if raw.value_kind == "none":
            return True, None
        if raw.value_kind != "text" or not isinstance(raw.value, str):
            problem(
                name,
                "type",
                QCoreApplication.translate(
                    "PdfForm", "a text box holds a value that is not text ({kind})"
                ).format(kind=raw.value_kind),
                path,
            )
            return False, None
        return True, clean_text(raw.value)

    for name, raw in fields.items():
        if name == META_FIELD:
            continue
        spec = specs.get(name)
        row_match = None
        if spec is None or spec.kind == "row":
            for repeat_path, pattern in patterns.items():
                match = pattern.match(name)
                if match:
                    layout = layouts[repeat_path]
                    category = match.groupdict().get("category") or ""
                    if layout.selector is not None and category not in layout.categories:
                        continue
                    row_match = (
                        repeat_path,
                        category,
                        int(match.group("row")),
                        match.group("column"),
                    )
                    break
        if spec is None and row_match is None:
            if strict_names:
                problem(
                    name,
                    "unknown",
                    QCoreApplication.translate(
                        "PdfForm",
                        "this field is not part of the form (renamed or added?): "
                        "its value is ignored",
                    ),
                    None,
                )
            continue
        seen.add(name)
        if row_match is not None:
            repeat_path, category, row, column = row_match
            column_path = f"{repeat_path}/{column}"
            ok, text = text_of(name, raw, column_path)
            slot = rows[repeat_path].setdefault((category, row), {})
            if ok and text is not None:
                slot[column] = text
            continue
        assert spec is not None
        if spec.kind in _KINDS_TEXT:
            ok, text = text_of(name, raw, spec.path)
            if ok:
                keep_spaces = spec.kind in ("text", "multiline") or text is None
                values[spec.path] = text if keep_spaces else text.strip()
            continue
        if raw.type != "Btn" or raw.flags & _PUSH_FLAG:
            problem(
                name,
                "type",
                QCoreApplication.translate(
                    "PdfForm", "a {expected} was expected, the file has a {kind} field here"
                ).format(
                    expected=QCoreApplication.translate("PdfForm", "check box")
                    if spec.kind == "checkbox"
                    else QCoreApplication.translate("PdfForm", "group of radio buttons"),
                    kind=_field_type_name(raw),
                ),
                spec.path,
            )
            continue
        state, trouble = _button_value(raw)
        question = definition.find(spec.path)
        codes = [c.name for c in question.choices] if question is not None else []
        if spec.kind == "checkbox":
            if trouble or (
                state is not None
                and raw.states
                and state not in raw.states
                and state != CHECKED_STATE
            ):
                problem(
                    name,
                    "type",
                    QCoreApplication.translate(
                        "PdfForm", "a check box holds “{value}” instead of being ticked or not"
                    ).format(value=_shorten(str(raw.value), 40)),
                    spec.path,
                )
                continue
            ticked.setdefault(spec.path, [])
            if state is not None and spec.choice:
                ticked[spec.path].append(spec.choice)
            continue
        if trouble == "other" or (state is not None and state not in codes):
            problem(
                name,
                "type",
                QCoreApplication.translate(
                    "PdfForm", "“{value}” is not one of the choices of this question"
                ).format(value=_shorten(str(raw.value if raw.value is not None else state), 40)),
                spec.path,
            )
            continue
        values[spec.path] = state
    for path, chosen in ticked.items():
        question = definition.find(path)
        order = [c.name for c in question.choices] if question is not None else chosen
        values[path] = " ".join(code for code in order if code in chosen) or None
    if strict_names:
        for name, spec in specs.items():
            if name not in seen:
                problem(
                    name,
                    "missing",
                    QCoreApplication.translate(
                        "PdfForm",
                        "this field is missing from the file: the answer it held is left as it is",
                    ),
                    spec.path,
                )
    meta, meta_problem = read_meta(fields.get(META_FIELD))
    return PdfFormContent(values, rows, tuple(problems), meta, meta_problem)


def _field_type_name(raw: Any) -> str:
    if raw.type == "Btn":
        if raw.flags & _PUSH_FLAG:
            return QCoreApplication.translate("PdfForm", "push button")
        return (
            QCoreApplication.translate("PdfForm", "radio button")
            if raw.flags & _RADIO_FLAG
            else QCoreApplication.translate("PdfForm", "check box")
        )
    if raw.type == "Tx":
        return QCoreApplication.translate("PdfForm", "text")
    if raw.type == "Ch":
        return QCoreApplication.translate("PdfForm", "list")
    if raw.type == "Sig":
        return QCoreApplication.translate("PdfForm", "signature")
    return raw.type or "?"


def read_meta(raw: Any) -> tuple[dict[str, Any] | None, str | None]:
    if raw is None:
        return None, QCoreApplication.translate(
            "PdfForm", "the hidden field {name} is missing"
        ).format(name=META_FIELD)
    if raw.value_kind != "text" or not isinstance(raw.value, str):
        return None, QCoreApplication.translate(
            "PdfForm", "the hidden field {name} is empty or not text"
        ).format(name=META_FIELD)
    try:
        data = json.loads(raw.value)
    except (json.JSONDecodeError, RecursionError):
        return None, QCoreApplication.translate(
            "PdfForm", "the hidden field {name} does not hold what MCIM Desk wrote"
        ).format(name=META_FIELD)
    if (
        not isinstance(data, dict)
        or data.get("format") != META_FORMAT
        or not isinstance(data.get("form_id"), str)
    ):
        return None, QCoreApplication.translate(
            "PdfForm", "the hidden field {name} does not hold what MCIM Desk wrote"
        ).format(name=META_FIELD)
    return data, None


def base_content(definition: FormDefinition, base: Mapping[str, Any]) -> PdfFormContent:
    """The answers the file was pre-filled with (the hidden field's ``base``: field name ->
    value), read the same way as the returned fields."""
    from .pdf_reader import RawField

    specs = expected_fields(definition)
    fields: dict[str, RawField] = {}
    names = set(specs) | {str(n) for n in base}
    for name in names:
        spec = specs.get(name)
        value = base.get(name)
        if not isinstance(value, str):
            value = None
        if spec is not None and spec.kind in ("checkbox", "radio"):
            flags = _RADIO_FLAG if spec.kind == "radio" else 0
            fields[name] = RawField(name, "Btn", flags, value or "Off", "name")
        else:
            fields[name] = RawField(name, "Tx", 0, value, "text" if value is not None else "none")
    return interpret(definition, fields, strict_names=False)


__all__ = [
    "CHECKED_STATE",
    "FieldProblem",
    "FieldSpec",
    "INFO_KEYS",
    "META_FIELD",
    "META_FORMAT",
    "PdfFormContent",
    "RepeatLayout",
    "base_content",
    "clean_text",
    "expected_fields",
    "field_values",
    "interpret",
    "read_meta",
    "repeat_layout",
    "repeat_slots",
    "rows_needed",
]
