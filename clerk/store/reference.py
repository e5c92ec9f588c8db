"""Reference data the registry delivers: the catalogue (every item version) and the calendar."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from clerk.catalog import Catalogue, ServiceItem, catalogue_to_json, parse_catalogue
from clerk.errors import InvalidInput, NotFound
from clerk.store.codec import canonical_json
from clerk.store.errors import flush_or_refuse
from clerk.store.schema import (
    CalendarOverrideRow,
    CalendarYearRow,
    CatalogueItemRow,
    CurrentCatalogueRow,
)
from clerk.workdays import CalendarOverride

_CURRENT_ROW = 1


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
        return None if row is None else parse_catalogue(json.loads(row.data))

    def current_version(self) -> str | None:
        """The current catalogue's version, without reading the catalogue."""
        return self._session.scalar(
            select(CurrentCatalogueRow.version).where(CurrentCatalogueRow.id == _CURRENT_ROW)
        )

    def item(self, code: str, version: int | None = None) -> ServiceItem:
        """An item at a version, or its version in the current catalogue.

        Raises:
            NotFound: that version was never delivered (or the item is not current).
        """
        query = select(CatalogueItemRow.data).where(CatalogueItemRow.code == code)
        if version is None:
            query = query.where(CatalogueItemRow.in_current.is_(True))
        else:
            query = query.where(CatalogueItemRow.version == version)
        text = self._session.scalar(query)
        if text is None:
            at = "in the current catalogue" if version is None else f"at version {version}"
            raise NotFound(f"no item {code} {at}")
        return parse_catalogue(json.loads(text)).items[0]


class SqlCalendarRepository:
    """The hall's working-day overrides (implements `clerk.ports.CalendarRepository`)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def overrides(self) -> Sequence[CalendarOverride]:
        """Every override, by day."""
        rows = self._session.scalars(select(CalendarOverrideRow).order_by(CalendarOverrideRow.day))
        return [CalendarOverride(date.fromisoformat(r.day), r.workday, r.reason) for r in rows]

    def complete_years(self) -> Sequence[int]:
        """Years whose full schedule was delivered, ascending."""
        return list(
            self._session.scalars(select(CalendarYearRow.year).order_by(CalendarYearRow.year))
        )

    def replace(self, overrides: Sequence[CalendarOverride], complete_years: Sequence[int]) -> None:
        """Replace all overrides and complete years with a new delivery.

        Raises:
            InvalidInput: a day is listed twice.
        """
        days = [override.day for override in overrides]
        if len(set(days)) != len(days):
            raise InvalidInput("a calendar delivery lists a day twice")
        self._session.execute(delete(CalendarOverrideRow))
        self._session.execute(delete(CalendarYearRow))
        self._session.add_all(
            CalendarOverrideRow(day=o.day.isoformat(), workday=o.workday, reason=o.reason)
            for o in overrides
        )
        self._session.add_all(CalendarYearRow(year=year) for year in sorted(set(complete_years)))
        flush_or_refuse(self._session, "the calendar was not stored")
