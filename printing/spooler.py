"""The print spooler: queued jobs from the local store to a printer, none lost on the way.

A job is in the store from the transaction that issued its document. The spooler renders it
from what the store holds (a later copy marked 副本 / COPY), hands it to the printer and only
then marks it printed; a printer that fails (off, jammed, no paper, the dialog cancelled)
leaves the job queued with the reason, and the queue keeps its order: nothing prints after a
job that did not.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from clerk import services
from clerk.ports import PrintJob
from clerk.store import Store
from printing.builder import build
from printing.errors import DocumentDataError, PrinterError
from printing.from_domain import PrintContext, document_data

_log = logging.getLogger(__name__)


class Printer(Protocol):
    """Where PDFs go: a system printer (`printing.qt_backend.QtPrinter`) or a folder."""

    def send(self, pdf: bytes, *, title: str) -> None:
        """Hand a PDF over; raises PrinterError when the printer refuses it."""


@dataclass(frozen=True, slots=True)
class FolderPrinter:
    """Writes each job as a PDF file into a folder (an archive, or a printer's hot folder)."""

    folder: Path

    def send(self, pdf: bytes, *, title: str) -> None:
        """Write `title`.pdf durably.

        Raises:
            PrinterError: the folder cannot be written (full disk, no permission).
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f".{title}.pdf.tmp"
            with open(temporary, "wb") as handle:
                handle.write(pdf)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self.folder / f"{title}.pdf")
        except OSError as error:
            raise PrinterError(f"cannot write to {self.folder}: {error.strerror}") from None


@dataclass(slots=True)
class SpoolReport:
    """What one pass did."""

    printed: list[str] = field(default_factory=list)
    failed: str | None = None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Spooler:
    """Prints the store's queued jobs in order (one pass at a time, on one thread)."""

    def __init__(
        self,
        store: Store,
        printer: Printer,
        *,
        context: PrintContext,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.store, self.printer, self.context, self.clock = store, printer, context, clock

    def run_once(self) -> SpoolReport:
        """Print what waits until the queue is empty or a job fails."""
        report = SpoolReport()
        for job in services.queued_jobs(self.store.unit_of_work(read_only=True)):
            try:
                pdf = self.render(job)
                self.printer.send(pdf, title=job_title(job))
            except (PrinterError, DocumentDataError) as error:
                services.job_failed(self.store.unit_of_work(), job_id=job.job_id, error=str(error))
                _log.warning("print job %s failed: %s", job_title(job), error)
                report.failed = str(error)
                return report
            services.job_printed(self.store.unit_of_work(), job_id=job.job_id, now=self.clock())
            report.printed.append(job_title(job))
        return report

    def render(self, job: PrintJob) -> bytes:
        """The job's PDF, rebuilt from the store (a copy is marked as such)."""
        with self.store.unit_of_work(read_only=True) as uow:
            record = uow.documents.get(job.number)
            case = uow.cases.get(record.case_id)
            item = uow.catalogue.item(case.item_code, case.item_version)
        context = replace(self.context, reprint=job.copy > 0)
        kind, data = document_data(record, case=case, item=item, context=context)
        return build(kind, data)


def job_title(job: PrintJob) -> str:
    """The job's name in a printer queue: the number, and which copy."""
    return job.number if job.copy == 0 else f"{job.number}-copy{job.copy}"
