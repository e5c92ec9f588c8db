"""Fixtures of the session screens: a real registry process, an enrolled counter, settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clerk.staff import Role
from registry import admin
from registry.db import utc_now
from tests.integration.sync.harness import HALL, STAFF, Counter, RegistryProcess
from ui.collector import GuiThreadCollector
from ui.session.auth import Authenticator
from ui.settings import CounterSettings

CLERK, PASSWORD = f"{HALL}C001", STAFF["C001"][2]
OTHER, OTHER_PASSWORD = f"{HALL}C002", "clerk-pass-2"


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does: cyclic garbage is freed on the GUI thread, never on a lane's."""
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    yield
    collector.stop()


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[RegistryProcess]:
    """A running registry (SQLite) with hall SF01, counters W01–W03 and a second clerk."""
    process = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    process.setup_hall()
    with process.db() as connection:
        admin.create_staff(
            connection,
            staff_id=OTHER,
            hall=HALL,
            name="李强",
            role=Role.CLERK,
            password=OTHER_PASSWORD,
            now=utc_now(),
        )
    process.start()
    yield process
    process.close()


@pytest.fixture
def counter(registry: RegistryProcess, tmp_path: Path) -> Iterator[Counter]:
    """Counter W01, enrolled and synchronised (it holds the hall's staff verifiers)."""
    made = Counter.enrolled(registry, "W01", tmp_path / "W01")
    yield made
    made.close()


@pytest.fixture
def authenticator(counter: Counter, registry: RegistryProcess) -> Iterator[Authenticator]:
    """Checks passwords for counter W01 with a client of its own."""
    checker = Authenticator(counter.store.ledger(), registry.url, timeout=(2.0, 5.0))
    yield checker
    checker.close()


@pytest.fixture
def settings(tmp_path: Path) -> CounterSettings:
    """The counter's settings file (defaults)."""
    return CounterSettings(tmp_path / "settings.ini")
