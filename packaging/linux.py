"""The Linux packages, made from a one-folder build: a .deb and an AppImage.

    python packaging/linux.py BUNDLE_DIR GENERATED_DIR OUT_DIR [--quick]

BUNDLE_DIR is PyInstaller's ``dist/mcim-desk``; GENERATED_DIR is build.spec's
``<workpath>/generated`` (icons, notices). Standard library only, plus ``dpkg-deb`` and
``mksquashfs`` (Debian's dpkg and squashfs-tools).

The AppImage is the AppDir's squashfs image appended to an AppImage *runtime* (the ELF stub
that mounts or extracts it). No runtime is shipped by a Debian or PyPI package (the PyPI
tools that build AppImages download it from GitHub at build time), so the project has its
own, ``packaging/appimage_runtime/runtime.c``, compiled here with gcc against squashfuse's
and libfuse3's libraries (Debian: ``gcc libsquashfuse-dev libfuse3-dev liblz4-dev
liblzo2-dev libzstd-dev``), statically so that it runs on any x86-64 Linux. A runtime named by
``MCIM_APPIMAGE_RUNTIME`` (AppImage's own ``runtime-x86_64``, say) is used instead; with
neither, the AppDir and its squashfs image are made and the AppImage step says why not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metadata as meta  # noqa: E402

ROOT = meta.ROOT
RUNTIME_ENV = "MCIM_APPIMAGE_RUNTIME"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry(exec_line: str) -> str:
    """The freedesktop.org entry, English and French."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={meta.APP_NAME}",
        f"Name[fr]={meta.APP_NAME}",
        f"GenericName={meta.GENERIC_NAME['en']}",
        f"GenericName[fr]={meta.GENERIC_NAME['fr']}",
        f"Comment={meta.SUMMARY['en']}",
        f"Comment[fr]={meta.SUMMARY['fr']}",
        f"Exec={exec_line}",
        f"Icon={meta.APP_ID}",
        "Terminal=false",
        "Categories=Office;",
        "Keywords=migration;survey;questionnaire;interview;ISCM;MCIM;",
        "Keywords[fr]=migration;enquête;questionnaire;entretien;MCIM;",
        "",
    ])


def _copy_bundle(bundle: Path, target: Path) -> None:
    shutil.copytree(bundle, target, symlinks=True)


def _docs(generated: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "LICENSE", target / "LICENSE")
    shutil.copy2(generated / "THIRD-PARTY-NOTICES.txt", target / "THIRD-PARTY-NOTICES.txt")
    shutil.copy2(ROOT / "CHANGELOG.md", target / "CHANGELOG.md")
    shutil.copy2(ROOT / "CHANGELOG.fr.md", target / "CHANGELOG.fr.md")


def _icons(generated: Path, share: Path) -> None:
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(generated / "icons" / f"{meta.APP_ID}-{size}.png", folder / f"{meta.APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(meta.ICON_SVG, scalable / f"{meta.APP_ID}.svg")


def _size_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024


def _arch() -> str:
    out = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return out.stdout.strip() or "amd64"


def _libc6() -> str:
    """The bundle needs at least the build machine's glibc."""
    name, _, version = os.confstr("CS_GNU_LIBC_VERSION").partition(" ")
    return f"libc6 (>= {version})" if name == "glibc" and version else "libc6"


def make_deb(bundle: Path, generated: Path, out: Path, work: Path, quick: bool = False) -> Path:
    """/opt/mcim-desk (the build), /usr/bin/mcim-desk and mcim-desk-cli (links), the desktop
    entry, the icons, and the licence, notices and changelog in /usr/share/doc/mcim-desk."""
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    prefix = stage / meta.LINUX_PREFIX.lstrip("/")
    _copy_bundle(bundle, prefix)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for exe in (meta.GUI_EXE, meta.CLI_EXE):
        (bin_dir / exe).symlink_to(f"{meta.LINUX_PREFIX}/{exe}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{meta.BUNDLE_ID}.desktop").write_text(
        desktop_entry(meta.GUI_EXE), encoding="utf-8")
    _icons(generated, share)
    doc = share / "doc" / meta.APP_ID
    _docs(generated, doc)
    shutil.copy2(ROOT / "LICENSE", doc / "copyright")
    control = stage / "DEBIAN"
    control.mkdir()
    arch = _arch()
    (control / "control").write_text("\n".join([
        f"Package: {meta.APP_ID}",
        f"Version: {meta.VERSION}",
        f"Architecture: {arch}",
        f"Maintainer: {meta.DEB_MAINTAINER}",
        f"Installed-Size: {_size_kib(stage)}",
        f"Depends: {', '.join((_libc6(), *meta.DEB_DEPENDS))}",
        f"Section: {meta.DEB_SECTION}",
        "Priority: optional",
        f"Homepage: {meta.HOMEPAGE}",
        f"Description: {meta.SUMMARY['en']}",
        *(f" {line}" for line in meta.DESCRIPTION),
        "",
    ]), encoding="utf-8")
    hook = ("#!/bin/sh\nset -e\n"
            "if command -v update-desktop-database >/dev/null 2>&1; then "
            "update-desktop-database -q /usr/share/applications || true; fi\n"
            "if command -v gtk-update-icon-cache >/dev/null 2>&1; then "
            "gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi\n")
    for name in ("postinst", "postrm"):
        (control / name).write_text(hook, encoding="utf-8")
        (control / name).chmod(0o755)
    for path in [stage, *stage.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    out.mkdir(parents=True, exist_ok=True)
    deb = out / meta.artefact_names(arch)["deb"]
    # xz: what every dpkg reads, the smallest; gzip -1 when quick (tests: minutes less)
    compression = ["-Zgzip", "-z1"] if quick else ["-Zxz"]
    subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(stage), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return deb


APPRUN = """#!/bin/sh
# AppImage entry: the one-folder build lives in usr/lib/{app_id}; data stays in the user's
# data folder (~/.local/share/{app_id}), never inside the image.
HERE="$(dirname "$(readlink -f "$0")")"
exec "$HERE/usr/lib/{app_id}/{exe}" "$@"
"""


def make_appdir(bundle: Path, generated: Path, out: Path) -> Path:
    appdir = out / meta.artefact_names()["appdir"]
    shutil.rmtree(appdir, ignore_errors=True)
    _copy_bundle(bundle, appdir / "usr" / "lib" / meta.APP_ID)
    share = appdir / "usr" / "share"
    _icons(generated, share)
    _docs(generated, share / "doc" / meta.APP_ID)
    (share / "applications").mkdir(parents=True)
    entry = desktop_entry(meta.GUI_EXE)
    (share / "applications" / f"{meta.BUNDLE_ID}.desktop").write_text(entry, encoding="utf-8")
    (appdir / f"{meta.BUNDLE_ID}.desktop").write_text(entry, encoding="utf-8")
    shutil.copy2(generated / "icons" / f"{meta.APP_ID}-256.png", appdir / f"{meta.APP_ID}.png")
    (appdir / ".DirIcon").symlink_to(f"{meta.APP_ID}.png")
    apprun = appdir / "AppRun"
    apprun.write_text(APPRUN.format(app_id=meta.APP_ID, exe=meta.GUI_EXE), encoding="utf-8")
    apprun.chmod(0o755)
    return appdir


RUNTIME_SOURCE = Path(__file__).resolve().parent / "appimage_runtime" / "runtime.c"
# squashfuse's library reads every compression squashfs-tools writes: link them all.
RUNTIME_LIBS = ["-lsquashfuse", "-lfuse3", "-lzstd", "-llzma", "-llzo2", "-llz4", "-lz",
                "-lpthread", "-ldl"]
# The header of an AppImage of type 2, at offset 8 of its ELF header (EI_ABIVERSION, EI_PAD).
APPIMAGE_MAGIC = b"AI\x02"
RUNTIME_NOTICES = "APPIMAGE-RUNTIME-NOTICES.txt"


class RuntimeUnavailable(Exception):
    """Why no AppImage runtime could be had (said by dev.py package)."""


def build_runtime(work: Path) -> Path:
    """The runtime compiled from runtime.c: static, else dynamic (needing libsquashfuse0 and
    libfuse3-3 on the user's system). Raises RuntimeUnavailable saying what is missing."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        raise RuntimeUnavailable("no C compiler (apt-get install gcc)")
    work.mkdir(parents=True, exist_ok=True)
    target = work / "runtime"
    cflags = ["-I/usr/include/squashfuse", "-I/usr/include/fuse3"]
    attempts = (["-static", "-s"], ["-s"])
    errors = ""
    for link in attempts:
        made = subprocess.run([compiler, "-O2", "-Wall", *link, "-o", str(target),
                               str(RUNTIME_SOURCE), *cflags, *RUNTIME_LIBS],
                              capture_output=True, text=True)
        if made.returncode == 0:
            return target
        errors = made.stderr
    raise RuntimeUnavailable(
        "the AppImage runtime did not compile (apt-get install libsquashfuse-dev libfuse3-dev "
        f"liblz4-dev liblzo2-dev libzstd-dev):\n{errors[-2000:]}")


# Debian packages of the libraries linked into our runtime, whose licences travel with it.
RUNTIME_LIBRARY_PACKAGES = ("libsquashfuse0", "libfuse3-3", "libzstd1", "liblz4-1", "liblzo2-2",
                            "liblzma5", "zlib1g", "libc6")


def runtime_notices() -> str:
    """What the AppImage's runtime is made of, and the licences of the libraries in it (from
    the build machine's /usr/share/doc/PACKAGE/copyright)."""
    parts = [
        "The AppImage runtime (the program at the head of the .AppImage file)\n\n"
        f"packaging/appimage_runtime/runtime.c is part of {meta.APP_NAME} ({meta.LICENSE}; its "
        "source is in the project). It is linked statically with the libraries below, as built\n"
        "by Debian; their sources are Debian's source packages of the same names and versions.\n",
    ]
    for package in RUNTIME_LIBRARY_PACKAGES:
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            parts.append(f"{'=' * 78}\n{package}\n{'=' * 78}\n"
                         + copyright_file.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def runtime_bytes(work: Path) -> bytes:
    """MCIM_APPIMAGE_RUNTIME's file as it is, else ours, marked as an AppImage of type 2."""
    given = os.environ.get(RUNTIME_ENV)
    if given:
        return Path(given).read_bytes()
    elf = bytearray(build_runtime(work).read_bytes())
    elf[8:8 + len(APPIMAGE_MAGIC)] = APPIMAGE_MAGIC
    return bytes(elf)


def make_appimage(appdir: Path, out: Path, quick: bool = False,
                  work: Path | None = None) -> tuple[Path, Path | None]:
    """The AppDir's squashfs image, and the AppImage (runtime + image) when a runtime can be
    had; otherwise says why on stderr."""
    names = meta.artefact_names(_arch())
    try:
        runtime = runtime_bytes(work or out / "stage" / "appimage-runtime")
    except RuntimeUnavailable as why:
        print(f"linux.py: AppImage not assembled: {why}", file=sys.stderr)
        runtime = None
    if runtime is not None and not os.environ.get(RUNTIME_ENV):  # ours: its licences inside
        (appdir / "usr" / "share" / "doc" / meta.APP_ID / RUNTIME_NOTICES).write_text(
            runtime_notices(), encoding="utf-8")
    image = out / names["squashfs"]
    image.unlink(missing_ok=True)
    # zstd, as appimagetool makes them (type2 runtime); gzip -1 when quick (tests)
    compression = ["-comp", "gzip", "-Xcompression-level", "1"] if quick else ["-comp", "zstd"]
    subprocess.run(["mksquashfs", str(appdir), str(image), "-root-owned", "-noappend",
                    *compression, "-quiet", "-no-progress"], check=True, stdout=subprocess.DEVNULL)
    if runtime is None:
        return image, None
    appimage = out / names["appimage"]
    with appimage.open("wb") as target:
        target.write(runtime)
        with image.open("rb") as source:
            shutil.copyfileobj(source, target)
    appimage.chmod(0o755)
    return image, appimage


def build(bundle: Path, generated: Path, out: Path, quick: bool = False) -> dict[str, Path]:
    """Every Linux artefact; ``quick`` trades size for time (fast compression, for tests)."""
    work = out / "stage"
    made = {"deb": make_deb(bundle, generated, out, work, quick)}
    made["appdir"] = make_appdir(bundle, generated, out)
    made["squashfs"], appimage = make_appimage(made["appdir"], out, quick,
                                               work / "appimage-runtime")
    if appimage is not None:
        made["appimage"] = appimage
    shutil.rmtree(work, ignore_errors=True)
    return made


if __name__ == "__main__":  # the Linux artefacts from an existing one-folder build
    quick = "--quick" in sys.argv
    paths = [Path(a) for a in sys.argv[1:] if a != "--quick"]
    for kind, path in build(*paths[:3], quick=quick).items():
        print(kind, path)
