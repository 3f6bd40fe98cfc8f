"""The values an XLSForm expression works with, and ODK's conversions between them.

Values are XPath strings, numbers (``float``), booleans, dates (``datetime.date``), date-times
(``datetime.datetime``) and node-sets (:class:`NodeSet`, what a reference to a question
inside a repeat gives from outside it).

The conversions follow ODK Collect's engine (JavaRosa), so that a form behaves the same here
and on a phone:

* ``number()`` of a string accepts digits, ``-`` and ``.`` only (a ``,`` reads as a decimal
  point); anything else, an ISO date string included, is NaN. A date is the number of days
  since 1970-01-01; a date-time the number of whole days of its date. So ``. >= '2018-01-01'``
  on a date question is always false, as in Collect: the portable form is
  ``. >= date('2018-01-01')``.
* ``string()`` of a number drops ``.0`` from whole numbers, writes NaN and Infinity by name
  and reads anything smaller than 1e-12 as ``0``; a date is ``YYYY-MM-DD``.
* ``boolean()`` of a string is true when it is not empty (so ``boolean('false')`` is true),
  of a number when it is neither 0 nor NaN, of a date always.
* ``=`` and ``!=`` compare as booleans when either side is a boolean, as numbers when either
  side is a number, and as strings otherwise (a date and ``'2018-01-01'`` are equal).
"""

from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal
from typing import Final, TypeAlias

__all__ = [
    "NodeSet", "Value", "as_datetime", "days_since_epoch", "equals", "format_number",
    "parse_date_time", "to_boolean", "to_date", "to_number", "to_string", "unpack",
]


class NodeSet(tuple):
    """The values of several nodes (every instance of a repeated question, say)."""

    __slots__ = ()


Value: TypeAlias = str | float | bool | datetime.date | NodeSet

EPOCH_DATE: Final = datetime.date(1970, 1, 1)
EPOCH_DATETIME: Final = datetime.datetime(1970, 1, 1)
SECONDS_PER_DAY: Final = 86400.0
_NUMERIC_CHARS: Final = frozenset("-.0123456789")
_ISO_DATE_RE: Final = re.compile(r"[+-]?[0-9]{4,}-[0-9]{2}-[0-9]{2}")
_TIME_RE: Final = re.compile(
    r"([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)


def unpack(value: Value) -> str | float | bool | datetime.date:
    """A node-set's first value ("" when empty); any other value unchanged."""
    if isinstance(value, NodeSet):
        return value[0] if value else ""
    return value


def format_number(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if abs(number) < 1e-12:
        return "0"
    if number == int(number):
        return str(int(number))
    return format(Decimal(repr(number)), "f")


def _offset(text: str | None) -> datetime.timezone | None:
    if not text:
        return None
    if text == "Z":
        return datetime.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    return datetime.timezone(sign * datetime.timedelta(hours=hours, minutes=minutes))


def parse_time(text: str) -> datetime.time | None:
    """``HH:MM[:SS[.fff]][Z|+hh:mm]`` -> a time (with its offset when given), else None."""
    match = _TIME_RE.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute, second, fraction, zone = match.groups()
    try:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return datetime.time(int(hour), int(minute), int(second or 0), micro, tzinfo=_offset(zone))
    except ValueError:
        return None


def parse_date_time(text: str) -> datetime.date | None:
    """An ISO date (``2018-01-01``) or date-time (``2018-01-01T10:20:30.400+02:00``), else
    None. A date-time keeps its offset; one without offset is naive (local)."""
    text = text.strip()
    match = _ISO_DATE_RE.match(text)
    if match is None:
        return None
    try:
        date = datetime.date.fromisoformat(match.group())
    except ValueError:
        return None
    rest = text[match.end():]
    if not rest:
        return date
    if rest[0] != "T":
        return None
    time = parse_time(rest[1:])
    if time is None:
        return None
    return datetime.datetime.combine(date, time)


def as_datetime(value: datetime.date) -> datetime.datetime:
    """A date as midnight of that day; a date-time as a naive local date-time."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            return value.astimezone().replace(tzinfo=None)
        return value
    return datetime.datetime.combine(value, datetime.time())


def days_since_epoch(value: datetime.date, fractional: bool = False) -> float:
    """Days since 1970-01-01: whole days of the (local) date, or with the time of day."""
    try:
        moment = as_datetime(value)
        if not fractional:
            return float((moment.date() - EPOCH_DATE).days)
        return (moment - EPOCH_DATETIME).total_seconds() / SECONDS_PER_DAY
    except (ValueError, OverflowError, TypeError):
        return math.nan


def to_string(value: Value) -> str:
    """XPath ``string()``."""
    value = unpack(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def to_number(value: Value) -> float:
    """XPath ``number()`` as JavaRosa computes it (see the module's notes)."""
    value = unpack(value)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    if isinstance(value, datetime.date):
        return days_since_epoch(value)
    text = value.replace(",", ".").strip()
    if not text or not _NUMERIC_CHARS.issuperset(text):
        return math.nan
    try:
        return float(text)
    except ValueError:
        return math.nan


def to_boolean(value: Value) -> bool:
    """XPath ``boolean()``. A node-set is true when it holds a node."""
    if isinstance(value, NodeSet):
        if len(value) == 1:
            return to_boolean(value[0])
        return len(value) > 1
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not math.isnan(value) and abs(value) > 1e-12
    if isinstance(value, datetime.date):
        return True
    return value != ""


def to_date(value: Value, keep_time: bool = False) -> datetime.date | str | float:
    """ODK ``date()``/``date-time()``: a date from an ISO string, a number of days since 1970
    or a date. "" and NaN stay as they are (empty); anything else that is no date gives ""."""
    value = unpack(value)
    if isinstance(value, datetime.date):
        if keep_time or not isinstance(value, datetime.datetime):
            return value
        return as_datetime(value).date()
    if isinstance(value, bool):
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return value
        if math.isinf(value) or abs(value) > 2**31:
            return ""
        try:
            if keep_time:
                return EPOCH_DATETIME + datetime.timedelta(days=value)
            return EPOCH_DATE + datetime.timedelta(days=math.trunc(value))
        except OverflowError:
            return ""
    if value.strip() == "":
        return ""
    parsed = parse_date_time(value)
    if parsed is None:
        return ""
    if keep_time or not isinstance(parsed, datetime.datetime):
        return parsed
    return parsed.date()


def equals(left: Value, right: Value) -> bool:
    """XPath ``=`` with JavaRosa's rules (see the module's notes)."""
    left, right = unpack(left), unpack(right)
    if isinstance(left, bool) or isinstance(right, bool):
        return to_boolean(left) == to_boolean(right)
    if isinstance(left, float) or isinstance(right, float):
        x, y = to_number(left), to_number(right)
        if math.isinf(x) or math.isinf(y):
            return x == y
        return abs(x - y) < 1e-12
    return to_string(left) == to_string(right)
