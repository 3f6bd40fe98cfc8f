"""The fillable questionnaire PDF as written: field names and kinds, the hidden identity
field, pre-filled values, the "Answer only if" lines, whole questions on one page; and the
reading of fields back into answers (without a child process: raw fields built here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from mcim_desk.exchange.pdf_form import (
    CHECKED_STATE,
    META_FIELD,
    base_content,
    expected_fields,
    field_values,
    interpret,
    rows_needed,
)
from mcim_desk.exchange.pdf_form_writer import QuestionnairePdfData, write_questionnaire_pdf
from mcim_desk.exchange.pdf_reader import RawField
from mcim_desk.forms.loader import load_xlsform
from mcim_desk.paths import resource_path

HIDDEN_FLAG = 1 << 1
READ_ONLY = 1
MULTILINE = 1 << 12
RADIO = 1 << 15

ANSWERS = {
    "section_1/q1": "Processus d’Almaty <b>=1+2</b>",
    "section_1/q2": "Kazakhstan\nMme Ibáñez, ministre",
    "section_2/q4": "en_cours",
    "section_2/q11": "objective_3 objective_23",
    "section_3/q18": "2019-03-01",
    "section_4/q25[1]": "",
    "section_4/q25[1]/category": "academia",
    "section_4/q25[1]/partner_name": "Université A",
    "section_4/q25[2]": "",
    "section_4/q25[2]/category": "academia",
    "section_4/q25[2]/partner_name": "Université B",
    "section_4/q25[2]/nature": "Études",
}


@pytest.fixture(scope="module")
def definition():  # noqa: ANN201
    return load_xlsform(resource_path("resources", "forms", "mcim_questionnaire_2018.md"))


def make_pdf(definition, tmp: Path, lang: str, answers: dict[str, str] | None = None) -> Path:  # noqa: ANN001
    answers = answers or {}
    values = field_values(definition, answers)
    meta = {"format": 1, "form_id": definition.form_id, "form_version": definition.version,
            "mechanism": "almaty_process", "response_id": "r-1", "lang": lang, "base": values}
    data = QuestionnairePdfData(
        definition=definition, lang=lang, mechanism="Almaty Process — Almaty Process on …",
        mechanism_short="Almaty Process", values=values, rows=rows_needed(definition, answers),
        meta=meta, generated_label="Generated today",
    )
    return write_questionnaire_pdf(data, tmp / f"q-{lang}.pdf")


def widgets_by_name(reader: PdfReader) -> dict[str, list[tuple[int, dict]]]:
    """Field name -> [(page index, widget)] (a radio button's name is its group's)."""
    found: dict[str, list[tuple[int, dict]]] = {}
    for number, page in enumerate(reader.pages):
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            name = widget.get("/T")
            if name is None and "/Parent" in widget:
                name = widget["/Parent"].get_object().get("/T")
            if name is not None:
                found.setdefault(str(name), []).append((number, widget))
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fields_have_the_expected_names_and_kinds(definition, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    reader = PdfReader(make_pdf(definition, tmp_path, lang))
    fields = reader.get_fields()
    expected = set(expected_fields(definition)) | {META_FIELD}
    assert set(fields) == expected
    # text fields, multi-line where the form says so, a date
    assert fields["section_1/q1"]["/FT"] == "/Tx" and not fields["section_1/q1"].get("/Ff", 0) & MULTILINE
    assert fields["section_2/q5"]["/Ff"] & MULTILINE
    assert fields["section_3/q18"]["/FT"] == "/Tx"
    assert "section_3/q19/q19_data_exchange" in fields and "section_3/q19/q19_awareness" in fields
    # select_one: radio groups whose buttons export the choice codes
    widgets = widgets_by_name(reader)
    for path, codes in {"section_2/q4": {"oui", "non", "en_cours"},
                        "section_3/q17": {"oui", "non", "deja_fait", "ne_sait_pas"},
                        "section_4/q27": {"oui", "non", "existe", "ne_sait_pas"}}.items():
        assert fields[path]["/FT"] == "/Btn" and fields[path]["/Ff"] & RADIO
        states = {str(s)[1:] for _page, w in widgets[path] for s in w["/AP"]["/N"] if s != "/Off"}
        assert states == codes
    # select_multiple: check boxes, 6 themes, 10 principles, 23 objectives
    for path, prefix, count in (("section_2/q9", "theme", 6), ("section_2/q10", "principle", 10),
                                ("section_2/q11", "objective", 23)):
        boxes = [name for name in fields if name.startswith(path + "/")]
        assert sorted(boxes) == sorted(f"{path}/{prefix}_{n}" for n in range(1, count + 1))
        for name in boxes:
            assert fields[name]["/FT"] == "/Btn" and not fields[name].get("/Ff", 0) & RADIO
    # Q25: 3 rows x 8 partner categories, a name and a nature each
    rows = [name for name in fields if name.startswith("section_4/q25/")]
    assert len(rows) == 8 * 3 * 2
    assert "section_4/q25/academia/3/nature" in rows and "section_4/q25/other_iscms/1/partner_name" in rows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hidden_identity_field_and_document_properties(definition, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    reader = PdfReader(make_pdf(definition, tmp_path, lang))
    fields = reader.get_fields()
    meta = json.loads(fields[META_FIELD]["/V"])
    assert meta["form_id"] == "mcim_questionnaire_2018" and meta["form_version"] == "2018.1"
    assert meta["mechanism"] == "almaty_process" and meta["response_id"] == "r-1" and meta["lang"] == lang
    (_page, widget), = widgets_by_name(reader)[META_FIELD]
    assert widget["/F"] & HIDDEN_FLAG and widget["/Ff"] & READ_ONLY
    info = reader.metadata
    assert info["/MCIMFormId"] == "mcim_questionnaire_2018" and info["/MCIMFormVersion"] == "2018.1"
    assert info["/MCIMMechanism"] == "almaty_process" and info["/MCIMResponseId"] == "r-1"
    assert reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"]


def test_prefilled_values_are_in_the_fields(definition, tmp_path: Path) -> None:  # noqa: ANN001
    reader = PdfReader(make_pdf(definition, tmp_path, "fr", ANSWERS))
    fields = reader.get_fields()
    assert fields["section_1/q1"]["/V"] == "Processus d’Almaty <b>=1+2</b>"
    assert fields["section_1/q2"]["/V"] == "Kazakhstan\nMme Ibáñez, ministre"
    assert fields["section_2/q4"]["/V"] == "/en_cours"
    assert fields["section_2/q11/objective_3"]["/V"] == "/" + CHECKED_STATE
    assert fields["section_2/q11/objective_23"]["/V"] == "/" + CHECKED_STATE
    assert fields["section_2/q11/objective_4"]["/V"] == "/Off"
    assert fields["section_4/q25/academia/1/partner_name"]["/V"] == "Université A"
    assert fields["section_4/q25/academia/2/nature"]["/V"] == "Études"
    assert fields["section_4/q25/academia/1/nature"].get("/V") in (None, "")


def test_more_rows_when_earlier_answers_need_them(definition, tmp_path: Path) -> None:  # noqa: ANN001
    answers = {}
    for index in range(1, 6):
        answers[f"section_4/q25[{index}]"] = ""
        answers[f"section_4/q25[{index}]/category"] = "private_sector"
        answers[f"section_4/q25[{index}]/partner_name"] = f"Firm {index}"
    fields = PdfReader(make_pdf(definition, tmp_path, "en", answers)).get_fields()
    assert fields["section_4/q25/private_sector/5/partner_name"]["/V"] == "Firm 5"
    assert "section_4/q25/academia/4/partner_name" not in fields


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sixty_partners_in_one_category_run_over_pages(definition, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    """Found by the PDF round-trip law: the partners' table was one block, and more rows of
    one category than a page holds ended in reportlab's LayoutError (a traceback)."""
    answers = {}
    for index in range(1, 61):
        answers[f"section_4/q25[{index}]"] = ""
        answers[f"section_4/q25[{index}]/category"] = "academia"
        answers[f"section_4/q25[{index}]/partner_name"] = f"Université {index}"
    reader = PdfReader(make_pdf(definition, tmp_path, lang, answers))
    fields = reader.get_fields()
    names = {f"section_4/q25/academia/{row}/partner_name" for row in range(1, 61)}
    assert {name: fields[name]["/V"] for name in names} == {
        f"section_4/q25/academia/{row}/partner_name": f"Université {row}" for row in range(1, 61)
    }
    pages = {page for name in names for page, _widget in widgets_by_name(reader)[name]}
    assert len(pages) >= 2  # the table continues on the next page(s), under its headings


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["Answer only if the answer to question 4 is “Yes” or “In progress, not yet final”.",
            "Answer only if the answer to question 15 is “Yes”.",
            "Answer only if the answer to question 17 is “Yes”.",
            "Answer only if the answer to question 27 is “Yes” or “Exists”."]),
    ("fr", ["Répondez uniquement si la réponse à la question 4 est « Oui » ou « En cours, pas encore définitif ».",
            "Répondez uniquement si la réponse à la question 15 est « Oui ».",
            "Répondez uniquement si la réponse à la question 27 est « Oui » ou « Existe »."]),
])
def test_conditional_questions_say_when_to_answer(definition, tmp_path: Path, lang: str, lines: list[str]) -> None:  # noqa: ANN001
    reader = PdfReader(make_pdf(definition, tmp_path, lang))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    for line in lines:
        assert line in text
    # q5..q11 (and the note before q9) all carry the condition on question 4
    condition = lines[0]
    assert text.count(condition) >= 8


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_question_is_split_across_pages(definition, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    for answers in ({}, ANSWERS):
        reader = PdfReader(make_pdf(definition, tmp_path, lang, answers))
        assert len(reader.pages) > 4
        pages_text = [flat(page.extract_text()) for page in reader.pages]
        widgets = widgets_by_name(reader)
        specs = expected_fields(definition, rows_needed(definition, answers))
        checked = 0
        for question in definition.numbered_questions() + [definition.by_name("submitted_by")]:
            start = flat(question.label(lang))[:45]
            label_pages = [n for n, text in enumerate(pages_text) if start in text]
            assert len(label_pages) == 1, (question.name, start)
            names = [name for name, spec in specs.items()
                     if spec.path == question.path or spec.path.startswith(question.path + "/")
                     or spec.repeat == question.path]
            assert names, question.name
            field_pages = {page for name in names for page, _w in widgets[name]}
            assert field_pages == {label_pages[0]}, (question.name, field_pages, label_pages)
            checked += 1
        assert checked == 29


def raw(name: str, value: object, kind: str = "text", ftype: str = "Tx", flags: int = 0) -> RawField:
    return RawField(name, ftype, flags, value, kind)


def fields_for(definition, answers: dict[str, str]) -> dict[str, RawField]:  # noqa: ANN001
    """Raw fields as a reader returns them for a PDF that shows ``answers``."""
    values = field_values(definition, answers)
    out = {}
    for name, spec in expected_fields(definition, rows_needed(definition, answers)).items():
        value = values.get(name)
        if spec.kind == "checkbox":
            out[name] = raw(name, value or "Off", "name", "Btn")
        elif spec.kind == "radio":
            out[name] = raw(name, value or "Off", "name", "Btn", RADIO)
        else:
            out[name] = raw(name, value, "text" if value is not None else "none")
    out[META_FIELD] = raw(META_FIELD, json.dumps({"format": 1, "form_id": definition.form_id}))
    return out


def test_reading_fields_back_gives_the_answers(definition) -> None:  # noqa: ANN001
    content = interpret(definition, fields_for(definition, ANSWERS))
    assert content.problems == ()
    assert content.meta["form_id"] == definition.form_id
    for path in ("section_1/q1", "section_1/q2", "section_2/q4", "section_2/q11", "section_3/q18"):
        assert content.values[path] == ANSWERS[path]
    assert content.values["section_2/q9"] is None and content.values["section_1/q3"] is None
    rows = content.rows["section_4/q25"]
    assert rows[("academia", 1)] == {"partner_name": "Université A"}
    assert rows[("academia", 2)] == {"partner_name": "Université B", "nature": "Études"}
    assert rows[("academia", 3)] == {} and rows[("other_iscms", 1)] == {}
    base = base_content(definition, field_values(definition, ANSWERS))
    assert base.values["section_2/q11"] == "objective_3 objective_23" and base.problems == ()


def test_line_ends_from_readers_become_newlines(definition) -> None:  # noqa: ANN001
    fields = fields_for(definition, {})
    fields["section_1/q2"] = raw("section_1/q2", "one\r\ntwo\rthree")
    fields["section_3/q18"] = raw("section_3/q18", "  2019-01-02 ")
    content = interpret(definition, fields)
    assert content.values["section_1/q2"] == "one\ntwo\nthree"
    assert content.values["section_3/q18"] == "2019-01-02"


def test_missing_unknown_and_wrongly_typed_fields_are_reported_per_field(definition) -> None:  # noqa: ANN001
    fields = fields_for(definition, {})
    del fields["section_3/q14"]
    fields["section_3/q20_old"] = fields.pop("section_3/q20")
    fields["section_2/q11/objective_5"] = raw("section_2/q11/objective_5", "hello")  # text in a check box
    fields["section_3/q21"] = raw("section_3/q21", "Yes", "name", "Btn")  # a check box where text goes
    fields["section_3/q13"] = raw("section_3/q13", "peut_etre", "name", "Btn", RADIO)
    fields["section_2/q10/principle_2"] = raw("section_2/q10/principle_2", "Maybe", "name", "Btn")
    fields["section_4/q25/academia/9/partner_name"] = raw("section_4/q25/academia/9/partner_name", "Extra row")
    fields["section_4/q25/pirates/1/partner_name"] = raw("section_4/q25/pirates/1/partner_name", "X")
    content = interpret(definition, fields)
    found = {(p.field, p.kind) for p in content.problems}
    assert ("section_3/q14", "missing") in found
    assert ("section_3/q20", "missing") in found and ("section_3/q20_old", "unknown") in found
    assert ("section_2/q11/objective_5", "type") in found
    assert ("section_3/q21", "type") in found
    assert ("section_3/q13", "type") in found
    assert ("section_4/q25/pirates/1/partner_name", "unknown") in found
    assert ("section_4/q25/academia/9/partner_name", "unknown") not in found  # an extra row is fine
    assert content.rows["section_4/q25"][("academia", 9)] == {"partner_name": "Extra row"}
    assert "section_3/q13" not in content.values and "section_3/q21" not in content.values
    messages = {p.field: p.message for p in content.problems}
    assert re.search("check box", messages["section_2/q11/objective_5"])
    assert "choices" in messages["section_3/q13"]


@pytest.mark.parametrize(
    ("raw", "plain"),
    [("/oui", "oui"), ("oui", "oui"), ("/en#5Fcours", "en_cours"), ("/ne#20sait#20pas", "ne sait pas"),
     ("/#C3#A9t#C3#A9", "été"), ("/#E9t#E9", "été"), ("/a#23b", "a#b"), ("/", ""), ("/#zz", "#zz")],
)
def test_pdf_name_values_are_read_as_plain_text(raw: str, plain: str) -> None:
    from mcim_desk.exchange.pdf_form import pdf_name_value

    assert pdf_name_value(raw) == plain
