"""The shared PDF machinery: the escape helper, embedded DejaVu fonts, metadata, the outline,
"page X of Y", the fictional-data banner and atomic writing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph

from mcim_desk.reports.charts import bar_chart
from mcim_desk.reports.pdf import (
    CONTENT_WIDTH,
    Heading,
    PdfMeta,
    atomic_write,
    data_table,
    escape_text,
    para,
    styles,
    text_paras,
    write_pdf,
)

INJECTIONS = ['<img src="/etc/hostname"/>', "<b> never closed", "AT&T", '<a href="javascript:x">click</a>']


def meta(**changes: object) -> PdfMeta:
    values = dict(
        title="Test report — Ibáñez",
        subject="A subject",
        lang="fr",
        header="Test header",
        generated="Generated today",
        page_format="page {page} of {pages}",
    )
    values.update(changes)
    return PdfMeta(**values)  # type: ignore[arg-type]


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def sample_story() -> list:
    st = styles()
    return [
        Heading("First section", st.h1, 0),
        para("Łukasz Ibáñez wrote an œuvre.", st.body),
        *[para(s, st.body) for s in INJECTIONS],
        bar_chart([("Yes — a long label that must wrap over more than one line in the chart", 3),
                   ("Non", 0)], CONTENT_WIDTH),
        PageBreak(),
        Heading("Second section", st.h1, 0),
        Heading("A subsection", st.h2, 1),
        data_table(["Name", "Value"], [[f"row {i}", "AT&T <b>"] for i in range(120)],
                   [CONTENT_WIDTH / 2] * 2),
    ]


# --- escape_text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ('<img src="/etc/hostname"/>', "&lt;img src=&quot;/etc/hostname&quot;/&gt;"),
        ("<b>", "&lt;b&gt;"),
        ("AT&T", "AT&amp;T"),
        ('<a href="javascript:x">', "&lt;a href=&quot;javascript:x&quot;&gt;"),
        ("l'œuvre", "l&#39;œuvre"),
        ("one\ntwo\r\nthree", "one<br/>two<br/>three"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("=1+2", "=1+2"),
        (None, ""),
        (42, "42"),
    ],
)
def test_escape_text(raw: object, escaped: str) -> None:
    assert escape_text(raw) == escaped


def test_escaped_text_prints_literally(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "x.pdf", meta(), [para(s) for s in INJECTIONS])
    text = text_of(out)
    for s in INJECTIONS:
        assert s in text
    raw = out.read_bytes()
    assert not re.search(rb"/Subtype\s*/Image\b", raw)  # no image XObject
    assert b"/URI" not in raw and b"/Link" not in raw and b"/Annots" not in raw


def test_unescaped_markup_would_have_been_read_as_markup() -> None:
    """The danger the helper guards against: reportlab reads tags in a Paragraph."""
    paragraph = Paragraph('<a href="javascript:x">click</a>', styles().body)
    assert "javascript:x" not in " ".join(str(frag.text) for frag in paragraph.frags)


# --- the document ---------------------------------------------------------------------------


def test_fonts_are_embedded_dejavu_truetype_subsets(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "fonts.pdf", meta(), sample_story())
    fonts = {}
    for page in PdfReader(out).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold|-Oblique|-BoldOblique)?", name), name
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # the subset is embedded
    assert "Łukasz Ibáñez wrote an œuvre." in text_of(out)


def test_metadata_language_and_page_numbers(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "meta.pdf", meta(), sample_story())
    reader = PdfReader(out)
    assert reader.metadata.title == "Test report — Ibáñez"
    assert reader.metadata.author == "MCIM Desk"
    assert reader.metadata.subject == "A subject"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    pages = len(reader.pages)
    assert pages >= 3  # the 120-row table breaks across pages
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"page {number} of {pages}" in text
        assert "Generated today" in text
        assert "FICTIONAL" not in text


def test_table_header_repeats_on_every_page(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "table.pdf", meta(), sample_story())
    reader = PdfReader(out)
    table_pages = [p.extract_text() for p in reader.pages if "row " in p.extract_text()]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Name" in text and "Value" in text


def test_outline_has_one_entry_per_heading_on_its_page(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "outline.pdf", meta(), sample_story())
    reader = PdfReader(out)
    entries = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((item.title, level, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    assert entries == [("First section", 0, 0), ("Second section", 0, 1), ("A subsection", 1, 1)]


def test_fictional_banner_on_every_page(tmp_path: Path) -> None:
    out = write_pdf(tmp_path / "demo.pdf", meta(fictional_banner="FICTIONAL DATA — DEMONSTRATION"),
                    sample_story())
    for page in PdfReader(out).pages:
        assert "FICTIONAL DATA — DEMONSTRATION" in page.extract_text()


# --- atomic writing -------------------------------------------------------------------------


def test_a_failed_build_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")

    def broken(temp: Path) -> None:
        temp.write_bytes(b"half a PDF")
        raise RuntimeError("crash while writing")

    with pytest.raises(RuntimeError):
        atomic_write(out, broken)
    assert out.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["report.pdf"]


def test_a_good_build_replaces_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")
    write_pdf(out, meta(), [para("new")])
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["report.pdf"]


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_pdf(tmp_path / "no" / "such" / "x.pdf", meta(), [para("x")])


def test_content_taller_than_a_page_still_lays_out(tmp_path: Path) -> None:
    """A note of 200 lines in one table cell and a chart of 40 long-labelled bars: the cell
    splits across pages, the chart into several on one scale."""
    from mcim_desk.reports.charts import bar_charts

    note = "\n".join(f"line {i} of a very long note" for i in range(200))
    charts = bar_charts([(f"Objective {i}: " + "a long label that wraps " * 6, i) for i in range(40)],
                        CONTENT_WIDTH)
    assert len(charts) > 1 and all(chart.height <= 520 for chart in charts)
    out = write_pdf(tmp_path / "long.pdf", meta(), [
        data_table(["Field", "Value"], [["Notes", note], ["After", "the end"]],
                   [CONTENT_WIDTH / 4, 3 * CONTENT_WIDTH / 4]),
        *charts,
    ])
    text = text_of(out)
    assert "line 0 of" in text and "line 199 of" in text and "the end" in text
    assert "Objective 39:" in text


def test_long_text_becomes_paragraphs_of_whole_lines_that_keep_every_word(tmp_path: Path) -> None:
    """A long answer flows across pages in many small Paragraphs (one huge Paragraph took
    minutes to split); a line far too long is cut between words, never inside one."""
    from mcim_desk.reports.pdf import CHUNK_CHARS

    lines = [f"ligne {n:05d} <é> & x" for n in range(2000)]
    chunks = text_paras("\n".join(lines))
    assert len(chunks) > 20
    assert all(len(p.text) < 3 * CHUNK_CHARS for p in chunks)
    shown = "<br/>".join(re.sub(r"^<para[^>]*>|</para>$", "", p.text) for p in chunks)
    assert shown == escape_text("\n".join(lines))
    words = " ".join(f"mot{n}" for n in range(200_000))  # about 1.5 MB on one line
    pieces = text_paras(words, indent=12)
    assert len(pieces) > 300
    assert pieces[0].text.startswith('<para leftIndent="12">mot0 mot1 ')
    inner = [re.sub(r"^<para[^>]*>|</para>$", "", p.text) for p in pieces]
    assert " ".join(part.replace("<br/>", " ") for part in inner).split() == words.split()
    out = write_pdf(tmp_path / "long.pdf", meta(), [*chunks])
    assert len(PdfReader(str(out)).pages) > 30
