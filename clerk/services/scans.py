"""Scanning a material: the bytes go to the scan folder first, then one action references them.

The caller stores the bytes with `clerk.scans.ScanFolder.put` (temporary file, fsync, hash,
rename) and passes the hash here; this action then records the scan on the case, indexes it for
upload and enqueues the operation, in one transaction (SYNC.md, Local write path).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from clerk.cases import Case, Scan
from clerk.catalog.model import ServiceItem
from clerk.errors import NotFound
from clerk.ports import UnitOfWork
from clerk.services.core import Step, act, load_case
from clerk.services.views import ActionResult
from clerk.staff import Actor


def attach_scan(
    uow: UnitOfWork,
    *,
    case_id: str,
    material: str,
    sha256: str,
    size: int,
    media_type: str,
    actor: Actor,
    now: datetime,
) -> ActionResult:
    """Attach a scan of one material to a case.

    Raises:
        InvalidInput: the item has no such material, or the scan is malformed.
        RuleViolation: the case is closed.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        scan = Scan(material, sha256, size, media_type, now, actor.staff_id)
        case.attach_scan(scan, item)
        uow.scans.add(sha256=sha256, size=size, media_type=media_type, at=now)
        return Step("case.scan_attached", {"material": material, "sha256": sha256, "size": size})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def case_scans(uow: UnitOfWork, *, case_id: str) -> tuple[Scan, ...]:
    """The scans kept with a case, oldest first (read-only; their bytes are in the scan folder).

    Raises:
        NotFound: no such case.
    """
    with uow:
        case, _, _ = load_case(uow, case_id)
        return tuple(case.scans)


def held_by_registry(uow: UnitOfWork, *, hashes: Sequence[str]) -> frozenset[str]:
    """Those of `hashes` the registry verified: a scan of these whose file is gone from the
    scan folder was let go after the retention period (`sync.retention`) and is kept there."""
    with uow:
        return uow.scans.verified(hashes)


def case_of_scanned_number(uow: UnitOfWork, *, number: str) -> str | None:
    """The case a scanned number belongs to: a document's (notice, receipt…) or the case's own.

    Case and document numbers share one shape (`clerk.capture.DocumentNumber`), so the
    documents are asked first, then the cases (read-only).

    Returns:
        The case id, or None when this counter's store knows neither number.
    """
    with uow:
        try:
            return uow.documents.get(number).case_id
        except NotFound:
            record = uow.cases.by_number(number)
            return None if record is None else record.case_id
