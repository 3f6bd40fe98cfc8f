"""The state of one response: relevance, required, constraints, types, calculations.

XLSForm (ODK) semantics: a question inside a non-relevant group is non-relevant; the value of
a non-relevant question reads as empty in every expression (its stored answer is kept but
ignored); ``${name}`` inside a repeat names the sibling in the same instance.

Expressions are compiled once per :class:`FormDefinition` (cached by identity), and a
:class:`FormState` memoises what it computes, so building a state and asking for its errors
costs a fraction of a millisecond for the study's forms.
"""

from __future__ import annotations

import datetime
import re
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from .definition import FormDefinition, Question, definition_path, split_instance
from .expressions import Expression, compile_expression, parse_required

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class SectionProgress(NamedTuple):
    """Per section: relevant required questions answered, relevant required questions,
    relevant questions with an error (a missing required answer counts as one), and relevant
    questions answered out of all relevant questions (required or not)."""

    name: str
    answered: int
    required: int
    errors: int
    filled: int = 0
    relevant: int = 0


@dataclass(eq=False)
class _Node:
    question: Question
    relevant: Expression | None
    constraint: Expression | None
    required: bool | Expression
    calculate: Expression | None
    in_repeat: bool
    children: list[_Node] = field(default_factory=list)


@dataclass(eq=False)
class _Compiled:
    nodes: dict[str, _Node]
    names: dict[str, str]  # question name -> definition path
    top: list[_Node]
    repeats: frozenset[str]
    relevance_names: frozenset[str]  # names read by a relevant or calculate expression


_CACHE: dict[int, tuple[weakref.ref, _Compiled]] = {}
_CACHE_LOCK = threading.Lock()


def _compile(text: str | None) -> Expression | None:
    # Definitions are checked when loaded; a stored one that no longer compiles (an older
    # program's form) must still open, so such an expression is ignored rather than raised.
    if not text:
        return None
    try:
        return compile_expression(text)
    except ValueError:
        return None


def _compile_required(text: str | None) -> bool | Expression:
    try:
        return parse_required(text)
    except ValueError:
        return False


def compiled(definition: FormDefinition) -> _Compiled:
    """The definition's compiled expressions and indexes (built once per definition object)."""
    key = id(definition)
    entry = _CACHE.get(key)
    if entry is not None and entry[0]() is definition:
        return entry[1]
    nodes: dict[str, _Node] = {}
    names: dict[str, str] = {}
    repeats: set[str] = set()

    def build(question: Question, in_repeat: bool) -> _Node:
        node = _Node(
            question=question,
            relevant=_compile(question.relevant),
            constraint=_compile(question.constraint),
            required=_compile_required(question.required),
            calculate=_compile(question.calculate),
            in_repeat=in_repeat,
        )
        nodes[question.path] = node
        names.setdefault(question.name, question.path)
        if question.is_repeat:
            repeats.add(question.path)
        node.children = [build(c, in_repeat or question.is_repeat) for c in question.children]
        return node

    top = [build(q, False) for q in definition.children]
    relevance_names: set[str] = set()
    for node in nodes.values():
        for expression in (node.relevant, node.calculate):
            if expression is not None:
                relevance_names |= expression.references
    result = _Compiled(nodes, names, top, frozenset(repeats), frozenset(relevance_names))
    with _CACHE_LOCK:
        _CACHE[key] = (weakref.ref(definition, lambda _ref, key=key: _CACHE.pop(key, None)), result)
    return result


def affects_relevance(definition: FormDefinition, path: str) -> bool:
    """Whether the answer at ``path`` can change any element's relevance (its name is read
    by a relevant expression, or by a calculation one could read)."""
    question = definition.find(path)
    return question is not None and question.name in compiled(definition).relevance_names


def _parent(path: str) -> str | None:
    """The enclosing element's instance path; a repeat instance's parent is the repeat."""
    split = split_instance(path)
    if split is not None:
        return split[0]
    cut = path.rfind("/")
    if cut < 0:
        return None
    parent = path[:cut]
    return parent


def type_problem(question: Question, value: str) -> str | None:
    """A translated message when ``value`` does not fit the question's type, else None."""
    text = value.strip()
    qtype = question.type
    if qtype == "integer" and not _INTEGER.fullmatch(text):
        return QCoreApplication.translate("Forms", "“{value}” is not a whole number.").format(value=value)
    if qtype == "decimal" and not _DECIMAL.fullmatch(text):
        return QCoreApplication.translate("Forms", "“{value}” is not a number: write decimals with a point, as in 2.5.").format(
            value=value
        )
    if qtype == "date":
        ok = bool(_DATE.fullmatch(text))
        if ok:
            try:
                datetime.date.fromisoformat(text)
            except ValueError:
                ok = False
        if not ok:
            return QCoreApplication.translate("Forms", "“{value}” is not a date: write it as YYYY-MM-DD").format(value=value)
    if question.is_select and question.choices:
        names = {c.name for c in question.choices}
        codes = text.split() if qtype == "select_multiple" else [text]
        for code in codes:
            if code not in names:
                return QCoreApplication.translate("Forms", "“{value}” is not one of the choices.").format(value=code)
    return None


class FormState:
    """One response's answers seen through its form. Cheap to build; build a new one after
    every change rather than mutating (the results are memoised)."""

    def __init__(
        self,
        definition: FormDefinition,
        answers: Mapping[str, str | None],
        today: datetime.date | None = None,
    ) -> None:
        self.definition = definition
        self.answers = answers
        self.today = today or datetime.date.today()
        self._c = compiled(definition)
        self._instances: dict[str, list[int]] = {}
        for path in answers:
            if "[" in path:
                self._note_instances(path)
        self._relevant: dict[str, bool] = {}
        self._calculated: dict[str, str] = {}
        self._busy: set[str] = set()
        self._expanded: list[tuple[str, _Node]] | None = None

    def _note_instances(self, path: str) -> None:
        start = path.find("[")
        while start > 0:
            end = path.find("]", start)
            if end < 0:
                return
            digits = path[start + 1 : end]
            if digits.isdigit():
                indexes = self._instances.setdefault(path[:start], [])
                index = int(digits)
                if index not in indexes:
                    indexes.append(index)
            start = path.find("[", end)

    # --- structure ------------------------------------------------------------------------

    def instances(self, repeat_path: str) -> list[int]:
        """Indexes of a repeat's instances (``repeat_path`` carries any outer indexes)."""
        return sorted(self._instances.get(repeat_path, ()))

    def instance_paths(self) -> list[str]:
        """Every element of the form as instance paths (repeats expanded), in form order."""
        return [path for path, _ in self._expand()]

    def _expand(self) -> list[tuple[str, _Node]]:
        if self._expanded is None:
            out: list[tuple[str, _Node]] = []

            def walk(nodes: list[_Node], prefix: str) -> None:
                for node in nodes:
                    path = f"{prefix}/{node.question.name}" if prefix else node.question.name
                    out.append((path, node))
                    if node.question.is_repeat:
                        for index in self.instances(path):
                            walk(node.children, f"{path}[{index}]")
                    elif node.children:
                        walk(node.children, path)

            walk(self._c.top, "")
            self._expanded = out
        return self._expanded

    def _node(self, path: str) -> _Node | None:
        return self._c.nodes.get(definition_path(path))

    # --- values ---------------------------------------------------------------------------

    def _resolve(self, name: str, context: str) -> str | None:
        """The instance path ``${name}`` denotes when evaluated at ``context``."""
        target = self._c.names.get(name)
        if target is None:
            return None
        if not self._c.nodes[target].in_repeat:
            return target
        context_parts = context.split("/")
        out: list[str] = []
        same = True
        for i, part in enumerate(target.split("/")):
            if same and i < len(context_parts) and definition_path(context_parts[i]) == part:
                out.append(context_parts[i])
                continue
            same = False
            prefix = "/".join([*out, part])
            if definition_path(prefix) in self._c.repeats:
                indexes = self.instances(prefix)
                out.append(f"{part}[{indexes[0] if indexes else 1}]")
            else:
                out.append(part)
        return "/".join(out)

    def _lookup(self, context: str):  # noqa: ANN202 - the evaluator's callable
        def lookup(name: str) -> str:
            path = self._resolve(name, context)
            return self.value(path) if path is not None else ""

        return lookup

    def value(self, path: str) -> str:
        """What expressions see: the answer (or calculation), empty when not relevant."""
        node = self._node(path)
        if node is None or not self.relevant(path):
            return ""
        if node.calculate is not None:
            return self.calculated(path)
        return self.answers.get(path) or ""

    def calculated(self, path: str) -> str:
        """The value of a ``calculate`` (any question with a calculation) at ``path``."""
        if path in self._calculated:
            return self._calculated[path]
        node = self._node(path)
        if node is None or node.calculate is None or path in self._busy:
            return ""
        self._busy.add(path)
        try:
            result = node.calculate.evaluate_string(self._lookup(path), None, self.today)
        finally:
            self._busy.discard(path)
        self._calculated[path] = result
        return result

    def calculations(self) -> dict[str, str]:
        """Every calculation of the form (relevant ones), by instance path."""
        return {
            path: self.calculated(path)
            for path, node in self._expand()
            if node.calculate is not None and self.relevant(path)
        }

    # --- relevance, required, errors ------------------------------------------------------

    def relevant(self, path: str) -> bool:
        """Whether the element at ``path`` is shown and counted (its groups included)."""
        known = self._relevant.get(path)
        if known is not None:
            return known
        node = self._node(path)
        if node is None:
            return False
        if path in self._busy:  # a relevance cycle in the form: do not hide anything
            return True
        self._busy.add(path)
        try:
            parent = _parent(path)
            result = parent is None or self.relevant(parent)
            if result and node.relevant is not None:
                context = split_instance(path)[0] if split_instance(path) else path
                result = node.relevant.evaluate_bool(
                    self._lookup(context), self.answers.get(path), self.today
                )
        finally:
            self._busy.discard(path)
        self._relevant[path] = result
        return result

    def relevance(self) -> dict[str, bool]:
        """Every element's relevance, by instance path."""
        return {path: self.relevant(path) for path, _ in self._expand()}

    def is_required(self, path: str) -> bool:
        node = self._node(path)
        if node is None or not node.question.takes_answer:
            return False
        required = node.required
        if isinstance(required, bool):
            return required
        return required.evaluate_bool(self._lookup(path), self.answers.get(path), self.today)

    def _problem(self, path: str, node: _Node) -> tuple[str, str] | None:
        """('required'|'type'|'constraint', type message) or None, for a relevant question."""
        question = node.question
        raw = self.answers.get(path)
        if raw is None or not raw.strip():
            return ("required", "") if self.is_required(path) else None
        message = type_problem(question, raw)
        if message:
            return "type", message
        if node.constraint is not None and not node.constraint.evaluate_bool(
            self._lookup(path), raw, self.today
        ):
            return "constraint", ""
        return None

    def error_for(self, path: str, lang: str) -> str | None:
        """The message to show beside the question at ``path`` (None when all is well or when
        the question is not relevant)."""
        node = self._node(path)
        if node is None or not node.question.takes_answer or not self.relevant(path):
            return None
        problem = self._problem(path, node)
        if problem is None:
            return None
        kind, message = problem
        question = node.question
        if kind == "required":
            return question.required_message(lang) or QCoreApplication.translate(
                "Forms", "This answer is required."
            )
        if kind == "constraint":
            return question.constraint_message(lang) or QCoreApplication.translate(
                "Forms", "This answer is not valid."
            )
        return message

    def errors(self, lang: str) -> dict[str, str]:
        """Every relevant question's message, by instance path, in form order."""
        result: dict[str, str] = {}
        for path, node in self._expand():
            if node.question.takes_answer:
                message = self.error_for(path, lang)
                if message:
                    result[path] = message
        return result

    def is_complete(self) -> bool:
        """All relevant required questions answered and every relevant answer valid."""
        for path, node in self._expand():
            if node.question.takes_answer and self.relevant(path) and self._problem(path, node):
                return False
        return True

    def section_progress(self) -> list[SectionProgress]:
        """Per top-level group or repeat (plus a section named "" for questions outside any
        group, when there are some)."""
        sections: dict[str, list[int]] = {}
        loose = False
        for path, node in self._expand():
            if not node.question.takes_answer:
                if "/" not in path and node.question.is_container:
                    sections.setdefault(path, [0, 0, 0, 0, 0])
                continue
            top = path.split("/", 1)[0] if "/" in path else ""
            top = definition_path(top)
            loose = loose or top == ""
            counts = sections.setdefault(top, [0, 0, 0, 0, 0])
            if not self.relevant(path):
                continue
            counts[4] += 1
            if self.answers.get(path) not in (None, ""):
                counts[3] += 1
            problem = self._problem(path, node)
            if self.is_required(path):
                counts[1] += 1
                if problem is None or problem[0] != "required":
                    counts[0] += 1
            if problem is not None:
                counts[2] += 1
        ordered = [("", sections.pop(""))] if loose and "" in sections else []
        ordered += list(sections.items())
        return [SectionProgress(name, *counts) for name, counts in ordered]


__all__ = ["FormState", "SectionProgress", "affects_relevance", "compiled", "type_problem"]
