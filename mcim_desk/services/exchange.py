"""Data exchange use cases: export a bundle, preview and apply an import, resolve the
conflicts it found, export spreadsheets.

Pending conflicts (the choice made here): an import is applied at once for everything that
does not conflict, in one transaction; each conflicting field keeps this database's value
and is stored in ``exchange_conflict`` with both values, who changed each when, and the
bundle's audit rows about it (held back until the choice). The window's conflict dialog, or
:func:`resolve_conflicts`, settles them later: keep mine, keep theirs, or a typed value.
Choices given to :func:`apply_import` are applied in the import's own transaction.

An import never trusts the preview it was shown: :func:`apply_import` merges the bundle
again, inside its write transaction, against the database as it is then.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .. import __version__
from ..exchange import bundle as bundle_format
from ..exchange.bundle import BundleError
from ..exchange.merge import NOTE_SUFFIX, REPEAT_TABLE, Conflict

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..exchange.merge import MergePlan, Schema
    from ..persistence.database import Database

FORMS_ENTRY = "forms.json"
CHOICES = ("mine", "theirs", "edit")



@contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while a bundle's millions of small objects are made:
    they hold no cycles, and the collector's passes over them cost more than the rest.
    Decorates the three bulk use cases (export, preview, apply)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportReport:
    path: Path
    size: int
    encrypted: bool
    bundle_id: str
    since: datetime | None  # None: everything was exported
    counts: dict[str, int]
    destination: str


@dataclass(frozen=True)
class ChangeInfo:
    actor: str
    at: datetime | None
    installation_id: str | None
    action: str


@dataclass(frozen=True)
class ConflictInfo:
    """One conflicting field, ready to show: ``where`` names the record (mechanism, form,
    contact...), ``question`` the field; ``mine_text``/``theirs_text`` are the values as
    text. ``id`` is the stored conflict's id (None in a preview)."""

    key: str
    table: str
    record_id: str
    field: str
    where: str
    question: str
    mine: Any
    theirs: Any
    mine_text: str
    theirs_text: str
    mine_changes: tuple[ChangeInfo, ...]
    theirs_changes: tuple[ChangeInfo, ...]
    editable: bool
    id: str | None = None


@dataclass(frozen=True)
class Resolution:
    """A user's choice for one conflict: "mine", "theirs", or "edit" with ``value``."""

    choice: str
    value: str | None = None


@dataclass(frozen=True)
class ImportPlan:
    """What importing a bundle would do (nothing is written by the preview)."""

    path: Path
    bundle_id: str
    source_installation: str
    program_version: str
    schema_revision: str
    created_at: str
    encrypted: bool
    since: str | None
    added: int
    updated: int
    unchanged: int
    kept: int
    audit_new: int
    conflicts: tuple[ConflictInfo, ...]
    counts: dict[str, int]
    content: Any = field(default=None, repr=False, compare=False)  # the parsed bundle

    @property
    def nothing_to_do(self) -> bool:
        return not (self.added or self.updated or self.conflicts or self.audit_new)

    def discard(self) -> None:
        """Delete the bundle's extracted records now (else when the plan is collected); the
        plan cannot be applied after."""
        if self.content is not None:
            self.content.close()


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    audit_appended: int
    conflicts_resolved: int
    conflicts_pending: int
    backup: Path | None = None


@dataclass
class _Content:
    """A bundle read and checked: its small tables as Python rows (``records``), its
    records file (``file``, big tables read from there), and (after a preview) its merge
    with the database as it was then (``plan``), valid while the database's
    ``fingerprint`` stays the same. ``close()`` deletes the extracted file."""

    manifest: dict[str, Any]
    records: dict[str, Any]  # table -> merge.Table (not answers, not audit rows)
    file: Any  # persistence.bundle_records.Records
    forms: list[dict]
    form_versions: list[dict]
    plan: Any = None
    fingerprint: tuple | None = None

    def close(self) -> None:
        self.file.close()


def destination_key(destination: str) -> str:
    return hashlib.sha1(destination.encode("utf-8")).hexdigest()


@_bulk()
def export_bundle(
    db: Database,
    out: str | Path,
    since_last: bool = False,
    passphrase: str | None = None,
    *,
    destination: str | None = None,
) -> ExportReport:
    """Write a bundle of this database's records and audit rows.

    ``since_last``: only what changed since the last bundle written for the same
    destination (by default the folder the bundle is written to; everything when there was
    none). The destination's watermark moves only once the file is written.
    """
    import tempfile

    from ..persistence import bundle_records as records_file
    from ..persistence import exchange_repo
    from ..persistence.migrations import head_revision

    target = Path(out)
    dest = destination or str(target.resolve().parent)
    key = destination_key(dest)
    with db.write() as session, tempfile.TemporaryDirectory(prefix="mcim-export-") as scratch:
        moment = exchange_repo.lock_for_export(session)
        state = exchange_repo.watermark(session, key) if since_last else None
        since = datetime.fromisoformat(state["at"]) if state else None
        records_path = Path(scratch) / records_file.ENTRY
        counts = exchange_repo.write_records(session, records_path, since, db.path)
        forms = exchange_repo.forms_of(session, records_file.distinct_values(records_path, "response", "form_version_id"))
        counts["form_version"] = len(forms["form_versions"])
        bundle_id = str(uuid.uuid4())
        manifest = {
            "schema_revision": head_revision(),
            "program_version": __version__,
            "installation_id": exchange_repo.installation_id(session),
            "bundle_id": bundle_id,
            "created_at": moment.isoformat(),
            "since": since.isoformat() if since else None,
            "counts": counts,
        }
        entries = {records_file.ENTRY: records_path, FORMS_ENTRY: forms}
        written = bundle_format.write_bundle(target, manifest, entries, passphrase)
        exchange_repo.set_watermark(
            session, key, {"at": moment.isoformat(), "bundle_id": bundle_id, "destination": dest}
        )
    return ExportReport(written.path, written.size, written.encrypted, bundle_id, since, counts, dest)


# --- reading and checking a bundle ----------------------------------------------------------


_REVISION = re.compile(r"^revision\s*=\s*['\"]([0-9a-zA-Z_]+)['\"]", re.M)


def known_revisions() -> set[str]:
    from ..paths import resource_path

    found = set()
    for path in resource_path("db", "versions").glob("*.py"):
        match = _REVISION.search(path.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return found


def _schema() -> Schema:
    from ..exchange.merge import Schema
    from ..persistence import exchange_repo

    return Schema(exchange_repo.column_kinds(), exchange_repo.foreign_keys())


def _fail(code: str, path: Path, message: str) -> BundleError:
    return BundleError(code, QCoreApplication.translate("Exchange", "{file}: ").format(file=path.name) + message)


BIG_TABLES = ("answer", "audit_log")  # left in the records file, read as needed
BULK_ROWS = 20_000  # an import writing more rows than this is a bulk write (cache, checkpoint)


def _content(path: Path, passphrase: str | None) -> tuple[_Content, bool]:
    """The bundle read safely and its records file checked (no database yet); the small
    tables are read into Python, the big ones stay in the file."""
    from ..exchange.merge import Table
    from ..persistence import exchange_repo
    from ..persistence.bundle_records import ENTRY, RecordsError, open_records

    parsed = bundle_format.read_bundle(path, passphrase)
    try:
        manifest = parsed.manifest
        if manifest["schema_revision"] not in known_revisions():
            raise _fail(
                "newer_schema", path,
                QCoreApplication.translate("Exchange", "the bundle comes from a newer MCIM Desk (database schema {revision}): update "
                    "this program first.").format(revision=manifest["schema_revision"]),
            )
        unexpected = sorted(set(parsed.entries) - {FORMS_ENTRY} | set(parsed.files) - {ENTRY})
        if unexpected:
            raise _fail("bad_records", path, QCoreApplication.translate("Exchange", "unexpected entry “{name}”.").format(name=unexpected[0]))
        if ENTRY not in parsed.files:
            raise _fail("bad_records", path, QCoreApplication.translate("Exchange", "the bundle has no records ({entry}).").format(entry=ENTRY))
        forms = _check_forms(parsed.entries.get(FORMS_ENTRY, {}), path)
        kinds = exchange_repo.column_kinds()
        try:
            file = open_records(parsed.files[ENTRY], kinds, on_close=parsed.discard)
        except RecordsError as exc:
            raise _fail("bad_records", path, str(exc)) from None
    except BaseException:
        parsed.discard()
        raise
    try:
        records: dict[str, Table] = {}
        for table in file.columns:
            if table in BIG_TABLES:
                continue
            records[table] = Table(table, file.columns[table], file.rows(table))
            _check_unique_ids(records[table], path)
    except BaseException:
        file.close()
        raise
    content = _Content(manifest, records, file, forms["forms"], forms["form_versions"])
    return content, parsed.encrypted


def _check_unique_ids(table: Any, path: Path) -> None:
    at = table.position["id"]
    seen: set[str] = set()
    for number, row in enumerate(table.rows, start=1):
        if row[at] in seen:
            raise _fail(
                "bad_records", path,
                QCoreApplication.translate("Exchange", "{entry}, row {row}: the id {id} appears twice.").format(
                    entry=f"records.sqlite ({table.name})", row=number, id=row[at]
                ),
            )
        seen.add(row[at])


def _check_forms(value: Any, path: Path) -> dict[str, list[dict]]:
    problem = _fail("bad_records", path, QCoreApplication.translate("Exchange", "forms.json is malformed."))
    if not isinstance(value, dict):
        raise problem
    result = {}
    for key, needed in (("forms", ("id",)), ("form_versions", ("id", "form_id", "version", "definition"))):
        rows = value.get(key, [])
        if not isinstance(rows, list):
            raise problem
        for row in rows:
            if not isinstance(row, dict) or not all(isinstance(row.get(n), str) for n in needed):
                raise problem
            if not all(isinstance(v, str | int | bool | type(None)) for v in row.values()):
                raise problem
        result[key] = rows
    return result


# --- merging --------------------------------------------------------------------------------


def _plan(session: Session, content: _Content, path: Path) -> MergePlan:
    """Merge the bundle into the database seen through ``session`` (reads only)."""
    from ..exchange.merge import LocalView, Table, merge, missing_references
    from ..persistence import exchange_repo

    schema = _schema()
    records = dict(content.records)
    # Form versions: the same (form, version) has the same id everywhere; map any other.
    by_version = exchange_repo.form_version_ids_by_version(session)
    fv_map = {}
    for row in content.form_versions:
        local = by_version.get((row["form_id"], row["version"]))
        if local is not None and local != row["id"]:
            fv_map[row["id"]] = local
    responses = records.get("response")
    if fv_map and responses is not None:
        at = responses.position["form_version_id"]
        rows = [list(r) for r in responses.rows]
        for row in rows:
            row[at] = fv_map.get(row[at], row[at])
        records["response"] = Table("response", responses.columns, rows)

    def ids(table: Table) -> list[str]:
        at = table.position["id"]
        return [row[at] for row in table.rows]

    rows = {name: exchange_repo.rows_by_id(session, name, ids(table))
            for name, table in records.items() if name != "answer"}
    rounds = exchange_repo.round_ids_by_name(session)
    rows["survey_round"] = exchange_repo.rows_by_id(
        session, "survey_round", set(rounds.values()) | set(ids(records["survey_round"]) if "survey_round" in records else ())
    )
    # Answers: those of responses held here are merged in Python; those of responses new
    # here are copied in bulk from the records file when the plan is applied.
    bundle_responses = set(ids(responses)) if responses is not None else set()
    answered = content.file.distinct("answer", "response_id")
    present = exchange_repo.existing_ids(session, "response", bundle_responses | answered)
    merged_here = answered & present
    differing = exchange_repo.answers_differing(session, content.file, merged_here)
    same: set[str] = set()
    if differing is not None:  # identical answers need no merge: unchanged
        same, merged_here = merged_here - differing, differing
    answers = Table("answer", content.file.columns.get("answer", ["id", "response_id", "path"]),
                    content.file.rows_where_in("answer", "response_id", merged_here))
    records["answer"] = answers
    # Their audit rows about the records both sides hold: the history the merge reads.
    keys = {(name, record_id) for name, table in records.items() if name != "answer"
            for record_id in ids(table) if record_id in rows.get(name, {})}
    keys |= {("survey_round", record_id) for record_id in ids(records.get("survey_round", Table("survey_round", ["id"], [])))}
    keys |= {("answer", response_id) for response_id in merged_here}
    audit_columns = content.file.columns.get(exchange_repo.AUDIT_TABLE, list(exchange_repo.column_kinds()[exchange_repo.AUDIT_TABLE]))

    def their_audit() -> Table:
        return Table(exchange_repo.AUDIT_TABLE, audit_columns, content.file.audit_of(keys))

    local = LocalView(
        rows=rows,
        answers=exchange_repo.answers_of(session, merged_here),
        rounds_by_name=rounds,
        audit_of=lambda keys: exchange_repo.audit_rows_of(session, keys),
        pending=exchange_repo.pending_conflict_values(session),
    )
    plan = merge(records, their_audit, local, schema)
    plan.unchanged += content.file.count_where_in("answer", "response_id", same)
    plan.bulk_answers = answered - present
    plan.bulk_every = not (answered & present)
    orphans = sorted(plan.bulk_answers - bundle_responses)
    if orphans:
        raise _missing(path, [("answer", "response_id", orphan) for orphan in orphans])
    if plan.bulk_answers:
        plan.columns["answer"] = answers.columns
        plan.bulk_answer_count = (content.file.count("answer") if plan.bulk_every
                                  else content.file.count_where_in("answer", "response_id", plan.bulk_answers))
        plan.added += plan.bulk_answer_count
    plan.audit_new = exchange_repo.new_audit(session, content.file, plan.held_audit, write=False)
    new_versions = {r["id"] for r in content.form_versions}

    def exists(table: str, wanted: set[str]) -> set[str]:
        found = exchange_repo.existing_ids(session, table, wanted)
        if table == "form_version":
            found |= wanted & new_versions
        return found

    missing = missing_references(plan, schema, exists)
    if missing:
        raise _missing(path, missing)
    _check_audit_subjects(session, content, path)
    return plan


# Audit rows name what they are about: a record of a tracked table (answers: their response),
# an imported bundle, or a setting. Records are never deleted (tombstones), so a row about a
# record neither in the bundle nor here is about nothing.
_AUDIT_FREE = ("bundle", "setting")


def _check_audit_subjects(session: Session, content: _Content, path: Path) -> None:
    from ..persistence import exchange_repo

    tables = {name: name for name in exchange_repo.TRACKED_TABLES if name != "answer"}
    tables["answer"] = "response"
    missing = content.file.audit_subjects_missing(tables)
    unknown = sorted(missing.pop("", set()) - set(_AUDIT_FREE))
    if unknown:
        raise _fail("orphan_audit", path, QCoreApplication.translate(
            "Exchange", "its audit log holds rows about “{entity}”, which is not something MCIM Desk "
            "records: the bundle is damaged or was not written by MCIM Desk.").format(entity=unknown[0]))
    for entity, wanted in sorted(missing.items()):
        nowhere = wanted - exchange_repo.existing_ids(session, tables[entity], wanted)
        if nowhere:
            raise _fail("orphan_audit", path, QCoreApplication.translate(
                "Exchange", "its audit log holds rows about {count} record(s) that are neither in the "
                "bundle nor in this database (first: {entity} {id}). A bundle made with --since-last "
                "needs the earlier bundles from that laptop first (or ask for a full bundle); "
                "otherwise the bundle is damaged or was not written by MCIM Desk. Nothing was "
                "imported.").format(
                    count=len(nowhere), entity=entity, id=sorted(nowhere)[0]))


def _missing(path: Path, missing: list[tuple[str, str, str]]) -> BundleError:
    table, column, value = missing[0]
    return _fail(
        "missing_reference", path,
        QCoreApplication.translate("Exchange", "{count} record(s) refer to data that is neither in the bundle nor in this "
            "database (first: {table}.{column} = {value}). Import the earlier bundles from "
            "that laptop first, or ask for a full bundle (without --since-last).").format(
            count=len(missing), table=table, column=column, value=value
        ),
    )


@_bulk()
def preview_import(db: Database, path: str | Path, passphrase: str | None = None,
                   lang: str = "en") -> ImportPlan:
    """Read, check and merge a bundle without writing anything; raises BundleError."""
    from ..persistence import exchange_repo

    source = Path(path)
    content, encrypted = _content(source, passphrase)
    try:
        with db.read(attach=content.file.path) as session:
            content.fingerprint = exchange_repo.fingerprint(session)
            plan = _plan(session, content, source)
            content.plan = plan
            conflicts = tuple(_describe(session, plan.conflicts, lang))
    except BaseException:
        content.close()
        raise
    manifest = content.manifest
    return ImportPlan(
        path=source,
        bundle_id=manifest["bundle_id"],
        source_installation=manifest["installation_id"],
        program_version=str(manifest.get("program_version", "")),
        schema_revision=manifest["schema_revision"],
        created_at=str(manifest.get("created_at", "")),
        encrypted=encrypted,
        since=manifest.get("since"),
        added=plan.added,
        updated=plan.updated,
        unchanged=plan.unchanged,
        kept=plan.kept,
        audit_new=plan.audit_new,
        conflicts=conflicts,
        counts={k: v for k, v in manifest.get("counts", {}).items() if isinstance(v, int)},
        content=content,
    )


@_bulk()
def apply_import(
    db: Database,
    plan: ImportPlan,
    resolutions: Mapping[str, Resolution] | None = None,
    actor: str = "",
) -> ImportReport:
    """Apply a previewed bundle in one transaction: everything that does not conflict, the
    conflicts with a choice in ``resolutions`` (by conflict key), and the other conflicts
    stored as pending. The preview's merge is used only if the database has not changed
    since; otherwise the bundle is merged again inside the transaction. A bundle already
    imported changes nothing."""
    content: _Content = plan.content
    resolutions = dict(resolutions or {})
    for key, resolution in resolutions.items():
        _check_resolution(key, resolution)
    backup = None
    if db.path is not None and not plan.nothing_to_do:
        from .backups import automatic_backup

        backup = automatic_backup(db.path, "import")
    try:
        with db.write(attach=content.file.path, bulk=plan.added + plan.audit_new > BULK_ROWS) as session:
            return _apply(session, content, plan.path, resolutions, actor, backup)
    except _integrity_errors() as exc:
        raise _fail(
            "bad_records", plan.path,
            QCoreApplication.translate("Exchange", "the bundle holds a record twice, or one that clashes with a different record "
                "here; nothing was imported ({error}).").format(error=str(getattr(exc, "orig", exc)).splitlines()[0]),
        ) from None


def _integrity_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    errors: list[type[BaseException]] = [IntegrityError, sqlite3.IntegrityError]
    try:
        import psycopg

        errors.append(psycopg.IntegrityError)
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass
    return tuple(errors)


def _apply(session: Session, content: _Content, path: Path, resolutions: Mapping[str, Resolution],
           actor: str, backup: Path | None) -> ImportReport:
    """The write transaction of :func:`apply_import`."""
    from ..exchange.merge import insert_order
    from ..persistence import exchange_repo
    from ..persistence.models import utcnow

    merged = content.plan
    if merged is None or exchange_repo.fingerprint(session) != content.fingerprint:
        merged = _plan(session, content, path)
    if merged.is_empty:
        return ImportReport(0, 0, merged.unchanged + merged.kept, 0, 0, 0, backup)
    now = utcnow()
    schema = _schema()
    big = sum(len(rows) for rows in merged.inserts.values()) + merged.bulk_answer_count + merged.audit_new > BULK_ROWS
    if big:
        exchange_repo.bulk_mode(session, True)
    exchange_repo.insert_forms(session, content.forms, content.form_versions)
    for table in exchange_repo.TRACKED_TABLES:
        columns = merged.columns.get(table, [])
        inserts = merged.inserts.get(table) or []
        self_refs = [c for c, t in schema.foreign_keys.get(table, {}).items() if t == table]
        exchange_repo.insert_rows(session, table, columns, insert_order(columns, inserts, self_refs), now)
        exchange_repo.update_rows(session, table, merged.updates.get(table) or {}, now)
    exchange_repo.copy_answers(session, content.file, merged.bulk_answers, now, merged.bulk_every)
    answer_columns = merged.columns.get("answer", [])
    for _response_id, _base, doomed, _rows in merged.repeat_replacements:
        exchange_repo.delete_answers(session, doomed)
    for _response_id, _base, _doomed, rows in merged.repeat_replacements:
        at = answer_columns.index("id")
        fresh = [[None if i == at else v for i, v in enumerate(r)] for r in rows]
        exchange_repo.insert_rows(session, "answer", answer_columns, fresh, now)
    audit_appended = exchange_repo.new_audit(session, content.file, merged.held_audit, write=True)
    affected = set(merged.affected_responses)
    resolved = pending = 0
    stored = []
    for item in merged.conflicts:
        resolution = resolutions.get(item.key)
        values = _conflict_row(item, content.manifest)
        if resolution is not None:
            affected |= _resolve(session, item, resolution, actor)
            values.update(resolution=resolution.choice, resolved_by=actor, resolved_at=utcnow())
            resolved += 1
        else:
            pending += 1
        stored.append(values)
    exchange_repo.add_conflicts(session, stored)
    _refresh_responses(session, affected, actor)
    exchange_repo.append_audit(
        session, actor=actor, action="import", entity="bundle", entity_id=content.manifest["bundle_id"],
        new=json.dumps({"added": merged.added, "updated": merged.updated, "conflicts": len(merged.conflicts),
                        "from": content.manifest["installation_id"]}),
    )
    content.plan = None  # applied: a second apply merges again (and finds nothing new)
    if big:
        exchange_repo.bulk_mode(session, False)
    return ImportReport(
        merged.added, merged.updated, merged.unchanged + merged.kept, audit_appended,
        resolved, pending, backup,
    )


def _conflict_row(item: Conflict, manifest: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "table_name": item.table,
        "record_id": item.record_id,
        "field": item.field,
        "mine_value": json.dumps(item.mine, ensure_ascii=False),
        "theirs_value": json.dumps(item.theirs, ensure_ascii=False),
        "mine_changes": json.dumps([c.__dict__ for c in item.mine_changes], ensure_ascii=False),
        "theirs_changes": json.dumps([c.__dict__ for c in item.theirs_changes], ensure_ascii=False),
        "held_audit": json.dumps(list(item.held_audit), ensure_ascii=False),
        "source_installation": manifest.get("installation_id"),
        "bundle_id": manifest.get("bundle_id"),
    }


# --- resolving conflicts ----------------------------------------------------------------------


def _check_resolution(key: str, resolution: Resolution) -> None:
    if resolution.choice not in CHOICES:
        raise ValueError(f"unknown choice {resolution.choice!r} for {key}")


def _convert_edit(item: Conflict, text: str | None) -> Any:
    """A typed value for a field, checked against its column; ValidationError when wrong."""
    from ..persistence import exchange_repo
    from .catalogue import ValidationError, clean_mechanism_value

    if item.table == "answer":
        return text if text not in (None, "") else None
    if item.table == "mechanism":
        return clean_mechanism_value(item.field, text)
    kind = exchange_repo.column_kinds().get(item.table, {}).get(item.field, "str")
    value = (text or "").strip()
    if not value:
        return None
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            return value.lower() in ("1", "true", "yes", "oui", "vrai")
        if kind == "datetime":
            return datetime.fromisoformat(value).isoformat()
        if kind == "date":
            from datetime import date

            return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValidationError(
            QCoreApplication.translate("Exchange", "“{value}” is not a valid value for {field}.").format(value=value, field=item.field),
            item.field,
        ) from None
    return text


def _resolve(session: Session, item: Conflict, resolution: Resolution, actor: str) -> set[str]:
    """Apply one choice (its audit rows included); returns the responses whose answers
    changed."""
    from ..persistence import exchange_repo
    from ..persistence.models import utcnow

    current = _current_value(session, item)
    if resolution.choice == "mine":
        chosen = current
    elif resolution.choice == "theirs":
        chosen = item.theirs
    else:
        chosen = _convert_edit(item, resolution.value)
    have = exchange_repo.existing_ids(session, exchange_repo.AUDIT_TABLE, [r["id"] for r in item.held_audit])
    exchange_repo.append_audit_dicts(session, [r for r in item.held_audit if r["id"] not in have])
    affected: set[str] = set()
    now = utcnow()
    if chosen != current:
        if item.table == "answer":
            path, column = _answer_field(item.field)
            row = exchange_repo.answer_row(session, item.record_id, path)
            if row is None:
                exchange_repo.insert_answer(
                    session, item.record_id, path, chosen if column == "value" else None,
                    chosen if column == "note" else None,
                )
            else:
                exchange_repo.update_rows(session, "answer", {row["id"]: {column: chosen}}, now)
            affected.add(item.record_id)
        elif item.table == REPEAT_TABLE:
            doomed = [r["id"] for r in exchange_repo.repeat_answers(session, item.record_id, item.field)]
            exchange_repo.delete_answers(session, doomed)
            exchange_repo.insert_rows(
                session, "answer", ["id", "response_id", "path", "value", "note"],
                [[None, item.record_id, p, v, n] for p, v, n in (chosen or [])],
                now,
            )
            affected.add(item.record_id)
        else:
            exchange_repo.update_rows(session, item.table, {item.record_id: {item.field: chosen}}, now)
            if item.table == "response":
                affected.add(item.record_id)
    entity, field_name, action = _audit_target(item)
    exchange_repo.append_audit(
        session, actor=actor, action=action, entity=entity, entity_id=item.record_id,
        field=field_name, old=_audit_text(current), new=_audit_text(chosen),
    )
    return affected


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _answer_field(field_name: str) -> tuple[str, str]:
    if field_name.endswith(NOTE_SUFFIX):
        return field_name[: -len(NOTE_SUFFIX)], "note"
    return field_name, "value"


def _audit_target(item: Conflict) -> tuple[str, str, str]:
    """(entity, field, action) of the audit row that records a resolution, written so that
    the next merge reads it as a change of that very field."""
    if item.table == "answer":
        path, column = _answer_field(item.field)
        return "answer", path, "note" if column == "note" else "resolve"
    if item.table == REPEAT_TABLE:
        return "answer", item.field, "resolve"
    return item.table, item.field, "resolve"


def _current_value(session: Session, item: Conflict) -> Any:
    from ..exchange.merge import _block
    from ..persistence import exchange_repo

    if item.table == "answer":
        path, column = _answer_field(item.field)
        row = exchange_repo.answer_row(session, item.record_id, path)
        return row.get(column) if row else None
    if item.table == REPEAT_TABLE:
        return _block(exchange_repo.repeat_answers(session, item.record_id, item.field)) or None
    row = exchange_repo.record(session, item.table, item.record_id)
    return row.get(item.field) if row else None


def _stored(row) -> Conflict:  # noqa: ANN001 - an ORM ExchangeConflict
    from ..exchange.merge import Change

    def changes(text: str) -> tuple[Change, ...]:
        return tuple(Change(**c) for c in json.loads(text or "[]"))

    return Conflict(
        table=row.table_name,
        record_id=row.record_id,
        field=row.field,
        mine=json.loads(row.mine_value) if row.mine_value else None,
        theirs=json.loads(row.theirs_value) if row.theirs_value else None,
        mine_changes=changes(row.mine_changes),
        theirs_changes=changes(row.theirs_changes),
        held_audit=tuple(json.loads(row.held_audit or "[]")),
    )


def pending_conflicts(db: Database, lang: str = "en") -> list[ConflictInfo]:
    """The conflicts imports left for a user to settle, oldest first."""
    from ..persistence import exchange_repo

    with db.read() as session:
        rows = exchange_repo.pending_conflicts(session)
        items = [_stored(r) for r in rows]
        described = _describe(session, items, lang, current=True)
        return [
            ConflictInfo(**{**info.__dict__, "id": row.id}) for info, row in zip(described, rows, strict=True)
        ]


def pending_count(db: Database) -> int:
    from ..persistence import exchange_repo

    with db.read() as session:
        return len(exchange_repo.pending_conflicts(session))


def resolve_conflicts(db: Database, resolutions: Mapping[str, Resolution], actor: str) -> int:
    """Settle stored conflicts (by conflict id) in one transaction; returns how many."""
    from ..persistence import exchange_repo

    for key, resolution in resolutions.items():
        _check_resolution(key, resolution)
    done = 0
    with db.write() as session:
        affected: set[str] = set()
        for conflict_id, resolution in resolutions.items():
            row = exchange_repo.conflict(session, conflict_id)
            if row is None or row.resolved_at is not None:
                continue
            affected |= _resolve(session, _stored(row), resolution, actor)
            exchange_repo.mark_resolved(session, row, resolution.choice, actor)
            done += 1
        _refresh_responses(session, affected, actor)
    return done


# --- after answers changed ------------------------------------------------------------------


def _refresh_responses(session: Session, response_ids: set[str], actor: str) -> None:
    """Relevance flags and automatic status of responses whose answers a merge changed
    (a validated response stays validated)."""
    if not response_ids:
        return
    from ..forms.engine import FormState
    from ..persistence import exchange_repo
    from . import forms as form_service

    facts = exchange_repo.response_facts(session, response_ids)
    for response_id in sorted(facts):
        form_version_id, status = facts[response_id]
        try:
            definition = form_service.definition_in(session, form_version_id)
        except KeyError:
            continue
        rows = exchange_repo.answer_rows(session, response_id)
        values = {path: value for _id, path, value, _rel in rows if value is not None}
        state = FormState(definition, values)
        changes = []
        for answer_id, path, _value, relevant in rows:
            flag = state.relevant(path)
            if bool(relevant) != flag:
                changes.append((answer_id, flag))
        exchange_repo.set_relevance(session, changes)
        if status != "validated":
            automatic = "complete" if state.is_complete() else "draft"
            if automatic != status:
                exchange_repo.set_response_status(session, response_id, automatic)
                exchange_repo.append_audit(
                    session, actor=actor, action="status", entity="response", entity_id=response_id,
                    field="status", old=status, new=automatic,
                )


# --- describing conflicts -------------------------------------------------------------------


def _text(value: Any, lang: str, definition: Any = None, path: str | None = None) -> str:
    """A value as a user reads it: choices by label (and code), a repeat as one line per
    answer, relative to the repeat."""
    if value is None or value == "":
        return QCoreApplication.translate("Exchange", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("Exchange", "yes") if value else QCoreApplication.translate("Exchange", "no")
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, list) and len(item) == 3:
                answer_path, answer, note = item
                if answer in (None, "") and not note:
                    continue
                shown = _text(answer, lang, definition, answer_path) if answer not in (None, "") else ""
                relative = answer_path[len(path):] if path and answer_path.startswith(path) else answer_path
                line = f"{relative}: {shown}"
                if note:
                    line += f"  [{note}]"
                lines.append(line)
            else:
                lines.append(str(item))
        return "\n".join(lines) or QCoreApplication.translate("Exchange", "(empty)")
    if definition is not None and path is not None and isinstance(value, str):
        element = definition.find(path)
        if element is not None and element.is_select:
            codes = value.split() if element.type == "select_multiple" else [value]
            return "; ".join(f"{element.choice_label(code, lang)} ({code})" for code in codes)
    return str(value)


def _change_info(change: Any) -> ChangeInfo:
    at = None
    try:
        at = datetime.fromisoformat(change.at) if change.at else None
    except ValueError:
        at = None
    return ChangeInfo(change.actor, at, change.installation_id, change.action)


def _describe(session: Session, items: list[Conflict], lang: str, *, current: bool = False) -> list[ConflictInfo]:
    from ..persistence import exchange_repo
    from . import forms as form_service

    mechanisms = exchange_repo.mechanism_labels(session)
    response_ids = {i.record_id for i in items if i.table in ("answer", REPEAT_TABLE, "response")}
    facts = exchange_repo.response_facts(session, response_ids)
    owners = exchange_repo.response_mechanisms(session, response_ids)

    def acronym(mechanism_id: str | None) -> str:
        labels = mechanisms.get(mechanism_id or "")
        if not labels:
            return ""
        return labels[1] if lang == "fr" else labels[2]

    result = []
    for item in items:
        question = _field_label(item.field)
        where = f"{item.table} {item.record_id[:8]}"
        if item.table in ("answer", REPEAT_TABLE, "response"):
            definition = None
            fact = facts.get(item.record_id)
            if fact is not None:
                try:
                    definition = form_service.definition_in(session, fact[0])
                except KeyError:
                    definition = None
            kind = ""
            if definition is not None:
                kind = QCoreApplication.translate("Exchange", "interview guide") if definition.kind == "interview" else QCoreApplication.translate("Exchange", "questionnaire")
            where = " — ".join(p for p in (acronym(owners.get(item.record_id)), kind) if p)
            if item.table != "response" and definition is not None:
                path, column = _answer_field(item.field)
                element = definition.find(path)
                label = element.label(lang) if element is not None else ""
                question = path
                if column == "note":
                    question += " (" + QCoreApplication.translate("Exchange", "note") + ")"
                if label:
                    question += f" — {_short(label, 90)}"
        else:
            row = exchange_repo.record(session, item.table, item.record_id) or {}
            if item.table == "mechanism":
                where = acronym(item.record_id)
            elif item.table == "contact":
                where = " — ".join(p for p in (acronym(row.get("mechanism_id")), row.get("name") or "") if p)
            elif "mechanism_id" in row:
                where = f"{acronym(row.get('mechanism_id'))} — {item.table}"
        mine = _current_value(session, item) if current else item.mine
        answer_definition = answer_path = None
        if item.table in ("answer", REPEAT_TABLE):
            fact = facts.get(item.record_id)
            try:
                answer_definition = form_service.definition_in(session, fact[0]) if fact else None
            except KeyError:
                answer_definition = None
            answer_path, column = _answer_field(item.field)
            if column == "note":
                answer_definition = None  # a note is free text, whatever the question
        result.append(
            ConflictInfo(
                key=item.key,
                table=item.table,
                record_id=item.record_id,
                field=item.field,
                where=where or item.table,
                question=question,
                mine=mine,
                theirs=item.theirs,
                mine_text=_text(mine, lang, answer_definition, answer_path),
                theirs_text=_text(item.theirs, lang, answer_definition, answer_path),
                mine_changes=tuple(_change_info(c) for c in item.mine_changes),
                theirs_changes=tuple(_change_info(c) for c in item.theirs_changes),
                editable=item.editable,
            )
        )
    return result


def _field_label(name: str) -> str:
    """A column as users know it (literal calls, so that lupdate finds every label)."""
    labels = {
        "acronym_fr": QCoreApplication.translate("Exchange", "Acronym (French)"),
        "acronym_en": QCoreApplication.translate("Exchange", "Acronym (English)"),
        "name_fr": QCoreApplication.translate("Exchange", "Name (French)"),
        "name_en": QCoreApplication.translate("Exchange", "Name (English)"),
        "member_state_count": QCoreApplication.translate("Exchange", "Member states"),
        "chair_country": QCoreApplication.translate("Exchange", "Chair country"),
        "website": QCoreApplication.translate("Exchange", "Website"),
        "notes": QCoreApplication.translate("Exchange", "Notes"),
        "name": QCoreApplication.translate("Exchange", "Name"),
        "title": QCoreApplication.translate("Exchange", "Title"),
        "institution": QCoreApplication.translate("Exchange", "Institution"),
        "email": QCoreApplication.translate("Exchange", "E-mail"),
        "phone": QCoreApplication.translate("Exchange", "Phone"),
        "time_zone": QCoreApplication.translate("Exchange", "Time zone"),
        "role": QCoreApplication.translate("Exchange", "Role"),
        "status": QCoreApplication.translate("Exchange", "Status"),
        "deleted_at": QCoreApplication.translate("Exchange", "Deleted (tombstone)"),
        "due_utc": QCoreApplication.translate("Exchange", "Due date (UTC)"),
        "planned_start_utc": QCoreApplication.translate("Exchange", "Planned start (UTC)"),
        "text": QCoreApplication.translate("Exchange", "Text"),
    }
    return labels.get(name, name)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- spreadsheets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpreadsheetReport:
    paths: tuple[Path, ...]
    sheets: dict[str, int]  # sheet name -> rows


def export_spreadsheets(
    db: Database, out: str | Path, fmt: str = "xlsx", lang: str = "en", labels: bool = False
) -> SpreadsheetReport:
    """Responses of every form as XLSX (one workbook) or CSV (one file per sheet), see
    :mod:`mcim_desk.exchange.spreadsheet`. Only relevant answers are written."""
    from collections import defaultdict

    from ..exchange import spreadsheet
    from ..persistence import exchange_repo
    from . import forms as form_service

    if fmt not in ("xlsx", "csv"):
        raise ValueError(f"unknown spreadsheet format {fmt!r}")
    with db.read() as session:
        rows, forms, answers = exchange_repo.spreadsheet_data(session)
        by_form: dict[str, list[spreadsheet.ExportResponse]] = defaultdict(list)
        for row in rows:
            values = {path: value for path, value, relevant in answers.get(row["id"], ())
                      if relevant and value is not None}
            by_form[row["form_id"]].append(
                spreadsheet.ExportResponse(
                    id=row["id"],
                    mechanism=row["acronym_fr"] if lang == "fr" else row["acronym_en"],
                    round=row["round"],
                    status=row["status"],
                    source=row["source"],
                    created_at=row["created_at"],
                    updated_at=row["updated_at"],
                    answers=values,
                )
            )
        exports = []
        for form in sorted(forms, key=lambda f: f["id"]):
            latest = form_service.latest_version_in(session, form_id=form["id"])
            if latest is None:
                continue
            definition = form_service.definition_in(session, latest.version_id)
            exports.append(spreadsheet.FormExport(form["id"], definition, by_form.get(form["id"], [])))
    sheets = spreadsheet.tabulate(exports, lang, labels)
    if fmt == "xlsx":
        paths: tuple[Path, ...] = (spreadsheet.write_xlsx(out, sheets),)
    else:
        paths = tuple(spreadsheet.write_csv(out, sheets))
    return SpreadsheetReport(paths, {s.name: len(s.rows) for s in sheets})


__all__ = [
    "ChangeInfo", "ConflictInfo", "ExportReport", "ImportPlan", "ImportReport", "Resolution",
    "apply_import", "export_bundle", "pending_conflicts", "pending_count", "preview_import",
    "SpreadsheetReport", "export_spreadsheets", "resolve_conflicts",
]
