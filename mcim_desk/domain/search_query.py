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
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from itertools import accumulate

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

    @cached_property
    def highlight_direct(self) -> re.Pattern[str] | None:
        """The same over the text as it is, when it holds only characters folding into one
        (``_DIRECT``'s): no folded copy needed."""
        return _direct_pattern(*self.highlight_terms)

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
        return self._fts5

    def tsquery(self) -> str:
        """The same for PostgreSQL's ``to_tsquery('simple', ...)``."""
        return self._tsquery

    # Cached: a query parsed once (``parse`` keeps the last ones) renders once.
    @cached_property
    def _fts5(self) -> str:
        if self.is_empty:
            return ""
        text = " AND ".join(_fts5_term(t) for t in self.positive)
        for term in self.negative:
            text += " NOT " + _fts5_term(term)
        return text

    @cached_property
    def _tsquery(self) -> str:
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
    ``problems`` (a filter with a bad value). The same text gives the same (immutable) query:
    the last ones read are kept."""
    return _parse(text or "")


@lru_cache(maxsize=256)
def _parse(text: str) -> SearchQuery:
    terms: list[Term] = []
    filters: dict[str, object] = {}
    kinds: set[str] = set()
    problems: list[str] = []
    for match in _TOKEN.finditer(text):
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


def _byte_folding(codec: str) -> tuple[str, bytes, int]:
    """For text in a one-byte encoding (Latin-1; Windows-1252 for French and English with
    typographic apostrophes and quotes, « », œ): the byte table folding each character into
    one, where a byte whose folding is not one such character ("…" -> "...", "µ" -> "μ")
    becomes ``odd``, one of them (so one ``in`` over the folded bytes tells)."""
    table, odd = bytearray(range(256)), []
    for byte in range(256):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            odd.append(byte)
            continue
        folded = fold(char)
        try:
            encoded = folded.encode(codec)
        except UnicodeEncodeError:
            encoded = b""
        if len(folded) == 1 and len(encoded) == 1:
            table[byte] = encoded[0]
        else:
            odd.append(byte)
    for byte in odd:
        table[byte] = odd[0]
    # A folded character folds into itself: no byte that is not odd becomes the odd one.
    assert all(table[b] != odd[0] for b in range(256) if b not in odd)
    return codec, bytes(table), odd[0]


# Latin-1 first: a text of Latin-1 characters only is stored one byte per character, and
# encodes as a copy; Windows-1252 (a table lookup per character) for one with ’ or œ.
_BYTE_FOLDINGS = (_byte_folding("latin-1"), _byte_folding("cp1252"))


def _folded_with_map(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, with each folded character's offset in ``text`` (None: the same
    offsets, the common case; folding can change lengths: "ﬁ" -> "fi")."""
    if text.isascii():
        return text.lower(), None
    for codec, table, odd in _BYTE_FOLDINGS:
        try:
            encoded = text.encode(codec)
        except UnicodeEncodeError:
            continue
        # One byte per character each way: a table lookup per byte, offsets unchanged.
        folded = encoded.translate(table)
        if odd not in folded:
            return folded.decode(codec), None
        break
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


def _direct_classes() -> tuple[dict[str, str], re.Pattern[str]]:
    """For the snippet's fast path, matching the words in the text as it is (no folded copy):
    each folded letter or digit -> a regular expression class of the characters folding to it,
    and the pattern finding a character outside that fast path. A character is on it when it
    folds into one character (offsets unchanged) and folding keeps what the pattern and
    ``_spans`` ask of it (a word character or not, ``isalnum``): checked here for each."""
    word = re.compile(r"[^\W_]")
    classes: dict[str, list[str]] = {}
    safe: list[str] = []
    for code in [*range(0x250), *range(0x2000, 0x2070)]:
        char = chr(code)
        folded = fold(char)
        if (len(folded) != 1 or bool(word.match(char)) != bool(word.match(folded))
                or char.isalnum() != folded.isalnum()):
            continue
        safe.append(char)
        if word.match(folded):
            classes.setdefault(folded, []).append(char)
    table = {folded: "[" + "".join(re.escape(c) for c in chars) + "]" if len(chars) > 1 else re.escape(chars[0])
             for folded, chars in classes.items()}
    return table, re.compile("[^" + "".join(re.escape(c) for c in safe) + "]")


_DIRECT, _NOT_DIRECT = _direct_classes()


def _source(terms: tuple[tuple[str, ...], ...], prefixes: tuple[bool, ...],
            letter: Callable[[str], str]) -> str | None:
    """The regular expression finding the words of ``terms``, each folded character written
    by ``letter``."""
    alternatives = []
    for index, words in enumerate(terms):
        prefix = prefixes[index] if index < len(prefixes) else False
        tail = r"[^\W_]*" if prefix else ""
        # Ordered by the folded pattern's length, whatever ``letter`` writes: the same order.
        key = len(r"[\W_]+".join(re.escape(w) for w in words) + tail)
        alternatives.append((key, r"[\W_]+".join("".join(letter(c) for c in w) for w in words) + tail))
    if not alternatives:
        return None
    alternatives.sort(key=lambda a: a[0], reverse=True)  # a phrase before its first word alone
    # No look-behind in front: a pattern that starts with its words lets the regex engine
    # skip ahead to them; ``match_spans`` checks the character before.
    return r"(?:" + "|".join(body for _, body in alternatives) + r")(?![^\W_])"


@lru_cache(maxsize=64)
def _pattern(terms: tuple[tuple[str, ...], ...], prefixes: tuple[bool, ...]) -> re.Pattern[str] | None:
    """Finds the words in a folded text."""
    source = _source(terms, prefixes, re.escape)
    return re.compile(source) if source is not None else None


@lru_cache(maxsize=64)
def _direct_pattern(terms: tuple[tuple[str, ...], ...], prefixes: tuple[bool, ...]) -> re.Pattern[str] | None:
    """Finds the same words in the text as it is, for a text of ``_DIRECT``'s characters only:
    each folded letter becomes the class of the characters folding to it. None when a word
    holds a letter outside them (the folded way then). Alternatives of classes: the same
    lengths as the folded pattern's, so the same order."""
    try:
        source = _source(terms, prefixes, _DIRECT.__getitem__)
    except KeyError:
        return None
    return re.compile(source) if source is not None else None


def match_spans(text: str, terms: tuple[tuple[str, ...], ...], prefixes: tuple[bool, ...] = ()
                ) -> list[tuple[int, int]]:
    """Offsets in ``text`` of the words of ``terms`` (each a tuple of folded words; the last
    word of a term a prefix when ``prefixes`` says so)."""
    terms, prefixes = tuple(terms), tuple(prefixes)
    return _spans(text, _pattern(terms, prefixes), _direct_pattern(terms, prefixes))


def _spans(text: str, pattern: re.Pattern[str] | None, direct: re.Pattern[str] | None = None
           ) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    if direct is not None and not text.isascii() and not _NOT_DIRECT.search(text):
        # Every character folds into one, in place: the words found in the text itself, at
        # the offsets the folded copy would give (no copy made).
        return _direct_spans(text, direct)
    folded, where = _folded_with_map(text)
    if where is None:
        return _merged(list(_word_matches(folded, pattern)))
    return _merged([(where[begin], where[end - 1] + 1) for begin, end in _word_matches(folded, pattern)])


def _direct_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return _merged(list(_word_matches(text, pattern)))


def _word_matches(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The (begin, end) of each match of ``pattern`` in ``text`` that starts a word and is not
    empty, left to right (a match inside a word is looked for again one character further)."""
    found = pattern.search(text)
    while found is not None:
        begin, end = found.span()
        if begin and text[begin - 1].isalnum():  # inside a word: look again one further
            found = pattern.search(text, begin + 1)
            continue
        if begin < end:
            yield begin, end
        found = pattern.search(text, max(end, begin + 1))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
    return _window(text, _spans(text, query.highlight_pattern, query.highlight_direct), width)


_JOINT = "\x00"  # between the texts of ``snippets``: not a letter, so never inside a word


def snippets(texts: Sequence[str], query: SearchQuery, width: int = 160) -> list[Snippet]:
    """``[snippet(text, query, width) for text in texts]``, the words found in one pass of the
    folded pattern over all the texts joined and folded at once (a search's results: one
    folding and one search, not one of each per text). When folding the joined texts moves an
    offset, or a text holds the joint, each text is done on its own; so is a text where a
    match runs across a joint (a phrase's words in two texts)."""
    pattern = query.highlight_pattern
    if pattern is None or len(texts) < 2:
        return [snippet(text, query, width) for text in texts]
    joined = _JOINT.join(texts)
    if joined.count(_JOINT) != len(texts) - 1:
        return [snippet(text, query, width) for text in texts]
    # Folding works character by character here (the joint is neither a letter nor a mark, so
    # nothing folds across it): the joined copy is the texts' folded copies, joined.
    folded, where = _folded_with_map(joined)
    if where is not None:
        return [snippet(text, query, width) for text in texts]
    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    alone: set[int] = set()
    ends = list(accumulate(len(text) + 1 for text in texts))  # each text's joint (or the end)
    row = 0
    for begin, end in _word_matches(folded, pattern):
        while ends[row] <= begin:
            row += 1
        start = ends[row] - len(texts[row]) - 1
        if end > ends[row] - 1:  # across a joint (a phrase's words in two texts)
            alone.update(range(row, bisect_left(ends, end) + 1))
        else:
            found[row].append((begin - start, end - start))
    return [snippet(text, query, width) if index in alone else _window(text, _merged(found[index]), width)
            for index, text in enumerate(texts)]


def _window(text: str, spans: list[tuple[int, int]], width: int) -> Snippet:
    """The snippet of ``text`` whose words are at ``spans`` (offsets in ``text``, in order)."""
    length = len(text)
    if spans:
        first, first_end = spans[0]
    else:
        first = first_end = -1
    start = 0
    if first > width // 3:
        start = first - width // 3
        space = text.rfind(" ", 0, start)
        if space >= 0 and start - space < 20:
            start = space + 1
    end = start + width
    if end < length:
        space = text.find(" ", end)
        if 0 <= space - end < 20:
            end = space
        piece = text[start:end]
    else:
        end = length
        piece = text[start:] if start else text
    if "\n" in piece or "\r" in piece or "\t" in piece:
        piece = piece.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if start:
        piece = "…" + piece
    if end < length:
        piece += "…"
    if not spans:
        return _snippet(piece, (), -1, -1)
    if not start and end == length:  # the whole text: every span inside, where it is
        return _snippet(piece, tuple(spans), first, first_end)
    shift = (1 if start else 0) - start
    if len(spans) == 1:  # the common case: one word found
        inside = ((max(first, start) + shift, min(first_end, end) + shift),) if first < end and first_end > start \
            else ()
    else:
        inside = tuple([(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start])
    return _snippet(piece, inside, first, first_end)


def _snippet(text: str, spans: tuple[tuple[int, int], ...], first: int, first_end: int) -> Snippet:
    # Every field given, so the frozen dataclass's __init__ (an object.__setattr__ call per
    # field) is skipped: one snippet per hit of a search.
    made = object.__new__(Snippet)
    made.__dict__.update({"text": text, "spans": spans, "first": first, "first_end": first_end})
    return made
