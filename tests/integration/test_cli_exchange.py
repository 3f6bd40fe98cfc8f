"""`mcim-desk export` and `mcim-desk import` with bundles: plan printed, conflicts listed for
the window, passphrase files, refusals with their message and exit code."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from mcim_desk.cli import main
from mcim_desk.services import catalogue, responses
from mcim_desk.services import exchange_conflicts as conflicts
from mcim_desk.services.backups import backup_to
from mcim_desk.services.startup import open_database

Q4 = "section_2/q4"


@pytest.fixture
def two(tmp_path: Path) -> dict:
    start_path = tmp_path / "start.sqlite3"
    start, _ = open_database(str(start_path))
    rabat = catalogue.find_mechanism(start, "Rabat Process").id
    response = responses.open_questionnaire(start, rabat, "secretariat").id
    start.dispose()
    a = backup_to(start_path, tmp_path / "a.sqlite3")
    b = backup_to(start_path, tmp_path / "b.sqlite3")
    return {"a": a, "b": b, "response": response}


def test_export_and_import_with_a_passphrase_file(two: dict, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    secret = tmp_path / "secret.txt"
    secret.write_text("phrase de passe « longue »\n", encoding="utf-8")
    b, _ = open_database(str(two["b"]), backup=False)
    responses.save_answer(b, two["response"], Q4, "en_cours", "bob")
    b.dispose()
    a, _ = open_database(str(two["a"]), backup=False)
    responses.save_answer(a, two["response"], Q4, "oui", "alice")
    responses.save_answer(a, two["response"], "section_3/q13", "oui", "alice")
    a.dispose()
    out = tmp_path / "usb" / "b.mcimz"
    assert main(["export", "--db", str(two["b"]), "--format", "bundle", "--out", str(out),
                 "--passphrase-file", str(secret), "--since-last"]) == 0
    printed = capsys.readouterr().out
    assert "encrypted" in printed and "everything (no earlier bundle" in printed
    assert main(["import", "--db", str(two["a"]), str(out), "--passphrase-file", str(secret)]) == 0
    printed = capsys.readouterr().out
    assert "conflicts: 1" in printed
    assert "conflict: Rabat Process — questionnaire — 4. Has your ISCM formulated" in printed
    assert "here: “Yes” (alice," in printed and "in the bundle: “In progress" in printed
    assert "wait for a choice in the window" in printed
    a, _ = open_database(str(two["a"]), backup=False)
    assert responses.answers(a, two["response"])[Q4] == "oui"
    assert len(conflicts.pending_conflicts(a)) == 1
    a.dispose()
    # Again: nothing to import.
    assert main(["import", "--db", str(two["a"]), str(out), "--passphrase-file", str(secret)]) == 0
    assert "nothing to import" in capsys.readouterr().out


def test_refusals_name_the_problem(two: dict, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "b.mcimz"
    right, wrong = tmp_path / "right.txt", tmp_path / "wrong.txt"
    right.write_text("right", encoding="utf-8")
    wrong.write_text("wrong", encoding="utf-8")
    assert main(["export", "--db", str(two["b"]), "--format", "bundle", "--out", str(out),
                 "--passphrase-file", str(right)]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(two["a"])
    before = list(conn.iterdump())
    conn.close()
    assert main(["import", "--db", str(two["a"]), str(out), "--passphrase-file", str(wrong)]) == 1
    assert "wrong passphrase" in capsys.readouterr().err
    assert main(["import", "--db", str(two["a"]), str(out)]) == 1
    assert "passphrase is needed" in capsys.readouterr().err
    truncated = tmp_path / "cut.mcimz"
    truncated.write_bytes(out.read_bytes()[:100])
    assert main(["import", "--db", str(two["a"]), str(truncated), "--passphrase-file", str(right)]) == 1
    assert "truncated" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert main(["import", "--db", str(two["a"]), str(out), "--passphrase-file", str(empty)]) == 1
    assert "is empty" in capsys.readouterr().err
    conn = sqlite3.connect(two["a"])
    after = list(conn.iterdump())
    conn.close()
    assert after == before


def test_pdf_commands_go_to_their_module(db_path: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """`import FILE.pdf` and `questionnaire` are handed to mcim_desk.cli_pdfform (issue 7)."""
    import types

    calls = []
    module = types.ModuleType("mcim_desk.cli_pdfform")
    module.run_import_pdf = lambda args: calls.append(("import", args.file.name)) or 7
    module.run_questionnaire = lambda args: calls.append(("questionnaire", args.action)) or 8
    monkeypatch.setitem(sys.modules, "mcim_desk.cli_pdfform", module)
    pdf = tmp_path / "filled.PDF"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert main(["import", "--db", str(db_path), str(pdf)]) == 7
    assert main(["questionnaire", "--db", str(db_path), "pdf", "--mechanism", "PAFoM", "--out",
                 str(tmp_path / "q.pdf")]) == 8
    assert calls == [("import", "filled.PDF"), ("questionnaire", "pdf")]


def test_pdf_commands_say_when_they_are_missing(db_path: Path, tmp_path: Path, capsys,
                                               monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setitem(sys.modules, "mcim_desk.cli_pdfform", None)  # import fails
    pdf = tmp_path / "filled.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert main(["import", "--db", str(db_path), str(pdf)]) == 2
    assert "not available" in capsys.readouterr().err
    assert main(["questionnaire", "--db", str(db_path), "pdf", "--mechanism", "PAFoM", "--out",
                 str(tmp_path / "q.pdf")]) == 2
    assert "not available" in capsys.readouterr().err
