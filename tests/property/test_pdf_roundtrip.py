"""The fillable PDF's round-trip law: a questionnaire written with its answers
(``questionnaire pdf --with-answers``) and imported into an empty database with every answer
accepted gives the mechanism the same answers; the Q25 partners come back as the same rows
(the PDF groups them by category, so their order may change; a row with a category and no
text is an unused row on paper)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from study_data import ACTOR, TEXT, TOP_LEVEL, Templates, plans, populate, rows

from mcim_desk.services import catalogue, pdf_forms, pdf_returns

PREFILLED = ("section_1/q1", "section_1/q2", "section_1/q3")  # the catalogue fills them when empty


def questionnaire_answers(path: Path, mechanism_id: str) -> tuple[dict[str, str], Counter]:
    """The mechanism's live questionnaire answers outside repeats, and its Q25 rows as a
    multiset of (category, partner name, nature)."""
    found = rows(
        path,
        "SELECT a.path, a.value FROM answer a JOIN response r ON r.id = a.response_id "
        "JOIN form_version fv ON fv.id = r.form_version_id "
        "WHERE r.mechanism_id = ? AND fv.form_id = 'mcim_questionnaire_2018' "
        "AND r.deleted_at IS NULL AND a.value IS NOT NULL AND a.value <> ''",
        (mechanism_id,),
    )
    # check boxes give a select_multiple's codes in the form's order: the same choices
    plain = {
        p: " ".join(sorted(v.split())) if p in TOP_LEVEL["select_multiple"] else v
        for p, v in found if not p.startswith("section_4/q25[")
    }
    partners: dict[str, dict[str, str]] = {}
    for p, v in found:
        if p.startswith("section_4/q25["):
            instance, name = p.rsplit("/", 1)
            partners.setdefault(instance, {})[name] = v
    # a row the PDF cannot tell from an unused one (a category and no text) does not travel
    return plain, Counter(
        (r.get("category"), r.get("partner_name"), r.get("nature")) for r in partners.values()
        if r.get("partner_name") or r.get("nature")
    )


@settings(max_examples=max(5, settings.default.max_examples // 4))
@given(plan=plans(valid_only=True, with_interviews=False), lang=st.sampled_from(["fr", "en"]),
       prefilled=st.lists(TEXT, min_size=3, max_size=3))
def test_a_pdf_with_answers_gives_an_empty_database_the_same_answers(
    templates: Templates, tmp_path: Path, plan, lang: str, prefilled: list[str]  # noqa: ANN001
) -> None:
    index, answers, moment = plan.questionnaires[0]
    for path, text in zip(PREFILLED, prefilled, strict=True):
        if not answers.get(path, "").strip():
            answers[path] = text if text.strip() else "x"
    # PDF text fields separate lines with CR and are read back with LF; a person typing in the
    # window never types a CR (the JSON and bundle laws keep it)
    answers = {p: v.replace("\r\n", "\n").replace("\r", "\n") for p, v in answers.items()}
    plan.questionnaires[:] = [(index, answers, moment)]
    source, source_path = templates.fresh("source")
    target, target_path = templates.fresh("target")
    out = tmp_path / f"questionnaire-{templates.count}.pdf"
    try:
        populate(source, plan)
        mechanism = catalogue.mechanism_rows(source)[index]
        pdf_forms.make_questionnaire_pdf(source, mechanism.id, lang, out, with_answers=True)
        preview = pdf_returns.preview_pdf_import(target, out, lang)
        # every answer can be saved (one outside the form's constraints, such as a date
        # before 2018, is kept as typed: flagged, not refused)
        assert [c for c in preview.changes if not c.savable] == []
        pdf_returns.apply_pdf_import(target, preview, [c.key for c in preview.changes], ACTOR)
    finally:
        source.dispose()
        target.dispose()
    (mine, my_rows), (theirs, their_rows) = (questionnaire_answers(p, mechanism.id)
                                             for p in (source_path, target_path))
    assert theirs == mine
    assert (their_rows - my_rows, my_rows - their_rows) == (Counter(), Counter())
