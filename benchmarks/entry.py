"""Entry benchmark: one answer's autosave, and rendering the questionnaire, each as a ratio to
its floor measured in the same run (see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/entry.py [--saves 500] [--renders 9] [--responses 10000]

- autosave of one answer (the service: answer, audit row, response status, relevance) against
  a plain ``sqlite3`` transaction inserting two rows (an answer and an audit row) into a file
  with the same pragmas (WAL, synchronous=FULL, foreign keys): target <= 1.5x median, <= 3x p99;
- the questionnaire rendered (form engine, widgets, one paint) against building the same
  number of plain label + line-edit rows in a scroll area and painting them: target <= 1.5x.

Run on an empty database and on one with ``--responses`` other responses. Offscreen Qt.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402


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


class PlainTransaction:
    """The autosave floor: two rows in one durable transaction, nothing else."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "page_size=8192"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("CREATE TABLE IF NOT EXISTS answer (id TEXT PRIMARY KEY, response_id TEXT, "
                          "path TEXT, value TEXT, UNIQUE (response_id, path))")
        self.conn.execute("CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY, at TEXT, "
                          "actor TEXT, entity_id TEXT, field TEXT, new_value TEXT)")
        self.n = 0

    def __call__(self, value: str) -> None:
        self.n += 1
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO answer VALUES ('a', 'r', 'section_3/q14', ?) ON CONFLICT (id) "
                     "DO UPDATE SET value = excluded.value", (value,))
        conn.execute("INSERT INTO audit_log (at, actor, entity_id, field, new_value) VALUES "
                     "(datetime('now'), 'bench', 'r', 'section_3/q14', ?)", (value,))
        conn.execute("COMMIT")


def plain_rows(count: int):  # noqa: ANN201 - a QScrollArea
    """The render floor: ``count`` label + line-edit rows in a scroll area."""
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QWidget

    area = QScrollArea()
    inner = QWidget()
    form = QFormLayout(inner)
    for index in range(count):
        form.addRow(QLabel(f"{index}. Question label of a typical length, with a hint below"), QLineEdit())
    area.setWidget(inner)
    area.setWidgetResizable(True)
    return area


def shown(widget) -> None:  # noqa: ANN001
    widget.resize(1000, 700)
    widget.show()
    widget.grab()  # layout and one full paint
    widget.close()
    widget.deleteLater()


def measure(tmp: Path, extra: int, saves: int, renders: int) -> list[Ratio]:
    """The three rows for a database holding ``extra`` other responses."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    from mcim_desk.preferences import Preferences
    from mcim_desk.services import responses
    from mcim_desk.services.catalogue import mechanism_rows
    from mcim_desk.services.startup import open_database
    from mcim_desk.ui.bus import ChangeBus
    from mcim_desk.ui.context import UiContext
    from mcim_desk.ui.dialogs import ScriptedDialogs
    from mcim_desk.ui.form_view import FormView
    from mcim_desk.ui.tasks import SyncRunner

    rows: list[Ratio] = []
    db, _ = open_database(str(tmp / "bench.sqlite3"))
    fill(db, extra)
    first = mechanism_rows(db)[0]
    info = responses.open_questionnaire(db, first.id, "bench")
    for path, value in (("section_1/q1", "Processus d’Almaty"), ("section_2/q4", "oui"),
                        ("section_2/q11", "objective_1 objective_3"),
                        ("section_4/q25[1]/partner_name", "OIT")):
        responses.save_answer(db, info.id, path, value, "bench")
    ctx = UiContext(db, ChangeBus(), SyncRunner(), ScriptedDialogs(), QUndoStack(),
                    Preferences("bench", "Europe/Geneva", "fr"))
    plain = PlainTransaction(tmp / "floor.sqlite3")
    texts = [f"réponse {i}" for i in range(7)]
    # each side has its own counter: with one shared by both, the interleaving (app, floor,
    # floor, app, app...) gave the app the same value twice in a row every other time with
    # three choices, and an unchanged answer is not written at all (no commit, no fsync)
    app_turns, floor_turns = iter(range(10**9)), iter(range(10**9))

    def save(path: str, values: list[str]) -> float:
        value = values[next(app_turns) % len(values)]
        return timed(lambda: responses.save_answer(db, info.id, path, value, "bench"))

    def floor_save() -> float:
        value = texts[next(floor_turns) % len(texts)]
        return timed(lambda: plain(value))

    label = f"({extra} other responses)"
    rows.append(Ratio(f"autosave, free text {label}", "sqlite3, 2 rows, WAL+FULL", 1.5, 3.0)
                .run(lambda: save("section_3/q14", texts), floor_save, saves, warm_up=5))
    rows.append(Ratio(f"autosave, skip-logic Q4 {label}", "sqlite3, 2 rows, WAL+FULL", 1.5, 3.0)
                .run(lambda: save("section_2/q4", ["oui", "non", "en_cours"]), floor_save,
                     saves, warm_up=5))

    view = FormView(ctx)
    view.open_response(info.id)
    # one plain row per answer widget (a choice's radio buttons count as one row each 3)
    questions = sum(len(view.findChildren(kind)) for kind in (QLineEdit, QPlainTextEdit, QComboBox))
    questions += len(view.findChildren(QAbstractButton)) // 3
    view.deleteLater()

    def render() -> float:
        def work() -> None:
            form = FormView(ctx)
            form.open_response(info.id)
            shown(form)
        return timed(work)

    rows.append(Ratio(f"questionnaire render {label}", f"{questions} plain rows", 1.5)
                .run(render, lambda: timed(lambda: shown(plain_rows(questions))), renders))
    plain.conn.close()
    db.dispose()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--renders", type=int, default=9)
    parser.add_argument("--responses", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841 - widgets need it
    print(f"Python {sys.version.split()[0]}, {args.saves} saves and {args.renders} renders per row, offscreen")
    rows: list[Ratio] = []
    for extra in sorted({0, args.responses}):
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["MCIM_DESK_DATA"] = tmp
            rows += measure(Path(tmp), extra, args.saves, args.renders)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
