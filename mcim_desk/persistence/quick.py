"""Read-only queries for the start path, through the standard library's sqlite3 (no
SQLAlchemy import before the window is filled). Same tables, same meaning as repositories."""

from __future__ import annotations

from pathlib import Path

from .sqlite_files import read_rows

MECHANISM_COLUMNS = (
    "id", "key", "type", "region", "sort", "acronym_fr", "acronym_en", "name_fr", "name_en",
    "member_state_count", "chair_country",
)


def mechanism_rows(path: Path) -> list[dict[str, object]]:
    sql = (
        f"SELECT {', '.join(MECHANISM_COLUMNS)} FROM mechanism "
        "WHERE deleted_at IS NULL ORDER BY sort, key"
    )
    return [dict(zip(MECHANISM_COLUMNS, row, strict=True)) for row in read_rows(path, sql)]


def reference_labels(path: Path, kinds: tuple[str, ...]) -> list[tuple[str, str, str, str, int]]:
    """(kind, name, label_fr, label_en, sort) of the given reference kinds."""
    marks = ", ".join("?" for _ in kinds)
    return read_rows(
        path,
        f"SELECT kind, name, label_fr, label_en, sort FROM reference_item WHERE kind IN ({marks}) "
        "ORDER BY kind, sort",
        kinds,
    )


CARD_COLUMNS = MECHANISM_COLUMNS + ("website", "notes", "revision", "member_states",
                                     "member_states_source")
CONTACT_COLUMNS = (
    "id", "mechanism_id", "role", "name", "title", "institution", "email", "phone", "time_zone",
    "revision",
)


def mechanism_card(path: Path, mechanism_id: str) -> tuple[dict[str, object], list[dict[str, object]]] | None:
    """The card of one mechanism and its live contacts (ordered as repositories.contacts_of)."""
    rows = read_rows(path, f"SELECT {', '.join(CARD_COLUMNS)} FROM mechanism WHERE id = ?",
                     (mechanism_id,))
    if not rows:
        return None
    contacts = read_rows(
        path,
        f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contact "
        "WHERE mechanism_id = ? AND deleted_at IS NULL ORDER BY role, name",
        (mechanism_id,),
    )
    return (dict(zip(CARD_COLUMNS, rows[0], strict=True)),
            [dict(zip(CONTACT_COLUMNS, c, strict=True)) for c in contacts])
