"""Which mechanism a name written by someone means: its acronym or its name, in French or
English, or its reference key, whatever the case and accents ("processus de rabat",
"RABAT PROCESS", "Processus de Rabat (PR)"). Plain Python over any rows carrying
``key``, ``acronym_fr``, ``acronym_en``, ``name_fr`` and ``name_en``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_SPACES = re.compile(r"\s+")
# "Name (ACRONYM)" or "ACRONYM – Name": the two halves are tried as well as the whole.
_PARENTHESIS = re.compile(r"^(?P<outer>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
_DASH = re.compile(r"\s+[-–—:]\s+")


def fold(text: str) -> str:
    """No accents, no case, apostrophes and spaces made one: what two spellings of a name
    have in common."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SPACES.sub(" ", bare).strip()


def _spellings(row: Any) -> set[str]:
    names = (row.key, row.acronym_fr, row.acronym_en, row.name_fr, row.name_en)
    return {fold(name) for name in names if name and name.strip()}


def _readings(text: str) -> list[str]:
    """The whole text, then its halves when it reads "Name (ACRONYM)" or "ACRONYM – Name"."""
    whole = fold(text)
    readings = [whole] if whole else []
    match = _PARENTHESIS.match(whole)
    if match:
        readings += [part for part in (match["outer"].strip(), match["inner"].strip()) if part]
    for part in _DASH.split(whole):
        if part.strip() and part.strip() not in readings:
            readings.append(part.strip())
    return readings


class MechanismNames:
    """The spellings of a list of mechanisms, folded once: ``named(text)`` for each of many
    texts (an import reads one per submission)."""

    def __init__(self, rows: Iterable[Any]) -> None:
        self._by_spelling: dict[str, list[Any]] = {}
        for row in rows:
            for spelling in _spellings(row):
                self._by_spelling.setdefault(spelling, []).append(row)
        self._cache: dict[str, list[Any]] = {}

    def named(self, text: str) -> list[Any]:
        """The rows ``text`` names: those matching the whole text when any does, else those
        matching one of its halves. One row: found; none: unknown; several: ambiguous."""
        if text not in self._cache:
            found: list[Any] = []
            for reading in _readings(text):
                found = self._by_spelling.get(reading, [])
                if found:
                    break
            self._cache[text] = list(found)
        return list(self._cache[text])


def mechanisms_named(text: str, rows: Iterable[Any]) -> list[Any]:
    """The rows ``text`` names (see :meth:`MechanismNames.named`)."""
    return MechanismNames(rows).named(text)


__all__ = ["MechanismNames", "fold", "mechanisms_named"]
