"""The long-offline soak, short: days of offline work reconcile over a slow link, exactly once.

The same code path as `bench/soak.py` (issue 7), scaled down: a real registry process, counter
W01 enrolled and then cut off; two working days of cases through the real use cases with real
PNG scans; the registry back behind a fault proxy with a throttled, delayed link; the counter
application (window, status bar, sync loop, stall monitor, a clerk turning pages) in a child
process until its status bar shows nothing waiting. Timings belong to the bench; this test
asserts what a hall relies on: everything arrived, once, and the catch-up never ran on the GUI
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.soak import (
    Soak,
    catch_up,
    enrolled,
    go_offline_and_work,
    held_exactly_once,
    invariants,
    point_at,
)
from bench.soak_fill import FillPlan
from clerk.wire import API_PREFIX
from tests.support.faultproxy import FaultProxy
from tests.support.throttle import Link

pytestmark = pytest.mark.slow
_log = logging.getLogger(__name__)

BLOBS = f"{API_PREFIX}/blobs/"
PLAN = FillPlan(days=2, per_day=20, scan_kb=8, first_day=date.today() - timedelta(days=10))


@pytest.fixture
def soak(tmp_path: Path) -> Iterator[Soak]:
    """Counter W01 enrolled with a SQLite registry process (see `enrolled`)."""
    enrolled_soak = enrolled(tmp_path, f"sqlite:///{tmp_path / 'registry.sqlite'}")
    yield enrolled_soak
    enrolled_soak.registry.close()


def test_days_offline_reconcile_over_a_slow_link_exactly_once_off_the_gui_thread(
    soak: Soak,
) -> None:
    offline = go_offline_and_work(soak, PLAN)
    soak.registry.start()
    link = Link.kilobits(8000, latency_ms=5)
    with FaultProxy("127.0.0.1", soak.registry.port, link=link) as proxy:
        point_at(soak, proxy.url)
        figures = catch_up(soak, url=proxy.url, timeout=60.0, browse_ms=200)
        log = proxy.log
    local_ops, held_ops, local_cases, held_cases = held_exactly_once(soak)
    broken = invariants(soak)
    _log.info(
        "catch-up %.1f s, longest event-loop stall %.0f ms (p99 %.1f ms)",
        figures["seconds"],
        figures["stall_longest"] * 1000,
        figures["stall_p99"] * 1000,
    )
    assert figures["reconciled"], f"the catch-up did not finish: {figures['last_error']}"
    assert figures["pending_at_start"] == offline.actions == local_ops == held_ops
    assert figures["scans_at_start"] == offline.scans
    assert local_cases == held_cases == offline.cases == PLAN.days * PLAN.per_day
    assert broken is None, broken
    assert link.up.carried > offline.scan_bytes, "the scans did not cross the slow link"
    assert figures["ticks"] > 0, "the GUI thread was not watched"
    assert figures["pages_shown"] > 0, "the clerk did not browse during the catch-up"
    assert figures["blamed_on_sync"] == [], "sync code ran on the GUI thread"
    # Over a slow line every round trip counts: a scan that fits one chunk is one request.
    scan_requests = [e.method for e in log if e.path.startswith(BLOBS) and e.method != "POST"]
    assert scan_requests == ["PUT"] * offline.scans
