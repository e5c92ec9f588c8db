"""The sync loop: one background thread, one round at a time, whatever asks for it.

Triggers — a local commit (debounced), a reconnect, the timer — all wake the same thread, so
at most one round is ever in flight (SYNC.md, single flight). Failures back off exponentially
with full jitter, never sooner than the registry's Retry-After. After each round — and during
a long one (a catch-up after days offline), after each batch but at most every
`progress_every` seconds — the loop reads the health figures the status bar shows and hands
them to `on_health` (on the loop's thread: a GUI must post them to its own thread).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from clerk.store import Store
from sync.client import Busy, NotEnrolled, Offline, Refused, UpdateNeeded
from sync.engine import Report, SyncEngine

_log = logging.getLogger(__name__)

CLOCK_WARNING_SECONDS = 120.0


class Engine(Protocol):
    """What the loop runs (the real SyncEngine, or a fake in tests)."""

    store: Store

    def run_once(self) -> Report:
        """One round; raises the client's errors."""


@dataclass(frozen=True, slots=True)
class SyncHealth:
    """What the clerk sees of synchronisation (SYNC.md, Health that the clerk can see).

    Attributes:
        state: idle, syncing, offline, busy, not_enrolled, update_needed or error.
        online: whether the last round reached the registry.
        pending: operations waiting in the outbox.
        oldest_pending_at: when the oldest of them was made.
        pending_scans: scans the registry has not verified, and their bytes.
        last_push_at: the last successful push; last_pull_at the last successful pull.
        clock_offset_seconds: the registry's clock minus ours (None before the first round).
        needs_attention: operations the registry rejected.
        last_error: the last failure, for a person.
        retry_in: seconds until the next attempt after a failure.
    """

    state: str
    online: bool
    pending: int
    oldest_pending_at: datetime | None
    pending_scans: int
    pending_scan_bytes: int
    last_push_at: datetime | None
    last_pull_at: datetime | None
    clock_offset_seconds: float | None
    needs_attention: int
    last_error: str | None = None
    retry_in: float | None = None

    @property
    def clock_warning(self) -> bool:
        """Whether this counter's clock is more than two minutes off the registry's."""
        offset = self.clock_offset_seconds
        return offset is not None and abs(offset) > CLOCK_WARNING_SECONDS


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter, bounded."""

    base: float = 1.0
    cap: float = 300.0

    def delay(
        self, failures: int, rng: random.Random, *, retry_after: float | None = None
    ) -> float:
        """How long to wait after `failures` failures in a row (at least Retry-After)."""
        ceiling = min(self.cap, self.base * 2 ** min(failures, 30))
        return max(retry_after or 0.0, rng.uniform(ceiling / 2, ceiling))


class SyncLoop:
    """Runs an engine on its own thread until stopped."""

    def __init__(
        self,
        engine: Engine,
        *,
        interval: float = 30.0,
        debounce: float = 0.3,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        on_health: Callable[[SyncHealth], None] | None = None,
        progress_every: float = 1.0,
    ) -> None:
        self.engine = engine
        self.progress_every = progress_every
        self._progress_at = 0.0
        if isinstance(engine, SyncEngine):
            engine.on_progress = self._progressed
        self.interval, self.debounce = interval, debounce
        self.backoff = backoff or Backoff()
        self._rng = rng or random.Random()  # noqa: S311  (jitter, not a secret)
        self._on_health = on_health
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._state, self._online = "idle", False
        self._error: str | None = None
        self._offset: float | None = None
        self._retry_in: float | None = None
        self.rounds = 0

    def start(self) -> None:
        """Start the thread; the first round runs at once."""
        self._wake.set()
        self._thread = threading.Thread(target=self._run, name="sync-loop", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the round in flight (if any) and wait for the thread."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def poke(self) -> None:
        """Ask for a round soon (after a local commit, on reconnect); calls coalesce."""
        self._wake.set()

    def _run(self) -> None:
        delay = 0.0
        while not self._stopping.is_set():
            woken = self._wake.wait(timeout=delay)
            if self._stopping.is_set():
                break
            if woken and self.debounce:
                self._stopping.wait(self.debounce)  # let a burst of commits arrive first
            self._wake.clear()
            delay = self._round()
            self._report()

    def _round(self) -> float:
        if not self._failures:  # a retry keeps the failure's state until the registry answers
            self._state = "syncing"
            self._report()
        try:
            report = self.engine.run_once()
        except (Offline, Busy, NotEnrolled, UpdateNeeded, Refused) as error:
            return self._failed(error)
        except Exception as error:  # a bug must not kill the loop: log, back off, go on
            _log.exception("sync round failed")
            return self._failed(error)
        self.rounds += 1
        self._failures, self._state, self._online, self._error = 0, "idle", True, None
        self._offset, self._retry_in = report.clock_offset_seconds, None
        return self.interval

    def _progressed(self) -> None:
        now = time.monotonic()
        if self._state != "syncing":  # a retry reached the registry: say so at once
            self._state, self._online, self._progress_at = "syncing", True, 0.0
        if now - self._progress_at >= self.progress_every:
            self._progress_at = now
            self._report()

    def _failed(self, error: Exception) -> float:
        self._failures += 1
        self._error = str(error)
        self._online = not isinstance(error, Offline)
        self._state = _STATES.get(type(error), "error")
        retry_after = error.retry_after if isinstance(error, Busy) else None
        if isinstance(error, NotEnrolled | UpdateNeeded):
            delay = self.backoff.cap
        else:
            delay = self.backoff.delay(self._failures, self._rng, retry_after=retry_after)
        self._retry_in = delay
        _log.info("sync round failed (%s); next attempt in %.1f s", self._state, delay)
        return delay

    def health(self) -> SyncHealth:
        """The figures of the store and of the last round."""
        store = self.engine.store
        figures = store.health()
        ledger = store.ledger()
        scans, scan_bytes = ledger.pending_scans()
        return SyncHealth(
            state=self._state,
            online=self._online,
            pending=figures.pending,
            oldest_pending_at=figures.oldest_pending_at,
            pending_scans=scans,
            pending_scan_bytes=scan_bytes,
            last_push_at=_time(ledger.value("last_push_at")),
            last_pull_at=_time(ledger.value("last_pull_at")),
            clock_offset_seconds=self._offset,
            needs_attention=figures.rejected,
            last_error=self._error,
            retry_in=self._retry_in,
        )

    def _report(self) -> None:
        if self._on_health is None:
            return
        try:
            self._on_health(self.health())
        except Exception:
            _log.exception("the health listener failed")


_STATES: dict[type, str] = {
    Offline: "offline",
    Busy: "busy",
    NotEnrolled: "not_enrolled",
    UpdateNeeded: "update_needed",
}


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
