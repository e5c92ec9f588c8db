"""Tests of the shared test infrastructure in tests/support."""
