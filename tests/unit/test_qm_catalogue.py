"""The command line reads the compiled catalogue itself (mcim_desk/qm.py) where Qt is not
loaded: for every message of the catalogue, plurals included, it must give what Qt's
QTranslator gives from the same file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication

from mcim_desk.i18n import install_translators
from mcim_desk.qm import CatalogueError, QmCatalogue
from mcim_desk.translation import catalogue_path, translate_with

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "mcim_desk_fr.ts"
COUNTS = [*range(0, 25), 99, 100, 101, 1000, 1001, 1_000_000]


@lru_cache(maxsize=1)
def _messages() -> list[tuple[str, str, str | None, bool]]:
    """(context, source, disambiguation, numerus) of every message of the .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.append((name, message.findtext("source") or "", message.findtext("comment"),
                          message.get("numerus") == "yes"))
    return found


@pytest.fixture
def french() -> QmCatalogue:
    assert install_translators("fr")  # Qt's translators: the same .qm
    return QmCatalogue.load(catalogue_path("fr"))


def test_every_message_reads_as_qt_reads_it(french: QmCatalogue) -> None:
    messages = _messages()
    assert len(messages) > 1000
    numerus = [m for m in messages if m[3]]
    assert numerus, "the catalogue has plurals: they must be compared too"
    translated = 0
    for context, source, comment, plural in messages:
        for n in COUNTS if plural else [-1]:
            ours = translate_with(french, context, source, comment, n)
            assert ours == QCoreApplication.translate(context, source, comment, n), (context, source, n)
            translated += ours != source
    assert translated > 1000  # French, not the English sources given back


def test_plural_forms_are_picked_as_qt_picks_them(french: QmCatalogue) -> None:
    plurals = [m[:3] for m in _messages() if m[3]]
    distinct = [m for m in plurals if QCoreApplication.translate(*m, 1).replace("1", "") !=
                QCoreApplication.translate(*m, 2).replace("2", "")]
    assert distinct, "no message whose French forms differ: the form picked would not show"
    context, source, comment = distinct[0]
    for n in range(0, 2100):
        assert translate_with(french, context, source, comment, n) == QCoreApplication.translate(
            context, source, comment, n)
    assert french.numerus_form(1) == 0 and french.numerus_form(2) == 1  # French: 0 and 1 singular


@given(context=st.text(max_size=20), source=st.text(max_size=40),
       comment=st.none() | st.text(max_size=10), n=st.integers(-1, 5000))
@example(context="", source="\x00", comment=None, n=0)  # Qt reads C strings: up to a NUL
@example(context="Search\x00x", source="Answers\x00%n", comment="\x00y", n=3)
def test_any_lookup_answers_as_qt(context: str, source: str, comment: str | None, n: int) -> None:
    """Texts not in the catalogue come back as given (%n replaced as Qt replaces it), and a
    catalogue message asked with a disambiguation it does not have is found without it."""
    assert install_translators("fr")
    french = QmCatalogue.load(catalogue_path("fr"))
    known = _KNOWN[len(source) % len(_KNOWN)][:2]
    for ctx, text, disambiguation in ((context, source, comment), (known[0], known[1], comment),
                                      (known[0], source, comment)):
        ours = translate_with(french, ctx, text, disambiguation, n)
        if ours is not None:  # None: a %Ln count, which only Qt formats
            assert ours == QCoreApplication.translate(ctx, text, disambiguation, n)


_KNOWN = _messages()[::37]


@pytest.mark.parametrize("data", [b"", b"not a catalogue", bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd") + b"\x69\x00\x00\x01"])
def test_a_damaged_catalogue_is_refused(data: bytes) -> None:
    with pytest.raises(CatalogueError):
        QmCatalogue(data)


def _with_messages_cut(data: bytes, keep: int) -> bytes:
    """The catalogue with its Messages section cut to ``keep`` bytes (its length fixed)."""
    out, at = bytearray(data[:16]), 16
    while at < len(data):
        tag, length = data[at], int.from_bytes(data[at + 1:at + 5], "big")
        body = data[at + 5:at + 5 + length]
        if tag == 0x69:
            body = body[:keep]
        out += bytes([tag]) + len(body).to_bytes(4, "big") + body
        at += 5 + length
    return bytes(out)


@given(keep=st.integers(0, 210_000), flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_a_damaged_catalogue_never_breaks_a_lookup(keep: int, flips: list[tuple[int, int]]) -> None:
    """Messages cut short or bytes changed: refused whole, or each lookup answers (a
    translation, a damaged character as U+FFFD, or nothing); never an exception."""
    data = bytearray(_with_messages_cut(catalogue_path("fr").read_bytes(), keep))
    for at, value in flips:
        data[16 + at % (len(data) - 16)] = value
    try:
        damaged = QmCatalogue(bytes(data))
    except CatalogueError:
        return
    for context, source, comment, plural in _messages()[::5]:
        found = damaged.translate(context, source, comment, 2 if plural else -1)
        assert found is None or isinstance(found, str)
