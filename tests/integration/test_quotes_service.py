"""Quotes and coded passages on a real SQLite file: the consent rule, tags, the browser's
filters, the codebook, and passages that follow their text (re-anchoring, text_changed)."""

from __future__ import annotations

from datetime import datetime

import pytest

from mcim_desk.services import calls, interviews, quotes, responses
from mcim_desk.services.catalogue import ValidationError, find_mechanism

GENEVA, LIMA = "Europe/Geneva", "America/Lima"
ANSWER = ("Le MCIM facilite le dialogue entre les États membres et organise des ateliers de "
          "formation sur la collecte de données.")


@pytest.fixture
def interview(db):  # noqa: ANN001, ANN201
    sacm = find_mechanism(db, "SACM")
    info = interviews.plan_interview(db, sacm.id, None, datetime(2019, 4, 1, 3), LIMA, 60, GENEVA, "t")
    responses.save_answer(db, info.response_id, "mandatory/q4", ANSWER, "t")
    return info


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_quote_keeps_exact_text_offsets_speaker_and_tags(db, interview) -> None:  # noqa: ANN001
    words = "facilite le dialogue entre les États membres"
    start, end = span(ANSWER, words)
    saved = quotes.save_quote(
        db, text=words, start=start, end=end, actor="t", response_id=interview.response_id,
        answer_path="mandatory/q4", tags=["objective_23", "objective_7", " dialogue ", "Dialogue"],
    )
    assert (saved.text, saved.start, saved.end) == (words, start, end)
    assert saved.tags == ("objective_23", "objective_7", "dialogue")
    assert saved.interview_id == interview.id and saved.mechanism_id == interview.mechanism_id
    assert saved.acronym("en") == "SACM" and saved.question == "mandatory/q4" and not saved.cleared


def test_cleared_only_with_consent(db, interview) -> None:  # noqa: ANN001
    words = "ateliers de formation"
    start, end = span(ANSWER, words)
    kwargs = dict(text=words, start=start, end=end, actor="t", response_id=interview.response_id,
                  answer_path="mandatory/q4")
    for consent in ("unknown", "neither"):
        calls.set_consent(db, interview.id, consent, "t")
        with pytest.raises(ValidationError) as caught:
            quotes.save_quote(db, cleared=True, **kwargs)
        assert caught.value.field == "cleared"
        assert "cannot be cleared for publication" in str(caught.value)
    assert quotes.quotes(db) == []  # nothing saved
    saved = quotes.save_quote(db, cleared=False, **kwargs)
    with pytest.raises(ValidationError):
        quotes.update_quote(db, saved.id, "t", cleared=True)
    calls.set_consent(db, interview.id, "quoted", "t")
    assert quotes.update_quote(db, saved.id, "t", cleared=True).cleared
    other = quotes.save_quote(db, cleared=True, **kwargs)
    assert other.cleared
    # withdrawing consent withdraws the clearance, and undoing that restores it
    change = calls.set_consent(db, interview.id, "neither", "t")
    assert not any(q.cleared for q in quotes.quotes(db))
    assert set(change.effects.uncleared_quotes) == {saved.id, other.id}
    interviews.revert(db, change, "t")
    assert all(q.cleared for q in quotes.quotes(db))


def test_quote_from_the_free_notes_and_a_note(db, interview) -> None:  # noqa: ANN001
    notes = "Il a insisté : « sans financement, rien ne bouge »."
    calls.set_notes(db, interview.id, notes, "t")
    words = "« sans financement, rien ne bouge »"
    start, end = span(notes, words)
    from_notes = quotes.save_quote(db, text=words, start=start, end=end, actor="t",
                                   interview_id=interview.id, field="notes")
    assert from_notes.question == "notes" and from_notes.answer_path is None
    responses.save_note(db, interview.response_id, "mandatory/q5", "Manque de moyens financiers.", "t")
    from_note = quotes.save_quote(db, text="moyens financiers", start=9, end=26, actor="t",
                                  response_id=interview.response_id, answer_path="mandatory/q5",
                                  field="note")
    assert from_note.text == "moyens financiers"


def test_offsets_are_checked_against_the_saved_text(db, interview) -> None:  # noqa: ANN001
    words = "collecte de données"
    start, end = span(ANSWER, words)
    # offsets counted differently (e.g. UTF-16 units) are corrected to the nearest match
    shifted = quotes.save_quote(db, text=words, start=start + 2, end=end + 2, actor="t",
                                response_id=interview.response_id, answer_path="mandatory/q4")
    assert (shifted.start, shifted.end) == (start, end)
    with pytest.raises(ValidationError) as caught:
        quotes.save_quote(db, text="words never said", start=0, end=16, actor="t",
                          response_id=interview.response_id, answer_path="mandatory/q4")
    assert caught.value.field == "text"
    with pytest.raises(ValidationError):
        quotes.save_quote(db, text="  ", start=0, end=2, actor="t",
                          response_id=interview.response_id, answer_path="mandatory/q4")


def test_quotes_need_an_interview(db) -> None:  # noqa: ANN001
    midsa = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, midsa.id, "t")
    responses.save_answer(db, response.id, "section_1/q1", "Secrétariat", "t")
    with pytest.raises(ValidationError) as caught:
        quotes.save_quote(db, text="Secrétariat", start=0, end=11, actor="t", response_id=response.id,
                          answer_path="section_1/q1")
    assert caught.value.field == "interview"


def test_browser_filters(db, interview) -> None:  # noqa: ANN001
    a = quotes.save_quote(db, text="dialogue", start=ANSWER.index("dialogue"),
                          end=ANSWER.index("dialogue") + 8, actor="t", response_id=interview.response_id,
                          answer_path="mandatory/q4", tags=["objective_23", "theme_1"])
    responses.save_answer(db, interview.response_id, "mandatory/q7", "Un guide pratique.", "t")
    b = quotes.save_quote(db, text="guide pratique", start=3, end=17, actor="t",
                          response_id=interview.response_id, answer_path="mandatory/q7", tags=["outils"])
    assert [q.id for q in quotes.quotes(db, tag="OBJECTIVE_23")] == [a.id]
    assert [q.id for q in quotes.quotes(db, tag="outils")] == [b.id]
    assert [q.id for q in quotes.quotes(db, question="mandatory/q7")] == [b.id]
    assert {q.id for q in quotes.quotes(db, mechanism_id=interview.mechanism_id)} == {a.id, b.id}
    assert quotes.quotes(db, mechanism_id=find_mechanism(db, "MIDSA").id) == []
    assert quotes.used_tags(db) == ["objective_23", "outils", "theme_1"]
    quotes.delete_quote(db, b.id, "t")
    assert [q.id for q in quotes.quotes(db)] == [a.id]
    quotes.restore_quote(db, b.id, "t")
    assert len(quotes.quotes(db)) == 2


def test_codebook_edit_delete_and_undo(db) -> None:  # noqa: ANN001
    parent = quotes.save_code(db, quotes.CodeInfo("", "Faciliter le dialogue", "Facilitate dialogue", "#2A7AB0"), "t")
    child = quotes.save_code(db, quotes.CodeInfo("", "Ateliers de formation", "", "#aa3300", parent.id), "t")
    assert child.label_en == "Ateliers de formation"  # one language stands in for the other
    assert parent.colour == "#2a7ab0"
    assert [c.id for c in quotes.codes(db)] == [parent.id, child.id]  # parents first
    for bad, field in ((quotes.CodeInfo("", "", "", "#000000"), "label_fr"),
                       (quotes.CodeInfo("", "x", "x", "blue"), "colour"),
                       (quotes.CodeInfo("", "x", "x", "#000000", "missing"), "parent_id")):
        with pytest.raises(ValidationError) as caught:
            quotes.save_code(db, bad, "t")
        assert caught.value.field == field
    with pytest.raises(ValidationError):  # a cycle
        quotes.save_code(db, quotes.CodeInfo(parent.id, parent.label_fr, parent.label_en, parent.colour,
                                             child.id), "t")
    renamed = quotes.save_code(db, quotes.CodeInfo(child.id, "Ateliers", "Training workshops", "#aa3300",
                                                   parent.id), "t")
    assert renamed.label_en == "Training workshops"
    quotes.delete_code(db, parent.id, "t")
    [left] = quotes.codes(db)
    assert left.id == child.id and left.parent_id is None  # moved up
    quotes.save_code(db, parent, "t")  # undo: the code comes back
    assert len(quotes.codes(db)) == 2


def test_coding_any_free_text_answer_of_a_questionnaire(db) -> None:  # noqa: ANN001
    midsa = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, midsa.id, "t")
    text = "Des notes d'information et des ateliers de formation pour les États membres."
    responses.save_answer(db, response.id, "section_3/q14", text, "t")
    workshops = quotes.save_code(db, quotes.CodeInfo("", "Ateliers de formation", "Training workshops", "#aa3300"), "t")
    notes = quotes.save_code(db, quotes.CodeInfo("", "Notes d'information", "Information notes", "#3300aa"), "t")
    start, end = span(text, "ateliers de formation")
    passage = quotes.code_passage(db, response_id=response.id, answer_path="section_3/q14",
                                  text="ateliers de formation", start=start, end=end,
                                  code_ids=[workshops.id], actor="t")
    assert passage.kind == "coding" and passage.code_ids == (workshops.id,)
    quotes.update_quote(db, passage.id, "t", code_ids=[workshops.id, notes.id])
    assert quotes.code_counts(db) == {workshops.id: (1, 1), notes.id: (1, 1)}
    assert quotes.codes(db)[0].uses == 1
    with pytest.raises(ValidationError):
        quotes.code_passage(db, response_id=response.id, answer_path="section_3/q14",
                            text="ateliers de formation", start=start, end=end, code_ids=[], actor="t")
    assert [p.id for p in quotes.passages(db, response.id, "section_3/q14")] == [passage.id]
    assert quotes.quotes(db) == []  # passages are not quotes


def test_passages_follow_their_partner_when_q25_is_renumbered(db) -> None:  # noqa: ANN001
    """Q25's partners are a repeat: removing or moving one renumbers the others, and the
    passages coded in their answers move with them; a removed partner's passages stay,
    detached (the words are kept, the answer is gone)."""
    ipa = find_mechanism(db, "Bali Process")
    response = responses.open_questionnaire(db, ipa.id, "t").id
    natures = {1: "Appui technique aux ateliers.", 2: "Financement des réunions régionales.",
               3: "Partage de données sur les retours."}
    for words in natures.values():
        responses.insert_repeat(db, response, "section_4/q25", "t", values={"nature": words})
    code = quotes.save_code(db, quotes.CodeInfo("", "Données", "Data", "#225588"), "t")

    def coded(index: int, words: str) -> str:
        text = natures[index]
        start, end = span(text, words)
        return quotes.code_passage(db, response_id=response, answer_path=f"section_4/q25[{index}]/nature",
                                   text=words, start=start, end=end, code_ids=[code.id], actor="t").id

    first, second, third = coded(1, "Appui technique"), coded(2, "réunions régionales"), coded(3, "données")

    def where(passage: str) -> str | None:
        return quotes.quote(db, passage).answer_path

    responses.move_repeat(db, response, "section_4/q25", 3, 1, "t")  # 3 becomes first
    assert (where(third), where(first), where(second)) == (
        "section_4/q25[1]/nature", "section_4/q25[2]/nature", "section_4/q25[3]/nature")
    responses.remove_repeat(db, response, "section_4/q25", 2, "t")  # the first partner goes
    assert where(third) == "section_4/q25[1]/nature" and where(second) == "section_4/q25[2]/nature"
    assert where(first) is None and quotes.quote(db, first).text == "Appui technique"
    answers = responses.answers(db, response)
    for passage in (second, third):  # each passage still reads its own words in its answer
        info = quotes.quote(db, passage)
        assert answers[info.answer_path][info.start:info.end] == info.text


def _reanchor(db, response_id: str, path: str, text: str) -> None:  # noqa: ANN001
    with db.write() as session:
        quotes.reanchor_passages(session, response_id, path, text)


def test_passages_follow_edits_or_are_flagged(db, interview) -> None:  # noqa: ANN001
    words = "ateliers de formation"
    start, end = span(ANSWER, words)
    code = quotes.save_code(db, quotes.CodeInfo("", "Ateliers", "Workshops", "#aa3300"), "t")
    passage = quotes.code_passage(db, response_id=interview.response_id, answer_path="mandatory/q4",
                                  text=words, start=start, end=end, code_ids=[code.id], actor="t")
    quote = quotes.save_quote(db, text=words, start=start, end=end, actor="t",
                              response_id=interview.response_id, answer_path="mandatory/q4")
    edited = "Depuis 2017, " + ANSWER
    _reanchor(db, interview.response_id, "mandatory/q4", edited)
    for item in (quotes.quote(db, passage.id), quotes.quote(db, quote.id)):
        assert (item.start, item.end) == span(edited, words) and not item.text_changed
        assert edited[item.start:item.end] == words
    gone = edited.replace("ateliers de formation", "séminaires")
    _reanchor(db, interview.response_id, "mandatory/q4", gone)
    assert quotes.quote(db, passage.id).text_changed and quotes.quote(db, quote.id).text_changed
    assert quotes.quote(db, passage.id).text == words  # the words are kept
    _reanchor(db, interview.response_id, "mandatory/q4", edited)  # undo of the edit
    assert not quotes.quote(db, passage.id).text_changed


def test_saving_an_answer_reanchors_its_passages(db, interview) -> None:  # noqa: ANN001
    """The hook in responses.save_answer (and save_note) calls reanchor_passages."""
    words = "collecte de données"
    start, end = span(ANSWER, words)
    quote = quotes.save_quote(db, text=words, start=start, end=end, actor="t",
                              response_id=interview.response_id, answer_path="mandatory/q4")
    edited = ANSWER.replace("Le MCIM", "Notre mécanisme")
    responses.save_answer(db, interview.response_id, "mandatory/q4", edited, "t")
    moved = quotes.quote(db, quote.id)
    assert (moved.start, moved.end) == span(edited, words) and not moved.text_changed
    responses.save_answer(db, interview.response_id, "mandatory/q4", "Tout a changé.", "t")
    assert quotes.quote(db, quote.id).text_changed
    responses.save_answer(db, interview.response_id, "mandatory/q4", None, "t")
    assert quotes.quote(db, quote.id).text_changed


def test_editing_the_free_notes_reanchors_their_quotes(db, interview) -> None:  # noqa: ANN001
    notes = "Point clé : le financement."
    calls.set_notes(db, interview.id, notes, "t")
    start, end = span(notes, "le financement")
    quote = quotes.save_quote(db, text="le financement", start=start, end=end, actor="t",
                              interview_id=interview.id, field="notes")
    calls.set_notes(db, interview.id, "Ajout. " + notes, "t")
    assert quotes.quote(db, quote.id).start == start + 7
    calls.set_notes(db, interview.id, "Rien.", "t")
    assert quotes.quote(db, quote.id).text_changed
