"""Ticket numbers, daily caps and the moves of a ticket (DOMAIN.md §8)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.errors import InvalidInput, RuleViolation
from clerk.queue import (
    Channel,
    DailyCap,
    EventKind,
    Outcome,
    Placement,
    QueueKey,
    Ticket,
    TicketState,
    Transition,
    WorkProfile,
    call,
    call_from_park,
    can_call_next,
    ensure_counter_free,
    expire_missed,
    finish,
    format_number,
    issue,
    leave,
    mark_missed,
    next_number,
    numbers_issued_on,
    park,
    recall,
    split_number,
    start_serving,
    transfer,
)

TZ = timezone(timedelta(hours=8))
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)
PROFILE = WorkProfile(counter="5", services=("A",))  # cooldown 5 min, 3 recalls
S = TicketState


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def waiting(ticket_id: str = "t1", number: str = "A001", minutes: float = 0) -> Ticket:
    ticket, _ = issue(
        ticket_id=ticket_id, number=number, service="A", channel=Channel.ON_SITE, at=at(minutes)
    )
    return ticket


def called(counter: str = "5") -> Ticket:
    return call(waiting(), at=at(1), counter=counter, staff="s1", current=None).ticket


def serving() -> Ticket:
    return start_serving(called(), at=at(2), counter="5").ticket


def missed(recalls: int = 0) -> Ticket:
    return replace(mark_missed(called(), at=at(2), counter="5").ticket, recalls=recalls)


def in_state(state: TicketState) -> Ticket:
    """A ticket in any state, held by counter 5 where the state has a holder."""
    return replace(waiting(), state=state, counter="5", staff="s1", missed_at=at(2))


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("prefix", "seq", "number"),
    [
        ("A", 1, "A001"),
        ("A", 12, "A012"),
        ("B", 999, "B999"),
        ("A", 1000, "A1000"),
        ("XY", 5, "XY005"),
    ],
)
def test_format_number_pads_to_three_digits_and_grows_past_999(
    prefix: str, seq: int, number: str
) -> None:
    assert format_number(prefix, seq) == number
    assert split_number(number) == (prefix, seq)


@pytest.mark.parametrize(
    ("prefix", "seq"), [("a", 1), ("", 1), ("A1", 1), ("ABCDE", 1), ("A", 0), ("A", -3)]
)
def test_format_number_refuses_bad_prefix_or_sequence(prefix: str, seq: int) -> None:
    with pytest.raises(InvalidInput):
        format_number(prefix, seq)


@pytest.mark.parametrize("text", ["A01", "A0012", "a001", "A", "001", "A001 ", "A-01"])
def test_split_number_refuses_what_format_number_would_not_write(text: str) -> None:
    with pytest.raises(InvalidInput, match="not a ticket number"):
        split_number(text)


@pytest.mark.parametrize(
    ("issued", "expected"),
    [([], "A001"), (["A001"], "A002"), (["A003", "A001"], "A004"), (["A999"], "A1000")],
)
def test_next_number_follows_the_highest_issued_today(issued: list[str], expected: str) -> None:
    assert next_number("A", issued) == expected


def test_next_number_refuses_another_queues_number() -> None:
    with pytest.raises(InvalidInput, match="does not belong to queue A"):
        next_number("A", ["A001", "B002"])


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2025, 3, 3), "A004"), (date(2025, 3, 4), "A002"), (date(2025, 3, 5), "A001")],
)
def test_numbers_restart_at_001_every_day(day: date, expected: str) -> None:
    evening = datetime(2025, 3, 3, 23, 58, tzinfo=TZ)
    times = [evening, evening, evening + timedelta(minutes=1), evening + timedelta(minutes=3)]
    numbers = ["A001", "A002", "A003", "A001"]  # the last one is already the next day's first
    tickets = [
        replace(waiting(f"t{i}", n), issued_at=t)
        for i, (n, t) in enumerate(zip(numbers, times, strict=True))
    ]
    tickets.append(replace(waiting("tb", "B007"), issued_at=evening))  # another queue
    assert next_number("A", numbers_issued_on(tickets, prefix="A", day=day)) == expected


@pytest.mark.parametrize(
    ("limit", "issued", "allowed"), [(3, 2, True), (3, 3, False), (1, 0, True), (1, 1, False)]
)
def test_daily_cap_refuses_once_reached(limit: int, issued: int, allowed: bool) -> None:
    numbers = [format_number("A", i + 1) for i in range(issued)]
    if allowed:
        assert next_number("A", numbers, cap=DailyCap(limit)) == format_number("A", issued + 1)
    else:
        with pytest.raises(RuleViolation, match=f"daily cap of {limit}"):
            next_number("A", numbers, cap=DailyCap(limit))


def test_a_daily_cap_allows_at_least_one_ticket() -> None:
    with pytest.raises(InvalidInput):
        DailyCap(0)


@given(st.sets(st.integers(1, 20_000), max_size=30))
def test_next_number_is_past_every_number_issued(seqs: set[int]) -> None:
    issued = [format_number("Q", s) for s in seqs]
    prefix, seq = split_number(next_number("Q", issued))
    assert prefix == "Q"
    assert seq == max(seqs, default=0) + 1


# ---------------------------------------------------------------- issue


def test_issue_puts_the_ticket_in_its_queue_by_arrival() -> None:
    ticket, event = issue(
        ticket_id="t9", number="A009", service="A", channel=Channel.ID_CARD, at=T0, priority=2
    )
    assert ticket.state is S.WAITING
    assert ticket.queue_key == QueueKey.arrival(T0)
    assert (ticket.priority, ticket.recalls, ticket.counter) == (2, 0, None)
    assert event.kind is EventKind.ISSUED
    assert (event.ticket_id, event.at, event.service) == ("t9", T0, "A")
    assert event.detail == {"number": "A009", "channel": "id_card"}


def test_a_counter_local_ticket_can_only_be_called_at_its_counter() -> None:
    ticket, event = issue(
        ticket_id="l1",
        number="W001",
        service="A",
        channel=Channel.COUNTER_LOCAL,
        at=T0,
        counter="5",
        staff="s1",
    )
    assert (ticket.target_counter, event.counter, event.staff) == ("5", "5", "s1")
    with pytest.raises(RuleViolation, match="waits for counter 5"):
        call(ticket, at=at(1), counter="6", staff="s2", current=None)


@pytest.mark.parametrize(
    ("channel", "appointment", "counter", "number", "when"),
    [
        (Channel.APPOINTMENT, None, None, "A001", T0),
        (Channel.ON_SITE, T0, None, "A001", T0),
        (Channel.APPOINTMENT, T0.replace(tzinfo=None), None, "A001", T0),
        (Channel.COUNTER_LOCAL, None, None, "W001", T0),
        (Channel.ON_SITE, None, None, "A01", T0),
        (Channel.ON_SITE, None, None, "A001", T0.replace(tzinfo=None)),
    ],
)
def test_issue_refuses_inconsistent_input(
    channel: Channel, appointment: datetime | None, counter: str | None, number: str, when: datetime
) -> None:
    with pytest.raises(InvalidInput):
        issue(
            ticket_id="t1",
            number=number,
            service="A",
            channel=channel,
            at=when,
            appointment_at=appointment,
            counter=counter,
        )


def test_issue_needs_an_id_and_a_service() -> None:
    with pytest.raises(InvalidInput, match="id and a service"):
        issue(ticket_id="", number="A001", service="A", channel=Channel.ON_SITE, at=T0)


# ---------------------------------------------------------------- which move from which state

Move = Callable[[Ticket], Transition | None]
MOVES: dict[str, tuple[Move, frozenset[TicketState], TicketState]] = {
    "call": (
        lambda t: call(t, at=at(30), counter="5", staff="s1", current=None),
        frozenset({S.WAITING}),
        S.CALLED,
    ),
    "recall": (
        lambda t: recall(t, at=at(30), counter="5", staff="s1", current=None, limits=PROFILE),
        frozenset({S.MISSED}),
        S.CALLED,
    ),
    "start": (lambda t: start_serving(t, at=at(30), counter="5"), frozenset({S.CALLED}), S.SERVING),
    "park": (lambda t: park(t, at=at(30), counter="5"), frozenset({S.SERVING}), S.PARKED),
    "call_from_park": (
        lambda t: call_from_park(t, at=at(30), counter="5", staff="s1", current=None),
        frozenset({S.PARKED}),
        S.CALLED,
    ),
    "finish": (
        lambda t: finish(t, at=at(30), counter="5", outcome=Outcome.CONSULTATION),
        frozenset({S.SERVING}),
        S.DONE,
    ),
    "miss": (lambda t: mark_missed(t, at=at(30), counter="5"), frozenset({S.CALLED}), S.MISSED),
    "transfer": (
        lambda t: transfer(t, at=at(30), placement=Placement.END, to_service="B", counter="5"),
        frozenset({S.WAITING, S.CALLED, S.SERVING, S.PARKED, S.MISSED}),
        S.WAITING,
    ),
    "leave": (
        lambda t: leave(t, at=at(30), counter="5"),
        frozenset({S.WAITING, S.CALLED, S.SERVING, S.PARKED, S.MISSED}),
        S.LEFT,
    ),
}


@pytest.mark.parametrize("state", list(TicketState))
@pytest.mark.parametrize("move", sorted(MOVES))
def test_each_move_is_allowed_exactly_from_its_states(move: str, state: TicketState) -> None:
    apply, allowed, result = MOVES[move]
    ticket = in_state(state)
    if state in allowed:
        outcome = apply(ticket)
        assert outcome is not None
        assert outcome.ticket.state is result
        assert outcome.event.ticket_id == ticket.id
    else:
        with pytest.raises(RuleViolation, match=f"cannot .*it is {state.value}"):
            apply(ticket)


@pytest.mark.parametrize(
    "move",
    [
        lambda t: start_serving(t, at=at(3), counter="6"),
        lambda t: mark_missed(t, at=at(3), counter="6"),
        lambda t: park(start_serving(t, at=at(2), counter="5").ticket, at=at(3), counter="6"),
        lambda t: finish(
            start_serving(t, at=at(2), counter="5").ticket,
            at=at(3),
            counter="6",
            outcome=Outcome.CONSULTATION,
        ),
        lambda t: transfer(t, at=at(3), placement=Placement.END, to_service="B", counter="6"),
        lambda t: transfer(t, at=at(3), placement=Placement.END, to_service="B"),
        lambda t: leave(t, at=at(3), counter="6"),
    ],
    ids=["start", "miss", "park", "finish", "transfer", "transfer-anonymous", "leave"],
)
def test_only_the_counter_holding_a_ticket_moves_it(move: Move) -> None:
    with pytest.raises(RuleViolation, match="counter 5"):
        move(called("5"))


def test_a_called_ticket_cannot_be_called_at_a_second_counter() -> None:
    with pytest.raises(RuleViolation, match="it is called, not waiting"):
        call(called("5"), at=at(2), counter="6", staff="s2", current=None)


def test_moves_refuse_naive_times() -> None:
    with pytest.raises(InvalidInput, match="timezone-aware"):
        call(waiting(), at=at(1).replace(tzinfo=None), counter="5", staff="s1", current=None)


# ---------------------------------------------------------------- serving, parking, finishing


def test_a_visit_with_a_park_leaves_one_event_per_move() -> None:
    ticket = serving()
    ticket, parked_event = park(ticket, at=at(5), counter="5", note="fetch a copy")
    ticket, back = call_from_park(ticket, at=at(12), counter="5", staff="s2", current=None)
    ticket, _ = start_serving(ticket, at=at(13), counter="5")
    ticket, done = finish(
        ticket,
        at=at(20),
        counter="5",
        outcome=Outcome.ACCEPTED,
        case_ids=["c1", "c1", "c2"],
        document_numbers=["R-1"],
    )
    assert parked_event.detail == {"note": "fetch a copy"}
    assert (back.kind, back.staff, back.detail) == (
        EventKind.CALLED,
        "s2",
        {"from_state": "parked"},
    )
    assert (ticket.state, ticket.outcome, ticket.closed_at) == (S.DONE, Outcome.ACCEPTED, at(20))
    assert ticket.case_ids == ("c1", "c2")
    assert dict(done.detail) == {"outcome": "accepted", "cases": "c1,c2", "documents": "R-1"}


@pytest.mark.parametrize("outcome", [o for o in Outcome if o is not Outcome.CONSULTATION])
def test_a_case_outcome_must_name_its_case(outcome: Outcome) -> None:
    with pytest.raises(RuleViolation, match="must name its case"):
        finish(serving(), at=at(9), counter="5", outcome=outcome)
    done, _ = finish(serving(), at=at(9), counter="5", outcome=outcome, case_ids=["c1"])
    assert done.outcome is outcome


def test_a_consultation_needs_no_case_but_an_empty_case_id_is_refused() -> None:
    done, _ = finish(serving(), at=at(9), counter="5", outcome=Outcome.CONSULTATION)
    assert done.case_ids == ()
    with pytest.raises(InvalidInput, match="empty case id"):
        finish(serving(), at=at(9), counter="5", outcome=Outcome.CONSULTATION, case_ids=[""])


# ---------------------------------------------------------------- missed, recalled, no-show


@pytest.mark.parametrize(
    ("after_miss", "recalls", "refusal"),
    [
        (timedelta(minutes=4, seconds=59), 0, "can be recalled from 09:07:00"),
        (timedelta(minutes=5), 0, None),
        (timedelta(minutes=30), 2, None),
        (timedelta(minutes=30), 3, "used all 3 recalls"),
    ],
)
def test_a_missed_ticket_is_recalled_after_the_cooldown_and_within_the_limit(
    after_miss: timedelta, recalls: int, refusal: str | None
) -> None:
    ticket = missed(recalls)  # missed at 09:02

    def again() -> Transition:
        return recall(
            ticket, at=at(2) + after_miss, counter="6", staff="s2", current=None, limits=PROFILE
        )

    if refusal is not None:
        with pytest.raises(RuleViolation, match=refusal):
            again()
        return
    recalled, event = again()
    assert (recalled.state, recalled.recalls, recalled.counter) == (S.CALLED, recalls + 1, "6")
    assert (event.kind, event.detail) == (EventKind.RECALLED, {"recall": str(recalls + 1)})


@pytest.mark.parametrize(
    ("recalls", "after_miss", "no_show"),
    [
        (3, timedelta(minutes=5), True),
        (3, timedelta(minutes=4), False),
        (2, timedelta(hours=3), False),
        (0, timedelta(0), False),
    ],
)
def test_a_missed_ticket_without_recalls_left_expires_to_no_show(
    recalls: int, after_miss: timedelta, no_show: bool
) -> None:
    result = expire_missed(missed(recalls), at(2) + after_miss, PROFILE)
    if not no_show:
        assert result is None
        return
    assert result is not None
    assert (result.ticket.state, result.ticket.closed_at) == (S.NO_SHOW, at(2) + after_miss)
    assert (result.event.kind, result.event.counter) == (EventKind.NO_SHOW, "5")


@pytest.mark.parametrize("state", [s for s in TicketState if s is not S.MISSED])
def test_only_missed_tickets_expire(state: TicketState) -> None:
    assert expire_missed(replace(in_state(state), recalls=9), at(600), PROFILE) is None


def test_three_recalls_then_no_show() -> None:
    ticket, now, kinds = called(), at(1), []
    for _ in range(PROFILE.max_recalls):
        now += timedelta(minutes=1)
        ticket, _ = mark_missed(ticket, at=now, counter="5")
        assert expire_missed(ticket, now + timedelta(hours=1), PROFILE) is None  # recalls left
        now += PROFILE.recall_cooldown
        ticket, event = recall(
            ticket, at=now, counter="5", staff="s1", current=None, limits=PROFILE
        )
        kinds.append(event.kind)
    ticket, _ = mark_missed(ticket, at=now, counter="5")
    with pytest.raises(RuleViolation, match="used all 3 recalls"):
        recall(
            ticket,
            at=now + timedelta(hours=1),
            counter="5",
            staff="s1",
            current=None,
            limits=PROFILE,
        )
    gone = expire_missed(ticket, now + PROFILE.recall_cooldown, PROFILE)
    assert gone is not None
    assert kinds == [EventKind.RECALLED] * 3
    assert gone.ticket.state is S.NO_SHOW
    assert gone.ticket.is_final


# ---------------------------------------------------------------- the loop rule


@pytest.mark.parametrize(
    ("state", "free"),
    [
        (S.CALLED, False),
        (S.SERVING, False),
        (S.PARKED, True),
        (S.DONE, True),
        (S.MISSED, True),
        (S.NO_SHOW, True),
        (S.LEFT, True),
        (S.WAITING, True),
    ],
)
def test_a_counter_calls_the_next_ticket_only_once_its_current_one_is_resolved(
    state: TicketState, free: bool
) -> None:
    current = in_state(state)
    assert can_call_next(current) is free
    for calling in _calls_by_counter_5(current):
        if free:
            assert calling().ticket.state is S.CALLED
        else:
            with pytest.raises(RuleViolation, match=f"A001 is still {state.value} at counter 5"):
                calling()


def _calls_by_counter_5(current: Ticket) -> list[Callable[[], Transition]]:
    """A call, a recall and a call back from park, all by counter 5 whose ticket is `current`."""
    return [
        partial(call, waiting("t2", "A002"), at=at(9), counter="5", staff="s1", current=current),
        partial(
            recall,
            replace(missed(), id="t3"),
            at=at(9),
            counter="5",
            staff="s1",
            current=current,
            limits=PROFILE,
        ),
        partial(
            call_from_park,
            replace(in_state(S.PARKED), id="t4"),
            at=at(9),
            counter="5",
            staff="s1",
            current=current,
        ),
    ]


def test_ensure_counter_free_says_what_to_do_with_the_current_ticket() -> None:
    ensure_counter_free(None)
    ensure_counter_free(serving(), counter="6")
    with pytest.raises(RuleViolation, match="finish, park, transfer or mark it missed"):
        ensure_counter_free(serving())


def test_no_current_ticket_or_one_held_elsewhere_does_not_block() -> None:
    assert can_call_next(None)
    assert can_call_next(called("6"), counter="5")
    assert not can_call_next(called("5"), counter="5")


# ---------------------------------------------------------------- transfers


@pytest.mark.parametrize(
    ("placement", "key"),
    [
        (Placement.FRONT, QueueKey.front(at(30))),
        (Placement.END, QueueKey.arrival(at(30))),
        (Placement.BY_ARRIVAL, QueueKey.arrival(at(0))),
    ],
)
def test_a_transfer_places_the_ticket_at_the_front_the_end_or_by_arrival(
    placement: Placement, key: QueueKey
) -> None:
    moved, event = transfer(
        serving(),
        at=at(30),
        placement=placement,
        to_service="B",
        to_counter="7",
        to_staff="s7",
        note="needs the tax desk",
        counter="5",
        staff="s1",
    )
    assert moved.queue_key == key
    assert (moved.state, moved.service, moved.target_counter, moved.target_staff) == (
        S.WAITING,
        "B",
        "7",
        "s7",
    )
    assert (moved.counter, moved.staff, moved.recalls, moved.transfer_note) == (
        None,
        None,
        0,
        "needs the tax desk",
    )
    assert (event.kind, event.service, event.counter, event.staff) == (
        EventKind.TRANSFERRED,
        "A",
        "5",
        "s1",
    )
    assert dict(event.detail) == {
        "to_service": "B",
        "to_counter": "7",
        "to_staff": "s7",
        "placement": placement.value,
        "note": "needs the tax desk",
    }


def test_a_transfer_needs_a_target() -> None:
    with pytest.raises(InvalidInput, match="needs a target"):
        transfer(waiting(), at=at(3), placement=Placement.END)


def test_a_waiting_ticket_is_transferred_without_a_counter() -> None:
    moved, event = transfer(missed(2), at=at(9), placement=Placement.FRONT, to_counter="8")
    assert (moved.service, moved.target_counter, moved.recalls) == ("A", "8", 0)
    assert event.counter is None


@pytest.mark.parametrize(
    ("counter", "staff", "refusal"),
    [
        ("6", "s7", "waits for counter 7"),
        ("7", "s6", "waits for staff member s7"),
        ("7", "s7", None),
    ],
)
def test_a_ticket_transferred_to_a_counter_or_staff_is_called_only_there(
    counter: str, staff: str, refusal: str | None
) -> None:
    moved, _ = transfer(waiting(), at=at(3), placement=Placement.END, to_counter="7", to_staff="s7")
    if refusal is None:
        assert (
            call(moved, at=at(4), counter=counter, staff=staff, current=None).ticket.counter == "7"
        )
    else:
        with pytest.raises(RuleViolation, match=refusal):
            call(moved, at=at(4), counter=counter, staff=staff, current=None)


def test_leaving_is_recorded_by_whoever_saw_it() -> None:
    gone, event = leave(waiting(), at=at(40), reason="gave up")
    assert (gone.state, gone.closed_at) == (S.LEFT, at(40))
    assert (event.kind, event.counter, event.detail) == (
        EventKind.LEFT,
        None,
        {"reason": "gave up"},
    )


# ---------------------------------------------------------------- random sequences of moves

COUNTERS = ("5", "6")
LEGAL_STEPS = {
    (S.WAITING, S.CALLED),
    (S.WAITING, S.WAITING),
    (S.WAITING, S.LEFT),
    (S.CALLED, S.SERVING),
    (S.CALLED, S.MISSED),
    (S.CALLED, S.WAITING),
    (S.CALLED, S.LEFT),
    (S.SERVING, S.PARKED),
    (S.SERVING, S.DONE),
    (S.SERVING, S.WAITING),
    (S.SERVING, S.LEFT),
    (S.PARKED, S.CALLED),
    (S.PARKED, S.WAITING),
    (S.PARKED, S.LEFT),
    (S.MISSED, S.CALLED),
    (S.MISSED, S.NO_SHOW),
    (S.MISSED, S.WAITING),
    (S.MISSED, S.LEFT),
}
KINDS = {
    "call": EventKind.CALLED,
    "recall": EventKind.RECALLED,
    "start": EventKind.STARTED,
    "park": EventKind.PARKED,
    "call_from_park": EventKind.CALLED,
    "finish": EventKind.FINISHED,
    "miss": EventKind.MISSED,
    "expire": EventKind.NO_SHOW,
    "transfer": EventKind.TRANSFERRED,
    "leave": EventKind.LEFT,
}
CALLS = {"call", "recall", "call_from_park"}


def _attempt(
    action: str,
    ticket: Ticket,
    *,
    counter: str,
    now: datetime,
    current: Ticket | None,
    profile: WorkProfile,
) -> Transition | None:
    staff = "s" + counter
    other_service = "B" if ticket.service == "A" else "A"
    moves: dict[str, Callable[[], Transition | None]] = {
        "call": lambda: call(ticket, at=now, counter=counter, staff=staff, current=current),
        "recall": lambda: recall(
            ticket, at=now, counter=counter, staff=staff, current=current, limits=profile
        ),
        "start": lambda: start_serving(ticket, at=now, counter=counter),
        "park": lambda: park(ticket, at=now, counter=counter),
        "call_from_park": lambda: call_from_park(
            ticket, at=now, counter=counter, staff=staff, current=current
        ),
        "finish": lambda: finish(
            ticket, at=now, counter=counter, outcome=Outcome.HAND_OUT, case_ids=["c1"]
        ),
        "miss": lambda: mark_missed(ticket, at=now, counter=counter),
        "expire": lambda: expire_missed(ticket, now, profile),
        "transfer": lambda: transfer(
            ticket,
            at=now,
            placement=Placement.BY_ARRIVAL,
            to_service=other_service,
            counter=counter,
        ),
        "leave": lambda: leave(ticket, at=now, counter=counter),
    }
    return moves[action]()


def _check_invariants(ticket: Ticket, profile: WorkProfile) -> None:
    assert ticket.state is not S.TRANSFERRED
    assert 0 <= ticket.recalls <= profile.max_recalls
    if ticket.state in {S.CALLED, S.SERVING, S.PARKED}:
        assert ticket.counter in COUNTERS
        assert ticket.staff == f"s{ticket.counter}"
    if ticket.state is S.MISSED:
        assert ticket.missed_at is not None
    if ticket.is_final:
        assert ticket.closed_at is not None
    assert (ticket.state is S.DONE) == (ticket.outcome is not None)


LIKELY = {
    S.WAITING: ("call",),
    S.CALLED: ("start", "miss"),
    S.SERVING: ("finish", "park"),
    S.PARKED: ("call_from_park",),
    S.MISSED: ("recall", "expire"),
}
"""Moves that often succeed from a state: half the draws use them, so runs reach every state."""


@given(st.data())
def test_random_moves_never_reach_an_illegal_state(data: st.DataObject) -> None:
    profile = WorkProfile(
        counter="5",
        services=("A",),
        max_recalls=data.draw(st.integers(0, 3), label="max_recalls"),
        recall_cooldown=timedelta(seconds=data.draw(st.integers(0, 600), label="cooldown")),
    )
    ticket, now = waiting(), T0
    for _ in range(data.draw(st.integers(0, 40), label="steps")):
        actions = st.sampled_from(sorted(KINDS))
        if ticket.state in LIKELY:
            actions = st.sampled_from(LIKELY[ticket.state]) | actions
        counters = st.sampled_from(COUNTERS)
        if ticket.counter is not None:
            counters = st.just(ticket.counter) | counters
        action, counter = data.draw(actions, label="action"), data.draw(counters, label="counter")
        now += timedelta(seconds=data.draw(st.integers(0, 600), label="seconds"))
        busy = data.draw(st.integers(0, 4), label="busy") == 0  # another ticket blocks the counter
        before = ticket
        held_here = ticket if ticket.counter == counter else None
        current = replace(in_state(S.SERVING), id="other", counter=counter) if busy else held_here
        try:
            result = _attempt(
                action, ticket, counter=counter, now=now, current=current, profile=profile
            )
        except RuleViolation:
            continue
        if result is None:
            assert action == "expire"
            continue
        ticket, event = result
        assert not before.is_final, f"{action} changed a {before.state.value} ticket"
        assert not (busy and action in CALLS), "called while the counter was busy"
        assert (before.state, ticket.state) in LEGAL_STEPS
        assert (event.ticket_id, event.kind, event.at) == (before.id, KINDS[action], now)
        _check_invariants(ticket, profile)
