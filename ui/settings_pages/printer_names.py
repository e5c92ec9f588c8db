"""The system's printer names, looked up on a thread of their own and kept for the process.

Asking the print system for its printers (CUPS on Linux, the spooler's `EnumPrinters` on
Windows) blocks: a few milliseconds on a quiet machine, hundreds when Qt first loads its
print-support plugin or a network print server is slow, seconds when it does not answer. So
the GUI thread never asks: `PrinterNames` asks on a thread of its own, and the settings
dialog shows the saved printers until the answer comes (`PrintersPage.look_for_printers`).

Why `QPrinterInfo.availablePrinterNames()` may run off the GUI thread: Qt documents printing
from a worker thread as supported ("QPainter can be used in a thread to paint onto QImage,
QPrinter, and QPicture paint devices", Thread-Support in Qt Modules), and this project already
prints from its printing lanes; the call goes through the same print-support plugin to
`cupsGetDests` (libcups keeps its connection and state per thread) or `EnumPrinters` (whose
documentation asks callers to keep it away from the thread that runs the user interface). The
one part of Qt with no lock is the plugin's first, lazy load (`QPlatformPrinterSupportPlugin::
get()`, a plain static pointer): a `PrinterNames` never runs two lookups at once, and the
workbench starts the process's lookup (`start_printer_lookup`) as it opens, usually before
anything prints; a print job racing that first load would at worst make the plugin's object
twice (one is never freed), not break either call.

An answer is kept for `FRESH_FOR_S` seconds: a second dialog opened meanwhile asks nothing;
a later one shows the kept names at once and asks again behind them (a printer installed
while the counter runs shows up without a restart). A failed lookup is not kept.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from ui.settings_pages.printer_check import available_printers
from ui.starting import in_background

_log = logging.getLogger(__name__)
FRESH_FOR_S = 300.0
"""How long (seconds) an answer of the print system is used without asking again."""


@dataclass(frozen=True, slots=True)
class PrinterList:
    """One answer of the print system: the printers' names, or why it gave none."""

    names: tuple[str, ...] = ()
    error: str | None = None


class PrinterNames:
    """The print system's printer names, asked on a thread, the last answer kept.

    Thread-safe: the lookup thread stores its answer under a lock; the GUI thread reads it
    and gets each lookup's result through its future (`ui.starting.deliver`).
    """

    def __init__(
        self,
        lookup: Callable[[], Sequence[str]] = available_printers,
        *,
        fresh_for_s: float = FRESH_FOR_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Nothing is asked yet.

        Args:
            lookup: asks the print system (blocking; run on a thread, never the GUI's).
            fresh_for_s: how long an answer is used without asking again.
            clock: seconds, monotonic (tests pass their own).
        """
        self._lookup, self._fresh_for_s, self._clock = lookup, fresh_for_s, clock
        self._lock = threading.Lock()
        self._running: Future[PrinterList] | None = None
        self._latest: PrinterList | None = None
        self._answered_at = 0.0
        self.lookups = 0
        """How many lookups were started (the cache's effect, seen by tests and logs)."""

    def latest(self) -> PrinterList | None:
        """The last list the print system gave, however old; None before the first."""
        with self._lock:
            return self._latest

    def ask(self) -> Future[PrinterList] | None:
        """Look the names up unless the last answer is fresh.

        Returns:
            The lookup's future (one already running is shared), or None when the last
            answer is still fresh (`latest` has it). The future never fails: a failure is a
            `PrinterList` with its `error`.
        """
        with self._lock:
            if self._running is not None:
                return self._running
            fresh = self._latest is not None and (
                self._clock() - self._answered_at < self._fresh_for_s
            )
            if fresh:
                return None
            self.lookups += 1
            self._running = in_background(self._look_up, name="printer-lookup")
            return self._running

    def _look_up(self) -> PrinterList:
        try:
            answer = PrinterList(names=tuple(self._lookup()))
        except Exception as error:  # the print system's own errors are many and unnamed
            _log.warning("cannot list the printers: %s", error)
            answer = PrinterList(error=str(error) or type(error).__name__)
        with self._lock:
            self._running = None
            if answer.error is None:
                self._latest, self._answered_at = answer, self._clock()
        if answer.error is None:
            _log.info("printers listed: %d", len(answer.names))
        return answer


_SYSTEM = PrinterNames()  # cheap: nothing is asked until `ask`


def system_printers() -> PrinterNames:
    """The process's printer names: one print system, so one kept answer."""
    return _SYSTEM


def start_printer_lookup() -> Future[PrinterList] | None:
    """Begin asking the print system now (at the workbench's start), off the GUI thread.

    Returns:
        The lookup's future, or None when a fresh answer is already kept.
    """
    return system_printers().ask()
