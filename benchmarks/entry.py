"""Entry benchmark: one answer's autosave, and rendering the questionnaire, each as a ratio to
its floor measured in the same run (see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/entry.py [--saves 500] [--renders 9] [--responses 10000]

- autosave of one answer (the service: answer, audit row, response status, relevance) against
  a plain ``sqlite3`` transaction inserting two rows (an answer and an audit row) into a file
  with the same pragmas (WAL, synchronous=FULL, foreign keys): target <= 1.5x median, <= 3x p99;
- the questionnaire rendered (form engine, widgets, shown, one full paint) against building
  the same number of plain widgets without the form engine (``PlainForm``: the form view's own
  widgets copied as plain Qt ones of the same kinds and texts, hidden where the form's are, in
  the same scroll area), shown and painted the same way: target <= 1.5x;
- the same render against the old floor, one label + line-edit row per answer (about a fifth
  of the widgets): an informational row, no target.

Run on an empty database and on one with ``--responses`` other responses. Offscreen Qt.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
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
    """The old render floor (kept as an informational row): ``count`` label + line-edit rows
    in a scroll area, about a fifth of the widgets the form view builds."""
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QWidget

    area = QScrollArea()
    inner = QWidget()
    form = QFormLayout(inner)
    for index in range(count):
        form.addRow(QLabel(f"{index}. Question label of a typical length, with a hint below"), QLineEdit())
    area.setWidget(inner)
    area.setWidgetResizable(True)
    return area


@dataclass
class Plain:
    """One widget of the floor: a Qt class, what it shows, hidden or not, its children."""

    kind: type
    text: str | list[str] | None = None
    wrap: bool = False
    clear_button: bool = False
    frame: object = None
    hidden: bool = False
    children: list[Plain] = field(default_factory=list)


def _leaf_kinds():  # noqa: ANN202
    """Widgets built whole by Qt (with their own inner widgets): copied as one, never walked."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QProgressBar,
    )

    return (QLabel, QAbstractButton, QLineEdit, QAbstractScrollArea, QComboBox, QAbstractSpinBox,
            QAbstractSlider, QProgressBar)


def _qt_class(widget) -> type:  # noqa: ANN001
    """The Qt class a widget of the program's own class is made of (CommitTextEdit: QPlainTextEdit)."""
    return next(k for k in type(widget).__mro__ if k.__module__.startswith("PySide6"))


def _leaf(source) -> Plain:  # noqa: ANN001
    """A leaf widget as plain Qt, with the same text (a wrapped label wraps the same words)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
    )

    plain = Plain(_qt_class(source), hidden=source.isHidden())
    if isinstance(source, QLabel):
        plain.text, plain.wrap = source.text(), source.wordWrap()
    elif isinstance(source, QAbstractButton | QLineEdit):
        plain.text = source.text()
        plain.clear_button = isinstance(source, QLineEdit) and source.isClearButtonEnabled()
    elif isinstance(source, QPlainTextEdit):
        plain.text = source.toPlainText()
    elif isinstance(source, QComboBox):
        plain.text = [source.itemText(i) for i in range(source.count())]
    elif isinstance(source, QListWidget):
        plain.text = [source.item(i).text() for i in range(source.count())]
        plain.wrap = source.wordWrap()
    return plain


def _in_layout_order(source) -> list:  # noqa: ANN001
    """``source``'s own widgets in the order its layouts show them (a box inserted first was
    maybe created last), then any outside a layout."""
    from PySide6.QtWidgets import QLayout

    ordered: list = []

    def walk(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item.widget() is not None:
                ordered.append(item.widget())
            elif item.layout() is not None:
                walk(item.layout())

    if source.layout() is not None:
        walk(source.layout())
    seen = set(map(id, ordered))
    return ordered + [c for c in source.children() if c.isWidgetType() and id(c) not in seen]


def _tree(source) -> Plain:  # noqa: ANN001
    """A container: a plain QWidget (a QFrame where the form draws a frame) holding its widgets."""
    from PySide6.QtWidgets import QFrame, QWidget

    framed = isinstance(source, QFrame) and source.frameShape() != QFrame.Shape.NoFrame
    plain = Plain(QFrame if framed else QWidget, frame=source.frameShape() if framed else None,
                  hidden=source.isHidden())
    for child in _in_layout_order(source):
        if not child.isWindow():
            plain.children.append(_leaf(child) if isinstance(child, _leaf_kinds()) else _tree(child))
    return plain


def _build(plain: Plain, parent):  # noqa: ANN001, ANN202
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit

    widget = plain.kind(parent)
    if plain.kind is QLabel:
        widget.setText(plain.text)
        widget.setWordWrap(plain.wrap)
    elif plain.kind is QLineEdit:
        widget.setText(plain.text)
        widget.setClearButtonEnabled(plain.clear_button)
    elif plain.kind is QPlainTextEdit:
        widget.setPlainText(plain.text)
    elif plain.kind in (QComboBox, QListWidget):
        widget.addItems(plain.text)
        if plain.kind is QListWidget:
            widget.setWordWrap(plain.wrap)
    elif plain.text is not None:
        widget.setText(plain.text)
    if plain.frame is not None:
        widget.setFrameShape(plain.frame)
    _fill(plain, widget)
    if plain.hidden:  # never setVisible(True): before the window shows it would polish at once
        widget.hide()
    return widget


def _fill(plain: Plain, widget) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QVBoxLayout

    if plain.children:
        layout = QVBoxLayout(widget)
        for child in plain.children:
            layout.addWidget(_build(child, widget))


class PlainForm:
    """The render floor the issue defines: the same number of plain widgets as the opened form
    view holds, of the same kinds and with the same texts (word-wrapped labels with the
    questions' and hints' words, line and multi-line edits, radio buttons, check boxes, combo
    boxes, buttons; the containers as plain QWidget / QFrame in vertical layouts), hidden where
    the form's are, with the same language row, section list and scroll area around them. Read
    from the form once, outside the time; ``build()`` is what is timed: no form engine, no
    signals, no per-question code."""

    def __init__(self, form) -> None:  # noqa: ANN001 - an opened FormView
        self.language = [_leaf(form.language_label), _leaf(form.language)]
        self.sections = _leaf(form.sections)
        self.page = _tree(form.page)

    def build(self):  # noqa: ANN201 - a QWidget
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

        top = QWidget()
        row = QHBoxLayout()
        for plain in self.language:
            row.addWidget(_build(plain, top))
        row.addStretch(1)
        splitter = QSplitter(top)
        splitter.addWidget(_build(self.sections, splitter))
        area = QScrollArea(splitter)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        area.setWidget(page)  # as the form view does: the page is filled once in its scroll area
        _fill(self.page, page)
        splitter.addWidget(area)
        splitter.setSizes([240, 700])
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(splitter)
        return top


def widget_count(widget) -> int:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    return len(widget.findChildren(QWidget))


def rendered(build) -> float:  # noqa: ANN001 - a callable returning a top-level widget
    """Seconds to build a window, show it and paint it once in full. Closing and deleting it
    come after the time, and are done at once (a widget given to deleteLater() is deleted only
    by an event loop, which a benchmark never enters: thousands of live widgets and posted
    events slowed every later run of both sides), so that every run starts from the same heap
    and the same empty event queue, whichever side ran before."""
    import gc

    import shiboken6

    built = []

    def work() -> None:
        widget = build()
        widget.resize(1000, 700)
        widget.show()
        widget.grab()  # layout and one full paint
        built.append(widget)

    seconds = timed(work)
    for widget in built:
        widget.close()
        shiboken6.delete(widget)  # with its children, now
    built.clear()
    gc.collect()
    return seconds


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
    widgets = widget_count(view)
    plain_form = PlainForm(view)
    floor = plain_form.build()
    if widget_count(floor) != widgets:  # a floor of other widgets would measure something else
        raise RuntimeError(f"the plain floor has {widget_count(floor)} widgets, the form {widgets}")
    floor.deleteLater()
    # the old floor: one plain row per answer widget (a choice's radio buttons count as one row each 3)
    questions = sum(len(view.findChildren(kind)) for kind in (QLineEdit, QPlainTextEdit, QComboBox))
    questions += len(view.findChildren(QAbstractButton)) // 3

    def form() -> FormView:
        opened = FormView(ctx)
        opened.open_response(info.id)
        return opened

    def render() -> float:
        return rendered(form)

    def floor_render() -> float:
        return rendered(plain_form.build)

    rows.append(Ratio(f"questionnaire render {label}", f"the same {widgets} widgets, plain", 1.5)
                .run(render, floor_render, renders))
    rows.append(Ratio(f"questionnaire render, old floor {label}", f"{questions} label + line-edit rows",
                      None).run(render, lambda: rendered(lambda: plain_rows(questions)), renders))
    view.deleteLater()
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
