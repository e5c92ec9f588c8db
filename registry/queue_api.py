"""The hall queue's HTTP API under /api/v1/queue: a few lines per route over the queue services.

Counters, kiosks and hall displays are enrolled devices and call with their token; supervisors
and admins configure services, work profiles and the hall's settings with a staff session;
statistics are open to both. Every answer is a documented model (the fuzz test holds us to it).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from clerk.queue import GroupBy
from clerk.queue.wire import (
    MAX_FEED_CALLS,
    MAX_LONG_POLL_SECONDS,
    CallAnswer,
    CallNext,
    CallTicket,
    CounterView,
    DisplayFeed,
    FinishRequest,
    HallQueueSettings,
    IssuedTicket,
    IssueRequest,
    PauseRequest,
    ProfileSpec,
    ServiceList,
    StatsReport,
    TicketAction,
    TicketAnswer,
    TransferRequest,
    WaitEstimate,
)
from clerk.staff import Role
from clerk.wire import API_PREFIX
from registry import queue_calls, queue_config, queue_reports, queue_service
from registry.auth import (
    SESSION_PREFIX,
    Device,
    StaffMember,
    authenticate_device,
    authenticate_staff,
)
from registry.db import is_postgres, reading, transaction, utc_now
from registry.errors import Forbidden, Unauthorized
from registry.http import ERROR_RESPONSES, BoundedRoute
from registry.lean import LeanPath
from registry.queue_config import authenticate_at_desk
from registry.queue_store import hall_version
from registry.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="a device token (wcd_…) or a staff session")
Credential = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
_POLL_SECONDS = 0.1
_log = logging.getLogger(__name__)
_Answer = TypeVar("_Answer", CallAnswer, TicketAnswer)


class _Queue:
    """What the queue routes share: the engine and the key of ID-number hashes."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        # SQLite runs one write transaction at a time anyway; queued here, the next one starts
        # the moment the last commits, instead of after SQLite's busy handler's next sleep.
        turns = int(os.environ.get("QUEUE_PG_TURNS", "4"))
        self._turn = threading.Semaphore(turns) if is_postgres(engine) else threading.Lock()

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        """One transaction (on SQLite, in its turn)."""
        with self._turn, transaction(self.engine) as connection:
            yield connection

    @contextmanager
    def device(self, credential: HTTPAuthorizationCredentials | None) -> Iterator[_Device]:
        """One transaction, on behalf of the device presenting `credential`."""
        with self.tx() as connection:
            yield _Device(connection, authenticate_device(connection, _token(credential)))

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """Reads only, in their turn (`registry.db.reading`: no transaction on PostgreSQL)."""
        with self._turn, reading(self.engine) as connection:
            yield connection

    @contextmanager
    def reading(self, credential: HTTPAuthorizationCredentials | None) -> Iterator[_Device]:
        """`read`, on behalf of the device presenting `credential`."""
        with self.read() as connection:
            yield _Device(connection, authenticate_device(connection, _token(credential)))

    @contextmanager
    def counter(self, credential: HTTPAuthorizationCredentials | None) -> Iterator[_Device]:
        """`device` for a counter's queue action: its counter locked with the authentication."""
        with self.tx() as connection:
            yield _Device(connection, authenticate_at_desk(connection, _token(credential)))

    def act(
        self,
        credential: HTTPAuthorizationCredentials | None,
        action: Callable[[Connection, Device], _Answer],
    ) -> _Answer:
        """A counter's call or move (`counter`), answered with the counter's view after it."""
        with self.counter(credential) as acting:
            answer = action(acting.connection, acting.device)
        return dataclasses.replace(answer, counter=self._view_after(acting.device))

    def _view_after(self, device: Device) -> CounterView | None:
        """The counter's view once its action has committed, read with the action's locks
        released (a call holds its hall's version row until it commits). None if this read
        fails: the action stands, and the counter reads its view itself."""
        try:
            with self.read() as connection:
                return queue_reports.counter_view(
                    connection, hall=device.hall, counter=device.counter
                )
        except SQLAlchemyError as error:
            _log.warning(
                "counter %s: its view after its action could not be read (%s)",
                device.counter,
                type(error).__name__,
            )
            return None

    @contextmanager
    def staff(
        self, credential: HTTPAuthorizationCredentials | None, *roles: Role
    ) -> Iterator[tuple[Connection, StaffMember]]:
        """One transaction, on behalf of a staff member holding one of `roles` (any if none)."""
        with self.tx() as connection:
            member = authenticate_staff(
                connection,
                _token(credential),
                secret=self.settings.signing_secret,
                now=utc_now(),
            )
            if roles and member.role not in roles:
                needed = "/".join(role.value for role in roles)
                raise Forbidden(f"{member.role.value} {member.staff_id} may not do this ({needed})")
            yield connection, member

    def hall_of(self, credential: HTTPAuthorizationCredentials | None) -> str:
        """The hall of a device or a staff member (statistics are open to both)."""
        token = _token(credential)
        if token.startswith(SESSION_PREFIX):
            with self.staff(credential) as (_, member):
                return member.hall
        with self.device(credential) as acting:
            return acting.device.hall


class _Device:
    """A transaction and the device it acts for."""

    def __init__(self, connection: Connection, device: Device) -> None:
        self.connection = connection
        self.device = device


def _token(credential: HTTPAuthorizationCredentials | None) -> str:
    if credential is None or not credential.credentials:
        raise Unauthorized("this request needs a credential (Authorization: Bearer …)")
    return credential.credentials


def queue_router(settings: Settings, engine: Engine, lean: LeanPath) -> APIRouter:
    """The queue's routes, to include in the registry's application; the busiest are marked
    for the `lean` path (a counter's calls, moves and view, a kiosk's tickets)."""
    queue = _Queue(settings, engine)
    router = APIRouter(prefix=API_PREFIX, route_class=BoundedRoute, responses=ERROR_RESPONSES)
    _issue_routes(router, queue, lean)
    _call_routes(router, queue, lean)
    _move_routes(router, queue, lean)
    _counter_routes(router, queue, lean)
    _report_routes(router, queue)
    _stats_routes(router, queue)
    _admin_routes(router, queue)
    return router


def _issue_routes(router: APIRouter, queue: _Queue, lean: LeanPath) -> None:
    @router.get("/queue/services", tags=["queue"])
    def services(credential: Credential) -> ServiceList:
        with queue.device(credential) as acting:
            hall = acting.device.hall
            return ServiceList(queue_config.list_services(acting.connection, hall))

    @lean.route
    @router.post("/queue/tickets", tags=["queue"])
    def issue(request: IssueRequest, credential: Credential) -> IssuedTicket:
        key = queue.settings.signing_secret
        with queue.device(credential) as acting:
            return queue_service.issue_ticket(
                acting.connection, acting.device, request, now=utc_now(), id_key=key
            )

    @router.get("/queue/estimate", tags=["queue"])
    def estimate(
        credential: Credential, service: Annotated[str, Query(max_length=16)]
    ) -> WaitEstimate:
        with queue.device(credential) as acting:
            connection, hall = acting.connection, acting.device.hall
            queue_config.require_service(connection, hall=hall, code=service)
            return queue_reports.estimate(connection, hall, service, now=utc_now())


def _call_routes(router: APIRouter, queue: _Queue, lean: LeanPath) -> None:
    @lean.route
    @router.post("/queue/call/next", tags=["queue"])
    def call_next(request: CallNext, credential: Credential) -> CallAnswer:
        return queue.act(
            credential,
            lambda connection, device: queue_calls.call_next(
                connection, device, request, now=utc_now()
            ),
        )

    def call_one(kind: str) -> Callable[[CallTicket, Credential], CallAnswer]:
        def route(request: CallTicket, credential: Credential) -> CallAnswer:
            return queue.act(
                credential,
                lambda connection, device: queue_calls.call_ticket(
                    connection, device, request, kind=kind, now=utc_now()
                ),
            )

        return route

    for kind, path in (
        (queue_calls.NUMBER, "/queue/call/number"),
        (queue_calls.PARKED, "/queue/call/parked"),
        (queue_calls.RECALL, "/queue/call/recall"),
    ):
        lean.route(router.post(path, tags=["queue"], name=f"call_{kind}")(call_one(kind)))

    @lean.route
    @router.post("/queue/call/again", tags=["queue"])
    def call_again(request: CallTicket, credential: Credential) -> CallAnswer:
        """Announce the counter's called ticket once more (重呼); the ticket does not move."""
        return queue.act(
            credential,
            lambda connection, device: queue_calls.announce_again(
                connection, device, request, now=utc_now()
            ),
        )


def _move_routes(router: APIRouter, queue: _Queue, lean: LeanPath) -> None:
    def move(kind: str) -> Callable[[TicketAction, Credential], TicketAnswer]:
        def route(action: TicketAction, credential: Credential) -> TicketAnswer:
            return queue.act(
                credential,
                lambda connection, device: queue_service.move_ticket(
                    connection, device, action, kind=kind, now=utc_now()
                ),
            )

        return route

    for kind in (queue_service.START, queue_service.MISSED, queue_service.PARK):
        lean.route(router.post(f"/queue/counter/{kind}", tags=["queue"], name=kind)(move(kind)))
    left = router.post("/queue/counter/left", tags=["queue"], name="left")
    lean.route(left(move(queue_service.LEAVE)))

    @lean.route
    @router.post("/queue/counter/finish", tags=["queue"])
    def finish(request: FinishRequest, credential: Credential) -> TicketAnswer:
        return queue.act(
            credential,
            lambda connection, device: queue_service.finish_ticket(
                connection, device, request, now=utc_now()
            ),
        )

    @lean.route
    @router.post("/queue/counter/transfer", tags=["queue"])
    def transfer(request: TransferRequest, credential: Credential) -> TicketAnswer:
        return queue.act(
            credential,
            lambda connection, device: queue_service.transfer_ticket(
                connection, device, request, now=utc_now()
            ),
        )


def _counter_routes(router: APIRouter, queue: _Queue, lean: LeanPath) -> None:
    def pause_or_resume(paused: bool) -> Callable[[PauseRequest, Credential], CounterView]:
        def route(request: PauseRequest, credential: Credential) -> CounterView:
            with queue.counter(credential) as acting:
                connection, device = acting.connection, acting.device
                queue_service.pause_counter(
                    connection, device, request, paused=paused, now=utc_now()
                )
                return queue_reports.counter_view(
                    connection, hall=device.hall, counter=device.counter
                )

        return route

    router.post("/queue/counter/pause", tags=["queue"], name="pause")(pause_or_resume(True))
    router.post("/queue/counter/resume", tags=["queue"], name="resume")(pause_or_resume(False))

    @lean.route  # every counter's panel asks for it every few seconds
    @router.get("/queue/counter", tags=["queue"])
    def counter(credential: Credential) -> CounterView:
        with queue.reading(credential) as acting:
            device = acting.device
            return queue_reports.counter_view(
                acting.connection, hall=device.hall, counter=device.counter
            )


def _report_routes(router: APIRouter, queue: _Queue) -> None:
    def feed(
        credential: HTTPAuthorizationCredentials | None, after: int, limit: int
    ) -> tuple[str, DisplayFeed]:
        with queue.device(credential) as acting:
            hall = acting.device.hall
            answer = queue_reports.display_feed(
                acting.connection, hall, after=after, limit=limit, now=utc_now()
            )
            return hall, answer

    def version(hall: str) -> int:  # asked every _POLL_SECONDS by every waiting display
        with queue.read() as connection:
            return hall_version(connection, hall)

    @router.get("/queue/display", tags=["queue"])
    async def display(
        credential: Credential,
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_FEED_CALLS)] = 10,
        wait: Annotated[float, Query(ge=0, le=MAX_LONG_POLL_SECONDS)] = 0,
    ) -> DisplayFeed:
        """The board's calls after `after` and waiting counts; `wait` > 0 long-polls for news."""
        deadline = time.monotonic() + wait
        hall, answer = await run_in_threadpool(feed, credential, after, limit)
        while answer.version <= after and time.monotonic() < deadline:
            await asyncio.sleep(min(_POLL_SECONDS, max(0.0, deadline - time.monotonic())))
            if await run_in_threadpool(version, hall) > after:
                hall, answer = await run_in_threadpool(feed, credential, after, limit)
        return answer


def _stats_routes(router: APIRouter, queue: _Queue) -> None:
    @router.get("/queue/stats", tags=["queue"])
    def stats(
        credential: Credential,
        start: date,
        end: date,
        group_by: GroupBy = GroupBy.SERVICE,
        target_wait: Annotated[int | None, Query(ge=0, le=7 * 24 * 3600)] = None,
    ) -> StatsReport:
        hall = queue.hall_of(credential)
        target = None if target_wait is None else timedelta(seconds=target_wait)
        with queue.tx() as connection:
            return queue_reports.statistics(
                connection, hall, start=start, end=end, group_by=group_by, target_wait=target
            )


def _admin_routes(router: APIRouter, queue: _Queue) -> None:
    managers = (Role.SUPERVISOR, Role.ADMIN)

    @router.put("/queue/admin/services", tags=["queue-admin"])
    def put_services(services: ServiceList, credential: Credential) -> ServiceList:
        with queue.staff(credential, *managers) as (connection, member):
            return ServiceList(
                queue_config.put_services(connection, member.hall, services.services)
            )

    @router.put("/queue/admin/profiles/{counter}", tags=["queue-admin"])
    def put_profile(counter: str, profile: ProfileSpec, credential: Credential) -> ProfileSpec:
        with queue.staff(credential, *managers) as (connection, member):
            return queue_config.set_profile(
                connection, hall=member.hall, counter=counter, spec=profile
            )

    @router.put("/queue/admin/settings", tags=["queue-admin"])
    def put_settings(settings: HallQueueSettings, credential: Credential) -> HallQueueSettings:
        with queue.staff(credential, *managers) as (connection, member):
            return queue_config.set_hall_settings(connection, member.hall, settings)
