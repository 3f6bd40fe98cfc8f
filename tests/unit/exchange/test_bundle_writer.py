"""The bundle writer deflates each entry in slices on several threads and streams the zip to
its file: whatever the sizes and the slice length, the slices make one ordinary deflate stream
that Python's own zipfile (as any zip reader, older MCIM Desk included) inflates back to the
same bytes, with the CRC, sizes and SHA-256 the headers and manifest declare."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import sqlite3
import zipfile
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mcim_desk.exchange.bundle import MANIFEST, _Deflater, read_bundle, write_bundle


def _text(rng: random.Random, size: int) -> bytes:
    words = ["migration", "coopération", "dialogue", "régional", "Pacte", "œuvre", "États"]
    out = bytearray()
    while len(out) < size:
        out += (rng.choice(words) + " ").encode("utf-8")
        if rng.random() < 0.05:
            out += rng.randbytes(rng.randrange(1, 40))
    return bytes(out[:size])


@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(seed=st.integers(0, 2**32), size=st.integers(0, 70_000), slice_bytes=st.integers(1, 20_000),
       level=st.sampled_from([1, 6, 9]))
def test_slices_inflate_as_one_stream_to_the_same_bytes(seed: int, size: int, slice_bytes: int, level: int) -> None:
    data = _text(random.Random(seed), size)
    out = io.BytesIO()
    with _Deflater(level, slice_bytes) as deflater:
        crc, read, written, sha256 = deflater.stream(io.BytesIO(data), out)
    deflated = out.getvalue()
    assert zlib.decompress(deflated, -15) == data  # one raw deflate stream, ended by its final block
    assert (crc, read, written, sha256) == (zlib.crc32(data), len(data), len(deflated),
                                            hashlib.sha256(data).hexdigest())


def test_priming_keeps_the_bundle_as_small_as_one_stream(tmp_path: Path) -> None:
    """Each slice reaches back into the 32 KiB before it: splitting costs a few bytes a slice."""
    data = _text(random.Random(7), 3_000_000)
    out = io.BytesIO()
    with _Deflater(1, 256 * 1024) as deflater:
        deflater.stream(io.BytesIO(data), out)
    whole = zlib.compressobj(1, zlib.DEFLATED, -15)
    single = len(whole.compress(data) + whole.flush())
    assert len(out.getvalue()) <= single * 1.01 + 12 * 8


def test_a_written_bundle_is_an_ordinary_zip_of_the_entries_and_their_manifest(tmp_path: Path) -> None:
    rng = random.Random(2018)
    big = tmp_path / "records.sqlite"
    big.write_bytes(_text(rng, 9 * 1024 * 1024 + 17))  # three slices of 4 MiB, the last short
    empty = tmp_path / "attachments.sqlite"
    empty.write_bytes(b"")
    forms = {"forms": [{"id": "f", "title": "Questionnaire — États membres"}], "form_versions": []}
    manifest = {"schema_revision": "r1", "installation_id": "i1", "bundle_id": "b1", "counts": {"response": 1}}
    out = tmp_path / "out" / "bundle.mcimz"
    written = write_bundle(out, manifest, {"records.sqlite": big, "forms.json": forms,
                                           "attachments.sqlite": empty})
    assert written.size == out.stat().st_size and not written.encrypted
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None  # every CRC checked by an independent reader
        assert [i.filename for i in archive.infolist()] == ["records.sqlite", "forms.json",
                                                            "attachments.sqlite", MANIFEST]
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())
        assert archive.read("records.sqlite") == big.read_bytes()
        assert archive.read("attachments.sqlite") == b""
        assert json.loads(archive.read("forms.json")) == forms
        listed = json.loads(archive.read(MANIFEST))
    for name, content in (("records.sqlite", big.read_bytes()), ("attachments.sqlite", b"")):
        assert listed["entries"][name] == {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    assert listed["counts"] == {"response": 1} and listed["format_version"] == 2
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)
    assert [p.name for p in out.parent.iterdir()] == ["bundle.mcimz"]  # nothing left beside it
    parsed = read_bundle(out)  # and the program's own reader takes it, hashes checked
    try:
        assert parsed.files["records.sqlite"].read_bytes() == big.read_bytes()
        assert parsed.entries["forms.json"] == forms
    finally:
        parsed.discard()


def test_an_encrypted_bundle_holds_the_same_zip(tmp_path: Path) -> None:
    data = tmp_path / "records.sqlite"
    data.write_bytes(os.urandom(300_000) + _text(random.Random(1), 5 * 1024 * 1024))
    manifest = {"schema_revision": "r1", "installation_id": "i1", "bundle_id": "b1"}
    out = tmp_path / "secret.mcimz"
    written = write_bundle(out, manifest, {"records.sqlite": data}, passphrase="une phrase secrète")
    assert written.encrypted and out.read_bytes().startswith(b"MCIMZENC")
    parsed = read_bundle(out, "une phrase secrète")
    try:
        assert parsed.encrypted and parsed.files["records.sqlite"].read_bytes() == data.read_bytes()
    finally:
        parsed.discard()


def _old_way(good: Path, out: Path, folder: Path) -> Path:
    """``good`` written again as MCIM Desk 0.2 wrote bundles: its records file with SQLite's
    4 KiB pages, every entry one deflate stream (Python's zipfile here, level 1), manifest last."""
    import shutil

    from mcim_desk.persistence.bundle_records import ENTRY

    bundle = read_bundle(good)
    try:
        records = folder / "old-records.sqlite"
        shutil.copyfile(bundle.files[ENTRY], records)
        conn = sqlite3.connect(records, isolation_level=None)
        conn.execute("PRAGMA page_size=4096")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        conn.close()
        data = {ENTRY: records.read_bytes(),
                **{name: json.dumps(value).encode() for name, value in bundle.entries.items()}}
        manifest = dict(bundle.manifest)
        manifest["entries"] = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in data.items()}
    finally:
        bundle.discard()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in data.items():
            archive.writestr(name, content)
        archive.writestr(MANIFEST, json.dumps(manifest))
    return out


def test_a_bundle_written_the_old_way_still_imports(tmp_path: Path) -> None:
    from mcim_desk.persistence.bundle_records import PAGE_BYTES
    from mcim_desk.services import catalogue, exchange, responses
    from mcim_desk.services.startup import open_database

    source, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    target, _ = open_database(str(tmp_path / "secretariat.sqlite3"))
    try:
        rabat = catalogue.find_mechanism(source, "Rabat Process")
        info = responses.open_questionnaire(source, rabat.id, "consultant")
        responses.save_answer(source, info.id, "section_2/q4", "oui", "consultant")
        responses.save_answer(source, info.id, "section_2/q5", "Coopération régionale renforcée", "consultant")
        new = exchange.export_bundle(source, tmp_path / "new.mcimz").path
        parsed = read_bundle(new)
        conn = sqlite3.connect(parsed.files["records.sqlite"])
        assert conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_BYTES  # this version's pages
        conn.close()
        parsed.discard()
        old = _old_way(new, tmp_path / "old.mcimz", tmp_path)
        report = exchange.apply_import(target, exchange.preview_import(target, old), actor="secretariat")
        assert report.added >= 1 and report.conflicts_pending == 0
        mine = exchange.preview_import(target, new)  # the same content, written by this version
        assert mine.nothing_to_do
        mine.discard()
        answers = responses.open_questionnaire(target, rabat.id, "secretariat")
        assert answers.id == info.id
    finally:
        source.dispose()
        target.dispose()


def test_manifest_counts_are_the_rows_of_the_records_file(db, tmp_path: Path) -> None:  # noqa: ANN001
    """The counts a bundle declares (taken from the copy itself) are its records file's rows,
    counted again here with SQL, for a full bundle and one of what changed since (both
    backends: the server's rows come through Python)."""
    from mcim_desk.services import catalogue, exchange, responses

    rabat = catalogue.find_mechanism(db, "Rabat Process")
    info = responses.open_questionnaire(db, rabat.id, "consultant")
    responses.save_answer(db, info.id, "section_2/q4", "oui", "consultant")
    full = exchange.export_bundle(db, tmp_path / "out" / "full.mcimz")
    responses.save_answer(db, info.id, "section_2/q5", "Échanges réguliers", "consultant")
    since = exchange.export_bundle(db, tmp_path / "out" / "since.mcimz", since_last=True)
    for written in (full, since):
        parsed = read_bundle(written.path)
        try:
            conn = sqlite3.connect(parsed.files["records.sqlite"])
            tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            counted = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
            conn.close()
        finally:
            parsed.discard()
        assert {t: parsed.manifest["counts"][t] for t in tables} == counted
        assert written.counts["answer"] == counted["answer"] >= 1
    assert full.counts["mechanism"] == 30
    assert since.counts["answer"] == 2  # both answers of the response that changed
