"""A few kill -9 drills in every run (benchmarks/faults.py runs a hundred): a process killed
while autosaving, importing a bundle, restoring or backing up loses nothing it confirmed,
damages no database, prints no traceback, and the next start leaves no file behind."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.fault_drill import Drill

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


@pytest.mark.parametrize("kind", Drill.KINDS)
def test_killed_at_a_random_moment_loses_nothing_confirmed(tmp_path: Path, kind: str) -> None:
    drill = Drill(tmp_path, random.Random(f"drill-{kind}"))
    for _ in range(2):
        getattr(drill, kind)()
    tally = drill.tally
    assert tally.kills == 2
    if kind == "autosave":
        assert tally.confirmed > 0, tally.line()  # the kills landed amid saves
    assert tally.lost == 0, tally.line()
    assert tally.damaged == 0, tally.line()
    assert tally.tracebacks == 0, tally.line()
    assert tally.left_behind == [], tally.left_behind
