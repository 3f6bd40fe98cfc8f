"""Start-up benchmark: time from process start to the main window's first paint and to the
mechanism list being filled, side by side with a bare PySide6 window of similar widgets.

    .venv/bin/python benchmarks/startup.py [--runs 15]

Targets (issue 2): first paint within 1.3x the bare window's, list filled within 2x.
Runs offscreen on a database made (and migrated, filled) once before timing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.ratio import Ratio, print_table, program_env  # noqa: E402

BARE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer, QAbstractTableModel, Qt
    from PySide6.QtWidgets import (QApplication, QMainWindow, QSplitter, QTableView, QLineEdit,
        QComboBox, QTabWidget, QLabel, QWidget, QVBoxLayout, QFormLayout, QPlainTextEdit)
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    for name in ("File", "Edit", "View", "Language", "Help"):
        w.menuBar().addMenu(name).addAction("x")
    left = QWidget(); lay = QVBoxLayout(left)
    lay.addWidget(QLineEdit()); lay.addWidget(QComboBox()); lay.addWidget(QComboBox())
    table = QTableView(); lay.addWidget(table); lay.addWidget(QLabel("n"))
    right = QTabWidget(); page = QWidget(); form = QFormLayout(page)
    for i in range(8):
        form.addRow(QLabel(str(i)), QLineEdit())
    form.addRow(QLabel("notes"), QPlainTextEdit())
    right.addTab(page, "Card")
    s = QSplitter(); s.addWidget(left); s.addWidget(right); w.setCentralWidget(s)
    class P(QObject):
        done = False
        def eventFilter(self, o, e):
            if e.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                print(f"first_paint {time.time():.6f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False
    p = P(); w.installEventFilter(p); w.resize(1200, 760); w.show(); app.exec()
    """
)


def run_once(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    marks = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in {"first_paint", "list_filled"}:
            marks[key] = float(value) - start
    if "first_paint" not in marks:
        raise RuntimeError(f"no paint mark from {cmd}: {out.stdout}\n{out.stderr}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = program_env(dict(os.environ, QT_QPA_PLATFORM="offscreen", MCIM_DESK_DATA=tmp,
                               MCIM_DESK_DB=str(Path(tmp) / "bench.sqlite3"), MCIM_DESK_STARTUP_PROBE="1"), tmp)
        app_cmd = [sys.executable, "-m", "mcim_desk"]
        bare_cmd = [sys.executable, "-c", BARE]
        run_once(app_cmd, env)  # first start: creates, migrates and fills the database
        run_once(bare_cmd, env)  # warm the file cache for both
        app_runs, bare_runs = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            bare_runs.append(run_once(bare_cmd, env))
            app_runs.append(run_once(app_cmd, env))
    print(f"runs: {args.runs} each, interleaved, offscreen, Python {sys.version.split()[0]}")
    bare = [r["first_paint"] for r in bare_runs]
    paint = Ratio("first paint", "bare PySide6 window, first paint", 1.3,
                  app=[r["first_paint"] for r in app_runs], base=bare)
    filled = Ratio("mechanism list filled", "bare PySide6 window, first paint", 2.0,
                   app=[r["list_filled"] for r in app_runs], base=list(bare))
    print_table([paint, filled])
    return 0


if __name__ == "__main__":
    sys.exit(main())
