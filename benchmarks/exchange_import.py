"""Import benchmark on PostgreSQL, and of the no-op on both backends: a bundle of 10,000
questionnaire responses imported into an empty PostgreSQL database, and the same bundle
imported again (a no-op) there and into a SQLite file that holds it already, each as a ratio to
its floor measured in the same run (interleaved runs; see ``benchmarks/ratio.py``). The import
into an empty SQLite file is ``benchmarks/exchange.py``'s row; both share the import and the
SQLite floor (``benchmarks/bundle_runs.py``).

    .venv/bin/python benchmarks/exchange_import.py [--responses 10000] [--runs 3]
        [--postgres postgresql+psycopg://user@/dbname?host=/var/run/postgresql]

| row | floor | target |
| --- | --- | --- |
| same bundle again (no-op, SQLite) | INSERT ... SELECT of the records file's rows into an empty database with the same schema and pragmas, committed | printed (<= 1.5x) |
| bundle import (PostgreSQL) | ``COPY`` (psycopg's ``cursor.copy``) of the same rows, read from the same records file, into the same tables of an empty migrated database on the same server, committed | <= 1.5x |
| same bundle again (no-op, PostgreSQL) | the same floor | printed (<= 1.5x) |

The PostgreSQL rows run only with ``--postgres`` (or ``MCIM_TEST_PG_URL``). Each run gets a
database of its own, ``<name>_bench<pid>_<n>``, copied (not timed) from a template migrated
once, ``<name>_bench<pid>_tmpl``; all are dropped at the end. The floor leaves out the rows the empty
database holds already (the reference mechanisms), as the import does.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bundle_runs import SqliteImports, fill, import_into, records_of  # noqa: E402
from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402

# Referenced tables first (the floor's COPYs run in this order).
ORDER = ("survey_round", "mechanism", "contact", "code", "response", "answer", "interview", "quote",
         "follow_up", "audit_log")


class Server:
    """Databases of the benchmark on one PostgreSQL server (made from a migrated template)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.base = self.url.database
        self.prefix = f"{self.base}_bench{os.getpid()}"  # two runs at once do not meet
        self.made: list[str] = []

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def conninfo(self, name: str) -> str:
        return self.url.set(drivername="postgresql", database=name).render_as_string(hide_password=False)

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo(self.base), autocommit=True) as conn:
            conn.execute(statement)

    def template(self) -> str:
        from mcim_desk.services.startup import open_database

        name = f"{self.prefix}_tmpl"
        self._admin(f'DROP DATABASE IF EXISTS "{name}"')
        self._admin(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        db, _ = open_database(self.url_of(name))
        db.dispose()
        self.tmpl = name
        return name

    def fresh(self) -> str:
        name = f"{self.prefix}_{len(self.made)}"
        self._admin(f'DROP DATABASE IF EXISTS "{name}"')
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.tmpl}"')
        self.made.append(name)
        return name

    def drop_all(self) -> None:
        for name in reversed(self.made):
            self._admin(f'DROP DATABASE IF EXISTS "{name}"')
        self.made.clear()


def copy_floor(server: Server, name: str, records: Path, skip: dict[str, set[str]]) -> None:
    """The PostgreSQL floor: every row of the records file (but those whose id the empty
    database holds already) sent with COPY into its table, one transaction, committed."""
    import psycopg

    source = sqlite3.connect(records)
    try:
        tables = {t for (t,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        with psycopg.connect(server.conninfo(name)) as conn, conn.cursor() as cursor:
            for table in ORDER:
                if table not in tables:
                    continue
                columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
                names = ", ".join(f'"{c}"' for c in columns)
                held = skip.get(table, set())
                at = columns.index("id")
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {names} FROM {table}"):
                        if row[at] not in held:
                            copy.write_row(row)
            conn.commit()
    finally:
        source.close()


def held_ids(server: Server, name: str) -> dict[str, set[str]]:
    import psycopg

    with psycopg.connect(server.conninfo(name)) as conn:
        return {table: {r[0] for r in conn.execute(f"SELECT id FROM {table}")} for table in ORDER}


class Rows(list):
    """The table's rows, each also printed as soon as it is measured (a run takes minutes)."""

    def append(self, row: Ratio) -> None:
        print("  " + row.line(), flush=True)
        super().append(row)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=24, help="answers per response (at most 24)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per row")
    parser.add_argument("--postgres", default=os.environ.get("MCIM_TEST_PG_URL"),
                        help="a PostgreSQL URL: adds the server's rows")
    parser.add_argument("--no-sqlite", action="store_true", help="the server's rows only")
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication([])
    rows = Rows()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["MCIM_DESK_DATA"] = str(tmp / "data")
        from mcim_desk.services import exchange
        from mcim_desk.services.startup import open_database

        source, _ = open_database(str(tmp / "laptop.sqlite3"))
        started = time.perf_counter()
        fill(source, args.responses, answers_each=args.answers)
        bundle = exchange.export_bundle(source, tmp / "plain.mcimz")
        source.dispose()
        print(f"made and exported {args.responses} responses in {time.perf_counter() - started:.1f} s "
              f"(not timed): {bundle.counts['answer']} answers, {bundle.counts['audit_log']} audit rows")
        records = records_of(bundle.path, tmp / "extracted")
        responses = bundle.counts["response"]

        if not args.no_sqlite:
            imports = SqliteImports(tmp, bundle.path, records, responses=responses)
            imports.fresh()  # the database the no-op runs on (its import is exchange.py's row)
            rows.append(Ratio("same bundle again (no-op, SQLite)", "INSERT ... SELECT into an empty schema", 1.5)
                        .run(imports.again, imports.floor, args.runs))
            imports.dispose()

        if args.postgres:
            from mcim_desk.persistence.database import Database

            server = Server(args.postgres)
            try:
                skip = held_ids(server, server.template())
                last: list = []

                def pg_import() -> float:
                    name = server.fresh()
                    target = Database(server.url_of(name))
                    try:
                        return import_into(target, bundle.path, responses=responses)
                    finally:
                        target.dispose()
                        last[:] = [name]

                def pg_floor() -> float:
                    name = server.fresh()
                    return timed(lambda: copy_floor(server, name, records, skip))

                rows.append(Ratio("bundle import (PostgreSQL)", "COPY into an empty schema, same server", 1.5)
                            .run(pg_import, pg_floor, args.runs))
                again = Database(server.url_of(last[0]))
                try:
                    rows.append(Ratio("same bundle again (no-op, PostgreSQL)", "COPY into an empty schema, same server",
                                      1.5).run(lambda: import_into(again, bundle.path, responses=responses), pg_floor, args.runs))
                finally:
                    again.dispose()
            finally:
                server.drop_all()
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
