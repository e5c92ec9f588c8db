"""Fixtures of the queue tests: the real PostgreSQL server of the session."""

from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401
