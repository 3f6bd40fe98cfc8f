"""Writing files safely, and what the disk answers when it cannot be written.

``atomic_write`` is the one writer of every file holding personal data (bundles, JSON, XLSX,
CSV, calendars, PDFs, backups): the content goes to a temporary file beside the target (so the
final rename stays on one disk), is flushed to the disk (fsync), then replaces the target in
one step. A new file is created 0600 (owner only); a file that already exists keeps its mode
(someone chose it); a folder that already exists is never changed. A process killed midway
leaves the old file whole, and its temporary file is removed on the next start (it is noted in
the process's private temporary folder, see :mod:`paths`).

The storage errors (:class:`StorageError` and its kinds) carry a translated message that says
what happened and where; the window and the command line show it as it is.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .translation import translate

PRIVATE_FILE_MODE = 0o600
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
# SQLite's result codes (sqlite3 exposes them from Python 3.11 on)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 8, 10, 13
_SQLITE_IOERR_WRITE, _SQLITE_IOERR_SHMSIZE = 778, 4874


class StorageError(OSError):
    """The disk or the database refused a read or a write; ``str()`` is the user's message."""

    def __init__(self, where: Path | str, detail: str = "") -> None:
        super().__init__(str(where))
        self.where, self.detail = Path(where), detail

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        return translate("Storage", "{path} could not be read or written.").format(path=self.where)


class DiskFullError(StorageError):
    """No room left on the disk (or the file grew past the size it may have)."""

    def message(self) -> str:
        return translate("Storage", "The disk holding {folder} is full: nothing could be written there. Free "
                   "some space (or choose another folder) and try again.").format(folder=self.where)


class ReadOnlyError(StorageError):
    """The database (its file or its folder) cannot be written: it is open for reading only."""

    def message(self) -> str:
        return translate("Storage", "{path} is read-only (the file or its folder cannot be written): it is open "
                   "for reading only and nothing can be saved in it. To change it, copy it to a "
                   "folder you can write to.").format(path=self.where)


class DatabaseBusyError(StorageError):
    """Another program held the database's write lock for longer than the busy wait."""

    def message(self) -> str:
        return translate("Storage", "Another program is writing to {path} and has held it for more than "
                   "{seconds} seconds: nothing was saved. Try again once it has finished, or "
                   "close it.").format(path=self.where, seconds=self.detail or "15")


class DiskError(StorageError):
    """Reading or writing failed for another reason (a disk removed, failing)."""

    def message(self) -> str:
        return translate("Storage", "Reading or writing {path} failed ({detail}): the disk may be full, removed "
                   "or failing.").format(path=self.where, detail=self.detail)


def classify(exc: BaseException, where: Path | str) -> StorageError | None:
    """The storage error ``exc`` (an OSError, a sqlite3 or SQLAlchemy error) stands for, or
    None when it is something else."""
    if isinstance(exc, StorageError):
        return exc
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error
    if orig is not None and orig is not exc:
        return classify(orig, where)
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return DiskFullError(where)
        if exc.errno == errno.EROFS:
            return ReadOnlyError(where)
        if exc.errno in (errno.EACCES, errno.EPERM):
            return StorageError(where)  # "could not be read or written": a permission said no
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    if code in (_SQLITE_IOERR_WRITE, _SQLITE_IOERR_SHMSIZE) or code & 0xFF == _SQLITE_FULL:
        return DiskFullError(where)
    if code & 0xFF == _SQLITE_IOERR:
        return DiskError(where, str(exc))
    if code & 0xFF == _SQLITE_READONLY:
        return ReadOnlyError(where)
    if code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusyError(where)
    return None


# --- the one writer -------------------------------------------------------------------------


def atomic_write(out: str | Path, write: Callable[[Path], None], *, make_folder: bool = False) -> Path:
    """``write(temp)`` fills a new private temporary file beside ``out``, which then replaces
    ``out`` in one step (after an fsync): a crash never leaves a half-written file where the
    old one was. ``make_folder``: create a missing folder (0700) instead of refusing.

    A full disk surfaces as :class:`DiskFullError` naming the folder; nothing is left behind."""
    from .paths import ensure_private_dir

    out = Path(out)
    folder = out.parent
    if not folder.is_dir():
        if not make_folder:
            raise FileNotFoundError(str(folder))
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            _reraise(exc, folder)
    mode = _kept_mode(out)
    temp = folder / f".{out.name}.{os.getpid()}-{os.urandom(4).hex()}.part"
    note = _note_pending(temp)  # noted before it exists: a kill at any moment is cleared later
    try:
        handle = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    except OSError as exc:
        if note is not None:
            note.unlink(missing_ok=True)
        _reraise(exc, folder)
    os.close(handle)
    try:
        write(temp)
        if mode is not None:
            os.chmod(temp, mode)  # our own new file takes the mode of the file it replaces
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temp, out)
        _fsync_folder(folder)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        storage = classify(exc, folder) if isinstance(exc, Exception) else None
        if storage is not None and storage is not exc:
            raise storage from exc
        raise
    finally:
        if note is not None:
            note.unlink(missing_ok=True)
    return out


def _reraise(exc: OSError, where: Path) -> None:
    storage = classify(exc, where)
    if storage is None:
        raise exc
    raise storage from exc


def write_bytes(out: str | Path, payload: bytes, *, make_folder: bool = False) -> Path:
    return atomic_write(out, lambda temp: temp.write_bytes(payload), make_folder=make_folder)


def write_text(out: str | Path, text: str, *, make_folder: bool = False) -> Path:
    return atomic_write(out, lambda temp: temp.write_text(text, encoding="utf-8"),
                        make_folder=make_folder)


def create_private(path: Path) -> bool:
    """Create ``path`` empty and 0600 if it does not exist (a new database, a new log); an
    existing file is left as it is. True when it was created."""
    try:
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(handle)
    return True


@contextmanager
def private_tempdir() -> Iterator[None]:
    """Libraries that make temporary files of their own (openpyxl writes each sheet to one)
    make them in this process's private temporary folder while the block runs."""
    from .paths import temp_dir

    previous = tempfile.tempdir
    try:
        tempfile.tempdir = str(temp_dir())
    except OSError:
        pass  # no room for the folder: the library's default, as before
    try:
        yield
    finally:
        tempfile.tempdir = previous


def _kept_mode(out: Path) -> int | None:
    if os.name != "posix":
        return None
    try:
        mode = out.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None
    return None if mode == PRIVATE_FILE_MODE else mode


def _note_pending(temp: Path) -> Path | None:
    """Note the temporary file in this process's private folder, so that the next start
    removes it if this process is killed before the rename. Best effort: a full data disk
    must not stop a file being written to another disk."""
    from .paths import PENDING_PREFIX, temp_dir

    try:
        handle, name = tempfile.mkstemp(prefix=PENDING_PREFIX, dir=temp_dir())
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(str(temp))
    except OSError:
        return None
    return Path(name)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX: the folder's entry is data too)."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


__all__ = [
    "DatabaseBusyError", "DiskError", "DiskFullError", "PRIVATE_FILE_MODE", "ReadOnlyError", "StorageError",
    "atomic_write", "classify", "create_private", "private_tempdir",
    "write_bytes", "write_text",
]
