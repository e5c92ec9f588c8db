"""A ticket is never called at two counters, and a retried call gets the same ticket (DOMAIN §8).

THE RACE: 50 enrolled counters of one hall, each with its own `requests.Session` on its own
thread, are released together by a barrier to call the next ticket of a queue that holds one
ticket. Exactly one must win, 200 times in a row, on SQLite, on PostgreSQL, and with two registry
processes serving one PostgreSQL database (the counters split between them). The winner serves
its ticket before the next round, so every round starts with 50 free counters and one ticket.
Afterwards the database must show each ticket called exactly once.

Then the retries: the same request sent again, sent by several connections of one counter at
once, and sent again after the fault proxy dropped the answer the registry had committed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk.queue import Outcome, TicketState
from clerk.queue.wire import CallAnswer, ServiceSpec
from registry import admin
from registry.db import utc_now
from registry.queue_schema import QUEUE_EVENTS, QUEUE_TICKETS
from sync.client import Offline
from sync.queue_client import QueueClient, new_request_id, retrying
from tests.integration.queue.harness import add_counters, configure, enrol_device
from tests.integration.sync.halls import fresh_database
from tests.integration.sync.harness import STAFF, RegistryProcess
from tests.support.faultproxy import DROP_RESPONSE, PASS, FaultProxy

RACERS = 50
REPETITIONS = int(os.environ.get("QUEUE_RACE_ROUNDS", "200"))
HALL = "RACE"
CLERK = f"{HALL}C001"
SERVICE = ServiceSpec("RACE", "R", "抢号测试")
_BARRIER_TIMEOUT = 60.0


@dataclass
class Arena:
    """Registry processes over one database, a hall of 50 enrolled counters and a kiosk."""

    registries: list[RegistryProcess]
    kiosk: QueueClient
    racers: list[QueueClient] = field(default_factory=list)

    @property
    def registry(self) -> RegistryProcess:
        """The first registry process (its database is everyone's)."""
        return self.registries[0]

    def close(self) -> None:
        """Close the clients and stop the processes."""
        for client in [self.kiosk, *self.racers]:
            client.close()
        for registry in self.registries:
            registry.close()


def _set_up_hall(registry: RegistryProcess) -> None:
    codes = [f"R{n:02d}" for n in range(1, RACERS + 1)]
    with registry.db() as connection:
        admin.create_hall(connection, code=HALL, name="抢号大厅", now=utc_now())
        name, role, password = STAFF["C001"]
        admin.create_staff(
            connection, staff_id=CLERK, hall=HALL, name=name, role=role, password=password,
            now=utc_now(),
        )  # fmt: skip
    add_counters(registry, HALL, [*codes, "K01"])
    configure(registry, HALL, services=(SERVICE,))


def _arena(url: str, workdir: Path, processes: int) -> Arena:
    registries = []
    for n in range(processes):
        (workdir / f"registry-{n}").mkdir()
        registries.append(RegistryProcess(url, workdir / f"registry-{n}"))
    _set_up_hall(registries[0])
    for registry in registries:
        registry.start()
    first = registries[0]
    arena = Arena(registries, enrol_device(first, HALL, "K01", first.url))
    for n in range(RACERS):
        serving = registries[n % processes]  # with two processes, half the counters on each
        arena.racers.append(enrol_device(first, HALL, f"R{n + 1:02d}", serving.url))
    return arena


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "postgresql-two-processes"])
def arena(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Arena]:
    """The arena of one configuration, shared by the module's tests."""
    workdir = tmp_path_factory.mktemp(str(request.param))
    with fresh_database(request, str(request.param), workdir) as url:
        built = _arena(url, workdir, 2 if "two" in request.param else 1)
        try:
            yield built
        finally:
            built.close()


Outcome_ = CallAnswer | Exception | None


def _race(arena: Arena, repetitions: int) -> tuple[list[str], list[list[Outcome_]]]:
    """Run the rounds; the ticket issued for each round and what each racer got in it."""
    start = threading.Barrier(RACERS + 1, timeout=_BARRIER_TIMEOUT)
    done = threading.Barrier(RACERS + 1, timeout=_BARRIER_TIMEOUT)
    got: list[list[Outcome_]] = [[None] * RACERS for _ in range(repetitions)]

    def racer(n: int) -> None:
        client = arena.racers[n]
        for round_ in range(repetitions):
            start.wait()
            try:
                answer = client.call_next(request_id=new_request_id(), staff_id=CLERK)
                if answer.ticket is not None:  # serve it: the next round starts free
                    client.start(answer.ticket.id)
                    client.finish(answer.ticket.id, Outcome.CONSULTATION)
                got[round_][n] = answer
            except Exception as failure:  # reported by the main thread
                got[round_][n] = failure
            done.wait()

    threads = [threading.Thread(target=racer, args=(n,), daemon=True) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    issued = []
    try:
        for _ in range(repetitions):
            issued.append(arena.kiosk.issue(SERVICE.code).ticket.id)
            start.wait()
            done.wait()
    except BaseException:
        start.abort()  # the racers stop waiting: the failure is reported, not a hang
        done.abort()
        raise
    finally:
        for thread in threads:
            thread.join(timeout=_BARRIER_TIMEOUT)
    return issued, got


def _wrong_rounds(issued: list[str], got: list[list[Outcome_]]) -> list[str]:
    wrong = []
    for round_, (ticket_id, answers) in enumerate(zip(issued, got, strict=True)):
        failures = [repr(a) for a in answers if not isinstance(a, CallAnswer)]
        winners = [a.ticket.id for a in answers if isinstance(a, CallAnswer) and a.ticket]
        if failures or winners != [ticket_id]:
            wrong.append(f"round {round_}: winners {winners}, failures {failures[:3]}")
    return wrong


@pytest.mark.slow
def test_fifty_counters_racing_for_one_ticket_leave_exactly_one_winner_every_time(
    arena: Arena,
) -> None:
    issued, got = _race(arena, REPETITIONS)

    assert _wrong_rounds(issued, got) == []
    with arena.registry.db() as connection:
        calls = connection.execute(
            select(QUEUE_EVENTS.c.ticket_id, func.count())
            .where(QUEUE_EVENTS.c.hall == HALL, QUEUE_EVENTS.c.kind.in_(["called", "recalled"]))
            .group_by(QUEUE_EVENTS.c.ticket_id)
        ).all()
        states = connection.execute(
            select(QUEUE_TICKETS.c.state, func.count())
            .where(QUEUE_TICKETS.c.id.in_(issued))
            .group_by(QUEUE_TICKETS.c.state)
        ).all()
    assert sorted(calls) == sorted((ticket_id, 1) for ticket_id in issued)
    assert dict(states) == {TicketState.DONE.value: REPETITIONS}
    winners = {
        n
        for answers in got
        for n, a in enumerate(answers)
        if isinstance(a, CallAnswer) and a.ticket
    }
    assert len(winners) > 1  # the wins spread: no counter is favoured by construction


def test_a_call_sent_again_with_its_request_id_gets_the_same_ticket(arena: Arena) -> None:
    racer = arena.racers[0]
    first, second = (arena.kiosk.issue(SERVICE.code).ticket for _ in range(2))
    request_id = new_request_id()

    answers = [racer.call_next(request_id=request_id, staff_id=CLERK) for _ in range(3)]

    assert [a.ticket.id if a.ticket else None for a in answers] == [first.id] * 3
    assert [a.replayed for a in answers] == [False, True, True]
    _serve(racer, first.id)
    _serve_next(racer, expected=second.id)


def test_the_same_call_sent_on_several_connections_at_once_claims_one_ticket(
    arena: Arena,
) -> None:
    racer = arena.racers[1]
    first, second = (arena.kiosk.issue(SERVICE.code).ticket for _ in range(2))
    senders = [QueueClient(racer.base_url, token=racer.token) for _ in range(8)]
    request_id, gate = new_request_id(), threading.Barrier(len(senders))
    answers: list[CallAnswer | Exception] = [CallAnswer(None)] * len(senders)

    def send(n: int) -> None:
        gate.wait(timeout=_BARRIER_TIMEOUT)
        try:
            answers[n] = senders[n].call_next(request_id=request_id, staff_id=CLERK)
        except Exception as failure:
            answers[n] = failure

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(senders))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=_BARRIER_TIMEOUT)
    for sender in senders:
        sender.close()

    assert all(isinstance(a, CallAnswer) for a in answers), answers
    called = [a.ticket.id for a in answers if isinstance(a, CallAnswer) and a.ticket]
    assert called == [first.id] * len(senders)
    assert sum(not a.replayed for a in answers if isinstance(a, CallAnswer)) == 1
    _serve(racer, first.id)
    _serve_next(racer, expected=second.id)


def test_a_call_whose_answer_was_lost_after_the_commit_gets_the_same_ticket_on_retry(
    arena: Arena,
) -> None:
    racer = arena.racers[2]
    first, second = (arena.kiosk.issue(SERVICE.code).ticket for _ in range(2))
    with FaultProxy("127.0.0.1", arena.registry.port) as proxy:
        through = QueueClient(proxy.url, token=racer.token, timeout=(2.0, 10.0))
        proxy.inject(DROP_RESPONSE, path_prefix="/api/v1/queue/call/next")
        try:
            answer = retrying(
                lambda request_id: through.call_next(request_id=request_id, staff_id=CLERK),
                pause=0.01,
            )
        finally:
            through.close()
        faults = [entry.fault for entry in proxy.log]

    assert faults == [DROP_RESPONSE, PASS]  # the first answer was committed, then lost
    assert answer.ticket is not None
    assert (answer.ticket.id, answer.replayed) == (first.id, True)
    _serve(racer, first.id)
    _serve_next(racer, expected=second.id)  # the lost answer did not claim a second ticket


def test_a_lost_answer_without_a_retry_leaves_the_ticket_with_the_counter_that_claimed_it(
    arena: Arena,
) -> None:
    racer = arena.racers[3]
    ticket = arena.kiosk.issue(SERVICE.code).ticket
    with FaultProxy("127.0.0.1", arena.registry.port) as proxy:
        through = QueueClient(proxy.url, token=racer.token, timeout=(2.0, 10.0))
        proxy.inject(DROP_RESPONSE, path_prefix="/api/v1/queue/call/next")
        with pytest.raises(Offline):
            through.call_next(request_id=new_request_id(), staff_id=CLERK)
        through.close()

    view = racer.counter()  # what the counter shows when it comes back
    assert view.current is not None
    assert (view.current.id, view.current.state, view.may_call_next) == (
        ticket.id,
        TicketState.CALLED,
        False,
    )
    assert arena.racers[4].call_next(request_id=new_request_id(), staff_id=CLERK).ticket is None
    _serve(racer, ticket.id)


def _serve(racer: QueueClient, ticket_id: str) -> None:
    racer.start(ticket_id)
    racer.finish(ticket_id, Outcome.CONSULTATION)


def _serve_next(racer: QueueClient, *, expected: str) -> None:
    answer = racer.call_next(request_id=new_request_id(), staff_id=CLERK)
    assert answer.ticket is not None
    assert answer.ticket.id == expected
    _serve(racer, expected)
