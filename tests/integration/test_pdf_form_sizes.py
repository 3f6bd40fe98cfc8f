"""The fillable questionnaire on paper (issue 12): any number of Q25 partners flows onto
further pages (12 and 60 in one category, read back field by field with pypdf), and Q1 never
repeats an acronym the mechanism's name already holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from mcim_desk.services import catalogue, responses


def run_cli(*argv: str) -> int:
    from mcim_desk.cli import main

    return main(list(argv))


@pytest.mark.parametrize("count", [12, 60])
def test_many_partners_in_one_category_flow_onto_further_pages(db_path: Path, tmp_path: Path,
                                                               count: int, capsys) -> None:  # noqa: ANN001
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path))
    mechanism = catalogue.find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, mechanism.id, "tester")
    expected = {}
    for n in range(1, count + 1):
        base = f"section_4/q25[{n}]"
        responses.save_answer(db, response.id, f"{base}/category", "academia", "tester")
        responses.save_answer(db, response.id, f"{base}/partner_name", f"Université n° {n}", "tester")
        expected[f"section_4/q25/academia/{n}/partner_name"] = f"Université n° {n}"
    # and one partner in another category, after academia in the form's order
    responses.save_answer(db, response.id, f"section_4/q25[{count + 1}]/category", "migrants_diasporas", "tester")
    responses.save_answer(db, response.id, f"section_4/q25[{count + 1}]/partner_name", "Diaspora Łódź", "tester")
    db.dispose()

    out = tmp_path / f"midsa-{count}.pdf"
    assert run_cli("--db", str(db_path), "--lang", "fr", "questionnaire", "pdf", "--mechanism", "MIDSA",
                   "--with-answers", "--out", str(out)) == 0
    assert "Traceback" not in capsys.readouterr().err
    reader = PdfReader(out)
    fields = reader.get_fields()
    for name, value in expected.items():
        assert fields[name].get("/V") == value, name
    assert f"section_4/q25/academia/{count + 1}/partner_name" not in fields  # no spare row beyond the answers
    diaspora = [f for f in fields if f.startswith("section_4/q25/migrants_diasporas/") and f.endswith("/partner_name")]
    assert any(fields[f].get("/V") == "Diaspora Łódź" for f in diaspora)
    # every field sits on a page, once
    widgets = [a.get_object().get("/T") for page in reader.pages for a in page.get("/Annots", [])]
    named = [w for w in widgets if w and str(w).startswith("section_4/q25/academia/")]
    assert len(named) == len(set(named)) == count * 2  # partner name and nature per row
    text = " ".join(page.extract_text() for page in reader.pages)
    if count == 60:
        assert "Milieux universitaires (suite)" in text  # the category goes on on the next page


def test_q1_does_not_repeat_the_acronym(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "rabat.pdf"
    assert run_cli("--db", str(db_path), "--lang", "fr", "questionnaire", "pdf", "--mechanism",
                   "Processus de Rabat", "--out", str(out)) == 0
    value = PdfReader(out).get_fields()["section_1/q1"].get("/V")
    assert value == "Dialogue euro-africain sur la migration et le développement (Processus de Rabat)"
    out_en = tmp_path / "midsa.pdf"
    assert run_cli("--db", str(db_path), "--lang", "en", "questionnaire", "pdf", "--mechanism", "MIDSA",
                   "--out", str(out_en)) == 0
    assert PdfReader(out_en).get_fields()["section_1/q1"].get("/V") == "Migration Dialogue for Southern Africa (MIDSA)"
