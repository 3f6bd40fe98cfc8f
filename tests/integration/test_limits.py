"""One limit for a text answer (mcim_desk/limits.py), refused the same way at every entry
point: a save from the window's services, a JSON import, a bundle import, a returned PDF; the
typed reference fields of the mechanism card; and a profile report of answers at the limit
that renders whole (a 1 MB answer took 205 s before there was a limit)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from mcim_desk import limits
from mcim_desk.limits import TEXT_ANSWER_CHARS
from mcim_desk.services import catalogue, responses, submissions

Q12 = "section_2/q12"
Q12_LABEL = "12. How does your ISCM intend to implement"


def long_text(length: int) -> str:
    """Numbered short lines (the worst case for the PDF's paragraphs), exactly ``length`` long."""
    lines, size, number = [], 0, 0
    while size < length:
        number += 1
        line = f"ligne {number:05d} é"
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)[:length]


def test_a_save_over_the_limit_is_refused_naming_the_question_and_nothing_changes(db, questionnaire) -> None:  # noqa: ANN001
    at_limit = long_text(TEXT_ANSWER_CHARS)
    responses.save_answer(db, questionnaire.id, Q12, at_limit, "tester")
    assert responses.answers(db, questionnaire.id)[Q12] == at_limit
    with pytest.raises(responses.ResponseError) as caught:
        responses.save_answer(db, questionnaire.id, Q12, at_limit + "x", "tester")
    message = str(caught.value)
    assert Q12_LABEL in message and "30,001" in message and "30,000" in message
    with pytest.raises(responses.ResponseError, match="30,000"):
        responses.save_answers(db, questionnaire.id, {"section_3/q14": at_limit + "xy"}, "tester")
    assert responses.answers(db, questionnaire.id) == {Q12: at_limit}


def test_a_note_over_its_limit_is_refused(db, questionnaire) -> None:  # noqa: ANN001
    with pytest.raises(responses.ResponseError) as caught:
        responses.save_note(db, questionnaire.id, Q12, "n" * (limits.NOTE_CHARS + 1), "tester")
    assert Q12_LABEL in str(caught.value) and "200,000" in str(caught.value)
    assert responses.notes(db, questionnaire.id) == {}


def test_the_json_import_refuses_an_answer_over_the_limit(db, tmp_path: Path, mechanism) -> None:  # noqa: ANN001
    sub = {"_xform_id_string": "mcim_questionnaire_2018", "__version__": "2018.1",
           "meta/instanceID": "uuid:0b8f8f36-7d0c-4b8e-9a51-3f0d1b1e2c11", "mechanism": mechanism.key,
           "section_1/q1": "Bali", Q12: "a" * (TEXT_ANSWER_CHARS + 1)}
    version = responses.form_service.latest_version(db, "mcim_questionnaire_2018")
    sub["__version__"] = version.version
    path = tmp_path / "big.json"
    path.write_text(json.dumps([sub]), encoding="utf-8")
    with pytest.raises(submissions.SubmissionError) as caught:
        submissions.import_submissions(db, path, "importer")
    message = str(caught.value)
    assert "submission 1" in message and Q12 in message and Q12_LABEL in message
    assert "30,001" in message and "30,000" in message
    assert len(message) < 600  # the value itself is not repeated
    assert responses.responses_of(db, mechanism.id) == []
    sub[Q12] = "a" * TEXT_ANSWER_CHARS
    path.write_text(json.dumps([sub]), encoding="utf-8")
    assert submissions.import_submissions(db, path, "importer").created == 1


def test_the_bundle_import_refuses_an_answer_over_the_limit(db, tmp_path: Path, questionnaire) -> None:  # noqa: ANN001
    from bundle_tools import rewrite

    from mcim_desk.exchange.bundle import BundleError
    from mcim_desk.services import exchange

    responses.save_answer(db, questionnaire.id, Q12, "court", "tester")
    responses.save_note(db, questionnaire.id, "section_1/q1", "note", "tester")
    good = exchange.export_bundle(db, tmp_path / "good.mcimz").path

    def lengthen(column: str, size: int):  # noqa: ANN202
        def change(conn: sqlite3.Connection) -> None:
            conn.execute(f"UPDATE answer SET {column} = ? WHERE {column} IS NOT NULL", ("é" * size,))
        return change

    at_limit = rewrite(good, tmp_path / "at-limit.mcimz", lengthen("value", TEXT_ANSWER_CHARS))
    plan = exchange.preview_import(db, at_limit)  # at the limit: read and planned
    assert plan.counts["answer"] == 2
    plan.discard()
    for column, size, words in (("value", TEXT_ANSWER_CHARS + 1, "the answer to “section_2/q12”"),
                                ("note", limits.NOTE_CHARS + 1, "the note on “section_1/q1”")):
        bad = rewrite(good, tmp_path / f"{column}.mcimz", lengthen(column, size))
        with pytest.raises(BundleError) as caught:
            exchange.preview_import(db, bad)
        message = str(caught.value)
        assert "records.sqlite (answer), row" in message and words in message
        assert limits.grouped(size) in message and limits.grouped(size - 1) in message
    acronym = rewrite(good, tmp_path / "acronym.mcimz",
                      lambda conn: conn.execute("UPDATE mechanism SET acronym_en = ?", ("A" * 3045,)))
    with pytest.raises(BundleError, match="records.sqlite \\(mechanism\\), row 1: “acronym_en” has 3,045 "
                       "characters, more than the limit of 40"):
        exchange.preview_import(db, acronym)
    assert responses.answers(db, questionnaire.id)[Q12] == "court"


def test_a_pdf_answer_over_the_limit_is_refused_not_cut(db, tmp_path: Path, mechanism) -> None:  # noqa: ANN001
    from test_pdf_forms import fill_pdf

    from mcim_desk.services.pdf_forms import make_questionnaire_pdf
    from mcim_desk.services.pdf_returns import apply_pdf_import, preview_pdf_import

    blank = make_questionnaire_pdf(db, mechanism.acronym_en, "en", tmp_path / "blank.pdf")
    at_limit = long_text(TEXT_ANSWER_CHARS)
    over = "b" * (TEXT_ANSWER_CHARS + 5)
    filled = fill_pdf(blank, tmp_path / "filled.pdf", {Q12: at_limit, "section_3/q14": over,
                                                       "section_4/q25/academia/1/nature": over})
    plan = preview_pdf_import(db, filled, "en")
    changes = {change.key: change for change in plan.changes}
    assert changes[Q12].savable and changes[Q12].pdf_value == at_limit
    refused = changes["section_3/q14"]
    assert not refused.savable and "section_3/q14" not in plan.valid_keys
    assert "14. Has the Global Compact already influenced" in refused.message
    assert "30,005" in refused.message and "30,000" in refused.message and "not imported" in refused.message
    row = next(c for c in plan.changes if c.repeat)
    assert not row.savable and "30,005" in row.message
    result = apply_pdf_import(db, plan, plan.valid_keys, "tester")
    assert responses.answers(db, result.response_id)[Q12] == at_limit  # whole, not cut


def test_reference_fields_have_their_limits(db, mechanism) -> None:  # noqa: ANN001
    acronym = "A" * 3045  # as found in issue 14
    with pytest.raises(catalogue.ValidationError) as caught:
        catalogue.update_mechanism(db, mechanism.id, "acronym_en", acronym, "tester")
    assert str(caught.value) == "Acronym (English) has 3,045 characters, more than the limit of 40."
    assert caught.value.field == "acronym_en"
    with pytest.raises(catalogue.ValidationError, match="Name \\(French\\) has 301 characters"):
        catalogue.update_mechanism(db, mechanism.id, "name_fr", "n" * 301, "tester")
    assert catalogue.mechanism_card(db, mechanism.id).row.acronym_en == mechanism.acronym_en
    saved = catalogue.update_mechanism(db, mechanism.id, "acronym_en", "A" * 40, "tester")
    assert saved.row.acronym_en == "A" * 40
    contact = catalogue.ContactInfo("", mechanism.id, "chair", "x" * 301, None, None, None, None, None, 0)
    with pytest.raises(catalogue.ValidationError, match="Name has 301 characters"):
        catalogue.save_contact(db, contact, "tester")


def test_the_messages_speak_french(db, questionnaire) -> None:  # noqa: ANN001
    from mcim_desk.i18n import install_translators

    install_translators("fr")
    with pytest.raises(responses.ResponseError) as caught:
        responses.save_answer(db, questionnaire.id, Q12, "a" * (TEXT_ANSWER_CHARS + 1), "tester")
    message = str(caught.value)
    assert "12. Comment votre MCIM entend-il" in message
    assert "30\u202f001" in message and "30\u202f000" in message and "caractères" in message


@pytest.mark.sqlite_only
def test_a_profile_of_answers_at_the_limit_renders_whole(db, tmp_path: Path, questionnaire, mechanism) -> None:  # noqa: ANN001
    from mcim_desk.services.reports import build_report

    text = long_text(TEXT_ANSWER_CHARS)
    responses.save_answers(db, questionnaire.id, {Q12: text, "section_3/q14": text.replace("ligne", "line")},
                           "tester")
    responses.save_note(db, questionnaire.id, Q12, "note " * 100, "tester")
    out = build_report(db, "profile", "en", tmp_path / "profile.pdf", mechanism=mechanism.acronym_en)
    reader = PdfReader(str(out or tmp_path / "profile.pdf"))
    assert len(reader.pages) > 20
    words = "".join(page.extract_text() for page in reader.pages)
    last = text.rsplit("\n", 1)[0].rsplit("\n", 1)[1]  # the last whole line
    assert last in words and last.replace("ligne", "line") in words
    assert words.count("ligne 00001 é") == 1


def test_call_notes_over_their_limit_are_refused_naming_the_limit(db, mechanism) -> None:  # noqa: ANN001
    from datetime import datetime

    from mcim_desk.services import calls, interviews

    info = interviews.plan_interview(db, mechanism.id, None, datetime(2019, 4, 2, 9, 0), "America/Lima", 45,
                                     "Europe/Geneva", "tester", now=datetime(2019, 3, 1, 12, 0))
    with pytest.raises(catalogue.ValidationError) as caught:
        calls.set_notes(db, info.id, "n" * (limits.NOTE_CHARS + 1), "tester")
    assert str(caught.value) == "The call notes have 200,001 characters, more than the limit of 200,000."
    assert calls.set_notes(db, info.id, "n" * limits.NOTE_CHARS, "tester").notes == "n" * limits.NOTE_CHARS
