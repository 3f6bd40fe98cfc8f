"""The quote dialog of the call workspace and the quote browser: the quoted words, tags from
the Compact's themes, principles and objectives (a filterable check list) plus free tags, and
the speaker's consent; and the tags as people read them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .colours import text_style
from .context import UiContext
from .widgets_common import error_label


class QuoteDialog(QDialog):
    """The quoted words, tags from the Compact (a filterable check list) plus free tags, and
    "cleared for publication", possible only when the interviewee's consent allows it.
    ``submit(tags, cleared)`` saves; a refusal shows here and nothing is saved."""

    quote_saved = Signal(object)

    def __init__(self, ctx: UiContext, text: str, allows_publication: bool,
                 submit: Callable[[tuple[str, ...], bool], object], parent: QWidget | None = None,
                 *, tags: tuple[str, ...] = (), cleared: bool = False, speaker: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.submit = submit
        self.setObjectName("quote_dialog")
        self.setWindowTitle(self.tr("Quote"))
        self.resize(620, 560)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("quote_text")
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        self.text.setMaximumHeight(110)
        self.speaker = QLabel(speaker, self)
        self.speaker.setTextFormat(Qt.TextFormat.PlainText)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("tag_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter the themes, principles and objectives…"))
        self.filter.textChanged.connect(self._filter)
        self.tags = QListWidget(self)
        self.tags.setObjectName("tag_list")
        self.tags.setWordWrap(True)  # the objectives' long titles wrap rather than run off the side
        self.reference_names: list[str] = []
        for name, caption in reference_tags(ctx):
            item = QListWidgetItem(caption, self.tags)
            item.setToolTip(caption)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.reference_names.append(name)
        self.free_tags = QLineEdit(self)
        self.free_tags.setObjectName("free_tags")
        self.free_tags.setPlaceholderText(self.tr("Other tags, separated by commas"))
        self.cleared = QCheckBox(self.tr("&Cleared for publication"), self)
        self.cleared.setObjectName("quote_cleared")
        self.cleared.setEnabled(allows_publication)
        self.consent_note = QLabel(self)
        self.consent_note.setObjectName("consent_note")
        self.consent_note.setWordWrap(True)
        self.consent_note.setStyleSheet(text_style("muted", self.consent_note))
        self.consent_note.setText(self.tr(
            "Cleared for publication needs the interviewee’s consent to be named or quoted; it "
            "has not been recorded for this interview."))
        self.consent_note.setVisible(not allows_publication)
        self.error = error_label(self, "quote_error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Quote"), self.text)
        if speaker:
            form.addRow(self.tr("Speaker"), self.speaker)
        form.addRow(self.tr("&Tags from the Compact"), self.filter)
        form.addRow("", self.tags)
        form.addRow(self.tr("&Other tags"), self.free_tags)
        form.addRow("", self.cleared)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consent_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.set_tags(tags)
        self.cleared.setChecked(cleared and allows_publication)
        from . import access

        access.name_from_buddies(self)
        access.view(self.tags, self.tr("Tags from the Compact"))
        access.name(self.filter, self.tr("Filter the tags from the Compact"))
        self.filter.setFocus()

    def set_tags(self, tags: tuple[str, ...] | list[str]) -> None:
        wanted = set(tags)
        for row in range(self.tags.count()):
            item = self.tags.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.free_tags.setText(", ".join(t for t in tags if t not in self.reference_names))

    def chosen_tags(self) -> tuple[str, ...]:
        chosen = [
            self.tags.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.tags.count())
            if self.tags.item(r).checkState() == Qt.CheckState.Checked
        ]
        chosen += [t.strip() for t in self.free_tags.text().split(",") if t.strip()]
        return tuple(chosen)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.tags.count()):
            item = self.tags.item(row)
            haystack = f"{item.text()} {item.data(Qt.ItemDataRole.UserRole)}".casefold()
            item.setHidden(not all(w in haystack for w in words))
        self.tags.scrollToTop()

    def _accept(self) -> None:
        from ..services.catalogue import ValidationError

        try:
            result = self.submit(self.chosen_tags(), self.cleared.isChecked())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.quote_saved.emit(result)
        self.accept()


def short_tag(name: str) -> str:
    """A tag as people read it: "objective_3" -> "Objective 3"; free tags as typed."""
    kind, _, number = name.rpartition("_")
    captions = {
        "theme": QApplication.translate("CallWorkspace", "Theme {n}"),
        "principle": QApplication.translate("CallWorkspace", "Principle {n}"),
        "objective": QApplication.translate("CallWorkspace", "Objective {n}"),
    }
    if kind in captions and number.isdigit():
        return captions[kind].format(n=number)
    return name


def reference_tags(ctx: UiContext) -> list[tuple[str, str]]:
    """(name, caption) of the Compact's themes, principles and objectives, in that order."""
    from ..services.catalogue import reference_labels

    captions = {
        "theme": QApplication.translate("CallWorkspace", "Theme {n}: {label}"),
        "principle": QApplication.translate("CallWorkspace", "Principle {n}: {label}"),
        "objective": QApplication.translate("CallWorkspace", "Objective {n}: {label}"),
    }
    result = []
    for kind in ("theme", "principle", "objective"):
        for label in reference_labels(ctx.db, kind):
            number = label.name.rsplit("_", 1)[-1]
            result.append((label.name, captions[kind].format(n=number, label=label.text(ctx.lang))))
    return result
