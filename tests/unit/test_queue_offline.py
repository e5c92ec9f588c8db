"""The rules of a counter in local mode: its own numbers, the replay, hand-served hall tickets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from clerk import queue as rules
from clerk.clock import HALL_TIMEZONE
from clerk.errors import InvalidInput, RuleViolation
from clerk.queue import Channel, EventKind, Outcome, QueueEvent, Ticket, TicketState
from clerk.queue.offline import (
    Clash,
    HandServed,
    close_missed,
    format_local_number,
    is_local_number,
    issue_local,
    replay,
    serve_by_hand,
    split_local_number,
)

AT = datetime(2026, 12, 3, 9, 0, tzinfo=HALL_TIMEZONE)
S = TicketState


def minutes(n: float) -> datetime:
    return AT + timedelta(minutes=n)


def test_local_numbers_carry_the_counter_and_a_dash_so_they_never_look_like_hall_numbers() -> None:
    assert format_local_number("W03", 1) == "W03-001"
    assert format_local_number("w03", 1234) == "W03-1234"
    assert split_local_number("W03-012") == ("W03", 12)
    assert is_local_number("W03-012")
    for hall_number in ("A012", "AB001", "W03"):
        assert not is_local_number(hall_number)
        with pytest.raises(InvalidInput):
            split_local_number(hall_number)
    with pytest.raises(InvalidInput):
        rules.split_number("W03-001")  # and the hall's rules never take a local number


def test_a_local_number_the_registry_cannot_store_is_refused() -> None:
    with pytest.raises(InvalidInput, match="too long"):
        format_local_number("COUNTER-NORTH-1", 1)
    with pytest.raises(InvalidInput):
        format_local_number("W03", 0)


def test_a_local_ticket_is_reserved_for_its_counter() -> None:
    ticket, event = issue_local(
        ticket_id="t1", seq=4, service="BIZ", counter="W03", staff="C001", at=AT
    )
    profile_here = rules.WorkProfile(counter="W03", services=())
    profile_elsewhere = rules.WorkProfile(counter="W01", services=("BIZ",))

    assert (ticket.number, ticket.channel, ticket.target_counter) == (
        "W03-004",
        Channel.COUNTER_LOCAL,
        "W03",
    )
    assert (event.kind, event.counter, event.staff) == (EventKind.ISSUED, "W03", "C001")
    assert rules.choose_next([ticket], profile_here, AT) == ticket
    assert rules.choose_next([ticket], profile_elsewhere, AT) is None


def served_locally(counter: str = "W03") -> list[QueueEvent]:
    """A local ticket's events: issued, called, missed, recalled, served, parked, back, done."""
    first = issue_local(ticket_id="t1", seq=1, service="BIZ", counter=counter, staff="C001", at=AT)
    moves = [first]

    def then(move: rules.Transition) -> Ticket:
        moves.append(move)
        return move.ticket

    t = then(rules.call(first.ticket, at=minutes(1), counter=counter, staff="C001", current=None))
    t = then(rules.mark_missed(t, at=minutes(2), counter=counter))
    limits = rules.WorkProfile(counter=counter, services=(), recall_cooldown=timedelta(0))
    t = then(
        rules.recall(t, at=minutes(3), counter=counter, staff="C001", current=None, limits=limits)
    )
    t = then(rules.start_serving(t, at=minutes(4), counter=counter))
    t = then(rules.park(t, at=minutes(5), counter=counter, note="复印"))
    t = then(rules.call_from_park(t, at=minutes(9), counter=counter, staff="C001", current=None))
    t = then(rules.start_serving(t, at=minutes(10), counter=counter))
    then(
        rules.finish(
            t,
            at=minutes(20),
            counter=counter,
            outcome=Outcome.ACCEPTED,
            case_ids=["c1"],
            document_numbers=["D1", "D2"],
        )
    )
    return [move.event for move in moves]


def test_the_replay_rebuilds_the_ticket_the_counter_served() -> None:
    events = served_locally()
    moves = replay(events, counter="W03")
    ticket = moves[-1].ticket

    assert [move.event for move in moves] == events
    assert (ticket.state, ticket.outcome, ticket.case_ids, ticket.document_numbers) == (
        S.DONE,
        Outcome.ACCEPTED,
        ("c1",),
        ("D1", "D2"),
    )
    assert (ticket.recalls, ticket.closed_at, ticket.counter) == (1, minutes(20), "W03")


def test_the_replay_refuses_another_counters_ticket_and_broken_histories() -> None:
    events = served_locally()

    with pytest.raises(InvalidInput, match="not one of counter W01"):
        replay(events, counter="W01")
    with pytest.raises(InvalidInput, match="goes back"):
        replay([events[0], replace(events[1], at=AT - timedelta(seconds=1))], counter="W03")
    with pytest.raises(RuleViolation):  # served before it was called
        replay([events[0], events[4]], counter="W03")
    with pytest.raises(InvalidInput, match="ISSUED"):
        replay(events[1:], counter="W03")
    with pytest.raises(InvalidInput):
        replay([], counter="W03")
    transferred = replace(events[1], kind=EventKind.TRANSFERRED)
    with pytest.raises(InvalidInput, match="transferred"):
        replay([events[0], transferred], counter="W03")


def test_a_missed_local_ticket_becomes_a_no_show_when_the_counter_leaves_local_mode() -> None:
    issued = issue_local(ticket_id="t", seq=1, service="BIZ", counter="W03", staff="C", at=AT)
    called = rules.call(issued.ticket, at=minutes(1), counter="W03", staff="C", current=None)
    missed = rules.mark_missed(called.ticket, at=minutes(2), counter="W03")

    gone = close_missed(missed.ticket, at=minutes(3))

    assert (gone.ticket.state, gone.event.kind, gone.ticket.closed_at) == (
        S.NO_SHOW,
        EventKind.NO_SHOW,
        minutes(3),
    )
    replayed = replay([issued.event, called.event, missed.event, gone.event], counter="W03")
    assert replayed[-1].ticket.state is S.NO_SHOW
    with pytest.raises(RuleViolation):
        close_missed(called.ticket, at=minutes(3))


def hall_ticket(number: str = "A012") -> Ticket:
    return rules.issue(
        ticket_id="h1", number=number, service="BIZ", channel=Channel.ON_SITE, at=AT
    ).ticket


def by_hand(**changes: object) -> HandServed:
    served = HandServed(
        op_id="op1",
        number="A012",
        day=date(2026, 12, 3),
        service="BIZ",
        counter="W03",
        staff="C001",
        started_at=minutes(30),
        finished_at=minutes(45),
        outcome=Outcome.CONSULTATION,
    )
    return replace(served, **changes)  # type: ignore[arg-type]


def test_a_waiting_hall_ticket_served_by_hand_is_called_served_and_finished_at_its_times() -> None:
    moves = serve_by_hand(hall_ticket(), by_hand())
    done = moves[-1].ticket

    assert [m.event.kind for m in moves] == [
        EventKind.CALLED,
        EventKind.STARTED,
        EventKind.FINISHED,
    ]
    assert (done.state, done.counter, done.staff) == (S.DONE, "W03", "C001")
    assert (done.called_at, done.started_at, done.closed_at) == (
        minutes(30),
        minutes(30),
        minutes(45),
    )


def test_a_hall_ticket_this_counter_held_continues_from_where_it_stood() -> None:
    called = rules.call(hall_ticket(), at=minutes(5), counter="W03", staff="C001", current=None)
    serving = rules.start_serving(called.ticket, at=minutes(6), counter="W03").ticket

    from_called = serve_by_hand(called.ticket, by_hand())
    from_serving = serve_by_hand(serving, by_hand())

    assert [m.event.kind for m in from_called] == [EventKind.STARTED, EventKind.FINISHED]
    assert [m.event.kind for m in from_serving] == [EventKind.FINISHED]
    assert from_serving[-1].ticket.started_at == minutes(6)


def test_a_hall_ticket_moved_elsewhere_meanwhile_is_a_clash() -> None:
    at_w01 = rules.call(hall_ticket(), at=minutes(5), counter="W01", staff="C9", current=None)
    served = rules.start_serving(at_w01.ticket, at=minutes(6), counter="W01").ticket
    done = rules.finish(served, at=minutes(7), counter="W01", outcome=Outcome.CONSULTATION).ticket

    for ticket in (at_w01.ticket, served, done):
        with pytest.raises(Clash, match="counter W01"):
            serve_by_hand(ticket, by_hand())
    sent_elsewhere = replace(hall_ticket(), target_counter="W02")
    with pytest.raises(Clash, match="waits for counter W02"):
        serve_by_hand(sent_elsewhere, by_hand())


def test_a_hand_served_record_is_checked_when_it_is_made() -> None:
    with pytest.raises(InvalidInput):
        by_hand(number="W03-001")  # a local ticket is served in the local queue
    with pytest.raises(InvalidInput, match="before it started"):
        by_hand(finished_at=minutes(1))
    with pytest.raises(RuleViolation, match="must name its case"):
        by_hand(outcome=Outcome.ACCEPTED)
    with pytest.raises(InvalidInput):
        by_hand(started_at=datetime(2026, 12, 3, 9, 0))
