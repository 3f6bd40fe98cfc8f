"""Fillable questionnaire benchmark: generation, reading back, and hostile files.

    .venv/bin/python benchmarks/pdf_import.py [--bomb-gb 2]

Prints the time to write the questionnaire PDF (French and English, blank and with earlier
answers), to preview the import of a filled one (child process included) and to apply it,
then how long each hostile file takes to end in its message: 30 MB (size limit), a
decompression bomb (a Flate stream of zeros expanding to ``--bomb-gb`` GB), reference loops
(/Kids cycle, an object that is its own parent and refers to itself), a broken
cross-reference table, a truncated file, an encrypted file, and a reader stopped by the
time limit. Each must end well within the reader's limit (10 s).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "integration"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bomb-gb", type=int, default=2)
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.instance() or QCoreApplication([])
    import importlib.util

    spec = importlib.util.spec_from_file_location("pdf_tests", ROOT / "tests" / "integration" / "test_pdf_forms.py")
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)  # the test file's fillers and hostile file makers

    from mcim_desk.services import catalogue, pdf_forms, pdf_returns, responses
    from mcim_desk.services.startup import open_database

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["MCIM_DESK_DATA"] = str(tmp / "data")
        db, _ = open_database(str(tmp / "bench.sqlite3"))
        mechanism = catalogue.find_mechanism(db, "Almaty Process").id
        response = responses.open_questionnaire(db, mechanism, "bench").id
        for path, value in helpers.EXPECTED.items():
            responses.save_answer(db, response, path, value, "bench")
        for category, name, nature in helpers.PARTNERS:
            responses.insert_repeat(db, response, "section_4/q25", "bench",
                                    values={"category": category, "partner_name": name, "nature": nature or ""})
        for lang in ("fr", "en"):
            for with_answers in (False, True):
                started = time.perf_counter()
                out = pdf_forms.make_questionnaire_pdf(db, mechanism, lang, tmp / f"q-{lang}.pdf", with_answers)
                print(f"write {lang} {'with answers' if with_answers else 'blank':12s} "
                      f"{time.perf_counter() - started:6.2f} s  {out.stat().st_size // 1024} KB")
        blank = pdf_forms.make_questionnaire_pdf(db, mechanism, "fr", tmp / "blank.pdf")
        filled = helpers.fill_pdf(blank, tmp / "filled.pdf", {"section_2/q5": "Nouveau lien", "section_3/q24": "Budget"},
                                  {"section_2/q4": "en_cours"}, ["section_2/q11/objective_7"])
        started = time.perf_counter()
        plan = pdf_returns.preview_pdf_import(db, filled, "fr")
        print(f"preview (child process included) {time.perf_counter() - started:6.2f} s  "
              f"{len(plan.changes)} differences")
        started = time.perf_counter()
        pdf_returns.apply_pdf_import(db, plan, plan.valid_keys, "bench")
        print(f"apply                            {time.perf_counter() - started:6.3f} s")

        bomb = helpers.bomb(args.bomb_gb)
        print(f"(decompression bomb: {len(bomb) // 1024} KB expanding to {args.bomb_gb} GB)")
        cases = [*sorted(helpers.HOSTILE), "broken_xref", "hang"]
        for kind in cases:
            if kind == "broken_xref":
                import re

                path = tmp / "xref.pdf"
                path.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n999999999", filled.read_bytes()))
            elif kind == "hang":
                path = filled
            else:
                path = helpers.hostile_file(kind, blank, tmp, bomb)
            started = time.perf_counter()
            try:
                result = pdf_returns.preview_pdf_import(db, path, "en", timeout=0.05 if kind == "hang" else None)
                outcome = "read; " + "; ".join(p.kind for p in result.problems if not p.field)
            except pdf_forms.PdfFormError as exc:
                outcome = f"{exc.code}: {str(exc)[:90]}"
            print(f"{kind:15s} {time.perf_counter() - started:6.2f} s  {outcome}")
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
