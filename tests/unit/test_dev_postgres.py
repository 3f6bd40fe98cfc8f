"""``python3 dev.py test`` runs the PostgreSQL tests wherever PostgreSQL is installed (issue
11): it makes a throw-away database (or cluster) for the run and removes it afterwards; where
PostgreSQL is missing it says so in one line and the run is SQLite only. The function is
driven here directly (running dev.py would build another environment)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dev():  # noqa: ANN201 - the dev.py module
    spec = importlib.util.spec_from_file_location("mcim_dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_given_server_is_used_as_it_is(dev, capsys) -> None:  # noqa: ANN001
    given = "postgresql+psycopg://ci@/mcim_ci?host=/run/pg"
    with dev.throwaway_postgres({"MCIM_TEST_PG_URL": given}) as url:
        assert url == given
    assert capsys.readouterr().out == ""


def test_without_postgresql_one_line_and_sqlite_only(dev, capsys) -> None:  # noqa: ANN001
    with dev.throwaway_postgres({}, tools={}) as url:
        assert url is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "PostgreSQL is not installed" in out and "SQLite only" in out


def test_no_server_for_this_user_is_one_line_too(dev, capsys, tmp_path: Path) -> None:  # noqa: ANN001
    tools = {name: "/bin/false" for name in ("createdb", "dropdb", "initdb", "pg_ctl")}
    with dev.throwaway_postgres({}, tools=tools, socket_dirs=(str(tmp_path),)) as url:
        assert url is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "SQLite only" in out


def test_a_throw_away_database_on_the_installed_server(dev, capsys) -> None:  # noqa: ANN001
    from sqlalchemy import create_engine, text

    if not dev._postgres_tools().get("createdb"):  # noqa: SLF001
        pytest.skip("PostgreSQL is not installed here")
    with dev.throwaway_postgres({}, prefix="mcim_h3_dev") as url:
        if url is None:
            pytest.skip("no PostgreSQL server accepts this user here: " + capsys.readouterr().out)
        name = url.split("/")[3].split("?")[0]
        assert name.startswith("mcim_h3_dev_")
        engine = create_engine(url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT current_database()")).scalar() == name
        engine.dispose()
    admin = create_engine(url.replace(f"/{name}?", "/postgres?"))
    with admin.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM pg_database WHERE datname = :n"),
                                  {"n": name}).scalar()
    admin.dispose()
    assert left == 0  # dropped at the end of the run
    assert f"throw-away database {name}" in capsys.readouterr().out
