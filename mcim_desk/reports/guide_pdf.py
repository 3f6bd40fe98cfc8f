"""The user guide as a PDF, in one language: its title, then each section (bookmarked) with
its paragraphs and lists. Every text goes through ``escape_text`` before the guide's own
emphasis is added."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from ..domain.guide import Block, Guide, inline_reportlab
from .labels import label
from .pdf import Heading, PdfMeta, escape_text, markup_para, styles, write_pdf

SUBJECT = {"en": "MCIM Desk user guide", "fr": "Guide d’utilisation de MCIM Desk"}


def _blocks(blocks: tuple[Block, ...]) -> list:
    st = styles()
    out: list = []
    for block in blocks:
        if block.kind == "ul":
            out += [Paragraph(inline_reportlab(item, escape_text), st.bullet, bulletText="•")
                    for item in block.items]
            out.append(Spacer(1, 3))
        else:
            out.append(markup_para(inline_reportlab(block.items[0], escape_text)))
    return out


def write_guide_pdf(guide: Guide, lang: str, generated: str, out: Path) -> Path:
    st = styles()
    meta = PdfMeta(title=guide.title, subject=SUBJECT[lang], lang=lang, header=guide.title,
                   generated=generated, page_format=label("page", lang))
    story: list = [Heading(guide.title, st.title, 0), *_blocks(guide.intro)]
    for section in guide.sections:
        story.append(Heading(section.title, st.h1, 1))
        story += _blocks(section.blocks)
    return write_pdf(out, meta, story)
