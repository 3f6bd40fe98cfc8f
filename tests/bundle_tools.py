"""Making bundles by hand for the tests: a sound bundle rewritten with its records changed
(hostile or broken on purpose), written by the real writer so only the change is wrong."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from mcim_desk.exchange.bundle import read_bundle, write_bundle
from mcim_desk.persistence.bundle_records import ENTRY

FRAME = ("format", "format_version", "entries")


def rewrite(good: Path, out: Path, change: Callable[[sqlite3.Connection], None] | None = None,
            passphrase: str | None = None, read_with: str | None = None) -> Path:
    """``good`` written again as ``out``: its records file changed by ``change`` (an open
    connection, committed after), encrypted with ``passphrase`` when given."""
    bundle = read_bundle(good, read_with)
    try:
        records = out.parent / (out.name + ".records.sqlite")
        shutil.copyfile(bundle.files[ENTRY], records)
        if change is not None:
            conn = sqlite3.connect(records)
            try:
                change(conn)
                conn.commit()
            finally:
                conn.close()
        manifest = {k: v for k, v in bundle.manifest.items() if k not in FRAME}
        write_bundle(out, manifest, {**bundle.entries, ENTRY: records}, passphrase=passphrase)
        records.unlink()
    finally:
        bundle.discard()
    return out
