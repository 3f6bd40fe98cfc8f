"""The search box's parser: any text is read without raising, and what reaches FTS5 is always
valid syntax made of quoted folded words (checked against a real FTS5 table)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mcim_desk.domain.search_query import fold, match_spans, parse, snippet

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
    shown = snippet("x " * 200 + "Le cadre réglementaire " + text + " y" * 200, query)
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
