"""Safe evaluator for XLSForm ``relevant``/``constraint``/``required``/``calculate``.

The supported language is the XPath 1.0 subset used by XLSForms, with XForms
(ODK/JavaRosa) semantics:

* ``${name}`` references another question, ``.`` is the current question's value;
* literals: numbers (``3``, ``2.5``, ``.5``) and strings in single or double quotes
  (XPath 1.0 has no escapes inside string literals);
* operators, from loosest to tightest binding: ``or``; ``and``; ``=`` ``!=``;
  ``<`` ``<=`` ``>`` ``>=``; ``+`` ``-``; ``*`` ``div`` ``mod``; unary ``-``;
  parentheses group;
* functions: ``not``, ``selected``, ``count-selected``, ``string-length``,
  ``today``, ``true``, ``false``, ``number``, ``string``, ``boolean``.

Expressions are parsed once into a small AST (:func:`compile_expression`); evaluation
walks the tree and never raises, whatever the answers look like.  Nothing here uses
``eval``/``exec``.

Value model: every stored answer is a string (``None`` is the empty answer), a
select_multiple answer is a space separated list of choice codes and dates are ISO
``YYYY-MM-DD`` strings (``datetime.date`` objects are accepted too).  In numeric
contexts an ISO date (or date-time) converts to the number of days since 1970-01-01,
as JavaRosa does for date questions, so ``today() - ${dob}`` is an age in days and
date comparisons with ``<``/``>`` work whether the dates are strings or objects.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, TypeAlias

__all__ = [
    "Expression",
    "ExpressionError",
    "FUNCTIONS",
    "Value",
    "Values",
    "compile_expression",
    "parse_required",
    "to_boolean",
    "to_number",
    "to_string",
]

#: Result of an evaluation: XPath string, number, boolean, or a date (``today()``).
Value: TypeAlias = str | float | bool | datetime.date
#: Where answers come from: a mapping ``name -> answer`` or a callable ``name -> answer``.
Values: TypeAlias = Callable[[str], object] | Mapping[str, object]

#: Known functions and their (minimum, maximum) number of arguments.  As in XPath,
#: ``string()``, ``number()`` and ``string-length()`` without argument use ``.``.
FUNCTIONS: Final[Mapping[str, tuple[int, int]]] = {
    "not": (1, 1),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (0, 1),
    "today": (0, 0),
    "true": (0, 0),
    "false": (0, 0),
    "number": (0, 1),
    "string": (0, 1),
    "boolean": (1, 1),
}

_CONTEXT_FUNCTIONS: Final = frozenset({"string-length", "number", "string"})
_MAX_NESTING: Final = 64
_EPOCH_DATE: Final = datetime.date(1970, 1, 1)
_EPOCH_DATETIME: Final = datetime.datetime(1970, 1, 1)
_SECONDS_PER_DAY: Final = 86400.0
_WHITESPACE: Final = " \t\r\n"
_NUMBER_RE: Final = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_NUMERIC_STRING_RE: Final = re.compile(r"[ \t\r\n]*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[ \t\r\n]*")
_ISO_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_REQUIRED_TRUE: Final = frozenset({"yes", "true", "true()"})
_REQUIRED_FALSE: Final = frozenset({"no", "false", "false()"})

# Binary operator levels, loosest first.
_LEVELS: Final[tuple[frozenset[str], ...]] = (
    frozenset({"or"}),
    frozenset({"and"}),
    frozenset({"=", "!="}),
    frozenset({"<", "<=", ">", ">="}),
    frozenset({"+", "-"}),
    frozenset({"*", "div", "mod"}),
)
_OPERATOR_WORDS: Final = frozenset({"and", "or", "div", "mod"})


class ExpressionError(ValueError):
    """An expression could not be compiled.

    ``message`` is English, meant for logs; ``kind`` is one of ``"empty"``,
    ``"syntax"``, ``"unterminated_string"``, ``"unknown_function"``, ``"arity"`` or
    ``"nesting"`` so that a UI can word its own message; ``function`` is the name of
    the unknown function (``None`` otherwise); ``position`` is the character offset
    of the problem in ``expression``.
    """

    def __init__(
        self,
        message: str,
        *,
        expression: str,
        position: int,
        function: str | None = None,
        kind: str = "syntax",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.expression = expression
        self.position = position
        self.function = function
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.message} (at position {self.position} in {self.expression!r})"


# --------------------------------------------------------------------------- AST


@dataclass(frozen=True, slots=True)
class _Literal:
    value: str | float


@dataclass(frozen=True, slots=True)
class _Reference:
    name: str


@dataclass(frozen=True, slots=True)
class _Current:
    pass


@dataclass(frozen=True, slots=True)
class _Negate:
    operand: _Node
    odd: bool  # an even number of minus signs only converts to a number


@dataclass(frozen=True, slots=True)
class _Chain:
    """``first op1 operand1 op2 operand2 ...`` — left-associative, one precedence level.

    Kept flat (not a left-deep tree) so long ``or`` chains do not recurse deeply.
    """

    first: _Node
    rest: tuple[tuple[str, _Node], ...]


@dataclass(frozen=True, slots=True)
class _Call:
    name: str
    args: tuple[_Node, ...]


_Node: TypeAlias = _Literal | _Reference | _Current | _Negate | _Chain | _Call


# --------------------------------------------------------------------- tokenizer


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # number, string, ref, dot, name, op, end
    text: str
    position: int


def _is_question_name(name: str) -> bool:
    if not name or not (name[0].isalpha() or name[0] == "_"):
        return False
    return all(ch.isalnum() or ch in "_.-" for ch in name[1:])


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    length = len(source)
    index = 0
    while index < length:
        char = source[index]
        start = index
        if char in _WHITESPACE:
            index += 1
        elif char in "'\"":
            end = source.find(char, index + 1)
            if end < 0:
                raise ExpressionError(
                    "unterminated string literal",
                    expression=source,
                    position=start,
                    kind="unterminated_string",
                )
            tokens.append(_Token("string", source[index + 1 : end], start))
            index = end + 1
        elif char == "$":
            if source.startswith("${", index):
                end = source.find("}", index + 2)
                if end < 0:
                    raise ExpressionError(
                        "unterminated reference: '${' without '}'",
                        expression=source,
                        position=start,
                    )
                name = source[index + 2 : end]
                if not _is_question_name(name):
                    raise ExpressionError(
                        f"invalid question name {name!r} in reference",
                        expression=source,
                        position=start,
                    )
                tokens.append(_Token("ref", name, start))
                index = end + 1
            else:
                raise ExpressionError(
                    "'$' must start a reference such as ${name}",
                    expression=source,
                    position=start,
                )
        elif match := _NUMBER_RE.match(source, index):
            tokens.append(_Token("number", match.group(), start))
            index = match.end()
        elif char == ".":
            if source.startswith("..", index):
                raise ExpressionError(
                    "'..' (parent) is not supported", expression=source, position=start
                )
            tokens.append(_Token("dot", ".", start))
            index += 1
        elif char.isalpha() or char == "_":
            index += 1
            while index < length and (source[index].isalnum() or source[index] in "_-"):
                index += 1
            tokens.append(_Token("name", source[start:index], start))
        elif source.startswith(("!=", "<=", ">="), index):
            tokens.append(_Token("op", source[index : index + 2], start))
            index += 2
        elif char in "=<>+-*(),":
            tokens.append(_Token("op", char, start))
            index += 1
        else:
            raise ExpressionError(
                f"unexpected character {char!r}", expression=source, position=start
            )
    tokens.append(_Token("end", "", length))
    return tokens


# ------------------------------------------------------------------------ parser


class _Parser:
    def __init__(self, source: str) -> None:
        self._source = source
        self._tokens = _tokenize(source)
        self._index = 0
        self._nesting = 0

    def parse(self) -> _Node:
        if self._tokens[0].kind == "end":
            raise ExpressionError(
                "empty expression", expression=self._source, position=0, kind="empty"
            )
        node = self._parse_level(0)
        token = self._peek()
        if token.kind != "end":
            raise self._unexpected(token)
        return node

    # helpers

    def _peek(self) -> _Token:
        return self._tokens[self._index]

    def _advance(self) -> _Token:
        token = self._tokens[self._index]
        if token.kind != "end":
            self._index += 1
        return token

    def _is_op(self, token: _Token, text: str) -> bool:
        return token.kind == "op" and token.text == text

    def _error(self, message: str, position: int, kind: str = "syntax") -> ExpressionError:
        return ExpressionError(message, expression=self._source, position=position, kind=kind)

    def _unexpected(self, token: _Token) -> ExpressionError:
        if token.kind == "end":
            return self._error("unexpected end of expression", token.position)
        if token.kind == "string":
            return self._error(f"unexpected string {token.text!r}", token.position)
        return self._error(f"unexpected {token.text!r}", token.position)

    def _enter(self, token: _Token) -> None:
        self._nesting += 1
        if self._nesting > _MAX_NESTING:
            raise self._error("expression is nested too deeply", token.position, "nesting")

    def _leave(self) -> None:
        self._nesting -= 1

    # grammar

    def _parse_level(self, level: int) -> _Node:
        if level == len(_LEVELS):
            return self._parse_unary()
        operators = _LEVELS[level]
        first = self._parse_level(level + 1)
        rest: list[tuple[str, _Node]] = []
        while True:
            token = self._peek()
            if token.kind not in ("op", "name") or token.text not in operators:
                break
            self._advance()
            rest.append((token.text, self._parse_level(level + 1)))
        return _Chain(first, tuple(rest)) if rest else first

    def _parse_unary(self) -> _Node:
        minus_signs = 0
        while self._is_op(self._peek(), "-"):
            self._advance()
            minus_signs += 1
        operand = self._parse_primary()
        if minus_signs:
            return _Negate(operand, odd=minus_signs % 2 == 1)
        return operand

    def _parse_primary(self) -> _Node:
        token = self._advance()
        if token.kind == "number":
            return _Literal(float(token.text))
        if token.kind == "string":
            return _Literal(token.text)
        if token.kind == "ref":
            return _Reference(token.text)
        if token.kind == "dot":
            return _Current()
        if self._is_op(token, "("):
            self._enter(token)
            node = self._parse_level(0)
            closing = self._advance()
            if not self._is_op(closing, ")"):
                raise self._error("expected ')'", closing.position)
            self._leave()
            return node
        if token.kind == "name":
            if self._is_op(self._peek(), "("):
                return self._parse_call(token)
            if token.text in _OPERATOR_WORDS:
                raise self._error(f"operator {token.text!r} needs a left operand", token.position)
            raise self._error(
                f"unexpected name {token.text!r} (functions need parentheses, "
                "questions are written ${name})",
                token.position,
            )
        raise self._unexpected(token)

    def _parse_call(self, name_token: _Token) -> _Node:
        name = name_token.text
        if name not in FUNCTIONS:
            raise ExpressionError(
                f"unknown function {name}()",
                expression=self._source,
                position=name_token.position,
                function=name,
                kind="unknown_function",
            )
        opening = self._advance()
        self._enter(opening)
        args: list[_Node] = []
        if self._is_op(self._peek(), ")"):
            self._advance()
        else:
            while True:
                args.append(self._parse_level(0))
                separator = self._advance()
                if self._is_op(separator, ")"):
                    break
                if not self._is_op(separator, ","):
                    raise self._error("expected ',' or ')' in function call", separator.position)
        self._leave()
        minimum, maximum = FUNCTIONS[name]
        if not minimum <= len(args) <= maximum:
            expected = str(minimum) if minimum == maximum else f"{minimum} to {maximum}"
            raise self._error(
                f"{name}() takes {expected} argument(s), got {len(args)}",
                name_token.position,
                "arity",
            )
        return _Call(name, tuple(args))


def _walk(node: _Node) -> list[_Node]:
    nodes: list[_Node] = []
    pending: list[_Node] = [node]
    while pending:
        current = pending.pop()
        nodes.append(current)
        if isinstance(current, _Negate):
            pending.append(current.operand)
        elif isinstance(current, _Chain):
            pending.append(current.first)
            pending.extend(operand for _, operand in current.rest)
        elif isinstance(current, _Call):
            pending.extend(current.args)
    return nodes


# -------------------------------------------------------------------- conversions


def _format_number(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == int(number):
        return str(int(number))
    return format(Decimal(repr(number)), "f")


def _parse_date(text: str) -> datetime.date | None:
    """The date (or naive UTC date-time) an ISO string denotes, or None."""
    text = text.strip()
    if len(text) < 10 or not _ISO_DATE_RE.fullmatch(text, 0, 10):
        return None
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        if text[10] != "T":
            return None
        return _naive_utc(datetime.datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        return None


def _naive_utc(moment: datetime.datetime) -> datetime.datetime:
    offset = moment.utcoffset()
    moment = moment.replace(tzinfo=None)
    return moment - offset if offset else moment


def _as_date(value: Value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return _parse_date(value)
    return None


def _days_since_epoch(value: datetime.date) -> float:
    try:
        if isinstance(value, datetime.datetime):
            delta = _naive_utc(value) - _EPOCH_DATETIME
            return delta.total_seconds() / _SECONDS_PER_DAY
        return float((value - _EPOCH_DATE).days)
    except (ValueError, OverflowError, TypeError):
        return math.nan


def to_string(value: Value) -> str:
    """XPath ``string()`` of an evaluation result."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _format_number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def to_number(value: Value) -> float:
    """XPath ``number()``; ISO dates give days since 1970-01-01, other text NaN."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    if isinstance(value, datetime.date):
        return _days_since_epoch(value)
    if _NUMERIC_STRING_RE.fullmatch(value):
        return float(value)
    parsed = _parse_date(value)
    return _days_since_epoch(parsed) if parsed is not None else math.nan


def to_boolean(value: Value) -> bool:
    """XPath ``boolean()``: non-empty string, non-zero non-NaN number."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not math.isnan(value) and value != 0.0
    if isinstance(value, datetime.date):
        return True
    return value != ""


def _normalize(raw: object) -> Value:
    """Turn a stored answer into an XPath value (a node's string, or a date)."""
    try:
        if raw is None:
            return ""
        if isinstance(raw, str):
            return raw
        if isinstance(raw, bool):
            return "true" if raw else "false"
        if isinstance(raw, datetime.date):
            return raw
        if isinstance(raw, int):
            return str(raw)
        if isinstance(raw, float):
            return _format_number(raw)
        if isinstance(raw, list | tuple | set | frozenset):
            return " ".join(str(item) for item in raw if item is not None and item != "")
        return str(raw)
    except Exception:
        return ""


# -------------------------------------------------------------------- evaluation


class _Context:
    __slots__ = ("_values", "_cache", "current", "today")

    def __init__(self, values: Values, current: object, today: object) -> None:
        self._values = values
        self._cache: dict[str, Value] = {}
        self.current = _normalize(current)
        if isinstance(today, datetime.datetime):
            today = today.date()
        self.today = today if isinstance(today, datetime.date) else datetime.date.today()

    def lookup(self, name: str) -> Value:
        if name in self._cache:
            return self._cache[name]
        values = self._values
        try:
            if isinstance(values, Mapping):
                raw = values[name] if name in values else ""
            else:
                raw = values(name)
        except Exception:  # a broken or partial answer source reads as empty
            raw = ""
        value = _normalize(raw)
        self._cache[name] = value
        return value


def _equals(left: Value, right: Value) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return to_boolean(left) == to_boolean(right)
    if isinstance(left, float) or isinstance(right, float):
        return to_number(left) == to_number(right)
    if isinstance(left, datetime.date) or isinstance(right, datetime.date):
        left_date, right_date = _as_date(left), _as_date(right)
        if left_date is not None and right_date is not None:
            return _days_since_epoch(left_date) == _days_since_epoch(right_date)
    return to_string(left) == to_string(right)


def _divide(left: float, right: float) -> float:
    if right == 0.0:
        if left == 0.0 or math.isnan(left):
            return math.nan
        sign = math.copysign(1.0, left) * math.copysign(1.0, right)
        return math.copysign(math.inf, sign)
    return left / right


def _modulo(left: float, right: float) -> float:
    try:
        return math.fmod(left, right)
    except (ValueError, OverflowError):
        return math.nan


def _apply(operator: str, left: Value, right: Value) -> Value:
    if operator == "=":
        return _equals(left, right)
    if operator == "!=":
        return not _equals(left, right)
    x, y = to_number(left), to_number(right)
    if operator == "<":
        return x < y
    if operator == "<=":
        return x <= y
    if operator == ">":
        return x > y
    if operator == ">=":
        return x >= y
    if operator == "+":
        return x + y
    if operator == "-":
        return x - y
    if operator == "*":
        return x * y
    if operator == "div":
        return _divide(x, y)
    return _modulo(x, y)  # "mod"


def _evaluate(node: _Node, context: _Context) -> Value:
    if isinstance(node, _Literal):
        return node.value
    if isinstance(node, _Reference):
        return context.lookup(node.name)
    if isinstance(node, _Current):
        return context.current
    if isinstance(node, _Negate):
        number = to_number(_evaluate(node.operand, context))
        return -number if node.odd else number
    if isinstance(node, _Chain):
        return _evaluate_chain(node, context)
    return _evaluate_call(node, context)


def _evaluate_chain(node: _Chain, context: _Context) -> Value:
    operator = node.rest[0][0]
    if operator in ("or", "and"):  # one level holds a single logical operator
        stop_on = operator == "or"
        if to_boolean(_evaluate(node.first, context)) == stop_on:
            return stop_on
        for _, operand in node.rest:
            if to_boolean(_evaluate(operand, context)) == stop_on:
                return stop_on
        return not stop_on
    result = _evaluate(node.first, context)
    for binary_operator, operand in node.rest:
        result = _apply(binary_operator, result, _evaluate(operand, context))
    return result


def _evaluate_call(node: _Call, context: _Context) -> Value:
    name = node.name
    if name == "true":
        return True
    if name == "false":
        return False
    if name == "today":
        return context.today
    args = [_evaluate(arg, context) for arg in node.args]
    if not args:  # string(), number(), string-length() use the current value
        args = [context.current]
    if name == "not":
        return not to_boolean(args[0])
    if name == "boolean":
        return to_boolean(args[0])
    if name == "number":
        return to_number(args[0])
    if name == "string":
        return to_string(args[0])
    if name == "string-length":
        return float(len(to_string(args[0])))
    if name == "count-selected":
        return float(len(to_string(args[0]).split()))
    # "selected"
    return to_string(args[1]).strip() in to_string(args[0]).split()


# ------------------------------------------------------------------------ public


@dataclass(frozen=True)
class Expression:
    """A compiled XLSForm expression; ``Expression(text)`` compiles (or raises).

    Equality and hashing use ``source`` only.
    """

    source: str
    references: frozenset[str] = field(init=False, repr=False, compare=False)
    uses_current: bool = field(init=False, repr=False, compare=False)
    _root: _Node = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise TypeError(f"expression source must be str, not {type(self.source).__name__}")
        try:
            root = _Parser(self.source).parse()
        except RecursionError:
            raise ExpressionError(
                "expression is nested too deeply",
                expression=self.source,
                position=0,
                kind="nesting",
            ) from None
        nodes = _walk(root)
        references = frozenset(node.name for node in nodes if isinstance(node, _Reference))
        uses_current = any(
            isinstance(node, _Current)
            or (isinstance(node, _Call) and not node.args and node.name in _CONTEXT_FUNCTIONS)
            for node in nodes
        )
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "references", references)
        object.__setattr__(self, "uses_current", uses_current)

    def evaluate(
        self,
        values: Values,
        current: object = None,
        today: datetime.date | None = None,
    ) -> Value:
        """Evaluate against ``values`` (mapping or callable: name -> stored answer).

        ``current`` is the value of ``.``; ``today`` overrides ``today()`` (defaults to
        the system date).  Missing references read as ``""``.  Never raises.
        """
        return _evaluate(self._root, _Context(values, current, today))

    def evaluate_bool(
        self,
        values: Values,
        current: object = None,
        today: datetime.date | None = None,
    ) -> bool:
        """XPath ``boolean()`` of :meth:`evaluate` (for relevant/constraint/required)."""
        return to_boolean(self.evaluate(values, current, today))

    def evaluate_string(
        self,
        values: Values,
        current: object = None,
        today: datetime.date | None = None,
    ) -> str:
        """XPath ``string()`` of :meth:`evaluate` (what a ``calculate`` stores)."""
        return to_string(self.evaluate(values, current, today))


def compile_expression(text: str) -> Expression:
    """Parse ``text``; raises :class:`ExpressionError` if it is not a valid expression."""
    return Expression(text)


def parse_required(text: str | None) -> bool | Expression:
    """Read an XLSForm ``required`` cell: blank/``no``/``false`` -> False,
    ``yes``/``true`` -> True (any case), anything else is compiled as an expression."""
    if text is None:
        return False
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered == "" or lowered in _REQUIRED_FALSE:
        return False
    if lowered in _REQUIRED_TRUE:
        return True
    return compile_expression(stripped)
