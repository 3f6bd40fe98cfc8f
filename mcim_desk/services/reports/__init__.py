"""Reports: the data each PDF is drawn from (frozen dataclasses, in the report's language) and
the use case that builds a report into a file.

``summary_data`` reads every figure through SQL aggregates (:mod:`..persistence.report_repo`);
``summary_json`` writes exactly that data; the summary PDF is drawn from the same object, so
the JSON and the PDF cannot disagree. Reports are made in French or English whatever the
interface language (labels: :mod:`..reports.labels`); messages for the user (errors,
progress) are in the interface language.

One module per use case: summary, profile, followups, blank_forms, build; the shared helpers in ``common``."""

from __future__ import annotations

from ...reports.data import (
    AnnexRow,
    AnswerLine,
    Bar,
    BlankFormData,
    ContactLine,
    Figure,
    FollowUpItem,
    FollowUpsData,
    InterviewBlock,
    MechanismGroup,
    Overview,
    OwnerGroup,
    ProfileData,
    QuoteGroup,
    QuoteItem,
    QuoteLine,
    RegionRow,
    SummaryData,
)
from .blank_forms import blank_form_data
from .build import build_report, default_file_name, is_demo
from .common import FIGURES, KINDS, LANGS, TYPE_ORDER, ReportError
from .followups import followups_data
from .profile import answer_lines, profile_data, resolve_mechanism
from .summary import summary_data, summary_json

__all__ = [
    "AnnexRow",
    "AnswerLine",
    "Bar",
    "BlankFormData",
    "ContactLine",
    "FIGURES",
    "Figure",
    "FollowUpItem",
    "FollowUpsData",
    "InterviewBlock",
    "KINDS",
    "LANGS",
    "MechanismGroup",
    "Overview",
    "OwnerGroup",
    "ProfileData",
    "QuoteGroup",
    "QuoteItem",
    "QuoteLine",
    "RegionRow",
    "ReportError",
    "SummaryData",
    "TYPE_ORDER",
    "answer_lines",
    "blank_form_data",
    "build_report",
    "default_file_name",
    "followups_data",
    "is_demo",
    "profile_data",
    "resolve_mechanism",
    "summary_data",
    "summary_json",
]
