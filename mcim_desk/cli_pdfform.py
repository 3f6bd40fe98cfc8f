"""``mcim-desk questionnaire pdf`` and ``mcim-desk import FILE.pdf`` (issue 7); reached
through :mod:`mcim_desk.cli_exchange`, which dispatches ``.pdf`` files and the questionnaire
command here.

The import prints the differences (question, value in the database, value in the PDF,
validity) and the problems found per field, and saves nothing unless ``--accept-all`` is
given: then every valid difference is saved in one transaction (invalid ones are listed and
left out, and the exit status is then 1 with their number). Text that came from the PDF is printed with control characters made visible, so
a hostile answer cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import re
import sys

from PySide6.QtCore import QCoreApplication

from .cli import fail, open_for_cli

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _language(args: argparse.Namespace) -> str:
    if getattr(args, "lang", None):
        return args.lang
    from .i18n import preferred_language

    return preferred_language()


def _safe(text: str | None, limit: int = 400) -> str:
    """File text for a terminal: control and bidi characters shown as \\x.., line ends as ⏎."""
    if not text:
        return QCoreApplication.translate("Cli", "(empty)")
    shown = text.replace("\r\n", "\n").replace("\n", " ⏎ ")
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", shown)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _actor() -> str:
    from .preferences import Preferences

    return Preferences.load().profile or "cli"


def run_questionnaire(args: argparse.Namespace) -> int:
    from .services.pdf_forms import PdfFormError, make_questionnaire_pdf

    if getattr(args, "action", None) != "pdf":
        return fail(QCoreApplication.translate("Cli", "unknown questionnaire action"), 2)
    lang = _language(args)
    out = args.out.expanduser().resolve()
    db, _ = open_for_cli(args)
    try:
        path = make_questionnaire_pdf(
            db, args.mechanism, lang, out, with_answers=bool(args.with_answers)
        )
    except PdfFormError as exc:
        return fail(str(exc))
    finally:
        db.dispose()
    print(
        QCoreApplication.translate("Cli", "fillable questionnaire written to {path}").format(
            path=path
        )
    )
    return 0


def run_import_pdf(args: argparse.Namespace) -> int:
    from .services.pdf_forms import PdfFormError
    from .services.pdf_returns import apply_pdf_import, preview_pdf_import
    from .services.responses import NeedsConfirmation, ResponseError

    lang = _language(args)
    path = args.file.expanduser().resolve()
    db, _ = open_for_cli(args)
    try:
        try:
            plan = preview_pdf_import(db, path, lang)
        except PdfFormError as exc:
            return fail(
                QCoreApplication.translate("Cli", "not imported: {reason}").format(reason=exc)
            )
        print(
            QCoreApplication.translate(
                "Cli", "{file}: questionnaire of {mechanism}, form {form} version {version}"
            ).format(
                file=_safe(path.name),
                mechanism=plan.mechanism_label,
                form=plan.form_id,
                version=plan.pdf_form_version or "?",
            )
        )
        if plan.response_id is None:
            print(
                QCoreApplication.translate(
                    "Cli", "this mechanism has no questionnaire response yet: importing creates it"
                )
            )
        print(
            QCoreApplication.translate(
                "Cli",
                "differences: {changes}; same on both sides: {same}; changed here since the file "
                "was made (kept): {newer}; problems: {problems}",
            ).format(
                changes=len(plan.changes),
                same=plan.unchanged,
                newer=plan.newer_here,
                problems=len(plan.problems),
            )
        )
        for change in plan.changes:
            print(
                QCoreApplication.translate("Cli", "• {question} [{path}]").format(
                    question=change.question, path=change.key
                )
            )
            print(
                "    "
                + QCoreApplication.translate("Cli", "in the database: {value}").format(
                    value=_safe(change.db_text)
                )
            )
            print(
                "    "
                + QCoreApplication.translate("Cli", "in the PDF:      {value}").format(
                    value=_safe(change.pdf_text)
                )
            )
            if change.message:
                print(
                    "    "
                    + QCoreApplication.translate("Cli", "not valid: {reason}").format(
                        reason=change.message
                    )
                )
        for problem in plan.problems:
            where = problem.field or path.name
            question = f" ({problem.question})" if problem.question else ""
            print(
                QCoreApplication.translate("Cli", "problem: {field}{question}: {message}").format(
                    field=_safe(where, 120), question=question, message=problem.message
                ),
                file=sys.stderr,
            )
        if not args.accept_all:
            print(
                QCoreApplication.translate(
                    "Cli",
                    "nothing saved: review in the window (File > Import a filled questionnaire (PDF)…) "
                    "or run again with --accept-all to save every valid difference",
                )
            )
            return 0
        accepted = plan.valid_keys
        skipped = [c for c in plan.changes if not c.valid]
        if not accepted:
            print(QCoreApplication.translate("Cli", "nothing to save: no valid difference"))
            return 0 if not skipped else 1
        try:
            result = apply_pdf_import(db, plan, accepted, _actor())
        except NeedsConfirmation as exc:
            return fail(
                QCoreApplication.translate(
                    "Cli", "not imported: {reason} Import it in the window to confirm."
                ).format(reason=exc)
            )
        except ResponseError as exc:
            return fail(
                QCoreApplication.translate("Cli", "not imported: {reason}").format(reason=exc)
            )
        print(
            QCoreApplication.translate(
                "Cli",
                "imported: {changed} answer(s) saved, {removed} row(s) removed; response {id} is now "
                "{status}",
            ).format(
                changed=result.changed,
                removed=result.rows_removed,
                id=result.response_id,
                status=result.status,
            )
        )
        for change in skipped:
            print(
                QCoreApplication.translate("Cli", "left out (not valid): {question}").format(
                    question=change.question
                ),
                file=sys.stderr,
            )
        if skipped:
            # the valid answers are saved, but the file held more: say so in the exit status
            print(
                QCoreApplication.translate(
                    "Cli", "{count} answer(s) of the file left out: correct them in the window"
                ).format(count=len(skipped)),
                file=sys.stderr,
            )
            return 1
        return 0
    finally:
        db.dispose()


__all__ = ["run_import_pdf", "run_questionnaire"]
