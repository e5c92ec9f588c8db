"""What the use cases need from storage: plain records and repository protocols.

The SQLite implementation lives in `clerk.store`; nothing here knows SQLAlchemy.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from types import TracebackType
from typing import Protocol, Self

from clerk.audit import AuditEntry, JsonValue
from clerk.catalog.model import Catalogue, ServiceItem
from clerk.errors import InvalidInput
from clerk.workdays import CalendarOverride

_NUMBER = re.compile(r"^([A-Z0-9]+)-([A-Z0-9]+)-(\d+)-(\d{4})-(\d{6,})$")


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """This counter as the registry knows it; a new epoch on every (re-)registration or restore."""

    device_id: str
    hall: str
    counter: str
    epoch: int


@dataclass(frozen=True, slots=True, order=True)
class DocumentNumber:
    """A document number that cannot collide: hall, counter, epoch, year, sequence."""

    hall: str
    counter: str
    epoch: int
    year: int
    seq: int

    def __str__(self) -> str:
        return f"{self.hall}-{self.counter}-{self.epoch}-{self.year}-{self.seq:06d}"

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Parse the printed form, e.g. "SF01-W05-1-2026-000123".

        Raises:
            InvalidInput: the text is not a document number.
        """
        match = _NUMBER.match(text.strip().upper())
        if match is None:
            raise InvalidInput(
                "{text!r} is not a document number (HALL-COUNTER-EPOCH-YEAR-SEQ)", text=text
            )
        hall, counter, epoch, year, seq = match.groups()
        return cls(hall, counter, int(epoch), int(year), int(seq))


class OpState(StrEnum):
    """Where an outbox operation stands with the registry."""

    PENDING = "pending"
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class OutboxOperation:
    """One mutation waiting for (or acknowledged by) the registry, exactly as SYNC.md describes."""

    op_id: str  # UUIDv7, the idempotency key
    client_seq: int  # strictly increasing per device
    op_type: str
    payload_version: int
    entity_id: str
    base_version: int | None
    payload: Mapping[str, JsonValue]
    payload_sha256: str
    created_at: datetime
    state: OpState = OpState.PENDING
    result_code: str | None = None
    result_reason: str | None = None


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """A case as stored: searchable columns plus the aggregate's full state."""

    case_id: str
    number: str
    status: str
    item_code: str
    item_version: int
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    received_at: datetime
    updated_at: datetime
    version: int
    data: Mapping[str, JsonValue]
    server_version: int | None = None  # the registry's version this copy is based on


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A numbered document issued for a case; append-only (a reprint is a new print job)."""

    number: str
    kind: str
    case_id: str
    created_at: datetime
    payload: Mapping[str, JsonValue]


class CaseRepository(Protocol):
    """Cases of this counter's cache."""

    def add(self, record: CaseRecord) -> None:
        """Insert a new case."""

    def get(self, case_id: str) -> CaseRecord:
        """Return a case; raises NotFound."""

    def update(self, record: CaseRecord, *, expected_version: int) -> None:
        """Replace a case whose stored version is `expected_version`; raises RuleViolation."""

    def by_number(self, number: str) -> CaseRecord | None:
        """Return the case with this case number, if any."""

    def search(
        self,
        *,
        number: str | None = None,
        id_number: str | None = None,
        name_prefix: str | None = None,
        phone: str | None = None,
        limit: int = 50,
    ) -> Sequence[CaseRecord]:
        """Cases matching every given criterion, newest first."""

    def rated_badly(self, *, open_only: bool, limit: int = 1000) -> Sequence[CaseRecord]:
        """Cases with a bad rating (only those still owing a follow-up if `open_only`)."""

    def many(self, case_ids: Collection[str]) -> Sequence[CaseRecord]:
        """The cases of these ids that exist, in no particular order."""

    def stamps_with_status(
        self, statuses: Collection[str], *, limit: int = 1000
    ) -> Sequence[tuple[str, int]]:
        """The ids and versions of the cases in any of these states, oldest received first."""


class OutboxRepository(Protocol):
    """The outbox: operations for the registry, kept after acknowledgement for retention."""

    def append(
        self,
        *,
        op_type: str,
        entity_id: str,
        payload: Mapping[str, JsonValue],
        at: datetime,
        base_version: int | None = None,
        payload_version: int = 1,
    ) -> OutboxOperation:
        """Add an operation with a new op_id and the next client_seq."""

    def pending(self, limit: int = 500) -> Sequence[OutboxOperation]:
        """The oldest pending operations in client_seq order."""

    def count_pending(self) -> int:
        """How many operations wait for the registry."""

    def needs_attention(self, limit: int = 500) -> Sequence[OutboxOperation]:
        """Operations the registry rejected, in client_seq order."""


class AuditRepository(Protocol):
    """The append-only audit chains of this counter (one per epoch: `clerk.audit.chain_id`)."""

    def last(self, chain: str) -> AuditEntry | None:
        """The chain's newest entry."""

    def append(self, entry: AuditEntry) -> None:
        """Store a sealed entry (it must follow the chain's last entry)."""

    def chain(self, chain: str) -> Sequence[AuditEntry]:
        """The whole chain in order."""

    def chains(self) -> Sequence[str]:
        """The id of every chain holding at least one entry (one per epoch the counter used)."""

    def for_case(self, case_id: str) -> Sequence[AuditEntry]:
        """Entries that concern one case, in order."""


class NumberAllocator(Protocol):
    """Hands out document numbers of this counter; a number is never given twice."""

    def next(self, year: int) -> DocumentNumber:
        """The next number of the year for this device and epoch."""


class DocumentRepository(Protocol):
    """Documents issued at this counter."""

    def add(self, record: DocumentRecord) -> None:
        """Store a new document; its number must be new."""

    def get(self, number: str) -> DocumentRecord:
        """Return a document; raises NotFound."""

    def for_case(self, case_id: str) -> Sequence[DocumentRecord]:
        """Documents of a case, oldest first."""


class CatalogueRepository(Protocol):
    """The cached catalogue, with every item version a case may still refer to."""

    def put(self, catalogue: Catalogue) -> None:
        """Store a catalogue as the current one, keeping older item versions."""

    def current(self) -> Catalogue | None:
        """The current catalogue, if one was ever stored."""

    def item(self, code: str, version: int | None = None) -> ServiceItem:
        """An item at a version (the current one by default); raises NotFound."""


class CalendarRepository(Protocol):
    """The hall's working-day overrides delivered by the registry."""

    def overrides(self) -> Sequence[CalendarOverride]:
        """Every override, by day."""

    def complete_years(self) -> Sequence[int]:
        """Years whose full schedule was delivered."""

    def replace(self, overrides: Sequence[CalendarOverride], complete_years: Sequence[int]) -> None:
        """Replace all overrides."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    """A document to print; copy 0 is the original, later copies print marked as copies."""

    job_id: int
    number: str
    copy: int
    state: str  # queued, printed or cancelled
    attempts: int
    last_error: str | None


class PrintQueue(Protocol):
    """Jobs for the printer, kept until it took them."""

    def add(self, number: str, *, at: datetime) -> PrintJob:
        """Queue the next copy of a document (the original first)."""

    def queued(self, limit: int = 50) -> Sequence[PrintJob]:
        """Jobs waiting, oldest first."""

    def printed(self, job_id: int, *, at: datetime) -> None:
        """The printer took the job."""

    def failed(self, job_id: int, *, error: str) -> None:
        """An attempt failed; the job stays queued."""


class ScanIndex(Protocol):
    """The scans this counter holds, and whether the registry verified them."""

    def add(self, *, sha256: str, size: int, media_type: str, at: datetime) -> None:
        """Index a scan already in the scan folder (the same bytes twice are one entry)."""

    def verified(self, hashes: Sequence[str]) -> frozenset[str]:
        """Those of `hashes` whose bytes the registry verified (it holds them)."""


class UnitOfWork(Protocol):
    """One clerk action: everything done inside commits together or not at all."""

    device: DeviceIdentity
    cases: CaseRepository
    outbox: OutboxRepository
    audit: AuditRepository
    numbers: NumberAllocator
    documents: DocumentRepository
    catalogue: CatalogueRepository
    calendar: CalendarRepository
    scans: ScanIndex
    prints: PrintQueue

    def __enter__(self) -> Self:
        """Begin the transaction (BEGIN IMMEDIATE)."""

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back unless committed."""

    def commit(self) -> None:
        """Make everything durable (returns only after the commit hit the disk)."""
