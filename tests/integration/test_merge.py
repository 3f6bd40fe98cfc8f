"""Laptop bundles merged: two databases copied from the same start, edited apart, merged.

Every test starts from one database (the Rabat Process questionnaire opened, Q4 answered
"non", a contact), copied twice with the online backup API as a consultant's laptop would be.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from mcim_desk.exchange.bundle import BundleError
from mcim_desk.services import catalogue, exchange, responses
from mcim_desk.services import exchange_conflicts as conflicts
from mcim_desk.services.backups import backup_to
from mcim_desk.services.exchange_conflicts import Resolution
from mcim_desk.services.startup import open_database

Q4, Q13, Q25 = "section_2/q4", "section_3/q13", "section_4/q25"


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def audit_ids(path: Path) -> Counter:
    conn = sqlite3.connect(path)
    try:
        return Counter(row[0] for row in conn.execute("SELECT id FROM audit_log"))
    finally:
        conn.close()


class Laptops:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        start_path = tmp_path / "start.sqlite3"
        start, _ = open_database(str(start_path))
        self.rabat = catalogue.find_mechanism(start, "Rabat Process")
        self.pafom = catalogue.find_mechanism(start, "PAFoM")
        self.response = responses.open_questionnaire(start, self.rabat.id, "secretariat").id
        responses.save_answer(start, self.response, Q4, "non", "secretariat")
        self.contact = catalogue.save_contact(
            start,
            catalogue.ContactInfo("", self.rabat.id, "chair", "Amina Diallo", None, None,
                                  "amina@example.org", None, "Africa/Dakar", 0),
            "secretariat",
        ).id
        start.dispose()
        self.paths = {}
        self.dbs = {}
        for name in ("a", "b", "s"):
            path = tmp_path / f"{name}.sqlite3"
            backup_to(start_path, path)
            self.paths[name] = path
            self.dbs[name] = open_database(str(path), backup=False)[0]
        self.a, self.b, self.s = self.dbs["a"], self.dbs["b"], self.dbs["s"]

    def send(self, source: str, target: str, name: str | None = None, **export) -> exchange.ImportPlan:
        out = self.tmp / "out" / (name or f"{source}-to-{target}.mcimz")
        exchange.export_bundle(self.dbs[source], out, **export)
        return exchange.preview_import(self.dbs[target], out)

    def merge(self, source: str, target: str, **export) -> exchange.ImportReport:
        plan = self.send(source, target, **export)
        return exchange.apply_import(self.dbs[target], plan, actor=f"{target}-user")

    def close(self) -> None:
        for db in self.dbs.values():
            db.dispose()


@pytest.fixture
def laptops(tmp_path: Path):  # noqa: ANN201
    made = Laptops(tmp_path)
    yield made
    made.close()


def add_interview(db, mechanism_id: str, actor: str) -> tuple[str, str]:  # noqa: ANN001
    """A new interview for a mechanism: its guide response (with an answer) and its row."""
    from mcim_desk.persistence import repositories
    from mcim_desk.persistence.models import Interview

    guide = responses.new_interview_response(db, mechanism_id, actor)
    responses.save_answer(db, guide.id, "mandatory/q2", "Mme Fatou Ndiaye, secrétaire exécutive", actor)
    with db.write() as session:
        row = Interview(mechanism_id=mechanism_id, response_id=guide.id, time_zone="Africa/Addis_Ababa",
                        status="done", notes="Entretien très utile — « à suivre »")
        session.add(row)
        session.flush()
        repositories.append_audit(session, actor=actor, action="create", entity="interview",
                                  entity_id=row.id)
        return guide.id, row.id


def interview_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM interview")}
    finally:
        conn.close()


def test_different_edits_merge_without_conflict(laptops: Laptops) -> None:
    responses.save_answer(laptops.a, laptops.response, Q4, "oui", "alice")
    responses.save_answer(laptops.b, laptops.response, Q13, "ne_sait_pas", "bob")
    guide, interview = add_interview(laptops.b, laptops.pafom.id, "bob")

    plan = laptops.send("b", "a")
    assert plan.conflicts == ()
    report = exchange.apply_import(laptops.a, plan, actor="alice")
    assert report.conflicts_pending == 0 and report.added >= 3
    answers_a = responses.answers(laptops.a, laptops.response)
    assert answers_a[Q4] == "oui" and answers_a[Q13] == "ne_sait_pas"
    assert responses.answers(laptops.a, guide)["mandatory/q2"] == "Mme Fatou Ndiaye, secrétaire exécutive"
    assert interview in interview_ids(laptops.paths["a"])

    # Back the other way, and both into the secretariat: everyone ends with both edits.
    assert laptops.merge("a", "b").conflicts_pending == 0
    assert responses.answers(laptops.b, laptops.response)[Q4] == "oui"
    laptops.merge("a", "s")
    laptops.merge("b", "s")
    for name in ("a", "b", "s"):
        answers = responses.answers(laptops.dbs[name], laptops.response)
        assert (answers[Q4], answers[Q13]) == ("oui", "ne_sait_pas"), name
        assert interview in interview_ids(laptops.paths[name])
    assert conflicts.pending_conflicts(laptops.s) == []


def test_relevance_follows_the_merged_answers(laptops: Laptops) -> None:
    responses.save_answer(laptops.a, laptops.response, "section_2/q5", "https://example.org/position", "alice")
    responses.save_answer(laptops.b, laptops.response, Q4, "oui", "bob")
    laptops.merge("b", "a")
    conn = sqlite3.connect(laptops.paths["a"])
    relevant = conn.execute(
        "SELECT relevant FROM answer WHERE response_id = ? AND path = 'section_2/q5'", (laptops.response,)
    ).fetchone()[0]
    conn.close()
    assert relevant == 1  # q5 shows once q4 = oui, which came from the bundle


def test_same_field_on_both_sides_is_a_conflict_left_pending(laptops: Laptops) -> None:
    responses.save_answer(laptops.a, laptops.response, Q4, "oui", "alice")
    responses.save_answer(laptops.b, laptops.response, Q4, "en_cours", "bob")
    plan = laptops.send("b", "a")
    assert len(plan.conflicts) == 1
    conflict = plan.conflicts[0]
    assert (conflict.table, conflict.field) == ("answer", Q4)
    assert (conflict.mine, conflict.theirs) == ("oui", "en_cours")
    assert [c.actor for c in conflict.mine_changes] == ["alice"]
    assert [c.actor for c in conflict.theirs_changes] == ["bob"]
    assert conflict.mine_changes[0].at is not None
    assert "Rabat" in conflict.where
    # the question by its number and label, as the form shows it; never its path
    assert conflict.question.startswith("4. Has your ISCM formulated") and Q4 not in conflict.question

    report = exchange.apply_import(laptops.a, plan, actor="alice")
    assert report.conflicts_pending == 1
    assert responses.answers(laptops.a, laptops.response)[Q4] == "oui"  # nothing overwritten
    pending = conflicts.pending_conflicts(laptops.a)
    assert [(p.field, p.mine, p.theirs) for p in pending] == [(Q4, "oui", "en_cours")]

    # The same bundle again: the same conflict, not a second one; nothing changes.
    before = dump(laptops.paths["a"])
    again = exchange.preview_import(laptops.a, plan.path)
    assert again.nothing_to_do
    exchange.apply_import(laptops.a, again, actor="alice")
    assert dump(laptops.paths["a"]) == before

    assert conflicts.resolve_conflicts(laptops.a, {pending[0].id: Resolution("theirs")}, "alice") == 1
    assert responses.answers(laptops.a, laptops.response)[Q4] == "en_cours"
    assert conflicts.pending_conflicts(laptops.a) == []
    # Bob's audit row, held with the conflict, is in A's log now; and A's choice travels.
    assert audit_ids(laptops.paths["b"]) - audit_ids(laptops.paths["a"]) == Counter()
    report = laptops.merge("a", "b")
    assert report.conflicts_pending == 0
    assert responses.answers(laptops.b, laptops.response)[Q4] == "en_cours"


@pytest.mark.parametrize(("choice", "typed", "expected"), [
    ("mine", None, "oui"), ("theirs", None, "en_cours"), ("edit", "non", "non"),
])
def test_resolutions_given_to_the_import(laptops: Laptops, choice: str, typed, expected: str) -> None:  # noqa: ANN001
    responses.save_answer(laptops.a, laptops.response, Q4, "oui", "alice")
    responses.save_answer(laptops.b, laptops.response, Q4, "en_cours", "bob")
    plan = laptops.send("b", "a")
    key = plan.conflicts[0].key
    report = exchange.apply_import(laptops.a, plan, {key: Resolution(choice, typed)}, actor="alice")
    assert (report.conflicts_resolved, report.conflicts_pending) == (1, 0)
    assert responses.answers(laptops.a, laptops.response)[Q4] == expected
    # The choice wins on the other laptop without a new conflict.
    assert laptops.merge("a", "b").conflicts_pending == 0
    assert responses.answers(laptops.b, laptops.response)[Q4] == expected


def test_second_import_changes_nothing(laptops: Laptops) -> None:
    responses.save_answer(laptops.b, laptops.response, Q13, "oui", "bob")
    add_interview(laptops.b, laptops.pafom.id, "bob")
    plan = laptops.send("b", "a")
    exchange.apply_import(laptops.a, plan, actor="alice")
    before = dump(laptops.paths["a"])
    again = exchange.preview_import(laptops.a, plan.path)
    assert again.nothing_to_do and (again.added, again.updated, again.audit_new) == (0, 0, 0)
    report = exchange.apply_import(laptops.a, again, actor="alice")
    assert (report.added, report.updated, report.audit_appended) == (0, 0, 0)
    assert dump(laptops.paths["a"]) == before


def test_tombstones_travel(laptops: Laptops) -> None:
    catalogue.delete_contact(laptops.b, laptops.contact, "bob")
    laptops.merge("b", "a")
    assert catalogue.mechanism_card(laptops.a, laptops.rabat.id).contacts == ()
    conn = sqlite3.connect(laptops.paths["a"])
    deleted = conn.execute("SELECT deleted_at FROM contact WHERE id = ?", (laptops.contact,)).fetchone()[0]
    conn.close()
    assert deleted is not None  # kept as a tombstone, not erased


def test_deleted_there_while_edited_here_waits_for_a_choice(laptops: Laptops) -> None:
    card = catalogue.mechanism_card(laptops.a, laptops.rabat.id)
    contact = card.contacts[0]
    catalogue.save_contact(laptops.a, catalogue.replace(contact, phone="+221 33 000 00 00"), "alice")
    catalogue.delete_contact(laptops.b, laptops.contact, "bob")
    plan = laptops.send("b", "a")
    assert [(c.table, c.field) for c in plan.conflicts] == [("contact", "deleted_at")]
    exchange.apply_import(laptops.a, plan, actor="alice")
    assert len(catalogue.mechanism_card(laptops.a, laptops.rabat.id).contacts) == 1  # not buried yet


def test_audit_rows_are_appended_once(laptops: Laptops) -> None:
    responses.save_answer(laptops.a, laptops.response, Q4, "oui", "alice")
    responses.save_answer(laptops.b, laptops.response, Q13, "oui", "bob")
    mine_before = audit_ids(laptops.paths["a"])
    theirs = audit_ids(laptops.paths["b"])
    laptops.merge("b", "a")
    laptops.merge("b", "a", name="again.mcimz")
    after = audit_ids(laptops.paths["a"])
    assert all(n == 1 for n in after.values())
    assert set(theirs) <= set(after) and set(mine_before) <= set(after)
    conn = sqlite3.connect(laptops.paths["a"])
    rows = conn.execute("SELECT actor, field, new_value FROM audit_log WHERE actor = 'bob'").fetchall()
    conn.close()
    assert ("bob", Q13, "oui") in rows


def test_mechanism_fields_merge_field_by_field(laptops: Laptops) -> None:
    rabat = laptops.rabat.id
    catalogue.update_mechanism(laptops.a, rabat, "notes", "Réunion à Rabat en 2018", "alice")
    catalogue.update_mechanism(laptops.b, rabat, "website", "https://www.rabat-process.org", "bob")
    catalogue.update_mechanism(laptops.b, rabat, "chair_country", "Sénégal", "bob")
    assert laptops.send("b", "a").conflicts == ()
    laptops.merge("b", "a")
    card = catalogue.mechanism_card(laptops.a, rabat)
    assert (card.notes, card.website, card.row.chair_country) == (
        "Réunion à Rabat en 2018", "https://www.rabat-process.org", "Sénégal"
    )
    catalogue.update_mechanism(laptops.a, rabat, "chair_country", "Maroc", "alice")
    catalogue.update_mechanism(laptops.b, rabat, "chair_country", "Espagne", "bob")
    conflicts = laptops.send("b", "a", name="second.mcimz").conflicts
    assert [(c.table, c.field, c.mine, c.theirs) for c in conflicts] == [
        ("mechanism", "chair_country", "Maroc", "Espagne")
    ]
    assert conflicts[0].where == "Rabat Process"


def test_partners_repeat_merges_as_a_block(laptops: Laptops) -> None:
    rid = laptops.response
    responses.insert_repeat(laptops.b, rid, Q25, "bob", values={"category": "other_iscm", "partner_name": "MIDSA"})
    laptops.merge("b", "a")
    assert responses.answers(laptops.a, rid)[f"{Q25}[1]/partner_name"] == "MIDSA"
    # Both add a different partner: one conflict for the whole repeat.
    responses.insert_repeat(laptops.a, rid, Q25, "alice", values={"partner_name": "OIM"})
    responses.insert_repeat(laptops.b, rid, Q25, "bob", values={"partner_name": "UNECA"})
    plan = laptops.send("b", "a", name="partners.mcimz")
    assert [(c.table, c.field, c.editable) for c in plan.conflicts] == [("answer_repeat", Q25, False)]
    exchange.apply_import(laptops.a, plan, {plan.conflicts[0].key: Resolution("theirs")}, actor="alice")
    assert responses.answers(laptops.a, rid)[f"{Q25}[2]/partner_name"] == "UNECA"


def test_since_last_sends_only_what_changed(laptops: Laptops, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    first = exchange.export_bundle(laptops.b, out / "one.mcimz", since_last=True)
    assert first.since is None and first.counts["mechanism"] == 30
    responses.save_answer(laptops.b, laptops.response, Q13, "non", "bob")
    second = exchange.export_bundle(laptops.b, out / "two.mcimz", since_last=True)
    assert second.since is not None
    assert second.counts["mechanism"] == 0 and second.counts["response"] == 1
    assert second.counts["answer"] == 2  # the whole response travels: Q4 and Q13
    # Another destination has no watermark yet: everything.
    elsewhere = exchange.export_bundle(laptops.b, tmp_path / "mail" / "b.mcimz", since_last=True)
    assert elsewhere.since is None
    plan = exchange.preview_import(laptops.a, out / "two.mcimz")
    exchange.apply_import(laptops.a, plan, actor="alice")
    assert responses.answers(laptops.a, laptops.response)[Q13] == "non"


def test_a_bundle_referring_to_missing_records_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    exchange.export_bundle(laptops.b, tmp_path / "usb" / "one.mcimz", since_last=True)
    guide, _ = add_interview(laptops.b, laptops.pafom.id, "bob")
    responses.save_answer(laptops.b, guide, "mandatory/q4", "Valeur ajoutée", "bob")
    # the interview row references its guide response: both are in the second bundle, fine
    exchange.export_bundle(laptops.b, tmp_path / "usb" / "two.mcimz", since_last=True)
    from bundle_tools import rewrite

    # A hand-made bundle whose answers point to a response nobody has.
    broken = rewrite(tmp_path / "usb" / "two.mcimz", tmp_path / "broken.mcimz",
                     lambda conn: conn.execute("DELETE FROM response"))
    before = dump(laptops.paths["a"])
    with pytest.raises(BundleError) as caught:
        exchange.preview_import(laptops.a, broken)
    assert caught.value.code == "missing_reference" and "--since-last" in str(caught.value)
    assert dump(laptops.paths["a"]) == before


def test_encrypted_bundle(laptops: Laptops, tmp_path: Path) -> None:
    responses.save_answer(laptops.b, laptops.response, Q13, "oui", "bob")
    out = tmp_path / "secret.mcimz"
    report = exchange.export_bundle(laptops.b, out, passphrase="correct horse battery staple")
    assert report.encrypted and b"Rabat" not in out.read_bytes()
    with pytest.raises(BundleError) as caught:
        exchange.preview_import(laptops.a, out, "wrong")
    assert caught.value.code == "wrong_passphrase"
    with pytest.raises(BundleError) as caught:
        exchange.preview_import(laptops.a, out)
    assert caught.value.code == "needs_passphrase"
    plan = exchange.preview_import(laptops.a, out, "correct horse battery staple")
    assert plan.encrypted
    exchange.apply_import(laptops.a, plan, actor="alice")
    assert responses.answers(laptops.a, laptops.response)[Q13] == "oui"


def test_rounds_opened_apart_meet_by_name(tmp_path: Path) -> None:
    """Two laptops installed separately each create round "2018": one round after a merge."""
    one, _ = open_database(str(tmp_path / "one.sqlite3"))
    two, _ = open_database(str(tmp_path / "two.sqlite3"))
    rabat = catalogue.find_mechanism(one, "Rabat Process")
    first = responses.open_questionnaire(one, rabat.id, "alice")
    second = responses.open_questionnaire(two, rabat.id, "bob")
    assert first.round_id != second.round_id
    exchange.export_bundle(two, tmp_path / "two.mcimz")
    exchange.apply_import(one, exchange.preview_import(one, tmp_path / "two.mcimz"), actor="alice")
    conn = sqlite3.connect(tmp_path / "one.sqlite3")
    rounds = conn.execute("SELECT count(*) FROM survey_round").fetchone()[0]
    round_of_second = conn.execute("SELECT round_id FROM response WHERE id = ?", (second.id,)).fetchone()[0]
    conn.close()
    assert rounds == 1 and round_of_second == first.round_id
    one.dispose()
    two.dispose()


def test_a_moment_in_the_last_half_millisecond_of_a_second_travels(laptops: Laptops, tmp_path: Path) -> None:
    """SQLite's datetime() rounds .9995 s and more up to the next second: the bundle check
    refused every record stamped then (about one bundle in four from the demo database)."""
    from datetime import datetime

    from bundle_tools import rewrite

    from mcim_desk import clock

    with clock.frozen(datetime(2018, 11, 9, 23, 59, 59, 999874)):
        responses.save_answer(laptops.b, laptops.response, Q13, "ne_sait_pas", "bob")
    plan = laptops.send("b", "a")
    assert plan.added + plan.updated >= 1  # read and planned, not refused
    exchange.apply_import(laptops.a, plan, actor="alice")
    assert responses.answers(laptops.a, laptops.response)[Q13] == "ne_sait_pas"
    # the check still refuses what is not a moment, fraction or not
    out = tmp_path / "usb" / "b.mcimz"
    exchange.export_bundle(laptops.b, out)
    for bad in ("2018-02-30 10:00:00.000000", "2018-11-09 23:59:59.99987x", "2018-11-09 24:00:00.000001"):
        broken = rewrite(out, tmp_path / "broken.mcimz",
                         lambda conn, bad=bad: conn.execute("UPDATE audit_log SET at = ?", (bad,)))
        with pytest.raises(BundleError, match="not a valid date and time"):
            exchange.preview_import(laptops.a, broken)


@pytest.mark.parametrize("moment", [
    datetime(2018, 12, 31, 23, 59, 59, 999999), datetime(2018, 12, 31, 23, 59, 59, 999500),
    datetime(2018, 12, 31, 23, 59, 59, 999499), datetime(2018, 12, 31, 23, 59, 59),
    datetime(2020, 2, 29, 12, 0, 0, 999999), datetime(1, 1, 2, 0, 0, 0, 999999),
    datetime(9999, 12, 30, 23, 59, 59, 999999),
], ids=str)
def test_a_bundle_written_at_any_fraction_of_a_second_imports(
    db, tmp_path: Path, moment: datetime  # noqa: ANN001
) -> None:
    """Issue 11: every timestamp at .9995 s or more made the program refuse its own bundle
    (the check rounded it to the next second). Written on SQLite and on PostgreSQL (whose
    rows are formatted by the exporter: year 1 must be written 0001)."""
    from mcim_desk import clock

    with clock.frozen(moment):
        rabat = catalogue.find_mechanism(db, "Rabat Process")
        response = responses.open_questionnaire(db, rabat.id, "alice").id
        responses.save_answer(db, response, Q4, "oui", "alice")
        exchange.export_bundle(db, tmp_path / "out" / "all.mcimz")
    target, _ = open_database(str(tmp_path / "empty.sqlite3"))
    report = exchange.apply_import(target, exchange.preview_import(target, tmp_path / "out" / "all.mcimz"),
                                   actor="secretariat")
    assert report.conflicts_pending == 0
    assert responses.answers(target, response) == {Q4: "oui"}
    conn = sqlite3.connect(tmp_path / "empty.sqlite3")
    stamps = {row[0] for row in conn.execute("SELECT at FROM audit_log WHERE entity_id = ?", (response,))}
    conn.close()
    assert moment.isoformat(sep=" ", timespec="microseconds") in stamps
    target.dispose()
