"""The print queue at the use-case level: what waits, what printed, reprints marked as copies.

Issuing a document queues its original in the same transaction (`services.core.issue_document`);
a reprint is a clerk action of its own (audited, synchronised) that queues the next copy.
"""

from __future__ import annotations

from datetime import datetime

from clerk.cases import Case
from clerk.catalog.model import ServiceItem
from clerk.ports import PrintJob, UnitOfWork
from clerk.services.core import Step, act, require_aware
from clerk.services.views import ActionResult
from clerk.staff import Actor


def reprint(uow: UnitOfWork, *, number: str, actor: Actor, now: datetime) -> ActionResult:
    """Queue another copy of a document of a case; it prints marked as a copy.

    Raises:
        NotFound: no such document.
    """
    with uow:
        case_id = uow.documents.get(number).case_id

    def rule(case: Case, _item: ServiceItem) -> Step:
        job = uow.prints.add(number, at=now)
        return Step("case.document_reprinted", {"document": number, "copy": job.copy})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def queued_jobs(uow: UnitOfWork, *, limit: int = 50) -> tuple[PrintJob, ...]:
    """Jobs waiting for the printer, oldest first."""
    with uow:
        return tuple(uow.prints.queued(limit))


def job_printed(uow: UnitOfWork, *, job_id: int, now: datetime) -> None:
    """Record that the printer took a job."""
    require_aware(now)
    with uow:
        uow.prints.printed(job_id, at=now)
        uow.commit()


def job_failed(uow: UnitOfWork, *, job_id: int, error: str) -> None:
    """Record a failed attempt; the job stays queued."""
    with uow:
        uow.prints.failed(job_id, error=error)
        uow.commit()
