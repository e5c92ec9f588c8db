"""What the workbench is built from: the counter's store and settings, and its shared lanes.

`CounterParts` holds the plain things the application hands the window (no widget). `Lanes`
are the three one-thread lanes every component shares: database writes in order on one thread
(one unit of work each, so writes never race), reads and PDF building on another, and the
printer on a third (the spooler's passes never overlap, so no job prints twice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject

from clerk.scans import ScanFolder
from clerk.staff import Actor, Role
from clerk.store import Store
from printing.from_domain import PrintContext
from ui.decisions.desk import CredentialCheck
from ui.queue.dialogs import PanelDialogs
from ui.queue.fallback import FallbackQueue
from ui.queue.lane import Lane
from ui.queue.offline_dialogs import OfflineDialogs
from ui.queue.port import CounterPort
from ui.rating_recorder import hall_now
from ui.settings import CounterSettings

NOBODY = Actor("", "", Role.CLERK)
"""Who acts while nobody is signed in: the workbench refuses every action in their name."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CounterParts:
    """The counter the workbench works on.

    Attributes:
        store: the counter's local store.
        scans: the content-addressed scan folder.
        settings: the counter's settings file.
        data_folder: the counter's data folder (PDFs of a printer-less role go there).
        context: the hall's details for documents (hall name, counter label, progress link).
        credentials: checks a supervisor's credentials at this counter (online, else offline).
        counter_label: how the screens name the counter, e.g. "SF01 · W01".
        clock: the time (timezone-aware).
    """

    store: Store
    scans: ScanFolder
    settings: CounterSettings
    data_folder: Path
    context: PrintContext
    credentials: CredentialCheck
    counter_label: str
    clock: Callable[[], datetime] = hall_now

    @property
    def counter(self) -> str:
        """The counter's code (W01)."""
        return self.store.device.counter


class Lanes(QObject):
    """The workbench's shared one-thread lanes: `writes`, `reads` and `printing`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writes = Lane(threads=1, parent=self)
        self.reads = Lane(threads=1, parent=self)
        self.printing = Lane(threads=1, parent=self)

    def close(self) -> None:
        """Let running calls finish and report nothing more (the window closes)."""
        for lane in (self.writes, self.reads, self.printing):
            lane.close()


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueHookup:
    """The counter's hall queue, for the workbench's queue panel.

    Attributes:
        port: the queue the panel moves on (the counter's `FallbackQueue`, or another port).
        fallback: the fallback to the counter's own queue, when the port is one (local mode).
        dialogs: how the panel asks the clerk (its own dialogs by default; tests answer).
        offline_dialogs: how local mode asks the clerk (its own dialogs by default).
        refresh_ms: how often the panel reads the queue again.
    """

    port: CounterPort
    fallback: FallbackQueue | None = None
    dialogs: PanelDialogs | None = None
    offline_dialogs: OfflineDialogs | None = None
    refresh_ms: int = 5000
