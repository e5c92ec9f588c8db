"""Fixtures of the trust tests: a real registry process (SQLite) and enrolled counters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.integration.sync.harness import Counter, RegistryProcess, sqlite_registry


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[RegistryProcess]:
    """A running registry on a SQLite file with hall SF01, its staff and the demo catalogue."""
    yield from sqlite_registry(tmp_path)


@pytest.fixture
def make_counter(registry: RegistryProcess, tmp_path: Path) -> Iterator[Callable[..., Counter]]:
    """Makes enrolled counters (closed at the end)."""
    made: list[Counter] = []

    def make(code: str = "W01") -> Counter:
        counter = Counter.enrolled(registry, code, tmp_path / code)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()
