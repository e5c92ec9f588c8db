"""The hall queue's tables, on the registry's METADATA (created by the same migration).

Times are UTC ISO text, as in `registry.schema`. Every queue write a display shows (a call, a
change of the waiting counts) bumps the hall's `version` in `queue_halls` as its last statement,
so that version orders those events in commit order: the display feed's cursor, and the
sequence of its calls. Other moves leave that hot row alone. Nothing is deleted;
`queue_events` is append-only (its id orders a ticket's events as they were written).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from registry.schema import METADATA

_TIME = String(40)
_ID = String(36)
_CODE = String(16)
_STAFF = String(32)

QUEUE_HALLS = Table(
    "queue_halls",
    METADATA,
    Column("hall", _CODE, primary_key=True),
    Column("timezone", String(64), nullable=False),
    Column("target_wait_seconds", Integer, nullable=False),
    Column("version", BigInteger, nullable=False),
)

QUEUE_SERVICES = Table(
    "queue_services",
    METADATA,
    Column("hall", _CODE, primary_key=True),
    Column("code", _CODE, primary_key=True),
    Column("prefix", String(4), nullable=False),
    Column("name", Text, nullable=False),
    Column("daily_cap", Integer),
    Column("active", Boolean, nullable=False),
    UniqueConstraint("hall", "prefix"),
)

QUEUE_NUMBERS = Table(
    "queue_numbers",
    METADATA,
    Column("hall", _CODE, primary_key=True),
    Column("issue_day", String(10), primary_key=True),
    Column("prefix", String(4), primary_key=True),
    Column("last_seq", Integer, nullable=False),  # the day's highest number so far
    Column("issued", Integer, nullable=False),  # how many were issued (the daily cap's count)
)
"""Where each prefix's numbers stand today: issuing reads one row, not the day's tickets."""

QUEUE_TICKETS = Table(
    "queue_tickets",
    METADATA,
    Column("id", _ID, primary_key=True),
    Column("hall", _CODE, nullable=False),
    Column("issue_day", String(10), nullable=False),  # the hall's local date of issue
    Column("number", String(16), nullable=False),
    Column("service", _CODE, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("state", String(16), nullable=False),
    Column("green_channel", Boolean, nullable=False),
    Column("priority", Integer, nullable=False),
    Column("appointment_at", _TIME),
    Column("id_masked", String(32)),
    Column("id_hash", String(64)),
    Column("issued_at", _TIME, nullable=False),
    Column("queue_band", Integer, nullable=False),
    Column("queue_at", _TIME, nullable=False),
    Column("recalls", Integer, nullable=False),
    Column("counter", _CODE),
    Column("staff", _STAFF),
    Column("called_at", _TIME),
    Column("missed_at", _TIME),
    Column("started_at", _TIME),
    Column("closed_at", _TIME),
    Column("outcome", String(32)),
    Column("case_ids", Text, nullable=False),  # JSON list
    Column("document_numbers", Text, nullable=False),  # JSON list
    Column("target_counter", _CODE),
    Column("target_staff", _STAFF),
    Column("transfer_note", Text),
    Column("version", Integer, nullable=False),  # +1 on every move: the claim's guard
    UniqueConstraint("hall", "issue_day", "number"),
    Index("queue_tickets_open", "hall", "state"),
    # An estimate's last finished visits of a service today: 20 rows read, not the hall's
    # every finished ticket of every day.
    Index("queue_tickets_done", "hall", "service", "issue_day", "state", "closed_at"),
)

QUEUE_EVENTS = Table(
    "queue_events",
    METADATA,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("hall", _CODE, nullable=False),
    # The hall version of the writing transaction, for what a display shows (calls, changes of
    # the waiting counts); None for the rest (start, park, missed, finish, pause, no-show).
    Column("seq", BigInteger),
    Column("ticket_id", _ID),  # None for a counter's pause and resume
    Column("kind", String(16), nullable=False),
    Column("at", _TIME, nullable=False),
    Column("service", _CODE),
    Column("counter", _CODE),
    Column("staff", _STAFF),
    Column("number", String(16)),
    Column("detail", Text, nullable=False),  # canonical JSON object of strings
    Index("queue_events_ticket", "ticket_id"),
    Index("queue_events_feed", "hall", "seq"),
)

QUEUE_COUNTERS = Table(
    "queue_counters",
    METADATA,
    Column("hall", _CODE, primary_key=True),
    Column("counter", _CODE, primary_key=True),
    Column("profile", Text),  # canonical JSON of a ProfileSpec; None: the default profile
    Column("current_ticket", _ID),
    Column("paused", Boolean, nullable=False),
    Column("pause_reason", Text, nullable=False),
    Column("staff", _STAFF),
    Column("updated_at", _TIME, nullable=False),
)

QUEUE_REQUESTS = Table(
    "queue_requests",
    METADATA,
    Column("device_id", String(40), primary_key=True),
    Column("request_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("ticket_id", _ID, nullable=False),
    Column("created_at", _TIME, nullable=False),
)
