"""Attachment benchmark, as ratios to floors measured in the same run (see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/attachments.py [--mib 20] [--runs 7]

- attaching a file through the services (size check, read, content check, SHA-256, the blob
  and its attachment row in one transaction, then the answer's autosave with its audit row)
  against a plain ``sqlite3`` transaction that reads the same file, hashes it and inserts it
  as a BLOB into a table of the same database: target <= 1.5x;
- reading it back to open it (a private temporary copy, written through the atomic writer)
  against a plain ``sqlite3`` SELECT of the BLOB written to a file and flushed (fsync, as
  every private file is): target <= 1.5x.

Each run attaches another file of ``--mib`` MiB (random bytes behind a PDF header), so no run
is a deduplicated no-op.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402

Q5_DOC = "section_2/q5_document"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.instance() or QCoreApplication([])
    work = Path(tempfile.mkdtemp(prefix="mcim-bench-attach-"))
    os.environ.setdefault("MCIM_DESK_DATA", str(work / "data"))
    from mcim_desk.services import attachments, responses
    from mcim_desk.services.catalogue import mechanism_rows
    from mcim_desk.services.startup import open_database

    db_path = work / "bench.sqlite3"
    db, _ = open_database(str(db_path))
    response = responses.open_questionnaire(db, mechanism_rows(db)[0].id, "bench")
    responses.save_answer(db, response.id, "section_2/q4", "oui", "bench")
    size = int(args.mib * 1024 * 1024)
    counter = [0]

    def new_file() -> Path:
        counter[0] += 1
        path = work / f"paper-{counter[0]}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + os.urandom(size - 9))
        return path

    floor_conn = sqlite3.connect(db_path, isolation_level=None)
    floor_conn.execute("CREATE TABLE IF NOT EXISTS bench_blob (sha256 TEXT PRIMARY KEY, content BLOB)")
    names: list[str] = []

    def attach() -> float:
        source = new_file()

        def work_() -> None:
            stored = attachments.store_file(db, response.id, Q5_DOC, source)
            responses.save_answer(db, response.id, Q5_DOC, stored.file_name, "bench")
            names.append(stored.file_name)

        return timed(work_)

    def plain_insert() -> float:
        source = new_file()

        def work_() -> None:
            data = source.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            floor_conn.execute("BEGIN IMMEDIATE")
            floor_conn.execute("INSERT INTO bench_blob VALUES (?, ?)", (digest, data))
            floor_conn.execute("COMMIT")

        return timed(work_)

    def open_copy() -> float:
        return timed(lambda: attachments.temporary_copy(db, response.id, names[-1]))

    def plain_read() -> float:
        target = work / "plain-copy.bin"

        def work_() -> None:
            data = floor_conn.execute("SELECT content FROM bench_blob LIMIT 1").fetchone()[0]
            with open(target, "wb") as handle:  # flushed to the disk, as every private file is
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())

        return timed(work_)

    rows = [
        Ratio(f"attach a {args.mib:g} MiB file", "sqlite3: read, hash, INSERT BLOB", 1.5).run(attach, plain_insert, args.runs),
        Ratio("copy it out to open it", "sqlite3: SELECT BLOB, write file, fsync", 1.5).run(open_copy, plain_read, args.runs),
    ]
    print_table(rows)
    floor_conn.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
