"""Fixtures of the durability tests: the power-cut layer, PostgreSQL for the registry's backups."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.sync.harness import RegistryProcess, sqlite_registry
from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401
from tests.support.powercut import ShimUnavailable, build_shim


@pytest.fixture(scope="session")
def powercut_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The power-cut preload layer, compiled once per session (skipped without a C compiler)."""
    try:
        return build_shim(tmp_path_factory.mktemp("powercut"))
    except ShimUnavailable as error:
        pytest.skip(f"power-cut tests need gcc to build tests/support/powercut.c: {error}")


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[RegistryProcess]:
    """A registry process on SQLite with hall SF01 (a counter's restore is the subject)."""
    yield from sqlite_registry(tmp_path)
