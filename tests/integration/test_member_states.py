"""Member States counted once (issue 12): a mechanism's membership is a list of ISO 3166-1
States; the summary counts distinct States across the responding mechanisms and names those
without a list; the shipped reference memberships fill the database with their sources;
memberships travel in bundles; `check` says how many are recorded.

Expected figures are computed here, from plain SQL and the reference CSV, never with the
report's own code."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pycountry
import pytest
from pypdf import PdfReader
from sqlalchemy import text

from mcim_desk.domain.reference import mechanism_id, reference_dir
from mcim_desk.services import catalogue, exchange, exchange_conflicts, responses
from mcim_desk.services import reports as report_service
from mcim_desk.services.backups import backup_to
from mcim_desk.services.startup import open_database

NOW = datetime(2018, 11, 20, 15, 0, tzinfo=UTC)
ACTOR = "tester"
# France is in three responding mechanisms, Morocco and Senegal in two each.
TEST_MEMBERS = {
    "rabat_process": ["FRA", "MAR", "SEN", "ESP"],
    "dialogue_5_5": ["FRA", "MAR", "ESP", "ITA"],
    "budapest_process": ["FRA", "DEU", "TUR"],
    "midwa": ["SEN", "MLI"],
}
RESPONDING = ("rabat_process", "dialogue_5_5", "budapest_process", "midwa", "cmc", "ocam")
NOT_RESPONDING_WITH_A_LIST = ("prague_process", ["CZE", "POL", "FRA", "RUS", "KAZ"])


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def set_up(db) -> None:  # noqa: ANN001
    for key, codes in (*TEST_MEMBERS.items(), NOT_RESPONDING_WITH_A_LIST):
        catalogue.update_mechanism(db, mechanism_id(key), "member_states", codes, ACTOR)
    for key in ("cmc", "ocam"):  # responding, without a list (the reference may give one)
        catalogue.update_mechanism(db, mechanism_id(key), "member_states", [], ACTOR)
    for key in RESPONDING:
        info = responses.open_questionnaire(db, mechanism_id(key), ACTOR)
        responses.save_answer(db, info.id, "section_2/q4", "non", ACTOR)


def distinct_by_sql(db, keys) -> tuple[int, list[str]]:  # noqa: ANN001
    """(distinct States, keys without a list) of these mechanisms, by plain SQL."""
    ids = {mechanism_id(k): k for k in keys}
    states: set[str] = set()
    missing = []
    with db.engine.connect() as conn:
        for mid, stored in conn.execute(text("SELECT id, member_states FROM mechanism")):
            if mid not in ids:
                continue
            codes = json.loads(stored) if stored else []
            if codes:
                states.update(codes)
            else:
                missing.append(ids[mid])
    return len(states), sorted(missing)


def test_a_state_in_three_mechanisms_counts_once(db, tmp_path: Path) -> None:  # noqa: ANN001
    set_up(db)
    expected, missing = distinct_by_sql(db, RESPONDING)
    assert expected == 8  # FRA MAR SEN ESP ITA DEU TUR MLI, counted by hand
    data = report_service.summary_data(db, "en", now=NOW)
    assert data.overview.member_states == expected
    assert sum(len(v) for v in TEST_MEMBERS.values()) == 13  # what a sum would have said
    assert sorted(data.overview.membership_not_recorded) == ["CMC", "OCAM"] == sorted(
        k.upper() for k in missing)
    assert "CZE" not in data.overview.states  # Prague did not respond: its list does not count

    out = report_service.build_report(db, "summary", "en", tmp_path / "s-en.pdf", now=NOW)
    shown = pdf_text(out)
    assert (f"They represent at least {expected} member States, each counted once; membership "
            "not recorded for: CMC, OCAM.") in shown
    assert f"≥ {expected}" in shown
    french = pdf_text(report_service.build_report(db, "summary", "fr", tmp_path / "s-fr.pdf", now=NOW))
    assert (f"Ils représentent au moins {expected} États membres, chacun compté une fois ; "
            "composition non renseignée pour : CMC, OCAM.") in french

    figure = json.loads(report_service.summary_json(db, "en", tmp_path / "s.json", now=NOW)
                        .read_text(encoding="utf-8"))["overview"]
    assert figure["member_states"] == expected
    assert sorted(figure["membership_not_recorded"]) == ["CMC", "OCAM"]
    assert sorted(figure["states"]) == sorted(set().union(*TEST_MEMBERS.values()))
    assert "France" in figure["state_names"]


def test_with_every_membership_recorded_the_count_is_plain(db, tmp_path: Path) -> None:  # noqa: ANN001
    for key, codes in TEST_MEMBERS.items():
        catalogue.update_mechanism(db, mechanism_id(key), "member_states", codes, ACTOR)
        info = responses.open_questionnaire(db, mechanism_id(key), ACTOR)
        responses.save_answer(db, info.id, "section_2/q4", "non", ACTOR)
    expected, missing = distinct_by_sql(db, TEST_MEMBERS)
    assert missing == []
    shown = pdf_text(report_service.build_report(db, "summary", "en", tmp_path / "s.pdf", now=NOW))
    assert f"They represent {expected} member States, each counted once." in shown
    assert "not recorded" not in shown


def test_the_profile_lists_the_members(db, tmp_path: Path) -> None:  # noqa: ANN001
    catalogue.update_mechanism(db, mechanism_id("sacm"), "member_states", ["PER", "ARG", "CHL"], ACTOR)
    catalogue.update_mechanism(db, mechanism_id("sacm"), "member_states_source",
                               "https://example.org/members (2018-10-01)", ACTOR)
    shown = pdf_text(report_service.build_report(db, "profile", "fr", tmp_path / "p.pdf",
                                                 mechanism="SACM", now=NOW))
    assert "États membres 3 États — Argentine, Chili, Pérou" in shown
    assert "Source : https://example.org/members (2018-10-01)" in shown
    catalogue.update_mechanism(db, mechanism_id("sacm"), "member_states", ["PER"], ACTOR)
    shown = pdf_text(report_service.build_report(db, "profile", "en", tmp_path / "p1.pdf",
                                                 mechanism="SACM", now=NOW))
    assert "Member States 1 State — Peru" in shown


def test_unknown_codes_are_refused(db) -> None:  # noqa: ANN001
    with pytest.raises(catalogue.ValidationError, match="XYZ"):
        catalogue.update_mechanism(db, mechanism_id("sacm"), "member_states", ["PER", "XYZ"], ACTOR)
    card = catalogue.mechanism_card(db, mechanism_id("sacm"))
    assert card.member_states == catalogue.mechanism_card(db, mechanism_id("sacm")).member_states
    assert catalogue.clean_mechanism_value("member_states", "per, arg;chl") == '["ARG", "CHL", "PER"]'
    assert catalogue.clean_mechanism_value("member_states", []) is None  # not recorded
    # the names as a conflict shows them are read back too
    assert catalogue.clean_mechanism_value("member_states", "Pérou (PER)\nChili (CHL)") == '["CHL", "PER"]'


# --- the shipped reference memberships ---------------------------------------------------------


def reference_rows() -> list[dict[str, str]]:
    with (reference_dir() / "mechanism_members.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_reference_memberships_have_sources_and_fill_the_database(db_path: Path) -> None:
    rows = reference_rows()
    keys = {r["name"] for r in csv.DictReader((reference_dir() / "mechanisms.csv").open(encoding="utf-8"))}
    listed = {}
    for row in rows:
        assert row["mechanism"] in keys, row["mechanism"]
        codes = row["members"].split()
        if codes:
            assert row["source_url"].startswith(("https://", "http://")), row["mechanism"]
            assert len(row["source_date"]) == 10, row["mechanism"]
            for code in codes:
                assert pycountry.countries.get(alpha_3=code) is not None, (row["mechanism"], code)
            assert len(set(codes)) == len(codes), row["mechanism"]
            listed[row["mechanism"]] = sorted(codes)
    db, _ = open_database(str(db_path))
    db.dispose()
    conn = sqlite3.connect(db_path)
    try:
        stored = {key: (json.loads(members) if members else None, source)
                  for key, members, source in conn.execute("SELECT key, member_states, member_states_source FROM mechanism")}
    finally:
        conn.close()
    for key in keys:
        if key in listed:
            assert stored[key][0] == listed[key], key
            row = next(r for r in rows if r["mechanism"] == key)
            assert row["source_url"] in stored[key][1]
        else:
            assert stored[key][0] is None, key


def test_check_prints_how_many_memberships_are_recorded(db_path: Path, capsys) -> None:  # noqa: ANN001
    from mcim_desk.cli import main

    listed = sum(1 for r in reference_rows() if r["members"].split())
    assert main(["check", "--db", str(db_path)]) == 0
    assert f"mechanisms with a membership recorded: {listed} of 30" in capsys.readouterr().out
    db, _ = open_database(str(db_path))
    catalogue.update_mechanism(db, mechanism_id("ocam"), "member_states", ["CRI", "PAN"], ACTOR)
    catalogue.update_mechanism(db, mechanism_id("ocam"), "member_states", ["CRI", "PAN", "GTM"], ACTOR)
    db.dispose()
    before = 1 if any(r["mechanism"] == "ocam" and r["members"].split() for r in reference_rows()) else 0
    assert main(["check", "--db", str(db_path)]) == 0
    assert f"mechanisms with a membership recorded: {listed + 1 - before} of 30" in capsys.readouterr().out


def test_a_user_edit_survives_a_newer_reference_file(tmp_path: Path) -> None:
    """The reference loader refreshes a membership only while nobody edited it."""
    from mcim_desk.domain.reference import load_reference
    from mcim_desk.persistence import repositories

    db, _ = open_database(str(tmp_path / "r.sqlite3"))
    catalogue.update_mechanism(db, mechanism_id("sacm"), "member_states", ["PER"], ACTOR)
    data = load_reference()
    changed = [m if m.key not in ("sacm", "ocam") else
               type(m)(**{**m.__dict__, "member_states": '["ARG", "BRA"]', "member_states_source": "x"})
               for m in data.mechanisms]
    with db.write() as session:
        repositories.sync_reference(session, type(data)(changed, data.entries, "changed"))
    assert catalogue.mechanism_card(db, mechanism_id("sacm")).members == ["PER"]  # the user's
    assert catalogue.mechanism_card(db, mechanism_id("ocam")).members == ["ARG", "BRA"]  # refreshed
    db.dispose()


# --- bundles ---------------------------------------------------------------------------------


def test_memberships_travel_and_merge_in_bundles(tmp_path: Path) -> None:
    start_path = tmp_path / "start.sqlite3"
    start, _ = open_database(str(start_path))
    start.dispose()
    paths = {}
    for name in ("a", "b"):
        paths[name] = tmp_path / f"{name}.sqlite3"
        backup_to(start_path, paths[name])
    a = open_database(str(paths["a"]), backup=False)[0]
    b = open_database(str(paths["b"]), backup=False)[0]
    try:
        catalogue.update_mechanism(a, mechanism_id("sacm"), "member_states", ["ARG", "PER"], "alice")
        catalogue.update_mechanism(a, mechanism_id("sacm"), "member_states_source", "call of 2018-10-02", "alice")
        out = tmp_path / "a.mcimz"
        exchange.export_bundle(a, out)
        plan = exchange.preview_import(b, out)
        assert plan.conflicts == ()
        exchange.apply_import(b, plan, actor="bob")
        card = catalogue.mechanism_card(b, mechanism_id("sacm"))
        assert (card.members, card.member_states_source) == (["ARG", "PER"], "call of 2018-10-02")
        with b.engine.connect() as conn:
            audit = conn.execute(text(
                "SELECT actor, new_value FROM audit_log WHERE entity = 'mechanism' AND field = 'member_states'"
            )).all()
        assert [tuple(r) for r in audit] == [("alice", '["ARG", "PER"]')]

        # Both change the list: a conflict, shown with the States' names.
        catalogue.update_mechanism(a, mechanism_id("sacm"), "member_states", ["ARG", "PER", "CHL"], "alice")
        catalogue.update_mechanism(b, mechanism_id("sacm"), "member_states", ["ARG"], "bob")
        exchange.export_bundle(a, tmp_path / "a2.mcimz")
        plan = exchange.preview_import(b, tmp_path / "a2.mcimz")
        exchange.apply_import(b, plan, actor="bob")
        pending = [c for c in exchange_conflicts.pending_conflicts(b) if c.field == "member_states"]
        assert len(pending) == 1
        assert catalogue.mechanism_card(b, mechanism_id("sacm")).members == ["ARG"]  # kept until chosen
    finally:
        a.dispose()
        b.dispose()


def test_one_respondent_reads_in_the_singular(db, tmp_path: Path) -> None:  # noqa: ANN001
    """"n = 1 mécanismes" / "n = 1 mechanisms" never reaches paper."""
    catalogue.update_mechanism(db, mechanism_id("sacm"), "member_states", ["PER"], ACTOR)
    info = responses.open_questionnaire(db, mechanism_id("sacm"), ACTOR)
    responses.save_answer(db, info.id, "section_2/q4", "oui", ACTOR)
    french = pdf_text(report_service.build_report(db, "summary", "fr", tmp_path / "fr.pdf", now=NOW))
    english = pdf_text(report_service.build_report(db, "summary", "en", tmp_path / "en.pdf", now=NOW))
    assert "n = 1 mécanisme ayant répondu à la question" in french and "1 mécanismes" not in french
    assert "Au total, 1 des 30 MCIM a répondu" in french
    assert "Il représente 1 État membre." in french
    assert "n = 1 mechanism that answered the question" in english and "1 mechanisms" not in english
    assert "It represents 1 member State." in english


def test_an_older_database_keeps_its_counts_and_gains_the_lists(tmp_path: Path) -> None:
    """Migration 0005 on a database of revision 0004: member_state_count values stay as they
    were (a number cannot become a list of States), the lists come from the reference file."""
    from alembic import command

    from mcim_desk.persistence.database import Database
    from mcim_desk.persistence.migrations import alembic_config

    path = tmp_path / "old.sqlite3"
    old = Database(str(path))
    config = alembic_config(old)
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004_answer_index")
    old.dispose()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO mechanism (id, key, type, region, sort, acronym_fr, acronym_en, name_fr, name_en, "
                 "member_state_count, revision, created_at, updated_at) VALUES (?, 'sacm', 'rcp', 'rcp_americas', "
                 "13, 'SACM', 'SACM', 'x', 'x', 12, 1, '2018-01-01 00:00:00', '2018-01-01 00:00:00')",
                 (mechanism_id("sacm"),))
    conn.commit()
    conn.close()
    db, report = open_database(str(path))
    db.dispose()
    assert report.migrated_from == "0004_answer_index"
    conn = sqlite3.connect(path)
    try:
        count, members = conn.execute(
            "SELECT member_state_count, member_states FROM mechanism WHERE key = 'sacm'").fetchone()
    finally:
        conn.close()
    listed = next(r for r in reference_rows() if r["mechanism"] == "sacm")["members"].split()
    assert count == 12 and json.loads(members) == sorted(listed)
