"""Reports: the data each PDF is drawn from (frozen dataclasses, in the report's language) and
the use case that builds a report into a file.

``summary_data`` reads every figure through SQL aggregates (:mod:`..persistence.report_repo`);
``summary_json`` writes exactly that data; the summary PDF is drawn from the same object, so
the JSON and the PDF cannot disagree. Reports are made in French or English whatever the
interface language (labels: :mod:`..reports.labels`); messages for the user (errors,
progress) are in the interface language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import clock
from ..domain.countries import country_name, sort_key
from ..domain.countries import load as load_members
from ..reports.data import (  # noqa: F401 - the data classes are part of this module's API
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
from ..reports.labels import LABELS, date_time, label, long_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..forms.definition import FormDefinition, Question
    from ..persistence.database import Database
    from ..persistence.report_repo import MechanismStatus

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


# --- helpers ------------------------------------------------------------------------------


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ReportError(
            QCoreApplication.translate("Reports", "Unknown report language “{lang}”: use fr or en.").format(
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
    from . import forms

    info = forms.latest_version_in(session, form_id=form_id)
    return forms.definition_in(session, info.version_id) if info else None


def _versions(session: Session, form_id: str) -> list[tuple[str, FormDefinition]]:
    """(version id, definition) of every stored version of a form, oldest first."""
    from ..persistence import repositories
    from . import forms

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


# --- summary ------------------------------------------------------------------------------


def summary_data(db: Database, lang: str, *, now: datetime | None = None) -> SummaryData:
    """Every figure of the summary of findings, computed by SQL aggregates."""
    from ..persistence import report_repo as repo
    from ..persistence import repositories
    from . import instruments

    _check_lang(lang)
    moment = _now(now)
    with db.read() as session:
        study = instruments.study_forms_in(session)
        round_id, round_name = repo.current_round(session)
        statuses = repo.mechanism_statuses(session, round_id, study.questionnaire)
        mechs = _Mechanisms(statuses, lang)
        versions = _versions(session, study.questionnaire)
        chosen = repo.chosen_responses(session, round_id, study.questionnaire)
        questionnaire = repo.respondents(session, chosen)
        prefilled = sorted({q.path for _v, guide in _versions(session, study.interview)
                            for q in guide.iter_questions() if q.choice_file == "mechanisms.csv"})
        interview = repo.interviewed(session, round_id, study.interview, prefilled)
        q_ids, i_ids = set(questionnaire.mechanism_ids), set(interview.mechanism_ids)
        any_ids = q_ids | i_ids
        states, not_recorded = _distinct_states(repo.member_states(session, sorted(any_ids)))
        overview = Overview(
            mechanisms_total=len(statuses),
            questionnaire=mechs.acronyms(q_ids),
            interview=mechs.acronyms(i_ids),
            both=mechs.acronyms(q_ids & i_ids),
            any=mechs.acronyms(any_ids),
            questionnaire_names=tuple(mechs.name(i) for i in mechs.ordered(q_ids)),
            interview_names=tuple(mechs.name(i) for i in mechs.ordered(i_ids)),
            member_states=len(states),
            membership_not_recorded=mechs.acronyms(not_recorded),
            states=tuple(sorted(states)),
            state_names=tuple(country_name(c, lang) for c in sorted(states)),
        )
        labels = {(i.kind, i.name): i for i in repositories.reference_items(session)}
        regions = _region_rows(repo.by_region_and_type(session, sorted(any_ids)), labels, mechs, lang)
        figures = _figures(session, chosen, versions, mechs, lang)
        coded = _coded_figures(session, mechs, lang, first_number=len(figures) + 1)
        quotes = _quote_groups(repo.quote_rows(session), labels, mechs, session, lang)
        annex = _annex(statuses, labels, lang)
        fictional = repo.is_demo(session) or repo.has_fictional_rows(session)
    return SummaryData(
        lang=lang,
        title=label("summary_title", lang),
        study=label("study", lang),
        round_name=round_name,
        generated_at=moment.isoformat(timespec="seconds"),
        generated_label=label("generated", lang, date=date_time(moment, lang)),
        fictional=fictional,
        overview=overview,
        regions=tuple(regions),
        figures=tuple(figures),
        coded_figures=tuple(coded),
        quote_groups=tuple(quotes),
        annex=tuple(annex),
    )


def _distinct_states(rows: Iterable[tuple[str, str | None]]) -> tuple[set[str], set[str]]:
    """(the distinct States of the mechanisms' recorded lists, the mechanisms with none)."""
    from ..domain.countries import load

    states: set[str] = set()
    not_recorded: set[str] = set()
    for mechanism_id, stored in rows:
        codes = load(stored)
        if codes:
            states.update(codes)
        else:
            not_recorded.add(mechanism_id)
    return states, not_recorded


def _region_rows(rows: Sequence[tuple], labels: dict, mechs: _Mechanisms, lang: str) -> list[RegionRow]:
    result = []
    for type_, region, total, responding, ids, _sort in sorted(
        rows, key=lambda r: (TYPE_ORDER.index(r[0]) if r[0] in TYPE_ORDER else 9, r[5])
    ):
        type_item = labels.get(("mechanism_type", type_))
        region_item = labels.get(("region", region))
        result.append(
            RegionRow(
                type=type_,
                type_label=label(f"type_{type_}", lang) if type_ in TYPE_ORDER else (
                    _pick(lang, type_item.label_fr, type_item.label_en) if type_item else type_),
                region=region,
                region_label=_pick(lang, region_item.label_fr, region_item.label_en) if region_item else region,
                mechanisms=total,
                responding=responding,
                responding_mechanisms=mechs.acronyms(ids),
            )
        )
    return result


def _figures(session: Session, chosen, versions: Sequence[tuple[str, FormDefinition]],  # noqa: ANN001
             mechs: _Mechanisms, lang: str) -> list[Figure]:
    """The study's figures over every version of its questionnaire, each question found by
    its name in each version (a version without it does not ask it); labels and choices come
    from the newest version that has it."""
    from ..persistence import report_repo as repo

    figures: list[Figure] = []
    for name, kind in FIGURES:
        found = [(version_id, q) for version_id, definition in versions
                 if _fits(q := definition.by_name(name), kind)]
        if not found:
            continue
        question = found[-1][1]  # the newest version that asks it
        newest_first = [q for _v, q in reversed(found)]
        locations = [(version_id, q.path) for version_id, q in found]
        number = len(figures) + 1
        title = label(f"fig_{question.name}", lang)
        common = {
            "number": number, "key": question.name, "question_id": question.name,
            "path": question.path, "kind": kind, "title": title,
            "question_label_fr": question.label_fr, "question_label_en": question.label_en,
        }
        if kind == "select_one":
            n = repo.answered_mechanisms(session, chosen, locations).count
            bars = _bars(repo.select_one_counts(session, chosen, locations), _merged_choices(newest_first),
                         lang, mechs, keep_zero=True, by_count=False)
            figures.append(Figure(**common, n=n, n_label=label("n_answered", lang, n=n), bars=tuple(bars)))
        elif kind == "answered":
            rows = {row.key: row for row in repo.answered_or_not(session, chosen, locations)}
            bars = []
            for key, text in (("answered", "answered_yes"), ("not_answered", "answered_no")):
                row = rows.get(key)
                bars.append(Bar(key, label(text, lang), label(text, "fr"), label(text, "en"),
                                row.count if row else 0, mechs.acronyms(row.mechanism_ids) if row else ()))
            n = len({i for row in rows.values() for i in row.mechanism_ids})  # respondents asked
            figures.append(Figure(**common, n=n, n_label=label("n_respondents", lang, n=n), bars=tuple(bars)))
        elif kind == "select_multiple":
            choices = _merged_choices(newest_first)
            names = [c.name for c in choices]
            answered = repo.answered_mechanisms(session, chosen, locations)
            rows = repo.multiple_choice_counts(session, chosen, locations, names)
            bars = _bars(rows, choices, lang, mechs, keep_zero=False, by_count=True)
            cited = {b.code for b in bars}
            all_codes = tuple(b.code for b in sorted(bars, key=lambda b: names.index(b.code) if b.code in names else 999)
                              if answered.count and b.count == answered.count)
            figures.append(Figure(
                **common, n=answered.count, n_label=label("n_answered", lang, n=answered.count),
                bars=tuple(bars), cited_by_all=all_codes,
                cited_by_all_labels=tuple(next(b.label for b in bars if b.code == c) for c in all_codes),
                not_cited=tuple(_short_tag(c.name, lang) or c.label(lang) for c in choices
                                if c.name not in cited) if answered.count else (),
            ))
        elif kind == "repeat_category":
            children = [next(c for c in q.children if c.type == "select_one") for q in newest_first]
            child_locations = [(version_id, q.path, next(c for c in q.children if c.type == "select_one").name)
                               for version_id, q in found]
            answered, rows = repo.repeat_child_counts(session, chosen, child_locations)
            choices = _merged_choices(children)
            bars = _bars(rows, choices, lang, mechs, keep_zero=False, by_count=True)
            cited = {b.code for b in bars}
            figures.append(Figure(
                **common, n=answered.count, n_label=label("n_partners", lang, n=answered.count),
                bars=tuple(bars),
                not_cited=tuple(c.label(lang) for c in choices if c.name not in cited)
                if answered.count else (),
            ))
    return figures


def _coded_figures(session: Session, mechs: _Mechanisms, lang: str, first_number: int) -> list[Figure]:
    from ..forms.definition import definition_path
    from ..persistence import report_repo as repo

    rows = repo.coded_counts(session)
    if not rows:
        return []
    from . import forms

    code_labels = {cid: (fr, en) for cid, fr, en, _parent in repo.codes(session)}
    definitions: dict[str, FormDefinition | None] = {}
    # Passages are merged across a form's versions by question name (a version may have
    # moved the question); a path no version knows stays apart under its own path.
    groups: dict[tuple[str | None, str | None], dict[str | None, set[str]]] = {}
    located: dict[tuple[str | None, str | None], Question] = {}
    for row in rows:
        path = definition_path(row.answer_path) if row.answer_path else None
        own = forms.definition_in(session, row.form_version_id).find(path) if row.form_version_id and path else None
        name = own.name if own is not None else path
        per_code = groups.setdefault((row.form_id, name), {})
        per_code.setdefault(row.code_id, set()).update(row.mechanism_ids)
        if own is not None:
            located.setdefault((row.form_id, name), own)

    def question_of(form_id: str | None, name: str | None) -> tuple[FormDefinition | None, Question | None]:
        definition = _cached_definition(session, definitions, form_id)
        question = definition.by_name(name) if definition is not None and name else None
        return definition, question or located.get((form_id, name))

    def sort_key(item: tuple[tuple[str | None, str | None], Any]) -> tuple:
        (form_id, name), _ = item
        definition, question = question_of(form_id, name)
        position = 10**6
        if definition is not None and question is not None:
            names = [q.name for q in definition.iter_all()]
            position = names.index(question.name) if question.name in names else 10**6
        kind = definition.kind if definition is not None else "zz"
        return (form_id is None, kind != "questionnaire", form_id or "", position, name or "")

    figures: list[Figure] = []
    for (form_id, name), per_code in sorted(groups.items(), key=sort_key):
        definition, question = question_of(form_id, name)
        all_ids = per_code.get(None, set())
        if not all_ids:
            continue
        bars = []
        for code_id, ids in per_code.items():
            if code_id is None:
                continue
            fr, en = code_labels.get(code_id, (code_id, code_id))
            bars.append(Bar(code_id, _pick(lang, fr, en), fr, en, len(ids), mechs.acronyms(ids)))
        bars.sort(key=lambda b: (-b.count, b.label.casefold()))
        if question is None:
            title = label("interview_notes", lang)
            question_id, label_fr, label_en = "notes", label("interview_notes", "fr"), label("interview_notes", "en")
        else:
            number = _question_number(question)
            key = CODED_TITLES.get(question.name) if definition.kind == "questionnaire" else None
            if key:
                title = f"{label(key, lang)} ({label('question_n', lang, number=number).lower()})"
            else:
                which = label("question_n", lang, number=number) if number else question.label(lang)
                if definition.kind == "interview":
                    which = f"{label('interview', lang)}, {which.lower()}"
                title = label("coded_generic", lang, question=which)
            question_id, label_fr, label_en = question.name, question.label_fr, question.label_en
        n = len(all_ids)
        figures.append(Figure(
            number=first_number + len(figures), key=f"coded:{form_id or ''}:{name or ''}",
            question_id=question_id, path=question.path if question is not None else (name or ""),
            kind="coded", title=title,
            question_label_fr=label_fr, question_label_en=label_en, n=n,
            n_label=label("n_coded", lang, n=n), bars=tuple(bars),
        ))
    return figures


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


def _speaker(row, mechs: _Mechanisms) -> str:  # noqa: ANN001 - a QuoteRow
    acronym = mechs.acronym(row.mechanism_id)
    if row.interview_consent == "named" and row.contact_name:
        who = row.contact_name + (f", {row.contact_title}" if row.contact_title else "")
        return f"{who} ({acronym})"
    return acronym


def _source(row, lang: str, session: Session) -> str:  # noqa: ANN001
    if row.interview_id:
        if row.interview_date:
            return label("from_interview", lang, date=long_date(row.interview_date, lang))
        return label("from_interview_undated", lang)
    if row.answer_path and row.form_version_id:
        from . import forms

        question = forms.definition_in(session, row.form_version_id).find(row.answer_path)
        number = _question_number(question) if question else None
        if number:
            return label("from_questionnaire", lang, number=number)
    return label("questionnaire", lang).lower()


def _quote_groups(rows: Sequence, labels: dict, mechs: _Mechanisms, session: Session,
                  lang: str) -> list[QuoteGroup]:
    groups: dict[str, list[QuoteItem]] = {}
    for row in rows:
        tags = sorted(set(_tags(row.tags)), key=_tag_order)
        key = tags[0] if tags else ""
        groups.setdefault(key, []).append(
            QuoteItem(
                text=row.text,
                speaker=_speaker(row, mechs),
                source=_source(row, lang, session),
                other_tags=tuple(_tag_label(t, labels, lang) for t in tags[1:]),
            )
        )
    result = []
    for key in sorted(groups, key=lambda k: (k == "", _tag_order(k) if k else ())):
        title = _tag_label(key, labels, lang) if key else label("other_quotes", lang)
        result.append(QuoteGroup(key, title, tuple(groups[key])))
    return result


def _annex(statuses: Sequence[MechanismStatus], labels: dict, lang: str) -> list[AnnexRow]:
    rows = []
    for m in sorted(statuses, key=lambda m: (TYPE_ORDER.index(m.type) if m.type in TYPE_ORDER else 9,
                                             m.sort, m.key)):
        region = labels.get(("region", m.region))
        if m.questionnaire:
            q = label(f"q_{m.questionnaire}", lang)
        else:
            q = label("q_sent" if m.questionnaire_sent else "q_none", lang)
        rows.append(
            AnnexRow(
                acronym=_pick(lang, m.acronym_fr, m.acronym_en),
                name=_pick(lang, m.name_fr, m.name_en),
                type=m.type,
                type_label=label(f"type_{m.type}", lang) if m.type in TYPE_ORDER else m.type,
                region_label=_pick(lang, region.label_fr, region.label_en) if region else m.region,
                questionnaire=q,
                interview=label(f"i_{m.interview}", lang) if m.interview else label("q_none", lang),
            )
        )
    return rows


def summary_json(db: Database, lang: str, out: str | Path, *, now: datetime | None = None) -> Path:
    """Write the summary's figures (exactly what its PDF is drawn from) as JSON."""
    return _write_json(summary_data(db, lang, now=now), Path(out))


def _write_json(data: SummaryData, out: Path) -> Path:
    from ..reports.pdf import atomic_write

    text = data.to_json() + "\n"
    return atomic_write(out, lambda temp: temp.write_text(text, encoding="utf-8"))


# --- profile ------------------------------------------------------------------------------


def _value_lines(question: Question, value: str, lang: str) -> tuple[str, ...]:
    if question.type == "select_one":
        choice = question.choice(value)
        if choice is None:
            return (value,)
        return (_choice_label(choice.name, choice.label_fr, choice.label_en, lang)[0],)
    if question.type == "select_multiple":
        lines = []
        for code in value.split():
            choice = question.choice(code)
            lines.append(_choice_label(code, choice.label_fr, choice.label_en, lang)[0] if choice else code)
        return tuple(lines)
    return (value,)


def answer_lines(definition: FormDefinition, values: dict[str, str], notes: dict[str, str],
                 lang: str, *, include_unanswered: bool = True) -> tuple[AnswerLine, ...]:
    """A response's answers in form order and in ``lang``: non-relevant questions left
    out (the form's skip logic, as the entry screens apply it), notes and calculations left
    out, choices written out, each repeat entry under its own heading."""
    from ..forms.definition import split_instance
    from ..forms.engine import FormState

    state = FormState(definition, values)
    lines: list[AnswerLine] = []
    seen_instances: set[str] = set()
    for path in state.instance_paths():
        question = definition.find(path)
        if question is None or not state.relevant(path):
            continue
        depth = path.count("/")
        # A repeat entry's heading, before its first question.
        parts = path.split("/")
        for end in range(1, len(parts)):
            prefix = "/".join(parts[:end])
            split = split_instance(prefix)
            if split and prefix not in seen_instances:
                seen_instances.add(prefix)
                repeat = definition.find(split[0])
                number = _question_number(repeat) if repeat is not None else None
                name = label("question_n", lang, number=number) if number else _short_label(repeat, lang)
                lines.append(AnswerLine(prefix, label("repeat_block", lang, label=name, number=split[1]), (),
                                        heading=True, level=end))
        if question.is_container:
            if question.is_repeat and not any(p.startswith(path + "[") for p in values):
                if include_unanswered:
                    lines.append(AnswerLine(path, question.label(lang), (label("not_answered", lang),),
                                            level=depth, answered=False))
                continue
            lines.append(AnswerLine(path, question.label(lang), (), heading=True, level=depth))
            continue
        if not question.takes_answer:
            continue
        value = values.get(path)
        note = notes.get(path)
        if value is None or not str(value).strip():
            if include_unanswered or note:
                lines.append(AnswerLine(path, question.label(lang), (label("not_answered", lang),),
                                        note=note, level=depth, answered=False))
            continue
        lines.append(AnswerLine(path, question.label(lang), _value_lines(question, value, lang),
                                note=note, level=depth))
    return tuple(lines)


def _short_label(question: Question | None, lang: str) -> str:
    if question is None:
        return ""
    text = question.label(lang)
    cut = re.split(r"[.:;?]\s", text, maxsplit=1)[0]
    return cut if len(cut) <= 60 else question.name


def resolve_mechanism(db: Database, mechanism: str | None) -> str:
    """A mechanism id from an id or an acronym (French or English) or reference key."""
    from ..persistence import repositories

    if not mechanism or not mechanism.strip():
        raise ReportError(QCoreApplication.translate("Reports", "A profile needs a mechanism: give its acronym."))
    with db.read() as session:
        row = repositories.mechanism(session, mechanism)
        if row is None or row.deleted_at is not None:
            row = repositories.mechanism_by_acronym(session, mechanism)
        if row is None:
            raise ReportError(
                QCoreApplication.translate("Reports", "No mechanism is called “{name}”.").format(name=mechanism)
            )
        return row.id


def profile_data(db: Database, mechanism: str, lang: str, *, time_zone: str = "UTC",
                 now: datetime | None = None) -> ProfileData:
    """One mechanism's card, questionnaire answers, interviews and open follow-ups."""
    from ..persistence import report_repo as repo
    from ..persistence import repositories
    from . import forms, instruments

    _check_lang(lang)
    mechanism_id = resolve_mechanism(db, mechanism)
    moment = _now(now)
    with db.read() as session:
        study = instruments.study_forms_in(session)
        round_id, _ = repo.current_round(session)
        statuses = repo.mechanism_statuses(session, round_id, study.questionnaire)
        mechs = _Mechanisms(statuses, lang)
        m = repositories.mechanism(session, mechanism_id)
        members = load_members(m.member_states) or []
        labels = {(i.kind, i.name): i for i in repositories.reference_items(session)}
        region = labels.get(("region", m.region))
        type_item = labels.get(("mechanism_type", m.type))
        contacts = tuple(
            ContactLine(
                role=label(f"role_{c.role}", lang) if c.role in ("chair", "secretariat_head", "other") else c.role,
                name=c.name,
                title=", ".join(p for p in (c.title, c.institution) if p),
                reach="\n".join(p for p in (c.email, c.phone) if p),
            )
            for c in repositories.contacts_of(session, mechanism_id)
        )
        chosen = repo.chosen_response_of(session, mechanism_id, round_id, study.questionnaire)
        answers: tuple[AnswerLine, ...] = ()
        q_status = None
        if chosen is not None:
            response_id, version_id, status = chosen
            definition = forms.definition_in(session, version_id)
            values, notes = _values_and_notes(repo.answer_rows(session, response_id))
            answers = answer_lines(definition, values, notes, lang)
            q_status = label(f"q_{status}", lang)
        interviews = []
        quotes_by_interview: dict[str | None, list[QuoteLine]] = {}
        for row in repo.quote_rows(session, cleared_only=False, mechanism_id=mechanism_id):
            quotes_by_interview.setdefault(row.interview_id, []).append(
                QuoteLine(row.text, tuple(_tag_label(t, labels, lang) for t in sorted(set(_tags(row.tags)), key=_tag_order)),
                          label("cleared" if row.cleared else "not_cleared", lang))
            )
        for row in repo.interview_rows(session, mechanism_id):
            when = row.actual_start_utc or row.planned_start_utc
            status = label(f"i_{row.status}", lang) if f"i_{row.status}" in _LABEL_KEYS else row.status
            if when is not None:
                from ..domain.timezones import city_of

                zone = row.time_zone or time_zone
                local = _local(when, zone)
                heading = label("interview_heading", lang, date=f"{date_time(local, lang)} {city_of(zone)}",
                                status=status)
            else:
                heading = label("interview_heading_undated", lang, status=status)
            guide: tuple[AnswerLine, ...] = ()
            if row.response_id and row.form_version_id:
                definition = forms.definition_in(session, row.form_version_id)
                values, notes = _values_and_notes(repo.answer_rows(session, row.response_id))
                guide = answer_lines(definition, values, notes, lang, include_unanswered=False)
            who = ", ".join(p for p in (row.contact_name, row.contact_title, row.contact_institution) if p)
            interviews.append(InterviewBlock(
                heading=heading,
                interviewee=who or None,
                consent=label(f"consent_{row.consent}", lang) if row.consent in ("named", "quoted", "neither", "unknown") else row.consent,
                duration=str(round(row.actual_seconds / 60)) if row.actual_seconds else None,
                notes=row.notes,
                guide=guide,
                quotes=tuple(quotes_by_interview.pop(row.id, [])),
            ))
        for response_id, version_id in repo.guide_responses_without_interview(session, mechanism_id,
                                                                              study.interview):
            definition = forms.definition_in(session, version_id)
            values, notes = _values_and_notes(repo.answer_rows(session, response_id))
            interviews.append(InterviewBlock(
                heading=label("guide_answers", lang), interviewee=None,
                consent=label("consent_unknown", lang), duration=None, notes=None,
                guide=answer_lines(definition, values, notes, lang, include_unanswered=False), quotes=(),
            ))
        followups = tuple(
            _followup_item(row, mechs, lang, time_zone, moment)
            for row in repo.open_followups(session, mechanism_id)
        )
        other_quotes = tuple(q for quotes in quotes_by_interview.values() for q in quotes)
        fictional = repo.is_demo(session) or repo.has_fictional_rows(session)
        acronym = mechs.acronym(mechanism_id)
        return ProfileData(
            lang=lang,
            title=label("profile_title", lang, acronym=acronym),
            acronym=acronym,
            name=mechs.name(mechanism_id),
            type_label=_pick(lang, type_item.label_fr, type_item.label_en) if type_item else m.type,
            region_label=_pick(lang, region.label_fr, region.label_en) if region else m.region,
            member_states=label("members_count", lang, n=len(members)) if members else label("members_not_recorded", lang),
            members=tuple(country_name(c, lang) for c in sorted(members, key=lambda c: sort_key(c, lang))),
            members_source=m.member_states_source if members else None,
            chair_country=m.chair_country or label("none", lang),
            website=m.website or label("none", lang),
            notes=m.notes or "",
            contacts=contacts,
            questionnaire_status=q_status,
            answers=answers,
            interviews=tuple(interviews),
            followups=followups,
            quotes=other_quotes,
            generated_label=label("generated", lang, date=date_time(moment, lang)),
            fictional=fictional,
        )


def _values_and_notes(rows: Iterable[tuple]) -> tuple[dict[str, str], dict[str, str]]:
    values: dict[str, str] = {}
    notes: dict[str, str] = {}
    for path, value, _relevant, note in rows:
        if value is not None:
            values[path] = value
        if note:
            notes[path] = note
    return values, notes


def _local(utc: datetime, zone: str) -> datetime:
    from ..domain.timezones import from_utc_naive, is_known_zone

    return from_utc_naive(utc, zone if is_known_zone(zone) else "UTC")


# --- follow-ups ---------------------------------------------------------------------------


def _followup_item(row, mechs: _Mechanisms, lang: str, zone: str, now: datetime) -> FollowUpItem:  # noqa: ANN001
    # As the dashboard: overdue once the due time has passed, "today" until the end of the
    # day in the user's zone.
    today = _today(now, zone)
    aware = now.astimezone() if now.tzinfo is None else now
    now_utc = aware.astimezone(UTC).replace(tzinfo=None)
    if row.due_utc is None:
        state, due = "undated", label("none", lang)
    else:
        local = _local(row.due_utc, zone)
        if row.due_utc < now_utc:
            state = "overdue"
        else:
            state = "today" if local.date() == today else "upcoming"
        due = date_time(local, lang)
    about = None
    if row.answer_path:
        about = label("about_question", lang, question=row.answer_path)
        number = re.search(r"(?:^|/)q(\d+)(?:$|[/\[])", row.answer_path)
        if number:
            about = label("about_question", lang, question=label("question_n", lang, number=number.group(1)))
    kind_key = f"kind_{row.kind}"
    return FollowUpItem(
        id=row.id,
        mechanism=mechs.acronym(row.mechanism_id),
        mechanism_name=mechs.name(row.mechanism_id),
        owner=row.owner or "",
        kind=row.kind,
        kind_label=label(kind_key, lang) if kind_key in _LABEL_KEYS else row.kind,
        due=due,
        state=state,
        state_label=label(f"state_{state}", lang),
        notes=row.notes,
        about=about,
    )


def _today(now: datetime, zone: str) -> date:
    """Today's date in ``zone``; ``now`` is the machine's local time (naive) or aware."""
    from ..domain.timezones import is_known_zone
    from ..domain.timezones import zone as zone_info

    aware = now.astimezone() if now.tzinfo is None else now
    return aware.astimezone(zone_info(zone if is_known_zone(zone) else "UTC")).date()


def followups_data(db: Database, lang: str, *, time_zone: str = "UTC",
                   now: datetime | None = None) -> FollowUpsData:
    """Open follow-ups (overdue, today, upcoming, undated), by owner then mechanism."""
    from ..persistence import report_repo as repo
    from . import instruments

    _check_lang(lang)
    moment = _now(now)
    with db.read() as session:
        round_id, _ = repo.current_round(session)
        mechs = _Mechanisms(repo.mechanism_statuses(session, round_id,
                                                    instruments.study_form_id_in(session, "questionnaire")), lang)
        items = [_followup_item(row, mechs, lang, time_zone, moment)
                 for row in repo.open_followups(session)]
        fictional = repo.is_demo(session) or repo.has_fictional_rows(session)
    counts = {state: sum(1 for i in items if i.state == state)
              for state in ("overdue", "today", "upcoming", "undated")}
    owners: list[OwnerGroup] = []
    by_owner: dict[str, dict[str, list[FollowUpItem]]] = {}
    for item in items:
        by_owner.setdefault(item.owner, {}).setdefault(item.mechanism, []).append(item)
    state_rank = {"overdue": 0, "today": 1, "upcoming": 2, "undated": 3}
    for owner in sorted(by_owner, key=lambda o: (o == "", o.casefold())):
        groups = []
        for acronym, group in by_owner[owner].items():
            group.sort(key=lambda i: state_rank[i.state])
            groups.append(MechanismGroup(acronym, group[0].mechanism_name, tuple(group)))
        owners.append(OwnerGroup(owner, tuple(groups)))
    return FollowUpsData(
        lang=lang,
        title=label("followups_title", lang),
        time_zone=time_zone,
        counts=counts,
        owners=tuple(owners),
        generated_label=label("generated", lang, date=date_time(moment, lang)),
        fictional=fictional,
    )


# --- blank forms --------------------------------------------------------------------------


def blank_form_data(db: Database, kind: str, lang: str, *, now: datetime | None = None) -> BlankFormData:
    """The study's questionnaire or interview guide (its newest version) to print blank."""
    from ..persistence import report_repo as repo
    from . import instruments

    _check_lang(lang)
    form_kind = "interview" if kind in ("interview", "blank-interview") else "questionnaire"
    with db.read() as session:
        definition = _definition(session, instruments.study_form_id_in(session, form_kind))
        fictional = repo.is_demo(session) or repo.has_fictional_rows(session)
    if definition is None:
        raise ReportError(
            QCoreApplication.translate("Reports", "No {kind} form is installed.").format(kind=form_kind)
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


# --- building -----------------------------------------------------------------------------


def is_demo(db: Database) -> bool:
    """The database is a demonstration database (setting demo=1)."""
    if db.path is not None:
        from ..persistence.sqlite_files import read_rows

        try:
            rows = read_rows(db.path, "SELECT value FROM setting WHERE key='demo'")
        except Exception:  # noqa: BLE001 - a database being created has no table yet
            return False
        return bool(rows) and rows[0][0] == "1"
    from ..persistence import report_repo as repo

    with db.read() as session:
        return repo.is_demo(session)


def build_report(
    db: Database,
    kind: str,
    lang: str,
    out: str | Path,
    mechanism: str | None = None,
    progress: Progress | None = None,
    *,
    time_zone: str | None = None,
    now: datetime | None = None,
) -> Path:
    """Build one report into ``out`` (written atomically) and return its path.

    ``kind``: summary, profile (needs ``mechanism``: an id or an acronym), followups,
    blank-questionnaire, blank-interview. ``progress(fraction, message)`` is called as the
    work advances (from the calling thread). Raises ReportError with a message for the user.
    """
    if kind not in KINDS:
        raise ReportError(
            QCoreApplication.translate("Reports", "Unknown report “{kind}”.").format(kind=kind)
        )
    _check_lang(lang)
    target = Path(out).expanduser()
    if not target.parent.is_dir():
        raise ReportError(
            QCoreApplication.translate(
                "Reports", "The folder {folder} does not exist: choose another place for the report."
            ).format(folder=target.parent)
        )
    if target.is_dir():
        raise ReportError(
            QCoreApplication.translate("Reports", "{path} is a folder: give a file name for the report.").format(
                path=target
            )
        )
    zone = time_zone or "UTC"

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    step(0.05, QCoreApplication.translate("Reports", "Reading the data…"))
    if kind == "summary":
        data: Any = summary_data(db, lang, now=now)
    elif kind == "profile":
        data = profile_data(db, mechanism or "", lang, time_zone=zone, now=now)
    elif kind == "followups":
        data = followups_data(db, lang, time_zone=zone, now=now)
    else:
        data = blank_form_data(db, kind, lang, now=now)
    step(0.4, QCoreApplication.translate("Reports", "Laying out the pages…"))
    try:
        if kind == "summary":
            from ..reports.summary import write_summary

            write_summary(data, target)
        elif kind == "profile":
            from ..reports.profile import write_profile

            write_profile(data, target)
        elif kind == "followups":
            from ..reports.followups import write_followups

            write_followups(data, target)
        else:
            from ..reports.blank_forms import write_blank_form

            write_blank_form(data, target)
    except PermissionError as exc:
        raise ReportError(
            QCoreApplication.translate("Reports", "Cannot write {path}: {problem}").format(
                path=target, problem=exc.strerror or exc
            )
        ) from None
    step(1.0, QCoreApplication.translate("Reports", "Done."))
    return target


# Default file names in the report's language: (English, French).
FILE_WORDS = {
    "summary": ("summary", "synthese"),
    "profile": ("profile", "profil"),
    "followups": ("followups", "suivis"),
    "blank-questionnaire": ("blank-questionnaire", "questionnaire-vierge"),
    "blank-interview": ("blank-interview-guide", "guide-entretien-vierge"),
}


def default_file_name(kind: str, lang: str, mechanism_acronym: str | None = None,
                      today: date | None = None) -> str:
    """In the report's language: ``synthese-mcim-2018-11-20.pdf``,
    ``profil-processus-de-rabat-2018-11-20.pdf``, ``summary-iscm-2018-11-20.pdf``."""
    from ..domain.countries import fold

    stamp = (today or clock.utcnow().date()).isoformat()
    english, french = FILE_WORDS.get(kind, (kind, kind))
    word = french if lang == "fr" else english
    if kind == "profile" and mechanism_acronym:
        slug = re.sub(r"[^a-z0-9]+", "-", fold(mechanism_acronym)).strip("-")
        return f"{word}-{slug or 'mcim'}-{stamp}.pdf"
    return f"{word}-{'mcim' if lang == 'fr' else 'iscm'}-{stamp}.pdf"


__all__ = [
    "AnnexRow", "AnswerLine", "Bar", "BlankFormData", "ContactLine", "Figure", "FollowUpItem",
    "FollowUpsData", "InterviewBlock", "KINDS", "MechanismGroup", "Overview", "OwnerGroup",
    "ProfileData", "QuoteGroup", "QuoteItem", "QuoteLine", "RegionRow", "ReportError",
    "SummaryData", "answer_lines", "blank_form_data", "build_report", "default_file_name",
    "followups_data", "is_demo", "profile_data", "resolve_mechanism", "summary_data",
    "summary_json",
]
