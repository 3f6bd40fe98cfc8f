"""Saving several answers of a response at once, all or nothing (the PDF form and the
submissions import, issue 7), with repeat entries removed in the same transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..forms.definition import split_instance
from . import forms as form_service
from .response_common import (
    SOURCES,
    ResponseError,
    _Audit,
    _check_instance_path,
    _guard_validated,
    _head,
    _normalise,
    _refresh,
    _repeat_markers,
)
from .response_repeats import _drop_instance, _instance_rows

if TYPE_CHECKING:
    from ..persistence.database import Database


# --- saving several answers at once (PDF form import, issue 7) -------------------------------


@dataclass(frozen=True)
class BatchSaveResult:
    """After :func:`save_answers`: the status, how many answers changed, how many repeat
    instances were removed, and the response's revision."""

    status: str
    changed: int
    removed: int
    revision: int


def save_answers(
    db: Database,
    response_id: str,
    values: Mapping[str, object],
    actor: str,
    *,
    source: str | None = None,
    confirm_validated: bool = False,
    remove_instances: Iterable[str] = (),
    expected_revision: int | None = None,
    import_file: str | None = None,
) -> BatchSaveResult:
    """Save several answers (instance paths -> values, as :func:`save_answer` takes them) in
    ONE transaction, with an audit row each; all or nothing.

    ``source`` also sets how the response reached us; ``remove_instances`` removes repeat
    instances (``section_4/q25[3]``, renumbering the following ones, the removed answers in
    the audit log as :func:`remove_repeat` does); ``expected_revision`` refuses when the
    response changed since it was read; ``import_file`` marks the answers' audit rows as an
    import and adds one audit row naming the file. A path into a repeat instance that does
    not exist yet creates it.
    """
    from ..persistence import repositories

    action = "import" if import_file else "update"
    audit = _Audit(actor)
    with db.write() as session:
        head = _head(session, response_id)
        if expected_revision is not None and head.revision != expected_revision:
            raise ResponseError(QCoreApplication.translate(
                "Forms", "The response was changed since the file was read: read the file again."))
        definition = form_service.definition_in(session, head.form_version_id)
        checked = [
            (path, _check_instance_path(definition, path), value) for path, value in values.items()
        ]
        removals: list[tuple[str, int]] = []
        for instance in remove_instances:
            split = split_instance(instance)
            if split is None or split[1] < 1:
                raise ResponseError(
                    QCoreApplication.translate("Forms", "There is no {path}.").format(path=instance))
            _check_instance_path(definition, split[0], container=True)
            removals.append(split)
        rows = repositories.answer_rows(session, response_id)
        by_path = {row[1]: row for row in rows}
        for repeat_path, index in removals:
            if f"{repeat_path}[{index}]" not in by_path:
                raise ResponseError(QCoreApplication.translate("Forms", "There is no {path}.").format(
                    path=f"{repeat_path}[{index}]"))
        changes = []
        for path, question, value in checked:
            new = _normalise(question, value)
            existing = by_path.get(path)
            old = existing[2] if existing is not None else None
            if old != new:
                changes.append((path, question, old, new))
        summary = repositories.response_summary(session, response_id)
        source_changes = source is not None and summary[7] != source
        if not changes and not removals and not source_changes:
            return BatchSaveResult(head.status, 0, 0, head.revision)
        _guard_validated(head, confirm_validated)
        if source_changes:
            if source not in SOURCES:
                raise ResponseError(QCoreApplication.translate(
                    "Forms", "Unknown source “{source}”: use one of {sources}.").format(
                        source=source, sources=", ".join(SOURCES)))
            row = repositories.response(session, response_id)
            audit.add("update", "response", response_id, "source", row.source, source)
            row.source = source
            session.flush()  # bumps the revision: read the head again
            head = _head(session, response_id)
        for path, question, old, new in changes:
            for marker in _repeat_markers(path):
                if marker not in by_path:
                    answer_id = repositories.insert_answer(session, response_id, marker, "")
                    marker_row = (answer_id, marker, "", True)
                    rows.append(marker_row)
                    by_path[marker] = marker_row
                    audit.add("repeat_insert", "answer", response_id, marker, None, "")
            existing = by_path.get(path)
            if existing is None:
                answer_id = repositories.insert_answer(session, response_id, path, new)
                new_row = (answer_id, path, new, True)
                rows.append(new_row)
            else:
                repositories.set_answer_value(session, existing[0], new)
                new_row = (existing[0], path, new, existing[3])
                rows[rows.index(existing)] = new_row
            by_path[path] = new_row
            audit.add(action, "answer", response_id, path, old, new)
            if question.type == "text" and repositories.has_passages(session, response_id, path):
                from .quotes import reanchor_passages  # quoted passages follow the edited text

                reanchor_passages(session, response_id, path, new)
        for repeat_path, index in sorted(removals, key=lambda item: (item[0], -item[1])):
            instance = f"{repeat_path}[{index}]"
            doomed = _instance_rows(rows, instance)
            removed = {
                row[1][len(instance) + 1:]: row[2]
                for row in doomed if row[1] != instance and row[2] is not None
            }
            rows = _drop_instance(session, response_id, rows, repeat_path, index)
            audit.add("repeat_remove", "answer", response_id, instance,
                      json.dumps(removed, ensure_ascii=False, sort_keys=True), None)
        if import_file:
            audit.add("import", "response", response_id, "file", None, import_file)
        status, revision, _state = _refresh(session, head, definition, rows, audit)
        return BatchSaveResult(status, len(changes), len(removals), revision)
