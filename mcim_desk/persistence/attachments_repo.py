"""Queries and writes of attachments (files answering image, audio, video and file
questions), each taking the caller's session; and the bundle's ``attachments.sqlite`` entry.

``attachment_blob`` holds each content once (keyed by its SHA-256); ``attachment`` ties a
response and a file name to a blob. Both are insert-only: a name is never tied to another
content (the name carries a piece of the content's hash, see
:mod:`mcim_desk.domain.attachments`).

The bundle entry is one SQLite file (like ``records.sqlite``, plain tables, no types)::

    CREATE TABLE "attachment_blob" ("sha256", "file_name", "media_type", "size", "content")
    CREATE TABLE "attachment" ("response_id", "file_name", "sha256", "created_at")

``content`` holds each file compressed on its own (zlib, RFC 1950): a bundle entry that
inflates more than 100 times its stored size is refused as a zip bomb, and a scanned white
page or a silence would; here each file inflates with its own cap (``size``, and the size
limit of an attachment) before its SHA-256 is checked.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.attachments import is_stored_name
from .models import Attachment, AttachmentBlob, utcnow

ENTRY = "attachments.sqlite"
BLOB_COLUMNS = ("sha256", "file_name", "media_type", "size", "content")
LINK_COLUMNS = ("response_id", "file_name", "sha256", "created_at")
_BATCH = 500


@dataclass(frozen=True)
class StoredFile:
    """What a response's attachment is, without its bytes."""

    response_id: str
    file_name: str  # the answer's value
    sha256: str
    media_type: str
    size: int
    original_name: str  # the name the content was first attached with


def _insert(session: Session, model, rows: list[dict]) -> None:  # noqa: ANN001 - a mapped class
    """INSERT ... ON CONFLICT DO NOTHING: a row someone stored meanwhile is the same row."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(model).on_conflict_do_nothing(), rows)


def blob_exists(session: Session, sha256: str) -> bool:
    return session.execute(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256 == sha256)).first() is not None


def store(session: Session, response_id: str, file_name: str, sha256: str, original_name: str,
          media_type: str, content: bytes) -> None:
    """Store a blob (unless held) and tie it to the response under ``file_name`` (unless tied)."""
    if not blob_exists(session, sha256):
        _insert(session, AttachmentBlob, [{
            "sha256": sha256, "file_name": original_name, "media_type": media_type, "size": len(content),
            "content": content, "created_at": utcnow(),
        }])
    _insert(session, Attachment, [{"response_id": response_id, "file_name": file_name, "sha256": sha256,
                                   "created_at": utcnow()}])


def linked_sha256(session: Session, response_id: str, file_name: str) -> str | None:
    return session.execute(
        select(Attachment.sha256).where(Attachment.response_id == response_id, Attachment.file_name == file_name)
    ).scalar_one_or_none()


def _files(session: Session, where) -> list[StoredFile]:  # noqa: ANN001 - a SQL condition
    rows = session.execute(
        select(Attachment.response_id, Attachment.file_name, Attachment.sha256, AttachmentBlob.media_type,
               AttachmentBlob.size, AttachmentBlob.file_name)
        .join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
        .where(where)
        .order_by(Attachment.response_id, Attachment.file_name)
    ).all()
    return [StoredFile(*row) for row in rows]


def files_of(session: Session, response_ids: Iterable[str]) -> list[StoredFile]:
    """The attachments of these responses (by response, then name)."""
    wanted = sorted(set(response_ids))
    found: list[StoredFile] = []
    for start in range(0, len(wanted), _BATCH):
        found += _files(session, Attachment.response_id.in_(wanted[start:start + _BATCH]))
    return found


def file_of(session: Session, response_id: str, file_name: str) -> StoredFile | None:
    found = _files(session, (Attachment.response_id == response_id) & (Attachment.file_name == file_name))
    return found[0] if found else None


def content(session: Session, sha256: str) -> bytes | None:
    value = session.execute(select(AttachmentBlob.content).where(AttachmentBlob.sha256 == sha256)).scalar_one_or_none()
    return None if value is None else bytes(value)


_BATCH_BYTES = 64 * 1024 * 1024  # blobs read together, at most (one blob alone may pass it)


def contents(session: Session, sha256s: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """(sha256, bytes) of these blobs, read in batches of at most about 64 MB (a blob may be
    tens of MB: never the whole set in memory)."""
    wanted = sorted(set(sha256s))
    sizes: dict[str, int] = {}
    for start in range(0, len(wanted), _BATCH):
        sizes.update(session.execute(select(AttachmentBlob.sha256, AttachmentBlob.size)
                                     .where(AttachmentBlob.sha256.in_(wanted[start:start + _BATCH]))).all())
    batches: list[list[str]] = [[]]
    total = 0
    for sha in sorted(sizes):
        if batches[-1] and (total + sizes[sha] > _BATCH_BYTES or len(batches[-1]) >= _BATCH):
            batches.append([])
            total = 0
        batches[-1].append(sha)
        total += sizes[sha]
    for batch in batches:
        if not batch:
            continue
        rows = session.execute(
            select(AttachmentBlob.sha256, AttachmentBlob.content).where(AttachmentBlob.sha256.in_(batch))
        ).all()
        for sha, data in rows:
            yield sha, bytes(data)


def damaged_blobs(session: Session) -> tuple[int, list[str]]:
    """How many blobs are stored, and the names of those whose bytes no longer match their
    SHA-256 or size (a damaged disk or a hand edit), read one at a time."""
    facts = {sha: (name, size) for sha, name, size in session.execute(
        select(AttachmentBlob.sha256, AttachmentBlob.file_name, AttachmentBlob.size)).all()}
    damaged = []
    for sha, data in contents(session, facts):
        if hashlib.sha256(data).hexdigest() != sha or len(data) != facts[sha][1]:
            damaged.append(facts[sha][0])
    return len(facts), sorted(damaged)


# --- the bundle entry -----------------------------------------------------------------------


def _ddl(table: str, columns: Iterable[str]) -> str:
    return f'CREATE TABLE "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)})'


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def write_entry(session: Session, target: Path, response_ids: Iterable[str], since: datetime | None) -> int:
    """Fill a new ``attachments.sqlite`` with the attachments of these responses (only those
    tied since ``since`` when given) and their blobs; returns how many attachments."""
    files = files_of(session, response_ids)
    if since is not None:
        recent = {(r.response_id, r.file_name) for r in _links_since(session, since)}
        files = [f for f in files if (f.response_id, f.file_name) in recent]
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute(_ddl("attachment_blob", BLOB_COLUMNS))
        conn.execute(_ddl("attachment", LINK_COLUMNS))
        conn.execute("BEGIN")
        created = {(r.response_id, r.file_name): r.created_at for r in _links_of(session, files)}
        conn.executemany(
            "INSERT INTO attachment VALUES (?, ?, ?, ?)",
            [(f.response_id, f.file_name, f.sha256, _stamp(created[(f.response_id, f.file_name)])) for f in files],
        )
        names = {f.sha256: f.original_name for f in files}
        media = {f.sha256: f.media_type for f in files}
        for sha, data in contents(session, names):
            conn.execute("INSERT INTO attachment_blob VALUES (?, ?, ?, ?, ?)",
                         (sha, names[sha], media[sha], len(data), _deflate(data)))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return len(files)


def _links_since(session: Session, since: datetime) -> list[Attachment]:
    return list(session.execute(select(Attachment).where(Attachment.created_at >= since)).scalars())


def _links_of(session: Session, files: list[StoredFile]) -> list[Attachment]:
    result = []
    for f in files:
        row = session.get(Attachment, (f.response_id, f.file_name))
        if row is not None:
            result.append(row)
    return result


def safe_id(value: str) -> bool:
    """A response id that may name a folder: letters, digits and ``-`` only (UUIDs)."""
    return 0 < len(value) <= 64 and all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in value)


class EntryError(ValueError):
    """An attachments entry that does not hold what it should; ``code`` says what, ``name``
    the file concerned (its stored name), ``detail`` the rest."""

    def __init__(self, code: str, name: str = "", detail: str = "") -> None:
        super().__init__(f"{code}: {name} {detail}")
        self.code, self.name, self.detail = code, name, detail


@dataclass(frozen=True)
class EntryContent:
    links: list[tuple[str, str, str, str]]  # response_id, file_name, sha256, created_at
    blobs: dict[str, tuple[str, str, int]]  # sha256 -> (original name, media type, size)
    path: Path


def read_entry(path: Path, max_bytes: int) -> EntryContent:
    """Open and check an ``attachments.sqlite`` from a bundle: exactly its two tables, text
    where text is due, every blob no larger than ``max_bytes`` and hashing to its key, every
    attachment tied to a blob of the entry. Raises :class:`EntryError`."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise EntryError("not_sqlite", detail=str(exc)) from None
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA query_only=ON")
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        expected = {"attachment_blob": _ddl("attachment_blob", BLOB_COLUMNS),
                    "attachment": _ddl("attachment", LINK_COLUMNS)}
        if sorted((kind, name, sql) for kind, name, sql in objects) != sorted(
                ("table", name, sql) for name, sql in expected.items()):
            raise EntryError("bad_tables")
        blobs: dict[str, tuple[str, str, int]] = {}
        for sha, name, media, size, kind in conn.execute(
                "SELECT sha256, file_name, media_type, size, typeof(content) FROM attachment_blob"):
            if not all(isinstance(v, str) for v in (sha, name, media)) or not isinstance(size, int) or kind != "blob":
                raise EntryError("bad_value", str(name or sha))
            if size > max_bytes:
                raise EntryError("too_large", name, str(size))
            if sha in blobs:
                raise EntryError("duplicate", name)
            blobs[sha] = (name, media, size)
        for sha, (name, _media, size) in blobs.items():  # one blob in memory at a time
            packed = conn.execute("SELECT content FROM attachment_blob WHERE sha256 = ?", (sha,)).fetchone()[0]
            data = _inflate(packed, size, name)
            if hashlib.sha256(data).hexdigest() != sha:
                raise EntryError("hash_mismatch", name)
        links = []
        for row in conn.execute("SELECT response_id, file_name, sha256, created_at FROM attachment"):
            if not all(isinstance(v, str) and "\x00" not in v for v in row):
                raise EntryError("bad_value", str(row[1]))
            if not is_stored_name(row[1]) or not safe_id(row[0]):
                raise EntryError("bad_name", row[1])  # it becomes a path when exported
            try:
                datetime.fromisoformat(row[3])
            except ValueError:
                raise EntryError("bad_value", row[1]) from None
            if row[2] not in blobs:
                raise EntryError("missing_blob", row[1])
            links.append(tuple(row))
        return EntryContent(links, blobs, path)
    except sqlite3.DatabaseError as exc:
        raise EntryError("not_sqlite", detail=str(exc)) from None
    finally:
        conn.close()


def _deflate(data: bytes) -> bytes:
    """zlib's stream of a file: compressed when its first 64 KB compress (a scan, a WAV), else
    only framed (level 0: a PDF, a JPEG or an MP4 is compressed already, and compressing it
    again would cost time for nothing)."""
    head = data[:65536]
    level = 1 if len(zlib.compress(head, 1)) < 0.9 * len(head) else 0
    return zlib.compress(data, level)


def _inflate(packed: bytes, size: int, name: str) -> bytes:
    """A file of the entry inflated, never beyond its declared size (then it is refused)."""
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(packed, size + 1)
    except zlib.error:
        raise EntryError("hash_mismatch", name) from None
    if len(data) != size or inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
        raise EntryError("hash_mismatch", name)
    return data


def links_clashing(session: Session, entry: EntryContent) -> list[tuple[str, str]]:
    """(response id, file name) of the entry's attachments tied here to another content."""
    clashes = []
    for response_id, file_name, sha, _created in entry.links:
        held = linked_sha256(session, response_id, file_name)
        if held is not None and held != sha:
            clashes.append((response_id, file_name))
    return clashes


def import_entry(session: Session, entry: EntryContent) -> int:
    """Store the entry's blobs this database lacks and its attachments not tied here yet
    (the entry was checked by :func:`read_entry`); returns how many blobs were new."""
    added = 0
    conn = sqlite3.connect(entry.path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        for sha, (name, media, _size) in entry.blobs.items():
            if blob_exists(session, sha):
                continue
            packed = conn.execute("SELECT content FROM attachment_blob WHERE sha256 = ?", (sha,)).fetchone()[0]
            data = _inflate(packed, _size, name)
            _insert(session, AttachmentBlob, [{"sha256": sha, "file_name": name, "media_type": media,
                                               "size": len(data), "content": data, "created_at": utcnow()}])
            added += 1
    finally:
        conn.close()
    _insert(session, Attachment, [
        {"response_id": r, "file_name": n, "sha256": s, "created_at": datetime.fromisoformat(c)}
        for r, n, s, c in entry.links
    ])
    return added


def new_in(session: Session, entry: EntryContent) -> int:
    """How many of the entry's attachments are not tied here yet."""
    return sum(1 for r, n, _s, _c in entry.links if linked_sha256(session, r, n) is None)


__all__ = [
    "BLOB_COLUMNS", "ENTRY", "EntryContent", "EntryError", "LINK_COLUMNS", "StoredFile", "blob_exists",
    "damaged_blobs",
    "content", "contents", "file_of", "files_of", "import_entry", "linked_sha256", "links_clashing",
    "new_in", "read_entry", "store", "write_entry",
]
