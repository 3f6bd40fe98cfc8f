"""Parsing of XLSForm expressions into a small tree (no evaluation here).

The language is XPath 1.0 as XLSForms write it, with ODK's extensions:

* ``${name}`` names another question (``${last-saved#name}`` its answer in the last record
  saved); ``.`` is the current node, ``..`` its parent, and paths
  go on with ``/`` (``../sibling``, ``current()/../name``); a bare name (``country``) is a
  child of the context node, which only ``choice_filter`` uses (the columns of a choice);
* literals: numbers (``3``, ``2.5``, ``.5``) and strings in single or double quotes (XPath 1.0
  has no escapes inside string literals);
* operators, from loosest to tightest binding: ``or``; ``and``; ``=`` ``!=``; ``<`` ``<=``
  ``>`` ``>=``; ``+`` ``-``; ``*`` ``div`` ``mod``; unary ``-``; parentheses group;
* the functions of :mod:`mcim_desk.forms.xpath_functions` (``jr:choice-name`` with its prefix).

Secondary instances are read as ODK forms write them: ``instance('list')/root/item[filter]/field``
(a choice list of the form, or a CSV file beside it), where the filter is an expression over
the item's columns or a position. Absolute paths (``/data/q``), predicates elsewhere and
unions (``|``) are refused with a message saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, TypeAlias

from .xpath_functions import ARITY, UNSUPPORTED

__all__ = [
    "ExpressionError", "InstancePath", "LastSaved", "Node", "Call", "Chain", "Literal", "Negate", "Path", "Reference",
    "parse", "walk",
]

_MAX_NESTING: Final = 64
_WHITESPACE: Final = " \t\r\n"
_NUMBER_RE: Final = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_NAME_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(?::[A-Za-z_][A-Za-z0-9_-]*)?")

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
    ``"syntax"``, ``"unterminated_string"``, ``"unknown_function"``,
    ``"unsupported_function"``, ``"arity"`` or ``"nesting"`` so that a UI can word its own message; ``function`` is the name of
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
class Literal:
    value: str | float


@dataclass(frozen=True, slots=True)
class Reference:
    """``${name}``."""

    name: str


@dataclass(frozen=True, slots=True)
class LastSaved:
    """``${last-saved#name}``: the answer ``name`` had in the last record saved."""

    name: str


@dataclass(frozen=True, slots=True)
class Path:
    """``.``, ``..``, ``../name``, ``name``, ``current()/../name``: ``origin`` is "context"
    (the node the expression belongs to) or "current" (``current()``); ``steps`` are
    ``..`` or names, in order (``.`` steps are dropped)."""

    origin: str
    steps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Node
    odd: bool  # an even number of minus signs only converts to a number


@dataclass(frozen=True, slots=True)
class Chain:
    """``first op1 operand1 op2 operand2 ...`` — left-associative, one precedence level.

    Kept flat (not a left-deep tree) so long ``or`` chains do not recurse deeply.
    """

    first: Node
    rest: tuple[tuple[str, Node], ...]


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class InstancePath:
    """``instance('name')/root/item[predicate]/field``: ``steps`` are (name, predicate or
    None) after ``instance('name')``."""

    instance: str
    steps: tuple[tuple[str, Node | None], ...]


Node: TypeAlias = Literal | Reference | LastSaved | Path | Negate | Chain | Call | InstancePath


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
                kind = "ref"
                if name.startswith("last-saved#"):  # ODK: the answer of the last saved record
                    name, kind = name[len("last-saved#"):], "last_saved"
                if not _is_question_name(name):
                    raise ExpressionError(
                        f"invalid question name {name!r} in reference",
                        expression=source,
                        position=start,
                    )
                tokens.append(_Token(kind, name, start))
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
                tokens.append(_Token("dotdot", "..", start))
                index += 2
            else:
                tokens.append(_Token("dot", ".", start))
                index += 1
        elif char.isalpha() or char == "_":
            index += 1
            while index < length and (source[index].isalnum() or source[index] in "_-"):
                index += 1
            if (
                index + 1 < length
                and source[index] == ":"
                and (source[index + 1].isalpha() or source[index + 1] == "_")
            ):
                index += 2
                while index < length and (source[index].isalnum() or source[index] in "_-"):
                    index += 1
            tokens.append(_Token("name", source[start:index], start))
        elif source.startswith(("!=", "<=", ">="), index):
            tokens.append(_Token("op", source[index : index + 2], start))
            index += 2
        elif char in "=<>+-*(),/[]|":
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
    def __init__(self, source: str, allow_names: bool) -> None:
        self._source = source
        self._allow_names = allow_names
        self._tokens = _tokenize(source)
        self._index = 0
        self._nesting = 0

    def parse(self) -> Node:
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

    def _parse_level(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self._parse_unary()
        operators = _LEVELS[level]
        first = self._parse_level(level + 1)
        rest: list[tuple[str, Node]] = []
        while True:
            token = self._peek()
            if token.kind not in ("op", "name") or token.text not in operators:
                break
            self._advance()
            rest.append((token.text, self._parse_level(level + 1)))
        return Chain(first, tuple(rest)) if rest else first

    def _parse_unary(self) -> Node:
        minus_signs = 0
        while self._is_op(self._peek(), "-"):
            self._advance()
            minus_signs += 1
        operand = self._parse_primary()
        if minus_signs:
            return Negate(operand, odd=minus_signs % 2 == 1)
        return operand

    def _parse_primary(self) -> Node:
        token = self._advance()
        if token.kind == "number":
            return Literal(float(token.text))
        if token.kind == "string":
            return Literal(token.text)
        if token.kind == "ref":
            return Reference(token.text)
        if token.kind == "last_saved":
            return LastSaved(token.text)
        if token.kind == "dot":
            return self._parse_steps("context", ())
        if token.kind == "dotdot":
            return self._parse_steps("context", ("..",))
        if self._is_op(token, "("):
            self._enter(token)
            node = self._parse_level(0)
            closing = self._advance()
            if not self._is_op(closing, ")"):
                raise self._error("expected ')'", closing.position)
            self._leave()
            return node
        if self._is_op(token, "/"):
            raise self._error(
                "absolute paths such as /data/name are not supported: write ${name}",
                token.position,
            )
        if token.kind == "name":
            if self._is_op(self._peek(), "("):
                if token.text == "current":
                    self._advance()
                    closing = self._advance()
                    if not self._is_op(closing, ")"):
                        raise self._error("current() takes no argument", token.position, "arity")
                    return self._parse_steps("current", ())
                return self._parse_call(token)
            if token.text in _OPERATOR_WORDS:
                raise self._error(f"operator {token.text!r} needs a left operand", token.position)
            if not self._allow_names:
                raise self._error(
                    f"unexpected name {token.text!r} (functions need parentheses, "
                    "questions are written ${name})",
                    token.position,
                )
            return self._parse_steps("context", (token.text,))
        raise self._unexpected(token)

    def _parse_steps(self, origin: str, steps: tuple[str, ...]) -> Node:
        collected = list(steps)
        while True:
            token = self._peek()
            if self._is_op(token, "["):
                raise self._error("predicates [...] are not supported", token.position)
            if not self._is_op(token, "/"):
                break
            self._advance()
            step = self._advance()
            if step.kind == "dotdot":
                collected.append("..")
            elif step.kind == "dot":
                continue
            elif step.kind == "name" and not self._is_op(self._peek(), "("):
                collected.append(step.text)
            else:
                raise self._unexpected(step)
        return Path(origin, tuple(collected))

    def _parse_instance(self, name_token: _Token) -> Node:
        self._advance()  # (
        argument = self._advance()
        closing = self._advance()
        if argument.kind != "string" or not self._is_op(closing, ")"):
            raise self._error("instance() takes the name of a list in quotes", name_token.position, "arity")
        steps: list[tuple[str, Node | None]] = []
        while self._is_op(self._peek(), "/"):
            self._advance()
            step = self._advance()
            if step.kind != "name" or self._is_op(self._peek(), "("):
                raise self._unexpected(step)
            predicate: Node | None = None
            if self._is_op(self._peek(), "["):
                opening = self._advance()
                self._enter(opening)
                saved = self._allow_names
                self._allow_names = True  # inside a filter, bare names are the item's columns
                predicate = self._parse_level(0)
                self._allow_names = saved
                closing = self._advance()
                if not self._is_op(closing, "]"):
                    raise self._error("expected ']'", closing.position)
                self._leave()
            steps.append((step.text, predicate))
        if self._is_op(self._peek(), "["):
            raise self._error("predicates [...] go after a step of instance('…')/root/item", self._peek().position)
        return InstancePath(argument.text, tuple(steps))

    def _parse_call(self, name_token: _Token) -> Node:
        name = name_token.text
        if name == "instance":
            return self._parse_instance(name_token)
        if name in UNSUPPORTED:
            raise ExpressionError(
                f"the function {name}() is not supported",
                expression=self._source,
                position=name_token.position,
                function=name,
                kind="unsupported_function",
            )
        if name not in ARITY:
            raise ExpressionError(
                f"unknown function {name}()",
                expression=self._source,
                position=name_token.position,
                function=name,
                kind="unknown_function",
            )
        opening = self._advance()
        self._enter(opening)
        args: list[Node] = []
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
        minimum, maximum = ARITY[name]
        too_many = maximum is not None and len(args) > maximum
        odd_pairs = name == "indexed-repeat" and len(args) % 2 == 0
        if len(args) < minimum or too_many or odd_pairs:
            if maximum is None:
                expected = f"at least {minimum}"
            elif minimum == maximum:
                expected = str(minimum)
            else:
                expected = f"{minimum} to {maximum}"
            raise self._error(
                f"{name}() takes {expected} argument(s), got {len(args)}",
                name_token.position,
                "arity",
            )
        return Call(name, tuple(args))


def parse(source: str, *, allow_names: bool = False) -> Node:
    """The tree of ``source``; raises :class:`ExpressionError`. ``allow_names`` accepts bare
    names as child paths (``choice_filter``); elsewhere they are a mistake for ``${name}``."""
    return _Parser(source, allow_names).parse()


def walk(node: Node) -> list[Node]:
    nodes: list[Node] = []
    pending: list[Node] = [node]
    while pending:
        current = pending.pop()
        nodes.append(current)
        if isinstance(current, Negate):
            pending.append(current.operand)
        elif isinstance(current, Chain):
            pending.append(current.first)
            pending.extend(operand for _, operand in current.rest)
        elif isinstance(current, Call):
            pending.extend(current.args)
        elif isinstance(current, InstancePath):
            pending.extend(predicate for _, predicate in current.steps if predicate is not None)
    return nodes


