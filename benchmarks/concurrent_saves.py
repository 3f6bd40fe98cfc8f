"""Several people saving into one response at once (issue 11), as real processes.

    .venv/bin/python benchmarks/concurrent_saves.py --db postgresql+psycopg://USER@/DB?host=/var/run/postgresql
        [--processes 5] [--first 40] [--own 200]

The database is emptied first (a throw-away one!). Each process first answers the same
unanswered questions as the others at the same moment (Q25 entries, each believing them
empty), then saves its own question over and over, each save carrying what it last saved
(never stale). Prints, per phase: saves tried, saved, refused as stale (with both values),
other failures, and whether any failure text showed the server's own words (SQL, unique key).
Expected: one first answer per question, the others refused as stale; no own save refused.

The workers also run against an older MCIM Desk (without ``expected``: then a stale first
answer is not refused at all, and the lost ones are counted from the stored values), so that
the figures before and after issue 11 come from the same program: point PYTHONPATH at it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORKER = r"""
import json, sys, time
from pathlib import Path
from mcim_desk.persistence.database import Database
from mcim_desk.services import responses

target, rid, me, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
first, own = int(sys.argv[5]), int(sys.argv[6])
own_path = f"section_4/q25[{1000 + me}]/partner_name"
db = Database(target)
responses.response_info(db, rid)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
stale = getattr(responses, "EditConflict", None)
out = {"first": {}, "own": []}

def attempt(path, value, expected):
    try:
        try:
            responses.save_answer(db, rid, path, value, f"worker {me}", expected=expected)
        except TypeError:  # an MCIM Desk before issue 11: no stale check at all
            responses.save_answer(db, rid, path, value, f"worker {me}")
        return "saved"
    except Exception as exc:
        if stale is not None and isinstance(exc, stale):
            return "stale"
        return f"{type(exc).__name__}: {exc}"[:300]

for k in range(1, first + 1):
    path = f"section_4/q25[{k}]/partner_name"
    out["first"][path] = [attempt(path, f"{k} from {me}", None), f"{k} from {me}"]
last = None
for i in range(own):
    value = f"{i} from {me}"
    result = attempt(own_path, value, last)
    out["own"].append(result)
    if result == "saved":
        last = value
print(json.dumps(out), flush=True)
"""

LEAKS = ("SQL", "duplicate key", "UNIQUE constraint", "IntegrityError", "psycopg")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a throw-away database: it is emptied")
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--first", type=int, default=40)
    parser.add_argument("--own", type=int, default=200)
    args = parser.parse_args()

    from mcim_desk.services import catalogue, responses
    from mcim_desk.services.startup import open_database

    if "://" in args.db:
        from sqlalchemy import create_engine, text

        engine = create_engine(args.db)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    else:
        Path(args.db).unlink(missing_ok=True)
    db, _ = open_database(args.db)
    rid = responses.open_questionnaire(db, catalogue.find_mechanism(db, "Rabat Process").id, "bench").id

    with tempfile.TemporaryDirectory() as folder:
        go = Path(folder) / "go"
        workers = [
            subprocess.Popen([sys.executable, "-c", WORKER, args.db, rid, str(me), str(go),
                              str(args.first), str(args.own)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
            for me in range(args.processes)
        ]
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
        started = time.perf_counter()
        go.touch()
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=3600)
            if worker.returncode != 0:
                print(err, file=sys.stderr)
                return 1
            results.append(json.loads(out.strip().splitlines()[-1]))
        elapsed = time.perf_counter() - started

    stored = responses.answers(db, rid)
    db.dispose()
    first = [outcome for r in results for outcome in r["first"].values()]
    saved_first = sum(1 for result, _ in first if result == "saved")
    stale_first = sum(1 for result, _ in first if result == "stale")
    failed_first = [result for result, _ in first if result not in ("saved", "stale")]
    # a first answer reported saved whose value is not the stored one was overwritten unseen
    lost = sum(1 for r in results for path, (result, value) in r["first"].items()
               if result == "saved" and stored.get(path) != value)
    own = [outcome for r in results for outcome in r["own"]]
    refused_own = [o for o in own if o != "saved"]
    failures = failed_first + refused_own
    print(f"{args.processes} processes, {elapsed:.1f} s, {db.engine.dialect.name}")
    print(f"first answers to the same {args.first} questions: {len(first)} tried, "
          f"{saved_first} saved, {stale_first} refused as stale, {len(failed_first)} failed, "
          f"{lost} saved then silently overwritten")
    print(f"own-question saves (never stale): {len(own)} tried, {len(refused_own)} refused "
          f"({100 * len(refused_own) / max(len(own), 1):.0f}%)")
    print(f"failure texts with the server's words (SQL, unique key): "
          f"{sum(1 for f in failures if any(leak in f for leak in LEAKS))}")
    for text in sorted({f.splitlines()[0] for f in failures})[:5]:
        print(f"  e.g. {text.splitlines()[0][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
