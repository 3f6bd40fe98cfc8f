"""Kill -9 drill: a hundred real processes killed (SIGKILL) at a random moment while they
autosave answers, import a bundle, restore a backup or make backups (a quarter each); after
each kill the next start runs (finishing or undoing an interrupted file switch, clearing
leftovers), then the drill counts.

Prints one line per kind and the total: kills / answers confirmed (saves, imported answers,
restores and copies the process had reported done before it was killed) / answers lost (of
those) / databases damaged (``PRAGMA quick_check`` not ok) / files left behind / tracebacks on
the killed processes' stderr. Every figure but the first two must be 0.

    python benchmarks/faults.py [--kills 100] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    QCoreApplication.instance() or QCoreApplication(["faults"])
    from tests.fault_drill import Drill, Tally

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mcim-faults-") as tmp:
        rng = random.Random(args.seed)
        totals = Tally()
        for kind in Drill.KINDS:
            drill = Drill(Path(tmp) / kind, rng)
            count = args.kills // len(Drill.KINDS) + (Drill.KINDS.index(kind) < args.kills % len(Drill.KINDS))
            for _ in range(count):
                getattr(drill, kind)()
            t = drill.tally
            print(f"{kind:14} {t.line()}", flush=True)
            for path in t.left_behind:
                print(f"    left: {path}")
            totals.kills += t.kills
            totals.confirmed += t.confirmed
            totals.lost += t.lost
            totals.damaged += t.damaged
            totals.left_behind += t.left_behind
            totals.tracebacks += t.tracebacks
    print(f"{'total':14} {totals.line()}  ({time.perf_counter() - started:.0f} s)")
    return 0 if not (totals.lost or totals.damaged or totals.left_behind or totals.tracebacks) else 1


if __name__ == "__main__":
    sys.exit(main())
