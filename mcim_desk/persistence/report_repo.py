"""The reports' queries. Every figure is an aggregate computed by the database (GROUP BY,
COUNT(DISTINCT ...)); what comes back is one row per answer code, per choice or per code,
never one row per answer.

Which questionnaire answers count: for each mechanism, its *chosen* response to the study's
questionnaire (the form the caller names, every version of it) in the current survey round
(validated before complete before draft, then the latest edited) among its live responses
holding at least one relevant, non-empty answer; and of that response only answers flagged
``relevant`` (the form's skip logic) and not empty.

A question is found by *where it sits in each version*: the figures take ``locations``,
(form version id, path) pairs, so that a version which moved the question (a renamed group)
still counts, and a version without the question does not ask it (its responses are not in n).

Mechanism lists come back as comma-separated ids (``group_concat`` on SQLite,
``string_agg`` on PostgreSQL): ids are UUIDs, which hold no comma.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    String,
    and_,
    case,
    distinct,
    exists,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from .models import (
    Answer,
    Code,
    Contact,
    FollowUp,
    FormVersion,
    Interview,
    Mechanism,
    Quote,
    Response,
    Setting,
    SurveyRound,
)

HELD_STATES = ("held", "notes_validated", "closed")
_STATUS_RANK = {"validated": 3, "complete": 2}


@dataclass(frozen=True)
class CountRow:
    """One bar: ``key`` (an answer code, choice, category or code id), how many distinct
    mechanisms, and their ids."""

    key: str
    count: int
    mechanism_ids: tuple[str, ...]


def _ids(text: str | None) -> tuple[str, ...]:
    return tuple(sorted(part for part in (text or "").split(",") if part))


def _id_list(session: Session, column):  # noqa: ANN001, ANN202 - SQL expressions
    """An aggregate listing the distinct values of ``column`` separated by commas."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(distinct(column), literal_column("','"))
    return func.group_concat(distinct(column))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _non_empty(column):  # noqa: ANN001, ANN202
    return and_(column.is_not(None), func.trim(column) != "")


# --- the answers that count ---------------------------------------------------------------


def current_round(session: Session) -> tuple[str | None, str | None]:
    """(id, name) of the current survey round, or (None, None)."""
    row = session.execute(
        select(SurveyRound.id, SurveyRound.name)
        .where(SurveyRound.is_current.is_(True), SurveyRound.deleted_at.is_(None))
        .order_by(SurveyRound.created_at.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else (None, None)


Location = tuple[str, str]  # (form version id, path or LIKE pattern)


def _live_responses(form_id: str, round_id: str | None, ignore_paths: Sequence[str] = ()):  # noqa: ANN202
    """Live responses to ``form_id`` (any version; in the round, or without one) that hold at
    least one relevant non-empty answer (answers at ``ignore_paths`` do not count)."""
    answered = exists().where(
        Answer.response_id == Response.id,
        Answer.deleted_at.is_(None),
        Answer.relevant.is_(True),
        _non_empty(Answer.value),
        *([Answer.path.not_in(list(ignore_paths))] if ignore_paths else []),
    )
    stmt = (
        select(Response.id, Response.mechanism_id, Response.status, Response.updated_at)
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .join(Mechanism, Mechanism.id == Response.mechanism_id)
        .where(
            FormVersion.form_id == form_id,
            Response.deleted_at.is_(None),
            Mechanism.deleted_at.is_(None),
            answered,
        )
    )
    if round_id is not None:
        stmt = stmt.where(or_(Response.round_id == round_id, Response.round_id.is_(None)))
    return stmt


def chosen_responses(session: Session, round_id: str | None, form_id: str) -> Subquery:
    """One response to the questionnaire ``form_id`` per mechanism (columns ``id``,
    ``mechanism_id``, ``form_version_id``).

    The choice is made once (one window query) and the figures then read the chosen
    responses by primary key: at most one per mechanism, however many responses there are.
    """
    ids = list(session.scalars(select(_chosen(round_id, form_id).c.id)))
    return (
        select(Response.id, Response.mechanism_id, Response.form_version_id)
        .where(Response.id.in_(ids) if ids else false())
        .subquery("chosen")
    )


def _chosen(round_id: str | None, form_id: str) -> Subquery:
    live = _live_responses(form_id, round_id).subquery("live")
    rank = case(
        *((live.c.status == status, value) for status, value in _STATUS_RANK.items()), else_=1
    )
    numbered = select(
        live.c.id,
        live.c.mechanism_id,
        func.row_number()
        .over(partition_by=live.c.mechanism_id, order_by=(rank.desc(), live.c.updated_at.desc(), live.c.id))
        .label("rn"),
    ).subquery("numbered")
    return (
        select(numbered.c.id, numbered.c.mechanism_id).where(numbered.c.rn == 1).subquery("chosen")
    )


def _relevant_answers(chosen: Subquery):  # noqa: ANN202
    return (
        Answer.response_id == chosen.c.id,
        Answer.deleted_at.is_(None),
        Answer.relevant.is_(True),
        _non_empty(Answer.value),
    )


def _at(chosen: Subquery, locations: Sequence[Location], *, like: bool = False):  # noqa: ANN202
    """The answer sits at one of ``locations`` in its response's form version."""
    if not locations:
        return false()
    if like:
        return or_(*(and_(chosen.c.form_version_id == version, Answer.path.like(path, escape="\\"))
                     for version, path in locations))
    return or_(*(and_(chosen.c.form_version_id == version, Answer.path == path)
                 for version, path in locations))


# --- figures ------------------------------------------------------------------------------


def select_one_counts(session: Session, chosen: Subquery, locations: Sequence[Location]) -> list[CountRow]:
    """One row per answer code of a question (at ``locations``): distinct mechanisms that gave it."""
    stmt = (
        select(
            Answer.value,
            func.count(distinct(chosen.c.mechanism_id)),
            _id_list(session, chosen.c.mechanism_id),
        )
        .join(chosen, chosen.c.id == Answer.response_id)
        .where(*_relevant_answers(chosen), _at(chosen, locations))
        .group_by(Answer.value)
    )
    return [CountRow(value, count, _ids(ids)) for value, count, ids in session.execute(stmt)]


def answered_mechanisms(session: Session, chosen: Subquery, locations: Sequence[Location], *,
                        like: bool = False) -> CountRow:
    """Distinct mechanisms with a relevant non-empty answer at one of ``locations`` (paths,
    or LIKE patterns with ``like``)."""
    stmt = (
        select(func.count(distinct(chosen.c.mechanism_id)), _id_list(session, chosen.c.mechanism_id))
        .select_from(Answer)
        .join(chosen, chosen.c.id == Answer.response_id)
        .where(*_relevant_answers(chosen), _at(chosen, locations, like=like))
    )
    count, ids = session.execute(stmt).one()
    return CountRow("answered", count or 0, _ids(ids))


def respondents(session: Session, chosen: Subquery) -> CountRow:
    """Distinct mechanisms with a chosen questionnaire response."""
    count, ids = session.execute(
        select(func.count(distinct(chosen.c.mechanism_id)), _id_list(session, chosen.c.mechanism_id))
    ).one()
    return CountRow("questionnaire", count or 0, _ids(ids))


def answered_or_not(session: Session, chosen: Subquery, locations: Sequence[Location]) -> list[CountRow]:
    """Among the respondents whose form version asks the question (at ``locations``):
    'answered' / 'not_answered'."""
    if not locations:
        return []
    given = (
        select(Answer.response_id)
        .join(chosen, chosen.c.id == Answer.response_id)
        .where(*_relevant_answers(chosen), _at(chosen, locations))
        .distinct()
        .subquery("given")
    )
    state = case((given.c.response_id.is_not(None), "answered"), else_="not_answered")
    asked = chosen.c.form_version_id.in_(sorted({version for version, _path in locations}))
    stmt = (
        select(state, func.count(distinct(chosen.c.mechanism_id)), _id_list(session, chosen.c.mechanism_id))
        .select_from(chosen)
        .outerjoin(given, given.c.response_id == chosen.c.id)
        .where(asked)
        .group_by(state)
    )
    return [CountRow(key, count, _ids(ids)) for key, count, ids in session.execute(stmt)]


def _patterns(names: Sequence[str]):  # noqa: ANN202 - a subquery of (name, pattern)
    selects = [
        select(
            literal(name, String).label("name"),
            literal(f"% {_like_escape(name)} %", String).label("pattern"),
        )
        for name in names
    ]
    return union_all(*selects).subquery("choices")


def multiple_choice_counts(
    session: Session, chosen: Subquery, locations: Sequence[Location], choice_names: Sequence[str]
) -> list[CountRow]:
    """A select_multiple question: per choice, the distinct mechanisms whose answer (space
    separated codes) includes it. Choices nobody cited are absent."""
    if not choice_names:
        return []
    choices = _patterns(choice_names)
    padded = literal(" ") + Answer.value + literal(" ")
    stmt = (
        select(
            choices.c.name,
            func.count(distinct(chosen.c.mechanism_id)),
            _id_list(session, chosen.c.mechanism_id),
        )
        .select_from(Answer)
        .join(chosen, chosen.c.id == Answer.response_id)
        .join(choices, padded.like(choices.c.pattern, escape="\\"))
        .where(*_relevant_answers(chosen), _at(chosen, locations))
        .group_by(choices.c.name)
    )
    return [CountRow(name, count, _ids(ids)) for name, count, ids in session.execute(stmt)]


def repeat_child_counts(session: Session, chosen: Subquery,
                        locations: Sequence[tuple[str, str, str]]) -> tuple[CountRow, list[CountRow]]:
    """A question inside a repeat (Q25's partner category), at ``locations`` (form version
    id, repeat path, child name): (all mechanisms with at least one answer, one row per value:
    distinct mechanisms with an instance giving it)."""
    patterns = [(version, f"{_like_escape(repeat_path)}[%]/{_like_escape(child)}")
                for version, repeat_path, child in locations]
    stmt = (
        select(
            Answer.value,
            func.count(distinct(chosen.c.mechanism_id)),
            _id_list(session, chosen.c.mechanism_id),
        )
        .join(chosen, chosen.c.id == Answer.response_id)
        .where(*_relevant_answers(chosen), _at(chosen, patterns, like=True))
        .group_by(Answer.value)
    )
    rows = [CountRow(value, count, _ids(ids)) for value, count, ids in session.execute(stmt)]
    return answered_mechanisms(session, chosen, patterns, like=True), rows


# --- coded passages -----------------------------------------------------------------------


@dataclass(frozen=True)
class CodedRow:
    form_id: str | None
    form_version_id: str | None
    answer_path: str | None
    code_id: str | None  # None: the row counts every coded mechanism of the question
    count: int
    mechanism_ids: tuple[str, ...]


def _coded_passages():  # noqa: ANN202 - the live coding rows, with their form
    """Coded passages of live responses whose answer is still relevant (a passage in a
    note of an interview has no answer and always counts)."""
    return (
        select(Quote.id, Quote.mechanism_id, Quote.code_ids, Quote.answer_path, FormVersion.form_id,
               FormVersion.id.label("form_version_id"))
        .select_from(Quote)
        .outerjoin(Response, Response.id == Quote.response_id)
        .outerjoin(FormVersion, FormVersion.id == Response.form_version_id)
        .outerjoin(
            Answer,
            and_(Answer.response_id == Quote.response_id, Answer.path == Quote.answer_path,
                 Answer.deleted_at.is_(None)),
        )
        .join(Mechanism, Mechanism.id == Quote.mechanism_id)
        .where(
            Quote.kind == "coding",
            Quote.deleted_at.is_(None),
            Mechanism.deleted_at.is_(None),
            or_(Quote.response_id.is_(None), Response.deleted_at.is_(None)),
            or_(Answer.id.is_(None), Answer.relevant.is_(True)),
        )
        .subquery("coded")
    )


def coded_counts(session: Session) -> list[CodedRow]:
    """Per (form version, answer path, code): distinct mechanisms with a passage carrying the code
    (``code_ids`` is a JSON list of ids: matched as the quoted id), plus per (form, answer
    path) a row with ``code_id`` None counting every coded mechanism. The caller merges
    versions by question."""
    coded = _coded_passages()
    pattern = literal('%"') + Code.id + literal('"%')
    per_code = (
        select(
            coded.c.form_id,
            coded.c.form_version_id,
            coded.c.answer_path,
            Code.id,
            func.count(distinct(coded.c.mechanism_id)),
            _id_list(session, coded.c.mechanism_id),
        )
        .select_from(coded)
        .join(Code, and_(coded.c.code_ids.like(pattern), Code.deleted_at.is_(None)))
        .group_by(coded.c.form_id, coded.c.form_version_id, coded.c.answer_path, Code.id)
    )
    per_question = (
        select(
            coded.c.form_id,
            coded.c.form_version_id,
            coded.c.answer_path,
            func.count(distinct(coded.c.mechanism_id)),
            _id_list(session, coded.c.mechanism_id),
        )
        .where(coded.c.code_ids.is_not(None), coded.c.code_ids != "[]")
        .group_by(coded.c.form_id, coded.c.form_version_id, coded.c.answer_path)
    )
    rows = [CodedRow(f, v, p, c, n, _ids(ids)) for f, v, p, c, n, ids in session.execute(per_code)]
    rows += [CodedRow(f, v, p, None, n, _ids(ids)) for f, v, p, n, ids in session.execute(per_question)]
    return rows


def codes(session: Session) -> list[tuple[str, str, str, str | None]]:
    """(id, label_fr, label_en, parent_id) of the live codebook."""
    stmt = select(Code.id, Code.label_fr, Code.label_en, Code.parent_id).where(
        Code.deleted_at.is_(None)
    ).order_by(Code.label_en)
    return [tuple(row) for row in session.execute(stmt)]


# --- who answered -------------------------------------------------------------------------


def interviewed(session: Session, round_id: str | None, form_id: str,
                ignore_paths: Sequence[str] = ()) -> CountRow:
    """Distinct mechanisms that gave an interview: an interview held (held, notes validated,
    closed), or a response to the interview guide ``form_id`` with an answer (other than at ``ignore_paths``,
    the questions filled in when the guide is opened) that no interview still to be held,
    cancelled or rescheduled points at."""
    held = select(Interview.mechanism_id.label("mechanism_id")).where(
        Interview.status.in_(HELD_STATES), Interview.deleted_at.is_(None)
    )
    not_held = select(Interview.response_id).where(
        Interview.response_id.is_not(None),
        Interview.deleted_at.is_(None),
        Interview.status.not_in(HELD_STATES),
    )
    guide = (
        _live_responses(form_id, round_id, ignore_paths)
        .with_only_columns(Response.mechanism_id)
        .where(Response.id.not_in(not_held))
    )
    both = union_all(held, guide).subquery("interviewed")
    stmt = (
        select(func.count(distinct(both.c.mechanism_id)), _id_list(session, both.c.mechanism_id))
        .select_from(both)
        .join(Mechanism, Mechanism.id == both.c.mechanism_id)
        .where(Mechanism.deleted_at.is_(None))
    )
    count, ids = session.execute(stmt).one()
    return CountRow("interview", count or 0, _ids(ids))


def member_states(session: Session, mechanism_ids: Sequence[str]) -> list[tuple[str, str | None]]:
    """(mechanism id, stored membership: JSON list of ISO codes or None) of each mechanism.
    Never a sum of counts: the caller counts distinct States."""
    if not mechanism_ids:
        return []
    return [
        (mid, stored)
        for mid, stored in session.execute(
            select(Mechanism.id, Mechanism.member_states).where(Mechanism.id.in_(list(mechanism_ids)))
        )
    ]


def by_region_and_type(session: Session, responding_ids: Sequence[str]) -> list[tuple]:
    """(type, region, mechanisms, responding, responding ids) per region and type."""
    responding = Mechanism.id.in_(list(responding_ids)) if responding_ids else false()
    stmt = (
        select(
            Mechanism.type,
            Mechanism.region,
            func.count(Mechanism.id),
            func.sum(case((responding, 1), else_=0)),
            _id_list(session, case((responding, Mechanism.id), else_=None)),
            func.min(Mechanism.sort),
        )
        .where(Mechanism.deleted_at.is_(None))
        .group_by(Mechanism.type, Mechanism.region)
    )
    return [
        (type_, region, total, int(count or 0), _ids(ids), sort)
        for type_, region, total, count, ids, sort in session.execute(stmt)
    ]


@dataclass(frozen=True)
class MechanismStatus:
    id: str
    key: str
    type: str
    region: str
    sort: int
    acronym_fr: str
    acronym_en: str
    name_fr: str
    name_en: str
    member_state_count: int | None
    questionnaire: str | None  # best status of its questionnaire responses in the round
    questionnaire_sent: bool
    interview: str | None  # its most advanced interview state


def mechanism_statuses(session: Session, round_id: str | None, form_id: str) -> list[MechanismStatus]:
    """Every live mechanism with its status for the questionnaire ``form_id`` and its
    interview status (annex)."""
    q_rank = case(
        (Response.status == "validated", 3), (Response.status == "complete", 2), else_=1
    )
    questionnaire = (
        select(
            Response.mechanism_id.label("mechanism_id"),
            func.max(q_rank).label("rank"),
            func.max(case((Response.sent_at.is_not(None), 1), else_=0)).label("sent"),
        )
        .join(FormVersion, FormVersion.id == Response.form_version_id)
        .where(FormVersion.form_id == form_id, Response.deleted_at.is_(None))
    )
    if round_id is not None:
        questionnaire = questionnaire.where(
            or_(Response.round_id == round_id, Response.round_id.is_(None))
        )
    questionnaire = questionnaire.group_by(Response.mechanism_id).subquery("q")
    answered = _live_responses(form_id, round_id).with_only_columns(
        Response.mechanism_id
    ).subquery("answered")
    i_order = ("closed", "notes_validated", "held", "questions_sent", "planned", "rescheduled", "cancelled")
    i_rank = case(*((Interview.status == s, len(i_order) - n) for n, s in enumerate(i_order)), else_=0)
    interview = (
        select(Interview.mechanism_id.label("mechanism_id"), func.max(i_rank).label("rank"))
        .where(Interview.deleted_at.is_(None))
        .group_by(Interview.mechanism_id)
        .subquery("i")
    )
    has_answers = exists().where(answered.c.mechanism_id == Mechanism.id)
    stmt = (
        select(
            Mechanism.id, Mechanism.key, Mechanism.type, Mechanism.region, Mechanism.sort,
            Mechanism.acronym_fr, Mechanism.acronym_en, Mechanism.name_fr, Mechanism.name_en,
            Mechanism.member_state_count, questionnaire.c.rank, questionnaire.c.sent,
            interview.c.rank, has_answers,
        )
        .outerjoin(questionnaire, questionnaire.c.mechanism_id == Mechanism.id)
        .outerjoin(interview, interview.c.mechanism_id == Mechanism.id)
        .where(Mechanism.deleted_at.is_(None))
        .order_by(Mechanism.sort, Mechanism.key)
    )
    q_names = {3: "validated", 2: "complete", 1: "draft"}
    result = []
    for row in session.execute(stmt):
        (mid, key, type_, region, sort, afr, aen, nfr, nen, count, q_rank_value, sent,
         i_rank_value, has) = row
        q_status = q_names.get(q_rank_value) if q_rank_value else None
        if q_status == "draft" and not has:
            q_status = None  # an empty response opened for entry: nothing received yet
        i_status = i_order[len(i_order) - i_rank_value] if i_rank_value else None
        result.append(
            MechanismStatus(mid, key, type_, region, sort, afr, aen, nfr, nen, count, q_status,
                            bool(sent), i_status)
        )
    return result


# --- quotes, profile, follow-ups ----------------------------------------------------------


@dataclass(frozen=True)
class QuoteRow:
    id: str
    mechanism_id: str
    text: str
    tags: str
    answer_path: str | None
    form_id: str | None
    interview_id: str | None
    interview_consent: str | None
    interview_date: datetime | None
    contact_name: str | None
    contact_title: str | None
    cleared: bool
    fictional: bool
    form_version_id: str | None


def quote_rows(session: Session, *, cleared_only: bool = True,
               mechanism_id: str | None = None) -> list[QuoteRow]:
    """Live quotes (kind 'quote'), with their interview's consent and speaker."""
    stmt = (
        select(
            Quote.id, Quote.mechanism_id, Quote.text, Quote.tags, Quote.answer_path,
            FormVersion.form_id, Quote.interview_id, Interview.consent,
            func.coalesce(Interview.actual_start_utc, Interview.planned_start_utc),
            Contact.name, Contact.title, Quote.cleared, Quote.fictional, FormVersion.id,
        )
        .select_from(Quote)
        .outerjoin(Interview, Interview.id == Quote.interview_id)
        .outerjoin(Response, Response.id == Quote.response_id)
        .outerjoin(FormVersion, FormVersion.id == Response.form_version_id)
        .outerjoin(Contact, Contact.id == func.coalesce(Quote.contact_id, Interview.contact_id))
        .join(Mechanism, Mechanism.id == Quote.mechanism_id)
        .where(Quote.kind == "quote", Quote.deleted_at.is_(None), Mechanism.deleted_at.is_(None))
        .order_by(Mechanism.sort, Quote.created_at, Quote.id)
    )
    if cleared_only:
        stmt = stmt.where(Quote.cleared.is_(True))
    if mechanism_id is not None:
        stmt = stmt.where(Quote.mechanism_id == mechanism_id)
    return [QuoteRow(*row) for row in session.execute(stmt)]


def chosen_response_of(session: Session, mechanism_id: str, round_id: str | None,
                       form_id: str) -> tuple[str, str, str] | None:
    """(response id, form version id, status) of a mechanism's chosen response to the
    questionnaire ``form_id``."""
    chosen = chosen_responses(session, round_id, form_id)
    row = session.execute(
        select(Response.id, Response.form_version_id, Response.status)
        .join(chosen, chosen.c.id == Response.id)
        .where(chosen.c.mechanism_id == mechanism_id)
    ).first()
    return tuple(row) if row else None


def answer_rows(session: Session, response_id: str) -> list[tuple[str, str | None, bool, str | None]]:
    """(path, value, relevant, note) of one response's live answers."""
    stmt = select(Answer.path, Answer.value, Answer.relevant, Answer.note).where(
        Answer.response_id == response_id, Answer.deleted_at.is_(None)
    )
    return [tuple(row) for row in session.execute(stmt)]


@dataclass(frozen=True)
class InterviewRow:
    id: str
    status: str
    planned_start_utc: datetime | None
    actual_start_utc: datetime | None
    actual_seconds: int | None
    time_zone: str | None
    consent: str
    notes: str | None
    response_id: str | None
    form_version_id: str | None
    contact_name: str | None
    contact_title: str | None
    contact_institution: str | None


def interview_rows(session: Session, mechanism_id: str) -> list[InterviewRow]:
    stmt = (
        select(
            Interview.id, Interview.status, Interview.planned_start_utc, Interview.actual_start_utc,
            Interview.actual_seconds, Interview.time_zone, Interview.consent, Interview.notes,
            Interview.response_id, Response.form_version_id, Contact.name, Contact.title,
            Contact.institution,
        )
        .outerjoin(Contact, Contact.id == Interview.contact_id)
        .outerjoin(Response, and_(Response.id == Interview.response_id, Response.deleted_at.is_(None)))
        .where(Interview.mechanism_id == mechanism_id, Interview.deleted_at.is_(None))
        .order_by(func.coalesce(Interview.actual_start_utc, Interview.planned_start_utc), Interview.id)
    )
    return [InterviewRow(*row) for row in session.execute(stmt)]


def guide_responses_without_interview(session: Session, mechanism_id: str, form_id: str) -> list[tuple[str, str]]:
    """(response id, form version id) of a mechanism's responses to the interview guide
    ``form_id`` that no interview points at."""
    linked = select(Interview.response_id).where(
        Interview.response_id.is_not(None), Interview.deleted_at.is_(None)
    )
    stmt = (
        _live_responses(form_id, None)
        .with_only_columns(Response.id, Response.form_version_id)
        .where(Response.mechanism_id == mechanism_id, Response.id.not_in(linked))
        .order_by(Response.created_at)
    )
    return [tuple(row) for row in session.execute(stmt)]


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    kind: str
    mechanism_id: str
    due_utc: datetime | None
    owner: str
    status: str
    notes: str | None
    answer_path: str | None
    automatic: bool


def open_followups(session: Session, mechanism_id: str | None = None) -> list[FollowUpRow]:
    """Open follow-ups of live mechanisms, by owner, mechanism and due date (undated last)."""
    stmt = (
        select(
            FollowUp.id, FollowUp.kind, FollowUp.mechanism_id, FollowUp.due_utc, FollowUp.owner,
            FollowUp.status, FollowUp.notes, FollowUp.answer_path, FollowUp.automatic,
        )
        .join(Mechanism, Mechanism.id == FollowUp.mechanism_id)
        .where(FollowUp.status == "open", FollowUp.deleted_at.is_(None), Mechanism.deleted_at.is_(None))
        .order_by(FollowUp.owner, Mechanism.sort, FollowUp.due_utc.is_(None), FollowUp.due_utc)
    )
    if mechanism_id is not None:
        stmt = stmt.where(FollowUp.mechanism_id == mechanism_id)
    return [FollowUpRow(*row) for row in session.execute(stmt)]


def is_demo(session: Session) -> bool:
    """The database holds the setting demo=1 (a demonstration database, fictional data)."""
    value = session.scalar(select(Setting.value).where(Setting.key == "demo"))
    return value == "1"


def has_fictional_rows(session: Session) -> bool:
    for model in (Response, Interview, Quote, FollowUp):
        if session.scalar(select(literal(1)).where(model.fictional.is_(true())).limit(1)):
            return True
    return False


__all__ = [
    "CodedRow", "CountRow", "FollowUpRow", "InterviewRow", "MechanismStatus", "QuoteRow",
    "answer_rows", "answered_mechanisms", "answered_or_not", "by_region_and_type",
    "chosen_response_of", "chosen_responses", "coded_counts", "codes", "current_round",
    "guide_responses_without_interview", "has_fictional_rows", "interview_rows", "interviewed",
    "is_demo", "member_states", "mechanism_statuses", "multiple_choice_counts", "open_followups",
    "quote_rows", "repeat_child_counts", "respondents", "select_one_counts",
]
