"""Whether a typed answer fits its question's type, with the formats ODK stores:

* ``integer``/``decimal``/``range`` numbers (a range within its start and end, on its step);
* ``date`` ``YYYY-MM-DD``, ``time`` ``HH:MM[:SS[.fff]][+hh:mm]``, ``datetime``
  ``YYYY-MM-DDTHH:MM[:SS[.fff]][+hh:mm]``;
* ``geopoint`` ``latitude longitude [altitude [accuracy]]`` in decimal degrees and metres;
  ``geotrace`` at least 2 points separated by ``;``; ``geoshape`` at least 3 points whose
  last is the first (a closed line: 4 points at least, counting the closing one);
* selects: codes of the question's choices (``select_multiple``: space separated, ``rank``:
  every choice once, in order of preference);
* ``acknowledge``: ``OK``; ``barcode`` and ``text``: any text;
* ``image``, ``audio``, ``video``, ``file``: a file name (no folder, no control character).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from .definition import Choice, Question
from .xpath_values import parse_date_time, parse_time

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T.+")


def geo_points(text: str) -> list[tuple[float, float, float, float]] | None:
    """The points of a geopoint/geotrace/geoshape value, or None when one is malformed."""
    points = []
    for part in text.split(";"):
        fields = part.split()
        if not part.strip():
            continue
        if not 2 <= len(fields) <= 4:
            return None
        try:
            numbers = [float(field) for field in fields]
        except ValueError:
            return None
        if any(math.isnan(n) or math.isinf(n) for n in numbers):
            return None
        lat, lon = numbers[0], numbers[1]
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        if len(numbers) == 4 and numbers[3] < 0:
            return None
        numbers += [0.0] * (4 - len(numbers))
        points.append((numbers[0], numbers[1], numbers[2], numbers[3]))
    return points


def _geo_problem(qtype: str, value: str) -> str | None:
    points = geo_points(value)
    if points is None or not points:
        return QCoreApplication.translate(
            "Forms",
            "“{value}” is not a position: write the latitude and longitude in decimal degrees, "
            "as in 14.69 -17.44 (then altitude and accuracy in metres if known).",
        ).format(value=value)
    if qtype == "geopoint" and len(points) != 1:
        return QCoreApplication.translate("Forms", "A point has one position: “{value}” has {count}.").format(
            value=value, count=len(points)
        )
    if qtype == "geotrace" and len(points) < 2:
        return QCoreApplication.translate(
            "Forms", "A line needs at least 2 positions separated by “;”."
        )
    if qtype == "geoshape":
        closed = points[0][:2] == points[-1][:2]
        if len(points) < 4 or not closed:
            return QCoreApplication.translate(
                "Forms",
                "A shape needs at least 3 positions separated by “;”, the last one repeating the first.",
            )
    return None


def _range_problem(question: Question, text: str) -> str | None:
    if not _DECIMAL.fullmatch(text):
        return QCoreApplication.translate("Forms", "“{value}” is not a number: write decimals with a point, as in 2.5.").format(
            value=text
        )
    number = float(text)
    start = question.parameter("start", 1.0)
    end = question.parameter("end", 10.0)
    step = question.parameter("step", 1.0)
    low, high = min(start, end), max(start, end)
    if not low <= number <= high:
        return QCoreApplication.translate("Forms", "“{value}” is outside the range {start} to {end}.").format(
            value=text, start=_plain(start), end=_plain(end)
        )
    if step:
        steps = (number - start) / step
        if abs(steps - round(steps)) > 1e-9:
            return QCoreApplication.translate("Forms", "“{value}” is not on a step of {step} from {start}.").format(
                value=text, step=_plain(step), start=_plain(start)
            )
    return None


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def type_problem(question: Question, value: str, choices: Sequence[Choice] | None = None) -> str | None:
    """A translated message when ``value`` does not fit the question's type, else None.

    ``choices`` are the choices offered (a ``choice_filter`` narrows them); the question's
    own by default."""
    text = value.strip()
    qtype = question.type
    if qtype == "integer" and not _INTEGER.fullmatch(text):
        return QCoreApplication.translate("Forms", "“{value}” is not a whole number.").format(value=value)
    if qtype == "decimal" and not _DECIMAL.fullmatch(text):
        return QCoreApplication.translate("Forms", "“{value}” is not a number: write decimals with a point, as in 2.5.").format(
            value=value
        )
    if qtype == "range":
        return _range_problem(question, text)
    if qtype == "date":
        ok = bool(_DATE.fullmatch(text))
        if ok:
            try:
                datetime.date.fromisoformat(text)
            except ValueError:
                ok = False
        if not ok:
            return QCoreApplication.translate("Forms", "“{value}” is not a date: write it as YYYY-MM-DD").format(value=value)
    if qtype == "time" and parse_time(text) is None:
        return QCoreApplication.translate("Forms", "“{value}” is not a time: write it as HH:MM, as in 09:30").format(value=value)
    if qtype == "datetime" and (not _DATETIME.fullmatch(text) or parse_date_time(text) is None):
        return QCoreApplication.translate(
            "Forms", "“{value}” is not a date and time: write it as YYYY-MM-DDTHH:MM, as in 2018-11-09T14:30"
        ).format(value=value)
    if qtype in ("geopoint", "geotrace", "geoshape"):
        return _geo_problem(qtype, text)
    if question.takes_file:
        from ..domain.attachments import is_stored_name

        if not is_stored_name(text):
            return QCoreApplication.translate("Forms", "“{value}” is not a file name.").format(value=value)
    if qtype == "acknowledge" and text != "OK":
        return QCoreApplication.translate("Forms", "An acknowledgement is “OK” or nothing.")
    offered = question.choices if choices is None else choices
    if question.is_select and question.choices:
        names = {c.name for c in offered}
        codes = text.split() if qtype in ("select_multiple", "rank") else [text]
        for code in codes:
            if code not in names:
                return QCoreApplication.translate("Forms", "“{value}” is not one of the choices.").format(value=code)
        if qtype == "rank" and len(set(codes)) != len(codes):
            return QCoreApplication.translate("Forms", "Each choice may be ranked only once.")
    return None


__all__ = ["geo_points", "type_problem"]
