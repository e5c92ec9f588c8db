"""Fixtures of the store tests: a bare store (no catalogue) on a real file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.ports import DeviceIdentity
from clerk.store import Store, open_store

DEVICE = DeviceIdentity("dev-7f3a", "SF01", "W05", 1)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the store file goes."""
    return tmp_path / "counter.db"


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    """A registered store; a short busy timeout keeps the lock tests quick."""
    opened = open_store(path, device=DEVICE, busy_timeout_ms=200)
    yield opened
    opened.close()
