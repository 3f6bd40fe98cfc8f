"""The entries of a repeat group (Q25's table): insert, remove and move one, renumbering
the following entries and carrying their quotes; one short write transaction each."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..forms.definition import (
    FormDefinition,
    instance_indexes,
    is_within,
)
from . import forms as form_service
from .response_common import (
    ResponseError,
    _Audit,
    _check_instance_path,
    _conflict,
    _guard_validated,
    _head,
    _normalise,
    _refresh,
    _unchanged_since_read,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..persistence.database import Database


# --- repeats -------------------------------------------------------------------------------


def _instance_rows(rows: Iterable[Sequence], instance: str) -> list[Sequence]:
    return [row for row in rows if is_within(row[1], instance)]


def _renumber(session: Session, response_id: str, rows: list[tuple], mapping: Mapping[int, int],
              repeat_path: str) -> list[tuple]:
    """Rename the answers of the instances in ``mapping`` (old index -> new index), through
    temporary paths so that no intermediate state breaks the (response, path) uniqueness;
    the quotes on them follow. Returns the rows with their new paths."""
    from ..persistence import repositories

    renames: dict[str, str] = {}
    moves: dict[str, str] = {}  # old path -> new path, for the quotes on these answers
    for old_index, new_index in mapping.items():
        if old_index == new_index:
            continue
        source, target = f"{repeat_path}[{old_index}]", f"{repeat_path}[{new_index}]"
        for row in _instance_rows(rows, source):
            renames[row[0]] = target + row[1][len(source):]
            moves[row[1]] = renames[row[0]]
    repositories.set_answer_paths(session, [(answer_id, f"~moving~{answer_id}") for answer_id in renames])
    repositories.set_answer_paths(session, list(renames.items()))
    repositories.move_passages(session, response_id, moves)
    return [(r[0], renames.get(r[0], r[1]), r[2], r[3]) for r in rows]


def _drop_instance(session: Session, response_id: str, rows: list[tuple], repeat_path: str,
                   index: int) -> list[tuple]:
    """Delete one repeat instance's answers and renumber the following instances; the
    quotes on the deleted answers stay, detached from them. Returns the rows left."""
    from ..persistence import repositories

    doomed = _instance_rows(rows, f"{repeat_path}[{index}]")
    repositories.delete_answers(session, [row[0] for row in doomed])
    repositories.move_passages(session, response_id, {row[1]: None for row in doomed})
    doomed_ids = {row[0] for row in doomed}
    rows = [row for row in rows if row[0] not in doomed_ids]
    later = [i for i in instance_indexes((row[1] for row in rows), repeat_path) if i > index]
    return _renumber(session, response_id, rows, {i: i - 1 for i in sorted(later)}, repeat_path)


def _repeat_context(
    session: Session, response_id: str, repeat_path: str, confirm_validated: bool,
    expected_answers: Mapping[str, str | None] | None = None,
) -> tuple[Any, FormDefinition, list[tuple]]:
    """The head, definition and answer rows for a change of a repeat's entries; refused
    (EditConflict) when its entries are not the ones the caller read (``expected_answers``,
    its answers by instance path: only those inside the repeat are compared)."""
    from ..persistence import repositories

    head = _head(session, response_id)
    definition = form_service.definition_in(session, head.form_version_id)
    _check_instance_path(definition, repeat_path, container=True)
    rows = repositories.answer_rows(session, response_id)
    if expected_answers is not None and not _unchanged_since_read(rows, expected_answers, repeat_path):
        raise _conflict(session, response_id, "repeat", repeat_path)
    _guard_validated(head, confirm_validated)
    return head, definition, rows


def insert_repeat(
    db: Database,
    response_id: str,
    repeat_path: str,
    actor: str,
    *,
    at: int | None = None,
    values: Mapping[str, str] | None = None,
    confirm_validated: bool = False,
    expected_answers: Mapping[str, str | None] | None = None,
) -> int:
    """Add an instance to a repeat, at the end or at index ``at`` (the following instances
    move up one); ``values`` (paths relative to the instance, ``{"category": "..."}``) fill
    it, as undoing a removal needs. Returns the new instance's index. ``expected_answers``,
    here and in :func:`remove_repeat` and :func:`move_repeat`: the answers the caller read
    (by instance path); when the repeat's entries changed since, EditConflict."""
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        head, definition, rows = _repeat_context(session, response_id, repeat_path, confirm_validated,
                                                 expected_answers)
        indexes = instance_indexes((row[1] for row in rows), repeat_path)
        after_last = max(indexes, default=0) + 1
        index = after_last if at is None or at >= after_last else max(at, 1)
        rows = _renumber(session, response_id, rows, {i: i + 1 for i in indexes if i >= index}, repeat_path)
        instance = f"{repeat_path}[{index}]"
        rows.append((repositories.insert_answer(session, response_id, instance, ""), instance, "", True))
        filled: dict[str, str] = {}
        for relative, value in (values or {}).items():
            path = f"{instance}/{relative}"
            text = _normalise(_check_instance_path(definition, path), value)
            if text is not None:
                rows.append((repositories.insert_answer(session, response_id, path, text), path, text, True))
                filled[relative] = text
        audit.add(
            "repeat_insert", "answer", response_id, instance, None,
            json.dumps(filled, ensure_ascii=False, sort_keys=True) if filled else "",
        )
        _refresh(session, head, definition, rows, audit)
        return index


def remove_repeat(
    db: Database,
    response_id: str,
    repeat_path: str,
    index: int,
    actor: str,
    *,
    confirm_validated: bool = False,
    expected_answers: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """Remove one repeat instance and renumber the following ones. The removed answers (and
    notes) go to the audit log, in one row holding them as JSON, and the answers are
    returned (relative paths) so that the removal can be undone with :func:`insert_repeat`."""
    from ..persistence import repositories

    audit = _Audit(actor)
    with db.write() as session:
        head, definition, rows = _repeat_context(session, response_id, repeat_path, confirm_validated,
                                                 expected_answers)
        instance = f"{repeat_path}[{index}]"
        doomed = _instance_rows(rows, instance)
        if not doomed:
            raise ResponseError(
                QCoreApplication.translate("Forms", "There is no {path}.").format(path=instance)
            )
        removed = {row[1][len(instance) + 1:]: row[2] for row in doomed if row[1] != instance and row[2] is not None}
        audited: dict[str, str] = dict(removed)
        for answer_id, path, _value, _relevant in doomed:
            note = repositories.answer_note(session, answer_id)
            if note:
                audited[f"{path[len(instance) + 1:]}#note"] = note
        rows = _drop_instance(session, response_id, rows, repeat_path, index)
        audit.add("repeat_remove", "answer", response_id, instance,
                  json.dumps(audited, ensure_ascii=False, sort_keys=True), None)
        _refresh(session, head, definition, rows, audit)
        return removed


def move_repeat(
    db: Database,
    response_id: str,
    repeat_path: str,
    index: int,
    new_index: int,
    actor: str,
    *,
    confirm_validated: bool = False,
    expected_answers: Mapping[str, str | None] | None = None,
) -> None:
    """Move a repeat instance to another place; the instances are renumbered 1..n."""
    audit = _Audit(actor)
    with db.write() as session:
        head, definition, rows = _repeat_context(session, response_id, repeat_path, confirm_validated,
                                                 expected_answers)
        order = instance_indexes((row[1] for row in rows), repeat_path)
        if index not in order:
            raise ResponseError(
                QCoreApplication.translate("Forms", "There is no {path}.").format(
                    path=f"{repeat_path}[{index}]"
                )
            )
        order.remove(index)
        order.insert(min(max(new_index, 1), len(order) + 1) - 1, index)
        mapping = {old: position for position, old in enumerate(order, start=1)}
        if all(old == new for old, new in mapping.items()):
            return
        rows = _renumber(session, response_id, rows, mapping, repeat_path)
        audit.add("repeat_move", "answer", response_id, repeat_path, str(index), str(mapping[index]))
        _refresh(session, head, definition, rows, audit)
