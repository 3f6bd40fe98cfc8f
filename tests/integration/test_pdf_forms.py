"""The fillable questionnaire (services/pdf_forms.py and pdf_returns.py), end to end: generated from the database in both languages,
filled as a respondent would (pypdf's form filling, and pdftk, a second independent tool),
imported back; the review plan, the single-transaction save, the audit; files that are
wrong (another form version, another mechanism, fields missing, renamed or of the wrong
type) reported per field; hostile files (too big, decompression bomb, reference loops,
broken cross references, truncated, encrypted) each ending in their message within the
reader's time limit; the command line."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import time
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject, TextStringObject

from mcim_desk.exchange import pdf_reader
from mcim_desk.services import catalogue, responses
from mcim_desk.services.catalogue import ContactInfo
from mcim_desk.services.pdf_forms import PdfFormError, make_questionnaire_pdf
from mcim_desk.services.pdf_returns import apply_pdf_import, preview_pdf_import

# What a respondent types and ticks (field name -> value); the answers it must give.
TEXT = {
    "section_2/q5": "https://example.org/position <b>gras</b> & =1+2",
    "section_2/q6": "Réunion ministérielle d’Almaty, 2018-06-12\n« Déclaration »",
    "section_3/q14": "=SUM(A1:A9)",
    "section_3/q16": "Bilan 2019 — œuvre collective",
    "section_3/q18": "2019-03-01",
    "section_3/q19/q19_data_exchange": "Échanges de données: Łódź, Zürich, São Paulo",
    "section_4/q25/academia/1/partner_name": "Université d’Almaty",
    "section_4/q25/academia/1/nature": "Études <script>",
    "section_4/q25/academia/2/partner_name": "Zhetysu University",
    "section_4/q25/private_sector/1/partner_name": "@Firm",
    "submission/submitted_by": "Aïgerim Nurlanovna",
    "submission/submission_date": "2018-11-05",
}
RADIOS = {"section_2/q4": "oui", "section_2/q7": "non", "section_3/q13": "ne_sait_pas",
          "section_3/q15": "oui", "section_3/q17": "oui", "section_4/q27": "existe"}
TICKS = ["section_2/q9/theme_1", "section_2/q9/theme_6", "section_2/q10/principle_2",
         "section_2/q11/objective_3", "section_2/q11/objective_23"]
EXPECTED = {
    "section_2/q5": TEXT["section_2/q5"],
    "section_2/q6": TEXT["section_2/q6"],
    "section_3/q14": TEXT["section_3/q14"],
    "section_3/q16": TEXT["section_3/q16"],
    "section_3/q18": "2019-03-01",
    "section_3/q19/q19_data_exchange": TEXT["section_3/q19/q19_data_exchange"],
    "submission/submitted_by": "Aïgerim Nurlanovna",
    "submission/submission_date": "2018-11-05",
    "section_2/q4": "oui", "section_2/q7": "non", "section_3/q13": "ne_sait_pas", "section_3/q15": "oui",
    "section_3/q17": "oui", "section_4/q27": "existe",
    "section_2/q9": "theme_1 theme_6", "section_2/q10": "principle_2",
    "section_2/q11": "objective_3 objective_23",
}
# in the order of the partner categories (private sector comes before academia)
PARTNERS = [("private_sector", "@Firm", None), ("academia", "Université d’Almaty", "Études <script>"),
            ("academia", "Zhetysu University", None)]


def fill_pdf(src: Path, dst: Path, text: dict[str, str], radios: dict[str, str] | None = None,
             ticks: list[str] | tuple[str, ...] = ()) -> Path:
    """Fill as a respondent's reader would: text through pypdf's form filling; check boxes
    and radio buttons by setting /V and /AS to the export value."""
    writer = PdfWriter(clone_from=str(src))
    radios = radios or {}
    for page in writer.pages:
        writer.update_page_form_field_values(page, text, auto_regenerate=False)
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            name = widget.get("/T")
            if name in ticks:
                widget[NameObject("/V")] = NameObject("/Yes")
                widget[NameObject("/AS")] = NameObject("/Yes")
            elif name is None and "/Parent" in widget:
                group = widget["/Parent"].get_object()
                code = radios.get(group.get("/T"))
                if code is not None:
                    states = [str(s) for s in widget["/AP"]["/N"]]
                    widget[NameObject("/AS")] = NameObject(f"/{code}" if f"/{code}" in states else "/Off")
                    group[NameObject("/V")] = NameObject(f"/{code}")
    writer.write(str(dst))
    return dst


def fdf(text: dict[str, str], names: dict[str, str]) -> bytes:
    """An FDF file (what pdftk fills forms from): text as UTF-16 hex strings, buttons as names."""
    def string(value: str) -> str:
        return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"

    def name(value: str) -> str:
        return "/" + "".join(c if c.isalnum() or c in "_-" else f"#{ord(c):02X}" for c in value)

    fields = [f"<< /T {string(k)} /V {string(v)} >>" for k, v in text.items()]
    fields += [f"<< /T {string(k)} /V {name(v)} >>" for k, v in names.items()]
    return ("%FDF-1.2\n1 0 obj\n<< /FDF << /Fields [\n" + "\n".join(fields)
            + "\n] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").encode("latin-1")


@pytest.fixture
def almaty(db):  # noqa: ANN001, ANN201
    """The Almaty Process with a chair country, a chair and a head of secretariat."""
    mechanism = catalogue.find_mechanism(db, "Almaty Process")
    catalogue.update_mechanism(db, mechanism.id, "chair_country", "Kazakhstan", "tester")
    for role, name, title, institution in (
        ("chair", "Mme Ibáñez", "Ministre", "Ministère du Travail"),
        ("secretariat_head", "Oğuz Ärnäs", "Head", "IOM Astana"),
    ):
        catalogue.save_contact(db, ContactInfo("", mechanism.id, role, name, title, institution, None, None, None, 0),
                               "tester")
    return mechanism


def by_key(plan) -> dict:  # noqa: ANN001
    return {change.key: change for change in plan.changes}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fill_with_pypdf_and_import_every_answer(db, almaty, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", lang, tmp_path / "blank.pdf")
    fields = PdfReader(blank).get_fields()
    assert fields["section_1/q1"]["/V"].startswith("Almaty Process" if lang == "en" else "Processus d’Almaty")
    assert fields["section_1/q2"]["/V"] == "Kazakhstan\nMme Ibáñez, Ministre, Ministère du Travail"
    assert fields["section_1/q3"]["/V"] == "Oğuz Ärnäs, Head, IOM Astana"
    filled = fill_pdf(blank, tmp_path / "filled.pdf", TEXT, RADIOS, TICKS)

    plan = preview_pdf_import(db, filled, lang)
    assert plan.mechanism_id == almaty.id and plan.response_id is None
    assert plan.problems == ()
    changes = by_key(plan)
    for path, value in EXPECTED.items():
        assert changes[path].pdf_value == value, path
        assert changes[path].db_value is None
    for path in ("section_1/q1", "section_1/q2", "section_1/q3"):
        assert changes[path].pdf_value == fields[path]["/V"]  # confirmed by the respondent
    assert changes["section_2/q4"].pdf_text == ("Oui" if lang == "fr" else "Yes")
    assert {k for k, c in changes.items() if c.kind == "row_add"} == {
        "section_4/q25/academia/1", "section_4/q25/academia/2", "section_4/q25/private_sector/1"}
    assert all(change.valid for change in plan.changes), [(c.key, c.message) for c in plan.changes if not c.valid]

    result = apply_pdf_import(db, plan, plan.valid_keys, "tester")
    held = responses.answers(db, result.response_id)
    for path, value in EXPECTED.items():
        assert held[path] == value, path
    partners = [(held[f"section_4/q25[{i}]/category"], held[f"section_4/q25[{i}]/partner_name"],
                 held.get(f"section_4/q25[{i}]/nature")) for i in (1, 2, 3)]
    assert partners == PARTNERS
    info = responses.response_info(db, result.response_id)
    assert info.source == "pdf" and info.status == "complete"
    history = responses.history(db, result.response_id)
    assert any(h.action == "import" and h.field == "file" and h.new == "filled.pdf" for h in history)
    assert any(h.action == "import" and h.field == "section_2/q5" for h in history)
    assert any(h.field == "source" and h.new == "pdf" for h in history)
    # the same file again: nothing differs
    again = preview_pdf_import(db, filled, lang)
    assert again.changes == () and again.unchanged == len(EXPECTED) + 3 + 3


def test_the_same_choices_in_another_order_are_no_change(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    """Found by the PDF round-trip law: choices saved in another order than the form's (as a
    JSON import keeps them) come back from the check boxes in the form's order; that is the
    same answer, not one "changed here since the file was made"."""
    info = responses.open_questionnaire(db, almaty.id, "tester")
    responses.save_answer(db, info.id, "section_2/q4", "oui", "tester")
    responses.save_answer(db, info.id, "section_2/q11", "objective_23 objective_3", "tester")
    written = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "with.pdf", with_answers=True)
    plan = preview_pdf_import(db, written, "en")
    assert "section_2/q11" not in by_key(plan)
    assert plan.newer_here == 0 and plan.unchanged >= 2
    assert responses.answers(db, info.id)["section_2/q11"] == "objective_23 objective_3"


def test_a_nul_character_in_a_field_cannot_be_saved(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 11: a NUL character from an edited PDF was accepted (and PostgreSQL refuses it
    with a raw error)."""
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    filled = fill_pdf(blank, tmp_path / "nul.pdf", {"section_3/q21": "Ba\x00li", "section_3/q22": "Bali",
                                                    "section_4/q25/academia/1/partner_name": "Uni\x00"})
    changes = by_key(preview_pdf_import(db, filled, "en"))
    for key in ("section_3/q21", "section_4/q25/academia/1"):
        assert not changes[key].savable and "NUL character" in changes[key].message, key
    assert changes["section_3/q22"].valid


@pytest.mark.skipif(shutil.which("pdftk") is None, reason="pdftk (Debian's pdftk-java) is not installed")
def test_a_pdf_filled_by_pypdf_alone_imports_every_answer(db, db_path: Path, almaty, tmp_path: Path,  # noqa: ANN001
                                                          capsys) -> None:  # noqa: ANN001
    """pypdf's update_page_form_field_values stores a radio button's value as the text "/oui"
    (not the name /oui): it is read as the choice, and the questions that depend on it stay."""
    blank = make_questionnaire_pdf(db, "Almaty Process", "fr", tmp_path / "blank.pdf")
    values = {"section_1/q1": "Almaty Process", "section_2/q4": "/en#5Fcours",
              "section_2/q5": "Déclaration d’Almaty", "section_2/q6": "2017", "section_2/q7": "/non",
              "section_2/q8": "/oui", "section_3/q13": "/ne_sait_pas", "section_3/q15": "/oui",
              "section_3/q16": "Plan", "section_3/q17": "/oui", "section_3/q18": "2019-03-01",
              "section_4/q27": "/existe", "section_4/q28": "Réseau"}
    writer = PdfWriter(clone_from=str(blank))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(str(filled))
    assert PdfReader(filled).get_fields()["section_2/q7"]["/V"] == "/non"  # a text string
    plan = preview_pdf_import(db, filled, "fr")
    assert [p.message for p in plan.problems] == []
    changes = by_key(plan)
    assert all(change.valid for change in plan.changes)
    assert changes["section_2/q4"].pdf_value == "en_cours" and changes["section_3/q13"].pdf_value == "ne_sait_pas"
    assert set(values) <= set(changes)
    assert run_cli("--db", str(db_path), "import", str(filled), "--accept-all") == 0
    assert "left out" not in capsys.readouterr().err
    held = responses.answers(db, responses.current_questionnaire(db, almaty.id).id)
    expected = {k: v.lstrip("/").replace("#5F", "_") for k, v in values.items()}
    assert {k: held.get(k) for k in expected} == expected


def test_a_pdf_filled_by_pdftk_imports(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", "fr", tmp_path / "blank.pdf")
    data = tmp_path / "answers.fdf"
    data.write_bytes(fdf(TEXT, {**RADIOS, **{name: "Yes" for name in TICKS}}))
    out = tmp_path / "pdftk.pdf"
    subprocess.run(["pdftk", str(blank), "fill_form", str(data), "output", str(out)], check=True,
                   capture_output=True, timeout=120)
    plan = preview_pdf_import(db, out, "fr")
    assert plan.problems == ()
    changes = by_key(plan)
    for path, value in EXPECTED.items():
        assert changes[path].pdf_value == value, path
    result = apply_pdf_import(db, plan, plan.valid_keys, "tester")
    held = responses.answers(db, result.response_id)
    assert {path: held.get(path) for path in EXPECTED} == EXPECTED
    assert held["section_4/q25[2]/partner_name"] == "Université d’Almaty"


def test_with_earlier_answers_only_the_respondents_changes_are_proposed(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    response = responses.open_questionnaire(db, almaty.id, "tester").id
    responses.save_answer(db, response, "section_1/q1", "Almaty Process", "tester")
    responses.save_answer(db, response, "section_2/q4", "oui", "tester")
    responses.save_answer(db, response, "section_2/q5", "Old link", "tester")
    responses.save_answer(db, response, "section_2/q12", "Plan A", "tester")
    responses.save_answer(db, response, "section_3/q14", "Some influence", "tester")
    for name in ("One", "Two", "Three", "Four"):
        responses.insert_repeat(db, response, "section_4/q25", "tester",
                                values={"category": "academia", "partner_name": name})
    blank = make_questionnaire_pdf(db, almaty.id, "en", tmp_path / "blank.pdf", with_answers=True)
    fields = PdfReader(blank).get_fields()
    assert fields["section_2/q5"]["/V"] == "Old link" and fields["section_2/q4"]["/V"] == "/oui"
    assert fields["section_4/q25/academia/4/partner_name"]["/V"] == "Four"
    assert fields["section_1/q3"]["/V"] == "Oğuz Ärnäs, Head, IOM Astana"  # from the card
    untouched = preview_pdf_import(db, blank, "en")
    assert {c.key for c in untouched.changes} == {"section_1/q2", "section_1/q3"}

    # here, after the file was sent: q14 changes; the respondent leaves q14 as it was
    responses.save_answer(db, response, "section_3/q14", "Much influence", "tester")
    filled = fill_pdf(blank, tmp_path / "back.pdf", {
        "section_2/q5": "New link", "section_2/q12": "",  # edited, erased
        "section_4/q25/academia/2/partner_name": "", "section_4/q25/academia/3/nature": "Joint research",
    })
    plan = preview_pdf_import(db, filled, "en")
    changes = by_key(plan)
    assert set(changes) == {"section_1/q2", "section_1/q3", "section_2/q5", "section_2/q12",
                            "section_4/q25/academia/2", "section_4/q25/academia/3"}
    assert changes["section_2/q12"].pdf_value is None and changes["section_2/q12"].db_value == "Plan A"
    assert changes["section_4/q25/academia/2"].kind == "row_remove"
    assert changes["section_4/q25/academia/3"].kind == "row_update"
    assert plan.newer_here == 1  # q14: kept as it is here
    result = apply_pdf_import(db, plan, ["section_2/q5", "section_2/q12", "section_4/q25/academia/2",
                                         "section_4/q25/academia/3"], "tester")
    assert result.changed >= 3 and result.rows_removed == 1
    held = responses.answers(db, response)
    assert held["section_2/q5"] == "New link" and "section_2/q12" not in held
    assert held["section_3/q14"] == "Much influence"
    names = [held.get(f"section_4/q25[{i}]/partner_name") for i in (1, 2, 3)]
    assert names == ["One", "Three", "Four"] and held["section_4/q25[2]/nature"] == "Joint research"
    assert "section_4/q25[4]" not in held


def test_rejected_answers_are_not_saved_and_everything_is_one_transaction(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    filled = fill_pdf(blank, tmp_path / "filled.pdf", {"section_2/q5": "Link", "section_3/q18": "next week"},
                      {"section_2/q4": "oui"})
    plan = preview_pdf_import(db, filled, "en")
    changes = by_key(plan)
    assert not changes["section_3/q18"].savable and "date" in changes["section_3/q18"].message
    assert "section_3/q18" not in plan.valid_keys
    with pytest.raises(responses.ResponseError):
        apply_pdf_import(db, plan, ["section_2/q4", "section_3/q18"], "tester")
    assert responses.current_questionnaire(db, almaty.id) is None  # nothing saved, nothing created
    result = apply_pdf_import(db, plan, ["section_2/q4"], "tester")
    held = responses.answers(db, result.response_id)
    assert held == {"section_2/q4": "oui"}
    # an edit here since the preview: the plan is stale, refused, nothing saved
    plan = preview_pdf_import(db, filled, "en")
    responses.save_answer(db, result.response_id, "section_2/q6", "Meanwhile", "tester")
    with pytest.raises(responses.ResponseError, match="changed since"):
        apply_pdf_import(db, plan, plan.valid_keys, "tester")
    assert responses.answers(db, result.response_id) == {"section_2/q4": "oui", "section_2/q6": "Meanwhile"}


def test_relevance_and_required_rules_apply_to_the_pdf(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    filled = fill_pdf(blank, tmp_path / "filled.pdf", {"section_1/q1": "", "section_2/q5": "A link",
                                                       "section_3/q18": "2017-05-01"},
                      {"section_2/q4": "non", "section_3/q17": "oui"})
    plan = preview_pdf_import(db, filled, "en")
    changes = by_key(plan)
    assert "does not apply" in changes["section_2/q5"].message  # q4 = No hides q5
    assert changes["section_2/q5"].savable
    assert "1 January 2018" in changes["section_3/q18"].message  # the constraint's own message
    assert changes["section_2/q4"].valid
    assert "section_1/q1" not in changes  # emptied, but the prefill is the same as nothing here


def modify(src: Path, dst: Path, change) -> Path:  # noqa: ANN001
    writer = PdfWriter(clone_from=str(src))
    change(writer)
    writer.write(str(dst))
    return dst


def field_object(writer: PdfWriter, name: str):  # noqa: ANN201
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        obj = ref.get_object()
        if obj.get("/T") == name:
            return obj
    raise KeyError(name)


def set_meta(writer: PdfWriter, **changes: object) -> None:
    obj = field_object(writer, "_mcim_meta")
    meta = json.loads(obj["/V"])
    meta.update(changes)
    obj[NameObject("/V")] = TextStringObject(json.dumps(meta))


def drop_field(writer: PdfWriter, name: str) -> None:
    form = writer._root_object["/AcroForm"]
    form[NameObject("/Fields")] = ArrayObject([r for r in form["/Fields"] if r.get_object().get("/T") != name])
    for page in writer.pages:
        page[NameObject("/Annots")] = ArrayObject([r for r in page["/Annots"] if r.get_object().get("/T") != name])


def test_wrong_files_are_reported_per_field(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    filled = fill_pdf(blank, tmp_path / "filled.pdf", {"section_3/q21": "Help", "section_3/q22": "Examples"},
                      {"section_3/q13": "oui"}, ["section_2/q11/objective_5"])

    def damage(writer: PdfWriter) -> None:
        set_meta(writer, form_version="2017.0")
        drop_field(writer, "section_3/q14")
        field_object(writer, "section_3/q20")[NameObject("/T")] = TextStringObject("section_3/q20_old")
        field_object(writer, "section_2/q11/objective_5")[NameObject("/V")] = TextStringObject("hello")
        field_object(writer, "section_3/q21")[NameObject("/FT")] = NameObject("/Btn")
        field_object(writer, "section_3/q13")[NameObject("/V")] = NameObject("/peut_etre")

    broken = modify(filled, tmp_path / "broken.pdf", damage)
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    plan = preview_pdf_import(db, broken, "en", expected_mechanism_id=rabat.id)
    problems = {(p.field, p.kind): p for p in plan.problems}
    assert ("_mcim_meta", "version") in problems and "2017.0" in problems[("_mcim_meta", "version")].message
    assert ("_mcim_meta", "mechanism") in problems
    assert "Rabat Process" in problems[("_mcim_meta", "mechanism")].message
    assert ("section_3/q14", "missing") in problems
    assert problems[("section_3/q14", "missing")].question.startswith("14.")
    assert ("section_3/q20", "missing") in problems and ("section_3/q20_old", "unknown") in problems
    assert ("section_2/q11/objective_5", "type") in problems
    assert problems[("section_2/q11/objective_5", "type")].question.startswith("11.")
    assert ("section_3/q21", "type") in problems and ("section_3/q13", "type") in problems
    changes = by_key(plan)
    assert changes["section_3/q22"].pdf_value == "Examples"  # the rest still imports
    assert "section_3/q21" not in changes and "section_3/q13" not in changes and "section_2/q11" not in changes
    # a response id of another mechanism
    other = responses.open_questionnaire(db, rabat.id, "tester").id
    crossed = modify(filled, tmp_path / "crossed.pdf", lambda w: set_meta(w, response_id=other))
    plan = preview_pdf_import(db, crossed, "en")
    assert plan.response_id is None and plan.mechanism_id == almaty.id
    assert any(p.kind == "response" for p in plan.problems)


def test_files_that_are_not_ours_are_refused(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    unknown = modify(blank, tmp_path / "unknown.pdf", lambda w: set_meta(w, mechanism="atlantis", mechanism_id="x"))
    with pytest.raises(PdfFormError, match="atlantis") as caught:
        preview_pdf_import(db, unknown, "en")
    assert caught.value.code == "unknown_mechanism"
    other_form = modify(blank, tmp_path / "form.pdf", lambda w: set_meta(w, form_id="kobo_thing"))
    with pytest.raises(PdfFormError, match="kobo_thing"):
        preview_pdf_import(db, other_form, "en")

    def strip(writer: PdfWriter) -> None:
        drop_field(writer, "_mcim_meta")
        writer.add_metadata({"/MCIMFormId": "", "/MCIMMechanism": ""})

    anonymous = modify(blank, tmp_path / "anon.pdf", strip)
    with pytest.raises(PdfFormError, match="not a questionnaire made by MCIM Desk") as caught:
        preview_pdf_import(db, anonymous, "en")
    assert caught.value.code == "not_ours"
    # without the hidden field but with the document properties: read, with a warning
    stripped = modify(blank, tmp_path / "stripped.pdf", lambda w: drop_field(w, "_mcim_meta"))
    plan = preview_pdf_import(db, stripped, "en")
    assert plan.mechanism_id == almaty.id and any(p.kind == "meta" for p in plan.problems)
    flat = tmp_path / "printed.pdf"
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.write(str(flat))
    with pytest.raises(PdfFormError, match="no form fields"):
        preview_pdf_import(db, flat, "en")


# --- hostile files ---------------------------------------------------------------------------


def assemble(objects: dict[int, bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    for number, body in objects.items():
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets.get(number, 0))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def bomb(gigabytes: int = 1) -> bytes:
    """A cross-reference stream of Flate-compressed zeros expanding to ``gigabytes`` GB:
    the reader must decompress it to find anything."""
    compressor = zlib.compressobj(9)
    chunk = bytes(16 * 1024 * 1024)
    data = b"".join(compressor.compress(chunk) for _ in range(gigabytes * 64)) + compressor.flush()
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>\nendobj\n"
              b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
    start = out.tell()
    out.write(b"3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\n"
              b"stream\n" % len(data))
    out.write(data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start)
    return out.getvalue()


HOSTILE = {
    "too_big": "too_big",
    "not_pdf": "not_pdf",
    "bomb": "damaged",
    "kids_loop": "damaged",
    "self_reference": "damaged",
    "truncated": "damaged",
    "encrypted": "encrypted",
}


@pytest.fixture(scope="module")
def bomb_bytes() -> bytes:
    return bomb(1)


def hostile_file(kind: str, blank: Path, folder: Path, bomb_bytes: bytes) -> Path:
    path = folder / f"{kind}.pdf"
    content = blank.read_bytes()
    if kind == "too_big":
        with open(path, "wb") as stream:
            stream.write(content[:1024])
            stream.truncate(30 * 1024 * 1024)  # 30 MB (sparse): refused before any parsing
    elif kind == "not_pdf":
        path.write_bytes(b"PK\x03\x04 this is a zip file, renamed")
    elif kind == "bomb":
        path.write_bytes(bomb_bytes)
    elif kind == "kids_loop":
        path.write_bytes(assemble({
            1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R] >>",
            4: b"<< /T (a) /Kids [5 0 R] >>",
            5: b"<< /T (b) /Parent 4 0 R /Kids [4 0 R] /FT /Tx >>",
        }))
    elif kind == "self_reference":
        path.write_bytes(assemble({
            1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>",
            4: b"<< /T (c) /Parent 4 0 R /FT /Tx /V 5 0 R >>",
            5: b"5 0 R",
        }))
    elif kind == "truncated":
        path.write_bytes(content[: len(content) // 2])
    elif kind == "encrypted":
        writer = PdfWriter(clone_from=str(blank))
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
        writer.write(str(path))
    return path


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_files_end_in_their_message_in_bounded_time(db, almaty, tmp_path: Path, kind: str,  # noqa: ANN001
                                                          bomb_bytes: bytes) -> None:
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    path = hostile_file(kind, blank, tmp_path, bomb_bytes)
    started = time.monotonic()
    with pytest.raises(PdfFormError) as caught:
        preview_pdf_import(db, path, "en")
    elapsed = time.monotonic() - started
    assert caught.value.code == HOSTILE[kind], str(caught.value)
    assert path.name in str(caught.value)
    # a bound, not a speed figure (benchmarks/pdf_import.py prints those): the reader's time
    # limit plus the start of a Python process, never a hang
    assert elapsed < pdf_reader.TIMEOUT_SECONDS + 20
    assert responses.current_questionnaire(db, almaty.id) is None


def test_a_broken_cross_reference_table_is_repaired_and_said(db, almaty, tmp_path: Path) -> None:  # noqa: ANN001
    import re

    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    filled = fill_pdf(blank, tmp_path / "filled.pdf", {"section_2/q5": "Link"}, {"section_2/q4": "oui"})
    broken = tmp_path / "xref.pdf"
    broken.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n999999999", filled.read_bytes()))
    plan = preview_pdf_import(db, broken, "en")
    assert any(p.kind == "repaired" and p.field == "" for p in plan.problems)
    assert by_key(plan)["section_2/q5"].pdf_value == "Link"


def test_a_reader_that_hangs_is_stopped(tmp_path: Path, db, almaty) -> None:  # noqa: ANN001
    blank = make_questionnaire_pdf(db, "Almaty Process", "en", tmp_path / "blank.pdf")
    started = time.monotonic()
    with pytest.raises(PdfFormError) as caught:
        preview_pdf_import(db, blank, "en", timeout=0.05)  # no Python starts that fast
    assert caught.value.code == "timeout" and "0.05 seconds" in str(caught.value)
    assert time.monotonic() - started < 10


# --- the command line ------------------------------------------------------------------------


def run_cli(*argv: str) -> int:
    from mcim_desk.cli import main

    return main(list(argv))


def test_cli_questionnaire_and_import(db, db_path: Path, almaty, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "almaty-fr.pdf"
    assert run_cli("--db", str(db_path), "--lang", "fr", "questionnaire", "pdf", "--mechanism", "Almaty Process",
                   "--out", str(out)) == 0
    assert "almaty-fr.pdf" in capsys.readouterr().out
    assert "section_2/q11/objective_23" in PdfReader(out).get_fields()
    filled = fill_pdf(out, tmp_path / "back.pdf", {"section_2/q5": "Lien \x1b[31mrouge\x1b[0m", "section_3/q18": "demain"},
                      {"section_2/q4": "oui"})
    assert run_cli("--db", str(db_path), "--lang", "en", "import", str(filled)) == 0
    printed = capsys.readouterr().out
    assert "section_2/q4" in printed and "section_2/q5" in printed and "nothing saved" in printed
    assert "\x1b" not in printed and "\\x1b[31m" in printed
    assert "not valid" in printed  # the date
    assert responses.current_questionnaire(db, almaty.id) is None
    assert run_cli("--db", str(db_path), "import", str(filled), "--accept-all") == 1
    captured = capsys.readouterr()
    assert "imported" in captured.out and "left out" in captured.err
    assert "1 answer(s) of the file left out" in captured.err
    response = responses.current_questionnaire(db, almaty.id)
    held = responses.answers(db, response.id)
    assert held["section_2/q4"] == "oui" and held["section_2/q5"] == "Lien \x1b[31mrouge\x1b[0m"
    assert "section_3/q18" not in held and response.source == "pdf"
    # errors: an unknown mechanism, a hostile file
    assert run_cli("--db", str(db_path), "questionnaire", "pdf", "--mechanism", "Atlantis",
                   "--out", str(tmp_path / "x.pdf")) == 1
    assert "Atlantis" in capsys.readouterr().err
    (tmp_path / "junk.pdf").write_bytes(b"not a pdf")
    assert run_cli("--db", str(db_path), "import", str(tmp_path / "junk.pdf")) == 1
    assert "not a PDF" in capsys.readouterr().err
