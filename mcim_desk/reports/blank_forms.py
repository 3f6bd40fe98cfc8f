"""Printable blank forms from a ``FormDefinition``: the questionnaire or the interview guide
in French or English, with a box to tick per choice, lines to write on, the "answer only
if ..." condition of questions the skip logic may hide, and each question kept on one page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.typography import quoted
from .labels import label
from .pdf import (
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    FONT,
    RULE,
    Heading,
    PdfMeta,
    escape_text,
    markup_para,
    para,
    styles,
)
from .pdf import write_pdf as _write_pdf

if TYPE_CHECKING:
    from ..forms.definition import FormDefinition, Question
    from .data import BlankFormData

BOX = "☐"
LINE_GAP = 19.0
_COMPARISON = re.compile(
    r"^\s*(?:\$\{(?P<name>\w+)\}\s*(?P<op>!=|=)\s*'(?P<value>[^']*)'"
    r"|selected\(\s*\$\{(?P<sname>\w+)\}\s*,\s*'(?P<svalue>[^']*)'\s*\))\s*$"
)
_REFERENCE = re.compile(r"\$\{(\w+)\}")


class WriteLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, lines: int, width: float, indent: float = 0, prompt: str | None = None) -> None:
        super().__init__()
        self.lines, self.line_width, self.indent, self.prompt = lines, width, indent, prompt

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.line_width, self.lines * LINE_GAP + 4

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        start = self.indent
        if self.prompt:
            canvas.setFont(FONT, 8.5)
            canvas.drawString(self.indent, LINE_GAP * (self.lines - 1) + 6, self.prompt)
            start = self.indent + canvas.stringWidth(self.prompt, FONT, 8.5) + 6
        for index in range(self.lines):
            y = LINE_GAP * index + 4
            canvas.line(start if index == self.lines - 1 else self.indent, y, self.line_width, y)
        canvas.restoreState()


def _question_ref(definition: FormDefinition, name: str, lang: str) -> str:
    match = re.match(r"^q(\d+)$", name)
    if match:
        return label("question_n", lang, number=match.group(1)).lower()
    question = definition.by_name(name)
    return quoted(question.label(lang), lang) if question else name


def condition_text(definition: FormDefinition, expression: str, lang: str) -> str:
    """A relevant expression in words: "the answer to question 4 is “Yes” or “In progress”";
    an expression that is not a chain of comparisons is shown with its questions named."""
    joiner = None
    for word in (" or ", " and "):
        if word in expression:
            joiner = word
            break
    parts = [p for p in re.split(r"\s+(?:or|and)\s+", expression)] if joiner else [expression]
    if joiner and " or " in expression and " and " in expression:
        parts = []
    parsed = [_COMPARISON.match(p) for p in parts]
    if parts and all(parsed):
        clauses: list[tuple[str, str, list[str]]] = []
        for match in parsed:
            name = match.group("name") or match.group("sname")
            value = match.group("value") if match.group("name") else match.group("svalue")
            op = "selected" if match.group("sname") else match.group("op")
            question = definition.by_name(name)
            text = question.choice_label(value, lang) if question else value
            if clauses and clauses[-1][0] == name and clauses[-1][1] == op and joiner == " or ":
                clauses[-1][2].append(quoted(text, lang))
            else:
                clauses.append((name, op, [quoted(text, lang)]))
        words = []
        for name, op, values in clauses:
            key = {"=": "cond_is", "!=": "cond_is_not", "selected": "cond_selected"}[op]
            words.append(label(key, lang, question=_question_ref(definition, name, lang),
                               values=label("or", lang).join(values)))
        return label("or" if joiner == " or " else "and", lang).join(words)
    readable = _REFERENCE.sub(lambda m: _question_ref(definition, m.group(1), lang), expression)
    return label("cond_expression", lang, expression=readable)


_TAXONOMY = re.compile(r"^(?:theme|principle|objective)_(\d+)$")


def _choice_text(name: str, text: str) -> str:
    """A Compact item keeps its number, as on the paper form (``3. Provide accurate...``)."""
    match = _TAXONOMY.match(name)
    return f"{match.group(1)}. {text}" if match else text


def _choice_grid(question: Question, lang: str, indent: float) -> Flowable:
    st = styles()
    cells = [markup_para(f'<font size="11">{BOX}</font>&nbsp;&nbsp;'
                         f'{escape_text(_choice_text(c.name, c.label(lang)))}', st.body)
             for c in question.choices]
    columns = 2 if len(cells) > 8 else 1
    width = CONTENT_WIDTH - indent
    if columns == 2:
        half = (len(cells) + 1) // 2
        rows = [[cells[i], cells[i + half] if i + half < len(cells) else ""] for i in range(half)]
    else:
        rows = [[c] for c in cells]
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), indent if columns == 1 else 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    if columns == 2:
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (0, -1), indent),
                                   ("LEFTPADDING", (1, 0), (1, -1), 6)]))
    return table


def _repeat_table(question: Question, lang: str) -> Flowable:
    """A repeat whose first question is a choice list: one line per choice (tick box and
    label) and a cell to write in for each other question, as the paper form had."""
    st = styles()
    selector = next(c for c in question.children if c.type == "select_one")
    others = [c for c in question.children if c is not selector and c.takes_answer]
    header = [para(selector.label(lang), st.header_cell)] + [para(c.label(lang), st.header_cell) for c in others]
    rows = [header]
    for choice in selector.choices:
        # An empty cell holds a spacer: room to write, and the row still grows with a label
        # that needs three lines.
        rows.append([markup_para(f'<font size="11">{BOX}</font>&nbsp;&nbsp;{escape_text(choice.label(lang))}', st.cell)]
                    + [Spacer(1, 24) for _ in others])
    first = 0.34 * CONTENT_WIDTH
    rest = (CONTENT_WIDTH - first) / max(1, len(others))
    table = Table(rows, colWidths=[first] + [rest] * len(others), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), "#1f4e8c"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def question_flowables(definition: FormDefinition, question: Question, lang: str,
                       indent: float = 0) -> list[Flowable]:
    """One question as a block kept on one page (a group: its label, then its questions)."""
    st = styles()
    head: list[Flowable] = []
    title = escape_text(question.label(lang) or question.name)
    if question.takes_answer and question.required in ("yes", "true", "true()"):
        title += f' <font size="7.5" color="#5a5a5a">{escape_text(label("required", lang))}</font>'
    head.append(markup_para(f'<para leftIndent="{indent}"><b>{title}</b></para>', st.body))
    hint = question.hint(lang)
    if hint:
        head.append(markup_para(f'<para leftIndent="{indent}"><i>{escape_text(hint)}</i></para>', st.muted))
    only = None
    if question.relevant:
        only = label("only_if", lang, condition=condition_text(definition, question.relevant, lang))
        head.append(markup_para(f'<para leftIndent="{indent}"><i>{escape_text(only)}</i></para>', st.small))
    if question.type == "group":
        story: list[Flowable] = [KeepTogether(head)]
        for child in question.children:
            story += question_flowables(definition, child, lang, indent + 12)
        return story
    body: list[Flowable] = []
    if question.type == "note":
        note = Table([[para(question.label(lang), st.small)]], colWidths=[CONTENT_WIDTH - indent])
        note.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                                  ("FONTNAME", (0, 0), (-1, -1), FONT)]))
        extra = [markup_para(f"<i>{escape_text(only)}</i>", st.small)] if only else []
        return [KeepTogether([note, *extra, Spacer(1, 4)])]
    if question.type in ("select_one", "select_multiple"):
        body.append(markup_para(
            f'<para leftIndent="{indent}"><i>{escape_text(label("tick_one" if question.type == "select_one" else "tick_any", lang))}</i></para>',
            st.muted,
        ))
        body.append(_choice_grid(question, lang, indent + 8))
    elif question.type == "repeat":
        if any(c.type == "select_one" and c.choices for c in question.children):
            body.append(para(label("repeat_rows", lang), st.muted))
            body.append(_repeat_table(question, lang))
        else:
            for number in (1, 2, 3):
                body.append(para(label("repeat_block", lang, label="", number=number).strip(" —"), st.h3))
                for child in question.children:
                    body += question_flowables(definition, child, lang, indent + 12)
    elif question.type == "date":
        body.append(WriteLines(1, CONTENT_WIDTH * 0.6, indent + 8, label("date_format", lang)))
    elif question.type in ("integer", "decimal"):
        body.append(WriteLines(1, CONTENT_WIDTH * 0.5, indent + 8, label("number_prompt", lang)))
    elif question.type == "text":
        body.append(WriteLines(6 if question.multiline else 1, CONTENT_WIDTH, indent + 8))
    elif question.takes_file:  # a file cannot be written on paper: it travels with it
        body.append(WriteLines(1, CONTENT_WIDTH, indent + 8, label("attach_file", lang)))
    elif question.type == "calculate":
        return []
    block = head + [Spacer(1, 2)] + body + [Spacer(1, 8)]
    if question.type == "repeat":
        return [KeepTogether(head), *body, Spacer(1, 8)]
    return [KeepTogether(block)]


def blank_form_story(data: BlankFormData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    definition = data.definition
    story: list[Flowable] = [Heading(data.title, st.h1, 0), para(data.study, st.subtitle)]
    if data.fictional:
        story.append(para(label("fictional", lang), st.banner))
    if data.kind == "questionnaire":
        story.append(Spacer(1, 3 * mm))
        story.append(WriteLines(1, CONTENT_WIDTH, 0, label("blank_for", lang).strip()))
    story.append(Spacer(1, 4 * mm))
    for element in definition.children:
        if element.is_container and element.type == "group":
            story.append(Heading(element.label(lang) or element.name, st.h2, 1))
            if element.relevant:
                only = label("only_if", lang, condition=condition_text(definition, element.relevant, lang))
                story.append(markup_para(f"<i>{escape_text(only)}</i>", st.small))
            for child in element.children:
                story += question_flowables(definition, child, lang)
        else:
            story += question_flowables(definition, element, lang)
    return story


def _meta(data: BlankFormData) -> PdfMeta:
    lang = data.lang
    return PdfMeta(
        title=f"{data.title} — {data.study}",
        subject=label("blank_subject", lang),
        lang=lang,
        header=data.title,
        generated=data.generated_label,
        page_format=label("page", lang),
        fictional_banner=label("fictional", lang) if data.fictional else None,
    )


def write_blank_form(data: BlankFormData, out: Path) -> Path:
    return _write_pdf(out, _meta(data), blank_form_story(data))


__all__ = ["WriteLines", "blank_form_story", "condition_text", "question_flowables", "write_blank_form"]
