"""Fixtures of the sync tests: a real registry process on SQLite and on PostgreSQL, counters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.integration.sync.harness import Counter, RegistryProcess
from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh registry database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'registry.sqlite'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def registry(database_url: str, tmp_path: Path) -> Iterator[RegistryProcess]:
    """A running registry with hall SF01 (counters W01–W03, staff, the demo catalogue)."""
    process = RegistryProcess(database_url, tmp_path)
    process.setup_hall()
    process.start()
    yield process
    process.close()


@pytest.fixture
def make_counter(registry: RegistryProcess, tmp_path: Path) -> Iterator[Callable[..., Counter]]:
    """Makes enrolled counters (closed at the end)."""
    made: list[Counter] = []

    def make(code: str = "W01", *, url: str | None = None) -> Counter:
        counter = Counter.enrolled(registry, code, tmp_path / code, url=url)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()
