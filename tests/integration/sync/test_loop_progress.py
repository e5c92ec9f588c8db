"""The clerk sees a long catch-up move: the loop reports health after each batch of a round.

After days offline one round pushes tens of thousands of operations and uploads thousands of
scans over a slow line; it takes many minutes (`bench/soak.py`). The status bar must show the
outbox shrinking meanwhile, not the same figure until the round ends.
"""

from __future__ import annotations

from collections.abc import Callable

from sync.loop import SyncHealth, SyncLoop
from tests.integration.sync.harness import Counter
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
