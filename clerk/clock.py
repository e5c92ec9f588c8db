"""The hall's local time: all legal dates are days in China Standard Time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from clerk.errors import InvalidInput

HALL_TIMEZONE = ZoneInfo("Asia/Shanghai")


def local_day(moment: datetime) -> date:
    """The hall's calendar day of an instant.

    Raises:
        InvalidInput: the instant is naive (its zone is unknown).
    """
    if moment.tzinfo is None:
        raise InvalidInput("times must be timezone-aware")
    return moment.astimezone(HALL_TIMEZONE).date()
