"""Attachments in exports (issue 13): the spreadsheet cell holds the file name, the files
are written beside in ``attachments/<response id>/<file name>`` (KoboToolbox's layout), the
Kobo JSON lists ``_attachments`` with download URLs relative to the export, a JSON export
imported again keeps the answers; PDF reports print the file name, never the content."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from mcim_desk.services import attachments, exchange, responses, submissions

Q5_DOC = "section_2/q5_document"
PDF = b"%PDF-1.4\n% Position commune adoptee a Rabat\n" + bytes(range(256))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def attached(db, questionnaire, tmp_path: Path) -> str:  # noqa: ANN001
    responses.save_answer(db, questionnaire.id, "section_1/q1", "Processus de Rabat", "tester")
    responses.save_answer(db, questionnaire.id, "section_2/q4", "oui", "tester")
    source = tmp_path / "=Position & recommandations.pdf"
    source.write_bytes(PDF)
    stored = attachments.store_file(db, questionnaire.id, Q5_DOC, source)
    responses.save_answer(db, questionnaire.id, Q5_DOC, stored.file_name, "tester")
    # a file attached then replaced: only the one the answer names is exported
    other = tmp_path / "brouillon.pdf"
    other.write_bytes(PDF + b"draft")
    attachments.store_file(db, questionnaire.id, Q5_DOC, other)
    return stored.file_name


def test_xlsx_cell_is_the_file_name_and_the_file_is_beside(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    name = attached(db, questionnaire, tmp_path)
    assert name == f"=Position & recommandations-{hashlib.sha256(PDF).hexdigest()[:8]}.pdf"
    out = tmp_path / "export" / "responses.xlsx"
    report = exchange.export_spreadsheets(db, out, "xlsx")
    sheet = load_workbook(out, read_only=True)["mcim_questionnaire_2018"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    row = next(r for r in rows[1:] if questionnaire.id in r)
    assert row[header.index(Q5_DOC)] == name  # a string cell: no formula, whatever it starts with
    beside = tmp_path / "export" / "attachments" / questionnaire.id / name
    assert report.attachments == (beside,)
    assert beside.read_bytes() == PDF
    assert sorted(p.name for p in (tmp_path / "export" / "attachments" / questionnaire.id).iterdir()) == [name]


def test_csv_cell_and_files_and_the_command_line(db_path: Path, db, questionnaire, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    name = attached(db, questionnaire, tmp_path)
    from mcim_desk.cli import main

    folder = tmp_path / "csv"
    assert main(["--db", str(db_path), "export", "--format", "csv", "--out", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert f"attached files: 1 in {folder / 'attachments'}" in printed
    with (folder / "mcim_questionnaire_2018.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(r for r in rows if r["_uuid"] == questionnaire.id)
    assert row[Q5_DOC] == "'" + name  # a leading = is neutralised in CSV, as every text is
    assert (folder / "attachments" / questionnaire.id / name).read_bytes() == PDF


def test_kobo_json_lists_the_attachments_and_reads_back(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    name = attached(db, questionnaire, tmp_path)
    out = tmp_path / "json" / "submissions.json"
    submissions.export_submissions(db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    entry = next(s for s in data if s["meta/instanceID"] == f"uuid:{questionnaire.id}")
    url = f"attachments/{questionnaire.id}/{name}"
    assert entry[Q5_DOC] == name
    assert entry["_attachments"] == [{"filename": url, "media_file_basename": name, "mimetype": "application/pdf",
                                      "download_url": url, "question_xpath": Q5_DOC}]
    assert (out.parent / url).read_bytes() == PDF
    # imported into another database: the answers come back, and the files beside the JSON
    from mcim_desk.services.startup import open_database

    target, _ = open_database(str(tmp_path / "target.sqlite3"))
    try:
        submissions.import_submissions(target, out, "tester")
        assert responses.answers(target, questionnaire.id)[Q5_DOC] == name
        assert attachments.read_bytes(target, questionnaire.id, name) == PDF
        assert attachments.file_info(target, questionnaire.id, name).original_name == name
    finally:
        target.dispose()
    # without the folder beside it, the answers still come back, and say their file is missing
    alone = tmp_path / "alone" / "submissions.json"
    alone.parent.mkdir()
    alone.write_bytes(out.read_bytes())
    bare, _ = open_database(str(tmp_path / "bare.sqlite3"))
    try:
        submissions.import_submissions(bare, alone, "tester")
        assert responses.answers(bare, questionnaire.id)[Q5_DOC] == name
        assert attachments.file_info(bare, questionnaire.id, name) is None
    finally:
        bare.dispose()


def test_a_file_beside_the_json_that_fails_its_check_refuses_the_import(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.services.startup import open_database

    name = attached(db, questionnaire, tmp_path)
    out = tmp_path / "json" / "submissions.json"
    submissions.export_submissions(db, out)
    (out.parent / "attachments" / questionnaire.id / name).write_bytes(b"")  # emptied on the way
    target, _ = open_database(str(tmp_path / "target.sqlite3"))
    try:
        with pytest.raises(submissions.SubmissionError) as caught:
            submissions.import_submissions(target, out, "tester")
        assert str(caught.value).startswith("submissions.json (Kobo export): submission 1")
        assert f"“{name}” is empty: nothing was attached to “Adopted document (optional)" in str(caught.value)
        assert responses.responses_of(target, questionnaire.mechanism_id) == []
    finally:
        target.dispose()


def test_the_profile_report_prints_the_file_name_not_the_file(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.services import reports as report_service

    name = attached(db, questionnaire, tmp_path)
    path = report_service.build_report(db, "profile", "en", tmp_path / "profile.pdf",
                                       mechanism=_acronym(db, questionnaire))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Adopted document (optional)" in text and name in text
    assert "adoptee a Rabat" not in text and b"%PDF-1.4\n% Position" not in path.read_bytes()


def _acronym(db, questionnaire) -> str:  # noqa: ANN001
    from mcim_desk.services.catalogue import mechanism_rows

    return next(m.acronym_en for m in mechanism_rows(db) if m.id == questionnaire.mechanism_id)


def test_the_blank_questionnaire_says_to_send_the_file_with_it(db, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.services import reports as report_service

    for lang, wanted in (("en", "Send the file with the questionnaire (name it here):"),
                         ("fr", "Envoyez le fichier avec le questionnaire (indiquez son nom ici)")):
        path = report_service.build_report(db, "blank-questionnaire", lang, tmp_path / f"blank-{lang}.pdf")
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
        assert text.count(wanted) == 2, lang  # Q5's and Q16's documents


def test_the_fillable_pdf_asks_for_the_file_and_still_reads_back(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.services import pdf_forms

    name = attached(db, questionnaire, tmp_path)
    out = tmp_path / "questionnaire.pdf"
    pdf_forms.make_questionnaire_pdf(db, _acronym(db, questionnaire), "en", out, with_answers=True)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert text.count("Send the file with this PDF when you return it.") == 2
    fields = PdfReader(out).get_fields() or {}
    assert not any("document" in key for key in fields)  # no field pretends to hold a file
    assert name not in text
