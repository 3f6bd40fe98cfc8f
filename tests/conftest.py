"""Shared fixtures: every test gets its own data folder and a fresh SQLite file; Qt runs
offscreen with one session QApplication (pytest-qt's)."""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property-based tests: a bounded default run, a longer one before a release
# (``python3 dev.py test --hypothesis-profile thorough``).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("MCIM_HYPOTHESIS_PROFILE", "default"))


def _guard_none_refcount() -> None:
    """PySide6 6.12.0 drops one reference to None on every processEvents() and QTest.qWait()
    call (two with flags). pytest-qt calls them after every test, so a long run ends in
    "Fatal Python error: none_dealloc". Hold two extra references per call; extra references
    to None are harmless. The program itself never calls either (it runs app.exec())."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtTest import QTest

    kept: list[None] = []

    def guarded(original):  # noqa: ANN001, ANN202
        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            kept.extend((None, None, None))
            return original(*args, **kwargs)

        return call

    QCoreApplication.processEvents = staticmethod(guarded(QCoreApplication.processEvents))
    QEventLoop.processEvents = guarded(QEventLoop.processEvents)
    QTest.qWait = staticmethod(guarded(QTest.qWait))


_guard_none_refcount()


@pytest.fixture(autouse=True, scope="session")
def session_application(qapp):  # noqa: ANN001, ANN201
    """One QApplication for the whole run, made before any CLI test could make a bare
    QCoreApplication (widgets cannot live under one)."""
    return qapp


def pytest_runtest_setup(item: pytest.Item) -> None:
    from mcim_desk.ui.dialogs import ScriptedDialogs

    for dialogs in list(ScriptedDialogs.instances):
        dialogs.unexpected.clear()  # an earlier test's objects, not yet collected


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):  # noqa: ANN201
    """A test fails on any error or warning box it did not announce (``dialogs.expect(...)``)
    and on any edit conflict it did not script, showing the boxes' text: a message box
    nobody looked at is a bug nobody saw."""
    from mcim_desk.ui.dialogs import ScriptedDialogs

    result = yield
    boxes = [box for dialogs in list(ScriptedDialogs.instances) for box in dialogs.unexpected]
    if boxes:
        shown = "\n".join(f"  {kind}: {title}: {text}" for kind, title, text in boxes)
        pytest.fail(f"unexpected dialog(s) shown during the test:\n{shown}", pytrace=False)
    return result


@pytest.fixture(autouse=True)
def isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("MCIM_DESK_DATA", str(data))
    monkeypatch.delenv("MCIM_DESK_DB", raising=False)
    monkeypatch.delenv("MCIM_DESK_LANG", raising=False)
    return data


@pytest.fixture(autouse=True)
def wall_clock_after_test() -> Iterator[None]:
    """Opening a demonstration database runs the clock from its day of 2018: leave the wall
    clock behind for the next test."""
    yield
    from mcim_desk import clock

    clock.run_from(None)


@pytest.fixture(autouse=True)
def english_after_test() -> Iterator[None]:
    """Translators are application-wide: leave English behind for the next test."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from mcim_desk.i18n import install_translators

        install_translators("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "study.sqlite3"


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, db_path: Path):  # noqa: ANN201 - a Database
    """A fresh, migrated and filled database: a SQLite file, and the same tests again on a
    real PostgreSQL server when MCIM_TEST_PG_URL names one (.ci/run starts one), else that
    run is skipped, saying why. Tests about the SQLite file itself (they ask for ``db_path``
    too, or are marked ``sqlite_only``) run on SQLite only."""
    from mcim_desk.services.startup import open_database

    if request.param == "sqlite":
        database, _ = open_database(str(db_path))
    else:
        url = os.environ.get("MCIM_TEST_PG_URL")
        if not url:
            pytest.skip("PostgreSQL run skipped: MCIM_TEST_PG_URL is not set (no server here)")
        asks = inspect.signature(request.node.function).parameters
        if "db_path" in asks or request.node.get_closest_marker("sqlite_only"):
            pytest.skip("about the SQLite file itself")
        reset_postgres(url)
        database, _ = open_database(url)
    yield database
    database.dispose()


def reset_postgres(url: str) -> None:
    """An empty schema: each test starts from nothing, as with a new SQLite file."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def make_window(qtbot, db_path: Path):  # noqa: ANN001, ANN201
    """Build a main window on ``db_path`` (synchronous tasks, scripted dialogs)."""
    from mcim_desk.preferences import Preferences
    from mcim_desk.ui.dialogs import ScriptedDialogs
    from mcim_desk.ui.features import install_features
    from mcim_desk.ui.main_window import MainWindow
    from mcim_desk.ui.tasks import SyncRunner

    windows = []

    def build(language: str = "en", path: Path | None = None, open_db: bool = True,
              dialogs: ScriptedDialogs | None = None) -> MainWindow:
        prefs = Preferences(profile="tester", time_zone="Europe/Geneva", language=language)
        window = MainWindow(prefs, SyncRunner(), dialogs or ScriptedDialogs(), features=install_features)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # keyboard focus (Tab, editingFinished) needs it
        if open_db:
            assert window.open_database(str(path or db_path))
            qtbot.waitUntil(lambda: window.pages_built)  # built once the list has painted
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()


def type_text(qtbot, widget, text: str) -> None:  # noqa: ANN001
    """Type text of any script: qtbot.keyClicks aborts on non-ASCII with PySide6 6.12
    (an assertion in Qt's qasciikey.cpp), so send one QKeyEvent pair per character."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def typer():  # noqa: ANN201
    return type_text


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = os.environ.get("MCIM_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL tests skipped: MCIM_TEST_PG_URL is not set (no server here)")
    yield url
