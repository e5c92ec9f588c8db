"""What a case's materials stand at, for the return visit after a one-time notice.

The counter shows the checklist as it was recorded before (the item version the case was
received under, its situation and every material record), so that the clerk marks only the
lines the applicant corrects now and `record_materials` receives exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.catalog.model import ServiceItem
from clerk.materials import MaterialRecord
from clerk.ports import UnitOfWork
from clerk.services.core import load_case


@dataclass(frozen=True, slots=True)
class RecordedMaterials:
    """A case's materials as recorded so far.

    Attributes:
        case_id: the case.
        item: the item version the case was received under.
        situation: the case's situation, if the item has situations.
        records: the material records by material code (absent: never recorded).
    """

    case_id: str
    item: ServiceItem
    situation: str | None
    records: tuple[tuple[str, MaterialRecord], ...]

    def record_map(self) -> dict[str, MaterialRecord]:
        """The records by material code."""
        return dict(self.records)


def recorded_materials(uow: UnitOfWork, *, case_id: str) -> RecordedMaterials:
    """A case's item, situation and material records (a read-only unit of work is enough).

    Args:
        uow: the unit of work.
        case_id: the case.

    Returns:
        The materials as recorded so far.

    Raises:
        NotFound: no such case.
    """
    with uow:
        case, _record, item = load_case(uow, case_id)
    return RecordedMaterials(case_id, item, case.situation, tuple(case.materials.items()))
