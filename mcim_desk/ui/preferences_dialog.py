"""Preferences: the profile name written in the audit log, the consultant's time zone, language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.timezones import is_known_zone, known_zones
from ..preferences import Preferences
from .colours import text_style


class PreferencesDialog(QDialog):
    preferences_saved = Signal(object)  # Preferences

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs = prefs
        self.profile = QLineEdit(prefs.profile, self)
        self.profile.setObjectName("pref_profile")
        self.zone = QLineEdit(prefs.time_zone, self)
        self.zone.setObjectName("pref_zone")
        completer = QCompleter(sorted(known_zones()), self)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.zone.setCompleter(completer)
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if prefs.language == "fr" else 1)
        self.error = QLabel(self)
        self.error.setStyleSheet(text_style("error", self.error))
        self.error.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(560)  # a long name (in Arabic script too) stays whole
        form.addRow(self.tr("Profile name (written in the audit log)"), self.profile)
        form.addRow(self.tr("My time zone"), self.zone)
        form.addRow(self.tr("Language"), self.language)
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

    def _accept(self) -> None:
        profile = self.profile.text().strip()
        zone = self.zone.text().strip()
        if not profile:
            self.error.setText(self.tr("The profile name cannot be empty."))
            self.error.show()
            return
        if not is_known_zone(zone):
            self.error.setText(
                self.tr("Unknown time zone “{zone}”: use a name such as Europe/Geneva.").format(zone=zone)
            )
            self.error.show()
            return
        self.preferences_saved.emit(
            replace(self.prefs, profile=profile, time_zone=zone, language=self.language.currentData())
        )
        self.accept()
