"""The needs-attention list: operations of this counter the registry rejected (SYNC.md).

A rejection lands in the outbox with the registry's code and reason; the case's own copy is
the registry's once the next pull brought it back. Read-only: give it a read-only unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clerk.cases import CaseStatus
from clerk.clock import HALL_TIMEZONE
from clerk.errors import NotFound
from clerk.ports import CaseRecord, OutboxOperation, UnitOfWork


@dataclass(frozen=True, slots=True)
class AttentionRow:
    """An operation the registry rejected: the clerk's step that did not reach it as done.

    Attributes:
        op_id: the operation.
        client_seq: its place in this counter's order.
        action: the step's action code ("case.accepted").
        case_id: the case.
        case_number: the case's number.
        status: the case's status in this counter's copy now (the registry's, once pulled).
        code: the registry's rejection code ("stale", "status_backwards", …).
        reason: the registry's own words.
        acted_at: when the clerk acted, in the hall's time zone.
    """

    op_id: str
    client_seq: int
    action: str
    case_id: str
    case_number: str
    status: CaseStatus | None
    code: str
    reason: str
    acted_at: datetime


def needs_attention(uow: UnitOfWork, *, limit: int = 500) -> tuple[AttentionRow, ...]:
    """Operations the registry rejected, newest first, with their case as it stands here.

    A rejection stays listed: the store has no "handled" mark for it (schema 3).
    """
    with uow:
        operations = uow.outbox.needs_attention(limit)
        rows = [_attention(uow, operation) for operation in operations]
    return tuple(sorted(rows, key=lambda row: row.client_seq, reverse=True))


def _attention(uow: UnitOfWork, operation: OutboxOperation) -> AttentionRow:
    case = operation.payload.get("case")
    number = case.get("number") if isinstance(case, dict) else None
    try:
        record: CaseRecord | None = uow.cases.get(operation.entity_id)
    except NotFound:
        record = None
    if not isinstance(number, str):
        number = record.number if record is not None else operation.entity_id
    return AttentionRow(
        op_id=operation.op_id,
        client_seq=operation.client_seq,
        action=operation.op_type,
        case_id=operation.entity_id,
        case_number=number,
        status=None if record is None else CaseStatus(record.status),
        code=operation.result_code or "",
        reason=operation.result_reason or "",
        acted_at=operation.created_at.astimezone(HALL_TIMEZONE),
    )
