"""UI bench: cold start to a usable window, and event-loop stalls during scripted work.

Run: `.venv/bin/python bench/ui_bench.py` (about three minutes). Options: `--starts N` (first
and warm starts, default 5), `--no-starts`, `--no-stalls`, `--scenario MODULE:NAME`.

1. Cold start (`bench/ui_start.py`): fresh processes of `main.py`, from spawning to the first
   window on screen, answering, with the keyboard focus in a field the clerk can type into
   (`bench/start_probe.py`). A clerk's start, as in a hall: the sign-in dialog, with the
   file cache emptied first (cold; needs root) and warm; then the probe signs in as a clerk
   and times Enter → the workbench taking typing. Target ≤ 1.5 s for both. Scripted starts
   (`--staff`, no dialog) on a fresh folder (embedded registry set up, enrol, first
   synchronisation) and again: informative, no target. Median and max, and the moments between
   (imports, event loop entered, window exposed and answering).
2. The stall monitor's own cost (`ui.stalls.StallMonitor`, 10 ms heartbeat): CPU share while
   idle and the slowdown of GUI-thread work.
3. Stalls: the counter runs in this process (offscreen, its own data folder and embedded
   registry, the demo clerk signed in) and, once its window shows, a scenario runs under the
   monitor, phase by phase: ticks, p50/p99/max heartbeat lateness, and every stall over
   100 ms with its kind and culprit stack. Target: no stall over 100 ms. Without
   `--scenario`, the components' scenario runs, then the scripted counter day (`COUNTER_DAY`:
   eight applicants, decisions, printing, the rating; keys at a fast clerk's 25 a second, the
   event loop running between them) in a counter process of its own.

The scenario hook: `--scenario tests.e2e.counter_day:run_scenario` (any importable name) runs
`run_scenario(window, driver)` instead of the components scenario — `window` is the counter's
main window, `driver` a `tests.support.ui_driver.LoopDriver` (the `Driver` subset of
pytest-qt's qtbot: addWidget, waitUntil, waitSignal, waitExposed), so the same function runs
in a pytest-qt test with `qtbot`. NAME may also be a sequence of (phase name, function) pairs,
each measured on its own. Prints figures next to their targets and exits 0 whatever they are.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QWidget  # noqa: E402

from bench import ui_scenario  # noqa: E402
from bench.ui_hall import hall_display, hall_registry  # noqa: E402
from bench.ui_measure import PhaseFigures, measure_overhead, run_app, run_phases  # noqa: E402
from bench.ui_start import (  # noqa: E402
    PASSWORD,
    PHASES,
    STAFF,
    TYPING_SECONDS,
    Start,
    measure_starts,
)
from clerk.catalog import load_catalogue  # noqa: E402
from clerk.catalog.search import ItemIndex  # noqa: E402
from clerk.store import open_store  # noqa: E402
from ui.queue.lane import Lane  # noqa: E402
from ui.stalls import Stall  # noqa: E402

START_TARGET = 1.5
COUNTER_DAY = "ui.workbench.demo_day:run_counter_day_at_a_clerks_pace"
"""The scripted counter day (issue 6), measured after the components in a process of its own."""
STALL_TARGET = 0.100
DEMO_CATALOGUE = ROOT / "resources" / "catalogue" / "demo.json"


def report_starts(runs: int) -> None:
    """Print the clerk's start (cold and warm, and after the sign-in) and the scripted ones."""
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    starts = measure_starts(runs)
    log = starts.work / "starts.log"
    print(
        f"\ncold start to a usable window — a clerk's start: the first window is the sign-in "
        f"dialog, usable when the keyboard reaches its staff number ({runs} runs; logs in "
        f"{starts.work}):"
    )
    clerk = (("file cache cold", starts.cold), ("file cache warm", starts.clerk))
    if not starts.cold:
        print("  file cache cold: not measured (emptying the cache needs root on Linux)")
    for name, each in clerk:
        report_figure(name, [start.usable for start in each], runs=runs, log=log, target=True)
        if each:
            print(f"    {moments(each, PHASES)} · typing into {each[0].focus or '-'}")
    print(
        f"\nthen the clerk signs in (typed {TYPING_SECONDS:.0f} s after the dialog took typing): "
        "from the last Enter to the workbench taking typing"
    )
    for name, each in clerk:
        report_figure(name, [start.after_enter for start in each], runs=runs, log=log, target=True)
        if each:
            print(f"    typing into {each[0].workbench_focus or '-'}")
    print(
        "\nscripted starts (`--staff`, for tests and demonstrations: no dialog, so the workbench "
        "is the first window and the demo's embedded registry booting beside the counter is "
        "on its path; not a clerk's start, no target):"
    )
    scripted = (("first start, fresh folder", starts.first), ("again on its folder", starts.warm))
    for name, each in scripted:
        report_figure(name, [start.usable for start in each], runs=runs, log=log, target=False)
        if each:
            print(f"    {moments(each, PHASES)}")


def report_figure(
    name: str, seconds: list[float | None], *, runs: int, log: Path, target: bool
) -> None:
    """One line: the median and max of the measured seconds, against the target if it has one."""
    measured = [value for value in seconds if value is not None]
    if not measured:
        print(f"  {name}: never usable (see {log})")
        return
    median, worst = statistics.median(measured), max(measured)
    against = f"   target ≤ {START_TARGET} s   ratio {median / START_TARGET:.2f}" if target else ""
    print(
        f"  {name:<26} median {median:5.2f} s  max {worst:5.2f} s{against}"
        f"   ({len(measured)}/{runs} usable)"
    )


def moments(starts: list[Start], phases: tuple[tuple[str, str], ...]) -> str:
    """The median moment of each phase of a start, in seconds from spawning."""
    parts = []
    for key, label in phases:
        seen = [start.moments[key] for start in starts if key in start.moments]
        if seen:
            parts.append(f"{label} {statistics.median(seen):.2f}")
    closed = [start.closed for start in starts if start.closed is not None]
    if closed:
        parts.append(f"shut down {statistics.median(closed):.2f}")
    return " · ".join(parts)


def components(folder: Path, work: Path, stack: ExitStack) -> list[ui_scenario.Phase]:
    """The components scenario's phases (see `bench/ui_scenario.py`)."""
    lane = Lane(threads=1)
    store = open_store(folder / "counter.db")
    stack.callback(store.close)
    stack.callback(lane.close)
    hall = stack.enter_context(hall_registry(work / "hall"))
    large = ui_scenario.large_catalogue(load_catalogue(DEMO_CATALOGUE).items)
    demo_index = ui_scenario.store_index(store)
    page = ui_scenario.scanned_page(work / "scan.jpg")
    return [
        ("idle window, 3 s", ui_scenario.idle(3.0)),
        ("item finder, demo catalogue", ui_scenario.search_items(demo_index, lane)),
        (
            f"item finder, {len(large)} items",
            ui_scenario.search_items(lambda: ItemIndex(large), lane),
        ),
        ("intake by keys", ui_scenario.intake_by_keys(demo_index, lane)),
        ("settings dialog", ui_scenario.settings_dialog(folder)),
        ("receipt preview", ui_scenario.receipt_preview(lane)),
        ("scan viewer, zoom to 400 %", ui_scenario.scan_viewer(page)),
        ("hall display, 6 calls", hall_display(hall, lane)),
    ]


def load_scenario(spec: str) -> list[ui_scenario.Phase]:
    """The phases named by MODULE:NAME (a function is one phase)."""
    module, _, name = spec.partition(":")
    found = getattr(importlib.import_module(module), name or "run_scenario")
    return [(spec, found)] if callable(found) else list(found)


def report_phases(results: list[PhaseFigures], *, record_over_ms: float) -> None:
    """Print each phase's figures, its stalls over the target, and the culprits of the rest."""
    print(
        f"\nevent-loop stalls (10 ms heartbeat; stalls recorded over {record_over_ms:.0f} ms, "
        f"target: none over {STALL_TARGET * 1000:.0f} ms):"
    )
    print(f"  {'phase':<30} {'s':>5} {'ticks':>6} {'p50':>7} {'p99':>7} {'max':>8} {'>100ms':>6}")
    for phase in results:
        s = phase.summary
        over = [stall for stall in phase.stalls if stall.duration > STALL_TARGET]
        print(
            f"  {phase.name:<30} {s.seconds:5.1f} {s.ticks:6d} {s.p50 * 1000:5.1f}ms"
            f" {s.p99 * 1000:5.1f}ms {s.longest * 1000:6.0f}ms {len(over):6d}"
            + (f"   FAILED: {phase.error}" if phase.error else "")
        )
    worst = max((p.summary.longest for p in results), default=0.0)
    print(
        f"  longest stall {worst * 1000:.0f} ms   target ≤ {STALL_TARGET * 1000:.0f} ms   "
        f"ratio {worst / STALL_TARGET:.2f}"
    )
    for phase in results:
        for stall in phase.stalls:
            if stall.duration > STALL_TARGET:
                at = stall.started - phase.began
                print(f"\n  [{phase.name}, +{at:.1f} s] {stall.describe(frames=6)}")
    report_shorter(results)


def report_shorter(results: list[PhaseFigures]) -> None:
    """The culprits of the recorded stalls within the target, longest first."""
    seen: dict[tuple[str, str], list[Stall]] = {}
    for phase in results:
        for stall in phase.stalls:
            if stall.duration <= STALL_TARGET:
                seen.setdefault((phase.name, stall.culprit), []).append(stall)
    if not seen:
        return
    print("\n  stalls within the target, by culprit (count, longest, kinds):")
    for (name, culprit), stalls in sorted(seen.items(), key=lambda kv: -longest(kv[1])):
        kinds = Counter(stall.kind.value for stall in stalls)
        kind = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
        print(
            f"    {len(stalls):3d} × ≤{longest(stalls) * 1000:4.0f} ms ({kind}) [{name}] {culprit}"
        )


def longest(stalls: list[Stall]) -> float:
    """The longest duration among `stalls`."""
    return max(stall.duration for stall in stalls)


def measure_stalls(scenario: str | None, *, record_over_ms: float) -> None:
    """Run the counter in this process and the scenario under the monitor; print figures."""
    work = Path(tempfile.mkdtemp(prefix="ui-bench-stalls-"))
    folder = work / "counter"
    os.environ["WINDOW_CLERK_PASSWORD"] = PASSWORD
    results: list[PhaseFigures] = []
    costs: list[str] = []

    def measure(window: QWidget) -> None:
        with ExitStack() as stack:
            phases = load_scenario(scenario) if scenario else components(folder, work, stack)
            costs.append(measure_overhead())
            results.extend(run_phases(window, phases, record_over_ms=record_over_ms))

    run_app(["main.py", "--data-dir", str(folder), "--staff", STAFF], measure)
    print(f"\nstall monitor's own cost (10 ms heartbeat): {costs[0] if costs else '-'}")
    report_phases(results, record_over_ms=record_over_ms)
    print(f"\n(the counter's log: {folder / 'window-clerk.log'})")


def main() -> None:
    """Parse the options and print the figures."""
    parser = argparse.ArgumentParser(description="UI bench: start time and event-loop stalls")
    parser.add_argument("--starts", type=int, default=5, help="first and warm starts to time")
    parser.add_argument("--no-starts", action="store_true", help="skip the start figures")
    parser.add_argument("--no-stalls", action="store_true", help="skip the stall figures")
    parser.add_argument("--scenario", help="MODULE:NAME of a scenario to run instead")
    parser.add_argument(
        "--record-over", type=float, default=50.0, help="record stalls over this many ms"
    )
    options = parser.parse_args()
    if not options.no_starts:
        report_starts(options.starts)
    if not options.no_stalls:
        measure_stalls(options.scenario, record_over_ms=options.record_over)
    if not options.no_stalls and options.scenario is None:
        print(f"\nthe counter day (`--scenario {COUNTER_DAY}`), in a counter of its own:")
        sys.stdout.flush()
        again = [sys.executable, __file__, "--no-starts", "--scenario", COUNTER_DAY]
        subprocess.run([*again, "--record-over", str(options.record_over)], check=False)


if __name__ == "__main__":
    main()
