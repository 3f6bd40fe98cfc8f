"""Alembic environment for MCIM Desk (run through mcim_desk.persistence.migrations)."""

from __future__ import annotations

from alembic import context

from mcim_desk.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as conn:
            _run(conn)
        engine.dispose()
    else:
        _run(connection)


def _not_search_index(name, kind, _parent) -> bool:  # noqa: ANN001 - an Alembic hook
    """The FTS5 search tables (migration 0007) are not models: autogenerate leaves them."""
    return not (kind == "table" and name and name.startswith("search_"))


def _run(connection) -> None:  # noqa: ANN001 - an Alembic hook
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=_not_search_index,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("MCIM Desk migrations run online only")
run_migrations_online()
