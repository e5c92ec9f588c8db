"""The local store: SQLAlchemy rows, repositories, unit of work and migrations of the cache."""

from clerk.store.db import DEFAULT_BUSY_TIMEOUT_MS, Store, StoreHealth, open_store
from clerk.store.errors import MigrationFailed, SchemaTooNew, StoreBusy, StoreError
from clerk.store.ids import uuid7
from clerk.store.ledger import (
    RETENTION,
    Answer,
    CachedStaff,
    Credentials,
    PageApplied,
    SyncLedger,
)
from clerk.store.migrations import latest_version
from clerk.store.uow import SqlUnitOfWork

__all__ = [
    "DEFAULT_BUSY_TIMEOUT_MS",
    "RETENTION",
    "Answer",
    "CachedStaff",
    "Credentials",
    "MigrationFailed",
    "PageApplied",
    "SchemaTooNew",
    "SqlUnitOfWork",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreHealth",
    "SyncLedger",
    "latest_version",
    "open_store",
    "uuid7",
]
