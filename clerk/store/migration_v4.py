"""Migration step 4: the counter's own queue while the registry cannot be reached (frozen).

Local walk-in tickets with their events, and the printed hall tickets served by hand. A local
record carries the op id it is uploaded under (exactly once, SYNC.md) and what the registry
answered; the events are append-only, and a record stays until the registry has answered it.
Times are UTC text, as everywhere in the store.
"""

from __future__ import annotations

from sqlalchemy import Connection

_UPLOAD_STATES = "('applied', 'clash')"

_STATEMENTS = (
    f"""CREATE TABLE queue_local_tickets (
        id TEXT PRIMARY KEY,
        op_id TEXT NOT NULL UNIQUE,
        day TEXT NOT NULL,
        counter TEXT NOT NULL CHECK (counter <> ''),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        number TEXT NOT NULL,
        service TEXT NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        data TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        closed_at TEXT,
        uploaded_at TEXT,
        upload_state TEXT CHECK (upload_state IN {_UPLOAD_STATES}),
        upload_code TEXT,
        upload_reason TEXT,
        UNIQUE (day, counter, seq),
        UNIQUE (day, number)
    ) STRICT""",
    "CREATE INDEX queue_local_tickets_open ON queue_local_tickets (state, counter)",
    "CREATE INDEX queue_local_tickets_unsent ON queue_local_tickets (uploaded_at, closed_at)",
    """CREATE TABLE queue_local_events (
        id INTEGER PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES queue_local_tickets (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        service TEXT NOT NULL,
        counter TEXT,
        staff TEXT,
        detail TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX queue_local_events_ticket ON queue_local_events (ticket_id, id)",
    """CREATE TRIGGER queue_local_events_no_update BEFORE UPDATE ON queue_local_events
        BEGIN SELECT RAISE(ABORT, 'queue events are append-only'); END""",
    """CREATE TRIGGER queue_local_events_no_delete BEFORE DELETE ON queue_local_events
        BEGIN SELECT RAISE(ABORT, 'queue events are append-only'); END""",
    f"""CREATE TABLE queue_hand_served (
        op_id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        day TEXT NOT NULL,
        service TEXT,
        counter TEXT NOT NULL CHECK (counter <> ''),
        staff TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL CHECK (finished_at >= started_at),
        outcome TEXT NOT NULL,
        case_ids TEXT NOT NULL,
        document_numbers TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        uploaded_at TEXT,
        upload_state TEXT CHECK (upload_state IN {_UPLOAD_STATES}),
        upload_code TEXT,
        upload_reason TEXT
    ) STRICT""",
    "CREATE INDEX queue_hand_served_unsent ON queue_hand_served (uploaded_at, recorded_at)",
    """CREATE TRIGGER queue_hand_served_no_delete BEFORE DELETE ON queue_hand_served
        BEGIN SELECT RAISE(ABORT, 'a hand-served ticket is never deleted'); END""",
    """CREATE TRIGGER queue_local_tickets_no_delete BEFORE DELETE ON queue_local_tickets
        BEGIN SELECT RAISE(ABORT, 'a local ticket is never deleted'); END""",
    """CREATE TABLE queue_local_services (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL,
        position INTEGER NOT NULL
    ) STRICT""",
)


def apply(connection: Connection) -> None:
    """Add the local queue."""
    for statement in _STATEMENTS:
        connection.exec_driver_sql(statement)
