"""The function library of XLSForm expressions: the ODK XForms specification's functions,
with the conversions ODK Collect (JavaRosa) applies to their arguments.

Every function takes already evaluated arguments and a :class:`Call` giving what the form
knows (the current value, today's date, the environment for labels and external files). The
few that need their arguments unevaluated or the position of nodes (``if``, ``coalesce``,
``position``, ``indexed-repeat``) are handled by the evaluator itself; they are listed here for
their number of arguments only. No function raises: a value that cannot be converted gives
"" or NaN, as JavaRosa's "no value".
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import math
import random
import re
import secrets
import string
import uuid
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final

from .xpath_values import (
    NodeSet,
    Value,
    days_since_epoch,
    parse_date_time,
    parse_time,
    to_boolean,
    to_date,
    to_number,
    to_string,
    unpack,
)

if TYPE_CHECKING:
    from .expressions import Environment

__all__ = ["ARITY", "Call", "FUNCTIONS", "UNSUPPORTED"]

#: Functions of the specification this program does not offer (choice order shuffling,
#: itext translations, device properties, signed data); the loader names them with their row.
UNSUPPORTED: Final = frozenset({"randomize", "jr:itext", "property", "extract-signed"})


class Call:
    """What a function may ask of the evaluation beyond its arguments."""

    __slots__ = ("current", "env", "today")

    def __init__(self, current: Value, today: datetime.date, env: Environment) -> None:
        self.current = current
        self.today = today
        self.env = env


Function = Callable[[list[Value], Call], Value]

# --------------------------------------------------------------------------- helpers


def _flatten(args: Sequence[Value]) -> list[Value]:
    out: list[Value] = []
    for arg in args:
        if isinstance(arg, NodeSet):
            out.extend(arg)
        else:
            out.append(arg)
    return out


def _is_null(value: Value) -> bool:
    value = unpack(value)
    return (isinstance(value, str) and value == "") or (
        isinstance(value, float) and math.isnan(value)
    )


def _to_int(value: Value) -> float:
    number = to_number(value)
    if math.isnan(number) or math.isinf(number) or abs(number) >= 2**63:
        return number
    return float(math.trunc(number)) if number != 0 else number


def _number_function(function: Callable[..., float]) -> Function:
    def apply(args: list[Value], call: Call) -> Value:
        numbers = [_fractional(arg) for arg in args]
        try:
            return float(function(*numbers))
        except (ValueError, OverflowError, ZeroDivisionError):
            return math.nan

    return apply


def _fractional(value: Value) -> float:
    """JavaRosa's ``toDouble``: like number(), but a date-time keeps its time of day."""
    value = unpack(value)
    if isinstance(value, datetime.date):
        return days_since_epoch(value, fractional=True)
    return to_number(value)


# --------------------------------------------------------------------------- strings


def _concat(args: list[Value], call: Call) -> Value:
    return "".join(to_string(value) for value in _flatten(args))


def _join(args: list[Value], call: Call) -> Value:
    separator = to_string(args[0])
    return separator.join(to_string(value) for value in _flatten(args[1:]))


def _substr(args: list[Value], call: Call) -> Value:
    text = to_string(args[0])
    length = len(text)
    start = _to_int(args[1])
    end = _to_int(args[2]) if len(args) > 2 else float(length)
    if math.isnan(start) or math.isnan(end):
        return ""
    start_index, end_index = int(max(-1e9, min(1e9, start))), int(max(-1e9, min(1e9, end)))
    if start_index < 0:
        start_index += length
    if end_index < 0:
        end_index += length
    end_index = min(max(0, end_index), length)
    start_index = min(max(0, start_index), length)
    return text[start_index:end_index] if start_index <= end_index else ""


def _substring_before(args: list[Value], call: Call) -> Value:
    text, needle = to_string(args[0]), to_string(args[1])
    found = text.find(needle)
    return text[:found] if found >= 0 else ""


def _substring_after(args: list[Value], call: Call) -> Value:
    text, needle = to_string(args[0]), to_string(args[1])
    found = text.find(needle)
    return text[found + len(needle):] if found >= 0 else ""


def _translate(args: list[Value], call: Call) -> Value:
    text, source, target = (to_string(arg) for arg in args)
    out = []
    for char in text:
        index = source.find(char)
        if index < 0:
            out.append(char)
        elif index < len(target):
            out.append(target[index])
    return "".join(out)


def _string_length(args: list[Value], call: Call) -> Value:
    return float(len(to_string(args[0] if args else call.current)))


def _normalize_space(args: list[Value], call: Call) -> Value:
    return " ".join(to_string(args[0] if args else call.current).split())


_RANDOM_CHARACTERS: Final = string.ascii_letters + string.digits


def _uuid(args: list[Value], call: Call) -> Value:
    if not args:
        return str(uuid.uuid4())
    length = _to_int(args[0])
    if math.isnan(length) or length <= 0:
        return ""
    length = min(int(length), 10_000)
    return "".join(secrets.choice(_RANDOM_CHARACTERS) for _ in range(length))


_DIGESTS: Final = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}


def _digest(args: list[Value], call: Call) -> Value:
    algorithm = _DIGESTS.get(to_string(args[1]).strip().upper())
    encoding = to_string(args[2]).strip().lower() if len(args) > 2 else "base64"
    if algorithm is None or encoding not in ("base64", "hex"):
        return ""
    digest = hashlib.new(algorithm, to_string(args[0]).encode("utf-8")).digest()
    return digest.hex() if encoding == "hex" else base64.b64encode(digest).decode("ascii")


def _base64_decode(args: list[Value], call: Call) -> Value:
    try:
        return base64.b64decode(to_string(args[0]), validate=False).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""


def _pulldata(args: list[Value], call: Call) -> Value:
    source, column, key_column, key = (to_string(arg) for arg in args)
    return call.env.pulldata(source, column, key_column, key)


# --------------------------------------------------------------------------- booleans


def _once(args: list[Value], call: Call) -> Value:
    current = unpack(call.current)
    if current == "" or current is None:
        return args[0]
    return current


def _boolean_from_string(args: list[Value], call: Call) -> Value:
    text = to_string(args[0])
    return text.lower() == "true" or text == "1"


_REGEX_CACHE: dict[str, re.Pattern[str] | None] = {}


def _regex(args: list[Value], call: Call) -> Value:
    pattern = to_string(args[1])
    compiled = _REGEX_CACHE.get(pattern, False)
    if compiled is False:
        try:
            compiled = re.compile(pattern)
        except (re.error, RecursionError, OverflowError):
            compiled = None
        if len(_REGEX_CACHE) < 1000:
            _REGEX_CACHE[pattern] = compiled
    if compiled is None:
        return False
    return compiled.fullmatch(to_string(args[0])) is not None


def _checklist(args: list[Value], call: Call) -> Value:
    low, high = to_number(args[0]), to_number(args[1])
    count = sum(1 for value in _flatten(args[2:]) if to_boolean(value))
    return (math.isnan(low) or low < 0 or count >= int(low)) and (
        math.isnan(high) or high < 0 or count <= int(high)
    )


def _weighted_checklist(args: list[Value], call: Call) -> Value:
    low, high = to_number(args[0]), to_number(args[1])
    rest = args[2:]
    if len(rest) == 2 and isinstance(rest[0], NodeSet) and isinstance(rest[1], NodeSet):
        flags, weights = list(rest[0]), list(rest[1])
        if len(flags) != len(weights):
            return False
    else:
        flags, weights = list(rest[0::2]), list(rest[1::2])
    total = sum(to_number(weight) for flag, weight in zip(flags, weights, strict=False) if to_boolean(flag))
    return low <= total <= high


# --------------------------------------------------------------------------- numbers


def _int(args: list[Value], call: Call) -> Value:
    return _to_int(args[0])


def _round(args: list[Value], call: Call) -> Value:
    number = to_number(args[0])
    places = _to_int(args[1]) if len(args) > 1 else 0.0
    if math.isnan(number) or math.isinf(number):
        return number
    if math.isnan(places) or abs(places) > 30:
        return math.nan
    places = int(places)
    if places >= 0:
        mode = ROUND_HALF_DOWN if number < 0 else ROUND_HALF_UP
        try:
            return float(Decimal(repr(number)).quantize(Decimal(1).scaleb(-places), rounding=mode))
        except InvalidOperation:
            return number
    scaled = number * 10.0**places
    return float(math.trunc(scaled + 0.5)) * 10.0 ** (-places)


def _sum(args: list[Value], call: Call) -> Value:
    total = 0.0
    for value in _flatten(args):
        number = to_number(value)
        if not math.isnan(number):
            total += number
    return total


def _extreme(pick: Callable[[float, float], float]) -> Function:
    def apply(args: list[Value], call: Call) -> Value:
        result = math.nan
        for value in _flatten(args):
            number = to_number(value)
            if not math.isnan(number):
                result = number if math.isnan(result) else pick(result, number)
        return result

    return apply


def _random(args: list[Value], call: Call) -> Value:
    return random.random()  # noqa: S311 - a form's random(), not a secret


def _count(args: list[Value], call: Call) -> Value:
    value = args[0]
    return float(len(value)) if isinstance(value, NodeSet) else 1.0


def _count_non_empty(args: list[Value], call: Call) -> Value:
    return float(sum(1 for value in _flatten(args) if to_string(value) != ""))


def _log(function: Callable[[float], float]) -> Function:
    def apply(args: list[Value], call: Call) -> Value:
        number = _fractional(args[0])
        if math.isnan(number) or number < 0:
            return math.nan
        if number == 0:
            return -math.inf
        return function(number)

    return apply


def _divide_safe(function: Callable[[float, float], float]) -> Callable[[float, float], float]:
    def apply(x: float, y: float) -> float:
        try:
            return function(x, y)
        except ZeroDivisionError:
            return math.inf if x > 0 else math.nan
        except OverflowError:
            return math.inf

    return apply


# --------------------------------------------------------------------------- dates


def _now(args: list[Value], call: Call) -> Value:
    return call.env.now()


def _today(args: list[Value], call: Call) -> Value:
    return call.today


def _date(args: list[Value], call: Call) -> Value:
    return to_date(args[0])


def _date_time(args: list[Value], call: Call) -> Value:
    return to_date(args[0], keep_time=True)


def _decimal_date_time(args: list[Value], call: Call) -> Value:
    value = unpack(args[0])
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        if value.strip() == "":
            return ""
        parsed = parse_date_time(value)
        if parsed is None:
            return math.nan
        value = parsed
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return days_since_epoch(value, fractional=True)
    return math.nan


def _decimal_time(args: list[Value], call: Call) -> Value:
    value = unpack(args[0])
    if isinstance(value, float):
        return value - math.floor(value) if not math.isnan(value) else value
    if isinstance(value, datetime.datetime):
        moment = value.time()
    elif isinstance(value, datetime.date):
        return 0.0
    elif isinstance(value, str):
        if value.strip() == "":
            return ""
        parsed = parse_date_time(value)
        if isinstance(parsed, datetime.datetime):
            moment = parsed.time()
        else:
            moment = parse_time(value)
            if moment is None:
                return math.nan
    else:
        return math.nan
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return seconds / 86400.0


_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _format(moment: datetime.datetime, pattern: str) -> str:
    fields = {
        "Y": f"{moment.year:04d}",
        "y": f"{moment.year % 100:02d}",
        "m": f"{moment.month:02d}",
        "n": str(moment.month),
        "b": _MONTHS[moment.month - 1],
        "d": f"{moment.day:02d}",
        "e": str(moment.day),
        "a": _DAYS[moment.weekday()],
        "H": f"{moment.hour:02d}",
        "h": str(moment.hour),
        "M": f"{moment.minute:02d}",
        "S": f"{moment.second:02d}",
        "3": f"{moment.microsecond // 1000:03d}",
    }
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "%" and index + 1 < len(pattern):
            code = pattern[index + 1]
            out.append(fields.get(code, "%" + code))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _format_date(args: list[Value], call: Call) -> Value:
    value = to_date(args[0], keep_time=True)
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        moment = datetime.datetime.combine(value, datetime.time())
    return _format(moment, to_string(args[1]))


# --------------------------------------------------------------------------- selects


def _selected(args: list[Value], call: Call) -> Value:
    answer = to_string(args[0])
    code = to_string(args[1]).strip()
    return f" {code} " in f" {answer} "


def _count_selected(args: list[Value], call: Call) -> Value:
    return float(len(to_string(args[0]).split()))


def _selected_at(args: list[Value], call: Call) -> Value:
    codes = to_string(args[0]).split()
    index = _to_int(args[1])
    if math.isnan(index) or index < 0 or index >= len(codes):
        return ""
    return codes[int(index)]


def _choice_name(args: list[Value], call: Call) -> Value:
    return call.env.choice_name(to_string(args[0]), to_string(args[1]))


def _version(args: list[Value], call: Call) -> Value:
    return call.env.form_version()


# --------------------------------------------------------------------------- geography

EARTH_RADIUS: Final = 6378100.0  # metres, the equatorial radius JavaRosa uses


def _points(args: list[Value]) -> list[tuple[float, float]] | None:
    texts: list[str] = []
    for value in _flatten(args):
        texts.extend(part for part in to_string(value).split(";") if part.strip())
    points = []
    for text in texts:
        parts = text.split()
        if len(parts) < 2:
            return None
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        points.append((math.radians(lat), math.radians(lon)))
    return points


def _distance(args: list[Value], call: Call) -> Value:
    points = _points(args)
    if points is None:
        return math.nan
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
        a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        total += 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(a)))
    return total


def _area(args: list[Value], call: Call) -> Value:
    points = _points(args)
    if points is None:
        return math.nan
    if len(points) < 3:
        return 0.0
    if points[0] != points[-1]:
        points = [*points, points[0]]
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
        total += (lon2 - lon1) * (2 + math.sin(lat1) + math.sin(lat2))
    return abs(total * EARTH_RADIUS * EARTH_RADIUS / 2.0)


# --------------------------------------------------------------------------- the table


def _not_evaluated(args: list[Value], call: Call) -> Value:  # pragma: no cover - evaluator's
    raise AssertionError("handled by the evaluator")


FUNCTIONS: Final[Mapping[str, tuple[int, int | None, Function]]] = {
    # strings
    "string": (0, 1, lambda a, c: to_string(a[0] if a else c.current)),
    "concat": (0, None, _concat),
    "join": (1, None, _join),
    "substr": (2, 3, _substr),
    "substring-before": (2, 2, _substring_before),
    "substring-after": (2, 2, _substring_after),
    "translate": (3, 3, _translate),
    "string-length": (0, 1, _string_length),
    "normalize-space": (0, 1, _normalize_space),
    "contains": (2, 2, lambda a, c: to_string(a[1]) in to_string(a[0])),
    "starts-with": (2, 2, lambda a, c: to_string(a[0]).startswith(to_string(a[1]))),
    "ends-with": (2, 2, lambda a, c: to_string(a[0]).endswith(to_string(a[1]))),
    "uuid": (0, 1, _uuid),
    "digest": (2, 3, _digest),
    "base64-decode": (1, 1, _base64_decode),
    "pulldata": (4, 4, _pulldata),
    # booleans
    "if": (3, 3, _not_evaluated),
    "coalesce": (2, 2, _not_evaluated),
    "once": (1, 1, _once),
    "true": (0, 0, lambda a, c: True),
    "false": (0, 0, lambda a, c: False),
    "boolean": (1, 1, lambda a, c: to_boolean(a[0])),
    "boolean-from-string": (1, 1, _boolean_from_string),
    "not": (1, 1, lambda a, c: not to_boolean(a[0])),
    "regex": (2, 2, _regex),
    "checklist": (2, None, _checklist),
    "weighted-checklist": (2, None, _weighted_checklist),
    # numbers
    "number": (0, 1, lambda a, c: to_number(a[0] if a else c.current)),
    "random": (0, 0, _random),
    "int": (1, 1, _int),
    "sum": (1, 1, _sum),
    "max": (1, None, _extreme(max)),
    "min": (1, None, _extreme(min)),
    "round": (1, 2, _round),
    "pow": (2, 2, _number_function(_divide_safe(math.pow))),
    "log": (1, 1, _log(math.log)),
    "log10": (1, 1, _log(math.log10)),
    "abs": (1, 1, _number_function(abs)),
    "sin": (1, 1, _number_function(math.sin)),
    "cos": (1, 1, _number_function(math.cos)),
    "tan": (1, 1, _number_function(math.tan)),
    "asin": (1, 1, _number_function(math.asin)),
    "acos": (1, 1, _number_function(math.acos)),
    "atan": (1, 1, _number_function(math.atan)),
    "atan2": (2, 2, _number_function(math.atan2)),
    "sqrt": (1, 1, _number_function(math.sqrt)),
    "exp": (1, 1, _number_function(math.exp)),
    "exp10": (1, 1, _number_function(lambda x: 10.0**x)),
    "pi": (0, 0, lambda a, c: math.pi),
    # node-sets
    "count": (1, 1, _count),
    "count-non-empty": (1, 1, _count_non_empty),
    "position": (0, 1, _not_evaluated),
    "current": (0, 0, _not_evaluated),
    # dates and times
    "today": (0, 0, _today),
    "now": (0, 0, _now),
    "date": (1, 1, _date),
    "date-time": (1, 1, _date_time),
    "decimal-date-time": (1, 1, _decimal_date_time),
    "decimal-time": (1, 1, _decimal_time),
    "format-date": (2, 2, _format_date),
    "format-date-time": (2, 2, _format_date),
    # selects
    "selected": (2, 2, _selected),
    "count-selected": (1, 1, _count_selected),
    "selected-at": (2, 2, _selected_at),
    "jr:choice-name": (2, 2, _choice_name),
    # repeats
    "indexed-repeat": (3, 11, _not_evaluated),
    # geography
    "area": (1, 1, _area),
    "enclosed-area": (1, 1, _area),
    "distance": (1, 1, _distance),
    # the form
    "version": (0, 0, _version),
}

#: name -> (minimum, maximum) number of arguments; ``None``: any number.
ARITY: Final[Mapping[str, tuple[int, int | None]]] = {
    name: (low, high) for name, (low, high, _) in FUNCTIONS.items()
}
