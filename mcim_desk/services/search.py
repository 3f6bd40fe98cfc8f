"""Search everything: free-text answers, notes beside questions, call notes, quotes, coded
passages (with their codes), follow-up notes, contacts and mechanism names, in one read-only
unit of work. The box's language is ``domain.search_query``'s; the SQL, for SQLite (FTS5) and
PostgreSQL (full-text search), is ``persistence.search_repo``'s.
"""

from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain import search_query
from ..domain.search_query import KINDS, SearchQuery, Snippet
from ..forms.captions import choices_text

if TYPE_CHECKING:
    from ..forms.definition import Question
    from ..persistence.database import Database

LIMIT_PER_KIND = 50

KIND_LABELS = {
    "answer": QT_TRANSLATE_NOOP("Search", "Answers"),
    "note": QT_TRANSLATE_NOOP("Search", "Notes on questions"),
    "call_note": QT_TRANSLATE_NOOP("Search", "Call notes"),
    "quote": QT_TRANSLATE_NOOP("Search", "Quotes"),
    "coding": QT_TRANSLATE_NOOP("Search", "Coded passages"),
    "followup": QT_TRANSLATE_NOOP("Search", "Follow-ups"),
    "contact": QT_TRANSLATE_NOOP("Search", "Contacts"),
    "mechanism": QT_TRANSLATE_NOOP("Search", "Mechanisms"),
}


# The follow-ups' titles: the Follow-ups page's labels (same context and source text, so one
# translation serves both), searched in both languages.
FOLLOWUP_TITLES = {
    "send_questionnaire": QT_TRANSLATE_NOOP("FollowUps", "Send the questions"),
    "reminder": QT_TRANSLATE_NOOP("FollowUps", "Reminder"),
    "schedule_interview": QT_TRANSLATE_NOOP("FollowUps", "Schedule an interview"),
    "clarify_answer": QT_TRANSLATE_NOOP("FollowUps", "Clarify an answer"),
    "send_notes": QT_TRANSLATE_NOOP("FollowUps", "Send notes for validation"),
    "other": QT_TRANSLATE_NOOP("FollowUps", "Other"),
}


@cache
def _followup_titles() -> dict[str, str]:
    """kind -> its title in English and French, one text ("Reminder / Relance")."""
    from PySide6.QtCore import QTranslator

    from ..paths import resource_path

    french = QTranslator()
    loaded = french.load("mcim_desk_fr", str(resource_path("resources", "i18n")))
    return {kind: source + " / " + ((french.translate("FollowUps", source) if loaded else "") or source)
            for kind, source in FOLLOWUP_TITLES.items()}


def matching_followup_kinds(query: SearchQuery) -> tuple[str, ...]:
    """The follow-up kinds whose title, in either language, holds every word looked for
    and none of those left out."""
    return _followup_kinds_matching(query.positive, query.negative)


@lru_cache(maxsize=128)
def _followup_kinds_matching(positive: tuple, negative: tuple) -> tuple[str, ...]:
    def has(title: str, term) -> bool:  # noqa: ANN001 - a Term
        return bool(search_query.match_spans(title, (term.words,), (term.prefix,)))

    return tuple(kind for kind, title in _followup_titles().items()
                 if all(has(title, t) for t in positive) and not any(has(title, t) for t in negative))


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Search", KIND_LABELS[kind])


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: str
    mechanism_id: str
    acronym_fr: str
    acronym_en: str
    where_fr: str  # the question or record it belongs to, in each language
    where_en: str
    snippet: Snippet
    at: datetime | None = None
    response_id: str | None = None
    interview_id: str | None = None
    path: str | None = None  # the answer's path (a question), when it has one
    field: str = "value"  # value / note / notes / contact / name
    codes: tuple[str, ...] = ()  # a coded passage's code labels (in the search's language)

    def acronym(self, lang: str) -> str:
        return self.acronym_fr if lang == "fr" else self.acronym_en

    def where(self, lang: str) -> str:
        return self.where_fr if lang == "fr" else self.where_en

    def to_dict(self, lang: str) -> dict:
        return {
            "kind": self.kind, "id": self.record_id, "mechanism": self.acronym(lang),
            "mechanism_id": self.mechanism_id, "where": self.where(lang),
            "snippet": self.snippet.text, "highlights": [list(s) for s in self.snippet.spans],
            "date": self.at.isoformat(sep=" ") if self.at else None,
            "response_id": self.response_id, "interview_id": self.interview_id,
            "path": self.path, "field": self.field, "codes": list(self.codes),
        }


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    hits: tuple[SearchHit, ...]
    more: bool  # more than the hits shown matched


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    groups: tuple[SearchGroup, ...] = field(default=())

    @property
    def count(self) -> int:
        return sum(len(g.hits) for g in self.groups)


def search(db: Database, text: str, *, kinds: tuple[str, ...] | list[str] = (), mechanism: str | None = None,
           type: str | None = None, region: str | None = None, form: str | None = None,  # noqa: A002
           since: date | None = None, until: date | None = None, include_hidden: bool | None = None,
           lang: str = "en", limit: int = LIMIT_PER_KIND) -> SearchResults:
    """Every kind asked for (every kind by default), best matches first, grouped by kind.
    Filters given here add to those typed in ``text`` (``type:rcp``...)."""
    query = search_query.parse(text).with_filters(
        mechanism=mechanism, type=type, region=region, form=form, since=since, until=until,
        include_hidden=include_hidden)
    if kinds:
        query = query.with_filters(kinds=query.kinds | frozenset(kinds))
    if query.is_empty:
        return SearchResults(query)
    from ..persistence import search_repo

    wanted = [k for k in KINDS if not query.kinds or k in query.kinds]
    filters = search_repo.Filters(query.mechanism, query.type, query.region, query.form, query.since,
                                  query.until, query.include_hidden)
    match, tsquery = (query.fts5(), "") if db.is_sqlite else ("", query.tsquery())
    titled = matching_followup_kinds(query) if "followup" in wanted else ()
    found = search_repo.find(db, wanted, match, tsquery, filters, limit + 1, titled)
    rows, codes = found.rows, found.codes
    by_kind: dict[str, list] = {}
    seen: set[str] = set()
    for row in rows:  # tuples, in the order of search_repo.COLUMNS: kind, record_id, ..., body
        kind = row[0]
        if kind == "followup_title":
            if row[5] and any(search_query.match_spans(row[5], (t.words,), (t.prefix,)) for t in query.negative):
                continue  # its title matched, but its notes hold a word left out
            kind = "followup"
        if kind == "followup":
            if row[1] in seen:
                continue
            seen.add(row[1])
        group = by_kind.get(kind)
        if group is None:
            by_kind[kind] = [row]
        else:
            group.append(row)
    labels = _labels_of(db)  # looked up once, not per hit
    shown = [(kind, by_kind[kind][:limit]) for kind in wanted if kind in by_kind]
    hits = [_hit(db, kind, row, codes, lang, labels) for kind, rows in shown for row in rows]
    # every snippet in one pass over the texts found (each hit's body waits in its snippet field)
    for hit, made in zip(hits, search_query.snippets([hit.snippet for hit in hits], query), strict=True):
        hit.__dict__["snippet"] = made
    groups, start = [], 0
    for kind, rows in shown:
        groups.append(SearchGroup(kind, tuple(hits[start:start + len(rows)]), len(by_kind[kind]) > limit))
        start += len(rows)
    return SearchResults(query, tuple(groups))


def _hit(db: Database, kind: str, row, codes: dict, lang: str, labels: dict) -> SearchHit:  # noqa: ANN001 - a tuple
    """The hit of a row found; its ``snippet`` field holds the text to cut the snippet from
    (``search`` replaces it with the snippet)."""
    # A plain tuple (search_repo.COLUMNS): unpacked at once, a name lookup per field would
    # cost more than the rest of the hit.
    (_kind, record_id, mechanism_id, acronym_fr, acronym_en, body, at, response_id, path, interview_id,
     field_name, code_ids, subkind, version) = row
    if kind == "answer" and path and version:  # most hits: a question's answer
        where_fr, where_en, choices = labels.get((version, path)) or _question_labels(db, version, path, labels)
        if choices is not None and body:  # a choice question's answer: its choices' labels, not codes
            body = choices_text(choices, body, lang)
    else:
        where_fr, where_en = _where(db, kind, path, field_name, subkind, version, labels)
    code_names: tuple[str, ...] = ()
    if code_ids:
        try:
            ids = json.loads(code_ids)
        except ValueError:
            ids = []
        code_names = tuple(codes[c][0 if lang == "fr" else 1] for c in ids if c in codes)
    if at.__class__ is str:  # SQLite's driver gives the text stored
        try:
            at = _from_iso(at)
        except ValueError:
            at = None
    if not body:
        body = ""
    if kind == "followup":  # its title (the kind's label), then its notes
        body = where_fr if not body else f"{where_fr} — {body}"
    # Every field given, so the frozen dataclass's __init__ (an object.__setattr__ call per
    # field) is skipped: the new hit gets its fields as its __dict__ at once, a hit per row found.
    hit = _new(SearchHit)
    _set(hit, "__dict__", {
        "kind": kind, "record_id": record_id, "mechanism_id": mechanism_id,
        "acronym_fr": acronym_fr, "acronym_en": acronym_en, "where_fr": where_fr, "where_en": where_en,
        "snippet": body, "at": at, "response_id": response_id,
        "interview_id": interview_id, "path": path, "field": field_name, "codes": code_names,
    })
    return hit


_new = object.__new__
_set = object.__setattr__
_from_iso = datetime.fromisoformat


def _where(db: Database, kind: str, path: str | None, field_name: str, subkind: str | None,
           version: str | None, labels: dict) -> tuple[str, str]:
    """What the hit belongs to, in French and English (a label the program translates comes
    in the current language: the window searches again when the language changes)."""
    if kind == "call_note" or (field_name == "notes" and kind in ("quote", "coding")):
        label = QCoreApplication.translate("Search", "Call notes")
        return label, label
    if kind == "followup":
        from .followups import kind_label as followup_label

        label = followup_label(subkind)
        return label, label
    if kind == "contact":
        label = QCoreApplication.translate("Search", "Contact")
        return label, label
    if kind == "mechanism":
        label = QCoreApplication.translate("Search", "Mechanism")
        return label, label
    label_fr = label_en = path or ""
    if path and version:
        label_fr, label_en, _choices = labels.get((version, path)) or _question_labels(db, version, path, labels)
    if field_name == "note":
        note = QCoreApplication.translate("Search", "Note on {question}")
        return note.format(question=label_fr), note.format(question=label_en)
    return label_fr, label_en


# Database -> (form version id, answer path) -> the question's label in French and English, and
# the question when its answers are choices. A form version never changes once stored, so its
# labels are read once per database.
_QUESTION_LABELS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_QUESTION_LABELS_LOCK = threading.Lock()


def _labels_of(db: Database) -> dict[tuple[str, str], tuple[str, str, Question | None]]:
    """The database's question labels read so far: (form version id, answer path) -> labels."""
    labels = _QUESTION_LABELS.get(db)
    if labels is None:
        with _QUESTION_LABELS_LOCK:
            labels = _QUESTION_LABELS.setdefault(db, {})
    return labels


def _question_labels(db: Database, version: str, path: str, labels: dict) -> tuple[str, str, Question | None]:
    """A question's labels read from its form version, and the question when its answers are
    choices (shown by their labels), kept in ``labels`` (``_labels_of``'s)."""
    from ..forms.definition import definition_path
    from . import forms

    try:
        question = forms.definition(db, version).find(definition_path(path))
    except KeyError:
        question = None
    if question is None:
        found = (path, path, None)
    else:
        found = (question.label("fr"), question.label("en"), question if question.is_select else None)
    with _QUESTION_LABELS_LOCK:
        if len(labels) > 20_000:  # a bound, far above the questions of every form version
            labels.clear()
        labels[(version, path)] = found
    return found


def rebuild_index(db: Database) -> int:
    """Rebuild the search index from the data (SQLite); how many indexes were rebuilt."""
    from ..persistence import search_repo

    with db.write() as session:
        return search_repo.rebuild(session)


def ensure_index(db: Database) -> bool:
    """After a schema upgrade: the search triggers back and the indexes rebuilt if a
    migration rebuilt a searched table (True then)."""
    from ..persistence import search_repo

    with db.write() as session:
        return search_repo.ensure_triggers(session)


def index_problems(db: Database) -> list[str]:
    """The search indexes that do not match their tables (empty: all sound)."""
    from ..persistence import search_repo

    with db.write() as session:  # FTS5 runs its check as a write command
        return search_repo.check(session)
