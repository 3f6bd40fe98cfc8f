"""The fillable questionnaire PDF in the window (issue 7).

- File > Questionnaire as fillable PDF…: asks the language and whether to include the
  answers already recorded, then the file name; written on the task runner.
- File > Import a filled questionnaire (PDF)…, and a .pdf dropped on the window: the file is
  read (in a child process, on the task runner) and the REVIEW SCREEN shows each answer
  that differs from the database side by side — question, value in the database, value in
  the PDF, validity — with a check box per answer (Space toggles the selected rows; "Accept
  all valid"; "Reject all"), and the problems found per field. Apply saves the accepted
  answers in one transaction; nothing is saved before.

Text from the PDF is data: it is shown in item views and plain-text widgets only, never as
rich text (no tooltips built from it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .colours import colour, text_style

if TYPE_CHECKING:
    from ..services.pdf_forms import PdfImportPlan
    from .main_window import MainWindow

META_FIELD = "_mcim_meta"  # the hidden field: its problems concern the whole file


def _plain_text(text: str) -> str:
    """A message box text that shows ``text`` as it is: message boxes guess rich text, and
    a message can quote a file's name or content (``<img src=...>``)."""
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpaceNormal)


def _plain(label: QLabel) -> QLabel:
    """User text is data, never markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# --- the review screen ----------------------------------------------------------------------


class PdfChangesModel(QAbstractTableModel):
    """The plan's differences, one row each: accept?, question, database, PDF, validity."""

    acceptance_changed = Signal()
    ACCEPT, QUESTION, DATABASE, PDF, VALIDITY = range(5)

    def __init__(self, plan: PdfImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.changes = list(plan.changes)
        self.accepted: set[str] = set()

    # -- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Accept"),
            self.tr("Question"),
            self.tr("In the database"),
            self.tr("In the PDF"),
            self.tr("Validity"),
        )[section]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ACCEPT and self.changes[index.row()].savable:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        change = self.changes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.ACCEPT:
            accepted = change.key in self.accepted
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ACCEPT:
                return "" if change.savable else self.tr("cannot be saved")
            if column == self.QUESTION:
                return _one_line(change.question, 110)
            if column == self.DATABASE:
                return _one_line(change.db_text) or self.tr("(empty)")
            if column == self.PDF:
                if change.kind == "row_remove":
                    return self.tr("(emptied: remove this row)")
                return _one_line(change.pdf_text) or self.tr("(empty: clear the answer)")
            if column == self.VALIDITY:
                return change.message or self.tr("valid")
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.VALIDITY:
                return colour("error" if change.message else "success")
            if column == self.DATABASE and not change.db_text:
                return colour("muted")
            if column == self.PDF and not change.pdf_text:
                return colour("muted")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.ACCEPT:
            return self.tr("Accept the PDF's answer to {question}").format(question=change.question)
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:  # noqa: N802
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != self.ACCEPT
        ):
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        return self.set_accepted([index.row()], state == Qt.CheckState.Checked)

    # -- acceptance
    def set_accepted(self, rows: list[int], accept: bool) -> bool:
        changed = False
        for row in rows:
            change = self.changes[row]
            if not change.savable:
                continue
            if accept and change.key not in self.accepted:
                self.accepted.add(change.key)
                changed = True
            elif not accept and change.key in self.accepted:
                self.accepted.discard(change.key)
                changed = True
            index = self.index(row, self.ACCEPT)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        if changed:
            self.acceptance_changed.emit()
        return changed

    def toggle(self, rows: list[int]) -> None:
        """Space on the selected rows: accept them all, or reject them all when all were."""
        savable = [r for r in rows if self.changes[r].savable]
        if not savable:
            return
        all_accepted = all(self.changes[r].key in self.accepted for r in savable)
        self.set_accepted(savable, not all_accepted)

    def accept_valid(self) -> None:
        self.set_accepted([r for r, c in enumerate(self.changes) if c.valid], True)
        self.set_accepted([r for r, c in enumerate(self.changes) if not c.valid], False)

    def reject_all(self) -> None:
        self.set_accepted(list(range(len(self.changes))), False)

    def accepted_keys(self) -> list[str]:
        return [c.key for c in self.changes if c.key in self.accepted]


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ⏎ ".join(line for line in text.splitlines() if line.strip()) if text else ""
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ChangesView(QTableView):
    """The differences table: Space toggles the acceptance of the selected rows."""

    toggle_requested = Signal(list)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
            if not rows and self.currentIndex().isValid():
                rows = [self.currentIndex().row()]
            self.toggle_requested.emit(rows)
            event.accept()
            return
        super().keyPressEvent(event)


class PdfImportDialog(QDialog):
    """The review screen of a returned questionnaire PDF. ``apply_requested(keys)`` carries
    the accepted answers; the caller saves them and closes the dialog (or shows an error)."""

    apply_requested = Signal(list)

    def __init__(self, plan: PdfImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_import_dialog")
        self.plan = plan
        self.setWindowTitle(
            self.tr("Review a filled questionnaire — {file}").format(file=plan.file_name)
        )
        self.model = PdfChangesModel(plan, self)

        heading = _plain(QLabel(self))
        heading.setObjectName("pdf_heading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setText(
            self.tr("{file}: questionnaire of {mechanism}").format(
                file=plan.file_name, mechanism=plan.mechanism_label
            )
        )
        if plan.response_id is None:
            target = self.tr(
                "This mechanism has no questionnaire response yet: applying creates it."
            )
        else:
            target = self.tr(
                "Compared with the questionnaire response recorded here (form version {version}, "
                "status: {status})."
            ).format(version=plan.form_version, status=self._status(plan.response_status))
        counts = self.tr(
            "{changes} answer(s) differ; {same} are the same in both; {newer} changed here since the "
            "file was made and were left unchanged in it (kept as they are here)."
        ).format(changes=len(plan.changes), same=plan.unchanged, newer=plan.newer_here)
        self.summary = _plain(QLabel(f"{target}\n{counts}", self))
        self.summary.setObjectName("pdf_summary")

        self.view = ChangesView(self)
        self.view.setObjectName("pdf_changes")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PdfChangesModel.ACCEPT, QHeaderView.ResizeMode.ResizeToContents)
        for column in (
            PdfChangesModel.QUESTION,
            PdfChangesModel.DATABASE,
            PdfChangesModel.PDF,
            PdfChangesModel.VALIDITY,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.toggle_requested.connect(self.model.toggle)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.view.setTabKeyNavigation(False)

        self.db_detail = QPlainTextEdit(self)
        self.db_detail.setObjectName("db_detail")
        self.pdf_detail = QPlainTextEdit(self)
        self.pdf_detail.setObjectName("pdf_detail")
        for editor in (self.db_detail, self.pdf_detail):
            editor.setReadOnly(True)
            editor.setTabChangesFocus(True)
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_question = _plain(QLabel(self))
        self.detail_validity = _plain(QLabel(self))
        detail = QWidget(self)
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.detail_question, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("In the database"), detail), 1, 0)
        grid.addWidget(QLabel(self.tr("In the PDF"), detail), 1, 1)
        grid.addWidget(self.db_detail, 2, 0)
        grid.addWidget(self.pdf_detail, 2, 1)
        grid.addWidget(self.detail_validity, 3, 0, 1, 2)

        self.problems = QTableWidget(len(plan.problems), 3, self)
        self.problems.setObjectName("pdf_problems")
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Question"), self.tr("Problem")]
        )
        self.problems.verticalHeader().hide()
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(True)
        self.problems.setTabKeyNavigation(False)
        for row, problem in enumerate(plan.problems):
            field = (
                problem.field
                if problem.field and problem.field != META_FIELD
                else self.tr("(the whole file)")
            )
            for column, text in enumerate(
                (field, _one_line(problem.question, 100), problem.message)
            ):
                self.problems.setItem(row, column, QTableWidgetItem(text))
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.setColumnWidth(0, 230)
        self.problems.setColumnWidth(1, 260)
        self.problems_label = QLabel(
            self.tr("Problems found in the file, per field ({count}):").format(
                count=len(plan.problems)
            ),
            self,
        )
        self.problems_label.setBuddy(self.problems)
        self.problems.setVisible(bool(plan.problems))
        self.problems_label.setVisible(bool(plan.problems))

        self.count_label = QLabel(self)
        self.count_label.setObjectName("accepted_count")
        self.error = _plain(QLabel(self))
        self.error.setObjectName("pdf_error")
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.hide()

        buttons = QDialogButtonBox(self)
        self.accept_valid_button = QPushButton(self.tr("Accept all &valid"), self)
        self.accept_valid_button.setObjectName("accept_valid")
        self.reject_all_button = QPushButton(self.tr("&Reject all"), self)
        self.reject_all_button.setObjectName("reject_all")
        buttons.addButton(self.accept_valid_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reject_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = buttons.addButton(
            self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("apply_button")
        self.apply_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.accept_valid_button.clicked.connect(self.model.accept_valid)
        self.reject_all_button.clicked.connect(self.model.reject_all)
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._apply)
        self.model.acceptance_changed.connect(self._update_count)

        table_label = QLabel(
            self.tr("&Differences (Space accepts or rejects the selected rows):"), self
        )
        table_label.setBuddy(self.view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        upper = QWidget(splitter)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(table_label)
        upper_layout.addWidget(self.view)
        splitter.addWidget(upper)
        splitter.addWidget(detail)
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.problems_label)
        lower_layout.addWidget(self.problems)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([380, 150, 170] if plan.problems else [460, 170, 0])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        from . import access

        access.view(self.view, self.tr("Differences"))
        access.name(self.db_detail, self.tr("In the database"))
        access.name(self.pdf_detail, self.tr("In the PDF"))
        self.setTabOrder(self.view, self.db_detail)
        self.setTabOrder(self.db_detail, self.pdf_detail)
        self.setTabOrder(self.pdf_detail, self.problems)
        self.setTabOrder(self.problems, self.accept_valid_button)
        self.setTabOrder(self.accept_valid_button, self.reject_all_button)
        self.setTabOrder(self.reject_all_button, self.apply_button)
        self.resize(1100, 720)
        self._update_count()
        if self.model.rowCount():
            self.view.selectRow(0)
            self.view.setCurrentIndex(self.model.index(0, PdfChangesModel.ACCEPT))
        self.view.setFocus()

    def _status(self, status: str | None) -> str:
        return {
            "draft": self.tr("draft"),
            "complete": self.tr("complete"),
            "validated": self.tr("validated"),
        }.get(status or "", status or "")

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        change = self.model.changes[current.row()]
        self.detail_question.setText(change.question)
        self.db_detail.setPlainText(change.db_text)
        self.pdf_detail.setPlainText(change.pdf_text)
        self.detail_validity.setText(change.message or self.tr("The PDF's answer is valid."))
        self.detail_validity.setStyleSheet(
            text_style("error" if change.message else "success", self.detail_validity)
        )

    def _update_count(self) -> None:
        accepted = len(self.model.accepted)
        self.count_label.setText(
            self.tr(
                "{accepted} of {total} difference(s) accepted; the others are left as "
                "they are here."
            ).format(accepted=accepted, total=len(self.model.changes))
        )
        self.apply_button.setEnabled(accepted > 0)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _apply(self) -> None:
        keys = self.model.accepted_keys()
        if keys:
            self.apply_requested.emit(keys)


# --- making the PDF -------------------------------------------------------------------------


class QuestionnairePdfDialog(QDialog):
    """Language and earlier answers of a fillable questionnaire; ``pdf_requested(lang,
    with_answers)`` when the user goes on."""

    pdf_requested = Signal(str, bool)

    def __init__(
        self, mechanism_label: str, lang: str, has_answers: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire_pdf_dialog")
        self.setWindowTitle(self.tr("Questionnaire as fillable PDF"))
        intro = _plain(
            QLabel(
                self.tr(
                    "A PDF the chair can fill in with any PDF reader and send back; importing the returned file "
                    "shows each answer for review before anything is saved. The mechanism's name, chair and head "
                    "of secretariat are filled in from its card."
                ),
                self,
            )
        )
        mechanism = _plain(QLabel(mechanism_label, self))
        self.language = QComboBox(self)
        self.language.setObjectName("pdf_language")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "fr" else 1)
        self.with_answers = QCheckBox(self.tr("&Include the answers already recorded"), self)
        self.with_answers.setObjectName("with_answers")
        self.with_answers.setChecked(has_answers)
        self.with_answers.setEnabled(has_answers)
        form = QFormLayout()
        form.addRow(self.tr("Mechanism:"), mechanism)
        form.addRow(self.tr("&Language of the form:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            self.tr("&Save as…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.with_answers)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        from . import access

        access.name_from_buddies(self)

    def _accept(self) -> None:
        self.pdf_requested.emit(self.language.currentData(), self.with_answers.isChecked())
        self.accept()


def export_questionnaire_pdf(window: MainWindow) -> None:
    """File > Questionnaire as fillable PDF… for the selected mechanism."""
    ctx = window.ctx
    if ctx is None:
        return
    mechanism_id = window.list_panel.current_id()
    if not mechanism_id:
        ctx.dialogs.info(
            QCoreApplication.translate("PdfFormsMenu", "Questionnaire as fillable PDF"),
            QCoreApplication.translate("PdfFormsMenu", "Select a mechanism in the list first."),
        )
        return
    from ..services import catalogue, responses
    from ..services.pdf_forms import PdfFormError, make_questionnaire_pdf, suggested_file_name

    row = catalogue.mechanism_card(ctx.db, mechanism_id).row
    response = responses.current_questionnaire(ctx.db, mechanism_id)
    has_answers = response is not None and any(
        value for path, value in responses.answers(ctx.db, response.id).items() if value
    )
    dialog = QuestionnairePdfDialog(
        f"{row.acronym(ctx.lang)} — {row.name(ctx.lang)}", ctx.lang, has_answers, window
    )

    def chosen(lang: str, with_answers: bool) -> None:
        out = ctx.dialogs.save_file(
            QCoreApplication.translate("PdfFormsMenu", "Questionnaire as fillable PDF"),
            suggested_file_name(row.acronym(lang), lang),
            QCoreApplication.translate("PdfFormsMenu", "PDF files") + " (*.pdf)", "pdf_form",
        )
        if not out:
            return
        path = Path(out)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def done(written: Path) -> None:
            from .file_written import announce_written

            announce_written(ctx.dialogs, QCoreApplication.translate(
                "PdfFormsMenu", "Fillable questionnaire written"), [written])

        def failed(exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, PdfFormError | OSError) else repr(exc)
            ctx.dialogs.error(
                QCoreApplication.translate("PdfFormsMenu", "Questionnaire not written"),
                _plain_text(message),
            )

        ctx.runner.run(
            lambda: make_questionnaire_pdf(ctx.db, mechanism_id, lang, path, with_answers),
            done,
            failed,
        )

    dialog.pdf_requested.connect(chosen)
    dialog.open()


def _expected_mechanism(window: MainWindow) -> str | None:
    """The mechanism the user is looking at the questionnaire of (None elsewhere)."""
    from .questionnaire_page import QuestionnairePage

    page = window.tabs.currentWidget()
    return page.mechanism_id if isinstance(page, QuestionnairePage) else None


def import_questionnaire_pdf(window: MainWindow, path: str | None = None) -> None:
    """Choose (or take) a filled PDF, read it, show the review screen; Apply saves."""
    ctx = window.ctx
    if ctx is None:
        return
    chosen = path or ctx.dialogs.open_file(
        QCoreApplication.translate("PdfFormsMenu", "Import a filled questionnaire (PDF)"),
        QCoreApplication.translate("PdfFormsMenu", "PDF files") + " (*.pdf)", "pdf_form",
    )
    if not chosen:
        return
    from ..services.pdf_forms import PdfFormError
    from ..services.pdf_returns import preview_pdf_import

    expected = _expected_mechanism(window)
    window.statusBar().showMessage(
        QCoreApplication.translate("PdfFormsMenu", "Reading {file}…").format(file=Path(chosen).name)
    )

    def previewed(plan: PdfImportPlan) -> None:
        window.statusBar().clearMessage()
        dialog = PdfImportDialog(plan, window)
        dialog.apply_requested.connect(lambda keys: _apply(window, dialog, plan, keys))
        dialog.open()

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        message = str(exc) if isinstance(exc, PdfFormError) else f"{Path(chosen).name}: {exc!r}"
        ctx.dialogs.error(
            QCoreApplication.translate("PdfFormsMenu", "Questionnaire not imported"),
            _plain_text(message),
        )

    ctx.runner.run(
        lambda: preview_pdf_import(ctx.db, chosen, ctx.lang, expected_mechanism_id=expected),
        previewed,
        failed,
    )


def _apply(
    window: MainWindow,
    dialog: PdfImportDialog,
    plan: PdfImportPlan,
    keys: list[str],
    confirm: bool = False,
) -> None:
    ctx = window.ctx
    from ..services.pdf_returns import apply_pdf_import
    from ..services.responses import NeedsConfirmation, ResponseError

    def done(result) -> None:  # noqa: ANN001 - PdfImportResult
        ctx.bus.notify("response", [result.response_id])
        ctx.bus.notify("answer", [result.response_id])
        from .questionnaire_page import QuestionnairePage

        for page in window.findChildren(QuestionnairePage):
            if page.mechanism_id == plan.mechanism_id:
                page.show_mechanism(plan.mechanism_id)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "PdfFormsMenu", "{file}: {changed} answer(s) saved from the PDF form."
            ).format(file=plan.file_name, changed=result.changed + result.rows_removed),
            10000,
        )
        dialog.accept()

    def failed(exc: BaseException) -> None:
        if isinstance(exc, NeedsConfirmation) and not confirm:
            if ctx.dialogs.confirm(
                QCoreApplication.translate("PdfFormsMenu", "Import a filled questionnaire (PDF)"),
                str(exc),
            ):
                _apply(window, dialog, plan, keys, confirm=True)
            return
        dialog.show_error(str(exc) if isinstance(exc, ResponseError) else repr(exc))

    ctx.runner.run(
        lambda: apply_pdf_import(ctx.db, plan, keys, ctx.actor, confirm_validated=confirm),
        done,
        failed,
    )


# --- drag and drop ------------------------------------------------------------------------------


def _pdf_paths(event: Any) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf")
    ]


def handle_drop(window: MainWindow, event: QEvent) -> bool:
    """The main window's drag and drop (see ``features._install_pdf_forms``): a .pdf dragged
    over it is accepted; dropped, each one opens its review. True when the event was used."""
    if window.ctx is None:
        return False
    paths = _pdf_paths(event)
    if not paths:
        return False
    event.acceptProposedAction()
    if event.type() == QEvent.Type.Drop:
        for path in paths:
            import_questionnaire_pdf(window, path)
    return True


__all__ = [
    "ChangesView",
    "PdfChangesModel",
    "PdfImportDialog",
    "QuestionnairePdfDialog",
    "export_questionnaire_pdf",
    "handle_drop",
    "import_questionnaire_pdf",
]
