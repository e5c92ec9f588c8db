"""Opening the local store: the SQLite engine, its pragmas, migrations and the device identity."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from clerk.ports import DeviceIdentity
from clerk.private import private_database
from clerk.store.device import advance_epoch, ensure_device, require_device
from clerk.store.errors import StoreError
from clerk.store.ledger import SyncLedger
from clerk.store.migrations import migrate
from clerk.store.outbox import SqlOutboxRepository
from clerk.store.uow import SqlUnitOfWork

DEFAULT_BUSY_TIMEOUT_MS = 5_000
_MIN_SQLITE = (3, 37, 0)  # STRICT tables (3.37) and RETURNING (3.35)


@dataclass(frozen=True, slots=True)
class StoreHealth:
    """What the status bar shows about the local store."""

    pending: int
    oldest_pending_at: datetime | None
    rejected: int
    schema_version: int


def create_store_engine(
    path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, read_only: bool = False
) -> Engine:
    """Create the engine of a store file, with the pragmas and transaction control it needs.

    Every pooled connection gets WAL, `synchronous=FULL`, foreign keys and a busy timeout, and
    every transaction starts with `BEGIN IMMEDIATE` (SQLAlchemy's documented pysqlite recipe),
    so a unit of work holds the write lock from its first statement on and never fails on a
    lock upgrade half-way through. A read-only engine's connections cannot write
    (`query_only`) and begin DEFERRED: they read a snapshot and never take the write lock.

    Raises:
        StoreError: the SQLite library is too old for this store.
    """
    if sqlite3.sqlite_version_info < _MIN_SQLITE:
        raise StoreError(
            "SQLite {sqlite_version} is too old; 3.37 or newer is needed",
            sqlite_version=sqlite3.sqlite_version,
        )
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))

    def on_connect(dbapi_connection: Any, _record: object) -> None:
        _prepare_connection(dbapi_connection, busy_timeout_ms, read_only=read_only)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _begin_deferred if read_only else _begin_immediate)
    return engine


def _prepare_connection(
    dbapi_connection: sqlite3.Connection, busy_timeout_ms: int, *, read_only: bool
) -> None:
    # The driver must not start transactions on its own: the "begin" listener does it.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(
                "the store cannot use write-ahead logging here (mode {mode})", mode=mode
            )
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_deferred(connection: Connection) -> None:
    # Reads take no write lock: they never wait for a unit of work, nor make one wait.
    connection.exec_driver_sql("BEGIN DEFERRED")


class Store:
    """An open local store: hands out units of work; close it when the counter shuts down."""

    def __init__(self, path: Path, engine: Engine, schema_version: int, *, readers: Engine) -> None:
        self._path = path
        self._engine = engine
        self._readers_engine = readers
        self._schema_version = schema_version
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Reads (status, searches, screens) run on connections that cannot write, in deferred
        # transactions: they never wait for a unit of work.
        self._readers = sessionmaker(readers, expire_on_commit=False)

    @property
    def path(self) -> Path:
        """The store's database file."""
        return self._path

    @property
    def engine(self) -> Engine:
        """The engine, for the store's own tools and tests; use units of work otherwise."""
        return self._engine

    @property
    def device(self) -> DeviceIdentity:
        """This counter's identity.

        Raises:
            NotFound: the store was never opened with a device identity.
        """
        with self._readers() as session, session.begin():
            return require_device(session)

    def unit_of_work(self, *, read_only: bool = False) -> SqlUnitOfWork:
        """Return a new unit of work (one clerk action); enter it with `with`.

        Args:
            read_only: for reading only (searches, screens): it reads one snapshot without
                taking the write lock, cannot write, and refuses to commit.
        """
        if read_only:
            return SqlUnitOfWork(self._readers, read_only=True)
        return SqlUnitOfWork(self._sessions)

    def ledger(self) -> SyncLedger:
        """What the sync engine reads and writes (one transaction per call)."""
        return SyncLedger(self._sessions, self._readers)

    def register(self, device: DeviceIdentity) -> DeviceIdentity:
        """Store the identity on first use, or check it against the stored one.

        Returns:
            The stored identity (a higher epoch given here is adopted).

        Raises:
            RuleViolation: the store belongs to another device.
        """
        with self._sessions.begin() as session:
            return ensure_device(session, device)

    def new_epoch(self, epoch: int | None = None) -> DeviceIdentity:
        """Start a new epoch after the counter was re-registered or restored from a backup.

        Numbers then continue in the new epoch, so they can never repeat one of an older epoch.
        After a restore, pass the epoch the registry issued: the restored file may not know of
        epochs used after its backup was taken.

        Args:
            epoch: the new epoch; the current one plus one when omitted.

        Returns:
            The identity with its new epoch.

        Raises:
            NotFound: no identity is stored yet.
            RuleViolation: `epoch` is not above the current one.
        """
        with self._sessions.begin() as session:
            return advance_epoch(session, epoch)

    def health(self) -> StoreHealth:
        """Return outbox depth, the oldest pending operation's time and the rejected count."""
        with self._readers() as session, session.begin():
            outbox = SqlOutboxRepository(session)
            return StoreHealth(
                pending=outbox.count_pending(),
                oldest_pending_at=outbox.oldest_pending_at(),
                rejected=outbox.count_rejected(),
                schema_version=self._schema_version,
            )

    def close(self) -> None:
        """Close every pooled connection (the engines are disposed)."""
        self._readers_engine.dispose()
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    path: Path,
    *,
    device: DeviceIdentity | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> Store:
    """Open (or create) the store file, migrate it to the latest schema and register the device.

    Args:
        path: the database file; created with its schema when missing.
        device: this counter's identity; required on first open, checked on later ones.
        busy_timeout_ms: how long a unit of work waits for another writer's lock.

    Returns:
        The open store; close it when done.

    Raises:
        SchemaTooNew: the file was written by a newer version (left untouched).
        MigrationFailed: an upgrade step failed (the store keeps its previous version).
        RuleViolation: the file belongs to another device.
    """
    private_database(path)  # 0600 before SQLite writes a byte; its side files follow the mode
    engine = create_store_engine(path, busy_timeout_ms=busy_timeout_ms)
    readers: Engine | None = None
    try:
        version = migrate(engine)
        readers = create_store_engine(path, busy_timeout_ms=busy_timeout_ms, read_only=True)
        store = Store(path, engine, version, readers=readers)
        if device is not None:
            store.register(device)
    except BaseException:
        if readers is not None:
            readers.dispose()
        engine.dispose()
        raise
    return store
