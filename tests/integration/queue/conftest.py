"""Fixtures of the queue tests: the real PostgreSQL server of the session, a registry per
module and backend, a fresh hall per test, and a migrated database without a server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.queue.harness import QueueHall
from tests.integration.sync.halls import BACKENDS, fresh_database, shared_registry
from tests.integration.sync.harness import RegistryProcess
from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """A registry process shared by the module's tests, on each backend."""
    yield from shared_registry(request, tmp_path_factory)


@pytest.fixture
def hall(live: RegistryProcess, tmp_path: Path) -> Iterator[QueueHall]:
    """A fresh hall with queues in the module's registry."""
    with QueueHall.opened(live, tmp_path) as opened:
        yield opened


@pytest.fixture(scope="module", params=BACKENDS)
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """A migrated registry database (no server process: the tests write to it directly)."""
    workdir = tmp_path_factory.mktemp(f"database-{request.param}")
    with fresh_database(request, str(request.param), workdir) as url:
        registry = RegistryProcess(url, workdir)
        try:
            yield registry
        finally:
            registry.close()
