"""Merging a bundle into a database, in plain Python (values as JSON scalars; no SQL).

How a record is merged
----------------------
Records are matched by UUID (answers by their response and path too; survey rounds by name
when the UUID is unknown, so two laptops that each opened round "2018" meet in one round).
A record the database lacks is added. For a record both sides hold, every field whose values
differ is decided from the **audit log**, which is the history both sides share: audit rows
are appended everywhere they travel and keep their UUIDs, so

* *their new changes* of a field are the bundle's audit rows about it that this database has
  not got yet, and
* *my new changes* are this database's audit rows about it that the bundle did not carry
  (a bundle always carries the whole audit history of every record it holds).

Changed on their side only -> theirs is taken. Changed here only -> mine is kept. Changed on
both sides -> a :class:`Conflict` with both values and who changed each when. When neither
side's history explains a difference (a value written without an audit row), the side that
has a value where the other has none wins, and anything else is a conflict: nothing is
overwritten on a guess.

Special cases
-------------
* Mechanisms: only the fields users edit are merged; a value still equal to the reference
  file's (``reference_values``) counts as unedited.
* Response ``status`` follows the answers (draft/complete, recomputed after a merge) unless
  one side *validated* it: only then is it merged as a field.
* Answers inside a repeat (``section_4/q25[2]/nature``) are merged per repeat and response,
  as one block (instances are renumbered when one is removed or moved, so paths are not
  stable identities): the block changed on one side wins whole; on both, one conflict.
  The plan's counts (added, updated, unchanged, kept) are of records, answer rows for
  answers: a block counts as many as the bundle's rows in it (at least one when it
  changes), as the answers compared in SQL and copied in bulk are counted.
* ``deleted_at`` is the tombstone: a deletion travels like any field, and a record deleted
  on one side while edited on the other is a conflict (the edit is not silently buried).
* Fields with a pending (unresolved) conflict are never overwritten by a later import.
* Audit rows are appended once (by UUID), never changed. Their rows about a field in
  conflict are held with the conflict and appended when it is resolved, so that importing
  the same bundle again finds the same conflict (and adds nothing).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Merge order: referenced tables first.
TABLES = (
    "survey_round", "mechanism", "contact", "code", "response", "answer", "interview", "quote",
    "follow_up",
)
AUDIT_TABLE = "audit_log"
METADATA = frozenset({"id", "created_at", "updated_at", "revision"})
DERIVED = {"answer": frozenset({"relevant"})}
MECHANISM_FIELDS = (
    "acronym_fr", "acronym_en", "name_fr", "name_en", "member_state_count", "chair_country",
    "website", "notes", "member_states", "member_states_source",
)
REPEAT_TABLE = "answer_repeat"  # a conflict on a whole repeat of a response
NOTE_SUFFIX = "#note"
STATUS_VALIDATED = "validated"
Row = dict[str, Any]


@dataclass(frozen=True)
class Schema:
    """What the merge needs to know of the tables: column kinds ('str', 'int', 'bool',
    'float', 'datetime', 'date') and foreign keys (column -> referenced table)."""

    columns: Mapping[str, Mapping[str, str]]
    foreign_keys: Mapping[str, Mapping[str, str]]


@dataclass
class Table:
    """A table as it travels: column names and rows (lists in column order). Rows become
    dicts only when the merge must look inside them (records both sides hold)."""

    name: str
    columns: list[str]
    rows: list[list[Any]]

    def __post_init__(self) -> None:
        self.position = {c: i for i, c in enumerate(self.columns)}

    def dict(self, row: list[Any]) -> Row:
        return dict(zip(self.columns, row, strict=True))

    def get(self, row: list[Any], column: str) -> Any:
        at = self.position.get(column)
        return None if at is None else row[at]


@dataclass(frozen=True)
class Change:
    """Who changed a field when (one audit row)."""

    actor: str
    at: str
    installation_id: str | None
    action: str


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed since they last shared it. ``table`` is a table name, or
    ``answer`` (record_id = the response, field = the answer's path, plus ``#note`` for its
    note) or ``answer_repeat`` (field = the repeat's path, values = lists of
    [path, value, note])."""

    table: str
    record_id: str
    field: str
    mine: Any
    theirs: Any
    mine_changes: tuple[Change, ...] = ()
    theirs_changes: tuple[Change, ...] = ()
    held_audit: tuple[Row, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.table}|{self.record_id}|{self.field}"

    @property
    def editable(self) -> bool:
        """A user may type a third value (not for a whole repeat, nor a tombstone)."""
        return self.table != REPEAT_TABLE and self.field != "deleted_at"


@dataclass
class MergePlan:
    """What to write. Inserted rows are lists in the bundle's column order (``columns``);
    updates are {record id: {column: value}}. The bulk of a big bundle is not here as
    Python rows: the answers of responses new here (``bulk_answers``: their response ids,
    ``bulk_answer_count`` rows) and the audit rows new here (``audit_new`` of them, all the
    bundle's audit rows this database lacks but ``held_audit``) are copied straight from the
    bundle's records file."""

    columns: dict[str, list[str]] = field(default_factory=dict)
    inserts: dict[str, list[list[Any]]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, dict[str, Row]] = field(default_factory=lambda: defaultdict(dict))
    # (response id, repeat path, local answer ids to delete, their answer rows to insert)
    repeat_replacements: list[tuple[str, str, list[str], list[list[Any]]]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    bulk_answers: set[str] = field(default_factory=set)
    bulk_every: bool = False  # bulk_answers are all the responses the bundle's answers are of
    bulk_answer_count: int = 0
    held_audit: set[str] = field(default_factory=set)
    audit_new: int = 0
    audit_fresh: bool = False  # none of the bundle's audit rows (but held_audit) is here
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # records that differ only by newer local changes
    affected_responses: set[str] = field(default_factory=set)
    id_map: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    @property
    def is_empty(self) -> bool:
        return not (
            any(self.inserts.values())
            or any(self.updates.values())
            or self.repeat_replacements
            or self.conflicts
            or self.bulk_answers
            or self.audit_new
        )


@dataclass
class LocalView:
    """The database's side, as JSON values: the rows with the bundle's ids, every answer of
    the bundle's responses held here, rounds by name, a callable giving this database's
    audit rows of some (entity, entity id) pairs, and the pending conflicts' their-values by
    conflict key."""

    rows: Mapping[str, Mapping[str, Row]]
    answers: Mapping[str, list[Row]]
    rounds_by_name: Mapping[str, str]
    audit_of: Callable[[Iterable[tuple[str, str]]], list[Row]]
    pending: Mapping[str, list[Any]] = field(default_factory=dict)


# --- evidence from the audit log -------------------------------------------------------------


def answer_base(path: str) -> str:
    """The repeat an instance path lies in (``section_4/q25[2]/x`` -> ``section_4/q25``), or
    the path itself outside repeats."""
    cut = path.find("[")
    return path if cut < 0 else path[:cut]


def audit_column(row: Row, columns: Mapping[str, str] | None) -> str | None:
    """The column an audit row is about: a column name, ``deleted_at`` for deletions and
    restores, None for a creation, ``*`` when it cannot tell (counts for every column).
    For answers (entity "answer", entity id = the response) the result is
    ``<base>`` or ``<base>#note`` (see :func:`answer_base`)."""
    action = row.get("action") or ""
    name = row.get("field")
    if row.get("entity") == "answer":
        if not name:
            return "*"
        base = answer_base(name)
        return base + NOTE_SUFFIX if action == "note" else base
    if not name:
        if action in ("create", "import"):
            return None
        if action in ("delete", "restore", "undelete", "undo_delete"):
            return "deleted_at"
        return "*"
    if columns is not None and name in columns:
        return name
    if action in ("create", "import"):
        return None
    return "*"


def _change(row: Row) -> Change:
    return Change(
        actor=row.get("actor") or "",
        at=str(row.get("at") or ""),
        installation_id=row.get("installation_id"),
        action=row.get("action") or "",
    )


def _changes(rows: Iterable[Row]) -> tuple[Change, ...]:
    return tuple(_change(r) for r in sorted(rows, key=lambda r: (str(r.get("at") or ""), r["id"])))


class _History:
    """Audit rows of some records, from both sides, and the difference between them."""

    def __init__(self, theirs: list[Row], mine: list[Row], schema: Schema, table: str) -> None:
        their_ids = {r["id"] for r in theirs}
        my_ids = {r["id"] for r in mine}
        columns = schema.columns.get(table)
        self.their_new: dict[str, list[Row]] = defaultdict(list)
        self.my_new: dict[str, list[Row]] = defaultdict(list)
        for row in theirs:
            if row["id"] not in my_ids:
                column = audit_column(row, columns)
                if column is not None:
                    self.their_new[column].append(row)
        for row in mine:
            if row["id"] not in their_ids:
                column = audit_column(row, columns)
                if column is not None:
                    self.my_new[column].append(row)

    def theirs(self, column: str) -> list[Row]:
        return self.their_new.get(column, []) + self.their_new.get("*", [])

    def mine(self, column: str) -> list[Row]:
        return self.my_new.get(column, []) + self.my_new.get("*", [])

    def theirs_other_than(self, column: str) -> bool:
        return any(rows for key, rows in self.their_new.items() if key != column)

    def mine_other_than(self, column: str) -> bool:
        return any(rows for key, rows in self.my_new.items() if key != column)


# --- the merge -----------------------------------------------------------------------------

TAKE, KEEP, CONFLICT = "take", "keep", "conflict"


def _fallback(mine: Any, theirs: Any) -> str:
    if mine in (None, "") and theirs not in (None, ""):
        return TAKE
    if theirs in (None, "") and mine not in (None, ""):
        return KEEP
    return CONFLICT


def _decide(history: _History, column: str, mine: Any, theirs: Any) -> tuple[str, list[Row], list[Row]]:
    t, m = history.theirs(column), history.mine(column)
    if t and not m:
        return TAKE, t, m
    if m and not t:
        return KEEP, t, m
    if t and m:
        return CONFLICT, t, m
    return _fallback(mine, theirs), t, m


class _Merger:
    def __init__(self, theirs: Mapping[str, Table], their_audit: Table | Callable[[], Table],
                 local: LocalView, schema: Schema) -> None:
        self.theirs = theirs
        self._audit_source = their_audit
        self.local = local
        self.schema = schema
        self.plan = MergePlan()
        self.plan.columns = {name: list(t.columns) for name, t in theirs.items()}
        self._their_audit: dict[tuple[str, str], list[list[Any]]] | None = None
        self.held: set[str] = set()
        self._my_audit: dict[tuple[str, str], list[Row]] = {}

    # -- audit lookups --

    @property
    def audit(self) -> Table:
        """Their audit rows, read on first need (a merge that finds no difference never
        reads them)."""
        if callable(self._audit_source):
            self._audit_source = self._audit_source()
        return self._audit_source

    def their_audit(self, entity: str, entity_id: str) -> list[Row]:
        if self._their_audit is None:
            index: dict[tuple[str, str], list[list[Any]]] = defaultdict(list)
            e, i = self.audit.position["entity"], self.audit.position["entity_id"]
            for row in self.audit.rows:
                index[(row[e], row[i])].append(row)
            self._their_audit = index
        return [self.audit.dict(r) for r in self._their_audit.get((entity, entity_id), ())]

    def my_audit(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = [k for k in keys if k not in self._my_audit]
        if not wanted:
            return
        for key in wanted:
            self._my_audit[key] = []
        for row in self.local.audit_of(wanted):
            self._my_audit.setdefault((row["entity"], row["entity_id"]), []).append(row)

    def history(self, entity: str, their_id: str, table: str, my_id: str | None = None) -> _History:
        my_id = my_id or their_id
        self.my_audit([(entity, my_id)])
        return _History(self.their_audit(entity, their_id), self._my_audit.get((entity, my_id), []),
                        self.schema, table)

    # -- conflicts --

    def conflict(self, table: str, record_id: str, field_name: str, mine: Any, theirs: Any,
                 t: list[Row], m: list[Row]) -> bool:
        """Record a conflict unless the same one is pending already; True when recorded."""
        key = f"{table}|{record_id}|{field_name}"
        held = tuple(r for r in t if r["id"] not in self.held)
        self.held.update(r["id"] for r in held)
        if theirs in self.local.pending.get(key, ()):
            return False
        self.plan.conflicts.append(
            Conflict(table, record_id, field_name, mine, theirs, _changes(m), _changes(t), held)
        )
        return True

    def pending(self, table: str, record_id: str, field_name: str) -> bool:
        return f"{table}|{record_id}|{field_name}" in self.local.pending

    # -- records --

    def run(self) -> MergePlan:
        for name in TABLES:
            table = self.theirs.get(name)
            if table is None:
                continue
            if name == "answer":
                self.merge_answers(table)
            else:
                for row in table.rows:
                    self.merge_record(table, row)
        self.plan.held_audit = set(self.held)
        return self.plan

    def remap(self, table: Table, row: list[Any]) -> list[Any]:
        fks = self.schema.foreign_keys.get(table.name, {})
        changed = None
        for column, target in fks.items():
            mapping = self.plan.id_map.get(target)
            at = table.position.get(column)
            if mapping and at is not None and row[at] in mapping:
                changed = changed or list(row)
                changed[at] = mapping[row[at]]
        return changed or row

    def merge_record(self, table: Table, row: list[Any]) -> None:
        name = table.name
        row = self.remap(table, row)
        record_id = row[table.position["id"]]
        local_rows = self.local.rows.get(name, {})
        mine = local_rows.get(record_id)
        if mine is None and name == "survey_round":
            same = self.local.rounds_by_name.get(table.get(row, "name"))
            if same is not None:
                self.plan.id_map["survey_round"][record_id] = same
                mine = local_rows.get(same)
        if mine is None:
            self.plan.inserts[name].append(row)
            self.plan.added += 1
            return
        theirs = table.dict(row)
        local_id = mine["id"]
        if name == "mechanism":
            columns = [c for c in MECHANISM_FIELDS if c in theirs and c in mine]
        else:
            derived = DERIVED.get(name, frozenset())
            columns = [c for c in theirs if c in mine and c not in METADATA and c not in derived]
        differing = [c for c in columns if mine[c] != theirs[c]]
        if name == "response" and "status" in differing:
            if STATUS_VALIDATED not in (mine["status"], theirs["status"]):
                differing.remove("status")  # follows the answers; recomputed when they change
        if not differing:
            self.plan.unchanged += 1
            return
        history = self.history(name, record_id, name, local_id)
        changes: Row = {}
        decisions: dict[str, str] = {}
        conflicted = False
        for column in differing:
            if name == "mechanism":
                decision, t, m = self._decide_mechanism(history, column, mine, theirs)
            else:
                decision, t, m = _decide(history, column, mine[column], theirs[column])
            if decision == TAKE and self.pending(name, local_id, column):
                decision = CONFLICT
            decisions[column] = decision
            if decision == TAKE:
                changes[column] = theirs[column]
            elif decision == CONFLICT:
                conflicted |= self.conflict(name, local_id, column, mine[column], theirs[column], t, m)
        if decisions.get("deleted_at") in (TAKE, KEEP):
            conflicted |= self._tombstone_conflict(
                name, local_id, history, mine, theirs, changes, decisions["deleted_at"]
            )
        if changes:
            self.plan.updates[name].setdefault(local_id, {}).update(changes)
            self.plan.updated += 1
            if name == "response":
                self.plan.affected_responses.add(local_id)
        elif not conflicted:
            self.plan.kept += 1

    def _tombstone_conflict(self, table: str, local_id: str, history: _History, mine: Row,
                            theirs: Row, changes: Row, decision: str) -> bool:
        """Deleted on one side while edited on the other: the deletion waits for a choice."""
        they_delete = decision == TAKE and theirs["deleted_at"] is not None
        i_delete = decision == KEEP and mine["deleted_at"] is not None
        if they_delete and history.mine_other_than("deleted_at"):
            del changes["deleted_at"]
        elif not (i_delete and history.theirs_other_than("deleted_at")):
            return False
        return self.conflict(
            table, local_id, "deleted_at", mine["deleted_at"], theirs["deleted_at"],
            history.theirs("deleted_at"), history.mine("deleted_at"),
        )

    def _decide_mechanism(self, history: _History, column: str, mine: Row,
                          theirs: Row) -> tuple[str, list[Row], list[Row]]:
        decision, t, m = _decide(history, column, mine[column], theirs[column])
        if t or m:
            return decision, t, m
        # No history: a value equal to its side's reference file was not edited by a user.
        my_ref = _reference(mine).get(column, mine[column])
        their_ref = _reference(theirs).get(column, theirs[column])
        my_edit, their_edit = mine[column] != my_ref, theirs[column] != their_ref
        if their_edit and not my_edit:
            return TAKE, t, m
        if not their_edit:
            return KEEP, t, m
        return CONFLICT, t, m

    # -- answers --

    def merge_answers(self, table: Table) -> None:
        """The bundle's answers of responses this database holds (those of responses new
        here are copied in bulk, see MergePlan)."""
        at = table.position["response_id"]
        by_response: dict[str, list[list[Any]]] = defaultdict(list)
        for row in table.rows:
            by_response[row[at]].append(row)
        local_ids = {a["id"] for answers in self.local.answers.values() for a in answers}
        for response_id, rows in by_response.items():
            self.merge_response_answers(table, response_id, rows, local_ids)

    def merge_response_answers(self, table: Table, response_id: str, rows: list[list[Any]],
                               local_ids: set[str]) -> None:
        theirs = [table.dict(r) for r in rows]
        mine = self.local.answers.get(response_id, [])
        my_scalar = {a["path"]: a for a in mine if "[" not in a["path"]}
        their_scalar = {a["path"]: a for a in theirs if "[" not in a["path"]}
        my_blocks: dict[str, list[Row]] = defaultdict(list)
        their_blocks: dict[str, list[Row]] = defaultdict(list)
        for a in mine:
            if "[" in a["path"]:
                my_blocks[answer_base(a["path"])].append(a)
        for a in theirs:
            if "[" in a["path"]:
                their_blocks[answer_base(a["path"])].append(a)
        found: list[_History] = []

        def history() -> _History:  # read only when something differs
            if not found:
                found.append(self.history("answer", response_id, "answer"))
            return found[0]

        changed = False
        for path, their in their_scalar.items():
            my = my_scalar.get(path)
            if my is None:
                row = [their.get(c) for c in table.columns]
                if their["id"] in local_ids:
                    row[table.position["id"]] = None  # taken here by another answer: a new id
                self.plan.inserts["answer"].append(row)
                self.plan.added += 1
                changed = True
                continue
            changes: Row = {}
            differs = conflicted = False
            for column, field_name in (("value", path), ("note", path + NOTE_SUFFIX),
                                       ("deleted_at", path)):
                if column not in their or column not in my or my[column] == their[column]:
                    continue
                differs = True
                decision, t, m = _decide(history(), field_name, my[column], their[column])
                if decision == TAKE and self.pending("answer", response_id, field_name):
                    decision = CONFLICT
                if decision == TAKE:
                    changes[column] = their[column]
                elif decision == CONFLICT:
                    self.conflict("answer", response_id, field_name, my[column], their[column], t, m)
                    conflicted = True
            if changes:
                self.plan.updates["answer"].setdefault(my["id"], {}).update(changes)
                self.plan.updated += 1
                changed = True
            elif conflicted:
                pass
            elif differs:
                self.plan.kept += 1
            else:
                self.plan.unchanged += 1
        for base in sorted(set(my_blocks) | set(their_blocks)):
            mine_block = _block(my_blocks.get(base, []))
            their_block = _block(their_blocks.get(base, []))
            # Counted as records (answer rows, the bundle's), as everywhere else in the
            # plan; a block changed or kept counts at least one.
            rows_count = len(their_blocks.get(base, []))
            if mine_block == their_block:
                self.plan.unchanged += rows_count
                continue
            rows_count = max(rows_count, 1)
            decision, t, m = _decide(history(), base, mine_block or None, their_block or None)
            if decision == TAKE and self.pending(REPEAT_TABLE, response_id, base):
                decision = CONFLICT
            if decision == TAKE:
                self.plan.repeat_replacements.append(
                    (response_id, base, [a["id"] for a in my_blocks.get(base, [])],
                     [[a.get(c) for c in table.columns] for a in their_blocks.get(base, [])])
                )
                self.plan.updated += rows_count
                changed = True
            elif decision == CONFLICT:
                self.conflict(REPEAT_TABLE, response_id, base, mine_block, their_block, t, m)
            else:
                self.plan.kept += rows_count
        if changed:
            self.plan.affected_responses.add(response_id)


def _reference(row: Row) -> dict[str, Any]:
    try:
        value = json.loads(row.get("reference_values") or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _block(rows: Iterable[Row]) -> list[list[Any]]:
    """A repeat's content, comparable across databases: sorted [path, value, note]."""
    return sorted(
        [r["path"], r.get("value"), r.get("note")] for r in rows if r.get("deleted_at") is None
    )


def merge(theirs: Mapping[str, Table], their_audit: Table | Callable[[], Table], local: LocalView,
          schema: Schema) -> MergePlan:
    """Plan the merge of a bundle's tables into ``local``. ``their_audit``: the bundle's
    audit rows about the records both sides hold (or a callable giving them when first
    needed)."""
    return _Merger(theirs, their_audit, local, schema).run()


def missing_references(plan: MergePlan, schema: Schema,
                       exists: Callable[[str, set[str]], set[str]]) -> list[tuple[str, str, str]]:
    """(table, column, id) of references the plan would write that point nowhere: neither in
    the bundle nor in the database (``exists(table, ids)`` -> the ids the database has)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    origin: dict[tuple[str, str], tuple[str, str]] = {}

    def note(table: str, column: str, value: Any, target: str) -> None:
        if value is not None:
            wanted[target].add(value)
            origin.setdefault((target, value), (table, column))

    for table, rows in plan.inserts.items():
        columns = plan.columns.get(table, [])
        for column, target in schema.foreign_keys.get(table, {}).items():
            if column in columns:
                at = columns.index(column)
                for row in rows:
                    note(table, column, row[at], target)
    for table, by_id in plan.updates.items():
        for column, target in schema.foreign_keys.get(table, {}).items():
            for values in by_id.values():
                note(table, column, values.get(column), target)
    columns = plan.columns.get("answer", [])
    if "response_id" in columns:
        at = columns.index("response_id")
        for *_x, rows in plan.repeat_replacements:
            for row in rows:
                note("answer", "response_id", row[at], "response")
    problems = []
    for target, ids in wanted.items():
        target_columns = plan.columns.get(target, [])
        provided = set(plan.id_map.get(target, {}).values())
        if "id" in target_columns:
            at = target_columns.index("id")
            provided |= {r[at] for r in plan.inserts.get(target, [])}
        missing = ids - provided
        if missing:
            missing -= exists(target, missing)
        for value in sorted(missing):
            table, column = origin[(target, value)]
            problems.append((table, column, value))
    return problems


def insert_order(columns: list[str], rows: list[list[Any]], self_refs: list[str]) -> list[list[Any]]:
    """Rows of a self-referencing table (codes, rescheduled interviews) parents first."""
    refs = [columns.index(c) for c in self_refs if c in columns]
    if not refs or len(rows) < 2:
        return rows
    at = columns.index("id")
    ids = {r[at] for r in rows}
    done: set[str] = set()
    ordered: list[list[Any]] = []
    pending = list(rows)
    while pending:
        rest = []
        for row in pending:
            parents = {row[i] for i in refs} & ids
            if parents <= done | {row[at]}:
                ordered.append(row)
                done.add(row[at])
            else:
                rest.append(row)
        if len(rest) == len(pending):  # a cycle: leave the rest as they came
            ordered.extend(rest)
            break
        pending = rest
    return ordered


__all__ = [
    "AUDIT_TABLE", "Change", "Conflict", "LocalView", "MECHANISM_FIELDS", "MergePlan", "NOTE_SUFFIX",
    "REPEAT_TABLE", "Schema", "TABLES", "Table", "answer_base", "audit_column",
    "insert_order", "merge", "missing_references",
]
