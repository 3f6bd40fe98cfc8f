"""What a spreadsheet export reads.

Part of :mod:`mcim_desk.persistence.exchange_repo` (see its docstring)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import (
    text,
)
from sqlalchemy.orm import Session

from .common import _Raw

# --- spreadsheets ---------------------------------------------------------------------------


def spreadsheet_data(session: Session) -> tuple[list[dict], list[dict], dict[str, list[tuple[str, str | None, bool]]]]:
    """What a spreadsheet export needs: live responses (with their form id, mechanism and
    round names), the forms, and every live answer (path, value, relevant) by response."""
    stmt = text(
        "SELECT r.id, r.form_version_id, fv.form_id, r.mechanism_id, m.key, m.acronym_fr, "
        "m.acronym_en, r.round_id, sr.name, r.status, r.source, r.created_at, r.updated_at "
        "FROM response r JOIN form_version fv ON fv.id = r.form_version_id "
        "JOIN mechanism m ON m.id = r.mechanism_id "
        "LEFT JOIN survey_round sr ON sr.id = r.round_id "
        "WHERE r.deleted_at IS NULL ORDER BY fv.form_id, m.sort, r.created_at, r.id"
    )
    columns = ["id", "form_version_id", "form_id", "mechanism_id", "mechanism_key", "acronym_fr",
               "acronym_en", "round_id", "round", "status", "source", "created_at", "updated_at"]
    responses = [dict(zip(columns, row, strict=True)) for row in session.execute(stmt)]
    for row in responses:
        for key in ("created_at", "updated_at"):
            if isinstance(row[key], str):
                row[key] = datetime.fromisoformat(row[key])
    raw = _Raw(session)
    answers: dict[str, list[tuple[str, str | None, bool]]] = defaultdict(list)
    for rid, path, value, relevant in raw.query(
        "SELECT response_id, path, value, relevant FROM answer WHERE deleted_at IS NULL"
    ):
        answers[rid].append((path, value, bool(relevant)))
    forms = [{"id": fid} for (fid,) in raw.query("SELECT id FROM form ORDER BY id")]
    return responses, forms, answers

