"""`mcim-desk forms ...` and `mcim-desk responses ...`."""

from __future__ import annotations

import json
from pathlib import Path

from mcim_desk.cli import main
from mcim_desk.paths import resource_path

FORMS = resource_path("resources", "forms")


def test_forms_validate_prints_the_question_count(capsys) -> None:  # noqa: ANN001
    assert main(["forms", "validate", str(FORMS / "mcim_questionnaire_2018.md")]) == 0
    assert "35 questions" in capsys.readouterr().out
    assert main(["forms", "validate", str(FORMS / "mcim_interview_2018.md")]) == 0
    assert "11 questions" in capsys.readouterr().out


def test_forms_validate_a_broken_file_exits_1_with_the_row(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    broken = tmp_path / "broken.md"
    broken.write_text(
        "| survey | | | |\n| | type | name | label | relevant |\n| | text | a | A | |\n"
        "| | text | b | B | concatenate(${a}, 'x') = 'ax' |\n",
        encoding="utf-8",
    )
    assert main(["forms", "validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "broken.md: row 3: unknown function concatenate() in relevant" in err


def test_a_file_named_xlsx_that_is_no_workbook_is_called_what_it_is(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """pyxform's own message named its internal argument ('definition' was not recognized...)."""
    import zipfile

    (tmp_path / "notes.xlsx").write_text("type,name,label\ntext,a,A\n", encoding="utf-8")
    (tmp_path / "scan.xlsx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")
    with zipfile.ZipFile(tmp_path / "letter.xlsx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "cut.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(200)))
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "noise.xlsx").write_bytes(bytes(range(256)) * 4)
    expected = {
        "notes.xlsx": "notes.xlsx is not an Excel workbook (.xlsx): it is a text file (if it is a CSV or "
                      "markdown form, name it .csv or .md).",
        "scan.xlsx": "scan.xlsx is not an Excel workbook (.xlsx): it is a PDF document.",
        "letter.xlsx": "letter.xlsx is not an Excel workbook (.xlsx): it is a Word document.",
        "cut.xlsx": "cut.xlsx: a damaged or truncated zip archive, not a readable Excel workbook",
        "empty.xlsx": "empty.xlsx is not an Excel workbook (.xlsx): it is an empty file.",
        "noise.xlsx": "noise.xlsx is not an Excel workbook (.xlsx): it is a file of another kind, or a "
                      "damaged one.",
    }
    for name, words in expected.items():
        for command in (["forms", "validate"], ["--db", str(db_path), "forms", "add"]):
            assert main([*command, str(tmp_path / name)]) == 1
            err = capsys.readouterr().err
            assert words in err
            assert "definition" not in err and "Traceback" not in err
    assert main(["--db", str(db_path), "forms", "list"]) == 0
    assert "notes.xlsx" not in capsys.readouterr().out


def test_a_csv_of_choices_or_data_is_not_taken_for_a_form(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """A choices or data CSV (as sits beside a form: name_key,name / mango,Mango) made pyxform
    fail inside with a TypeError that reached the user as 'TypeError: DefinitionData...'."""
    (tmp_path / "fruits.csv").write_text("name_key,name\nmango,Mango\norange,Orange\n", encoding="utf-8")
    (tmp_path / "places.md").write_text("| | name | label |\n| | a | A |\n", encoding="utf-8")
    for name in ("fruits.csv", "places.md"):
        for command in (["forms", "validate"], ["--db", str(db_path), "forms", "add"]):
            assert main([*command, str(tmp_path / name)]) == 1
            err = capsys.readouterr().err
            assert f"{name} has no “survey” sheet: it is not an XLSForm" in err
            assert "TypeError" not in err and "DefinitionData" not in err and "Traceback" not in err


def test_forms_add_and_list(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    form = tmp_path / "extra.md"
    form.write_text(
        "| survey | | | |\n| | type | name | label |\n| | text | q1 | One |\n| | text | q2 | Two |\n\n"
        "| settings | | |\n| | form_id | version |\n| | extra | 1 |\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db_path), "forms", "add", str(form)]) == 0
    assert "added extra version 1: 2 questions" in capsys.readouterr().out
    assert main(["--db", str(db_path), "forms", "add", str(form)]) == 0
    assert "already installed" in capsys.readouterr().out
    form.write_text(form.read_text(encoding="utf-8").replace("One", "Uno"), encoding="utf-8")
    assert main(["--db", str(db_path), "forms", "add", str(form)]) == 1
    assert "already installed with different content" in capsys.readouterr().err
    assert main(["--db", str(db_path), "forms", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:4] for line in lines] == [
        ["extra", "1", "other", "2"],
        ["mcim_interview_2018", "2018.1", "interview", "11"],
        ["mcim_questionnaire_2018", "2018.1", "questionnaire", "35"],
    ]


def test_responses_export_and_import(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import mechanism_rows
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    mechanism = mechanism_rows(db)[3]
    info = responses.open_questionnaire(db, mechanism.id, "tester")
    responses.save_answer(db, info.id, "section_1/q1", "Conférence régionale <sur> & = migrations", "tester")
    db.dispose()
    out = tmp_path / "out.json"
    assert main(["--db", str(db_path), "responses", "export", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip().endswith(": 1")
    assert json.loads(out.read_text(encoding="utf-8"))[0]["section_1/q1"] == (
        "Conférence régionale <sur> & = migrations"
    )
    assert main(["--db", str(db_path), "responses", "export", "--out", str(out), "--form", "nope"]) == 1
    assert "unknown form" in capsys.readouterr().err

    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "responses", "import", str(out)]) == 0
    assert "Submissions read (Kobo export): 1; created: 1, updated: 0, unchanged: 0" in capsys.readouterr().out
    assert main(["--db", str(other), "responses", "import", str(out)]) == 0
    assert "created: 0, updated: 0, unchanged: 1" in capsys.readouterr().out

    # a value that fails the form's checks is kept as typed (as the window keeps it), and said
    data = json.loads(out.read_text(encoding="utf-8"))
    data[0]["section_2/q4"] = "maybe"
    out.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--db", str(other), "responses", "import", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "created: 0, updated: 1, unchanged: 0" in printed
    assert "kept as typed, to correct (the response stays a draft): submission 1, “section_2/q4”: " in printed
    assert "“maybe” is not one of the choices." in printed
    # a value that is not text at all is still refused, naming it
    data[0]["section_2/q4"] = {"maybe": True}
    out.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--db", str(other), "responses", "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert "submission 1" in err and "section_2/q4" in err and "maybe" in err
