"""A call reads only the heads of long queues, and still calls what the policy would choose.

`registry.queue_candidates` hands `choose_next` every ticket with a precedence and the first
`PER_QUEUE` plain tickets of each queue partition. Here a counter works through two long queues
(longer than `PER_QUEUE`, with green-channel, priority, appointment and transferred tickets, and
a long-wait rule that splits each queue in two) and must call them in exactly the order
`choose_next` gives over all the tickets at once. On PostgreSQL, tickets another transaction is
claiming are skipped without waiting, and a read whose every head is taken falls back to all.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from clerk.queue import Channel, Placement, Ticket, choose_next
from clerk.queue.wire import CallNext, IssueRequest, ProfileSpec, TicketAction, TransferRequest
from registry import queue_calls, queue_candidates, queue_config, queue_service
from registry.queue_schema import QUEUE_TICKETS
from registry.queue_store import ticket_from_row
from tests.integration.queue.harness import QueueHall
from tests.integration.sync.harness import SECRET

ZONE = ZoneInfo("Asia/Shanghai")
PROFILE = ProfileSpec(services=["BIZ", "TAX"], service_weights={"TAX": 1}, long_wait_seconds=1800)


def at(clock: str) -> datetime:
    return datetime.combine(date(2026, 3, 2), time.fromisoformat(clock), ZONE)


def _issue(hall: QueueHall, service: str, when: datetime, **fields: object) -> str:
    request = IssueRequest(service, **fields)  # type: ignore[arg-type]
    kiosk = hall.as_device("K01")
    with hall.registry.db() as connection:
        issued = queue_service.issue_ticket(connection, kiosk, request, now=when, id_key=SECRET)
    return issued.ticket.id


def _long_queues(hall: QueueHall) -> None:
    """70 BIZ and 60 TAX tickets from 09:00, some with precedences, some transferred."""
    for n in range(70):
        flags = {"green_channel": n % 17 == 5, "priority": 2 if n % 13 == 7 else 0}
        ticket_id = _issue(hall, "BIZ", at("09:00") + timedelta(seconds=20 * n), **flags)
        if n in (3, 4, 40):  # to the end of the TAX queue: queue order is not issue order
            move = TransferRequest(ticket_id, Placement.END, to_service="TAX")
            w02 = hall.as_device("W02")
            with hall.registry.db() as connection:
                queue_service.transfer_ticket(connection, w02, move, now=at("09:40"))
    for n in range(60):
        appointment = {
            "channel": Channel.APPOINTMENT,
            "appointment_at": "2026-03-02T09:47:30+08:00",
        }
        fields = appointment if n == 30 else {}
        _issue(hall, "TAX", at("09:00") + timedelta(seconds=25 * n), **fields)


def _snapshot(hall: QueueHall) -> list[Ticket]:
    with hall.registry.db() as connection:
        rows = connection.execute(
            select(QUEUE_TICKETS).where(
                QUEUE_TICKETS.c.hall == hall.code, QUEUE_TICKETS.c.state == "waiting"
            )
        ).all()
    return [ticket_from_row(row).ticket for row in rows]


@pytest.mark.parametrize("per_queue", [3, queue_candidates.PER_QUEUE])
def test_a_counter_calls_long_queues_in_the_order_the_policy_gives_over_all_tickets(
    hall: QueueHall, monkeypatch: pytest.MonkeyPatch, per_queue: int
) -> None:
    monkeypatch.setattr(queue_candidates, "PER_QUEUE", per_queue)
    hall.profile("W01", PROFILE)
    _long_queues(hall)
    everyone = _snapshot(hall)
    profile = replace(
        queue_config.work_profile(PROFILE, counter="W01", staff=hall.clerk, all_services=()),
        staff=hall.clerk,
    )
    device = hall.as_device("W01")
    expected, called = [], []
    for n in range(len(everyone)):
        # Long waits: issued before 09:15; the appointment is due from the 30th call on.
        now = at("09:45") + timedelta(seconds=n)
        chosen = choose_next(everyone, profile, now)
        assert chosen is not None
        everyone.remove(chosen)
        expected.append(chosen.number)
        with hall.registry.db() as connection:
            answer = queue_calls.call_next(
                connection, device, CallNext(f"c{n}", hall.clerk), now=now
            )
            assert answer.ticket is not None
            called.append(answer.ticket.number)
            queue_service.move_ticket(
                connection, device, TicketAction(answer.ticket.id), kind="leave", now=now
            )

    assert len(called) == 130
    assert called == expected


def test_tickets_being_claimed_elsewhere_are_skipped_and_lost_heads_fall_back_to_all(
    hall: QueueHall, monkeypatch: pytest.MonkeyPatch
) -> None:
    if hall.registry.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no row locks: one write transaction at a time, nothing to skip")
    monkeypatch.setattr(queue_candidates, "PER_QUEUE", 2)
    ids = [_issue(hall, "BIZ", at("09:00") + timedelta(minutes=n)) for n in range(4)]
    answer: list[str | None] = []

    w01 = hall.as_device("W01")

    def call() -> None:
        with hall.registry.db() as connection:
            result = queue_calls.call_next(
                connection, w01, CallNext("x1", hall.clerk), now=at("09:30")
            )
            answer.append(None if result.ticket is None else result.ticket.number)

    with hall.registry.engine.connect() as holder:
        holder.execute(
            text("SELECT id FROM queue_tickets WHERE id IN (:a, :b) FOR UPDATE"),
            {"a": ids[0], "b": ids[1]},
        )  # another counter's claim of A001 and A002, not yet committed
        caller = threading.Thread(target=call)
        caller.start()
        caller.join(timeout=10)
        finished = not caller.is_alive()
        holder.rollback()
    caller.join(timeout=10)

    assert finished, "the call waited for a ticket another transaction held"
    assert answer == ["A003"]
