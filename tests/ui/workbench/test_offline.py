"""The registry stops in the middle of the day: the status bar says so, the queue goes local."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sync.engine import SyncEngine
from sync.loop import SyncLoop
from tests.ui.workbench.conftest import WAIT, Bench
from ui.sync_status import HealthBridge


def test_registry_stopped_the_status_bar_says_offline_and_the_queue_goes_local(
    qtbot: QtBot, bench: Bench, tmp_path: Path
) -> None:
    window, counter = bench.window, bench.counter
    bridge = HealthBridge(window)
    bridge.changed.connect(window.show_health)
    engine = SyncEngine(counter.store, counter.client, scans=counter.scans)
    loop = SyncLoop(engine, interval=0.5, debounce=0.0, on_health=bridge.publish)
    window.committed.connect(loop.poke)
    loop.start()
    try:
        qtbot.waitUntil(lambda: window.sync_status.text().startswith("Online"), timeout=WAIT)
        assert window.sync_figures.text().startswith("Last sync ")
        assert "—" not in window.sync_figures.text()
        bench.hall.registry.stop()
        loop.poke()
        qtbot.waitUntil(lambda: "Offline" in window.sync_status.text(), timeout=WAIT)
    finally:
        loop.stop()
    panel, hookup = window.queue_panel, window.queue
    assert panel is not None
    assert hookup is not None
    assert hookup.fallback is not None
    qtbot.waitUntil(lambda: hookup.fallback is not None and hookup.fallback.local, timeout=WAIT)
    bar = panel.local_bar
    assert bar is not None
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    with qtbot.waitSignal(bar.walk_in_issued, timeout=WAIT) as issued:
        bar.issue_walk_in.click()
    number = issued.args[0].number
    assert number.startswith("W01")
    slips = bench.printed
    qtbot.waitUntil(lambda: any(slips.glob(f"ticket-*-{number}.pdf")), timeout=WAIT)
