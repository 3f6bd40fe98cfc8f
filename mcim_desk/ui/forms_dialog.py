"""Adding a form from an XLSForm file (.xlsx, .md, .csv): parsed and checked on the worker
(pyxform is imported there), errors shown with their row numbers, nothing stored on error; a
new version that drops or retypes questions that have answers is added only once confirmed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .context import UiContext


def add_form_from_file(ctx: UiContext) -> None:
    path = ctx.dialogs.open_file(
        QCoreApplication.translate("FormsDialog", "Add a form (XLSForm)"),
        QCoreApplication.translate("FormsDialog", "XLSForm files (*.xlsx *.md *.csv);;All files (*)"), "xlsform",
    )
    if not path:
        return
    from ..services import forms

    def done(info) -> None:  # noqa: ANN001 - a FormInfo
        ctx.bus.notify("form", [info.form_id])
        ctx.dialogs.info(
            QCoreApplication.translate("FormsDialog", "Form added"),
            QCoreApplication.translate("FormsDialog", "“{title}” version {version} was added: {count} questions.")
            .format(title=info.title_en if ctx.lang == "en" else info.title_fr, version=info.version,
                    count=info.question_count),
        )

    def failed(exc: BaseException) -> None:
        if isinstance(exc, forms.VersionLosesAnswers):
            question = QCoreApplication.translate(
                "FormsDialog",
                "{problems}\n\nThe answers stay stored, and the reports still count them under the versions "
                "that asked them. Add this version anyway?",
            ).format(problems=str(exc))
            if ctx.dialogs.confirm(QCoreApplication.translate("FormsDialog", "Add this form version?"), question):
                ctx.runner.run(lambda: forms.add_form(ctx.db, path, force=True), done, failed)
            return
        problems = getattr(exc, "problems", None)
        text = "\n".join(str(p) for p in problems) if problems else str(exc)
        ctx.dialogs.error(QCoreApplication.translate("FormsDialog", "Form not added"),
                          QCoreApplication.translate("FormsDialog", "{file} was not added:\n{problems}")
                          .format(file=path, problems=text))

    ctx.runner.run(lambda: forms.add_form(ctx.db, path), done, failed)
