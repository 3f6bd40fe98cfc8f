"""Full-text search over answers, notes, quotes, follow-ups, contacts and mechanisms.

SQLite: one FTS5 *external-content* table per searched text (``tokenize = "unicode61
remove_diacritics 2"``): the index holds tokens only and reads the text back from the table
itself, so there is no second copy of the data. Triggers on the source tables keep it in step
inside the same transaction as the save (a service, a bundle import's INSERT ... SELECT, the
command line: every writer). Every row is indexed, NULLs included, so that FTS5's own
``integrity-check`` can compare each index with its table. ``INSERT INTO t(t) VALUES('rebuild')`` rebuilds any of them from
its table (done here for existing databases).

PostgreSQL: GIN expression indexes over ``to_tsvector('simple', mcim_search_fold(...))``, where
``mcim_search_fold`` is ``lower(unaccent(...))`` when the ``unaccent`` extension can be
installed, ``lower(...)`` otherwise (accents then matter on that server), with every run of
characters other than letters and digits made one space.

Revision ID: 0007_search_index
Revises: 0004_answer_index
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0007_search_index"
down_revision = "0005_mechanism_members"
branch_labels = None
depends_on = None

# FTS table -> (source table, searched columns). A copy, on purpose, of
# mcim_desk/persistence/search_repo.py's SOURCES as it stood at this revision.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "search_answer": ("answer", ("value",)),
    "search_answer_note": ("answer", ("note",)),
    "search_interview": ("interview", ("notes",)),
    "search_quote": ("quote", ("text",)),
    "search_follow_up": ("follow_up", ("notes",)),
    "search_contact": ("contact", ("name", "title", "institution", "email")),
    "search_mechanism": ("mechanism", ("acronym_fr", "acronym_en", "name_fr", "name_en")),
}


def sqlite_statements(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='rowid', "
        "tokenize = 'unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} WHEN {changed} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def pg_document(columns: tuple[str, ...]) -> str:
    if len(columns) == 1:
        inner = columns[0]
    else:
        inner = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"to_tsvector('simple', mcim_search_fold({inner}))"


def _pg_upgrade() -> None:
    bind = op.get_bind()
    available = bind.execute(text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")).first() is not None
    unaccent = False
    if available:
        nested = bind.begin_nested()
        try:
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            nested.commit()
            unaccent = True
        except Exception:  # no right to install it: accents will matter on this server
            nested.rollback()
    if unaccent:
        schema = bind.execute(text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'")).scalar_one()
        folded = f"lower({schema}.unaccent('{schema}.unaccent'::regdictionary, $1))"
    else:
        folded = "lower($1)"
    # Anything but letters and digits separates words, as FTS5's unicode61 reads them
    # (PostgreSQL's parser would keep "vingt-trois" or an e-mail address whole).
    body = f"SELECT regexp_replace({folded}, '[^[:alnum:]]+', ' ', 'g')"
    op.execute("CREATE OR REPLACE FUNCTION mcim_search_fold(text) RETURNS text "
               f"LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ {body} $$")
    for fts, (table, columns) in SOURCES.items():
        op.execute(f"CREATE INDEX ix_{fts} ON {table} USING gin ({pg_document(columns)})")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_upgrade()
        return
    for fts, (table, columns) in SOURCES.items():
        for statement in sqlite_statements(fts, table, columns):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for fts in SOURCES:
            op.execute(f"DROP INDEX IF EXISTS ix_{fts}")
        op.execute("DROP FUNCTION IF EXISTS mcim_search_fold(text)")
        return
    for fts in SOURCES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
