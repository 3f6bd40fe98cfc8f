"""What an autosave is made of: the same two writes as the autosave floor (``entry.py``),
measured through each layer the program adds, every row against that floor in the same run
(interleaved, see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/autosave_parts.py [--saves 400] [--responses 10000]

Rows, each adding one layer to the one above:

1. the program's database file: the floor's two statements (an answer updated, an audit row
   inserted) run with plain ``sqlite3`` on the program's own schema, where the answer table's
   triggers keep the search index in step and the audit table has its indexes;
2. the connection pool and SQLAlchemy Core: the same two statements through a pooled
   connection, ``Connection.begin()`` and ``exec_driver_sql``;
3. the unit of work: the same two writes through ``Database.write()`` (the ORM session every
   service uses) and the repository functions the autosave calls (compiled Core statements);
4. the service: ``responses.save_answer`` (the response read and locked, the answers read,
   the stale-window check, the validated guard, the audit row, the status and revision).

Informational: the target (autosave <= 1.5x its floor) is ``entry.py``'s. This table says where
the time between the two goes.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.entry import PlainTransaction, fill  # noqa: E402
from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402

PATH = "section_3/q14"
UPDATE = "UPDATE answer SET value = ?, revision = revision + 1 WHERE id = ?"
AUDIT = ("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, field, old_value, new_value) "
         "VALUES (?, ?, 'bench', 'update', 'answer', ?, ?, NULL, ?)")


def measure(tmp: Path, extra: int, saves: int) -> list[Ratio]:
    from mcim_desk.clock import utcnow
    from mcim_desk.persistence import repositories
    from mcim_desk.persistence.models import new_uuid
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import mechanism_rows
    from mcim_desk.services.startup import open_database

    path = tmp / "bench.sqlite3"
    db, _ = open_database(str(path))
    fill(db, extra)
    info = responses.open_questionnaire(db, mechanism_rows(db)[0].id, "bench")
    responses.save_answer(db, info.id, PATH, "première réponse", "bench")
    with db.read() as session:
        answer_id = next(row[0] for row in repositories.answer_rows(session, info.id) if row[1] == PATH)

    floor = PlainTransaction(tmp / "floor.sqlite3")
    plain = sqlite3.connect(path, isolation_level=None)  # the program's file, its pragmas
    for pragma in ("synchronous=FULL", "foreign_keys=ON"):
        plain.execute(f"PRAGMA {pragma}")
    texts = [f"réponse {i}" for i in range(7)]
    turns: dict[str, int] = {}

    def value(side: str) -> str:  # each side its own turn: a value never repeats twice in a row
        turns[side] = turns.get(side, -1) + 1
        return texts[turns[side] % len(texts)]

    def stamp() -> str:
        return utcnow().isoformat(sep=" ")

    def file_only() -> None:
        text = value("file")
        plain.execute("BEGIN IMMEDIATE")
        plain.execute(UPDATE, (text, answer_id))
        plain.execute(AUDIT, (new_uuid(), stamp(), info.id, PATH, text))
        plain.execute("COMMIT")

    def core() -> None:
        text = value("core")
        with db.engine.connect() as connection, connection.begin():
            connection.exec_driver_sql(UPDATE, (text, answer_id))
            connection.exec_driver_sql(AUDIT, (new_uuid(), stamp(), info.id, PATH, text))

    def unit() -> None:
        text = value("unit")
        with db.write() as session:
            repositories.set_answer_value(session, answer_id, text)
            repositories.insert_audit_rows(session, [{
                "actor": "bench", "action": "update", "entity": "answer", "entity_id": info.id,
                "field": PATH, "old": None, "new": text}])

    def service() -> None:
        responses.save_answer(db, info.id, PATH, value("service"), "bench")

    def base() -> float:
        return timed(lambda: floor(value("floor")))

    label = f"({extra} other responses)"
    name = "sqlite3, 2 rows, WAL+FULL"
    rows = [
        Ratio(f"1. the program's file {label}", name, 1.5).run(lambda: timed(file_only), base, saves, 5),
        Ratio(f"2. + pool, SQLAlchemy Core {label}", name, 1.5).run(lambda: timed(core), base, saves, 5),
        Ratio(f"3. + unit of work, repositories {label}", name, 1.5).run(lambda: timed(unit), base, saves, 5),
        Ratio(f"4. + the service (save_answer) {label}", name, 1.5).run(lambda: timed(service), base, saves, 5),
    ]
    plain.close()
    floor.conn.close()
    db.dispose()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=400)
    parser.add_argument("--responses", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - the services translate their messages
    print(f"Python {sys.version.split()[0]}, {args.saves} saves per row; each row adds one layer")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MCIM_DESK_DATA"] = tmp
        rows = measure(Path(tmp), args.responses, args.saves)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
