"""What each part of the one-folder build weighs: the table build.spec prints and writes.

    python packaging/sizes.py BUNDLE_DIR [PYZ]    # BUNDLE_DIR: dist/mcim-desk
                                                  # PYZ: <workpath>/build/PYZ-00.pyz

Files are counted at their size on disk (links once); the Python modules travel compressed
inside the executable (PyInstaller's PYZ archive), and are counted there by package when the
archive is given (PyInstaller's reader: run with the build interpreter).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# (pattern on the path inside _internal/, part); the first that matches names the part.
FILE_PARTS = (
    (r"PySide6/Qt/lib/libicudata", "Qt: ICU data (libicudata)"),
    (r"PySide6/Qt/lib/libicu", "Qt: ICU code (libicuuc, libicui18n)"),
    (r"PySide6/Qt/lib/lib(Qt6\w+)", r"Qt library: \1"),
    (r"PySide6/Qt/plugins/", "Qt: plugins"),
    (r"PySide6/Qt/translations/", "Qt: translations"),
    (r"(PySide6|shiboken6)/", "PySide6: Python bindings of Qt"),
    (r"psycopg_binary", "psycopg binary (libpq, its OpenSSL, Kerberos, LDAP)"),
    (r"cryptography", "cryptography (Rust, OpenSSL)"),
    (r"(PIL|pillow\.libs)/", "Pillow (reportlab's images)"),
    (r"pycountry/", "pycountry (ISO 3166 names)"),
    (r"pyxform/", "pyxform data"),
    (r"resources/fonts/", "fonts (DejaVu)"),
    (r"tzdata/", "tzdata (time zones)"),
    (r"(resources|db)/|[^/]+\.(md|json|txt)$|LICENSE$", "program resources, migrations, notices"),
    (r"libpython", "Python: libpython"),
    (r"python3[.\d]*/lib-dynload/", "Python: standard library extensions"),
    (r"base_library\.zip$", "Python: base_library.zip"),
    (r"[^/]+\.dist-info/", "package metadata (dist-info)"),
    (r"[^/]*\.so[.\d]*$", "system libraries (xcb, X11, glib, OpenSSL, SQLite...)"),
)
EXECUTABLE = "executable: bootloader"
# Top-level Python package -> part, for the modules inside the executable's archive.
MODULE_PARTS = {
    "mcim_desk": "program", "sqlalchemy": "SQLAlchemy", "alembic": "Alembic, Mako",
    "mako": "Alembic, Mako", "reportlab": "reportlab", "charset_normalizer": "reportlab",
    "pyxform": "pyxform and its dependencies", "lark": "pyxform and its dependencies",
    "xlrd": "pyxform and its dependencies", "defusedxml": "pyxform and its dependencies",
    "openpyxl": "openpyxl", "et_xmlfile": "openpyxl", "pypdf": "pypdf",
    "psycopg": "psycopg", "psycopg_binary": "psycopg", "PIL": "Pillow",
    "icalendar": "icalendar, dateutil", "dateutil": "icalendar, dateutil",
    "PySide6": "PySide6", "shiboken6": "PySide6", "cryptography": "cryptography",
    "cffi": "cryptography", "pycountry": "pycountry",
}


def file_part(relative: str) -> str:
    for pattern, part in FILE_PARTS:
        match = re.match(pattern, relative)
        if match:
            return match.expand(part)
    return "other"


def module_part(name: str) -> str:
    top = name.split(".")[0]
    if top in MODULE_PARTS:
        return f"executable: Python modules: {MODULE_PARTS[top]}"
    if top in sys.stdlib_module_names or top.startswith("pyimod") or top == "_pyi_rth_utils":
        return "executable: Python modules: standard library"
    return "executable: Python modules: other"


def pyz_modules(pyz: Path) -> dict[str, int]:
    """Compressed size of every module in a PyInstaller PYZ archive."""
    from PyInstaller.archive.readers import ZlibArchiveReader

    return {name: entry[2] for name, entry in ZlibArchiveReader(str(pyz)).toc.items()}


def measure(bundle: Path, modules: dict[str, int] | None = None,
            pyz_size: int = 0) -> dict[str, int]:
    """Bytes per part, largest first. ``modules``/``pyz_size``: the archive inside each
    executable (its modules' compressed sizes, its size on disk)."""
    parts: dict[str, int] = {}

    def add(part: str, size: int) -> None:
        parts[part] = parts.get(part, 0) + size

    internal = bundle / "_internal"
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        if internal in path.parents:
            add(file_part(path.relative_to(internal).as_posix()), size)
        elif modules and size > pyz_size:  # an executable carrying the archive
            add(EXECUTABLE, size - pyz_size)
            for name, packed in modules.items():
                add(module_part(name), packed)
            add("executable: archive index", pyz_size - sum(modules.values()))
        else:
            add("executable" if path.parent == bundle else "other", size)
    return dict(sorted(parts.items(), key=lambda item: -item[1]))


def table(parts: dict[str, int]) -> str:
    rows = [f"  {part:60} {size / 1e6:7.1f} MB" for part, size in parts.items()]
    rows.append(f"  {'total':60} {sum(parts.values()) / 1e6:7.1f} MB")
    return "\n".join(rows)


def write(parts: dict[str, int], target: Path) -> None:
    target.write_text(json.dumps(parts, indent=1), encoding="utf-8")


if __name__ == "__main__":
    bundle = Path(sys.argv[1])
    pyz = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    print(table(measure(bundle, pyz_modules(pyz) if pyz else None,
                        pyz.stat().st_size if pyz else 0)))
