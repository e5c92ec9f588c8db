"""How values become SQLite text and back: canonical JSON and timezone-aware ISO-8601 times."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from clerk.audit import JsonValue
from clerk.errors import InvalidInput
from clerk.wire import canonical_json, sha256_text

__all__ = ["SortableTime", "canonical_json", "load_object", "require_aware", "sha256_text"]


def load_object(text: str) -> dict[str, JsonValue]:
    """Parse a JSON object stored by this store.

    Raises:
        InvalidInput: the text is not a JSON object (the store was written by something else).
    """
    value = json.loads(text)
    if not isinstance(value, dict):
        raise InvalidInput("stored JSON is not an object")
    return cast(dict[str, JsonValue], value)


def require_aware(value: datetime, what: str = "time") -> datetime:
    """Return the value if it carries a UTC offset.

    Raises:
        InvalidInput: the value is naive.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(
            "{what} must be timezone-aware, got {value}", what=what, value=value.isoformat()
        )
    return value


def sortable_time(value: datetime) -> str:
    """Return fixed-width UTC ISO-8601 text, so that text order is time order in SQL."""
    utc = require_aware(value).astimezone(UTC)
    return utc.isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    """Parse ISO-8601 text with an offset, as written by this store.

    Raises:
        InvalidInput: the text carries no offset.
    """
    return require_aware(datetime.fromisoformat(text), "stored time")


class SortableTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as fixed-width UTC text; naive values are refused.

    Values come back in UTC: equal instants compare equal, and text order is time order.
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        """Convert on the way in (refuses naive times)."""
        return None if value is None else sortable_time(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        """Convert on the way out."""
        return None if value is None else parse_time(value)
