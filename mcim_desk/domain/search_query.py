"""The search box's language, parsed into plain data, and rendered into the two engines'
query syntaxes. Pure Python (no SQL, no Qt).

What a user may type::

    capacity building          every word, anywhere in the text (AND)
    capacit*                   a word starting with "capacit"
    "processus de Rabat"       the words in this order
    -khartoum                  not this word (also -"a phrase", -prefix*)
    type:rcp region:africa mechanism:RABAT form:mcim_questionnaire_2018 kind:quote
    from:2026-01-31 to:2026-03-01 hidden:yes

Accents and case never matter: words are folded (NFKD, combining marks removed, lower case)
as SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds the indexed text. A word is a
run of letters and digits, the tokenizer's own definition, so whatever the user types, only
folded letters and digits, each inside double quotes, reach FTS5's MATCH (or PostgreSQL's
to_tsquery): user text never becomes query syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache

KINDS = ("answer", "note", "call_note", "quote", "coding", "followup", "contact", "mechanism")
FILTER_KEYS = ("type", "region", "mechanism", "form", "kind", "from", "to", "hidden")
MAX_TERMS = 32  # more words than anyone types; keeps a pasted page from making a huge query

_WORD = re.compile(r"[^\W_]+")
# A token of the box: an optional "-", then a quoted phrase (closing quote optional) or a bare
# run of non-space characters.
_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')


def fold(text: str) -> str:
    """Lower case without diacritics: « Réglementaire » -> « reglementaire »."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words_of(text: str) -> list[str]:
    """The folded words of ``text``, as the tokenizer splits them."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Term:
    """One word or phrase: its folded words, whether its last word is a prefix, excluded?"""

    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False


@dataclass(frozen=True)
class SearchQuery:
    terms: tuple[Term, ...] = ()
    kinds: frozenset[str] = frozenset()  # empty: every kind
    mechanism: str | None = None  # an acronym (either language), a name's word, or a key
    type: str | None = None
    region: str | None = None
    form: str | None = None
    since: date | None = None
    until: date | None = None
    include_hidden: bool = False
    problems: tuple[str, ...] = field(default=())  # filters not understood (shown, not fatal)

    # Cached: a frozen query's terms never change, and a search reads these once per hit.
    @cached_property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @cached_property
    def negative(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated)

    @cached_property
    def highlight_terms(self) -> tuple[tuple[tuple[str, ...], ...], tuple[bool, ...]]:
        """The positive terms' words and whether each ends in a prefix: what a snippet marks."""
        return tuple(t.words for t in self.positive), tuple(t.prefix for t in self.positive)

    @cached_property
    def highlight_pattern(self) -> re.Pattern[str] | None:
        """The regular expression finding those words in a folded text."""
        return _pattern(*self.highlight_terms)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no word to find (exclusions alone find nothing)."""
        return not self.positive

    def with_filters(self, **filters: object) -> SearchQuery:
        """The same query with the given filters set (those given as None are left as they are)."""
        given = {k: v for k, v in filters.items() if v is not None}
        if not given:
            return self
        if "kinds" in given:
            given["kinds"] = frozenset(given["kinds"])  # type: ignore[arg-type]
        return replace(self, **given)  # type: ignore[arg-type]

    # -- rendering -------------------------------------------------------------------------

    def fts5(self) -> str:
        """The MATCH expression for FTS5, or "" when there is nothing to look for."""
        if self.is_empty:
            return ""
        text = " AND ".join(_fts5_term(t) for t in self.positive)
        for term in self.negative:
            text += " NOT " + _fts5_term(term)
        return text

    def tsquery(self) -> str:
        """The same for PostgreSQL's ``to_tsquery('simple', ...)``."""
        if self.is_empty:
            return ""
        parts = [_ts_term(t) for t in self.positive]
        parts += ["!" + _ts_term(t) for t in self.negative]
        return " & ".join(parts)

    def highlight_words(self) -> tuple[tuple[str, ...], ...]:
        """What a snippet marks: the positive terms' words (a prefix marked as a prefix)."""
        return tuple(t.words for t in self.positive)


def _fts5_term(term: Term) -> str:
    # Words hold letters and digits only; the doubling of '"' is belt and braces.
    quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
    return quoted + (" *" if term.prefix else "")


# PostgreSQL's unaccent also spells ligatures out; FTS5 keeps them as letters.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def _ts_term(term: Term) -> str:
    lexemes = []
    for index, word in enumerate(term.words):
        lexeme = "'" + word.translate(_LIGATURES).replace("'", "''") + "'"
        if term.prefix and index == len(term.words) - 1:
            lexeme += ":*"
        lexemes.append(lexeme)
    return "(" + " <-> ".join(lexemes) + ")" if len(lexemes) > 1 else lexemes[0]


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse(text: str) -> SearchQuery:
    """Read the box. Never raises: what is not understood is searched as words, or noted in
    ``problems`` (a filter with a bad value)."""
    terms: list[Term] = []
    filters: dict[str, object] = {}
    kinds: set[str] = set()
    problems: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        negated = match.group(1) == "-"
        phrase, bare = match.group(2), match.group(3)
        if bare is not None and not negated:
            key, colon, value = bare.partition(":")
            key = fold(key)
            if colon and key in FILTER_KEYS and value:
                if not _set_filter(filters, kinds, key, value):
                    problems.append(bare)
                continue
        source = phrase if phrase is not None else bare or ""
        prefix = phrase is None and source.endswith("*")
        words = tuple(words_of(source))
        if not words:
            continue
        # "rabat-khartoum" or "l'OIM" give several words: kept together as a phrase, in
        # their order, as the tokenizer splits the indexed text.
        terms.append(Term(words, prefix, negated))
        if len(terms) >= MAX_TERMS:
            break
    return SearchQuery(terms=tuple(terms), kinds=frozenset(kinds), problems=tuple(problems),
                       **filters)  # type: ignore[arg-type]


def _set_filter(filters: dict[str, object], kinds: set[str], key: str, value: str) -> bool:
    if key == "kind":
        wanted = {fold(v) for v in value.split(",") if v}
        if not wanted <= set(KINDS):
            return False
        kinds.update(wanted)
    elif key in ("from", "to"):
        day = _parse_date(value)
        if day is None:
            return False
        filters["since" if key == "from" else "until"] = day
    elif key == "hidden":
        filters["include_hidden"] = fold(value) in ("yes", "oui", "1", "true", "vrai")
    else:
        filters[key] = value
    return True


# -- snippets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A piece of a text with the matching words' spans (offsets in ``text``)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    first: int  # offset in the whole text of the first match (-1: none), to select it
    first_end: int = -1  # and of its end


class _FoldTable(dict):
    """str.translate's table for ``fold``, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        if len(folded) != 1:
            _ODD.add(code)
        if len(self) < 100_000:
            self[code] = folded
        return folded


_TABLE = _FoldTable()
_ODD: set[int] = set()  # characters whose folding changes the length ("ﬁ" -> "fi", a lone accent -> "")


_LATIN_MARKS = re.compile("[\u0300-\u036f]")
# Characters whose folding the fast path below does not vouch for: lone combining marks and
# anything beyond Latin and General Punctuation. (Every letter below U+0300 and every sign of
# General Punctuation decomposes into characters below U+0370 and marks of U+0300-U+036F
# only: checked over both ranges.) Typographic apostrophes, dashes and narrow no-break spaces
# are General Punctuation: French text stays on the fast path.
_NOT_LATIN = re.compile("[^\x00-\u02ff\u2000-\u206f]")


def _cp1252_folding() -> tuple[bytes, re.Pattern[bytes]]:
    """For text in Windows-1252 (French and English, typographic apostrophes and quotes, « »,
    œ): the byte table folding each character into one, and the bytes whose folding is not
    one such character ("…" -> "...", "µ" -> "μ")."""
    table, odd = bytearray(range(256)), bytearray()
    for byte in range(256):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        folded = fold(char)
        try:
            encoded = folded.encode("cp1252")
        except UnicodeEncodeError:
            encoded = b""
        if len(folded) == 1 and len(encoded) == 1:
            table[byte] = encoded[0]
        else:
            odd.append(byte)
    return bytes(table), re.compile(b"[" + re.escape(bytes(odd)) + b"]")


_CP1252_TABLE, _CP1252_ODD = _cp1252_folding()


def _folded_with_map(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, with each folded character's offset in ``text`` (None: the same
    offsets, the common case; folding can change lengths: "ﬁ" -> "fi")."""
    if text.isascii():
        return text.lower(), None
    try:
        encoded = text.encode("cp1252")
    except UnicodeEncodeError:
        encoded = None
    if encoded is not None and not _CP1252_ODD.search(encoded):
        # One byte per character each way: a table lookup per byte, offsets unchanged.
        return encoded.translate(_CP1252_TABLE).decode("cp1252"), None
    if not _NOT_LATIN.search(text):
        # The whole text at C speed: a precomposed letter becomes its letter plus marks,
        # removed. The same length means one character each, in place ("…" -> "..." is not).
        folded = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()
        if len(folded) == len(text):
            return folded, None
    folded = text.translate(_TABLE)
    if len(folded) == len(text) and not (_ODD and any(ord(c) in _ODD for c in set(text))):
        return folded, None
    where: list[int] = []
    for offset, char in enumerate(text):
        where.extend([offset] * len(char.translate(_TABLE)))
    return folded, where


@lru_cache(maxsize=64)
def _pattern(terms: tuple[tuple[str, ...], ...], prefixes: tuple[bool, ...]) -> re.Pattern[str] | None:
    alternatives = []
    for index, words in enumerate(terms):
        prefix = prefixes[index] if index < len(prefixes) else False
        body = r"[\W_]+".join(re.escape(w) for w in words) + (r"[^\W_]*" if prefix else "")
        alternatives.append(body)
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)  # a phrase before its first word alone
    # No look-behind in front: a pattern that starts with its words lets the regex engine
    # skip ahead to them; ``match_spans`` checks the character before.
    return re.compile(r"(?:" + "|".join(alternatives) + r")(?![^\W_])")


def match_spans(text: str, terms: tuple[tuple[str, ...], ...], prefixes: tuple[bool, ...] = ()
                ) -> list[tuple[int, int]]:
    """Offsets in ``text`` of the words of ``terms`` (each a tuple of folded words; the last
    word of a term a prefix when ``prefixes`` says so)."""
    return _spans(text, _pattern(tuple(terms), tuple(prefixes)))


def _spans(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    folded, where = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    found = pattern.search(folded)
    while found is not None:
        begin, end = found.span()
        if begin and (folded[begin - 1].isalnum()):  # inside a word: look again one further
            found = pattern.search(folded, begin + 1)
            continue
        if begin < end:
            spans.append((begin, end) if where is None else (where[begin], where[end - 1] + 1))
        found = pattern.search(folded, max(end, begin + 1))
    if len(spans) < 2:  # found left to right, apart: only several can touch
        return spans
    spans.sort()
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return merged


def snippet(text: str, query: SearchQuery, width: int = 160) -> Snippet:
    """About ``width`` characters of ``text`` around its first match, on one line."""
    spans = _spans(text, query.highlight_pattern)
    length = len(text)
    first = spans[0][0] if spans else -1
    start = 0
    if first > width // 3:
        start = first - width // 3
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = start + width
    if end < length:
        space = text.find(" ", end)
        end = space if 0 <= space - end < 20 else end
    else:
        end = length
    piece = text[start:end]
    if "\n" in piece or "\r" in piece or "\t" in piece:
        piece = piece.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if start:
        piece = "…" + piece
    if end < length:
        piece += "…"
    if not spans:
        return Snippet(piece, (), -1, -1)
    shift = (1 if start else 0) - start
    inside = tuple([(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start])
    return Snippet(piece, inside, first, spans[0][1])
