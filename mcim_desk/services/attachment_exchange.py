"""Attachments in bundles: the ``attachments.sqlite`` entry written beside the records, and
read, checked and merged on import (called from :mod:`.exchange`).

What travels: the attachments (response, file name, content hash) of the responses a
bundle carries (for a ``--since-last`` bundle, those tied since the last one), with their
blobs. On import every blob is checked against its SHA-256 and its size limit before
anything is written (a mismatch refuses the bundle, naming the file); a blob held here
already is not written again (same hash, same bytes); an attachment whose response is in
neither the bundle nor the database, or whose name is tied here to other bytes, refuses it too.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import limits
from ..exchange.bundle import BundleError
from ..persistence.attachments_repo import ENTRY, EntryContent, EntryError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def write(session: Session, folder: Path, records_path: Path, since: datetime | None) -> tuple[Path | None, int]:
    """The entry for the responses of a records file just written (None when they have no
    attachment) and how many attachments it holds."""
    from ..persistence import attachments_repo
    from ..persistence.bundle_records import distinct_values

    responses = distinct_values(records_path, "response", "id") | distinct_values(records_path, "answer", "response_id")
    target = folder / ENTRY
    count = attachments_repo.write_entry(session, target, responses, since)
    if count == 0:
        target.unlink(missing_ok=True)
        return None, 0
    size = target.stat().st_size
    if size > limits.BUNDLE_ENTRY_BYTES or size + records_path.stat().st_size > limits.BUNDLE_TOTAL_BYTES:
        # a bundle no MCIM Desk would read back: refused here, before it is written
        from .attachments import size_text

        raise BundleError("too_large", QCoreApplication.translate(
            "Exchange", "The attached files of this bundle come to {size}, more than a bundle may carry "
            "({limit}): nothing was written. Export in several steps (--since-last after each import), "
            "or save the largest files apart.").format(
                size=size_text(size), limit=size_text(min(limits.BUNDLE_ENTRY_BYTES, limits.BUNDLE_TOTAL_BYTES))))
    return target, count


def _fail(path: Path, message: str) -> BundleError:
    return BundleError("bad_attachments", QCoreApplication.translate("Exchange", "{file}: ").format(file=path.name) + message)


def read(files: dict[str, Path], path: Path) -> EntryContent | None:
    """The bundle's attachments entry, checked (see the module's description)."""
    from ..persistence import attachments_repo
    from ..services.attachments import size_text

    source = files.get(ENTRY)
    if source is None:
        return None
    try:
        return attachments_repo.read_entry(source, limits.ATTACHMENT_BYTES)
    except EntryError as exc:
        if exc.code == "hash_mismatch":
            message = QCoreApplication.translate(
                "Exchange", "the attached file “{name}” does not match its SHA-256 (the bundle was altered "
                "or damaged); nothing was imported.").format(name=exc.name)
        elif exc.code == "too_large":
            message = QCoreApplication.translate(
                "Exchange", "the attached file “{name}” has {size}, more than the limit of {limit}; nothing "
                "was imported.").format(name=exc.name, size=size_text(int(exc.detail)), limit=size_text(limits.ATTACHMENT_BYTES))
        elif exc.code == "bad_name":
            message = QCoreApplication.translate(
                "Exchange", "the attached file “{name}” has a name no file of MCIM Desk has (a folder, a "
                "character a file name may not hold); nothing was imported.").format(name=exc.name)
        elif exc.code == "missing_blob":
            message = QCoreApplication.translate(
                "Exchange", "the attached file “{name}” is listed without its content (a damaged bundle); "
                "nothing was imported.").format(name=exc.name)
        else:
            message = QCoreApplication.translate(
                "Exchange", "{entry} is not made as a bundle’s attachments are ({detail}); nothing was "
                "imported.").format(entry=ENTRY, detail=" ".join(p for p in (exc.code, exc.name, exc.detail) if p))
        raise _fail(path, message) from None


def check(session: Session, entry: EntryContent | None, bundle_responses: set[str], path: Path) -> int:
    """Refuse attachments of responses found nowhere or tied here to other bytes; returns how
    many attachments are new here."""
    from ..persistence import attachments_repo, exchange_repo

    if entry is None:
        return 0
    wanted = {r for r, _n, _s, _c in entry.links} - bundle_responses
    nowhere = wanted - exchange_repo.existing_ids(session, "response", wanted)
    if nowhere:
        first = next(name for r, name, _s, _c in entry.links if r in nowhere)
        raise _fail(path, QCoreApplication.translate(
            "Exchange", "the attached file “{name}” belongs to a response that is neither in the bundle nor "
            "in this database; nothing was imported.").format(name=first))
    clashes = attachments_repo.links_clashing(session, entry)
    if clashes:
        raise _fail(path, QCoreApplication.translate(
            "Exchange", "the attached file “{name}” is another file than the one of that name here; nothing "
            "was imported.").format(name=clashes[0][1]))
    return attachments_repo.new_in(session, entry)


def apply(session: Session, entry: EntryContent | None) -> int:
    """Store what the entry holds that this database lacks; returns how many blobs were new."""
    from ..persistence import attachments_repo

    return 0 if entry is None else attachments_repo.import_entry(session, entry)


def bundle_responses_of(records: dict[str, Any]) -> set[str]:
    table = records.get("response")
    if table is None:
        return set()
    at = table.position["id"]
    return {row[at] for row in table.rows}


__all__ = ["apply", "bundle_responses_of", "check", "read", "write"]
