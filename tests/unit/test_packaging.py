"""The installers' recipes and the desktop entry, as text (no build): names and paths come from
packaging/metadata.py, the Windows install needs no administrator, the entry is valid."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))  # not a package: "packaging" is pypa's name
import linux  # noqa: E402
import metadata as meta  # noqa: E402
import recipes  # noqa: E402


def test_metadata_agrees_with_the_program() -> None:
    assert (meta.VERSION, meta.APP_NAME, meta.APP_ID) == (__version__, APP_NAME, APP_ID)
    assert meta.LINUX_PREFIX == f"/opt/{APP_ID}"


def test_inno_setup_script_is_per_user_and_named_from_metadata(tmp_path: Path) -> None:
    iss = recipes.write("windows", tmp_path / "dist" / APP_ID, tmp_path / "gen", tmp_path).read_text()
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequired=admin" not in iss
    assert f"AppVersion={__version__}" in iss and f"AppId={{{meta.WINDOWS_APP_GUID}" in iss
    assert f"OutputBaseFilename={APP_ID}-{__version__}-setup" in iss
    assert f"{{app}}\\{meta.GUI_EXE}.exe" in iss  # the windowed program in the menu
    assert 'MessagesFile: "compiler:Languages\\French.isl"' in iss
    assert "THIRD-PARTY-NOTICES.txt" in iss and "LICENSE" in iss


def test_dmg_script_packs_the_app_and_the_licences(tmp_path: Path) -> None:
    script = recipes.write("macos", tmp_path / f"{APP_NAME}.app", tmp_path / "gen", tmp_path)
    text = script.read_text()
    assert "hdiutil create" in text and f"{APP_ID}-{__version__}.dmg" in text
    assert "ln -s /Applications" in text and "THIRD-PARTY-NOTICES.txt" in text
    assert subprocess.run(["sh", "-n", str(script)]).returncode == 0  # valid shell syntax


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_entry_is_valid_in_english_and_french(tmp_path: Path) -> None:
    entry = tmp_path / f"{meta.BUNDLE_ID}.desktop"
    entry.write_text(linux.desktop_entry(meta.GUI_EXE), encoding="utf-8")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    text = entry.read_text(encoding="utf-8")
    assert f"Name={APP_NAME}" in text and f"Name[fr]={APP_NAME}" in text
    assert f"Comment[fr]={meta.SUMMARY['fr']}" in text


def test_icons_are_made_from_the_svg(tmp_path: Path) -> None:
    import icons
    from PIL import Image

    made = icons.make_icons(tmp_path)
    assert Image.open(made["png256"]).size == (256, 256)
    assert (256, 256) in Image.open(made["ico"]).info["sizes"]
    assert Image.open(made["icns"]).format == "ICNS"


# --- Qt's ICU data, trimmed to French and English (packaging/icu.py) --------------------------


def test_icu_keeps_french_english_and_shared_data_only() -> None:
    import icu

    kept = ["fr.res", "fr_CA.res", "en_GB.res", "coll/fr.res", "zone/en.res", "root.res",
            "coll/root.res", "pool.res", "res_index.res", "zoneinfo64.res", "plurals.res",
            "coll/ucadata.icu", "uts46.nrm", "brkitr/word.brk", "brkitr/fr.res",
            "ibm-5348_P100-1997.cnv", "cnvalias.icu", "unit/en_001.res"]
    dropped = ["de.res", "zh_Hant_TW.res", "coll/de_.res", "coll/es__TRADITIONAL.res",
               "brkitr/cjdict.dict", "brkitr/thaidict.dict", "ibm-1390_P110-2003.cnv",
               "translit/root.res", "translit/el.res", "curr/frr.res", "lang/ff.res"]
    assert [n for n in kept if not icu.keep_item(n)] == []
    assert [n for n in dropped if icu.keep_item(n)] == []


def test_icu_package_survives_a_rewrite() -> None:
    import icu

    header = bytes([32, 0, 0xDA, 0x27, 20, 0, 0, 0, 0, 0, 2, 0]) + b"CmnD" + bytes(16)
    entries = [("icudt73l/a.res", b"x" * 16), ("icudt73l/b/c.res", b"yz" * 40),
               ("icudt73l/d.icu", b"")]
    package = icu.pack(header, entries)  # items come 16-byte aligned, as in ICU's own packages
    assert icu.items(package) == entries
    with pytest.raises(ValueError, match="ICU common data"):
        icu.items(b"\x20\0\x12\x34" + package[4:])


def _pyside_icu_data() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(not sys.platform.startswith("linux") or _pyside_icu_data() is None
                    or shutil.which("gcc") is None or shutil.which("readelf") is None,
                    reason="Linux, PySide6's own ICU, gcc and binutils needed")
def test_trimmed_icu_collates_and_cases_french_as_the_full_one(tmp_path: Path) -> None:
    """Qt on the trimmed data library (LD_LIBRARY_PATH puts it before PySide6's) sorts and
    upper-cases French as on the full data, and a language left out falls back to the root
    locale instead of failing."""
    import icu

    full = _pyside_icu_data()
    trimmed = icu.trim_library(full, tmp_path / "icu")
    assert trimmed.name == full.name and trimmed.stat().st_size < full.stat().st_size / 5
    probe = (
        "from PySide6.QtCore import QCollator, QLocale, QStringDecoder\n"
        "words = ['zèbre', 'Élan', 'eau', 'école', 'Ecole', 'été', 'côte', 'cote', 'coté', 'côté']\n"
        "print('|'.join(sorted(words, key=QCollator(QLocale('fr_FR')).sortKey)))\n"
        "print(QLocale('fr_FR').toUpper('élève à Genève'), QLocale('en_GB').toUpper('straße'))\n"
        "print(QStringDecoder('windows-1252').isValid(), QCollator(QLocale('de_DE')).compare('ä', 'b'))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    plain = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    env["LD_LIBRARY_PATH"] = str(trimmed.parent)
    env["LD_DEBUG"] = "libs"
    cut = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert plain.returncode == 0 and cut.returncode == 0, plain.stderr + cut.stderr[-3000:]
    assert f"{trimmed.parent}/{trimmed.name}" in cut.stderr  # the trimmed library was loaded
    assert cut.stdout == plain.stdout
    assert cut.stdout.splitlines() == [
        "cote|coté|côte|côté|eau|Ecole|école|Élan|été|zèbre",
        "ÉLÈVE À GENÈVE STRASSE",
        "True -1",
    ]


# --- what each part weighs (packaging/sizes.py) ------------------------------------------------


def test_size_table_names_the_parts(tmp_path: Path) -> None:
    import sizes

    assert sizes.file_part("PySide6/Qt/lib/libicudata.so.73") == "Qt: ICU data (libicudata)"
    assert sizes.file_part("PySide6/Qt/lib/libQt6Widgets.so.6") == "Qt library: Qt6Widgets"
    assert sizes.file_part("psycopg_binary.libs/libpq-e9b5c9ac.so.5.18").startswith("psycopg")
    assert sizes.file_part("pycountry/locales/fr/LC_MESSAGES/iso3166-1.mo").startswith("pycountry")
    assert sizes.module_part("lark.parsers.lalr_parser").endswith("pyxform and its dependencies")
    assert sizes.module_part("json.decoder").endswith("standard library")
    bundle = tmp_path / "app"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"q" * 3000)
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    (bundle / "app").write_bytes(b"e" * 1500)  # 500 bytes of bootloader, a 1000-byte archive
    parts = sizes.measure(bundle, {"sqlalchemy.orm": 600, "os": 300}, pyz_size=1000)
    assert parts == {"Qt library: Qt6Core": 3000, "executable: Python modules: SQLAlchemy": 600,
                     EXECUTABLE_PART: 500, "executable: Python modules: standard library": 300,
                     "executable: archive index": 100}
    assert sizes.table(parts).splitlines()[-1].split() == ["total", "0.0", "MB"]


EXECUTABLE_PART = "executable: bootloader"


# --- the AppImage runtime (packaging/appimage_runtime/runtime.c) -------------------------------


@pytest.fixture(scope="module")
def tiny_appimage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small AppDir (AppRun printing its environment and arguments, a file, a link, a
    read-only file) made into one .AppImage file with the project's runtime."""
    if not sys.platform.startswith("linux") or shutil.which("mksquashfs") is None:
        pytest.skip("Linux and mksquashfs (squashfs-tools) needed")
    folder = tmp_path_factory.mktemp("appimage")
    try:
        runtime = linux.build_runtime(folder / "runtime")
    except linux.RuntimeUnavailable as why:
        pytest.skip(str(why))
    appdir = folder / "AppDir"
    (appdir / "usr" / "share").mkdir(parents=True)
    (appdir / "AppRun").write_text(
        '#!/bin/sh\necho "appdir=$APPDIR"\necho "appimage=$APPIMAGE"\n'
        'printf "arg=%s\\n" "$@"\ncat "$APPDIR/usr/share/note.txt"\nexit 3\n')
    (appdir / "AppRun").chmod(0o755)
    (appdir / "usr" / "share" / "note.txt").write_text("Genève, 5 été\n", encoding="utf-8")
    (appdir / "usr" / "share" / "note.txt").chmod(0o444)
    (appdir / "link.txt").symlink_to("usr/share/note.txt")
    image = folder / "image.squashfs"
    subprocess.run(["mksquashfs", str(appdir), str(image), "-root-owned", "-noappend", "-quiet",
                    "-no-progress", "-comp", "zstd"], check=True, stdout=subprocess.DEVNULL)
    appimage = folder / "tiny.AppImage"
    appimage.write_bytes(linux.runtime_bytes(folder / "runtime") + image.read_bytes())
    appimage.chmod(0o755)
    assert runtime.stat().st_size == len(linux.runtime_bytes(folder / "runtime"))
    return appimage


def test_runtime_notices_name_the_libraries_linked_in(tiny_appimage: Path) -> None:
    notices = linux.runtime_notices()
    assert "runtime.c is part of MCIM Desk (MIT" in notices
    for package in ("libsquashfuse0", "libfuse3-3", "libzstd1"):  # the -dev packages need them
        assert f"\n{package}\n" in notices


def test_runtime_is_an_appimage_of_type_2_and_knows_its_offset(tiny_appimage: Path) -> None:
    data = tiny_appimage.read_bytes()
    assert data[:4] == b"\x7fELF" and data[8:11] == b"AI\x02"
    offset = subprocess.run([str(tiny_appimage), "--appimage-offset"], capture_output=True,
                            text=True, check=True).stdout
    assert data[int(offset):int(offset) + 4] == b"hsqs"  # the squashfs superblock's magic


def test_runtime_extracts_the_image_as_it_was(tiny_appimage: Path, tmp_path: Path) -> None:
    subprocess.run([str(tiny_appimage), "--appimage-extract"], cwd=tmp_path, check=True)
    root = tmp_path / "squashfs-root"
    assert (root / "usr/share/note.txt").read_text(encoding="utf-8") == "Genève, 5 été\n"
    assert (root / "usr/share/note.txt").stat().st_mode & 0o777 == 0o444
    assert (root / "AppRun").stat().st_mode & 0o777 == 0o755
    assert os.readlink(root / "link.txt") == "usr/share/note.txt"


@pytest.mark.parametrize("how", ["environment", "option"])
def test_runtime_extracts_runs_and_cleans_up(tiny_appimage: Path, tmp_path: Path,
                                             how: str) -> None:
    env = dict(os.environ, TMPDIR=str(tmp_path))
    args = [str(tiny_appimage), "a b", "--self-test"]
    if how == "environment":
        env["APPIMAGE_EXTRACT_AND_RUN"] = "1"
    else:
        args.insert(1, "--appimage-extract-and-run")
    ran = subprocess.run(args, capture_output=True, text=True, env=env)
    assert ran.returncode == 3, ran.stderr  # AppRun's own exit status
    lines = ran.stdout.splitlines()
    assert lines[0].startswith(f"appdir={tmp_path}/appimage_extracted_")
    assert lines[1:] == [f"appimage={tiny_appimage}", "arg=a b", "arg=--self-test",
                         "Genève, 5 été"]
    assert list(tmp_path.iterdir()) == []  # the extracted copy is removed


def _fuse_usable() -> bool:
    return os.path.exists("/dev/fuse") and os.access("/dev/fuse", os.R_OK | os.W_OK) and (
        os.geteuid() == 0 or shutil.which("fusermount3") is not None)


def test_runtime_mounts_the_image_with_fuse(tiny_appimage: Path, tmp_path: Path) -> None:
    if not _fuse_usable():
        pytest.skip("no usable /dev/fuse here: the runtime extracts instead (tested above)")
    env = dict(os.environ, TMPDIR=str(tmp_path), APPIMAGE_DEBUG="1")
    ran = subprocess.run([str(tiny_appimage), "x"], capture_output=True, text=True, env=env)
    if "FUSE unavailable" in ran.stderr:
        pytest.skip("/dev/fuse is there but mounting is refused (a container)")
    assert ran.returncode == 3, ran.stderr
    assert f"mounted on: {tmp_path}/.mount_mcim" in ran.stderr
    assert ran.stdout.splitlines()[0].startswith(f"appdir={tmp_path}/.mount_mcim")
    assert ran.stdout.splitlines()[-1] == "Genève, 5 été"
    assert list(tmp_path.iterdir()) == []  # unmounted, mount point removed


# --- vendored copies of libraries the bundle holds (packaging/shared_libs.py) -------------------


def _pillow_libs() -> Path:
    import PIL

    folder = Path(PIL.__file__).resolve().parent.parent / "pillow.libs"
    if not sys.platform.startswith("linux") or not folder.is_dir() or not shutil.which("readelf"):
        pytest.skip("a Linux Pillow wheel with its pillow.libs, and readelf")
    return folder


def _system_lib(name: str) -> Path:
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/usr/lib"):
        if (Path(folder) / name).exists():
            return Path(folder) / name
    pytest.skip(f"no {name} on this machine")


def test_vendored_copy_becomes_a_link_only_when_the_bundles_own_defines_what_its_users_take() -> None:
    import shared_libs

    libs = _pillow_libs()
    tiff, zstd = next(libs.glob("libtiff-*.so*")), next(libs.glob("libzstd-*.so*"))
    xcb, xau = next(libs.glob("libxcb-*.so*")), next(libs.glob("libXau-*.so*"))
    system_zstd, system_lzma, system_xau = (_system_lib(n) for n in ("libzstd.so.1", "liblzma.so.5", "libXau.so.6"))
    entries = [
        ("PIL/_imaging.so", str(next((libs.parent / "PIL").glob("_imaging.*.so"))), "EXTENSION"),
        (f"pillow.libs/{tiff.name}", str(tiff), "BINARY"),
        (f"pillow.libs/{zstd.name}", str(zstd), "BINARY"),
        (f"pillow.libs/{xcb.name}", str(xcb), "BINARY"),
        (f"pillow.libs/{xau.name}", str(xau), "BINARY"),
        ("libzstd.so.1", str(system_zstd), "BINARY"),
        ("libXau.so.6", str(system_xau), "BINARY"),
        (f"{zstd.name}", f"pillow.libs/{zstd.name}", "SYMLINK"),
    ]
    out, report, users = shared_libs.share_vendored(entries)
    by_dest = {d: (s, k) for d, s, k in out}
    assert by_dest[f"pillow.libs/{zstd.name}"] == ("../libzstd.so.1", "SYMLINK"), report
    assert by_dest[f"pillow.libs/{xau.name}"] == ("../libXau.so.6", "SYMLINK"), report
    assert by_dest[f"pillow.libs/{tiff.name}"] == (str(tiff), "BINARY")  # no own copy to share
    assert by_dest[zstd.name] == (f"pillow.libs/{zstd.name}", "SYMLINK")  # PyInstaller's link stays
    assert sorted(users) == sorted([str(tiff), str(xcb)])
    # libtiff's ZSTD_* calls are nowhere in liblzma: a wrong "own copy" is refused, symbol by symbol
    assert "ZSTD_decompressStream" in shared_libs.missing_symbols(str(zstd), str(system_lzma), [str(tiff)])
    assert shared_libs.missing_symbols(str(zstd), str(system_zstd), [str(tiff)]) == []


def test_a_vendored_library_is_recognised_by_its_hashed_name() -> None:
    import shared_libs

    names = {"libXau-154567c4.so.6.0.0": ("libXau", "6"), "libk5crypto-459efceb.so.3.1": ("libk5crypto", "3"),
             "libgssapi_krb5-923083ce.so.2.2": ("libgssapi_krb5", "2"), "libXau.so.6": None,
             "libpq-e9b5c9ac.so.5.18": ("libpq", "5"), "_imaging.cpython-311-x86_64-linux-gnu.so": None}
    for name, expected in names.items():
        match = shared_libs.VENDORED.match(name)
        assert (match and (match["base"], match["major"])) == (expected or None), name


def test_pythons_openssl_becomes_a_link_to_psycopgs_newer_copy() -> None:
    """The other way round for OpenSSL: the build's libssl.so.3 and libcrypto.so.3 (Python's
    _ssl needs them; psycopg imports ssl) link to psycopg's vendored 3.x, which defines every
    versioned symbol _ssl takes."""
    import _ssl
    import importlib.util

    import shared_libs

    spec = importlib.util.find_spec("psycopg_binary")
    if spec is None or spec.origin is None:
        pytest.skip("psycopg-binary is not installed")
    libs = Path(spec.origin).resolve().parent.parent / "psycopg_binary.libs"
    if not sys.platform.startswith("linux") or not libs.is_dir() or not shutil.which("readelf"):
        pytest.skip("a Linux psycopg-binary wheel, and readelf")
    ssl_copy, crypto_copy = next(libs.glob("libssl-*.so*")), next(libs.glob("libcrypto-*.so*"))
    entries = [
        ("python3.11/lib-dynload/_ssl.so", _ssl.__file__, "EXTENSION"),
        ("libssl.so.3", str(_system_lib("libssl.so.3")), "BINARY"),
        ("libcrypto.so.3", str(_system_lib("libcrypto.so.3")), "BINARY"),
        (f"psycopg_binary.libs/{ssl_copy.name}", str(ssl_copy), "BINARY"),
        (f"psycopg_binary.libs/{crypto_copy.name}", str(crypto_copy), "BINARY"),
    ]
    out, report, users = shared_libs.share_vendored(entries)
    by_dest = {d: (s, k) for d, s, k in out}
    assert by_dest["libssl.so.3"] == (f"psycopg_binary.libs/{ssl_copy.name}", "SYMLINK"), report
    assert by_dest["libcrypto.so.3"] == (f"psycopg_binary.libs/{crypto_copy.name}", "SYMLINK"), report
    assert by_dest[f"psycopg_binary.libs/{ssl_copy.name}"] == (str(ssl_copy), "BINARY")
    assert _ssl.__file__ in users
