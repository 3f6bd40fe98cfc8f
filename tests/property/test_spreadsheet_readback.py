"""The spreadsheet exports have no importer: their law is that openpyxl and csv, reading what
was written, give the database's values (read here with plain SQL), cell by cell: the
questionnaire's sheet (one row per response) and the partners' sheet (one row per Q25 row).
The README's rules are applied here, written again: answers hidden by the skip logic are left
out, a select_multiple gives its codes and one 0/1 column per choice, control characters that
XLSX cannot hold are removed, a CR becomes a line break in XLSX, and in CSV a text that
starts like a formula gets an apostrophe."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from study_data import TOP_LEVEL, Templates, plans, populate, rows

from mcim_desk.services import exchange

FORM = "mcim_questionnaire_2018"
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what XLSX (XML 1.0) cannot hold
META = ("_mechanism", "_uuid", "_round", "_status", "_source", "_submission_time")


def database_sheets(path: Path) -> tuple[dict[str, dict[str, object]], dict[tuple[str, int], dict[str, object]]]:
    """From the database: response id -> column -> value of the questionnaire sheet, and
    (response id, Q25 index) -> column -> value of the partners' sheet."""
    main: dict[str, dict[str, object]] = {}
    for rid, acronym, round_name, status, source, created in rows(
        path,
        "SELECT r.id, m.acronym_en, sr.name, r.status, r.source, r.created_at FROM response r "
        "JOIN form_version fv ON fv.id = r.form_version_id JOIN mechanism m ON m.id = r.mechanism_id "
        "LEFT JOIN survey_round sr ON sr.id = r.round_id "
        "WHERE fv.form_id = ? AND r.deleted_at IS NULL", (FORM,),
    ):
        main[rid] = {"_mechanism": acronym, "_uuid": rid, "_round": round_name, "_status": status,
                     "_source": source, "_submission_time": created[:19]}  # cut, never rounded
    partners: dict[tuple[str, int], dict[str, object]] = {}
    for rid, answer_path, value, relevant in rows(
        path,
        "SELECT a.response_id, a.path, a.value, a.relevant FROM answer a "
        "JOIN response r ON r.id = a.response_id JOIN form_version fv ON fv.id = r.form_version_id "
        "WHERE fv.form_id = ? AND r.deleted_at IS NULL", (FORM,),
    ):
        written = value if relevant and value is not None else None
        found = re.fullmatch(r"section_4/q25\[(\d+)\](?:/(\w+))?", answer_path)
        if found:
            row = partners.setdefault((rid, int(found.group(1))), {})
            if found.group(2):
                row[f"section_4/q25/{found.group(2)}"] = written
            continue
        main[rid][answer_path] = written
        codes = TOP_LEVEL["select_multiple"].get(answer_path)
        if codes is not None:
            for code in codes:
                main[rid][f"{answer_path}/{code}"] = None if written is None else int(code in written.split())
    return main, partners


def as_xlsx(value: object) -> object:
    if isinstance(value, str):  # text left empty by the cleaning is an empty cell
        return ILLEGAL.sub("", value).replace("\r\n", "\n").replace("\r", "\n") or None
    return value


def as_csv(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    text = ILLEGAL.sub("", value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def compare(header: list[str], data_rows: list[list[object]], main, partners, convert) -> None:  # noqa: ANN001
    """Every row read back against the database's values, and nothing missing."""
    seen_main, seen_partners = set(), set()
    for values in data_rows:
        cells = dict(zip(header, values, strict=True))
        if "_submission__uuid" in cells:  # the partners' sheet
            rid = cells["_submission__uuid"]
            index = 1 + sum(1 for key in seen_partners if key[0] == rid)
            expected = partners[(rid, index)]
            for column in ("section_4/q25/category", "section_4/q25/partner_name", "section_4/q25/nature"):
                assert cells[column] == convert(expected.get(column)), (rid, index, column)
            seen_partners.add((rid, index))
            continue
        rid = cells["_uuid"]
        expected = main[rid]
        for column, value in cells.items():
            if column in META or not column.startswith("_"):
                assert value == convert(expected.get(column)), (rid, column)
        seen_main.add(rid)
    return seen_main, seen_partners


@settings(max_examples=max(5, settings.default.max_examples // 4))
@given(plan=plans(with_interviews=False), fmt=st.sampled_from(["xlsx", "csv"]))
def test_a_spreadsheet_reads_back_as_the_database(templates: Templates, tmp_path: Path, plan, fmt: str) -> None:  # noqa: ANN001
    db, path = templates.fresh("source")
    try:
        populate(db, plan)
        out = tmp_path / f"export-{templates.count}" / ("study.xlsx" if fmt == "xlsx" else "")
        exchange.export_spreadsheets(db, out, fmt, "en")
    finally:
        db.dispose()
    main, partners = database_sheets(path)
    seen_main, seen_partners = set(), set()
    if fmt == "xlsx":
        book = load_workbook(out)
        sheets = [(book[name], True) for name in (FORM, "q25")]
        for ws, _ in sheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (ws.title, cell.coordinate)  # never a formula
        for ws, _ in sheets:
            table = [[cell.value for cell in row] for row in ws.iter_rows()]
            found = compare(table[0], table[1:], main, partners, as_xlsx)
            seen_main |= found[0]
            seen_partners |= found[1]
    else:
        for name in (FORM, "q25"):
            with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
                table = list(csv.reader(handle))
            found = compare(table[0], table[1:], main, partners, as_csv)
            seen_main |= found[0]
            seen_partners |= found[1]
    assert seen_main == set(main)
    assert seen_partners == set(partners)
