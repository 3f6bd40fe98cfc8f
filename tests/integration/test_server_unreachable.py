"""A database server that cannot be reached (issue 11): the command line prints one line
naming the server and what failed and exits non-zero; the window says the same and offers to
try again or open another database. A URL's password is never shown, printed or logged."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from mcim_desk.cli import main
from mcim_desk.paths import public_target

PASSWORD = "s3cret-Pa55"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def with_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


@pytest.mark.parametrize("url, server, reason", [
    ("postgresql+psycopg://amina:{pw}@nohost.invalid/mcim", "nohost.invalid:5432, database “mcim”",
     "name is unknown"),
    ("postgresql+psycopg://amina:{pw}@127.0.0.1:{port}/mcim", "127.0.0.1:{port}, database “mcim”",
     "nothing answers on that port"),
])
def test_check_says_which_server_and_what_failed_in_one_line(url: str, server: str, reason: str, capsys, caplog) -> None:  # noqa: ANN001
    caplog.set_level(logging.DEBUG)
    port = closed_port()
    code = main(["--db", url.format(pw=PASSWORD, port=port), "check"])
    out, err = capsys.readouterr()
    assert code == 4 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert server.format(port=port) in err and reason in err
    assert PASSWORD not in err
    assert "cannot connect" in caplog.text and PASSWORD not in caplog.text  # the log has no password


def test_a_missing_database_on_a_running_server(pg_url: str, capsys) -> None:  # noqa: ANN001
    from sqlalchemy.engine import make_url

    url = make_url(with_password(pg_url)).set(database="mcim_h3_no_such_database")
    code = main(["--db", url.render_as_string(hide_password=False), "check"])
    _out, err = capsys.readouterr()
    assert code == 4 and err.count("\n") == 1
    assert "“mcim_h3_no_such_database”" in err and "no database of that name" in err
    assert PASSWORD not in err


def test_check_never_prints_the_password(pg_url: str, capsys, caplog) -> None:  # noqa: ANN001
    """Before issue 11 `check` printed the URL whole, password included."""
    from tests.conftest import reset_postgres

    caplog.set_level(logging.DEBUG)
    reset_postgres(pg_url)
    assert main(["--db", with_password(pg_url), "check"]) == 0
    out, err = capsys.readouterr()
    assert "database: postgresql+psycopg://root@" in out
    assert PASSWORD not in out + err
    assert caplog.text and PASSWORD not in caplog.text  # every record logged meanwhile


def test_public_target_keeps_everything_but_the_password() -> None:
    assert public_target("postgresql+psycopg://amina:p%40ss:w@db.example.org:5433/mcim?sslmode=require") == (
        "postgresql+psycopg://amina@db.example.org:5433/mcim?sslmode=require")
    assert public_target("postgresql+psycopg://amina@server/mcim") == "postgresql+psycopg://amina@server/mcim"
    assert public_target("postgresql+psycopg://:only-a-password@server/mcim") == "postgresql+psycopg://server/mcim"
    assert public_target("/home/amina/mcim.sqlite3") == "/home/amina/mcim.sqlite3"


def test_the_window_offers_to_try_again_or_open_another_database(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    """Before issue 11 the window stayed empty, a traceback on stderr."""
    from mcim_desk.ui.dialogs import ScriptedDialogs

    dialogs = ScriptedDialogs()
    window = make_window(open_db=False, dialogs=dialogs)
    url = f"postgresql+psycopg://amina:{PASSWORD}@127.0.0.1:{closed_port()}/mcim"
    dialogs.choice_answers = ["retry", "other"]
    dialogs.file_answers = [str(tmp_path / "laptop.sqlite3")]
    assert window.open_database(url)
    kinds = [(kind, title) for kind, title, _ in dialogs.shown]
    assert kinds == [("choose", "Database server unreachable")] * 2  # once more after "try again"
    text = dialogs.shown[0][2]
    assert "127.0.0.1" in text and "“mcim”" in text and "nothing answers" in text
    assert PASSWORD not in text
    assert window.db_label.text() == str(tmp_path / "laptop.sqlite3")
    assert window.list_panel.model.rowCount() == 30


def test_the_window_can_give_up_and_says_why(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.dialogs import ScriptedDialogs

    dialogs = ScriptedDialogs()
    window = make_window(open_db=False, dialogs=dialogs)
    dialogs.choice_answers = ["quit"]
    assert not window.open_database(f"postgresql+psycopg://amina:{PASSWORD}@nohost.invalid/mcim")
    assert "nohost.invalid" in window.placeholder.text() and PASSWORD not in window.placeholder.text()


def test_the_window_never_shows_the_password(make_window, pg_url: str) -> None:  # noqa: ANN001
    from tests.conftest import reset_postgres

    reset_postgres(pg_url)
    window = make_window(path=with_password(pg_url))
    assert window.db_label.text().startswith("postgresql+psycopg://root@")
    assert PASSWORD not in window.db_label.text()
    window.show_about()
    assert PASSWORD not in window.dialogs.shown[-1][2]


def test_a_save_when_the_server_went_away_says_so() -> None:
    """A save whose connection fails (the server stopped, the VPN dropped) names that, not
    the driver's text. The error is a real one: a connection to a port nobody listens on."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    from mcim_desk.ui.form_view import save_error_text

    engine = create_engine(f"postgresql+psycopg://amina:{PASSWORD}@127.0.0.1:{closed_port()}/mcim")
    with pytest.raises(OperationalError) as caught:
        engine.connect()
    engine.dispose()
    text = save_error_text(caught.value)
    assert text.startswith("The connection to the database server was lost. Nothing was saved")
    assert "psycopg" not in text and "127.0.0.1" not in text and PASSWORD not in text
