"""Bundle benchmark: export and import of 10,000 questionnaire responses, and their
spreadsheet export, each as a ratio to its floor measured in the same run (interleaved runs;
see ``benchmarks/ratio.py``).

    .venv/bin/python benchmarks/exchange.py [--responses 10000] [--runs 3] [--passphrase]

| row | floor | target |
| --- | --- | --- |
| bundle export | copying the same rows into a fresh records file (ATTACH, CREATE, INSERT ... SELECT, commit) | <= 1.5x |
| bundle import | INSERT ... SELECT of the records file's rows into an empty database with the same schema and pragmas, committed | <= 1.5x |
| same bundle again (no-op) | the same floor as the import | printed |
| XLSX export | openpyxl write-only writing the same cells from ready lists | <= 1.3x |

Each response has 24 answers by default (texts of a few hundred characters, choices, two Q25
partners) and one audit row per answer, as typing them would leave: 240,000 answers and
240,000 audit rows for 10,000 responses (``--answers N`` for lighter responses). Prints the export time, the bundle's size, the import time into
an empty database (read + check + merge, then the write transaction up to its durable
commit), the WAL checkpoint a big import leaves to a background thread (printed apart: the
import has returned by then), the time of importing the same bundle again (a no-op), and the
spreadsheet export time.
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bundle_runs import SqliteImports, copy_rows, fill, records_of, schema_of, tables_of  # noqa: E402
from benchmarks.ratio import Ratio, print_table, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=24, help="answers per response (at most 24)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per row")
    parser.add_argument("--passphrase", action="store_true", help="encrypt the bundle")
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication([])
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["MCIM_DESK_DATA"] = str(tmp / "data")
        from openpyxl import Workbook

        from mcim_desk.exchange import spreadsheet
        from mcim_desk.services import exchange
        from mcim_desk.services.startup import open_database

        source, _ = open_database(str(tmp / "laptop.sqlite3"))
        started = time.perf_counter()
        fill(source, args.responses, answers_each=args.answers)
        print(f"made {args.responses} responses in {time.perf_counter() - started:.1f} s (not timed)")
        passphrase = "benchmark passphrase" if args.passphrase else None
        plain_bundle = exchange.export_bundle(source, tmp / "plain.mcimz").path
        records = records_of(plain_bundle, tmp / "extracted")
        tables = tables_of(records)
        runs = iter(range(10**6))
        reports = []

        def export() -> float:
            out = tmp / f"export-{next(runs)}.mcimz"
            start = time.perf_counter()
            reports.append(exchange.export_bundle(source, out, passphrase=passphrase))
            return time.perf_counter() - start

        def export_floor() -> float:
            out = tmp / f"floor-export-{next(runs)}.sqlite"
            record_schema = schema_of(records)
            return timed(lambda: copy_rows(out, tmp / "laptop.sqlite3", record_schema, tables))

        rows = [Ratio("bundle export", "rows copied into a fresh records file", 1.5)
                .run(export, export_floor, args.runs)]
        report = reports[-1]
        print(f"bundle: {report.size / 1e6:.1f} MB{' (encrypted)' if report.encrypted else ''}, "
              f"{report.counts['response']} responses, {report.counts['answer']} answers, "
              f"{report.counts['audit_log']} audit rows")

        imports = SqliteImports(tmp, report.path, records, passphrase=passphrase)
        rows.append(Ratio("bundle import (SQLite)", "INSERT ... SELECT into an empty schema", 1.5)
                    .run(imports.fresh, imports.floor, args.runs))
        rows.append(Ratio("same bundle again (no-op)", "INSERT ... SELECT into an empty schema", 1.5)
                    .run(imports.again, imports.floor, args.runs))
        target = imports.targets[-1]

        sheets = []

        def xlsx() -> float:
            out = tmp / f"all-{next(runs)}.xlsx"
            return timed(lambda: exchange.export_spreadsheets(target, out, "xlsx"))

        def xlsx_floor() -> float:
            if not sheets:  # the same cells, as ready lists (made once, not timed)
                sheets.extend(_ready_sheets(target, spreadsheet))
            out = tmp / f"floor-{next(runs)}.xlsx"

            def write() -> None:
                workbook = Workbook(write_only=True)
                for name, header, values in sheets:
                    ws = workbook.create_sheet(name)
                    ws.append(header)
                    for row in values:
                        ws.append(row)
                workbook.save(out)
            return timed(write)

        rows.append(Ratio("XLSX export", "openpyxl write-only, same cells", 1.3).run(xlsx, xlsx_floor, args.runs))
        source.dispose()
        imports.dispose()
    print_table(rows)
    return 0


def _ready_sheets(db, spreadsheet) -> list[tuple[str, list, list]]:  # noqa: ANN001
    """The cells the export writes, read back from one export (openpyxl, read-only)."""
    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory() as folder:
        from mcim_desk.services import exchange

        out = Path(folder) / "cells.xlsx"
        exchange.export_spreadsheets(db, out, "xlsx")
        workbook = load_workbook(out, read_only=True)
        sheets = []
        for ws in workbook.worksheets:
            values = [list(row) for row in ws.iter_rows(values_only=True)]
            sheets.append((ws.title, values[0] if values else [], values[1:]))
        workbook.close()
    return sheets


if __name__ == "__main__":
    raise SystemExit(main())
