"""The counter's queue online and offline: the hall queue while it answers, its own while not.

`FallbackQueue` is the `CounterPort` the panel talks to. It passes every call to the hall
queue (the registry's port); the first call that finds the hall queue unreachable
(`QueueUnavailable`) switches it to local mode — `mode_changed(True)` — where the counter's
own queue (`ui.queue.local.LocalQueue`) answers: walk-in tickets with the counter's own
numbers, printed hall tickets recorded as served by hand. A read that failed is answered
locally at once; a move that failed is reported (it was made nowhere) and the clerk makes it
again in local mode.

In local mode a timer probes the hall queue off the GUI thread, on the fallback's own lane.
When it answers, the local records are reconciled with the registry (`sync.queue_offline`)
— uploaded, and marked uploaded only after the registry's answer — and once no local ticket
is left waiting, called, being served or parked, the counter switches back:
`mode_changed(False)`. Until then `handover_waiting(n)` says how many local tickets remain.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from clerk.errors import ClerkError
from clerk.queue import Outcome, Placement
from clerk.store import Store
from clerk.store.queue_local import LocalQueueBook
from sync.client import RegistryClient
from sync.queue_offline import OfflineQueueClient, Reconciler
from ui.errors import explain_error
from ui.queue.lane import Lane
from ui.queue.local import LocalQueue
from ui.queue.port import (
    CounterPort,
    CounterView,
    HeldTicket,
    QueueUnavailable,
    Seat,
    ServiceInfo,
    TransferTarget,
    WaitingCount,
)

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
DEFAULT_PROBE_MS = 10_000


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What a probe found once the hall queue answered: local tickets still open (0: the
    counter may switch back) and what each reconciliation reported."""

    still_open: int
    reports: tuple[object, ...]


class FallbackQueue(QObject):
    """A `CounterPort` that falls back to the counter's own queue (see the module).

    Signals:
        mode_changed(bool): True when the counter switched to local mode, False when it is
            back on the hall queue.
        handover_waiting(int): the hall queue answers again, but this many local tickets must
            be served here first.
        reconciled(object): what one reconciliation reported (a
            `sync.queue_offline.ReconcileReport`).
        reconcile_failed(str): reconciling failed; the records stay and go with the next probe.
    """

    mode_changed = Signal(bool)
    handover_waiting = Signal(int)
    reconciled = Signal(object)
    reconcile_failed = Signal(str)

    def __init__(
        self,
        *,
        online: CounterPort,
        local: LocalQueue,
        reconcile: Callable[[], object] | None = None,
        probe_ms: int = DEFAULT_PROBE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._online, self.local_queue, self._reconcile = online, local, reconcile
        self._lock = threading.Lock()
        self._local = False
        self.last_online_current: HeldTicket | None = None
        self._lane = Lane(parent=self)
        self._probing = False
        self._prober = QTimer(self)
        self._prober.setInterval(probe_ms)
        self._prober.timeout.connect(self.probe)
        self.mode_changed.connect(self._mode_changed)
        self._closers: list[Callable[[], None]] = []
        QTimer.singleShot(0, self, self._start)

    @property
    def local(self) -> bool:
        """Whether the counter works in local mode now."""
        with self._lock:
            return self._local

    @property
    def probing(self) -> bool:
        """Whether a probe of the hall queue is out."""
        return self._probing

    def close_with(self, closer: Callable[[], None]) -> None:
        """Call `closer` when the fallback closes (the reconciler's HTTP client)."""
        self._closers.append(closer)

    # Switching ----------------------------------------------------------------------------

    def go_local(self, why: str = "") -> None:
        """Switch to local mode (a call found the hall queue unreachable); thread-safe."""
        with self._lock:
            if self._local:
                return
            self._local = True
        _log.warning("the hall queue cannot be reached (%s): local mode", why)
        self.mode_changed.emit(True)

    def _start(self) -> None:
        """Resume what the last run left (off the GUI thread): local tickets still open keep
        the counter in local mode; records never answered are uploaded now."""
        local, reconcile = self.local_queue, self._reconcile

        def resume() -> ProbeResult:
            still_open = local.still_open()
            if still_open or reconcile is None:
                return ProbeResult(still_open, ())
            return ProbeResult(0, (reconcile(),))

        self._lane.submit(resume, done=self._resumed, failed=self._unsent)

    def _resumed(self, result: ProbeResult) -> None:
        if result.still_open:
            self.go_local("local tickets of an earlier run are still open")
        for report in result.reports:
            self.reconciled.emit(report)

    def _unsent(self, error: Exception) -> None:
        _log.info("local queue records stay unsent for now: %s", error)

    def probe(self) -> None:
        """Ask the hall queue, off the GUI thread; on an answer reconcile and maybe switch back."""
        if not self.local or self._probing:
            return
        self._probing = True
        online, local, reconcile = self._online, self.local_queue, self._reconcile

        def ask() -> ProbeResult:
            online.waiting_counts()  # raises QueueUnavailable while the registry is away
            reports = [] if reconcile is None else [reconcile()]
            still_open = local.handover()
            if still_open == 0 and reconcile is not None:
                reports.append(reconcile())  # with the missed tickets handover just closed
            return ProbeResult(still_open, tuple(reports))

        self._lane.submit(ask, done=self._probed, failed=self._probe_failed)

    def _probed(self, result: ProbeResult) -> None:
        self._probing = False
        for report in result.reports:
            self.reconciled.emit(report)
        if result.still_open:
            self.handover_waiting.emit(result.still_open)
            return
        with self._lock:
            was_local, self._local = self._local, False
        if was_local:
            _log.info("the hall queue answers again: back from local mode")
            self.mode_changed.emit(False)

    def _probe_failed(self, error: Exception) -> None:
        self._probing = False
        if isinstance(error, QueueUnavailable):
            return
        if not isinstance(error, ClerkError):
            _log.error("reconciling the local queue failed", exc_info=error)
        self.reconcile_failed.emit(
            explain_error(error) if isinstance(error, ClerkError) else str(error)
        )

    def _mode_changed(self, local: bool) -> None:
        if local:
            self._prober.start()
        else:
            self._prober.stop()

    def close(self) -> None:
        """Stop probing, wait for a probe still out, and close what was given to close."""
        self._prober.stop()
        self._lane.close()
        for closer in self._closers:
            closer()
        self._closers.clear()

    # Routing ------------------------------------------------------------------------------

    def _read(self, online: Callable[[], _T], local: Callable[[], _T]) -> _T:
        if not self.local:
            try:
                return online()
            except QueueUnavailable as unreachable:
                self.go_local(str(unreachable))
        return local()

    def _move(
        self, online: Callable[[], CounterView], local: Callable[[], CounterView]
    ) -> CounterView:
        if self.local:
            return local()
        try:
            view = online()
        except QueueUnavailable as unreachable:
            self.go_local(str(unreachable))
            raise
        self.last_online_current = view.current
        return view

    # The port -----------------------------------------------------------------------------

    def services(self) -> Sequence[ServiceInfo]:
        """The hall's services (remembered for local mode whenever the hall queue answers)."""

        def online() -> Sequence[ServiceInfo]:
            services = self._online.services()
            self.local_queue.remember_services(services)
            return services

        return self._read(online, self.local_queue.services)

    def waiting_counts(self) -> Sequence[WaitingCount]:
        """Waiting per service: the hall's, or in local mode the counter's own walk-ins."""
        return self._read(self._online.waiting_counts, self.local_queue.waiting_counts)

    def counter_view(self, seat: Seat) -> CounterView:
        """The counter's state in the queue it works with now."""

        def online() -> CounterView:
            view = self._online.counter_view(seat)
            self.last_online_current = view.current
            return view

        return self._read(online, lambda: self.local_queue.counter_view(seat))

    def call_next(self, seat: Seat, *, request_id: str) -> CounterView:
        """Call the next ticket (see `CounterPort.call_next`)."""
        return self._move(
            lambda: self._online.call_next(seat, request_id=request_id),
            lambda: self.local_queue.call_next(seat, request_id=request_id),
        )

    def recall(self, seat: Seat) -> CounterView:
        """Call the current ticket once more."""
        return self._move(lambda: self._online.recall(seat), lambda: self.local_queue.recall(seat))

    def start(self, seat: Seat) -> CounterView:
        """Start serving."""
        return self._move(lambda: self._online.start(seat), lambda: self.local_queue.start(seat))

    def missed(self, seat: Seat) -> CounterView:
        """The called applicant did not come."""
        return self._move(lambda: self._online.missed(seat), lambda: self.local_queue.missed(seat))

    def park(self, seat: Seat, *, note: str = "") -> CounterView:
        """Park the served ticket."""
        return self._move(
            lambda: self._online.park(seat, note=note),
            lambda: self.local_queue.park(seat, note=note),
        )

    def call_from_park(self, seat: Seat, *, number: str) -> CounterView:
        """Call a parked ticket back."""
        return self._move(
            lambda: self._online.call_from_park(seat, number=number),
            lambda: self.local_queue.call_from_park(seat, number=number),
        )

    def transfer(
        self, seat: Seat, *, target: TransferTarget, note: str, placement: Placement
    ) -> CounterView:
        """Transfer the current ticket (the hall queue only)."""
        return self._move(
            lambda: self._online.transfer(seat, target=target, note=note, placement=placement),
            lambda: self.local_queue.transfer(seat, target=target, note=note, placement=placement),
        )

    def call_number(self, seat: Seat, *, number: str, reason: str) -> CounterView:
        """Call a number out of turn."""
        return self._move(
            lambda: self._online.call_number(seat, number=number, reason=reason),
            lambda: self.local_queue.call_number(seat, number=number, reason=reason),
        )

    def pause(self, seat: Seat, *, reason: str) -> CounterView:
        """Pause calling."""
        return self._move(
            lambda: self._online.pause(seat, reason=reason),
            lambda: self.local_queue.pause(seat, reason=reason),
        )

    def resume(self, seat: Seat) -> CounterView:
        """Resume calling."""
        return self._move(lambda: self._online.resume(seat), lambda: self.local_queue.resume(seat))

    def finish(
        self,
        seat: Seat,
        *,
        outcome: Outcome,
        case_ids: Sequence[str],
        document_numbers: Sequence[str],
    ) -> CounterView:
        """Finish the served ticket with its outcome."""
        return self._move(
            lambda: self._online.finish(
                seat, outcome=outcome, case_ids=case_ids, document_numbers=document_numbers
            ),
            lambda: self.local_queue.finish(
                seat, outcome=outcome, case_ids=case_ids, document_numbers=document_numbers
            ),
        )


def counter_fallback(
    online: CounterPort,
    *,
    store: Store,
    client: RegistryClient,
    counter: str,
    probe_ms: int = DEFAULT_PROBE_MS,
    parent: QObject | None = None,
) -> FallbackQueue:
    """The fallback of a counter enrolled through `client`, with its own queue in `store`.

    Args:
        online: the hall queue (`ui.queue.remote.RegistryQueue` of the same counter).
        store: the counter's local store (its own queue lives there).
        client: the counter's registry client (where and with which credential to reconcile;
            the reconciler gets HTTP sessions of its own).
        counter: the counter's code (its own numbers: "W03-001").
        probe_ms: how often local mode asks whether the hall queue answers again.
        parent: the fallback's parent.
    """
    book = LocalQueueBook(store.engine)
    offline = OfflineQueueClient(client.base_url, token=client.token, timeout=client.timeout)
    fallback = FallbackQueue(
        online=online,
        local=LocalQueue(book, counter=counter),
        reconcile=Reconciler(book, offline).run,
        probe_ms=probe_ms,
        parent=parent,
    )
    fallback.close_with(offline.close)
    return fallback
