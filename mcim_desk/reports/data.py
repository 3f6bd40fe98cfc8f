"""The data each report is drawn from: frozen dataclasses, already in the report's language.

The use cases that fill them live in :mod:`..services.reports`; the PDF writers beside this
module read them. Both depend on this module, and it depends on neither.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..forms.definition import FormDefinition


@dataclass(frozen=True)
class Bar:
    """One bar: an answer code (choice, category, code id), its label, how many distinct
    mechanisms gave it and which (acronyms in the report's language, in list order)."""

    code: str
    label: str
    label_fr: str
    label_en: str
    count: int
    mechanisms: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    number: int
    key: str  # "q4", or "coded:<form id>:<question name>"
    question_id: str  # "q4" (the form's name of the question)
    path: str  # "section_2/q4": where the question sits in the newest version that asks it
    kind: str  # select_one / select_multiple / answered / repeat_category / coded
    title: str
    question_label_fr: str
    question_label_en: str
    n: int
    n_label: str
    bars: tuple[Bar, ...]
    cited_by_all: tuple[str, ...] = ()  # codes cited by every mechanism that answered
    cited_by_all_labels: tuple[str, ...] = ()
    not_cited: tuple[str, ...] = ()  # labels of choices nobody cited (select_multiple, Q25)

    @property
    def empty(self) -> bool:
        return self.n == 0


@dataclass(frozen=True)
class Overview:
    mechanisms_total: int
    questionnaire: tuple[str, ...]  # acronyms
    interview: tuple[str, ...]
    both: tuple[str, ...]
    any: tuple[str, ...]
    questionnaire_names: tuple[str, ...]
    interview_names: tuple[str, ...]
    member_states: int  # distinct States across the responding mechanisms' recorded lists
    membership_not_recorded: tuple[str, ...]  # acronyms of responding mechanisms without a list
    states: tuple[str, ...]  # the distinct States' ISO 3166-1 alpha-3 codes, sorted
    state_names: tuple[str, ...] = ()  # their names in the report's language, same order


@dataclass(frozen=True)
class RegionRow:
    type: str
    type_label: str
    region: str
    region_label: str
    mechanisms: int
    responding: int
    responding_mechanisms: tuple[str, ...]


@dataclass(frozen=True)
class QuoteItem:
    text: str
    speaker: str
    source: str
    other_tags: tuple[str, ...]


@dataclass(frozen=True)
class QuoteGroup:
    tag: str
    title: str
    quotes: tuple[QuoteItem, ...]


@dataclass(frozen=True)
class AnnexRow:
    acronym: str
    name: str
    type: str
    type_label: str
    region_label: str
    questionnaire: str
    interview: str


@dataclass(frozen=True)
class SummaryData:
    lang: str
    title: str
    study: str
    round_name: str | None
    generated_at: str  # ISO 8601, local time of the machine
    generated_label: str
    fictional: bool
    overview: Overview
    regions: tuple[RegionRow, ...]
    figures: tuple[Figure, ...]
    coded_figures: tuple[Figure, ...]
    quote_groups: tuple[QuoteGroup, ...]
    annex: tuple[AnnexRow, ...]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class AnswerLine:
    """One line of a form's answers: a heading (section, group, repeat entry) or a
    question with its value lines (choices written out) and its note."""

    path: str
    label: str
    values: tuple[str, ...]
    note: str | None = None
    heading: bool = False
    level: int = 0
    answered: bool = True


@dataclass(frozen=True)
class ContactLine:
    role: str
    name: str
    title: str
    reach: str


@dataclass(frozen=True)
class QuoteLine:
    text: str
    tags: tuple[str, ...]
    cleared: str


@dataclass(frozen=True)
class InterviewBlock:
    heading: str
    interviewee: str | None
    consent: str
    duration: str | None
    notes: str | None
    guide: tuple[AnswerLine, ...]
    quotes: tuple[QuoteLine, ...]


@dataclass(frozen=True)
class FollowUpItem:
    id: str
    mechanism: str
    mechanism_name: str
    owner: str
    kind: str
    kind_label: str
    due: str
    state: str  # overdue / today / upcoming / undated
    state_label: str
    notes: str | None
    about: str | None


@dataclass(frozen=True)
class ProfileData:
    lang: str
    title: str
    acronym: str
    name: str
    type_label: str
    region_label: str
    member_states: str  # "12 States" or "not recorded"
    chair_country: str
    website: str
    notes: str
    contacts: tuple[ContactLine, ...]
    questionnaire_status: str | None
    answers: tuple[AnswerLine, ...]
    interviews: tuple[InterviewBlock, ...]
    followups: tuple[FollowUpItem, ...]
    quotes: tuple[QuoteLine, ...]  # quotes not attached to an interview
    generated_label: str
    fictional: bool
    members: tuple[str, ...] = ()  # the member States' names, in the report's language
    members_source: str | None = None


@dataclass(frozen=True)
class MechanismGroup:
    acronym: str
    name: str
    items: tuple[FollowUpItem, ...]


@dataclass(frozen=True)
class OwnerGroup:
    owner: str
    mechanisms: tuple[MechanismGroup, ...]


@dataclass(frozen=True)
class FollowUpsData:
    lang: str
    title: str
    time_zone: str
    counts: dict[str, int]
    owners: tuple[OwnerGroup, ...]
    generated_label: str
    fictional: bool


@dataclass(frozen=True)
class BlankFormData:
    lang: str
    kind: str  # questionnaire / interview
    title: str
    study: str
    definition: FormDefinition
    generated_label: str
    fictional: bool
