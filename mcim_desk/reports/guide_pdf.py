"""The user guide as a PDF, in one language: its title, then each section (bookmarked) with
its paragraphs and lists. Every text goes through ``escape_text`` before the guide's own
emphasis is added. Its screenshots are scaled to the page's width."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, Spacer

from ..domain.guide import Block, Guide, inline_reportlab
from .labels import label
from .pdf import MARGIN_X, PAGE_SIZE, Heading, PdfMeta, escape_text, markup_para, styles, write_pdf

SUBJECT = {"en": "MCIM Desk user guide", "fr": "Guide d’utilisation de MCIM Desk"}


# A screenshot at about 110 pixels per inch, never wider than the text: the guide's images are
# made 820 pixels wide at most (devtools/screenshots.py), so a window fills the width.
PIXELS_PER_POINT = 110 / 72
MAX_IMAGE_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X - 12  # the frame's width, less its padding


def _image(path: Path) -> list:
    if not path.is_file():  # a guide being written: its text prints all the same
        return []
    width, height = ImageReader(str(path)).getSize()
    scale = min(1 / PIXELS_PER_POINT, MAX_IMAGE_WIDTH / width)
    image = Image(str(path), width * scale, height * scale)
    image.hAlign = "CENTER"
    return [Spacer(1, 4), image, Spacer(1, 6)]


def _blocks(blocks: tuple[Block, ...], images: Path) -> list:
    st = styles()
    out: list = []
    for block in blocks:
        if block.kind == "img":
            out += _image(images / block.items[0])
        elif block.kind == "ul":
            out += [Paragraph(inline_reportlab(item, escape_text), st.bullet, bulletText="•")
                    for item in block.items]
            out.append(Spacer(1, 3))
        else:
            out.append(markup_para(inline_reportlab(block.items[0], escape_text)))
    return out


def write_guide_pdf(guide: Guide, lang: str, generated: str, out: Path, images: Path) -> Path:
    """``images``: the folder the guide's image paths are relative to."""
    st = styles()
    meta = PdfMeta(title=guide.title, subject=SUBJECT[lang], lang=lang, header=guide.title,
                   generated=generated, page_format=label("page", lang))
    story: list = [Heading(guide.title, st.title, 0), *_blocks(guide.intro, images)]
    for section in guide.sections:
        story.append(Heading(section.title, st.h1, 1))
        story += _blocks(section.blocks, images)
    return write_pdf(out, meta, story)
