"""Writing the questionnaire as a fillable PDF (see :mod:`.pdf_form` for the fields, their
names and what a filled one says): each question one block measured before it is placed,
its answer as AcroForm fields, the hidden ``_mcim_meta`` field, written atomically.
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
from .pdf_form import (
    _KINDS_TEXT,
    BOX,
    CHECKED_STATE,
    FIELD_BORDER,
    FIELD_FILL,
    FIELD_FONT,
    FIELD_FONT_SIZE,
    INFO_KEYS,
    LINE_HEIGHT,
    META_FIELD,
    MULTILINE_HEIGHT,
    ROW_HEIGHT,
    ROWS_PER_CATEGORY,
    ROWS_PLAIN_REPEAT,
    SHORT_MULTILINE,
    SHORT_MULTILINE_HEIGHT,
    RepeatLayout,
    _shorten,
    expected_fields,
    field_kind,
    repeat_layout,
    row_field_name,
    words,
)

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


__all__ = ["QuestionnairePdfData", "questionnaire_pdf_bytes", "questionnaire_story", "write_questionnaire_pdf"]
