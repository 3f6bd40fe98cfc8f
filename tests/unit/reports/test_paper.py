"""What the secretariat sees on paper (issue 12): a count agrees with its noun in both
languages; times, dates and "n =" never break across lines; e-mail and web addresses break at
"@", "." or "/" only, never mid-word. Read back from real PDFs with pypdf."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mcim_desk.reports.labels import PLURALS, date_time, label
from mcim_desk.reports.pdf import (
    FONT,
    PdfMeta,
    break_addresses,
    data_table,
    para,
    register_fonts,
    write_pdf,
)


def meta() -> PdfMeta:
    return PdfMeta(title="Paper", subject="Paper", lang="fr", header="Paper", generated="today",
                   page_format="page {page} of {pages}")


def lines_of(path: Path) -> list[str]:
    """Every text line of every page, no-break spaces read as spaces."""
    return [" ".join(line.replace("\u00a0", " ").split())
            for page in PdfReader(path).pages for line in page.extract_text().splitlines()]


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("fr", 0, "n = 0 mécanisme ayant répondu à la question"),
    ("fr", 1, "n = 1 mécanisme ayant répondu à la question"),
    ("fr", 2, "n = 2 mécanismes ayant répondu à la question"),
    ("en", 0, "n = 0 mechanisms that answered the question"),
    ("en", 1, "n = 1 mechanism that answered the question"),
    ("en", 21, "n = 21 mechanisms that answered the question"),
])
def test_a_count_agrees_with_its_noun(lang: str, n: int, expected: str) -> None:
    assert " ".join(label("n_answered", lang, n=n).split()) == expected


def test_every_counted_label_has_both_forms_in_both_languages() -> None:
    for key, (counted, english, french) in PLURALS.items():
        for lang, forms in (("en", english), ("fr", french)):
            assert len(forms) == 2, (key, lang)
            if key == "overview_total" and lang == "en":
                continue  # "1 of 30 mechanisms answered": the noun counts the 30
            values = {"n": 1, "total": 1, "all": 30, "count": 1, "subject": "They", "missing": "X"}
            one = label(key, lang, **values)
            values[counted] = 3
            other = label(key, lang, **values)
            assert one != other, (key, lang)
    assert label("overview_total", "fr", total=1, all=30).startswith("Au total, 1 des 30 MCIM a répondu")
    assert label("overview_total", "fr", total=5, all=30).startswith("Au total, 5 des 30 MCIM ont répondu")
    assert label("they_represent", "fr", n=1) == "Il représente"
    assert label("members_count", "en", n=1) == "1 State" and label("members_count", "fr", n=12) == "12 États"


def test_times_dates_and_n_never_break(tmp_path: Path) -> None:
    due = date_time(datetime(2026, 12, 3, 15, 25), "fr")
    assert due == "3\u00a0décembre\u00a02026, 15\u00a0h\u00a025"
    # A column so narrow that the text must wrap: the time stays whole on its line.
    out = write_pdf(tmp_path / "t.pdf", meta(), [
        data_table(["Échéance", "Quoi"], [[due, "Relance"], [label("n_answered", "fr", n=4), "x"]],
                   [62, 200]),
    ])
    lines = lines_of(out)
    assert any("15 h 25" in line for line in lines), lines
    assert not any(line.endswith(" 15") or line.endswith("15 h") for line in lines), lines
    assert any("n = 4" in line for line in lines), lines


def test_addresses_break_at_at_sign_dot_or_slash_only(tmp_path: Path) -> None:
    register_fonts()
    email = "secretariat.demo.abu_dhabi_dialogue@example-organisation.org"
    url = "https://www.rabat-process.org/en/about-rabat-process/135-participating-states"
    broken = break_addresses(f"Write to {email} or see {url}.", 90, FONT, 8.5)
    for piece in broken.split("\n")[1:]:
        assert piece[0] in "@." or broken.split("\n")[0][-1] in "/-" or piece[0].isalnum()
    for before, after in zip(broken.split("\n"), broken.split("\n")[1:], strict=False):
        assert after[:1] in ("@", ".") or before[-1:] in ("/", "-"), (before, after)
    out = write_pdf(tmp_path / "a.pdf", meta(), [data_table(["Courriel, site"], [[email], [url]], [110])])
    pieces = [line for line in lines_of(out) if line and (line in email or line in url)]
    assert "".join(p for p in pieces if p in email) == email  # nothing lost, nothing added
    assert "".join(p for p in pieces if p in url and p not in email) == url
    assert len(pieces) >= 4  # both addresses did wrap
    for piece in pieces:
        for address in (email, url):
            at = address.find(piece)
            if at > 0:  # a continuation line: it starts at "@" or ".", or right after "/" or "-"
                assert piece[0] in "@." or address[at - 1] in "/-", piece


def test_a_paragraph_of_plain_text_is_unchanged_when_it_fits(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "p.pdf", meta(), [para("Contact: demo.sacm@example.org, +41 22 000 00 00")])
    assert any("Contact: demo.sacm@example.org, +41 22 000 00 00" in line for line in lines_of(out))
