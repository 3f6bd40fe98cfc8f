"""States as ISO 3166-1 alpha-3 codes, named in French and English by ``pycountry`` and its
gettext translations (never typed by hand).

A mechanism's membership is stored as a sorted list of codes (JSON text in the database);
``None`` means "not recorded", which is not the same as "no member".
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-3
    name_en: str
    name_fr: str

    def name(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.name_en


@cache
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 entry, by alpha-3 code. The common name when ISO gives one
    ("Bolivia", "Bolivie"), else the short name."""
    import pycountry

    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:  # translations missing (a trimmed build): English names, never a crash
        french = str
    result = {}
    for entry in pycountry.countries:
        english = getattr(entry, "common_name", None) or entry.name
        result[entry.alpha_3] = Country(entry.alpha_3, _natural(english.replace("'", "’"), "en"),
                                        _natural(french(english).replace("'", "’"), "fr"))
    return result


_ENDINGS = {"en": (" of", " of the"), "fr": (" de", " du", " des", " de la", " d’")}


def _natural(name: str, lang: str) -> str:
    """ISO's sorted form in reading order: "Congo, The Democratic Republic of the" ->
    "Democratic Republic of the Congo", "Palestine, État de" -> "État de Palestine"."""
    head, sep, tail = name.partition(", ")
    if sep and lang == "fr" and tail in ("Île", "Îles"):
        return f"{tail} {head}"
    if not sep or not tail.endswith(_ENDINGS[lang]):
        return name
    joined = f"{tail}{head}" if tail.endswith("’") else f"{tail} {head}"
    for article in ("The ", "La ", "Le "):
        if joined.startswith(article):
            joined = joined[len(article):]
    return joined


def fold(text: str) -> str:
    """Text for matching what a user types: no accents, no case ("cote" finds "Côte d’Ivoire")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_key(code: str, lang: str) -> str:
    country = countries().get(code)
    return fold(country.name(lang)) if country else code


def country_name(code: str, lang: str) -> str:
    country = countries().get(code)
    return country.name(lang) if country else code


def clean_codes(codes: object) -> list[str]:
    """Upper-case, known, unique, sorted codes; raises ValueError naming the first unknown."""
    if isinstance(codes, str):
        # "PER ARG", "per, arg" or the names as shown ("Peru (PER)\nArgentina (ARG)")
        in_brackets = re.findall(r"\(([A-Za-z]{3})\)", codes)
        codes = in_brackets or [c for c in codes.replace(",", " ").replace(";", " ").split() if c]
    known = countries()
    result = set()
    for code in codes or ():  # type: ignore[union-attr]
        wanted = str(code).strip().upper()
        if wanted not in known:
            raise ValueError(code)
        result.add(wanted)
    return sorted(result)


def dump(codes: list[str] | None) -> str | None:
    """The stored form: JSON text of the sorted codes; None (not recorded) for no list."""
    return json.dumps(sorted(codes)) if codes else None


def load(stored: str | None) -> list[str] | None:
    """A stored membership back as a list (None: not recorded; junk counts as not recorded)."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    return sorted({str(v) for v in value}) or None


__all__ = ["Country", "clean_codes", "countries", "country_name", "dump", "fold", "load", "sort_key"]
