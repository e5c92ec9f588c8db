"""Fixtures for the tests of tests/support, registered the way any conftest.py would do it."""

from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401
