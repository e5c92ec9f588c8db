"""The sync loop: single flight, triggers, backoff with jitter and Retry-After, health figures."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clerk.store import Store, open_store
from sync.client import Busy, NotEnrolled, Offline
from sync.engine import Report
from sync.loop import Backoff, SyncHealth, SyncLoop
from tests.integration.sync.harness import Counter, RegistryProcess


class FakeEngine:
    """Fails as scripted, counts rounds and records whether two ever overlapped."""

    def __init__(self, store: Store, failures: list[Exception]) -> None:
        self.store = store
        self.failures = failures
        self.rounds = 0
        self.running = 0
        self.overlapped = False
        self.gate = threading.Event()
        self.gate.set()

    def run_once(self) -> Report:
        self.running += 1
        self.overlapped |= self.running > 1
        self.gate.wait(5)
        self.running -= 1
        self.rounds += 1
        if self.failures:
            raise self.failures.pop(0)
        return Report(clock_offset_seconds=1.5)


@pytest.fixture
def bare_store(tmp_path: Path) -> Iterator[Store]:
    """A store with no registry (the fake engine never syncs it)."""
    store = open_store(tmp_path / "c.db")
    yield store
    store.close()


def test_backoff_grows_with_full_jitter_and_honours_retry_after() -> None:
    backoff = Backoff(base=1.0, cap=60.0)
    rng = random.Random(7)
    ceilings = [backoff.delay(n, rng) for n in range(1, 10)]
    for n, delay in enumerate(ceilings, start=1):
        ceiling = min(60.0, 2.0**n)
        assert ceiling / 2 <= delay <= ceiling
    assert backoff.delay(1, rng, retry_after=30.0) == 30.0
    assert backoff.delay(30, rng) <= 60.0


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    event = threading.Event()
    deadline = threading.Timer(timeout, event.set)
    deadline.start()
    try:
        while not condition():
            assert not event.wait(0.01), "condition not reached in time"
    finally:
        deadline.cancel()


def reports_until_recovered(store: Store, failures: list[Exception]) -> list[SyncHealth]:
    """The health reports of a loop whose rounds fail as scripted, up to its first success."""
    seen: list[SyncHealth] = []
    loop = SyncLoop(
        FakeEngine(store, failures),
        interval=60,
        debounce=0,
        backoff=Backoff(base=0.01, cap=0.05),
        on_health=seen.append,
    )
    loop.start()
    try:
        wait_for(lambda: loop.rounds == 1)
    finally:
        loop.stop()
    return seen


def test_failures_back_off_and_report_offline_then_recover(bare_store: Store) -> None:
    seen = reports_until_recovered(bare_store, [Offline("down"), Busy("busy", retry_after=0.05)])
    states = [h.state for h in seen]
    assert "offline" in states
    assert "busy" in states
    assert (seen[-1].state, seen[-1].online) == ("idle", True)
    assert seen[-1].clock_offset_seconds == 1.5
    offline = next(h for h in seen if h.state == "offline")
    assert (offline.online, offline.last_error) == (False, "down")
    assert offline.retry_in is not None
    busy = next(h for h in seen if h.state == "busy")
    assert busy.retry_in is not None
    assert busy.retry_in >= 0.05


def test_pokes_during_a_round_coalesce_into_one_more_round_never_two_at_once(
    bare_store: Store,
) -> None:
    engine = FakeEngine(bare_store, [])
    loop = SyncLoop(engine, interval=60, debounce=0)
    engine.gate.clear()
    loop.start()
    wait_for(lambda: engine.running == 1)
    for _ in range(20):
        loop.poke()
    engine.gate.set()
    wait_for(lambda: engine.rounds == 2)
    loop.stop()
    assert not engine.overlapped
    assert engine.rounds == 2


def test_a_revoked_counter_waits_long_and_says_so(bare_store: Store) -> None:
    engine = FakeEngine(bare_store, [NotEnrolled("revoked", status=401, code="unauthorized")])
    seen: list[SyncHealth] = []
    loop = SyncLoop(
        engine, interval=60, debounce=0, backoff=Backoff(base=0.01, cap=120), on_health=seen.append
    )
    loop.start()
    wait_for(lambda: any(h.state == "not_enrolled" for h in seen))
    loop.stop()
    assert next(h for h in seen if h.state == "not_enrolled").retry_in == 120


def test_a_local_commit_reaches_the_registry_through_the_loop(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    seen: list[SyncHealth] = []
    loop = SyncLoop(counter.engine, interval=60, debounce=0.05, on_health=seen.append)
    loop.start()
    try:
        wait_for(lambda: loop.rounds >= 1)
        counter.open_and_accept(1)
        assert counter.store.health().pending == 3
        loop.poke()
        wait_for(lambda: counter.store.health().pending == 0 and seen[-1].state == "idle")
    finally:
        loop.stop()
    last = seen[-1]
    assert (last.online, last.pending, last.needs_attention) == (True, 0, 0)
    assert last.last_push_at is not None
    assert last.last_pull_at is not None
    assert not last.clock_warning


def test_a_retry_while_offline_keeps_saying_offline_until_the_registry_answers(
    bare_store: Store,
) -> None:
    """Every local commit pokes the loop: while the registry is away the status bar must not
    flash "Synchronising…" at each attempt (the counter day saw it right after its offline
    part); a round that succeeds after the failures says it is back."""
    seen = reports_until_recovered(bare_store, [Offline("down"), Offline("down"), Offline("down")])

    states = [health.state for health in seen]
    first_offline = states.index("offline")
    assert states[:first_offline] == ["syncing"]  # the first round, not yet known to fail
    assert set(states[first_offline:-1]) == {"offline"}  # three attempts, all "offline"
    assert (states[-1], seen[-1].online) == ("idle", True)
