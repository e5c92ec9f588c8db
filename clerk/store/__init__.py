"""The local store: SQLAlchemy rows, repositories, unit of work and migrations of the cache.

The names below are loaded on first use (`clerk.lazy`): `clerk.store.peek` reads an enrolled
counter's name without importing SQLAlchemy, so a clerk's sign-in shows at once (issue 6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk.lazy import lazy_names

if TYPE_CHECKING:
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

_DB, _ERRORS, _LEDGER = "clerk.store.db", "clerk.store.errors", "clerk.store.ledger"
__getattr__ = lazy_names(
    __name__,
    {
        "DEFAULT_BUSY_TIMEOUT_MS": _DB,
        "Store": _DB,
        "StoreHealth": _DB,
        "open_store": _DB,
        "MigrationFailed": _ERRORS,
        "SchemaTooNew": _ERRORS,
        "StoreBusy": _ERRORS,
        "StoreError": _ERRORS,
        "uuid7": "clerk.store.ids",
        "RETENTION": _LEDGER,
        "Answer": _LEDGER,
        "CachedStaff": _LEDGER,
        "Credentials": _LEDGER,
        "PageApplied": _LEDGER,
        "SyncLedger": _LEDGER,
        "latest_version": "clerk.store.migrations",
        "SqlUnitOfWork": "clerk.store.uow",
    },
)

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
