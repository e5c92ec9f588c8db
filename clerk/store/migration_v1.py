"""Migration step 1: the first schema of the local cache (frozen: later changes are new steps).

STRICT tables make SQLite refuse values of the wrong type instead of converting them. Triggers
keep the append-only tables append-only even against raw SQL, and keep an outbox operation's
content (what its hash and op_id promise) fixed once written.
"""

from __future__ import annotations

from sqlalchemy import Connection

_TABLES = (
    """CREATE TABLE device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL CHECK (device_id <> ''),
        hall TEXT NOT NULL CHECK (hall <> ''),
        counter TEXT NOT NULL CHECK (counter <> ''),
        epoch INTEGER NOT NULL CHECK (epoch >= 0)
    ) STRICT""",
    """CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL CHECK (value >= 0)
    ) STRICT""",
    """CREATE TABLE number_sequences (
        epoch INTEGER NOT NULL,
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        last_seq INTEGER NOT NULL CHECK (last_seq >= 1),
        PRIMARY KEY (epoch, year)
    ) STRICT""",
    """CREATE TABLE outbox (
        op_id TEXT PRIMARY KEY,
        client_seq INTEGER NOT NULL UNIQUE CHECK (client_seq >= 1),
        op_type TEXT NOT NULL,
        payload_version INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        base_version INTEGER,
        payload TEXT NOT NULL,
        payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'duplicate', 'rejected')),
        result_code TEXT,
        result_reason TEXT,
        acknowledged_at TEXT
    ) STRICT""",
    """CREATE TABLE audit_entries (
        chain TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        detail TEXT NOT NULL,
        PRIMARY KEY (chain, seq)
    ) STRICT""",
    """CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        item_code TEXT NOT NULL,
        item_version INTEGER NOT NULL,
        applicant_name TEXT NOT NULL,
        applicant_id_number TEXT NOT NULL,
        applicant_phone TEXT NOT NULL,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases (case_id),
        created_at TEXT NOT NULL,
        payload TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE catalogue_items (
        code TEXT NOT NULL,
        version INTEGER NOT NULL,
        catalogue_version TEXT NOT NULL,
        in_current INTEGER NOT NULL CHECK (in_current IN (0, 1)),
        data TEXT NOT NULL,
        PRIMARY KEY (code, version)
    ) STRICT""",
    """CREATE TABLE catalogue_current (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL,
        data TEXT NOT NULL,
        stored_at TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE calendar_overrides (
        day TEXT PRIMARY KEY,
        workday INTEGER NOT NULL CHECK (workday IN (0, 1)),
        reason TEXT NOT NULL
    ) STRICT""",
    "CREATE TABLE calendar_years (year INTEGER PRIMARY KEY) STRICT",
)

# Search indexes end in received_at so exact matches come out newest first without a sort.
# cases_by_received carries the name so that a common name prefix (a frequent surname) is found
# by walking the newest cases without reading their rows (see clerk.store.cases).
_INDEXES = (
    "CREATE INDEX outbox_by_state ON outbox (state, client_seq)",
    "CREATE INDEX outbox_by_entity ON outbox (entity_id, state)",
    "CREATE INDEX audit_by_case ON audit_entries (case_id, chain, seq)",
    "CREATE INDEX cases_by_received ON cases (received_at, applicant_name)",
    "CREATE INDEX cases_by_id_number ON cases (applicant_id_number, received_at)",
    "CREATE INDEX cases_by_name ON cases (applicant_name, received_at)",
    "CREATE INDEX cases_by_phone ON cases (applicant_phone, received_at)",
    "CREATE INDEX documents_by_case ON documents (case_id, created_at, id)",
    "CREATE UNIQUE INDEX catalogue_items_current ON catalogue_items (code) WHERE in_current = 1",
)


def _refuse(name: str, event: str, table: str, message: str, when: str = "") -> str:
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table} {when} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


_OUTBOX_FIXED = (
    "op_id, client_seq, op_type, payload_version, entity_id, base_version, payload, "
    "payload_sha256, created_at"
)

_TRIGGERS = (
    _refuse("audit_no_update", "UPDATE", "audit_entries", "audit entries are append-only"),
    _refuse("audit_no_delete", "DELETE", "audit_entries", "audit entries are append-only"),
    _refuse("documents_no_update", "UPDATE", "documents", "documents are append-only"),
    _refuse("documents_no_delete", "DELETE", "documents", "documents are append-only"),
    _refuse("cases_no_delete", "DELETE", "cases", "cases are never deleted"),
    _refuse("device_no_delete", "DELETE", "device", "the device identity is never deleted"),
    _refuse(
        "device_epoch_forward",
        "UPDATE OF epoch",
        "device",
        "the device epoch only moves forward",
        when="WHEN NEW.epoch <= OLD.epoch",
    ),
    _refuse(
        "outbox_content_fixed",
        f"UPDATE OF {_OUTBOX_FIXED}",
        "outbox",
        "an outbox operation keeps its content once written",
    ),
)

_SEED = ("INSERT INTO counters (name, value) VALUES ('client_seq', 0)",)


def apply(connection: Connection) -> None:
    """Create every table, index and trigger of schema version 1 (inside the caller's transaction).

    Args:
        connection: a connection inside the migration's transaction.
    """
    for statement in (*_TABLES, *_INDEXES, *_TRIGGERS, *_SEED):
        connection.exec_driver_sql(statement)
