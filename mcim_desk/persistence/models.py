"""SQLAlchemy 2 typed declarative models: the schema Alembic migrations build.

Every user-editable row has a UUID (or natural) key, ``created_at``, ``updated_at`` and a
``revision`` counter (SQLAlchemy's version_id_col: a stale concurrent update raises), so that
laptops can later be merged row by row. ``deleted_at`` marks tombstones instead of deleting.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from .. import clock

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return clock.utcnow()  # looked up on the module: a test's clock source applies


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """Columns every user-editable row carries."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        return {"version_id_col": cls.revision}


# --- reference data -----------------------------------------------------------------------


class Mechanism(Tracked, Base):
    """One inter-state consultation mechanism on migration (Annex 5), plus what users add."""

    __tablename__ = "mechanism"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # reference file's stable name
    type: Mapped[str] = mapped_column(String(16))  # rcp / irf / global
    region: Mapped[str] = mapped_column(String(64))  # regions.csv name
    sort: Mapped[int] = mapped_column(Integer, default=0)
    acronym_fr: Mapped[str] = mapped_column(String(64))
    acronym_en: Mapped[str] = mapped_column(String(64))
    name_fr: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    member_state_count: Mapped[int | None] = mapped_column(Integer)  # kept, no longer edited
    # The member States: JSON list of ISO 3166-1 alpha-3 codes; NULL = not recorded.
    member_states: Mapped[str | None] = mapped_column(Text)
    member_states_source: Mapped[str | None] = mapped_column(Text)  # where the list comes from
    chair_country: Mapped[str | None] = mapped_column(String(128))
    website: Mapped[str | None] = mapped_column(String(512))
    notes: Mapped[str | None] = mapped_column(Text)
    # The reference values last loaded, as JSON: a field still equal to them was not edited by a
    # user, so a newer reference file may update it.
    reference_values: Mapped[str | None] = mapped_column(Text)


class Contact(Tracked, Base):
    __tablename__ = "contact"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    mechanism_id: Mapped[str] = mapped_column(ForeignKey("mechanism.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32), default="other")  # chair / secretariat_head / other
    name: Mapped[str] = mapped_column(String(256), default="")
    title: Mapped[str | None] = mapped_column(String(256))
    institution: Mapped[str | None] = mapped_column(String(256))
    email: Mapped[str | None] = mapped_column(String(256))
    phone: Mapped[str | None] = mapped_column(String(64))
    time_zone: Mapped[str | None] = mapped_column(String(64))


class ReferenceItem(Base):
    """Read-only reference lists: region, mechanism type, GCM theme/principle/objective,
    partner category, definition. Natural key (kind, name); labels in both languages."""

    __tablename__ = "reference_item"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    number: Mapped[int | None] = mapped_column(Integer)
    parent: Mapped[str | None] = mapped_column(String(64))  # e.g. a region's mechanism type
    label_fr: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
    text_fr: Mapped[str | None] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    sort: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """Small key/value facts about this database: installation id, reference data hash..."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- forms and answers --------------------------------------------------------------------


class Form(Base):
    __tablename__ = "form"
    id: Mapped[str] = mapped_column(String(128), primary_key=True)  # XLSForm form_id
    kind: Mapped[str] = mapped_column(String(32), default="questionnaire")  # or interview
    title_fr: Mapped[str] = mapped_column(Text, default="")
    title_en: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FormVersion(Base):
    __tablename__ = "form_version"
    __table_args__ = (UniqueConstraint("form_id", "version"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    form_id: Mapped[str] = mapped_column(ForeignKey("form.id"), index=True)
    version: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(256))
    source_hash: Mapped[str] = mapped_column(String(64))
    definition: Mapped[str] = mapped_column(Text)  # the parsed form as JSON (no pyxform at entry)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyRound(Tracked, Base):
    __tablename__ = "survey_round"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(128))
    deadline: Mapped[date | None] = mapped_column(Date)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)


class Response(Tracked, Base):
    __tablename__ = "response"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    form_version_id: Mapped[str] = mapped_column(ForeignKey("form_version.id"), index=True)
    mechanism_id: Mapped[str] = mapped_column(ForeignKey("mechanism.id"), index=True)
    round_id: Mapped[str | None] = mapped_column(ForeignKey("survey_round.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft/complete/validated
    source: Mapped[str] = mapped_column(String(16), default="paper")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    fictional: Mapped[bool] = mapped_column(Boolean, default=False)


class Answer(Tracked, Base):
    """One question's value in a response; ``path`` is the XLSForm group path (section_2/q4),
    with repeat instances as ``section_4/q25[2]/nature``."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("response_id", "path"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    # No index of its own: the unique (response_id, path) index serves lookups by response.
    response_id: Mapped[str] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(256))
    value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)  # per-question notes (interviews)
    # Kept up to date by every save (the form's relevance of this path given all answers), so
    # that reports can aggregate in SQL and never count answers the skip logic hides.
    relevant: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class AttachmentBlob(Base):
    """A file attached to answers, stored once whatever how many answers name it: keyed by
    the SHA-256 of its bytes. ``file_name`` is the name it was first attached with."""

    __tablename__ = "attachment_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Attachment(Base):
    """A file of a response, by the name its answers give it (as KoboToolbox lists a
    submission's attachments). Never changed once written: the name carries a piece of the
    content's hash, so one name is one content; an answer that stops naming it leaves the
    row, and Undo finds the file again."""

    __tablename__ = "attachment"
    response_id: Mapped[str] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- interviews, quotes, coding -----------------------------------------------------------


class Interview(Tracked, Base):
    __tablename__ = "interview"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    mechanism_id: Mapped[str] = mapped_column(ForeignKey("mechanism.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    response_id: Mapped[str | None] = mapped_column(ForeignKey("response.id"), index=True)  # the guide’s answers
    planned_start_utc: Mapped[datetime | None] = mapped_column(DateTime)
    time_zone: Mapped[str | None] = mapped_column(String(64))  # the interviewee's IANA zone
    planned_minutes: Mapped[int] = mapped_column(Integer, default=60)
    actual_start_utc: Mapped[datetime | None] = mapped_column(DateTime)
    actual_seconds: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(24), default="planned")
    consent: Mapped[str] = mapped_column(String(16), default="unknown")  # named/quoted/neither
    consent_validate_notes: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    rescheduled_from_id: Mapped[str | None] = mapped_column(ForeignKey("interview.id"))
    fictional: Mapped[bool] = mapped_column(Boolean, default=False)


class Code(Tracked, Base):
    """An entry of the user-edited codebook for free-text answers."""

    __tablename__ = "code"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    label_fr: Mapped[str] = mapped_column(String(256))
    label_en: Mapped[str] = mapped_column(String(256))
    colour: Mapped[str] = mapped_column(String(9), default="#808080")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("code.id"))


class Quote(Tracked, Base):
    """A passage of an answer or note: a quote (from an interview) or a coded passage."""

    __tablename__ = "quote"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(16), default="quote")  # quote / coding
    mechanism_id: Mapped[str] = mapped_column(ForeignKey("mechanism.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    interview_id: Mapped[str | None] = mapped_column(ForeignKey("interview.id"), index=True)
    response_id: Mapped[str | None] = mapped_column(ForeignKey("response.id"), index=True)
    answer_path: Mapped[str | None] = mapped_column(String(256))
    field: Mapped[str] = mapped_column(String(16), default="value")  # value / note / notes
    start: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON list: reference names, free tags
    code_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of Code ids
    cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    text_changed: Mapped[bool] = mapped_column(Boolean, default=False)
    fictional: Mapped[bool] = mapped_column(Boolean, default=False)


# --- follow-ups and audit -----------------------------------------------------------------


class FollowUp(Tracked, Base):
    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_status_due", "status", "due_utc"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(32))
    mechanism_id: Mapped[str] = mapped_column(ForeignKey("mechanism.id"), index=True)
    response_id: Mapped[str | None] = mapped_column(ForeignKey("response.id"))
    answer_path: Mapped[str | None] = mapped_column(String(256))
    interview_id: Mapped[str | None] = mapped_column(ForeignKey("interview.id"))
    due_utc: Mapped[datetime | None] = mapped_column(DateTime)
    owner: Mapped[str] = mapped_column(String(128), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    notes: Mapped[str | None] = mapped_column(Text)
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    fictional: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """Append-only: nothing in the program updates or deletes these rows."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(128))
    installation_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))  # create / update / delete / status / import
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(256))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


# --- exchange (issue 6) -------------------------------------------------------------------


class ExchangeConflict(Base):
    """A field both sides changed, found by a bundle import. The local value stays until a
    user chooses; their audit rows about the field wait here (JSON) and are appended then.
    Resolved rows are kept (resolution, who, when) as the record of the choice."""

    __tablename__ = "exchange_conflict"
    __table_args__ = (Index("ix_exchange_conflict_record", "table_name", "record_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(300))
    mine_value: Mapped[str | None] = mapped_column(Text)  # JSON
    theirs_value: Mapped[str | None] = mapped_column(Text)  # JSON
    mine_changes: Mapped[str] = mapped_column(Text, default="[]")  # JSON: who changed it when
    theirs_changes: Mapped[str] = mapped_column(Text, default="[]")
    held_audit: Mapped[str] = mapped_column(Text, default="[]")  # JSON audit rows
    source_installation: Mapped[str | None] = mapped_column(String(36))
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(16))  # mine / theirs / edit
    resolved_by: Mapped[str | None] = mapped_column(String(128))
