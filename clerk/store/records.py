"""Append-only records of the counter: the audit chain, issued documents and their numbers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from clerk.audit import AuditEntry, seal
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import DeviceIdentity, DocumentNumber, DocumentRecord
from clerk.store.codec import canonical_json, load_object, parse_time, require_aware
from clerk.store.errors import flush_or_refuse
from clerk.store.schema import AuditRow, CaseRow, DocumentRow, NumberSequenceRow


class SqlAuditRepository:
    """The audit chains in the unit of work's session (implements `AuditRepository`)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def last(self, chain: str) -> AuditEntry | None:
        """The chain's newest entry, or None for an empty chain."""
        query = select(AuditRow).where(AuditRow.chain == chain).order_by(AuditRow.seq.desc())
        row = self._session.scalars(query.limit(1)).first()
        return None if row is None else _entry(row)

    def append(self, entry: AuditEntry) -> None:
        """Store a sealed entry that follows the chain's last entry.

        Raises:
            RuleViolation: the entry does not follow the last one (sequence or previous hash),
                or its hash does not match its content.
            InvalidInput: the entry's time is naive.
        """
        last = self.last(entry.chain)
        expected = seal(
            last,
            chain=entry.chain,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            case_id=entry.case_id,
            detail=entry.detail,
        )
        if (entry.seq, entry.prev_hash) != (expected.seq, expected.prev_hash):
            raise RuleViolation(
                f"audit entry {entry.seq} does not follow entry {expected.seq - 1} of chain "
                f"{entry.chain!r}: it was sealed on an outdated chain; seal it again"
            )
        if entry.hash != expected.hash:
            raise RuleViolation(f"audit entry {entry.seq} does not match its hash")
        self._session.add(_audit_row(entry))
        flush_or_refuse(self._session, f"audit entry {entry.seq} was not stored")

    def chain(self, chain: str) -> Sequence[AuditEntry]:
        """The whole chain in sequence order."""
        query = select(AuditRow).where(AuditRow.chain == chain).order_by(AuditRow.seq)
        return [_entry(row) for row in self._session.scalars(query)]

    def for_case(self, case_id: str) -> Sequence[AuditEntry]:
        """Entries that concern one case, by chain and sequence."""
        query = (
            select(AuditRow)
            .where(AuditRow.case_id == case_id)
            .order_by(AuditRow.chain, AuditRow.seq)
        )
        return [_entry(row) for row in self._session.scalars(query)]


def _audit_row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        chain=entry.chain,
        seq=entry.seq,
        # The original offset is kept: the entry's hash covers exactly this text.
        at=entry.at.isoformat(),
        actor=entry.actor,
        action=entry.action,
        case_id=entry.case_id,
        prev_hash=entry.prev_hash,
        hash=entry.hash,
        detail=canonical_json(entry.detail),
    )


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        chain=row.chain,
        seq=row.seq,
        at=parse_time(row.at),
        actor=row.actor,
        action=row.action,
        case_id=row.case_id,
        prev_hash=row.prev_hash,
        hash=row.hash,
        detail=load_object(row.detail),
    )


class SqlNumberAllocator:
    """Document numbers of this device's current epoch (implements `NumberAllocator`).

    Numbers are never repeated: the sequence row of (epoch, year) is incremented in the unit
    of work's transaction, under the write lock it took at its start. Gaps are allowed: the
    number of a unit of work that rolled back is simply never used.
    """

    def __init__(self, session: Session, device: DeviceIdentity) -> None:
        self._session = session
        self._device = device

    def next(self, year: int) -> DocumentNumber:
        """The next number of the year for this device and epoch.

        Raises:
            InvalidInput: the year has not four digits.
        """
        if not 1000 <= year <= 9999:
            raise InvalidInput(f"year {year} cannot appear in a document number")
        statement = (
            insert(NumberSequenceRow)
            .values(epoch=self._device.epoch, year=year, last_seq=1)
            .on_conflict_do_update(
                index_elements=[NumberSequenceRow.epoch, NumberSequenceRow.year],
                set_={"last_seq": NumberSequenceRow.last_seq + 1},
            )
            .returning(NumberSequenceRow.last_seq)
        )
        seq = self._session.scalars(statement).one()
        device = self._device
        return DocumentNumber(device.hall, device.counter, device.epoch, year, seq)


class SqlDocumentRepository:
    """Issued documents in the unit of work's session (implements `DocumentRepository`)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, record: DocumentRecord) -> None:
        """Store a new document.

        Raises:
            RuleViolation: the number was already issued.
            NotFound: the document's case is not stored.
            InvalidInput: naive time or a payload that is not plain JSON.
        """
        if self._by_number(record.number) is not None:
            raise RuleViolation(f"document number {record.number} was already issued")
        if self._session.get(CaseRow, record.case_id) is None:
            raise NotFound(f"document {record.number} refers to case {record.case_id}, not stored")
        row = DocumentRow(
            number=record.number,
            kind=record.kind,
            case_id=record.case_id,
            created_at=require_aware(record.created_at, "document time"),
            payload=canonical_json(record.payload),
        )
        self._session.add(row)
        flush_or_refuse(self._session, f"document {record.number} was not stored")

    def get(self, number: str) -> DocumentRecord:
        """Return a document.

        Raises:
            NotFound: no document has this number.
        """
        row = self._by_number(number)
        if row is None:
            raise NotFound(f"no document {number}")
        return _document(row)

    def for_case(self, case_id: str) -> Sequence[DocumentRecord]:
        """Documents of a case, oldest first."""
        query = (
            select(DocumentRow)
            .where(DocumentRow.case_id == case_id)
            .order_by(DocumentRow.created_at, DocumentRow.id)
        )
        return [_document(row) for row in self._session.scalars(query)]

    def _by_number(self, number: str) -> DocumentRow | None:
        query = select(DocumentRow).where(DocumentRow.number == number)
        return self._session.scalars(query).first()


def _document(row: DocumentRow) -> DocumentRecord:
    return DocumentRecord(
        row.number, row.kind, row.case_id, row.created_at, load_object(row.payload)
    )
