"""Data exchange use cases: export a bundle, preview and apply an import, export
spreadsheets (the conflicts an import finds are settled in :mod:`.exchange_conflicts`).

An import is applied at once for everything that does not conflict, in one transaction;
each conflicting field keeps this database's value and is stored in ``exchange_conflict``
(see :mod:`.exchange_conflicts`). Choices given to :func:`apply_import` are applied in the import's
own transaction.

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
from . import attachment_exchange
from .exchange_conflicts import (
    ConflictInfo,
    Resolution,
    _check_resolution,
    _conflict_row,
    _describe,
    _refresh_responses,
    _resolve,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..exchange.merge import MergePlan, Schema
    from ..persistence.database import Database

FORMS_ENTRY = "forms.json"



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
    attachments: Any = None  # persistence.attachments_repo.EntryContent, checked

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
    from ..paths import temp_dir

    with db.write() as session, tempfile.TemporaryDirectory(prefix="mcim-export-", dir=temp_dir(),
                                                             ignore_cleanup_errors=True) as scratch:
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
        attached, attached_count = attachment_exchange.write(session, Path(scratch), records_path, since)
        if attached is not None:
            entries[attached.name] = attached
            counts["attachment"] = attached_count
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
    from ..persistence.attachments_repo import ENTRY as ATTACHMENTS_ENTRY
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
        unexpected = sorted(set(parsed.entries) - {FORMS_ENTRY} | set(parsed.files) - {ENTRY, ATTACHMENTS_ENTRY})
        if unexpected:
            raise _fail("bad_records", path, QCoreApplication.translate("Exchange", "unexpected entry “{name}”.").format(name=unexpected[0]))
        if ENTRY not in parsed.files:
            raise _fail("bad_records", path, QCoreApplication.translate("Exchange", "the bundle has no records ({entry}).").format(entry=ENTRY))
        forms = _check_forms(parsed.entries.get(FORMS_ENTRY, {}), path)
        attached = attachment_exchange.read(parsed.files, path)
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
    content = _Content(manifest, records, file, forms["forms"], forms["form_versions"], attachments=attached)
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
    # Responses whose answers are identical on both sides need no merge: unchanged (found
    # by a set comparison in SQL; only the others are read into Python).
    differing = exchange_repo.answers_differing(session, content.file, merged_here)
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
    plan.added += attachment_exchange.check(session, content.attachments, bundle_responses, path)
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
    audit = exchange_repo.AUDIT_TABLE
    plan.audit_fresh = bool(plan.audit_new) and plan.audit_new + content.file.count_where_in(
        audit, "id", plan.held_audit) == content.file.count(audit)
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
        attachment_exchange.apply(session, content.attachments)
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
    attachment_exchange.apply(session, content.attachments)
    answer_columns = merged.columns.get("answer", [])
    for _response_id, _base, doomed, _rows in merged.repeat_replacements:
        exchange_repo.delete_answers(session, doomed)
    for _response_id, _base, _doomed, rows in merged.repeat_replacements:
        at = answer_columns.index("id")
        fresh = [[None if i == at else v for i, v in enumerate(r)] for r in rows]
        exchange_repo.insert_rows(session, "answer", answer_columns, fresh, now)
    audit_appended = exchange_repo.new_audit(session, content.file, merged.held_audit, write=True,
                                             fresh=merged.audit_fresh)
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


@dataclass(frozen=True)
class SpreadsheetReport:
    paths: tuple[Path, ...]
    sheets: dict[str, int]  # sheet name -> rows
    attachments: tuple[Path, ...] = ()  # the files answers name, beside the spreadsheets


def export_spreadsheets(
    db: Database, out: str | Path, fmt: str = "xlsx", lang: str = "en", labels: bool = False
) -> SpreadsheetReport:
    """Responses of every form as XLSX (one workbook) or CSV (one file per sheet), see
    :mod:`mcim_desk.exchange.spreadsheet`. Only relevant answers are written. The files that
    answers name are written beside, in ``attachments/<response id>/<file name>`` (the cell
    holds the file name, as KoboToolbox's exports do)."""
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
    from . import attachments

    named = [(r.id, name) for export in exports for r in export.responses
             for name in attachments.file_answers(export.definition, r.answers).values()]
    sheets = spreadsheet.tabulate(exports, lang, labels)
    if fmt == "xlsx":
        paths: tuple[Path, ...] = (spreadsheet.write_xlsx(out, sheets),)
    else:
        paths = tuple(spreadsheet.write_csv(out, sheets))
    files: list[Path] = []
    if named and paths:
        with db.read() as session:
            files = attachments.export_files(session, named, paths[0].parent)
    return SpreadsheetReport(paths, {s.name: len(s.rows) for s in sheets}, tuple(files))


__all__ = [
    "ExportReport", "ImportPlan", "ImportReport", "SpreadsheetReport", "apply_import",
    "export_bundle", "export_spreadsheets", "preview_import",
]
