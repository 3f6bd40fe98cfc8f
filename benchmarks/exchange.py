"""Bundle benchmark: export and import of 10,000 questionnaire responses, and their
spreadsheet export, each as a ratio to its floor measured in the same run (interleaved runs;
see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/exchange.py [--responses 10000] [--runs 3] [--passphrase]

| row | floor | target |
| --- | --- | --- |
| bundle export | copying the same rows into a fresh records file (ATTACH, CREATE, INSERT ... SELECT, commit) | <= 1.5x |
| bundle import | INSERT ... SELECT of the records file's rows into an empty database with the same schema and pragmas, committed | <= 1.5x |
| same bundle again (no-op) | the same floor as the import | printed |
| XLSX export | openpyxl write-only writing the same cells from ready lists | <= 1.3x |

Each response has 24 answers by default (texts of a few hundred characters, choices, two Q25
partners) and one audit row per answer, as typing them would leave: 240,000 answers and
240,000 audit rows for 10,000 responses (``--answers N`` for lighter responses). Prints the export time, the bundle's size, the import time into
an empty database (read + check + merge, then the write transaction up to its durable
commit), the WAL checkpoint a big import leaves to a background thread (printed apart: the
import has returned by then), the time of importing the same bundle again (a no-op), and the
spreadsheet export time.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402

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
    with zipfile.ZipFile(bundle) as archive:
        archive.extract("records.sqlite", folder)
    return folder / "records.sqlite"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=24, help="answers per response (at most 24)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per row")
    parser.add_argument("--passphrase", action="store_true", help="encrypt the bundle")
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication([])
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["MCIM_DESK_DATA"] = str(tmp / "data")
        from openpyxl import Workbook

        from mcim_desk.exchange import spreadsheet
        from mcim_desk.services import exchange
        from mcim_desk.services.startup import open_database

        source, _ = open_database(str(tmp / "laptop.sqlite3"))
        started = time.perf_counter()
        fill(source, args.responses, answers_each=args.answers)
        print(f"made {args.responses} responses in {time.perf_counter() - started:.1f} s (not timed)")
        passphrase = "benchmark passphrase" if args.passphrase else None
        plain_bundle = exchange.export_bundle(source, tmp / "plain.mcimz").path
        records = records_of(plain_bundle, tmp / "extracted")
        tables = [t for (t,) in sqlite3.connect(records).execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        empty = tmp / "empty-schema.sqlite3"
        open_database(str(empty))[0].dispose()
        schema = schema_of(empty)
        runs = iter(range(10**6))
        reports = []

        def export() -> float:
            out = tmp / f"export-{next(runs)}.mcimz"
            start = time.perf_counter()
            reports.append(exchange.export_bundle(source, out, passphrase=passphrase))
            return time.perf_counter() - start

        def export_floor() -> float:
            out = tmp / f"floor-export-{next(runs)}.sqlite"
            record_schema = schema_of(records)
            return timed(lambda: copy_rows(out, tmp / "laptop.sqlite3", record_schema, tables))

        rows = [Ratio("bundle export", "rows copied into a fresh records file", 1.5)
                .run(export, export_floor, args.runs)]
        report = reports[-1]
        print(f"bundle: {report.size / 1e6:.1f} MB{' (encrypted)' if report.encrypted else ''}, "
              f"{report.counts['response']} responses, {report.counts['answer']} answers, "
              f"{report.counts['audit_log']} audit rows")

        targets = []

        def import_() -> float:
            target, _ = open_database(str(tmp / f"secretariat-{next(runs)}.sqlite3"))
            start = time.perf_counter()
            plan = exchange.preview_import(target, report.path, passphrase)
            exchange.apply_import(target, plan, actor="secretariat")
            elapsed = time.perf_counter() - start
            targets.append(target)
            if target.checkpointer is not None:
                target.checkpointer.join()  # off the import's path: not timed
            return elapsed

        def import_floor() -> float:
            return timed(lambda: copy_rows(tmp / f"floor-import-{next(runs)}.sqlite3", records, schema, tables))

        rows.append(Ratio("bundle import (SQLite)", "INSERT ... SELECT into an empty schema", 1.5)
                    .run(import_, import_floor, args.runs))
        target = targets[-1]

        def again() -> float:
            start = time.perf_counter()
            plan = exchange.preview_import(target, report.path, passphrase)
            exchange.apply_import(target, plan, actor="secretariat")
            return time.perf_counter() - start

        rows.append(Ratio("same bundle again (no-op)", "INSERT ... SELECT into an empty schema", 1.5)
                    .run(again, import_floor, args.runs))

        sheets = []

        def xlsx() -> float:
            out = tmp / f"all-{next(runs)}.xlsx"
            return timed(lambda: exchange.export_spreadsheets(target, out, "xlsx"))

        def xlsx_floor() -> float:
            if not sheets:  # the same cells, as ready lists (made once, not timed)
                sheets.extend(_ready_sheets(target, spreadsheet))
            out = tmp / f"floor-{next(runs)}.xlsx"

            def write() -> None:
                workbook = Workbook(write_only=True)
                for name, header, values in sheets:
                    ws = workbook.create_sheet(name)
                    ws.append(header)
                    for row in values:
                        ws.append(row)
                workbook.save(out)
            return timed(write)

        rows.append(Ratio("XLSX export", "openpyxl write-only, same cells", 1.3).run(xlsx, xlsx_floor, args.runs))
        for database in (source, *targets):
            database.dispose()
    print_table(rows)
    return 0


def _ready_sheets(db, spreadsheet) -> list[tuple[str, list, list]]:  # noqa: ANN001
    """The cells the export writes, read back from one export (openpyxl, read-only)."""
    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory() as folder:
        from mcim_desk.services import exchange

        out = Path(folder) / "cells.xlsx"
        exchange.export_spreadsheets(db, out, "xlsx")
        workbook = load_workbook(out, read_only=True)
        sheets = []
        for ws in workbook.worksheets:
            values = [list(row) for row in ws.iter_rows(values_only=True)]
            sheets.append((ws.title, values[0] if values else [], values[1:]))
        workbook.close()
    return sheets


if __name__ == "__main__":
    raise SystemExit(main())
