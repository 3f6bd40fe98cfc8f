"""Qt's ICU data, cut down to what a French and English program uses (Linux builds).

    python packaging/icu.py LIBICUDATA OUT_DIR     # writes OUT_DIR/<same name>, prints sizes

PySide6's QtCore links ICU (collation, case mapping, text boundaries, time-zone names), whose
data library ``libicudata.so.NN`` is 32 MB: every locale of CLDR, 230 code-page converters,
the Chinese, Japanese, Thai, Lao, Burmese and Khmer word dictionaries, transliterators. The
data is one ICU *common data package* exported as the symbol ``icudtNN_dat``; this module
takes that package out of the library, keeps its items for the root locale, French and
English and every item that is no locale's (normalization, the collation root, time zones,
plural rules...), and compiles a library of the same name exporting the smaller package.

What goes, and why Qt does not miss it here:

- other locales' data (``xx.res``, ``coll/xx.res``, ``zone/xx.res``...): the program speaks
  French and English; ICU falls back to the root locale for any other (never a failure);
- ``*.cnv`` code pages, but the Western European ones a French or English file may come in
  (Windows-1252, ISO-8859-15, DOS 850, Mac Roman: 13 KB): Qt decodes UTF-8/16/32 and Latin-1
  itself, and ICU's UTF and ASCII converters are algorithmic (no data);
- ``brkitr/*.dict``: word dictionaries for Chinese, Japanese, Thai, Lao, Burmese, Khmer;
- ``translit/``: transliterators, which Qt never creates.

The package format (ICU's ``udata.cpp``, ``package.cpp``): a data header (its size first,
magic ``da 27``, format ``CmnD``), then the table of contents at the header's end: a count,
then (name offset, data offset) pairs relative to the table, sorted by name (ICU searches it
by bisection), then the names, then the items, each 16-byte aligned.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "fr")
# Locale data items are named by locale ("fr_CA.res", "coll/fr.res"); every other .res file
# ("zoneinfo64.res", "plurals.res", "pool.res", "root.res"...) is shared data and stays.
KEEP_CODE_PAGES = ("ibm-5348_P100-1997", "ibm-923_P100-1998", "ibm-850_P100-1995",
                   "macos-0_2-10.2")  # windows-1252, ISO-8859-15, IBM850, macintosh
_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")  # "de_": an alias


def keep_item(name: str, languages: tuple[str, ...] = KEEP_LANGUAGES) -> bool:
    """``name`` as the package lists it, without its ``icudtNNl/`` prefix."""
    folder, _, file = name.rpartition("/")
    stem, _, suffix = file.rpartition(".")
    if suffix == "cnv":
        return stem in KEEP_CODE_PAGES
    if folder == "translit" or (folder == "brkitr" and suffix == "dict"):
        return False
    if suffix == "res" and _LOCALE.fullmatch(stem) and stem != "res_index":
        return stem.split("_")[0] in languages
    return True


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]


def items(package: bytes) -> list[tuple[str, bytes]]:
    """(name, bytes) of every item of a little-endian ICU common data package, in order."""
    header = _u16(package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or package[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = _u32(package, header)
    entries = [struct.unpack_from("<II", package, header + 4 + 8 * i) for i in range(count)]
    starts = [header + data for _, data in entries]
    ends = starts[1:] + [len(package)]
    out = []
    for (name_at, _), start, end in zip(entries, starts, ends, strict=True):
        name_start = header + name_at
        name = package[name_start:package.index(b"\0", name_start)].decode("ascii")
        out.append((name, package[start:end]))
    return out


def pack(header: bytes, entries: list[tuple[str, bytes]]) -> bytes:
    """A common data package of ``entries`` (already sorted) behind ``header``."""
    def pad(n: int) -> int:
        return -n % 16

    names = b""
    name_offsets = []
    table = 4 + 8 * len(entries)
    for name, _ in entries:
        name_offsets.append(table + len(names))
        names += name.encode("ascii") + b"\0"
    body_start = len(header) + table + len(names)
    body_start += pad(body_start)
    body = b""
    data_offsets = []
    for _, data in entries:
        data_offsets.append(body_start + len(body) - len(header))
        body += data + b"\0" * pad(len(data))
    toc = struct.pack("<I", len(entries)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    out = header + toc + names
    return out + b"\0" * (body_start - len(out)) + body


def _symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol."""
    symbols = subprocess.run(["nm", "-D", "--defined-only", "-S", str(library)],
                             capture_output=True, text=True, check=True).stdout
    for line in symbols.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size, name = int(parts[0], 16), int(parts[1], 16), parts[3]
            break
    else:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():  # "[ 5] .rodata PROGBITS 0000...1000 001000 1e8bb80 ..."
        match = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match:
            start, offset, length = (int(match.group(i), 16) for i in (2, 3, 4))
            if start <= address < start + length:
                return name, address - start + offset, size
    raise ValueError(f"{library}: {name} lies in no section")


STUB = """/* Generated by packaging/icu.py: ICU's data package, trimmed, as ICU's data library. */
__asm__(".section .rodata\\n"
        ".globl {name}\\n"
        ".type {name}, @object\\n"
        ".balign 16\\n"
        "{name}:\\n"
        ".incbin \\"{package}\\"\\n"
        ".size {name}, . - {name}\\n"
        ".section .note.GNU-stack,\\"\\",@progbits\\n");
"""


def trim_library(library: Path, out_dir: Path,
                 languages: tuple[str, ...] = KEEP_LANGUAGES) -> Path:
    """``out_dir/<library's name>``: the same library with the trimmed data package."""
    name, offset, size = _symbol(library)
    package = library.read_bytes()[offset:offset + size]
    entries = items(package)
    prefix = entries[0][0].split("/", 1)[0] + "/"
    kept = [(n, d) for n, d in entries if keep_item(n[len(prefix):], languages)]
    trimmed = pack(package[:_u16(package, 0)], kept)
    if items(trimmed) != kept:
        raise AssertionError("the trimmed ICU package does not read back")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / library.name
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise FileNotFoundError("no C compiler (cc/gcc) to build the trimmed ICU data library")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "icudt.dat"
        data.write_bytes(trimmed)
        source = Path(folder) / "icudata.c"
        source.write_text(STUB.format(name=name, package=data), encoding="ascii")
        subprocess.run([compiler, "-shared", "-nostdlib", "-o", str(target),
                        f"-Wl,-soname,{library.name}", str(source)], check=True)
    return target


if __name__ == "__main__":
    source, made = Path(sys.argv[1]), trim_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{source}: {source.stat().st_size / 1e6:.1f} MB -> {made}: "
          f"{made.stat().st_size / 1e6:.1f} MB")
