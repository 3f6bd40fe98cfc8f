"""Typography of the texts people read: typographic apostrophes, the French no-break spaces
before ``: ; ? !`` and inside « », and quotation marks by language. Pure Python.

pyxform turns every ’ of a form into ' and collapses no-break spaces (it cleans the cells for
its expressions), so the form's labels get their typography back here.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"  # before ":" and inside « »
NNBSP = "\u202f"  # narrow, before ";", "?" and "!"

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$|[)*»,.])")
_BEFORE_MARK = re.compile(r"[ \u00a0\u202f]+([;?!])(?=\s|$|[)*»,.?!])")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f]*»")


def apostrophes(text: str) -> str:
    """l'entretien -> l’entretien (a quote mark that stands between two letters only)."""
    return _APOSTROPHE.sub("’", text)


def french_spacing(text: str) -> str:
    """The space before ``: ; ? !`` and inside « » never breaks, so a line never starts with a
    lone « ? »; a missing one inside « » is added."""
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_MARK.sub(NNBSP + r"\1", text)
    text = _AFTER_OPEN.sub("«" + NBSP, text)
    return _BEFORE_CLOSE.sub(NBSP + "»", text)


def for_language(text: str, lang: str) -> str:
    """``text`` with the typography of ``lang`` ("fr" or another)."""
    text = apostrophes(text)
    return french_spacing(text) if lang == "fr" else text


def quoted(text: str, lang: str) -> str:
    """« text » in French (no-break spaces inside), “text” otherwise."""
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else f"“{text}”"


_BREAKABLE = re.compile(r"[ \t\r\n\f\v]+")


def one_line(text: str) -> str:
    """``text`` on one line: runs of breakable white space become one space, the no-break
    spaces stay (``" ".join(text.split())`` would turn « mondial ? » back into a breakable
    space, and the « ? » wraps alone onto a line)."""
    return _BREAKABLE.sub(" ", text).strip(" \t\r\n\f\v")
