"""Several people saving into one response at the same moment, as real processes (issue 11).

Five processes start together on one response. First they all answer the same unanswered
questions at once (the entries of Q25, one after the other, each believing it empty): for each
question exactly one save goes through and the others are refused as stale copies, with both
values, never with the server's unique-key error. Then each saves its own question over and
over, each save carrying what it last saved (never stale): none may be refused. PostgreSQL
reads under READ COMMITTED, where an unlocked revision check refused most of these."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from mcim_desk.paths import resource_path
from mcim_desk.services import responses

PROCESSES = 5
FIRST_ANSWERS = 12  # questions all five answer first at once
OWN_SAVES = 25  # saves of each process on its own question
OWN_QUESTIONS = ["section_1/q1", "section_2/q12", "section_3/q20", "section_3/q21", "section_1/q3"]

WORKER = r"""
import json, sys, time
from pathlib import Path
from mcim_desk.persistence.database import Database
from mcim_desk.services import responses

target, rid, me, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
first, own, own_path = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
db = Database(target)
responses.response_info(db, rid)  # connected before the start
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
out = {"first": {}, "own": [], "errors": []}

def attempt(path, value, expected):
    try:
        responses.save_answer(db, rid, path, value, f"worker {me}", expected=expected)
        return "saved"
    except responses.EditConflict as exc:
        return ["conflict", exc.theirs, exc.yours, exc.actor]
    except Exception as exc:  # anything else is a failure the test shows
        out["errors"].append(f"{type(exc).__name__}: {exc}"[:400])
        return "error"

for k in range(1, first + 1):
    path = f"section_4/q25[{k}]/partner_name"
    out["first"][path] = attempt(path, f"Partenaire {k} « de {me} » é", None)
last = None
for i in range(own):
    value = f"Réponse {i} du poste {me}"
    out["own"].append(attempt(own_path, value, last))
    if out["own"][-1] == "saved":
        last = value
print(json.dumps(out, ensure_ascii=False), flush=True)
"""


def run_workers(target: str, rid: str, tmp_path: Path) -> list[dict]:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, target, rid, str(me), str(go), str(FIRST_ANSWERS),
             str(OWN_SAVES), OWN_QUESTIONS[me]],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            cwd=resource_path(), env=env,
        )
        for me in range(PROCESSES)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
        go.touch()
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=300)
            assert worker.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
        time.sleep(0)


def test_five_processes_on_one_response(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    rid = questionnaire.id
    results = run_workers(db.target, rid, tmp_path)
    errors = [e for r in results for e in r["errors"]]
    assert errors == []  # no IntegrityError, no "changed elsewhere", no server text at all
    stored = responses.answers(db, rid)
    for k in range(1, FIRST_ANSWERS + 1):
        path = f"section_4/q25[{k}]/partner_name"
        outcomes = [r["first"][path] for r in results]
        saved = [me for me, outcome in enumerate(outcomes) if outcome == "saved"]
        assert len(saved) == 1, (path, outcomes)  # one first answer, the others told
        winner = saved[0]
        assert stored[path] == f"Partenaire {k} « de {winner} » é"
        for me, outcome in enumerate(outcomes):
            if me != winner:  # the refusal shows theirs and mine, and who
                assert outcome == ["conflict", stored[path], f"Partenaire {k} « de {me} » é",
                                   f"worker {winner}"]
    refused = [o for r in results for o in r["own"] if o != "saved"]
    assert refused == []  # not one save that was not stale was refused
    for me in range(PROCESSES):
        assert stored[OWN_QUESTIONS[me]] == f"Réponse {OWN_SAVES - 1} du poste {me}"
