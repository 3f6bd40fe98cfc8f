"""The safe bundle reader: every hostile bundle is refused with its own message, and the
database it was meant for stays byte-for-byte the same.

(Named test_bundle_reader.py: tests/integration/test_bundle.py, the PyInstaller bundle's
test, already holds the basename test_bundle.)
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bundle_tools import rewrite

from mcim_desk.exchange.bundle import BundleError, read_bundle
from mcim_desk.services import catalogue, exchange, responses

ENTRY = "records.sqlite"
FORMS = "forms.json"


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def good(db, tmp_path: Path) -> Path:  # noqa: ANN001
    rabat = catalogue.find_mechanism(db, "Rabat Process")
    info = responses.open_questionnaire(db, rabat.id, "tester")
    responses.save_answer(db, info.id, "section_2/q4", "oui", "tester")
    return exchange.export_bundle(db, tmp_path / "out" / "good.mcimz").path


def members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def rezip(path: Path, items: list[tuple[zipfile.ZipInfo | str, bytes]],
          compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we want
        with zipfile.ZipFile(path, "w", compression) as zf:
            for name, data in items:
                zf.writestr(name, data)
    return path


def with_manifest(items: list[tuple[str, bytes]], change: Callable[[dict], None]) -> list[tuple[str, bytes]]:
    result = []
    for name, data in items:
        if name == "manifest.json":
            manifest = json.loads(data)
            change(manifest)
            data = json.dumps(manifest).encode()
        result.append((name, data))
    return result


def listed(items: list[tuple[str, bytes]], name: str, data: bytes) -> list[tuple[str, bytes]]:
    """Add an entry and list it in the manifest with its true hash (so only the quality
    under test is wrong)."""

    def add(manifest: dict) -> None:
        manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    return with_manifest(items, add) + [(name, data)]


def replaced(items: list[tuple[str, bytes]], name: str, data: bytes, *, fix_hash: bool) -> list:
    out = [(n, data if n == name else d) for n, d in items]
    if fix_hash:
        def fix(manifest: dict) -> None:
            manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

        out = with_manifest(out, fix)
    return out


def link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def hostile(kind: str, good: Path, tmp: Path) -> tuple[Path, str | None]:
    """A bundle spoilt in one way, and the passphrase to read it with."""
    items = members(good)
    bad = tmp / f"{kind}.mcimz"
    if kind == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) * 2 // 3])
    elif kind == "tampered":
        name, data = next((n, d) for n, d in items if n == ENTRY)
        rezip(bad, replaced(items, name, data.replace(b"Rabat", b"Rabbt"), fix_hash=False))
    elif kind == "newer_format":
        rezip(bad, with_manifest(items, lambda m: m.update(format_version=99)))
    elif kind == "newer_schema":
        rezip(bad, with_manifest(items, lambda m: m.update(schema_revision="0099_from_the_future")))
    elif kind == "wrong_passphrase":
        rewrite(good, bad, passphrase="the right one")
        return bad, "a wrong one"
    elif kind == "needs_passphrase":
        rewrite(good, bad, passphrase="the right one")
    elif kind == "tampered_ciphertext":
        rewrite(good, bad, passphrase="the right one")
        data = bytearray(bad.read_bytes())
        data[-40] ^= 0xFF
        bad.write_bytes(bytes(data))
        return bad, "the right one"
    elif kind == "older_format":
        rezip(bad, with_manifest(items, lambda m: m.update(format_version=1)))
    elif kind == "dotdot":
        rezip(bad, listed(items, "records/../../evil.json", b"[]"))
    elif kind == "absolute":
        rezip(bad, listed(items, "/etc/evil.json", b"[]"))
    elif kind == "symlink":
        rezip(bad, items + [(link("records/link.json"), b"/etc/passwd")])
    elif kind == "duplicate":
        name, data = next((n, d) for n, d in items if n == ENTRY)
        rezip(bad, items + [(name, data)])
    elif kind == "too_many":
        rezip(bad, items + [(f"records/x{i}.json", b"[]") for i in range(250)])
    elif kind == "zip_bomb":
        rezip(bad, listed(items, "records/bomb.json", b"[" + b" " * (40 * 1024 * 1024) + b"]"))
    elif kind == "malformed_json":
        rezip(bad, replaced(items, FORMS, b'{"forms": [', fix_hash=True))
    elif kind == "not_utf8":
        rezip(bad, replaced(items, FORMS, b'{"forms": ["\xff\xfe"]}', fix_hash=True))
    elif kind == "unexpected_entry":
        rezip(bad, items + [("records/extra.json", b"[]")])
    elif kind == "missing_entry":
        rezip(bad, [(n, d) for n, d in items if n != ENTRY])
    elif kind == "wrong_types":
        rewrite(good, bad, lambda c: c.execute("UPDATE mechanism SET member_state_count = 'many'"))
    elif kind == "bad_datetime":
        rewrite(good, bad, lambda c: c.execute("UPDATE audit_log SET at = '2018-02-30 10:00:00'"))
    elif kind == "not_sqlite":
        rezip(bad, replaced(items, ENTRY, b"SQLite format 3\x00" + b"\x13" * 4000, fix_hash=True))
    elif kind == "trigger":
        rewrite(good, bad, lambda c: c.execute(
            "CREATE TRIGGER evil AFTER INSERT ON answer BEGIN DELETE FROM answer; END"))
    elif kind == "typed_table":
        rewrite(good, bad, lambda c: c.executescript(
            "DROP TABLE quote; CREATE TABLE quote (id TEXT PRIMARY KEY DEFAULT (random()))"))
    elif kind == "clashing_ids":  # a new response whose answers reuse ids held here: only the
        # import's transaction can tell, and it stops whole
        rewrite(good, bad, lambda c: c.executescript(
            "UPDATE response SET id = 'a-response-new-here';"
            "UPDATE answer SET response_id = 'a-response-new-here';"))
    elif kind == "no_records":
        rezip(bad, listed([(n, d) for n, d in with_manifest(items, lambda m: m["entries"].pop(ENTRY))
                           if n != ENTRY], "other.sqlite", b"x"))
    elif kind == "not_a_bundle":
        bad.write_bytes(b"%PDF-1.7 this is not a bundle")
    elif kind == "no_manifest":
        rezip(bad, [(n, d) for n, d in items if n != "manifest.json"])
    # issue 11: hostile input that was accepted, or refused with a misleading message
    elif kind == "junk_after_header":
        bad.write_bytes(b"MCIMZENC" + bytes(range(7, 250)) * 3)
    elif kind == "wrong_size":
        name = ENTRY
        rezip(bad, with_manifest(items, lambda m: m["entries"][name].update(size=m["entries"][name]["size"] + 1)))
    elif kind == "audit_about_nothing":
        rewrite(good, bad, lambda c: c.execute(
            "INSERT INTO audit_log (id, at, actor, action, entity, entity_id) "
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
            "SELECT 'junk-' || i, '2018-12-10 09:30:00.000000', 'x', 'update', 'response', "
            "'no-such-response-' || i FROM n"))
    elif kind == "audit_unknown_entity":
        rewrite(good, bad, lambda c: c.execute(
            "INSERT INTO audit_log (id, at, actor, action, entity, entity_id) "
            "VALUES ('junk-1', '2018-12-10 09:30:00.000000', 'x', 'update', 'spaceship', 'x')"))
    elif kind == "nul_in_text":
        rewrite(good, bad, lambda c: c.execute("UPDATE answer SET value = 'o' || char(0) || 'ui'"))
    elif kind == "bad_updated_at":
        rewrite(good, bad, lambda c: c.execute("UPDATE response SET updated_at = 'yesterday'"))
    elif kind == "deep_json":
        deep = b"[" * 100_000 + b"]" * 100_000
        rezip(bad, replaced(items, FORMS, deep, fix_hash=True))
    else:  # pragma: no cover
        raise AssertionError(kind)
    return bad, None


CASES = {
    # kind: (expected code, a word the message must hold)
    "truncated": ("truncated", "truncated"),
    "tampered": ("hash_mismatch", "SHA-256"),
    "newer_format": ("newer_format", "newer"),
    "newer_schema": ("newer_schema", "newer"),
    "wrong_passphrase": ("wrong_passphrase", "wrong passphrase"),
    "needs_passphrase": ("needs_passphrase", "passphrase is needed"),
    "tampered_ciphertext": ("tampered", "altered"),
    "dotdot": ("unsafe_name", ".."),
    "absolute": ("absolute_path", "absolute path"),
    "symlink": ("symlink", "symbolic link"),
    "duplicate": ("duplicate", "twice"),
    "too_many": ("too_many_entries", "entries"),
    "zip_bomb": ("zip_bomb", "zip bomb"),
    "older_format": ("older_format", "earlier"),
    "malformed_json": ("malformed_json", "not valid JSON"),
    "not_utf8": ("not_utf8", "UTF-8"),
    "unexpected_entry": ("unexpected_entry", "not listed"),
    "missing_entry": ("missing_entry", "missing"),
    "wrong_types": ("bad_records", "member_state_count"),
    "bad_datetime": ("bad_records", "“at”"),
    "not_sqlite": ("bad_records", "not a readable SQLite database"),
    "trigger": ("bad_records", "unexpected object “evil” (an SQL trigger)"),
    "typed_table": ("bad_records", "not made as a bundle's tables are"),
    "no_records": ("bad_records", "other.sqlite"),
    "clashing_ids": ("bad_records", "nothing was imported"),
    "not_a_bundle": ("not_bundle", "not an MCIM Desk bundle"),
    "no_manifest": ("no_manifest", "manifest"),
    "junk_after_header": ("bad_header", "is not an MCIM Desk bundle"),
    "wrong_size": ("size_mismatch", "bytes but the manifest says"),
    "audit_about_nothing": ("orphan_audit", "5000 record(s) that are neither in the bundle nor in this database"),
    "audit_unknown_entity": ("orphan_audit", "“spaceship”"),
    "nul_in_text": ("bad_records", "NUL character"),
    "bad_updated_at": ("bad_records", "“updated_at”"),
    "deep_json": ("malformed_json", "too deep"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_hostile_bundle_is_refused_and_nothing_is_written(kind: str, db, db_path: Path, good: Path,
                                                          tmp_path: Path) -> None:  # noqa: ANN001
    bad, passphrase = hostile(kind, good, tmp_path)
    before = dump(db_path)
    with pytest.raises(BundleError) as caught:
        plan = exchange.preview_import(db, bad, passphrase)
        exchange.apply_import(db, plan, actor="tester")  # never reached
    code, word = CASES[kind]
    assert caught.value.code == code, str(caught.value)
    assert word in str(caught.value)
    assert str(caught.value).startswith(bad.name)
    assert dump(db_path) == before


def test_messages_are_distinct(db, good: Path, tmp_path: Path) -> None:  # noqa: ANN001
    seen = {}
    for kind in CASES:
        bad, passphrase = hostile(kind, good, tmp_path)
        with pytest.raises(BundleError) as caught:
            exchange.apply_import(db, exchange.preview_import(db, bad, passphrase), actor="tester")
        seen[kind] = str(caught.value).removeprefix(bad.name)
    # "newer format" and "newer schema" are different messages too
    assert len(set(seen.values())) == len(seen)


def test_declared_sizes_are_not_trusted(good: Path, tmp_path: Path) -> None:
    """An entry whose header lies about its size is stopped while inflating."""
    items = members(good)
    name, data = next((n, d) for n, d in items if n == ENTRY)
    bad = rezip(tmp_path / "liar.mcimz", items)
    raw = bytearray(bad.read_bytes())
    # Patch the central directory's "uncompressed size" of the entry to a small number.
    encoded = name.encode()
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(raw[at + 28 : at + 30], "little")
        if raw[at + 46 : at + 46 + name_len] == encoded:
            raw[at + 24 : at + 28] = (10).to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    bad.write_bytes(bytes(raw))
    with pytest.raises(BundleError) as caught:
        read_bundle(bad)
    # zipfile stops at the declared size; the CRC then fails: refused, never inflated further
    assert caught.value.code in {"too_large", "truncated"}, str(caught.value)
    assert ENTRY in str(caught.value)


def test_a_sound_bundle_reads_back(good: Path) -> None:
    bundle = read_bundle(good)
    assert bundle.manifest["format_version"] == 2
    assert bundle.manifest["counts"]["mechanism"] == 30
    assert len(bundle.manifest["installation_id"]) == 36
    assert set(bundle.entries) | set(bundle.files) == set(bundle.manifest["entries"]) == {ENTRY, FORMS}
    for name in bundle.manifest["entries"]:
        assert len(bundle.manifest["entries"][name]["sha256"]) == 64
    # The records are an SQLite file any tool reads: the Rabat Process and its answer are there.
    extracted = bundle.files[ENTRY]
    conn = sqlite3.connect(extracted)
    try:
        assert conn.execute("SELECT count(*) FROM mechanism").fetchone()[0] == 30
        assert conn.execute("SELECT value FROM answer WHERE path = 'section_2/q4'").fetchone()[0] == "oui"
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type <> 'table'").fetchone()[0] == 0
    finally:
        conn.close()
    bundle.discard()
    assert not extracted.exists()


def test_an_import_leaves_no_extracted_file_behind(db, good: Path) -> None:  # noqa: ANN001
    plan = exchange.preview_import(db, good)
    extracted = plan.content.file.path
    assert extracted.exists()
    exchange.apply_import(db, plan, actor="tester")
    plan.content.close()
    assert not extracted.exists() and not extracted.parent.exists()


def test_a_damaged_encryption_header_is_called_damaged_in_french(tmp_path: Path) -> None:
    from mcim_desk.i18n import install_translators

    install_translators("fr")
    bad = tmp_path / "abime.mcimz"
    bad.write_bytes(b"MCIMZENC" + bytes(range(7, 250)) * 3)
    with pytest.raises(BundleError) as caught:
        read_bundle(bad, "phrase")
    assert caught.value.code == "bad_header"
    assert "le fichier est endommagé, ou ce n’est pas un lot MCIM Desk" in str(caught.value)
