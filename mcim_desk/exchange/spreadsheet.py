"""Responses as spreadsheets, laid out as KoboToolbox exports them.

One sheet (XLSX) or file (CSV) per form, one row per response, one column per question named
by its group path (``section_2/q4``). A select_multiple question gives a column of
space-separated codes plus one 0/1 column per choice (``section_2/q11/objective_3``). Each
repeat (Q25's partners) has its own sheet, one row per instance, keyed to its response by
``_submission__uuid`` and ``_parent_index``. With ``labels`` the choices are written as
their labels in the chosen language instead of codes.

No cell ever becomes a formula: in XLSX every text is written as a string cell (openpyxl's
data type ``s``), even when it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return; in CSV such a text is prefixed with an apostrophe (``'=1+2``), as spreadsheet
programs expect. Control characters XLSX cannot hold are removed (in CSV too), and in XLSX
a carriage return becomes a line feed (Excel's line break; XML readers turn a bare CR into
LF anyway). CSV files are UTF-8 with a byte order mark, so Excel reads accents right.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..forms.definition import instance_indexes

if TYPE_CHECKING:
    from ..forms.definition import FormDefinition, Question

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")

Value = str | int | float | None


@dataclass(frozen=True)
class ExportResponse:
    """One response as the export needs it (answers: relevant, non-empty, by instance path)."""

    id: str
    mechanism: str
    round: str | None
    status: str
    source: str
    created_at: datetime | None
    updated_at: datetime | None
    answers: Mapping[str, str]


@dataclass(frozen=True)
class FormExport:
    form_id: str
    definition: FormDefinition  # the newest version: its questions make the columns
    responses: Sequence[ExportResponse]


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[list[Value]] = field(default_factory=list)


# --- laying out ---------------------------------------------------------------------------


def _leaves(children: Iterable[Question]) -> list[Question]:
    """Answered questions under ``children``, in form order, not descending into repeats."""
    found: list[Question] = []
    for question in children:
        if question.is_repeat:
            continue
        if question.type == "group":
            found += _leaves(question.children)
        elif question.takes_answer:
            found.append(question)
    return found


def _repeats(children: Iterable[Question]) -> list[Question]:
    found: list[Question] = []
    for question in children:
        if question.is_repeat:
            found.append(question)
        if question.is_container:
            found += _repeats(question.children)
    return found


def _columns(questions: list[Question]) -> list[str]:
    header: list[str] = []
    for question in questions:
        header.append(question.path)
        if question.type == "select_multiple":
            header += [f"{question.path}/{choice.name}" for choice in question.choices]
    return header


def _number(text: str, kind: str) -> Value:
    try:
        return int(text) if kind == "integer" else float(text)
    except ValueError:
        return text


def _cells(question: Question, value: str | None, lang: str, labels: bool) -> list[Value]:
    """The cells of one question: its value, and for select_multiple a 0/1 per choice."""
    if question.type == "select_multiple":
        codes = value.split() if value else []
        if value is None:
            text: Value = None
        elif labels:
            text = "; ".join(question.choice_label(code, lang) for code in codes)
        else:
            text = " ".join(codes)
        flags: list[Value] = [
            None if value is None else int(choice.name in codes) for choice in question.choices
        ]
        return [text, *flags]
    if value is None:
        return [None]
    if question.type == "select_one" and labels:
        return [question.choice_label(value, lang)]
    if question.type in ("integer", "decimal"):
        return [_number(value, question.type)]
    return [value]


def _instance_path(definition_path: str, indexes: dict[str, int]) -> str:
    """``section_4/q25/category`` with ``{"section_4/q25": 2}`` -> ``section_4/q25[2]/category``."""
    result = definition_path
    for repeat_path in sorted(indexes, key=len, reverse=True):
        if result == repeat_path or result.startswith(repeat_path + "/"):
            result = f"{repeat_path}[{indexes[repeat_path]}]" + result[len(repeat_path):]
    return result


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat(sep=" ", timespec="seconds") if moment else None


def _sheet_name(wanted: str, taken: set[str]) -> str:
    base = _SHEET_BAD.sub("_", wanted)[:31] or "sheet"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f"_{n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.casefold())
    return name


def tabulate(forms: Sequence[FormExport], lang: str = "en", labels: bool = False) -> list[Sheet]:
    """Every form's main sheet, then its repeats' sheets."""
    sheets: list[Sheet] = []
    taken: set[str] = set()
    for form in forms:
        definition = form.definition
        questions = _leaves(definition.children)
        main = Sheet(
            _sheet_name(form.form_id, taken),
            ["_mechanism", *_columns(questions), "_uuid", "_round", "_status", "_source",
             "_submission_time", "_updated_at", "_index"],
        )
        repeats = _repeats(definition.children)
        repeat_sheets = {
            repeat.path: Sheet(
                _sheet_name(repeat.name, taken),
                [*_columns(_leaves(repeat.children)), "_index", "_parent_index",
                 "_parent_table_name", "_submission__uuid"],
            )
            for repeat in repeats
        }
        for index, response in enumerate(form.responses, start=1):
            row: list[Value] = [response.mechanism]
            for question in questions:
                row += _cells(question, response.answers.get(question.path), lang, labels)
            row += [response.id, response.round, response.status, response.source,
                    _when(response.created_at), _when(response.updated_at), index]
            main.rows.append(row)
            _repeat_rows(_direct_repeats(definition.children), repeat_sheets, response, index,
                         main.name, {}, lang, labels)
        sheets.append(main)
        sheets += repeat_sheets.values()
    return sheets


def _direct_repeats(children: Iterable[Question]) -> list[Question]:
    """Repeats under ``children`` that are not inside another repeat."""
    found: list[Question] = []
    for question in children:
        if question.is_repeat:
            found.append(question)
        elif question.type == "group":
            found += _direct_repeats(question.children)
    return found


def _repeat_rows(repeats: list[Question], sheets: dict[str, Sheet], response: ExportResponse,
                 parent_index: int, parent_name: str, outer: dict[str, int], lang: str,
                 labels: bool) -> None:
    """Rows of ``repeats``' instances within the enclosing instances ``outer``, and of the
    repeats nested in them."""
    for repeat in repeats:
        sheet = sheets[repeat.path]
        prefix = _instance_path(repeat.path, outer)
        for number in instance_indexes(response.answers, prefix):
            indexes = {**outer, repeat.path: number}
            row: list[Value] = []
            for question in _leaves(repeat.children):
                value = response.answers.get(_instance_path(question.path, indexes))
                row += _cells(question, value, lang, labels)
            row_index = len(sheet.rows) + 1
            row += [row_index, parent_index, parent_name, response.id]
            sheet.rows.append(row)
            inner = _direct_repeats(repeat.children)
            if inner:
                _repeat_rows(inner, sheets, response, row_index, sheet.name, indexes, lang, labels)


# --- writing --------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Without the control characters XLSX cannot hold (openpyxl's own list)."""
    if text.isprintable():  # (a C-speed test) then none of those characters is in it; and no
        return text  # import statement per cell either: PySide6 hooks import, ~4 us each
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def write_xlsx(path: str | Path, sheets: Sequence[Sheet]) -> Path:
    from ..files import private_tempdir

    with private_tempdir():  # openpyxl writes each sheet to a temporary file first
        return _write_xlsx(Path(path), sheets)


def _write_xlsx(target: Path, sheets: Sequence[Sheet]) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Font

    from ..files import atomic_write

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        header = []
        for name in sheet.header:
            cell = WriteOnlyCell(ws, value=clean_text(name))
            cell.data_type = "s"
            cell.font = bold
            header.append(cell)
        ws.append(header)
        ws.freeze_panes = "A2"
        for values in sheet.rows:
            ws.append([_xlsx_value(ws, WriteOnlyCell, v, ERROR_CODES) if isinstance(v, str) else v
                       for v in values])
    return atomic_write(target, lambda temp: workbook.save(temp), make_folder=True)


def _xlsx_value(ws: Any, make: Any, value: str, error_codes: Any) -> Any:
    """A text cell: the plain string, which openpyxl's write-only sheet writes through the one
    cell it reuses, except where openpyxl would read the text as a formula ("=...") or an
    error code ("#N/A"): that one becomes a cell of its own typed as text. (A cell object for
    every text cost about a third of the export: openpyxl tries it as a value first and
    formats the refusal's message with the cell's repr.)"""
    text = clean_text(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("=") or text in error_codes:
        cell = make(ws, value=text)
        cell.data_type = "s"  # text, never a formula, whatever it starts with
        return cell
    return text


def csv_paths(out: str | Path, sheets: Sequence[Sheet]) -> list[Path]:
    """Where each sheet goes: ``out`` ending in .csv -> ``<stem>-<sheet>.csv`` beside it;
    otherwise ``out`` is a folder holding ``<sheet>.csv``."""
    target = Path(out)
    if target.suffix.lower() == ".csv":
        return [target.with_name(f"{target.stem}-{s.name}.csv") for s in sheets]
    return [target / f"{s.name}.csv" for s in sheets]


def csv_text(value: Value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    text = clean_text(value)
    return "'" + text if is_formula_like(text) else text


def write_csv(out: str | Path, sheets: Sequence[Sheet]) -> list[Path]:
    from ..files import atomic_write

    paths = csv_paths(out, sheets)
    for sheet, path in zip(sheets, paths, strict=True):

        def write(temp: Path, sheet: Sheet = sheet) -> None:
            with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([csv_text(h) for h in sheet.header])
                for values in sheet.rows:
                    writer.writerow([csv_text(v) for v in values])

        atomic_write(path, write, make_folder=True)
    return paths


__all__ = [
    "ExportResponse", "FORMULA_STARTS", "FormExport", "Sheet", "clean_text", "csv_paths",
    "is_formula_like", "tabulate", "write_csv", "write_xlsx",
]
