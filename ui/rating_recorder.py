"""Connects the customer-facing panel to the rate use case: a rating is stored off the GUI thread.

The recorder listens to `CustomerPanel.rating_given`, runs `clerk.services.rate` on its lane as
the counter's `ApplicantPanel` (never as the clerk signed in), then tells the panel whether the
rating was taken. The workbench hears the outcome through `recorded` and `failed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from clerk import services
from clerk.cases import AlreadyRated, ApplicantPanel, Rating, RatingPolicy
from clerk.clock import HALL_TIMEZONE
from clerk.ports import UnitOfWork
from clerk.services import ActionResult
from ui.customer_panel import CustomerPanel
from ui.queue.lane import Lane

_log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # the name lupdate looks for: translate("Rating", …)


def hall_now() -> datetime:
    """The current time in the hall's zone."""
    return datetime.now(HALL_TIMEZONE)


def applicant_message(error: Exception) -> str:
    """What the panel tells the applicant when a rating was not stored (logged here, once)."""
    if isinstance(error, AlreadyRated):
        return translate("Rating", "This service has already been rated. Thank you!")
    _log.warning("a rating was not stored: %s: %s", type(error).__name__, error)
    return translate(
        "Rating", "Sorry, your rating could not be saved. Please tell the staff at the window."
    )


class RatingRecorder(QObject):
    """Stores the ratings one panel gives (see the module).

    Signals:
        recorded(str, object): a rating was stored: the case id and the `ActionResult`.
        failed(str, object): a rating was not stored: the case id and the error.
    """

    recorded = Signal(str, object)
    failed = Signal(str, object)

    def __init__(
        self,
        *,
        panel: CustomerPanel,
        unit_of_work: Callable[[], UnitOfWork],
        source: ApplicantPanel,
        policy: RatingPolicy | None = None,
        clock: Callable[[], datetime] = hall_now,
        lane: Lane | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel = panel
        self._uow, self._source, self._clock = unit_of_work, source, clock
        self._policy = policy or RatingPolicy()
        self._lane = lane or Lane(parent=self)
        panel.rating_given.connect(self._record)

    def _record(self, case_id: str, rating: Rating) -> None:
        uow, source, policy, now = self._uow, self._source, self._policy, self._clock()

        def store() -> ActionResult:  # runs on the lane: holds no widget (see Lane)
            return services.rate(
                uow(), case_id=case_id, rating=rating, via=source, now=now, policy=policy
            )

        self._lane.submit(
            store,
            done=lambda result: self._stored(case_id, result),
            failed=lambda error: self._refused(case_id, error),
        )

    def _stored(self, case_id: str, result: ActionResult) -> None:
        self._panel.rating_recorded()
        self.recorded.emit(case_id, result)

    def _refused(self, case_id: str, error: Exception) -> None:
        self._panel.rating_refused(applicant_message(error))
        self.failed.emit(case_id, error)

    def close(self) -> None:
        """Wait for a rating being stored, then report nothing more."""
        self._lane.close()
