"""The DejaVu faces, parsed once and kept: reportlab reads a TrueType file's tables (glyph
widths, character map, glyph positions) into Python dicts each time a process registers it,
about a tenth of a second for the four faces, which a fresh ``mcim-desk report`` paid on every
run. What the parse gives is kept in the data folder's ``cache/`` as plain values (``marshal``:
numbers, strings, lists and dicts only, never code), keyed by the font file's size and time
and reportlab's version; loading it takes a few milliseconds. The font file itself is still
read (its bytes are what the PDF embeds as subsets).

A cache that cannot be read or written (a read-only data folder, a damaged file) is ignored:
the font is then parsed as before.
"""

from __future__ import annotations

import logging
import marshal
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version, rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

log = logging.getLogger(__name__)

_FORMAT = 1
# Rebuilt on load (_ttf_data: the file's bytes; _pdfScale: a function) or used only during
# the parse itself (glyphToChar: reportlab reads it in extractInfo and never after).
_NOT_KEPT = ("_ttf_data", "_pdfScale", "glyphToChar")
_NAME = "__ttf_name__"  # marks a TTFNameBytes (bytes with its decoded text) in the kept values


def cache_folder() -> Path:
    from ..paths import data_dir

    return data_dir() / "cache"


def load_font(name: str, path: Path, folder: Path | None = None) -> TTFont:
    """``TTFont(name, path)``, from the kept parse when there is a valid one."""
    try:
        folder = folder or cache_folder()
        stat = path.stat()
        key = f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}:reportlab {Version}:{_FORMAT}"
        kept = folder / f"{path.stem}.face"
    except OSError:
        return TTFont(name, str(path))
    try:
        state = marshal.loads(kept.read_bytes())
        if isinstance(state, dict) and state.pop("__key__", None) == key:
            return _KeptTTFont(name, _face_from(state, path))
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass  # missing or unreadable: parse, and keep it for the next run
    font = TTFont(name, str(path))
    try:
        from ..files import write_bytes

        write_bytes(kept, marshal.dumps({**_state_of(font.face), "__key__": key}), make_folder=True)
    except (OSError, ValueError) as exc:
        log.info("font cache not written (%s): the font is parsed on each run", type(exc).__name__)
    return font


def _state_of(face: TTFontFace) -> dict:
    state = {}
    for key, value in vars(face).items():
        if key in _NOT_KEPT:
            continue
        if isinstance(value, TTFNameBytes):
            value = {_NAME: value.ustr}
        state[key] = value
    return state


def _face_from(state: dict, path: Path) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    for key, value in state.items():
        if isinstance(value, dict) and _NAME in value:
            value = TTFNameBytes(value[_NAME].encode("utf-8"))
        setattr(face, key, value)
    face._ttf_data = path.read_bytes()
    face.glyphToChar = {}
    units = face.unitsPerEm  # as TTFontFile.extractInfo scales
    if units == 1000:
        face._pdfScale = lambda x: x
    else:
        factor = 1000 / units
        face._pdfScale = lambda x: x * factor
    return face


class _KeptTTFont(TTFont):
    """A TTFont around a face loaded from the cache: what ``TTFont.__init__`` sets, without
    its parse (tests/unit/reports/test_font_cache.py checks both give the same font)."""

    def __init__(self, name: str, face: TTFontFace) -> None:  # no super().__init__: no parse
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
