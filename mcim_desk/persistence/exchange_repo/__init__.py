"""Queries and writes of the data exchange (bundles, spreadsheets), each taking the caller's
session (the service owns the transaction).

Rows travel as JSON values: datetimes as ``YYYY-MM-DD HH:MM:SS.ffffff`` (the text SQLite
stores, so that a laptop's rows go out and in without being parsed), dates as ISO text,
booleans as booleans. Bulk reads and writes go through the driver's own cursor inside the
session's transaction: an import of ten thousand responses writes half a million rows, and
SQLAlchemy's per-row processing would cost more than the rest of the import.

Split by use case: :mod:`.common` (tables, column kinds, value conversions, the raw
cursor), :mod:`.export`, :mod:`.plan` (the local side of a merge), :mod:`.apply` (the
writes of an import), :mod:`.conflicts`, :mod:`.spreadsheets`. Callers use this package's
names."""

from __future__ import annotations

from .apply import (  # noqa: F401
    INSERT_ORDER,
    add_conflicts,
    answer_rows,
    append_audit,
    append_audit_dicts,
    append_audit_rows,
    bulk_mode,
    copy_answers,
    delete_answers,
    insert_forms,
    insert_rows,
    new_audit,
    response_facts,
    set_relevance,
    set_response_status,
    update_rows,
)
from .common import (  # noqa: F401
    AUDIT_TABLE,
    SERVER_MARGIN,
    TRACKED_TABLES,
    WATERMARK_PREFIX,
    column_kinds,
    foreign_keys,
    stamp,
    table_kinds,
    to_db,
    to_json,
)
from .conflicts import (  # noqa: F401
    answer_row,
    conflict,
    insert_answer,
    mark_resolved,
    mechanism_labels,
    pending_conflicts,
    record,
    repeat_answers,
    response_mechanisms,
)
from .export import (  # noqa: F401
    export_rows,
    fingerprint,
    forms_of,
    installation_id,
    lock_for_export,
    set_watermark,
    watermark,
    write_records,
)
from .plan import (  # noqa: F401
    answers_differing,
    answers_of,
    audit_rows_of,
    existing_ids,
    form_version_ids_by_version,
    pending_conflict_values,
    round_ids_by_name,
    rows_by_id,
)
from .spreadsheets import (  # noqa: F401
    spreadsheet_data,
)
