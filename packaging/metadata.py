"""The one source of every name, path and identifier the installers use.

build.spec, ``dev.py package``, the Linux packager and the Windows/macOS recipe generator
all read this module; nothing else types these names. The version is the program's own
(``mcim_desk.__version__``), read without importing the package (no Qt at build time).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _read_version() -> str:
    text = (ROOT / "mcim_desk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


VERSION = _read_version()
APP_NAME = "MCIM Desk"
APP_ID = "mcim-desk"  # folder of the one-folder build, package name, data folder name
GUI_EXE = "mcim-desk"  # windowed: no console on Windows, an .app on macOS
CLI_EXE = "mcim-desk-cli"  # console: every subcommand, --self-test
BUNDLE_ID = "org.iom.mcim-desk"  # macOS bundle identifier, desktop entry base name
PUBLISHER = "MCIM Desk project"
HOMEPAGE = "https://www.iom.int/"
SUMMARY = {
    "en": "Desk for the ISCM / Global Compact for Migration study",
    "fr": "Poste de travail pour l’étude des MCIM et du Pacte mondial sur les migrations",
}
DESCRIPTION = (  # the .deb's long description, one line per entry
    f"{APP_NAME} records interviews and questionnaires of the IOM study of inter-state",
    "consultation mechanisms on migration, offline, and prints its reports. Its data",
    f"lives in each user's ~/.local/share/{APP_ID}, which upgrades keep.",
)
GENERIC_NAME = {"en": "Study desk", "fr": "Poste d’étude"}
LICENSE = "MIT"
DEB_MAINTAINER = "MCIM Desk project <mcim-desk@localhost>"
DEB_SECTION = "science"
LINUX_PREFIX = f"/opt/{APP_ID}"  # where the .deb installs the one-folder build
ICON_SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
WINDOWS_APP_GUID = "{6F0D2B7C-4E3A-4C1B-9D5E-2A7F1C8B3E91}"  # Inno Setup AppId: never change
# Debian packages providing what Qt's xcb/wayland plugins, fontconfig and D-Bus load from the
# system (the same list build.spec checks and .ci/run installs). libc6 is added by the
# packager: at least the build machine's glibc, which the bundle needs.
DEB_DEPENDS = (
    "libegl1", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0",
    "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1",
    "libx11-xcb1", "libwayland-cursor0", "libwayland-client0",
)


def artefact_names(arch: str = "amd64") -> dict[str, str]:
    """File names of every artefact, per system."""
    appimage_arch = {"amd64": "x86_64", "arm64": "aarch64"}.get(arch, arch)
    return {
        "deb": f"{APP_ID}_{VERSION}_{arch}.deb",
        "appimage": f"{APP_ID}-{VERSION}-{appimage_arch}.AppImage",
        "appdir": f"{APP_ID}.AppDir",
        "squashfs": f"{APP_ID}-{VERSION}-{appimage_arch}.squashfs",
        "windows": f"{APP_ID}-{VERSION}-setup",  # Inno Setup adds .exe
        "macos": f"{APP_ID}-{VERSION}.dmg",
    }
