"""Search benchmark, as ratios to floors measured in the same run (see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/search.py [--responses 10000] [--runs 15] [--saves 200]

``--runs`` is the least number of interleaved pairs per query; a fast query gets as many as
fit in about half a second (at most 500), so that a median of microseconds is steady.

- a search through the service (parse, every kind, joins for the mechanism and the question,
  tombstones and skip logic filtered, snippets with highlights, question labels) against a
  plain ``sqlite3`` FTS5 ``MATCH`` of the same words over the same indexes (each kind's FTS
  table, best 51 rows by rank, the text read back): target <= 2x, for a common prefix
  and a common word (many matches), a rare word and a phrase with an exclusion;
- the index's cost on an autosave: the service saving one free-text answer into the database
  with its search triggers, against the same save into a copy without them (the index's
  share of a save; no target, printed to justify triggers over service-side indexing).

The database holds ``--responses`` questionnaires of six free-text answers each (words drawn
from a French and English vocabulary), written through the ORM with the triggers on, as the
program writes them.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402

WORDS = ("le mécanisme renforce les capacités des États membres cadre réglementaire dialogue "
         "régional migration sûre ordonnée régulière Pacte mondial atelier formation données "
         "collecte partage partenariat objectif programme secrétariat technique ministère "
         "our mechanism builds capacity through regional workshops data sharing partnerships "
         "with member states and the Global Compact on migration policy labour mobility").split()
RARE = "Tombouctou"
PATHS = ("section_1/q1", "section_2/q5", "section_3/q14", "section_3/q16", "section_3/q20", "section_2/q6")
QUERIES = (("capacit*", "a common prefix"), ("migration", "a common word"), (RARE.lower(), "a rare word"),
           ('"cadre reglementaire" -khartoum', "a phrase, an exclusion"))


def fill(db, count: int) -> None:  # noqa: ANN001 - a Database
    from mcim_desk.persistence import repositories
    from mcim_desk.services import forms
    from mcim_desk.services.catalogue import mechanism_rows

    rng = random.Random(17)
    mechanisms = mechanism_rows(db)
    version = forms.latest_version(db, "mcim_questionnaire_2018").version_id
    batch = 500
    for start in range(0, count, batch):
        with db.write() as session:
            for n in range(start, min(count, start + batch)):
                response = repositories.add_response(
                    session, form_version_id=version, mechanism_id=mechanisms[n % 30].id,
                    status="draft", source="paper")
                repositories.insert_answer(session, response.id, "section_2/q4", "oui")
                for path in PATHS:
                    words = rng.choices(WORDS, k=rng.randint(8, 40))
                    if n % 997 == 0 and path == "section_3/q14":
                        words.append(RARE)
                    repositories.insert_answer(session, response.id, path, " ".join(words))


def plain_match(path: Path):  # noqa: ANN201
    """The floor: FTS5 MATCH on each kind's table, the best 51 by rank, text read back."""
    from mcim_desk.domain.search_query import parse
    from mcim_desk.persistence.search_repo import KINDS, SOURCES

    conn = sqlite3.connect(path)
    tables = [(spec.fts, SOURCES[spec.fts][1]) for spec in KINDS.values()]

    def run(text: str) -> int:
        expression = parse(text).fts5()
        found = 0
        for fts, columns in tables:
            sql = f"SELECT rowid, {', '.join(columns)} FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT 51"
            found += len(conn.execute(sql, (expression,)).fetchall())
        return found

    return conn, run


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - translations of labels
    rows: list[Ratio] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MCIM_DESK_DATA"] = tmp
        from mcim_desk.services import responses, search
        from mcim_desk.services.catalogue import mechanism_rows
        from mcim_desk.services.startup import open_database

        path = Path(tmp) / "bench.sqlite3"
        db, _ = open_database(str(path))
        fill(db, args.responses)
        info = responses.open_questionnaire(db, mechanism_rows(db)[0].id, "bench")
        conn, floor = plain_match(path)
        print(f"{args.responses} responses, {args.responses * (len(PATHS) + 1)} answers; "
              f"{args.runs} runs per query")
        for text, what in QUERIES:
            found = search.search(db, text)
            print(f"  {text!r}: {found.count} results shown in {len(found.groups)} kinds; "
                  f"floor rows {floor(text)}")
            # A sub-millisecond search needs more than --runs pairs for a steady median: as
            # many as fit in about half a second (at most 500), after a few not counted.
            once = timed(lambda text=text: search.search(db, text))
            runs = min(500, max(args.runs, int(0.5 / max(once, 1e-6))))
            rows.append(Ratio(f"search, {what}", "sqlite3 FTS5 MATCH, same tables", 2.0).run(
                lambda text=text: timed(lambda: search.search(db, text)),
                lambda text=text: timed(lambda: floor(text)), runs, warm_up=5))
        conn.close()

        # The index's share of an autosave: the same save into a copy without the triggers.
        db.dispose()  # every connection closed: the file is whole for the copy
        bare_path = Path(tmp) / "bare.sqlite3"
        shutil.copyfile(path, bare_path)
        for suffix in ("-wal", "-shm"):
            if Path(str(path) + suffix).exists():
                shutil.copyfile(str(path) + suffix, str(bare_path) + suffix)
        with sqlite3.connect(bare_path) as bare:
            for (name,) in bare.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE 'search_%'").fetchall():
                bare.execute(f"DROP TRIGGER {name}")
        bare_db, _ = open_database(str(bare_path))
        texts = [" ".join(random.Random(i).choices(WORDS, k=30)) for i in range(7)]
        counter = iter(range(10**9))

        def save(database) -> float:  # noqa: ANN001
            value = texts[next(counter) % len(texts)]
            return timed(lambda: responses.save_answer(database, info.id, "section_3/q14", value, "bench"))

        rows.append(Ratio("autosave with the search index", "the same save, no index triggers", 1.2)
                    .run(lambda: save(db), lambda: save(bare_db), args.saves, warm_up=5))
        bare_db.dispose()
        db.dispose()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
