"""The soak's catch-up: the counter application's window and sync loop, measured, in one process.

Run by `bench/soak.py` (and `tests/integration/test_soak_short.py`) as a child process, so its
peak memory is the counter's own: `python -m bench.soak_catchup --folder F --registry-url URL
--out FIGURES.json`. It opens the counter of folder F as the application does
(`sync.setup.open_counter` with a configured registry: the stored credential), shows the real
`WorkbenchWindow` (offscreen), starts the real sync loop (`ui.counter_run.start_sync`) — its health
reaches the status bar through the queued signal — and watches the GUI thread with the product's
`StallMonitor` while a clerk looks around: every `--browse-ms` the window turns to the next page
(by default case search with a query, the deadlines board, needs attention, then the counter;
`--pages` chooses), each page loading from the store on the reads lane while the loop writes.
Each stall is put down to the page showing when it began.

It stops when the status bar reports the loop idle and online with nothing waiting (no
operation, no scan), or after `--timeout` seconds, and writes its figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a file or a module, from anywhere

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from clerk.scans import ScanFolder  # noqa: E402
from printing.from_domain import PrintContext  # noqa: E402
from sync.loop import SyncLoop  # noqa: E402
from sync.setup import Connection, open_counter  # noqa: E402
from ui.app import share_the_interpreter_with_the_screen, use_bundled_font  # noqa: E402
from ui.collector import GuiThreadCollector  # noqa: E402
from ui.counter_run import start_sync  # noqa: E402
from ui.decisions.credentials import RegistryCredentials  # noqa: E402
from ui.settings import CounterSettings  # noqa: E402
from ui.stalls import Stall, StallMonitor  # noqa: E402
from ui.workbench.pages import Page  # noqa: E402
from ui.workbench.parts import CounterParts  # noqa: E402
from ui.workbench.window import WorkbenchWindow  # noqa: E402

SYNC_CODE = ("/sync/", "/clerk/store/", "/clerk/services/", "/registry/")
"""Where the sync loop's own work runs: a GUI-thread stack in these files blames the catch-up."""
PAGES = {page.name.lower(): page for page in (Page.SEARCH, Page.DEADLINES, Page.ATTENTION)}
_QUERIES = ("张测1", "330106", "王测", "13800000")


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc; 0 where it cannot be read)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """This process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass(slots=True)
class Figures:
    """What the catch-up measured (written as JSON)."""

    reconciled: bool = False
    seconds: float = 0.0
    pending_at_start: int = 0
    scans_at_start: int = 0
    scan_bytes_at_start: int = 0
    rounds: int = 0
    rss_before: int = 0
    rss_peak: int = 0
    rss_samples: list[tuple[float, int, int]] = field(default_factory=list)
    ticks: int = 0
    stall_p50: float = 0.0
    stall_p99: float = 0.0
    stall_longest: float = 0.0
    stalls_over_threshold: int = 0
    long_stalls: list[dict[str, Any]] = field(default_factory=list)
    blamed_on_sync: list[dict[str, Any]] = field(default_factory=list)
    over_100ms_by_page: dict[str, int] = field(default_factory=dict)
    over_100ms_by_culprit: dict[str, int] = field(default_factory=dict)
    pages_shown: int = 0
    page_turns: list[tuple[float, str]] = field(default_factory=list)
    last_error: str | None = None


def describe(stall: Stall, turns: list[tuple[float, str]]) -> dict[str, Any]:
    """A stall as plain JSON: how long, what kind, the page shown, the culprit and the stack."""
    shown = [page for at, page in turns if at <= stall.started]
    return {
        "duration": stall.duration,
        "page": shown[-1] if shown else "counter",
        "kind": str(stall.kind),
        "culprit": stall.culprit,
        "stack": list(stall.stack[-8:]),
        "elsewhere": list(stall.elsewhere[:3]),
    }


def blames_sync(stall: Stall) -> bool:
    """Whether the GUI thread was seen running the sync loop's code during the stall."""
    return any(
        any(part in frame for part in SYNC_CODE) for stack in stall.stacks for frame in stack.frames
    )


class Sampler:
    """A thread sampling memory and the outbox while the catch-up runs (never the GUI thread)."""

    def __init__(self, connection: Connection, figures: Figures, *, every: float) -> None:
        self._connection, self._figures, self._every = connection, figures, every
        self._stop = threading.Event()
        self._start = time.perf_counter()
        self._thread = threading.Thread(target=self._run, name="soak-sampler", daemon=True)

    def start(self) -> None:
        """Start sampling."""
        self._start = time.perf_counter()
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            store = self._connection.store
            pending = store.health().pending
            scans, _ = store.ledger().pending_scans()
            elapsed = time.perf_counter() - self._start
            self._figures.rss_samples.append((round(elapsed, 1), rss_bytes(), pending))
            print(
                f"    {elapsed:7.1f} s  {pending:7,} operations and {scans:6,} scans waiting"
                f"   RSS {rss_bytes() / 2**20:6.1f} MB",
                flush=True,
            )


class CatchUp:
    """The window, the loop, the monitor and the clerk browsing, until reconciled."""

    def __init__(self, app: QApplication, args: argparse.Namespace) -> None:
        self.app, self.args = app, args
        self.folder = Path(args.folder)
        self.figures = Figures()
        self.connection = open_counter(self.folder, registry_url=args.registry_url)
        self.window = self._window()
        self.monitor = StallMonitor(interval_ms=10, threshold_ms=args.threshold_ms)
        self.loop: SyncLoop | None = None
        self.sampler = Sampler(self.connection, self.figures, every=args.sample_s)
        self._browse = QTimer(self.window)
        self._browse.timeout.connect(self._next_page)
        self._watch = QTimer(self.window)
        self._watch.timeout.connect(self._check)
        self._started = 0.0
        self._finished = False
        self._pages = [PAGES[name] for name in args.pages.split(",") if name] + [Page.COUNTER]

    def _window(self) -> WorkbenchWindow:
        store = self.connection.store
        device = store.device
        parts = CounterParts(
            store=store,
            scans=ScanFolder(self.folder / "scans"),
            settings=CounterSettings(self.folder / "window-clerk.ini"),
            data_folder=self.folder,
            context=PrintContext(hall="测试大厅", counter=device.counter),
            credentials=RegistryCredentials(store, self.connection.client),
            counter_label=f"{device.hall} · {device.counter}",
        )
        window = WorkbenchWindow(parts)
        window.resize(1280, 800)
        window.show()
        return window

    def begin(self) -> None:
        """Start everything (from the running event loop)."""
        QTimer.singleShot(int(self.args.timeout * 1000), self.finish)
        store = self.connection.store
        self.figures.pending_at_start = store.health().pending
        scans, size = store.ledger().pending_scans()
        self.figures.scans_at_start, self.figures.scan_bytes_at_start = scans, size
        self.figures.rss_before = rss_bytes()
        self.monitor.start()
        self.sampler.start()
        self._started = time.perf_counter()
        self.loop = start_sync(self.connection, self.folder, self.window)
        self._browse.start(self.args.browse_ms)
        self._watch.start(50)

    def _next_page(self) -> None:
        count = self.figures.pages_shown
        page = self._pages[count % len(self._pages)]
        self.figures.page_turns.append((time.perf_counter(), page.name.lower()))
        self.window.pages.show_page(page)
        if page is Page.SEARCH:
            self.window.search.search(_QUERIES[(count // len(self._pages)) % len(_QUERIES)])
        self.figures.pages_shown += 1

    def _check(self) -> None:
        health = self.window.sync_status.health
        if health is None:
            return
        self.figures.last_error = health.last_error
        done = health.state == "idle" and health.online
        if done and health.pending == 0 and health.pending_scans == 0:
            self.figures.reconciled = True
            self.finish()

    def finish(self) -> None:
        """Stop measuring, stop the loop, write the figures and leave the event loop."""
        if self._finished:
            return
        self._finished = True
        self.figures.seconds = time.perf_counter() - self._started
        self._watch.stop()
        self._browse.stop()
        self.monitor.stop()
        self.sampler.stop()
        self._collect()
        if self.loop is not None:
            self.loop.stop(timeout=60.0)
            self.figures.rounds = self.loop.rounds
        self.window.close()
        self.connection.close()
        Path(self.args.out).write_text(json.dumps(asdict(self.figures), indent=1))
        self.app.quit()

    def _collect(self) -> None:
        summary = self.monitor.summary()
        figures = self.figures
        figures.ticks = summary.ticks
        figures.stall_p50, figures.stall_p99 = summary.p50, summary.p99
        figures.stall_longest = summary.longest
        figures.stalls_over_threshold = summary.stalls
        stalls = self.monitor.stalls
        turns = figures.page_turns
        longest = sorted(stalls, key=lambda s: -s.duration)
        figures.long_stalls = [describe(s, turns) for s in longest[:10]]
        figures.blamed_on_sync = [describe(s, turns) for s in stalls if blames_sync(s)]
        over = [describe(s, turns) for s in stalls if s.duration > 0.1]
        figures.over_100ms_by_page = dict(Counter(stall["page"] for stall in over))
        figures.over_100ms_by_culprit = dict(Counter(stall["culprit"] for stall in over))
        figures.rss_peak = peak_rss_bytes()


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line (see the module)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", required=True, help="the counter's data folder")
    parser.add_argument("--registry-url", required=True, help="the registry (or a proxy)")
    parser.add_argument("--out", required=True, help="where to write the figures (JSON)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="give up after (s)")
    parser.add_argument("--browse-ms", type=int, default=700, help="the clerk's page turns")
    parser.add_argument("--sample-s", type=float, default=5.0, help="memory samples (s)")
    parser.add_argument("--threshold-ms", type=float, default=50.0, help="a stall is longer")
    parser.add_argument("--pages", default="search,deadlines,attention", help="the clerk browses")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the catch-up; 0 when it reconciled, 1 when it timed out."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = parse_args(argv)
    app = QApplication([sys.argv[0]])
    share_the_interpreter_with_the_screen()  # as ui.app.main does
    use_bundled_font(app)  # as ui.app.main does: a CJK font, not the system's with fallbacks
    GuiThreadCollector(parent=app).start()  # as the application does
    catch_up = CatchUp(app, args)
    QTimer.singleShot(500, catch_up.begin)  # the window has settled (first paint, catalogue)
    app.exec()
    return 0 if catch_up.figures.reconciled else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
