"""The whole schema (DESIGN.md §2). Change it only through an Alembic revision."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SUBSCRIPTION_STATUSES = ("unknown", "subscribed", "unsubscribed")
ATTRIBUTE_TYPES = ("text", "number", "currency", "percent", "link", "date", "list", "checkbox")
CHANNELS = ("email", "sms", "whatsapp", "phone", "meeting", "other")
CONVERSATION_STATUSES = ("open", "pending", "resolved")
DIRECTIONS = ("incoming", "outgoing")


class Base(DeclarativeBase):
    pass


LIVE = text("deleted_at IS NULL")
TRASHED = text("deleted_at IS NOT NULL")


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(255), default="")
    last_name: Mapped[str] = mapped_column(String(255), default="")
    # Readings (furigana) for Japanese names: they drive sorting and kana search.
    first_name_reading: Mapped[str] = mapped_column(String(255), default="")
    last_name_reading: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    # E.164 when the number parses, otherwise exactly what was typed (see phone_valid).
    phone: Mapped[str | None] = mapped_column(String(64))
    phone_valid: Mapped[bool] = mapped_column(Boolean, default=True)
    company: Mapped[str] = mapped_column(String(255), default="")
    job_title: Mapped[str] = mapped_column(String(255), default="")
    timezone: Mapped[str | None] = mapped_column(String(64))
    address_street: Mapped[str] = mapped_column(String(500), default="")
    address_city: Mapped[str] = mapped_column(String(255), default="")
    address_region: Mapped[str] = mapped_column(String(255), default="")
    address_postal_code: Mapped[str] = mapped_column(String(32), default="")
    address_country: Mapped[str] = mapped_column(String(64), default="")
    subscription_status: Mapped[str] = mapped_column(String(16), default="unknown")
    external_id: Mapped[str | None] = mapped_column(String(255))
    # JSON list of {"field", "message"}: what an import or an edit could not make valid.
    problems: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    last_activity_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    import_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_jobs.id", ondelete="SET NULL")
    )
    # Derived by core.searchtext on every write; never edited directly.
    sort_name: Mapped[str] = mapped_column(String(600), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    search_grams: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactEmail.position"
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactPhone.position"
    )
    labels: Mapped[list[Label]] = relationship(secondary="contact_labels", order_by="Label.name")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_contacts_live_sort_name", "sort_name", "id", sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_contacts_live_email", text("lower(email)"), sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_contacts_live_phone", "phone", sqlite_where=LIVE, postgresql_where=LIVE),
        Index("ix_contacts_live_company", "company", "id", sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_contacts_live_last_activity", "last_activity_at", "id", sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_contacts_live_subscription", "subscription_status", "id", sqlite_where=LIVE,
              postgresql_where=LIVE),
        # Partial on purpose: a full index on deleted_at lures the planner away from the
        # live indexes above for every "deleted_at IS NULL" query.
        Index("ix_contacts_trashed", "deleted_at", sqlite_where=TRASHED,
              postgresql_where=TRASHED),
        # Covers "which of these matches comes first by name" without reading wide rows.
        Index("ix_contacts_live_id_sort", "id", "sort_name", sqlite_where=LIVE,
              postgresql_where=LIVE),
        Index("ix_contacts_external_id", "external_id"),
        Index("ix_contacts_import_job", "import_job_id"),
    )


class ContactEmail(Base):
    """An additional email beyond the primary one."""

    __tablename__ = "contact_emails"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320))
    label: Mapped[str] = mapped_column(String(64), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[Contact] = relationship(back_populates="emails")

    __table_args__ = (
        Index("ix_contact_emails_contact", "contact_id"),
        Index("ix_contact_emails_email", text("lower(email)")),
    )


class ContactPhone(Base):
    """An additional phone beyond the primary one."""

    __tablename__ = "contact_phones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    phone: Mapped[str] = mapped_column(String(64))
    phone_valid: Mapped[bool] = mapped_column(Boolean, default=True)
    label: Mapped[str] = mapped_column(String(64), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[Contact] = relationship(back_populates="phones")

    __table_args__ = (
        Index("ix_contact_phones_contact", "contact_id"),
        Index("ix_contact_phones_phone", "phone"),
    )


class AttributeDefinition(Base):
    __tablename__ = "attribute_definitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(255))
    type: Mapped[str] = mapped_column(String(16))
    # JSON list of strings, for type "list".
    options: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AttributeValue(Base):
    """One typed value: exactly one of the value_* columns is set, by the definition's type."""

    __tablename__ = "attribute_values"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    definition_id: Mapped[int] = mapped_column(
        ForeignKey("attribute_definitions.id", ondelete="CASCADE"), primary_key=True
    )
    value_text: Mapped[str | None] = mapped_column(Text)
    value_number: Mapped[float | None] = mapped_column(Float)
    value_date: Mapped[date | None] = mapped_column(Date)
    value_bool: Mapped[bool | None] = mapped_column(Boolean)

    __table_args__ = (
        # Partial: each value lives in one column, so each index holds only its own type.
        *(
            Index(f"ix_attribute_values_{kind}", "definition_id", f"value_{kind}",
                  sqlite_where=text(f"value_{kind} IS NOT NULL"),
                  postgresql_where=text(f"value_{kind} IS NOT NULL"))
            for kind in ("number", "text", "date")
        ),
    )


class Label(Base):
    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # casefolded name: labels are unique regardless of case.
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#6b7280")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ContactLabel(Base):
    __tablename__ = "contact_labels"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    label_id: Mapped[int] = mapped_column(
        ForeignKey("labels.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index("ix_contact_labels_label", "label_id", "contact_id"),)


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    last_message_at: Mapped[datetime | None] = mapped_column(DateTime)

    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="Message.sent_at"
    )

    __table_args__ = (Index("ix_conversations_contact", "contact_id", "last_message_at"),)


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    direction: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(255), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    # A logged phone call or meeting: how long it took and how it went (None for messages).
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(64))
    conversation: Mapped[Conversation] = relationship(back_populates="messages")

    __table_args__ = (Index("ix_messages_conversation", "conversation_id", "sent_at"),)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_notes_contact", "contact_id", "created_at"),)


class ImportJob(Base):
    __tablename__ = "import_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(1024))
    file_format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    mapping: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    options: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    status: Mapped[str] = mapped_column(String(16), default="running")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_created: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    rows_failed: Mapped[int] = mapped_column(Integer, default=0)
    committed_batches: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Who runs a "running" job, so a job left by a process that is gone (killed, crashed)
    # can be told from one another HubDesk is still running: the machine and process, and
    # the time of its last committed batch (for a job on another machine of a team).
    owner_host: Mapped[str | None] = mapped_column(String(255))
    owner_pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)
    # JSON: how the file was read (delimiter, sheet, header row) and its size and
    # modification time, so a resume reads the same rows or refuses a changed file.
    source: Mapped[str | None] = mapped_column(Text)


class ImportChange(Base):
    """What an import did to a contact that already existed, so the import can be undone."""

    __tablename__ = "import_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("import_jobs.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    # JSON: the contact's editable values and attributes before the import touched it,
    # and the ids of notes the import added.
    before: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_import_changes_job", "job_id", "contact_id"),)


class Segment(Base):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), unique=True)
    conditions: Mapped[str] = mapped_column(Text)  # the filter in the text syntax of core.query
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class MappingTemplate(Base):
    """A column mapping saved under a name, offered again for files with the same columns."""

    __tablename__ = "mapping_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    # folded name: "Trade show" and "TRADE SHOW" are one template, so saving again updates it.
    name_key: Mapped[str] = mapped_column(String(255), unique=True)
    headers: Mapped[str] = mapped_column(Text)  # JSON list, in the file's order
    mapping: Mapped[str] = mapped_column(Text)  # JSON list of ColumnMapping dicts
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class NotDuplicate(Base):
    """A pair the user said is not the same person, so the duplicate scan stops suggesting it.

    Stored once per pair, smaller id first, so (a, b) and (b, a) cannot both exist."""

    __tablename__ = "not_duplicates"

    low_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    high_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        PrimaryKeyConstraint("low_id", "high_id"),
        CheckConstraint("low_id < high_id", name="ck_not_duplicates_ordered"),
        # The primary key serves lookups by low_id; this one serves "pairs of contact X"
        # from the other side and the cascade when the higher contact is purged.
        Index("ix_not_duplicates_high", "high_id"),
    )


__all__ = [
    "AttributeDefinition",
    "AttributeValue",
    "Base",
    "Contact",
    "ContactEmail",
    "ContactLabel",
    "ContactPhone",
    "Conversation",
    "ImportJob",
    "Label",
    "MappingTemplate",
    "Message",
    "NotDuplicate",
    "Note",
    "Segment",
]
