"""The study's questionnaire or interview guide to print blank."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...reports.data import BlankFormData
from ...reports.labels import date_time, label
from ...translation import translate
from .common import ReportError, _check_lang, _definition, _now

if TYPE_CHECKING:
    from ...persistence.database import Database


def blank_form_data(db: Database, kind: str, lang: str, *, now: datetime | None = None) -> BlankFormData:
    """The study's questionnaire or interview guide (its newest version) to print blank."""
    from ...persistence import report_repo as repo
    from .. import instruments

    _check_lang(lang)
    form_kind = "interview" if kind in ("interview", "blank-interview") else "questionnaire"
    with db.read() as session:
        definition = _definition(session, instruments.study_form_id_in(session, form_kind))
        fictional = repo.is_demo(session) or repo.has_fictional_rows(session)
    if definition is None:
        raise ReportError(
            translate("Reports", "No {kind} form is installed.").format(kind=form_kind)
        )
    return BlankFormData(
        lang=lang,
        kind=form_kind,
        title=label("blank_interview" if form_kind == "interview" else "blank_questionnaire", lang),
        study=label("study", lang),
        definition=definition,
        generated_label=label("generated", lang, date=date_time(_now(now), lang)),
        fictional=fictional,
    )
