"""The clerk sees a long catch-up move: the loop reports health after each batch of a round.

After days offline one round pushes tens of thousands of operations and uploads thousands of
scans over a slow line; it takes many minutes (`bench/soak.py`). The status bar must show the
outbox shrinking meanwhile, not the same figure until the round ends.
"""

from __future__ import annotations

from collections.abc import Callable

from sync.loop import Backoff, SyncHealth, SyncLoop
from tests.integration.sync.harness import Counter, RegistryProcess
from tests.integration.sync.scenarios import wait_until


def test_the_outbox_depth_shown_shrinks_batch_by_batch_during_one_round(
    make_counter: Callable[..., Counter],
) -> None:
    w01 = make_counter("W01")
    for n in range(4):
        w01.open_and_accept(n)  # three operations each
    w01.engine.batch_ops = 3
    reports: list[SyncHealth] = []
    loop = SyncLoop(w01.engine, debounce=0.0, on_health=reports.append, progress_every=0.0)
    loop.start()
    try:
        wait_until(lambda: loop.rounds >= 1, what="one round")
    finally:
        loop.stop()

    during = [health.pending for health in reports if health.state == "syncing"]
    assert list(dict.fromkeys(during)) == [12, 9, 6, 3, 0]
    assert reports[-1].state == "idle"
    assert reports[-1].pending == 0


def test_a_retry_that_reaches_the_registry_after_an_outage_shows_the_catch_up(
    make_counter: Callable[..., Counter], registry: RegistryProcess
) -> None:
    w01 = make_counter("W01")
    w01.engine.batch_ops = 3
    reports: list[SyncHealth] = []
    loop = SyncLoop(
        w01.engine,
        debounce=0.0,
        backoff=Backoff(base=0.05, cap=0.2),
        on_health=reports.append,
        progress_every=0.0,
    )
    registry.stop()
    for n in range(3):
        w01.open_and_accept(n)
    loop.start()
    try:
        wait_until(lambda: any(h.state == "offline" for h in reports), what="offline")
        registry.start()
        wait_until(lambda: loop.rounds >= 1, what="the catch-up round")
    finally:
        loop.stop()

    back = next(n for n, h in enumerate(reports) if h.state == "syncing" and h.online)
    assert {h.state for h in reports[1:back]} == {"offline"}  # retries said offline meanwhile
    assert next(h.pending for h in reports[back:] if h.state == "syncing") == 9 - 3  # batch 1
    assert (reports[-1].state, reports[-1].pending) == ("idle", 0)
