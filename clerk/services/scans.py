"""Scanning a material: the bytes go to the scan folder first, then one action references them.

The caller stores the bytes with `clerk.scans.ScanFolder.put` (temporary file, fsync, hash,
rename) and passes the hash here; this action then records the scan on the case, indexes it for
upload and enqueues the operation, in one transaction (SYNC.md, Local write path).
"""

from __future__ import annotations

from datetime import datetime

from clerk.cases import Case, Scan
from clerk.catalog.model import ServiceItem
from clerk.ports import UnitOfWork
from clerk.services.core import Step, act
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
