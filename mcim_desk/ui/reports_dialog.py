"""Reports > Print a report…: choose the report, its language (French or English, whatever
the interface language), the mechanism of a profile and the file; the report is built on a
worker thread behind a progress dialog; then a message says where it was written, with Open
and Show in folder (file_written.py).

Also File > Create a demo database…, and the banner a demonstration database shows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from .context import UiContext

REPORT_KINDS = ("summary", "profile", "followups", "blank-questionnaire", "blank-interview")


def documents_dir() -> Path:
    from .file_dialogs import documents_dir as folder

    return folder()


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the dialog (a queued connection)."""

    progressed = Signal(float, str)


class ReportsDialog(QDialog):
    """Choose and build a report; ``report_written`` is emitted with its path, then the
    window says where it is (Open, Show in folder, Close)."""

    report_written = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 mechanism_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reports_dialog")
        self._path_edited = False
        self._progress: QProgressDialog | None = None
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._show_progress)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("report_kind")
        for kind in REPORT_KINDS:
            self.kind_combo.addItem("", kind)
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("report_language")
        self.lang_combo.addItem("Français", "fr")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(0 if ctx.lang == "fr" else 1)
        self.mechanism_combo = QComboBox(self)
        self.mechanism_combo.setObjectName("report_mechanism")
        # the long names of the mechanisms must not make the dialog wider than a screen
        self.mechanism_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mechanism_combo.setMinimumContentsLength(40)
        from ..services.catalogue import mechanism_rows

        for row in mechanism_rows(ctx.db):
            self.mechanism_combo.addItem(f"{row.acronym(ctx.lang)} — {row.name(ctx.lang)}", row.id)
            self.mechanism_combo.setItemData(self.mechanism_combo.count() - 1,
                                             {"en": row.acronym("en"), "fr": row.acronym("fr")},
                                             Qt.ItemDataRole.UserRole + 1)
        if mechanism_id:
            index = self.mechanism_combo.findData(mechanism_id)
            if index >= 0:
                self.mechanism_combo.setCurrentIndex(index)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("report_path")
        self.path_edit.textEdited.connect(self._mark_edited)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind_combo)
        self.lang_label = QLabel(self)
        self.lang_label.setBuddy(self.lang_combo)
        self.mechanism_label = QLabel(self)
        self.mechanism_label.setBuddy(self.mechanism_combo)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path_edit)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.lang_label, self.lang_combo)
        form.addRow(self.mechanism_label, self.mechanism_combo)
        form.addRow(self.path_label, path_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create_report")
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create_report)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.kind_combo.currentIndexChanged.connect(self._choices_changed)
        self.lang_combo.currentIndexChanged.connect(self._choices_changed)
        self.mechanism_combo.currentIndexChanged.connect(self._choices_changed)
        self.setTabOrder(self.kind_combo, self.lang_combo)
        self.setTabOrder(self.lang_combo, self.mechanism_combo)
        self.setTabOrder(self.mechanism_combo, self.path_edit)
        self.setTabOrder(self.path_edit, self.browse_button)
        self.retranslate()
        self._choices_changed()
        self.resize(620, self.sizeHint().height())

    # -- choices ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print a report"))
        names = {
            "summary": self.tr("Summary of findings"),
            "profile": self.tr("Mechanism profile"),
            "followups": self.tr("Follow-up status"),
            "blank-questionnaire": self.tr("Blank questionnaire"),
            "blank-interview": self.tr("Blank interview guide"),
        }
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, names[self.kind_combo.itemData(index)])
        self.kind_label.setText(self.tr("&Report:"))
        self.lang_label.setText(self.tr("&Language of the report:"))
        self.mechanism_label.setText(self.tr("&Mechanism:"))
        self.path_label.setText(self.tr("&File:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.create_button.setText(self.tr("&Create the report"))
        from . import access

        access.name_from_buddies(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    @property
    def lang(self) -> str:
        return self.lang_combo.currentData()

    @property
    def mechanism_id(self) -> str | None:
        return self.mechanism_combo.currentData() if self.kind == "profile" else None

    def set_choice(self, kind: str, lang: str, mechanism_id: str | None = None) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        if mechanism_id:
            self.mechanism_combo.setCurrentIndex(max(0, self.mechanism_combo.findData(mechanism_id)))

    def _mark_edited(self, _text: str) -> None:
        self._path_edited = True

    def _choices_changed(self) -> None:
        self.mechanism_combo.setEnabled(self.kind == "profile")
        self.mechanism_label.setEnabled(self.kind == "profile")
        if not self._path_edited:
            from ..services.reports import default_file_name

            acronyms = self.mechanism_combo.currentData(Qt.ItemDataRole.UserRole + 1) or {}
            acronym = acronyms.get(self.lang) if isinstance(acronyms, dict) else acronyms
            name = default_file_name(self.kind, self.lang, acronym if self.kind == "profile" else None)
            from .file_dialogs import start_folder

            folder = Path(self.path_edit.text()).parent if self.path_edit.text() else start_folder("report")
            self.path_edit.setText(str(folder / name))

    def browse(self) -> None:
        chosen = self.ctx.dialogs.save_file(
            self.tr("Save the report as"), self.path_edit.text(), self.tr("PDF files (*.pdf)"), "report"
        )
        if chosen:
            if not chosen.lower().endswith(".pdf"):
                chosen += ".pdf"
            self.path_edit.setText(chosen)
            self._path_edited = True

    # -- building -----------------------------------------------------------------------------

    def create_report(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.ctx.dialogs.error(self.tr("No file"), self.tr("Choose the file to write the report to."))
            self.path_edit.setFocus()
            return
        out = Path(text).expanduser()
        kind, lang, mechanism_id = self.kind, self.lang, self.mechanism_id
        db, zone, relay = self.ctx.db, self.ctx.prefs.time_zone, self._relay
        self._progress = QProgressDialog(self.tr("Preparing the report…"), "", 0, 100, self)
        self._progress.setObjectName("report_progress")
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(0)
        self._progress.setValue(0)
        self.create_button.setEnabled(False)

        def work() -> Path:
            from ..services.reports import build_report

            return build_report(db, kind, lang, out, mechanism=mechanism_id,
                                progress=lambda f, m: relay.progressed.emit(f, m), time_zone=zone)

        self.ctx.runner.run(work, self._done, self._failed)

    def _show_progress(self, fraction: float, message: str) -> None:
        if self._progress is not None:
            self._progress.setLabelText(message)
            self._progress.setValue(int(fraction * 100))

    def _finish_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self.create_button.setEnabled(True)

    def _done(self, path: Path) -> None:
        self._finish_progress()
        from . import file_dialogs
        from .file_written import announce_written

        file_dialogs.remember("report", path)  # a path typed in the field counts too
        self.report_written.emit(str(path))
        self.accept()
        announce_written(self.ctx.dialogs, self.tr("Report written"), [Path(path)])

    def _failed(self, exc: BaseException) -> None:
        self._finish_progress()
        from ..services.reports import ReportError

        if isinstance(exc, ReportError):
            message = str(exc)
        elif isinstance(exc, OSError):
            message = self.tr("The report could not be written to {path}: {problem}").format(
                path=self.path_edit.text(), problem=exc.strerror or exc)
        else:
            message = self.tr("The report could not be made: {problem}").format(problem=exc)
        self.ctx.dialogs.error(self.tr("Report not created"), message)


# --- demo database --------------------------------------------------------------------------


def launch_window_on(path: Path) -> bool:
    """Start another MCIM Desk window on ``path`` (the current one keeps its database)."""
    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):
        return QProcess.startDetached(sys.executable, ["--db", str(path)])[0]
    return QProcess.startDetached(sys.executable, ["-m", "mcim_desk", "--db", str(path)])[0]


def create_demo_database(ctx: UiContext, parent: QWidget, *,
                         launch: Callable[[Path], object] = launch_window_on) -> None:
    """Ask where, create the demo database on the worker thread, offer to open it."""
    from PySide6.QtCore import QCoreApplication

    chosen = ctx.dialogs.save_file(
        QCoreApplication.translate("Demo", "Create a demo database"), "mcim-desk-demo.sqlite3",
        QCoreApplication.translate("Demo", "SQLite databases (*.sqlite3)"), "database")
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix == "":
        path = path.with_suffix(".sqlite3")
    progress = QProgressDialog(QCoreApplication.translate("Demo", "Creating the demo database…"), "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    relay = _ProgressRelay(parent)
    zone = ctx.prefs.time_zone
    relay.progressed.connect(lambda f, m: (progress.setLabelText(m), progress.setValue(int(f * 100))))

    def work():  # noqa: ANN202 - a DemoSummary
        from ..services.demo import create_demo

        return create_demo(path, lambda f, m: relay.progressed.emit(f, m), time_zone=zone)

    def done(summary) -> None:  # noqa: ANN001 - a DemoSummary
        progress.close()
        relay.deleteLater()
        text = QCoreApplication.translate("Demo", "The demo database was created:\n{path}\n\nEverything in it is fictional. "
                          "Open it in a new window?").format(path=summary.path)
        if ctx.dialogs.confirm(QCoreApplication.translate("Demo", "Demo database created"), text):
            launch(summary.path)

    def failed(exc: BaseException) -> None:
        progress.close()
        relay.deleteLater()
        ctx.dialogs.error(QCoreApplication.translate("Demo", "Demo database not created"), str(exc))

    ctx.runner.run(work, done, failed)


class DemoBanner(QToolBar):
    """A red band across the window: the data on screen is fictional."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel(self)
        self.label.setObjectName("demo_banner_label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(
            "QLabel { background: #b00020; color: white; font-weight: bold; padding: 4px; }"
        )
        self.addWidget(self.label)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("FICTIONAL DATA — DEMONSTRATION: everything in this database is invented"))
        self.setWindowTitle(self.tr("Demonstration"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["DemoBanner", "ReportsDialog", "create_demo_database", "documents_dir"]
