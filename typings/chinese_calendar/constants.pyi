"""Type stubs for `chinese_calendar.constants`."""

import datetime

holidays: dict[datetime.date, str]
workdays: dict[datetime.date, str]
in_lieu_days: dict[datetime.date, str]
