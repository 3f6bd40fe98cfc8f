"""The user guide: read from ``resources/guide/<lang>.md``, printed as a PDF."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..domain.guide import Guide, parse
from ..paths import resource_path

LANGUAGES = ("fr", "en")


def guide_file(lang: str) -> Path:
    return resource_path("resources", "guide", f"{lang if lang in LANGUAGES else 'en'}.md")


@cache
def load_guide(lang: str) -> Guide:
    return parse(guide_file(lang).read_text(encoding="utf-8"))


def print_guide(lang: str, out: Path) -> Path:
    """The guide in ``lang`` as a PDF at ``out`` (written atomically)."""
    from .. import clock
    from ..reports.guide_pdf import write_guide_pdf
    from ..reports.labels import label

    generated = label("generated", lang, date=clock.localnow().strftime("%Y-%m-%d %H:%M"))
    return write_guide_pdf(load_guide(lang), lang, generated, Path(out), guide_file(lang).parent)
