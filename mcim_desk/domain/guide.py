"""The user guide (``resources/guide/<lang>.md``): a small Markdown subset read into
sections, and written as HTML for the window or as reportlab markup for the PDF. Pure Python.

The subset: ``# title``, ``## Section {#id}``, paragraphs, ``- `` bullet lists (continued by
indented lines), ``*menu or emphasis*``, ``**bold**``, ``` `code` ``` and, alone on its line,
``![what it shows](images/<screen>-<lang>.png)`` (a screenshot, path relative to the guide's
folder, made by ``dev.py screenshots --guide``). Every piece of text is escaped before markup
is added, in both outputs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

SECTION_IDS = ("first-start", "questionnaire", "interviews", "followups", "bundles", "reports",
               "pdf-form", "backups", "postgresql", "search")

_SECTION = re.compile(r"^##\s+(.*?)\s*\{#([a-z0-9-]+)\}\s*$")
_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`")
_MENU = re.compile(r"\*([^*]+?) > ([^*]+?)\*")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)\)$")
_BREAKABLE = re.compile(r"[ \t\r\n]+")  # str.split() would also eat French no-break spaces


def _collapse(text: str) -> str:
    return _BREAKABLE.sub(" ", text).strip(" \t")


@dataclass(frozen=True)
class Block:
    kind: str  # "p", "ul" or "img"
    items: tuple[str, ...]  # the paragraph's text (one item), the list's items, or (path, alt)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Guide:
    title: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...] = field(default=())

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def texts(self) -> list[str]:
        out = [self.title]
        for block in self.intro:
            out += block.items
        for section in self.sections:
            out.append(section.title)
            for block in section.blocks:
                out += block.items[1:] if block.kind == "img" else block.items
        return out

    def menu_references(self) -> list[tuple[str, str]]:
        """Every ``*Menu > Entry*`` the guide names."""
        return [(m.group(1).strip(), m.group(2).strip()) for t in self.texts() for m in _MENU.finditer(t)]

    def images(self) -> list[str]:
        """The screenshots it shows, as paths relative to the guide's folder."""
        return [b.items[0] for blocks in (self.intro, *(s.blocks for s in self.sections))
                for b in blocks if b.kind == "img"]


def parse(text: str) -> Guide:
    title = ""
    intro: list[Block] = []
    sections: list[Section] = []
    current: list[Block] = intro
    heading: tuple[str, str] | None = None
    lines: list[str] = []  # the paragraph or list being read
    kind = ""

    def flush() -> None:
        nonlocal lines, kind
        if lines:
            if kind == "ul":
                current.append(Block("ul", tuple(_collapse(item) for item in lines)))
            else:
                current.append(Block("p", (_collapse(" ".join(lines)),)))
        lines, kind = [], ""

    def close_section() -> None:
        if heading is not None:
            sections.append(Section(heading[1], heading[0], tuple(current)))

    for raw in text.splitlines():
        line = raw.rstrip(" \t\r\n")
        section = _SECTION.match(line)
        image = _IMAGE.match(line.strip())
        if line.startswith("# ") and not title:
            title = line[2:].strip()
        elif section:
            flush()
            close_section()
            heading = (section.group(1), section.group(2))
            current = []
        elif not line.strip():
            flush()
        elif image:
            flush()
            current.append(Block("img", (image.group(2), image.group(1))))
        elif line.startswith("- "):
            if kind != "ul":
                flush()
                kind = "ul"
            lines.append(line[2:])
        elif kind == "ul" and raw.startswith("  ") and lines:
            lines[-1] += " " + line.strip(" \t")
        else:
            if kind == "ul":
                flush()
            kind = "p"
            lines.append(line.strip(" \t"))
    flush()
    close_section()
    return Guide(title, tuple(intro), tuple(sections))


def _inline(text: str, bold: tuple[str, str], em: tuple[str, str], code: tuple[str, str],
            escape) -> str:  # noqa: ANN001
    out, last = [], 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[last:match.start()]))
        strong, emphasis, literal = match.groups()
        if strong is not None:
            out.append(bold[0] + escape(strong) + bold[1])
        elif emphasis is not None:
            out.append(em[0] + escape(emphasis) + em[1])
        else:
            out.append(code[0] + escape(literal) + code[1])
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def inline_html(text: str) -> str:
    return _inline(text, ("<b>", "</b>"), ("<i>", "</i>"), ("<code>", "</code>"),
                   lambda s: html.escape(s, quote=False))


def inline_reportlab(text: str, escape) -> str:  # noqa: ANN001 - reports.pdf.escape_text
    return _inline(text, ("<b>", "</b>"), ("<i>", "</i>"), ("<font face='Courier'>", "</font>"), escape)


def to_html(guide: Guide) -> str:
    """The whole guide as HTML for a QTextBrowser, each section under ``<a name=id>``."""
    parts = [f"<h1>{html.escape(guide.title)}</h1>"]
    parts += [_block_html(b) for b in guide.intro]
    for section in guide.sections:
        parts.append(f"<a name='{section.id}'></a><h2>{html.escape(section.title)}</h2>")
        parts += [_block_html(b) for b in section.blocks]
    return "\n".join(parts)


def _block_html(block: Block) -> str:
    if block.kind == "img":
        path, alt = block.items
        return f"<p align='center'><img src='{html.escape(path)}' alt='{html.escape(alt)}'></p>"
    if block.kind == "ul":
        return "<ul>" + "".join(f"<li>{inline_html(i)}</li>" for i in block.items) + "</ul>"
    return f"<p>{inline_html(block.items[0])}</p>"
