"""The benchmarks keep working: each runs at a tiny size in its own process, exits 0, and prints
its rows as ratios to a floor measured in the same run. Times are never asserted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\s+(?P<what>.+?)\s+[\d.]+ m?s\s+floor\s+[\d.]+ m?s\s+ratio\s+(?P<ratio>[\d.]+)x\s+"
                 r"\((?:target <= (?P<target>[\d.]+)x: (?:ok|MISSED)|informational, no target)\)")

CASES = {
    "attachments": (["--mib", "0.1", "--runs", "1"], {"attach a 0.1 MiB file", "copy it out to open it"}),
    "autosave_parts": (["--saves", "3", "--responses", "10"],
                       {"1. the program's file (10 other responses)", "2. + pool, SQLAlchemy Core (10 other responses)",
                        "3. + unit of work, repositories (10 other responses)",
                        "4. + the service (save_answer) (10 other responses)"}),
    "entry": (["--saves", "5", "--renders", "1", "--responses", "20"],
              {"autosave, free text (0 other responses)", "questionnaire render (20 other responses)",
               "questionnaire render, old floor (20 other responses)"}),
    "exchange": (["--responses", "20", "--runs", "1"],
                 {"bundle export", "bundle import (SQLite)", "same bundle again (no-op)", "XLSX export"}),
    # its SQLite import row is exchange.py's (one copy, in benchmarks/bundle_runs.py); the
    # PostgreSQL rows join when a server is given
    "exchange_import": (["--responses", "20", "--runs", "1"],
                        {"same bundle again (no-op, SQLite)"}
                        | ({"bundle import (PostgreSQL)", "same bundle again (no-op, PostgreSQL)"}
                           if os.environ.get("MCIM_TEST_PG_URL") else set())),
    "reports": (["--runs", "1", "--sizes", "35", "--fresh-runs", "1", "--phases", "1"],
                {"summary report, fresh process, study size"}),
    "startup": (["--runs", "1"], {"first paint", "mechanism list filled"}),
    "search": (["--responses", "40", "--runs", "1", "--saves", "2"],
               {"search, a common prefix", "search, a common word", "search, a rare word", "search, a phrase, an exclusion",
                "autosave with the search index"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_benchmark_prints_its_ratios(name: str, tmp_path: Path) -> None:
    args, wanted = CASES[name]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MCIM_DESK_DATA=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "RATIOS" in done.stdout
    rows = {m["what"].strip(): float(m["ratio"]) for m in map(ROW.match, done.stdout.splitlines()) if m}
    assert wanted <= set(rows), (wanted, done.stdout)
    assert all(ratio > 0 for ratio in rows.values())
    if "--phases" in args:  # where the time of the program and of its floor goes
        assert "PHASES of the floor" in done.stdout and "PHASES of the report" in done.stdout


def test_exchange_import_leaves_the_sqlite_import_to_exchange(tmp_path: Path) -> None:
    """The two bundle benchmarks time the SQLite import once between them (exchange.py), with
    the helpers both import from benchmarks/bundle_runs.py."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MCIM_DESK_DATA=str(tmp_path / "data"))
    env.pop("MCIM_TEST_PG_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "exchange_import.py"), "--responses", "5",
                           "--runs", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [m["what"].strip() for m in map(ROW.match, done.stdout.splitlines()) if m]
    assert sorted(set(rows)) == ["same bundle again (no-op, SQLite)"], done.stdout
    for name in ("exchange.py", "exchange_import.py"):
        source = (ROOT / "benchmarks" / name).read_text(encoding="utf-8")
        assert "from benchmarks.bundle_runs import" in source
        assert "def copy_rows" not in source and "def fill" not in source
