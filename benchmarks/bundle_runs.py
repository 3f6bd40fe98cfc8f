"""What the bundle benchmarks share (``benchmarks/exchange.py``, ``benchmarks/exchange_import.py``):
the laptop's data they export, the import they time, and the SQLite floor they measure it
against (``INSERT ... SELECT`` of the records file's rows into an empty database with the same
schema and pragmas, committed).
"""

from __future__ import annotations

import itertools
import random
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import Any

from benchmarks.ratio import timed

WORDS = (
    "migration coopération dialogue régional mise en œuvre Pacte mondial États membres "
    "partenariat renforcement capacités données sensibilisation réunion ministérielle "
    "déclaration recommandations secrétariat présidence objectifs principes thèmes"
).split()


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def fill(db, count: int, seed: int = 2018, answers_each: int = 24) -> None:  # noqa: ANN001
    """``count`` responses of ``answers_each`` answers (at most 24), written straight through
    the exchange repository (the services' one-transaction-per-answer path would take
    minutes for this many)."""
    from mcim_desk.persistence import exchange_repo
    from mcim_desk.persistence.models import new_uuid, utcnow
    from mcim_desk.services import catalogue
    from mcim_desk.services.forms import latest_version

    rng = random.Random(seed)
    mechanisms = [m.id for m in catalogue.mechanism_rows(db)]
    version = latest_version(db, "mcim_questionnaire_2018").version_id
    now = utcnow()
    at = exchange_repo.stamp(now)
    with db.write() as session:
        round_id = new_uuid()
        exchange_repo.insert_rows(session, "survey_round", ["id", "name", "deadline", "is_current"],
                                  [[round_id, "2018", "2018-11-09", True]], now)
        responses, answers, audit = [], [], []
        for n in range(count):
            rid = new_uuid()
            responses.append([rid, version, mechanisms[n % 30], round_id, "draft", "paper", True])
            values = {
                "section_1/q1": text(rng, 4), "section_1/q2": text(rng, 20), "section_1/q3": text(rng, 15),
                "section_2/q4": rng.choice(["oui", "non", "en_cours"]), "section_2/q5": text(rng, 30),
                "section_2/q6": text(rng, 20), "section_2/q7": "non", "section_2/q8": "oui",
                "section_2/q11": " ".join(sorted(rng.sample([f"objective_{i}" for i in range(1, 24)], 4))),
                "section_2/q12": text(rng, 40), "section_3/q13": "ne_sait_pas", "section_3/q14": text(rng, 40),
                "section_3/q20": text(rng, 50), "section_3/q21": text(rng, 30), "section_3/q22": text(rng, 30),
                "section_3/q23": text(rng, 30), "section_3/q24": text(rng, 20),
                "section_4/q25[1]": "", "section_4/q25[1]/partner_name": text(rng, 3),
                "section_4/q25[1]/nature": text(rng, 15), "section_4/q25[2]": "",
                "section_4/q25[2]/partner_name": text(rng, 3), "submission/submitted_by": text(rng, 3),
                "submission/submission_date": "2018-11-08",
            }
            for path, value in list(values.items())[:answers_each]:
                answers.append([new_uuid(), rid, path, value, True])
                audit.append([new_uuid(), at, "consultant", None, "update", "answer", rid, path, None, value])
        exchange_repo.insert_rows(
            session, "response",
            ["id", "form_version_id", "mechanism_id", "round_id", "status", "source", "fictional"],
            responses, now,
        )
        exchange_repo.insert_rows(session, "answer", ["id", "response_id", "path", "value", "relevant"],
                                  answers, now)
        exchange_repo.append_audit_rows(
            session, ["id", "at", "actor", "installation_id", "action", "entity", "entity_id", "field",
                      "old_value", "new_value"], audit,
        )


PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "page_size=8192")


def schema_of(path: Path) -> list[str]:
    """The CREATE statements of a database's tables and indexes (in their order)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid").fetchall()
    finally:
        conn.close()
    # An FTS5 table (the search index) makes its own shadow tables: leave their CREATEs out.
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadows = {f"{v}_{suffix}" for v in virtual for suffix in ("data", "idx", "docsize", "config", "content")}
    return [sql for name, sql in rows if name not in shadows]


def copy_rows(target: Path, source: Path, schema: list[str], tables: list[str]) -> None:
    """The floor: a file made with ``schema`` and the pragmas, the rows of ``tables`` copied
    from ``source`` with one INSERT ... SELECT each (the columns both sides have), committed."""
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        for pragma in PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN")
        for sql in schema:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        conn.execute("BEGIN IMMEDIATE")
        for table in tables:
            mine = [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]
            theirs = {r[1] for r in conn.execute(f'PRAGMA src.table_info("{table}")')}
            columns = ", ".join(f'"{c}"' for c in mine if c in theirs)
            conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"')
        conn.execute("COMMIT")
    finally:
        conn.close()


def records_of(bundle: Path, folder: Path) -> Path:
    """The records file of an unencrypted bundle, extracted into ``folder``."""
    with zipfile.ZipFile(bundle) as archive:
        archive.extract("records.sqlite", folder)
    return folder / "records.sqlite"


def tables_of(records: Path) -> list[str]:
    conn = sqlite3.connect(records)
    try:
        return [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    finally:
        conn.close()


def import_into(target, bundle: Path, passphrase: str | None = None, responses: int = 0) -> float:  # noqa: ANN001
    """Seconds the program takes to import ``bundle`` into ``target`` (read + check + merge,
    then the write transaction up to its durable commit). A run that leaves fewer than
    ``responses`` responses added or unchanged is broken: it stops the benchmark."""
    from mcim_desk.services import exchange

    start = time.perf_counter()
    plan = exchange.preview_import(target, bundle, passphrase)
    report = exchange.apply_import(target, plan, actor="secretariat")
    elapsed = time.perf_counter() - start
    if report.added + report.unchanged < responses:
        raise SystemExit(f"broken run: {report}")
    return elapsed


class SqliteImports:
    """Imports of one bundle into fresh SQLite databases (made and migrated by the program, not
    timed), and their floor: the rows of the bundle's records file (``records``, from an
    unencrypted export of the same data) copied into an empty database of the same schema."""

    def __init__(self, folder: Path, bundle: Path, records: Path, *, passphrase: str | None = None,
                 responses: int = 0) -> None:
        from mcim_desk.services.startup import open_database

        self.folder, self.bundle, self.records = folder, bundle, records
        self.passphrase, self.responses = passphrase, responses
        self.tables = tables_of(records)
        empty = folder / "empty-schema.sqlite3"
        open_database(str(empty))[0].dispose()
        self.schema = schema_of(empty)
        self.targets: list[Any] = []  # mcim_desk.persistence.database.Database
        self._runs = itertools.count()

    def fresh(self) -> float:
        """One import into a new database (kept in ``targets``)."""
        from mcim_desk.services.startup import open_database

        target, _ = open_database(str(self.folder / f"secretariat-{next(self._runs)}.sqlite3"))
        self.targets.append(target)
        elapsed = import_into(target, self.bundle, self.passphrase, self.responses)
        if target.checkpointer is not None:
            target.checkpointer.join()  # off the import's path: not timed
        return elapsed

    def again(self) -> float:
        """The same bundle imported again into the last database (a no-op)."""
        if not self.targets:
            self.fresh()
        return import_into(self.targets[-1], self.bundle, self.passphrase, self.responses)

    def floor(self) -> float:
        out = self.folder / f"floor-import-{next(self._runs)}.sqlite3"
        return timed(lambda: copy_rows(out, self.records, self.schema, self.tables))

    def dispose(self) -> None:
        for target in self.targets:
            target.dispose()
        self.targets.clear()
