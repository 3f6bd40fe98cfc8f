"""Search (issue 17) through the service, on SQLite and PostgreSQL: every kind of record is
found, accents and case do not matter, prefixes and phrases work, edits and deletions show at
once, hidden answers stay hidden, a bundle's records become findable."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mcim_desk.services import (
    calls,
    catalogue,
    exchange,
    followups,
    interviews,
    quotes,
    responses,
    search,
)
from mcim_desk.services.catalogue import find_mechanism

GENEVA, LIMA = "Europe/Geneva", "America/Lima"
ANSWER_FR = "Le MCIM organise des ateliers sur le cadre réglementaire et le renforcement des capacités."
ANSWER_EN = "Our mechanism builds capacities through regional workshops in Khartoum."


def hits(db, text: str, **kwargs) -> dict[str, list]:  # noqa: ANN001
    """kind -> record ids found."""
    found = search.search(db, text, **kwargs)
    return {g.kind: [h.record_id for h in g.hits] for g in found.groups}


def answer_id(db, response_id: str, path: str) -> str:  # noqa: ANN001
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM answer WHERE response_id = :r AND path = :p"),
                            {"r": response_id, "p": path}).scalar_one()


@pytest.fixture
def midsa(db):  # noqa: ANN001, ANN201
    mechanism = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, mechanism.id, "t")
    responses.save_answer(db, response.id, "section_3/q14", ANSWER_FR, "t")
    responses.save_answer(db, response.id, "section_3/q20", ANSWER_EN, "t")
    return mechanism, response


def test_accents_case_and_prefixes_in_both_languages(db, midsa) -> None:  # noqa: ANN001
    _mechanism, response = midsa
    q14, q20 = answer_id(db, response.id, "section_3/q14"), answer_id(db, response.id, "section_3/q20")
    assert hits(db, "reglementaire") == {"answer": [q14]}
    assert hits(db, "RÉGLEMENTAIRE") == {"answer": [q14]}
    assert hits(db, "Réglementaire", kinds=["answer"]) == {"answer": [q14]}
    assert set(hits(db, "capacit*")["answer"]) == {q14, q20}  # capacités and capacities
    assert hits(db, "capacit") == {}  # a whole word unless asked for a prefix
    assert hits(db, "renforc* capacites") == {"answer": [q14]}
    assert hits(db, "workshop*")["answer"] == [q20]
    assert hits(db, '"cadre reglementaire"') == {"answer": [q14]}
    assert hits(db, '"reglementaire cadre"') == {}  # a phrase keeps its order
    assert hits(db, "capacit* -khartoum") == {"answer": [q14]}
    assert hits(db, "-khartoum") == {}  # exclusions alone find nothing
    found = search.search(db, "reglementaire", lang="fr")
    [hit] = found.groups[0].hits
    assert hit.acronym("en") == "MIDSA" and hit.path == "section_3/q14"
    assert hit.where("en").startswith("14. Has the Global Compact already influenced")
    assert hit.where("fr").startswith("14. Le Pacte mondial")
    marked = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
    assert marked == ["réglementaire"]
    # Hits and snippets are filled without their dataclass's __init__: every field set, the
    # same value as built by the constructor.
    import dataclasses

    for made in (hit, hit.snippet):
        names = [f.name for f in dataclasses.fields(made)]
        assert sorted(vars(made)) == sorted(names)
        assert made == type(made)(**{n: getattr(made, n) for n in names})


def test_every_kind_is_found(db, midsa) -> None:  # noqa: ANN001
    mechanism, response = midsa
    sacm = find_mechanism(db, "SACM")
    info = interviews.plan_interview(db, sacm.id, None, datetime(2019, 4, 1, 3), LIMA, 60, GENEVA, "t")
    responses.save_answer(db, info.response_id, "mandatory/q4", "Le dialogue sur l'objectif vingt-trois.", "t")
    responses.save_note(db, info.response_id, "mandatory/q4", "Relancer Ouagadougou sur le financement.", "t")
    calls.set_notes(db, info.id, "Appel : le Processus de Khartoum est cité, puis Tombouctou.", "t")
    text = "Le dialogue sur l'objectif vingt-trois."
    quote = quotes.save_quote(db, text="objectif vingt-trois", start=text.index("objectif"),
                              end=text.index("objectif") + len("objectif vingt-trois"), actor="t",
                              response_id=info.response_id, answer_path="mandatory/q4")
    code = quotes.save_code(db, quotes.CodeInfo("", "Ateliers de formation", "Training workshops", "#aa3300"), "t")
    start = ANSWER_EN.index("regional workshops")
    coding = quotes.code_passage(db, response_id=response.id, answer_path="section_3/q20",
                                 text="regional workshops", start=start, end=start + len("regional workshops"),
                                 code_ids=[code.id], actor="t")
    followup = followups.create_followup(db, kind="other", mechanism_id=mechanism.id, due_utc=None,
                                         owner="t", actor="t", notes="Demander le rapport de Gaborone.")
    contact = catalogue.save_contact(db, catalogue.ContactInfo(
        "", mechanism.id, "other", "Aïssatou Diallo", "Conseillère", "Ministère de l'Intérieur",
        "a.diallo@example.org", None, None, 0), "t")
    assert hits(db, "ouagadougou") == {"note": [answer_id(db, info.response_id, "mandatory/q4")]}
    assert hits(db, "tombouctou") == {"call_note": [info.id]}
    assert hits(db, '"objectif vingt"*') == {
        "answer": [answer_id(db, info.response_id, "mandatory/q4")], "quote": [quote.id]}
    assert hits(db, "regional workshops", kinds=["coding"]) == {"coding": [coding.id]}
    [group] = search.search(db, "regional", kinds=["coding"], lang="en").groups
    assert group.hits[0].codes == ("Training workshops",)
    assert hits(db, "gaborone") == {"followup": [followup.id]}
    # a follow-up's title (its kind) in either language, with its notes in the snippet
    reminder = followups.create_followup(db, kind="reminder", mechanism_id=mechanism.id, due_utc=None,
                                         owner="t", actor="t", notes="Avant la fin du mois.")
    assert hits(db, "reminder", kinds=["followup"]) == {"followup": [reminder.id]}
    assert hits(db, "relance", kinds=["followup"]) == {"followup": [reminder.id]}
    assert hits(db, "reminder -mois", kinds=["followup"]) == {}
    [group] = search.search(db, "remind*", kinds=["followup"]).groups
    assert group.hits[0].snippet.text == "Reminder — Avant la fin du mois."
    assert hits(db, "aissatou") == {"contact": [contact.id]}
    assert hits(db, "interieur") == {"contact": [contact.id]}
    # mechanism names in both languages
    assert hits(db, '"dialogue for southern africa"', kinds=["mechanism"]) == {"mechanism": [mechanism.id]}
    assert hits(db, "\"pour l'afrique australe\" migration", kinds=["mechanism"]) == {"mechanism": [mechanism.id]}
    assert hits(db, "midsa", kinds=["mechanism"]) == {"mechanism": [mechanism.id]}


def test_edited_then_found_by_new_words_only_and_deleted_gone(db, midsa) -> None:  # noqa: ANN001
    mechanism, response = midsa
    q14 = answer_id(db, response.id, "section_3/q14")
    responses.save_answer(db, response.id, "section_3/q14", "Nouvelle rédaction : partenariats régionaux.", "t")
    assert hits(db, "reglementaire") == {}
    assert hits(db, "partenariats regionaux") == {"answer": [q14]}
    followup = followups.create_followup(db, kind="other", mechanism_id=mechanism.id, due_utc=None,
                                         owner="t", actor="t", notes="Appeler Maseru.")
    followups.update_followup(db, followup.id, "notes", "Appeler Lilongwe.", "t")
    assert hits(db, "maseru") == {}
    assert hits(db, "lilongwe") == {"followup": [followup.id]}
    followups.delete_followup(db, followup.id, "t")
    assert hits(db, "lilongwe") == {}
    followups.restore_followup(db, followup.id, "t")
    assert hits(db, "lilongwe") == {"followup": [followup.id]}
    responses.save_answer(db, response.id, "section_3/q14", None, "t")
    assert hits(db, "partenariats") == {}
    assert search.index_problems(db) == []


def test_hidden_answers_only_when_asked(db) -> None:  # noqa: ANN001
    mechanism = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, mechanism.id, "t")
    responses.save_answer(db, response.id, "section_2/q4", "oui", "t")
    responses.save_answer(db, response.id, "section_2/q5", "Position commune adoptée à Windhoek.", "t")
    q5 = answer_id(db, response.id, "section_2/q5")
    assert hits(db, "windhoek") == {"answer": [q5]}
    responses.save_answer(db, response.id, "section_2/q4", "non", "t")  # q5 is now hidden
    assert hits(db, "windhoek") == {}
    assert hits(db, "windhoek hidden:yes") == {"answer": [q5]}
    assert hits(db, "windhoek", include_hidden=True) == {"answer": [q5]}


def test_a_choice_answer_shows_its_choices_labels_not_their_codes(db) -> None:  # noqa: ANN001
    """Q4 and Q9 store codes ("en_cours", "theme_1 theme_3"); a hit shows what the form shows,
    in the search's language, marked where the words are."""
    mechanism = find_mechanism(db, "MIDSA")
    response = responses.open_questionnaire(db, mechanism.id, "t")
    responses.save_answer(db, response.id, "section_2/q4", "en_cours", "t")
    responses.save_answer(db, response.id, "section_2/q9", "theme_1 theme_3", "t")

    def shown(text: str, lang: str) -> list[tuple[str, list[str]]]:
        hit_list = [h for g in search.search(db, text, lang=lang).groups for h in g.hits]
        return [(h.snippet.text, [h.snippet.text[b:e] for b, e in h.snippet.spans]) for h in hit_list]

    assert shown("cours", "fr") == [("En cours, pas encore définitif", ["cours"])]
    assert shown("cours", "en") == [("In progress, not yet final", [])]  # found by its code
    (text, marked), = shown("theme", "en")
    assert text.startswith("Human rights of all migrants, social inclusion")
    assert "intolerance; International cooperation" in text  # the first 160 characters or so
    assert marked == []
    (text, marked), = shown("theme", "fr")
    assert text.startswith("Les droits de l’homme de tous les migrants")
    assert text.endswith("la xénophobie et l’intolérance;…")  # the first 160 characters or so
    assert marked == []


def test_filters(db, midsa) -> None:  # noqa: ANN001
    mechanism, response = midsa
    q20 = answer_id(db, response.id, "section_3/q20")
    assert hits(db, "capacities mechanism:MIDSA") == {"answer": [q20]}
    assert hits(db, "capacities", mechanism="midsa") == {"answer": [q20]}
    assert hits(db, "capacities mechanism:SACM") == {}
    assert hits(db, "capacities type:rcp region:africa") == {"answer": [q20]}
    assert hits(db, "capacities type:irf") == {}
    assert hits(db, "capacities region:americas") == {}
    assert hits(db, "capacities form:mcim_questionnaire_2018") == {"answer": [q20]}
    assert hits(db, "capacities form:mcim_interview_2018") == {}
    today = date.today()
    assert hits(db, f"capacities from:{today.replace(year=today.year - 1)}") == {"answer": [q20]}
    assert hits(db, f"capacities to:{today.replace(year=today.year - 1)}") == {}
    assert hits(db, "capacities kind:note") == {}
    bad = search.search(db, "capacities from:yesterday")
    assert bad.query.problems == ("from:yesterday",)


@pytest.mark.sqlite_only
def test_a_bundle_import_makes_its_records_findable(db, tmp_path) -> None:  # noqa: ANN001
    from mcim_desk.services.startup import open_database

    other, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    try:
        mechanism = find_mechanism(other, "MIDSA")
        response = responses.open_questionnaire(other, mechanism.id, "amina")
        responses.save_answer(other, response.id, "section_3/q14", "Atelier tenu à Zanzibar en mars.", "amina")
        bundle = exchange.export_bundle(other, tmp_path / "amina.mcimz").path
    finally:
        other.dispose()
    assert hits(db, "zanzibar") == {}
    plan = exchange.preview_import(db, bundle)
    exchange.apply_import(db, plan, actor="secretariat")
    assert hits(db, "zanzibar") == {"answer": [answer_id(db, response.id, "section_3/q14")]}
    assert search.index_problems(db) == []


def test_user_text_is_never_query_syntax(db, midsa) -> None:  # noqa: ANN001
    for text in ('"', "NOT", "AND OR", "a:b:c", "capacit**", "(", "{section}:x", "NEAR(a b)",
                 "'; DROP TABLE answer; --", "^start", "*"):
        found = search.search(db, text)  # never raises
        assert isinstance(found.count, int)
    # FTS5's operators typed are words like any other
    q14 = answer_id(db, midsa[1].id, "section_3/q14")
    assert hits(db, "capacites AND") == {}  # "and" is not in the French answer
    assert hits(db, "capacites OR khartoum") == {}  # not "either": every word, and "or" is none
    assert hits(db, "capacites ET") == {"answer": [q14]}  # "et" is in it
    assert hits(db, "capacites le") == {"answer": [q14]}


@pytest.mark.sqlite_only
def test_the_migration_indexes_an_existing_database(db, db_path, midsa) -> None:  # noqa: ANN001
    """A database of before the search (0004) is indexed by the upgrade, data included."""
    import sqlite3

    from alembic import command

    from mcim_desk.persistence.migrations import alembic_config
    from mcim_desk.services.startup import open_database

    _mechanism, response = midsa
    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_answer_index")
    db.dispose()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'").fetchone() == (0,)
    conn.execute("UPDATE answer SET value = 'Ancien texte sur Mopti' WHERE path = 'section_3/q20'")
    conn.commit()
    conn.close()
    upgraded, report = open_database(str(db_path))
    try:
        assert report.migrated_from == "0004_answer_index"
        assert hits(upgraded, "mopti") == {"answer": [answer_id(upgraded, response.id, "section_3/q20")]}
        assert hits(upgraded, "reglementaire") == {"answer": [answer_id(upgraded, response.id, "section_3/q14")]}
        assert search.index_problems(upgraded) == []
    finally:
        upgraded.dispose()


@pytest.mark.sqlite_only
def test_triggers_dropped_by_a_table_rebuild_come_back_with_the_index(db, db_path, midsa) -> None:  # noqa: ANN001
    """Alembic's batch mode copies a table into a new one: its triggers go, its rows are
    renumbered. ensure_index (run after every upgrade) puts both right."""
    import sqlite3

    _mechanism, response = midsa
    db.dispose()
    conn = sqlite3.connect(db_path)
    conn.executescript("""
        PRAGMA foreign_keys = OFF;
        CREATE TABLE answer_copy AS SELECT * FROM answer ORDER BY path DESC;
        DROP TABLE answer;
        ALTER TABLE answer_copy RENAME TO answer;
    """)
    conn.close()
    assert search.ensure_index(db) is True
    assert search.ensure_index(db) is False  # all in place now
    q14 = answer_id(db, response.id, "section_3/q14")
    assert hits(db, "reglementaire") == {"answer": [q14]}
    responses.save_answer(db, response.id, "section_3/q14", "Texte neuf sur Kayes.", "t")
    assert hits(db, "kayes") == {"answer": [q14]} and hits(db, "reglementaire") == {}
    assert search.index_problems(db) == []
