"""Fixtures for the forms and responses integration tests (the shared ones, such as ``db``
and ``db_path``, are in tests/conftest.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

TABLES = ("response", "answer", "audit_log", "survey_round", "form", "form_version")


def dump(db_path: Path, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple]]:
    """Every row of the given tables, sorted: equal dumps mean nothing changed."""
    conn = sqlite3.connect(db_path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def dump_database(db, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple]]:  # noqa: ANN001
    """The same, through the database's own engine (SQLite or PostgreSQL)."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return {
            t: sorted((tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
            for t in tables
        }


@pytest.fixture
def table_dump(db) -> Callable[..., dict[str, list[tuple]]]:  # noqa: ANN001
    """``table_dump()`` dumps the test database (whichever backend), ``table_dump(path)``
    another SQLite file."""
    return lambda path=None: dump(path) if path else dump_database(db)


@pytest.fixture
def mechanism(db):  # noqa: ANN001, ANN201 - a MechanismRow
    from mcim_desk.services.catalogue import mechanism_rows

    return mechanism_rows(db)[0]


@pytest.fixture
def questionnaire(db, mechanism):  # noqa: ANN001, ANN201 - a ResponseInfo
    from mcim_desk.services import responses

    return responses.open_questionnaire(db, mechanism.id, "tester")
