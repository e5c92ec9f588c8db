"""Halls with queues on a real registry process, and devices that call it over HTTP.

A `QueueHall` is a fresh hall of a shared registry (`tests.integration.sync.halls.Hall`) with
three service queues, extra counters when a test needs them, a clerk, and enrolled devices
(`QueueClient`, one `requests.Session` each). Configuration goes straight to the registry's
database through the same functions the admin routes call; everything a counter does goes over
HTTP. `device_of` gives the in-process services the identity of an enrolled device, for tests
that must choose the time of a move (cooldowns, midnight, hour-long waits).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update

from clerk.queue import Outcome
from clerk.queue.wire import CallAnswer, HallQueueSettings, ProfileSpec, ServiceSpec, TicketView
from registry import admin, queue_config
from registry.auth import Device
from registry.queue_schema import QUEUE_EVENTS, QUEUE_NUMBERS, QUEUE_TICKETS
from registry.schema import COUNTERS
from sync.queue_client import QueueClient, new_request_id
from tests.integration.sync.halls import Hall
from tests.integration.sync.harness import RegistryProcess

SERVICES = (
    ServiceSpec("BIZ", "A", "企业开办"),
    ServiceSpec("TAX", "B", "税务登记"),
    ServiceSpec("SOC", "C", "社保医保"),
)
TIMEOUT = (3.0, 30.0)
CLERK = "C001"


def enrol_device(registry: RegistryProcess, hall: str, counter: str, url: str) -> QueueClient:
    """A device of the hall enrolled over HTTP, talking to `url` (the registry or a proxy)."""
    client = QueueClient(url, timeout=TIMEOUT)
    client.token = client.enrol(registry.enrolment_code(counter, hall=hall)).token
    return client


def add_counters(registry: RegistryProcess, hall: str, codes: list[str]) -> None:
    """Create counters (or kiosks, displays: every device is a counter row) in a hall."""
    with registry.db() as connection:
        for code in codes:
            admin.create_counter(connection, hall=hall, code=code)


def configure(
    registry: RegistryProcess,
    hall: str,
    *,
    services: tuple[ServiceSpec, ...] = SERVICES,
    settings: HallQueueSettings | None = None,
) -> None:
    """Give a hall its service queues (and settings)."""
    with registry.db() as connection:
        queue_config.put_services(connection, hall, list(services))
        if settings is not None:
            queue_config.set_hall_settings(connection, hall, settings)


@dataclass
class QueueHall:
    """A fresh hall with queues: devices by counter code, created and enrolled on first use."""

    hall: Hall
    clients: dict[str, QueueClient] = field(default_factory=dict)

    @classmethod
    @contextmanager
    def opened(cls, registry: RegistryProcess, folder: Path) -> Iterator[QueueHall]:
        """Set up the hall (counters W01–W03 and the kiosk K01, services); close its clients."""
        with Hall.opened(registry, folder) as hall:
            add_counters(registry, hall.code, ["K01"])
            configure(registry, hall.code)
            opened = cls(hall)
            try:
                yield opened
            finally:
                for client in opened.clients.values():
                    client.close()

    @property
    def code(self) -> str:
        """The hall's code."""
        return self.hall.code

    @property
    def registry(self) -> RegistryProcess:
        """The registry the hall lives in."""
        return self.hall.registry

    @property
    def clerk(self) -> str:
        """The staff number of the hall's clerk (created on first use)."""
        return self.hall.staff_id(CLERK)

    def device(self, counter: str) -> QueueClient:
        """The device at `counter` ("W01", "K01" …), enrolled on first use."""
        if counter not in self.clients:
            self.clients[counter] = enrol_device(
                self.registry, self.code, counter, self.registry.url
            )
        return self.clients[counter]

    @property
    def kiosk(self) -> QueueClient:
        """The hall's ticket machine."""
        return self.device("K01")

    def issue(self, service: str = "BIZ", **fields: Any) -> TicketView:
        """Issue a ticket at the kiosk."""
        return self.kiosk.issue(service, **fields).ticket

    def call(self, counter: str) -> CallAnswer:
        """Call the next ticket at `counter` (a fresh request)."""
        return self.device(counter).call_next(request_id=new_request_id(), staff_id=self.clerk)

    def called(self, counter: str) -> TicketView:
        """Call the next ticket at `counter`, which must get one."""
        answer = self.call(counter)
        assert answer.ticket is not None, answer.message
        return answer.ticket

    def serve(self, counter: str, ticket: TicketView) -> TicketView:
        """Start and finish a called ticket (a consultation)."""
        client = self.device(counter)
        client.start(ticket.id)
        return client.finish(ticket.id, Outcome.CONSULTATION).ticket

    def call_order(self, counter: str) -> list[str]:
        """Call and serve until nothing is left for `counter`; the numbers in call order."""
        numbers = []
        while (ticket := self.call(counter).ticket) is not None:
            numbers.append(ticket.number)
            self.serve(counter, ticket)
        return numbers

    def profile(self, counter: str, spec: ProfileSpec) -> None:
        """Give a counter its work profile."""
        with self.registry.db() as connection:
            queue_config.set_profile(connection, hall=self.code, counter=counter, spec=spec)

    def as_device(self, counter: str) -> Device:
        """The registry's identity of the (enrolled) device at `counter`, for in-process calls."""
        self.device(counter)
        with self.registry.db() as connection:
            row = connection.execute(
                select(COUNTERS).where(COUNTERS.c.hall == self.code, COUNTERS.c.code == counter)
            ).one()
        return Device(row.device_id, row.hall, row.code, row.epoch)

    def events(self, ticket_id: str) -> list[tuple[str, str | None, dict[str, str]]]:
        """(kind, counter, detail) of a ticket's events, in order."""
        query = (
            select(QUEUE_EVENTS.c.kind, QUEUE_EVENTS.c.counter, QUEUE_EVENTS.c.detail)
            .where(QUEUE_EVENTS.c.ticket_id == ticket_id)
            .order_by(QUEUE_EVENTS.c.id)
        )
        with self.registry.db() as connection:
            rows = connection.execute(query).all()
        return [(row.kind, row.counter, json.loads(row.detail)) for row in rows]

    def move_issue_day(self, day: str) -> None:
        """Pretend every ticket of the hall so far was issued on `day` (a day gone by)."""
        with self.registry.db() as connection:
            for table in (QUEUE_TICKETS, QUEUE_NUMBERS):  # the tickets and the day's count
                connection.execute(
                    update(table).where(table.c.hall == self.code).values(issue_day=day)
                )

    def forget_number_counts(self) -> None:
        """Drop the hall's day counts, as in a database written before the registry kept them."""
        with self.registry.db() as connection:
            connection.execute(delete(QUEUE_NUMBERS).where(QUEUE_NUMBERS.c.hall == self.code))
