"""Mechanisms, their contacts and the reference lists: what the main window shows and edits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication

from .. import limits
from ..persistence.database import Database, StaleEditError
from . import conflicts

EDITABLE_FIELDS = {
    "acronym_fr",
    "acronym_en",
    "name_fr",
    "name_en",
    "member_states",
    "member_states_source",
    "chair_country",
    "website",
    "notes",
}
CONTACT_FIELDS = {"role", "name", "title", "institution", "email", "phone", "time_zone"}
CONTACT_ROLES = ("chair", "secretariat_head", "other")


class ValidationError(ValueError):
    """Bad input from a user or a file; ``str()`` is a translated message naming the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class MechanismRow:
    id: str
    key: str
    type: str
    region: str
    sort: int
    acronym_fr: str
    acronym_en: str
    name_fr: str
    name_en: str
    member_state_count: int | None = None
    chair_country: str | None = None

    def acronym(self, lang: str) -> str:
        return self.acronym_fr if lang == "fr" else self.acronym_en

    def name(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.name_en


@dataclass(frozen=True)
class ContactInfo:
    id: str
    mechanism_id: str
    role: str
    name: str
    title: str | None
    institution: str | None
    email: str | None
    phone: str | None
    time_zone: str | None
    revision: int


@dataclass(frozen=True)
class MechanismCard:
    row: MechanismRow
    website: str | None
    notes: str | None
    revision: int
    contacts: tuple[ContactInfo, ...] = field(default_factory=tuple)
    member_states: str | None = None  # as stored: JSON list of ISO 3166-1 alpha-3 codes
    member_states_source: str | None = None

    @property
    def members(self) -> list[str] | None:
        """The member States' codes, or None when the membership is not recorded."""
        from ..domain.countries import load

        return load(self.member_states)

    def value(self, name: str) -> object:
        if hasattr(self.row, name):
            return getattr(self.row, name)
        return getattr(self, name)


@dataclass(frozen=True)
class Label:
    kind: str
    name: str
    fr: str
    en: str
    sort: int

    def text(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class DatabaseSummary:
    revision: str | None
    integrity: str
    counts: dict[str, int]
    problems: list[str]


def mechanism_rows(db: Database) -> list[MechanismRow]:
    """The mechanism list; on SQLite through the light start-path reader."""
    if db.path is not None:
        from ..persistence.quick import mechanism_rows as quick_rows

        return [MechanismRow(**row) for row in quick_rows(db.path)]
    from ..persistence import repositories

    with db.read() as session:
        return [_row(m) for m in repositories.mechanisms(session)]


def reference_labels(db: Database, *kinds: str) -> list[Label]:
    if db.path is not None:
        from ..persistence.quick import reference_labels as quick_labels

        return [Label(*row) for row in quick_labels(db.path, kinds)]
    from ..persistence import repositories

    with db.read() as session:
        return [
            Label(i.kind, i.name, i.label_fr, i.label_en, i.sort)
            for kind in kinds
            for i in repositories.reference_items(session, kind)
        ]


def mechanism_card(db: Database, mechanism_id: str) -> MechanismCard:
    """One mechanism's card; on SQLite through the light reader (the first card shows while
    SQLAlchemy is still being imported)."""
    if db.path is not None:
        from ..persistence.quick import mechanism_card as quick_card

        found = quick_card(db.path, mechanism_id)
        if found is None:
            raise KeyError(mechanism_id)
        values, contacts = found
        extra = {k: values.pop(k) for k in ("website", "notes", "revision", "member_states",
                                            "member_states_source")}
        return MechanismCard(row=MechanismRow(**values), **extra,
                             contacts=tuple(ContactInfo(**c) for c in contacts))
    from ..persistence import repositories

    with db.read() as session:
        mech = repositories.mechanism(session, mechanism_id)
        if mech is None:
            raise KeyError(mechanism_id)
        return _card(mech, repositories.contacts_of(session, mechanism_id))


def find_mechanism(db: Database, acronym: str) -> MechanismRow | None:
    from ..persistence import repositories

    with db.read() as session:
        mech = repositories.mechanism_by_acronym(session, acronym)
        return _row(mech) if mech else None


def clean_mechanism_value(field_name: str, value: object) -> object:
    """Validate and normalise one edited field; raises ValidationError with a clear message."""
    if field_name not in EDITABLE_FIELDS:
        raise ValidationError(
            QCoreApplication.translate("Catalogue", "This field cannot be edited: {field}").format(
                field=field_name
            )
        )
    if field_name == "member_states":
        from ..domain.countries import clean_codes, dump

        if isinstance(value, str) and value.strip().startswith("["):
            from ..domain.countries import load

            value = load(value) or []
        try:
            return dump(clean_codes(value))
        except ValueError as exc:
            raise ValidationError(
                QCoreApplication.translate(
                    "Catalogue", "“{value}” is not an ISO 3166-1 country code."
                ).format(value=exc),
                field_name,
            ) from None
    text = "" if value is None else str(value).strip()
    if field_name in {"acronym_fr", "acronym_en", "name_fr", "name_en"} and not text:
        raise ValidationError(
            QCoreApplication.translate("Catalogue", "The name and acronym cannot be empty."),
            field_name,
        )
    _check_length(field_name, text, MECHANISM_LIMITS)
    return text or None


# Each typed reference field's length limit (limits.py).
MECHANISM_LIMITS = {
    "acronym_fr": limits.ACRONYM_CHARS, "acronym_en": limits.ACRONYM_CHARS,
    "name_fr": limits.NAME_CHARS, "name_en": limits.NAME_CHARS,
    "chair_country": limits.NAME_CHARS, "website": limits.NAME_CHARS, "notes": limits.NOTE_CHARS,
}
CONTACT_LIMITS = {name: limits.NAME_CHARS for name in ("name", "title", "institution", "email", "phone")}


def field_label(field_name: str) -> str:
    """A reference field's name as the window shows it."""
    labels = {
        "acronym_fr": QCoreApplication.translate("Catalogue", "Acronym (French)"),
        "acronym_en": QCoreApplication.translate("Catalogue", "Acronym (English)"),
        "name_fr": QCoreApplication.translate("Catalogue", "Name (French)"),
        "name_en": QCoreApplication.translate("Catalogue", "Name (English)"),
        "chair_country": QCoreApplication.translate("Catalogue", "Chair country"),
        "website": QCoreApplication.translate("Catalogue", "Website"),
        "notes": QCoreApplication.translate("Catalogue", "Notes"),
        "name": QCoreApplication.translate("Catalogue", "Name"),
        "title": QCoreApplication.translate("Catalogue", "Title"),
        "institution": QCoreApplication.translate("Catalogue", "Institution"),
        "email": QCoreApplication.translate("Catalogue", "E-mail"),
        "phone": QCoreApplication.translate("Catalogue", "Phone"),
    }
    return labels.get(field_name, field_name)


def _check_length(field_name: str, text: str, table: dict[str, int]) -> None:
    limit = table.get(field_name)
    if limit is not None and len(text) > limit:
        raise ValidationError(
            QCoreApplication.translate(
                "Catalogue", "{field} has {length} characters, more than the limit of {limit}."
            ).format(field=field_label(field_name), length=limits.grouped(len(text)),
                     limit=limits.grouped(limit)),
            field_name,
        )


def update_mechanism(
    db: Database,
    mechanism_id: str,
    field_name: str,
    value: object,
    actor: str,
    expected_revision: int | None = None,
    *,
    expected: object = conflicts.UNCHECKED,
) -> MechanismCard:
    """Save one field in one transaction, with its audit row; returns the card as saved.
    ``expected``: the field's value the caller read; when someone changed it since,
    EditConflict (both values, who and when), nothing written."""
    from ..persistence import repositories

    clean = clean_mechanism_value(field_name, value)
    with db.write() as session:
        mech = repositories.mechanism(session, mechanism_id, lock=True)
        if mech is None:
            raise KeyError(mechanism_id)
        if expected_revision is not None and mech.revision != expected_revision:
            raise StaleEditError(mechanism_id)
        old = getattr(mech, field_name)
        if old != clean and expected is not conflicts.UNCHECKED and old != expected:
            raise conflicts.refused(
                session, QCoreApplication.translate(
                    "Catalogue", "This field was changed {by} since this window read it: your "
                    "value was not saved."),
                entity="mechanism", entity_id=mechanism_id, field=field_name, kind="field",
                path=field_name, theirs=None if old is None else str(old),
                yours=None if clean is None else str(clean))
        if old != clean:
            setattr(mech, field_name, clean)
            repositories.append_audit(
                session,
                actor=actor,
                action="update",
                entity="mechanism",
                entity_id=mechanism_id,
                field=field_name,
                old=old,
                new=clean,
            )
            session.flush()
        return _card(mech, repositories.contacts_of(session, mechanism_id))


def save_contact(db: Database, contact: ContactInfo, actor: str) -> ContactInfo:
    """Create or update a contact (all fields at once); validates the time zone and e-mail."""
    from ..persistence import repositories
    from ..persistence.models import Contact

    values = validate_contact(contact)
    with db.write() as session:
        row = session.get(Contact, contact.id) if contact.id else None
        if row is None:
            row = Contact(mechanism_id=contact.mechanism_id, **values)
            if contact.id:
                row.id = contact.id
            session.add(row)
            session.flush()
            repositories.append_audit(
                session,
                actor=actor,
                action="create",
                entity="contact",
                entity_id=row.id,
                new=values.get("name"),
            )
        else:
            for key, value in values.items():
                old = getattr(row, key)
                if old != value:
                    setattr(row, key, value)
                    repositories.append_audit(
                        session,
                        actor=actor,
                        action="update",
                        entity="contact",
                        entity_id=row.id,
                        field=key,
                        old=old,
                        new=value,
                    )
            row.deleted_at = None
            session.flush()
        return _contact(row)


def delete_contact(db: Database, contact_id: str, actor: str) -> None:
    """A tombstone, so that the deletion can travel to other laptops and be undone."""
    from ..persistence import repositories
    from ..persistence.models import Contact, utcnow

    with db.write() as session:
        row = session.get(Contact, contact_id)
        if row is not None and row.deleted_at is None:
            row.deleted_at = utcnow()
            repositories.append_audit(
                session,
                actor=actor,
                action="delete",
                entity="contact",
                entity_id=contact_id,
                old=row.name,
            )


def validate_contact(contact: ContactInfo) -> dict[str, object]:
    """The cleaned values to store, or ValidationError naming the bad field."""
    values = {k: (getattr(contact, k) or "").strip() or None for k in CONTACT_FIELDS}
    for name in sorted(CONTACT_LIMITS):
        _check_length(name, values[name] or "", CONTACT_LIMITS)
    values["name"] = values["name"] or ""
    if not values["name"]:
        raise ValidationError(
            QCoreApplication.translate("Catalogue", "A contact needs a name."), "name"
        )
    if values["role"] not in CONTACT_ROLES:
        values["role"] = "other"
    email = values["email"]
    if email and ("@" not in email or " " in email or email.startswith("@") or email.endswith("@")):
        raise ValidationError(
            QCoreApplication.translate("Catalogue", "“{value}” is not an e-mail address.").format(
                value=email
            ),
            "email",
        )
    zone = values["time_zone"]
    if zone:
        from ..domain.timezones import is_known_zone

        if not is_known_zone(zone):
            raise ValidationError(
                QCoreApplication.translate(
                    "Catalogue",
                    "Unknown time zone “{value}”: use a name such as Europe/Geneva or America/Lima.",
                ).format(value=zone),
                "time_zone",
            )
    return values


def database_summary(db: Database) -> DatabaseSummary:
    from ..persistence import repositories
    from ..persistence.migrations import current_revision, head_revision

    integrity = "ok"
    if db.path is not None:
        from ..persistence.sqlite_files import quick_check

        integrity = quick_check(db.path)
    revision = current_revision(db)
    from ..persistence.attachments_repo import damaged_blobs

    with db.read() as session:
        counts = repositories.counts(session)
        dangling = repositories.dangling_references(session) if integrity == "ok" else {}
        counts["attached_files"], damaged = damaged_blobs(session) if integrity == "ok" else (0, [])
    if dangling:
        integrity = "; ".join(
            QCoreApplication.translate(
                "Catalogue", "{count} row(s) of “{table}” refer to a missing row of “{parent}”"
            ).format(count=count, table=table, parent=parent)
            for (table, parent), count in sorted(dangling.items())
        )
    problems = []
    if integrity != "ok":
        problems.append(f"integrity: {integrity}")
    for name in damaged:
        problems.append(QCoreApplication.translate(
            "Catalogue", "the attached file “{name}” no longer matches its SHA-256: restore a backup").format(name=name))
    if revision != head_revision():
        problems.append(f"schema revision {revision} is not {head_revision()}")
    expected = {
        "mechanisms": 30,
        "mechanisms.rcp": 15,
        "mechanisms.irf": 13,
        "mechanisms.global": 2,
        "objective": 23,
        "principle": 10,
        "theme": 6,
        "partner_category": 8,
    }
    for key, wanted in expected.items():
        if counts.get(key, 0) < wanted:
            problems.append(f"{key}: {counts.get(key, 0)} < {wanted}")
    return DatabaseSummary(revision, integrity, counts, problems)


def _row(m) -> MechanismRow:  # noqa: ANN001 - an ORM Mechanism
    return MechanismRow(
        id=m.id,
        key=m.key,
        type=m.type,
        region=m.region,
        sort=m.sort,
        acronym_fr=m.acronym_fr,
        acronym_en=m.acronym_en,
        name_fr=m.name_fr,
        name_en=m.name_en,
        member_state_count=m.member_state_count,
        chair_country=m.chair_country,
    )


def _contact(c) -> ContactInfo:  # noqa: ANN001 - an ORM Contact
    return ContactInfo(
        id=c.id,
        mechanism_id=c.mechanism_id,
        role=c.role,
        name=c.name,
        title=c.title,
        institution=c.institution,
        email=c.email,
        phone=c.phone,
        time_zone=c.time_zone,
        revision=c.revision,
    )


def _card(m, contacts) -> MechanismCard:  # noqa: ANN001 - ORM rows
    return MechanismCard(
        row=_row(m),
        website=m.website,
        notes=m.notes,
        revision=m.revision,
        contacts=tuple(_contact(c) for c in contacts),
        member_states=m.member_states,
        member_states_source=m.member_states_source,
    )


__all__ = [
    "ContactInfo",
    "DatabaseSummary",
    "Label",
    "MechanismCard",
    "MechanismRow",
    "StaleEditError",
    "ValidationError",
    "database_summary",
    "validate_contact",
    "delete_contact",
    "find_mechanism",
    "mechanism_card",
    "mechanism_rows",
    "reference_labels",
    "replace",
    "save_contact",
    "update_mechanism",
]
