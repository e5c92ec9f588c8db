"""Append-only records of the counter: the audit chain, issued documents and their numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, exists, insert, select
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.orm import Session

from clerk.audit import AuditEntry, seal
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import DeviceIdentity, DocumentNumber, DocumentRecord
from clerk.store.codec import canonical_json, load_object, parse_time, require_aware
from clerk.store.errors import execute_or_refuse
from clerk.store.memo import TransactionMemo
from clerk.store.schema import AUDIT, CASES, DOCUMENTS, NUMBER_SEQUENCES

_A = AUDIT.c
_D = DOCUMENTS.c
_N = NUMBER_SEQUENCES.c
# Statements of the write path, built once (compiled once, then cached by SQLAlchemy).
_LAST = select(AUDIT).where(_A.chain == bindparam("chain")).order_by(_A.seq.desc()).limit(1)
_APPEND = insert(AUDIT)
_NEXT_NUMBER = (
    upsert(NUMBER_SEQUENCES)
    .values(epoch=bindparam("epoch"), year=bindparam("year"), last_seq=1)
    .on_conflict_do_update(index_elements=[_N.epoch, _N.year], set_={"last_seq": _N.last_seq + 1})
    .returning(_N.last_seq)
)
_CHECK_DOCUMENT = select(
    exists().where(_D.number == bindparam("number")).label("issued"),
    exists().where(CASES.c.case_id == bindparam("case_id")).label("case_stored"),
)
_ISSUE = insert(DOCUMENTS)


class SqlAuditRepository:
    """The audit chains in the unit of work's session (implements `AuditRepository`)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # The last entry per chain as this repository read or wrote it in this transaction.
        self._last: TransactionMemo[AuditEntry | None] = TransactionMemo(session)

    def last(self, chain: str) -> AuditEntry | None:
        """The chain's newest entry, or None for an empty chain (one primary-key probe)."""
        row = self._session.connection().execute(_LAST, {"chain": chain}).first()
        entry = None if row is None else _entry(row)
        self._last.put(chain, entry)
        return entry

    def append(self, entry: AuditEntry) -> None:
        """Store a sealed entry that follows the chain's last entry.

        The check never trusts the entry the caller sealed on: it compares with the chain's
        last entry as stored, which this repository read (or wrote) itself in this transaction,
        or reads now. Under the unit of work's write lock nothing else appends meanwhile.

        Raises:
            RuleViolation: the entry does not follow the last one (sequence or previous hash),
                or its hash does not match its content.
            InvalidInput: the entry's time is naive.
        """
        last = self._last.get(entry.chain)
        if last is None:
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
                "audit entry {seq} does not follow entry {previous} of chain {chain!r}: "
                "it was sealed on an outdated chain; seal it again",
                seq=entry.seq,
                previous=expected.seq - 1,
                chain=entry.chain,
            )
        if entry.hash != expected.hash:
            raise RuleViolation("audit entry {seq} does not match its hash", seq=entry.seq)
        refusal = f"audit entry {entry.seq} was not stored"
        execute_or_refuse(self._session, _APPEND, refusal, _audit_values(entry))
        self._last.put(entry.chain, entry)

    def chain(self, chain: str) -> Sequence[AuditEntry]:
        """The whole chain in sequence order."""
        query = select(AUDIT).where(_A.chain == chain).order_by(_A.seq)
        return [_entry(row) for row in self._session.connection().execute(query)]

    def chains(self) -> Sequence[str]:
        """The id of every chain holding at least one entry, sorted."""
        query = select(_A.chain).distinct().order_by(_A.chain)
        return [str(chain) for chain in self._session.connection().execute(query).scalars()]

    def for_case(self, case_id: str) -> Sequence[AuditEntry]:
        """Entries that concern one case, by chain and sequence."""
        query = select(AUDIT).where(_A.case_id == case_id).order_by(_A.chain, _A.seq)
        return [_entry(row) for row in self._session.connection().execute(query)]


def _audit_values(entry: AuditEntry) -> dict[str, object]:
    return {
        "chain": entry.chain,
        "seq": entry.seq,
        # The original offset is kept: the entry's hash covers exactly this text.
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "case_id": entry.case_id,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
        "detail": canonical_json(entry.detail),
    }


def _entry(row: Row[Any]) -> AuditEntry:
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
            raise InvalidInput("year {year} cannot appear in a document number", year=year)
        parameters = {"epoch": self._device.epoch, "year": year}
        refusal = f"no document number of {year} was issued"
        result = execute_or_refuse(self._session, _NEXT_NUMBER, refusal, parameters)
        seq: int = result.scalar_one()
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
        parameters = {"number": record.number, "case_id": record.case_id}
        check = self._session.connection().execute(_CHECK_DOCUMENT, parameters).one()
        if check.issued:
            raise RuleViolation("document number {number} was already issued", number=record.number)
        if not check.case_stored:
            raise NotFound(
                "document {number} refers to case {case_id}, not stored",
                number=record.number,
                case_id=record.case_id,
            )
        values = {
            "number": record.number,
            "kind": record.kind,
            "case_id": record.case_id,
            "created_at": require_aware(record.created_at, "document time"),
            "payload": canonical_json(record.payload),
        }
        execute_or_refuse(self._session, _ISSUE, f"document {record.number} was not stored", values)

    def get(self, number: str) -> DocumentRecord:
        """Return a document.

        Raises:
            NotFound: no document has this number.
        """
        query = select(DOCUMENTS).where(_D.number == number)
        row = self._session.connection().execute(query).first()
        if row is None:
            raise NotFound("no document {number}", number=number)
        return _document(row)

    def for_case(self, case_id: str) -> Sequence[DocumentRecord]:
        """Documents of a case, oldest first."""
        query = select(DOCUMENTS).where(_D.case_id == case_id).order_by(_D.created_at, _D.id)
        return [_document(row) for row in self._session.connection().execute(query)]


def _document(row: Row[Any]) -> DocumentRecord:
    return DocumentRecord(
        row.number, row.kind, row.case_id, row.created_at, load_object(row.payload)
    )
