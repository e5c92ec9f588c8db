"""Working-day calendar, deadlines, pauses and warnings, on real 2025/2026 dates and beyond."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import chinese_calendar
import pytest
from chinese_calendar import constants
from hypothesis import assume, given
from hypothesis import strategies as st

from clerk.errors import InvalidInput
from clerk.workdays import (
    CalendarOverride,
    DayUnit,
    Deadline,
    DeadlineState,
    Pause,
    TimeLimit,
    WarningPolicy,
    WorkCalendar,
    add_limit,
    add_working_days,
    case_deadline,
    classify,
    notice_limit_date,
    working_days_between,
)

WD = DayUnit.WORKING_DAYS
CD = DayUnit.CALENDAR_DAYS
ONE = timedelta(days=1)
NATIONAL = WorkCalendar.national()
DATA_YEARS = {d.year for d in constants.holidays} | {d.year for d in constants.workdays}
LAST_KNOWN = max(DATA_YEARS)
MAKE_UP_DAYS = sorted(constants.workdays)

# Hypothetical 2027 schedule as the registry might deliver it (not published when this was written).
DELIVERED_2027 = (
    CalendarOverride(date(2027, 1, 1), workday=False, reason="元旦"),
    CalendarOverride(date(2027, 2, 8), workday=False, reason="春节"),
    CalendarOverride(date(2027, 2, 9), workday=False, reason="春节"),
    CalendarOverride(date(2027, 2, 20), workday=True, reason="春节调休"),
)
CAL_2027 = NATIONAL.with_overrides(DELIVERED_2027, complete_years=[2027])


# -- independent reference implementations: a plain day walk over is_workday --------------------


def walk(start: date, n: int, calendar: WorkCalendar = NATIONAL) -> date:
    day = start
    while n > 0:
        day += ONE
        n -= calendar.is_workday(day)
    return day


def count(start: date, end: date, calendar: WorkCalendar = NATIONAL) -> int:
    days = (start + ONE * i for i in range(1, (end - start).days + 1))
    return sum(calendar.is_workday(d) for d in days)


def walk_unpaused(start: date, n: int, paused: set[date]) -> date:
    day = start
    while n > 0:
        day += ONE
        n -= NATIONAL.is_workday(day) and day not in paused
    return day


def days_of(first: date, last: date) -> set[date]:
    return {first + ONE * i for i in range((last - first).days + 1)}


# -- the national calendar ---------------------------------------------------------------------


def test_national_calendar_agrees_with_the_package_on_every_known_day() -> None:
    day = date(min(DATA_YEARS), 1, 1)
    while day.year <= LAST_KNOWN:
        assert NATIONAL.is_workday(day) == chinese_calendar.is_workday(day), day
        assert NATIONAL.is_known(day)
        day += ONE


def test_known_years_come_from_the_data() -> None:
    assert set(range(min(DATA_YEARS), LAST_KNOWN + 1)) == NATIONAL.known_years
    assert not NATIONAL.is_known(date(LAST_KNOWN + 1, 1, 1))
    assert not NATIONAL.is_known(date(min(DATA_YEARS) - 1, 12, 31))


def test_national_calendar_is_built_once_and_immutable() -> None:
    assert WorkCalendar.national() is WorkCalendar.national()
    with pytest.raises(dataclasses.FrozenInstanceError):
        NATIONAL.known_years = frozenset()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (date(2026, 2, 14), True),  # Saturday, 春节 make-up day
        (date(2026, 2, 16), False),  # Monday, Spring Festival
        (date(2026, 2, 28), True),  # Saturday, 春节 make-up day
        (date(2026, 3, 7), False),  # ordinary Saturday
        (date(2026, 9, 20), True),  # Sunday, 国庆 make-up day
        (date(2026, 10, 7), False),  # Wednesday, National Day
        (date(2026, 10, 10), True),  # Saturday, 国庆 make-up day
        (date(2025, 1, 26), True),  # Sunday, 春节 make-up day
        (date(2025, 10, 8), False),  # Wednesday, National Day
        (date(2025, 10, 9), True),  # Thursday, first day back
    ],
)
def test_is_workday_on_real_days(day: date, workday: bool) -> None:
    assert NATIONAL.is_workday(day) is workday


def test_calendar_rejects_misfiled_exceptions() -> None:
    with pytest.raises(InvalidInput, match="off_weekdays"):
        WorkCalendar(frozenset({date(2026, 3, 7)}), frozenset(), frozenset())
    with pytest.raises(InvalidInput, match="working_weekends"):
        WorkCalendar(frozenset(), frozenset({date(2026, 3, 9)}), frozenset())


# -- add_working_days on real dates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # start day excluded; a weekend start counts from Monday; n == 0 is the start itself
        (date(2025, 3, 3), 1, date(2025, 3, 4)),
        (date(2025, 3, 1), 1, date(2025, 3, 3)),
        (date(2025, 3, 3), 0, date(2025, 3, 3)),
        (date(2025, 3, 1), 0, date(2025, 3, 1)),
        (date(2025, 3, 3), 5, date(2025, 3, 10)),
        # Spring Festival 2026: off Sun 15 – Mon 23 Feb; make-up Sat 14 and Sat 28 Feb
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # lands on the make-up Saturday
        (date(2026, 2, 13), 2, date(2026, 2, 24)),
        (date(2026, 2, 14), 1, date(2026, 2, 24)),  # the day before the festival
        (date(2026, 2, 14), 5, date(2026, 2, 28)),  # lands on the second make-up Saturday
        (date(2026, 2, 14), 6, date(2026, 3, 2)),
        (date(2026, 2, 14), 0, date(2026, 2, 14)),
        # National Day 2026: off 1–7 Oct (Mid-autumn 25–27 Sep); make-up Sun 20 Sep, Sat 10 Oct
        (date(2026, 9, 30), 1, date(2026, 10, 8)),  # the day before National Day
        (date(2026, 9, 30), 3, date(2026, 10, 10)),  # lands on the make-up Saturday
        (date(2026, 9, 30), 4, date(2026, 10, 12)),
        (date(2026, 9, 30), 20, date(2026, 11, 3)),  # Art. 42 decision period
        (date(2026, 9, 18), 1, date(2026, 9, 20)),  # make-up Sunday counts
        (date(2026, 9, 18), 5, date(2026, 9, 24)),
        (date(2026, 9, 18), 6, date(2026, 9, 28)),  # crosses Mid-autumn
        # 2025: Spring Festival off 28 Jan – 4 Feb, make-up Sun 26 Jan; National Day off 1–8 Oct
        (date(2025, 1, 24), 1, date(2025, 1, 26)),
        (date(2025, 1, 24), 3, date(2025, 2, 5)),
        (date(2025, 9, 30), 3, date(2025, 10, 11)),  # make-up Saturday 11 Oct
        (date(2025, 12, 31), 1, date(2026, 1, 4)),  # New Year 2026 off 1–3 Jan, make-up Sun 4 Jan
        (date(2025, 12, 31), 2, date(2026, 1, 5)),
        (date(2025, 12, 31), 0, date(2025, 12, 31)),
    ],
)
def test_add_working_days_on_real_dates(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == Deadline(expected, provisional=False)
    assert add_working_days(start, n, calendar=NATIONAL) == Deadline(expected, provisional=False)


def test_negative_count_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="negative"):
        add_working_days(date(2026, 3, 2), -1)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 9, 26), date(2025, 10, 10)),  # make-up Sun 28 Sep counts; 1–8 Oct off
        (date(2026, 2, 13), date(2026, 2, 27)),
        (date(2026, 3, 2), date(2026, 3, 9)),
    ],
)
def test_notice_limit_is_five_working_days(received: date, expected: date) -> None:
    assert notice_limit_date(received) == Deadline(expected, provisional=False)


# -- calendar-day limits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        (date(2026, 9, 1), TimeLimit(30, CD), date(2026, 10, 8)),  # ends 1 Oct: National Day
        (date(2025, 9, 1), TimeLimit(30, CD), date(2025, 10, 9)),
        (date(2026, 1, 16), TimeLimit(30, CD), date(2026, 2, 24)),  # ends 15 Feb: Spring Festival
        (date(2026, 9, 10), TimeLimit(30, CD), date(2026, 10, 10)),  # make-up Saturday stays
        (date(2026, 3, 1), TimeLimit(6, CD), date(2026, 3, 9)),  # ordinary Saturday → Monday
        (date(2026, 3, 2), TimeLimit(60, CD), date(2026, 5, 6)),  # ends 1 May: Labour Day
        (date(2026, 3, 2), TimeLimit(0, CD), date(2026, 3, 2)),
        (date(2026, 2, 14), TimeLimit(5, WD), date(2026, 2, 28)),
    ],
)
def test_add_limit(start: date, limit: TimeLimit, expected: date) -> None:
    assert add_limit(start, limit) == Deadline(expected, provisional=False)


def test_negative_time_limit_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="negative"):
        TimeLimit(-1, WD)


# -- hall overrides -----------------------------------------------------------------------------


HALL_HOLIDAY = CalendarOverride(date(2025, 3, 5), workday=False, reason="区级纪念日")
HALL_SATURDAY = CalendarOverride(date(2025, 3, 8), workday=True, reason="周六延时服务")


@pytest.mark.parametrize(
    ("overrides", "start", "n", "expected"),
    [
        ((), date(2025, 3, 3), 3, date(2025, 3, 6)),
        ((HALL_HOLIDAY,), date(2025, 3, 3), 3, date(2025, 3, 7)),  # a hall holiday pushes it
        ((), date(2025, 3, 7), 1, date(2025, 3, 10)),
        ((HALL_SATURDAY,), date(2025, 3, 7), 1, date(2025, 3, 8)),  # a weekend worked
        ((HALL_HOLIDAY, HALL_SATURDAY), date(2025, 3, 3), 4, date(2025, 3, 8)),
        # re-opening a national holiday, closing a national make-up day
        (
            (CalendarOverride(date(2026, 10, 2), True, "值班"),),
            date(2026, 9, 30),
            1,
            date(2026, 10, 2),
        ),
        (
            (CalendarOverride(date(2026, 2, 28), False, "本地"),),
            date(2026, 2, 14),
            5,
            date(2026, 3, 2),
        ),
        # a later override of the same day wins
        (
            (HALL_HOLIDAY, dataclasses.replace(HALL_HOLIDAY, workday=True)),
            date(2025, 3, 3),
            3,
            date(2025, 3, 6),
        ),
        (
            (HALL_SATURDAY, dataclasses.replace(HALL_SATURDAY, workday=False)),
            date(2025, 3, 7),
            1,
            date(2025, 3, 10),
        ),
    ],
)
def test_overrides(
    overrides: tuple[CalendarOverride, ...], start: date, n: int, expected: date
) -> None:
    hall = NATIONAL.with_overrides(overrides)
    assert add_working_days(start, n, calendar=hall) == Deadline(expected, provisional=False)


def test_overrides_leave_the_original_calendar_alone() -> None:
    hall = NATIONAL.with_overrides([HALL_HOLIDAY, HALL_SATURDAY])
    assert not hall.is_workday(HALL_HOLIDAY.day)
    assert hall.is_workday(HALL_SATURDAY.day)
    assert NATIONAL.is_workday(HALL_HOLIDAY.day)
    assert not NATIONAL.is_workday(HALL_SATURDAY.day)
    assert hall.known_years == NATIONAL.known_years
    assert NATIONAL.with_overrides([]) == NATIONAL


# -- beyond the known years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 12, 31), 1, date(2027, 1, 1)),  # 1 Jan 2027 is a Friday: only weekends count
        (date(2027, 1, 1), 1, date(2027, 1, 4)),
        (date(2027, 2, 5), 5, date(2027, 2, 12)),  # Spring Festival 2027 unknown: counted through
        (date(2027, 9, 30), 20, date(2027, 10, 28)),
        (date(2030, 1, 1), 10, date(2030, 1, 15)),
        (date(2030, 9, 30), 0, date(2030, 9, 30)),
        (date(2003, 12, 30), 2, date(2004, 1, 2)),  # counted over 31 Dec 2003, before the data
    ],
)
def test_unknown_years_are_provisional_and_count_weekends_only(
    start: date, n: int, expected: date
) -> None:
    assert add_working_days(start, n) == Deadline(expected, provisional=True)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # the delivered New Year holiday counts
        (date(2027, 2, 5), 1, date(2027, 2, 10)),  # delivered Spring Festival 8–9 Feb
        (date(2027, 2, 19), 1, date(2027, 2, 20)),  # delivered make-up Saturday
        (date(2027, 9, 30), 20, date(2027, 10, 28)),
    ],
)
def test_a_delivered_year_stops_being_provisional(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n, calendar=CAL_2027) == Deadline(expected, provisional=False)
    assert CAL_2027.is_known(date(2027, 6, 1))
    assert not CAL_2027.is_known(date(2028, 1, 1))


def test_overrides_without_the_whole_year_are_honoured_but_provisional() -> None:
    partial = NATIONAL.with_overrides(DELIVERED_2027)
    assert add_working_days(date(2026, 12, 31), 1, calendar=partial) == Deadline(
        date(2027, 1, 4), provisional=True
    )


def test_crossing_into_an_unknown_year_is_provisional() -> None:
    assert add_working_days(date(2026, 12, 1), 22) == Deadline(date(2026, 12, 31), False)
    assert add_working_days(date(2026, 12, 1), 23) == Deadline(date(2027, 1, 1), True)
    assert add_limit(date(2026, 12, 20), TimeLimit(30, CD)).provisional
    assert not add_limit(date(2026, 11, 20), TimeLimit(30, CD)).provisional
    assert add_working_days(date(2027, 12, 31), 1, calendar=CAL_2027).provisional
    # a gap year makes anything counted through it provisional
    gap = NATIONAL.with_overrides([], complete_years=[2028])
    assert add_working_days(date(2026, 12, 31), 300, calendar=gap).provisional


@given(
    start=st.dates(date(LAST_KNOWN + 1, 1, 1), date(2099, 1, 1)),
    n=st.integers(0, 300),
    value=st.integers(0, 400),
)
def test_future_years_never_raise(start: date, n: int, value: int) -> None:
    assert add_working_days(start, n).provisional
    assert add_limit(start, TimeLimit(value, CD)).provisional
    assert notice_limit_date(start).provisional
    assert working_days_between(start, start + ONE * 7) == 5
    assert NATIONAL.is_workday(start) is (start.weekday() < 5)
    deadline = case_deadline(start, TimeLimit(n, WD), pauses=[Pause(start)], as_of=start + ONE * 9)
    assert deadline.provisional


# -- working_days_between -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 2, 13), date(2026, 2, 28), 6),  # Sat 14 Feb, 24–27 Feb and Sat 28 Feb
        (date(2026, 9, 30), date(2026, 10, 10), 3),
        (date(2026, 3, 2), date(2026, 3, 2), 0),
        (date(2026, 3, 9), date(2026, 3, 2), 0),
        (date(2026, 3, 6), date(2026, 3, 8), 0),
        # 2026: 261 weekdays − 19 weekday holidays + 6 make-up weekend days
        (date(2025, 12, 31), date(2026, 12, 31), 248),
    ],
)
def test_working_days_between(start: date, end: date, expected: int) -> None:
    assert working_days_between(start, end) == count(start, end)
    assert working_days_between(start, end) == expected


# -- case deadlines with pauses and extensions --------------------------------------------------

ACCEPTED = date(2025, 3, 3)  # Monday; + 20 working days = Monday 31 March 2025
DECISION = TimeLimit(20, WD)


@pytest.mark.parametrize(
    ("pauses", "as_of", "expected"),
    [
        ((), date(2025, 3, 3), date(2025, 3, 31)),
        # a closed pause of 5 working days; Tomb-sweeping Day (4 Apr) lies in the push
        ((Pause(date(2025, 3, 10), date(2025, 3, 14)),), date(2025, 3, 20), date(2025, 4, 8)),
        ((Pause(date(2025, 3, 8), date(2025, 3, 16)),), date(2025, 3, 20), date(2025, 4, 8)),
        # an open pause counts through as_of; one that has not begun counts nothing
        ((Pause(date(2025, 3, 10)),), date(2025, 3, 12), date(2025, 4, 3)),
        ((Pause(date(2025, 3, 10), None),), date(2025, 3, 9), date(2025, 3, 31)),
        # before the clock starts, or on the (uncounted) start day: nothing
        ((Pause(date(2025, 2, 24), date(2025, 3, 3)),), date(2025, 3, 20), date(2025, 3, 31)),
        # partly after the unpaused deadline: 28 Mar, 31 Mar, 1–2 Apr paused → 3 Apr, 7 Apr
        ((Pause(date(2025, 3, 28), date(2025, 4, 2)),), date(2025, 4, 2), date(2025, 4, 7)),
        # entirely after the deadline: the case was already late
        ((Pause(date(2025, 4, 1), date(2025, 4, 10)),), date(2025, 4, 10), date(2025, 3, 31)),
        # overlapping and adjacent pauses count each day once: 10–18 Mar is 7 working days
        (
            (
                Pause(date(2025, 3, 12), date(2025, 3, 18)),
                Pause(date(2025, 3, 10), date(2025, 3, 14)),
            ),
            date(2025, 3, 20),
            date(2025, 4, 10),
        ),
        (
            (
                Pause(date(2025, 3, 10), date(2025, 3, 12)),
                Pause(date(2025, 3, 13), date(2025, 3, 14)),
            ),
            date(2025, 3, 20),
            date(2025, 4, 8),
        ),
        # a pause nested inside another
        (
            (
                Pause(date(2025, 3, 10), date(2025, 3, 21)),
                Pause(date(2025, 3, 12), date(2025, 3, 13)),
            ),
            date(2025, 3, 25),
            date(2025, 4, 15),
        ),
    ],
)
def test_pauses_push_by_the_paused_working_days(
    pauses: tuple[Pause, ...], as_of: date, expected: date
) -> None:
    got = case_deadline(ACCEPTED, DECISION, pauses=pauses, as_of=as_of)
    assert got == Deadline(expected, provisional=False)
    paused: set[date] = set()
    for pause in pauses:
        paused |= days_of(pause.first_day, pause.last_day or as_of)
    assert got.date == walk_unpaused(ACCEPTED, 20, paused)


def test_an_open_pause_keeps_pushing_while_it_lasts() -> None:
    pause = Pause(date(2025, 3, 10))
    dates = [
        case_deadline(ACCEPTED, DECISION, pauses=[pause], as_of=ACCEPTED + ONE * i).date
        for i in range(30)
    ]
    assert dates == sorted(dates)
    closed = Pause(date(2025, 3, 10), date(2025, 3, 14))
    open_ = case_deadline(ACCEPTED, DECISION, pauses=[pause], as_of=date(2025, 3, 14))
    assert open_ == case_deadline(ACCEPTED, DECISION, pauses=[closed], as_of=date(2025, 3, 14))


@pytest.mark.parametrize(
    ("start", "limit", "extension", "pauses", "expected"),
    [
        (ACCEPTED, DECISION, TimeLimit(10, WD), (), date(2025, 4, 15)),
        (
            ACCEPTED,
            DECISION,
            TimeLimit(10, WD),
            (Pause(date(2025, 3, 10), date(2025, 3, 14)),),
            date(2025, 4, 22),
        ),
        (ACCEPTED, DECISION, TimeLimit(0, WD), (), date(2025, 3, 31)),
        # calendar days add up before the holiday rule applies: 27 Jan + 30 days = 26 Feb
        (date(2026, 1, 27), TimeLimit(20, CD), TimeLimit(10, CD), (), date(2026, 2, 26)),
        # another unit continues from the unextended deadline: 1 Sep + 30 days → 8 Oct, + 5 WD
        (date(2026, 9, 1), TimeLimit(30, CD), TimeLimit(5, WD), (), date(2026, 10, 14)),
        # a calendar-day limit is pushed by paused working days too
        (
            date(2026, 9, 1),
            TimeLimit(30, CD),
            None,
            (Pause(date(2026, 9, 7), date(2026, 9, 8)),),
            date(2026, 10, 10),
        ),
    ],
)
def test_extensions_add(
    start: date,
    limit: TimeLimit,
    extension: TimeLimit | None,
    pauses: tuple[Pause, ...],
    expected: date,
) -> None:
    got = case_deadline(start, limit, pauses=pauses, extension=extension, as_of=start)
    assert got == Deadline(expected, provisional=False)


def test_case_deadline_past_the_known_years_is_provisional() -> None:
    late = case_deadline(date(2026, 12, 1), DECISION, as_of=date(2026, 12, 1))
    assert not late.provisional
    pushed = case_deadline(
        date(2026, 12, 1),
        DECISION,
        pauses=[Pause(date(2026, 12, 2), date(2026, 12, 8))],
        as_of=date(2026, 12, 1),
    )
    assert pushed == Deadline(date(2027, 1, 5), provisional=True)
    extended = case_deadline(
        date(2026, 11, 1), TimeLimit(55, CD), extension=TimeLimit(5, WD), as_of=date(2026, 11, 1)
    )
    assert extended == Deadline(date(2027, 1, 4), provisional=True)


def test_reversed_pause_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="before first day"):
        Pause(date(2025, 3, 10), date(2025, 3, 9))


# -- warnings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "period", "policy", "state"),
    [
        (date(2025, 3, 3), 20, WarningPolicy(), DeadlineState.ON_TRACK),
        (date(2025, 3, 24), 20, WarningPolicy(), DeadlineState.ON_TRACK),  # 5 left > 4
        (date(2025, 3, 25), 20, WarningPolicy(), DeadlineState.DUE_SOON),  # 4 left = 20 %
        (date(2025, 3, 29), 20, WarningPolicy(), DeadlineState.DUE_SOON),  # Saturday, 1 left
        (date(2025, 3, 31), 20, WarningPolicy(), DeadlineState.DUE_SOON),  # the deadline day
        (date(2025, 4, 1), 20, WarningPolicy(), DeadlineState.OVERDUE),  # the day after
        (date(2025, 3, 26), 5, WarningPolicy(), DeadlineState.ON_TRACK),  # 3 left > min 2
        (date(2025, 3, 27), 5, WarningPolicy(), DeadlineState.DUE_SOON),  # 2 left = min 2
        (date(2025, 2, 17), 100, WarningPolicy(0.29, 0), DeadlineState.ON_TRACK),  # 30 left
        (date(2025, 2, 18), 100, WarningPolicy(0.29, 0), DeadlineState.DUE_SOON),  # 29 = 0.29 × 100
        (date(2025, 3, 28), 20, WarningPolicy(0.0, 0), DeadlineState.ON_TRACK),
        (date(2025, 3, 31), 20, WarningPolicy(0.0, 0), DeadlineState.DUE_SOON),
    ],
)
def test_classify(today: date, period: int, policy: WarningPolicy, state: DeadlineState) -> None:
    assert classify(date(2025, 3, 31), today=today, period_working_days=period, policy=policy) is (
        state
    )


def test_classify_defaults_and_hall_calendar() -> None:
    deadline = date(2025, 3, 31)
    assert classify(deadline, today=date(2025, 3, 24), period_working_days=20) is (
        DeadlineState.ON_TRACK
    )
    hall = NATIONAL.with_overrides([CalendarOverride(date(2025, 3, 26), False, "本地")])
    state = classify(deadline, today=date(2025, 3, 24), period_working_days=20, calendar=hall)
    assert state is DeadlineState.DUE_SOON


def test_threshold_survives_floating_point() -> None:
    assert WarningPolicy(0.29, 0).threshold(100) == 29
    assert WarningPolicy().threshold(20) == 4
    assert WarningPolicy().threshold(5) == 2


@pytest.mark.parametrize(("share", "min_days"), [(1.5, 2), (-0.1, 2), (0.2, -1)])
def test_invalid_policy(share: float, min_days: int) -> None:
    with pytest.raises(InvalidInput, match="warning policy"):
        WarningPolicy(share, min_days)


def test_negative_period_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="period"):
        classify(date(2025, 3, 31), today=date(2025, 3, 3), period_working_days=-1)


# -- properties ---------------------------------------------------------------------------------

days = st.dates(date(2003, 1, 1), date(2031, 12, 31))
counts = st.integers(0, 300)
overrides = st.builds(
    CalendarOverride,
    day=st.dates(date(2024, 1, 1), date(2028, 12, 31)),
    workday=st.booleans(),
    reason=st.just("test"),
)
calendars = st.one_of(
    st.just(NATIONAL),
    st.builds(
        NATIONAL.with_overrides,
        st.lists(overrides, max_size=40),
        complete_years=st.lists(st.integers(2025, 2030), max_size=3),
    ),
)


@given(start=days, n=counts, calendar=calendars)
def test_add_working_days_is_strictly_monotone(start: date, n: int, calendar: WorkCalendar) -> None:
    assert add_working_days(start, n + 1, calendar=calendar).date > (
        add_working_days(start, n, calendar=calendar).date
    )


@given(start=days, n=counts, calendar=calendars)
def test_add_working_days_lands_on_a_working_day_found_by_a_walk(
    start: date, n: int, calendar: WorkCalendar
) -> None:
    deadline = add_working_days(start, n, calendar=calendar)
    assert deadline.date == walk(start, n, calendar)
    if n >= 1:
        assert calendar.is_workday(deadline.date)
    walked = days_of(start + ONE, deadline.date) if n >= 1 else {start}
    assert deadline.provisional == any(not calendar.is_known(d) for d in walked)


@given(start=days, n=counts, calendar=calendars)
def test_counting_back_gives_n(start: date, n: int, calendar: WorkCalendar) -> None:
    end = add_working_days(start, n, calendar=calendar).date
    assert working_days_between(start, end, calendar=calendar) == n


@given(start=days, span=st.integers(-30, 800), calendar=calendars)
def test_working_days_between_matches_a_count(
    start: date, span: int, calendar: WorkCalendar
) -> None:
    end = start + ONE * span
    assert working_days_between(start, end, calendar=calendar) == count(start, end, calendar)


def test_every_make_up_day_counts() -> None:
    """A make-up day is a weekend day, yet the first working day after the day before it."""
    assert MAKE_UP_DAYS
    for day in MAKE_UP_DAYS:
        assert day.weekday() >= 5
        assert add_working_days(day - ONE, 1) == Deadline(day, provisional=False)


@given(day=st.sampled_from(MAKE_UP_DAYS), n=st.integers(1, 30))
def test_make_up_days_are_never_skipped(day: date, n: int) -> None:
    """Counting n working days up to a make-up day from n working days before it lands on it."""
    previous = day
    for _ in range(n):  # n working days back, with the calendar's own notion of a working day
        previous -= ONE
        while not NATIONAL.is_workday(previous):
            previous -= ONE
    assert add_working_days(previous, n).date == day
    assert working_days_between(day - ONE, day) == 1


@given(start=days, limit=counts, calendar=calendars)
def test_calendar_days_run_to_the_next_working_day(
    start: date, limit: int, calendar: WorkCalendar
) -> None:
    end = start + ONE * limit
    deadline = add_limit(start, TimeLimit(limit, CD), calendar=calendar).date
    assert deadline >= end
    assert calendar.is_workday(deadline)
    assert not any(calendar.is_workday(d) for d in days_of(end, deadline - ONE))


pause_offsets = st.tuples(st.integers(-10, 80), st.integers(0, 40))


@given(
    start=st.dates(date(2024, 1, 1), date(2026, 6, 30)),
    n=st.integers(0, 60),
    spans=st.lists(pause_offsets, max_size=4),
    open_from=st.none() | st.integers(-10, 80),
    as_of_offset=st.integers(0, 120),
)
def test_case_deadline_is_the_nth_unpaused_working_day(
    start: date,
    n: int,
    spans: list[tuple[int, int]],
    open_from: int | None,
    as_of_offset: int,
) -> None:
    as_of = start + ONE * as_of_offset
    pauses = [Pause(start + ONE * a, start + ONE * (a + length)) for a, length in spans]
    if open_from is not None:
        pauses.append(Pause(start + ONE * open_from))
    paused: set[date] = set()
    for pause in pauses:
        paused |= days_of(pause.first_day, pause.last_day or as_of)
    got = case_deadline(start, TimeLimit(n, WD), pauses=pauses, as_of=as_of)
    assert got.date == walk_unpaused(start, n, paused)


@given(
    start=st.dates(date(2024, 1, 1), date(2026, 6, 30)),
    limit=st.builds(TimeLimit, st.integers(0, 60), st.sampled_from(DayUnit)),
    first=st.integers(-5, 90),
    length=st.integers(0, 40),
    extra=st.integers(0, 40),
)
def test_a_longer_pause_never_gives_an_earlier_deadline(
    start: date, limit: TimeLimit, first: int, length: int, extra: int
) -> None:
    def deadline(days_paused: int | None) -> date:
        pauses = (
            []
            if days_paused is None
            else [Pause(start + ONE * first, start + ONE * (first + days_paused))]
        )
        return case_deadline(start, limit, pauses=pauses, as_of=start).date

    assert deadline(None) <= deadline(length) <= deadline(length + extra)


@given(
    start=st.dates(date(2024, 1, 1), date(2026, 6, 30)),
    n=st.integers(1, 60),
    first=st.integers(1, 60),
    length=st.integers(0, 20),
)
def test_a_pause_inside_the_window_pushes_by_its_working_days(
    start: date, n: int, first: int, length: int
) -> None:
    base = add_working_days(start, n).date
    pause = Pause(start + ONE * first, start + ONE * (first + length))
    last = start + ONE * (first + length)
    assume(last <= base)
    paused = working_days_between(pause.first_day - ONE, last)
    got = case_deadline(start, TimeLimit(n, WD), pauses=[pause], as_of=start)
    assert got.date == add_working_days(base, paused).date
