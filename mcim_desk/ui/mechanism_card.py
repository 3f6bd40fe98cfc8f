"""The detail pane: a mechanism's card, edited in place. Every field autosaves when it is
committed (Enter, Tab, focus leaving) as one undoable command on the window's undo stack."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..reports.labels import plural_index
from ..services import catalogue
from ..services.catalogue import ContactInfo, MechanismCard, ValidationError
from .colours import border_style, text_style
from .context import UiContext
from .undo import SaveValueCommand

TEXT_FIELDS = ("acronym_fr", "acronym_en", "name_fr", "name_en", "member_states_source",
               "chair_country", "website")  # the member States' row goes in before the source


class CommitPlainTextEdit(QPlainTextEdit):
    """A multi-line field that reports a commit when focus leaves it (like editingFinished)."""

    committed = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.committed.emit()
        super().focusOutEvent(event)


class MechanismCardView(QWidget):
    """Shows and edits one mechanism. ``card_saved`` fires after each successful save."""

    card_saved = Signal(object)  # MechanismCard

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.card: MechanismCard | None = None
        self._wanted: str | None = None
        self.type_labels: dict[str, tuple[str, str]] = {}
        self.region_labels: dict[str, tuple[str, str]] = {}

        self.title = QLabel(self)
        self.title.setObjectName("card_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)

        self.fields: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{name}")
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.fields[name] = edit
            self.form.addRow(QLabel(self), edit)
        # The member States: a summary and a button opening the searchable picker.
        self.members = QLabel(self)
        self.members.setObjectName("field_member_states")
        self.members.setWordWrap(True)
        self.members.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_members = QPushButton(self)
        self.choose_members.setObjectName("choose_member_states")
        self.choose_members.clicked.connect(self._pick_members)
        members_row = QHBoxLayout()
        members_row.addWidget(self.members, 1)
        members_row.addWidget(self.choose_members, 0, Qt.AlignmentFlag.AlignTop)
        self.members_caption = QLabel(self)
        self.members_caption.setBuddy(self.choose_members)
        self.form.insertRow(4, self.members_caption, members_row)
        self.notes = CommitPlainTextEdit(self)
        self.notes.setObjectName("field_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.notes.committed.connect(lambda: self._commit("notes"))
        self.form.addRow(QLabel(self), self.notes)
        self.error = QLabel(self)
        self.error.setObjectName("card_error")
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        self.contacts_box = QGroupBox(self)
        self.contacts = QTableWidget(0, 6, self)
        self.contacts.setObjectName("contacts_table")
        self.contacts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.verticalHeader().hide()
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.doubleClicked.connect(self._edit_contact)
        self.add_contact = QPushButton(self)
        self.edit_contact = QPushButton(self)
        self.remove_contact = QPushButton(self)
        self.add_contact.clicked.connect(lambda: self._open_contact(None))
        self.edit_contact.clicked.connect(self._edit_contact)
        self.remove_contact.clicked.connect(self._remove_contact)
        buttons = QHBoxLayout()
        for b in (self.add_contact, self.edit_contact, self.remove_contact):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(self.contacts_box)
        box_layout.addWidget(self.contacts)
        box_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.contacts_box, 1)
        self.setEnabled(False)
        self.retranslate()

    # -- showing ----------------------------------------------------------------------------

    def set_labels(self, labels: list[catalogue.Label]) -> None:
        self.type_labels = {lab.name: (lab.fr, lab.en) for lab in labels if lab.kind == "mechanism_type"}
        self.region_labels = {lab.name: (lab.fr, lab.en) for lab in labels if lab.kind == "region"}

    def show_mechanism(self, mechanism_id: str) -> None:
        """Load on the worker (the first load also imports SQLAlchemy), show on arrival."""
        self._wanted = mechanism_id
        db = self.ctx.db

        def arrived(card: MechanismCard) -> None:
            if card.row.id == self._wanted:
                self.show_card(card)

        self.ctx.runner.run(lambda: catalogue.mechanism_card(db, mechanism_id), arrived,
                            lambda exc: self._show_error(str(exc), ""))

    def show_card(self, card: MechanismCard) -> None:
        self.card = card
        self.setEnabled(True)
        self.error.hide()
        for name, edit in self.fields.items():
            value = card.value(name)
            edit.setText("" if value is None else str(value))
            edit.setCursorPosition(0)  # a long value (a source's address) shows its start
            edit.setStyleSheet("")
        self.notes.setPlainText(card.notes or "")
        self._show_members()
        self._show_heading()
        self._fill_contacts()

    def _show_heading(self) -> None:
        if self.card is None:
            return
        row, lang = self.card.row, self.ctx.lang
        pick = 0 if lang == "fr" else 1
        self.title.setText(f"{row.acronym(lang)} — {row.name(lang)}")
        type_label = self.type_labels.get(row.type, (row.type, row.type))[pick]
        region_label = self.region_labels.get(row.region, (row.region, row.region))[pick]
        self.subtitle.setText(f"{type_label} · {region_label}")

    def _show_members(self) -> None:
        from ..domain.countries import country_name, sort_key

        codes = self.card.members if self.card else None
        if not codes:
            self.members.setText(self.tr("Not recorded"))
            return
        lang = self.ctx.lang
        names = [country_name(c, lang) for c in sorted(codes, key=lambda c: sort_key(c, lang))]
        shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
        one = plural_index(len(names), lang) == 0
        count = self.tr("{n} State: ") if one else self.tr("{n} States: ")
        self.members.setText(count.format(n=len(names)) + shown)

    def _pick_members(self) -> None:
        if self.card is None:
            return
        from .country_picker import CountryPickerDialog

        dialog = CountryPickerDialog(self.ctx.lang, self.card.members,
                                     self.tr("Member States of {acronym}").format(
                                         acronym=self.card.row.acronym(self.ctx.lang)), self)
        dialog.members_chosen.connect(self._members_chosen)
        dialog.open()

    def _members_chosen(self, codes: list[str]) -> None:
        if self.card is None:
            return
        new = catalogue.clean_mechanism_value("member_states", codes)
        old = self.card.member_states
        if new == old:
            return
        mechanism_id = self.card.row.id
        self.ctx.undo.push(SaveValueCommand(
            self.tr("Edit {field}").format(field=self.members_caption.text().rstrip(" :")),
            old, new,
            save=lambda value: self._save(mechanism_id, "member_states", value),
            on_error=lambda exc: self._show_error(str(exc), "member_states"),
        ))

    def _fill_contacts(self) -> None:
        roles = self._role_names()
        contacts = self.card.contacts if self.card else ()
        self.contacts.setRowCount(len(contacts))
        for r, c in enumerate(contacts):
            cells = (roles.get(c.role, c.role), c.name, c.title, c.institution, c.email or "",
                     c.time_zone or "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text or "")
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.contacts.setItem(r, col, item)
        self.contacts.resizeColumnsToContents()

    # -- editing ----------------------------------------------------------------------------

    def _value_of(self, name: str) -> str:
        if name == "notes":
            return self.notes.toPlainText()
        return self.fields[name].text()

    def _commit(self, name: str) -> None:
        if self.card is None:
            return
        old = self.card.value(name)
        raw = self._value_of(name)
        try:
            new = catalogue.clean_mechanism_value(name, raw)
        except ValidationError as exc:
            self._show_error(str(exc), name)
            return
        self._clear_error(name)
        if new == old:
            return
        mechanism_id = self.card.row.id
        label = self.form.labelForField(self.fields.get(name) or self.notes)
        caption = label.text().rstrip(" :") if label else name
        command = SaveValueCommand(
            self.tr("Edit {field}").format(field=caption),
            old, new,
            save=lambda value: self._save(mechanism_id, name, value, caption, command),
            on_error=lambda exc: self._save_failed(exc, name),
        )
        self.ctx.undo.push(command)

    def _save(self, mechanism_id: str, name: str, value: object, caption: str = "",
              command: SaveValueCommand | None = None) -> None:
        """Save one field, passing the value this card read: when someone else changed it
        since, the user sees both values and chooses (conflict_dialog)."""
        from ..services.conflicts import EditConflict
        from .conflict_dialog import KEEP_MINE, KeptTheirs

        shown = self.card if self.card is not None and self.card.row.id == mechanism_id else None
        expected = shown.value(name) if shown is not None else catalogue.conflicts.UNCHECKED
        while True:
            try:
                card = catalogue.update_mechanism(self.ctx.db, mechanism_id, name, value,
                                                  self.ctx.actor, expected=expected)
                break
            except EditConflict as conflict:
                choice = self.ctx.dialogs.resolve_conflict(
                    caption or name, conflict.theirs, conflict.yours, conflict.actor, conflict.at)
                if choice != KEEP_MINE:
                    if shown is not None:
                        self.show_mechanism(mechanism_id)  # the field shows theirs
                    raise KeptTheirs() from None
                expected = catalogue.mechanism_card(self.ctx.db, mechanism_id).value(name)
                if command is not None and value == command.new:
                    command.old = expected  # undo brings theirs back
        self.ctx.bus.notify("mechanism", [mechanism_id])
        if self.card is not None and self.card.row.id == mechanism_id:
            self.show_card(card)
        self.card_saved.emit(card)

    def _save_failed(self, exc: BaseException, name: str) -> None:
        from .conflict_dialog import KeptTheirs

        if not isinstance(exc, KeptTheirs):  # the user took the other person's value
            self._show_error(str(exc), name)

    def _show_error(self, text: str, name: str) -> None:
        self.error.setText(text)
        self.error.show()
        widget = self.fields.get(name)
        if widget is not None:
            widget.setStyleSheet(border_style(widget))

    def _clear_error(self, name: str) -> None:
        self.error.hide()
        widget = self.fields.get(name)
        if widget is not None:
            widget.setStyleSheet("")

    # -- contacts ---------------------------------------------------------------------------

    def _selected_contact(self) -> ContactInfo | None:
        if self.card is None:
            return None
        row = self.contacts.currentRow()
        if row < 0 or row >= len(self.card.contacts):
            return None
        return self.card.contacts[row]

    def _edit_contact(self) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self._open_contact(contact)

    def _open_contact(self, contact: ContactInfo | None) -> None:
        if self.card is None:
            return
        dialog = ContactDialog(self._role_names(), contact, self.card.row.id, self)
        dialog.contact_accepted.connect(lambda info: self._save_contact_undoable(contact, info))
        dialog.validate = catalogue.validate_contact
        dialog.open()

    def _save_contact_undoable(self, old: ContactInfo | None, new: ContactInfo) -> None:
        if not new.id:  # the id is fixed now, so that undo and redo address the same row
            new = catalogue.replace(new, id=str(uuid.uuid4()))
        mechanism_id = new.mechanism_id

        def apply(value: object) -> None:
            if value is None:  # undoing a creation
                catalogue.delete_contact(self.ctx.db, new.id, self.ctx.actor)
            else:
                catalogue.save_contact(self.ctx.db, value, self.ctx.actor)
            self._reload(mechanism_id)

        text = self.tr("Add contact") if old is None else self.tr("Edit contact")
        self.ctx.undo.push(SaveValueCommand(text, old, new, apply, self._contact_error))

    def _remove_contact(self) -> None:
        contact = self._selected_contact()
        if contact is None or self.card is None:
            return
        mechanism_id = self.card.row.id

        def apply(value: object) -> None:
            if value is None:
                catalogue.delete_contact(self.ctx.db, contact.id, self.ctx.actor)
            else:
                catalogue.save_contact(self.ctx.db, contact, self.ctx.actor)
            self._reload(mechanism_id)

        self.ctx.undo.push(SaveValueCommand(self.tr("Remove contact"), contact, None, apply,
                                            self._contact_error))

    def _contact_error(self, exc: BaseException) -> None:
        self.ctx.dialogs.error(self.tr("Contact not saved"), str(exc))

    def _reload(self, mechanism_id: str) -> None:
        self.ctx.bus.notify("contact", [mechanism_id])
        if self.card is not None and self.card.row.id == mechanism_id:
            self.show_mechanism(mechanism_id)

    def _role_names(self) -> dict[str, str]:
        return {
            "chair": self.tr("Chair"),
            "secretariat_head": self.tr("Head of secretariat"),
            "other": self.tr("Other contact"),
        }

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        captions = {
            "acronym_fr": self.tr("Acronym (French)"),
            "acronym_en": self.tr("Acronym (English)"),
            "name_fr": self.tr("Name (French)"),
            "name_en": self.tr("Name (English)"),
            "chair_country": self.tr("Chair country"),
            "website": self.tr("Website"),
            "member_states_source": self.tr("Source of the membership"),
        }
        for name, edit in self.fields.items():
            label = self.form.labelForField(edit)
            label.setText(captions[name])
            label.setBuddy(edit)
        self.members_caption.setText(self.tr("Member States"))
        self.choose_members.setText(self.tr("&Choose…"))
        self.choose_members.setToolTip(self.tr("Choose the member States in a searchable list"))
        self.fields["member_states_source"].setPlaceholderText(
            self.tr("Where the list comes from: a web address and its date"))
        if self.card is not None:
            self._show_members()
        notes_label = self.form.labelForField(self.notes)
        notes_label.setText(self.tr("Notes"))
        notes_label.setBuddy(self.notes)
        self.contacts_box.setTitle(self.tr("Contacts"))
        from . import access

        access.name_from_buddies(self)
        access.view(self.contacts, self.tr("Contacts"))
        self.contacts.setHorizontalHeaderLabels([
            self.tr("Role"), self.tr("Name"), self.tr("Title"), self.tr("Institution"),
            self.tr("E-mail"), self.tr("Time zone"),
        ])
        self.add_contact.setText(self.tr("Add…"))
        self.edit_contact.setText(self.tr("Edit…"))
        self.remove_contact.setText(self.tr("Remove"))
        self._show_heading()
        if self.card is not None:
            self._fill_contacts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ContactDialog(QDialog):
    """Edit one contact; emits ``contact_accepted`` with the new values once they validate."""

    contact_accepted = Signal(object)  # ContactInfo

    def __init__(self, roles: dict[str, str], contact: ContactInfo | None, mechanism_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact"))
        self.contact = contact
        self.mechanism_id = mechanism_id
        self.validate = None
        self.role = QComboBox(self)
        for key, text in roles.items():
            self.role.addItem(text, key)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(620)  # e-mail addresses and institutions are long
        form.addRow(self.tr("Role"), self.role)
        captions = {
            "name": self.tr("Name"), "title": self.tr("Title"),
            "institution": self.tr("Institution"), "email": self.tr("E-mail"),
            "phone": self.tr("Phone"), "time_zone": self.tr("Time zone (IANA, e.g. America/Lima)"),
        }
        for key, caption in captions.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"contact_{key}")
            self.edits[key] = edit
            form.addRow(caption, edit)
        if contact is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(contact.role)))
            for key, edit in self.edits.items():
                edit.setText(getattr(contact, key) or "")
        self.error = QLabel(self)
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        from . import access

        access.name_from_buddies(self)

    def info(self) -> ContactInfo:
        values = {k: e.text() for k, e in self.edits.items()}
        return ContactInfo(
            id=self.contact.id if self.contact else "", mechanism_id=self.mechanism_id,
            role=self.role.currentData(), revision=self.contact.revision if self.contact else 0,
            **values,
        )

    def _accept(self) -> None:
        info = self.info()
        if self.validate is not None:
            try:
                self.validate(info)
            except ValidationError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        self.contact_accepted.emit(info)
        self.accept()
