"""Files that answer image, audio, video and file questions: what a file's first bytes say it
is, whether that fits a question, and the name it is stored under. Plain Python (the service
turns the refusals into messages).

The stored name is the original name made safe on every system (no folder, no character
Windows refuses, no control or bidirectional-override character, at most 100 characters)
with the first 8 hex digits of the content's SHA-256 before the extension:
``plan d’action.pdf`` -> ``plan d’action-3fa2b1c4.pdf``. An answer's value is that name, so
two different files attached as ``plan.pdf`` on two laptops give two different answers,
which a bundle merge then sees (the same file attached twice gives the same name).
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from dataclasses import dataclass

KINDS = ("image", "audio", "video")


@dataclass(frozen=True)
class Format:
    """A kind of file recognised by its first bytes."""

    name: str  # "PNG", "PDF"...
    media_type: str
    kinds: frozenset[str]  # which question types take it (image / audio / video)
    extensions: tuple[str, ...]


def _ftyp(head: bytes) -> bytes | None:
    """The major brand of an ISO media file (MP4, MOV, M4A, 3GP, HEIC...)."""
    return head[8:12] if len(head) >= 12 and head[4:8] == b"ftyp" else None


_IMAGE, _AUDIO, _VIDEO = frozenset({"image"}), frozenset({"audio"}), frozenset({"video"})
_AV = frozenset({"audio", "video"})

PNG = Format("PNG", "image/png", _IMAGE, (".png",))
JPEG = Format("JPEG", "image/jpeg", _IMAGE, (".jpg", ".jpeg", ".jpe", ".jfif"))
GIF = Format("GIF", "image/gif", _IMAGE, (".gif",))
WEBP = Format("WebP", "image/webp", _IMAGE, (".webp",))
BMP = Format("BMP", "image/bmp", _IMAGE, (".bmp",))
TIFF = Format("TIFF", "image/tiff", _IMAGE, (".tif", ".tiff"))
HEIC = Format("HEIC", "image/heic", _IMAGE, (".heic", ".heif"))
AVIF = Format("AVIF", "image/avif", _IMAGE, (".avif",))
MP3 = Format("MP3", "audio/mpeg", _AUDIO, (".mp3",))
WAV = Format("WAV", "audio/wav", _AUDIO, (".wav",))
FLAC = Format("FLAC", "audio/flac", _AUDIO, (".flac",))
AAC = Format("AAC", "audio/aac", _AUDIO, (".aac",))
M4A = Format("M4A", "audio/mp4", _AUDIO, (".m4a",))
AMR = Format("AMR", "audio/amr", _AUDIO, (".amr",))
OGG = Format("Ogg", "audio/ogg", _AV, (".ogg", ".oga", ".ogv", ".opus"))
WEBM = Format("WebM/Matroska", "video/webm", _AV, (".webm", ".mkv", ".mka"))
THREE_GP = Format("3GP", "video/3gpp", _AV, (".3gp", ".3g2"))
MP4 = Format("MP4", "video/mp4", _VIDEO, (".mp4", ".m4v"))
MOV = Format("QuickTime", "video/quicktime", _VIDEO, (".mov", ".qt"))
AVI = Format("AVI", "video/x-msvideo", _VIDEO, (".avi",))
MPEG = Format("MPEG", "video/mpeg", _VIDEO, (".mpg", ".mpeg"))
PDF = Format("PDF", "application/pdf", frozenset(), (".pdf",))


def sniff(head: bytes) -> Format | None:
    """The format the first bytes (32 are enough) say a file is; None when unknown."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and len(head) >= 12:
        return {b"WEBP": WEBP, b"WAVE": WAV, b"AVI ": AVI}.get(head[8:12])
    if head.startswith(b"BM") and len(head) >= 6:
        return BMP
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    brand = _ftyp(head)
    if brand is not None:
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return HEIC
        if brand in (b"avif", b"avis"):
            return AVIF
        if brand in (b"M4A ", b"M4B ", b"M4P "):
            return M4A
        if brand.startswith(b"3g"):
            return THREE_GP
        if brand == b"qt  ":
            return MOV
        return MP4
    # MPEG audio frames start with 11 set bits; layer bits 00 are AAC's (ADTS) instead
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
                                   and head[1] & 0x06):
        return MP3
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return AAC
    if head.startswith(b"fLaC"):
        return FLAC
    if head.startswith(b"#!AMR"):
        return AMR
    if head.startswith(b"OggS"):
        return OGG
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    if head.startswith((b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")):
        return MPEG
    if head.startswith(b"%PDF-"):
        return PDF
    return None


_MIME = mimetypes.MimeTypes()  # Python's own table only: the same answer on every machine


def media_type(file_name: str, head: bytes) -> str:
    """The media type of a file: from its content when recognised, else from its name."""
    found = sniff(head)
    if found is not None:
        return found.media_type
    guessed, _encoding = _MIME.guess_type(file_name, strict=False)
    return guessed or "application/octet-stream"


def extension(file_name: str) -> str:
    """``.pdf`` for ``Plan.PDF``; "" when the name has none."""
    base = file_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    return f".{ext.lower()}" if dot and stem and ext and len(ext) <= 10 and ext.isalnum() else ""


@dataclass(frozen=True)
class Refusal:
    """Why a file does not fit a question: ``code`` says which rule, the rest fills the
    message (the format found, the extensions expected)."""

    code: str  # "unknown_content" / "wrong_kind" / "wrong_extension" / "not_accepted"
    found: str = ""
    expected: str = ""


def check(question_type: str, file_name: str, head: bytes, accept: str | None = None) -> Refusal | None:
    """Whether a file fits a question of ``question_type``: an image, audio or video
    question takes a file whose content is of that kind *and* whose extension is one of
    that content's; a file question takes any file, or what ``accept`` (body::accept:
    ``.pdf,.docx``, ``image/*``, ``application/pdf``) lists."""
    ext = extension(file_name)
    found = sniff(head)
    if question_type in KINDS:
        if found is None:
            return Refusal("unknown_content", expected=", ".join(_extensions_of(question_type)))
        if question_type not in found.kinds:
            return Refusal("wrong_kind", found=found.name, expected=", ".join(_extensions_of(question_type)))
        if ext not in found.extensions:
            return Refusal("wrong_extension", found=found.name, expected=", ".join(found.extensions))
        return None
    if accept and not accepts(accept, file_name, media_type(file_name, head)):
        return Refusal("not_accepted", found=ext or "—", expected=accept)
    return None


def accepts(accept: str, file_name: str, media: str) -> bool:
    """Whether an HTML-style ``accept`` list takes a file of this name and media type."""
    ext = extension(file_name)
    for item in (part.strip().lower() for part in accept.split(",")):
        if not item:
            continue
        if item.startswith("."):
            if ext == item:
                return True
        elif item.endswith("/*"):
            if media.lower().startswith(item[:-1]):
                return True
        elif item == media.lower():
            return True
    return False


def _extensions_of(kind: str) -> list[str]:
    seen: list[str] = []
    for fmt in (PNG, JPEG, GIF, WEBP, BMP, TIFF, HEIC, AVIF, MP3, WAV, FLAC, AAC, M4A, AMR, OGG, WEBM,
                THREE_GP, MP4, MOV, AVI, MPEG):
        if kind in fmt.kinds:
            seen.append(fmt.extensions[0])
    return seen


# Characters no file name may hold on Windows, macOS or Linux.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
NAME_CHARS = 100  # the stem's length at most, before the hash and extension
TAG_HEX = 8


def safe_name(original: str) -> str:
    """``original`` as a name every system takes: its last path part, NFC, without control,
    format (bidirectional overrides) or forbidden characters, trimmed of spaces and dots."""
    base = original.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    kept = []
    for ch in base:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            continue
        kept.append("_" if _FORBIDDEN.match(ch) else (" " if category == "Zs" else ch))
    return "".join(kept).strip(" .")


def stored_name(original: str, sha256: str) -> str:
    """The name a file is stored and answered under (see the module's description)."""
    base = safe_name(original)
    ext = extension(base)
    stem = base[: -len(ext)] if ext else base
    stem = stem.strip(" .")[:NAME_CHARS].strip(" .") or "file"
    if stem.split(".")[0].upper() in _RESERVED:
        stem += "_"
    return f"{stem}-{sha256[:TAG_HEX]}{ext}"


def is_stored_name(value: str) -> bool:
    """Whether ``value`` could be a stored file name: one path part, no control character."""
    return bool(value) and value == safe_name(value) and len(value) <= 255


__all__ = [
    "Format", "KINDS", "Refusal", "accepts", "check", "extension", "is_stored_name", "media_type",
    "safe_name", "sniff", "stored_name",
]
