"""pytest fixtures on a real PostgreSQL: one server per test session, a fresh database per test.

Nothing is registered globally; a conftest.py (or a test module) that wants them imports them:

    from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401

Without PostgreSQL the tests using them fail, loudly, naming the package to install: the
registry is proven on PostgreSQL as well as on SQLite, so a silent skip would hide a gap.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.support.postgres import PostgresServer, PostgresUnavailable


def start_or_fail(server: PostgresServer) -> PostgresServer:
    """Start `server`, or fail the calling test (never skip) saying what is missing.

    Returns:
        The server, running.

    Raises:
        pytest.fail.Exception: PostgreSQL could not be started.
    """
    try:
        server.start()
    except PostgresUnavailable as exc:
        pytest.fail(f"these tests need a real PostgreSQL server: {exc}", pytrace=False)
    return server


def unique_database_name() -> str:
    """A database name no other test of any concurrent run will pick."""
    return f"test_{uuid.uuid4().hex}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the whole session, stopped and deleted at its end."""
    server = start_or_fail(PostgresServer())
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The SQLAlchemy URL of a new, empty database, dropped after the test.

    The drop ends sessions still connected; dispose of engines anyway, or psycopg warns
    about connections left open (and warnings are errors here).
    """
    name = unique_database_name()
    postgres_server.create_database(name)
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)
