"""The counter's printers: the spooler over the print queue, and walk-in ticket slips.

Documents are queued in the transaction that issues them; `PrintRoom.wake` runs a spooler
pass on the shared print lane (one thread, so passes never overlap and no job prints twice),
and a timer retries a queue a failing printer left waiting. The printers are the ones the
settings name (`ui.settings_pages.printer_check.configured_printer`): A4 documents on one,
80 mm slips on the other. `apply` takes new settings while jobs run: each role prints through
a `SwitchPrinter` whose target is replaced.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from clerk.store import Store
from printing.builder import DocumentKind, build
from printing.documents import QueueTicket
from printing.from_domain import PrintContext
from printing.spooler import Printer, Spooler, SpoolReport
from ui.queue.lane import Lane
from ui.queue.port import IssuedTicket
from ui.settings import CounterSettings
from ui.settings_pages.printer_check import Role, configured_printer

_log = logging.getLogger(__name__)
RETRY_MS = 30_000


class SwitchPrinter:
    """A `Printer` whose target can be replaced while jobs are being sent."""

    def __init__(self, target: Printer) -> None:
        self.target = target

    def send(self, pdf: bytes, *, title: str) -> None:
        """Send through the current target (raises what it raises)."""
        self.target.send(pdf, title=title)


class PrintRoom(QObject):
    """Runs the print queue and prints walk-in slips (see the module).

    Signals:
        spooled(object): a spooler pass ended (its `SpoolReport`).
        failed(str): a pass or a slip failed: the reason.
    """

    spooled = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        *,
        store: Store,
        context: PrintContext,
        settings: CounterSettings,
        data_folder: Path,
        lane: Lane,
        clock: Callable[[], datetime],
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context, self._data_folder, self._lane = context, data_folder, lane
        self.documents = SwitchPrinter(
            configured_printer(settings, Role.DOCUMENTS, data_folder=data_folder)
        )
        self.receipts = SwitchPrinter(
            configured_printer(settings, Role.RECEIPTS, data_folder=data_folder)
        )
        self._spooler = Spooler(store, self.documents, context=context, clock=clock)
        self._running = self._again = False
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.wake)
        self._retry.start()

    def apply(self, settings: CounterSettings) -> None:
        """Print on the printers the settings name now."""
        folder = self._data_folder
        self.documents.target = configured_printer(settings, Role.DOCUMENTS, data_folder=folder)
        self.receipts.target = configured_printer(settings, Role.RECEIPTS, data_folder=folder)
        self.wake()

    def wake(self) -> None:
        """Run a spooler pass soon (a pass already running is followed by one more)."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._lane.submit(self._spooler.run_once, done=self._passed, failed=self._pass_failed)

    def _passed(self, report: SpoolReport) -> None:
        self._finish()
        if report.failed is not None:
            self.failed.emit(report.failed)
        self.spooled.emit(report)

    def _pass_failed(self, error: Exception) -> None:
        _log.error("a print queue pass failed", exc_info=error)
        self._finish()
        self.failed.emit(str(error))

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.wake()

    def print_walk_in(self, ticket: IssuedTicket) -> None:
        """Print the slip of a walk-in ticket this counter issued (on the receipt printer)."""
        slip = QueueTicket(
            number=ticket.number,
            service=ticket.service_name,
            hall=self._context.hall,
            issued_at=ticket.issued_at,
            waiting_ahead=ticket.people_ahead,
            counter=self._context.counter,
        )
        printer, title = self.receipts, f"ticket-{ticket.issued_at:%Y%m%d}-{ticket.number}"

        def send() -> str:
            printer.send(build(DocumentKind.QUEUE_TICKET, slip), title=title)
            return title

        self._lane.submit(send, done=lambda _title: None, failed=self._slip_failed)

    def _slip_failed(self, error: Exception) -> None:
        _log.warning("a walk-in slip did not print: %s", error)
        self.failed.emit(str(error))

    def stop(self) -> None:
        """Stop retrying (the window closes; the lane's owner closes the lane)."""
        self._retry.stop()
