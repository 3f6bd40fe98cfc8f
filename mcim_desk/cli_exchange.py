"""``mcim-desk export`` and ``mcim-desk import`` (bundles and spreadsheets), and the
dispatch of the questionnaire PDF commands to their own module (issue 7)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .cli import fail, open_for_cli


def _passphrase(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(passphrase, error message): the file's first line, without its line end."""
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is None:
        return None, None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, QCoreApplication.translate("Cli", "cannot read the passphrase file {path}: {error}").format(
            path=path, error=getattr(exc, "strerror", None) or exc
        )
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase.strip():
        return None, QCoreApplication.translate("Cli", "the passphrase file {path} is empty").format(path=path)
    return passphrase, None


def _language(args: argparse.Namespace) -> str:
    if args.lang:
        return args.lang
    from .i18n import preferred_language

    return preferred_language()


def run_export(args: argparse.Namespace) -> int:
    from .exchange.bundle import BundleError
    from .services import exchange

    passphrase, problem = _passphrase(args)
    if problem:
        return fail(problem)
    db, _ = open_for_cli(args)
    out = args.out.expanduser().resolve()
    try:
        if args.format == "bundle":
            report = exchange.export_bundle(db, out, since_last=args.since_last, passphrase=passphrase)
            counts = report.counts
            print(
                QCoreApplication.translate("Cli", "bundle written to {path} ({size} KB{encrypted})").format(
                    path=report.path,
                    size=max(1, report.size // 1024),
                    encrypted=QCoreApplication.translate("Cli", ", encrypted") if report.encrypted else "",
                )
            )
            if report.since is not None:
                print(QCoreApplication.translate("Cli", "changes since {moment} UTC").format(moment=report.since.strftime("%Y-%m-%d %H:%M:%S")))
            else:
                print(QCoreApplication.translate("Cli", "everything (no earlier bundle for this destination)")
                      if args.since_last else QCoreApplication.translate("Cli", "everything"))
            print(
                QCoreApplication.translate("Cli", "{responses} responses, {answers} answers, {interviews} interviews, {quotes} "
                    "quotes, {followups} follow-ups, {contacts} contacts, {audit} audit rows").format(
                    responses=counts.get("response", 0), answers=counts.get("answer", 0),
                    interviews=counts.get("interview", 0), quotes=counts.get("quote", 0),
                    followups=counts.get("follow_up", 0), contacts=counts.get("contact", 0),
                    audit=counts.get("audit_log", 0),
                )
            )
            return 0
        if args.since_last or passphrase:
            print(QCoreApplication.translate("Cli", "--since-last and --passphrase-file apply to bundles only; ignored"), file=sys.stderr)
        report = exchange.export_spreadsheets(db, out, args.format, _language(args), bool(args.labels))
        for path in report.paths:
            print(QCoreApplication.translate("Cli", "written: {path}").format(path=path))
        for name, rows in report.sheets.items():
            print(QCoreApplication.translate("Cli", "{sheet}: {rows} rows").format(sheet=name, rows=rows))
        if report.attachments:
            print(QCoreApplication.translate("Cli", "attached files: {count} in {folder}").format(
                count=len(report.attachments), folder=report.paths[0].parent / "attachments"))
        return 0
    except BundleError as exc:  # a bundle that could not be read back (too large): not written
        return fail(str(exc))
    except OSError as exc:
        return fail(QCoreApplication.translate("Cli", "cannot write {path}: {error}").format(path=out, error=exc.strerror or exc))
    finally:
        db.dispose()


def _who(changes) -> str:  # noqa: ANN001 - tuple[ChangeInfo, ...]
    if not changes:
        return QCoreApplication.translate("Cli", "no record of who changed it")
    last = changes[-1]
    when = last.at.strftime("%Y-%m-%d %H:%M") + " UTC" if last.at else "?"
    return QCoreApplication.translate("Cli", "{actor}, {when}").format(actor=last.actor or "?", when=when)


def run_import(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() == ".pdf":
        return _dispatch("run_import_pdf", args)
    from .exchange.bundle import BundleError
    from .services import exchange

    passphrase, problem = _passphrase(args)
    if problem:
        return fail(problem)
    path = args.file.expanduser().resolve()
    db, _ = open_for_cli(args)
    try:
        try:
            plan = exchange.preview_import(db, path, passphrase, _language(args))
        except BundleError as exc:
            return fail(QCoreApplication.translate("Cli", "not imported: {reason}").format(reason=exc))
        print(
            QCoreApplication.translate("Cli", "bundle {file} from installation {source} (MCIM Desk {version}, {when})").format(
                file=path.name, source=plan.source_installation[:8], version=plan.program_version,
                when=plan.created_at[:19].replace("T", " "),
            )
        )
        print(
            QCoreApplication.translate("Cli", "to add: {added}; to update: {updated}; unchanged: {unchanged}; newer here: {kept}; "
                "new audit rows: {audit}; conflicts: {conflicts}").format(
                added=plan.added, updated=plan.updated, unchanged=plan.unchanged, kept=plan.kept,
                audit=plan.audit_new, conflicts=len(plan.conflicts),
            )
        )
        for item in plan.conflicts:
            print(QCoreApplication.translate("Cli", "conflict: {where} — {question}").format(where=item.where, question=item.question))
            print("  " + QCoreApplication.translate("Cli", "here: “{value}” ({who})").format(value=item.mine_text, who=_who(item.mine_changes)))
            print("  " + QCoreApplication.translate("Cli", "in the bundle: “{value}” ({who})").format(
                value=item.theirs_text, who=_who(item.theirs_changes)))
        if plan.nothing_to_do:
            plan.discard()
            print(QCoreApplication.translate("Cli", "nothing to import: this bundle's content is already here"))
            return 0
        from .preferences import Preferences

        try:
            report = exchange.apply_import(db, plan, actor=Preferences.load().profile or "cli")
        except BundleError as exc:
            return fail(QCoreApplication.translate("Cli", "not imported: {reason}").format(reason=exc))
        finally:
            plan.discard()
        print(
            QCoreApplication.translate("Cli", "imported: {added} added, {updated} updated, {audit} audit rows appended").format(
                added=report.added, updated=report.updated, audit=report.audit_appended
            )
        )
        if report.conflicts_pending:
            print(
                QCoreApplication.translate("Cli", "{count} conflict(s) kept this database's value and wait for a choice in the "
                    "window (File > Resolve conflicts…)").format(count=report.conflicts_pending)
            )
        return 0
    finally:
        db.dispose()


def run_questionnaire(args: argparse.Namespace) -> int:
    return _dispatch("run_questionnaire", args)


def _dispatch(function: str, args: argparse.Namespace) -> int:
    """Hand over to the questionnaire PDF module (issue 7) when this version has it."""
    try:
        module = importlib.import_module("mcim_desk.cli_pdfform")
    except ImportError:
        module = None
    handler = getattr(module, function, None) if module is not None else None
    if handler is None:
        return fail(QCoreApplication.translate("Cli", "questionnaire PDFs are not available in this version"), 2)
    return handler(args)
