"""Bundle benchmark: export and import of 10,000 questionnaire responses.

    .venv/bin/python benchmarks/exchange.py [--responses 10000] [--passphrase]

Each response has 24 answers by default (texts of a few hundred characters, choices, two Q25
partners) and one audit row per answer, as typing them would leave: 240,000 answers and
240,000 audit rows for 10,000 responses (``--answers N`` for lighter responses). Prints the export time, the bundle's size, the import time into
an empty database (read + check + merge, then the write transaction up to its durable
commit), the WAL checkpoint a big import leaves to a background thread (printed apart: the
import has returned by then), the time of importing the same bundle again (a no-op), and the
spreadsheet export time.

Targets (issue 6): export <= 3 s and import <= 3 s for 10,000 responses.
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

WORDS = (
    "migration coopération dialogue régional mise en œuvre Pacte mondial États membres "
    "partenariat renforcement capacités données sensibilisation réunion ministérielle "
    "déclaration recommandations secrétariat présidence objectifs principes thèmes"
).split()


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def fill(db, count: int, seed: int = 2018, answers_each: int = 24) -> None:  # noqa: ANN001
    """``count`` responses of ``answers_each`` answers (at most 24), written straight through
    the exchange repository (the services' one-transaction-per-answer path would take
    minutes for this many)."""
    from mcim_desk.persistence import exchange_repo
    from mcim_desk.persistence.models import new_uuid, utcnow
    from mcim_desk.services import catalogue
    from mcim_desk.services.forms import latest_version

    rng = random.Random(seed)
    mechanisms = [m.id for m in catalogue.mechanism_rows(db)]
    version = latest_version(db, "mcim_questionnaire_2018").version_id
    now = utcnow()
    at = exchange_repo.stamp(now)
    with db.write() as session:
        round_id = new_uuid()
        exchange_repo.insert_rows(session, "survey_round", ["id", "name", "deadline", "is_current"],
                                  [[round_id, "2018", "2018-11-09", True]], now)
        responses, answers, audit = [], [], []
        for n in range(count):
            rid = new_uuid()
            responses.append([rid, version, mechanisms[n % 30], round_id, "draft", "paper", True])
            values = {
                "section_1/q1": text(rng, 4), "section_1/q2": text(rng, 20), "section_1/q3": text(rng, 15),
                "section_2/q4": rng.choice(["oui", "non", "en_cours"]), "section_2/q5": text(rng, 30),
                "section_2/q6": text(rng, 20), "section_2/q7": "non", "section_2/q8": "oui",
                "section_2/q11": " ".join(sorted(rng.sample([f"objective_{i}" for i in range(1, 24)], 4))),
                "section_2/q12": text(rng, 40), "section_3/q13": "ne_sait_pas", "section_3/q14": text(rng, 40),
                "section_3/q20": text(rng, 50), "section_3/q21": text(rng, 30), "section_3/q22": text(rng, 30),
                "section_3/q23": text(rng, 30), "section_3/q24": text(rng, 20),
                "section_4/q25[1]": "", "section_4/q25[1]/partner_name": text(rng, 3),
                "section_4/q25[1]/nature": text(rng, 15), "section_4/q25[2]": "",
                "section_4/q25[2]/partner_name": text(rng, 3), "submission/submitted_by": text(rng, 3),
                "submission/submission_date": "2018-11-08",
            }
            for path, value in list(values.items())[:answers_each]:
                answers.append([new_uuid(), rid, path, value, True])
                audit.append([new_uuid(), at, "consultant", None, "update", "answer", rid, path, None, value])
        exchange_repo.insert_rows(
            session, "response",
            ["id", "form_version_id", "mechanism_id", "round_id", "status", "source", "fictional"],
            responses, now,
        )
        exchange_repo.insert_rows(session, "answer", ["id", "response_id", "path", "value", "relevant"],
                                  answers, now)
        exchange_repo.append_audit_rows(
            session, ["id", "at", "actor", "installation_id", "action", "entity", "entity_id", "field",
                      "old_value", "new_value"], audit,
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=24, help="answers per response (at most 24)")
    parser.add_argument("--passphrase", action="store_true", help="encrypt the bundle")
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication([])
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["MCIM_DESK_DATA"] = str(tmp / "data")
        from mcim_desk.services import exchange
        from mcim_desk.services.startup import open_database

        source, _ = open_database(str(tmp / "laptop.sqlite3"))
        started = time.perf_counter()
        fill(source, args.responses, answers_each=args.answers)
        print(f"made {args.responses} responses in {time.perf_counter() - started:.1f} s (not timed below)")
        passphrase = "benchmark passphrase" if args.passphrase else None

        started = time.perf_counter()
        report = exchange.export_bundle(source, tmp / "laptop.mcimz", passphrase=passphrase)
        export_s = time.perf_counter() - started
        counts = report.counts
        print(f"export: {export_s:.2f} s  (target <= 3 s)  {counts['response']} responses, "
              f"{counts['answer']} answers, {counts['audit_log']} audit rows")
        print(f"bundle: {report.size / 1e6:.1f} MB{' (encrypted)' if report.encrypted else ''}")

        target, _ = open_database(str(tmp / "secretariat.sqlite3"))
        started = time.perf_counter()
        plan = exchange.preview_import(target, report.path, passphrase)
        preview_s = time.perf_counter() - started
        started = time.perf_counter()
        imported = exchange.apply_import(target, plan, actor="secretariat")
        apply_s = time.perf_counter() - started
        print(f"import: {preview_s + apply_s:.2f} s  (target <= 3 s)  = preview {preview_s:.2f} s "
              f"(read, check, merge) + apply {apply_s:.2f} s (backup, write, durable commit); "
              f"{imported.added} records added, {imported.audit_appended} audit rows")
        if target.checkpointer is not None:
            started = time.perf_counter()
            target.checkpointer.join()
            print(f"  then, off the import's path: WAL checkpoint on a background thread, "
                  f"{time.perf_counter() - started:.2f} s more after the import returned")

        started = time.perf_counter()
        again = exchange.preview_import(target, report.path, passphrase)
        exchange.apply_import(target, again, actor="secretariat")
        print(f"same bundle again (no-op): {time.perf_counter() - started:.2f} s; "
              f"nothing to do: {again.nothing_to_do}")

        started = time.perf_counter()
        exchange.export_spreadsheets(target, tmp / "all.xlsx", "xlsx")
        print(f"xlsx export of the secretariat database: {time.perf_counter() - started:.2f} s")
        source.dispose()
        target.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
