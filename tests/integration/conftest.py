"""Fixtures on real SQLite files: an open counter store holding the demo catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from clerk.catalog import Catalogue, load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.ports import DeviceIdentity
from clerk.services import install_catalogue
from clerk.staff import Actor, Role
from clerk.store import Store, open_store

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo.json"
DEVICE = DeviceIdentity(
    device_id="0192f0c0-0000-7000-8000-000000000001", hall="SF01", counter="W05", epoch=1
)


@pytest.fixture(scope="session")
def demo_catalogue() -> Catalogue:
    """The demo catalogue shipped in resources/."""
    return load_catalogue(DEMO)


@pytest.fixture
def store(tmp_path: Path, demo_catalogue: Catalogue) -> Iterator[Store]:
    """A counter store on a real file, registered as counter W05 of hall SF01."""
    opened = open_store(tmp_path / "counter.db", device=DEVICE)
    install_catalogue(opened.unit_of_work(), demo_catalogue)
    yield opened
    opened.close()


@pytest.fixture
def clerk_actor() -> Actor:
    """A clerk at the counter."""
    return Actor("c001", "王小明", Role.CLERK)


@pytest.fixture
def supervisor() -> Actor:
    """The hall's chief representative."""
    return Actor("s001", "李主任", Role.SUPERVISOR)


def at(text: str) -> datetime:
    """A moment in the hall's time zone, e.g. at("2026-03-02 09:30")."""
    return datetime.fromisoformat(text).replace(tzinfo=HALL_TIMEZONE)
