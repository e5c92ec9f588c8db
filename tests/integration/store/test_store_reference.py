"""Reference data on a real SQLite file: catalogue versions and the hall calendar."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from clerk.catalog import Catalogue
from clerk.errors import InvalidInput, NotFound
from clerk.store import Store, open_store
from clerk.workdays import CalendarOverride
from tests.integration.store.conftest import DEVICE
from tests.unit.factories import AGENCY, licensing_item

CODE = licensing_item().code


def _catalogue(version: str, item_version: int, name: str) -> Catalogue:
    item = licensing_item(version=item_version, name=name)
    other = licensing_item(implementation_code="11330100000105002000-01", version=1)
    return Catalogue(version=version, agencies=(AGENCY,), items=(item, other))


def _put(store: Store, catalogue: Catalogue) -> None:
    with store.unit_of_work() as uow:
        uow.catalogue.put(catalogue)
        uow.commit()


def test_no_catalogue_before_the_first_put(store: Store) -> None:
    with store.unit_of_work() as uow:
        assert uow.catalogue.current() is None
        assert uow.repositories.catalogue.current_version() is None
        with pytest.raises(NotFound):
            uow.catalogue.item(CODE)


def test_every_item_version_stays_after_a_newer_catalogue(path: Path) -> None:
    old = _catalogue("2026.1", 3, "食品经营许可（新办）")
    new = _catalogue("2026.2", 4, "食品经营许可（新办）2026版")
    with open_store(path, device=DEVICE) as store:
        _put(store, old)
        _put(store, new)
    with open_store(path) as store, store.unit_of_work() as uow:
        assert uow.catalogue.current() == new
        assert uow.repositories.catalogue.current_version() == "2026.2"
        assert uow.catalogue.item(CODE, 3) == old.item(CODE)
        assert uow.catalogue.item(CODE, 4) == new.item(CODE)
        assert uow.catalogue.item(CODE) == new.item(CODE)
        with pytest.raises(NotFound, match="version 5"):
            uow.catalogue.item(CODE, 5)


def test_an_item_dropped_from_the_catalogue_is_no_longer_current(store: Store) -> None:
    first = _catalogue("2026.1", 3, "食品经营许可（新办）")
    _put(store, first)
    _put(store, dataclasses.replace(first, version="2026.2", items=first.items[1:]))
    with store.unit_of_work() as uow:
        with pytest.raises(NotFound, match="current catalogue"):
            uow.catalogue.item(CODE)
        assert uow.catalogue.item(CODE, 3) == first.item(CODE)


def test_the_same_catalogue_can_be_put_again(store: Store) -> None:
    catalogue = _catalogue("2026.1", 3, "食品经营许可（新办）")
    _put(store, catalogue)
    _put(store, catalogue)
    with store.unit_of_work() as uow:
        assert uow.catalogue.current() == catalogue
        assert uow.catalogue.item(CODE) == catalogue.item(CODE)


OVERRIDES = [
    CalendarOverride(date(2026, 10, 1), workday=False, reason="国庆节"),
    CalendarOverride(date(2026, 9, 27), workday=True, reason="国庆调休"),
]


def test_calendar_replace_and_read_back(path: Path) -> None:
    with open_store(path, device=DEVICE) as store, store.unit_of_work() as uow:
        assert uow.calendar.overrides() == []
        uow.calendar.replace(OVERRIDES, [2026, 2025])
        uow.commit()
    with open_store(path) as store, store.unit_of_work() as uow:
        assert uow.calendar.overrides() == sorted(OVERRIDES, key=lambda o: o.day)
        assert uow.calendar.complete_years() == [2025, 2026]
        uow.calendar.replace(OVERRIDES[:1], [2026])
        uow.commit()
    with open_store(path) as store, store.unit_of_work() as uow:
        assert uow.calendar.overrides() == OVERRIDES[:1]
        assert uow.calendar.complete_years() == [2026]


def test_calendar_replace_after_reading_in_the_same_unit_of_work(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.calendar.replace(OVERRIDES, [2026])
        assert len(uow.calendar.overrides()) == 2
        uow.calendar.replace(OVERRIDES, [2026])
        assert len(uow.calendar.overrides()) == 2


def test_a_day_listed_twice_is_refused(store: Store) -> None:
    with store.unit_of_work() as uow, pytest.raises(InvalidInput, match="twice"):
        uow.calendar.replace([OVERRIDES[0], OVERRIDES[0]], [])
