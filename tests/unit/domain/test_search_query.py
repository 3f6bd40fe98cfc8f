"""The search box's parser: any text is read without raising, and what reaches FTS5 is always
valid syntax made of quoted folded words (checked against a real FTS5 table)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcim_desk.domain.search_query import fold, match_spans, parse, snippet, snippets

SYNTAX = st.sampled_from(['"', "*", "-", ":", "(", ")", "{", "}", "^", "+", "NOT", "AND", "OR", "NEAR",
                          "kind:", "type:", "from:", "é", "œ", "'", "’", " ", "\n", "\x00", "_"])
TEXTS = st.lists(st.one_of(st.text(max_size=12), SYNTAX), max_size=12).map("".join)


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO t(body) VALUES (?)", [
        ("Le cadre réglementaire et le renforcement des capacités",),
        ("Our mechanism builds capacities in Khartoum",),
    ])
    return conn


@given(TEXTS)
def test_any_text_parses_into_valid_fts5_and_tsquery(fts, text: str) -> None:  # noqa: ANN001
    query = parse(text)
    expression = query.fts5()
    if query.is_empty:
        assert expression == "" and query.tsquery() == ""
        return
    fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()  # never an error
    for term in query.terms:
        assert term.words and all(w.isalnum() and w == fold(w) for w in term.words)
    assert "\x00" not in expression
    snippet("Le cadre réglementaire " + text, query)  # never raises either


@given(TEXTS)
def test_snippet_spans_lie_inside_the_snippet(text: str) -> None:
    query = parse("cadre* " + text)
    shown = snippet(". " * 200 + "Le cadre réglementaire " + text + " ." * 200, query)  # no word before
    for start, end in shown.spans:
        assert 0 <= start < end <= len(shown.text)
    assert any(shown.text[s:e].lower().startswith("cadre") for s, e in shown.spans)


def test_the_language_of_the_box(fts) -> None:  # noqa: ANN001
    query = parse('Réglementaire capacit* "cadre réglementaire" -khartoum type:rcp region:africa '
                  "mechanism:MIDSA form:f kind:quote,coding from:2026-01-31 to:2026-03-01 hidden:oui l'OIM")
    assert query.fts5() == ('"reglementaire" AND "capacit" * AND "cadre reglementaire" AND "l oim" '
                            'NOT "khartoum"')
    assert query.tsquery() == "'reglementaire' & 'capacit':* & ('cadre' <-> 'reglementaire') & ('l' <-> 'oim') & !'khartoum'"
    assert (query.type, query.region, query.mechanism, query.form) == ("rcp", "africa", "MIDSA", "f")
    assert query.kinds == {"quote", "coding"} and query.include_hidden
    assert (query.since, query.until) == (date(2026, 1, 31), date(2026, 3, 1))
    rows = fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (parse("capacit* -khartoum").fts5(),)).fetchall()
    assert rows == [(1,)]
    assert parse("kind:nothing from:never x").problems == ("kind:nothing", "from:never")
    assert parse("-a -b").is_empty and parse("").is_empty and parse('""').is_empty


def test_spans_follow_the_original_text() -> None:
    text = "Le « Cadre Réglementaire » et l’ŒUVRE, REGLEMENTAIRES."
    spans = match_spans(text, (("reglementaire",),), (True,))
    assert [text[s:e] for s, e in spans] == ["Réglementaire", "REGLEMENTAIRES"]
    assert [text[s:e] for s, e in match_spans(text, (("cadre", "reglementaire"),))] == ["Cadre Réglementaire"]


# Letters and signs the fast folding takes (Latin, General Punctuation) and those it leaves to
# the exact one: lone marks, ligatures that spell out, letters beyond Latin.
FOLDING = st.text(st.sampled_from(list("aéÉèêœŒçÇßæ ’\u202f\u00a0«»—-_'x1²ªŠŸ™‰ƒˆ¨´€") +
                                  ["ﬁ", "½", "…", "ĳ", "\u0301", "\u0308", "İ", "µ", "Ａ", "\u05b0", "ǆ", "ж"]),
                  max_size=40)


def exact_fold(text: str) -> tuple[str, list[int]]:
    """Character by character: the folded text and the offset each folded character comes from."""
    folded, where = "", []
    for offset, char in enumerate(text):
        piece = fold(char)
        folded += piece
        where += [offset] * len(piece)
    return folded, where


@given(FOLDING)
def test_the_fast_folding_is_the_exact_folding(text: str) -> None:
    from mcim_desk.domain.search_query import _folded_with_map

    folded, where = _folded_with_map(text)
    expected, offsets = exact_fold(text)
    assert folded == expected
    assert (list(range(len(text))) if where is None else where) == offsets


def test_the_byte_tables_fold_every_one_byte_character_as_the_exact_folding() -> None:
    """Every character of Latin-1 and Windows-1252, alone and beside letters that send the
    text through each table (é: Latin-1; ’: Windows-1252; ж: neither)."""
    from mcim_desk.domain.search_query import _folded_with_map

    chars = {chr(code) for code in range(256)}
    chars |= {bytes([byte]).decode("cp1252", "ignore") for byte in range(256)} - {""}
    for char in sorted(chars):
        for text in (char, f"é{char}x", f"’{char}É", f"ж{char}"):
            folded, where = _folded_with_map(text)
            expected, offsets = exact_fold(text)
            assert folded == expected, repr(text)
            assert (list(range(len(text))) if where is None else where) == offsets, repr(text)


@given(FOLDING, st.sampled_from(["e", "ae", "oe", "ss", "fi", "x", "a1"]), st.booleans())
def test_spans_are_those_of_the_exact_folding(text: str, word: str, prefix: bool) -> None:
    """Every span found starts and ends at a word's edge of the text folded character by
    character, and holds the word looked for."""
    import re

    expected, offsets = exact_fold(text)
    wanted = {(offsets[m.start()], offsets[m.end() - 1] + 1)
              for m in re.finditer(r"[^\W_]+", expected)
              if (m.group().startswith(word) if prefix else m.group() == word)}
    assert set(match_spans(text, ((word,),), (prefix,))) == wanted


def test_a_word_inside_a_longer_one_is_not_marked_and_the_next_is() -> None:
    text = "xcadre reglementaire, cadre"
    spans = match_spans(text, (("cadre", "reglementaire"), ("reglementaire",)))
    assert [text[s:e] for s, e in spans] == ["reglementaire"]
    assert [text[s:e] for s, e in match_spans(text, (("cadre",),))] == ["cadre"]
    assert match_spans("cadres", (("cadre",),)) == [] and match_spans("cadres", (("cadre",),), (True,)) == [(0, 6)]


WORDS_LOOKED_FOR = st.sampled_from(["e", "ae", "oe", "ss", "fi", "x", "a1", "cadre", "reglementaire", "ж", "µ"])


@settings(max_examples=60, deadline=None)
@given(FOLDING, st.lists(st.tuples(st.lists(WORDS_LOOKED_FOR, min_size=1, max_size=2), st.booleans()),
                         min_size=1, max_size=3))
def test_the_direct_spans_are_those_of_the_folded_copy(text: str, terms: list) -> None:  # noqa: ANN001
    """The words found in the text as it is (a pattern of character classes) give the same
    spans, and so the same snippet, as the pattern over the folded copy."""
    from mcim_desk.domain.search_query import _direct_pattern, _pattern, _spans

    words = tuple(tuple(w) for w, _ in terms)
    prefixes = tuple(p for _, p in terms)
    folded_way = _spans(text, _pattern(words, prefixes))
    assert _spans(text, _pattern(words, prefixes), _direct_pattern(words, prefixes)) == folded_way
    assert match_spans(text, words, prefixes) == folded_way


def test_the_direct_way_is_taken_for_french_text_and_left_for_other_letters() -> None:
    from mcim_desk.domain.search_query import _NOT_DIRECT, _direct_pattern

    pattern = _direct_pattern((("reglementaire",), ("cadre",)), (True, False))
    assert pattern is not None and _NOT_DIRECT.search("Le « Cadre Réglementaire » et l’ŒUVRE\u202f!") is None
    found = pattern.search("Le « Cadre RÉGLEMENTAIRES »")
    assert found is not None and found.group() == "Cadre"
    assert _direct_pattern((("жизнь",),), (False,)) is None  # a letter beyond Latin: the folded way
    assert _NOT_DIRECT.search("ﬁn") is not None and _NOT_DIRECT.search("e\u0301") is not None
    assert snippet("Le « Cadre Réglementaire »", parse("reglementaire")).spans == ((11, 24),)


def straightforward_snippet(text: str, query, width: int = 160):  # noqa: ANN001, ANN201
    """The snippet as first written: spans over the folded copy, the window cut, spans shifted
    into it, the dataclass built by its constructor."""
    from mcim_desk.domain.search_query import Snippet, _pattern, _spans

    spans = _spans(text, _pattern(*query.highlight_terms))
    first = spans[0][0] if spans else -1
    start = 0
    if first > width // 3:
        start = first - width // 3
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = start + width
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 20 else end
    else:
        end = len(text)
    piece = text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    piece = ("…" if start else "") + piece + ("…" if end < len(text) else "")
    shift = (1 if start else 0) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    return Snippet(piece, inside, first, spans[0][1] if spans else -1)


LONG_TEXTS = st.lists(st.one_of(FOLDING, st.sampled_from(["Cadre", "réglementaire", "\n", " ", "œuvre"])),
                      max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(LONG_TEXTS, st.sampled_from(["reglementaire", "cadre*", '"cadre reglementaire"', "e oeuvre", "ss -x",
                                    "fi a1*", "ж µ"]))
def test_the_snippet_is_the_straightforward_one(text: str, box: str) -> None:
    query = parse(box)
    made = snippet(text, query)
    expected = straightforward_snippet(text, query)
    assert made == expected
    assert (made.text, made.spans, made.first, made.first_end) == (
        expected.text, expected.spans, expected.first, expected.first_end)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(LONG_TEXTS, st.sampled_from(["", "cadre", "reglementaire Cadre", "\x00", "ASCII only",
                                                      "Réglementaire", "ﬁn", "e\u0301"])), max_size=8),
       st.sampled_from(["reglementaire", "cadre*", '"cadre reglementaire"', "e oeuvre", "ss -x", "fi a1*", "ж µ",
                        "ascii"]))
def test_the_snippets_of_many_texts_are_each_texts_own(texts: list[str], box: str) -> None:
    """One pass over the texts joined gives each text the snippet it gets alone: a phrase whose
    words end one text and start the next, a text holding the joint or characters outside the
    one pass's, ASCII and accented texts side by side."""
    query = parse(box)
    assert snippets(texts, query) == [snippet(text, query) for text in texts]


def test_a_phrase_across_two_texts_is_found_in_neither() -> None:
    query = parse('"cadre reglementaire"')
    made = snippets(["le cadre", "réglementaire du cadre réglementaire"], query)
    assert [m.spans for m in made] == [(), ((17, 36),)]
    assert made[1].text[17:36] == "cadre réglementaire"
