"""The program's one clock. Every service reads "now" here, so a test can set it (a
hostile fraction such as .999999, a date at the edge of the range) and the program cannot
tell the difference from the wall clock.

Stored times are naive UTC (the database holds no zone); ``localnow()`` is for names shown to
the user, such as a backup's or an export's file name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

_source: Callable[[], datetime] | None = None
# A demonstration database's day: (its moment, the wall clock when it was set). The clock
# then runs from that moment, ticking with the wall clock; a source set above still wins.
_demo: tuple[datetime, datetime] | None = None


def utcnow() -> datetime:
    """Now, as naive UTC (how the database stores every moment)."""
    if _source is not None:
        moment = _source()
        return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    wall = datetime.now(UTC).replace(tzinfo=None)
    if _demo is not None:
        return _demo[0] + (wall - _demo[1])
    return wall


def run_from(moment: datetime | None) -> None:
    """Run the clock from ``moment`` (naive UTC) on, as opening a demonstration database set
    in 2018 does; ``None``: the wall clock again."""
    global _demo
    _demo = None if moment is None else (moment, datetime.now(UTC).replace(tzinfo=None))


def localnow() -> datetime:
    """Now on this computer's wall clock (naive), for file names a user reads."""
    if _source is not None or _demo is not None:
        return utcnow().replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return datetime.now()


def set_source(source: Callable[[], datetime] | None) -> None:
    """Read "now" from ``source`` (naive means UTC); ``None`` goes back to the wall clock."""
    global _source
    _source = source


@contextmanager
def frozen(moment: datetime) -> Iterator[None]:
    """``with frozen(datetime(2018, 11, 9, 23, 59, 59, 999999)):`` every reading of the
    clock inside gives ``moment``."""
    previous = _source
    set_source(lambda: moment)
    try:
        yield
    finally:
        set_source(previous)


@contextmanager
def ticking_from(moment: datetime) -> Iterator[None]:
    """Inside, the clock starts at ``moment`` (naive UTC) and ticks with the wall clock (a
    demonstration database is made on its own day; rows keep their order)."""
    global _demo
    previous, previous_demo = _source, _demo
    start = datetime.now(UTC).replace(tzinfo=None)
    set_source(lambda: moment + (datetime.now(UTC).replace(tzinfo=None) - start))
    try:
        yield
    finally:
        set_source(previous)
        _demo = previous_demo  # opening the new database inside does not change the open one's day
