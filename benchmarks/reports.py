"""Report benchmark: build time and peak memory of the summary of findings at study size
(30 mechanisms, each with a questionnaire, plus the demo's interviews, quotes and coded
passages), with 500 and 5,000 synthetic questionnaire responses, and of all 30 mechanism
profiles in one go.

    .venv/bin/python benchmarks/reports.py [--runs 3] [--keep DIR]

Each case runs in its own process: "first" is the first report of a fresh process (imports of
SQLAlchemy and reportlab, font loading included), "again" the median of the next runs, "data"
the SQL aggregates alone (``summary_data``). Peak memory is the process's maximum resident
set (getrusage ru_maxrss) and the Python allocations' peak during one build (tracemalloc).

Targets (issue 5): summary <= 0.5 s at study size, <= 3 s at 5,000 responses, peak memory
<= 300 MB. And as a ratio (``benchmarks/ratio.py``): the summary at study size made by a fresh
``mcim-desk report summary`` process, against a fresh process that only imports what any
report needs (``python -c "import sqlalchemy.orm, reportlab.platypus"``), interleaved:
target <= 1.5x. The synthetic responses spread over the 30 mechanisms of the study (several per
mechanism, as repeated entries and imports give); they are bulk-inserted, with the
``relevant`` flag computed by the form engine as data entry would.

``--phases N``: where the time of both goes, as medians of N fresh processes each: the floor
(interpreter start, ``import sqlalchemy.orm``, ``import reportlab.platypus``, the
interpreter's exit) and the summary report, step by step as ``mcim-desk report summary`` takes
them (wall clock, spawn to exit).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.ratio import Ratio, print_table, program_env, timed  # noqa: E402

# --- preparing the databases (parent process) ----------------------------------------------


def _templates(definition, count: int = 240) -> list[list[tuple[str, str, bool]]]:  # noqa: ANN001
    """Answer sets (path, value, relevant) in the shape data entry gives."""
    from mcim_desk.forms.engine import FormState
    from mcim_desk.services.demo import QUESTIONNAIRE, _questionnaire_answers

    rng = random.Random(5)
    templates = []
    for index in range(count):
        answers = _questionnaire_answers(QUESTIONNAIRE[index % len(QUESTIONNAIRE)], index, rng)
        state = FormState(definition, answers)
        templates.append([(path, value, state.relevant(path)) for path, value in answers.items()])
    return templates


def add_synthetic_responses(path: Path, total: int) -> tuple[int, int]:
    """Bring the database to ``total`` questionnaire responses; returns (responses, answers)."""
    from mcim_desk.domain.reference import load_reference
    from mcim_desk.persistence import demo_repo
    from mcim_desk.persistence.models import new_uuid
    from mcim_desk.services import forms
    from mcim_desk.services.responses import current_round_id
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(path), backup=False)
    try:
        with db.write() as session:
            info = forms.latest_version_in(session, form_id="mcim_questionnaire_2018")
            definition = forms.definition_in(session, info.version_id)
            round_id = current_round_id(session)
            existing = session.execute(
                __import__("sqlalchemy").text(
                    "SELECT count(*) FROM response r JOIN form_version v ON v.id = r.form_version_id "
                    "WHERE v.form_id = 'mcim_questionnaire_2018'"
                )
            ).scalar()
        templates = _templates(definition)
        mechanisms = [m.id for m in load_reference().mechanisms]
        rng = random.Random(7)
        missing = max(0, total - existing)
        for start in range(0, missing, 1000):
            batch = range(start, min(missing, start + 1000))
            responses, answers = [], []
            for n in batch:
                response_id = new_uuid()
                responses.append({
                    "id": response_id, "form_version_id": info.version_id,
                    "mechanism_id": mechanisms[(existing + n) % len(mechanisms)], "round_id": round_id,
                    "status": rng.choice(["draft", "complete", "complete", "validated"]),
                    "source": "import", "fictional": True,
                })
                for answer_path, value, relevant in templates[n % len(templates)]:
                    answers.append({"response_id": response_id, "path": answer_path, "value": value,
                                    "relevant": relevant})
            with db.write() as session:
                demo_repo.bulk_responses(session, responses)
                demo_repo.bulk_answers(session, answers)
        import sqlite3

        conn = sqlite3.connect(path)
        try:
            counts = conn.execute(
                "SELECT (SELECT count(*) FROM response r JOIN form_version v ON v.id = r.form_version_id "
                "WHERE v.form_id = 'mcim_questionnaire_2018'), (SELECT count(*) FROM answer)"
            ).fetchone()
        finally:
            conn.close()
        return counts
    finally:
        db.dispose()


def prepare(folder: Path, totals: tuple[int, ...] = (500, 5000)) -> dict[str, tuple[Path, int, int]]:
    from mcim_desk.services.demo import create_demo

    study = folder / "study.sqlite3"
    create_demo(study, time_zone="Europe/Zurich")
    sizes = {"study": add_synthetic_responses(study, 30)}  # the demo's 18 + the 12 others
    result = {"study": (study, *sizes["study"])}
    for total in totals:
        target = folder / f"r{total}.sqlite3"
        shutil.copy(study, target)
        result[str(total)] = (target, *add_synthetic_responses(target, total))
    return result


# --- one measured case (child process) -----------------------------------------------------


def measure(case: str, db_path: Path, out_dir: Path, runs: int) -> dict[str, float]:
    import resource
    import tracemalloc

    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path), backup=False)
    from mcim_desk.services import reports

    def summary() -> Path:
        return reports.build_report(db, "summary", "en", out_dir / f"{case}-summary.pdf")

    def profiles() -> Path:
        from mcim_desk.services.catalogue import mechanism_rows

        last = None
        for row in mechanism_rows(db):
            last = reports.build_report(db, "profile", "en", out_dir / f"{case}-{row.key}.pdf",
                                        mechanism=row.id)
        return last

    work = profiles if case == "profiles" else summary
    start = time.perf_counter()
    out = work()
    first = time.perf_counter() - start
    again = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        again.append(time.perf_counter() - start)
    data = []
    if case != "profiles":
        for _ in range(runs):
            start = time.perf_counter()
            reports.summary_data(db, "en")
            data.append(time.perf_counter() - start)
    tracemalloc.start()
    work()
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    from pypdf import PdfReader

    pages = len(PdfReader(out).pages)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    db.dispose()
    return {
        "first": first, "again": statistics.median(again), "data": statistics.median(data) if data else 0.0,
        "pages": pages, "rss_mb": rss, "traced_mb": traced_peak / 2**20,
    }


def phase_child(kind: str, db_path: Path, out: Path) -> None:
    """One fresh process: prints (step, wall clock at its end) as JSON lines on stderr."""
    marks = [("started", time.time())]

    def mark(step: str) -> None:
        marks.append((step, time.time()))

    if kind == "floor":
        import sqlalchemy.orm  # noqa: F401

        mark("import sqlalchemy.orm")
        import reportlab.platypus  # noqa: F401

        mark("import reportlab.platypus")
        print(json.dumps(marks), file=sys.stderr)
        return  # the interpreter's exit is measured by the parent
    from mcim_desk import cli

    mark("import mcim_desk.cli")
    args = cli.parse(["--db", str(db_path), "report", "summary", "--lang", "en", "--out", str(out)])
    mark("parse the arguments")
    cli._setup_cli_language(args.lang)
    cli._clean_stale_temp()
    mark("language (the .qm read without Qt), stale temporary files")
    from mcim_desk.services import startup  # noqa: F401

    mark("import services.startup")
    db, _ = cli.open_for_cli(args)
    mark("open: refuse newer/foreign, quick_check, revision, clock, reference digest, forms")
    from mcim_desk.services.reports import summary_data
    from mcim_desk.services.reports.build import build_report  # noqa: F401

    mark("import services.reports")
    from mcim_desk.preferences import stored_time_zone

    stored_time_zone()
    from mcim_desk.persistence import report_repo  # noqa: F401

    mark("import SQLAlchemy's ORM, our models and report queries")
    data = summary_data(db, "en")
    mark("summary_data: the SQL (first compilation and run)")
    from mcim_desk.reports.summary import write_summary

    mark("import reportlab.platypus and our report modules")
    write_summary(data, out)
    mark("layout and PDF written (fonts from the cache)")
    db.dispose()
    mark("database closed")
    print(json.dumps(marks), file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)  # as the command ends (cli.end_process)


def phases(study: Path, folder: Path, env: dict[str, str], runs: int) -> None:
    for kind in ("floor", "report"):
        steps: dict[str, list[float]] = {}
        for _ in range(runs + 1):  # the first run warms the caches, not counted
            spawned = time.time()
            done = subprocess.run([sys.executable, __file__, "--phase-child", kind, "--db", str(study),
                                   "--out", str(folder / "phases.pdf")], env=env, capture_output=True,
                                  text=True, check=True, cwd=ROOT)
            ended = time.time()
            marks = json.loads(done.stderr.strip().splitlines()[-1])
            times = [("interpreter start, this script's own imports", marks[0][1] - spawned)]
            times += [(step, at - marks[i][1]) for i, (step, at) in enumerate(marks[1:])]
            times += [("exit" if kind == "floor" else "exit (os._exit)", ended - marks[-1][1]),
                      ("TOTAL, spawn to exit", ended - spawned)]
            if _ > 0:
                for step, seconds in times:
                    steps.setdefault(step, []).append(seconds)
        print(f"PHASES of the {kind} (median of {runs} fresh processes, ms)")
        for step, values in steps.items():
            print(f"  {statistics.median(values) * 1000:7.0f}  {step}")


def run_case(case: str, db_path: Path, out_dir: Path, runs: int) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MCIM_DESK_DATA=str(out_dir / "data"))
    proc = subprocess.run(
        [sys.executable, __file__, "--case", case, "--db", str(db_path), "--out", str(out_dir),
         "--runs", str(runs)],
        env=env, capture_output=True, text=True, timeout=900, cwd=ROOT,
    )
    if proc.returncode != 0:
        raise SystemExit(f"case {case} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="500,5000", help="synthetic response counts, comma-separated")
    parser.add_argument("--fresh-runs", type=int, default=7, help="interleaved fresh-process runs")
    parser.add_argument("--keep", type=Path, help="keep the databases and PDFs in this folder")
    parser.add_argument("--phases", type=int, default=0, metavar="N",
                        help="also print where the time goes, median of N fresh processes")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--phase-child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure(args.case, args.db, args.out, args.runs)))
        return 0
    if args.phase_child:
        phase_child(args.phase_child, args.db, args.out)
        return 0

    folder = args.keep or Path(tempfile.mkdtemp(prefix="mcim-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MCIM_DESK_DATA"] = str(folder / "data")
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - translations need one
    started = time.perf_counter()
    sizes = tuple(int(n) for n in args.sizes.split(",") if n)
    databases = prepare(folder, sizes)
    print(f"databases prepared in {time.perf_counter() - started:.1f} s in {folder}")
    cases = [
        ("summary, study size", "study", databases["study"], 0.5),
        *((f"summary, {n:,} responses", f"r{n}", databases[str(n)], 3.0) for n in sizes),
        ("30 profiles in one go", "profiles", databases["study"], None),
    ]
    header = (f"{'case':<28}{'question.':>10}{'answers':>9}{'first s':>9}{'again s':>9}"
              f"{'data s':>8}{'pages':>7}{'peak RSS MB':>13}{'py peak MB':>12}  target")
    print(header)
    print("-" * len(header))
    ok = True
    for title, case, (path, responses, answers), target in cases:
        m = run_case(case, path, folder, args.runs)
        verdict = ""
        if target is not None:
            passed = m["again"] <= target and m["rss_mb"] <= 300
            ok = ok and passed
            verdict = f"<= {target} s, <= 300 MB: {'ok' if passed else 'MISSED'}"
        else:
            passed = m["rss_mb"] <= 300
            ok = ok and passed
            verdict = f"<= 300 MB: {'ok' if passed else 'MISSED'}"
        print(f"{title:<28}{responses:>10}{answers:>9}{m['first']:>9.3f}{m['again']:>9.3f}"
              f"{m['data']:>8.3f}{m['pages']:>7}{m['rss_mb']:>13.0f}{m['traced_mb']:>12.1f}  {verdict}")
    env = program_env(dict(os.environ, QT_QPA_PLATFORM="offscreen", MCIM_DESK_DATA=str(folder / "data")),
                      folder)
    study = databases["study"][0]

    def fresh_report() -> float:
        return timed(lambda: subprocess.run(
            [sys.executable, "-m", "mcim_desk", "--db", str(study), "report", "summary", "--lang", "en",
             "--out", str(folder / "fresh-summary.pdf")], env=env, check=True, capture_output=True, cwd=ROOT))

    def bare_imports() -> float:
        return timed(lambda: subprocess.run(
            [sys.executable, "-c", "import sqlalchemy.orm, reportlab.platypus"], env=env, check=True,
            capture_output=True, cwd=ROOT))

    print_table([Ratio("summary report, fresh process, study size", "python -c 'import sqlalchemy.orm, "
                       "reportlab.platypus'", 1.5).run(fresh_report, bare_imports, args.fresh_runs)])
    if args.phases:
        phases(study, folder, env, args.phases)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0  # a missed target is printed, not an error: only a broken run exits non-zero


if __name__ == "__main__":
    raise SystemExit(main())
