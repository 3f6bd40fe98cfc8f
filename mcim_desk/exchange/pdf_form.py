"""The questionnaire as a fillable PDF, and what a filled one says.

Writing: :func:`write_questionnaire_pdf` lays the form out from its ``FormDefinition`` in
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

import io
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..forms.definition import FormDefinition, Question
from ..reports.blank_forms import condition_text
from ..reports.labels import label
from ..reports.pdf import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    Heading,
    PdfMeta,
    ReportDocument,
    atomic_write,
    escape_text,
    glue_headings,
    markup_para,
    page_decorator,
    para,
    styles,
)

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


# --- writing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionnairePdfData:
    """Everything the fillable PDF shows, already in its language."""

    definition: FormDefinition
    lang: str
    mechanism: str  # "Almaty Process — Almaty Process on Refugee Protection..."
    mechanism_short: str  # the acronym, for the page header
    values: Mapping[str, str]  # field name -> pre-filled value (see field_values)
    rows: Mapping[tuple[str, str], int]  # rows per repeat category (see rows_needed)
    meta: Mapping[str, Any]  # what goes into the hidden field (JSON)
    generated_label: str
    fictional: bool = False


class TextBox(Flowable):
    """A text field, optionally after a short prompt ("Date (YYYY-MM-DD):")."""

    def __init__(
        self,
        name: str,
        height: float,
        *,
        multiline: bool,
        tooltip: str,
        prompt: str | None = None,
        field_width: float | None = None,
        indent: float = 0,
    ) -> None:
        super().__init__()
        self.name, self.box_height, self.multiline = name, height, multiline
        self.tooltip, self.prompt, self.field_width, self.indent = (
            tooltip,
            prompt,
            field_width,
            indent,
        )
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.box_height

    def draw(self) -> None:
        canvas = self.canv
        x = self.indent
        if self.prompt:
            canvas.saveState()
            canvas.setFont(FONT, 8.5)
            canvas.setFillColor(MUTED)
            canvas.drawString(x, self.box_height / 2 - 3, self.prompt)
            canvas.restoreState()
            x += stringWidth(self.prompt, FONT, 8.5) + 6
        width = self.field_width or (self.width - x)
        canvas.acroForm.textfield(
            name=self.name,
            value="",
            x=x,
            y=0,
            width=width,
            height=self.box_height,
            relative=True,
            fieldFlags="multiline doNotSpellCheck" if self.multiline else "doNotSpellCheck",
            fontName=FIELD_FONT,
            fontSize=FIELD_FONT_SIZE,
            textColor=INK,
            fillColor=FIELD_FILL,
            borderColor=FIELD_BORDER,
            borderWidth=0.6,
            maxlen=None,
            tooltip=self.tooltip[:200],
        )


class ChoiceBoxes(Flowable):
    """Radio buttons (one group) or check boxes, each with its label beside it: in one line
    when short, else in one column, or two columns for long lists (23 objectives)."""

    def __init__(
        self, question: Question, lang: str, kind: str, chosen: set[str], indent: float = 0
    ) -> None:
        super().__init__()
        self.question, self.lang, self.kind, self.chosen, self.indent = (
            question,
            lang,
            kind,
            chosen,
            indent,
        )
        self.items = [(c.name, _choice_text(c.name, c.label(lang))) for c in question.choices]
        self._layout: list[tuple[float, float, Paragraph, float]] = []  # x, top, paragraph, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        style = styles().body
        width = available_width - self.indent
        gap = 5.0
        spans = [
            BOX + gap + stringWidth(text, FONT, style.fontSize) + 22 for _code, text in self.items
        ]
        self._layout = []
        if len(self.items) <= 4 and sum(spans) <= width:
            x = self.indent
            for _code, text in self.items:
                paragraph = Paragraph(escape_text(text), style)
                _w, h = paragraph.wrap(width, 1000)
                self._layout.append((x, 0.0, paragraph, h))
                x += BOX + gap + stringWidth(text, FONT, style.fontSize) + 22
            self.height = max(h for *_rest, h in self._layout) + 4
            self.width = available_width
            return available_width, self.height
        columns = 2 if len(self.items) > 8 else 1
        column_width = width / columns
        per_column = (len(self.items) + columns - 1) // columns
        heights: list[float] = []
        cells: list[tuple[int, int, Paragraph, float]] = []
        for position, (_code, text) in enumerate(self.items):
            column, row = divmod(position, per_column)
            paragraph = Paragraph(escape_text(text), style)
            _w, h = paragraph.wrap(column_width - BOX - gap - 8, 1000)
            cells.append((column, row, paragraph, h))
            while len(heights) <= row:
                heights.append(0.0)
            heights[row] = max(heights[row], h + 3)
        tops = [sum(heights[:row]) for row in range(len(heights))]
        for column, row, paragraph, h in cells:
            self._layout.append((self.indent + column * column_width, tops[row], paragraph, h))
        self.height = sum(heights) + 2
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        form = canvas.acroForm
        tooltip_question = self.question.label(self.lang) or self.question.name
        for (x, top, paragraph, h), (code, text) in zip(self._layout, self.items, strict=True):
            y_top = self.height - top
            paragraph.drawOn(canvas, x + BOX + 5, y_top - h)
            # reportlab draws a radio button's circle smaller than its box: a larger box and
            # a point higher keep it level with the label
            size = BOX + 2 if self.kind == "radio" else BOX
            box_y = y_top - BOX - 0.5 + (0.5 if self.kind == "radio" else 0)
            tip = words("choice_tip", self.lang, question=_shorten(tooltip_question), choice=text)[
                :200
            ]
            common = dict(
                size=size,
                x=x - (1 if self.kind == "radio" else 0),
                y=box_y,
                relative=True,
                borderWidth=0.8,
                borderColor=FIELD_BORDER,
                fillColor=colors.white,
                textColor=INK,
                tooltip=tip,
            )
            if self.kind == "radio":
                form.radio(
                    name=self.question.path,
                    value=code,
                    selected=code in self.chosen,
                    buttonStyle="circle",
                    shape="circle",
                    fieldFlags="radio",
                    **common,
                )
            else:
                form.checkbox(
                    name=f"{self.question.path}/{code}",
                    checked=code in self.chosen,
                    buttonStyle="check",
                    shape="square",
                    fieldFlags="",
                    **common,
                )


class RowsTable(Flowable):
    """A repeat as a table: per category (Q25's partner categories) its label and a fixed
    number of rows, one text field per other question of the repeat."""

    def __init__(
        self,
        layout: RepeatLayout,
        lang: str,
        rows: Mapping[tuple[str, str], int],
        pieces: Sequence[tuple[str, int, int]] | None = None,
    ) -> None:
        super().__init__()
        self.layout, self.lang, self.rows = layout, lang, rows
        default = ROWS_PER_CATEGORY if layout.selector else ROWS_PLAIN_REPEAT
        self.counts = {
            c: max(default, rows.get((layout.repeat.path, c), 0)) for c in layout.categories
        }
        # What this table draws: (category, first row, last row), so that a table taller
        # than a page splits into tables that go on (the header repeated), never a
        # LayoutError; field names keep each row's own number.
        self.pieces = list(pieces) if pieces is not None else [
            (c, 1, self.counts[c]) for c in layout.categories
        ]
        self._blocks: list[
            tuple[str, int, int, Paragraph | None, float, float]
        ] = []  # category, first row, last row, label, top, height
        self.header_height = 0.0

    def _widths(self, width: float) -> list[float]:
        if self.layout.selector is None:
            rest = width - 24
            return [24] + [rest / max(1, len(self.layout.columns))] * len(self.layout.columns)
        first = 0.30 * width
        others = len(self.layout.columns)
        if others == 2:
            return [first, 0.27 * width, width - first - 0.27 * width]
        return [first] + [(width - first) / max(1, others)] * others

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        st = styles()
        self.width = available_width
        self.widths = self._widths(available_width)
        self.header_height = 16.0
        top = self.header_height
        self._blocks = []
        for category, first, last in self.pieces:
            paragraph = None
            text_height = 0.0
            if self.layout.selector is not None:
                label = self.layout.selector.choice_label(category, self.lang)
                if first > 1:
                    label = words("continued", self.lang, label=label)
                paragraph = Paragraph(escape_text(label), st.cell)
                _w, text_height = paragraph.wrap(self.widths[0] - 8, 1000)
            height = max((last - first + 1) * ROW_HEIGHT, text_height + 6) + 4
            self._blocks.append((category, first, last, paragraph, top, height))
            top += height
        self.height = top
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        if self.height <= available_height:
            return [self]
        room = available_height - self.header_height
        taken: list[tuple[str, int, int]] = []
        rest: list[tuple[str, int, int]] = []
        for index, (category, first, last, paragraph, top, height) in enumerate(self._blocks):
            if top + height <= available_height:
                taken.append((category, first, last))
                continue
            # The first block that does not fit: as many of its rows as the page holds.
            text_height = paragraph.height + 6 if paragraph is not None else 0.0
            fit = int((room - (top - self.header_height) - 4) // ROW_HEIGHT)
            if fit >= 1 and fit * ROW_HEIGHT >= text_height and first + fit - 1 < last:
                taken.append((category, first, first + fit - 1))
                rest.append((category, first + fit, last))
            else:
                rest.append((category, first, last))
            rest += [(c, f, la) for c, f, la, *_ in self._blocks[index + 1:]]
            break
        if not taken:
            return []  # not even one row here: the table starts on the next page
        return [RowsTable(self.layout, self.lang, self.rows, taken),
                RowsTable(self.layout, self.lang, self.rows, rest)]

    def draw(self) -> None:
        canvas = self.canv
        form = canvas.acroForm
        height, widths = self.height, self.widths
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(
            0, height - self.header_height, self.width, self.header_height, stroke=0, fill=1
        )
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 8.5)
        headings = ([self.layout.selector.label(self.lang)] if self.layout.selector else ["#"]) + [
            c.label(self.lang) or c.name for c in self.layout.columns
        ]
        x = 0.0
        for heading, width in zip(headings, widths, strict=True):
            canvas.drawString(
                x + 4, height - self.header_height + 5, _fit(heading, FONT_BOLD, 8.5, width - 8)
            )
            x += width
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for index, (category, first, last, paragraph, top, block_height) in enumerate(self._blocks):
            y_top = height - top
            if index % 2 == 0:
                canvas.setFillColor(colors.HexColor("#f6f8fb"))
                canvas.rect(0, y_top - block_height, self.width, block_height, stroke=0, fill=1)
            canvas.line(0, y_top - block_height, self.width, y_top - block_height)
            if paragraph is not None:
                paragraph.drawOn(canvas, 4, y_top - 4 - paragraph.height)
            label_text = (
                self.layout.selector.choice_label(category, self.lang)
                if self.layout.selector
                else self.layout.repeat.label(self.lang)
            )
            for row in range(first, last + 1):
                row_top = y_top - 2 - (row - first) * ROW_HEIGHT
                x = widths[0]
                if self.layout.selector is None:
                    canvas.setFillColor(MUTED)
                    canvas.setFont(FONT, 8.5)
                    canvas.drawRightString(widths[0] - 6, row_top - ROW_HEIGHT + 8, str(row))
                for column, width in zip(self.layout.columns, widths[1:], strict=True):
                    tip = words(
                        "row_tip",
                        self.lang,
                        category=_shorten(label_text),
                        row=row,
                        column=column.label(self.lang) or column.name,
                    )
                    form.textfield(
                        name=row_field_name(self.layout, category, row, column),
                        value="",
                        x=x + 2,
                        y=row_top - ROW_HEIGHT + 2,
                        width=width - 4,
                        height=ROW_HEIGHT - 3,
                        relative=True,
                        fieldFlags="multiline doNotSpellCheck"
                        if column.multiline
                        else "doNotSpellCheck",
                        fontName=FIELD_FONT,
                        fontSize=9,
                        textColor=INK,
                        fillColor=FIELD_FILL,
                        borderColor=FIELD_BORDER,
                        borderWidth=0.6,
                        maxlen=None,
                        tooltip=tip[:200],
                    )
                    x += width
        canvas.restoreState()


class HiddenField(Flowable):
    """The hidden, read-only field that carries the form's identity (no room taken)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.acroForm.textfield(
            name=self.name,
            value="",
            x=0,
            y=0,
            width=4,
            height=4,
            relative=True,
            annotationFlags="hidden",
            fieldFlags="readOnly",
            fontName=FIELD_FONT,
            fontSize=6,
            borderWidth=0,
            fillColor=None,
            borderColor=None,
            maxlen=None,
        )


_TAXONOMY = re.compile(r"^(?:theme|principle|objective)_(\d+)$")


def _choice_text(name: str, text: str) -> str:
    match = _TAXONOMY.match(name)
    return f"{match.group(1)}. {text}" if match else text


def _shorten(text: str, limit: int = 70) -> str:
    from ..domain.typography import one_line

    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _title(question: Question, lang: str, indent: float) -> Paragraph:
    st = styles()
    title = escape_text(question.label(lang) or question.name)
    if question.takes_answer and question.required in ("yes", "true", "true()"):
        title += f' <font size="7.5" color="#5a5a5a">{escape_text(label("required", lang))}</font>'
    return markup_para(f'<para leftIndent="{indent}"><b>{title}</b></para>', st.body)


def _guidance(
    definition: FormDefinition, question: Question, lang: str, indent: float
) -> list[Flowable]:
    """The hint and the "Answer only if ..." line of a question."""
    st = styles()
    out: list[Flowable] = []
    hint = question.hint(lang)
    if hint:
        out.append(
            markup_para(f'<para leftIndent="{indent}"><i>{escape_text(hint)}</i></para>', st.muted)
        )
    if question.relevant:
        only = label("only_if", lang, condition=condition_text(definition, question.relevant, lang))
        out.append(
            markup_para(
                f'<para leftIndent="{indent}"><font color="#1f4e8c"><i>{escape_text(only)}</i></font></para>',
                st.small,
            )
        )
    return out


def _answer_flowables(
    question: Question, lang: str, values: Mapping[str, str], indent: float
) -> list[Flowable]:
    """The fields of one question (not a group or a repeat)."""
    st = styles()
    kind = field_kind(question)
    tooltip = _shorten(question.label(lang) or question.name, 120)
    if kind in ("radio", "checkbox"):
        if kind == "radio":
            chosen = {values[question.path]} if question.path in values else set()
        else:
            chosen = {c.name for c in question.choices if values.get(f"{question.path}/{c.name}")}
        note = label("tick_one" if kind == "radio" else "tick_any", lang)
        return [
            markup_para(f'<para leftIndent="{indent}"><i>{escape_text(note)}</i></para>', st.muted),
            Spacer(1, 2),
            ChoiceBoxes(question, lang, kind, chosen, indent + 6),
        ]
    if kind == "date":
        return [
            TextBox(
                question.path,
                LINE_HEIGHT,
                multiline=False,
                tooltip=f"{tooltip} ({words('date_tip', lang)})",
                prompt=label("date_format", lang),
                field_width=110,
                indent=indent + 6,
            )
        ]
    if kind in ("integer", "decimal"):
        return [
            TextBox(
                question.path,
                LINE_HEIGHT,
                multiline=False,
                tooltip=f"{tooltip} ({words('number_tip', lang)})",
                prompt=label("number_prompt", lang),
                field_width=110,
                indent=indent + 6,
            )
        ]
    if kind == "multiline":
        height = SHORT_MULTILINE_HEIGHT if question.name in SHORT_MULTILINE else MULTILINE_HEIGHT
        return [TextBox(question.path, height, multiline=True, tooltip=tooltip, indent=indent + 6)]
    if kind == "text":
        return [
            TextBox(question.path, LINE_HEIGHT, multiline=False, tooltip=tooltip, indent=indent + 6)
        ]
    if question.takes_file:  # no form field holds a file: it travels with the PDF
        text = escape_text(label("attach_file_pdf", lang))
        return [markup_para(f'<para leftIndent="{indent + 6}"><i>{text}</i></para>', st.muted)]
    return []


def question_block(
    definition: FormDefinition,
    question: Question,
    lang: str,
    values: Mapping[str, str],
    rows: Mapping[tuple[str, str], int],
    indent: float = 0,
) -> list[Flowable]:
    """One question (a group with its questions, a repeat with its rows) as a block that is
    measured and kept on one page."""
    st = styles()
    if question.type in ("calculate",) or (question.takes_answer and field_kind(question) is None
                                          and not question.takes_file):
        return []
    if question.type == "note":
        note = Table([[para(question.label(lang), st.small)]], colWidths=[CONTENT_WIDTH - indent])
        note.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                ]
            )
        )
        return [KeepTogether([note, *_guidance(definition, question, lang, indent), Spacer(1, 6)])]
    block: list[Flowable] = [
        _title(question, lang, indent),
        *_guidance(definition, question, lang, indent),
        Spacer(1, 3),
    ]
    if question.type == "group":
        for child in question.children:
            if child.type == "group" or not child.takes_answer:
                block += question_block(definition, child, lang, values, rows, indent + 12)
                continue
            block += [
                _title(child, lang, indent + 12),
                *_guidance(definition, child, lang, indent + 12),
                Spacer(1, 2),
                *_answer_flowables(child, lang, values, indent + 12),
                Spacer(1, 6),
            ]
        return [KeepTogether([*block, Spacer(1, 6)])]
    if question.is_repeat:
        layout = repeat_layout(question)
        rows_of = max((rows.get((question.path, c), 0) for c in layout.categories), default=0)
        help_text = (
            words("rows_help", lang, rows=max(ROWS_PER_CATEGORY, rows_of))
            if layout.selector
            else words("plain_rows_help", lang)
        )
        block += [para(help_text, st.muted), Spacer(1, 3), RowsTable(layout, lang, rows)]
        return [KeepTogether([*block, Spacer(1, 10)])]
    block += _answer_flowables(question, lang, values, indent)
    return [KeepTogether([*block, Spacer(1, 10)])]


def questionnaire_story(data: QuestionnairePdfData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    definition = data.definition
    story: list[Flowable] = [
        HiddenField(META_FIELD),
        Heading(words("title", lang), st.h1, 0),
        para(label("study", lang), st.subtitle),
        para(words("for_mechanism", lang, mechanism=data.mechanism), st.h3),
    ]
    if data.fictional:
        story.append(para(label("fictional", lang), st.banner))
    how = [
        para(words("how_title", lang), st.h3),
        para(words("how", lang), st.small),
        para(words("how_conditional", lang), st.small),
    ]
    if data.values:
        how.append(para(words("prefilled", lang), st.small))
    box = Table([[how]], colWidths=[CONTENT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story += [Spacer(1, 2 * mm), box, Spacer(1, 4 * mm)]
    for element in definition.children:
        if element.type == "group":
            story.append(Heading(element.label(lang) or element.name, st.h2, 1))
            story += _guidance(definition, element, lang, 0)
            for child in element.children:
                story += question_block(definition, child, lang, data.values, data.rows)
        else:
            story += question_block(definition, element, lang, data.values, data.rows)
    return glue_headings(story)


def _pdf_meta(data: QuestionnairePdfData) -> PdfMeta:
    lang = data.lang
    definition = data.definition
    return PdfMeta(
        title=words("header", lang, mechanism=data.mechanism_short),
        subject=words("form_line", lang, form=definition.form_id, version=definition.version),
        lang=lang,
        header=words("header", lang, mechanism=data.mechanism_short) + f" ({definition.version})",
        generated=data.generated_label,
        page_format=label("page", lang),
        fictional_banner=label("fictional", lang) if data.fictional else None,
    )


def _render(data: QuestionnairePdfData, meta: PdfMeta, total_pages: int) -> tuple[bytes, int]:
    """One reportlab pass; returns the bytes and the number of pages."""
    buffer = io.BytesIO()
    document = ReportDocument(buffer, meta)  # type: ignore[arg-type] - reportlab takes a file object
    decorate = page_decorator(meta)
    document.pageTemplates[0].onPage = lambda canvas, doc: decorate(
        canvas, canvas.getPageNumber(), total_pages
    )
    document.build(questionnaire_story(data))
    return buffer.getvalue(), document.page


def questionnaire_pdf_bytes(data: QuestionnairePdfData) -> bytes:
    """The fillable PDF as bytes: laid out twice (the second pass knows the page count for
    "page X of Y"), then the values, the hidden field and the metadata set with pypdf."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    meta = _pdf_meta(data)
    first, pages = _render(data, meta, 0)
    content, _pages = _render(data, meta, pages) if pages > 1 else (first, pages)
    writer = PdfWriter(clone_from=io.BytesIO(content))
    values = {
        name: value for name, value in data.values.items() if value and value != CHECKED_STATE
    }
    specs = expected_fields(data.definition, data.rows)
    text_values = {
        name: value
        for name, value in values.items()
        if specs.get(name) and specs[name].kind in _KINDS_TEXT
    }
    text_values[META_FIELD] = json.dumps(
        dict(data.meta), ensure_ascii=True, sort_keys=True, separators=(",", ":")
    )
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "characters not supported by font encoding": the reader redraws
    try:
        for page in writer.pages:
            writer.update_page_form_field_values(page, text_values, auto_regenerate=False)
    finally:
        quiet.setLevel(level)
    writer.set_need_appearances_writer(True)
    # readers that redraw check boxes and radio buttons draw their marks with ZapfDingbats
    # (/MK /CA): name it in the form's resources as they expect
    resources = writer.root_object["/AcroForm"].get("/DR")
    if resources is not None:
        fonts = resources.get_object().get("/Font")
        if fonts is not None:
            fonts.get_object()[NameObject("/ZaDb")] = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject("/ZapfDingbats"),
                }
            )
    info = {key: str(data.meta.get(name) or "") for name, key in INFO_KEYS.items()}
    writer.add_metadata({NameObject(k): TextStringObject(v) for k, v in info.items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_questionnaire_pdf(data: QuestionnairePdfData, out: Path) -> Path:
    """Write the fillable PDF to ``out`` atomically."""
    content = questionnaire_pdf_bytes(data)
    return atomic_write(Path(out), lambda temp: temp.write_bytes(content))


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
    "QuestionnairePdfData",
    "RepeatLayout",
    "base_content",
    "clean_text",
    "expected_fields",
    "field_values",
    "interpret",
    "read_meta",
    "questionnaire_pdf_bytes",
    "questionnaire_story",
    "repeat_layout",
    "repeat_slots",
    "rows_needed",
    "write_questionnaire_pdf",
]
