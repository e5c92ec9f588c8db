"""Benchmarks: each prints its figures next to the issues' targets (see bench/README.md)."""
