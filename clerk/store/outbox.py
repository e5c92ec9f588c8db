"""The outbox: operations for the registry, written in the transaction of what they describe."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from clerk.audit import JsonValue
from clerk.errors import InvalidInput, NotFound
from clerk.ports import OpState, OutboxOperation
from clerk.store.codec import canonical_json, load_object, require_aware, sha256_text
from clerk.store.errors import StoreError, execute_or_refuse, flush_or_refuse
from clerk.store.ids import uuid7
from clerk.store.schema import COUNTERS, OUTBOX, OutboxRow

_CLIENT_SEQ = "client_seq"
_ACKNOWLEDGED = (OpState.APPLIED, OpState.DUPLICATE, OpState.REJECTED)
# Statements of the write path, built once (compiled once, then cached by SQLAlchemy).
_BUMP = (
    update(COUNTERS)
    .where(COUNTERS.c.name == bindparam("counter"))
    .values(value=COUNTERS.c.value + 1)
    .returning(COUNTERS.c.value)
)
_APPEND = insert(OUTBOX)


def next_counter(session: Session, name: str) -> int:
    """Increment a named counter inside the current transaction and return its new value.

    The write lock is held from `BEGIN IMMEDIATE` on, so no other transaction can read the same
    value (unlike max()+1), and a rolled-back transaction gives its value back.

    Raises:
        StoreError: the counter does not exist (the schema is damaged).
    """
    refusal = f"counter {name!r} was not moved"
    value: int | None = execute_or_refuse(session, _BUMP, refusal, {"counter": name}).scalar()
    if value is None:
        raise StoreError("the store has no counter {name!r}", name=name)
    return value


class SqlOutboxRepository:
    """The outbox in the unit of work's session (implements `clerk.ports.OutboxRepository`)."""

    def __init__(self, session: Session) -> None:
        self._session = session

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
        """Add an operation with a new op_id (UUIDv7) and the next client_seq.

        Args:
            op_type: what the operation does, e.g. "case.received".
            entity_id: the entity it changes.
            payload: its content; stored as canonical JSON, which its SHA-256 covers.
            at: when the clerk acted (timezone-aware).
            base_version: the version an edit of shared fields is based on.
            payload_version: the payload schema's version.

        Returns:
            The stored operation.

        Raises:
            InvalidInput: naive time or a payload that is not plain JSON.
        """
        text = canonical_json(payload)
        operation = OutboxOperation(
            op_id=uuid7(require_aware(at, "operation time")),
            client_seq=next_counter(self._session, _CLIENT_SEQ),
            op_type=op_type,
            payload_version=payload_version,
            entity_id=entity_id,
            base_version=base_version,
            payload=load_object(text),
            payload_sha256=sha256_text(text),
            created_at=at,
        )
        refusal = f"operation {op_type} was not stored"
        execute_or_refuse(self._session, _APPEND, refusal, _values(operation, text))
        return operation

    def get(self, op_id: str) -> OutboxOperation:
        """Return one operation.

        Raises:
            NotFound: no operation has this id.
        """
        row = self._session.get(OutboxRow, op_id)
        if row is None:
            raise NotFound("no outbox operation {op_id}", op_id=op_id)
        return _operation(row)

    def pending(self, limit: int = 500) -> Sequence[OutboxOperation]:
        """The oldest pending operations in client_seq order (at most `limit`)."""
        query = (
            select(OutboxRow)
            .where(OutboxRow.state == OpState.PENDING.value)
            .order_by(OutboxRow.client_seq)
            .limit(max(limit, 0))
        )
        return [_operation(row) for row in self._session.scalars(query)]

    def pending_sized(self, limit: int = 500) -> list[tuple[OutboxOperation, int]]:
        """`pending`, each with the length of its payload's canonical JSON (as stored)."""
        query = (
            select(OutboxRow, func.length(OutboxRow.payload))
            .where(OutboxRow.state == OpState.PENDING.value)
            .order_by(OutboxRow.client_seq)
            .limit(max(limit, 0))
        )
        return [(_operation(row), int(size)) for row, size in self._session.execute(query)]

    def needs_attention(self, limit: int = 500) -> Sequence[OutboxOperation]:
        """Operations the registry rejected, in client_seq order (for the clerk and supervisor)."""
        query = (
            select(OutboxRow)
            .where(OutboxRow.state == OpState.REJECTED.value)
            .order_by(OutboxRow.client_seq)
            .limit(max(limit, 0))
        )
        return [_operation(row) for row in self._session.scalars(query)]

    def count_pending(self) -> int:
        """How many operations wait for the registry."""
        return self._count(OpState.PENDING)

    def count_rejected(self) -> int:
        """How many operations the registry rejected (they need a person's attention)."""
        return self._count(OpState.REJECTED)

    def oldest_pending_at(self) -> datetime | None:
        """When the oldest pending operation was made, or None when nothing is pending."""
        query = select(func.min(OutboxRow.created_at)).where(
            OutboxRow.state == OpState.PENDING.value
        )
        return self._session.scalar(query)

    def record_result(
        self,
        op_id: str,
        *,
        state: OpState,
        at: datetime,
        code: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Record the registry's answer to an operation (the operation itself stays).

        Args:
            op_id: the operation.
            state: applied, duplicate or rejected.
            at: when the answer arrived (timezone-aware).
            code: the registry's result code (required for a rejection).
            reason: the registry's reason, for a person.

        Raises:
            NotFound: no operation has this id.
            InvalidInput: `state` is pending, or a rejection without a code.
        """
        _check_answer(state, code)
        row = self._session.get(OutboxRow, op_id)
        if row is None:
            raise NotFound("no outbox operation {op_id}", op_id=op_id)
        row.state, row.result_code, row.result_reason = state.value, code, reason
        row.acknowledged_at = require_aware(at, "acknowledgement time")
        flush_or_refuse(self._session, f"the answer to operation {op_id} was not stored")

    def record_results(
        self, answers: Sequence[tuple[str, OpState, str | None, str | None]], *, at: datetime
    ) -> None:
        """Record many answers at once: `record_result` for each (op_id, state, code, reason).

        One statement per kind of answer (all "applied", say) instead of a read and a write per
        operation.

        Raises:
            NotFound: an op_id is not in the outbox.
            InvalidInput: `state` is pending, or a rejection without a code.
            (Both for the first answer at fault, in order; nothing is recorded then.)
        """
        if not answers:
            return
        wanted = [op_id for op_id, *_ in answers]
        held = set(
            self._session.scalars(select(OutboxRow.op_id).where(OutboxRow.op_id.in_(wanted)))
        )
        for op_id, state, code, _ in answers:
            _check_answer(state, code)
            if op_id not in held:
                raise NotFound("no outbox operation {op_id}", op_id=op_id)
        acknowledged_at = require_aware(at, "acknowledgement time")
        last = {op_id: (state.value, code, reason) for op_id, state, code, reason in answers}
        groups: dict[tuple[str, str | None, str | None], list[str]] = {}
        for op_id, answer in last.items():
            groups.setdefault(answer, []).append(op_id)
        for (state_value, code, reason), op_ids in groups.items():
            statement = (
                update(OUTBOX)
                .where(OUTBOX.c.op_id.in_(op_ids))
                .values(
                    state=state_value,
                    result_code=code,
                    result_reason=reason,
                    acknowledged_at=acknowledged_at,
                )
            )
            execute_or_refuse(self._session, statement, "the registry's answers were not stored")

    def _count(self, state: OpState) -> int:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.state == state.value)
        return self._session.scalar(query) or 0


def _check_answer(state: OpState, code: str | None) -> None:
    if state not in _ACKNOWLEDGED:
        raise InvalidInput("{state} is not an answer of the registry", state=state)
    if state is OpState.REJECTED and not code:
        raise InvalidInput("a rejection needs the registry's code")


def _values(operation: OutboxOperation, text: str) -> dict[str, object]:
    return {
        "op_id": operation.op_id,
        "client_seq": operation.client_seq,
        "op_type": operation.op_type,
        "payload_version": operation.payload_version,
        "entity_id": operation.entity_id,
        "base_version": operation.base_version,
        "payload": text,
        "payload_sha256": operation.payload_sha256,
        "created_at": operation.created_at,
        "state": operation.state.value,
        "result_code": None,
        "result_reason": None,
        "acknowledged_at": None,
    }


def _operation(row: OutboxRow) -> OutboxOperation:
    return OutboxOperation(
        op_id=row.op_id,
        client_seq=row.client_seq,
        op_type=row.op_type,
        payload_version=row.payload_version,
        entity_id=row.entity_id,
        base_version=row.base_version,
        payload=load_object(row.payload),
        payload_sha256=row.payload_sha256,
        created_at=row.created_at,
        state=OpState(row.state),
        result_code=row.result_code,
        result_reason=row.result_reason,
    )
