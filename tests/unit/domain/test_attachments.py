"""What a file's first bytes say it is, whether it fits a question, and the name it is stored
under (mcim_desk.domain.attachments)."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from mcim_desk.domain import attachments as rules

SAMPLES = {
    "PNG": b"\x89PNG\r\n\x1a\n\x00\x00", "JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF", "GIF": b"GIF89a\x01\x00",
    "WebP": b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WAV": b"RIFF\x00\x00\x00\x00WAVEfmt ", "AVI": b"RIFF\x00\x00\x00\x00AVI LIST",
    "MP3": b"ID3\x04\x00\x00\x00", "AAC": b"\xff\xf1\x50\x80", "FLAC": b"fLaC\x00\x00", "Ogg": b"OggS\x00\x02",
    "MP4": b"\x00\x00\x00\x18ftypisom\x00\x00", "QuickTime": b"\x00\x00\x00\x14ftypqt  \x00\x00",
    "M4A": b"\x00\x00\x00\x20ftypM4A \x00\x00", "3GP": b"\x00\x00\x00\x14ftyp3gp4\x00\x00",
    "HEIC": b"\x00\x00\x00\x18ftypheic\x00\x00", "WebM/Matroska": b"\x1a\x45\xdf\xa3\x9f", "PDF": b"%PDF-1.7\n",
    "TIFF": b"II*\x00\x08\x00", "AMR": b"#!AMR\n", "MPEG": b"\x00\x00\x01\xba\x44",
}


def test_each_format_is_told_by_its_first_bytes() -> None:
    assert {name: rules.sniff(head).name for name, head in SAMPLES.items()} == {name: name for name in SAMPLES}
    assert rules.sniff(b"plain text") is None and rules.sniff(b"") is None


def test_a_question_takes_its_kind_with_a_matching_extension() -> None:
    assert rules.check("image", "scan.JPG", SAMPLES["JPEG"]) is None
    assert rules.check("image", "scan.png", SAMPLES["JPEG"]).code == "wrong_extension"
    assert rules.check("audio", "memo.ogg", SAMPLES["Ogg"]) is None
    assert rules.check("video", "memo.ogv", SAMPLES["Ogg"]) is None
    assert rules.check("video", "song.mp3", SAMPLES["MP3"]).code == "wrong_kind"
    assert rules.check("image", "x.png", b"nothing known").code == "unknown_content"
    assert rules.check("file", "anything.xyz", b"\x00") is None
    assert rules.check("file", "plan.pdf", SAMPLES["PDF"], ".pdf,.docx") is None
    assert rules.check("file", "plan.odt", b"PK\x03\x04", ".pdf,.docx").code == "not_accepted"
    assert rules.check("file", "photo.jpeg", SAMPLES["JPEG"], "image/*") is None
    assert rules.check("file", "plan.pdf", SAMPLES["PDF"], "application/pdf") is None


def test_stored_names_are_safe_and_carry_the_hash() -> None:
    sha = hashlib.sha256(b"x").hexdigest()
    assert rules.stored_name("C:\\Users\\amina\\Plan d’action.PDF", sha) == f"Plan d’action-{sha[:8]}.pdf"
    assert rules.stored_name("../../etc/passwd", sha) == f"passwd-{sha[:8]}"
    assert rules.stored_name("invoice\u202efdp.exe", sha) == f"invoicefdp-{sha[:8]}.exe"
    assert rules.stored_name('a<b>:"c"|?*.txt', sha) == f"a_b___c____-{sha[:8]}.txt"
    assert rules.stored_name("CON.txt", sha) == f"CON_-{sha[:8]}.txt"
    assert rules.stored_name(" . ", sha) == f"file-{sha[:8]}"


@given(st.text(max_size=300), st.binary(max_size=64))
def test_any_name_gives_a_stored_name_every_system_takes(original: str, data: bytes) -> None:
    sha = hashlib.sha256(data).hexdigest()
    name = rules.stored_name(original, sha)
    assert rules.is_stored_name(name) and len(name) <= rules.NAME_CHARS + 1 + rules.TAG_HEX + 11
    assert f"-{sha[:8]}" in name and "/" not in name and "\\" not in name
    assert rules.stored_name(original, sha) == name  # the same file, the same name
