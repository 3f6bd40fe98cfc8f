"""Bundle files (``.mcimz``): a zip of JSON entries and a manifest, optionally encrypted.

Layout of the zip::

    manifest.json            format, format_version, schema_revision, program_version,
                             installation_id, bundle_id, created_at, since, counts, and
                             entries: {name: {"sha256": hex, "size": bytes}}
    records.sqlite           the records: an SQLite file (see mcim_desk.persistence.bundle_records)
    forms.json               the form definitions the responses need
    ...                      any other entry the manifest lists: ``*.sqlite`` entries are
                             files, every other entry is JSON

Format 1 carried the records as JSON (``records/<table>.json``); format 2, this one, as
SQLite (an import ten times faster). Format 1 bundles are refused with their own message.

Encrypted bundles are that zip encrypted whole with AES-256-GCM (the ``cryptography``
library). The key comes from scrypt over the passphrase with a random salt; the container
header, authenticated as associated data, is::

    b"MCIMZENC" | version (1) | log2 N, r, p (3) | salt (16) | key check (16) | nonce (12)

The key check (16 more bytes of the scrypt output) tells a wrong passphrase apart from an
altered file, so each gets its own message.

:func:`read_bundle` is the safe reader: everything is checked and parsed in memory before a
caller could write anything, and every refusal raises :class:`BundleError` with a ``code``
and a translated message naming what is wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import secrets
import stat
import struct
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from .. import limits as size_limits

FORMAT = "mcim-desk-bundle"
FORMAT_VERSION = 2
FILE_SUFFIX = ".sqlite"  # entries extracted to files rather than parsed as JSON
MANIFEST = "manifest.json"
SUFFIX = ".mcimz"

MAGIC = b"MCIMZENC"
CONTAINER_VERSION = 1
_HEADER = struct.Struct(">8sBBBB16s16s12s")  # magic, version, log2 N, r, p, salt, check, nonce
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1

_MIB = 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Limits:
    """What the reader accepts; anything beyond is refused before it is inflated."""

    max_file_bytes: int = size_limits.BUNDLE_FILE_BYTES  # the file as stored
    max_entries: int = size_limits.BUNDLE_ENTRIES
    max_entry_bytes: int = size_limits.BUNDLE_ENTRY_BYTES  # one entry, inflated
    max_total_bytes: int = size_limits.BUNDLE_TOTAL_BYTES  # all entries, inflated
    max_ratio: int = size_limits.BUNDLE_RATIO  # inflated / compressed, for entries above ratio_floor
    ratio_floor: int = size_limits.BUNDLE_RATIO_FLOOR_BYTES


DEFAULT_LIMITS = Limits()


class BundleError(ValueError):
    """A bundle refused; ``code`` says why (tests and callers), ``str()`` is for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Bundle:
    """A bundle read, checked and parsed: the manifest, every JSON entry parsed, and every
    file entry (``*.sqlite``) extracted into a private temporary folder, which
    :meth:`discard` removes (as does the garbage collector, at the latest)."""

    manifest: dict[str, Any]
    entries: dict[str, Any] = field(default_factory=dict)
    encrypted: bool = False
    files: dict[str, Path] = field(default_factory=dict)
    folder: Any = field(default=None, repr=False, compare=False)  # TemporaryDirectory

    def discard(self) -> None:
        if self.folder is not None:
            self.folder.cleanup()


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    size: int
    encrypted: bool
    manifest: dict[str, Any]



# --- writing -------------------------------------------------------------------------------


def encode_entry(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def write_bundle(
    path: str | Path,
    manifest: Mapping[str, Any],
    entries: Mapping[str, Any],
    passphrase: str | None = None,
    *,
    compresslevel: int = 1,
) -> WrittenBundle:
    """Write ``entries`` and a manifest holding ``manifest``'s fields plus the format, and
    each entry's SHA-256 and size. An entry's value is JSON-able, or ``bytes`` already
    encoded as JSON, or a callable returning either (called in order), or a ``Path`` whose
    file is packed as it is (streamed). ``manifest`` is encoded last: the callables may still
    fill it (its counts). The file appears whole or not at all (written beside, then renamed).

    Every entry is deflated in slices on all cores (see :func:`_deflate`) and, unless the
    bundle is encrypted (the cipher takes the whole zip), written out while the next slices
    are deflated."""
    target = Path(path)
    for name in entries:
        if name == MANIFEST or _name_problem(name) is not None:
            raise ValueError(f"bad entry name {name!r}")
    from ..files import atomic_write, write_bytes

    full = dict(manifest)
    facts: dict[str, dict[str, Any]] = {}

    def write_zip(out: Any) -> None:
        archive = _ZipWriter(out)
        with _Deflater(compresslevel) as deflater:
            for name, value in entries.items():
                if callable(value):
                    value = value()
                if isinstance(value, Path):
                    with open(value, "rb") as handle:
                        facts[name] = archive.add(name, deflater, handle)
                else:
                    data = value if isinstance(value, bytes) else encode_entry(value)
                    facts[name] = archive.add(name, deflater, io.BytesIO(data))
            full["format"] = FORMAT
            full["format_version"] = FORMAT_VERSION
            full["entries"] = facts
            archive.add(MANIFEST, deflater, io.BytesIO(encode_entry(full)))
        archive.finish()

    if passphrase:
        buffer = io.BytesIO()
        write_zip(buffer)
        payload = encrypt(buffer.getvalue(), passphrase)
        del buffer
        write_bytes(target, payload, make_folder=True)
        size = len(payload)
    else:
        def write(temp: Path) -> None:
            with open(temp, "r+b") as out:
                write_zip(out)

        atomic_write(target, write, make_folder=True)
        size = target.stat().st_size
    return WrittenBundle(target, size, bool(passphrase), full)


_SLICE = 4 * _MIB  # deflated apart, each primed with the 32 KiB before it
_WINDOW = 32 * 1024


def _deflate_slice(data: bytes, primer: bytes, level: int, last: bool) -> bytes:
    import zlib

    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, zdict=primer) if primer else \
        zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


class _Deflater:
    """Raw deflate of a stream in slices on a pool of threads (zlib releases the GIL), as pigz
    does: each slice is primed with the 32 KiB before it (so back-references still reach
    across, and the bundle is as small as one stream would make it) and ends on a byte
    boundary (a sync flush), the last one with the final block. The slices laid end to end
    are one ordinary deflate stream: every zip reader, older MCIM Desk included, inflates it."""

    def __init__(self, level: int, slice_bytes: int = _SLICE) -> None:
        import os
        from concurrent.futures import ThreadPoolExecutor

        self.level, self.slice = level, slice_bytes
        self.workers = max(1, min(8, os.cpu_count() or 1))
        self.pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="bundle-deflate")

    def __enter__(self) -> _Deflater:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def stream(self, source: Any, out: Any) -> tuple[int, int, int, str]:
        """Deflate ``source`` (a binary file) into ``out``; returns (crc32, size, deflated
        size, SHA-256 hex) of what was read. At most a few slices wait in memory."""
        import zlib
        from collections import deque

        digest = hashlib.sha256()
        crc = size = written = 0
        pending: deque = deque()
        primer = b""
        chunk = source.read(self.slice)
        while True:
            following = source.read(self.slice) if chunk else b""
            digest.update(chunk)  # hashing runs on this thread while the pool deflates
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
            pending.append(self.pool.submit(_deflate_slice, chunk, primer, self.level, not following))
            primer = chunk[-_WINDOW:] if len(chunk) >= _WINDOW else (primer + chunk)[-_WINDOW:]
            while pending and (len(pending) > 2 * self.workers or not following):
                piece = pending.popleft().result()
                out.write(piece)
                written += len(piece)
            if not following:
                break
            chunk = following
        return crc, size, written, digest.hexdigest()


_DOS_DATE = ((2018 - 1980) << 9) | (12 << 5) | 10  # 10 December 2018: no local time leaks
_ATTRIBUTES = (stat.S_IFREG | 0o600) << 16
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


class _ZipWriter:
    """A plain zip written front to back into a seekable file (deflated entries, UTF-8 names,
    no zip64: bundles stay below 4 GiB). Each local header is written first with its sizes
    and checksum blank, and filled in once its entry is deflated."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.central: list[bytes] = []

    def _header(self, encoded: bytes, crc: int, deflated: int, size: int) -> bytes:
        return _LOCAL.pack(0x04034B50, 20, 0x0800, 8, 0, _DOS_DATE, crc, deflated, size, len(encoded), 0)

    def add(self, name: str, deflater: _Deflater, source: Any) -> dict[str, Any]:
        encoded = name.encode("utf-8")
        offset = self.out.tell()
        self.out.write(self._header(encoded, 0, 0, 0) + encoded)
        crc, size, deflated, sha256 = deflater.stream(source, self.out)
        if deflated >= 2**32 or size >= 2**32:
            raise ValueError(f"entry {name} is too large for a bundle")
        end = self.out.tell()
        self.out.seek(offset)
        self.out.write(self._header(encoded, crc, deflated, size))
        self.out.seek(end)
        self.central.append(_CENTRAL.pack(0x02014B50, (3 << 8) | 20, 20, 0x0800, 8, 0, _DOS_DATE, crc,
                                          deflated, size, len(encoded), 0, 0, 0, 0, _ATTRIBUTES, offset)
                            + encoded)
        return {"sha256": sha256, "size": size}

    def finish(self) -> None:
        start = self.out.tell()
        for record in self.central:
            self.out.write(record)
        size = self.out.tell() - start
        self.out.write(_END.pack(0x06054B50, 0, 0, len(self.central), len(self.central), size, start, 0))


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    material = Scrypt(salt=salt, length=48, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return material[:32], material[32:]


def encrypt(payload: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key, check = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    header = _HEADER.pack(
        MAGIC, CONTAINER_VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, check, nonce
    )
    return header + AESGCM(key).encrypt(nonce, payload, header)


# --- reading -------------------------------------------------------------------------------


def is_encrypted(path: str | Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def read_bundle(
    path: str | Path, passphrase: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Bundle:
    """Read, check and parse a bundle entirely in memory; raises :class:`BundleError`."""
    source = Path(path)
    name = source.name

    def fail(code: str, message: str, **values: object) -> BundleError:
        return BundleError(code, QCoreApplication.translate("Bundle", "{file}: ").format(file=name) + message.format(**values))

    try:
        size = source.stat().st_size
        if size > limits.max_file_bytes:
            raise fail(
                "too_large",
                QCoreApplication.translate("Bundle", "the file is larger than {limit} MB; it is refused."),
                limit=limits.max_file_bytes // _MIB,
            )
        data = source.read_bytes()
    except OSError as exc:
        raise fail("unreadable", QCoreApplication.translate("Bundle", "the file cannot be read ({error})."), error=exc.strerror or exc) from None
    encrypted = data.startswith(MAGIC)
    if encrypted:
        data = _decrypt(data, passphrase, fail)
    elif not data.startswith(b"PK"):
        raise fail("not_bundle", QCoreApplication.translate("Bundle", "this is not an MCIM Desk bundle."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise fail(
            "truncated", QCoreApplication.translate("Bundle", "the bundle is truncated or damaged (its zip archive is incomplete).")
        ) from None
    with archive:
        _check_listing(infos, limits, fail)
        by_name = {info.filename: info for info in infos}
        if MANIFEST not in by_name:
            raise fail("no_manifest", QCoreApplication.translate("Bundle", "the bundle has no manifest."))
        budget = [limits.max_total_bytes]
        manifest_bytes, _digest = _inflate(archive, by_name[MANIFEST], limits, budget, fail)
        manifest = _parse_json(manifest_bytes, MANIFEST, fail)
        listed = _check_manifest(manifest, fail)
        for entry_name in by_name:
            if entry_name != MANIFEST and entry_name not in listed:
                raise fail(
                    "unexpected_entry",
                    QCoreApplication.translate("Bundle", "entry “{name}” is not listed in the manifest."),
                    name=entry_name,
                )
        entries: dict[str, Any] = {}
        files: dict[str, Path] = {}
        folder = None
        try:
            for entry_name, expected in listed.items():
                info = by_name.get(entry_name)
                if info is None:
                    raise fail(
                        "missing_entry",
                        QCoreApplication.translate("Bundle", "entry “{name}” listed in the manifest is missing (truncated bundle?)."),
                        name=entry_name,
                    )
                out = None
                if entry_name.endswith(FILE_SUFFIX):
                    if folder is None:
                        import tempfile

                        from ..paths import temp_dir

                        folder = tempfile.TemporaryDirectory(prefix="mcim-bundle-", dir=temp_dir(),
                                                             ignore_cleanup_errors=True)
                    files[entry_name] = Path(folder.name) / entry_name.replace("/", "_")
                    out = files[entry_name]
                raw, digest = _inflate(archive, info, limits, budget, fail, out)
                if info.file_size != expected["size"]:
                    raise fail(
                        "size_mismatch",
                        QCoreApplication.translate("Bundle", "entry “{name}” holds {size} bytes but the manifest "
                            "says {expected}: the bundle was altered or damaged."),
                        name=entry_name, size=info.file_size, expected=expected["size"],
                    )
                if digest != expected["sha256"]:
                    raise fail(
                        "hash_mismatch",
                        QCoreApplication.translate("Bundle", "entry “{name}” does not match its SHA-256 in the manifest: the bundle was "
                            "altered or damaged."),
                        name=entry_name,
                    )
                if out is None:
                    entries[entry_name] = _parse_json(raw, entry_name, fail)
        except BaseException:
            if folder is not None:
                folder.cleanup()
            raise
    return Bundle(manifest, entries, encrypted, files, folder)


def _decrypt(data: bytes, passphrase: str | None, fail) -> bytes:  # noqa: ANN001
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) < _HEADER.size + 16:
        raise fail("truncated", QCoreApplication.translate("Bundle", "the encrypted bundle is truncated."))
    header = data[: _HEADER.size]
    _magic, version, log2_n, r, p, salt, check, nonce = _HEADER.unpack(header)
    # The key-derivation parameters first: junk after the magic bytes gives a random
    # "version" too, and calling it a newer format would send the user to an update that
    # cannot help. A newer container keeps the same first fields.
    if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4) or version == 0:
        raise fail("bad_header", QCoreApplication.translate(
            "Bundle", "the file starts as an encrypted bundle but its encryption header is not one "
            "MCIM Desk writes: the file is damaged, or is not an MCIM Desk bundle."))
    if version > CONTAINER_VERSION:
        raise fail(
            "newer_format",
            QCoreApplication.translate("Bundle", "the bundle was written in format {version}, newer than this program reads "
                "({supported}): update MCIM Desk."),
            version=f"enc-{version}",
            supported=f"enc-{CONTAINER_VERSION}",
        )
    if not passphrase:
        raise fail("needs_passphrase", QCoreApplication.translate("Bundle", "the bundle is encrypted: its passphrase is needed."))
    key, expected_check = _derive(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(check, expected_check):
        raise fail("wrong_passphrase", QCoreApplication.translate("Bundle", "wrong passphrase: this bundle was encrypted with another one."))
    try:
        return AESGCM(key).decrypt(nonce, data[_HEADER.size :], header)
    except InvalidTag:
        raise fail(
            "tampered",
            QCoreApplication.translate("Bundle", "the encrypted content fails its authentication check: it was altered or truncated."),
        ) from None


def _name_problem(name: str) -> str | None:
    """Why an entry name is unsafe, as a reader code; None when it is fine."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "absolute_path"
    parts = name.replace("\\", "/").split("/")
    if ".." in parts:
        return "unsafe_name"
    if "\\" in name or not _NAME.match(name) or "" in parts or "." in parts or len(name) > 200:
        return "bad_name"
    return None


def _check_listing(infos: list[zipfile.ZipInfo], limits: Limits, fail) -> None:  # noqa: ANN001
    """Names, kinds, counts and declared sizes: all checked before a byte is inflated."""
    if len(infos) > limits.max_entries:
        raise fail(
            "too_many_entries",
            QCoreApplication.translate("Bundle", "the bundle holds {count} entries; at most {limit} are accepted."),
            count=len(infos),
            limit=limits.max_entries,
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        problem = _name_problem(name)
        if problem == "absolute_path":
            raise fail("absolute_path", QCoreApplication.translate("Bundle", "entry “{name}” is an absolute path."), name=name)
        if problem == "unsafe_name":
            raise fail(
                "unsafe_name", QCoreApplication.translate("Bundle", "entry “{name}” climbs out of its folder (..)."), name=name
            )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise fail("symlink", QCoreApplication.translate("Bundle", "entry “{name}” is a symbolic link."), name=name)
        if problem == "bad_name" or info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise fail("bad_name", QCoreApplication.translate("Bundle", "entry name “{name}” is not allowed."), name=name)
        folded = name.casefold()
        if folded in seen:
            raise fail("duplicate", QCoreApplication.translate("Bundle", "entry “{name}” appears twice."), name=name)
        seen.add(folded)
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise fail(
                "unsupported_entry",
                QCoreApplication.translate("Bundle", "entry “{name}” uses an unsupported compression or zip encryption."),
                name=name,
            )
        if info.file_size > limits.max_entry_bytes:
            raise fail(
                "too_large",
                QCoreApplication.translate("Bundle", "entry “{name}” would inflate to {size} MB; at most {limit} MB are accepted."),
                name=name,
                size=info.file_size // _MIB,
                limit=limits.max_entry_bytes // _MIB,
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise fail(
                "zip_bomb",
                QCoreApplication.translate("Bundle", "entry “{name}” would inflate {ratio} times its stored size (a zip bomb?); "
                    "the bundle is refused."),
                name=name,
                ratio=info.file_size // max(info.compress_size, 1),
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise fail(
            "too_large",
            QCoreApplication.translate("Bundle", "the bundle would inflate to {size} MB; at most {limit} MB are accepted."),
            size=total // _MIB,
            limit=limits.max_total_bytes // _MIB,
        )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: list[int],
             fail, out: Path | None = None) -> tuple[bytes, str]:  # noqa: ANN001
    """Stream one entry with a hard cap: its declared size, the per-entry and total limits,
    and the ratio limit all hold whatever the header claims. Returns its bytes (or b"" when
    written to the file ``out``) and their SHA-256. Hashing and writing run on a second
    thread while the next chunk inflates (zlib, hashlib and file writes release the GIL)."""
    cap = min(info.file_size, limits.max_entry_bytes, budget[0])
    ratio_cap = max(limits.ratio_floor, limits.max_ratio * max(info.compress_size, 1))
    sink = _Sink(out)
    read = 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(4 * _MIB)
                if not chunk:
                    break
                read += len(chunk)
                if read > cap or read > ratio_cap:
                    code = "zip_bomb" if read > ratio_cap else "too_large"
                    raise fail(
                        code,
                        QCoreApplication.translate("Bundle", "entry “{name}” inflates beyond its declared or allowed size; the "
                            "bundle is refused."),
                        name=info.filename,
                    )
                sink.put(chunk)
        data, digest = sink.finish()
    except BundleError:
        sink.abandon()
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        sink.abandon()
        raise fail(
            "truncated",
            QCoreApplication.translate("Bundle", "entry “{name}” is damaged or truncated (it cannot be inflated)."),
            name=info.filename,
        ) from None
    if read != info.file_size:
        raise fail(
            "truncated",
            QCoreApplication.translate("Bundle", "entry “{name}” is damaged or truncated (it cannot be inflated)."),
            name=info.filename,
        )
    budget[0] -= read
    return data, digest


class _Sink:
    """Where inflated chunks go: hashed, and kept in memory or written to a file, on a
    thread of its own (at most a few chunks wait in between)."""

    def __init__(self, out: Path | None) -> None:
        import queue
        import threading

        self.out = out
        self.digest = hashlib.sha256()
        self.chunks: list[bytes] = []
        self.error: BaseException | None = None
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.handle = open(out, "xb") if out is not None else None  # noqa: SIM115 - closed by the thread
        self.thread = threading.Thread(target=self._run, name="bundle-sink", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            while (chunk := self.queue.get()) is not None:
                if self.error is not None:
                    continue  # drain: the reader learns of it in finish()
                try:
                    self.digest.update(chunk)
                    if self.handle is None:
                        self.chunks.append(chunk)
                    else:
                        self.handle.write(chunk)
                except BaseException as exc:  # noqa: BLE001 - handed over to the reader
                    self.error = exc
        finally:
            if self.handle is not None:
                self.handle.close()

    def put(self, chunk: bytes) -> None:
        self.queue.put(chunk)

    def finish(self) -> tuple[bytes, str]:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise OSError(str(self.error))
        return b"".join(self.chunks), self.digest.hexdigest()

    def abandon(self) -> None:
        self.error = self.error or RuntimeError("abandoned")
        self.queue.put(None)
        self.thread.join()


def _no_constants(value: str) -> None:
    raise ValueError(f"{value} is not JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _parse_json(raw: bytes, name: str, fail) -> Any:  # noqa: ANN001
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(
            "not_utf8",
            QCoreApplication.translate("Bundle", "entry “{name}” is not UTF-8 text (byte {offset})."),
            name=name,
            offset=exc.start,
        ) from None
    try:
        return json.loads(text, parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise fail(
            "malformed_json",
            QCoreApplication.translate("Bundle", "entry “{name}” is not valid JSON (line {line}, column {column})."),
            name=name,
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except (ValueError, RecursionError):
        raise fail(
            "malformed_json",
            QCoreApplication.translate("Bundle", "entry “{name}” is not valid JSON (duplicate keys, NaN or too deep)."),
            name=name,
        ) from None


def _check_manifest(manifest: Any, fail) -> dict[str, dict[str, Any]]:  # noqa: ANN001
    def bad(detail: str) -> BundleError:
        return fail("bad_manifest", QCoreApplication.translate("Bundle", "the manifest is malformed: {detail}."), detail=detail)

    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise fail("not_bundle", QCoreApplication.translate("Bundle", "this is not an MCIM Desk bundle (no bundle manifest)."))
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise bad("format_version")
    if version < FORMAT_VERSION:
        raise fail(
            "older_format",
            QCoreApplication.translate("Bundle", "the bundle was written in format {version} by an earlier MCIM Desk, which this "
                "version no longer reads: export it again with MCIM Desk {program} or later."),
            version=version,
            program="0.2",
        )
    if version > FORMAT_VERSION:
        raise fail(
            "newer_format",
            QCoreApplication.translate("Bundle", "the bundle was written in format {version}, newer than this program reads "
                "({supported}): update MCIM Desk."),
            version=version,
            supported=FORMAT_VERSION,
        )
    listed = manifest.get("entries")
    if not isinstance(listed, dict):
        raise bad("entries")
    for entry_name, facts in listed.items():
        if entry_name == MANIFEST or _name_problem(entry_name) is not None:
            raise bad(f"entry name {entry_name!r}")
        if (
            not isinstance(facts, dict)
            or not isinstance(facts.get("sha256"), str)
            or not _SHA256.match(facts["sha256"])
            or not isinstance(facts.get("size"), int)
            or isinstance(facts.get("size"), bool)
            or facts["size"] < 0
        ):
            raise bad(f"entry {entry_name!r}")
    for key in ("schema_revision", "installation_id", "bundle_id"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise bad(key)
    if not isinstance(manifest.get("counts", {}), dict):
        raise bad("counts")
    return listed


__all__ = [
    "Bundle", "BundleError", "DEFAULT_LIMITS", "FILE_SUFFIX", "FORMAT", "FORMAT_VERSION", "Limits", "MANIFEST",
    "SUFFIX", "WrittenBundle", "encrypt", "is_encrypted", "read_bundle", "write_bundle",
]
