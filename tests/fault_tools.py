"""Making faults for real: a small full disk, a read-only file or folder, a process killed at a
chosen file operation, a write lock held by another process. Root ignores file modes, so as
root read-only places are read-only bind mounts and small disks are tmpfs mounts; otherwise
modes (chmod) and ``RLIMIT_FSIZE`` stand in."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mcim_desk.paths import resource_path

IS_ROOT = os.name == "posix" and os.geteuid() == 0


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` on ``folder`` (root only; the test is skipped otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not IS_ROOT or not _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)):
        pytest.skip("a small disk needs root (mount -t tmpfs); the RLIMIT_FSIZE test covers the rest")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding ``folder`` (but ``leave`` bytes)."""
    import shutil

    filler = folder / "filler.bin"
    room = shutil.disk_usage(folder).free - leave
    with open(filler, "wb") as stream:
        chunk = b"\0" * 65536
        try:
            while room > 0:
                stream.write(chunk[: min(len(chunk), room)])
                room -= len(chunk)
            stream.flush()
        except OSError:
            pass
    return filler


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a file or a folder) cannot be written, for root too."""
    if IS_ROOT:
        if not (_mount("--bind", str(path), str(path))
                and _mount("-o", "remount,ro,bind", str(path))):
            pytest.skip("no read-only bind mount here")
        try:
            yield path
        finally:
            subprocess.run(["umount", str(path)], check=False)
        return
    mode = path.stat().st_mode & 0o7777
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield path
    finally:
        path.chmod(mode)


def run_cli(*args: str, data: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """``mcim-desk ARGS`` in a process of its own, as a user runs it."""
    env = {**os.environ, "MCIM_DESK_DATA": str(data), "PYTHONIOENCODING": "utf-8"}
    env.pop("MCIM_DESK_DB", None)
    return subprocess.run([sys.executable, "-m", "mcim_desk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=resource_path(), timeout=timeout)


# A child that runs Python code and kills itself (SIGKILL) just before its N-th call of
# os.replace: a kill at an exact step of a file switch, with nothing of the program mocked.
KILL_AT_REPLACE = r"""
import os, signal, sys
_real, _count = os.replace, [0]
def _replace(a, b, *args, **kwargs):
    _count[0] += 1
    if _count[0] == int(os.environ["KILL_AT"]):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real(a, b, *args, **kwargs)
os.replace = _replace
"""


def run_killed(code: str, kill_at: int, data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MCIM_DESK_DATA": str(data), "KILL_AT": str(kill_at),
           "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-c", KILL_AT_REPLACE + code, *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=resource_path(), timeout=120)


def leftovers(*folders: Path) -> list[Path]:
    """Temporary files a switch or a copy could leave: none may stay."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*")
                      if p.name.endswith((".part", ".switch")) or ".restoring" in p.name]
    return found
