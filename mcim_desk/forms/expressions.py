"""Safe evaluator for XLSForm ``relevant``/``constraint``/``required``/``calculate``/
``choice_filter``/``default`` expressions, with ODK Collect's (JavaRosa's) semantics.

The language is parsed by :mod:`.xpath_parser`, the functions live in :mod:`.xpath_functions`
and the conversions between strings, numbers, booleans and dates in :mod:`.xpath_values`
(read their notes: a date compared with a string is compared as numbers, so
``. >= '2018-01-01'`` is false as in Collect, and ``. >= date('2018-01-01')`` is the portable
form).

Expressions are parsed once (:func:`compile_expression`); evaluation walks the tree and never
raises, whatever the answers look like. Nothing here uses ``eval``/``exec``.

Where answers come from: a mapping or a callable ``name -> answer`` (stored answers are
strings, ``None`` is empty; ``datetime.date`` objects are dates), or an :class:`Environment`
that also knows the form's structure (repeats, ``..``, choice labels, external files), which
is what :class:`mcim_desk.forms.engine.FormState` passes.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, TypeAlias

from .xpath_functions import ARITY
from .xpath_functions import FUNCTIONS as _LIBRARY
from .xpath_functions import Call as _CallInfo
from .xpath_parser import (
    Call,
    Chain,
    ExpressionError,
    InstancePath,
    LastSaved,
    Literal,
    Negate,
    Node,
    Path,
    Reference,
    parse,
    walk,
)
from .xpath_values import (
    NodeSet,
    Value,
    equals,
    format_number,
    to_boolean,
    to_number,
    to_string,
    unpack,
)

__all__ = [
    "Environment",
    "Expression",
    "ExpressionError",
    "FUNCTIONS",
    "NodeSet",
    "Value",
    "Values",
    "compile_expression",
    "parse_required",
    "to_boolean",
    "to_number",
    "to_string",
]

#: Known functions and their (minimum, maximum) number of arguments (maximum None: any).
FUNCTIONS: Final = ARITY

_CONTEXT_FUNCTIONS: Final = frozenset({"string-length", "number", "string", "normalize-space", "once"})
_REQUIRED_TRUE: Final = frozenset({"yes", "true", "true()"})
_REQUIRED_FALSE: Final = frozenset({"no", "false", "false()"})


class Environment:
    """What an expression may ask beyond plain answers. This base class reads ``${name}``
    from a mapping or callable, and knows nothing of repeats, labels or files: the form
    engine passes a subclass that does."""

    def __init__(self, values: Values | None = None) -> None:
        self._values = values if values is not None else {}
        self._cache: dict[str, Value] = {}

    def reference(self, name: str) -> Value:
        """The value of ``${name}`` (a :class:`NodeSet` for several nodes)."""
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
        value = normalize(raw)
        self._cache[name] = value
        return value

    def path(self, origin: str, steps: tuple[str, ...], current: Value) -> Value:
        """The value of a relative path. Without a form, ``../name`` reads ``${name}``."""
        if not steps:
            return current
        if len(steps) == 2 and steps[0] == ".." and steps[1] != "..":
            return self.reference(steps[1])
        return ""

    def position(self, origin: str, steps: tuple[str, ...]) -> float:
        """``position()`` of the node a path denotes (1 outside repeats)."""
        return 1.0

    def indexed_repeat(self, name: str, levels: list[tuple[str, float]]) -> Value:
        """``indexed-repeat(${name}, ${repeat}, index, ...)``."""
        return self.reference(name)

    def choice_name(self, code: str, question: str) -> str:
        """``jr:choice-name(code, '${question}')``: the choice's label (the code without form)."""
        return code

    def pulldata(self, source: str, column: str, key_column: str, key: str) -> str:
        """``pulldata('file', 'column', 'key_column', key)`` (empty without the file)."""
        return ""

    def form_version(self) -> str:
        return ""

    def last_saved(self, name: str) -> Value:
        """``${last-saved#name}``: the answer in the last record saved ("" when unknown)."""
        return ""

    def instance_rows(self, name: str) -> list[dict[str, str]] | None:
        """The items of the secondary instance ``name`` (a choice list, a CSV file), as rows
        of column -> value; None when the form has none by that name."""
        return None

    def now(self) -> datetime.datetime:
        from ..clock import utcnow

        return utcnow().replace(tzinfo=datetime.UTC).astimezone()


class RowEnvironment(Environment):
    """Inside ``instance('list')/root/item[filter]``: bare names are the item's columns,
    ``current()`` is the question, ``${name}`` reads the response."""

    def __init__(self, outer: Environment, row: Mapping[str, str]) -> None:
        super().__init__()
        self._outer = outer
        self._row = row

    def reference(self, name: str) -> Value:
        return self._outer.reference(name)

    def path(self, origin: str, steps: tuple[str, ...], current: Value) -> Value:
        if origin == "current":
            return self._outer.path("context", steps, current)
        if len(steps) == 1 and steps[0] != "..":
            return self._row.get(steps[0], "")
        return ""

    def choice_name(self, code: str, question: str) -> str:
        return self._outer.choice_name(code, question)

    def pulldata(self, source: str, column: str, key_column: str, key: str) -> str:
        return self._outer.pulldata(source, column, key_column, key)

    def instance_rows(self, name: str) -> list[dict[str, str]] | None:
        return self._outer.instance_rows(name)

    def form_version(self) -> str:
        return self._outer.form_version()

    def now(self) -> datetime.datetime:
        return self._outer.now()


#: Where answers come from: a mapping ``name -> answer``, a callable, or an Environment.
Values: TypeAlias = Callable[[str], object] | Mapping[str, object] | Environment


def normalize(raw: object) -> Value:
    """Turn a stored answer into an XPath value (a node's string, or a date)."""
    try:
        if raw is None:
            return ""
        if isinstance(raw, str | NodeSet):
            return raw
        if isinstance(raw, bool):
            return "true" if raw else "false"
        if isinstance(raw, datetime.date):
            return raw
        if isinstance(raw, int):
            return str(raw)
        if isinstance(raw, float):
            return format_number(raw)
        if isinstance(raw, list | tuple | set | frozenset):
            return " ".join(str(item) for item in raw if item is not None and item != "")
        return str(raw)
    except Exception:
        return ""


# -------------------------------------------------------------------- evaluation


class _Context:
    __slots__ = ("call", "current", "env", "today")

    def __init__(self, env: Environment, current: object, today: object) -> None:
        self.env = env
        self.current = normalize(current)
        if isinstance(today, datetime.datetime):
            today = today.date()
        if not isinstance(today, datetime.date):
            from ..clock import localnow

            today = localnow().date()
        self.today = today
        self.call = _CallInfo(self.current, today, env)


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
        return equals(left, right)
    if operator == "!=":
        return not equals(left, right)
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


def _evaluate(node: Node, context: _Context) -> Value:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Reference):
        return context.env.reference(node.name)
    if isinstance(node, LastSaved):
        return context.env.last_saved(node.name)
    if isinstance(node, Path):
        return context.env.path(node.origin, node.steps, context.current)
    if isinstance(node, Negate):
        number = to_number(_evaluate(node.operand, context))
        return -number if node.odd else number
    if isinstance(node, Chain):
        return _evaluate_chain(node, context)
    if isinstance(node, InstancePath):
        return _evaluate_instance(node, context)
    return _evaluate_call(node, context)


def _evaluate_instance(node: InstancePath, context: _Context) -> Value:
    """``instance('list')/root/item[filter]/field``: the field of every item the filter keeps
    (a number as filter keeps the item at that position)."""
    rows = context.env.instance_rows(node.instance)
    if rows is None or len(node.steps) < 2:
        return NodeSet()
    predicate = node.steps[1][1]
    kept = rows
    if predicate is not None:
        kept = []
        for position, row in enumerate(rows, start=1):
            row_context = _Context(RowEnvironment(context.env, row), None, context.today)
            row_context.current = context.current
            row_context.call = _CallInfo(context.current, context.today, row_context.env)
            value = _evaluate(predicate, row_context)
            if isinstance(value, float) and not isinstance(value, bool):
                if value == position:
                    kept.append(row)
            elif to_boolean(value):
                kept.append(row)
    if len(node.steps) == 2:
        return NodeSet(row.get("name", "") for row in kept)
    field_name = node.steps[2][0]
    return NodeSet(row.get(field_name, "") for row in kept)


def _evaluate_chain(node: Chain, context: _Context) -> Value:
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


def _is_null(value: Value) -> bool:
    value = unpack(value)
    return value == "" if isinstance(value, str) else isinstance(value, float) and math.isnan(value)


def _evaluate_call(node: Call, context: _Context) -> Value:
    name = node.name
    args = node.args
    if name == "if":
        chosen = args[1] if to_boolean(_evaluate(args[0], context)) else args[2]
        return _evaluate(chosen, context)
    if name == "coalesce":
        first = _evaluate(args[0], context)
        return _evaluate(args[1], context) if _is_null(first) else first
    if name == "position":
        if not args:
            return context.env.position("context", ())
        target = args[0]
        if isinstance(target, Path):
            return context.env.position(target.origin, target.steps)
        return math.nan
    if name == "indexed-repeat":
        target = args[0]
        if not isinstance(target, Reference):
            return ""
        levels: list[tuple[str, float]] = []
        for repeat, index in zip(args[1::2], args[2::2], strict=False):
            if not isinstance(repeat, Reference):
                return ""
            levels.append((repeat.name, to_number(_evaluate(index, context))))
        return context.env.indexed_repeat(target.name, levels)
    handler = _LIBRARY[name][2]
    values = [_evaluate(arg, context) for arg in args]
    try:
        return handler(values, context.call)
    except (ArithmeticError, ValueError, TypeError, IndexError, KeyError, RecursionError):
        return math.nan


# ------------------------------------------------------------------------ public


@dataclass(frozen=True)
class Expression:
    """A compiled XLSForm expression; ``Expression(text)`` compiles (or raises).

    ``allow_names`` accepts bare names as child paths (``choice_filter``: the columns of the
    choices sheet). Equality and hashing use ``source`` and ``allow_names`` only.
    """

    source: str
    allow_names: bool = False
    references: frozenset[str] = field(init=False, repr=False, compare=False)
    functions: frozenset[str] = field(init=False, repr=False, compare=False)
    instances: frozenset[str] = field(init=False, repr=False, compare=False)
    uses_current: bool = field(init=False, repr=False, compare=False)
    _root: Node = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise TypeError(f"expression source must be str, not {type(self.source).__name__}")
        try:
            root = parse(self.source, allow_names=self.allow_names)
        except RecursionError:
            raise ExpressionError(
                "expression is nested too deeply",
                expression=self.source,
                position=0,
                kind="nesting",
            ) from None
        nodes = walk(root)
        references = frozenset(node.name for node in nodes if isinstance(node, Reference | LastSaved))
        functions = frozenset(node.name for node in nodes if isinstance(node, Call))
        instances = frozenset(node.instance for node in nodes if isinstance(node, InstancePath))
        uses_current = any(
            isinstance(node, Path | InstancePath)
            or (isinstance(node, Call) and not node.args and node.name in _CONTEXT_FUNCTIONS)
            or (isinstance(node, Call) and node.name == "once")
            for node in nodes
        )
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "references", references)
        object.__setattr__(self, "functions", functions)
        object.__setattr__(self, "instances", instances)
        object.__setattr__(self, "uses_current", uses_current)

    def string_arguments(self, function: str) -> list[tuple[str, ...]]:
        """The literal string arguments of every call to ``function`` (None where an argument
        is not a literal string), e.g. the file names of ``pulldata`` calls."""
        calls = []
        for node in walk(self._root):
            if isinstance(node, Call) and node.name == function:
                calls.append(
                    tuple(
                        arg.value if isinstance(arg, Literal) and isinstance(arg.value, str) else None
                        for arg in node.args
                    )
                )
        return calls

    def evaluate(
        self,
        values: Values,
        current: object = None,
        today: datetime.date | None = None,
    ) -> Value:
        """Evaluate against ``values`` (mapping or callable: name -> stored answer, or an
        :class:`Environment`).

        ``current`` is the value of ``.``; ``today`` overrides ``today()`` (defaults to the
        program's clock). Missing references read as ``""``. Never raises.
        """
        env = values if isinstance(values, Environment) else Environment(values)
        try:
            return _evaluate(self._root, _Context(env, current, today))
        except RecursionError:
            return ""

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


def compile_expression(text: str, *, allow_names: bool = False) -> Expression:
    """Parse ``text``; raises :class:`ExpressionError` if it is not a valid expression."""
    return Expression(text, allow_names)


def parse_required(text: str | None) -> bool | Expression:
    """Read an XLSForm ``required`` cell: blank/``no``/``false`` -> False,
    ``yes``/``true`` -> True (any case), anything else is compiled as an expression."""
    if text is None:
        return False
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered == "" or lowered in _REQUIRED_TRUE:
        return lowered != ""
    if lowered in _REQUIRED_FALSE:
        return False
    return compile_expression(stripped)
