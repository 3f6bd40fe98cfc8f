#!/usr/bin/env python3
"""The project's two set-up commands, needing nothing but Python 3.

    python3 dev.py run     # create .venv if needed, install, start MCIM Desk
    python3 dev.py test    # create .venv if needed, install, run the whole test suite
                           # (on PostgreSQL too when it is installed: a throw-away database)

Extra arguments are passed on (to the program, or to pytest). For maintainers:

    python3 dev.py i18n    # refresh resources/i18n/*.ts from the sources, compile the .qm
    python3 dev.py screenshots [--out DIR] [--lang fr en] [--only SCREEN ...]
                           # every screen, offscreen, in French and English, as PNG files
                           # (screenshots/<screen>-<lang>.png by default)
    python3 dev.py package [--python PY] [--out DIR] [--quick] [--no-build]
                           # the one-folder build, then on Linux the .deb and the AppImage;
                           # prints what each part of the build weighs and each artefact's size
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".mcim-install-stamp"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _ensure_env() -> Path:
    """Create the virtual environment and (re)install when pyproject.toml changed."""
    python = _venv_python()
    if not python.exists():
        print("dev.py: creating the virtual environment in .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("dev.py: installing MCIM Desk and its test tools", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True
        )
        STAMP.write_text(wanted)
    return python


# The system libraries Qt loads to show a window on Linux, by soname, with the Debian/Ubuntu
# package holding each: read with `objdump -p` (NEEDED) from PySide6 6.12's libQt6Gui and
# libQt6DBus (any platform), then its xcb plugin (plugins/platforms/libqxcb.so,
# lib/libQt6XcbQpa.so.6). A missing one makes Qt die after the whole install, naming
# libxcb-cursor0 whatever is missing; checked first instead.
QT_GUI_LIBRARIES = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
QT_XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-xkb.so.1": "libxcb-xkb1",
}
# Platforms that load no xcb library (Qt's QT_QPA_PLATFORM, up to its first colon).
NO_XCB_PLATFORMS = {"offscreen", "minimal", "wayland", "wayland-egl", "eglfs", "linuxfb", "vnc"}


def system_libraries() -> set[str] | None:
    """The sonames the dynamic loader finds (``ldconfig -p``, for this machine's architecture,
    and the folders of LD_LIBRARY_PATH); None when that cannot be told (no ldconfig)."""
    command = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if Path(p).exists()), None)
    if command is None:
        return None
    try:
        listing = subprocess.run([command, "-p"], capture_output=True, text=True, timeout=30,
                                 check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    arch = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(platform.machine())
    found: set[str] = set()
    for line in listing.splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        if name and (arch is None or arch in rest.split(")", 1)[0]):
            found.add(name)
    for folder in filter(None, os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep)):
        with contextlib.suppress(OSError):
            found.update(p.name for p in Path(folder).iterdir())
    return found


def missing_qt_packages(environ: Mapping[str, str] = os.environ,
                        found: set[str] | None = None, system: str = sys.platform) -> dict[str, str]:
    """{soname: Debian package} of the libraries Qt needs here and the loader cannot find;
    empty off Linux, or when the libraries cannot be listed. The xcb ones only count when
    Qt would use xcb (not with QT_QPA_PLATFORM=offscreen or wayland, nor in a Wayland
    session without X: WAYLAND_DISPLAY set, DISPLAY not)."""
    if not system.startswith("linux"):
        return {}
    found = system_libraries() if found is None else found
    if found is None:
        return {}
    wanted = dict(QT_GUI_LIBRARIES)
    platform_name = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    wayland_only = not platform_name and environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY")
    if platform_name not in NO_XCB_PLATFORMS and not wayland_only:
        wanted.update(QT_XCB_LIBRARIES)
    return {soname: package for soname, package in wanted.items() if soname not in found}


def apt_line(packages: list[str] | dict[str, str]) -> str:
    names = packages.values() if isinstance(packages, dict) else packages
    return "sudo apt-get install " + " ".join(sorted(set(names)))


def opens_window(args: list[str]) -> bool:
    """Whether ``dev.py run ARGS`` starts the window: not with a subcommand (``check``,
    ``report`` ...), ``--self-test`` (offscreen), ``--version`` or ``--help``."""
    words = iter(args)
    for word in words:
        if word in ("--db", "--lang"):
            next(words, None)  # its value
        elif word in ("--self-test", "--version", "-h", "--help") or not word.startswith("-"):
            return False
    return True


def check_qt_libraries(environ: Mapping[str, str] = os.environ, found: set[str] | None = None,
                       system: str = sys.platform) -> bool:
    """Say which system libraries Qt lacks, and the one line installing them; False then."""
    missing = missing_qt_packages(environ, found, system)
    if not missing:
        return True
    print("dev.py: Qt cannot show a window here: these system libraries are missing: "
          + ", ".join(sorted(missing)) + ".\nInstall them (Debian, Ubuntu; other systems: the "
          "packages holding these files), then run the same command again:\n\n    "
          + apt_line(missing) + "\n", file=sys.stderr, flush=True)
    return False


def _update_translations(python: Path) -> int:
    """lupdate every translatable string of the package into the .ts files (kept, with
    their translations), then lrelease them into the .qm files the program loads."""
    tools = python.parent
    sources = sorted(str(p) for p in (ROOT / "mcim_desk").rglob("*.py"))
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run([str(tools / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(ts)],
                       check=True)
        subprocess.run([str(tools / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    return 0


SOCKET_DIRS = ("/var/run/postgresql", "/tmp", "localhost")  # Debian's, the default, TCP


def _postgres_tools() -> dict[str, str]:
    """createdb, dropdb, initdb, pg_ctl: on the PATH or in Debian's /usr/lib/postgresql/N/bin."""
    found: dict[str, str] = {}
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name)
    for tool in ("createdb", "dropdb", "initdb", "pg_ctl"):
        where = shutil.which(tool)
        for folder in reversed(debian):
            if where:
                break
            if (folder / tool).exists():
                where = str(folder / tool)
        if where:
            found[tool] = where
    return found


def _quiet(command: list[str], **kwargs: object) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=60, **kwargs).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextlib.contextmanager
def throwaway_postgres(environ: Mapping[str, str] = os.environ, prefix: str = "mcim_dev",
                       tools: Mapping[str, str] | None = None,
                       socket_dirs: tuple[str, ...] = SOCKET_DIRS) -> Iterator[str | None]:
    """A PostgreSQL database for one test run, removed afterwards; yields its URL, or None.

    ``MCIM_TEST_PG_URL`` set: that one, untouched. Else a server already running here that
    lets this user create a database (as .ci/run sets one up): a throw-away database in it,
    dropped at the end. Else, PostgreSQL installed but no server: a throw-away cluster in a
    temporary folder (not as root: initdb refuses), stopped and removed at the end. Else one
    line saying the PostgreSQL tests are skipped. ``tools`` and ``socket_dirs``: where the
    programs and a running server's socket are (found on this machine when not given)."""
    if environ.get("MCIM_TEST_PG_URL"):
        yield environ["MCIM_TEST_PG_URL"]
        return
    tools = _postgres_tools() if tools is None else tools
    if "createdb" not in tools or "dropdb" not in tools:
        print("dev.py: PostgreSQL is not installed: SQLite only, the PostgreSQL tests are skipped",
              flush=True)
        yield None
        return
    name = f"{prefix}_{os.getpid()}_{int(time.time())}"
    user = getpass.getuser()
    for host in socket_dirs:  # -w: never wait for a password prompt
        if host.startswith("/") and not Path(host).is_dir():
            continue
        if _quiet([tools["createdb"], "-w", "-h", host, name]):
            print(f"dev.py: PostgreSQL tests use the throw-away database {name}", flush=True)
            where = f"/{name}?host={host}" if host.startswith("/") else f"{host}/{name}"
            try:
                yield f"postgresql+psycopg://{user}@{where}"
            finally:
                _quiet([tools["dropdb"], "-w", "-h", host, "--if-exists", name])
            return
    if "initdb" not in tools or "pg_ctl" not in tools or os.name != "posix" or os.geteuid() == 0:
        print("dev.py: no PostgreSQL server accepts this user here: SQLite only, the PostgreSQL "
              "tests are skipped (start one, or set MCIM_TEST_PG_URL)", flush=True)
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="mcim-pg-") as folder:
        data = Path(folder) / "data"
        started = (
            _quiet([tools["initdb"], "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"])
            and _quiet([tools["pg_ctl"], "-D", str(data), "-w", "-l", str(Path(folder) / "log"),
                        "-o", f"-k {folder} -c listen_addresses=''", "start"])
        )
        if not started or not _quiet([tools["createdb"], "-w", "-h", folder, name]):
            _quiet([tools["pg_ctl"], "-D", str(data), "-m", "immediate", "stop"])
            print("dev.py: a throw-away PostgreSQL could not be started: SQLite only, the "
                  "PostgreSQL tests are skipped", flush=True)
            yield None
            return
        print(f"dev.py: PostgreSQL tests use a throw-away server in {folder}", flush=True)
        try:
            yield f"postgresql+psycopg://{user}@/{name}?host={folder}"
        finally:
            _quiet([tools["pg_ctl"], "-D", str(data), "-m", "fast", "-w", "stop"])


def screenshots(python: Path, args: list[str]) -> int:
    """Render every screen of the program from a demo database (mcim_desk/devtools/)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(python), "-m", "mcim_desk.devtools.screenshots", *args], cwd=ROOT, env=env)


def _package(rest: list[str]) -> int:
    """PyInstaller's one-folder build (build.spec), then on Linux the .deb and the AppImage
    (packaging/linux.py); prints each artefact's size. ``--python PY`` builds with that
    interpreter (it needs the project and PyInstaller installed) instead of .venv's."""
    import argparse

    parser = argparse.ArgumentParser(prog="dev.py package")
    parser.add_argument("--python", help="interpreter with MCIM Desk and PyInstaller installed")
    parser.add_argument("--out", default=str(ROOT / "dist"), help="output folder (dist/)")
    parser.add_argument("--quick", action="store_true",
                        help="fast, larger compression of the Linux packages (the tests use it)")
    parser.add_argument("--no-build", action="store_true",
                        help="package the one-folder build already in --out (no PyInstaller run)")
    args = parser.parse_args(rest)
    out = Path(args.out).resolve()
    work = out / "build"
    if not args.no_build:
        python = Path(args.python) if args.python else _ensure_env()
        build = subprocess.run(
            [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec"),
             "--distpath", str(out), "--workpath", str(work)], cwd=ROOT)
        if build.returncode:
            return build.returncode
    sys.path.insert(0, str(ROOT / "packaging"))  # not a package: "packaging" is pypa's name
    import metadata

    bundle = out / metadata.APP_ID
    generated = work / "build" / "generated"  # build.spec's <workpath>/<spec name>/generated
    if not bundle.is_dir():
        print(f"dev.py: no one-folder build in {bundle}", file=sys.stderr)
        return 1
    made = {"one-folder build": bundle}
    if sys.platform.startswith("linux"):
        import linux

        made.update(linux.build(bundle, generated, out, quick=args.quick))
        if "appimage" not in made:
            print("dev.py: AppImage not assembled (see above); the AppDir and its squashfs "
                  "image are made", file=sys.stderr)
    elif sys.platform in ("win32", "darwin"):
        import shutil

        import recipes

        windows = sys.platform == "win32"
        source = bundle if windows else out / f"{metadata.APP_NAME}.app"
        recipe = recipes.write("windows" if windows else "macos", source, generated, out)
        tool = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe" \
            if windows else "sh"
        code = subprocess.call([tool, str(recipe)])
        if code:
            return code
        names = metadata.artefact_names("x64")
        made["installer"] = out / (names["windows"] + ".exe" if windows else names["macos"])
    parts = generated / "sizes.json"  # written by build.spec (packaging/sizes.py)
    if parts.is_file():
        import json

        import sizes

        print("one-folder build, by part:", sizes.table(json.loads(parts.read_text())), sep="\n")
    for kind, path in made.items():
        files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()] \
            if path.is_dir() else [path]
        size = sum(p.stat().st_size for p in files)
        print(f"{kind:18} {size / 1e6:8.1f} MB  {path}")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "package":
        return _package(argv[1:])
    if not argv or argv[0] not in {"run", "test", "i18n", "screenshots"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    offscreen = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # the tests and screenshots
    window = command == "run" and opens_window(rest)
    if command != "i18n" and not check_qt_libraries(os.environ if window else offscreen):
        return 3  # before the 80 s of building .venv, which Qt would then not start from
    python = _ensure_env()
    if command == "run":
        return subprocess.call([str(python), "-m", "mcim_desk", *rest], cwd=ROOT)
    if command == "i18n":
        return _update_translations(python)
    if command == "screenshots":
        return screenshots(python, rest)
    env = offscreen
    with throwaway_postgres() as pg_url:
        if pg_url:
            env["MCIM_TEST_PG_URL"] = pg_url
        code = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if code == 5:  # pytest: no test was collected; that is a failure, not a pass
        print("dev.py: pytest collected no test; failing", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
