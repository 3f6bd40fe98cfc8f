"""The study's two instruments: which form is its questionnaire and which its interview guide.

The choice is explicit and stored in the database (``setting`` rows ``study.questionnaire_form``
and ``study.interview_form``), the shipped forms by default; it is changed in *Edit >
Preferences* or with ``mcim-desk forms use``. Every place that needs "the questionnaire" or
"the interview guide" (new responses, reports, the fillable PDF, the dashboard) asks here, and
gets the newest version of the chosen form. Other forms added later are entered, exchanged and
exported like any form, but never replace the study's instruments: only a form whose settings
sheet says ``form_kind`` questionnaire (or interview) can be chosen as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..translation import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database
    from .forms import FormInfo

INSTRUMENT_KINDS = ("questionnaire", "interview")
DEFAULT_FORMS = {"questionnaire": "mcim_questionnaire_2018", "interview": "mcim_interview_2018"}
SETTING_KEYS = {"questionnaire": "study.questionnaire_form", "interview": "study.interview_form"}


class InstrumentError(ValueError):
    """A form that cannot be the study's instrument; ``str()`` is a message for the user."""


@dataclass(frozen=True)
class StudyForms:
    questionnaire: str
    interview: str

    def of(self, kind: str) -> str:
        return self.questionnaire if kind == "questionnaire" else self.interview


def _check_kind(kind: str) -> None:
    if kind not in INSTRUMENT_KINDS:
        raise InstrumentError(
            translate("Instruments", "Unknown instrument “{kind}”: use questionnaire or interview.")
            .format(kind=kind)
        )


def study_form_id_in(session: Session, kind: str) -> str:
    """The form id of the study's questionnaire or interview guide (the setting, else the
    shipped form)."""
    from ..persistence import repositories

    _check_kind(kind)
    return repositories.get_setting(session, SETTING_KEYS[kind]) or DEFAULT_FORMS[kind]


def study_forms_in(session: Session) -> StudyForms:
    return StudyForms(study_form_id_in(session, "questionnaire"), study_form_id_in(session, "interview"))


def study_forms(db: Database) -> StudyForms:
    with db.read() as session:
        return study_forms_in(session)


def study_version_in(session: Session, kind: str) -> FormInfo | None:
    """The newest stored version of the study's questionnaire or interview guide (None when
    the chosen form is not installed)."""
    from . import forms

    return forms.latest_version_in(session, form_id=study_form_id_in(session, kind))


def candidates(db: Database, kind: str) -> list[FormInfo]:
    """The forms that may be chosen as the study's ``kind`` instrument: the newest version of
    each form whose settings say it is one, by form id."""
    from . import forms

    _check_kind(kind)
    newest: dict[str, FormInfo] = {}
    for info in forms.list_forms(db):  # oldest version first
        newest[info.form_id] = info
    return [info for info in newest.values() if info.kind == kind]


def set_study_form(db: Database, kind: str, form_id: str) -> StudyForms:
    """Make ``form_id`` the study's questionnaire or interview guide; refused (InstrumentError)
    when the form is not installed or its settings do not say it is one."""
    with db.write() as session:
        _set_in(session, kind, form_id)
        return study_forms_in(session)


def set_study_forms(db: Database, questionnaire: str, interview: str) -> StudyForms:
    """Both choices in one unit of work (Preferences): all or nothing."""
    with db.write() as session:
        _set_in(session, "questionnaire", questionnaire)
        _set_in(session, "interview", interview)
        return study_forms_in(session)


def _set_in(session: Session, kind: str, form_id: str) -> None:
    from ..persistence import repositories
    from . import forms

    _check_kind(kind)
    info = forms.latest_version_in(session, form_id=form_id)
    if info is None:
        raise InstrumentError(
            translate("Instruments", "No form “{form}” is installed.").format(form=form_id)
        )
    if info.kind != kind:
        message = (
            translate(
                "Instruments",
                "The form {form} is not a questionnaire: its settings sheet must say form_kind "
                "questionnaire.",
            )
            if kind == "questionnaire"
            else translate(
                "Instruments",
                "The form {form} is not an interview guide: its settings sheet must say form_kind "
                "interview.",
            )
        )
        raise InstrumentError(message.format(form=form_id))
    repositories.set_setting(session, SETTING_KEYS[kind], form_id)


__all__ = [
    "DEFAULT_FORMS", "INSTRUMENT_KINDS", "InstrumentError", "SETTING_KEYS", "StudyForms", "candidates",
    "set_study_form", "set_study_forms", "study_form_id_in", "study_forms", "study_forms_in", "study_version_in",
]
