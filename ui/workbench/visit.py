"""The visit of the ticket being served: the cases opened and the documents issued during it.

A visit begins when the queue panel's current ticket changes to a new one and ends when the
counter holds no current ticket. A parked ticket keeps its visit, which resumes when it is
called back. What the clerk does during the visit (`VisitTracker.record`) is kept so that
finishing the ticket links its cases and documents (DOMAIN.md §8), and the queue panel is told
the documents as they are issued.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from clerk.services import ActionResult
from ui.queue.dialogs import VisitDocument
from ui.queue.port import CounterView


@dataclass(frozen=True, slots=True, kw_only=True)
class Visit:
    """One applicant's visit to the counter on one ticket."""

    ticket_id: str
    ticket: str
    started_at: datetime
    cases: tuple[str, ...] = ()
    documents: tuple[VisitDocument, ...] = ()

    def with_result(self, result: ActionResult, *, title: str) -> Visit:
        """The visit after a clerk action: its case and its new documents added (once each)."""
        case_id = result.case.case_id
        cases = self.cases if case_id in self.cases else (*self.cases, case_id)
        known = {document.number for document in self.documents}
        issued = tuple(
            VisitDocument(number, case_id, title)
            for number in result.documents
            if number not in known
        )
        return replace(self, cases=cases, documents=(*self.documents, *issued))

    def cases_without_documents(self) -> tuple[str, ...]:
        """The cases of the visit that issued no document (linked all the same on finishing)."""
        with_documents = {document.case_id for document in self.documents}
        return tuple(case for case in self.cases if case not in with_documents)


class VisitTracker(QObject):
    """Follows the counter's current ticket and keeps its visit (see the module).

    Signals:
        changed(object): the visit now (a `Visit`), or None when no ticket is served.
        documents_changed(object): the documents of the current visit (tuple of
            `VisitDocument`), for the queue panel's outcome dialog.
    """

    changed = Signal(object)
    documents_changed = Signal(object)

    def __init__(self, *, clock: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.visit: Visit | None = None
        self._parked: dict[str, Visit] = {}

    def follow(self, view: CounterView) -> None:
        """The counter's queue state changed: begin, resume, park or end the visit."""
        current = view.current
        if self.visit is not None and (current is None or current.id != self.visit.ticket_id):
            if any(ticket.id == self.visit.ticket_id for ticket in view.parked):
                self._parked[self.visit.ticket_id] = self.visit
            self._set(None)
        if current is not None and self.visit is None:
            resumed = self._parked.pop(current.id, None)
            self._set(
                resumed
                or Visit(ticket_id=current.id, ticket=current.number, started_at=self._clock())
            )

    def record(self, result: ActionResult, *, title: str) -> None:
        """A clerk action of the visit: its case and documents join the visit (if one runs)."""
        if self.visit is None:
            return
        self._set(self.visit.with_result(result, title=title))

    def finished(self) -> None:
        """The ticket was finished: the visit is over."""
        if self.visit is not None:
            self._parked.pop(self.visit.ticket_id, None)
        self._set(None)

    def _set(self, visit: Visit | None) -> None:
        if visit == self.visit:
            return
        self.visit = visit
        self.changed.emit(visit)
        self.documents_changed.emit(visit.documents if visit is not None else ())
