"""The kept parse of the DejaVu faces (reports/font_cache.py) gives the same font as reportlab's
own parse, is used on the next load, and is ignored when it is damaged or stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from mcim_desk.reports.font_cache import _KeptTTFont, load_font
from mcim_desk.reports.pdf import fonts_dir

TEXT = "Ça coûte 12 € — naïveté, œuvre, Ñandú, İstanbul"


def _comparable(value: object) -> object:
    return bytes(value) if isinstance(value, bytes) else value


def test_a_kept_face_is_the_parsed_face(tmp_path: Path) -> None:
    path = fonts_dir() / "DejaVuSans-Bold.ttf"
    parsed = load_font("KeptBold", path, tmp_path)  # first load: parsed, then kept
    assert type(parsed) is TTFont
    assert (tmp_path / "DejaVuSans-Bold.face").is_file()
    kept = load_font("KeptBold", path, tmp_path)
    assert type(kept) is _KeptTTFont
    assert sorted(vars(kept)) == sorted(vars(parsed))
    for key, value in vars(parsed.face).items():
        if key in ("_pdfScale", "glyphToChar"):
            continue
        assert _comparable(getattr(kept.face, key)) == _comparable(value), key
    assert kept.face.name.ustr == parsed.face.name.ustr
    assert kept.face._pdfScale(2048) == parsed.face._pdfScale(2048)
    assert kept.stringWidth(TEXT, 10) == parsed.stringWidth(TEXT, 10)
    assert kept.shapable == parsed.shapable


def test_a_pdf_drawn_with_a_kept_face_embeds_the_text(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics

    path = fonts_dir() / "DejaVuSans.ttf"
    load_font("KeptSans", path, tmp_path)
    font = load_font("KeptSans", path, tmp_path)
    assert isinstance(font, _KeptTTFont)
    pdfmetrics.registerFont(font)
    out = tmp_path / "kept.pdf"
    canvas = Canvas(str(out))
    canvas.setFont("KeptSans", 12)
    canvas.drawString(40, 700, TEXT)
    canvas.save()
    assert TEXT in PdfReader(out).pages[0].extract_text()


def test_a_damaged_or_stale_cache_is_parsed_again(tmp_path: Path) -> None:
    path = fonts_dir() / "DejaVuSans-Oblique.ttf"
    load_font("KeptOblique", path, tmp_path)
    kept = tmp_path / "DejaVuSans-Oblique.face"
    kept.write_bytes(b"\x00not marshal")
    assert type(load_font("KeptOblique", path, tmp_path)) is TTFont
    assert type(load_font("KeptOblique", path, tmp_path)) is _KeptTTFont  # rewritten
    copy = tmp_path / "fonts" / path.name
    copy.parent.mkdir()
    shutil.copy(path, copy)
    load_font("KeptOblique", copy, tmp_path)
    os.utime(copy, ns=(1, 1))  # the font file changed: the kept parse is not its parse
    assert type(load_font("KeptOblique", copy, tmp_path)) is TTFont


def test_a_cache_folder_that_cannot_be_written_still_gives_the_font(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    font = load_font("KeptSans2", fonts_dir() / "DejaVuSans.ttf", blocked / "cache")
    assert font.stringWidth("abc", 10) > 0
