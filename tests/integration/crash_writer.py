"""A counter process for the crash test: performs clerk actions in a loop until it is killed.

Run as `python -m tests.integration.crash_writer STORE_PATH`. After each committed action it
prints `done CASE_ID VERSION` and flushes, so the parent knows what must have survived.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.staff import Actor, Role
from clerk.store import open_store, uuid7

BUSINESS = "1133990000248201X8000120103000"
CLERK = Actor("c001", "王小明", Role.CLERK)
RECORDS = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(path: Path) -> None:
    """Open, record, accept case after case, reporting each committed action."""
    store = open_store(path)
    body = "33010619850312001"
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON, name="张三", id_number=body + resident_id_check_char(body)
    )
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
    _say("ready")
    while True:
        moment += timedelta(seconds=1)
        uow = store.unit_of_work
        result = services.open_case(
            uow(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=applicant,
            actor=CLERK,
            now=moment,
        )
        case_id = result.case.case_id
        _say(f"done {case_id} 1")
        services.record_materials(uow(), case_id=case_id, records=RECORDS, actor=CLERK, now=moment)
        _say(f"done {case_id} 2")
        services.accept(uow(), case_id=case_id, actor=CLERK, now=moment)
        _say(f"done {case_id} 3")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
