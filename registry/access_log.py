"""One log record per HTTP request to the registry: request id, route, status, duration, caller.

`AccessLog` wraps the whole application (outside gzip and the error handlers), so every answer
— a route's, an error's, a 404's — is counted once, with the time it took. The record names
the route's template (`/api/v1/cases/{case_id}`), never the concrete path or the query, and the
hall and counter once the credential is checked (`note_caller`, called by `registry.auth`); it
never holds a credential or anything about an applicant. Each answer carries the request id in
`X-Request-ID`: the caller's own, when it sent a sane one (a load balancer's), else a new one.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
NO_ROUTE = "(no route)"
"""The route of a request no route matched (its path is not logged: it could hold anything)."""
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_CALLER: ContextVar[dict[str, str] | None] = ContextVar("registry_caller", default=None)
_log = logging.getLogger("registry.access")


def note_caller(*, hall: str, device: str | None = None) -> None:
    """Name the hall (and the counter, for a device credential) in this request's record."""
    caller = _CALLER.get()
    if caller is None:
        return
    caller["hall"] = hall
    if device is not None:
        caller["device"] = device


def request_id(scope: Scope) -> str:
    """The caller's `X-Request-ID` if it is short and plain, else a fresh random one."""
    wanted = REQUEST_ID_HEADER.lower().encode()
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for name, value in headers:
        text = value.decode("latin-1")
        if name.lower() == wanted and _SANE_ID.fullmatch(text):
            return text
    return uuid.uuid4().hex


def route_of(scope: Scope) -> str:
    """The template of the route that answered, or `NO_ROUTE`."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else NO_ROUTE


class AccessLog:
    """ASGI middleware writing the access record of every HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, stamp the answer with its id, then log one record."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        ident = request_id(scope)
        answer: dict[str, Any] = {"status": 500}  # what the client sees when the app fails
        caller: dict[str, str] = {}
        token = _CALLER.set(caller)

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, ident)
            await send(message)

        try:
            await self.app(scope, receive, stamped)
        finally:
            _CALLER.reset(token)
            elapsed = round((time.perf_counter() - started) * 1000, 1)
            _record(scope, ident=ident, status=answer["status"], elapsed=elapsed, caller=caller)


def _record(
    scope: Scope, *, ident: str, status: int, elapsed: float, caller: dict[str, str]
) -> None:
    method, route = str(scope.get("method", "")), route_of(scope)
    fields = {"request_id": ident, "method": method, "route": route, "status": status}
    level = logging.ERROR if status >= 500 else logging.INFO
    _log.log(
        level,
        "%s %s %d %.1f ms",
        method,
        route,
        status,
        elapsed,
        extra={**fields, "duration_ms": elapsed, **caller},
    )
