"""The autosave's statements run by sqlite3 itself (persistence/prepared.py) write and read
exactly what SQLAlchemy Core writes and reads: each way round, over generated values (Unicode
of every kind, datetimes over the whole range with every fraction, None), and fail with the
same SQLAlchemy errors, so that storage errors and retries are handled as before."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mcim_desk.persistence import prepared, repositories
from mcim_desk.persistence.models import Answer, AuditEntry, Response

VALUES = st.one_of(st.none(), st.text(max_size=60),
                   st.sampled_from(["مرحبا بالعالم", "e\u0301\u0327", "<a & b = c>", "ligne\nsuivante", "\u202e", ""]))
MOMENTS = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999))


@pytest.fixture
def sqlite_db(db_path: Path):  # noqa: ANN201 - a Database
    from mcim_desk.services.startup import open_database

    database, _ = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture
def answer(sqlite_db):  # noqa: ANN001, ANN201 - (response id, answer id)
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import mechanism_rows

    info = responses.open_questionnaire(sqlite_db, mechanism_rows(sqlite_db)[0].id, "test")
    responses.save_answer(sqlite_db, info.id, "section_3/q14", "première", "test")
    with sqlite_db.read() as session:
        rows = repositories.answer_rows(session, info.id)
    return info.id, next(row[0] for row in rows if row[1] == "section_3/q14")


def _stored(db, answer_id: str) -> tuple:  # noqa: ANN001
    with db.read() as session:
        row = session.execute(select(Answer.value, Answer.updated_at, Answer.revision, Answer.relevant)
                              .where(Answer.id == answer_id)).one()
    return tuple(row)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=VALUES, moment=MOMENTS, flag=st.booleans())
def test_an_update_writes_what_core_writes(sqlite_db, answer, value, moment, flag) -> None:  # noqa: ANN001
    _rid, answer_id = answer
    statements = repositories._statements()
    params = {"aid": answer_id, "new_value": value, "now": moment}
    flags = {"aid": answer_id, "flag": flag, "now": moment}
    with sqlite_db.write() as session:
        prepared.execute(session, statements["set_value"], params)
        prepared.execute_many(session, statements["set_relevant"], [flags])
    by_sqlite3 = _stored(sqlite_db, answer_id)
    with sqlite_db.write() as session:
        session.connection().execute(statements["set_value"], params)
        session.connection().execute(statements["set_relevant"], [flags])
    by_core = _stored(sqlite_db, answer_id)
    assert by_sqlite3[:2] == by_core[:2] == (value, moment)
    assert by_sqlite3[3] is by_core[3] is flag
    assert by_core[2] == by_sqlite3[2] + 2  # each statement bumped the revision once
    with sqlite_db.read() as session:  # the stored text itself, as Core wrote it
        raw = session.connection().exec_driver_sql("SELECT updated_at FROM answer WHERE id = ?",
                                                   (answer_id,)).scalar()
    assert raw == str(moment) if moment.microsecond else raw.startswith(str(moment))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=VALUES)
def test_reads_give_what_core_gives(sqlite_db, answer, value) -> None:  # noqa: ANN001
    rid, answer_id = answer
    statements = repositories._statements()
    with sqlite_db.write() as session:
        session.connection().execute(statements["set_value"], {"aid": answer_id, "new_value": value,
                                                               "now": datetime(2018, 12, 10, 9, 30)})
    with sqlite_db.read() as session:
        mine = [tuple(row) for row in prepared.execute(session, statements["answer_rows"], {"rid": rid})]
        core = [tuple(row) for row in session.connection().execute(statements["answer_rows"], {"rid": rid})]
        head = prepared.execute(session, statements["response_head_quoted"], {"rid": rid}).first()
        core_head = session.connection().execute(statements["response_head_quoted"], {"rid": rid}).first()
        note = prepared.execute(session, statements["answer_note"], {"aid": answer_id}).scalar()
        missing = prepared.execute(session, statements["response_head"], {"rid": "nobody"}).first()
    assert mine == core
    assert [type(v) for row in mine for v in row] == [type(v) for row in core for v in row]
    assert tuple(head) == tuple(core_head) and head.quoted is core_head.quoted is False
    assert (head.id, head.status, head.revision) == (core_head.id, core_head.status, core_head.revision)
    assert note is None and missing is None


def test_audit_rows_are_those_core_writes(sqlite_db, answer) -> None:  # noqa: ANN001
    rid, _answer_id = answer
    entry = {"actor": "Amina « test »", "action": "update", "entity": "answer", "entity_id": rid,
             "field": "section_3/q14", "old": "a & b", "new": "مرحبا", "at": datetime(2018, 12, 10, 9, 30, 0, 1)}
    with sqlite_db.write() as session:
        repositories.insert_audit_rows(session, [entry, dict(entry, at=datetime(2018, 12, 10, 9, 30, 0, 2))])
        installation = repositories.get_setting(session, "installation_id")
    with sqlite_db.read() as session:
        rows = session.execute(select(AuditEntry.at, AuditEntry.actor, AuditEntry.old_value, AuditEntry.new_value,
                                      AuditEntry.installation_id)
                               .where(AuditEntry.actor == "Amina « test »").order_by(AuditEntry.at)).all()
    assert [tuple(r[:4]) for r in rows] == [
        (datetime(2018, 12, 10, 9, 30, 0, 1), "Amina « test »", "a & b", "مرحبا"),
        (datetime(2018, 12, 10, 9, 30, 0, 2), "Amina « test »", "a & b", "مرحبا")]
    assert installation and rows[0][4] == rows[1][4] == installation


def test_a_unique_key_taken_is_the_error_core_raises(sqlite_db, answer) -> None:  # noqa: ANN001
    """The autosave retries on SQLite's unique-key error (response_common._transient): the
    driver's error must reach it as SQLAlchemy's IntegrityError with SQLite's text."""
    rid, _answer_id = answer
    with pytest.raises(IntegrityError) as caught, sqlite_db.write() as session:
        repositories.insert_answer(session, rid, "section_3/q14", "doublon")
    assert "UNIQUE constraint failed" in str(caught.value.orig)
    with sqlite_db.read() as session:  # nothing written
        assert [r for r in repositories.answer_rows(session, rid) if r[2] == "doublon"] == []


def test_an_autosave_on_a_full_disk_is_said_and_changes_nothing(tmp_path: Path, isolated_data: Path) -> None:
    """A real full disk (a small tmpfs, root) under the autosave: the storage error every
    window shows, and the answer as it was."""
    from mcim_desk.files import DiskFullError
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import mechanism_rows
    from mcim_desk.services.startup import open_database
    from tests.fault_tools import fill, small_disk

    with small_disk(tmp_path / "disk", "8m") as disk:
        db, _ = open_database(str(disk / "study.sqlite3"))
        info = responses.open_questionnaire(db, mechanism_rows(db)[0].id, "test")
        responses.save_answer(db, info.id, "section_3/q14", "avant", "test")
        ballast = fill(disk)
        refused = 0
        for n in range(200):  # until the WAL needs a page the disk no longer has
            try:
                responses.save_answer(db, info.id, "section_3/q14", f"{'x' * 4000} {n}", "test")
            except DiskFullError:
                refused += 1
                break
        assert refused == 1
        last = responses.answers(db, info.id)["section_3/q14"]
        ballast.unlink()
        assert responses.answers(db, info.id)["section_3/q14"] == last  # the refused save left nothing
        assert responses.save_answer(db, info.id, "section_3/q14", "après", "test").changed
        db.dispose()


def test_a_response_row_is_changed_as_core_changes_it(sqlite_db, answer) -> None:  # noqa: ANN001
    rid, _answer_id = answer
    with sqlite_db.read() as session:
        before = session.execute(select(Response.revision).where(Response.id == rid)).scalar()
    with sqlite_db.write() as session:
        assert repositories.touch_response(session, rid, before, "draft") is True
        assert repositories.touch_response(session, rid, before, "draft") is False  # the revision moved on
    with sqlite_db.read() as session:
        assert session.execute(select(Response.revision).where(Response.id == rid)).scalar() == before + 1


def test_a_session_kept_over_two_transactions_writes_in_the_second(sqlite_db, answer) -> None:  # noqa: ANN001
    """The driver connection is kept per transaction: a session that commits and begins again
    writes in its new transaction, and a rollback there undoes the write."""
    from sqlalchemy.orm import Session

    _rid, answer_id = answer
    set_value = repositories._statements()["set_value"]
    moment = datetime(2018, 12, 10, 9, 30)
    with Session(sqlite_db.engine) as session:
        with session.begin():
            prepared.execute(session, set_value, {"aid": answer_id, "new_value": "gardée", "now": moment})
        session.begin()
        prepared.execute(session, set_value, {"aid": answer_id, "new_value": "annulée", "now": moment})
        assert session.execute(select(Answer.value).where(Answer.id == answer_id)).scalar() == "annulée"
        session.rollback()
    assert _stored(sqlite_db, answer_id)[0] == "gardée"
