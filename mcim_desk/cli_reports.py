"""``mcim-desk report ...`` and ``mcim-desk demo ...``.

Exit codes: 0 written; 2 the arguments cannot give a report (unknown mechanism, a profile
without one, JSON for anything but the summary, a folder that does not exist); 1 the report
could not be written (a file system error); 3 the database is damaged.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def _report_language(args: argparse.Namespace) -> str:
    if args.lang in ("fr", "en"):
        return args.lang
    from .i18n import preferred_language

    return preferred_language()


def run_report(args: argparse.Namespace) -> int:
    from .cli import fail, open_for_cli
    from .services.reports import ReportError, build_report, summary_json
    from .services.startup import DatabaseDamagedError
    from .translation import translate

    lang = _report_language(args)
    out = args.out.expanduser().resolve()
    if args.format == "json" and args.kind != "summary":
        return fail(translate("Cli", "--format json is only available for the summary report"), 2)
    if args.kind == "profile" and not args.mechanism:
        return fail(translate("Cli", "a profile needs --mechanism ACRONYM"), 2)
    if not out.parent.is_dir():
        return fail(translate("Cli", "the folder {folder} does not exist").format(folder=out.parent), 2)
    try:
        db, _ = open_for_cli(args)
    except DatabaseDamagedError as exc:
        return fail(
            translate("Cli", "integrity check failed for {path}: {problem}").format(path=exc.path, problem=exc.problem),
            3,
        )
    try:
        if args.format == "json":
            summary_json(db, lang, out)
        else:
            from .preferences import stored_time_zone

            build_report(db, args.kind, lang, out, mechanism=args.mechanism,
                         time_zone=stored_time_zone())
    except ReportError as exc:
        return fail(str(exc), 2)
    except OSError as exc:
        return fail(translate("Cli", "cannot write {path}: {problem}").format(path=out, problem=exc.strerror or exc), 1)
    finally:
        db.dispose()
    print(translate("Cli", "report written to {path}").format(path=out))
    return 0


# A database URL given where a file is wanted (a Windows drive, "C:/", has one letter only).
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:/")


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def _demo_progress():  # noqa: ANN202 - a Progress callback
    """The demo takes a while (seconds to tens of seconds): say what it is doing on stderr,
    one line rewritten in place on a terminal, one line per step otherwise (a log)."""
    terminal = sys.stderr.isatty()
    said: list[str] = []

    def progress(fraction: float, message: str) -> None:
        if terminal:
            end = "\n" if fraction >= 1 else ""
            print(f"\r{round(fraction * 100):3d}% {message}\033[K", end=end, file=sys.stderr, flush=True)
        elif message not in said:
            said.append(message)
            print(f"{round(fraction * 100):3d}% {message}", file=sys.stderr, flush=True)

    return progress


def run_demo(args: argparse.Namespace) -> int:
    from .cli import fail
    from .services.demo import DemoError, create_demo
    from .translation import translate

    if _URL.match(args.out):
        return fail(translate(
            "Cli", "a demo database is written to a new SQLite file: give --out a file name such as "
            "demo.sqlite3, not a database URL ({given})").format(given=_without_password(args.out)), 2)
    out = Path(args.out).expanduser().resolve()
    from .preferences import Preferences

    try:
        summary = create_demo(out, _demo_progress(), time_zone=Preferences.load().time_zone)
    except DemoError as exc:
        return fail(str(exc), 2)
    except OSError as exc:
        return fail(translate("Cli", "cannot write {path}: {problem}").format(path=out, problem=exc.strerror or exc), 1)
    print(
        translate(
            "Cli",
            "demo database written to {path}: {responses} responses, {interviews} interviews, "
            "{quotes} quotes, {codings} coded passages, {followups} follow-ups (all fictional)",
        ).format(
            path=summary.path, responses=summary.responses, interviews=summary.interviews,
            quotes=summary.quotes, codings=summary.codings, followups=summary.followups,
        )
    )
    return 0
