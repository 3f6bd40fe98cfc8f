"""Spreadsheet exports read back with openpyxl and csv: they match the database, accents
and formula-like text included, and no cell is a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mcim_desk.cli import main
from mcim_desk.services import catalogue, exchange, responses

INJECTIONS = ["=1+2", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"]
TEXT_QUESTIONS = ["section_2/q12", "section_3/q14", "section_3/q20", "section_3/q21", "section_3/q22",
                  "section_3/q23"]
FORM = "mcim_questionnaire_2018"


@pytest.fixture
def filled(db):  # noqa: ANN001, ANN201
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    pafom = catalogue.find_mechanism(db, "PAFoM")
    one = responses.open_questionnaire(db, rabat.id, "tester").id
    answers = {
        "section_1/q1": "Processus de Rabat — « Dialogue euro-africain »",
        "section_2/q4": "oui",
        "section_2/q5": "Déclaration de Marrakech, été 2018 ; coopération renforcée",
        "section_2/q11": "objective_3 objective_23",
        "section_3/q13": "ne_sait_pas",
        "section_3/q24": "Bell\x01e\x0b text\x1f with controls",
    }
    for path, value in zip(TEXT_QUESTIONS, INJECTIONS, strict=True):
        answers[path] = value
    for path, value in answers.items():
        responses.save_answer(db, one, path, value, "tester")
    responses.insert_repeat(db, one, "section_4/q25", "tester",
                            values={"category": "regional_economic_communities", "partner_name": "CEDEAO",
                                    "nature": "=HYPERLINK(\"http://x\")"})
    responses.insert_repeat(db, one, "section_4/q25", "tester",
                            values={"partner_name": "Organisation internationale pour les migrations"})
    two = responses.open_questionnaire(db, pafom.id, "tester").id
    responses.save_answer(db, two, "section_2/q5", "not relevant once q4 = non", "tester")
    responses.save_answer(db, two, "section_2/q4", "non", "tester")
    return {"rabat": one, "pafom": two, "answers": answers}


def xlsx_rows(path: Path, sheet: str) -> list[dict]:
    book = load_workbook(path)
    ws = book[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_xlsx_text(value: str) -> str:
    cleaned = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    return cleaned.replace("\r\n", "\n").replace("\r", "\n")


def expected_csv_text(value: str) -> str:
    cleaned = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    return "'" + cleaned if cleaned.startswith(("=", "+", "-", "@", "\t", "\r")) else cleaned


def test_xlsx_matches_the_database_and_holds_no_formula(db, filled, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "export.xlsx"
    report = exchange.export_spreadsheets(db, out, "xlsx", "fr")
    assert report.paths == (out,)
    book = load_workbook(out)
    assert {FORM, "mcim_interview_2018", "q25"} <= set(book.sheetnames)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    rows = {r["_uuid"]: r for r in xlsx_rows(out, FORM)}
    rabat = rows[filled["rabat"]]
    stored = responses.answers(db, filled["rabat"])
    for path, value in stored.items():
        if "[" in path or path == "section_2/q11":
            continue
        assert rabat[path] == expected_xlsx_text(value), path
    for path, value in zip(TEXT_QUESTIONS, INJECTIONS, strict=True):
        assert rabat[path] == expected_xlsx_text(value)
    assert rabat["section_3/q24"] == "Belle text with controls"
    assert rabat["section_2/q11"] == "objective_3 objective_23"
    assert rabat["section_2/q11/objective_3"] == 1 and rabat["section_2/q11/objective_23"] == 1
    assert rabat["section_2/q11/objective_1"] == 0
    assert rabat["_mechanism"] == "Processus de Rabat"
    pafom = rows[filled["pafom"]]
    assert pafom["section_2/q4"] == "non"
    assert pafom["section_2/q5"] is None  # hidden by the skip logic: not exported
    assert pafom["section_2/q11/objective_3"] is None  # not answered: neither 0 nor 1
    partners = [r for r in xlsx_rows(out, "q25") if r["_submission__uuid"] == filled["rabat"]]
    assert [p["section_4/q25/partner_name"] for p in partners] == [
        "CEDEAO", "Organisation internationale pour les migrations"
    ]
    assert partners[0]["section_4/q25/nature"] == '=HYPERLINK("http://x")'
    assert partners[0]["_parent_index"] == rabat["_index"]


def test_labels_in_the_chosen_language(db, filled, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "labels.xlsx"
    exchange.export_spreadsheets(db, out, "xlsx", "fr", labels=True)
    rabat = {r["_uuid"]: r for r in xlsx_rows(out, FORM)}[filled["rabat"]]
    assert rabat["section_2/q4"] == "Oui"
    assert rabat["section_3/q13"] == "Ne sait pas encore"
    assert rabat["section_2/q11"].count(";") == 1
    exchange.export_spreadsheets(db, out, "xlsx", "en", labels=True)
    rabat = {r["_uuid"]: r for r in xlsx_rows(out, FORM)}[filled["rabat"]]
    assert rabat["section_2/q4"] == "Yes"
    assert rabat["_mechanism"] == "Rabat Process"


def test_csv_matches_the_database_with_bom_and_apostrophes(db, filled, tmp_path: Path) -> None:  # noqa: ANN001
    report = exchange.export_spreadsheets(db, tmp_path / "csv", "csv", "en")
    names = {p.name for p in report.paths}
    assert {f"{FORM}.csv", "mcim_interview_2018.csv", "q25.csv"} <= names
    for path in report.paths:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = {r["_uuid"]: r for r in csv_rows(tmp_path / "csv" / f"{FORM}.csv")}
    rabat = rows[filled["rabat"]]
    for path, value in responses.answers(db, filled["rabat"]).items():
        if "[" in path or path == "section_2/q11":
            continue
        assert rabat[path] == expected_csv_text(value), path
    assert [rabat[p] for p in TEXT_QUESTIONS] == ["'=1+2", "'+cmd", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]
    assert rabat["section_1/q1"] == "Processus de Rabat — « Dialogue euro-africain »"
    assert rabat["section_3/q24"] == "Belle text with controls"
    assert rabat["section_2/q11/objective_23"] == "1"
    assert rows[filled["pafom"]]["section_2/q5"] == ""
    partners = csv_rows(tmp_path / "csv" / "q25.csv")
    assert partners[0]["section_4/q25/nature"] == "'=HYPERLINK(\"http://x\")"


def test_csv_named_after_a_file(db, filled, tmp_path: Path) -> None:  # noqa: ANN001
    report = exchange.export_spreadsheets(db, tmp_path / "study.csv", "csv")
    assert tmp_path / f"study-{FORM}.csv" in report.paths


def test_cli_export(db_path: Path, db, filled, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "cli.xlsx"
    assert main(["export", "--db", str(db_path), "--format", "xlsx", "--out", str(out), "--lang", "fr",
                 "--labels"]) == 0
    rabat = {r["_uuid"]: r for r in xlsx_rows(out, FORM)}[filled["rabat"]]
    assert rabat["section_2/q4"] == "Oui"
    assert str(out) in capsys.readouterr().out


def test_xlsx_keeps_error_code_looking_answers_as_text(db, tmp_path: Path) -> None:  # noqa: ANN001
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    one = responses.open_questionnaire(db, rabat.id, "tester").id
    typed = {"section_3/q14": "#N/A", "section_3/q20": "#DIV/0!", "section_3/q21": "=", "section_3/q22": "a=b"}
    for path, value in typed.items():
        responses.save_answer(db, one, path, value, "tester")
    out = tmp_path / "codes.xlsx"
    exchange.export_spreadsheets(db, out, "xlsx")
    ws = load_workbook(out)[FORM]
    header = [cell.value for cell in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("_uuid")].value == one)
    for path, value in typed.items():
        cell = row[header.index(path)]
        assert (cell.value, cell.data_type) == (value, "s"), path
