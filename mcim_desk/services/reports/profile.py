"""One mechanism's profile: its card, questionnaire answers, interviews and open follow-ups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from ...domain.countries import country_name, sort_key
from ...domain.countries import load as load_members
from ...reports.data import (
    AnswerLine,
    ContactLine,
    InterviewBlock,
    ProfileData,
    QuoteLine,
)
from ...reports.labels import date_time, label
from ...translation import translate
from .common import (
    _LABEL_KEYS,
    ReportError,
    _check_lang,
    _choice_label,
    _local,
    _Mechanisms,
    _now,
    _pick,
    _question_number,
    _tag_label,
    _tag_order,
    _tags,
)
from .followups import _followup_item

if TYPE_CHECKING:
    from ...forms.definition import FormDefinition, Question
    from ...persistence.database import Database


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
    from ...forms.definition import split_instance
    from ...forms.engine import FormState

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
    from ...persistence import repositories

    if not mechanism or not mechanism.strip():
        raise ReportError(translate("Reports", "A profile needs a mechanism: give its acronym."))
    with db.read() as session:
        row = repositories.mechanism(session, mechanism)
        if row is None or row.deleted_at is not None:
            row = repositories.mechanism_by_acronym(session, mechanism)
        if row is None:
            raise ReportError(
                translate("Reports", "No mechanism is called “{name}”.").format(name=mechanism)
            )
        return row.id


def profile_data(db: Database, mechanism: str, lang: str, *, time_zone: str = "UTC",
                 now: datetime | None = None) -> ProfileData:
    """One mechanism's card, questionnaire answers, interviews and open follow-ups."""
    from ...persistence import report_repo as repo
    from ...persistence import repositories
    from .. import forms, instruments

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
                from ...domain.timezones import city_of

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
