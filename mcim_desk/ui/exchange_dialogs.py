"""File > Export a bundle…, Import a bundle…, Export spreadsheets…, Resolve conflicts….

An import shows its plan (what would be added, updated, kept, and the conflicts) before
anything is written; once applied, the conflicts it left wait in the conflict dialog: each
conflicting field with both values and who changed each when, where the user keeps this
database's value, keeps the bundle's, or types another. Conflict choices are recorded in
the audit log (they are not on the undo stack: an automatic backup is made before every
import, and the audit log keeps the values replaced).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from .colours import text_style

if TYPE_CHECKING:
    from ..services.exchange import ImportPlan
    from ..services.exchange_conflicts import ChangeInfo, ConflictInfo
    from .context import UiContext
    from .main_window import MainWindow

BUNDLE_FILTER_SUFFIX = " (*.mcimz)"


def _plain(label: QLabel) -> QLabel:
    """User text is data, never markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# --- passphrases --------------------------------------------------------------------------


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted bundle (or a new one, typed twice)."""

    passphrase_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, confirm: bool = False, problem: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(self.tr("Passphrase"))
        self.confirm_needed = confirm
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _plain(QLabel(problem, self))
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.setVisible(bool(problem))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(self.tr("&Again:"), self.again)
        else:
            self.again.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        text = self.passphrase.text()
        if not text:
            self._problem(self.tr("Type the passphrase."))
            return
        if self.confirm_needed and text != self.again.text():
            self._problem(self.tr("The two passphrases differ."))
            return
        self.passphrase_entered.emit(text)
        self.accept()

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


# --- export -------------------------------------------------------------------------------


class ExportBundleDialog(QDialog):
    """Options of a bundle export; ``export_requested(since_last, passphrase or "")``."""

    export_requested = Signal(bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_bundle_dialog")
        self.setWindowTitle(self.tr("Export a bundle"))
        intro = _plain(QLabel(self.tr(
            "A bundle holds what you typed here (answers, interviews, quotes, follow-ups, "
            "contacts, mechanism edits and the audit log) for the secretariat to import."), self))
        self.since_last = QCheckBox(self.tr("&Only what changed since the last bundle written to the same folder"), self)
        self.since_last.setObjectName("since_last")
        self.encrypt = QCheckBox(self.tr("&Encrypt with a passphrase"), self)
        self.encrypt.setObjectName("encrypt")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _plain(QLabel(self))
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("A&gain:"), self.again)
        self.encrypt.toggled.connect(self._encrypt_toggled)
        self._encrypt_toggled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("E&xport…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.since_last)
        layout.addWidget(self.encrypt)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _encrypt_toggled(self, on: bool) -> None:
        self.passphrase.setEnabled(on)
        self.again.setEnabled(on)

    def _accept(self) -> None:
        passphrase = ""
        if self.encrypt.isChecked():
            passphrase = self.passphrase.text()
            if not passphrase:
                self.error.setText(self.tr("Type a passphrase, or untick “Encrypt”."))
                self.error.show()
                return
            if passphrase != self.again.text():
                self.error.setText(self.tr("The two passphrases differ."))
                self.error.show()
                return
        self.export_requested.emit(self.since_last.isChecked(), passphrase)
        self.accept()


class SpreadsheetDialog(QDialog):
    """Options of a spreadsheet export; ``export_requested(format, lang, labels)``."""

    export_requested = Signal(str, str, bool)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spreadsheet_dialog")
        self.setWindowTitle(self.tr("Export spreadsheets"))
        self.format = QComboBox(self)
        self.format.setObjectName("format")
        self.format.addItem(self.tr("Excel workbook (.xlsx), one sheet per form"), "xlsx")
        self.format.addItem(self.tr("CSV files (UTF-8), one file per form"), "csv")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "fr" else 1)
        self.labels = QCheckBox(self.tr("Write choice &labels instead of codes"), self)
        self.labels.setObjectName("labels")
        note = _plain(QLabel(self.tr(
            "One row per response and one column per question; a column is headed by the "
            "question’s section and number (q4 is question 4). The partners of question 25 "
            "are on a sheet of their own."), self))
        note.setToolTip(self.tr(
            "The layout of KoboToolbox exports: columns named by question path (section_2/q4). "
            "In CSV files, text starting with = + - @ is written with a leading apostrophe so "
            "that no spreadsheet reads it as a formula."))
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Language of labels:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("E&xport…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.labels)
        layout.addWidget(note)
        layout.addWidget(buttons)
        from . import access

        access.name_from_buddies(self)

    def _accept(self) -> None:
        self.export_requested.emit(self.format.currentData(), self.language.currentData(), self.labels.isChecked())
        self.accept()


# --- import -------------------------------------------------------------------------------


def _when(change: ChangeInfo | None) -> str:
    if change is None or change.at is None:
        return ""
    return change.at.strftime("%Y-%m-%d %H:%M") + " UTC"


class ImportPlanDialog(QDialog):
    """What a bundle would do; ``import_confirmed`` when the user goes on."""

    import_confirmed = Signal()

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_plan_dialog")
        self.setWindowTitle(self.tr("Import a bundle"))
        self.plan = plan
        created = plan.created_at[:16].replace("T", " ")
        source = _plain(QLabel(self.tr(
            "{file}\nwritten {when} UTC by MCIM Desk {version} (installation {source}){encrypted}"
        ).format(file=plan.path.name, when=created, version=plan.program_version,
                 source=plan.source_installation[:8],
                 encrypted=self.tr(", encrypted") if plan.encrypted else ""), self))
        grid = QGridLayout()
        facts = [
            (self.tr("Records to add"), plan.added),
            (self.tr("Records to update"), plan.updated),
            (self.tr("Already the same"), plan.unchanged),
            (self.tr("Newer here (kept)"), plan.kept),
            (self.tr("New audit rows"), plan.audit_new),
            (self.tr("Conflicts"), len(plan.conflicts)),
        ]
        self.counts: dict[str, QLabel] = {}
        for row, (text, value) in enumerate(facts):
            grid.addWidget(QLabel(text, self), row, 0)
            number = QLabel(str(value), self)
            number.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(number, row, 1)
            self.counts[text] = number
        if plan.nothing_to_do:
            summary = self.tr("Everything in this bundle is already here: importing it changes nothing.")
        elif plan.conflicts:
            summary = self.tr(
                "{count} field(s) were changed both here and in the bundle. They keep this "
                "database's value until you choose, after the import."
            ).format(count=len(plan.conflicts))
        else:
            summary = self.tr("No conflict: the bundle merges cleanly.")
        self.summary = _plain(QLabel(summary, self))
        self.summary.setObjectName("plan_summary")
        conflicts = QPlainTextEdit(self)
        conflicts.setObjectName("plan_conflicts")
        conflicts.setReadOnly(True)
        conflicts.setPlainText("\n".join(f"• {c.where} — {c.question}" for c in plan.conflicts))
        conflicts.setVisible(bool(plan.conflicts))
        conflicts.setMaximumHeight(140)
        conflicts.setAccessibleName(self.tr("Conflicts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(not plan.nothing_to_do)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(conflicts)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _accept(self) -> None:
        self.import_confirmed.emit()
        self.accept()


class ConflictBox(QGroupBox):
    """One conflicting field: both values, who changed each when, and the three choices."""

    def __init__(self, conflict: ConflictInfo, parent: QWidget | None = None) -> None:
        super().__init__(conflict.where, parent)
        self.conflict = conflict
        self.setObjectName("conflict_box")
        self.question = _plain(QLabel(conflict.question, self))
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        mine_who = conflict.mine_changes[-1] if conflict.mine_changes else None
        theirs_who = conflict.theirs_changes[-1] if conflict.theirs_changes else None
        self.mine_value = _plain(QLabel(conflict.mine_text, self))
        self.theirs_value = _plain(QLabel(conflict.theirs_text, self))
        for label in (self.mine_value, self.theirs_value):
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMargin(4)
        self.mine_who = _plain(QLabel(self._who(mine_who), self))
        self.theirs_who = _plain(QLabel(self._who(theirs_who), self))
        self.keep_mine = QRadioButton(self.tr("Keep the value here"), self)
        self.keep_mine.setObjectName("keep_mine")
        self.keep_theirs = QRadioButton(self.tr("Take the bundle's value"), self)
        self.keep_theirs.setObjectName("keep_theirs")
        self.edit = QRadioButton(self.tr("Type another value:"), self)
        self.edit.setObjectName("edit")
        self.group = QButtonGroup(self)
        for button in (self.keep_mine, self.keep_theirs, self.edit):
            self.group.addButton(button)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("edit_value")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText("" if conflict.mine is None else str(conflict.mine))
        self.editor.setMaximumHeight(70)
        self.editor.setEnabled(False)
        self.edit.toggled.connect(self.editor.setEnabled)
        self.edit.setVisible(conflict.editable)
        self.editor.setVisible(conflict.editable)
        grid = QGridLayout(self)
        here = QLabel(self.tr("Here"), self)
        bundle = QLabel(self.tr("In the bundle"), self)
        grid.addWidget(self.question, 0, 0, 1, 2)
        grid.addWidget(here, 1, 0)
        grid.addWidget(bundle, 1, 1)
        grid.addWidget(self.mine_value, 2, 0)
        grid.addWidget(self.theirs_value, 2, 1)
        grid.addWidget(self.mine_who, 3, 0)
        grid.addWidget(self.theirs_who, 3, 1)
        grid.addWidget(self.keep_mine, 4, 0)
        grid.addWidget(self.keep_theirs, 4, 1)
        grid.addWidget(self.edit, 5, 0, 1, 2)
        grid.addWidget(self.editor, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _who(self, change: ChangeInfo | None) -> str:
        if change is None:
            return self.tr("no record of who changed it")
        return self.tr("changed by {actor}, {when}").format(actor=change.actor or "?", when=_when(change))

    def choice(self):  # noqa: ANN201 - Resolution | None
        from ..services.exchange_conflicts import Resolution

        if self.keep_mine.isChecked():
            return Resolution("mine")
        if self.keep_theirs.isChecked():
            return Resolution("theirs")
        if self.edit.isChecked():
            return Resolution("edit", self.editor.toPlainText())
        return None


class ConflictDialog(QDialog):
    """The conflicts waiting for a choice. ``resolutions_chosen({conflict id: Resolution})``
    carries the choices made; a conflict left without a choice stays pending."""

    resolutions_chosen = Signal(dict)

    def __init__(self, conflicts: list[ConflictInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Resolve conflicts"))
        intro = _plain(QLabel(self.tr(
            "These fields were changed both here and on another computer since they last "
            "exchanged data. Until you choose, the value here stays. A field left without a "
            "choice waits for later."), self))
        self.boxes = [ConflictBox(c, self) for c in conflicts]
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        for box in self.boxes:
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices, not to the frame
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.error = _plain(QLabel(self))
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("&Apply my choices"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply_button")
        self.apply_button.setDefault(True)
        self.later_button: QPushButton = buttons.addButton(self.tr("Decide &later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def choices(self) -> dict:
        result = {}
        for box in self.boxes:
            choice = box.choice()
            if choice is not None:
                result[box.conflict.id or box.conflict.key] = choice
        return result

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _accept(self) -> None:
        self.resolutions_chosen.emit(self.choices())


# --- the File menu's entries ----------------------------------------------------------------


def _suggested_name(ctx: UiContext) -> str:
    profile = "".join(ch for ch in ctx.actor if ch.isalnum() or ch in "-_") or "mcim"
    return f"mcim-{profile}-{clock.localnow():%Y%m%d-%H%M}.mcimz"


def _bundle_filter(window: MainWindow) -> str:
    return QCoreApplication.translate("ExchangeDialogs", "MCIM Desk bundles") + BUNDLE_FILTER_SUFFIX


def export_bundle(window: MainWindow) -> None:
    ctx = window.ctx
    if ctx is None:
        return
    dialog = ExportBundleDialog(window)

    def chosen(since_last: bool, passphrase: str) -> None:
        out = ctx.dialogs.save_file(QCoreApplication.translate("ExchangeDialogs", "Export a bundle"), _suggested_name(ctx), _bundle_filter(window), "bundle")
        if not out:
            return
        path = Path(out)
        if path.suffix.lower() != ".mcimz":
            path = path.with_name(path.name + ".mcimz")
        from ..services import exchange

        def done(report) -> None:  # noqa: ANN001 - ExportReport
            from .file_written import announce_written

            announce_written(
                ctx.dialogs, QCoreApplication.translate("ExchangeDialogs", "Bundle written"), [report.path],
                QCoreApplication.translate("ExchangeDialogs", "{responses} responses, {answers} answers, {audit} audit rows{since}.").format(
                    responses=report.counts.get("response", 0),
                    answers=report.counts.get("answer", 0), audit=report.counts.get("audit_log", 0),
                    since=QCoreApplication.translate("ExchangeDialogs", " changed since the last bundle") if report.since else "",
                ),
            )

        def failed(exc: BaseException) -> None:
            ctx.dialogs.error(QCoreApplication.translate("ExchangeDialogs", "Bundle not written"), str(exc))

        ctx.runner.run(
            lambda: exchange.export_bundle(ctx.db, path, since_last, passphrase or None), done, failed
        )

    dialog.export_requested.connect(chosen)
    dialog.open()


def export_spreadsheets(window: MainWindow) -> None:
    ctx = window.ctx
    if ctx is None:
        return
    dialog = SpreadsheetDialog(ctx.lang, window)

    def chosen(fmt: str, lang: str, labels: bool) -> None:
        if fmt == "xlsx":
            out = ctx.dialogs.save_file(QCoreApplication.translate("ExchangeDialogs", "Export spreadsheets"), "mcim-responses.xlsx",
                                        QCoreApplication.translate("ExchangeDialogs", "Excel workbooks") + " (*.xlsx)", "spreadsheet")
        else:
            out = ctx.dialogs.save_file(QCoreApplication.translate("ExchangeDialogs", "Export spreadsheets"), "mcim-responses.csv",
                                        QCoreApplication.translate("ExchangeDialogs", "CSV files") + " (*.csv)", "spreadsheet")
        if not out:
            return
        from ..services import exchange

        def done(report) -> None:  # noqa: ANN001 - SpreadsheetReport
            from .file_written import announce_written

            detail = ""
            if report.attachments:
                detail = QCoreApplication.translate("ExchangeDialogs", "Attached files: {count} in {folder}").format(
                    count=len(report.attachments), folder=report.paths[0].parent / "attachments")
            announce_written(ctx.dialogs, QCoreApplication.translate("ExchangeDialogs", "Spreadsheets written"),
                             report.paths, detail)

        def failed(exc: BaseException) -> None:
            ctx.dialogs.error(QCoreApplication.translate("ExchangeDialogs", "Spreadsheets not written"), str(exc))

        ctx.runner.run(lambda: exchange.export_spreadsheets(ctx.db, out, fmt, lang, labels), done, failed)

    dialog.export_requested.connect(chosen)
    dialog.open()


def import_bundle(window: MainWindow, path: str | None = None, passphrase: str | None = None) -> None:
    """Choose a bundle, preview it, show the plan; on Import apply it, then offer the
    conflicts it left."""
    ctx = window.ctx
    if ctx is None:
        return
    from ..exchange.bundle import BundleError
    from ..services import exchange

    chosen = path or ctx.dialogs.open_file(QCoreApplication.translate("ExchangeDialogs", "Import a bundle"), _bundle_filter(window), "bundle")
    if not chosen:
        return

    def previewed(plan: ImportPlan) -> None:
        dialog = ImportPlanDialog(plan, window)
        dialog.import_confirmed.connect(lambda: _apply(window, plan))
        dialog.rejected.connect(plan.discard)  # the extracted records go at once
        dialog.open()

    def failed(exc: BaseException) -> None:
        if isinstance(exc, BundleError) and exc.code in ("needs_passphrase", "wrong_passphrase"):
            problem = "" if exc.code == "needs_passphrase" else str(exc)
            ask = PassphraseDialog(window, problem=problem)
            ask.passphrase_entered.connect(lambda text: import_bundle(window, chosen, text))
            ask.open()
            return
        ctx.dialogs.error(QCoreApplication.translate("ExchangeDialogs", "Bundle not imported"), str(exc))

    ctx.runner.run(lambda: exchange.preview_import(ctx.db, chosen, passphrase, ctx.lang), previewed, failed)


def _apply(window: MainWindow, plan: ImportPlan) -> None:
    ctx = window.ctx
    from ..services import exchange

    def done(report) -> None:  # noqa: ANN001 - ImportReport
        plan.discard()
        for kind in ("mechanism", "response", "interview", "followup", "exchange"):
            ctx.bus.notify(kind)
        window.statusBar().showMessage(
            QCoreApplication.translate("ExchangeDialogs", "Bundle imported: {added} added, {updated} updated, {pending} conflict(s) to resolve.").format(
                added=report.added, updated=report.updated, pending=report.conflicts_pending),
            10000,
        )
        if report.conflicts_pending:
            resolve_conflicts(window)

    def failed(exc: BaseException) -> None:
        plan.discard()
        ctx.dialogs.error(QCoreApplication.translate("ExchangeDialogs", "Bundle not imported"), str(exc))

    ctx.runner.run(lambda: exchange.apply_import(ctx.db, plan, actor=ctx.actor), done, failed)


def resolve_conflicts(window: MainWindow) -> None:
    """Open the conflict dialog on the pending conflicts (a message when there are none)."""
    ctx = window.ctx
    if ctx is None:
        return
    from ..services import exchange_conflicts as conflict_service

    conflicts = conflict_service.pending_conflicts(ctx.db, ctx.lang)
    if not conflicts:
        ctx.dialogs.info(QCoreApplication.translate("ExchangeDialogs", "Resolve conflicts"), QCoreApplication.translate("ExchangeDialogs", "No conflict is waiting for a choice."))
        return
    dialog = ConflictDialog(conflicts, window)

    def chosen(resolutions: dict) -> None:
        if not resolutions:
            dialog.accept()
            return
        try:
            conflict_service.resolve_conflicts(ctx.db, resolutions, ctx.actor)
        except ValueError as exc:  # a typed value that does not fit the field
            dialog.show_error(str(exc))
            return
        for kind in ("mechanism", "response", "interview", "followup", "exchange"):
            ctx.bus.notify(kind)
        dialog.accept()

    dialog.resolutions_chosen.connect(chosen)
    dialog.open()


__all__ = [
    "ConflictDialog", "ExportBundleDialog", "ImportPlanDialog", "PassphraseDialog", "SpreadsheetDialog",
    "export_bundle", "export_spreadsheets", "import_bundle", "resolve_conflicts",
]
