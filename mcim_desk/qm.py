"""A reader of Qt's compiled translation catalogues (``.qm``), for the command line: the same
file the window's QTranslator loads (resources/i18n/mcim_desk_fr.qm, made by lrelease from the
.ts), looked up as QTranslator looks it up, without importing Qt (PySide6's QtCore and its
import hook cost a fresh ``mcim-desk report`` about a fifth of a second).

The format is Qt's (qtranslator.cpp): a 16-byte magic, then tagged sections (one byte tag, a
big-endian 32-bit length). "Hashes" holds (hash, offset) pairs sorted by hash, the ELF hash of
the source text followed by the disambiguation; "Messages" the records they point to, each a
run of tags: translation(s) in UTF-16BE (one per plural form), source text, context and
disambiguation in UTF-8; "NumerusRules" the byte code that picks the plural form for a count;
"Contexts" (absent from what lrelease writes by default) a hash table of the contexts present.
tests/unit/test_qm_catalogue.py compares every message of the catalogue with QTranslator.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_CONTEXTS, _HASHES, _MESSAGES, _NUMERUS_RULES = 0x2F, 0x42, 0x69, 0x88
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
# numerus rule byte code
_EQ, _LT, _LEQ, _BETWEEN, _OPERATOR = 0x01, 0x02, 0x03, 0x04, 0x07
_NOT, _MOD_10, _MOD_100, _LEAD_1000 = 0x08, 0x10, 0x20, 0x40
_AND, _OR = 0xFD, 0xFE


class CatalogueError(ValueError):
    """Not a .qm file this reader understands."""


def _elf_hash(data: bytes, h: int = 0) -> int:
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "big")


def _matches(found: bytes, target: bytes) -> bool:
    if found.endswith(b"\0"):  # as Qt: a stored length may include a terminating zero
        found = found[:-1]
    return found == target


class QmCatalogue:
    """One .qm file. ``translate`` answers as ``QTranslator.translate``: the translation, or
    None where QTranslator gives a null string (no such message, or not translated)."""

    def __init__(self, data: bytes) -> None:
        if data[:16] != MAGIC:
            raise CatalogueError("not a Qt translation catalogue")
        sections: dict[int, bytes] = {}
        at = 16
        while at < len(data):
            if at + 5 > len(data):
                raise CatalogueError("truncated section header")
            tag, length = data[at], _u32(data, at + 1)
            if at + 5 + length > len(data):
                raise CatalogueError("truncated section")
            sections[tag] = data[at + 5:at + 5 + length]
            at += 5 + length
        self._messages = sections.get(_MESSAGES, b"")
        hashes = sections.get(_HASHES, b"")
        pairs = [(_u32(hashes, i), _u32(hashes, i + 4)) for i in range(0, len(hashes) - 7, 8)]
        self._hash_keys = [h for h, _ in pairs]
        self._offsets = [o for _, o in pairs]
        self._contexts = sections.get(_CONTEXTS, b"")
        self._rules = sections.get(_NUMERUS_RULES, b"")

    @classmethod
    def load(cls, path: Path) -> QmCatalogue:
        return cls(Path(path).read_bytes())

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        ctx, text = context.encode("utf-8"), source.encode("utf-8")
        comment = (disambiguation or "").encode("utf-8")
        if not self._messages or (self._contexts and not self._has_context(ctx)):
            return None
        numerus = self.numerus_form(n) if n >= 0 else 0
        while True:
            h = _elf_hash(comment, _elf_hash(text)) or 1
            index = bisect_left(self._hash_keys, h)
            while index < len(self._hash_keys) and self._hash_keys[index] == h:
                found = self._message(self._offsets[index], ctx, text, comment, numerus)
                if found is not None:
                    return found
                index += 1
            if not comment:
                return None
            comment = b""  # as Qt: then the same text without a disambiguation

    def _message(self, at: int, context: bytes, text: bytes, comment: bytes, numerus: int) -> str | None:
        data, end = self._messages, len(self._messages)
        translation = None
        while True:
            tag = data[at] if at < end else 0
            at += 1
            if tag == _END:
                break
            if tag == _TRANSLATION:
                length = _u32(data, at)
                if length & 1 or at + 4 + length > end:  # odd (0xFFFFFFFF: null), or cut short
                    return None
                at += 4
                if numerus == 0:
                    translation = data[at:at + length]
                numerus -= 1
                at += length
            elif tag == _OBSOLETE1:
                at += 4
            elif tag in (_SOURCE, _CONTEXT, _COMMENT):
                length = _u32(data, at)
                at += 4
                if at + length > end:
                    return None
                wanted = {_SOURCE: text, _CONTEXT: context, _COMMENT: comment}[tag]
                if not _matches(data[at:at + length], wanted):
                    return None
                at += length
            else:
                return None
        return None if translation is None else translation.decode("utf-16-be", "replace")

    def _has_context(self, context: bytes) -> bool:
        table = self._contexts
        size = int.from_bytes(table[0:2], "big")
        if not size:
            return False
        slot = 2 + (_elf_hash(context) % size) * 2
        offset = int.from_bytes(table[slot:slot + 2], "big")
        if offset == 0:
            return False
        at = 2 + size * 2 + offset * 2
        while at < len(table):
            length = table[at]
            at += 1
            if length == 0:
                return False
            if _matches(table[at:at + length], context):
                return True
            at += length
        return False

    def numerus_form(self, n: int) -> int:
        """Which plural form serves the count ``n`` (Qt's numerusHelper over the rules)."""
        rules, size = self._rules, len(self._rules)
        if not size:
            return 0
        result, i = 0, 0
        while True:
            any_true = False
            while True:
                all_true = True
                while True:
                    if i >= size:
                        return 0
                    opcode = rules[i]
                    i += 1
                    left = n
                    if opcode & _MOD_10:
                        left %= 10
                    elif opcode & _MOD_100:
                        left %= 100
                    elif opcode & _LEAD_1000:
                        while left >= 1000:
                            left //= 1000
                    if i >= size:
                        return 0
                    right = rules[i]
                    i += 1
                    operator = opcode & _OPERATOR
                    if operator == _EQ:
                        truth = left == right
                    elif operator == _LT:
                        truth = left < right
                    elif operator == _LEQ:
                        truth = left <= right
                    elif operator == _BETWEEN:
                        if i >= size:
                            return 0
                        truth = right <= left <= rules[i]
                        i += 1
                    else:
                        return 0
                    if opcode & _NOT:
                        truth = not truth
                    all_true = all_true and truth
                    if i == size or rules[i] != _AND:
                        break
                    i += 1
                any_true = any_true or all_true
                if i == size or rules[i] != _OR:
                    break
                i += 1
            if any_true:
                return result
            result += 1
            if i == size:
                return result
            i += 1  # the rule separator


def replace_percent_n(text: str, n: int) -> str | None:
    """``%n`` replaced by the count, as QCoreApplication.translate does; None when the text
    has ``%Ln`` (the count in the locale's digits and separators: Qt's to format)."""
    if n < 0 or "%" not in text:
        return text
    if "%Ln" in text:
        return None
    return text.replace("%n", str(n))
