"""Questions and answers as people read them, wherever the program names one (history, undo,
conflicts, reviews): the question's number and label rather than its path
(``section_2/q12`` -> "12. How does your ISCM…"), choice labels rather than codes
(``ne_sait_pas`` -> "Do not know"). The paths stay in tooltips and files."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ..domain.typography import one_line
from .definition import FormDefinition, Question, definition_path

_NUMBER = re.compile(r"q(\d+)$")
_ENTRY = re.compile(r"\[(\d+)\]")
_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s*[.)]")


def shorten(text: str, limit: int | None) -> str:
    """``text`` on one line, cut at a word with "…" past ``limit`` characters."""
    text = one_line(text)
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def question_number(path: str) -> str | None:
    """The study's number of the question at ``path`` or of the numbered question holding it
    (``section_4/q25[2]/category`` -> "25"); None outside numbered questions."""
    for name in reversed(definition_path(path).split("/")):
        found = _NUMBER.fullmatch(name)
        if found:
            return found.group(1)
    return None


def question_caption(definition: FormDefinition | None, path: str, lang: str, limit: int | None = None) -> str:
    """"12. How does your ISCM…"; inside a repeat or a numbered group, "Question 25, entry 2 —
    Partner category". The path itself when the form does not know it."""
    element = definition.find(path) if definition is not None else None
    if element is None:
        return path
    label = element.label(lang).strip() or element.name
    number = question_number(path)
    if number is None:
        return shorten(label, limit)
    entries = _ENTRY.findall(path)
    if _NUMBER.fullmatch(element.name) and not entries:  # the numbered question itself
        if not _LEADING_NUMBER.match(label):
            label = f"{number}. {label}"
        return shorten(label, limit)
    prefix = QCoreApplication.translate("Captions", "Question {n}").format(n=number)
    if entries:
        prefix = QCoreApplication.translate("Captions", "Question {n}, entry {entry}").format(
            n=number, entry=entries[-1])
    label = _LEADING_NUMBER.sub("", label, count=1).strip()
    return shorten(f"{prefix} — {label}", limit)


def short_question(definition: FormDefinition | None, path: str, lang: str) -> str:
    """A few words for a menu ("question 12", "question 25, entry 2"), else a short label."""
    number = question_number(path)
    if number is not None:
        entries = _ENTRY.findall(path)
        if entries:
            return QCoreApplication.translate("Captions", "question {n}, entry {entry}").format(
                n=number, entry=entries[-1])
        return QCoreApplication.translate("Captions", "question {n}").format(n=number)
    element = definition.find(path) if definition is not None else None
    label = element.label(lang) if element is not None else ""
    if not label:
        return path
    return QCoreApplication.translate("Captions", "“{label}”").format(label=shorten(label, 40))


def answer_text(definition: FormDefinition | None, path: str, value: str | None, lang: str) -> str:
    """A stored answer as the form shows it: choices by their labels (a multiple choice as
    "label; label"); other answers as typed."""
    if value is None:
        return ""
    element = definition.find(path) if definition is not None else None
    if element is not None and element.is_select:
        return choices_text(element, value, lang)
    return value


def choices_text(element: Question, value: str, lang: str) -> str:
    """The choices of a choice question's stored answer by their labels, "label; label" (a
    multiple choice or a ranking: its codes in their order)."""
    codes = value.split() if element.type in ("select_multiple", "rank") else [value]
    return "; ".join(element.choice_label(code, lang) for code in codes)


__all__ = ["answer_text", "choices_text", "question_caption", "question_number", "short_question", "shorten"]
