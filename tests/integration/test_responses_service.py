"""Responses service on a real SQLite file: autosave, audit, status, relevance flags, repeats
(the JSON import/export is tested in test_submissions_service.py)."""

from __future__ import annotations

import datetime
import json
import sqlite3
from pathlib import Path

import pytest

from mcim_desk.services import forms, responses
from mcim_desk.services.responses import NeedsConfirmation, ResponseError
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
