"""Queue statistics from events, and the waiting-time estimate (DOMAIN.md §8)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.errors import InvalidInput
from clerk.queue import (
    ALL_KEY,
    Channel,
    GroupBy,
    GroupKey,
    Outcome,
    Placement,
    QueueEvent,
    QueueStats,
    Ticket,
    WorkProfile,
    call,
    call_from_park,
    compute_stats,
    estimate_wait,
    expire_missed,
    finish,
    issue,
    leave,
    mark_missed,
    park,
    recall,
    start_serving,
    transfer,
)

TZ = timezone(timedelta(hours=8))
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)
TARGET = timedelta(minutes=10)
NO_RECALLS = WorkProfile(counter="5", services=("A",), max_recalls=0, recall_cooldown=timedelta(0))
MIN = timedelta(minutes=1)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def issued(ticket_id: str, when: datetime, service: str = "A") -> tuple[Ticket, QueueEvent]:
    return issue(
        ticket_id=ticket_id, number="A001", service=service, channel=Channel.ON_SITE, at=when
    )


def served(
    ticket_id: str,
    when: datetime,
    *,
    wait: timedelta,
    service_time: timedelta = 10 * MIN,
    service: str = "A",
    counter: str = "5",
) -> list[QueueEvent]:
    """A visit: issued at `when`, called after `wait`, served at once for `service_time`."""
    ticket, issued_event = issued(ticket_id, when, service)
    ticket, called = call(
        ticket, at=when + wait, counter=counter, staff="s" + counter, current=None
    )
    ticket, started = start_serving(ticket, at=when + wait, counter=counter)
    _, finished = finish(
        ticket, at=when + wait + service_time, counter=counter, outcome=Outcome.CONSULTATION
    )
    return [issued_event, called, started, finished]


def no_show(
    ticket_id: str, when: datetime, *, wait: timedelta, counter: str = "5"
) -> list[QueueEvent]:
    """A visit: issued at `when`, called after `wait`, missed a minute later, then a no-show."""
    ticket, issued_event = issued(ticket_id, when)
    ticket, called = call(
        ticket, at=when + wait, counter=counter, staff="s" + counter, current=None
    )
    ticket, missed = mark_missed(ticket, at=when + wait + MIN, counter=counter)
    expired = expire_missed(ticket, when + wait + MIN, NO_RECALLS)
    assert expired is not None
    return [issued_event, called, missed, expired.event]


def still_waiting(ticket_id: str, when: datetime) -> list[QueueEvent]:
    return [issued(ticket_id, when)[1]]


def only(stats: dict[GroupKey, QueueStats]) -> QueueStats:
    assert list(stats) == [ALL_KEY]
    return stats[ALL_KEY]


# ---------------------------------------------------------------- waits and service times


def test_waits_longer_than_an_hour_are_exact() -> None:
    events = [
        *served("t1", at(0), wait=timedelta(hours=1, minutes=5), service_time=10 * MIN),
        *served("t2", at(1), wait=timedelta(hours=1, minutes=35), service_time=20 * MIN),
        *served("t3", at(2), wait=timedelta(hours=2, minutes=5), service_time=30 * MIN),
    ]
    stats = only(compute_stats(events, target_wait=TARGET, group_by=GroupBy.ALL))
    assert (stats.issued, stats.called, stats.served) == (3, 3, 3)
    assert stats.mean_wait == timedelta(hours=1, minutes=35)
    assert stats.median_wait == timedelta(hours=1, minutes=35)
    assert stats.p90_wait == timedelta(hours=2, minutes=5)
    assert stats.mean_service == 20 * MIN
    assert stats.service_level == 0.0


@pytest.mark.parametrize(
    ("issue_at", "wait", "service_time"),
    [
        (datetime(2025, 3, 3, 23, 50, tzinfo=TZ), 30 * MIN, 25 * MIN),  # called after midnight
        (datetime(2025, 3, 3, 23, 59, 59, tzinfo=TZ), timedelta(seconds=2), 5 * MIN),
        (datetime(2025, 3, 3, 22, 0, tzinfo=TZ), timedelta(hours=3, minutes=30), 45 * MIN),
        (datetime(2025, 3, 3, 23, 40, tzinfo=TZ), 5 * MIN, 40 * MIN),  # served across midnight
    ],
)
def test_a_visit_across_midnight_counts_on_its_issue_day(
    issue_at: datetime, wait: timedelta, service_time: timedelta
) -> None:
    events = served("t1", issue_at, wait=wait, service_time=service_time)
    by_day = compute_stats(events, target_wait=TARGET, group_by=GroupBy.DAY)
    assert list(by_day) == [date(2025, 3, 3)]
    day = by_day[date(2025, 3, 3)]
    assert (day.issued, day.served, day.mean_wait, day.mean_service) == (1, 1, wait, service_time)


def test_events_in_utc_count_on_the_local_day_they_were_stamped_in() -> None:
    utc = datetime(2025, 3, 3, 15, 50, tzinfo=UTC)  # 23:50 in the hall, same instant
    events = served("t1", utc, wait=30 * MIN)
    assert list(compute_stats(events, target_wait=TARGET, group_by=GroupBy.DAY)) == [utc.date()]
    assert only(compute_stats(events, target_wait=TARGET)).mean_wait == 30 * MIN


@pytest.mark.parametrize(
    ("waits", "median", "p90"),
    [
        ([10], 10, 10),
        ([10, 20], 15, 20),
        ([40, 10, 30, 20], 25, 40),
        (list(range(1, 11)), 5.5, 9),  # nearest rank: the 9th of 10
        (list(range(1, 21)), 10.5, 18),
        (list(range(1, 71)), 35.5, 63),  # 0.9 × 70 is 63.000…01 in floating point
    ],
)
def test_median_and_p90_wait(waits: list[int], median: float, p90: int) -> None:
    events = [e for i, w in enumerate(waits) for e in served(f"t{i}", at(i), wait=w * MIN)]
    stats = only(compute_stats(events, target_wait=TARGET))
    assert stats.median_wait == median * MIN
    assert stats.p90_wait == p90 * MIN


def test_only_the_first_call_ends_the_wait_and_parked_time_is_not_service_time() -> None:
    ticket, e_issue = issued("t1", at(0))
    ticket, e_call = call(ticket, at=at(12), counter="5", staff="s5", current=None)
    ticket, e_start = start_serving(ticket, at=at(13), counter="5")
    ticket, e_park = park(ticket, at=at(18), counter="5", note="copy")  # 5 min served
    ticket, e_back = call_from_park(ticket, at=at(40), counter="5", staff="s5", current=None)
    ticket, e_again = start_serving(ticket, at=at(41), counter="5")
    ticket, e_moved = transfer(
        ticket, at=at(44), placement=Placement.FRONT, to_service="B", counter="5"
    )
    ticket, e_call6 = call(ticket, at=at(50), counter="6", staff="s6", current=None)
    ticket, e_start6 = start_serving(ticket, at=at(51), counter="6")
    _, e_end = finish(ticket, at=at(59), counter="6", outcome=Outcome.ACCEPTED, case_ids=["c1"])
    events = [e_issue, e_call, e_start, e_park, e_back, e_again, e_moved, e_call6, e_start6, e_end]
    stats = only(compute_stats(events, target_wait=TARGET))
    assert (stats.issued, stats.called, stats.served) == (1, 1, 1)
    assert stats.mean_wait == 12 * MIN
    assert stats.mean_service == 16 * MIN  # 5 + 3 + 8
    by_counter = compute_stats(events, target_wait=TARGET, group_by=GroupBy.COUNTER)
    assert (by_counter["5"].mean_wait, by_counter["5"].served) == (12 * MIN, 0)
    assert (by_counter["6"].mean_wait, by_counter["6"].mean_service) == (None, 16 * MIN)


# ---------------------------------------------------------------- service level and no-shows


@pytest.mark.parametrize(
    ("waits", "level"),
    [([5, 10, 15, 20], 0.5), ([10], 1.0), ([11], 0.0), ([0, 1, 2], 1.0), ([9, 30, 61], 1 / 3)],
)
def test_service_level_is_the_share_of_called_tickets_within_the_target(
    waits: list[int], level: float
) -> None:
    events = [e for i, w in enumerate(waits) for e in served(f"t{i}", at(i), wait=w * MIN)]
    events += still_waiting("never-called", at(0))
    assert only(compute_stats(events, target_wait=TARGET)).service_level == pytest.approx(level)


@pytest.mark.parametrize(
    ("served_count", "no_shows", "waiting", "rate"),
    [(3, 1, 2, 0.25), (0, 2, 0, 1.0), (4, 0, 0, 0.0), (0, 0, 3, None)],
)
def test_no_show_rate_is_no_shows_over_called_tickets(
    served_count: int, no_shows: int, waiting: int, rate: float | None
) -> None:
    events = [e for i in range(served_count) for e in served(f"s{i}", at(i), wait=MIN)]
    events += [e for i in range(no_shows) for e in no_show(f"n{i}", at(i), wait=MIN)]
    events += [e for i in range(waiting) for e in still_waiting(f"w{i}", at(i))]
    stats = only(compute_stats(events, target_wait=TARGET))
    assert (stats.issued, stats.called) == (
        served_count + no_shows + waiting,
        served_count + no_shows,
    )
    assert (stats.served, stats.no_shows, stats.no_show_rate) == (served_count, no_shows, rate)


def test_a_no_show_after_a_recall_elsewhere_counts_where_it_was_last_called() -> None:
    profile = WorkProfile(counter="6", services=("A",), max_recalls=1)
    ticket, e_issue = issued("t1", at(0))
    ticket, e_call = call(ticket, at=at(10), counter="5", staff="s5", current=None)
    ticket, e_miss = mark_missed(ticket, at=at(11), counter="5")
    ticket, e_recall = recall(
        ticket, at=at(20), counter="6", staff="s6", current=None, limits=profile
    )
    ticket, e_miss2 = mark_missed(ticket, at=at(21), counter="6")
    expired = expire_missed(ticket, at(30), profile)
    assert expired is not None
    events = [e_issue, e_call, e_miss, e_recall, e_miss2, expired.event]
    by_counter = compute_stats(events, target_wait=TARGET, group_by=GroupBy.COUNTER)
    assert by_counter[None].issued == 1  # the kiosk's ISSUED event names no counter
    assert (by_counter["5"].called, by_counter["5"].no_shows, by_counter["5"].mean_wait) == (
        1,
        0,
        10 * MIN,
    )
    assert (by_counter["6"].called, by_counter["6"].no_shows, by_counter["6"].no_show_rate) == (
        1,
        1,
        1.0,
    )
    assert only(compute_stats(events, target_wait=TARGET)).no_show_rate == 1.0


# ---------------------------------------------------------------- grouping and robustness


def test_grouping_by_service_counter_staff_day_and_all() -> None:
    tomorrow = at(24 * 60)
    events = [
        *served("a1", at(0), wait=5 * MIN, service="A", counter="5"),
        *served("a2", at(1), wait=15 * MIN, service="A", counter="6"),
        *served("b1", at(2), wait=20 * MIN, service="B", counter="6"),
        *served("b2", tomorrow, wait=MIN, service="B", counter="5"),
    ]
    walked_out, x_issued = issued("x", at(3), "B")
    events += [x_issued, leave(walked_out, at=at(9), reason="gave up").event]

    def figures(group_by: GroupBy) -> dict[GroupKey, tuple[int, int, timedelta | None]]:
        stats = compute_stats(events, target_wait=TARGET, group_by=group_by)
        return {k: (s.issued, s.served, s.mean_wait) for k, s in stats.items()}

    assert figures(GroupBy.SERVICE) == {"A": (2, 2, 10 * MIN), "B": (3, 2, timedelta(seconds=630))}
    assert figures(GroupBy.COUNTER) == {
        None: (5, 0, None),
        "5": (0, 2, 3 * MIN),
        "6": (0, 2, timedelta(seconds=1050)),
    }
    assert figures(GroupBy.STAFF) == {
        None: (5, 0, None),
        "s5": (0, 2, 3 * MIN),
        "s6": (0, 2, timedelta(seconds=1050)),
    }
    assert figures(GroupBy.DAY) == {
        date(2025, 3, 3): (4, 3, timedelta(minutes=40) / 3),
        date(2025, 3, 4): (1, 1, MIN),
    }
    assert figures(GroupBy.ALL) == {ALL_KEY: (5, 4, timedelta(seconds=615))}


def test_order_and_resent_events_do_not_change_the_figures() -> None:
    events = [*served("t1", at(0), wait=70 * MIN), *no_show("t2", at(5), wait=3 * MIN)]
    reference = compute_stats(events, target_wait=TARGET, group_by=GroupBy.COUNTER)
    shuffled = list(reversed(events)) + events[:3]
    assert compute_stats(shuffled, target_wait=TARGET, group_by=GroupBy.COUNTER) == reference


def test_no_events_no_figures_and_a_negative_target_is_refused() -> None:
    assert compute_stats([], target_wait=TARGET) == {}
    with pytest.raises(InvalidInput, match="target wait"):
        compute_stats([], target_wait=-MIN)


def test_a_ticket_seen_without_its_issue_event_has_no_wait() -> None:
    events = served("t1", at(0), wait=5 * MIN)[1:]
    stats = only(compute_stats(events, target_wait=TARGET))
    assert (stats.issued, stats.called, stats.served, stats.mean_wait) == (0, 1, 1, None)


OUTCOMES = st.sampled_from(["served", "no_show", "waiting"])


@given(
    st.lists(
        st.tuples(OUTCOMES, st.integers(0, 3000), st.integers(0, 200), st.sampled_from("56")),
        max_size=15,
    ),
    st.sampled_from(GroupBy),
)
def test_groups_add_up_to_the_whole(
    visits: list[tuple[str, int, int, str]], group_by: GroupBy
) -> None:
    events: list[QueueEvent] = []
    for i, (kind, start, wait, counter) in enumerate(visits):
        if kind == "served":
            events += served(f"t{i}", at(start), wait=wait * MIN, counter=counter)
        elif kind == "no_show":
            events += no_show(f"t{i}", at(start), wait=wait * MIN, counter=counter)
        else:
            events += still_waiting(f"t{i}", at(start))
    whole = compute_stats(events, target_wait=TARGET).get(ALL_KEY)
    groups = compute_stats(events, target_wait=TARGET, group_by=group_by).values()
    if whole is None:
        assert not visits
        return
    for figure in ("issued", "called", "served", "no_shows"):
        assert sum(getattr(g, figure) for g in groups) == getattr(whole, figure)
    assert whole.issued == len(visits)
    assert whole.called == sum(kind != "waiting" for kind, *_ in visits)


# ---------------------------------------------------------------- the waiting-time estimate


@pytest.mark.parametrize(
    ("ahead", "history", "counters", "expected"),
    [
        (0, [4, 6, 10], 1, 0),
        (4, [4, 6, 10], 2, 12),  # 4 × median 6 ÷ 2
        (3, [4, 6, 100], 1, 18),  # one very long case does not skew it
        (2, [3, 5], 1, 8),  # median of an even count
        (5, [], 1, 25),  # no history: 5 minutes each
        (3, [0], 1, 0),  # a zero median is a median, not "no history"
        (1, [7], 3, 7 / 3),
    ],
)
def test_estimate_wait(ahead: int, history: list[float], counters: int, expected: float) -> None:
    times = [m * MIN for m in history]
    assert estimate_wait(ahead, times, counters) == timedelta(seconds=round(expected * 60))


@pytest.mark.parametrize(("ahead", "counters"), [(-1, 1), (3, 0)])
def test_estimate_wait_refuses_negative_queues_and_closed_halls(ahead: int, counters: int) -> None:
    with pytest.raises(InvalidInput):
        estimate_wait(ahead, [], counters)
