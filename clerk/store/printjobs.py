"""The print queue in the unit of work's session: jobs wait here until the printer took them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.orm import Session

from clerk.errors import NotFound
from clerk.ports import PrintJob
from clerk.store.codec import require_aware
from clerk.store.errors import execute_or_refuse
from clerk.store.schema import PRINT_JOBS

_QUEUED = "queued"


class SqlPrintQueue:
    """Print jobs (implements `clerk.ports.PrintQueue`)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, number: str, *, at: datetime) -> PrintJob:
        """Queue the next copy of a document: 0 (the original) first, then 1, 2, …"""
        copies = select(func.max(PRINT_JOBS.c.copy)).where(PRINT_JOBS.c.number == number)
        last = self._session.execute(copies).scalar()
        copy = 0 if last is None else last + 1
        values = {
            "number": number,
            "copy": copy,
            "state": _QUEUED,
            "attempts": 0,
            "created_at": require_aware(at, "job time"),
        }
        result = execute_or_refuse(
            self._session,
            insert(PRINT_JOBS).values(values).returning(PRINT_JOBS.c.id),
            f"print job for {number} was not queued",
        )
        return PrintJob(int(result.scalar_one()), number, copy, _QUEUED, 0, None)

    def queued(self, limit: int = 50) -> Sequence[PrintJob]:
        """Jobs waiting for the printer, oldest first."""
        query = (
            select(PRINT_JOBS)
            .where(PRINT_JOBS.c.state == _QUEUED)
            .order_by(PRINT_JOBS.c.id)
            .limit(limit)
        )
        return [_job(row) for row in self._session.execute(query)]

    def get(self, job_id: int) -> PrintJob:
        """One job.

        Raises:
            NotFound: no such job.
        """
        row = self._session.execute(select(PRINT_JOBS).where(PRINT_JOBS.c.id == job_id)).first()
        if row is None:
            raise NotFound("no print job {job_id}", job_id=job_id)
        return _job(row)

    def printed(self, job_id: int, *, at: datetime) -> None:
        """The printer took the job."""
        self._set(
            job_id, state="printed", printed_at=require_aware(at, "print time"), last_error=None
        )

    def failed(self, job_id: int, *, error: str) -> None:
        """The printer refused or failed: the job stays queued, its attempt counted."""
        self._set(job_id, attempts=PRINT_JOBS.c.attempts + 1, last_error=error[:500])

    def cancel(self, job_id: int) -> None:
        """A person decided not to print this job after all (it stays listed)."""
        self._set(job_id, state="cancelled")

    def _set(self, job_id: int, **values: object) -> None:
        statement = update(PRINT_JOBS).where(PRINT_JOBS.c.id == job_id).values(values)
        if (
            execute_or_refuse(
                self._session, statement, f"print job {job_id} was not updated"
            ).rowcount
            != 1
        ):
            raise NotFound("no print job {job_id}", job_id=job_id)


def _job(row: Row[Any]) -> PrintJob:
    return PrintJob(row.id, row.number, row.copy, row.state, row.attempts, row.last_error)
