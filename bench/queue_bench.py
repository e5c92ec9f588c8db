"""Queue benchmark: call-next latency at 50 and 200 counters, and a call's time to the display.

Run: `.venv/bin/python bench/queue_bench.py [--backend sqlite|postgresql|both] [--quick]
[--workers N] [--client-processes N]`.
Prints each figure next to its target (issue 4); exits 0 whatever the figures.

For each backend a real registry serves 127.0.0.1: on a SQLite file one process (the embedded
registry of a small hall); on a throwaway PostgreSQL with fsync on, `--workers` processes on one
port (default one per CPU, as the Linux service's example settings run it). One hall has 200
enrolled counters, a kiosk and a display, each device with its own `requests.Session` on its own
thread. Latency is timed at the counter, from
sending `POST /queue/call/next` to its decoded answer, and every call is a real claim (a feeder
keeps as many tickets waiting as there are counters).

- **paced**: 50, then 200 counters each call, serve the ticket (start, finish) and call again
  after a random pause averaging `--pause` seconds (10 s: a hall whose every visit took ten
  seconds, some thirty times a real hall's pace). The target is about this load. Each counter
  also reads what its queue panel reads (ui/queue/panel.py, ui/queue/remote.py): its view
  (`GET /queue/counter`) `--refresh` seconds (5 s, the panel's default) after the last view it
  got — each call and move answers with the view after it, and only an answer without one is
  followed by a read. `--refresh 0` leaves the reads out (the load of the benches before the
  twelfth look). Their latency is printed too.
- **display**: during each paced run a display long-polls the feed (`GET /queue/display`); the
  time from a counter sending its call to the display receiving that call, p50 and p95.
- **disk**: during each paced run an 8 KiB durable write (fdatasync) every 50 ms on the disk the
  database commits to: its p50, its max, the writes of 50 ms or more, and how many calls were in
  flight during such a stall (with the p99 of the others). Every call commits and waits for the
  log to reach the disk, so a disk that stalls for half a second stalls every call meanwhile;
  the target figure stays the p99 of all calls.
- **flat out**: the 200 counters with no pause at all: the registry's capacity on this machine
  (calls per second) and the latency once calls queue up behind each other.
- **burst**: all counters released at the same instant to call, one ticket waiting for each:
  the worst moment, where each call waits for those ahead of it.

The counters run in `--client-processes` processes (default 4), their threads split evenly: in a
hall every counter is its own PC, and 200 counter threads in one interpreter would queue every
answer behind that interpreter's lock, timing the bench's own queue rather than the registry's.
`--client-processes 1` runs them all as threads here. Times across processes are read from the
system's monotonic clock, which every process shares.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import http.client
import json
import math
import multiprocessing
import os
import platform
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the tests' support package is importable, not installed
from clerk.queue import Outcome  # noqa: E402
from clerk.queue.wire import CallAnswer, CounterView, ServiceSpec  # noqa: E402
from clerk.wire import API_PREFIX  # noqa: E402
from registry import admin  # noqa: E402
from registry.db import utc_now  # noqa: E402
from registry.server import GC_THRESHOLD  # noqa: E402
from sync.queue_client import QueueClient, new_request_id  # noqa: E402
from tests.integration.queue.harness import (  # noqa: E402
    TIMEOUT,
    add_counters,
    configure,
    enrol_device,
)
from tests.integration.sync.harness import STAFF, RegistryProcess  # noqa: E402
from tests.support.postgres import PostgresServer, PostgresUnavailable  # noqa: E402

HALL = "BENCH"
CLERK = f"{HALL}C001"
SERVICE = ServiceSpec("BIZ", "A", "企业开办")
LEVELS = (50, 200)
P99_TARGET = 0.050  # seconds, at 200 counters on PostgreSQL
DISPLAY_TARGET = 1.0  # seconds, p95 from a call to the display showing it
PAUSE = 10.0  # seconds between a counter's calls: visits of 10 s, some 30× a real hall's pace
REFRESH = 5.0  # seconds between a counter panel's reads of its view (ui/queue/panel.py)
PUBLISHED_P99 = 17.9  # seconds at 200 clients: the best published figure of an open-source
# government queue system (issue 4)
CLIENT_PROCESSES = 4  # processes the counters' threads are split over
START_MARGIN = 1.0  # seconds between handing out work and the common start instant
DISK_STALL = 0.050  # seconds: a durable write this slow stalls every commit waiting for it
DISK_PROBE_EVERY = 0.05
"""Seconds between the disk probe's writes."""


@dataclass(frozen=True)
class Counter:
    """What a client process needs to act as an enrolled counter: its registry and token."""

    url: str
    token: str

    def client(self) -> QueueClient:
        """A new client for this counter (its own session)."""
        client = QueueClient(self.url, timeout=TIMEOUT)
        client.token = self.token
        return client


@dataclass
class Hall:
    """The registry, the kiosk, the display and the counters."""

    registry: RegistryProcess
    kiosk: QueueClient
    display: QueueClient
    disk: Path  # a folder on the disk the database commits to
    counters: list[Counter] = field(default_factory=list)

    def close(self) -> None:
        """Close the kiosk's and display's clients and stop the registry."""
        for client in [self.kiosk, self.display]:
            client.close()
        self.registry.close()


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values` (share in 0–1)."""
    ordered = sorted(values)
    return ordered[max(0, -(-int(share * 1000) * len(ordered) // 1000) - 1)]


def percentile_interval(values: list[float], share: float) -> tuple[float, float]:
    """A 95 % confidence interval of the percentile `share` of what `values` sample: the
    order statistics whose ranks lie 1.96 standard deviations of the binomial count either side
    of the percentile's rank (distribution-free). A p99 of a few hundred calls rests on its
    handful of slowest: this says how far another run of the same length may put it."""
    ordered = sorted(values)
    count = len(ordered)
    spread = 1.96 * math.sqrt(count * share * (1 - share))
    low = max(1, math.floor(count * share - spread))
    high = min(count, math.ceil(count * share + spread))
    return ordered[low - 1], ordered[high - 1]


def _set_up(registry: RegistryProcess, codes: list[str]) -> None:
    with registry.db() as connection:
        admin.create_hall(connection, code=HALL, name="压测大厅", now=utc_now())
        name, role, password = STAFF["C001"]
        admin.create_staff(
            connection,
            staff_id=CLERK,
            hall=HALL,
            name=name,
            role=role,
            password=password,
            now=utc_now(),
        )
    add_counters(registry, HALL, [*codes, "K01", "D01"])
    configure(registry, HALL, services=(SERVICE,))


def _hall(database_url: str, workdir: Path, workers: int, disk: Path) -> Hall:
    """The hall, served by one registry with `workers` worker processes on one port."""
    registry = RegistryProcess(database_url, workdir, workers=workers)
    codes = [f"W{n:03d}" for n in range(1, max(LEVELS) + 1)]
    _set_up(registry, codes)
    registry.start()
    url = registry.url
    kiosk = enrol_device(registry, HALL, "K01", url)
    hall = Hall(registry, kiosk, enrol_device(registry, HALL, "D01", url), disk)
    for code in codes:
        client = enrol_device(registry, HALL, code, url)
        if client.token is None:
            raise RuntimeError(f"counter {code} was enrolled without a token")
        hall.counters.append(Counter(url, client.token))
        client.close()
    return hall


@contextmanager
def _backend(name: str, workdir: Path, workers: int) -> Iterator[Hall]:
    if name == "sqlite":
        hall = _hall(f"sqlite:///{workdir / 'registry.sqlite'}", workdir, 1, workdir)
        try:
            yield hall
        finally:
            hall.close()
        return
    with PostgresServer() as server:
        server.create_database("queue_bench")
        hall = _hall(server.url("queue_bench"), workdir, workers, server.directory)
        try:
            yield hall
        finally:
            hall.close()


def _serve(client: QueueClient, ticket_id: str) -> None:
    client.start(ticket_id)
    client.finish(ticket_id, Outcome.CONSULTATION)


def _timed_call(client: QueueClient) -> tuple[float, float, CallAnswer]:
    """(sent at on the monotonic clock, seconds, answer) of one call."""
    sent = time.monotonic()
    answer = client.call_next(request_id=new_request_id(), staff_id=CLERK)
    return sent, time.monotonic() - sent, answer


def _sleep_until(instant: float) -> None:
    time.sleep(max(0.0, instant - time.monotonic()))


def _each_counter(counters: list[Counter], work: Callable[[QueueClient], None]) -> None:
    """`work` for every counter at once, each on its own thread with its own client."""
    clients = [counter.client() for counter in counters]
    threads = [threading.Thread(target=work, args=(client,), daemon=True) for client in clients]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for client in clients:
            client.close()


@dataclass
class Calls:
    """What one group of counters measured: latencies, when each call was sent, when each
    called ticket was sent (all on the monotonic clock), and the latencies of their views."""

    latencies: list[float] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)
    sent_at: dict[str, float] = field(default_factory=dict)
    views: list[float] = field(default_factory=list)


class _Panel:
    """A counter's queue panel's reads (none with `refresh` 0), timed into `views`: every
    `refresh` seconds since the last view it got (ui/queue/panel.py: its timer starts over
    after a move), and after a move whose answer carried no view (ui/queue/remote.py).

    The request is the panel's (`GET /queue/counter`, its token, gzip accepted, the answer's
    JSON decoded) sent over a kept-alive `http.client` connection: `QueueClient` spends 1.0 ms
    of CPU per read in `requests` and its wire types, this 0.2 ms. A hall's panels run on their
    own PCs; here they share the registry's CPUs, and ~100 reads a second through `requests`
    would take a tenth of the machine from the registry being measured.
    """

    def __init__(
        self, client: QueueClient, refresh: float, first: float, views: list[float]
    ) -> None:
        self.refresh, self.views = refresh, views
        self.due = first if refresh else math.inf
        address = urlsplit(client.base_url)
        self._host, self._port = address.hostname or "127.0.0.1", address.port
        self._path = f"{address.path}{API_PREFIX}/queue/counter"
        self._headers = {"Authorization": f"Bearer {client.token}", "Accept-Encoding": "gzip"}
        self._connection: http.client.HTTPConnection | None = None

    def read(self) -> None:
        """One read of the counter's view, timed.

        Raises:
            RuntimeError: the registry refused it (the bench's hall is broken).
        """
        if not self.refresh:
            return
        sent = time.monotonic()
        status, body = self._get()
        if status != 200:
            raise RuntimeError(f"a counter's view was refused: {status} {body[:200]!r}")
        json.loads(gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body)
        self.views.append(time.monotonic() - sent)  # list.append: atomic

    def _get(self) -> tuple[int, bytes]:
        try:
            return self._request()
        except (ConnectionError, http.client.HTTPException):
            self.close()  # a kept-alive connection the registry closed: once more, on a new one
            return self._request()

    def _request(self) -> tuple[int, bytes]:
        if self._connection is None:
            self._connection = http.client.HTTPConnection(
                self._host, self._port, timeout=TIMEOUT[1]
            )
        self._connection.request("GET", self._path, headers=self._headers)
        answer = self._connection.getresponse()
        return answer.status, answer.read()

    def close(self) -> None:
        """Close the connection (the next read opens another)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def moved(self, answered: CounterView | None) -> None:
        """After a move: the view its answer carried, or (none) a read; the timer starts over."""
        if answered is None:
            self.read()
        self.due = time.monotonic() + self.refresh if self.refresh else math.inf

    def wait_until(self, instant: float) -> None:
        """Sleep until `instant`, reading the view whenever the panel's timer is due."""
        while (now := time.monotonic()) < instant or self.due <= now:
            if self.due <= now:
                self.read()
                self.due = now + self.refresh
                continue
            time.sleep(min(instant, self.due) - now)


def _pace_group(
    counters: list[Counter], begin: float, seconds: float, pause: float, refresh: float
) -> Calls:
    """A group of counters calling at a pace from `begin` for `seconds` (one thread each), each
    reading its view as its panel does every `refresh` seconds and after each move."""
    calls = Calls()
    lock = threading.Lock()
    stop = begin + seconds

    def counter(client: QueueClient) -> None:
        rng = random.Random(client.token)
        panel = _Panel(client, refresh, begin + rng.uniform(0, refresh), calls.views)
        panel.wait_until(begin + (rng.uniform(0, pause) if pause else 0.0))
        while time.monotonic() < stop:
            sent, took, answer = _timed_call(client)
            with lock:
                calls.latencies.append(took)
                calls.sent.append(sent)
                if answer.ticket is not None:
                    calls.sent_at[answer.ticket.id] = sent
            panel.moved(answer.counter)
            if answer.ticket is not None:
                ticket_id = answer.ticket.id
                panel.moved(client.start(ticket_id).counter)
                panel.moved(client.finish(ticket_id, Outcome.CONSULTATION).counter)
            rest = rng.expovariate(1 / pause) if pause else 0.0
            panel.wait_until(min(time.monotonic() + rest, stop))
        panel.close()

    _each_counter(counters, counter)
    return calls


def _burst_group(counters: list[Counter], begin: float) -> list[float]:
    """A group of counters each calling once at `begin` and serving what it got."""
    latencies: list[float] = []
    lock = threading.Lock()

    def one(client: QueueClient) -> None:
        _sleep_until(begin)
        _, seconds, answer = _timed_call(client)
        with lock:
            latencies.append(seconds)
        if answer.ticket is not None:
            _serve(client, answer.ticket.id)

    _each_counter(counters, one)
    return latencies


def _client_process() -> None:
    """Set up a client process as the registry sets up its workers (`registry.server`): what
    was imported frozen out of the collector's sight, young collections every `GC_THRESHOLD`
    allocations. Fifty counters share a client interpreter here, so one of its full collections
    (tens of milliseconds) would hold up fifty calls at once; a hall's counters each have a PC."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


class Clients:
    """The counters' client processes (or, with one, threads in this process)."""

    def __init__(self, processes: int) -> None:
        """Start `processes` client processes (none for 1) and wait until each is ready."""
        self.processes = max(1, processes)
        self._pool: Pool | None = None
        if self.processes > 1:
            spawn = multiprocessing.get_context("spawn")
            self._pool = spawn.Pool(self.processes, initializer=_client_process)
            self._pool.map(time.sleep, [0.0] * self.processes)  # each has imported the bench

    def groups(self, counters: list[Counter]) -> list[list[Counter]]:
        """The counters split evenly over the processes."""
        return [counters[n :: self.processes] for n in range(self.processes)]

    def pace(
        self, counters: list[Counter], begin: float, seconds: float, pause: float, refresh: float
    ) -> Calls:
        """Every group paced at once; their calls together."""
        if self._pool is None:
            return _pace_group(counters, begin, seconds, pause, refresh)
        jobs = [(group, begin, seconds, pause, refresh) for group in self.groups(counters)]
        merged = Calls()
        for calls in self._pool.starmap(_pace_group, jobs, chunksize=1):
            merged.latencies += calls.latencies
            merged.sent += calls.sent
            merged.sent_at.update(calls.sent_at)
            merged.views += calls.views
        return merged

    def burst(self, counters: list[Counter], begin: float) -> list[float]:
        """Every group calling at `begin`; their latencies together."""
        if self._pool is None:
            return _burst_group(counters, begin)
        jobs = [(group, begin) for group in self.groups(counters)]
        return [
            took for group in self._pool.starmap(_burst_group, jobs, chunksize=1) for took in group
        ]

    def close(self) -> None:
        """Stop the client processes."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()


def burst(hall: Hall, clients: Clients, level: int, rounds: int) -> list[float]:
    """Latencies of `rounds` bursts of `level` counters calling at the same instant."""
    latencies: list[float] = []
    for _ in range(rounds):
        for _ in range(level):
            hall.kiosk.issue(SERVICE.code)
        latencies += clients.burst(hall.counters[:level], time.monotonic() + START_MARGIN)
    return latencies


class DiskProbe:
    """Times a small durable write (8 KiB, fdatasync) every `DISK_PROBE_EVERY` on the database's
    disk: often enough to see every stall of `DISK_STALL` or more, rarely enough not to load
    the disk it watches (every 10 ms it was a hundred flushes a second beside the WAL's).

    Every call commits, and a commit waits for the write-ahead log to reach the disk: when the
    disk stalls, every call in flight stalls with it, whatever the registry does. The probe
    shows whether a run's slowest calls met such a moment.
    """

    def __init__(self, folder: Path) -> None:
        """Probe the disk of `folder` (a file is made there) until `stop()`."""
        self._path = folder / "disk-probe"
        self._stop = threading.Event()
        self.latencies: list[float] = []
        self.stalls: list[tuple[float, float]] = []  # (began, ended) of writes ≥ DISK_STALL
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        block = os.urandom(8192)
        descriptor = os.open(self._path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while not self._stop.wait(DISK_PROBE_EVERY):
                os.pwrite(descriptor, block, (len(self.latencies) % 128) * len(block))
                began = time.monotonic()
                os.fdatasync(descriptor)
                ended = time.monotonic()
                self.latencies.append(ended - began)
                if ended - began >= DISK_STALL:
                    self.stalls.append((began, ended))
        finally:
            os.close(descriptor)
            self._path.unlink(missing_ok=True)

    def stop(self) -> None:
        """Stop probing."""
        self._stop.set()
        self._thread.join()

    def line(self) -> str:
        """What the probe found, to print."""
        found = self.latencies or [0.0]
        p50 = percentile(found, 0.5)
        return (
            f"  {'disk meanwhile (8 KiB, fdatasync)':<36} p50 {p50 * 1000:7.1f}"
            f" ms   max {max(found) * 1000:7.1f} ms   n={len(self.latencies)}"
            f"   ≥ {DISK_STALL * 1000:.0f} ms: {len(self.stalls)}"
        )


@dataclass
class Paced:
    """What a paced run measured."""

    latencies: list[float]
    display_delays: list[float]
    seconds: float
    disk: DiskProbe
    sent: list[float]
    views: list[float]

    def beside_stalls(self) -> str:
        """The calls in flight while the disk stalled, and the p99 of the others."""
        stalls = self.disk.stalls
        clear = [
            took
            for sent, took in zip(self.sent, self.latencies, strict=True)
            if not any(sent < ended and began < sent + took for began, ended in stalls)
        ]
        line = f"  {'calls in flight in a disk stall':<36} {len(self.latencies) - len(clear)}"
        if clear and len(clear) < len(self.latencies):
            line += f"   p99 of the others {percentile(clear, 0.99) * 1000:.1f} ms"
        return line


def paced(
    hall: Hall, clients: Clients, level: int, *, seconds: float, pause: float, refresh: float
) -> Paced:
    """Counters calling at a pace for `seconds` (reading their views every `refresh` seconds and
    after each move), a feeder keeping tickets waiting, a display."""
    stop = threading.Event()
    seen_at: list[tuple[str, float]] = []
    number_of: dict[str, str] = {}

    def issue() -> None:
        issued = hall.kiosk.issue(SERVICE.code).ticket
        number_of[issued.number] = issued.id

    def feeder() -> None:
        while not stop.is_set():
            for _ in range(max(0, level - hall.kiosk.estimate(SERVICE.code).ahead)):
                issue()
            stop.wait(0.2)

    def display() -> None:
        version = hall.display.display().version
        while not stop.is_set():
            feed = hall.display.display(after=version, limit=50, wait=5)
            seen = time.monotonic()
            seen_at.extend((call.number, seen) for call in feed.calls)
            version = feed.version

    for _ in range(level):
        issue()
    threads = [threading.Thread(target=job, daemon=True) for job in (feeder, display)]
    for thread in threads:
        thread.start()
    begin = time.monotonic() + START_MARGIN
    disk = DiskProbe(hall.disk)
    calls = clients.pace(hall.counters[:level], begin, seconds, pause, refresh)
    disk.stop()
    stop.set()
    for thread in threads:
        thread.join()
    delays = [
        seen - calls.sent_at[number_of[number]]
        for number, seen in seen_at
        if number_of.get(number) in calls.sent_at
    ]
    return Paced(calls.latencies, delays, seconds, disk, calls.sent, calls.views)


def machine_pace() -> float:
    """Milliseconds one interpreter takes for a fixed loop (the best of five): how fast this
    machine runs Python right now. Runs compare only at a like pace: on the virtual machine of
    bench/README.md the same code served 584 calls/s flat out in one hour and 210 in another
    (2026-11-22), and a loop like this one took 0.24 s, then 0.40 s."""
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number * number
        best = min(best, time.perf_counter() - began)
    return best * 1000


def _line(label: str, values: list[float], *, target: float | None = None) -> str:
    p50, p99 = percentile(values, 0.50), percentile(values, 0.99)
    text = f"  {label:<36} p50 {p50 * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms   n={len(values)}"
    if target is not None:
        low, high = percentile_interval(values, 0.99)
        text += (
            f"   p99/target {p99 / target:5.2f}   published/p99 {PUBLISHED_P99 / p99:6.0f}×"
            f"\n  {'':<36} p99's 95 % interval {low * 1000:.1f}–{high * 1000:.1f} ms"
        )
    return text


def _display_line(delays: list[float]) -> str:
    if not delays:
        return f"  {'call → display (long poll)':<36} no call seen"
    p50, p95 = percentile(delays, 0.50), percentile(delays, 0.95)
    return (
        f"  {'call → display (long poll)':<36} p50 {p50 * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"
        f"   n={len(delays)}   p95/target {p95 / DISPLAY_TARGET:5.2f}"
    )


def run(
    backend: str,
    *,
    rounds: int,
    seconds: float,
    pause: float,
    refresh: float,
    workers: int,
    clients: Clients,
) -> None:
    """Every measurement on one backend."""
    with (
        tempfile.TemporaryDirectory(prefix="queue-bench-") as folder,
        _backend(backend, Path(folder), workers) as hall,
    ):
        print(
            f"\n{backend}: the registry in {hall.registry.workers} worker process(es),"
            f" {len(hall.counters)} counters in {clients.processes} client process(es)"
        )
        for level in LEVELS:
            measured = paced(hall, clients, level, seconds=seconds, pause=pause, refresh=refresh)
            rate = len(measured.latencies) / measured.seconds
            target = P99_TARGET if level == max(LEVELS) and backend == "postgresql" else None
            label = f"paced, {level} counters ({rate:.1f} calls/s)"
            print(_line(label, measured.latencies, target=target))
            if measured.views:
                reads = len(measured.views) / measured.seconds
                print(_line(f"  their views ({reads:.0f} reads/s)", measured.views))
            print(_display_line(measured.display_delays))
            print(measured.disk.line())
            print(measured.beside_stalls())
        flat_out = paced(
            hall, clients, max(LEVELS), seconds=seconds / 2, pause=0.0, refresh=refresh
        )
        rate = len(flat_out.latencies) / flat_out.seconds
        label = f"flat out, {max(LEVELS)} ({rate:.0f} calls/s)"
        print(_line(label, flat_out.latencies))
        for level in LEVELS:
            latencies = burst(hall, clients, level, rounds)
            print(_line(f"burst, {level} counters at once", latencies))


def main() -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="shorter runs (a first look)")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each paced run")
    parser.add_argument(
        "--pause", type=float, default=PAUSE, help="mean seconds between a counter's calls"
    )
    parser.add_argument(
        "--refresh",
        type=float,
        default=REFRESH,
        help="seconds between a counter panel's reads of its view (0: no reads at all)",
    )
    parser.add_argument("--rounds", type=int, default=10, help="bursts per level")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="the registry's worker processes over PostgreSQL (default: one per CPU, as the"
        " Linux service's example settings; SQLite is served by one)",
    )
    parser.add_argument(
        "--client-processes",
        type=int,
        default=CLIENT_PROCESSES,
        help="processes the counters are split over (1: threads in this process)",
    )
    args = parser.parse_args()
    seconds, rounds = (6.0, 3) if args.quick else (args.seconds, args.rounds)
    print(
        f"queue bench on {platform.node()}: {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f}; targets: p99 ≤ {P99_TARGET * 1000:.0f} ms at 200 counters "
        f"(PostgreSQL), display p95 ≤ {DISPLAY_TARGET:.0f} s"
    )
    print(f"machine's pace: a fixed Python loop takes {machine_pace():.0f} ms (bench/README.md)")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    clients = Clients(args.client_processes)
    try:
        for backend in backends:
            try:
                run(
                    backend,
                    rounds=rounds,
                    seconds=seconds,
                    pause=args.pause,
                    refresh=args.refresh,
                    workers=args.workers,
                    clients=clients,
                )
            except PostgresUnavailable as missing:
                print(f"\n{backend}: skipped: {missing}")
    finally:
        clients.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
