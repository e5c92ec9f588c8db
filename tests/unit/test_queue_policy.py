"""The calling policy: which ticket a counter calls next (DOMAIN.md §8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.errors import InvalidInput
from clerk.queue import (
    Channel,
    Placement,
    QueueKey,
    Ticket,
    TicketState,
    WorkProfile,
    can_recall,
    choose_next,
    format_number,
    is_eligible,
    transfer,
)

TZ = timezone(timedelta(hours=8))
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)
PROFILE = WorkProfile(counter="5", services=("A", "B"))
S = TicketState


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def ticket(ticket_id: str, arrived: float = 0, **fields: Any) -> Ticket:
    """A waiting ticket of service A that arrived `arrived` minutes after 09:00."""
    base = Ticket(
        id=ticket_id,
        number="A001",
        service="A",
        channel=Channel.ON_SITE,
        issued_at=at(arrived),
        queue_key=QueueKey.arrival(at(arrived)),
    )
    return replace(base, **fields)


def order(tickets: list[Ticket], profile: WorkProfile, now: datetime) -> list[str]:
    """The order in which the counter would call the snapshot, one call at a time."""
    left, called = list(tickets), []
    while (chosen := choose_next(left, profile, now)) is not None:
        called.append(chosen.id)
        left.remove(chosen)
    return called


# ---------------------------------------------------------------- the ranking, rule by rule


@pytest.mark.parametrize(("green_first", "expected"), [(True, ["g", "o"]), (False, ["o", "g"])])
def test_green_channel_first(green_first: bool, expected: list[str]) -> None:
    snapshot = [ticket("o", arrived=0, priority=5), ticket("g", arrived=10, green_channel=True)]
    profile = replace(PROFILE, green_channel_first=green_first)
    assert order(snapshot, profile, at(30)) == expected


@pytest.mark.parametrize(
    ("before_appointment", "appointment_first"),
    [
        (timedelta(minutes=3), False),
        (timedelta(minutes=2, seconds=1), False),
        (timedelta(minutes=2), True),
        (timedelta(minutes=1), True),
        (timedelta(0), True),
        (-timedelta(minutes=20), True),  # late: still ahead of ordinary tickets
    ],
)
def test_appointments_come_first_from_two_minutes_before_their_time(
    before_appointment: timedelta, appointment_first: bool
) -> None:
    now = at(30)
    booked = ticket(
        "appt", arrived=20, channel=Channel.APPOINTMENT, appointment_at=now + before_appointment
    )
    snapshot = [ticket("early", arrived=0, priority=3), booked]
    expected = ["appt", "early"] if appointment_first else ["early", "appt"]
    assert order(snapshot, PROFILE, now) == expected


def test_green_channel_goes_before_a_due_appointment() -> None:
    snapshot = [
        ticket("appt", channel=Channel.APPOINTMENT, appointment_at=at(30)),
        ticket("green", arrived=25, green_channel=True),
    ]
    assert order(snapshot, PROFILE, at(30)) == ["green", "appt"]


@pytest.mark.parametrize(
    ("long_wait", "expected"),
    [
        (None, ["vip", "old"]),
        (timedelta(minutes=45), ["old", "vip"]),
        (timedelta(minutes=60), ["vip", "old"]),
    ],
)
def test_tickets_waiting_longer_than_the_limit_go_before_ordinary_ones(
    long_wait: timedelta | None, expected: list[str]
) -> None:
    snapshot = [ticket("old", arrived=0, service="B"), ticket("vip", arrived=50, priority=9)]
    profile = replace(PROFILE, long_wait=long_wait, service_weights={"A": 1})
    assert order(snapshot, profile, at(60)) == expected  # "old" has waited exactly 60 minutes


@pytest.mark.parametrize(
    ("priorities", "arrivals", "expected"),
    [
        ((0, 0, 0), (0, 5, 10), ["t0", "t1", "t2"]),  # arrival
        ((0, 1, 0), (0, 5, 10), ["t1", "t0", "t2"]),  # priority before arrival
        ((2, 1, 2), (10, 0, 5), ["t2", "t0", "t1"]),  # priority, then arrival within it
        ((-1, 0, 0), (0, 5, 5), ["t1", "t2", "t0"]),  # same arrival: by id
    ],
)
def test_priority_then_arrival_then_id(
    priorities: tuple[int, ...], arrivals: tuple[int, ...], expected: list[str]
) -> None:
    snapshot = [
        ticket(f"t{i}", arrived=a, priority=p)
        for i, (p, a) in enumerate(zip(priorities, arrivals, strict=True))
    ]
    assert order(list(reversed(snapshot)), PROFILE, at(30)) == expected


def test_service_weights_order_services_of_equal_priority() -> None:
    snapshot = [ticket("a", arrived=0), ticket("b", arrived=5, service="B")]
    weighted = replace(PROFILE, service_weights={"B": 2, "A": 1})
    assert order(snapshot, PROFILE, at(30)) == ["a", "b"]
    assert order(snapshot, weighted, at(30)) == ["b", "a"]
    assert order([*snapshot, ticket("p", arrived=9, priority=1)], weighted, at(30))[0] == "p"


@pytest.mark.parametrize(
    ("placement", "expected"),
    [
        (Placement.FRONT, ["moved", "x", "y"]),
        (Placement.END, ["x", "y", "moved"]),
        (Placement.BY_ARRIVAL, ["x", "moved", "y"]),
    ],
)
def test_a_transferred_ticket_waits_where_its_placement_puts_it(
    placement: Placement, expected: list[str]
) -> None:
    snapshot = [ticket("x", arrived=0, service="B"), ticket("y", arrived=20, service="B")]
    served = replace(ticket("moved", arrived=10), state=S.SERVING, counter="4", staff="s4")
    moved, _ = transfer(served, at=at(30), placement=placement, to_service="B", counter="4")
    assert order([*snapshot, moved], PROFILE, at(31)) == expected


def test_earlier_front_placements_stay_ahead_of_later_ones() -> None:
    first = ticket("first", arrived=9, queue_key=QueueKey.front(at(20)))
    second = ticket("second", arrived=1, queue_key=QueueKey.front(at(25)))
    assert order([second, first, ticket("plain")], PROFILE, at(30)) == ["first", "second", "plain"]


# ---------------------------------------------------------------- who may be called


@pytest.mark.parametrize(
    ("fields", "eligible"),
    [
        ({}, True),
        ({"service": "C"}, False),
        ({"state": S.CALLED, "counter": "4"}, False),
        ({"state": S.SERVING, "counter": "4"}, False),
        ({"state": S.PARKED, "counter": "5"}, False),  # called back explicitly, not chosen
        ({"state": S.DONE}, False),
        ({"state": S.NO_SHOW}, False),
        ({"state": S.LEFT}, False),
        ({"target_counter": "5", "service": "C"}, True),  # sent here, whatever its service
        ({"target_counter": "6"}, False),
        ({"target_staff": "s5", "service": "C"}, True),
        ({"target_staff": "s6"}, False),
        ({"target_counter": "5", "target_staff": "s6"}, False),
    ],
)
def test_eligibility(fields: dict[str, Any], eligible: bool) -> None:
    profile = replace(PROFILE, staff="s5")
    candidate = ticket("t", **fields)
    assert is_eligible(candidate, profile, at(30)) is eligible
    assert choose_next([candidate], profile, at(30)) == (candidate if eligible else None)


@pytest.mark.parametrize(
    ("since_miss", "recalls", "eligible"),
    [
        (timedelta(minutes=4, seconds=59), 0, False),
        (timedelta(minutes=5), 0, True),
        (timedelta(minutes=5), 2, True),
        (timedelta(hours=2), 3, False),
    ],
)
def test_recalls_go_through_the_normal_call_after_the_cooldown(
    since_miss: timedelta, recalls: int, eligible: bool
) -> None:
    gone = ticket("m", arrived=0, state=S.MISSED, missed_at=at(10), recalls=recalls, counter="4")
    now = at(10) + since_miss
    assert can_recall(gone, now, PROFILE) is eligible
    expected = ["m", "late"] if eligible else ["late"]
    assert order([ticket("late", arrived=12), gone], PROFILE, now) == expected


def test_choose_next_of_nothing_is_nothing() -> None:
    assert choose_next([], PROFILE, T0) is None


def test_choose_next_refuses_a_naive_time() -> None:
    with pytest.raises(InvalidInput, match="timezone-aware"):
        choose_next([ticket("t")], PROFILE, T0.replace(tzinfo=None))


@pytest.mark.parametrize(
    "fields",
    [
        {"counter": ""},
        {"service_weights": {"C": 1}},
        {"appointment_window": -timedelta(seconds=1)},
        {"recall_cooldown": -timedelta(seconds=1)},
        {"max_recalls": -1},
        {"long_wait": timedelta(0)},
    ],
)
def test_work_profile_refuses_nonsense(fields: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        replace(PROFILE, **fields)  # type: ignore[arg-type]


def test_work_profile_defaults_follow_the_hall_rules() -> None:
    assert PROFILE.green_channel_first
    assert PROFILE.appointment_window == timedelta(minutes=2)
    assert PROFILE.recall_cooldown == timedelta(minutes=5)
    assert PROFILE.max_recalls == 3
    assert PROFILE.long_wait is None
    assert hash(PROFILE) == hash(replace(PROFILE))


# ---------------------------------------------------------------- random snapshots

SERVICES = ("A", "B", "C")
COUNTERS = ("5", "6")
STAFF = ("s5", "s6")


def minutes(low: int, high: int, step: int = 1) -> st.SearchStrategy[datetime]:
    """Times after 09:00 on a grid: a coarse grid makes ties and exact boundaries frequent."""
    return st.integers(low // step, high // step).map(lambda n: at(n * step))


@st.composite
def snapshot_tickets(draw: st.DrawFn, index: int) -> Ticket:
    issued = draw(minutes(0, 120, step=10))
    appointment = draw(st.none() | minutes(0, 240, step=10))
    state = draw(st.sampled_from((S.WAITING,) * 8 + (S.MISSED,) * 3 + tuple(TicketState)))
    return Ticket(
        id=f"t{index:02d}",
        number=format_number("A", index + 1),
        service=draw(st.sampled_from(SERVICES)),
        channel=Channel.ON_SITE if appointment is None else Channel.APPOINTMENT,
        issued_at=issued,
        queue_key=QueueKey(draw(st.sampled_from((0, 1))), draw(minutes(0, 200, step=10))),
        state=state,
        green_channel=draw(st.integers(0, 3)) == 0,
        priority=draw(st.sampled_from((0, 0, 0, 1, -1))),
        appointment_at=appointment,
        recalls=draw(st.integers(0, 4)),
        counter=draw(st.none() | st.sampled_from(COUNTERS)),
        missed_at=draw(minutes(0, 240)) if state is S.MISSED else None,
        target_counter=draw(st.sampled_from((None,) * 8 + COUNTERS)),
        target_staff=draw(st.sampled_from((None,) * 8 + STAFF)),
    )


@st.composite
def snapshots(draw: st.DrawFn) -> list[Ticket]:
    count = draw(st.integers(0, 16))
    return draw(st.permutations([draw(snapshot_tickets(i)) for i in range(count)]))


@st.composite
def profiles(draw: st.DrawFn) -> WorkProfile:
    services = tuple(draw(st.lists(st.sampled_from(SERVICES), unique=True, min_size=1)))
    return WorkProfile(
        counter=draw(st.sampled_from(COUNTERS)),
        services=services,
        staff=draw(st.none() | st.sampled_from(STAFF)),
        service_weights=draw(st.dictionaries(st.sampled_from(services), st.integers(-2, 2))),
        green_channel_first=draw(st.booleans()),
        appointment_window=timedelta(minutes=draw(st.sampled_from((0, 2, 10, 20)))),
        recall_cooldown=timedelta(minutes=draw(st.integers(0, 10))),
        max_recalls=draw(st.integers(0, 3)),
        long_wait=draw(st.none() | st.integers(1, 6).map(lambda n: timedelta(minutes=10 * n))),
    )


def may_call(t: Ticket, p: WorkProfile, now: datetime) -> bool:
    """§8, read on its own: who this counter may call."""
    if t.target_counter is not None or t.target_staff is not None:
        sent_here = t.target_counter is None or t.target_counter == p.counter
        to_me = t.target_staff is None or (p.staff is not None and t.target_staff == p.staff)
        if not (sent_here and to_me):
            return False
    elif t.service not in p.services:
        return False
    if t.state is S.WAITING:
        return True
    if t.state is not S.MISSED or t.missed_at is None:
        return False
    return t.recalls < p.max_recalls and now - t.missed_at >= p.recall_cooldown


def goes_before(a: Ticket, b: Ticket, p: WorkProfile, now: datetime) -> bool:
    """§8, read on its own: must `a` be called before `b`? Rule by rule, first difference wins."""

    def green(t: Ticket) -> bool:
        return p.green_channel_first and t.green_channel

    def due(t: Ticket) -> bool:
        return t.appointment_at is not None and t.appointment_at - now <= p.appointment_window

    def waited_long(t: Ticket) -> bool:
        return p.long_wait is not None and now - t.issued_at > p.long_wait

    def weight(t: Ticket) -> int:
        return p.service_weights.get(t.service, 0)

    rules: list[tuple[Any, Any, bool]] = [  # a's value, b's value, whether the larger goes first
        (green(a), green(b), True),
        (due(a), due(b), True),
        (waited_long(a), waited_long(b), True),
        (a.priority, b.priority, True),
        (weight(a), weight(b), True),
        (a.queue_key.band, b.queue_key.band, False),
        (a.queue_key.at, b.queue_key.at, False),
        (a.id, b.id, False),
    ]
    for of_a, of_b, larger_first in rules:
        if of_a != of_b:
            return bool(of_a > of_b) == larger_first
    return False


@given(snapshots(), profiles(), minutes(60, 180, step=10))
def test_choose_next_picks_an_eligible_ticket_that_no_eligible_ticket_outranks(
    snapshot: list[Ticket], profile: WorkProfile, now: datetime
) -> None:
    # Every call of the day, not only the first: each one is a snapshot of its own.
    remaining = list(snapshot)
    while eligible := [t for t in remaining if may_call(t, profile, now)]:
        chosen = choose_next(remaining, profile, now)
        assert chosen is not None
        assert chosen in eligible
        for other in eligible:
            if other is not chosen:
                assert not goes_before(other, chosen, profile, now), (other.id, chosen.id)
        remaining.remove(chosen)
    assert choose_next(remaining, profile, now) is None
