"""KoboToolbox / ODK Central JSON: export, import, refusals (services/submissions.py), on a
real database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mcim_desk.services import responses, submissions
from mcim_desk.services.responses import ResponseError
from mcim_desk.services.startup import open_database
from mcim_desk.services.submissions import SubmissionError

TEXT = "Déclaration <b>commune</b> & plan = « 2018 » d’action"


def answer_rows(db_path: Path, response_id: str) -> dict[str, tuple]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT path, value, relevant FROM answer WHERE response_id = ?", (response_id,)
        ).fetchall()
    finally:
        conn.close()
    return {path: (value, relevant) for path, value, relevant in rows}


def audit_rows(db_path: Path, response_id: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT action, entity, field, old_value, new_value, actor FROM audit_log "
            "WHERE entity_id = ? ORDER BY at", (response_id,)
        ).fetchall()
    finally:
        conn.close()


def fill_for_export(db, questionnaire, mechanism) -> tuple[str, str]:  # noqa: ANN001
    rid = questionnaire.id
    for path, value in [
        ("section_1/q1", "Processus de Bali"), ("section_1/q2", TEXT),
        ("section_2/q4", "oui"), ("section_2/q5", "=HYPERLINK(\"x\")"),
        ("section_2/q11", ["objective_1", "objective_23"]), ("section_3/q18", "2018-12-01"),
        ("section_4/q25[1]/category", "other_iscms"), ("section_4/q25[1]/partner_name", "OIT & OMS"),
        ("section_4/q25[2]/nature", "Accord <écrit>\nsur deux lignes"),
        ("submission/submitted_by", "Secrétariat"),
    ]:
        responses.save_answer(db, rid, path, value, "tester")
    interview = responses.new_interview_response(db, mechanism.id, "tester")
    responses.save_answer(db, interview.id, "mandatory/q4", "Valeur ajoutée : « dialogue »", "tester")
    return rid, interview.id


def test_export_layout(db, tmp_path: Path, questionnaire, mechanism) -> None:  # noqa: ANN001
    rid, interview_id = fill_for_export(db, questionnaire, mechanism)
    out = tmp_path / "export" / "responses.json"
    assert submissions.export_submissions(db, out) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    by_form = {s["_xform_id_string"]: s for s in data}
    sub = by_form["mcim_questionnaire_2018"]
    assert sub["meta/instanceID"] == f"uuid:{rid}" and sub["__version__"] == "2018.1"
    assert sub["mechanism"] == mechanism.acronym_en
    assert sub["section_1/q2"] == TEXT
    assert sub["section_2/q11"] == "objective_1 objective_23"
    assert sub["section_4/q25"] == [
        {"section_4/q25/category": "other_iscms", "section_4/q25/partner_name": "OIT & OMS"},
        {"section_4/q25/nature": "Accord <écrit>\nsur deux lignes"},
    ]
    assert by_form["mcim_interview_2018"]["mandatory/q1"] == mechanism.key
    only = tmp_path / "interviews.json"
    assert submissions.export_submissions(db, only, form_id="mcim_interview_2018") == 1
    assert json.loads(only.read_text(encoding="utf-8"))[0]["meta/instanceID"] == f"uuid:{interview_id}"


def test_round_trip_into_another_database(db, tmp_path: Path, table_dump, questionnaire, mechanism) -> None:  # noqa: ANN001
    rid, interview_id = fill_for_export(db, questionnaire, mechanism)
    out = tmp_path / "responses.json"
    submissions.export_submissions(db, out)
    other_path = tmp_path / "other.sqlite3"
    other, _ = open_database(str(other_path))
    summary = submissions.import_submissions(other, out, "importer")
    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    for response_id in (rid, interview_id):
        assert responses.answers(other, response_id) == responses.answers(db, response_id)
    info = responses.response_info(other, rid)
    assert info.source == "import" and info.status == "complete" and info.mechanism_id == mechanism.id
    # flags are computed on import too
    assert answer_rows(other_path, rid)["section_2/q5"][1] == 1
    # importing again changes nothing at all
    before = table_dump(other_path)
    summary = submissions.import_submissions(other, out, "importer")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert table_dump(other_path) == before
    # an edited export updates, with audit rows naming the import
    data = json.loads(out.read_text(encoding="utf-8"))
    next(d for d in data if d["meta/instanceID"] == f"uuid:{rid}")["section_1/q3"] = "Mme Durand"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert submissions.import_submissions(other, out, "importer").updated == 1
    assert ("import", "answer", "section_1/q3", None, "Mme Durand", "importer") in audit_rows(other_path, rid)
    other.dispose()


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def submission(mechanism, **answers: object) -> dict:  # noqa: ANN001
    sub = {
        "_xform_id_string": "mcim_questionnaire_2018",
        "__version__": "2018.1",
        "meta/instanceID": "uuid:0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11",
        "mechanism": mechanism.acronym_fr,
        "_id": 1234, "_submission_time": "2018-11-02T10:00:00", "formhub/uuid": "abc",
        "meta/rootUuid": "uuid:whatever",
    }
    sub.update({k.replace("__", "/"): v for k, v in answers.items()})
    return sub


def test_kobo_submission_is_imported(db, tmp_path: Path, mechanism) -> None:  # noqa: ANN001
    sub = submission(mechanism, section_1__q1="Bali", section_2__q4="en_cours",
                     section_2__q10="principle_1 principle_10", section_3__q18="2018-11-30")
    sub["section_4/q25"] = [{"category": "other_iscms", "section_4/q25/nature": "Échanges"}]
    summary = submissions.import_submissions(db, write_json(tmp_path / "kobo.json", {"results": [sub]}), "imp")
    assert summary.created == 1
    values = responses.answers(db, "0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11")
    assert values == {
        "section_1/q1": "Bali", "section_2/q4": "en_cours", "section_2/q10": "principle_1 principle_10",
        "section_3/q18": "2018-11-30", "section_4/q25[1]": "",
        "section_4/q25[1]/category": "other_iscms", "section_4/q25[1]/nature": "Échanges",
    }
    # the questionnaire of that mechanism in this round is the imported one
    assert responses.open_questionnaire(db, mechanism.id, "x").id == "0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11"


def test_an_empty_questionnaire_opened_here_gives_way_to_the_imported_one(
    db, tmp_path: Path, questionnaire, mechanism  # noqa: ANN001
) -> None:
    sub = submission(mechanism, section_1__q1="Bali")
    summary = submissions.import_submissions(db, write_json(tmp_path / "one.json", [sub]), "imp")
    imported = "0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11"
    assert (summary.created, summary.second_questionnaires) == (1, ())
    # the imported response keeps its instance id and is now the mechanism's questionnaire;
    # the empty one opened here (nothing typed, nothing pointing to it) is a tombstone
    assert responses.open_questionnaire(db, mechanism.id, "x").id == imported
    assert responses.answers(db, imported) == {"section_1/q1": "Bali"}
    with pytest.raises(ResponseError):
        responses.response_info(db, questionnaire.id)


def test_identity_is_the_instance_id(db, tmp_path: Path, questionnaire, mechanism) -> None:  # noqa: ANN001
    """Issue 11: a new instance id whose answers equal the questionnaire here was reported
    "unchanged" and its id dropped, so the next edit of that submission was refused."""
    responses.save_answer(db, questionnaire.id, "section_1/q1", "Bali", "tester")
    sub = submission(mechanism, section_1__q1="Bali")
    sub["meta/instanceID"] = "uuid:6e1d0c3a-43d5-4d7d-8f0b-0f3f8a4c2e77"
    summary = submissions.import_submissions(db, write_json(tmp_path / "same.json", [sub]), "imp")
    assert (summary.created, summary.unchanged) == (1, 0)
    assert summary.second_questionnaires == (("6e1d0c3a-43d5-4d7d-8f0b-0f3f8a4c2e77", questionnaire.id),)
    assert responses.answers(db, "6e1d0c3a-43d5-4d7d-8f0b-0f3f8a4c2e77") == {"section_1/q1": "Bali"}
    # the next edit of that submission updates it; the questionnaire here is left alone
    sub["section_1/q2"] = "Maroc"
    summary = submissions.import_submissions(db, write_json(tmp_path / "edited.json", [sub]), "imp")
    assert (summary.created, summary.updated) == (0, 1)
    assert responses.answers(db, "6e1d0c3a-43d5-4d7d-8f0b-0f3f8a4c2e77") == {
        "section_1/q1": "Bali", "section_1/q2": "Maroc"}
    assert responses.answers(db, questionnaire.id) == {"section_1/q1": "Bali"}


def test_an_invalid_typed_answer_goes_out_and_comes_back_as_an_invalid_draft(
    db, tmp_path: Path, questionnaire, mechanism  # noqa: ANN001
) -> None:
    """Issue 11: an answer kept as typed although invalid was exported, and the import then
    refused the whole file."""
    for path, value in [("section_1/q1", "Bali"), ("section_3/q18", "30/11/2018"),
                        ("section_2/q4", "peut-être"), ("section_2/q11", "objective_1 objective_99")]:
        responses.save_answer(db, questionnaire.id, path, value, "tester")
    out = tmp_path / "out.json"
    submissions.export_submissions(db, out)
    other, _ = open_database(str(tmp_path / "other.sqlite3"))
    summary = submissions.import_submissions(other, out, "importer")
    assert summary.created == 1
    assert responses.answers(other, questionnaire.id) == responses.answers(db, questionnaire.id)
    assert responses.response_info(other, questionnaire.id).status == "draft"
    problems = {item.key: (item.value, item.problem) for item in summary.invalid}
    assert problems == {
        "section_3/q18": ("30/11/2018", "“30/11/2018” is not a date: write it as YYYY-MM-DD"),
        "section_2/q4": ("peut-être", "“peut-être” is not one of the choices."),
        "section_2/q11": ("objective_1 objective_99", "“objective_99” is not one of the choices."),
    }
    assert {item.response_id for item in summary.invalid} == {questionnaire.id}
    # flagged as it was: the form's checks name the same answers in both databases
    from mcim_desk.forms.engine import FormState

    def errors(database) -> set[str]:  # noqa: ANN001
        loaded = responses.load_response(database, questionnaire.id)
        return set(FormState(loaded.definition, loaded.answers).errors("en"))

    assert errors(other) == errors(db) and "section_2/q4" in errors(other)
    other.dispose()


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        ({"section_2/q99": "x"}, "section_2/q99", "no such question"),
        ({"q4": "oui"}, "q4", "no such question"),
        ({"section_3/q18": {"date": "x"}}, "section_3/q18", "not text or a number"),
        ({"mechanism": "Atlantis Process"}, "mechanism", "unknown mechanism “Atlantis Process”"),
        # a form id not installed here (Kobo writes its asset uid) is found by the questions,
        # when one installed form has them all
        ({"_xform_id_string": "other_form", "section_9/q1": "x"}, "_xform_id_string",
         "unknown form “other_form”, and no installed form has all its questions"),
        ({"__version__": "1999"}, "__version__", "unknown version"),
        ({"meta/instanceID": "uuid:not-a-uuid"}, "meta/instanceID", "instance id"),
        ({"section_4/q25": [{"section_4/q25/colour": "red"}]}, "section_4/q25/colour", "no such question"),
        ({"section_4/q25": "OIT"}, "section_4/q25", "list of objects"),
    ],
)
def test_a_bad_import_names_the_key_and_changes_nothing(
    db, tmp_path: Path, table_dump, mechanism, change: dict, key: str, words: str  # noqa: ANN001
) -> None:
    good = submission(mechanism, section_1__q1="Bali")
    good["meta/instanceID"] = "uuid:2a6f0e2e-2d7c-4c55-9a0e-5f6c7d8e9f00"
    bad = submission(mechanism, section_1__q1="Accents éèà", section_2__q4="oui")
    bad.update(change)
    before = table_dump()
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, write_json(tmp_path / "bad.json", [good, bad]), "imp")
    message = str(caught.value)
    assert message.startswith("bad.json (Kobo export): submission 2")
    assert caught.value.number == 2 and caught.value.key == key
    assert f"“{key}”" in message and words in message
    assert table_dump() == before


def test_files_that_are_not_submissions(db, tmp_path: Path, table_dump) -> None:  # noqa: ANN001
    before = table_dump()
    broken = tmp_path / "broken.json"
    broken.write_text("[{\"a\": ", encoding="utf-8")
    with pytest.raises(SubmissionError, match="broken.json: not a JSON file"):
        submissions.import_submissions(db, broken, "imp")
    with pytest.raises(SubmissionError, match="n.json: the file holds a number, not a list of submissions"):
        submissions.import_submissions(db, write_json(tmp_path / "n.json", 3), "imp")
    with pytest.raises(SubmissionError, match="submission 1: a submission must be a JSON object"):
        submissions.import_submissions(db, write_json(tmp_path / "s.json", ["x"]), "imp")
    with pytest.raises(SubmissionError, match="cannot be read"):
        submissions.import_submissions(db, tmp_path / "absent.json", "imp")
    assert table_dump() == before


def test_hostile_json_is_refused_saying_what_the_file_is(db, tmp_path: Path, table_dump, mechanism) -> None:  # noqa: ANN001
    """Issue 11: deep nesting ended in an uncaught RecursionError, a NUL character was
    accepted, and an object instead of a list was reported as "the form id is missing"."""
    before = table_dump()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(SubmissionError, match="deep.json: lists and objects nest more than 32 levels deep"):
        submissions.import_submissions(db, deep, "imp")
    nested: object = "x"
    for _ in range(40):  # parsable, but deeper than any submission file
        nested = [nested]
    with pytest.raises(SubmissionError, match="nest more than 32 levels deep"):
        submissions.import_submissions(db, write_json(tmp_path / "forty.json", [submission(mechanism, q=nested)]), "imp")
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(
            db, write_json(tmp_path / "nul.json", [submission(mechanism, section_1__q1="Ba\x00li")]), "imp")
    assert caught.value.key == "section_1/q1" and "NUL character" in str(caught.value)
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, write_json(tmp_path / "object.json", {"count": 1, "data": []}), "imp")
    assert str(caught.value).startswith(
        "object.json: the file holds a JSON object (keys “count”, “data”), not a list of submissions")
    with pytest.raises(SubmissionError, match="the file holds a text, not a list"):
        submissions.import_submissions(db, write_json(tmp_path / "text.json", "hello"), "imp")
    assert table_dump() == before
    # ODK Central's OData feed wraps the list in {"value": [...]}: it is read
    odata = {"@odata.context": "https://central.example/v1/projects/1/forms/f.svc/$metadata#Submissions",
             "value": [submission(mechanism, section_1__q1="Bali")]}
    assert submissions.import_submissions(db, write_json(tmp_path / "odata.json", odata), "imp").created == 1


def test_the_refusals_speak_french(db, tmp_path: Path, mechanism) -> None:  # noqa: ANN001
    from mcim_desk.i18n import install_translators

    install_translators("fr")
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, write_json(tmp_path / "objet.json", {"count": 1}), "imp")
    assert str(caught.value).startswith(
        "objet.json\u00a0: le fichier contient un objet JSON (clés “count”) et non une liste de soumissions")
    deep = tmp_path / "profond.json"
    deep.write_text("[" * 50 + "]" * 50, encoding="utf-8")
    with pytest.raises(SubmissionError, match="s’imbriquent sur plus de 32 niveaux"):
        submissions.import_submissions(db, deep, "imp")
