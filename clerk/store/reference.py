"""Reference data the registry delivers: the catalogue (every item version) and the calendar."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from clerk.catalog import Catalogue, ServiceItem, catalogue_to_json, parse_catalogue
from clerk.errors import InvalidInput, NotFound
from clerk.store.codec import canonical_json
from clerk.store.errors import flush_or_refuse
from clerk.store.memo import TransactionMemo
from clerk.store.schema import (
    CALENDAR_OVERRIDES,
    CALENDAR_YEARS,
    CATALOGUE_ITEMS,
    CalendarOverrideRow,
    CalendarYearRow,
    CatalogueItemRow,
    CurrentCatalogueRow,
)
from clerk.workdays import CalendarOverride

_CURRENT_ROW = 1
# Parsed items and catalogues are immutable and keyed by their exact stored text, so a version
# delivered again with other content is parsed afresh; the bounds keep memory small.
_ITEMS_CACHED = 256
_CATALOGUES_CACHED = 2
# Statements read on every clerk action, built once (compiled once, then cached).
_ITEM = select(CATALOGUE_ITEMS.c.data).where(CATALOGUE_ITEMS.c.code == bindparam("code"))
_CURRENT_ITEM = _ITEM.where(CATALOGUE_ITEMS.c.in_current.is_(True))
_ITEM_AT = _ITEM.where(CATALOGUE_ITEMS.c.version == bindparam("version"))
_OVERRIDES = select(CALENDAR_OVERRIDES).order_by(CALENDAR_OVERRIDES.c.day)
_YEARS = select(CALENDAR_YEARS.c.year).order_by(CALENDAR_YEARS.c.year)
_ALL = "all"  # the memo key of whole-table reads


@functools.lru_cache(maxsize=_ITEMS_CACHED)
def _parse_item(text: str) -> ServiceItem:
    """The item of a stored one-item catalogue (its text is the whole cache key)."""
    return parse_catalogue(json.loads(text)).items[0]


@functools.lru_cache(maxsize=_CATALOGUES_CACHED)
def _parse_catalogue(text: str) -> Catalogue:
    """A stored catalogue (its text is the whole cache key)."""
    return parse_catalogue(json.loads(text))


class SqlCatalogueRepository:
    """The cached catalogue (implements `clerk.ports.CatalogueRepository`).

    Every (item code, version) ever delivered stays, as a one-item catalogue in the loader's
    JSON format, so a case can always be shown with the item version it was received under.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def put(self, catalogue: Catalogue) -> None:
        """Store a catalogue as the current one, keeping older item versions.

        An item version delivered again replaces the stored text of that version: the
        registry is the authority on catalogue content.
        """
        self._session.execute(
            update(CatalogueItemRow)
            .where(CatalogueItemRow.in_current.is_(True))
            .values(in_current=False)
            .execution_options(synchronize_session=False)
        )
        for item in catalogue.items:
            self._put_item(catalogue.version, item)
        text = canonical_json(catalogue_to_json(catalogue))
        row = self._session.get(CurrentCatalogueRow, _CURRENT_ROW)
        if row is None:
            row = CurrentCatalogueRow(id=_CURRENT_ROW)
            self._session.add(row)
        row.version, row.data, row.stored_at = catalogue.version, text, datetime.now(UTC)
        flush_or_refuse(self._session, f"catalogue {catalogue.version} was not stored")

    def _put_item(self, catalogue_version: str, item: ServiceItem) -> None:
        single = Catalogue(version=catalogue_version, agencies=(item.agency,), items=(item,))
        values = {
            "catalogue_version": catalogue_version,
            "in_current": True,
            "data": canonical_json(catalogue_to_json(single)),
        }
        statement = insert(CatalogueItemRow).values(code=item.code, version=item.version, **values)
        statement = statement.on_conflict_do_update(
            index_elements=[CatalogueItemRow.code, CatalogueItemRow.version], set_=values
        )
        self._session.execute(statement)

    def current(self) -> Catalogue | None:
        """The current catalogue, if one was ever stored."""
        row = self._session.get(CurrentCatalogueRow, _CURRENT_ROW)
        return None if row is None else _parse_catalogue(row.data)

    def current_version(self) -> str | None:
        """The current catalogue's version, without reading the catalogue."""
        return self._session.scalar(
            select(CurrentCatalogueRow.version).where(CurrentCatalogueRow.id == _CURRENT_ROW)
        )

    def item(self, code: str, version: int | None = None) -> ServiceItem:
        """An item at a version, or its version in the current catalogue.

        The stored text is read every time (a version delivered again replaces it); parsing
        it is cached, keyed by that text.

        Raises:
            NotFound: that version was never delivered (or the item is not current).
        """
        connection = self._session.connection()
        if version is None:
            result = connection.execute(_CURRENT_ITEM, {"code": code})
        else:
            result = connection.execute(_ITEM_AT, {"code": code, "version": version})
        text: str | None = result.scalar()
        if text is None:
            if version is None:
                raise NotFound("no item {item} in the current catalogue", item=code)
            raise NotFound("no item {item} at version {version}", item=code, version=version)
        return _parse_item(text)


class SqlCalendarRepository:
    """The hall's working-day overrides (implements `clerk.ports.CalendarRepository`).

    An action may ask for the hall's calendar more than once: what was read is kept for the
    rest of the transaction (it cannot change meanwhile but through `replace`).
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._overrides: TransactionMemo[tuple[CalendarOverride, ...]] = TransactionMemo(session)
        self._years: TransactionMemo[tuple[int, ...]] = TransactionMemo(session)

    def overrides(self) -> Sequence[CalendarOverride]:
        """Every override, by day."""
        overrides = self._overrides.get(_ALL)
        if overrides is None:
            rows = self._session.connection().execute(_OVERRIDES)
            overrides = tuple(
                CalendarOverride(date.fromisoformat(r.day), r.workday, r.reason) for r in rows
            )
            self._overrides.put(_ALL, overrides)
        return list(overrides)

    def complete_years(self) -> Sequence[int]:
        """Years whose full schedule was delivered, ascending."""
        years = self._years.get(_ALL)
        if years is None:
            years = tuple(self._session.connection().execute(_YEARS).scalars())
            self._years.put(_ALL, years)
        return list(years)

    def replace(self, overrides: Sequence[CalendarOverride], complete_years: Sequence[int]) -> None:
        """Replace all overrides and complete years with a new delivery.

        Raises:
            InvalidInput: a day is listed twice.
        """
        days = [override.day for override in overrides]
        if len(set(days)) != len(days):
            raise InvalidInput("a calendar delivery lists a day twice")
        self._overrides.forget()
        self._years.forget()
        self._session.execute(delete(CalendarOverrideRow))
        self._session.execute(delete(CalendarYearRow))
        self._session.add_all(
            CalendarOverrideRow(day=o.day.isoformat(), workday=o.workday, reason=o.reason)
            for o in overrides
        )
        self._session.add_all(CalendarYearRow(year=year) for year in sorted(set(complete_years)))
        flush_or_refuse(self._session, "the calendar was not stored")
