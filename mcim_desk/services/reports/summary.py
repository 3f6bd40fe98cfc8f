"""The summary of findings (the side-event report): every figure by SQL aggregates, and its JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...reports.data import (
    AnnexRow,
    Bar,
    Figure,
    Overview,
    QuoteGroup,
    QuoteItem,
    RegionRow,
    SummaryData,
)
from ...reports.labels import date_time, label, long_date
from .common import (
    CODED_TITLES,
    FIGURES,
    TYPE_ORDER,
    _bars,
    _cached_definition,
    _check_lang,
    _fits,
    _Mechanisms,
    _merged_choices,
    _now,
    _pick,
    _question_number,
    _short_tag,
    _tag_label,
    _tag_order,
    _tags,
    _versions,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ...forms.definition import FormDefinition, Question
    from ...persistence.database import Database
    from ...persistence.report_repo import MechanismStatus


def summary_data(db: Database, lang: str, *, now: datetime | None = None) -> SummaryData:
    """Every figure of the summary of findings, computed by SQL aggregates."""
    from ...persistence import report_repo as repo
    from ...persistence import repositories
    from .. import instruments

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
        states, unknown = repo.member_states(session, sorted(any_ids))
        overview = Overview(
            mechanisms_total=len(statuses),
            questionnaire=mechs.acronyms(q_ids),
            interview=mechs.acronyms(i_ids),
            both=mechs.acronyms(q_ids & i_ids),
            any=mechs.acronyms(any_ids),
            questionnaire_names=tuple(mechs.name(i) for i in mechs.ordered(q_ids)),
            interview_names=tuple(mechs.name(i) for i in mechs.ordered(i_ids)),
            member_states=states,
            member_states_unknown=unknown,
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
    from ...persistence import report_repo as repo

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
    from ...forms.definition import definition_path
    from ...persistence import report_repo as repo

    rows = repo.coded_counts(session)
    if not rows:
        return []
    from .. import forms

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
        from .. import forms

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
    from ...reports.pdf import atomic_write

    text = data.to_json() + "\n"
    return atomic_write(out, lambda temp: temp.write_text(text, encoding="utf-8"))
