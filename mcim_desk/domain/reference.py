"""The study's reference data (resources/reference/*.csv), read into plain dataclasses."""

from __future__ import annotations

import csv
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..paths import resource_path

FR, EN = "French (fr)", "English (en)"
# Mechanism UUIDs derive from the reference key, so every laptop gives a mechanism the same id.
MECHANISM_NAMESPACE = uuid.UUID("5b0c1f3e-9a53-4c61-8f0e-6d2f1e7c9a01")

# reference_item.kind -> file; the lists whose `name,label::...` columns double as XLSForm
# external choice files (select_*_from_file) are listed in CHOICE_FILES.
LIST_FILES = {
    "mechanism_type": "mechanism_types.csv",
    "region": "regions.csv",
    "theme": "gcm_themes.csv",
    "principle": "gcm_principles.csv",
    "objective": "gcm_objectives.csv",
    "partner_category": "partner_categories.csv",
    "definition": "definitions.csv",
}
CHOICE_FILES = {
    "gcm_themes.csv": "theme",
    "gcm_principles.csv": "principle",
    "gcm_objectives.csv": "objective",
    "partner_categories.csv": "partner_category",
    "mechanisms.csv": "mechanism",
}


@dataclass(frozen=True)
class MechanismRef:
    key: str
    type: str
    region: str
    sort: int
    acronym_fr: str
    acronym_en: str
    name_fr: str
    name_en: str
    # From mechanism_members.csv: the member States as stored (JSON list of ISO 3166-1
    # alpha-3 codes, None when no public source was found) and the source (address, date).
    member_states: str | None = None
    member_states_source: str | None = None

    @property
    def id(self) -> str:
        return mechanism_id(self.key)

    def values(self) -> dict[str, object]:
        return {
            "type": self.type,
            "region": self.region,
            "sort": self.sort,
            "acronym_fr": self.acronym_fr,
            "acronym_en": self.acronym_en,
            "name_fr": self.name_fr,
            "name_en": self.name_en,
            "member_states": self.member_states,
            "member_states_source": self.member_states_source,
        }


@dataclass(frozen=True)
class ReferenceEntry:
    kind: str
    name: str
    number: int | None
    parent: str | None
    label_fr: str
    label_en: str
    text_fr: str | None
    text_en: str | None
    sort: int


@dataclass(frozen=True)
class ReferenceData:
    mechanisms: list[MechanismRef]
    entries: list[ReferenceEntry]
    digest: str

    def of_kind(self, kind: str) -> list[ReferenceEntry]:
        return [e for e in self.entries if e.kind == kind]


def mechanism_id(key: str) -> str:
    return str(uuid.uuid5(MECHANISM_NAMESPACE, key))


def reference_dir() -> Path:
    return resource_path("resources", "reference")


def reference_digest(folder: Path | None = None) -> str:
    """SHA-256 over the reference files: unchanged files mean nothing to load at start."""
    folder = folder or reference_dir()
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


MEMBERS_FILE = "mechanism_members.csv"


@dataclass(frozen=True)
class Membership:
    """One row of mechanism_members.csv: who a public source says the members are."""

    mechanism: str
    codes: tuple[str, ...]
    source_url: str
    source_date: str

    @property
    def source(self) -> str:
        return f"{self.source_url} ({self.source_date})" if self.source_date else self.source_url


def load_memberships(folder: Path | None = None) -> dict[str, Membership]:
    """mechanism key -> its membership row; a row with no codes is left out (no source).
    Raises ValueError naming the row of an unknown code."""
    from .countries import clean_codes

    path = (folder or reference_dir()) / MEMBERS_FILE
    if not path.exists():
        return {}
    result = {}
    for number, row in enumerate(_rows(path), start=2):
        try:
            codes = clean_codes(row.get("members") or "")
        except ValueError as exc:
            raise ValueError(f"{path.name}, row {number}: unknown ISO 3166-1 code {exc}") from None
        if codes:
            result[row["mechanism"]] = Membership(
                row["mechanism"], tuple(codes), (row.get("source_url") or "").strip(),
                (row.get("source_date") or "").strip(),
            )
    return result


def load_reference(folder: Path | None = None) -> ReferenceData:
    from .countries import dump

    folder = folder or reference_dir()
    members = load_memberships(folder)
    mechanisms = [
        MechanismRef(
            key=row["name"],
            type=row["type"],
            region=row["region"],
            sort=int(row["sort"]),
            acronym_fr=row[f"acronym::{FR}"],
            acronym_en=row[f"acronym::{EN}"],
            name_fr=row[f"label::{FR}"],
            name_en=row[f"label::{EN}"],
            member_states=dump(list(members[row["name"]].codes)) if row["name"] in members else None,
            member_states_source=members[row["name"]].source if row["name"] in members else None,
        )
        for row in _rows(folder / "mechanisms.csv")
    ]
    entries: list[ReferenceEntry] = []
    for kind, filename in LIST_FILES.items():
        for index, row in enumerate(_rows(folder / filename), start=1):
            label = "term" if kind == "definition" else "label"
            number = row.get("number") or row.get("sort")
            entries.append(
                ReferenceEntry(
                    kind=kind,
                    name=row["name"],
                    number=int(number) if number else None,
                    parent=row.get("type"),
                    label_fr=row[f"{label}::{FR}"],
                    label_en=row[f"{label}::{EN}"],
                    text_fr=row.get(f"text::{FR}"),
                    text_en=row.get(f"text::{EN}"),
                    sort=index,
                )
            )
    return ReferenceData(mechanisms, entries, reference_digest(folder))
