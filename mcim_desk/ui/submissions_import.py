"""File > Import Kobo / ODK JSON…: a KoboToolbox or ODK Central JSON file of submissions
into the database (services/submissions.py), all or nothing; when some submissions do not
say which mechanism they are about, a dialog asks (one per submission, or one for all) and
the import runs again with the answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..services.catalogue import MechanismRow
    from ..services.submissions import ImportSummary, UnresolvedMechanism
    from .main_window import MainWindow


class MechanismChoiceDialog(QDialog):
    """Which mechanism each unresolved submission is about. Emits ``mechanisms_chosen`` with
    {submission number: mechanism id} once every one has a mechanism."""

    mechanisms_chosen = Signal(object)

    def __init__(self, file_name: str, unresolved: Sequence[UnresolvedMechanism],
                 mechanisms: Sequence[MechanismRow], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mechanism_choice_dialog")
        self.setWindowTitle(self.tr("Which mechanism?"))
        self.unresolved = list(unresolved)
        intro = QLabel(self.tr(
            "{count} submissions of {file} do not say which mechanism they are about. Choose the "
            "mechanism of each, or one for all; nothing is imported until then.").format(
                count=len(self.unresolved), file=file_name), self)
        intro.setWordWrap(True)
        self.same_for_all = QCheckBox(self.tr("The &same mechanism for all"), self)
        self.same_for_all.setObjectName("same_for_all")
        self.all_combo = self._combo(mechanisms, lang)
        self.all_combo.setObjectName("mechanism_for_all")
        self.all_combo.setAccessibleName(self.tr("Mechanism of every submission"))
        self.all_combo.setEnabled(False)
        rows = QWidget(self)
        # each reason above its list, the full width: beside it, a wrapped label got no width
        form = QVBoxLayout(rows)
        self.combos: dict[int, QComboBox] = {}
        for item in self.unresolved:
            combo = self._combo(mechanisms, lang)
            combo.setObjectName(f"mechanism_{item.number}")
            combo.setAccessibleName(self.tr("Mechanism of submission {number}").format(number=item.number))
            label = QLabel(item.reason, rows)
            label.setWordWrap(True)
            label.setBuddy(combo)
            form.addWidget(label)
            form.addWidget(combo)
            form.addSpacing(6)
            self.combos[item.number] = combo
        form.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("mechanism_choice_rows")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(rows)
        self.problem = QLabel("", self)
        self.problem.setObjectName("mechanism_choice_problem")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.same_for_all.toggled.connect(self._same_toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.same_for_all)
        layout.addWidget(self.all_combo)
        layout.addWidget(scroll)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _combo(self, mechanisms: Sequence[MechanismRow], lang: str) -> QComboBox:
        combo = QComboBox(self)
        # sized to the dialog, not to the longest mechanism name (which made the rows scroll sideways)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(30)
        combo.addItem(self.tr("— choose —"), None)
        for row in mechanisms:
            combo.addItem(f"{row.acronym(lang)} — {row.name(lang)}", row.id)
        return combo

    def _same_toggled(self, same: bool) -> None:
        self.all_combo.setEnabled(same)
        for combo in self.combos.values():
            combo.setEnabled(not same)

    def _accept(self) -> None:
        if self.same_for_all.isChecked():
            chosen = self.all_combo.currentData()
            mapping = {number: chosen for number in self.combos} if chosen else {}
        else:
            mapping = {number: combo.currentData() for number, combo in self.combos.items()
                       if combo.currentData()}
        missing = [number for number in self.combos if number not in mapping]
        if missing:
            self.problem.setText(self.tr("Choose the mechanism of submission {numbers}.").format(
                numbers=", ".join(str(n) for n in missing[:10])))
            self.problem.show()
            return
        self.mechanisms_chosen.emit(mapping)
        self.accept()


def summary_text(summary: ImportSummary) -> str:
    lines = [QCoreApplication.translate(
        "SubmissionsImport", "Submissions read ({layout}): {total}; created: {created}, updated: {updated}, "
        "unchanged: {unchanged}.").format(
            total=summary.total, layout=summary.layout, created=summary.created,
            updated=summary.updated, unchanged=summary.unchanged)]
    lines += summary.notes
    lines += [QCoreApplication.translate(
        "SubmissionsImport", "Kept as typed, to correct (the response stays a draft): submission {number}, "
        "“{key}”: {problem}").format(number=item.number, key=item.key, problem=item.problem)
        for item in summary.invalid[:20]]
    lines += [QCoreApplication.translate(
        "SubmissionsImport", "Response {id} is a second questionnaire for its mechanism in this round "
        "(the other one is {other}); both are kept.").format(id=rid, other=other)
        for rid, other in summary.second_questionnaires[:20]]
    return "\n".join(lines)


def import_submissions_json(window: MainWindow, path: str | None = None,
                            chosen: dict[int, str] | None = None, form_id: str | None = None) -> None:
    """Choose a JSON file and import it; ask for the form when the file names none
    installed here and its questions do not tell, and for the mechanisms it does not give."""
    ctx = window.ctx
    if ctx is None:
        return
    from pathlib import Path

    from ..services import catalogue, submissions
    from ..services.responses import ResponseError

    title = QCoreApplication.translate("SubmissionsImport", "Import Kobo / ODK JSON")
    path = path or ctx.dialogs.open_file(title, QCoreApplication.translate(
        "SubmissionsImport", "JSON files (*.json);;All files (*)"))
    if not path:
        return
    options = submissions.ImportOptions(form_id=form_id, mechanisms=chosen)

    def ask_form(exc: BaseException) -> bool:
        """The form of submissions that name none: asked once, then the import again."""
        from ..services.forms import list_forms

        forms = sorted({info.form_id: info for info in list_forms(ctx.db)}.values(), key=lambda i: i.form_id)
        if form_id is not None or not forms:
            return False
        choice = ctx.dialogs.choose(
            QCoreApplication.translate("SubmissionsImport", "Which form?"),
            QCoreApplication.translate("SubmissionsImport", "{problem}\n\nWhich form are these submissions of?").format(
                problem=str(exc)),
            [(info.form_id, info.form_id) for info in forms], cancel="")
        if choice:
            import_submissions_json(window, path, chosen, choice)
        return True

    def done(summary: ImportSummary) -> None:
        ctx.bus.notify("response")
        ctx.dialogs.info(QCoreApplication.translate("SubmissionsImport", "Submissions imported"),
                         summary_text(summary))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, submissions.MechanismsNeeded) and chosen is None:
            dialog = MechanismChoiceDialog(Path(path).name, exc.unresolved, catalogue.mechanism_rows(ctx.db),
                                           ctx.lang, window)
            dialog.mechanisms_chosen.connect(lambda mapping: import_submissions_json(window, path, mapping, form_id))
            dialog.open()
            return
        if (isinstance(exc, submissions.SubmissionError) and not isinstance(exc, submissions.MechanismsNeeded)
                and exc.key == "_xform_id_string" and ask_form(exc)):
            return
        text = str(exc) if isinstance(exc, ResponseError) else QCoreApplication.translate(
            "SubmissionsImport", "{file}: the import failed ({error}); nothing was changed.").format(
                file=Path(path).name, error=type(exc).__name__)
        ctx.dialogs.error(QCoreApplication.translate("SubmissionsImport", "Submissions not imported"), text)

    ctx.runner.run(lambda: submissions.import_submissions(ctx.db, path, ctx.actor, options), done, failed)


__all__ = ["MechanismChoiceDialog", "import_submissions_json", "summary_text"]
