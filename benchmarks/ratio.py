"""Benchmarks as ratios: every figure is measured next to its floor, in the same run,
interleaved (one run of the program, one of the floor, and again), and printed as the ratio of
the medians against its target. Absolute times differ from machine to machine; a ratio to what
the same machine does at best, in the same minute, travels.

A benchmark exits non-zero only when a run breaks (an exception, a wrong result), never because
a target is missed: the verdict is printed, not asserted. The test suite runs each benchmark at
a tiny size to keep it working; no test asserts a time.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Timed = Callable[[], float]  # one run: returns the seconds it measured itself (set-up excluded)


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work()`` takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def program_env(env: dict[str, str], folder: str | os.PathLike[str]) -> dict[str, str]:
    """``env`` for a child process that runs the program as it runs installed: with its own
    modules' bytecode cached (pip and PyInstaller compile them; the floor's libraries in the
    virtual environment are compiled too). Without this, a shell that sets
    PYTHONDONTWRITEBYTECODE makes every fresh process compile the package's sources again
    (about 0.1 s), a cost no user pays. The cache goes to ``folder``, not the work tree."""
    env = dict(env, PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


@dataclass
class Ratio:
    """One row of the table: what is measured, its floor, and the targets (ratios)."""

    what: str
    floor: str
    target: float | None  # None: an informational row (a second floor), no verdict
    p99_target: float | None = None
    app: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)

    def run(self, app: Timed, floor: Timed, runs: int, warm_up: int = 1) -> Ratio:
        """``runs`` interleaved pairs, after ``warm_up`` pairs not counted (caches, imports)."""
        for index in range(warm_up + runs):
            first, second = (app, floor) if index % 2 == 0 else (floor, app)
            a, b = first(), second()
            if first is floor:
                a, b = b, a
            if index >= warm_up:
                self.app.append(a)
                self.base.append(b)
        return self

    @property
    def ratio(self) -> float:
        return statistics.median(self.app) / statistics.median(self.base)

    @property
    def p99_ratio(self) -> float:
        return percentile(self.app, 0.99) / percentile(self.base, 0.99)

    def line(self) -> str:
        text = (f"{self.what:<34} {_ms(statistics.median(self.app)):>10}  floor {_ms(statistics.median(self.base)):>10}"
                f"  ratio {self.ratio:5.2f}x")
        if self.target is None:
            text += "  (informational, no target)"
        else:
            verdict = "ok" if self.ratio <= self.target else "MISSED"
            text += f"  (target <= {self.target:g}x: {verdict})"
        if self.p99_target is not None:
            p99_verdict = "ok" if self.p99_ratio <= self.p99_target else "MISSED"
            text += f"  p99 ratio {self.p99_ratio:5.2f}x (target <= {self.p99_target:g}x: {p99_verdict})"
        return text + f"  [{len(self.app)} runs; floor: {self.floor}]"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def print_table(rows: list[Ratio]) -> None:
    print("RATIOS (median of interleaved runs; program / floor measured in the same run)")
    for row in rows:
        print("  " + row.line())
