"""A parsed form, as plain frozen dataclasses: what is stored (as JSON) in ``form_version``
and what entry, validation and reports read. No pyxform, Qt or SQLAlchemy here.

Paths: a question's *definition path* is its XLSForm group path (``section_2/q4``,
``section_4/q25/category``). An answer's *instance path* adds a 1-based index after every
repeat (``section_4/q25[2]/category``); the instance path of a repeat instance itself
(``section_4/q25[2]``) marks that the instance exists even before anything is typed in it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

TYPES = frozenset(
    {
        "text", "integer", "decimal", "date", "select_one", "select_multiple", "note",
        "group", "repeat", "calculate", "hidden", "time", "datetime", "range", "rank",
        "barcode", "geopoint", "geotrace", "geoshape", "acknowledge",
        "image", "audio", "video", "file",
    }
)
CONTAINER_TYPES = frozenset({"group", "repeat"})
# Leaves that hold no typed answer.
UNANSWERED_TYPES = frozenset({"note", "calculate", "hidden", "group", "repeat"})
GEO_TYPES = frozenset({"geopoint", "geotrace", "geoshape"})
# Questions answered by a file: the answer is the file's name, the file is stored apart.
ATTACHMENT_TYPES = frozenset({"image", "audio", "video", "file"})
# A form is the study's kind of instrument only when its settings sheet says so (form_kind);
# any other form is "other": entered, exchanged and exported, never a questionnaire.
KINDS = ("questionnaire", "interview", "other")
MULTILINE_APPEARANCES = frozenset({"multiline", "multi-line", "long", "textarea"})

_NUMBERED = re.compile(r"^q\d+$")
_INDEX = re.compile(r"\[\d+\]")
JSON_FORMAT = 1


def _pick(lang: str, fr: str | None, en: str | None) -> str:
    """The text in ``lang`` ('fr' or 'en'), falling back to the other language."""
    first, second = (fr, en) if lang == "fr" else (en, fr)
    return first or second or ""


def _pick_any(lang: str, fr: str, en: str, labels: tuple[tuple[str, str], ...]) -> str:
    """The text in ``lang``: French and English have fields of their own, a form's other
    languages sit in ``labels``; falls back to English, then French."""
    if lang in ("fr", "en"):
        return _pick(lang, fr, en)
    for code, text in labels:
        if code == lang and text:
            return text
    return _pick("en", fr, en)


@dataclass(frozen=True)
class Choice:
    name: str
    label_fr: str
    label_en: str
    labels: tuple[tuple[str, str], ...] = ()  # the form's other languages: (code, label)
    data: tuple[tuple[str, str], ...] = ()  # the choice's other columns (choice_filter reads them)

    def label(self, lang: str) -> str:
        return _pick_any(lang, self.label_fr, self.label_en, self.labels) or self.name

    def to_list(self) -> list[Any]:
        row: list[Any] = [self.name, self.label_fr, self.label_en]
        if self.labels or self.data:
            row.append([list(pair) for pair in self.labels])
        if self.data:
            row.append([list(pair) for pair in self.data])
        return row

    @classmethod
    def from_list(cls, row: list[Any]) -> Choice:
        labels = tuple(tuple(pair) for pair in row[3]) if len(row) > 3 else ()
        data = tuple(tuple(pair) for pair in row[4]) if len(row) > 4 else ()
        return cls(row[0], row[1], row[2], labels, data)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Question:
    """One row of the survey sheet: a question, a note, a calculation, a group or a repeat."""

    name: str
    path: str
    type: str
    label_fr: str = ""
    label_en: str = ""
    hint_fr: str = ""
    hint_en: str = ""
    required: str | None = None  # the source cell: yes / no / an expression
    required_message_fr: str = ""
    required_message_en: str = ""
    relevant: str | None = None
    constraint: str | None = None
    constraint_message_fr: str = ""
    constraint_message_en: str = ""
    calculate: str | None = None
    appearance: str | None = None
    choices: tuple[Choice, ...] = ()
    choice_file: str | None = None  # select_*_from_file: the external list it came from
    children: tuple[Question, ...] = ()
    row: int | None = None  # the survey sheet row (header = row 1), for messages
    choice_filter: str | None = None  # an expression over the choices' columns
    default: str | None = None  # a value, or an expression when it has a function or ${}
    parameters: str | None = None  # range: "start=0 end=10 step=1"
    repeat_count: str | None = None  # a repeat's number of instances (an expression)
    readonly: str | None = None
    labels: tuple[tuple[str, str], ...] = ()  # the form's other languages: (code, label)
    hints: tuple[tuple[str, str], ...] = ()
    accept: str | None = None  # a file question's body::accept: ".pdf,.docx", "image/*"

    def label(self, lang: str) -> str:
        return _pick_any(lang, self.label_fr, self.label_en, self.labels)

    def hint(self, lang: str) -> str:
        return _pick_any(lang, self.hint_fr, self.hint_en, self.hints)

    def parameter(self, key: str, default: float) -> float:
        """A numeric parameter (``start``, ``end``, ``step`` of a range), or ``default``."""
        for part in (self.parameters or "").replace(";", " ").replace(",", " ").split():
            name, _, value = part.partition("=")
            if name.strip().lower() == key:
                try:
                    return float(value)
                except ValueError:
                    return default
        return default

    def required_message(self, lang: str) -> str:
        return _pick(lang, self.required_message_fr, self.required_message_en)

    def constraint_message(self, lang: str) -> str:
        return _pick(lang, self.constraint_message_fr, self.constraint_message_en)

    def choice(self, name: str) -> Choice | None:
        for choice in self.choices:
            if choice.name == name:
                return choice
        return None

    def choice_label(self, name: str, lang: str) -> str:
        choice = self.choice(name)
        return choice.label(lang) if choice else name

    @property
    def is_container(self) -> bool:
        return self.type in CONTAINER_TYPES

    @property
    def is_repeat(self) -> bool:
        return self.type == "repeat"

    @property
    def takes_file(self) -> bool:
        """True for image, audio, video and file questions (the answer names a file)."""
        return self.type in ATTACHMENT_TYPES

    @property
    def is_select(self) -> bool:
        return self.type in ("select_one", "select_multiple", "rank")

    @property
    def takes_answer(self) -> bool:
        """True for questions a person answers (not notes, calculations, groups, repeats)."""
        return self.type not in UNANSWERED_TYPES

    @property
    def multiline(self) -> bool:
        if self.type != "text" or not self.appearance:
            return False
        return bool(MULTILINE_APPEARANCES.intersection(self.appearance.lower().split()))

    def iter_tree(self) -> Iterator[Question]:
        """This question and every descendant, in form order."""
        yield self
        for child in self.children:
            yield from child.iter_tree()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "path": self.path, "type": self.type}
        for key in (
            "label_fr", "label_en", "hint_fr", "hint_en", "required", "required_message_fr",
            "required_message_en", "relevant", "constraint", "constraint_message_fr",
            "constraint_message_en", "calculate", "appearance", "choice_file", "row",
            "choice_filter", "default", "parameters", "repeat_count", "readonly", "accept",
        ):
            value = getattr(self, key)
            if value not in (None, ""):
                data[key] = value
        if self.labels:
            data["labels"] = [list(pair) for pair in self.labels]
        if self.hints:
            data["hints"] = [list(pair) for pair in self.hints]
        if self.choices:
            data["choices"] = [c.to_list() for c in self.choices]
        if self.children:
            data["children"] = [child.to_dict() for child in self.children]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        values = dict(data)
        values["choices"] = tuple(Choice.from_list(c) for c in values.get("choices", ()))
        values["labels"] = tuple(tuple(pair) for pair in values.get("labels", ()))
        values["hints"] = tuple(tuple(pair) for pair in values.get("hints", ()))
        values["children"] = tuple(cls.from_dict(c) for c in values.get("children", ()))
        return cls(**values)


@dataclass(frozen=True)
class FormDefinition:
    form_id: str
    version: str
    title_fr: str
    title_en: str
    kind: str  # questionnaire / interview / other
    children: tuple[Question, ...]
    source_hash: str = ""
    languages: tuple[str, ...] = ()  # label languages besides French and English
    # CSV files beside the form that pulldata() reads: (file name without .csv, rows)
    data_files: tuple[tuple[str, tuple[tuple[tuple[str, str], ...], ...]], ...] = ()
    # Derived indexes (the cached properties below) live in the instance __dict__, outside
    # the fields, so equality still compares the definition only.

    def title(self, lang: str) -> str:
        return _pick(lang, self.title_fr, self.title_en) or self.form_id

    def iter_all(self) -> Iterator[Question]:
        """Every element (groups and repeats included), in form order."""
        for child in self.children:
            yield from child.iter_tree()

    def iter_questions(self) -> Iterator[Question]:
        """Every leaf (questions, notes, calculations), in form order."""
        return (q for q in self.iter_all() if not q.is_container)

    def sections(self) -> list[Question]:
        """The top-level groups and repeats: the form's sections, in order."""
        return [q for q in self.children if q.is_container]

    def find(self, path: str) -> Question | None:
        """The element at a definition path (an instance path is accepted too)."""
        return self._by_path.get(definition_path(path))

    def by_name(self, name: str) -> Question | None:
        return self._by_name.get(name)

    def question_count(self) -> int:
        """The questions a person answers (notes, calculations, groups and repeats aside)."""
        return sum(1 for q in self.iter_all() if q.takes_answer)

    def data_file(self, name: str) -> list[dict[str, str]]:
        """The rows of a CSV file beside the form (``pulldata``), by name with or without
        ``.csv``; empty when the form has no such file."""
        stem = name[:-4] if name.lower().endswith(".csv") else name
        for file_name, rows in self.data_files:
            if file_name == stem:
                return [dict(row) for row in rows]
        return []

    def has_data_file(self, name: str) -> bool:
        stem = name[:-4] if name.lower().endswith(".csv") else name
        return any(file_name == stem for file_name, _ in self.data_files)

    def numbered_questions(self) -> list[Question]:
        """The study's numbered questions (names q1, q2...), groups and repeats included."""
        return [q for q in self.iter_all() if _NUMBERED.match(q.name)]

    def repeat_of(self, path: str) -> Question | None:
        """The innermost repeat holding the element at ``path`` (None outside repeats)."""
        parts = definition_path(path).split("/")
        for end in range(len(parts) - 1, 0, -1):
            candidate = self._by_path.get("/".join(parts[:end]))
            if candidate is not None and candidate.is_repeat:
                return candidate
        return None

    @cached_property
    def _by_path(self) -> dict[str, Question]:
        return {q.path: q for q in self.iter_all()}

    @cached_property
    def _by_name(self) -> dict[str, Question]:
        names: dict[str, Question] = {}
        for q in self.iter_all():
            names.setdefault(q.name, q)
        return names

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": JSON_FORMAT,
            "form_id": self.form_id,
            "version": self.version,
            "title_fr": self.title_fr,
            "title_en": self.title_en,
            "kind": self.kind,
            "source_hash": self.source_hash,
            "children": [c.to_dict() for c in self.children],
            **({"languages": list(self.languages)} if self.languages else {}),
            **(
                {"data_files": [[name, [[list(cell) for cell in row] for row in rows]] for name, rows in self.data_files]}
                if self.data_files
                else {}
            ),
        }

    def to_json(self) -> str:
        """Stable JSON (same definition, same text) for ``form_version.definition``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormDefinition:
        return cls(
            form_id=data["form_id"],
            version=data["version"],
            title_fr=data.get("title_fr", ""),
            title_en=data.get("title_en", ""),
            kind=data.get("kind", "questionnaire"),
            children=tuple(Question.from_dict(c) for c in data.get("children", ())),
            source_hash=data.get("source_hash", ""),
            languages=tuple(data.get("languages", ())),
            data_files=tuple(
                (name, tuple(tuple((str(k), str(v)) for k, v in row) for row in rows))
                for name, rows in data.get("data_files", ())
            ),
        )

    @classmethod
    def from_json(cls, text: str) -> FormDefinition:
        return cls.from_dict(json.loads(text))


# --- instance paths -----------------------------------------------------------------------


def definition_path(instance_path: str) -> str:
    """``section_4/q25[2]/category`` -> ``section_4/q25/category``."""
    return _INDEX.sub("", instance_path) if "[" in instance_path else instance_path


def repeat_instance(repeat_path: str, index: int) -> str:
    """The instance path of one repeat instance: (``section_4/q25``, 2) -> ``section_4/q25[2]``."""
    return f"{repeat_path}[{index}]"


def split_instance(instance_path: str) -> tuple[str, int] | None:
    """``section_4/q25[2]`` -> (``section_4/q25``, 2); None unless the path ends in an index."""
    if not instance_path.endswith("]"):
        return None
    start = instance_path.rfind("[")
    if start <= 0:
        return None
    digits = instance_path[start + 1 : -1]
    if not digits.isdigit():
        return None
    return instance_path[:start], int(digits)


def instance_indexes(paths: Iterable[str], repeat_path: str) -> list[int]:
    """The indexes (sorted) of the instances of a repeat found among answer paths.

    ``repeat_path`` is the repeat's path with the indexes of any enclosing repeat instances
    (``section_4/q25``, or ``outer[2]/inner`` for a nested repeat).
    """
    prefix = repeat_path + "["
    found: set[int] = set()
    for path in paths:
        if path.startswith(prefix):
            end = path.find("]", len(prefix))
            digits = path[len(prefix) : end]
            if end > 0 and digits.isdigit():
                found.add(int(digits))
    return sorted(found)


def is_within(path: str, ancestor: str) -> bool:
    """True when ``path`` is ``ancestor`` or below it (instance or definition paths)."""
    return path == ancestor or path.startswith(ancestor + "/")


def kind_for(form_id: str, setting: str | None = None) -> str:
    """A form's kind: its ``form_kind`` setting (questionnaire, interview), else "other" (never
    guessed from its id: a form someone adds does not become the study's questionnaire)."""
    if setting and setting.strip().lower() in KINDS:
        return setting.strip().lower()
    return "other"


__all__ = [
    "ATTACHMENT_TYPES", "Choice", "FormDefinition", "Question", "TYPES", "definition_path", "instance_indexes",
    "is_within", "kind_for", "repeat_instance", "split_instance",
]
