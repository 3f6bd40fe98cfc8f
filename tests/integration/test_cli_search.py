"""``mcim-desk search`` in a real process: grouped text with the matches in brackets, JSON
with the same results, --kind, and a clear message for a query with no word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk.services import followups, responses
from mcim_desk.services.catalogue import find_mechanism
from mcim_desk.services.startup import open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "search.sqlite3"
    db, _ = open_database(str(path))
    try:
        midsa = find_mechanism(db, "MIDSA")
        response = responses.open_questionnaire(db, midsa.id, "t")
        responses.save_answer(db, response.id, "section_3/q14", "Un cadre réglementaire <b>commun</b>.", "t")
        followups.create_followup(db, kind="other", mechanism_id=midsa.id, due_utc=None, owner="t",
                                  actor="t", notes="Envoyer le cadre réglementaire révisé.")
    finally:
        db.dispose()
    return path


def cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MCIM_DESK_DATA": str(data),
           "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mcim_desk", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)


def test_text_and_json(filled: Path, tmp_path: Path) -> None:
    done = cli("search", "REGLEMENT*", "--db", str(filled), "--lang", "en", data=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Answers (1)"
    assert lines[1].startswith("  MIDSA — 14. Has the Global Compact already influenced")
    assert lines[2] == "    Un cadre [réglementaire] <b>commun</b>."  # user text printed as it is
    assert lines[3] == "Follow-ups (1)"
    assert lines[4] == "  MIDSA — Other"
    assert lines[5] == "    Other — Envoyer le cadre [réglementaire] révisé."  # its title, then its notes

    done = cli("--db", str(filled), "search", '"cadre reglementaire"', "--kind", "followup",
               "--format", "json", "--lang", "fr", data=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["count"] == 1
    [group] = data["groups"]
    assert (group["kind"], group["label"], group["more"]) == ("followup", "Suivis", False)
    [hit] = group["hits"]
    assert hit["mechanism"] == "MIDSA" and hit["snippet"] == "Autre — Envoyer le cadre réglementaire révisé."
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["cadre réglementaire"]


def test_nothing_to_search_and_no_match(filled: Path, tmp_path: Path) -> None:
    done = cli("search", "--db", str(filled), "--lang", "en", "--", "-commun", data=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "mcim-desk: nothing to search for: type at least one word"
    done = cli("search", "tombouctou", "--db", str(filled), "--lang", "en", data=tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, "no match")
