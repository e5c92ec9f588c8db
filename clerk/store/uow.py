"""The unit of work: one clerk action, one SQLite transaction (BEGIN IMMEDIATE), one Session.

A read-only unit of work (for searches and screens) begins DEFERRED on a connection that cannot
write, never takes the write lock and refuses to commit.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clerk.errors import RuleViolation
from clerk.ports import (
    AuditRepository,
    CalendarRepository,
    CaseRepository,
    CatalogueRepository,
    DeviceIdentity,
    DocumentRepository,
    NumberAllocator,
    OutboxRepository,
    PrintQueue,
    ScanIndex,
)
from clerk.store.cases import SqlCaseRepository
from clerk.store.device import require_device
from clerk.store.errors import REFUSED, StoreBusy, StoreError
from clerk.store.outbox import SqlOutboxRepository
from clerk.store.printjobs import SqlPrintQueue
from clerk.store.records import (
    SqlAuditRepository,
    SqlDocumentRepository,
    SqlNumberAllocator,
)
from clerk.store.reference import SqlCalendarRepository, SqlCatalogueRepository
from clerk.store.scans import SqlScanIndex


@dataclass(frozen=True, slots=True)
class SqlRepositories:
    """The repositories of an entered unit of work, with the store's methods beyond the ports."""

    cases: SqlCaseRepository
    outbox: SqlOutboxRepository
    audit: SqlAuditRepository
    numbers: SqlNumberAllocator
    documents: SqlDocumentRepository
    catalogue: SqlCatalogueRepository
    calendar: SqlCalendarRepository
    scans: SqlScanIndex
    prints: SqlPrintQueue

    @classmethod
    def of(cls, session: Session, device: DeviceIdentity) -> SqlRepositories:
        """Make every repository over one session."""
        return cls(
            cases=SqlCaseRepository(session),
            outbox=SqlOutboxRepository(session),
            audit=SqlAuditRepository(session),
            numbers=SqlNumberAllocator(session, device),
            documents=SqlDocumentRepository(session),
            catalogue=SqlCatalogueRepository(session),
            calendar=SqlCalendarRepository(session),
            scans=SqlScanIndex(session),
            prints=SqlPrintQueue(session),
        )


class SqlUnitOfWork:
    """One clerk action on the local store (implements `clerk.ports.UnitOfWork`).

    Entering it begins the transaction and takes the write lock at once; `commit()` makes the
    work durable (WAL with `synchronous=FULL`); leaving the block without a commit, or with an
    exception, rolls everything back. A write that a constraint refused leaves it refused: its
    commit is refused too, so an action is never stored in part. The repositories exist only
    while it is entered (typed as the ports; `repositories` offers the same objects with the
    store's extra methods, such as recording the registry's answers). It belongs to the thread
    that entered it and is not re-entrant; make one per action.

    A read-only one (`Store.unit_of_work(read_only=True)`) reads one consistent snapshot
    without taking the write lock: it never waits for a writer nor blocks one; any write
    through it fails and its `commit()` is refused.
    """

    device: DeviceIdentity
    repositories: SqlRepositories
    cases: CaseRepository
    outbox: OutboxRepository
    audit: AuditRepository
    numbers: NumberAllocator
    documents: DocumentRepository
    catalogue: CatalogueRepository
    calendar: CalendarRepository
    scans: ScanIndex
    prints: PrintQueue

    def __init__(self, sessions: sessionmaker[Session], *, read_only: bool = False) -> None:
        self._sessions = sessions
        self._read_only = read_only
        self._session: Session | None = None
        self._thread: int | None = None

    def __enter__(self) -> Self:
        """Begin the transaction and read the device identity inside it.

        A writing unit of work begins IMMEDIATE (it holds the write lock from here on); a
        read-only one begins DEFERRED, and its snapshot starts with this first read.

        Raises:
            StoreBusy: another writer kept the lock beyond the busy timeout.
            NotFound: the counter has no device identity yet.
            StoreError: the unit of work is already entered.
        """
        if self._session is not None:
            raise StoreError("this unit of work is already in use; make one per action")
        session = self._sessions()
        try:
            session.connection()  # emits BEGIN now, not at the first statement
            self.device = require_device(session)
        except OperationalError as err:
            session.close()
            if getattr(err.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
                raise StoreBusy(
                    "the local store is busy, try again: {reason}", reason=str(err.orig)
                ) from err
            raise StoreError(
                "the local store cannot be used: {reason}", reason=str(err.orig)
            ) from err
        except BaseException:
            session.close()
            raise
        self._session, self._thread = session, threading.get_ident()
        self._attach(session)
        return self

    def _attach(self, session: Session) -> None:
        repositories = SqlRepositories.of(session, self.device)
        self.repositories = repositories
        self.cases, self.outbox = repositories.cases, repositories.outbox
        self.audit, self.numbers = repositories.audit, repositories.numbers
        self.documents, self.catalogue = repositories.documents, repositories.catalogue
        self.calendar = repositories.calendar
        self.scans = repositories.scans
        self.prints = repositories.prints

    def commit(self) -> None:
        """Make everything durable; returns only after SQLite synced the commit to disk.

        Work done after a commit starts a new transaction, rolled back unless committed too.

        Raises:
            RuleViolation: a constraint refused the work, now or earlier in this transaction
                (nothing was stored).
            StoreError: the unit of work is read-only, not entered, or entered on another
                thread.
        """
        session = self._owned_session()
        if self._read_only:
            raise StoreError("a read-only unit of work cannot commit: it is for reading only")
        refused = session.info.pop(REFUSED, None)
        if refused is not None:
            session.rollback()
            raise RuleViolation("the action was not stored: {reason}", reason=refused)
        try:
            session.commit()
        except IntegrityError as err:
            session.rollback()
            raise RuleViolation(
                "the action was not stored: {reason}", reason=str(err.orig)
            ) from err

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed and release the connection."""
        session = self._owned_session()
        self._session = self._thread = None
        try:
            session.rollback()
        finally:
            session.close()

    def _owned_session(self) -> Session:
        if self._session is None:
            raise StoreError("the unit of work is not entered: use it in a `with` block")
        if self._thread != threading.get_ident():
            raise StoreError("a unit of work belongs to the thread that entered it")
        return self._session
