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
import math
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from .. import clock
from .answer_types import type_problem
from .definition import Choice, FormDefinition, Question, definition_path, split_instance
from .expressions import Environment, Expression, compile_expression, parse_required
from .xpath_values import NodeSet, Value, parse_date_time, to_number

_MAX_REPEAT_COUNT = 1000  # a repeat_count above this is read as this many instances


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
    choice_filter: Expression | None = None
    default: Expression | None = None  # a default that is an expression
    repeat_count: Expression | None = None
    children: list[_Node] = field(default_factory=list)


@dataclass(eq=False)
class _Compiled:
    nodes: dict[str, _Node]
    names: dict[str, str]  # question name -> definition path
    top: list[_Node]
    repeats: frozenset[str]
    relevance_names: frozenset[str]  # names read by a relevant or calculate expression
    # names read by any expression that can judge another answer (required, constraint, and
    # all of relevance_names): an answer whose name is not here can only change its own problem
    status_names: frozenset[str] = frozenset()
    required_paths: tuple[str, ...] = ()  # required questions outside any repeat


_CACHE: dict[int, tuple[weakref.ref, _Compiled]] = {}
_CACHE_LOCK = threading.Lock()


def _compile(text: str | None, allow_names: bool = False) -> Expression | None:
    # Definitions are checked when loaded; a stored one that no longer compiles (an older
    # program's form) must still open, so such an expression is ignored rather than raised.
    if not text:
        return None
    try:
        return compile_expression(text, allow_names=allow_names)
    except ValueError:
        return None


def _compile_default(text: str | None) -> Expression | None:
    if not text or not ("${" in text or "(" in text):
        return None
    return _compile(text)


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
            choice_filter=_compile(question.choice_filter, allow_names=True),
            default=_compile_default(question.default),
            repeat_count=_compile(question.repeat_count),
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
        for expression in (node.relevant, node.calculate, node.choice_filter, node.repeat_count):
            if expression is not None:
                relevance_names |= expression.references
    status_names = set(relevance_names)
    for node in nodes.values():
        for expression in (node.constraint, node.required, node.default):
            if isinstance(expression, Expression):
                status_names |= expression.references
    required_paths = tuple(path for path, node in nodes.items()
                           if node.required is not False and node.question.takes_answer and not node.in_repeat
                           and not node.question.is_repeat)
    result = _Compiled(nodes, names, top, frozenset(repeats), frozenset(relevance_names),
                       frozenset(status_names), required_paths)
    with _CACHE_LOCK:
        _CACHE[key] = (weakref.ref(definition, lambda _ref, key=key: _CACHE.pop(key, None)), result)
    return result


def affects_relevance(definition: FormDefinition, path: str) -> bool:
    """Whether the answer at ``path`` can change any element's relevance (its name is read
    by a relevant expression, or by a calculation one could read)."""
    question = definition.find(path)
    return question is not None and question.name in compiled(definition).relevance_names


def affects_others(definition: FormDefinition, path: str) -> bool:
    """Whether the answer at ``path`` can change whether any other answer is relevant,
    required, valid or calculated: when not, the response's completeness can move only with
    this answer's own problem (:meth:`FormState.problem_at`)."""
    question = definition.find(path)
    return question is None or question.name in compiled(definition).status_names


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


class FormState:
    """One response's answers seen through its form. Cheap to build; build a new one after
    every change rather than mutating (the results are memoised)."""

    def __init__(
        self,
        definition: FormDefinition,
        answers: Mapping[str, str | None],
        today: datetime.date | None = None,
        lang: str = "en",
    ) -> None:
        self.definition = definition
        self.lang = lang
        self.answers = answers
        if today is None:
            today = clock.localnow().date()
        self.today = today
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

    def _resolve(self, name: str, context: str) -> list[str] | str | None:
        """The instance path ``${name}`` denotes when evaluated at ``context``: one path, or
        a list of paths when the name sits in repeat instances the context is outside of
        (every instance then; a repeat's own name always gives all its instances)."""
        target = self._c.names.get(name)
        if target is None:
            return None
        node = self._c.nodes[target]
        if not node.in_repeat and not node.question.is_repeat:
            return target
        context_parts = context.split("/")
        prefixes: list[str] = [""]
        many = False
        same = True
        parts = target.split("/")
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if (
                same
                and not (last and node.question.is_repeat)
                and i < len(context_parts)
                and definition_path(context_parts[i]) == part
            ):
                prefixes = [f"{p}/{context_parts[i]}" if p else context_parts[i] for p in prefixes]
                continue
            same = False
            expanded: list[str] = []
            for prefix in prefixes:
                path = f"{prefix}/{part}" if prefix else part
                if definition_path(path) in self._c.repeats:
                    many = True
                    expanded.extend(f"{path}[{index}]" for index in self.instances(path))
                else:
                    expanded.append(path)
            prefixes = expanded
        if many:
            return prefixes
        return prefixes[0] if prefixes else None

    def typed_value(self, path: str) -> Value:
        """:meth:`value` typed as ODK reads the node: a date question gives a date, a
        number question a number, any other question its text."""
        text = self.value(path)
        if text == "":
            return ""
        node = self._node(path)
        qtype = node.question.type if node is not None else "text"
        if qtype == "date":
            parsed = parse_date_time(text)
            return parsed if parsed is not None else text
        if qtype == "datetime":
            parsed = parse_date_time(text)
            return parsed if parsed is not None else text
        if qtype in ("integer", "decimal", "range"):
            number = to_number(text)
            return text if math.isnan(number) else number
        return text

    def typed_answer(self, path: str) -> Value:
        """The stored answer at ``path`` typed as :meth:`typed_value` does (for ``.``)."""
        raw = self.answers.get(path)
        if raw is None or raw == "":
            return ""
        node = self._node(path)
        qtype = node.question.type if node is not None else "text"
        if qtype in ("date", "datetime"):
            parsed = parse_date_time(raw)
            return parsed if parsed is not None else raw
        if qtype in ("integer", "decimal", "range"):
            number = to_number(raw)
            return raw if math.isnan(number) else number
        return raw

    def _lookup(self, context: str) -> _FormEnvironment:
        return _FormEnvironment(self, context)

    def value(self, path: str) -> str:
        """What expressions see: the answer (or calculation), empty when not relevant."""
        node = self._node(path)
        if node is None or not self.relevant(path):
            return ""
        if node.calculate is not None:
            return self.calculated(path)
        answer = self.answers.get(path) or ""
        if not answer and node.question.type == "hidden" and node.question.default:
            return self.default_value(path) or ""  # a hidden value is its default
        return answer

    def calculated(self, path: str) -> str:
        """The value of a ``calculate`` (any question with a calculation) at ``path``."""
        if path in self._calculated:
            return self._calculated[path]
        node = self._node(path)
        if node is None or node.calculate is None or path in self._busy:
            return ""
        self._busy.add(path)
        try:
            result = node.calculate.evaluate_string(
                self._lookup(path), self.answers.get(path), self.today
            )
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

    # --- choices, defaults, repeat counts --------------------------------------------------

    def choices(self, path: str) -> tuple[Choice, ...]:
        """The choices offered at ``path``: the question's, narrowed by its choice_filter
        (evaluated for each choice, its columns read as bare names)."""
        node = self._node(path)
        if node is None:
            return ()
        question = node.question
        if node.choice_filter is None:
            return question.choices
        form = self._lookup(path)
        current = self.typed_answer(path)
        return tuple(
            choice
            for choice in question.choices
            if node.choice_filter.evaluate_bool(_ChoiceEnvironment(form, choice, self.lang), current, self.today)
        )

    def default_value(self, path: str) -> str | None:
        """The default of the question at ``path`` (its expression evaluated), or None."""
        node = self._node(path)
        if node is None or not node.question.default:
            return None
        if node.default is None:
            return node.question.default
        return node.default.evaluate_string(self._lookup(path), "", self.today)

    def defaults(self) -> dict[str, str]:
        """Defaults of the relevant questions that have no answer yet, by instance path."""
        result = {}
        for path, node in self._expand():
            if node.question.takes_answer and node.question.default and path not in self.answers:
                if self.relevant(path):
                    value = self.default_value(path)
                    if value:
                        result[path] = value
        return result

    def is_readonly(self, path: str) -> bool:
        """Whether the question at ``path`` is shown but not editable (``read_only``)."""
        node = self._node(path)
        if node is None or not node.question.readonly:
            return False
        readonly = _compile_required(node.question.readonly)
        if isinstance(readonly, bool):
            return readonly
        return readonly.evaluate_bool(self._lookup(path), self.typed_answer(path), self.today)

    def repeat_count(self, repeat_path: str) -> int | None:
        """How many instances a repeat with a ``repeat_count`` must have (None: the user
        decides). ``repeat_path`` carries any outer indexes."""
        node = self._node(repeat_path)
        if node is None or node.repeat_count is None:
            return None
        number = to_number(node.repeat_count.evaluate(self._lookup(repeat_path), "", self.today))
        if math.isnan(number) or number < 0:
            return 0
        return int(min(number, _MAX_REPEAT_COUNT))

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
                    self._lookup(context), self.typed_answer(path), self.today
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
        return required.evaluate_bool(self._lookup(path), self.typed_answer(path), self.today)

    def _problem(self, path: str, node: _Node) -> tuple[str, str] | None:
        """('required'|'type'|'constraint', type message) or None, for a relevant question."""
        question = node.question
        raw = self.answers.get(path)
        if raw is None or not raw.strip():
            return ("required", "") if self.is_required(path) else None
        message = type_problem(question, raw, self.choices(path) if question.is_select else None)
        if message:
            return "type", message
        if node.constraint is not None and not node.constraint.evaluate_bool(
            self._lookup(path), self.typed_answer(path), self.today
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

    def problem_at(self, path: str) -> str | None:
        """'required', 'type' or 'constraint' when the relevant question at ``path`` keeps the
        response from being complete; None otherwise."""
        node = self._node(path)
        if node is None or not node.question.takes_answer or not self.relevant(path):
            return None
        problem = self._problem(path, node)
        return problem[0] if problem is not None else None

    def is_complete(self) -> bool:
        """All relevant required questions answered and every relevant answer valid."""
        # A draft's usual gap is a required answer not given yet: those few questions first,
        # so that most drafts are told apart without walking the whole form.
        for path in self._c.required_paths:
            node = self._c.nodes[path]
            if self.relevant(path) and self._problem(path, node):
                return False
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


class _ChoiceEnvironment(Environment):
    """A choice_filter's view: bare names are the choice's columns (``name``, ``label`` and
    the others of the choices sheet); ``${name}`` and ``current()`` read the response."""

    def __init__(self, form: _FormEnvironment, choice: Choice, lang: str) -> None:
        super().__init__()
        self._form = form
        self._choice = choice
        self._lang = lang

    def reference(self, name: str) -> Value:
        return self._form.reference(name)

    def path(self, origin: str, steps: tuple[str, ...], current: Value) -> Value:
        if origin == "current":
            return self._form.path(origin, steps, current)
        if len(steps) == 1:
            if steps[0] == "name":
                return self._choice.name
            if steps[0] == "label":
                return self._choice.label(self._lang)
            for key, value in self._choice.data:
                if key == steps[0]:
                    return value
            return ""
        return self._choice.name if not steps else ""

    def choice_name(self, code: str, question: str) -> str:
        return self._form.choice_name(code, question)

    def pulldata(self, source: str, column: str, key_column: str, key: str) -> str:
        return self._form.pulldata(source, column, key_column, key)

    def instance_rows(self, name: str) -> list[dict[str, str]] | None:
        return self._form.instance_rows(name)


class _FormEnvironment(Environment):
    """What an expression evaluated at ``context`` (an instance path) sees of a response."""

    def __init__(self, state: FormState, context: str) -> None:
        super().__init__()
        self._state = state
        self._context = context

    def reference(self, name: str) -> Value:
        if name in self._cache:
            return self._cache[name]
        state = self._state
        resolved = state._resolve(name, self._context)
        if resolved is None:
            value: Value = ""
        elif isinstance(resolved, list):
            value = NodeSet(state.typed_value(path) for path in resolved)
        else:
            value = state.typed_value(resolved)
        self._cache[name] = value
        return value

    def _walk(self, steps: tuple[str, ...]) -> str | None:
        path: str | None = self._context
        for step in steps:
            if step == "..":
                if path is None or path == "":
                    return None  # above the form's root
                # the parent of a question in a repeat instance is that instance; the
                # parent of a top-level question is the form's root ("")
                path = _parent(path) or ""
            else:
                path = f"{path}/{step}" if path else step
        return path

    def path(self, origin: str, steps: tuple[str, ...], current: Value) -> Value:
        if not steps:
            return current
        path = self._walk(steps)
        if path is None:
            return ""
        state = self._state
        if definition_path(path) in state._c.repeats and split_instance(path) is None:
            return NodeSet(state.typed_value(f"{path}[{i}]") for i in state.instances(path))
        return state.typed_value(path)

    def position(self, origin: str, steps: tuple[str, ...]) -> float:
        path = self._walk(steps)
        if path is None:
            return math.nan
        split = split_instance(path)
        return float(split[1]) if split is not None else 1.0

    def indexed_repeat(self, name: str, levels: list[tuple[str, float]]) -> Value:
        state = self._state
        target = state._c.names.get(name)
        if target is None:
            return ""
        wanted: dict[str, int] = {}
        for repeat_name, index in levels:
            repeat_path = state._c.names.get(repeat_name)
            if repeat_path is None:
                return ""
            wanted[repeat_path] = max(1, int(index)) if not math.isnan(index) else 1
        parts = target.split("/")
        out: list[str] = []
        for i, part in enumerate(parts):
            definition = "/".join(parts[: i + 1])
            if definition in state._c.repeats and definition != target:
                out.append(f"{part}[{wanted.get(definition, 1)}]")
            else:
                out.append(part)
        return state.typed_value("/".join(out))

    def choice_name(self, code: str, question: str) -> str:
        name = question.strip()
        if name.startswith("${") and name.endswith("}"):
            name = name[2:-1]
        name = name.rstrip("/").rsplit("/", 1)[-1]
        found = self._state.definition.by_name(name)
        if found is None or not found.choices:
            return ""
        choice = found.choice(code.strip())
        return choice.label(self._state.lang) if choice is not None else ""

    def instance_rows(self, name: str) -> list[dict[str, str]] | None:
        rows = self._state.definition.data_file(name)
        return rows if rows or self._state.definition.has_data_file(name) else None

    def pulldata(self, source: str, column: str, key_column: str, key: str) -> str:
        table = self._state.definition.data_file(source)
        for row in table:
            if row.get(key_column) == key:
                return row.get(column, "")
        return ""

    def form_version(self) -> str:
        return self._state.definition.version


__all__ = ["FormState", "SectionProgress", "affects_relevance", "compiled", "type_problem"]
