"""``mcim-desk forms add|validate|list`` and ``mcim-desk responses import|export``."""

from __future__ import annotations

import argparse
import getpass

from PySide6.QtCore import QCoreApplication

from .cli import fail, open_for_cli


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "cli"


def _print_form_errors(exc: Exception, file: object) -> int:
    from .forms.loader import FormError

    problems = exc.problems if isinstance(exc, FormError) else ()
    lines = [str(p) for p in problems] or [str(exc)]
    for line in lines:
        fail(f"{file}: {line}")
    return 1


def run_forms(args: argparse.Namespace) -> int:
    from .forms.loader import FormError
    from .services import forms

    if args.action == "validate":
        try:
            definition = forms.validate_form_file(args.file)
        except FormError as exc:
            return _print_form_errors(exc, args.file)
        print(
            QCoreApplication.translate("Cli", "{file}: {count} questions ({form_id} version {version}, {kind})").format(
                file=args.file, count=definition.question_count(),
                form_id=definition.form_id, version=definition.version, kind=definition.kind,
            )
        )
        return 0
    db, _ = open_for_cli(args)
    if args.action == "add":
        try:
            try:
                info = forms.add_form(db, args.file)
            except forms.VersionLosesAnswers as exc:
                if not args.force:
                    fail(f"{args.file}: {exc}")
                    return fail(QCoreApplication.translate(
                        "Cli", "Nothing was added. To add this version anyway, run the command again with "
                        "--force: the answers stay stored and the reports still count them under the "
                        "versions that asked them."))
                print(str(exc))
                info = forms.add_form(db, args.file, force=True)
        except FormError as exc:
            return _print_form_errors(exc, args.file)
        message = (
            QCoreApplication.translate("Cli", "added {form_id} version {version}: {count} questions")
            if info.added
            else QCoreApplication.translate("Cli", "already installed: {form_id} version {version} ({count} questions)")
        )
        print(message.format(form_id=info.form_id, version=info.version, count=info.question_count))
        return 0
    from .services import instruments

    if args.action == "use":
        try:
            study = instruments.set_study_form(db, args.instrument, args.form_id)
        except instruments.InstrumentError as exc:
            return fail(str(exc))
        print(QCoreApplication.translate("Cli", "the study's questionnaire: {questionnaire}; its interview guide: {interview}")
              .format(questionnaire=study.questionnaire, interview=study.interview))
        return 0
    study = instruments.study_forms(db)
    for info in forms.list_forms(db):
        role = ""
        if info.form_id == study.questionnaire:
            role = QCoreApplication.translate("Cli", "the study's questionnaire")
        elif info.form_id == study.interview:
            role = QCoreApplication.translate("Cli", "the study's interview guide")
        print(f"{info.form_id}\t{info.version}\t{info.kind}\t{info.question_count}\t{info.source_name}\t{role}".rstrip("\t"))
    return 0


def run_responses(args: argparse.Namespace) -> int:
    from .services import responses, submissions

    db, _ = open_for_cli(args)
    if args.action == "import":
        try:
            options = submissions.ImportOptions(form_id=args.form, mechanism=args.mechanism)
            summary = submissions.import_submissions(db, args.file, _actor(), options)
        except responses.ResponseError as exc:
            return fail(str(exc))
        print(
            QCoreApplication.translate("Cli", "Submissions read ({layout}): {total}; created: {created}, updated: {updated}, unchanged: {unchanged}").format(
                total=summary.total, created=summary.created, updated=summary.updated,
                unchanged=summary.unchanged, layout=summary.layout,
            )
        )
        for note in summary.notes:
            print(QCoreApplication.translate("Cli", "note: {note}").format(note=note))
        for item in summary.invalid:
            print(QCoreApplication.translate(
                "Cli", "kept as typed, to correct (the response stays a draft): submission {number}, "
                "“{key}”: {problem}").format(number=item.number, key=item.key, problem=item.problem))
        for response_id, other in summary.second_questionnaires:
            print(QCoreApplication.translate(
                "Cli", "note: response {id} is a second questionnaire for its mechanism in this round "
                "(the other one is {other}); both are kept").format(id=response_id, other=other))
        return 0
    if args.form:
        from .services.forms import latest_version

        if latest_version(db, args.form) is None:
            return fail(QCoreApplication.translate("Cli", "unknown form: {form}").format(form=args.form))
    count = submissions.export_submissions(db, args.out, form_id=args.form)
    print(QCoreApplication.translate("Cli", "Submissions written to {path}: {count}").format(count=count, path=args.out))
    return 0
