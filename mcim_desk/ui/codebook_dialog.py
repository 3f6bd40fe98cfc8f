"""The codebook (codes with French and English labels, a colour and an optional parent code)
and the coding of free-text answers: "Code selection…" in an answer's context menu marks the
selected words with codes. Creating, editing and deleting codes are undoable.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .colours import text_style
from .context import UiContext
from .widgets_common import CallbackCommand, error_label

PALETTE = ("#2a7ab0", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b")


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


# --- one code ---------------------------------------------------------------------------------


class CodeEditDialog(QDialog):
    """Edit one code; ``submit(CodeInfo)`` saves, a refusal shows here."""

    code_saved = Signal(object)

    def __init__(self, ctx: UiContext, code, codes: list, submit: Callable[[object], object],  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..services.quotes import CodeInfo

        self.ctx, self.submit = ctx, submit
        self.code = code or CodeInfo("", "", "", PALETTE[len(codes) % len(PALETTE)])
        self.setObjectName("code_edit_dialog")
        self.setWindowTitle(self.tr("Code") if code else self.tr("New code"))
        self.label_fr = QLineEdit(self.code.label_fr, self)
        self.label_fr.setObjectName("code_label_fr")
        self.label_en = QLineEdit(self.code.label_en, self)
        self.label_en.setObjectName("code_label_en")
        self.colour = QLineEdit(self.code.colour, self)
        self.colour.setObjectName("code_colour")
        self.colour.setMaximumWidth(110)
        self.colour.textChanged.connect(self._show_swatch)
        self.swatch = QLabel(self)
        self.swatch.setFixedSize(22, 22)
        pick = QPushButton(self.tr("C&hoose…"), self)
        pick.clicked.connect(self._choose_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(pick)
        colour_row.addStretch(1)
        self.parent_code = QComboBox(self)
        self.parent_code.setObjectName("code_parent")
        self.parent_code.addItem(self.tr("(none: a top-level code)"), "")
        excluded = _descendants(codes, self.code.id) if self.code.id else set()
        for other in codes:
            if other.id and other.id not in excluded:
                self.parent_code.addItem(swatch(other.colour), other.label(ctx.lang), other.id)
        self.parent_code.setCurrentIndex(max(0, self.parent_code.findData(self.code.parent_id or "")))
        self.error = error_label(self, "code_error")
        form = QFormLayout()
        form.addRow(self.tr("Label (&French)"), self.label_fr)
        form.addRow(self.tr("Label (&English)"), self.label_en)
        colour_label = QLabel(self.tr("&Colour"), self)
        colour_label.setBuddy(self.colour)
        form.addRow(colour_label, colour_row)
        form.addRow(self.tr("&Parent code"), self.parent_code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_swatch()

    def _show_swatch(self) -> None:
        colour = QColor(self.colour.text().strip())
        self.swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid #555;" if colour.isValid()
                                  else "border: 1px dashed #b00020;")

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour.text().strip() or "#808080"), self)
        if chosen.isValid():
            self.colour.setText(chosen.name())

    def info(self):  # noqa: ANN201 - CodeInfo
        from ..services.quotes import CodeInfo

        return CodeInfo(self.code.id, self.label_fr.text(), self.label_en.text(), self.colour.text(),
                        self.parent_code.currentData() or None, self.code.revision, self.code.uses)

    def _accept(self) -> None:
        from ..services.catalogue import ValidationError

        try:
            saved = self.submit(self.info())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            widget = {"label_fr": self.label_fr, "colour": self.colour, "parent_id": self.parent_code}.get(exc.field)
            if widget is not None:
                widget.setFocus()
            return
        self.code_saved.emit(saved)
        self.accept()


def _descendants(codes: list, code_id: str) -> set[str]:
    result = {code_id}
    changed = True
    while changed:
        changed = False
        for code in codes:
            if code.parent_id in result and code.id not in result:
                result.add(code.id)
                changed = True
    return result


def save_code_undoable(ctx: UiContext, code, on_error: Callable[[BaseException], None]):  # noqa: ANN001, ANN201
    """Create or update a code as one undoable command; returns the saved CodeInfo."""
    from ..services import quotes

    db, actor = ctx.db, ctx.actor
    before = next((c for c in quotes.codes(db) if c.id == code.id), None) if code.id else None
    if not code.id:
        from dataclasses import replace

        code = replace(code, id=str(uuid.uuid4()))
    saved = quotes.save_code(db, code, actor)

    def undo() -> None:
        if before is None:
            quotes.delete_code(db, saved.id, actor)
        else:
            quotes.save_code(db, before, actor)
        ctx.bus.notify("code", [saved.id])

    def redo() -> None:
        quotes.save_code(db, saved, actor)
        ctx.bus.notify("code", [saved.id])

    if before is None:
        text = QCoreApplication.translate("CodebookDialog", "New code {label}")
    else:
        text = QCoreApplication.translate("CodebookDialog", "Edit code {label}")
    text = text.format(label=saved.label(ctx.lang))
    ctx.undo.push(CallbackCommand(text, undo, redo, on_error))
    ctx.bus.notify("code", [saved.id])
    return saved


# --- the codebook -----------------------------------------------------------------------------


class CodebookDialog(QDialog):
    """The codebook as a tree (parents and sub-codes), with how often each code is used."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.codes: list = []
        self.setObjectName("codebook_dialog")
        self.resize(640, 460)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("codebook_tree")
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(lambda _i, _c: self.edit_code())
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("code_add")
        self.add_button.clicked.connect(self.add_code)
        self.sub_button = QPushButton(self)
        self.sub_button.setObjectName("code_add_sub")
        self.sub_button.clicked.connect(lambda: self.add_code(sub=True))
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("code_edit")
        self.edit_button.clicked.connect(self.edit_code)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("code_delete")
        self.delete_button.clicked.connect(self.delete_code)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(ctx.undo.undo)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(text_style("muted", self.note))
        self.error = error_label(self, "codebook_error")
        row = QHBoxLayout()
        for b in (self.add_button, self.sub_button, self.edit_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.undo_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_code)
        QShortcut(QKeySequence.StandardKey.Delete, self, self.delete_code)
        QShortcut(QKeySequence.StandardKey.Undo, self, ctx.undo.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, ctx.undo.redo)
        ctx.bus.data_changed.connect(self._data_changed)
        self.retranslate()
        self.reload()

    def reload(self, select: str | None = None) -> None:
        from ..services import quotes

        keep = select or self.current_id()
        self.codes = quotes.codes(self.ctx.db)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for code in self.codes:
            parent = items.get(code.parent_id or "")
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(0, code.label(self.ctx.lang))
            item.setIcon(0, swatch(code.colour))
            item.setText(1, code.label_fr)
            item.setText(2, code.label_en)
            item.setText(3, str(code.uses))
            item.setData(0, Qt.ItemDataRole.UserRole, code.id)
            items[code.id] = item
        self.tree.expandAll()
        if keep in items:
            self.tree.setCurrentItem(items[keep])
        elif self.codes:
            self.tree.setCurrentItem(items[self.codes[0].id])
        self._selection_changed()

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def current(self):  # noqa: ANN201 - CodeInfo | None
        wanted = self.current_id()
        return next((c for c in self.codes if c.id == wanted), None)

    def _selection_changed(self) -> None:
        has = self.current() is not None
        for b in (self.sub_button, self.edit_button, self.delete_button):
            b.setEnabled(has)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def add_code(self, sub: bool = False) -> CodeEditDialog:
        from ..services.quotes import CodeInfo

        parent = self.current() if sub else None
        preset = None
        if parent is not None:
            preset = CodeInfo("", "", "", parent.colour, parent.id)
        dialog = CodeEditDialog(self.ctx, preset, self.codes,
                                lambda info: save_code_undoable(self.ctx, info, self._failed), self)
        if preset is not None:
            dialog.setWindowTitle(self.tr("New sub-code"))
        dialog.code_saved.connect(lambda saved: self.reload(select=saved.id))
        dialog.open()
        return dialog

    def edit_code(self) -> CodeEditDialog | None:
        code = self.current()
        if code is None:
            return None
        dialog = CodeEditDialog(self.ctx, code, self.codes,
                                lambda info: save_code_undoable(self.ctx, info, self._failed), self)
        dialog.code_saved.connect(lambda saved: self.reload(select=saved.id))
        dialog.open()
        return dialog

    def delete_code(self) -> None:
        """A tombstone, undoable: sub-codes move up, coded passages keep the code's id."""
        from dataclasses import replace

        from ..services import quotes

        code = self.current()
        if code is None:
            return
        if code.uses and not self.ctx.dialogs.confirm(
            self.tr("Delete a code"),
            self.tr("“{label}” marks %n passage(s). Delete it from the codebook? (Undo brings it back.)",
                    "", code.uses).format(label=code.label(self.ctx.lang)),
        ):
            return
        db, actor = self.ctx.db, self.ctx.actor
        children = [c for c in self.codes if c.parent_id == code.id]
        quotes.delete_code(db, code.id, actor)

        def undo() -> None:
            quotes.save_code(db, code, actor)
            for child in children:
                quotes.save_code(db, replace(child, parent_id=code.id), actor)
            self.ctx.bus.notify("code", [code.id])

        def redo() -> None:
            quotes.delete_code(db, code.id, actor)
            self.ctx.bus.notify("code", [code.id])

        self.ctx.undo.push(CallbackCommand(self.tr("Delete code {label}").format(label=code.label(self.ctx.lang)),
                                           undo, redo, self._failed))
        self.ctx.bus.notify("code", [code.id])

    def _data_changed(self, kind: str, _ids: list) -> None:
        if kind == "code":
            self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Codebook"))
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("French"), self.tr("English"), self.tr("Passages")])
        self.add_button.setText(self.tr("&Add a code…"))
        self.sub_button.setText(self.tr("Add a &sub-code…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.undo_button.setText(self.tr("&Undo"))
        from . import access

        access.view(self.tree, self.tr("Codebook"))
        self.note.setText(self.tr("Codes mark passages of free-text answers (for example the study’s "
                                  "“facilitate dialogue”, “information notes”, “training workshops”). "
                                  "Select words in an answer and choose “Code selection…” in its menu."))
        if self.codes and self.isVisible():
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        try:
            self.ctx.bus.data_changed.disconnect(self._data_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


# --- coding a selection -----------------------------------------------------------------------


class CodeSelectionDialog(QDialog):
    """Choose the codes of the selected words (a filterable check list); "New code…" adds one
    to the codebook on the way."""

    passage_saved = Signal(object)

    def __init__(self, ctx: UiContext, text: str, submit: Callable[[tuple[str, ...]], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.submit = ctx, submit
        self.setObjectName("code_selection_dialog")
        self.setWindowTitle(self.tr("Code the selection"))
        self.resize(520, 460)
        self.text = QPlainTextEdit(text, self)
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(90)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("code_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter the codes…"))
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setObjectName("code_choices")
        new_code = QPushButton(self.tr("&New code…"), self)
        new_code.setObjectName("code_selection_new")
        new_code.clicked.connect(self.new_code)
        self.error = error_label(self, "code_selection_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Selected words"), self))
        layout.addWidget(self.text)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(new_code, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.fill()
        self.filter.setFocus()
        from . import access

        access.name(self.text, self.tr("Selected words"))
        access.name(self.filter, self.tr("Filter the codes"))
        access.view(self.list, self.tr("Codes"))

    def fill(self, check: tuple[str, ...] = ()) -> None:
        from ..services import quotes

        checked = set(check) | set(self.chosen())
        self.list.clear()
        depth: dict[str, int] = {}
        for code in quotes.codes(self.ctx.db):
            depth[code.id] = depth.get(code.parent_id, -1) + 1 if code.parent_id else 0
            item = QListWidgetItem(swatch(code.colour), "    " * depth[code.id] + code.label(self.ctx.lang),
                                   self.list)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code.id in checked else Qt.CheckState.Unchecked)

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, code_ids: tuple[str, ...] | list[str]) -> None:
        wanted = set(code_ids)
        for r in range(self.list.count()):
            item = self.list.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for r in range(self.list.count()):
            item = self.list.item(r)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    def new_code(self) -> CodeEditDialog:
        from ..services import quotes

        dialog = CodeEditDialog(self.ctx, None, quotes.codes(self.ctx.db),
                                lambda info: save_code_undoable(self.ctx, info, self._failed), self)
        dialog.code_saved.connect(lambda saved: self.fill(check=(saved.id,)))
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def _accept(self) -> None:
        from ..services.catalogue import ValidationError

        try:
            saved = self.submit(self.chosen())
        except ValidationError as exc:
            self._failed(exc)
            return
        self.passage_saved.emit(saved)
        self.accept()


def code_selection(ctx: UiContext, form, path: str, selected: str, start: int, end: int):  # noqa: ANN001, ANN201
    """The "Code selection…" answer action of a FormView: a dialog, or a message when there is
    nothing to code."""
    from ..services import quotes

    response = getattr(form, "response", None)
    if response is None:
        return None
    if not selected.strip():
        ctx.dialogs.info(QCoreApplication.translate("CodebookDialog", "Code selection"),
                         QCoreApplication.translate("CodebookDialog", "Select some words of a free-text answer first, then "
                                                  "choose “Code selection…” in its menu."))
        return None
    widget = form.widgets.get(path)
    field = "value"
    if widget is not None and widget.notes is not None and widget.notes.textCursor().hasSelection() \
            and widget.notes.textCursor().selectedText().replace("\u2029", "\n") == selected:
        field = "note"
    editor = widget.notes if field == "note" else (widget.text_editor() if widget else None)
    from .widgets_common import commit_editor

    commit_editor(editor)  # the passage is anchored in the saved text
    db, actor = ctx.db, ctx.actor

    def submit(code_ids: tuple[str, ...]):  # noqa: ANN202 - QuoteInfo
        saved = quotes.code_passage(db, response_id=response.id, answer_path=path, text=selected,
                                    start=start, end=end, code_ids=code_ids, actor=actor, field=field)

        def undo() -> None:
            quotes.delete_quote(db, saved.id, actor)
            ctx.bus.notify("quote", [saved.id])

        def redo() -> None:
            quotes.restore_quote(db, saved.id, actor)
            ctx.bus.notify("quote", [saved.id])

        ctx.undo.push(CallbackCommand(QCoreApplication.translate("CodebookDialog", "Code a passage"), undo, redo,
                                      lambda exc: ctx.dialogs.error(QCoreApplication.translate("CodebookDialog", "Not saved"), str(exc))))
        ctx.bus.notify("quote", [saved.id])
        return saved

    dialog = CodeSelectionDialog(ctx, selected, submit, form.window())
    dialog.open()
    return dialog
