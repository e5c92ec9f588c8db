"""What the rating screens' tests share: a counter store on a real file with the demo catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from clerk.catalog import Catalogue, load_catalogue
from clerk.services import install_catalogue
from clerk.store import Store, open_store
from tests.integration.conftest import DEMO, DEVICE


@cache
def demo() -> Catalogue:
    """The demo catalogue shipped in resources/ (loaded once)."""
    return load_catalogue(DEMO)


@contextmanager
def demo_store(folder: Path) -> Iterator[Store]:
    """A counter store registered as counter W05 of hall SF01, closed afterwards."""
    store = open_store(folder / "counter.db", device=DEVICE)
    install_catalogue(store.unit_of_work(), demo())
    try:
        yield store
    finally:
        store.close()
