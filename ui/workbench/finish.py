"""The queue panel's dialogs at the workbench: finishing a ticket links every case of its visit.

The panel's outcome dialog offers the documents issued during the visit (all ticked) and
links their cases; a case of the visit that issued no document (a refusal still waiting for
a supervisor, say) is linked as well, so the ticket names every case it concerned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from ui.queue.dialogs import (
    FinishChoice,
    NumberChoice,
    PanelDialogs,
    QtPanelDialogs,
    TransferChoice,
    VisitDocument,
)
from ui.queue.port import HeldTicket, ServiceInfo
from ui.workbench.visit import Visit


class VisitDialogs:
    """`PanelDialogs` that add the visit's document-less cases to the finishing choice."""

    def __init__(
        self, visit: Callable[[], Visit | None], inner: PanelDialogs | None = None
    ) -> None:
        """Ask through `inner` (the panel's own dialogs by default) about `visit()`."""
        self._visit = visit
        self.inner = inner or QtPanelDialogs()

    def finish(self, parent: QWidget, documents: Sequence[VisitDocument]) -> FinishChoice | None:
        """The outcome of the visit, linked to its documents and to all of its cases."""
        choice = self.inner.finish(parent, documents)
        visit = self._visit()
        if choice is None or visit is None:
            return choice
        cases = tuple(dict.fromkeys((*choice.case_ids, *visit.cases_without_documents())))
        return replace(choice, case_ids=cases)

    def transfer(self, parent: QWidget, services: Sequence[ServiceInfo]) -> TransferChoice | None:
        """Where to send the current ticket."""
        return self.inner.transfer(parent, services)

    def call_number(self, parent: QWidget) -> NumberChoice | None:
        """Which number to call out of turn, and why."""
        return self.inner.call_number(parent)

    def pause_reason(self, parent: QWidget) -> str | None:
        """Why the counter pauses."""
        return self.inner.pause_reason(parent)

    def parked(self, parent: QWidget, tickets: Sequence[HeldTicket]) -> str | None:
        """Which parked ticket to call back."""
        return self.inner.parked(parent, tickets)
