"""A demonstration database is set on a day of 2018: while it is open the clock runs from
that day (follow-ups read as overdue, due today or upcoming as they did then); opening any
other database brings the wall clock back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mcim_desk import clock
from mcim_desk.persistence import repositories
from mcim_desk.services.startup import open_database


def test_the_clock_runs_from_the_demo_day_while_it_is_open(tmp_path: Path) -> None:
    demo_path = tmp_path / "demo.sqlite3"
    db, _ = open_database(str(demo_path))
    with db.write() as session:
        repositories.set_setting(session, "demo.now", "2018-11-20 09:30:00")
    db.dispose()
    wall = datetime.now().year
    db, _ = open_database(str(demo_path))
    db.dispose()
    moment = clock.utcnow()
    assert (moment.year, moment.month, moment.day) == (2018, 11, 20)
    with clock.ticking_from(datetime(2018, 9, 17, 8, 0)):  # a nested moment wins, then the demo's again
        assert clock.utcnow().month == 9
        other, _ = open_database(str(tmp_path / "inside.sqlite3"))
        other.dispose()
    assert clock.utcnow().month == 11
    real, _ = open_database(str(tmp_path / "real.sqlite3"))
    real.dispose()
    assert clock.utcnow().year == wall
