"""The shared secretariat database on a real PostgreSQL server (skipped without one: set
MCIM_TEST_PG_URL, as .ci/run does). Each test starts from an empty schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mcim_desk.persistence.database import Database
from mcim_desk.services import catalogue, exchange, responses
from mcim_desk.services import exchange_conflicts as conflicts
from mcim_desk.services.startup import open_database

pytestmark = pytest.mark.postgres
Q4, Q13 = "section_2/q4", "section_3/q13"


def reset(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def pg(pg_url: str):  # noqa: ANN201
    reset(pg_url)
    db, report = open_database(pg_url)
    yield db, report
    db.dispose()


def scalar(db: Database, sql: str, **params: object) -> object:
    from sqlalchemy import text

    with db.read() as session:
        return session.execute(text(sql), params).scalar()


def test_migrations_and_reference_data(pg, pg_url: str) -> None:  # noqa: ANN001
    from mcim_desk.persistence.migrations import current_revision, head_revision

    db, report = pg
    assert db.path is None and db.engine.dialect.name == "postgresql"
    assert report.migrated_from is None and report.revision == head_revision()
    assert current_revision(db) == head_revision()
    summary = catalogue.database_summary(db)
    assert summary.problems == []
    assert summary.counts["mechanisms"] == 30 and summary.counts["objective"] == 23
    again, second = open_database(pg_url)  # a second start changes nothing
    assert second.migrated_from is None and "reference data up to date" in second.steps
    again.dispose()


def test_audit_log_is_append_only_on_the_server(pg) -> None:  # noqa: ANN001
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    db, _ = pg
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    catalogue.update_mechanism(db, rabat.id, "notes", "Réunion à Rabat", "tester")
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.execute(text("UPDATE audit_log SET actor = 'someone else'"))
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.execute(text("DELETE FROM audit_log"))


def test_answers_are_saved_and_read(pg) -> None:  # noqa: ANN001
    db, _ = pg
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    info = responses.open_questionnaire(db, rabat.id, "secrétariat")
    responses.save_answer(db, info.id, Q4, "oui", "secrétariat")
    responses.save_answer(db, info.id, "section_2/q5", "Déclaration « commune », été 2018", "secrétariat")
    responses.insert_repeat(db, info.id, "section_4/q25", "secrétariat", values={"partner_name": "CEDEAO"})
    answers = responses.answers(db, info.id)
    assert answers[Q4] == "oui"
    assert answers["section_2/q5"] == "Déclaration « commune », été 2018"
    assert answers["section_4/q25[1]/partner_name"] == "CEDEAO"
    assert [h.actor for h in responses.history(db, info.id)][:1] == ["secrétariat"]


def test_two_users_editing_the_same_record(pg, pg_url: str) -> None:  # noqa: ANN001
    """Two secretariat users (two program instances): the later save is told its copy is
    stale, and the earlier save is kept whole."""
    first, _ = pg
    second = Database(pg_url)
    try:
        rabat = catalogue.find_mechanism(first, "Rabat Process").id
        card_one = catalogue.mechanism_card(first, rabat)
        card_two = catalogue.mechanism_card(second, rabat)
        assert card_one.revision == card_two.revision
        saved = catalogue.update_mechanism(first, rabat, "notes", "Première saisie", "amina",
                                           expected_revision=card_one.revision)
        assert saved.revision == card_one.revision + 1
        with pytest.raises(catalogue.StaleEditError):
            catalogue.update_mechanism(second, rabat, "notes", "Seconde saisie", "jean",
                                       expected_revision=card_two.revision)
        assert catalogue.mechanism_card(second, rabat).notes == "Première saisie"
        # Told, the second user reloads and saves again: nothing is lost.
        fresh = catalogue.mechanism_card(second, rabat)
        catalogue.update_mechanism(second, rabat, "notes", fresh.notes + " — complétée", "jean",
                                   expected_revision=fresh.revision)
        assert catalogue.mechanism_card(first, rabat).notes == "Première saisie — complétée"
    finally:
        second.dispose()


def test_interleaved_transactions_are_caught_by_the_revision_counter(pg, pg_url: str) -> None:  # noqa: ANN001
    """Below the services: two sessions read the same row; the one that writes second
    updates nothing (WHERE revision = the one it read) and is refused with StaleEditError."""
    from mcim_desk.persistence.database import StaleEditError
    from mcim_desk.persistence.models import Mechanism

    first, _ = pg
    second = Database(pg_url)
    try:
        rabat = catalogue.find_mechanism(first, "Rabat Process").id
        with pytest.raises(StaleEditError):
            with second.write() as late:
                mine = late.get(Mechanism, rabat)
                mine.notes = "written second"
                with first.write() as early:
                    early.get(Mechanism, rabat).notes = "written first"
                late.flush()
        assert catalogue.mechanism_card(first, rabat).notes == "written first"
    finally:
        second.dispose()


def test_bundles_merge_into_the_server(pg, tmp_path: Path) -> None:  # noqa: ANN001
    server, _ = pg
    laptop, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    try:
        rabat = catalogue.find_mechanism(laptop, "Rabat Process")
        info = responses.open_questionnaire(laptop, rabat.id, "alice")
        responses.save_answer(laptop, info.id, Q4, "oui", "alice")
        exchange.export_bundle(laptop, tmp_path / "one.mcimz")
        plan = exchange.preview_import(server, tmp_path / "one.mcimz")
        assert plan.added >= 2 and not plan.conflicts
        exchange.apply_import(server, plan, actor="secretariat")
        assert responses.answers(server, info.id)[Q4] == "oui"
        audit_before = scalar(server, "SELECT count(*) FROM audit_log")
        again = exchange.preview_import(server, tmp_path / "one.mcimz")
        assert again.nothing_to_do
        exchange.apply_import(server, again, actor="secretariat")
        assert scalar(server, "SELECT count(*) FROM audit_log") == audit_before

        # Both sides change Q4: a conflict, stored on the server for the window.
        responses.save_answer(laptop, info.id, Q4, "en_cours", "alice")
        responses.save_answer(server, info.id, Q4, "non", "bob")
        responses.save_answer(laptop, info.id, Q13, "oui", "alice")
        exchange.export_bundle(laptop, tmp_path / "two.mcimz", since_last=True)
        plan = exchange.preview_import(server, tmp_path / "two.mcimz")
        assert [(c.field, c.mine, c.theirs) for c in plan.conflicts] == [(Q4, "non", "en_cours")]
        exchange.apply_import(server, plan, actor="secretariat")
        assert responses.answers(server, info.id)[Q4] == "non"
        assert responses.answers(server, info.id)[Q13] == "oui"
        pending = conflicts.pending_conflicts(server)
        conflicts.resolve_conflicts(server, {pending[0].id: conflicts.Resolution("edit", "oui")}, "bob")
        assert responses.answers(server, info.id)[Q4] == "oui"

        # And the server's data goes back to a laptop.
        exchange.export_bundle(server, tmp_path / "back" / "server.mcimz")
        exchange.apply_import(laptop, exchange.preview_import(laptop, tmp_path / "back" / "server.mcimz"),
                              actor="alice")
        assert responses.answers(laptop, info.id)[Q4] == "oui"
    finally:
        laptop.dispose()
    conn = sqlite3.connect(tmp_path / "laptop.sqlite3")
    assert conn.execute("SELECT count(*) FROM exchange_conflict").fetchone()[0] == 0
    conn.close()


def test_spreadsheet_from_the_server(pg, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    db, _ = pg
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    info = responses.open_questionnaire(db, rabat.id, "secrétariat")
    responses.save_answer(db, info.id, Q4, "oui", "secrétariat")
    report = exchange.export_spreadsheets(db, tmp_path / "server.xlsx", "xlsx", "fr", labels=True)
    ws = load_workbook(report.paths[0])["mcim_questionnaire_2018"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][rows[0].index(Q4)] == "Oui"


# Text the COPY text format escapes or could misread: tab, newline, carriage return,
# backslashes (alone, before letters, at the end), quotes, a literal \N and \., right-to-left
# text and combining marks.
AWKWARD = [
    "col1\tcol2\nline two\r\nline three",
    "C:\\temp\\new\\table \\N \\. \\\\ end\\",
    "\\N",
    "it's \"quoted\" 'twice'",
    "مرحبا بالعالم — שלום (RTL) e\u0301 a\u0308\u0323 ﷺ",
    "\\.\n\\.",
]


def test_new_responses_round_trip_exactly_through_the_direct_copy(pg, tmp_path: Path) -> None:  # noqa: ANN001
    """Responses new on the server: their answers and audit rows go by COPY straight into
    their tables (no staging); every character comes back as it was on the laptop."""
    server, _ = pg
    laptop, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    try:
        rabat = catalogue.find_mechanism(laptop, "Rabat Process")
        actor = "alice\tthe\\second\n"
        info = responses.open_questionnaire(laptop, rabat.id, actor)
        for i, text in enumerate(AWKWARD):
            responses.save_answer(laptop, info.id, "section_2/q5", text, actor)
            responses.save_note(laptop, info.id, Q4, f"note {i}: {text}", actor)
        responses.save_answer(laptop, info.id, "section_2/q5", "\\N", actor)
        responses.save_note(laptop, info.id, Q4, AWKWARD[0] + AWKWARD[4], actor)
        exchange.export_bundle(laptop, tmp_path / "awkward.mcimz")
        plan = exchange.preview_import(server, tmp_path / "awkward.mcimz")
        merged = plan.content.plan
        assert info.id in merged.bulk_answers and merged.bulk_every and merged.audit_fresh
        exchange.apply_import(server, plan, actor="secretariat")

        answers_sql = ("SELECT id, response_id, path, value, note, relevant, created_at, revision "
                       "FROM answer WHERE response_id = :rid ORDER BY id")
        audit_sql = ("SELECT id, actor, action, entity, entity_id, field, old_value, new_value, at, installation_id FROM audit_log "
                     "WHERE entity = 'answer' AND entity_id = :rid ORDER BY id")
        from sqlalchemy import text as sql

        def rows(db: Database, statement: str) -> list[tuple]:
            with db.read() as session:
                return [tuple(v.isoformat(sep=" ", timespec="microseconds") if hasattr(v, "isoformat") else v
                              for v in r)
                        for r in session.execute(sql(statement), {"rid": info.id})]

        mine, theirs = rows(server, answers_sql), rows(laptop, answers_sql)
        assert [(r[2], r[3], r[4]) for r in mine if r[2] == "section_2/q5"] == [("section_2/q5", "\\N", None)]
        assert [r[4] for r in mine if r[2] == Q4] == [AWKWARD[0] + AWKWARD[4]]
        # The same rows (booleans: 1 on SQLite, true on the server; datetimes as text).
        assert [(*r[:5], bool(r[5]), *r[6:]) for r in mine] == [(*r[:5], bool(r[5]), *r[6:]) for r in theirs]
        audit_mine, audit_theirs = rows(server, audit_sql), rows(laptop, audit_sql)
        assert len(audit_mine) >= 2 * len(AWKWARD) and audit_mine == audit_theirs
        assert {r[7] for r in audit_mine} >= {*AWKWARD, "\\N"}  # the answers' texts, as they were
        assert {r[1] for r in audit_mine} == {actor}
    finally:
        laptop.dispose()


def test_audit_rows_already_here_fall_back_to_the_staged_insert(pg, tmp_path: Path) -> None:  # noqa: ANN001
    """Told the bundle's audit rows are all new when some are here after all, the direct
    COPY fails inside its savepoint and the staged INSERT ... ON CONFLICT appends the others,
    in the same transaction."""
    from mcim_desk.persistence import exchange_repo

    server, _ = pg
    laptop, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    try:
        rabat = catalogue.find_mechanism(laptop, "Rabat Process")
        info = responses.open_questionnaire(laptop, rabat.id, "alice")
        responses.save_answer(laptop, info.id, Q4, "oui", "alice")
        exchange.export_bundle(laptop, tmp_path / "one.mcimz")
        exchange.apply_import(server, exchange.preview_import(server, tmp_path / "one.mcimz"), actor="secretariat")
        responses.save_answer(laptop, info.id, Q13, "oui", "alice")
        exchange.export_bundle(laptop, tmp_path / "two.mcimz")  # all of it again, one audit row more
        plan = exchange.preview_import(server, tmp_path / "two.mcimz")
        assert plan.audit_new == 1 and not plan.content.plan.audit_fresh
        before = scalar(server, "SELECT count(*) FROM audit_log")
        with server.write() as session:
            added = exchange_repo.new_audit(session, plan.content.file, set(), write=True, fresh=True)
        assert added == 1
        assert scalar(server, "SELECT count(*) FROM audit_log") == before + 1
    finally:
        laptop.dispose()
