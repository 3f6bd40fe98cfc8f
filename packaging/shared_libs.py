"""Libraries a wheel carries under a hashed name (auditwheel's ``pillow.libs/libXau-154567c4.so.6.0.0``)
that the one-folder build also holds under their own name, because Qt or Python needs them
(``libXau.so.6``, ``libzstd.so.1``, ``liblzma.so.5``, ``libssl.so.3``): one copy becomes a link
to the other, provided the copy kept defines every symbol the users of the one replaced take
from it (name, and version where the symbol is versioned; read with ``readelf``). Otherwise both
stay, and the build says why. Linux only (build.spec calls it there).

Measured on the build of December 2026: Pillow's libXau (2.1 MB, nearly all of it alignment
padding left by patchelf), libzstd (0.8 MB) and liblzma (0.2 MB), for libtiff and libxcb, which
Pillow's ``_imaging`` loads; and Python's own OpenSSL (5.4 MB), for psycopg's.

    python packaging/shared_libs.py VENDORED OWN USER...   # prints "share" or what is missing
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import PurePosixPath

# name-<8 hex digits>.so.<major>[.minor...]: a library vendored by auditwheel
VENDORED = re.compile(r"^(?P<base>lib[\w+]+?)-[0-9a-f]{8}\.so\.(?P<major>\d+)(?:\.\d+)*$")
LINKABLE_KINDS = ("BINARY", "EXTENSION")
# Where the wheel's copy is the one to keep, and the build's own name becomes a link to it:
# OpenSSL 3. psycopg's libpq carries 3.5; Python's _ssl, built for the system's 3.0, runs on it
# (OpenSSL keeps its ABI across 3.x releases; every symbol _ssl takes is checked all the same).
# Python's ssl module must import for psycopg, which imports it before loading libpq.
PREFER_VENDORED = ("libssl", "libcrypto")


@cache
def _symbols(path: str) -> tuple[frozenset[str], frozenset[str]]:
    """(defined, undefined) dynamic symbols of an ELF file, each as ``name`` or ``name@version``."""
    out = subprocess.run(["readelf", "-W", "--dyn-syms", path], capture_output=True, text=True,
                         check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 8 or not fields[0].rstrip(":").isdigit():
            continue
        name = fields[7].replace("@@", "@")
        if not name or name.startswith("@"):
            continue
        (undefined if fields[6] == "UND" else defined).add(name)
    return frozenset(defined), frozenset(undefined)


@cache
def needed(path: str) -> frozenset[str]:
    out = subprocess.run(["readelf", "-dW", path], capture_output=True, text=True).stdout
    return frozenset(re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", out))


def missing_symbols(replaced: str, replacement: str, users: list[str]) -> list[str]:
    """The symbols ``users`` take from ``replaced`` that ``replacement`` does not define (empty:
    ``replacement`` can stand in for it)."""
    offered, _ = _symbols(replaced)
    offered_names = {s.split("@")[0] for s in offered}
    defined, _ = _symbols(replacement)
    defined_names = {s.split("@")[0] for s in defined}
    missing = set()
    for user in users:
        for symbol in _symbols(user)[1]:
            name, _, version = symbol.partition("@")
            if name not in offered_names:
                continue  # taken from another library
            if (symbol not in defined) if version else (name not in defined_names):
                missing.add(symbol)
    return sorted(missing)


def share_vendored(entries: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[str], list[str]]:
    """``entries``: PyInstaller's (destination, source, kind) binaries. Returns them with each
    copy that can be shared turned into a link to the other, the lines saying what was linked
    or kept, and the source paths of the users of the links (to be checked with ``ldd -r``
    once built). The hashed copy becomes a link to the build's own, except for PREFER_VENDORED."""
    kinds = {d.replace("\\", "/"): (s, k) for d, s, k in entries}
    vendored = {}  # own name -> (hashed destination, source)
    for dest, src, kind in entries:
        path = PurePosixPath(dest.replace("\\", "/"))
        match = VENDORED.match(path.name)
        if match and kind in LINKABLE_KINDS and path.parent.name.endswith(".libs"):
            own = f"{match['base']}.so.{match['major']}"
            if kinds.get(own, (None, None))[1] in LINKABLE_KINDS:
                vendored[own] = (path.as_posix(), src, match["base"])
    files = [s for d, s, k in entries if k in LINKABLE_KINDS]
    links = {}  # destination -> (destination it links to, its source, replaced source)
    for own, (hashed, hashed_src, base) in vendored.items():
        if base in PREFER_VENDORED:
            links[own] = (hashed, hashed_src, kinds[own][0])
        else:
            links[hashed] = (own, kinds[own][0], hashed_src)
    out, report, checked_users = [], [], set()
    for dest, src, kind in entries:
        key = dest.replace("\\", "/")
        if key not in links:
            out.append((dest, src, kind))
            continue
        target, target_src, _ = links[key]
        users = [f for f in files if PurePosixPath(key).name in needed(f)]
        missing = missing_symbols(src, target_src, users)
        if missing:
            report.append(f"kept {dest}: {target} lacks {', '.join(missing[:5])}")
            out.append((dest, src, kind))
            continue
        report.append(f"linked {dest} -> {target} ({os.path.getsize(src) / 1e6:.2f} MB; "
                      f"{len(users)} users)")
        out.append((dest, os.path.relpath(target, PurePosixPath(key).parent.as_posix()), "SYMLINK"))
        checked_users.update(users)
    return out, report, sorted(checked_users)


if __name__ == "__main__":
    lacking = missing_symbols(sys.argv[1], sys.argv[2], sys.argv[3:])
    print("share" if not lacking else "missing: " + " ".join(lacking))
