#!/usr/bin/env python3
"""The project's two set-up commands, needing nothing but Python 3.

    python3 dev.py run     # create .venv if needed, install, start MCIM Desk
    python3 dev.py test    # create .venv if needed, install, run the whole test suite

Extra arguments are passed on (to the program, or to pytest). For maintainers:

    python3 dev.py i18n    # refresh resources/i18n/*.ts from the sources, compile the .qm
    python3 dev.py screenshots [--out DIR] [--lang fr en] [--only SCREEN ...]
                           # every screen, offscreen, in French and English, as PNG files
                           # (screenshots/<screen>-<lang>.png by default)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
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


def screenshots(python: Path, args: list[str]) -> int:
    """Render every screen of the program from a demo database (mcim_desk/devtools/)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(python), "-m", "mcim_desk.devtools.screenshots", *args], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "i18n", "screenshots"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = _ensure_env()
    if command == "run":
        return subprocess.call([str(python), "-m", "mcim_desk", *rest], cwd=ROOT)
    if command == "i18n":
        return _update_translations(python)
    if command == "screenshots":
        return screenshots(python, rest)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if code == 5:  # pytest: no test was collected; that is a failure, not a pass
        print("dev.py: pytest collected no test; failing", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
