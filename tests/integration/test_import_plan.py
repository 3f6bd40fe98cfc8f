"""A bundle's import plan and its effect, the same on SQLite and PostgreSQL (the ``db``
fixture runs each test on both when MCIM_TEST_PG_URL names a server).

The expected plan is computed a second way, in this file: plain Python over the bundle's
records file (``records.sqlite``, read with sqlite3) and the target's rows (read with plain
SQL). The rules it applies are the README's: a record is counted once, answers as rows; a
record the target lacks is added; one whose fields (less the bookkeeping columns) differ is
updated; the others are unchanged. Answers inside a repeat (Q25's partners) are compared as
a block per response and repeat (the live rows' path, value and note); a block that differs
counts as many records as the bundle's rows in it.

The effect is checked as a difference: every table of the target read before and after the
import, and only the expected rows changed (none for a bundle imported twice).
"""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from mcim_desk.services import catalogue, exchange, responses, search
from mcim_desk.services.startup import open_database

Q4, Q5, Q25 = "section_2/q4", "section_2/q5", "section_4/q25"
TRACKED = ("survey_round", "mechanism", "contact", "code", "response", "answer", "interview", "quote",
           "follow_up")
ALL_TABLES = (*TRACKED, "audit_log", "exchange_conflict", "form", "form_version", "setting")
BOOKKEEPING = {"created_at", "updated_at", "revision", "status", "relevant"}


def norm(value: Any) -> Any:
    """A value as the records file holds it (text datetimes, 0/1 booleans)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def dump(db) -> dict[str, set[tuple]]:  # noqa: ANN001
    """Every row of every table, normalised, by table (plain SQL through the session)."""
    from sqlalchemy import text

    result = {}
    with db.read() as session:
        for name in ALL_TABLES:
            rows = session.execute(text(f"SELECT * FROM {name}"))
            result[name] = {tuple(norm(v) for v in row) for row in rows}
    return result


def rows_of(db, name: str) -> dict[str, dict[str, Any]]:  # noqa: ANN001
    from sqlalchemy import text

    with db.read() as session:
        result = session.execute(text(f"SELECT * FROM {name}"))
        columns = list(result.keys())
        return {row[0]: {c: norm(v) for c, v in zip(columns, row, strict=True)} for row in result}


def records_of(bundle: Path, folder: Path) -> Path:
    with zipfile.ZipFile(bundle) as archive:
        archive.extract("records.sqlite", folder)
    return folder / "records.sqlite"


def expected_plan(records: Path, target) -> tuple[int, int, int, int]:  # noqa: ANN001
    """(added, updated, unchanged, new audit rows) of importing ``records`` into ``target``,
    by the rules of the module's docstring."""
    conn = sqlite3.connect(records)
    conn.row_factory = sqlite3.Row
    added = updated = unchanged = 0
    try:
        held = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for name in TRACKED:
            if name not in held or name == "answer":
                continue
            mine = rows_of(target, name)
            for row in conn.execute(f"SELECT * FROM {name}"):
                here = mine.get(row["id"])
                if here is None:
                    added += 1
                elif any(here[c] != row[c] for c in row.keys() if c not in BOOKKEEPING):
                    updated += 1
                else:
                    unchanged += 1
        answers_here = rows_of(target, "answer")
        responses_here = rows_of(target, "response")
        by_response: dict[str, list[dict]] = {}
        for row in answers_here.values():
            by_response.setdefault(row["response_id"], []).append(row)
        theirs: dict[str, list[dict]] = {}
        for row in conn.execute("SELECT * FROM answer"):
            theirs.setdefault(row["response_id"], []).append(dict(row))
        for response_id, rows in theirs.items():
            if response_id not in responses_here:
                added += len(rows)
                continue
            mine = by_response.get(response_id, [])
            my_scalar = {a["path"]: a for a in mine if "[" not in a["path"]}
            for row in rows:
                if "[" in row["path"]:
                    continue
                here = my_scalar.get(row["path"])
                if here is None:
                    added += 1
                elif (here["value"], here["note"], here["deleted_at"]) != (row["value"], row["note"], row["deleted_at"]):
                    updated += 1
                else:
                    unchanged += 1

            def block(answers: list[dict], base: str) -> list[tuple]:
                return sorted((a["path"], a["value"], a["note"]) for a in answers
                              if a["path"].split("[")[0] == base and "[" in a["path"] and a["deleted_at"] is None)

            bases = {a["path"].split("[")[0] for a in rows + mine if "[" in a["path"]}
            for base in bases:
                count = sum(1 for a in rows if "[" in a["path"] and a["path"].split("[")[0] == base)
                if block(rows, base) == block(mine, base):
                    unchanged += count
                else:
                    updated += max(count, 1)
        audit_here = set(rows_of(target, "audit_log"))
        audit_new = sum(1 for (audit_id,) in conn.execute("SELECT id FROM audit_log") if audit_id not in audit_here)
    finally:
        conn.close()
    return added, updated, unchanged, audit_new


@pytest.fixture
def laptop(tmp_path: Path):  # noqa: ANN201
    db, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    yield db
    db.dispose()


def questionnaire(db, name: str, actor: str, q4: str, partners: list[str]) -> str:  # noqa: ANN001
    mechanism = catalogue.find_mechanism(db, name)
    response = responses.open_questionnaire(db, mechanism.id, actor).id
    responses.save_answer(db, response, Q4, q4, actor)
    # Text COPY escapes on the way to a server: a tab, line breaks, backslashes, a literal \\N.
    responses.save_answer(db, response, Q5, "Déclaration « commune »\tété 2018\nC:\\dossier\\N\r\nfin", actor)
    for partner in partners:
        responses.insert_repeat(db, response, Q25, actor, values={"partner_name": partner})
    return response


def test_plans_count_alike_and_apply_the_difference(db, laptop, tmp_path: Path) -> None:  # noqa: ANN001
    """A first bundle into an empty database, then a second that overlaps it (an answer
    changed, a partner added to Q25, a new questionnaire), then the second again: each plan
    equals the independent count, and each import changes exactly what it says."""
    rabat = questionnaire(laptop, "Rabat Process", "alice", "oui", ["CEDEAO", "Union africaine"])
    pafom = questionnaire(laptop, "PAFoM", "alice", "non", ["OIM"])
    first = exchange.export_bundle(laptop, tmp_path / "first.mcimz").path

    expected = expected_plan(records_of(first, tmp_path / "first"), db)
    plan = exchange.preview_import(db, first)
    assert (plan.added, plan.updated, plan.unchanged, plan.audit_new) == expected
    assert expected[0] > 10 and expected[1] == 0  # everything new but the reference rows
    exchange.apply_import(db, plan, actor="secretariat")

    responses.save_answer(laptop, rabat, Q4, "en_cours", "alice")
    responses.insert_repeat(laptop, pafom, Q25, "alice", values={"partner_name": "HCR"})
    budapest = questionnaire(laptop, "Budapest Process", "alice", "oui", ["ICMPD"])
    second = exchange.export_bundle(laptop, tmp_path / "second.mcimz").path
    records = records_of(second, tmp_path / "second")
    expected = expected_plan(records, db)
    q25_rows = sum(1 for a in rows_of(laptop, "answer").values()
                   if a["response_id"] == pafom and a["path"].startswith(Q25 + "["))
    assert expected[1] == 1 + q25_rows  # Q4 of Rabat; PAFoM's Q25 block, as its rows
    before = dump(db)
    plan = exchange.preview_import(db, second)
    assert (plan.added, plan.updated, plan.unchanged, plan.audit_new) == expected
    assert not plan.conflicts
    report = exchange.apply_import(db, plan, actor="secretariat")
    assert (report.added, report.updated, report.audit_appended) == (expected[0], expected[1], expected[3])
    after = dump(db)
    # The three questionnaires' answers now read as on the laptop.
    for response in (rabat, pafom, budapest):
        assert responses.answers(db, response) == responses.answers(laptop, response)
    # The search finds the imported texts (FTS5 triggers on SQLite, the GIN expression
    # indexes on a server: both kept by the INSERTs themselves). PAFoM's is hidden (its Q4
    # "non" skips Q5): asked for too.
    found = {h.record_id for g in search.search(db, "commune", include_hidden=True).groups for h in g.hits}
    wanted = {a["id"] for a in rows_of(db, "answer").values() if a["path"] == Q5}
    assert len(wanted) == 3 and wanted <= found
    # Nothing else changed: the tables the bundle does not touch are equal, and every row
    # of the others that changed belongs to the bundle's records.
    for name in ("mechanism", "contact", "code", "interview", "quote", "follow_up", "form"):
        assert after[name] == before[name], name
    assert before["audit_log"] <= after["audit_log"]
    assert len(after["audit_log"] - before["audit_log"]) == expected[3] + 1  # + the import's own row
    changed = {row[0] for row in after["answer"] ^ before["answer"]}
    owners = {row[1] for row in after["answer"] ^ before["answer"]}  # (id, response_id, ...)
    assert changed and owners == {rabat, pafom, budapest}
    assert {row[0] for row in after["response"] ^ before["response"]} <= {rabat, pafom, budapest}

    # The same bundle again: nothing to do, nothing changed (every table compared).
    before = dump(db)
    again = exchange.preview_import(db, second)
    total = sum(sqlite3.connect(records).execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in TRACKED)
    assert again.nothing_to_do
    assert (again.added, again.updated, again.unchanged, again.audit_new) == (0, 0, total, 0)
    assert (again.added, again.updated, again.unchanged, again.audit_new) == expected_plan(records, db)
    exchange.apply_import(db, again, actor="secretariat")
    assert dump(db) == before


def test_a_conflict_is_listed_kept_pending_and_not_listed_twice(db, laptop, tmp_path: Path) -> None:  # noqa: ANN001
    """Q4 changed on both sides since they last shared it: the import lists one conflict,
    keeps this database's value, stores the conflict as pending and holds the bundle's
    audit row about it; the same bundle again lists nothing new and changes nothing."""
    from sqlalchemy import text

    rabat = questionnaire(laptop, "Rabat Process", "alice", "oui", ["CEDEAO"])
    first = exchange.export_bundle(laptop, tmp_path / "first.mcimz").path
    exchange.apply_import(db, exchange.preview_import(db, first), actor="secretariat")
    responses.save_answer(laptop, rabat, Q4, "non", "alice")
    responses.save_answer(db, rabat, Q4, "en_cours", "secretariat")
    second = exchange.export_bundle(laptop, tmp_path / "second.mcimz").path
    plan = exchange.preview_import(db, second)
    assert [(c.table, c.record_id, c.field, c.mine, c.theirs) for c in plan.conflicts] == [
        ("answer", rabat, Q4, "en_cours", "non")]
    report = exchange.apply_import(db, plan, actor="secretariat")
    assert (report.conflicts_pending, report.updated) == (1, 0)
    assert responses.answers(db, rabat)[Q4] == "en_cours"
    with db.read() as session:
        held = session.execute(text(
            "SELECT count(*) FROM audit_log WHERE entity = 'answer' AND entity_id = :r AND field = :f "
            "AND new_value = 'non'"), {"r": rabat, "f": Q4}).scalar()
        pending = session.execute(text("SELECT count(*) FROM exchange_conflict WHERE resolved_at IS NULL")).scalar()
    assert (held, pending) == (0, 1)  # their change waits with the conflict
    before = dump(db)
    again = exchange.preview_import(db, second)
    assert again.conflicts == () and again.nothing_to_do
    exchange.apply_import(db, again, actor="secretariat")
    assert dump(db) == before


def test_a_refused_import_changes_nothing(db, laptop, tmp_path: Path) -> None:  # noqa: ANN001
    """A bundle whose new answer takes the id of an answer held here (of another response)
    passes the checks of the file but clashes in the write: refused with the message that
    says so, and every table is as it was (the one transaction rolled back)."""
    from bundle_tools import rewrite

    from mcim_desk.exchange.bundle import BundleError

    rabat = questionnaire(laptop, "Rabat Process", "alice", "oui", [])
    first = exchange.export_bundle(laptop, tmp_path / "first.mcimz").path
    exchange.apply_import(db, exchange.preview_import(db, first), actor="secretariat")
    taken = next(a["id"] for a in rows_of(db, "answer").values() if a["response_id"] == rabat)
    questionnaire(laptop, "PAFoM", "alice", "non", ["OIM"])
    good = exchange.export_bundle(laptop, tmp_path / "second.mcimz").path

    def clash(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE answer SET id = ? WHERE rowid = (SELECT min(rowid) FROM answer WHERE response_id <> ?)",
                     (taken, rabat))

    bad = rewrite(good, tmp_path / "clash.mcimz", clash)
    before = dump(db)
    plan = exchange.preview_import(db, bad)
    with pytest.raises(BundleError, match="nothing was imported"):
        exchange.apply_import(db, plan, actor="secretariat")
    assert dump(db) == before
