"""The intake's calls into the use cases: load the catalogue's index, record an intake.

Blocking (SQLite, building the pinyin index): run them through a `Lane`, never in a slot.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from clerk.catalog.search import ItemIndex
from clerk.ports import UnitOfWork
from clerk.services import ActionResult, open_case, record_materials
from clerk.services.queries import current_catalogue
from clerk.staff import Actor
from ui.intake.lines import IntakeRequest

UnitOfWorkFactory = Callable[[], UnitOfWork]
"""A fresh unit of work per call (e.g. `store.unit_of_work`)."""


def load_index(read_only: UnitOfWorkFactory) -> ItemIndex:
    """The search index of the current catalogue (empty before the first catalogue arrives).

    Args:
        read_only: makes read-only units of work.
    """
    catalogue = current_catalogue(read_only())
    return ItemIndex(catalogue.items if catalogue is not None else ())


def record_intake(
    unit_of_work: UnitOfWorkFactory,
    request: IntakeRequest,
    *,
    case_id: str,
    actor: Actor,
    now: datetime,
) -> ActionResult:
    """Open the case and record its materials (two clerk actions, each its own transaction).

    Args:
        unit_of_work: makes writable units of work.
        request: what the intake form produced.
        case_id: a new case id (UUIDv7).
        actor: the clerk.
        now: when (timezone-aware).

    Returns:
        The case after its materials were recorded.

    Raises:
        ClerkError: as `open_case` and `record_materials` raise. If recording the materials
            fails, the case stays open with none recorded; recording them again is safe.
    """
    open_case(
        unit_of_work(),
        case_id=case_id,
        item_code=request.item_code,
        situation=request.situation,
        applicant=request.applicant,
        actor=actor,
        now=now,
    )
    return record_materials(
        unit_of_work(), case_id=case_id, records=request.record_map(), actor=actor, now=now
    )
