"""Fixtures of the capture components: a real counter store with an open case; garbage
collected on the GUI thread, as the application does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clerk.cases import Applicant, ApplicantKind
from clerk.catalog import load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.ports import DeviceIdentity
from clerk.services import install_catalogue, open_case
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from ui.collector import GuiThreadCollector


@pytest.fixture
def gui_thread_garbage(qapp: QApplication) -> Iterator[None]:
    """Lanes run calls on pool threads: cyclic garbage holding Qt objects must be freed here
    (tests of parts with a lane use it; a full collection at the end costs a third of a second)."""
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    yield
    collector.stop()


DEMO = Path(__file__).resolve().parents[3] / "resources" / "catalogue" / "demo.json"
DEVICE = DeviceIdentity(
    device_id="0192f0c0-0000-7000-8000-000000000001", hall="SF01", counter="W05", epoch=1
)
BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记: materials M01, M02, M03
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TIMEZONE)
CLERK = Actor("c001", "王小明", Role.CLERK)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A counter store on a real SQLite file holding the demo catalogue."""
    opened = open_store(tmp_path / "counter.db", device=DEVICE)
    install_catalogue(opened.unit_of_work(), load_catalogue(DEMO))
    yield opened
    opened.close()


def open_business_case(store: Store) -> str:
    """Open a case at the counter for a person (its item has materials M01 to M03)."""
    body = "33010619850312001"
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON,
        name="张三",
        id_number=body + resident_id_check_char(body),
        phone="13812345678",
    )
    result = open_case(
        store.unit_of_work(),
        case_id=uuid7(),
        item_code=BUSINESS,
        situation=None,
        applicant=applicant,
        actor=CLERK,
        now=NOW,
    )
    return result.case.case_id


@pytest.fixture
def case_id(store: Store) -> str:
    """A case opened at the counter for a person (its item has materials M01 to M03)."""
    return open_business_case(store)
