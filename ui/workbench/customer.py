"""The customer-facing side of the counter: the panel the applicant reads and rates on.

The panel (`ui.customer_panel.CustomerPanel`) is a window of its own: full screen on the
counter's second screen when there is one, else a separate window (`show_customer_panel`).
It shows the clerk signed in and the ticket served; after a decision the workbench asks the
applicant to rate that case, and `ui.rating_recorder.RatingRecorder` stores the rating on the
shared write lane as the counter's panel, never as the clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from clerk.cases import ApplicantPanel
from clerk.services import ActionResult
from clerk.staff import Actor
from clerk.store import Store
from ui.customer_panel import CustomerPanel, customer_screen, show_on
from ui.queue.lane import Lane
from ui.rating_recorder import RatingRecorder


class CustomerSide(QObject):
    """The customer panel and its rating recorder (see the module).

    Signals:
        rated(str): a rating was stored for this case id.
    """

    rated = Signal(str)

    def __init__(
        self,
        *,
        store: Store,
        hall: str,
        counter_label: str,
        lane: Lane,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = CustomerPanel(hall=hall, counter=counter_label)  # a window of its own
        self.recorder = RatingRecorder(
            panel=self.panel,
            unit_of_work=store.unit_of_work,
            source=ApplicantPanel(store.device.counter),
            clock=clock,
            lane=lane,
            parent=self,
        )
        self.recorder.recorded.connect(lambda case_id, _result: self.rated.emit(case_id))

    def show_clerk(self, actor: Actor | None) -> None:
        """The clerk serving (None: nobody signed in)."""
        self.panel.set_clerk(actor.name if actor else "", actor.staff_id if actor else "")

    def show_ticket(self, number: str) -> None:
        """The ticket served ("" when none)."""
        self.panel.set_ticket(number)

    def ask(self, result: ActionResult) -> None:
        """Ask the applicant to rate the case a decision was just taken on."""
        self.panel.ask_for_rating(result.case.case_id)

    def close(self) -> None:
        """Close the panel's window (the recorder's lane is the workbench's, closed there)."""
        self.panel.close()
        self.panel.deleteLater()


def show_customer_panel(panel: CustomerPanel) -> None:
    """Show the panel on the counter's second screen, or as a window when it has only one."""
    screen = customer_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen())
    show_on(panel, screen)
