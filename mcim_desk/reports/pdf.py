"""What every report shares: the embedded DejaVu fonts, the one escape helper, styles, the page
template (header, footer "page X of Y", generation date, fictional-data banner, metadata,
outline), tables that repeat their header row, and atomic writing.

User text is data, never markup: reportlab's ``Paragraph`` reads a mini-markup (``<img>``,
``<a href>``, ``<b>``...), so every piece of text that did not come from this program goes
through :func:`escape_text` before it reaches a ``Paragraph`` (:func:`para` does it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ..files import atomic_write  # the one writer of private files (re-exported)
from ..paths import resource_path

# Page streams are Flate-compressed binary, not also ASCII85-encoded (reportlab's default, a
# 7-bit-safe form nobody needs for a file): a quarter smaller, and reportlab's pure-Python
# encoder cost about 10% of a summary's build time.
rl_config.useA85 = 0

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_FONTS_LOCK = threading.Lock()
_fonts_ready = False

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f4e8c")
ACCENT_LIGHT = colors.HexColor("#dbe5f1")
RULE = colors.HexColor("#9aa7b8")
FICTIONAL_RED = colors.HexColor("#b00020")


def fonts_dir() -> Path:
    return resource_path("resources", "fonts")


def register_fonts() -> None:
    """Register the DejaVu Sans family (embedded as TrueType subsets); idempotent."""
    global _fonts_ready
    if _fonts_ready:
        return
    with _FONTS_LOCK:
        if _fonts_ready:
            return
        from .font_cache import load_font

        folder = fonts_dir()
        for name, filename in _FONT_FILES.items():
            path = folder / filename
            if not path.is_file():
                raise FileNotFoundError(f"font file missing: {path}")
            pdfmetrics.registerFont(load_font(name, path))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        _fonts_ready = True


# --- escaping -----------------------------------------------------------------------------

# Control characters other than tab and newline make reportlab's parser fail or draw boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_text(s: object) -> str:
    """User text -> Paragraph markup that prints exactly that text: ``& < > " '`` escaped,
    line breaks as ``<br/>``. ``None`` gives an empty string."""
    if s is None:
        return ""
    text = _CONTROL.sub("", str(s).replace("\r\n", "\n").replace("\r", "\n"))
    text = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )
    return text.replace("\t", "    ").replace("\n", "<br/>")


# --- styles -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    banner: ParagraphStyle


_STYLES: Styles | None = None


def styles() -> Styles:
    global _STYLES
    if _STYLES is None:
        register_fonts()
        base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK,
                              bulletFontName=FONT)
        _STYLES = Styles(
            title=ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=22, leading=28,
                                 textColor=ACCENT, spaceAfter=10),
            subtitle=ParagraphStyle("subtitle", base, fontSize=13, leading=18, textColor=MUTED,
                                    spaceAfter=6),
            h1=ParagraphStyle("h1", base, fontName=FONT_BOLD, fontSize=15, leading=19,
                              textColor=ACCENT, spaceBefore=8, spaceAfter=6, keepWithNext=1),
            h2=ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                              textColor=ACCENT, spaceBefore=10, spaceAfter=4, keepWithNext=1),
            h3=ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=10, leading=13,
                              spaceBefore=6, spaceAfter=3, keepWithNext=1),
            body=ParagraphStyle("body2", base, spaceAfter=4),
            small=ParagraphStyle("small", base, fontSize=8.5, leading=11),
            muted=ParagraphStyle("muted", base, fontSize=8.5, leading=11, textColor=MUTED),
            cell=ParagraphStyle("cell", base, fontSize=8.5, leading=10.5),
            cell_bold=ParagraphStyle("cell_bold", base, fontName=FONT_BOLD, fontSize=8.5,
                                     leading=10.5),
            header_cell=ParagraphStyle("header_cell", base, fontName=FONT_BOLD, fontSize=8.5,
                                       leading=10.5, textColor=colors.white),
            quote=ParagraphStyle("quote", base, fontName=FONT_ITALIC, leftIndent=14,
                                 rightIndent=10, spaceBefore=2, spaceAfter=2),
            bullet=ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=1),
            banner=ParagraphStyle("banner", base, fontName=FONT_BOLD, fontSize=10,
                                  textColor=FICTIONAL_RED, alignment=TA_CENTER),
        )
    return _STYLES


# Where a long address may break: after "/" or "-", before "@" and "." (never inside a word).
_ADDRESS_BREAK = re.compile(r"(?<=[/-])(?=[^/-])|(?=[@.][^\s@.])")
_LONG_WORD = re.compile(r"\S{16,}")


def break_addresses(text: str, width: float, font: str, size: float) -> str:
    """``text`` with a line break inserted inside each word wider than ``width`` that holds
    an e-mail or web address, at ``@``, ``.`` or ``/`` only; reportlab would otherwise cut
    such a word anywhere ("demo.sacm@exam" / "ple.org")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if not any(c in word for c in "@./") or stringWidth(word, font, size) <= width:
            return word
        lines, line = [], ""
        for piece in _ADDRESS_BREAK.split(word):
            if line and stringWidth(line + piece, font, size) > width:
                lines.append(line)
                line = piece
            else:
                line += piece
        lines.append(line)
        return "\n".join(lines)

    return _LONG_WORD.sub(split, text)


class TextParagraph(Paragraph):
    """A Paragraph of plain (user) text, escaped; long e-mail and web addresses break at
    ``@``, ``.`` or ``/`` for the width it is given."""

    def __init__(self, text: object, style: ParagraphStyle, **kwargs: Any) -> None:
        self._plain = "" if text is None else str(text)
        self._broken_for: float | None = None
        self._kwargs = kwargs
        super().__init__(escape_text(self._plain), style, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        width = availWidth - self.style.leftIndent - self.style.rightIndent
        if self._broken_for != width and _LONG_WORD.search(self._plain):
            broken = break_addresses(self._plain, width, self.style.fontName, self.style.fontSize)
            self._broken_for = width
            plain, broken_for = self._plain, self._broken_for
            Paragraph.__init__(self, escape_text(broken), self.style, **self._kwargs)
            self._plain, self._broken_for = plain, broken_for
        return super().wrap(availWidth, availHeight)


def para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of user (or any untrusted) text, escaped."""
    return TextParagraph(text, style or styles().body)


def markup_para(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of markup the caller built itself, every user part through escape_text."""
    return Paragraph(markup, style or styles().body)


# Lines of user text per Paragraph: reportlab wraps and splits one Paragraph in time that grows
# with the square of its length, so a long answer of many short lines (30,000 characters, the
# limit, as 2,000 lines) took 13 s as one Paragraph; in chunks it flows across pages in 1 s.
CHUNK_CHARS = 800


def text_paras(text: object, style: ParagraphStyle | None = None, indent: float = 0,
               wrap: tuple[str, str] = ("", "")) -> list[Paragraph]:
    """User text as several Paragraphs of whole lines (at most about CHUNK_CHARS each), escaped,
    so that a long answer or note flows across pages quickly; ``wrap`` is markup put around
    each chunk (``("<i>", "</i>")``)."""
    style = style or styles().body
    lines: list[str] = []
    for line in ("" if text is None else str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # A line far longer than a chunk (text stored before there was a limit: a 1 MB answer
        # took 205 s as one Paragraph) is cut between words, the pieces read on as lines.
        while len(line) > 4 * CHUNK_CHARS:
            cut = line.rfind(" ", CHUNK_CHARS, 2 * CHUNK_CHARS)
            cut = cut if cut > 0 else 2 * CHUNK_CHARS
            lines.append(line[:cut])
            line = line[cut:].lstrip(" ")
        lines.append(line)
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if chunks[-1] and size + len(line) > CHUNK_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line) + 1
    head = f'<para leftIndent="{indent}">' if indent else ""
    tail = "</para>" if indent else ""
    # The chunks read as one paragraph: the style's space before the first and after the last.
    inner = [ParagraphStyle(f"{style.name}-chunk", style, spaceBefore=0, spaceAfter=0)] if len(chunks) > 1 else []
    out = []
    for index, chunk in enumerate(chunks):
        if len(chunks) == 1:
            chunk_style = style
        elif index == 0:
            chunk_style = ParagraphStyle(f"{style.name}-first", style, spaceAfter=0)
        elif index == len(chunks) - 1:
            chunk_style = ParagraphStyle(f"{style.name}-last", style, spaceBefore=0)
        else:
            chunk_style = inner[0]
        body = escape_text("\n".join(chunk))
        out.append(Paragraph(f"{head}{wrap[0]}{body}{wrap[1]}{tail}", chunk_style))
    return out


def bullets(items: Sequence[str], style: ParagraphStyle | None = None) -> list[Paragraph]:
    style = style or styles().bullet
    return [TextParagraph(item, style, bulletText="•") for item in items]


class Heading(Paragraph):
    """A heading that adds an outline (bookmark) entry at ``level`` where it lands."""

    def __init__(self, text: str, style: ParagraphStyle, level: int = 0) -> None:
        super().__init__(escape_text(text), style)
        self.outline_title = text
        self.outline_level = level


# --- tables -------------------------------------------------------------------------------


def data_table(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    zebra: bool = True,
    extra_style: Sequence[tuple] = (),
) -> Table:
    """A table whose header row repeats on every page it spans (``header`` None: no header
    row); string cells are escaped into wrapping Paragraphs, flowables are kept as they are."""
    st = styles()
    data: list[list[object]] = [[para(h, st.header_cell) for h in header]] if header else []
    for row in rows:
        data.append([c if isinstance(c, Flowable | list) else para(c, st.cell) for c in row])
    # splitInRow: a cell taller than a page (a long note) splits across pages instead of
    # failing the whole report.
    table = Table(data, colWidths=list(col_widths), repeatRows=1 if header else 0, hAlign="LEFT",
                  splitInRow=40)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    if zebra:
        for index in range(2 if header else 1, len(data), 2):
            commands.append(("BACKGROUND", (0, index), (-1, index), colors.HexColor("#f3f6fa")))
    commands.extend(extra_style)
    table.setStyle(TableStyle(commands))
    return table


# --- the document -------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfMeta:
    """What the page template and the PDF's metadata say (all texts already in the
    report's language)."""

    title: str
    subject: str
    lang: str  # "fr" or "en": the catalog's /Lang
    header: str  # short title in the page header
    generated: str  # e.g. "Generated on 26 November 2026 at 16:05"
    page_format: str  # e.g. "page {page} of {pages}"
    fictional_banner: str | None = None  # "FICTIONAL DATA — DEMONSTRATION" on a demo database
    author: str = "MCIM Desk"
    creator: str = "MCIM Desk"


def page_decorator(meta: PdfMeta) -> Callable[[Canvas, int, int], None]:
    width, height = PAGE_SIZE

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        top = height - 12 * mm
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, top, _fit(meta.header, FONT, 7.5, CONTENT_WIDTH * 0.62))
        canvas.drawRightString(width - MARGIN_X, top, "MCIM Desk")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, top - 3, width - MARGIN_X, top - 3)
        bottom = 10 * mm
        canvas.line(MARGIN_X, bottom + 9, width - MARGIN_X, bottom + 9)
        canvas.drawString(MARGIN_X, bottom, meta.generated)
        canvas.drawRightString(
            width - MARGIN_X, bottom, meta.page_format.format(page=page, pages=pages)
        )
        if meta.fictional_banner:
            canvas.setFillColor(FICTIONAL_RED)
            canvas.setFont(FONT_BOLD, 9)
            canvas.drawCentredString(width / 2, top - 12, meta.fictional_banner)
            canvas.drawCentredString(width / 2, bottom - 11, meta.fictional_banner)
        canvas.restoreState()

    return decorate


def _fit(text: str, font: str, size: float, width: float) -> str:
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _numbered_canvas(decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages until the end, so every page can say "page X of Y".

    Bookmarks point at the page being written, which only exists once the page is really
    emitted: they are recorded with the page and replayed when it is.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            self._page_bookmarks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 - reportlab API
            self._page_bookmarks.append((key, kwargs))

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            state = dict(self.__dict__)
            state["_page_bookmarks"] = list(self._page_bookmarks)
            self._held_pages.append(state)
            self._page_bookmarks = []
            self._startPage()

        def save(self) -> None:
            pages = self._held_pages
            total = len(pages)
            for state in pages:
                self.__dict__.update(state)
                for key, kwargs in state["_page_bookmarks"]:
                    Canvas.bookmarkPage(self, key, **kwargs)
                decorate(self, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class ReportDocument(BaseDocTemplate):
    """A4 portrait, one frame; headings (:class:`Heading`) become outline entries."""

    def __init__(self, filename: str, meta: PdfMeta) -> None:
        register_fonts()
        width, height = PAGE_SIZE
        super().__init__(
            filename,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            creator=meta.creator,
            producer="MCIM Desk (ReportLab)",
            lang=meta.lang,
            initialFontName=FONT,  # else the page preamble names Helvetica
            displayDocTitle=1,
        )
        self.meta = meta
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width - 2 * MARGIN_X,
            height - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._outline_count = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
        title = getattr(flowable, "outline_title", None)
        if title is None:
            return
        self._outline_count += 1
        key = f"section-{self._outline_count}"
        top = self.frame._y + getattr(flowable, "height", 0)  # the heading's top on the page
        self.canv.bookmarkHorizontalAbsolute(key, top + 4)
        level = getattr(flowable, "outline_level", 0)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
        self.canv.showOutline()

    def build_story(self, story: list[Flowable]) -> None:
        self.build(story, canvasmaker=_numbered_canvas(page_decorator(self.meta)))


def glue_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """Put headings (styles with keepWithNext) inside the KeepTogether block that follows
    them: reportlab's own keepWithNext skips KeepTogether blocks, which left a heading
    alone at the foot of a page."""
    out: list[Flowable] = []
    pending: list[Flowable] = []
    for flowable in story:
        if not isinstance(flowable, KeepTogether) and flowable.getKeepWithNext():
            pending.append(flowable)
            continue
        if pending and isinstance(flowable, KeepTogether):
            flowable = KeepTogether([*pending, *flowable._content])
        else:
            out.extend(pending)
        pending = []
        out.append(flowable)
    out.extend(pending)
    return out


def write_pdf(out: Path, meta: PdfMeta, story: list[Flowable]) -> Path:
    """Build the story into ``out`` atomically (a temporary file beside it, then replace)."""
    story = glue_headings(story)

    def build(temp: Path) -> None:
        ReportDocument(str(temp), meta).build_story(story)

    return atomic_write(out, build)


__all__ = [
    "ACCENT", "CONTENT_WIDTH", "FONT", "FONT_BOLD", "FONT_ITALIC", "Heading", "PdfMeta",
    "ReportDocument", "TA_LEFT", "atomic_write", "glue_headings", "bullets", "data_table",
    "escape_text", "markup_para", "para", "register_fonts", "styles", "write_pdf",
]
