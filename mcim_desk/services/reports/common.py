"""Shared pieces of the report use cases: languages, labels, mechanisms, bars, form versions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ... import clock
from ...reports.data import Bar
from ...reports.labels import LABELS, label
from ...translation import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ...forms.definition import FormDefinition, Question
    from ...persistence.report_repo import MechanismStatus


KINDS = ("summary", "profile", "followups", "blank-questionnaire", "blank-interview")
LANGS = ("fr", "en")
# The study's figures, in the order of its section 3: (question name, how it is counted).
FIGURES: tuple[tuple[str, str], ...] = (
    ("q4", "select_one"),
    ("q13", "select_one"),
    ("q14", "answered"),
    ("q15", "select_one"),
    ("q17", "select_one"),
    ("q9", "select_multiple"),
    ("q10", "select_multiple"),
    ("q11", "select_multiple"),
    ("q25", "repeat_category"),
    ("q27", "select_one"),
)
CODED_TITLES = {"q14": "coded_q14", "q20": "coded_q20", "q21": "coded_q21"}
TYPE_ORDER = ("rcp", "irf", "global")
_TAXONOMY = re.compile(r"^(theme|principle|objective)_(\d+)$")
_NUMBERED = re.compile(r"^q(\d+)$")
Progress = Callable[[float, str], None]
_LABEL_KEYS = frozenset(LABELS)


class ReportError(ValueError):
    """A report that cannot be made; ``str()`` is a translated message for the user."""


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ReportError(
            translate("Reports", "Unknown report language “{lang}”: use fr or en.").format(
                lang=lang
            )
        )


def _pick(lang: str, fr: str | None, en: str | None) -> str:
    first, second = (fr, en) if lang == "fr" else (en, fr)
    return first or second or ""


class _Mechanisms:
    """Id -> acronym, name, order (the 30 mechanisms: read once per report)."""

    def __init__(self, statuses: Sequence[MechanismStatus], lang: str) -> None:
        self.lang = lang
        self.by_id = {m.id: m for m in statuses}

    def acronym(self, mechanism_id: str) -> str:
        m = self.by_id.get(mechanism_id)
        return _pick(self.lang, m.acronym_fr, m.acronym_en) if m else mechanism_id

    def name(self, mechanism_id: str) -> str:
        m = self.by_id.get(mechanism_id)
        return _pick(self.lang, m.name_fr, m.name_en) if m else mechanism_id

    def ordered(self, ids: Iterable[str]) -> list[str]:
        return sorted(set(ids), key=lambda i: (self.by_id[i].sort, self.by_id[i].key) if i in self.by_id else (10**6, i))

    def acronyms(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.acronym(i) for i in self.ordered(ids))


def _definition(session: Session, form_id: str) -> FormDefinition | None:
    """The newest version of a form (None when it is not installed)."""
    from .. import forms

    info = forms.latest_version_in(session, form_id=form_id)
    return forms.definition_in(session, info.version_id) if info else None


def _versions(session: Session, form_id: str) -> list[tuple[str, FormDefinition]]:
    """(version id, definition) of every stored version of a form, oldest first."""
    from ...persistence import repositories
    from .. import forms

    return [(version.id, forms.definition_in(session, version.id))
            for version, _form in repositories.form_versions(session, form_id=form_id)]


def _fits(question: Question | None, kind: str) -> bool:
    """The question can be counted as a figure of ``kind``."""
    if question is None:
        return False
    if kind in ("select_one", "select_multiple"):
        return question.type == kind
    if kind == "answered":
        return question.takes_answer
    if kind == "repeat_category":
        return question.is_repeat and any(c.type == "select_one" for c in question.children)
    return False


def _merged_choices(questions: Sequence[Question]) -> tuple:
    """The choices of a question over its versions (newest first): the newest version's
    choices in its order, then choices only older versions had."""
    seen: dict[str, Any] = {}
    for question in questions:
        for choice in question.choices:
            seen.setdefault(choice.name, choice)
    return tuple(seen.values())


def _question_number(question: Question) -> str | None:
    match = _NUMBERED.match(question.name)
    return match.group(1) if match else None


def _choice_label(name: str, fr: str, en: str, lang: str) -> tuple[str, str, str]:
    """(label in lang, fr, en) of a choice; Compact items get their kind and number."""
    match = _TAXONOMY.match(name)
    if not match:
        return _pick(lang, fr, en) or name, fr, en
    kind, number = match.groups()
    fr_full = f"{label('tag_' + kind, 'fr', n=number)} : {fr}"
    en_full = f"{label('tag_' + kind, 'en', n=number)}: {en}"
    return (fr_full if lang == "fr" else en_full), fr_full, en_full


def _short_tag(name: str, lang: str) -> str | None:
    match = _TAXONOMY.match(name)
    if not match:
        return None
    kind, number = match.groups()
    return label("tag_" + kind, lang, n=number)


def _bars(rows: Iterable, choices: Sequence, lang: str, mechs: _Mechanisms,
          *, keep_zero: bool, by_count: bool) -> list[Bar]:
    """Bars from repository CountRows, labelled by the question's choices."""
    found = {row.key: row for row in rows}
    bars: list[Bar] = []
    order: dict[str, int] = {}
    for index, choice in enumerate(choices):
        order[choice.name] = index
        row = found.pop(choice.name, None)
        if row is None and not keep_zero:
            continue
        text, fr, en = _choice_label(choice.name, choice.label_fr, choice.label_en, lang)
        bars.append(Bar(choice.name, text, fr, en, row.count if row else 0,
                        mechs.acronyms(row.mechanism_ids) if row else ()))
    for code, row in sorted(found.items()):  # a value no choice of the form has (older form)
        order[code] = len(order)
        bars.append(Bar(code, code, code, code, row.count, mechs.acronyms(row.mechanism_ids)))
    if by_count:
        bars.sort(key=lambda b: (-b.count, order.get(b.code, 0)))
    return bars


def _now(now: datetime | None) -> datetime:
    return now or clock.localnow()


def _distinct_states(rows: Iterable[tuple[str, str | None]]) -> tuple[set[str], set[str]]:
    """(the distinct States of the mechanisms' recorded lists, the mechanisms with none)."""
    from ...domain.countries import load

    states: set[str] = set()
    not_recorded: set[str] = set()
    for mechanism_id, stored in rows:
        codes = load(stored)
        if codes:
            states.update(codes)
        else:
            not_recorded.add(mechanism_id)
    return states, not_recorded


def _cached_definition(session: Session, cache: dict, form_id: str | None) -> FormDefinition | None:
    if form_id is None:
        return None
    if form_id not in cache:
        cache[form_id] = _definition(session, form_id)
    return cache[form_id]


def _tags(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(t) for t in value if str(t).strip()] if isinstance(value, list) else []


def _tag_label(tag: str, labels: dict, lang: str) -> str:
    match = _TAXONOMY.match(tag)
    if match:
        item = labels.get((match.group(1), tag))
        text = _pick(lang, item.label_fr, item.label_en) if item else ""
        short = label("tag_" + match.group(1), lang, n=match.group(2))
        return f"{short}{' :' if lang == 'fr' else ':'} {text}" if text else short
    return tag


def _tag_order(tag: str) -> tuple:
    match = _TAXONOMY.match(tag)
    if match:
        return (0, ("theme", "principle", "objective").index(match.group(1)), int(match.group(2)), "")
    return (1, 0, 0, tag.casefold())


def _local(utc: datetime, zone: str) -> datetime:
    from ...domain.timezones import from_utc_naive, is_known_zone

    return from_utc_naive(utc, zone if is_known_zone(zone) else "UTC")


# Default file names in the report's language: (English, French).
FILE_WORDS = {
    "summary": ("summary", "synthese"),
    "profile": ("profile", "profil"),
    "followups": ("followups", "suivis"),
    "blank-questionnaire": ("blank-questionnaire", "questionnaire-vierge"),
    "blank-interview": ("blank-interview-guide", "guide-entretien-vierge"),
}
