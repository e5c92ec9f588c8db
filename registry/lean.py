"""A lean path for the queue's busiest routes: the same endpoints, without FastAPI's layers.

A counter's call, start and finish, and a kiosk's ticket, are most of what a hall asks all day,
and each is a few milliseconds of database work. Through FastAPI each also went through eight
ASGI layers, the router's scan of every route, dependency solving, two thread-pool hops (the
endpoint, then the answer's validation) and a generic response: more Python than the work
itself (profiled under the queue bench: the event loop's thread held the interpreter about
twice as long as the endpoint's own thread).

`LeanPath` sits just inside the access log. A request whose method and path are those of a route
marked with `@lean.route` is answered here, as FastAPI would: its body read through the same
bounds (`BoundedRequest`), parsed as JSON when it says so and validated by a pydantic adapter of
the endpoint's own declared type, the endpoint called in a worker thread with the same
arguments, its answer serialised by an adapter of its declared answer, errors answered by the
registry's own handlers, the epoch header added (tests/integration/queue/test_lean.py sends the
same requests to both). Every other request goes on to the application unchanged, and the
routes stay FastAPI's for the OpenAPI document. A marked `GET` takes no body (a counter's view,
polled by every counter's panel); its query and any body are ignored, as FastAPI ignores them
for an endpoint that declares none. An answer of `GZIP_MINIMUM` bytes or more is gzipped for a
client that accepts it, as the application's `GZipMiddleware` would.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import gzip
import json
import typing
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import TypeAdapter, ValidationError
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from clerk.wire import EPOCH_HEADER
from registry.http import (
    GZIP_LEVEL,
    GZIP_MINIMUM,
    BoundedRequest,
    answer_error,
    problem,
    validation_problem,
)

_F = typing.TypeVar("_F", bound=Callable[..., Any])
LEAN_THREADS = 4
"""Worker threads of the lean path, as many as the queue's turns on PostgreSQL (`QUEUE_PG_TURNS`):
more would only wait for a turn, or for the interpreter."""


@dataclass(frozen=True, slots=True)
class _Route:
    """A route the lean path answers: its endpoint, the names and adapters of what it takes and
    returns, and FastAPI's route (the access log names its template)."""

    route: APIRoute
    body: tuple[str, TypeAdapter[Any]] | None  # its name and adapter; None: a GET takes none
    credential_name: str
    answer: TypeAdapter[Any]


class LeanPath:
    """Marks routes for the lean path, then answers them (ASGI middleware; see the module)."""

    def __init__(self) -> None:
        self._marked: list[Callable[..., Any]] = []
        self._routes: dict[tuple[str, str], _Route] = {}
        self._executor: ThreadPoolExecutor | None = None

    def route(self, endpoint: _F) -> _F:
        """Mark an endpoint (decorate it above FastAPI's decorator): a sync function taking
        one dataclass body (none for a `GET`) and a credential, returning a dataclass."""
        self._marked.append(endpoint)
        return endpoint

    def bind(self, routes: list[Any]) -> None:
        """Find the marked endpoints among FastAPI's `routes`.

        Raises:
            TypeError: a marked endpoint is not a route, or does not have the lean path's shape.
        """
        for endpoint in self._marked:
            found = [r for r in routes if isinstance(r, APIRoute) and r.endpoint is endpoint]
            if len(found) != 1:
                raise TypeError(
                    f"{endpoint.__name__} is marked for the lean path but is not a route"
                )
            route = found[0]
            for method in route.methods or ():
                self._routes[(method, route.path)] = _shape(route)

    @property
    def answered(self) -> list[tuple[str, str]]:
        """The (method, path) of every route the lean path answers, sorted."""
        return sorted(self._routes)

    def middleware(self, app: ASGIApp, *, epoch: Callable[[], str]) -> ASGIApp:
        """The ASGI middleware answering the bound routes in front of `app`."""
        return _LeanMiddleware(app, self._routes, epoch=epoch, executor=self._pool)

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(LEAN_THREADS, thread_name_prefix="lean")
        return self._executor


def _shape(route: APIRoute) -> _Route:
    hints = typing.get_type_hints(route.endpoint)
    answer = hints.pop("return", None)
    bodies = [name for name, hint in hints.items() if dataclasses.is_dataclass(hint)]
    others = [name for name in hints if name not in bodies]
    wanted = 0 if route.methods == {"GET"} else 1
    if (
        len(bodies) != wanted
        or len(others) != 1
        or answer is None
        or route.path_format != route.path
    ):
        raise TypeError(
            f"{route.path}: the lean path takes one body (none for a GET), one credential "
            "and an answer"
        )
    if asyncio.iscoroutinefunction(route.endpoint):
        raise TypeError(f"{route.path}: the lean path runs sync endpoints in its threads")
    body = (bodies[0], TypeAdapter(hints[bodies[0]])) if bodies else None
    return _Route(route, body, others[0], TypeAdapter(answer))


class _LeanMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        routes: dict[tuple[str, str], _Route],
        *,
        epoch: Callable[[], str],
        executor: Callable[[], ThreadPoolExecutor],
    ) -> None:
        self.app = app
        self.routes = routes
        self.epoch = epoch
        self.executor = executor

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        lean = None
        if scope["type"] == "http":
            lean = self.routes.get((scope["method"], scope["path"]))
        if lean is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = lean.route  # the access log's name of the request
        request = BoundedRequest(scope, receive)
        body = b""
        if lean.body is not None:
            try:
                body = await request.body()
            except Exception as error:
                refused = answer_error(error)
                if refused is None:
                    raise
                await self._send(send, refused)
                return
        credential = _bearer(request.headers.get("authorization"))
        context = contextvars.copy_context()  # the access log's caller, noted by the endpoint
        loop = asyncio.get_running_loop()
        call = _Call(lean, body, request.headers.get("content-type", ""), credential)
        payload = await loop.run_in_executor(self.executor(), context.run, call.answer)
        if isinstance(payload, Response):
            await self._send(send, payload)
            return
        headers = [(b"content-type", b"application/json")]
        if len(payload) >= GZIP_MINIMUM and "gzip" in request.headers.get("accept-encoding", ""):
            payload = gzip.compress(payload, GZIP_LEVEL)
            headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")]
        headers.append((b"content-length", str(len(payload)).encode()))
        await self._start(send, 200, headers)
        await send({"type": "http.response.body", "body": payload})

    async def _send(self, send: Send, response: Response) -> None:
        await self._start(send, response.status_code, list(response.raw_headers))
        await send({"type": "http.response.body", "body": response.body})

    async def _start(self, send: Send, status: int, headers: list[tuple[bytes, bytes]]) -> None:
        headers.append((EPOCH_HEADER.lower().encode(), self.epoch().encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})


@dataclass(frozen=True, slots=True)
class _Call:
    """One request on the lean path, answered in a worker thread: validate, call, serialise."""

    lean: _Route
    body: bytes
    content_type: str
    credential: HTTPAuthorizationCredentials | None

    def answer(self) -> bytes | Response:
        """The answer's JSON (200), or the error's whole answer."""
        lean = self.lean
        arguments: dict[str, Any] = {lean.credential_name: self.credential}
        if lean.body is not None:
            name, adapter = lean.body
            try:
                arguments[name] = adapter.validate_python(self._parsed())
            except _Refused as refused:
                return validation_problem(refused.errors, location=("body",))
            except _Unreadable:
                return problem(400, "http", "There was an error parsing the body")
            except ValidationError as error:
                return validation_problem(error.errors(), location=("body",))
        try:
            answer = lean.route.endpoint(**arguments)
        except Exception as error:
            response = answer_error(error)
            if response is None:
                raise
            return response
        return lean.answer.dump_json(answer)

    def _parsed(self) -> Any:
        """The body as FastAPI reads it: JSON when it says so, else its bytes."""
        if not self.body:
            raise _Refused([{"loc": (), "msg": "Field required"}])
        main, _, subtype = self.content_type.partition(";")[0].strip().lower().partition("/")
        if main != "application" or not (subtype == "json" or subtype.endswith("+json")):
            return self.body
        try:
            return json.loads(self.body)
        except json.JSONDecodeError as error:
            raise _Refused([{"loc": (error.pos,), "msg": "JSON decode error"}]) from None
        except (ValueError, RecursionError):  # not UTF-8, or nested too deep
            raise _Unreadable from None


class _Unreadable(Exception):
    """A body that cannot be parsed at all (FastAPI answers 400)."""


class _Refused(Exception):
    """A body that is not JSON at all (pydantic's errors' shape)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("the body is not JSON")
        self.errors = errors


def _bearer(authorization: str | None) -> HTTPAuthorizationCredentials | None:
    """The bearer credential, as FastAPI's `HTTPBearer(auto_error=False)` reads it."""
    scheme, _, credentials = (authorization or "").partition(" ")
    if not (scheme and credentials) or scheme.lower() != "bearer":
        return None
    return HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials)
