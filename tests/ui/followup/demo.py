"""A counter's store at the end of Tuesday 30 September 2025, before the National Day week.

Every case is made by the real use cases (see tests/integration/followup/builders.py). Sunday
28 September was a make-up working day, 1–8 October are off and Saturday 11 October is worked,
so "working days left" and calendar days differ a lot here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from clerk import services
from clerk.catalog import load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.store import Store, open_store
from tests.integration.conftest import DEMO, DEVICE
from tests.integration.followup.builders import (
    CLERK,
    DISABILITY,
    FOOD_COMPLETE,
    SUPERVISOR,
    accepted,
    applicant,
    back_office,
    noticed,
    registry_rejected_last,
)

NOW = datetime(2025, 9, 30, 16, 0, tzinfo=HALL_TIMEZONE)


def at(text: str) -> datetime:
    """A moment of the demo in the hall's time zone."""
    return datetime.fromisoformat(text).replace(tzinfo=HALL_TIMEZONE)


@dataclass(frozen=True, slots=True)
class Demo:
    """The demo store and the ids of its cases, by applicant."""

    store: Store
    cases: dict[str, str]


def demo_store(folder: Path) -> Demo:
    """A store in `folder` holding the demo's cases."""
    store = open_store(folder / "counter.db", device=DEVICE)
    services.install_catalogue(store.unit_of_work(), load_catalogue(DEMO))
    cases = {
        "张三": corrected_and_accepted(store),
        "李四": accepted(store, applicant(2, "李四"), when=at("2025-09-15 09:10")),
        "王五": accepted(store, applicant(3, "王五"), when=at("2025-09-29 10:20")),
        "孙八": accepted(store, applicant(8, "孙八"), when=at("2025-09-19 14:00")),
        "周九": accepted(store, applicant(9, "周九"), when=at("2025-09-10 09:30"), item=DISABILITY),
        "赵六": accepted(store, applicant(6, "赵六"), when=at("2025-09-22 11:00"), item=DISABILITY),
        "钱七": noticed(
            store, applicant(7, "钱七", phone="0571-87654321"), when=at("2025-09-29 15:00")
        ),
    }
    back_office(store, cases["赵六"], when=at("2025-09-24 09:00"), suspend="assessment")
    cases["吴十"] = accepted(store, applicant(10, "吴十"), when=at("2025-09-30 09:00"))
    registry_rejected_last(
        store,
        code="stale",
        reason="case changed at the registry since this action was based on it",
        when=at("2025-09-30 09:20"),
    )
    return Demo(store, cases)


def corrected_and_accepted(store: Store) -> str:
    """张三: a notice on Wednesday, corrections and acceptance on Friday, a reprint on Monday."""
    case_id = noticed(store, applicant(1, "张三", phone="13812345678"), when=at("2025-09-24 09:00"))
    uow = store.unit_of_work
    back = at("2025-09-26 10:00")
    services.record_return_visit(uow(), case_id=case_id, actor=CLERK, now=back)
    services.record_materials(
        uow(), case_id=case_id, records=FOOD_COMPLETE, actor=CLERK, now=back + timedelta(minutes=4)
    )
    services.corrections_received(
        uow(), case_id=case_id, actor=CLERK, now=back + timedelta(minutes=5)
    )
    receipt = services.accept(
        uow(), case_id=case_id, actor=SUPERVISOR, now=back + timedelta(minutes=8)
    )
    services.reprint(uow(), number=receipt.documents[0], actor=CLERK, now=at("2025-09-29 08:40"))
    return case_id
