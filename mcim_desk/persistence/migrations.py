"""Schema upgrades with Alembic. The head revision is read from the version files as text so
that a start with an up-to-date database never imports Alembic."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..paths import resource_path

if TYPE_CHECKING:
    from alembic.config import Config

    from .database import Database

_REVISION = re.compile(r"^revision\s*=\s*['\"]([0-9a-zA-Z_]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([0-9a-zA-Z_]+)['\"]|None)", re.M)


def scripts_dir() -> str:
    return str(resource_path("db"))


@cache
def head_revision() -> str:
    """The single head of db/versions, found by reading the files (no Alembic import)."""
    revisions: dict[str, str | None] = {}
    for path in sorted(resource_path("db", "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(text), _DOWN.search(text)
        if rev:
            revisions[rev.group(1)] = down.group(1) if down else None
    heads = set(revisions) - {d for d in revisions.values() if d}
    if len(heads) != 1:
        raise RuntimeError(f"db/versions must have exactly one head, found {sorted(heads)}")
    return heads.pop()


@cache
def known_revisions() -> frozenset[str]:
    """Every revision in db/versions: a stored revision outside it was written by a newer
    program (a downgrade)."""
    found = set()
    for path in resource_path("db", "versions").glob("*.py"):
        match = _REVISION.search(path.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return frozenset(found)


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", scripts_dir())
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def upgrade_to_head(db: Database) -> None:
    from alembic import command

    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
