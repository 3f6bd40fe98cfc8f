"""XLSForm files (.md, .csv, .xlsx) -> :class:`FormDefinition`, through pyxform.

pyxform is imported inside :func:`load_xlsform` only (it takes a quarter of a second to
import): forms are parsed when added or updated, and the parsed definition is stored.

What pyxform does not do is checked here too: choice lists of ``select_*_from_file``
questions are read from the reference data (so they are not typed twice), every
``relevant``/``constraint``/``required``/``calculate`` expression is compiled by our own
evaluator (an unknown function is refused now, with its row, not at entry time) and every
``${name}`` must name an element of the form.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..domain.reference import CHOICE_FILES, reference_dir
from ..domain.typography import for_language
from .definition import Choice, FormDefinition, Question, kind_for
from .expressions import ExpressionError, compile_expression, parse_required
from .file_kinds import names_a_survey_sheet, not_a_workbook_text

SUFFIXES = (".md", ".csv", ".xlsx", ".xls")
_ROW_MARK = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
# pyxform JSON type -> ours
_TYPES = {
    "text": "text",
    "string": "text",
    "integer": "integer",
    "int": "integer",
    "decimal": "decimal",
    "date": "date",
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "note": "note",
    "group": "group",
    "repeat": "repeat",
    "calculate": "calculate",
    "hidden": "hidden",
    "time": "time",
    "datetime": "datetime",
    "dateTime": "datetime",
    "range": "range",
    "rank": "rank",
    "barcode": "barcode",
    "geopoint": "geopoint",
    "geotrace": "geotrace",
    "geoshape": "geoshape",
    "acknowledge": "acknowledge",
    "trigger": "acknowledge",
    "select one external": "select_one",
    "photo": "image",  # pyxform's name of an image question
    "image": "image",
    "audio": "audio",
    "video": "video",
    "file": "file",
}
_EXPRESSION_COLUMNS = ("relevant", "constraint", "required", "calculate", "choice_filter", "default", "repeat_count", "readonly")
_LANGUAGE_CODE = re.compile(r"\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$")
_LANGUAGE_NAMES = {"english": "en", "french": "fr", "français": "fr", "francais": "fr", "spanish": "es",
                   "español": "es", "espanol": "es", "arabic": "ar", "portuguese": "pt", "português": "pt"}
# What the choices sheet holds besides the columns a choice_filter may read.
_CHOICE_OWN_KEYS = frozenset({"name", "label", "media", "image", "audio", "video", "big-image"})
# Metadata a form may declare (KoboToolbox adds some by default); they hold no answer here.
_METADATA_TYPES = frozenset(
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
        "username", "email", "audit", "start-geopoint", "background-audio",
        "csv-external", "xml-external",
    }
)
# The metadata this program can give a value (the others read as empty).
_METADATA_VALUES = {"start": "now()", "end": "now()", "today": "today()"}
# Files this program cannot take: a signature is drawn on the device's screen.
_DRAWN_TYPES = frozenset({"signature", "draw", "annotate"})


_BIND_TYPES = {
    "string": "text", "int": "integer", "decimal": "decimal", "date": "date", "dateTime": "datetime",
    "time": "time", "geopoint": "geopoint", "geotrace": "geotrace", "geoshape": "geoshape",
    "barcode": "barcode",
}


def _alias_type(source_type: str) -> str | None:
    """Our type for one of pyxform's other names of a type (``phone number``, ``gps``,
    ``add date prompt``...), read from its own table; "metadata" for preloaded values."""
    try:
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT
    except ImportError:  # pragma: no cover - pyxform is a dependency
        return None
    entry = QUESTION_TYPE_DICT.get(source_type)
    if not entry:
        return None
    bind = entry.get("bind") or {}
    control = entry.get("control") or {}
    if "jr:preload" in bind or control.get("tag") in ("action", "trigger") and bind.get("type") == "geopoint":
        return "metadata"
    if control.get("tag") == "input":
        return _BIND_TYPES.get(str(bind.get("type")))
    return None


def _unsupported_type(source_type: str, name: str) -> str | None:
    """The message for a known ODK question type this program does not take, else None."""
    if source_type in _DRAWN_TYPES:
        return QCoreApplication.translate(
            "Forms", "the question {name} ({type}) is drawn on a screen, which this program cannot do: "
            "make it an image question to attach a scan"
        ).format(name=name, type=source_type)
    if source_type in ("osm", "geo-compact"):
        return QCoreApplication.translate(
            "Forms", "the question {name} ({type}) needs a map, which this program has not"
        ).format(name=name, type=source_type)
    return None
_EXTERNAL_SUFFIXES = (".csv", ".xml", ".geojson")


@dataclass(frozen=True)
class FormProblem:
    """One thing wrong with a form file; ``row`` is the survey sheet row (header = 1)."""

    row: int | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return QCoreApplication.translate("Forms", "row {row}: {message}").format(
            row=self.row, message=self.message
        )


class FormError(ValueError):
    """A form file that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[FormProblem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__("\n".join(str(p) for p in self.problems))


def file_hash(path: str | Path) -> str:
    """SHA-256 of a form file's bytes: unchanged hash, nothing to parse."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_xlsform(path: str | Path, *, reference_folder: Path | None = None) -> FormDefinition:
    """Parse and check an XLSForm file; raises :class:`FormError` with every problem found."""
    path = Path(path)
    if not path.is_file():
        raise FormError([FormProblem(None, QCoreApplication.translate("Forms", "{path}: no such file").format(path=path))], str(path))
    if path.suffix.lower() not in SUFFIXES:
        raise FormError(
            [
                FormProblem(
                    None,
                    QCoreApplication.translate("Forms", "{path}: an XLSForm must be a .xlsx, .md or .csv file").format(
                        path=path.name
                    ),
                )
            ],
            str(path),
        )
    not_a_workbook = not_a_workbook_text(path)
    if not_a_workbook:
        raise FormError([FormProblem(None, not_a_workbook)], str(path))
    if not names_a_survey_sheet(path):
        raise FormError([FormProblem(None, QCoreApplication.translate(
            "Forms", "{file} has no “survey” sheet: it is not an XLSForm (a choices or data list that "
            "sits beside a form, perhaps)").format(file=path.name))], str(path))
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import parse_file_to_json
    from pyxform.xls2json_backends import get_xlsform

    try:
        data = parse_file_to_json(str(path), warnings=[])
        workbook = get_xlsform(str(path))
    except PyXFormError as exc:
        raise FormError([_pyxform_problem(str(exc))], str(path)) from None
    except Exception as exc:  # noqa: BLE001 - pyxform lets KeyError & co. escape on odd files
        raise FormError([FormProblem(None, QCoreApplication.translate(
            "Forms", "the XLSForm reader stopped on this file ({detail}): check its sheets and headers "
            "against an XLSForm template").format(detail=f"{type(exc).__name__}: {exc}"))], str(path)) from None
    rows = survey_rows(workbook.survey or [])
    settings = dict((workbook.settings or [{}])[0]) if workbook.settings else {}
    return convert(
        data,
        rows=rows,
        settings=settings,
        source_hash=file_hash(path),
        form_dir=path.parent,
        reference_folder=reference_folder or reference_dir(),
        source=str(path),
        external_choices=list(workbook.external_choices or ()),
    )


def _pyxform_problem(message: str) -> FormProblem:
    message = message.strip()
    match = _ROW_MARK.search(message)
    if match is None:
        return FormProblem(None, message)
    rest = (message[: match.start()] + message[match.end() :]).strip()
    return FormProblem(int(match.group(1)), rest)


def _normal_type(text: str) -> str:
    return " ".join(text.replace("_", " ").lower().split())


def survey_rows(survey: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Definition path -> row number, from the survey sheet as pyxform reads it (row = index
    + 2, the numbering pyxform's own messages use)."""
    rows: dict[str, int] = {}
    stack: list[str] = []
    for row_number, row in enumerate(survey, start=2):
        kind = _normal_type(str(row.get("type") or ""))
        name = str(row.get("name") or "").strip()
        if not name and kind == "note":
            name = f"generated_note_name_{row_number}"  # the name pyxform gives a nameless note
        if kind.startswith(("end group", "end repeat")):
            if stack:
                stack.pop()
            continue
        if not name:
            continue
        path = "/".join([*stack, name])
        rows.setdefault(path, row_number)
        if kind.startswith(("begin group", "begin repeat")):
            stack.append(name)
    return rows


def _language(key: str) -> str | None:
    lowered = key.lower()
    if lowered.endswith("(fr)") or lowered.startswith(("french", "français", "francais")) or lowered == "fr":
        return "fr"
    if lowered.endswith("(en)") or lowered.startswith("english") or lowered == "en":
        return "en"
    return None


def language_code(key: str) -> str:
    """``English (en)`` -> ``en``, ``Español`` -> ``es``, ``default`` -> ``default``."""
    match = _LANGUAGE_CODE.search(key)
    if match:
        return match.group(1).lower()
    lowered = key.strip().lower()
    return _LANGUAGE_NAMES.get(lowered, lowered)


def other_texts(value: object) -> tuple[tuple[str, str], ...]:
    """The texts of a label/hint in languages other than French and English, by code."""
    if not isinstance(value, Mapping):
        return ()
    found: dict[str, str] = {}
    for key, text in value.items():
        code = language_code(str(key))
        if isinstance(text, str) and text and code not in ("fr", "en", "default"):
            found.setdefault(code, text)
    return tuple(sorted(found.items()))


def texts(value: object) -> tuple[str, str]:
    """(French, English) of a pyxform label/hint/message: a string or a language dict."""
    if value is None:
        return "", ""
    if isinstance(value, str):
        return for_language(value, "fr"), for_language(value, "en")
    if isinstance(value, Mapping):
        found: dict[str, str] = {}
        other = ""
        for key, text in value.items():
            if not isinstance(text, str):
                continue
            lang = _language(str(key))
            if lang:
                found.setdefault(lang, text)
            elif not other:
                other = text
        fr = found.get("fr") or other
        en = found.get("en") or other
        return for_language(fr or en, "fr"), for_language(en or fr, "en")
    return for_language(str(value), "fr"), for_language(str(value), "en")


_MAX_DATA_FILE_BYTES = 20 * 1024 * 1024  # a list beside a form larger than this is refused


def _geo_text(geometry: Mapping[str, Any] | None) -> str:
    """A GeoJSON geometry as ODK writes positions: ``lat lon alt accuracy``, ``;`` between."""
    if not isinstance(geometry, Mapping):
        return ""
    coordinates = geometry.get("coordinates")
    kind = geometry.get("type")
    if kind == "Point":
        points = [coordinates]
    elif kind == "LineString":
        points = coordinates
    elif kind == "Polygon" and coordinates:
        points = coordinates[0]
    else:
        return ""
    try:
        return "; ".join(f"{float(p[1])} {float(p[0])} 0 0" for p in points)
    except (TypeError, ValueError, IndexError):
        return ""


def file_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a list beside a form: a CSV file (its header names the columns), a GeoJSON
    file (a feature's ``id`` is its name, its ``title`` its label, ``geometry`` its position)
    or an XML file (``<root><item><name>…</name><label>…</label>…</item></root>``)."""
    if path.stat().st_size > _MAX_DATA_FILE_BYTES:
        raise OSError(f"{path.name} is larger than {_MAX_DATA_FILE_BYTES // (1024 * 1024)} MB")
    suffix = path.suffix.lower()
    if suffix == ".geojson":
        import json

        data = json.loads(path.read_text(encoding="utf-8-sig"))
        rows = []
        for feature in data.get("features") or () if isinstance(data, Mapping) else ():
            if not isinstance(feature, Mapping):
                continue
            properties = feature.get("properties") if isinstance(feature.get("properties"), Mapping) else {}
            row = {str(k): "" if v is None else str(v) for k, v in properties.items()}
            name = feature.get("id", properties.get("id", ""))
            row["name"] = "" if name is None else str(name)
            row.setdefault("label", str(properties.get("title") or row["name"]))
            row["geometry"] = _geo_text(feature.get("geometry"))
            rows.append(row)
        return rows
    if suffix == ".xml":
        import xml.etree.ElementTree as ElementTree

        try:
            root = ElementTree.fromstring(path.read_bytes())
        except ElementTree.ParseError as exc:
            raise ValueError(str(exc)) from None
        return [{child.tag: (child.text or "").strip() for child in item} for item in root]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{str(k): str(v or "") for k, v in row.items() if k is not None} for row in csv.DictReader(handle)]


def _choice_file_choices(folder: Path, filename: str) -> list[Choice]:
    choices = []
    for row in file_rows(folder / filename):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        labels = {k.split("::", 1)[1]: v for k, v in row.items() if k and k.startswith("label::") and v}
        if row.get("label"):
            labels.setdefault("default", row["label"])
        fr, en = texts(labels)
        data = tuple((k, v) for k, v in row.items() if k != "name" and not k.startswith("label"))
        choices.append(Choice(name, fr, en, other_texts(labels), data))
    return choices


class _Converter:
    def __init__(
        self,
        data: Mapping[str, Any],
        rows: Mapping[str, int],
        form_dir: Path,
        reference_folder: Path,
    ) -> None:
        self.data = data
        self.rows = rows
        self.form_dir = form_dir
        self.reference_folder = reference_folder
        self.problems: list[FormProblem] = []
        self.languages: set[str] = set()
        self.external_choices: list[Mapping[str, Any]] = []
        self.sheet_choices: Mapping[str, Any] = data.get("choices") or {}

    def problem(self, row: int | None, message: str) -> None:
        self.problems.append(FormProblem(row, message))

    def children(self, elements: Sequence[Mapping[str, Any]], parent: str) -> tuple[Question, ...]:
        result = []
        for element in elements:
            question = self.element(element, parent)
            if question is not None:
                result.append(question)
        return tuple(result)

    def element(self, el: Mapping[str, Any], parent: str) -> Question | None:
        source_type = str(el.get("type", ""))
        name = str(el.get("name", ""))
        path = f"{parent}/{name}" if parent else name
        row = self.rows.get(path)
        control = el.get("control") or {}
        qtype = _TYPES.get(source_type)
        if qtype is None and source_type not in _METADATA_TYPES:
            qtype = _alias_type(source_type)
        if control.get("bodyless"):
            return None  # pyxform's meta/instanceID: nothing to answer
        if source_type in _METADATA_TYPES or qtype == "metadata":
            # start, end, today, username...: nothing to answer, but expressions may name them
            return Question(
                name=name, path=path, type="hidden", row=row,
                calculate=_METADATA_VALUES.get(source_type),
            )
        unsupported = _unsupported_type(source_type, name) if qtype is None else None
        if unsupported is not None:
            self.problem(row, unsupported)
            return None
        if qtype is None:
            self.problem(
                row,
                QCoreApplication.translate("Forms", "the question type “{type}” of {name} is not supported").format(
                    type=source_type, name=name
                ),
            )
            return None
        bind = el.get("bind") or {}
        label_fr, label_en = texts(el.get("label"))
        hint_fr, hint_en = texts(el.get("hint"))
        req_fr, req_en = texts(bind.get("jr:requiredMsg"))
        con_fr, con_en = texts(bind.get("jr:constraintMsg"))
        choices: tuple[Choice, ...] = ()
        choice_file: str | None = None
        if qtype in ("select_one", "select_multiple", "rank"):
            choices, choice_file = self.choices(el, row, name)
        required = bind.get("required")
        for value in (el.get("label"), el.get("hint")):
            if isinstance(value, Mapping):
                self.languages.update(
                    code for code, _ in other_texts(value)
                )
        parameters = el.get("parameters") or {}
        parameter_text = " ".join(f"{k}={v}" for k, v in parameters.items()) if isinstance(parameters, Mapping) else str(parameters)
        default = el.get("default")
        return Question(
            name=name,
            path=path,
            type=qtype,
            label_fr=label_fr,
            label_en=label_en,
            hint_fr=hint_fr,
            hint_en=hint_en,
            required=None if required in (None, "") else str(required),
            required_message_fr=req_fr,
            required_message_en=req_en,
            relevant=bind.get("relevant") or None,
            constraint=bind.get("constraint") or None,
            constraint_message_fr=con_fr,
            constraint_message_en=con_en,
            calculate=bind.get("calculate") or None,
            appearance=control.get("appearance") or None,
            choices=choices,
            choice_file=choice_file,
            children=self.children(el.get("children") or (), path) if qtype in ("group", "repeat") else (),
            row=row,
            choice_filter=str(el.get("choice_filter")) if el.get("choice_filter") else None,
            default=None if default in (None, "") else str(default),
            parameters=parameter_text or None,
            repeat_count=str(control.get("jr:count")) if control.get("jr:count") else None,
            readonly=str(bind.get("readonly")) if bind.get("readonly") not in (None, "", "false()", "false") else None,
            accept=str(control.get("accept")).strip() or None if qtype == "file" and control.get("accept") else None,
            labels=other_texts(el.get("label")),
            hints=other_texts(el.get("hint")),
        )

    def external(self, itemset: str, row: int | None) -> tuple[Choice, ...]:
        """A select_one_external list, from the form's external_choices sheet (pyxform
        refuses such a form without the sheet)."""
        result = []
        for item in self.external_choices:
            lowered = {str(k).lower(): v for k, v in item.items() if k is not None}
            list_name = str(lowered.get("list_name") or lowered.get("list name") or "").strip()
            code = str(lowered.get("name") or "").strip()
            if list_name != itemset or not code:
                continue
            labels: dict[str, str] = {}
            data: list[tuple[str, str]] = []
            for key, value in item.items():
                key = str(key)
                lower = key.lower()
                if lower.startswith("label::") and value:
                    labels[key.split("::", 1)[1]] = str(value)
                elif lower == "label" and value:
                    labels.setdefault("default", str(value))
                elif lower not in ("list_name", "list name", "name") and not lower.startswith("label"):
                    data.append((key, str(value or "")))
            fr, en = texts(labels)
            result.append(Choice(code, fr, en, other_texts(labels), tuple(data)))
        if not result:
            self.problem(
                row,
                QCoreApplication.translate(
                    "Forms",
                    "no external choices for the list {list} in the external_choices sheet",
                ).format(list=itemset),
            )
        return tuple(result)

    def choices(
        self, el: Mapping[str, Any], row: int | None, name: str
    ) -> tuple[tuple[Choice, ...], str | None]:
        itemset = str(el.get("itemset") or el.get("list_name") or "")
        if el.get("type") == "select one external":
            return self.external(itemset, row), None
        raw = el.get("choices")
        if raw is None and itemset.lower().endswith(_EXTERNAL_SUFFIXES):
            folder = self.reference_folder if itemset in CHOICE_FILES else self.form_dir
            try:
                found = _choice_file_choices(folder, itemset)
            except (ValueError, UnicodeDecodeError, csv.Error, AttributeError) as exc:
                self.problem(
                    row,
                    QCoreApplication.translate("Forms", "choice file {file} cannot be read: {detail}").format(
                        file=itemset, detail=str(exc)[:200]
                    ),
                )
                return (), itemset
            except OSError:
                self.problem(
                    row,
                    QCoreApplication.translate("Forms", "choice file {file} not found (it must be a reference list or sit beside the form)").format(
                        file=itemset
                    ),
                )
                return (), itemset
            if not found:
                self.problem(row, QCoreApplication.translate("Forms", "choice file {file} has no choices").format(file=itemset))
            return tuple(found), itemset
        if raw is None:
            raw = self.sheet_choices.get(itemset)
        if not raw:
            self.problem(row, QCoreApplication.translate("Forms", "no choices for {name}").format(name=name))
            return (), None
        result = []
        for item in raw:
            fr, en = texts(item.get("label"))
            data = tuple(
                (str(key), str(value))
                for key, value in item.items()
                if key not in _CHOICE_OWN_KEYS and isinstance(value, str | int | float)
            )
            if isinstance(item.get("label"), Mapping):
                self.languages.update(code for code, _ in other_texts(item.get("label")))
            result.append(Choice(str(item.get("name", "")), fr, en, other_texts(item.get("label")), data))
        return tuple(result), None


def is_dynamic_default(text: str) -> bool:
    """Whether a ``default`` cell is an expression (it names a question or calls a
    function), as pyxform decides; otherwise it is a plain value."""
    return "${" in text or "(" in text


def _read_data_file(path: Path) -> tuple[tuple[tuple[str, str], ...], ...]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return tuple(
            tuple((str(k), str(v or "")) for k, v in row.items() if k is not None)
            for row in csv.DictReader(handle)
        )


def _choice_rows(items: Sequence[Mapping[str, Any]]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """A choice list as the rows of a secondary instance: name, label, and its other columns."""
    rows = []
    for item in items:
        fr, en = texts(item.get("label"))
        row = [("name", str(item.get("name", ""))), ("label", en or fr)]
        row += [
            (str(key), str(value))
            for key, value in item.items()
            if key not in _CHOICE_OWN_KEYS and isinstance(value, str | int | float)
        ]
        rows.append(tuple(row))
    return tuple(rows)


def _check_expressions(
    definition: FormDefinition,
    problems: list[FormProblem],
    form_dir: Path,
    choice_lists: Mapping[str, Any] | None = None,
) -> dict[str, tuple[tuple[tuple[str, str], ...], ...]]:
    """Compile every expression of the form, report what is wrong with its row, and return
    the data its expressions read: the CSV files ``pulldata()`` reads (from beside the form)
    and the secondary instances ``instance('name')`` names (a choice list, or name.csv)."""
    choice_lists = choice_lists or {}
    names = {q.name for q in definition.iter_all()}
    data_files: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {}
    for question in definition.iter_all():
        for column in _EXPRESSION_COLUMNS:
            source = getattr(question, column)
            if not source:
                continue
            if column == "default" and not is_dynamic_default(source):
                continue
            try:
                if column in ("required", "readonly"):
                    compiled = parse_required(source)
                else:
                    compiled = compile_expression(source, allow_names=column == "choice_filter")
            except ExpressionError as exc:
                if exc.kind == "unknown_function":
                    message = QCoreApplication.translate("Forms", "unknown function {function}() in {column}").format(
                        function=exc.function, column=column
                    )
                elif exc.kind == "unsupported_function":
                    message = QCoreApplication.translate(
                        "Forms", "the function {function}() in {column} is not supported by this program"
                    ).format(function=exc.function, column=column)
                else:
                    message = QCoreApplication.translate("Forms", "invalid {column} expression “{expression}”: {detail}").format(
                        column=column, expression=source, detail=exc.message
                    )
                problems.append(FormProblem(question.row, message))
                continue
            if isinstance(compiled, bool):
                continue
            for ref in sorted(compiled.references - names):
                problems.append(
                    FormProblem(
                        question.row,
                        QCoreApplication.translate("Forms", "${{{name}}} in {column} names no question of the form").format(
                            name=ref, column=column
                        ),
                    )
                )
            for arguments in compiled.string_arguments("pulldata"):
                source_name = arguments[0] if arguments else None
                if not source_name:
                    problems.append(
                        FormProblem(
                            question.row,
                            QCoreApplication.translate(
                                "Forms", "pulldata() in {column} must name its CSV file in quotes"
                            ).format(column=column),
                        )
                    )
                    continue
                stem = source_name[:-4] if source_name.lower().endswith(".csv") else source_name
                if stem in data_files:
                    continue
                try:
                    data_files[stem] = _read_data_file(form_dir / f"{stem}.csv")
                except (OSError, UnicodeDecodeError, csv.Error):
                    problems.append(
                        FormProblem(
                            question.row,
                            QCoreApplication.translate(
                                "Forms",
                                "pulldata('{file}') in {column} needs the file {file}.csv beside "
                                "the form, and it is missing or unreadable",
                            ).format(file=stem, column=column),
                        )
                    )
            for instance in sorted(compiled.instances - set(data_files)):
                if isinstance(choice_lists.get(instance), list):
                    data_files[instance] = _choice_rows(choice_lists[instance])
                    continue
                found = [form_dir / f"{instance}{suffix}" for suffix in _EXTERNAL_SUFFIXES]
                found = [path for path in found if path.is_file()]
                try:
                    data_files[instance] = tuple(tuple(row.items()) for row in file_rows(found[0]))
                except (IndexError, OSError, ValueError, UnicodeDecodeError, csv.Error, AttributeError):
                    problems.append(
                        FormProblem(
                            question.row,
                            QCoreApplication.translate(
                                "Forms",
                                "instance('{name}') in {column} names no choice list of the form "
                                "and no file {name}.csv, .geojson or .xml beside it",
                            ).format(name=instance, column=column),
                        )
                    )
        if question.type == "calculate" and not question.calculate:
            problems.append(
                FormProblem(question.row, QCoreApplication.translate("Forms", "the calculation {name} has no formula").format(name=question.name))
            )
    return data_files


def convert(
    data: Mapping[str, Any],
    *,
    rows: Mapping[str, int] | None = None,
    settings: Mapping[str, Any] | None = None,
    source_hash: str = "",
    form_dir: Path | None = None,
    reference_folder: Path | None = None,
    source: str | None = None,
    external_choices: Sequence[Mapping[str, Any]] = (),
) -> FormDefinition:
    """pyxform's JSON -> a checked :class:`FormDefinition` (raises :class:`FormError`).

    ``external_choices`` are the rows of the form's external_choices sheet (the lists of
    ``select_one_external`` questions).
    """
    settings = settings or {}
    converter = _Converter(data, rows or {}, form_dir or Path.cwd(), reference_folder or reference_dir())
    converter.external_choices = list(external_choices)
    children = converter.children(data.get("children") or (), "")
    title_fr, title_en = texts(data.get("title"))
    form_id = str(data.get("id_string") or data.get("name") or "form")
    kind_setting = data.get("form_kind") or settings.get("form_kind") or settings.get("kind")
    definition = FormDefinition(
        form_id=form_id,
        version=str(data.get("version") or "1"),
        title_fr=title_fr,
        title_en=title_en,
        kind=kind_for(form_id, str(kind_setting) if kind_setting else None),
        children=children,
        source_hash=source_hash,
    )
    problems = converter.problems
    data_files = _check_expressions(definition, problems, form_dir or Path.cwd(), converter.sheet_choices)
    definition = replace(
        definition,
        languages=tuple(sorted(converter.languages)),
        data_files=tuple(sorted(data_files.items())),
    )
    if problems:
        problems.sort(key=lambda p: (p.row is None, p.row or 0))
        raise FormError(problems, source)
    return definition


__all__ = [
    "FormError", "FormProblem", "SUFFIXES", "convert", "file_hash", "is_dynamic_default", "language_code",
    "load_xlsform", "other_texts", "survey_rows", "texts",
]
