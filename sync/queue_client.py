"""The hall queue's calls to the registry, for counters, kiosks and hall displays.

`QueueClient` is the registry client (one `requests.Session`, timeouts, errors mapped to
`sync.client`'s) with the queue's routes added; answers are the plain dataclasses of
`clerk.queue.wire`. A call carries a request id: `retrying` sends the same call again with the
same id after a lost answer, so the counter gets the ticket it claimed, never a second one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from clerk.errors import InvalidInput
from clerk.queue.stats import GroupBy
from clerk.queue.tickets import Channel, Outcome, Placement
from clerk.queue.wire import (
    CallAnswer,
    CounterView,
    DisplayFeed,
    IssuedTicket,
    ServiceList,
    ServiceSpec,
    StatsReport,
    TicketAnswer,
    WaitEstimate,
    decode,
)
from clerk.store.ids import uuid7
from sync.client import Answer, Busy, Offline, RegistryClient

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
RETRY_ATTEMPTS = 4
RETRY_PAUSE = 0.2  # seconds, doubled after each failed attempt


def new_request_id() -> str:
    """A fresh id for one call request (time-ordered, unique)."""
    return uuid7()


def retrying(
    send: Callable[[str], _T],
    *,
    request_id: str | None = None,
    attempts: int = RETRY_ATTEMPTS,
    pause: float = RETRY_PAUSE,
) -> _T:
    """Send one call, again with the same request id while the registry cannot be heard.

    Args:
        send: sends the call with the request id it is given.
        request_id: the call's id (a fresh one if None); a caller that retries the call
            itself later passes the id it used before.
        attempts: how many times at most.
        pause: the first pause between attempts (doubled after each).

    Returns:
        The registry's answer (for a call answered before but lost: the same ticket).

    Raises:
        Offline: still unreachable after the last attempt.
        Busy: still busy after the last attempt.
        Refused: the registry refused the call (no retry: the answer would not change).
    """
    request_id = request_id or new_request_id()
    for attempt in range(1, attempts + 1):
        try:
            return send(request_id)
        except (Offline, Busy) as failure:
            if attempt == attempts:
                raise
            _log.info("call %s not answered (%s): sending it again", request_id, failure)
            time.sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover


class QueueClient(RegistryClient):
    """A device's client of the registry's queue (counter, kiosk or display)."""

    @staticmethod
    def _read(kind: type[_T], answer: Answer) -> _T:
        try:
            return decode(kind, answer.body)
        except InvalidInput as err:
            raise Offline(f"the registry's answer is not a {kind.__name__}: {err}") from None

    # -- kiosk and counter: tickets ---------------------------------------------------------

    def services(self) -> list[ServiceSpec]:
        """The hall's service queues (the kiosk's choices)."""
        return self._read(ServiceList, self._call("GET", "/queue/services")).services

    def issue(
        self,
        service: str,
        *,
        channel: Channel = Channel.ON_SITE,
        green_channel: bool = False,
        priority: int = 0,
        id_number: str | None = None,
        appointment_at: str | None = None,
        staff_id: str | None = None,
    ) -> IssuedTicket:
        """Issue a ticket; the answer has the people ahead and the estimated wait."""
        body = {
            "service": service,
            "channel": channel.value,
            "green_channel": green_channel,
            "priority": priority,
            "id_number": id_number,
            "appointment_at": appointment_at,
            "staff_id": staff_id,
        }
        return self._read(IssuedTicket, self._call("POST", "/queue/tickets", json_body=body))

    def estimate(self, service: str) -> WaitEstimate:
        """How long a new ticket of `service` would wait."""
        answer = self._call("GET", "/queue/estimate", params={"service": service})
        return self._read(WaitEstimate, answer)

    # -- counter: calls ---------------------------------------------------------------------

    def call_next(self, *, request_id: str, staff_id: str) -> CallAnswer:
        """Claim the next ticket by this counter's work profile (None when nobody waits)."""
        body = {"request_id": request_id, "staff_id": staff_id}
        return self._read(CallAnswer, self._call("POST", "/queue/call/next", json_body=body))

    def call_number(
        self, number: str, *, reason: str, request_id: str, staff_id: str
    ) -> CallAnswer:
        """Call today's ticket `number` out of turn (the reason is logged)."""
        body = {"request_id": request_id, "staff_id": staff_id, "number": number, "reason": reason}
        return self._read(CallAnswer, self._call("POST", "/queue/call/number", json_body=body))

    def call_parked(self, ticket_id: str, *, request_id: str, staff_id: str) -> CallAnswer:
        """Call a ticket this counter parked back."""
        return self._call_ticket("/queue/call/parked", ticket_id, request_id, staff_id)

    def recall(self, ticket_id: str, *, request_id: str, staff_id: str) -> CallAnswer:
        """Call a missed ticket again (after its cooldown, while it has recalls left)."""
        return self._call_ticket("/queue/call/recall", ticket_id, request_id, staff_id)

    def again(self, ticket_id: str, *, request_id: str, staff_id: str) -> CallAnswer:
        """Announce the counter's called ticket once more (重呼); a retry announces nothing more."""
        return self._call_ticket("/queue/call/again", ticket_id, request_id, staff_id)

    def _call_ticket(self, path: str, ticket_id: str, request_id: str, staff_id: str) -> CallAnswer:
        body = {"request_id": request_id, "staff_id": staff_id, "ticket_id": ticket_id}
        return self._read(CallAnswer, self._call("POST", path, json_body=body))

    # -- counter: moves ---------------------------------------------------------------------

    def start(self, ticket_id: str) -> TicketAnswer:
        """The called applicant is here: serving starts."""
        return self._move("start", {"ticket_id": ticket_id})

    def missed(self, ticket_id: str) -> TicketAnswer:
        """The called applicant did not come."""
        return self._move("missed", {"ticket_id": ticket_id})

    def park(self, ticket_id: str, *, note: str = "") -> TicketAnswer:
        """Set the ticket aside while the applicant fetches a copy or fills a form."""
        return self._move("park", {"ticket_id": ticket_id, "note": note})

    def left(self, ticket_id: str, *, reason: str = "") -> TicketAnswer:
        """The applicant gave up and left."""
        return self._move("left", {"ticket_id": ticket_id, "note": reason})

    def finish(
        self,
        ticket_id: str,
        outcome: Outcome,
        *,
        case_ids: list[str] | None = None,
        document_numbers: list[str] | None = None,
    ) -> TicketAnswer:
        """Finish the visit with its outcome and the cases and documents it produced."""
        body = {
            "ticket_id": ticket_id,
            "outcome": outcome.value,
            "case_ids": case_ids or [],
            "document_numbers": document_numbers or [],
        }
        return self._move("finish", body)

    def transfer(
        self,
        ticket_id: str,
        placement: Placement,
        *,
        to_service: str | None = None,
        to_counter: str | None = None,
        to_staff: str | None = None,
        note: str = "",
    ) -> TicketAnswer:
        """Send the ticket to a service, counter or staff member, placed in its new queue."""
        body = {
            "ticket_id": ticket_id,
            "placement": placement.value,
            "to_service": to_service,
            "to_counter": to_counter,
            "to_staff": to_staff,
            "note": note,
        }
        return self._move("transfer", body)

    def _move(self, name: str, body: dict[str, Any]) -> TicketAnswer:
        answer = self._call("POST", f"/queue/counter/{name}", json_body=body)
        return self._read(TicketAnswer, answer)

    def pause(self, *, staff_id: str, reason: str) -> CounterView:
        """Pause this counter (no calls until resumed)."""
        body = {"staff_id": staff_id, "reason": reason}
        return self._read(CounterView, self._call("POST", "/queue/counter/pause", json_body=body))

    def resume(self, *, staff_id: str) -> CounterView:
        """Resume this counter."""
        body = {"staff_id": staff_id, "reason": ""}
        answer = self._call("POST", "/queue/counter/resume", json_body=body)
        return self._read(CounterView, answer)

    def counter(self) -> CounterView:
        """This counter's queue state."""
        return self._read(CounterView, self._call("GET", "/queue/counter"))

    # -- displays and reports ---------------------------------------------------------------

    def display(self, *, after: int = 0, limit: int = 10, wait: float = 0) -> DisplayFeed:
        """The hall board's calls after `after` and the waiting counts.

        With `wait` > 0 the registry holds the answer until something happens after `after`
        or `wait` seconds pass; keep `wait` below this client's read timeout.
        """
        params: dict[str, Any] = {"after": after, "limit": limit, "wait": wait}
        return self._read(DisplayFeed, self._call("GET", "/queue/display", params=params))

    def stats(
        self,
        start: date,
        end: date,
        *,
        group_by: GroupBy = GroupBy.SERVICE,
        target_wait_seconds: int | None = None,
    ) -> StatsReport:
        """Queue statistics of the tickets issued from `start` to `end` (hall days)."""
        params: dict[str, Any] = {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "group_by": group_by.value,
        }
        if target_wait_seconds is not None:
            params["target_wait"] = target_wait_seconds
        return self._read(StatsReport, self._call("GET", "/queue/stats", params=params))
