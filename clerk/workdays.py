"""Working-day calendar (holidays and make-up days), deadlines, pauses and deadline warnings.

Counting follows 民法典 arts. 201 and 203: the start day is not counted and a period ends at close
of business on its last day. The national calendar comes from `chinesecalendar`, read once from its
data tables; years the data does not cover count weekends only and make every deadline computed
through them *provisional* (recomputed when the registry delivers the year's schedule).
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from chinese_calendar import constants

from clerk.errors import InvalidInput

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5
# Rounding guard for share × period: 0.29 × 100 is 28.999999999999996 in binary floating point.
_EPSILON = 1e-9
# Hall calendars derived from the national one: a hall has one at a time, a few across updates.
_DERIVED_CACHED = 16


class DayUnit(StrEnum):
    """The unit a time limit is counted in."""

    WORKING_DAYS = "working_days"  # 工作日
    CALENDAR_DAYS = "calendar_days"  # 自然日


class DeadlineState(StrEnum):
    """Where a running period stands (电子监察 warnings)."""

    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"  # 预警
    OVERDUE = "overdue"  # 超期


@dataclass(frozen=True, slots=True)
class CalendarOverride:
    """One day whose status a hall or the registry sets: a local holiday or a delivered day."""

    day: date
    workday: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed last day; provisional when it depends on a year whose schedule is unknown."""

    date: date
    provisional: bool


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A period as the catalogue states it: a number of working or calendar days.

    Raises:
        InvalidInput: the value is negative.
    """

    value: int
    unit: DayUnit

    def __post_init__(self) -> None:
        if self.value < 0:
            raise InvalidInput(
                "time limit: value must not be negative, got {value}", value=self.value
            )


@dataclass(frozen=True, slots=True)
class Pause:
    """Days a case was suspended (Art. 45), both ends included; an open pause has no last day.

    Raises:
        InvalidInput: the last day lies before the first day.
    """

    first_day: date
    last_day: date | None = None

    def __post_init__(self) -> None:
        if self.last_day is not None and self.last_day < self.first_day:
            raise InvalidInput(
                "pause: last day {last_day} lies before first day {first_day}",
                last_day=self.last_day.isoformat(),
                first_day=self.first_day.isoformat(),
            )


@dataclass(frozen=True, slots=True)
class WarningPolicy:
    """When a period counts as due soon: at most `share` of it or `min_days` working days left.

    Raises:
        InvalidInput: the share is outside [0, 1] or min_days is negative.
    """

    share: float = 0.2
    min_days: int = 2

    def __post_init__(self) -> None:
        if not 0.0 <= self.share <= 1.0:
            raise InvalidInput(
                "warning policy: share must lie in [0, 1], got {share}", share=str(self.share)
            )
        if self.min_days < 0:
            raise InvalidInput(
                "warning policy: min_days must not be negative: {min_days}", min_days=self.min_days
            )

    def threshold(self, period_working_days: int) -> int:
        """The most working days left at which a period of this length is due soon."""
        return max(self.min_days, math.floor(self.share * period_working_days + _EPSILON))


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """An immutable working-day calendar: weekends off, except for listed exceptions.

    Only exceptions to the weekend rule are stored: weekdays that are off (statutory or local
    holidays) and weekend days that are worked (调休 make-up days, local decisions). Obtain one
    with `national()` and derive hall calendars with `with_overrides()`.

    Raises:
        InvalidInput: an exception is listed with the wrong kind of day.
    """

    off_weekdays: frozenset[date] = field(repr=False)
    working_weekends: frozenset[date] = field(repr=False)
    known_years: frozenset[int]
    _off_sorted: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _on_sorted: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if any(day.weekday() >= _SATURDAY for day in self.off_weekdays):
            raise InvalidInput("calendar: off_weekdays may only hold Monday to Friday")
        if any(day.weekday() < _SATURDAY for day in self.working_weekends):
            raise InvalidInput("calendar: working_weekends may only hold Saturdays and Sundays")
        # Sorted copies let a count over any span be two binary searches, not a day walk.
        object.__setattr__(self, "_off_sorted", tuple(sorted(self.off_weekdays)))
        object.__setattr__(self, "_on_sorted", tuple(sorted(self.working_weekends)))

    @classmethod
    def national(cls) -> WorkCalendar:
        """The national calendar from `chinesecalendar`, built once per process."""
        return _national_calendar()

    def with_overrides(
        self, overrides: Iterable[CalendarOverride], *, complete_years: Iterable[int] = ()
    ) -> WorkCalendar:
        """A copy with days set by the hall or the registry (a later override of a day wins).

        Derived calendars are cached (a unit of work asks for the hall's calendar on every
        action): the same overrides on the same calendar give back the same object, and no
        change at all gives back this calendar itself.

        Args:
            overrides: days whose working status replaces this calendar's.
            complete_years: years whose full schedule has now been delivered; they stop
                being provisional.
        """
        changes = tuple(overrides)
        years = frozenset(complete_years)
        if not changes and years <= self.known_years:
            return self
        return _overridden(self, changes, years)

    def is_workday(self, day: date) -> bool:
        """Whether the day is a working day (in an unknown year: whether it is Monday–Friday)."""
        if day.weekday() < _SATURDAY:
            return day not in self.off_weekdays
        return day in self.working_weekends

    def is_known(self, day: date) -> bool:
        """Whether the day's year has a complete schedule (else only weekends count)."""
        return day.year in self.known_years

    def spans_unknown(self, first: date, last: date) -> bool:
        """Whether any day of [first, last] lies in a year without a complete schedule."""
        return any(year not in self.known_years for year in range(first.year, last.year + 1))

    def count_working_days(self, start: date, end: date) -> int:
        """The number of working days in (start, end]; 0 when end <= start."""
        if end <= start:
            return 0
        weekdays = _weekdays_through(end) - _weekdays_through(start)
        off = bisect.bisect_right(self._off_sorted, end) - bisect.bisect_right(
            self._off_sorted, start
        )
        on = bisect.bisect_right(self._on_sorted, end) - bisect.bisect_right(self._on_sorted, start)
        return weekdays - off + on

    def nth_working_day_after(self, start: date, n: int) -> date:
        """The n-th working day after start (start itself when n is 0); n must not be negative."""
        day, remaining = start, n
        while remaining > 0:
            # A span of `remaining` days holds at most that many working days, so the jump never
            # overshoots; the count is only met when every day jumped over works, so the last
            # one is the n-th working day. A few jumps suffice even across long holidays.
            ahead = day + timedelta(days=remaining)
            remaining -= self.count_working_days(day, ahead)
            day = ahead
        return day

    def working_day_on_or_after(self, day: date) -> date:
        """The day itself when it is a working day, else the next working day."""
        return self.nth_working_day_after(day - _ONE_DAY, 1)


def _weekdays_through(day: date) -> int:
    """The number of Mondays to Fridays from 0001-01-01 (a Monday) through the day."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


@functools.lru_cache(maxsize=_DERIVED_CACHED)
def _overridden(
    base: WorkCalendar, overrides: tuple[CalendarOverride, ...], years: frozenset[int]
) -> WorkCalendar:
    """`base` with the overrides applied in order and the years made known (see the method)."""
    off, on = set(base.off_weekdays), set(base.working_weekends)
    for override in overrides:
        off.discard(override.day)
        on.discard(override.day)
        is_weekend = override.day.weekday() >= _SATURDAY
        if override.workday and is_weekend:
            on.add(override.day)
        elif not override.workday and not is_weekend:
            off.add(override.day)
    return WorkCalendar(frozenset(off), frozenset(on), base.known_years | years)


@functools.cache
def _national_calendar() -> WorkCalendar:
    """Build the national calendar from the package's tables (never its year-checking API)."""
    listed = constants.holidays.keys() | constants.workdays.keys()
    years = frozenset(range(min(listed).year, max(listed).year + 1))
    off = frozenset(day for day in constants.holidays if day.weekday() < _SATURDAY)
    on = frozenset(day for day in constants.workdays if day.weekday() >= _SATURDAY)
    return WorkCalendar(off, on, years)


def _calendar(calendar: WorkCalendar | None) -> WorkCalendar:
    return _national_calendar() if calendar is None else calendar


def add_working_days(start: date, n: int, *, calendar: WorkCalendar | None = None) -> Deadline:
    """The n-th working day after start; the start day is not counted (民法典 arts. 201/203).

    Args:
        start: the day the period starts from (e.g. the acceptance date).
        n: working days to count; 0 gives start itself.
        calendar: the calendar to count in; None means the national calendar.

    Returns:
        The deadline, provisional when a day counted over or the result lies in an unknown year.

    Raises:
        InvalidInput: n is negative.
    """
    if n < 0:
        raise InvalidInput("working days: n must not be negative, got {n}", n=n)
    cal = _calendar(calendar)
    result = cal.nth_working_day_after(start, n)
    first = start + _ONE_DAY if n > 0 else start
    return Deadline(result, cal.spans_unknown(first, result))


def add_limit(start: date, limit: TimeLimit, *, calendar: WorkCalendar | None = None) -> Deadline:
    """The last day of a period counted from start (start excluded).

    Calendar-day periods end on start + value; when that day is not a working day the period runs
    to the next working day. Working-day periods are `add_working_days`.
    """
    if limit.unit is DayUnit.WORKING_DAYS:
        return add_working_days(start, limit.value, calendar=calendar)
    cal = _calendar(calendar)
    end = start + timedelta(days=limit.value)
    result = cal.working_day_on_or_after(end)
    return Deadline(result, cal.spans_unknown(end, result))


def working_days_between(start: date, end: date, *, calendar: WorkCalendar | None = None) -> int:
    """The number of working days in (start, end]; 0 when end <= start."""
    return _calendar(calendar).count_working_days(start, end)


def notice_limit_date(received_on: date, *, calendar: WorkCalendar | None = None) -> Deadline:
    """The last day the one-time correction notice may be given: 5 working days (Art. 32)."""
    return add_working_days(received_on, 5, calendar=calendar)


def case_deadline(
    start: date,
    limit: TimeLimit,
    *,
    pauses: Sequence[Pause] = (),
    extension: TimeLimit | None = None,
    as_of: date,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """A case's deadline: start + limit (+ extension), pushed out by the paused working days.

    The extension continues the period: with the limit's unit the two values add up; with another
    unit it is counted from the unextended deadline. Then every paused working day that lies in
    the counting window (start, deadline] pushes the deadline one working day further, and the
    moving deadline is recomputed until stable. Paused days on or before start (the clock had not
    started) or after the final deadline (the case was already late) push nothing, and overlapping
    pauses count a day once. The result is the first day on which the period's working days have
    run outside pauses: for a non-empty period it is never a paused day, and a longer pause never
    moves it earlier. Pauses push by working days whatever the limit's unit (Art. 82: statutory
    periods are working days).

    Args:
        start: the day the clock starts (acceptance); not counted.
        limit: the period.
        pauses: suspensions (特别程序); an open pause counts through `as_of`.
        extension: an approved extension (延期), if any.
        as_of: today, for open pauses.
        calendar: None means the national calendar.

    Returns:
        The deadline; provisional when any step of it is.
    """
    cal = _calendar(calendar)
    base = _extended(start, limit, extension, cal)
    intervals = _merged(pauses, as_of)
    pushed = base
    while True:  # terminates: the paused count only grows and is bounded by the pauses
        paused = _paused_working_days(intervals, start, pushed.date, cal)
        candidate = add_working_days(base.date, paused, calendar=cal)
        if candidate.date == pushed.date:
            return Deadline(candidate.date, base.provisional or candidate.provisional)
        pushed = candidate


def _paused_working_days(
    intervals: Sequence[tuple[date, date]], start: date, end: date, cal: WorkCalendar
) -> int:
    """The working days of the (disjoint) intervals that lie in the window (start, end]."""
    return sum(
        cal.count_working_days(max(lo - _ONE_DAY, start), min(hi, end)) for lo, hi in intervals
    )


def _extended(
    start: date, limit: TimeLimit, extension: TimeLimit | None, cal: WorkCalendar
) -> Deadline:
    """start + limit + extension, combining values when the units agree."""
    if extension is None:
        return add_limit(start, limit, calendar=cal)
    if extension.unit is limit.unit:
        return add_limit(start, TimeLimit(limit.value + extension.value, limit.unit), calendar=cal)
    first = add_limit(start, limit, calendar=cal)
    second = add_limit(first.date, extension, calendar=cal)
    return Deadline(second.date, first.provisional or second.provisional)


def _merged(pauses: Sequence[Pause], as_of: date) -> list[tuple[date, date]]:
    """The pauses as sorted, disjoint closed intervals; open ones end on as_of (maybe empty)."""
    spans = sorted((p.first_day, as_of if p.last_day is None else p.last_day) for p in pauses)
    merged: list[tuple[date, date]] = []
    for lo, hi in spans:
        if hi < lo:
            continue  # an open pause that starts after as_of has paused nothing yet
        if merged and lo <= merged[-1][1] + _ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


_DEFAULT_POLICY = WarningPolicy()


def classify(
    deadline: date,
    *,
    today: date,
    period_working_days: int,
    policy: WarningPolicy = _DEFAULT_POLICY,
    calendar: WorkCalendar | None = None,
) -> DeadlineState:
    """Classify a running period: overdue after its deadline day, due soon near it.

    A period ends at close of business on the deadline day, so that day itself is not overdue.
    Due soon when the working days left (`working_days_between(today, deadline)`) are at most
    max(min_days, ⌊share × period⌋).

    Raises:
        InvalidInput: period_working_days is negative.
    """
    if period_working_days < 0:
        raise InvalidInput(
            "classify: period must not be negative, got {period_working_days}",
            period_working_days=period_working_days,
        )
    if today > deadline:
        return DeadlineState.OVERDUE
    remaining = working_days_between(today, deadline, calendar=calendar)
    if remaining <= policy.threshold(period_working_days):
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TRACK
