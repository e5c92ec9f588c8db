"""ORM rows of the local cache; the tables themselves are created by `clerk.store.migrations`.

The rows mirror the DDL of the migration steps (a test compares both). Rows never leave the
store: repositories turn them into the plain records of `clerk.ports`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clerk.store.codec import SortableTime


class Base(DeclarativeBase):
    """Declarative base of the cache's rows."""

    type_annotation_map = {datetime: SortableTime(), str: String()}  # noqa: RUF012


class DeviceRow(Base):
    """The one row naming this counter and its current epoch."""

    __tablename__ = "device"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str]
    hall: Mapped[str]
    counter: Mapped[str]
    epoch: Mapped[int]


class CounterRow(Base):
    """A named monotonic counter (the outbox's client_seq), bumped in the writing transaction."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[int]


class NumberSequenceRow(Base):
    """The last document sequence issued per device epoch and year."""

    __tablename__ = "number_sequences"

    epoch: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int]


class OutboxRow(Base):
    """An operation for the registry; only its state and result ever change."""

    __tablename__ = "outbox"

    op_id: Mapped[str] = mapped_column(primary_key=True)
    client_seq: Mapped[int] = mapped_column(unique=True)
    op_type: Mapped[str]
    payload_version: Mapped[int]
    entity_id: Mapped[str]
    base_version: Mapped[int | None]
    payload: Mapped[str]
    payload_sha256: Mapped[str]
    created_at: Mapped[datetime]
    state: Mapped[str]
    result_code: Mapped[str | None]
    result_reason: Mapped[str | None]
    acknowledged_at: Mapped[datetime | None]


class AuditRow(Base):
    """A sealed audit entry; append-only (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_entries"

    chain: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    # Kept exactly as sealed (original offset): the entry's hash covers this text.
    at: Mapped[str]
    actor: Mapped[str]
    action: Mapped[str]
    case_id: Mapped[str | None]
    prev_hash: Mapped[str]
    hash: Mapped[str] = mapped_column(unique=True)
    detail: Mapped[str]


class CaseRow(Base):
    """A case: searchable columns plus the aggregate's state as JSON text."""

    __tablename__ = "cases"

    case_id: Mapped[str] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(unique=True)
    status: Mapped[str]
    item_code: Mapped[str]
    item_version: Mapped[int]
    applicant_name: Mapped[str]
    applicant_id_number: Mapped[str]
    applicant_phone: Mapped[str]
    received_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int]
    data: Mapped[str]
    server_version: Mapped[int | None]


class DocumentRow(Base):
    """An issued document; append-only (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[str]
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"))
    created_at: Mapped[datetime]
    payload: Mapped[str]


class CatalogueItemRow(Base):
    """One version of one service item, as a one-item catalogue in the loader's JSON format."""

    __tablename__ = "catalogue_items"

    code: Mapped[str] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    catalogue_version: Mapped[str]  # the catalogue that delivered this version last
    in_current: Mapped[bool]  # part of the current catalogue
    data: Mapped[str]


class CurrentCatalogueRow(Base):
    """The one row holding the current catalogue as the loader's JSON."""

    __tablename__ = "catalogue_current"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str]
    data: Mapped[str]
    stored_at: Mapped[datetime]


class CalendarOverrideRow(Base):
    """A holiday or make-up workday delivered by the registry."""

    __tablename__ = "calendar_overrides"

    day: Mapped[str] = mapped_column(primary_key=True)  # ISO date: text order is date order
    workday: Mapped[bool]
    reason: Mapped[str]


class CalendarYearRow(Base):
    """A year whose full schedule the registry delivered."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True)


# Core tables, for the hot paths that need no identity map (plain inserts, compare-and-set
# updates, reads turned straight into records): one statement each, no flush.
class SyncStateRow(Base):
    """A value of the sync engine: the registry's URL and epoch, this counter's credential."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class SyncCursorRow(Base):
    """The last change position pulled from a space, committed with the changes it covers."""

    __tablename__ = "sync_cursors"

    space: Mapped[str] = mapped_column(primary_key=True)
    version: Mapped[int]


class StaffCacheRow(Base):
    """A staff member of this hall as the registry announced them, for offline logins."""

    __tablename__ = "staff_cache"

    staff_id: Mapped[str] = mapped_column(primary_key=True)
    hall: Mapped[str]
    name: Mapped[str]
    role: Mapped[str]
    verifier: Mapped[str]
    active: Mapped[bool]
    failures: Mapped[int]
    locked_until: Mapped[datetime | None]


class BlobRow(Base):
    """A scan in the content-addressed folder; kept until the registry verified it."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(primary_key=True)
    size: Mapped[int]
    media_type: Mapped[str]
    created_at: Mapped[datetime]
    verified_at: Mapped[datetime | None]


class PrintJobRow(Base):
    """A document waiting for (or taken by) the printer; copy 0 is the original."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(ForeignKey("documents.number"))
    copy: Mapped[int]
    state: Mapped[str]
    attempts: Mapped[int]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime]
    printed_at: Mapped[datetime | None]


DEVICE = Base.metadata.tables["device"]
COUNTERS = Base.metadata.tables["counters"]
NUMBER_SEQUENCES = Base.metadata.tables["number_sequences"]
OUTBOX = Base.metadata.tables["outbox"]
AUDIT = Base.metadata.tables["audit_entries"]
CASES = Base.metadata.tables["cases"]
DOCUMENTS = Base.metadata.tables["documents"]
CATALOGUE_ITEMS = Base.metadata.tables["catalogue_items"]
CALENDAR_OVERRIDES = Base.metadata.tables["calendar_overrides"]
CALENDAR_YEARS = Base.metadata.tables["calendar_years"]
SYNC_STATE = Base.metadata.tables["sync_state"]
SYNC_CURSORS = Base.metadata.tables["sync_cursors"]
STAFF_CACHE = Base.metadata.tables["staff_cache"]
BLOBS = Base.metadata.tables["blobs"]
PRINT_JOBS = Base.metadata.tables["print_jobs"]
