"""HTTP plumbing of the API: bounded (and gzip-aware) bodies, error answers, credentials.

Every error is answered as a `Problem` JSON body with a stable code; nothing the client sends
can make the registry answer 500 or read an unbounded body (a gzip bomb is cut off at the
limit). Credentials come as `Authorization: Bearer …`: a counter's token or a staff session.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from clerk.wire import Problem, to_wire
from registry.errors import BadRequest, RegistryError, TooLarge

_log = logging.getLogger(__name__)

GZIP_MINIMUM = 2048
"""Answers this long or longer are gzipped for a client that accepts gzip."""
GZIP_LEVEL = 5
"""Level 5, not 9: pull pages (~1 MB of JSON) compress 5× faster to within 3 % of the size."""

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": text}
    for status, text in (
        (400, "Malformed request"),
        (401, "Missing, wrong or revoked credential"),
        (403, "Not allowed for this role or hall"),
        (404, "Not found"),
        (409, "Conflict with the registry's state"),
        (413, "Body too large"),
        (422, "Invalid content"),
        (426, "Counter must be updated"),
        (429, "Slow down"),
        (503, "Busy: retry"),
    )
}


def problem(
    status: int,
    code: str,
    message: str,
    details: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """An error answer."""
    body = to_wire(Problem(code=code, message=message, details=details or []))
    return JSONResponse(body, status_code=status, headers=headers)


class BoundedRequest(Request):
    """A request whose body is read at most up to a limit, gzip undone when announced."""

    limit = 8 * 1024 * 1024

    async def body(self) -> bytes:
        """The body, decompressed; raises TooLarge past the limit."""
        if not hasattr(self, "_body"):
            declared = self.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.limit:
                raise TooLarge(f"the body has {declared} bytes; at most {self.limit} are accepted")
            raw = bytearray()
            async for chunk in self.stream():
                raw += chunk
                if len(raw) > self.limit:
                    raise TooLarge(f"the body is larger than {self.limit} bytes")
            self._body = _inflate(bytes(raw), self.limit) if self._gzipped else bytes(raw)
        return self._body

    @property
    def _gzipped(self) -> bool:
        return "gzip" in self.headers.get("content-encoding", "").lower()


def _inflate(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        raise BadRequest(f"the gzip body is damaged: {err}") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise TooLarge(f"the body inflates to more than {limit} bytes")
    return out


class BoundedRoute(APIRoute):
    """Routes that read their body through `BoundedRequest`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Wrap the handler so that it sees a bounded request."""
        handler = super().get_route_handler()

        async def bounded(request: Request) -> Response:
            try:
                return await handler(BoundedRequest(request.scope, request.receive))
            except RegistryError as error:
                return registry_error(request, error)
            except HTTPException as error:
                # FastAPI turns whatever reading a JSON body raised (TooLarge, a damaged gzip
                # stream) into "400 There was an error parsing the body": answer the cause.
                if isinstance(error.__cause__, RegistryError):
                    return registry_error(request, error.__cause__)
                raise

        return bounded


def registry_error(_request: Request | None, error: Exception) -> Response:
    """Answer one of our errors."""
    assert isinstance(error, RegistryError)
    headers = {}
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return problem(error.status, error.code, str(error), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Turn every error into a Problem answer with the right status."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    for kind, handler in _HANDLERS.items():
        app.add_exception_handler(kind, handler)


def answer_error(error: Exception) -> Response | None:
    """The answer to an error raised by an endpoint or by reading its body, as the
    application's handlers give it; None for an error they leave to the server (a 500)."""
    for kind, handler in _HANDLERS.items():
        if isinstance(error, kind):
            return handler(None, error)
    return None


def validation_problem(errors: Sequence[Any], *, location: tuple[str, ...] = ()) -> JSONResponse:
    """The 422 answer to a request that does not match the schema (pydantic's errors)."""
    details = [
        f"{'.'.join(str(part) for part in (*location, *item.get('loc', ())))}: "
        f"{item.get('msg', '')}"
        for item in errors
    ]
    return problem(422, "invalid", "the request does not match the API's schema", details[:20])


def _validation(_request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    return validation_problem(error.errors())


def _http(_request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return problem(error.status_code, "http", str(error.detail), headers=dict(error.headers or {}))


def _integrity(_request: Request | None, error: Exception) -> Response:
    _log.info("concurrent write refused by the database: %s", type(error).__name__)
    return problem(
        409,
        "concurrent_write",
        "another request wrote the same record: retry",
        headers={"Retry-After": "1"},
    )


def _unstorable(_request: Request | None, error: Exception) -> Response:
    """A value the database refuses to store: a NUL character, too long, out of range."""
    assert isinstance(error, DataError)
    reason = str(error.orig).splitlines()[0] if error.orig is not None else type(error).__name__
    _log.info("a value the database cannot store was refused: %s", reason)
    return problem(
        422,
        "invalid",
        "a value in the request cannot be stored: too long, out of range or with a NUL character",
        [reason],
    )


def _busy(_request: Request | None, error: Exception) -> Response:
    _log.warning("database busy or unreachable: %s", type(error).__name__)
    return problem(
        503, "busy", "the registry's database is busy: retry shortly", headers={"Retry-After": "2"}
    )


_HANDLERS: dict[type[Exception], Callable[[Request | None, Exception], Response]] = {
    RegistryError: registry_error,
    IntegrityError: _integrity,
    OperationalError: _busy,
    DataError: _unstorable,
}
"""The registry's errors and the database's, and how each is answered."""
