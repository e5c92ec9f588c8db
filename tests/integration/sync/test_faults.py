"""Each fault of SYNC.md between a counter and a real registry: on push, on pull, on scan upload.

A FaultProxy sits between the counters and the registry process. The tests inject faults, run
rounds as the sync loop would (a round the network failed is simply run again), heal the
network and check SYNC.md's invariants, and what each fault is about: a push whose answer was
lost is answered "duplicate" when retried and never applied twice; a pull cut short applies
nothing and leaves the cursor where it was; an interrupted upload resumes where it stopped.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import pytest
import requests
from sqlalchemy import select

from clerk.ports import OpState
from clerk.wire import BLOB_CHUNK_BYTES, hall_space
from registry import blobs
from registry.schema import BLOBS as HELD_BLOBS
from registry.schema import CHANGES
from sync.client import Busy, Offline
from sync.loop import SyncHealth, SyncLoop
from tests.integration.sync.harness import (
    HALL,
    Counter,
    RegistryProcess,
    check_invariants,
    local_cases,
    local_ops,
)
from tests.integration.sync.scenarios import (
    BLOBS,
    HALL_CHANGES,
    PUSH,
    Holdings,
    assert_exactly_once,
    attempt,
    holds_all,
    note_cursors,
    settle,
    sync_round,
    wait_until,
)
from tests.support.faultproxy import (
    DROP_REQUEST,
    DROP_RESPONSE,
    DUPLICATE,
    DUPLICATE_SECOND,
    PASS,
    REORDER,
    TIMEOUT,
    TRUNCATE,
    Fault,
    FaultProxy,
    delay,
    error_5xx,
)

MakeCounter = Callable[..., Counter]
QUICK = (2.0, 1.0)
"""Connect and read timeouts of counters meeting TIMEOUT: the proxy holds until they give up."""


@dataclass(frozen=True)
class Expect:
    """What one fault does to a round.

    Attributes:
        fault: the fault injected once.
        error: what the round meeting it raises (None: the round succeeds).
        committed: whether the registry applied the operations before the counter retried.
        answer: how the counter finally records its operations.
    """

    fault: Fault
    error: type[Exception] | None
    committed: bool = False
    answer: OpState = OpState.APPLIED


PUSH_FAULTS = (
    Expect(DROP_REQUEST, Offline),
    Expect(DROP_RESPONSE, Offline, committed=True, answer=OpState.DUPLICATE),
    Expect(DUPLICATE, None, committed=True),
    Expect(DUPLICATE_SECOND, None, committed=True, answer=OpState.DUPLICATE),
    Expect(TRUNCATE, Offline, committed=True, answer=OpState.DUPLICATE),
    Expect(TIMEOUT, Offline),
    Expect(delay(0.2), None, committed=True),
    # Forwarded after the counter gave up: it lands while the counter believes it lost.
    Expect(delay(1.5), Offline, committed=True, answer=OpState.DUPLICATE),
    Expect(error_5xx(503, retry_after=7), Busy),
    Expect(error_5xx(502), Busy),
)
PULL_FAULTS = (
    Expect(DROP_REQUEST, Offline),
    Expect(DROP_RESPONSE, Offline),
    Expect(DUPLICATE, None),
    Expect(DUPLICATE_SECOND, None),
    Expect(TRUNCATE, Offline),
    Expect(TIMEOUT, Offline),
    Expect(delay(0.2), None),
    Expect(error_5xx(503, retry_after=3), Busy),
)
UPLOAD_FAULTS = (
    Expect(DROP_REQUEST, Offline),
    Expect(DROP_RESPONSE, Offline, committed=True),
    Expect(DUPLICATE, None, committed=True),
    Expect(DUPLICATE_SECOND, None, committed=True),
    Expect(TRUNCATE, Offline, committed=True),
    Expect(TIMEOUT, Offline),
    Expect(error_5xx(503, retry_after=1), Busy),
)


@pytest.fixture
def proxy(registry: RegistryProcess) -> Iterator[FaultProxy]:
    """A fault proxy in front of the registry."""
    with FaultProxy("127.0.0.1", registry.port) as started:
        yield started


def first_round(counter: Counter, expect: Expect) -> None:
    """Run the round that meets the fault and check how it ends."""
    if expect.error is None:
        sync_round(counter)
        return
    with pytest.raises(expect.error) as caught:
        counter.engine.run_once()
    note_cursors(counter)
    if isinstance(caught.value, Busy):
        assert caught.value.retry_after == expect.fault.retry_after, str(expect.fault)


def test_every_fault_on_push_leaves_each_operation_applied_exactly_once(
    registry: RegistryProcess, make_counter: MakeCounter, proxy: FaultProxy
) -> None:
    w01 = make_counter("W01", url=proxy.url)
    w01.client.timeout = QUICK
    for n, expect in enumerate(PUSH_FAULTS):
        before = {op for op, _ in local_ops(w01)}
        w01.open_and_accept(n)
        new = {op for op, _ in local_ops(w01)} - before
        proxy.inject(expect.fault, path_prefix=PUSH)

        first_round(w01, expect)

        if expect.committed:
            wait_until(partial(holds_all, registry, new), what=str(expect.fault))
        else:
            assert not new & set(Holdings.of(registry).ops), f"{expect.fault} reached the registry"
        if expect.error is not None:
            held = Holdings.of(registry).ops
            retry = sync_round(w01)
            assert retry.duplicates == (len(new) if expect.committed else 0), str(expect.fault)
            assert Holdings.of(registry).ops.keys() == held.keys() | new
        states = dict(local_ops(w01))
        assert {states[op] for op in new} == {expect.answer.value}, str(expect.fault)
    check_invariants(registry, [w01])
    assert_exactly_once(registry, [w01])
    the_sync_loop_waits_at_least_retry_after(w01, proxy)


def the_sync_loop_waits_at_least_retry_after(counter: Counter, proxy: FaultProxy) -> None:
    """A 503 with Retry-After: the loop's next attempt is no sooner than the registry asked."""
    counter.open_and_accept(99)
    proxy.inject(error_5xx(503, retry_after=120), path_prefix=PUSH)
    healths: list[SyncHealth] = []
    loop = SyncLoop(counter.engine, interval=600, debounce=0, on_health=healths.append)
    loop.start()
    try:
        wait_until(lambda: any(h.state == "busy" for h in healths), what="a busy round")
    finally:
        loop.stop()
    busy = next(h for h in healths if h.state == "busy")
    assert busy.retry_in is not None
    assert busy.retry_in >= 120
    assert busy.pending == 3
    sync_round(counter)
    assert counter.store.health().pending == 0


def test_every_fault_on_pull_applies_a_page_whole_or_not_at_all(
    registry: RegistryProcess, make_counter: MakeCounter, proxy: FaultProxy
) -> None:
    w01, w02 = make_counter("W01", url=proxy.url), make_counter("W02")
    w01.client.timeout = QUICK
    space = hall_space(HALL)
    for n, expect in enumerate(PULL_FAULTS):
        case_id = w02.open_and_accept(n)
        sync_round(w02)
        cursor, cases = w01.store.ledger().cursor(space), local_cases(w01)
        proxy.inject(expect.fault, path_prefix=HALL_CHANGES)

        first_round(w01, expect)

        if expect.error is not None:
            assert w01.store.ledger().cursor(space) == cursor, str(expect.fault)
            assert local_cases(w01) == cases, f"{expect.fault}: half a page was applied"
            sync_round(w01)
        assert w01.store.ledger().cursor(space) > cursor
        assert case_id in local_cases(w01), str(expect.fault)
    check_invariants(registry, [w01, w02])
    assert_exactly_once(registry, [w01, w02])


def add_scan(counter: Counter, data: bytes) -> str:
    """A new case with a scan of one of its materials; the scan's SHA-256."""
    case_id = counter.open_and_accept(500)
    return counter.attach_scan(case_id, data)


def held_bytes(registry: RegistryProcess, sha256: str) -> bytes | None:
    """A scan's bytes once the registry verified it (None before)."""
    with registry.db() as connection:
        verified = connection.execute(
            select(HELD_BLOBS.c.verified).where(HELD_BLOBS.c.sha256 == sha256)
        ).scalar()
        return b"".join(blobs.read(connection, sha256)) if verified else None


def verified(registry: RegistryProcess, sha256: str) -> bool:
    """Whether the registry verified this scan."""
    return held_bytes(registry, sha256) is not None


def uploads(proxy: FaultProxy, sha256: str) -> list[str]:
    """The targets of every chunk of this scan the proxy saw, in order."""
    return [e.path for e in proxy.log if e.method == "PUT" and e.path.startswith(BLOBS + sha256)]


def test_every_fault_on_scan_upload_ends_with_the_registry_holding_verified_bytes(
    registry: RegistryProcess, make_counter: MakeCounter, proxy: FaultProxy
) -> None:
    w01 = make_counter("W01", url=proxy.url)
    w01.client.timeout = QUICK
    rng = random.Random(3)
    for expect in UPLOAD_FAULTS:
        data = rng.randbytes(64 * 1024)
        sha256 = add_scan(w01, data)
        proxy.inject(expect.fault, path_prefix=f"{BLOBS}{sha256}?")

        first_round(w01, expect)

        if expect.committed:
            wait_until(partial(verified, registry, sha256), what=str(expect.fault))
        if expect.error is not None:
            sync_round(w01)
        assert held_bytes(registry, sha256) == data, str(expect.fault)
        sent_again = len(uploads(proxy, sha256)) - 1
        assert sent_again == (0 if expect.committed else 1), f"{expect.fault}: re-sent needlessly"
    w01.client.timeout = (2.0, 10.0)
    an_interrupted_upload_resumes_without_sending_a_received_chunk_again(registry, w01, proxy)
    a_duplicated_chunk_does_not_stop_the_upload(registry, w01, proxy)
    assert w01.store.ledger().unverified_blobs() == []
    check_invariants(registry, [w01])
    assert_exactly_once(registry, [w01])


def an_interrupted_upload_resumes_without_sending_a_received_chunk_again(
    registry: RegistryProcess, counter: Counter, proxy: FaultProxy
) -> None:
    """The answer to the first of two chunks is lost: the next round sends the second only."""
    data = random.Random(5).randbytes(BLOB_CHUNK_BYTES + 1024 * 1024)
    sha256 = add_scan(counter, data)
    proxy.inject(DROP_RESPONSE, path_prefix=f"{BLOBS}{sha256}?size={len(data)}&offset=0")
    with pytest.raises(Offline):
        counter.engine.run_once()

    sync_round(counter)

    offsets = [target.rsplit("offset=", 1)[1] for target in uploads(proxy, sha256)]
    assert offsets == ["0", str(BLOB_CHUNK_BYTES)], "a received chunk was sent again"
    assert held_bytes(registry, sha256) == data


def a_duplicated_chunk_does_not_stop_the_upload(
    registry: RegistryProcess, counter: Counter, proxy: FaultProxy
) -> None:
    """The first chunk arrives twice; the counter gets the refusal of the copy, and goes on."""
    data = random.Random(7).randbytes(BLOB_CHUNK_BYTES + 1024)
    sha256 = add_scan(counter, data)
    proxy.inject(DUPLICATE_SECOND, path_prefix=f"{BLOBS}{sha256}?size={len(data)}&offset=0")

    sync_round(counter)

    assert held_bytes(registry, sha256) == data


def hall_positions(registry: RegistryProcess) -> dict[str, list[int]]:
    """case_id → the positions of its changes in the hall's feed."""
    positions: dict[str, list[int]] = {}
    with registry.db() as connection:
        rows = connection.execute(
            select(CHANGES.c.entity_id, CHANGES.c.version)
            .where(CHANGES.c.space == hall_space(HALL), CHANGES.c.kind == "case")
            .order_by(CHANGES.c.version)
        )
        for row in rows:
            positions.setdefault(row.entity_id, []).append(row.version)
    return positions


def test_a_push_overtaken_by_another_counters_later_push_is_applied_once(
    registry: RegistryProcess, make_counter: MakeCounter, proxy: FaultProxy
) -> None:
    w01 = make_counter("W01", url=proxy.url)
    with FaultProxy("127.0.0.1", registry.port) as other_route:
        w02 = make_counter("W02", url=other_route.url)
        first, later = w01.open_and_accept(1), w02.open_and_accept(2)
        proxy.inject(REORDER, path_prefix=PUSH)
        with ThreadPoolExecutor(max_workers=1) as pool:
            held_back = pool.submit(sync_round, w01)
            assert proxy.wait_until_held(1), "the first push was not held back"
            sync_round(w02)  # through another route: W01's push stays held meanwhile
            with requests.Session() as session:  # an answer on W01's route lets it go on
                session.get(f"{proxy.url}/api/v1/health", timeout=5).close()
            held_back.result(timeout=30)
        positions = hall_positions(registry)
        assert max(positions[later]) < min(positions[first]), "the feed follows commit order"
        settle([w01, w02])
    check_invariants(registry, [w01, w02])
    assert_exactly_once(registry, [w01, w02])


def test_three_counters_under_seeded_chaos_converge_once_the_network_heals(
    registry: RegistryProcess, make_counter: MakeCounter, proxy: FaultProxy
) -> None:
    counters = [make_counter(code, url=proxy.url) for code in ("W01", "W02", "W03")]
    proxy.chaos(0.3, seed=20_261_121)
    for step in range(5):
        for k, counter in enumerate(counters):
            case_id = counter.open_and_accept(10 * step + k)
            counter.attach_scan(case_id, f"scan {step} of {counter.name}".encode() * 1000)
            attempt(counter)
    faults = [entry.fault for entry in proxy.log if entry.fault != PASS]
    proxy.clear()

    settle(counters)

    assert len(faults) >= 5, f"chaos injected too little to prove anything: {faults}"
    check_invariants(registry, counters)
    assert_exactly_once(registry, counters)


def test_a_counter_cut_off_for_a_while_keeps_working_and_converges_on_reconnect(
    registry: RegistryProcess, make_counter: MakeCounter, proxy: FaultProxy
) -> None:
    w01, w02 = make_counter("W01", url=proxy.url), make_counter("W02")
    w01.open_and_accept(0)
    sync_round(w01)
    proxy.set_down(True)
    for n in range(1, 5):
        w01.open_and_accept(n)
        w02.open_and_accept(100 + n)
        assert attempt(w01) is None
        sync_round(w02)
    assert w01.store.health().pending == 4 * 3

    proxy.set_down(False)
    settle([w01, w02])

    assert w01.store.health().pending == 0
    check_invariants(registry, [w01, w02])
    assert_exactly_once(registry, [w01, w02])
