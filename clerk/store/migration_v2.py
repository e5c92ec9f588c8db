"""Migration step 2: what synchronisation with the registry keeps (frozen once released).

The registry's version of each case (the base of the next compare-and-set), the pull cursors,
the registry's epoch and this counter's credential, the hall's staff with their password
verifiers (for logging in while offline), and the index of scans waiting for upload.
"""

from __future__ import annotations

from sqlalchemy import Connection

_STATEMENTS = (
    "ALTER TABLE cases ADD COLUMN server_version INTEGER CHECK (server_version >= 1)",
    """CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE sync_cursors (
        space TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version >= 0)
    ) STRICT""",
    """CREATE TABLE staff_cache (
        staff_id TEXT PRIMARY KEY,
        hall TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
        verifier TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        locked_until TEXT
    ) STRICT""",
    """CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        media_type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        verified_at TEXT
    ) STRICT""",
    "CREATE INDEX blobs_unverified ON blobs (verified_at, created_at)",
    """CREATE TRIGGER blobs_no_delete BEFORE DELETE ON blobs
        WHEN OLD.verified_at IS NULL
        BEGIN SELECT RAISE(ABORT, 'a scan the registry has not verified is never deleted'); END""",
)


def apply(connection: Connection) -> None:
    """Add the sync tables and the cases' registry version."""
    for statement in _STATEMENTS:
        connection.exec_driver_sql(statement)
