"""A process killed (SIGKILL) while answers are being saved loses nothing that was saved:
the database passes its integrity check and holds every answer whose save had returned."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk.paths import resource_path
from mcim_desk.persistence.sqlite_files import quick_check, read_rows

SAVED_BEFORE_KILL = 40

TYPIST = r"""
import sys
from mcim_desk.services.responses import save_answer
from mcim_desk.services.startup import open_database

db, _ = open_database(sys.argv[1], backup=False)
response_id = sys.argv[2]
print("ready", flush=True)
n = 0
while True:
    n += 1
    # a distinct path per save (repeat instances), so every printed answer must be there
    path = f"section_4/q25[{n}]/partner_name"
    value = f"Partenaire n° {n} – « é » & <b>"
    save_answer(db, response_id, path, value, "typist")
    print(f"{path}\t{value}", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_while_saving_loses_nothing_saved(db, db_path: Path, questionnaire) -> None:  # noqa: ANN001
    db.dispose()
    process = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(db_path), questionnaire.id],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        cwd=resource_path(), env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    saved: dict[str, str] = {}
    try:
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
        while len(saved) < SAVED_BEFORE_KILL:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            path, value = line.rstrip("\n").split("\t")
            saved[path] = value
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    assert quick_check(db_path) == "ok"
    stored = dict(read_rows(db_path, "SELECT path, value FROM answer WHERE response_id = ?",
                            (questionnaire.id,)))
    for path, value in saved.items():
        assert stored.get(path) == value, path
    audited = {row[0] for row in read_rows(
        db_path, "SELECT field FROM audit_log WHERE entity_id = ? AND action = 'update'",
        (questionnaire.id,))}
    assert set(saved) <= audited
