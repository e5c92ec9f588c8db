"""Reconciling the counter's offline queue with the registry once it answers again.

`Reconciler.run` uploads what the counter recorded in local mode — its closed walk-in tickets
with their events, the printed hall tickets it served by hand — in batches, and marks each
record answered only after the registry's answer arrived (one local transaction per batch).
A batch whose answer was lost is sent again as it was: the registry answers every op id the
same way twice and applies it once. What the registry could not take (a clash) stays listed
with its reason, here and on the hall's needs-attention list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from clerk.errors import InvalidInput
from clerk.queue.offline import HandServed
from clerk.queue.offline_wire import (
    MAX_OFFLINE_RECORDS,
    HandServedRecord,
    LocalTicketRecord,
    OfflineAnswer,
    OfflineBatch,
    OfflineEvent,
    OfflineState,
)
from clerk.queue.wire import decode
from clerk.store.queue_local import LocalQueueBook, TicketUpload, Unsent, UploadAnswer
from clerk.wire import to_wire
from sync.client import Offline, RegistryClient

_log = logging.getLogger(__name__)
_BATCH = MAX_OFFLINE_RECORDS // 2  # of each kind, so one batch stays within the limit
_MAX_BATCHES = 50  # a round's bound: what is left waits for the next reconnect


class OfflineQueueClient(RegistryClient):
    """The registry client with the reconcile call (one thread at a time, as every client)."""

    def reconcile(self, batch: OfflineBatch) -> OfflineAnswer:
        """Upload offline records; one answer per record, in the order sent.

        Raises:
            Offline, Busy: the registry cannot be reached or is overloaded (send it again).
            Refused: the registry refused the whole batch (malformed, not enrolled).
        """
        answer = self._call("POST", "/queue/offline", json_body=to_wire(batch))
        try:
            return decode(OfflineAnswer, answer.body)
        except InvalidInput as err:
            raise Offline(f"the registry's answer is not an OfflineAnswer: {err}") from None


@dataclass(slots=True)
class ReconcileReport:
    """What one reconciliation did."""

    sent: int = 0
    applied: int = 0
    clashes: list[str] = field(default_factory=list)  # "A012: hall ticket A012 is done …"


def utc_now() -> datetime:
    """The counter's clock, in UTC."""
    return datetime.now(UTC)


class Reconciler:
    """Uploads the local queue's unsent records (see the module); not thread-safe."""

    def __init__(
        self,
        book: LocalQueueBook,
        client: OfflineQueueClient,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._book, self._client, self._clock = book, client, clock

    def pending(self) -> int:
        """How many records still wait for the registry's answer (up to one batch's worth)."""
        return len(self._book.unsent(_BATCH))

    def run(self) -> ReconcileReport:
        """Upload until nothing is left unanswered.

        Returns:
            How many records were sent and applied, and the clashes with their reasons.

        Raises:
            Offline, Busy, Refused: as `OfflineQueueClient.reconcile`; records not yet
                answered stay unsent and go with the next run.
        """
        report = ReconcileReport()
        for _ in range(_MAX_BATCHES):
            unsent = self._book.unsent(_BATCH)
            if not len(unsent):
                break
            answer = self._client.reconcile(to_batch(unsent))
            answers = [
                UploadAnswer(r.op_id, r.state.value, r.code, r.reason) for r in answer.results
            ]
            if self._book.mark_answered(answers, at=self._clock()) == 0:
                _log.error("the registry answered none of %d offline records", len(unsent))
                break
            _count(report, unsent, answer)
        if report.sent:
            _log.info(
                "reconciled %d offline queue records: %d applied, %d clashes",
                report.sent,
                report.applied,
                len(report.clashes),
            )
        return report


def _count(report: ReconcileReport, unsent: Unsent, answer: OfflineAnswer) -> None:
    numbers = {u.op_id: u.ticket.number for u in unsent.tickets}
    numbers.update({h.op_id: h.number for h in unsent.hand_served})
    for result in answer.results:
        report.sent += 1
        if result.state is OfflineState.APPLIED:
            report.applied += 1
        else:
            report.clashes.append(f"{numbers.get(result.op_id, result.op_id)}: {result.reason}")


def to_batch(unsent: Unsent) -> OfflineBatch:
    """The wire form of local records."""
    return OfflineBatch(
        tickets=[_ticket_record(upload) for upload in unsent.tickets],
        hand_served=[_hand_record(served) for served in unsent.hand_served],
    )


def _ticket_record(upload: TicketUpload) -> LocalTicketRecord:
    ticket = upload.ticket
    events = [
        OfflineEvent(
            kind=event.kind, at=_utc(event.at), staff=event.staff, detail=dict(event.detail)
        )
        for event in upload.events
    ]
    return LocalTicketRecord(upload.op_id, ticket.id, ticket.number, ticket.service, events)


def _hand_record(served: HandServed) -> HandServedRecord:
    return HandServedRecord(
        op_id=served.op_id,
        number=served.number,
        day=served.day.isoformat(),
        staff=served.staff,
        started_at=_utc(served.started_at),
        finished_at=_utc(served.finished_at),
        outcome=served.outcome,
        service=served.service,
        case_ids=list(served.case_ids),
        document_numbers=list(served.document_numbers),
    )


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
