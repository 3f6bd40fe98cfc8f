"""Attachments: files answering image, audio, video and file questions.

Attaching is two use cases, each one unit of work: :func:`store_file` checks the file (size
first, before reading it; then its content against the question's type) and stores it, then
the answer's value, the stored name, is saved as any answer is (autosave, undo, conflicts:
:func:`mcim_desk.services.responses.save_answer`). What :func:`store_file` writes is a fact
about content (this name of this response is these bytes), never changed afterwards: an
answer that stops naming a file keeps it, so Undo, or a conflict's other value, finds it again.

A refused file (too large, not of the question's kind, not in ``body::accept``, unreadable)
raises :class:`AttachmentError` naming the file and the question; nothing is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..domain import attachments as rules
from ..limits import ATTACHMENT_BYTES, grouped
from . import forms as form_service
from .response_common import ResponseError, _check_instance_path, question_caption

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.attachments_repo import StoredFile
    from ..persistence.database import Database

ATTACHMENTS_FOLDER = "attachments"  # beside an export: attachments/<response id>/<file name>


class AttachmentError(ResponseError):
    """A file refused; ``str()`` names the file and the question."""


@dataclass(frozen=True)
class AttachedFile:
    """A response's file, as an editor shows it."""

    file_name: str  # the answer's value
    original_name: str
    media_type: str
    size: int
    sha256: str

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def size_text(size: int) -> str:
    """A file size for people: 532 bytes, 14.2 KB, 3.1 MB (units of 1,024; Ko, Mo in French)."""
    if size < 1024:
        return QCoreApplication.translate("Attachments", "{n} bytes").format(n=grouped(size))
    units = (
        (1024, QCoreApplication.translate("Attachments", "{n} KB")),
        (1024**2, QCoreApplication.translate("Attachments", "{n} MB")),
        (1024**3, QCoreApplication.translate("Attachments", "{n} GB")),
    )
    for scale, template in units:
        if size < scale * 1024 or scale == 1024**3:
            number = f"{size / scale:.1f}"
            if QCoreApplication.translate("Limits", ",", "thousands separator in numbers: 30,000") != ",":
                number = number.replace(".", ",")  # French writes 2,5 Mo
            return template.format(n=number)
    raise AssertionError("unreachable")


def _refusal_message(refusal: rules.Refusal, file_name: str, caption: str, qtype: str) -> str:
    kinds = {
        "image": QCoreApplication.translate("Attachments", "an image"),
        "audio": QCoreApplication.translate("Attachments", "a sound recording"),
        "video": QCoreApplication.translate("Attachments", "a video"),
    }
    values = {"file": file_name, "question": caption, "kind": kinds.get(qtype, qtype),
              "found": refusal.found, "expected": refusal.expected}
    if refusal.code == "unknown_content":
        text = QCoreApplication.translate(
            "Attachments", "“{file}” is not {kind}: its content is of no image, sound or video format known "
            "here. The question “{question}” takes {kind} ({expected}). Nothing was attached.")
    elif refusal.code == "wrong_kind":
        text = QCoreApplication.translate(
            "Attachments", "“{file}” holds {found}, not {kind}: the question “{question}” takes {kind} "
            "({expected}). Nothing was attached.")
    elif refusal.code == "wrong_extension":
        text = QCoreApplication.translate(
            "Attachments", "“{file}” holds {found} but its name does not end as such a file’s does "
            "({expected}): rename it and attach it again to “{question}”. Nothing was attached.")
    else:
        text = QCoreApplication.translate(
            "Attachments", "The question “{question}” takes only {expected} files: “{file}” is not one. "
            "Nothing was attached.")
    return text.format(**values)


def check_file(question_type: str, accept: str | None, path: Path, caption: str) -> tuple[bytes, str]:
    """The file's bytes and SHA-256 once it passed every check (see the module's description)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AttachmentError(QCoreApplication.translate(
            "Attachments", "“{file}” cannot be read ({error}): nothing was attached to “{question}”.").format(
                file=name, error=exc.strerror or exc, question=caption)) from None
    if size > ATTACHMENT_BYTES:
        raise AttachmentError(too_large_message(name, size, caption))
    try:
        with path.open("rb") as handle:
            data = handle.read(ATTACHMENT_BYTES + 1)
    except OSError as exc:
        raise AttachmentError(QCoreApplication.translate(
            "Attachments", "“{file}” cannot be read ({error}): nothing was attached to “{question}”.").format(
                file=name, error=exc.strerror or exc, question=caption)) from None
    if len(data) > ATTACHMENT_BYTES:  # grew since its size was read
        raise AttachmentError(too_large_message(name, len(data), caption))
    if not data:
        raise AttachmentError(QCoreApplication.translate(
            "Attachments", "“{file}” is empty: nothing was attached to “{question}”.").format(file=name, question=caption))
    refusal = rules.check(question_type, name, data[:64], accept)
    if refusal is not None:
        raise AttachmentError(_refusal_message(refusal, name, caption, question_type))
    return data, hashlib.sha256(data).hexdigest()


def too_large_message(file_name: str, size: int, caption: str) -> str:
    return QCoreApplication.translate(
        "Attachments", "“{file}” has {size}, more than the limit of {limit} for an attached file: nothing was "
        "attached to “{question}”.").format(file=file_name, size=size_text(size), limit=size_text(ATTACHMENT_BYTES),
                                            question=caption)


def store_file(db: Database, response_id: str, path: str, source: str | Path) -> AttachedFile:
    """Check ``source`` against the question at ``path`` of the response and store it;
    returns what was stored, whose ``file_name`` the caller then saves as the answer."""
    from ..persistence import attachments_repo, repositories

    source = Path(source)
    with db.read() as session:
        head = repositories.response_head(session, response_id)
        if head is None:
            raise ResponseError(QCoreApplication.translate("Forms", "There is no response {id}.").format(id=response_id))
        definition = form_service.definition_in(session, head.form_version_id)
    question = _check_instance_path(definition, path)
    caption = question_caption(question)
    if not question.takes_file:
        raise AttachmentError(QCoreApplication.translate(
            "Attachments", "The question “{question}” does not take a file: “{file}” was not attached.").format(
                question=caption, file=source.name))
    data, sha = check_file(question.type, question.accept, source, caption)
    name = rules.stored_name(source.name, sha)
    media = rules.media_type(source.name, data[:64])
    with db.write() as session:
        if repositories.response_head(session, response_id) is None:
            raise ResponseError(QCoreApplication.translate("Forms", "There is no response {id}.").format(id=response_id))
        attachments_repo.store(session, response_id, name, sha, source.name, media, data)
        stored = attachments_repo.file_of(session, response_id, name)
    assert stored is not None
    return _attached(stored)


def _attached(stored: StoredFile) -> AttachedFile:
    return AttachedFile(stored.file_name, stored.original_name, stored.media_type, stored.size, stored.sha256)


def file_info(db: Database, response_id: str, file_name: str) -> AttachedFile | None:
    """The response's file named ``file_name`` (an answer's value); None when this database
    does not hold it (an answer imported from JSON without its file)."""
    from ..persistence import attachments_repo

    with db.read() as session:
        stored = attachments_repo.file_of(session, response_id, file_name)
    return None if stored is None else _attached(stored)


def read_bytes(db: Database, response_id: str, file_name: str) -> bytes:
    from ..persistence import attachments_repo

    with db.read() as session:
        stored = attachments_repo.file_of(session, response_id, file_name)
        data = attachments_repo.content(session, stored.sha256) if stored is not None else None
    if data is None:
        raise AttachmentError(QCoreApplication.translate(
            "Attachments", "The file “{file}” is not in this database.").format(file=file_name))
    return data


def save_copy(db: Database, response_id: str, file_name: str, target: str | Path, *,
              make_folder: bool = False) -> Path:
    """Write the file to ``target`` (through the private-file writer)."""
    from ..files import write_bytes

    return write_bytes(Path(target), read_bytes(db, response_id, file_name), make_folder=make_folder)


def temporary_copy(db: Database, response_id: str, file_name: str) -> Path:
    """A copy in the process's private temporary folder, for another program to open; it
    goes with the folder when the program ends (or on the next start)."""
    from ..paths import temp_dir
    from ..persistence.attachments_repo import safe_id

    if not rules.is_stored_name(file_name) or not safe_id(response_id):
        raise AttachmentError(QCoreApplication.translate(
            "Attachments", "The file “{file}” is not in this database.").format(file=file_name))
    folder = temp_dir() / ATTACHMENTS_FOLDER / response_id
    return save_copy(db, response_id, file_name, folder / file_name, make_folder=True)


# --- exports ---------------------------------------------------------------------------------


def relative_path(response_id: str, file_name: str) -> str:
    """Where an export puts a file, relative to the export (KoboToolbox's layout)."""
    return f"{ATTACHMENTS_FOLDER}/{response_id}/{file_name}"


def file_answers(definition: Any, values: Mapping[str, str]) -> dict[str, str]:
    """The answers (instance path -> file name) of file questions among ``values``."""
    from ..forms.definition import definition_path

    found = {}
    for path, value in values.items():
        question = definition.find(definition_path(path))
        if question is not None and question.takes_file and value:
            found[path] = value
    return found


def attachment_list(session: Session, response_id: str, definition: Any, values: Mapping[str, str]) -> list[dict[str, Any]]:
    """KoboToolbox's ``_attachments`` of a submission: each file an answer names that this
    database holds, with its name, media type, a download URL relative to the export (where
    :func:`export_files` writes it) and the question's path."""
    from ..persistence import attachments_repo

    named = file_answers(definition, values)
    if not named:
        return []
    held = {f.file_name: f for f in attachments_repo.files_of(session, [response_id])}
    result = []
    for path, name in named.items():
        stored = held.get(name)
        if stored is None:
            continue
        url = relative_path(response_id, name)
        result.append({"filename": url, "media_file_basename": name, "mimetype": stored.media_type,
                       "download_url": url, "question_xpath": path})
    return result


def export_files(session: Session, answers: Iterable[tuple[str, str]], folder: str | Path) -> list[Path]:
    """Write the files named by ``answers`` ((response id, file name) pairs) under
    ``folder``/attachments/<response id>/; returns the files written. A name this database
    does not hold is skipped."""
    from ..files import write_bytes
    from ..persistence import attachments_repo

    wanted: dict[str, set[str]] = {}
    for response_id, name in answers:
        wanted.setdefault(response_id, set()).add(name)
    if not wanted:
        return []
    # names and ids become paths: only those this program gives (bundles are checked the same way)
    stored = [f for f in attachments_repo.files_of(session, wanted) if f.file_name in wanted[f.response_id]
              and rules.is_stored_name(f.file_name) and attachments_repo.safe_id(f.response_id)]
    by_sha: dict[str, list[StoredFile]] = {}
    for f in stored:
        by_sha.setdefault(f.sha256, []).append(f)
    written = []
    for sha, data in attachments_repo.contents(session, by_sha):
        for f in by_sha[sha]:
            written.append(write_bytes(Path(folder) / relative_path(f.response_id, f.file_name), data, make_folder=True))
    return sorted(written)


def store_files_beside(session: Session, folder: Path, response_id: str, definition: Any,
                       values: Mapping[str, str]) -> int:
    """The files an imported submission's answers name, taken from ``folder``/attachments/
    <response id>/<file name> where an export put them (checked as a file chosen in the
    window is; raises AttachmentError), in the caller's transaction; a name held already, or
    with no file beside, is left as it is. Returns how many were stored."""
    from ..forms.definition import definition_path
    from ..persistence import attachments_repo

    if not attachments_repo.safe_id(response_id):
        return 0
    stored = 0
    for path, name in file_answers(definition, values).items():
        source = Path(folder) / relative_path(response_id, name)
        if not rules.is_stored_name(name) or not source.is_file():
            continue
        if attachments_repo.linked_sha256(session, response_id, name) is not None:
            continue
        question = definition.find(definition_path(path))
        data, sha = check_file(question.type, question.accept, source, question_caption(question))
        attachments_repo.store(session, response_id, name, sha, name, rules.media_type(name, data[:64]), data)
        stored += 1
    return stored


__all__ = [
    "ATTACHMENTS_FOLDER", "AttachedFile", "AttachmentError", "attachment_list", "check_file", "export_files",
    "file_answers", "file_info", "read_bytes", "relative_path", "save_copy", "size_text", "store_file",
    "store_files_beside",
    "temporary_copy", "too_large_message",
]
