"""Test infrastructure shared by the registry and sync tests: a fault proxy and real PostgreSQL."""
