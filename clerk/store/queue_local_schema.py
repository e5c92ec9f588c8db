"""The local queue's tables (created by `migration_v4`), as Core tables on the store's metadata.

They mirror the migration's DDL column for column (the migration tests compare both).
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from clerk.store.codec import SortableTime
from clerk.store.schema import Base

_M = Base.metadata
_TEXT = String()


def _upload_columns() -> tuple[Column[object], ...]:
    """What the registry answered a record, and when (None until it answered)."""
    return (
        Column("uploaded_at", SortableTime()),
        Column("upload_state", _TEXT),
        Column("upload_code", _TEXT),
        Column("upload_reason", _TEXT),
    )


LOCAL_TICKETS = Table(
    "queue_local_tickets",
    _M,
    Column("id", _TEXT, primary_key=True),
    Column("op_id", _TEXT, nullable=False, unique=True),
    Column("day", _TEXT, nullable=False),  # the hall day of issue (ISO date)
    Column("counter", _TEXT, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", _TEXT, nullable=False),
    Column("service", _TEXT, nullable=False),
    Column("state", _TEXT, nullable=False),
    Column("version", Integer, nullable=False),  # +1 on every move: the move's guard
    Column("data", _TEXT, nullable=False),  # the ticket as canonical JSON
    Column("issued_at", SortableTime(), nullable=False),
    Column("closed_at", SortableTime()),
    *_upload_columns(),
)

LOCAL_EVENTS = Table(
    "queue_local_events",
    _M,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", _TEXT, ForeignKey("queue_local_tickets.id"), nullable=False),
    Column("kind", _TEXT, nullable=False),
    Column("at", SortableTime(), nullable=False),
    Column("service", _TEXT, nullable=False),
    Column("counter", _TEXT),
    Column("staff", _TEXT),
    Column("detail", _TEXT, nullable=False),  # canonical JSON object of strings
)

HAND_SERVED = Table(
    "queue_hand_served",
    _M,
    Column("op_id", _TEXT, primary_key=True),
    Column("number", _TEXT, nullable=False),
    Column("day", _TEXT, nullable=False),
    Column("service", _TEXT),
    Column("counter", _TEXT, nullable=False),
    Column("staff", _TEXT, nullable=False),
    Column("started_at", SortableTime(), nullable=False),
    Column("finished_at", SortableTime(), nullable=False),
    Column("outcome", _TEXT, nullable=False),
    Column("case_ids", _TEXT, nullable=False),  # JSON list
    Column("document_numbers", _TEXT, nullable=False),  # JSON list
    Column("recorded_at", SortableTime(), nullable=False),
    *_upload_columns(),
)

LOCAL_SERVICES = Table(
    "queue_local_services",
    _M,
    Column("code", _TEXT, primary_key=True),
    Column("name", _TEXT, nullable=False),
    Column("prefix", _TEXT, nullable=False),
    Column("position", Integer, nullable=False),
)
