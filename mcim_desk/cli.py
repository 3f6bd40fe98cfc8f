"""The ``mcim-desk`` command: no subcommand starts the GUI; subcommands serve scripts and tests.

Every subcommand takes ``--db`` (a file path or a SQLAlchemy URL; default: MCIM_DESK_DB, then
the data folder). A database that does not exist yet is created, migrated and filled with the
reference data, as the GUI does on first start. Handlers of later features are imported only
when their command runs, so ``mcim-desk --version`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import APP_NAME, __version__

# subcommand -> "module:function"; each function takes (args) and returns an exit code.
HANDLERS: dict[str, str] = {
    "check": "mcim_desk.cli:run_check",
    "backup": "mcim_desk.cli:run_backup",
    "restore": "mcim_desk.cli:run_restore",
    "forms": "mcim_desk.cli_forms:run_forms",
    "responses": "mcim_desk.cli_forms:run_responses",
    "followups": "mcim_desk.cli_interviews:run_followups",
    "report": "mcim_desk.cli_reports:run_report",
    "demo": "mcim_desk.cli_reports:run_demo",
    "export": "mcim_desk.cli_exchange:run_export",
    "import": "mcim_desk.cli_exchange:run_import",
    "questionnaire": "mcim_desk.cli_exchange:run_questionnaire",
    "search": "mcim_desk.cli_search:run_search",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcim-desk", description=f"{APP_NAME} {__version__}")
    from .build_info import version_line

    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--db", help="database file or SQLAlchemy URL")
    parser.add_argument("--lang", choices=["fr", "en"], help="language of messages and output")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen on a temporary database, open and close the window, exit",
    )
    # --db and --lang are taken before the command, after it, or after its action
    # ("forms list --db X", "questionnaire pdf ... --lang fr"): every subparser has them, with
    # no default of its own, so that one given anywhere reaches the handler and one not given
    # leaves the top level's (argparse would otherwise reset it to None at each level).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database file or SQLAlchemy URL")
    common.add_argument("--lang", choices=["fr", "en"], default=argparse.SUPPRESS,
                        help="language of messages and output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, parents=[common])

    command("check", "print schema revision, integrity and counts; non-zero on a problem")
    command("backup", "copy the database").add_argument("--out", required=True, type=Path)
    command("restore", "replace the database by a backup (keeps a copy of it first)").add_argument(
        "file", type=Path
    )

    forms = command("forms", "add or validate an XLSForm")
    forms_sub = forms.add_subparsers(dest="action", required=True)
    add = forms_sub.add_parser("add", parents=[common])
    add.add_argument("file", type=Path)
    add.add_argument("--force", action="store_true",
                     help="add a new version even if it drops or retypes questions that have answers")
    forms_sub.add_parser("validate", parents=[common]).add_argument("file", type=Path)
    forms_sub.add_parser("list", parents=[common])
    use = forms_sub.add_parser("use", parents=[common],
                               help="choose the study's questionnaire or interview guide")
    use.add_argument("instrument", choices=["questionnaire", "interview"])
    use.add_argument("form_id")

    responses = command("responses", "import or export responses as KoboToolbox-style JSON")
    responses_sub = responses.add_subparsers(dest="action", required=True)
    imp = responses_sub.add_parser("import", parents=[common])
    imp.add_argument("file", type=Path)
    imp.add_argument("--form", help="form id of the submissions that name no form installed here "
                     "(a KoboToolbox export names its asset uid)")
    imp.add_argument("--mechanism", help="acronym or name of the mechanism of the submissions that "
                     "give none (no mechanism key, and no answer to the form's mechanism question "
                     "that names one)")
    exp = responses_sub.add_parser("export", parents=[common])
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument("--form", help="form id (default: every form)")

    followups = command("followups", "export planned interviews and open follow-ups")
    followups_sub = followups.add_subparsers(dest="action", required=True)
    fexp = followups_sub.add_parser("export", parents=[common])
    fexp.add_argument("--format", choices=["ics"], default="ics")
    fexp.add_argument("--out", required=True, type=Path)

    report = command("report", "write a PDF (or JSON) report")
    report.add_argument(
        "kind",
        choices=["summary", "profile", "followups", "blank-questionnaire", "blank-interview"],
    )
    report.add_argument("--out", required=True, type=Path)
    report.add_argument("--mechanism", help="acronym, for a profile")
    report.add_argument("--format", choices=["pdf", "json"], default="pdf")

    command("demo", "create a demonstration database (fictional data)").add_argument(
        "--out", required=True, help="the new SQLite file"  # a str: a URL given is shown as given
    )

    export = command("export", "export a bundle or spreadsheets")
    export.add_argument("--format", choices=["bundle", "xlsx", "csv"], required=True)
    export.add_argument("--out", required=True, type=Path)
    export.add_argument("--since-last", action="store_true")
    export.add_argument("--passphrase-file", type=Path)
    labels = export.add_mutually_exclusive_group()
    labels.add_argument("--labels", dest="labels", action="store_true")
    labels.add_argument("--codes", dest="labels", action="store_false")

    imp = command("import", "import a bundle (.mcimz) or a filled questionnaire (.pdf)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--passphrase-file", type=Path)
    imp.add_argument("--accept-all", action="store_true")

    questionnaire = command("questionnaire", "fillable questionnaire PDFs")
    q_sub = questionnaire.add_subparsers(dest="action", required=True)
    qpdf = q_sub.add_parser("pdf", parents=[common])
    qpdf.add_argument("--mechanism", required=True)
    qpdf.add_argument("--out", required=True, type=Path)
    qpdf.add_argument("--with-answers", action="store_true")

    _search_parser(command("search", "search answers, notes, quotes, follow-ups, contacts"))
    return parser


class _SearchKinds:
    """``search_query.KINDS`` as argparse's choices, imported when a search is parsed or its
    help shown: the module's tables and expressions cost every other command ~15 ms."""

    def _kinds(self) -> tuple[str, ...]:
        from .domain.search_query import KINDS

        return KINDS

    def __contains__(self, value: object) -> bool:
        return value in self._kinds()

    def __iter__(self):  # noqa: ANN204
        return iter(self._kinds())


def _search_parser(search: argparse.ArgumentParser) -> None:
    from datetime import date

    search.add_argument("text", help='words, "a phrase", prefix*, -excluded, type:rcp ...')
    search.add_argument("--kind", action="append", choices=_SearchKinds(), metavar="KIND",
                        help="only this kind (repeatable): %(choices)s")
    search.add_argument("--mechanism", help="acronym (either language) or key")
    search.add_argument("--type", help="mechanism type: rcp, irf, global")
    search.add_argument("--region", help="region (a part of its name: africa)")
    search.add_argument("--form", help="form id")
    search.add_argument("--since", type=date.fromisoformat, help="from this date (YYYY-MM-DD)")
    search.add_argument("--until", type=date.fromisoformat, help="to this date (YYYY-MM-DD)")
    search.add_argument("--hidden", action="store_true", help="also answers the skip logic hides")
    search.add_argument("--limit", type=int, default=50, help="results per kind (default 50)")
    search.add_argument("--format", choices=["text", "json"], default="text")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _gui_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """``mcim-desk [--db X] [--lang fr|en]`` starts the window: answered without building the
    whole parser (start-up time counts)."""
    values: dict[str, str | None] = {"db": None, "lang": None}
    items = list(argv)
    while items:
        option = items.pop(0)
        name, _, inline = option.partition("=")
        if name not in ("--db", "--lang"):
            return None
        value = inline or (items.pop(0) if items else "")
        if not value or (name == "--lang" and value not in ("fr", "en")):
            return None
        values[name[2:]] = value
    return argparse.Namespace(command=None, self_test=False, **values)


def main(argv: Sequence[str] | None = None) -> int:
    args = _gui_only(sys.argv[1:] if argv is None else argv) or parse(argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    if not args.command:
        from .__main__ import run_gui

        return run_gui(args)
    code = _run_command(args)
    if argv is None:  # the process's own command line (not a test calling main): end it now
        end_process(code)
    return code


def _run_command(args: argparse.Namespace) -> int:
    _setup_cli_language(args.lang)
    _clean_stale_temp()
    module_name, _, func_name = HANDLERS[args.command].partition(":")
    try:
        handler: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(module_name), func_name
        )
    except (ImportError, AttributeError):
        print(f"mcim-desk: '{args.command}' is not available in this version", file=sys.stderr)
        return 2
    from .services.startup import ServerUnreachableError

    try:
        return handler(args)
    except ServerUnreachableError as exc:  # one line, never the driver's traceback
        return fail(str(exc), 4)
    except Exception as exc:  # a full disk, a read-only file, a held lock, a newer database
        from .services.startup import DatabaseTooNewError

        if isinstance(exc, DatabaseTooNewError):
            return fail(too_new_message(exc), 4)
        storage = _storage_error(exc, args)
        if storage is None:
            raise
        return fail(str(storage), 4)
    finally:
        # Close what the command opened now, not whenever the collector gets to it: the last
        # connection's close writes the WAL back into the file, which must not happen later.
        while _OPENED:
            _OPENED.pop().dispose()


def end_process(code: int) -> None:
    """Exit with ``code`` as the interpreter would, without its teardown: freeing every
    module and object of SQLAlchemy, reportlab and the rest takes a fresh ``mcim-desk report``
    0.1 to 0.2 s after its work is done (a last collection of the layout's reference cycles
    alone takes 80 ms). What an exit must do still runs: the command closed its databases and
    wrote its files whole (files.atomic_write: written, flushed, synced and renamed before it
    returns), then the atexit handlers run (logging's flush, finalizers), then the standard
    streams are flushed. Under a profiler, a debugger or coverage, or with threads still
    running, the interpreter ends as usual."""
    import threading

    if sys.getprofile() or sys.gettrace() or threading.active_count() > 1:
        return
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (mcim-desk ... | head): nothing to say
            pass
    os._exit(code if isinstance(code, int) and 0 <= code <= 255 else 1)


_OPENED: list = []  # databases open_for_cli opened for the running command

# Commands that bring records in: a backup first (a copy identical to the latest is not made
# again, so the bundle import's own copy costs nothing more). Other commands never copy.
IMPORTING = {("forms", "add"), ("responses", "import"), ("import", None)}


def _clean_stale_temp() -> None:
    from .paths import clean_stale_temp

    try:
        clean_stale_temp()
    except OSError:
        pass  # a folder that cannot be cleaned now is cleaned on a later start


def _storage_error(exc: BaseException, args: argparse.Namespace):  # noqa: ANN202 - StorageError | None
    from .files import classify
    from .paths import database_target, sqlite_path_of

    where = getattr(exc, "filename", None) or sqlite_path_of(database_target(args.db)) or "?"
    return classify(exc, where)


def _setup_cli_language(lang: str | None) -> None:
    from .i18n import preferred_language
    from .translation import use_language

    use_language(lang or preferred_language())  # without Qt unless something loaded it


def too_new_message(exc) -> str:  # noqa: ANN001 - a services.startup.DatabaseTooNewError
    from .paths import public_target
    from .translation import translate

    return translate(
        "Cli", "{target} was written by MCIM Desk {database_version} (schema {revision}); this "
        "is MCIM Desk {program_version}, which cannot open it. Nothing was changed: install "
        "MCIM Desk {database_version} or newer."
    ).format(target=public_target(exc.target), database_version=exc.database_version,
             revision=exc.revision, program_version=exc.program_version)


def fail(message: str, code: int = 1) -> int:
    print(f"mcim-desk: {message}", file=sys.stderr)
    return code


def open_for_cli(args: argparse.Namespace):  # noqa: ANN201 - (Database, OpenReport)
    """Open (create, migrate, fill) the database a command names; shared by every handler."""
    from .paths import database_target
    from .services.startup import open_database

    db, report = open_database(database_target(args.db))
    _OPENED.append(db)
    if db.path is not None and (args.command, getattr(args, "action", None)) in IMPORTING:
        if db.read_only:  # refused before anything is read: say why at once
            raise db.read_only_error()
        from .services.backups import automatic_backup

        report.backup = automatic_backup(db.path, "import")  # no copy (full disk...), no import
    return db, report


# --- the spine's commands -----------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    from .services.catalogue import database_summary
    from .services.startup import DatabaseDamagedError
    from .translation import translate

    try:
        db, report = open_for_cli(args)
    except DatabaseDamagedError as exc:
        from .services.engine_messages import database_problem

        return fail(
            translate(
                "Cli", "integrity check failed for {path}: {problem} (SQLite: {raw})"
            ).format(path=exc.path, problem=database_problem(str(exc.problem)), raw=exc.problem),
            3,
        )
    summary = database_summary(db)
    from .paths import public_target

    print(translate("Cli", "database: {target}").format(
        target=public_target(report.target)))
    print(
        translate("Cli", "schema revision: {revision}").format(
            revision=summary.revision
        )
    )
    print(translate("Cli", "integrity: {result}").format(result=summary.integrity))
    counts = dict(summary.counts)
    recorded = counts.pop("membership_recorded", 0)
    for key, value in sorted(counts.items()):
        print(f"{key}: {value}")
    print(
        translate(
            "Cli", "mechanisms with a membership recorded: {recorded} of {total}"
        ).format(recorded=recorded, total=counts.get("mechanisms", 0))
    )
    problems = summary.problems
    for problem in problems:
        print(
            translate("Cli", "problem: {problem}").format(problem=problem),
            file=sys.stderr,
        )
    return 1 if problems else 0


def run_backup(args: argparse.Namespace) -> int:
    from .services.backups import backup_to
    from .translation import translate

    db, _ = open_for_cli(args)
    if db.path is None:
        return fail(translate("Cli", "backup works on SQLite files only"))
    out = backup_to(db.path, args.out.resolve())
    print(translate("Cli", "backup written to {path}").format(path=out))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from .paths import database_target, sqlite_path_of
    from .persistence.sqlite_files import DatabaseDamaged
    from .services.backups import restore
    from .translation import translate

    target = sqlite_path_of(database_target(args.db))
    if target is None:
        return fail(translate("Cli", "restore works on SQLite files only"))
    try:
        kept = restore(target, args.file.resolve())
    except FileNotFoundError:
        return fail(
            translate("Cli", "no such backup file: {path}").format(path=args.file)
        )
    except DatabaseDamaged as exc:
        from .services.engine_messages import database_problem

        return fail(
            translate(
                "Cli", "not restored, the backup is damaged: {problem} (SQLite: {raw})"
            ).format(problem=database_problem(str(exc)), raw=exc)
        )
    print(
        translate("Cli", "restored {source} into {target}").format(
            source=args.file, target=target
        )
    )
    if kept:
        print(
            translate("Cli", "the replaced database was kept as {path}").format(
                path=kept
            )
        )
    return 0
