"""Full-text search queries: SQLite FTS5 external-content tables kept by triggers (migration
0007), or PostgreSQL's full-text search over GIN expression indexes. The match expression
comes from ``domain.search_query`` (folded words only, quoted); every value is a bound
parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from .database import Database

# FTS table -> (source table, searched columns): the same as migration 0007's.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "search_answer": ("answer", ("value",)),
    "search_answer_note": ("answer", ("note",)),
    "search_interview": ("interview", ("notes",)),
    "search_quote": ("quote", ("text",)),
    "search_follow_up": ("follow_up", ("notes",)),
    "search_contact": ("contact", ("name", "title", "institution", "email")),
    "search_mechanism": ("mechanism", ("acronym_fr", "acronym_en", "name_fr", "name_en")),
}


@dataclass(frozen=True)
class _Kind:
    fts: str
    alias: str  # the source table's alias in the query
    body: str  # SQL giving the text shown in the snippet
    source: str  # FROM ... JOIN ... (the source table first, then its context)
    where: str  # what must hold besides the match (tombstones...)
    date: str  # the record's date, for from:/to:
    form: str | None  # the form id, when the record belongs to a response
    extra: str  # more selected columns: response_id, path, interview_id, field, start, codes


_RESPONSE = ("JOIN response r ON r.id = a.response_id "
             "JOIN form_version fv ON fv.id = r.form_version_id "
             "JOIN mechanism m ON m.id = r.mechanism_id")

KINDS: dict[str, _Kind] = {
    "answer": _Kind(
        "search_answer", "a", "a.value", f"answer a {_RESPONSE}",
        "a.deleted_at IS NULL AND r.deleted_at IS NULL", "a.updated_at", "fv.form_id",
        "a.response_id AS response_id, a.path AS path, NULL AS interview_id, "
        "'value' AS field, NULL AS code_ids, NULL AS subkind, fv.id AS form_version_id"),
    "note": _Kind(
        "search_answer_note", "a", "a.note", f"answer a {_RESPONSE}",
        "a.deleted_at IS NULL AND r.deleted_at IS NULL", "a.updated_at", "fv.form_id",
        "a.response_id AS response_id, a.path AS path, NULL AS interview_id, "
        "'note' AS field, NULL AS code_ids, NULL AS subkind, fv.id AS form_version_id"),
    "call_note": _Kind(
        "search_interview", "i", "i.notes",
        "interview i JOIN mechanism m ON m.id = i.mechanism_id",
        "i.deleted_at IS NULL", "coalesce(i.actual_start_utc, i.planned_start_utc, i.updated_at)", None,
        "i.response_id AS response_id, NULL AS path, i.id AS interview_id, 'notes' AS field, "
        "NULL AS code_ids, NULL AS subkind, NULL AS form_version_id"),
    "quote": _Kind(
        "search_quote", "q", "q.text",
        "quote q JOIN mechanism m ON m.id = q.mechanism_id "
        "LEFT JOIN response r ON r.id = q.response_id "
        "LEFT JOIN form_version fv ON fv.id = r.form_version_id",
        "q.deleted_at IS NULL AND q.kind = 'quote'", "q.created_at", "fv.form_id",
        "q.response_id AS response_id, q.answer_path AS path, q.interview_id AS interview_id, "
        "q.field AS field, q.code_ids AS code_ids, q.kind AS subkind, fv.id AS form_version_id"),
    "coding": _Kind(
        "search_quote", "q", "q.text",
        "quote q JOIN mechanism m ON m.id = q.mechanism_id "
        "LEFT JOIN response r ON r.id = q.response_id "
        "LEFT JOIN form_version fv ON fv.id = r.form_version_id",
        "q.deleted_at IS NULL AND q.kind = 'coding'", "q.created_at", "fv.form_id",
        "q.response_id AS response_id, q.answer_path AS path, q.interview_id AS interview_id, "
        "q.field AS field, q.code_ids AS code_ids, q.kind AS subkind, fv.id AS form_version_id"),
    "followup": _Kind(
        "search_follow_up", "f", "f.notes",
        "follow_up f JOIN mechanism m ON m.id = f.mechanism_id",
        "f.deleted_at IS NULL", "coalesce(f.due_utc, f.updated_at)", None,
        "f.response_id AS response_id, f.answer_path AS path, f.interview_id AS interview_id, "
        "'notes' AS field, NULL AS code_ids, f.kind AS subkind, NULL AS form_version_id"),
    "contact": _Kind(
        "search_contact", "c", "c.name || coalesce(' · ' || c.title, '') || "
        "coalesce(' · ' || c.institution, '') || coalesce(' · ' || c.email, '')",
        "contact c JOIN mechanism m ON m.id = c.mechanism_id",
        "c.deleted_at IS NULL", "c.updated_at", None,
        "NULL AS response_id, NULL AS path, NULL AS interview_id, 'contact' AS field, "
        "NULL AS code_ids, c.role AS subkind, NULL AS form_version_id"),
    "mechanism": _Kind(
        "search_mechanism", "m", "m.acronym_fr || ' / ' || m.acronym_en || ' — ' || m.name_fr || "
        "' / ' || m.name_en", "mechanism m",
        "m.deleted_at IS NULL", "m.updated_at", None,
        "NULL AS response_id, NULL AS path, NULL AS interview_id, 'name' AS field, "
        "NULL AS code_ids, NULL AS subkind, NULL AS form_version_id"),
}


@dataclass(frozen=True)
class Filters:
    mechanism: str | None = None
    type: str | None = None
    region: str | None = None
    form: str | None = None
    since: date | None = None
    until: date | None = None
    include_hidden: bool = False


def _pg_document(columns: tuple[str, ...], alias: str) -> str:
    if len(columns) == 1:
        inner = f"{alias}.{columns[0]}"
    else:
        inner = " || ' ' || ".join(f"coalesce({alias}.{c}, '')" for c in columns)
    return f"to_tsvector('simple', mcim_search_fold({inner}))"


def _shape(filters: Filters) -> tuple[bool, ...]:
    """Which filters are set: what the SQL depends on (their values are parameters)."""
    return (bool(filters.mechanism), bool(filters.type), bool(filters.region), bool(filters.form),
            bool(filters.since), bool(filters.until), filters.include_hidden)


def _conditions(kind: str, spec: _Kind, shape: tuple[bool, ...]) -> list[str] | None:
    """The WHERE conditions of the filters set, or None when the kind cannot satisfy them."""
    mechanism, type_, region, form, since, until, include_hidden = shape
    conditions: list[str] = []
    if mechanism:
        conditions.append("(lower(m.acronym_fr) = :mechanism OR lower(m.acronym_en) = :mechanism "
                          "OR m.key = :mechanism OR m.id = :mechanism)")
    if type_:
        conditions.append("m.type = :type")
    if region:
        # "africa" finds rcp_africa, irf_africa_europe...: a part of the region's name.
        conditions.append("(m.region = :region OR m.region LIKE :region_like ESCAPE '\\')")
    if form:
        if spec.form is None:
            return None
        conditions.append(f"{spec.form} = :form")
    if since:
        conditions.append(f"{spec.date} >= :since")
    if until:
        conditions.append(f"{spec.date} < :until")
    if kind in ("answer", "note") and not include_hidden:
        conditions.append("a.relevant")
    return conditions


def _params(filters: Filters) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if filters.mechanism:
        params["mechanism"] = filters.mechanism.strip().lower()
    if filters.type:
        params["type"] = filters.type.strip().lower()
    if filters.region:
        region = filters.region.strip().lower()
        params["region"] = region
        params["region_like"] = "%" + region.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if filters.form:
        params["form"] = filters.form.strip()
    if filters.since:
        params["since"] = datetime.combine(filters.since, time())
    if filters.until:
        params["until"] = datetime.combine(filters.until + timedelta(days=1), time())
    return params


# Every part's columns, in order (the UNION ALL matches them by position): the rows found are
# plain tuples in this order.
COLUMNS = ("kind", "record_id", "mechanism_id", "acronym_fr", "acronym_en", "body", "at", "response_id", "path",
           "interview_id", "field", "code_ids", "subkind", "form_version_id")
_COLUMNS = ", ".join(COLUMNS)
_CODE_IDS = COLUMNS.index("code_ids")


@lru_cache(maxsize=256)
def _statement(kinds: tuple[str, ...], shape: tuple[bool, ...], titles: int, postgres: bool) -> str:
    """The whole search as one UNION ALL statement, built once per kinds, filters set, number
    of follow-up titles and engine (then only its parameters change)."""
    parts = []
    for index, kind in enumerate(kinds):
        spec = KINDS[kind]
        conditions = _conditions(kind, spec, shape)
        if conditions is None:
            continue
        conditions.append(spec.where)
        head = (f"SELECT '{kind}' AS kind, {spec.alias}.id AS record_id, m.id AS mechanism_id, "
                f"m.acronym_fr AS acronym_fr, m.acronym_en AS acronym_en, {spec.body} AS body, "
                f"{spec.date} AS at, {spec.extra}")
        where = " AND ".join(conditions)
        if postgres:
            document = _pg_document(SOURCES[spec.fts][1], spec.alias)
            query = (f"{head} FROM {spec.source} WHERE {document} @@ to_tsquery('simple', :q) AND {where} "
                     f"ORDER BY ts_rank({document}, to_tsquery('simple', :q)) DESC, {spec.alias}.id "
                     "LIMIT :limit")
        else:
            # The FTS table first, then the source row by rowid, then the source's joins.
            table, _, joins = spec.source.partition(f" {spec.alias}")
            query = (f"{head} FROM {spec.fts} s JOIN {table} {spec.alias} ON {spec.alias}.rowid = s.rowid"
                     f"{joins} WHERE {spec.fts} MATCH :q AND {where} ORDER BY s.rank LIMIT :limit")
        if kind in ("answer", "note"):
            # An interview guide's answer opens in its call: the interview holding the response
            # (the first planned), looked up for the rows kept only.
            guide = (f"(SELECT i.id FROM interview i WHERE i.response_id = k{index}.response_id "
                     "AND i.deleted_at IS NULL ORDER BY i.created_at, i.id LIMIT 1)")
            parts.append(f"SELECT {_COLUMNS.replace('interview_id', guide + ' AS interview_id')} "
                         f"FROM ({query}) AS k{index}")
        else:
            parts.append(f"SELECT * FROM ({query}) AS k{index}")
    if titles:
        # Follow-ups by their title (their kind's label, matched by the caller).
        spec = KINDS["followup"]
        conditions = _conditions("followup", spec, shape)
        if conditions is not None:
            marks = ", ".join(f":fk{n}" for n in range(titles))
            conditions += [spec.where, f"f.kind IN ({marks})"]
            parts.append(
                f"SELECT * FROM (SELECT 'followup_title' AS kind, f.id AS record_id, m.id AS mechanism_id, "
                f"m.acronym_fr AS acronym_fr, m.acronym_en AS acronym_en, {spec.body} AS body, "
                f"{spec.date} AS at, {spec.extra} FROM {spec.source} WHERE {' AND '.join(conditions)} "
                f"ORDER BY {spec.date} DESC, f.id LIMIT :limit) AS kt")
    return " UNION ALL ".join(parts)


def _search_params(match: str, tsquery: str, filters: Filters, limit: int, followup_kinds: tuple[str, ...],
                   postgres: bool) -> dict[str, Any]:
    params = _params(filters)
    params["limit"] = limit
    params["q"] = tsquery if postgres else match
    for n, code in enumerate(followup_kinds):
        params[f"fk{n}"] = code
    return params


def search(session: Session, kinds: list[str], match: str, tsquery: str, filters: Filters,
           limit: int, followup_kinds: tuple[str, ...] = ()) -> list[tuple]:
    """Up to ``limit`` rows of each kind, best first within a kind, in one statement: tuples
    of ``COLUMNS`` (kind, record_id, mechanism_id, acronyms, body, date, the kinds' extras). ``match`` is
    an FTS5 expression, ``tsquery`` the same for PostgreSQL: each engine reads its own.
    ``followup_kinds``: follow-ups of these kinds are found too (kind "followup_title")."""
    postgres = session.get_bind().dialect.name == "postgresql"
    sql = _statement(tuple(kinds), _shape(filters), len(followup_kinds), postgres)
    if not sql:
        return []
    params = _search_params(match, tsquery, filters, limit, followup_kinds, postgres)
    if postgres:
        return [tuple(row) for row in session.execute(text(sql), params)]
    params = {k: str(v) if isinstance(v, datetime) else v for k, v in params.items()}
    return [tuple(row) for row in session.connection().exec_driver_sql(sql, params)]


@dataclass(frozen=True)
class Found:
    """What a search reads, in one unit: the rows (``search``'s) and the code labels when coded
    passages are among them."""

    rows: list[tuple]  # of COLUMNS
    codes: dict[str, tuple[str, str]]  # code id -> (label_fr, label_en)

_CODES = "SELECT id, label_fr, label_en FROM code WHERE deleted_at IS NULL"


def find(db: Database, kinds: list[str], match: str, tsquery: str, filters: Filters, limit: int,
         followup_kinds: tuple[str, ...] = ()) -> Found:
    """``search`` and the code labels, in one read-only unit of work. SQLite: one statement
    (its own read transaction), built once, on the database's statement reader (a driver
    connection of its own, no pool checkout: a rare word's search costs little more than
    FTS5's own MATCH, benchmarks/search.py); PostgreSQL: a session."""
    if not db.is_sqlite:
        with db.read() as session:
            rows = search(session, kinds, match, tsquery, filters, limit, followup_kinds)
            codes = code_labels(session) if any(r[_CODE_IDS] for r in rows) else {}
        return Found(rows, codes)
    sql = _statement(tuple(kinds), _shape(filters), len(followup_kinds), False)
    if not sql:
        return Found([], {})
    params = _search_params(match, tsquery, filters, limit, followup_kinds, False)
    if filters.since or filters.until:  # datetimes as stored
        params = {k: str(v) if isinstance(v, datetime) else v for k, v in params.items()}
    with db.statement_reader() as driver:
        # The driver is in autocommit mode (database.py): one statement is its own read
        # transaction, a snapshot of every table it reads; no BEGIN / ROLLBACK around it.
        rows = driver.execute(sql, params).fetchall()
        codes = {}
        if any(r[_CODE_IDS] for r in rows):  # the codes' labels, read next (their own snapshot)
            codes = {r[0]: (r[1], r[2]) for r in driver.execute(_CODES)}
    return Found(rows, codes)


def code_labels(session: Session) -> dict[str, tuple[str, str]]:
    rows = session.execute(text(_CODES))
    return {row.id: (row.label_fr, row.label_en) for row in rows}


def _trigger_statements(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    """The triggers keeping ``fts`` in step with ``table`` (as migration 0007 made them)."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {cols} ON {table} WHEN {changed} "
        f"BEGIN {delete} {insert} END",
    ]


def ensure_triggers(session: Session) -> bool:
    """After a schema upgrade (SQLite): a migration that rebuilt a table (Alembic's batch
    mode copies it into a new one) dropped its triggers and renumbered its rows. Put the
    triggers back and rebuild every index then; True when that was needed."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    present = {row[0] for row in session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"))}
    wanted = {f"{fts}_{suffix}" for fts in SOURCES for suffix in ("ai", "ad", "au")}
    if not present or wanted <= present:  # no index at all (before 0007), or all in place
        return False
    for fts, (table, columns) in SOURCES.items():
        for statement in _trigger_statements(fts, table, columns):
            session.execute(text(statement))
    rebuild(session)
    return True


def rebuild(session: Session) -> int:
    """Rebuild every FTS5 table from its source table (SQLite; nothing to do on PostgreSQL,
    whose indexes are the database's own). Returns how many were rebuilt."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    for fts in SOURCES:
        session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
    return len(SOURCES)


def check(session: Session) -> list[str]:
    """FTS5's own integrity check of each index against its table; the names that fail."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    failing = []
    for fts in SOURCES:
        try:
            session.execute(text(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"))
        except Exception:  # noqa: BLE001 - SQLite says "database disk image is malformed"
            failing.append(fts)
    return failing
