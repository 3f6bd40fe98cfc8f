"""Preferences: the profile name written in the audit log, the consultant's time zone, language;
and, for the database, which forms are the study's questionnaire and interview guide."""

from __future__ import annotations

from dataclasses import dataclass, replace

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


@dataclass(frozen=True)
class InstrumentChoice:
    """The forms that may be the study's questionnaire and interview guide ((form id, title)
    pairs) and the current choice, read by the caller from the database."""

    questionnaires: tuple[tuple[str, str], ...]
    interviews: tuple[tuple[str, str], ...]
    questionnaire: str
    interview: str


class PreferencesDialog(QDialog):
    preferences_saved = Signal(object)  # Preferences
    instruments_chosen = Signal(str, str)  # questionnaire form id, interview guide form id

    def __init__(self, prefs: Preferences, parent: QWidget | None = None,
                 instruments: InstrumentChoice | None = None) -> None:
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
        self.instruments = instruments
        self.questionnaire_form = self._instrument_box(
            "pref_questionnaire_form", instruments.questionnaires if instruments else (),
            instruments.questionnaire if instruments else "")
        self.interview_form = self._instrument_box(
            "pref_interview_form", instruments.interviews if instruments else (),
            instruments.interview if instruments else "")
        if instruments is not None:
            form.addRow(self.tr("The study’s questionnaire (this database)"), self.questionnaire_form)
            form.addRow(self.tr("The study’s interview guide (this database)"), self.interview_form)
        else:
            self.questionnaire_form.hide()
            self.interview_form.hide()
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

    def _instrument_box(self, name: str, options: tuple[tuple[str, str], ...], current: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for form_id, title in options:
            box.addItem(f"{title} ({form_id})" if title and title != form_id else form_id, form_id)
        if current and box.findData(current) < 0:  # the chosen form is not installed
            box.addItem(self.tr("{form} (not installed)").format(form=current), current)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def _accept(self) -> None:
        profile = self.profile.text().strip()
        zone = self.zone.text().strip()
        if not profile:
            self.error.setText(self.tr("The profile name cannot be empty."))
            self.error.show()
            return
        from ..limits import PROFILE_CHARS

        if len(profile) > PROFILE_CHARS:
            self.error.setText(self.tr("The profile name has {count} characters, more than the "
                                       "limit of {limit}.").format(count=len(profile),
                                                                   limit=PROFILE_CHARS))
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
        if self.instruments is not None:
            questionnaire = self.questionnaire_form.currentData() or self.instruments.questionnaire
            interview = self.interview_form.currentData() or self.instruments.interview
            if (questionnaire, interview) != (self.instruments.questionnaire, self.instruments.interview):
                self.instruments_chosen.emit(questionnaire, interview)
        self.accept()
