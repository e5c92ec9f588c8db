"""The current-applicant strip: the ticket being served, who the applicant is, how long so far.

The ticket comes from the queue (the visit); the applicant's name and masked ID number once a
case of the visit names them (never the full number: DOMAIN.md §6). The visit's time counts up
once a second while a ticket is served.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from clerk.services import CaseView
from ui.i18n import retranslate_on_language_change
from ui.workbench.visit import Visit


def elapsed_text(seconds: float) -> str:
    """A duration as a clock shows it: "4:05", or "1:02:03" past an hour."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ApplicantStrip(QFrame):
    """Ticket, applicant (name and masked ID) and the visit's time, in one calm line."""

    def __init__(self, *, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicantStrip")
        self._clock = clock
        self.visit: Visit | None = None
        self.case: CaseView | None = None
        self.ticket = QLabel(self)
        self.ticket.setObjectName("stripTicket")
        self.applicant = QLabel(self)
        self.applicant.setObjectName("stripApplicant")
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("stripTimer")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.ticket)
        row.addWidget(self.applicant, 1)
        row.addWidget(self.timer_label)
        self.setStyleSheet(
            "#applicantStrip { background: #eef3fa; border-bottom: 1px solid #c9d6ea; }"
            "#stripTicket { font-size: 18pt; font-weight: bold; color: #0a4a8f; }"
            "#stripApplicant { font-size: 13pt; } #stripTimer { font-size: 13pt; color: #555; }"
        )
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def show_visit(self, visit: Visit | None) -> None:
        """The visit now (None: no ticket is served); a new ticket forgets the last applicant."""
        if visit is None or self.visit is None or visit.ticket_id != self.visit.ticket_id:
            self.case = None
        self.visit = visit
        if visit is None:
            self._ticker.stop()
        else:
            self._ticker.start()
        self.retranslate_ui()

    def show_case(self, case: CaseView | None) -> None:
        """The case in progress names the applicant (None: not known yet)."""
        self.case = case
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Show the ticket, the applicant and the time in the current language."""
        visit, case = self.visit, self.case
        self.ticket.setText(
            self.tr("Ticket {number}").format(number=visit.ticket)
            if visit
            else self.tr("No ticket")
        )
        if case is None:
            self.applicant.setText(self.tr("Applicant not known yet"))
        else:
            self.applicant.setText(
                self.tr("{name} · ID {masked}").format(
                    name=case.applicant_name, masked=case.applicant_id_masked
                )
            )
        self._tick()

    def _tick(self) -> None:
        visit = self.visit
        if visit is None:
            self.timer_label.setText("")
            return
        seconds = (self._clock() - visit.started_at).total_seconds()
        self.timer_label.setText(self.tr("Visit {time}").format(time=elapsed_text(seconds)))
