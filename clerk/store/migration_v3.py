"""Migration step 3: the print queue (frozen once released).

A job is written in the transaction that issues its document (or that records a reprint), so
paper can never be lost between the click and the printer: a job stays `queued` until the
printer took it, through restarts, jams and cancelled dialogs.
"""

from __future__ import annotations

from sqlalchemy import Connection

_STATEMENTS = (
    """CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL REFERENCES documents (number),
        copy INTEGER NOT NULL CHECK (copy >= 0),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        UNIQUE (number, copy)
    ) STRICT""",
    "CREATE INDEX print_jobs_queued ON print_jobs (state, id)",
)


def apply(connection: Connection) -> None:
    """Add the print queue."""
    for statement in _STATEMENTS:
        connection.exec_driver_sql(statement)
