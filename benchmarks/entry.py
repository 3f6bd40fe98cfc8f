"""Entry benchmark (issue 3): time to render the questionnaire, and the time of one answer's
autosave (median and p99), on an empty database and with 10,000 responses already in it.

    .venv/bin/python benchmarks/entry.py [--saves 500]

Targets: render <= 150 ms; autosave median <= 1 ms, p99 <= 5 ms. Real SQLite files (WAL,
synchronous=FULL) in a temporary folder; offscreen Qt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fill(db, extra: int) -> None:  # noqa: ANN001 - a Database
    """``extra`` questionnaire responses of four answers each, in bulk."""
    from mcim_desk.persistence import repositories
    from mcim_desk.services import forms
    from mcim_desk.services.catalogue import mechanism_rows

    mechanisms = mechanism_rows(db)
    version = forms.latest_version(db, "mcim_questionnaire_2018").version_id
    with db.write() as session:
        for n in range(extra):
            response = repositories.add_response(
                session, form_version_id=version, mechanism_id=mechanisms[n % 30].id,
                status="draft", source="paper",
            )
            for k, path in enumerate(("section_1/q1", "section_2/q4", "section_2/q5", "section_3/q14")):
                repositories.insert_answer(session, response.id, path, "oui" if k == 1 else f"text {n}")


def time_saves(db, response_id: str, path: str, values: list[str], n: int) -> tuple[float, float]:  # noqa: ANN001
    from mcim_desk.services import responses

    times = []
    for i in range(n):
        start = time.perf_counter()
        responses.save_answer(db, response_id, path, values[i % len(values)], "bench")
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.99)] * 1000


def time_render(ctx, response_id: str, runs: int = 7) -> float:  # noqa: ANN001
    from mcim_desk.ui.form_view import FormView

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        view = FormView(ctx)
        view.open_response(response_id)
        view.resize(1000, 700)
        view.show()
        view.grab()  # forces layout and one full paint
        times.append(time.perf_counter() - start)
        view.close()
        view.deleteLater()
    return statistics.median(times[1:]) * 1000  # the first run also warms Python's caches


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=500)
    args = parser.parse_args()

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from mcim_desk.preferences import Preferences
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import mechanism_rows
    from mcim_desk.services.startup import open_database
    from mcim_desk.ui.bus import ChangeBus
    from mcim_desk.ui.context import UiContext
    from mcim_desk.ui.dialogs import ScriptedDialogs
    from mcim_desk.ui.tasks import SyncRunner

    app = QApplication(sys.argv[:1])  # noqa: F841 - widgets need it
    print(f"Python {sys.version.split()[0]}, {args.saves} saves per figure, offscreen")
    for extra in (0, 10_000):
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["MCIM_DESK_DATA"] = tmp
            db, _ = open_database(str(Path(tmp) / "bench.sqlite3"))
            started = time.perf_counter()
            fill(db, extra)
            filled = time.perf_counter() - started
            first = mechanism_rows(db)[0]
            info = responses.open_questionnaire(db, first.id, "bench")
            for path, value in (("section_1/q1", "Processus d’Almaty"), ("section_2/q4", "oui"),
                                ("section_2/q11", "objective_1 objective_3"),
                                ("section_4/q25[1]/partner_name", "OIT")):
                responses.save_answer(db, info.id, path, value, "bench")
            ctx = UiContext(db, ChangeBus(), SyncRunner(), ScriptedDialogs(), QUndoStack(),
                            Preferences("bench", "Europe/Geneva", "fr"))
            render = time_render(ctx, info.id)
            text = time_saves(db, info.id, "section_3/q14", [f"réponse {i}" for i in range(7)], args.saves)
            skip = time_saves(db, info.id, "section_2/q4", ["oui", "non", "en_cours"], args.saves)
            label = f"{extra:>6} other responses" + (f" (filled in {filled:.1f} s)" if extra else "")
            print(label)
            print(f"  render questionnaire       median {render:7.1f} ms   (target <= 150 ms)")
            print(f"  autosave, free text        median {text[0]:7.2f} ms   p99 {text[1]:6.2f} ms"
                  "   (targets <= 1 ms, <= 5 ms)")
            print(f"  autosave, skip-logic Q4    median {skip[0]:7.2f} ms   p99 {skip[1]:6.2f} ms")
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
