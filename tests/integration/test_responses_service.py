"""Responses service on a real SQLite file: autosave, audit, status, relevance flags, repeats,
and the KoboToolbox-style JSON import/export."""

from __future__ import annotations

import datetime
import json
import sqlite3
from pathlib import Path

import pytest

from mcim_desk.services import forms, responses
from mcim_desk.services.responses import NeedsConfirmation, ResponseError, SubmissionError
from mcim_desk.services.startup import open_database

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


def complete(db, response_id: str, actor: str = "tester") -> None:  # noqa: ANN001
    for path, value in [("section_1/q1", "Processus de Bali"), ("section_2/q4", "non"),
                        ("submission/submitted_by", "Secrétariat")]:
        responses.save_answer(db, response_id, path, value, actor)


# --- opening -----------------------------------------------------------------------------------


def test_open_questionnaire_once_per_mechanism_and_round(db, db_path: Path, mechanism) -> None:  # noqa: ANN001
    first = responses.open_questionnaire(db, mechanism.id, "tester")
    assert first.form_id == "mcim_questionnaire_2018" and first.kind == "questionnaire"
    assert first.status == "draft" and first.source == "paper"
    assert responses.open_questionnaire(db, mechanism.id, "other").id == first.id
    conn = sqlite3.connect(db_path)
    rounds = conn.execute("SELECT name, deadline, is_current FROM survey_round").fetchall()
    conn.close()
    assert rounds == [("2018", "2018-11-09", 1)]
    assert first.round_id is not None
    with pytest.raises(ResponseError):
        responses.open_questionnaire(db, "no-such-mechanism", "tester")


def test_interview_responses(db, mechanism) -> None:  # noqa: ANN001
    one = responses.new_interview_response(db, mechanism.id, "tester")
    two = responses.new_interview_response(db, mechanism.id, "tester")
    assert one.id != two.id and one.kind == two.kind == "interview" and one.source == "phone"
    assert responses.answers(db, one.id) == {"mandatory/q1": mechanism.key}
    assert {r.id for r in responses.responses_of(db, mechanism.id)} == {one.id, two.id}
    loaded = responses.load_response(db, one.id)
    assert loaded.definition.form_id == "mcim_interview_2018" and loaded.answers == {
        "mandatory/q1": mechanism.key
    }


# --- saving ------------------------------------------------------------------------------------


def test_answers_survive_reopening(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    result = responses.save_answer(db, questionnaire.id, "section_2/q5", TEXT, "tester")
    assert result.changed and result.old is None and result.new == TEXT
    responses.save_answer(db, questionnaire.id, "section_2/q9", ["theme_1", "theme_3"], "tester")
    responses.save_answer(db, questionnaire.id, "section_3/q18", " 2018-05-01 ", "tester")
    db.dispose()
    forms._clear_cache()
    again, _ = open_database(str(db_path))
    assert responses.answers(again, questionnaire.id) == {
        "section_2/q5": TEXT, "section_2/q9": "theme_1 theme_3", "section_3/q18": "2018-05-01",
    }
    again.dispose()


def test_one_audit_row_per_change_with_old_and_new(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    before = len(audit_rows(db_path, questionnaire.id))
    responses.save_answer(db, questionnaire.id, "section_1/q2", "Maroc", "alice")
    responses.save_answer(db, questionnaire.id, "section_1/q2", "Maroc", "alice")  # no change
    responses.save_answer(db, questionnaire.id, "section_1/q2", "Maroc et Allemagne", "bob")
    responses.save_answer(db, questionnaire.id, "section_1/q2", "", "bob")
    rows = audit_rows(db_path, questionnaire.id)[before:]
    assert rows == [
        ("update", "answer", "section_1/q2", None, "Maroc", "alice"),
        ("update", "answer", "section_1/q2", "Maroc", "Maroc et Allemagne", "bob"),
        ("update", "answer", "section_1/q2", "Maroc et Allemagne", None, "bob"),
    ]
    # the cleared answer keeps its row, value NULL
    assert answer_rows(db_path, questionnaire.id)["section_1/q2"] == (None, 1)
    assert "section_1/q2" not in responses.answers(db, questionnaire.id)
    history = responses.history(db, questionnaire.id)
    assert [(h.actor, h.field, h.old, h.new) for h in history[-3:]] == [
        ("alice", "section_1/q2", None, "Maroc"),
        ("bob", "section_1/q2", "Maroc", "Maroc et Allemagne"),
        ("bob", "section_1/q2", "Maroc et Allemagne", None),
    ]
    assert all(isinstance(h.at, datetime.datetime) for h in history)
    assert history[0].action == "create"


def test_unchanged_save_writes_nothing(db, table_dump, questionnaire) -> None:  # noqa: ANN001
    responses.save_answer(db, questionnaire.id, "section_1/q3", "Mme X", "tester")
    before = table_dump()
    result = responses.save_answer(db, questionnaire.id, "section_1/q3", "Mme X", "tester")
    assert not result.changed
    assert table_dump() == before


def test_status_flow(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    with pytest.raises(ResponseError):
        responses.set_status(db, questionnaire.id, "validated", "secretariat")
    complete(db, questionnaire.id)
    assert responses.response_info(db, questionnaire.id).status == "complete"
    assert responses.set_status(db, questionnaire.id, "validated", "secretariat").status == "validated"
    with pytest.raises(NeedsConfirmation):
        responses.save_answer(db, questionnaire.id, "section_1/q2", "Maroc", "tester")
    assert "section_1/q2" not in responses.answers(db, questionnaire.id)
    result = responses.save_answer(db, questionnaire.id, "section_1/q2", "Maroc", "tester",
                                   confirm_validated=True)
    assert result.status == "complete"
    # clearing a required answer drops it to draft; answering again brings it back
    assert responses.save_answer(db, questionnaire.id, "section_1/q1", None, "tester").status == "draft"
    assert responses.save_answer(db, questionnaire.id, "section_1/q1", "Bali", "tester").status == "complete"
    assert responses.set_status(db, questionnaire.id, "validated", "sec").status == "validated"
    assert responses.set_status(db, questionnaire.id, "draft", "sec").status == "complete"
    statuses = [(row[3], row[4]) for row in audit_rows(db_path, questionnaire.id) if row[0] == "status"]
    assert statuses == [
        ("draft", "complete"), ("complete", "validated"), ("validated", "complete"),
        ("complete", "draft"), ("draft", "complete"), ("complete", "validated"),
        ("validated", "complete"),
    ]
    with pytest.raises(ResponseError):
        responses.set_status(db, questionnaire.id, "finished", "sec")


def test_non_relevant_answers_are_kept_and_flagged(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    rid = questionnaire.id
    responses.save_answer(db, rid, "section_2/q4", "oui", "tester")
    responses.save_answer(db, rid, "section_2/q5", "https://example.org", "tester")
    responses.save_answer(db, rid, "section_2/q9", "theme_2", "tester")
    result = responses.save_answer(db, rid, "section_2/q4", "non", "tester")
    assert result.relevance["section_2/q5"] is False and result.relevance["section_2/q6"] is False
    rows = answer_rows(db_path, rid)
    assert rows["section_2/q5"] == ("https://example.org", 0)
    assert rows["section_2/q9"] == ("theme_2", 0)
    assert rows["section_2/q4"] == ("non", 1)
    assert responses.answers(db, rid)["section_2/q5"] == "https://example.org"
    result = responses.save_answer(db, rid, "section_2/q4", "en_cours", "tester")
    assert result.relevance["section_2/q5"] is True
    assert answer_rows(db_path, rid)["section_2/q5"] == ("https://example.org", 1)
    # an answer typed into a hidden question is stored, flagged not relevant
    responses.save_answer(db, rid, "section_3/q18", "2019-01-01", "tester")
    assert answer_rows(db_path, rid)["section_3/q18"] == ("2019-01-01", 0)
    assert responses.save_answer(db, rid, "section_3/q17", "oui", "tester").relevance == {
        "section_3/q18": True
    }
    assert answer_rows(db_path, rid)["section_3/q18"] == ("2019-01-01", 1)


def test_bad_paths_are_refused(db, table_dump, questionnaire) -> None:  # noqa: ANN001
    before = table_dump()
    for path in ("section_2/q99", "section_2", "section_4/q25/category", "section_2/q4[1]",
                 "section_4/q25[0]/category", "section_2/note_gcm_annex"):
        with pytest.raises(ResponseError):
            responses.save_answer(db, questionnaire.id, path, "x", "tester")
    with pytest.raises(ResponseError):
        responses.save_answer(db, "no-such-response", "section_1/q1", "x", "tester")
    assert table_dump() == before


def test_source(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    assert responses.set_source(db, questionnaire.id, "email", "tester").source == "email"
    with pytest.raises(ResponseError):
        responses.set_source(db, questionnaire.id, "pigeon", "tester")
    assert ("update", "response", "source", "paper", "email", "tester") in audit_rows(db_path, questionnaire.id)


def test_notes(db, db_path: Path, mechanism) -> None:  # noqa: ANN001
    interview = responses.new_interview_response(db, mechanism.id, "tester")
    assert responses.save_note(db, interview.id, "mandatory/q4", "À rappeler", "tester")
    assert not responses.save_note(db, interview.id, "mandatory/q4", "À rappeler", "tester")
    assert responses.notes(db, interview.id) == {"mandatory/q4": "À rappeler"}
    assert "mandatory/q4" not in responses.answers(db, interview.id)
    assert ("note", "answer", "mandatory/q4", None, "À rappeler", "tester") in audit_rows(db_path, interview.id)


# --- repeats -----------------------------------------------------------------------------------


def test_repeat_insert_remove_move(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    rid, q25 = questionnaire.id, "section_4/q25"
    assert responses.insert_repeat(db, rid, q25, "tester") == 1
    assert responses.insert_repeat(db, rid, q25, "tester") == 2
    responses.save_answer(db, rid, f"{q25}[1]/partner_name", "OIT", "tester")
    responses.save_answer(db, rid, f"{q25}[2]/partner_name", "CEDEAO", "tester")
    # saving into a third instance creates it
    responses.save_answer(db, rid, f"{q25}[3]/category", "other_iscms", "tester")
    assert responses.repeat_indexes(db, rid, q25) == [1, 2, 3]
    responses.move_repeat(db, rid, q25, 3, 1, "tester")
    values = responses.answers(db, rid)
    assert values[f"{q25}[1]/category"] == "other_iscms"
    assert values[f"{q25}[2]/partner_name"] == "OIT" and values[f"{q25}[3]/partner_name"] == "CEDEAO"
    removed = responses.remove_repeat(db, rid, q25, 2, "tester")
    assert removed == {"partner_name": "OIT"}
    values = responses.answers(db, rid)
    assert responses.repeat_indexes(db, rid, q25) == [1, 2]
    assert values[f"{q25}[2]/partner_name"] == "CEDEAO"
    # undo the removal: back at its place with its values
    assert responses.insert_repeat(db, rid, q25, "tester", at=2, values=removed) == 2
    values = responses.answers(db, rid)
    assert values[f"{q25}[2]/partner_name"] == "OIT" and values[f"{q25}[3]/partner_name"] == "CEDEAO"
    actions = [row[0] for row in audit_rows(db_path, rid) if row[0].startswith("repeat_")]
    assert actions == ["repeat_insert", "repeat_insert", "repeat_insert", "repeat_move",
                       "repeat_remove", "repeat_insert"]
    removal = next(row for row in audit_rows(db_path, rid) if row[0] == "repeat_remove")
    assert removal[2] == f"{q25}[2]" and json.loads(removal[3]) == {"partner_name": "OIT"}
    with pytest.raises(ResponseError):
        responses.remove_repeat(db, rid, q25, 9, "tester")
    with pytest.raises(ResponseError):
        responses.insert_repeat(db, rid, "section_2/q4", "tester")


# --- JSON import and export ---------------------------------------------------------------------


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
    assert responses.export_submissions(db, out) == 2
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
    assert responses.export_submissions(db, only, form_id="mcim_interview_2018") == 1
    assert json.loads(only.read_text(encoding="utf-8"))[0]["meta/instanceID"] == f"uuid:{interview_id}"


def test_round_trip_into_another_database(db, tmp_path: Path, table_dump, questionnaire, mechanism) -> None:  # noqa: ANN001
    rid, interview_id = fill_for_export(db, questionnaire, mechanism)
    out = tmp_path / "responses.json"
    responses.export_submissions(db, out)
    other_path = tmp_path / "other.sqlite3"
    other, _ = open_database(str(other_path))
    summary = responses.import_submissions(other, out, "importer")
    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    for response_id in (rid, interview_id):
        assert responses.answers(other, response_id) == responses.answers(db, response_id)
    info = responses.response_info(other, rid)
    assert info.source == "import" and info.status == "complete" and info.mechanism_id == mechanism.id
    # flags are computed on import too
    assert answer_rows(other_path, rid)["section_2/q5"][1] == 1
    # importing again changes nothing at all
    before = table_dump(other_path)
    summary = responses.import_submissions(other, out, "importer")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert table_dump(other_path) == before
    # an edited export updates, with audit rows naming the import
    data = json.loads(out.read_text(encoding="utf-8"))
    next(d for d in data if d["meta/instanceID"] == f"uuid:{rid}")["section_1/q3"] = "Mme Durand"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert responses.import_submissions(other, out, "importer").updated == 1
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
    summary = responses.import_submissions(db, write_json(tmp_path / "kobo.json", {"results": [sub]}), "imp")
    assert summary.created == 1
    values = responses.answers(db, "0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11")
    assert values == {
        "section_1/q1": "Bali", "section_2/q4": "en_cours", "section_2/q10": "principle_1 principle_10",
        "section_3/q18": "2018-11-30", "section_4/q25[1]": "",
        "section_4/q25[1]/category": "other_iscms", "section_4/q25[1]/nature": "Échanges",
    }
    # the questionnaire of that mechanism in this round is the imported one
    assert responses.open_questionnaire(db, mechanism.id, "x").id == "0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11"


def test_import_fills_an_empty_questionnaire_opened_here(db, tmp_path: Path, questionnaire, mechanism) -> None:  # noqa: ANN001
    sub = submission(mechanism, section_1__q1="Bali")
    responses.import_submissions(db, write_json(tmp_path / "one.json", [sub]), "imp")
    assert responses.answers(db, questionnaire.id) == {"section_1/q1": "Bali"}
    # once it has other answers, a second response for the same round is refused
    responses.save_answer(db, questionnaire.id, "section_1/q2", "Maroc", "tester")
    sub["meta/instanceID"] = "uuid:6e1d0c3a-43d5-4d7d-8f0b-0f3f8a4c2e77"
    with pytest.raises(SubmissionError) as caught:
        responses.import_submissions(db, write_json(tmp_path / "two.json", [sub]), "imp")
    assert "already has another questionnaire response" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        ({"section_2/q99": "x"}, "section_2/q99", "no such question"),
        ({"q4": "oui"}, "q4", "no such question"),
        ({"section_2/q4": "peut-être"}, "section_2/q4", "“peut-être” is not one of the choices"),
        ({"section_2/q11": "objective_1 objective_99"}, "section_2/q11", "objective_99"),
        ({"section_3/q18": "30/11/2018"}, "section_3/q18", "is not a date"),
        ({"section_3/q18": {"date": "x"}}, "section_3/q18", "not text or a number"),
        ({"mechanism": "Atlantis Process"}, "mechanism", "unknown mechanism “Atlantis Process”"),
        ({"_xform_id_string": "other_form"}, "_xform_id_string", "unknown form “other_form”"),
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
        responses.import_submissions(db, write_json(tmp_path / "bad.json", [good, bad]), "imp")
    message = str(caught.value)
    assert message.startswith("bad.json: submission 2")
    assert caught.value.number == 2 and caught.value.key == key
    assert f"“{key}”" in message and words in message
    assert table_dump() == before


def test_files_that_are_not_submissions(db, tmp_path: Path, table_dump) -> None:  # noqa: ANN001
    before = table_dump()
    broken = tmp_path / "broken.json"
    broken.write_text("[{\"a\": ", encoding="utf-8")
    with pytest.raises(SubmissionError, match="broken.json: not a JSON file"):
        responses.import_submissions(db, broken, "imp")
    with pytest.raises(SubmissionError, match="expected a list"):
        responses.import_submissions(db, write_json(tmp_path / "n.json", 3), "imp")
    with pytest.raises(SubmissionError, match="submission 1: a submission must be a JSON object"):
        responses.import_submissions(db, write_json(tmp_path / "s.json", ["x"]), "imp")
    with pytest.raises(SubmissionError, match="cannot be read"):
        responses.import_submissions(db, tmp_path / "absent.json", "imp")
    assert table_dump() == before


def test_an_older_form_version_still_opens(db, tmp_path: Path, questionnaire) -> None:  # noqa: ANN001
    responses.save_answer(db, questionnaire.id, "section_1/q1", "Bali", "tester")
    bundled = {path.name: path for path in forms.bundled_form_files()}
    source = bundled["mcim_questionnaire_2018.md"].read_text(encoding="utf-8")
    assert "| mcim_questionnaire_2018 | 2018.1 |" in source
    newer = tmp_path / "questionnaire_2019.md"
    newer.write_text(source.replace("| mcim_questionnaire_2018 | 2018.1 |", "| mcim_questionnaire_2018 | 2019.1 |"),
                     encoding="utf-8")
    assert forms.add_form(db, newer).version == "2019.1"
    info = responses.open_questionnaire(db, questionnaire.mechanism_id, "tester")
    assert info.id == questionnaire.id and info.form_version == "2018.1"
    loaded = responses.load_response(db, questionnaire.id)
    assert loaded.definition.version == "2018.1" and loaded.answers == {"section_1/q1": "Bali"}


def test_current_questionnaire_is_a_read(db, table_dump, mechanism) -> None:  # noqa: ANN001
    before = table_dump()
    assert responses.current_questionnaire(db, mechanism.id) is None
    assert table_dump() == before
    opened = responses.open_questionnaire(db, mechanism.id, "tester")
    assert responses.current_questionnaire(db, mechanism.id) == opened
