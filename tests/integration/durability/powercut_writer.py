"""A counter at work until the power goes: cases, scans, documents and the spooler printing them.

Run as `python -m tests.integration.durability.powercut_writer FOLDER`; the store is
FOLDER/counter.db, the scans FOLDER/scans. Every line it writes to stdout is something the
parent must be able to rely on after a power cut:

    ready
    done CASE_ID VERSION      an action's commit returned
    printed {json}            paper came out: the printer is the parent, paper survives a cut

$WC_TEST_SYNCHRONOUS (e.g. NORMAL) overrides the store's `synchronous` pragma, for the negative
control that shows the test catches a store which acknowledges commits it has not synced.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import PrintJob
from clerk.scans import ScanFolder
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from printing.from_domain import PrintContext
from printing.spooler import Spooler

BUSINESS = "1133990000248201X8000120103000"
CLERK = Actor("c001", "王小明", Role.CLERK)
RECORDS = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}


def say(line: str) -> None:
    """Tell the parent (one line, flushed: once written, the parent has it)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class PaperPrinter:
    """The printer: what it is sent leaves the machine at once (to the parent, over the pipe)."""

    def send(self, pdf: bytes, *, title: str) -> None:
        """Hand the job over; `pdf` is the job's identity here (see `NamingSpooler`)."""
        say(f"printed {pdf.decode()}")


class NamingSpooler(Spooler):
    """The real spooler's passes (order: commit, print, mark printed), with a job's identity
    in place of its PDF: reportlab adds nothing to durability and would slow the cuts down."""

    def render(self, job: PrintJob) -> bytes:
        """The document the job prints, read from the store as the real render reads it."""
        with self.store.unit_of_work(read_only=True) as uow:
            record = uow.documents.get(job.number)
        identity = {"number": job.number, "copy": job.copy, "case": record.case_id}
        return json.dumps(identity | {"kind": record.kind}).encode()


def weaken(store: Store, synchronous: str) -> None:
    """Give every new connection of the store another `synchronous` (negative control only)."""

    def on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA synchronous = {synchronous}")

    store.engine.dispose()
    event.listen(store.engine, "connect", on_connect)


def one_case(
    store: Store, scans: ScanFolder, applicant: Applicant, moment: datetime
) -> tuple[str, str]:
    """Open a case, scan a material, record the materials and accept it (each action reported)."""
    uow = store.unit_of_work
    opened = services.open_case(
        uow(), case_id=uuid7(), item_code=BUSINESS, situation=None, applicant=applicant,
        actor=CLERK, now=moment,
    )  # fmt: skip
    case_id = opened.case.case_id
    say(f"done {case_id} 1")
    data = f"scan of {case_id}".encode()
    sha256 = scans.put(data)
    services.attach_scan(
        uow(), case_id=case_id, material="M01", sha256=sha256, size=len(data),
        media_type="image/png", actor=CLERK, now=moment,
    )  # fmt: skip
    say(f"done {case_id} 2")
    services.record_materials(uow(), case_id=case_id, records=RECORDS, actor=CLERK, now=moment)
    say(f"done {case_id} 3")
    accepted = services.accept(uow(), case_id=case_id, actor=CLERK, now=moment)
    say(f"done {case_id} 4")
    return case_id, accepted.documents[0]


def main(folder: Path) -> None:
    """Work case after case until killed, printing each document and every third a copy."""
    store = open_store(folder / "counter.db")
    if synchronous := os.environ.get("WC_TEST_SYNCHRONOUS"):
        weaken(store, synchronous)
    scans = ScanFolder(folder / "scans")
    spooler = NamingSpooler(store, PaperPrinter(), context=PrintContext(hall="测试大厅"))
    body = "33010619850312001"
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON, name="张三", id_number=body + resident_id_check_char(body)
    )
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
    say("ready")
    spooler.run_once()  # what a cut left queued prints first
    for n in range(1_000_000):
        moment += timedelta(seconds=1)
        case_id, number = one_case(store, scans, applicant, moment)
        if n % 3 == 2:
            services.reprint(store.unit_of_work(), number=number, actor=CLERK, now=moment)
            say(f"done {case_id} 5")
        spooler.run_once()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
