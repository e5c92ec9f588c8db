"""What the registry keeps of counters' offline queue records: each answer, and each clash.

Every record a counter uploaded after working in local mode is kept here under its op id with
its canonical payload, its SHA-256 and the registry's answer, so a batch sent again is
answered the same and applied once. A clash is also written as a rejected operation of the
counter (`ops`, client_seq 0 so the sync protocol's sequence checks never see it): that is
where the hall's needs-attention list (`GET /api/v1/attention`) reads what a supervisor must
look at, next to the rejected case operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Index, String, Table, Text, insert, select

from clerk.queue.offline_wire import OfflineResult, OfflineState
from clerk.wire import canonical_json, sha256_text
from registry.auth import Device
from registry.db import stamp
from registry.schema import METADATA, OPS

QUEUE_OFFLINE = Table(
    "queue_offline",
    METADATA,
    Column("op_id", String(36), primary_key=True),
    Column("device_id", String(40), nullable=False),
    Column("hall", String(16), nullable=False),
    Column("op_type", String(32), nullable=False),
    Column("number", String(32), nullable=False),
    Column("payload", Text, nullable=False),  # the record as uploaded (canonical JSON)
    Column("payload_sha256", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("code", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("ticket_id", String(36)),
    Column("received_at", String(40), nullable=False),
    Index("queue_offline_hall", "hall", "state"),
)
_Q = QUEUE_OFFLINE


class Payload:
    """A record's canonical text and digest (what a retried upload must repeat)."""

    def __init__(self, op_type: str, number: str, record: dict[str, Any]) -> None:
        self.op_type = op_type
        self.number = number
        self.text = canonical_json(record)
        self.sha256 = sha256_text(self.text)


def answered(connection: Connection, op_ids: Sequence[str]) -> dict[str, tuple[str, OfflineResult]]:
    """The stored answers of these op ids: op id → (payload SHA-256, result)."""
    if not op_ids:
        return {}
    query = select(_Q).where(_Q.c.op_id.in_(list(op_ids)))
    return {
        row.op_id: (
            row.payload_sha256,
            OfflineResult(row.op_id, OfflineState(row.state), row.code, row.reason, row.ticket_id),
        )
        for row in connection.execute(query)
    }


def keep(
    connection: Connection,
    device: Device,
    payload: Payload,
    result: OfflineResult,
    *,
    now: datetime,
) -> None:
    """Keep a record and its answer; a clash also goes on the hall's needs-attention list."""
    connection.execute(
        insert(_Q).values(
            op_id=result.op_id,
            device_id=device.device_id,
            hall=device.hall,
            op_type=payload.op_type,
            number=payload.number[:32],
            payload=payload.text,
            payload_sha256=payload.sha256,
            state=result.state.value,
            code=result.code,
            reason=result.reason,
            ticket_id=result.ticket_id,
            received_at=stamp(now),
        )
    )
    if result.state is OfflineState.CLASH:
        connection.execute(
            insert(OPS).values(
                op_id=result.op_id,
                device_id=device.device_id,
                client_seq=0,
                op_type=payload.op_type,
                entity_id=payload.number[:64],
                payload_sha256=payload.sha256,
                state="rejected",
                code=result.code,
                reason=result.reason,
                received_at=stamp(now),
            )
        )
