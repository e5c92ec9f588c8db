"""The registry's HTTP API under /api/v1: a few lines per route over the service modules.

Who may call what: counters (device token) push, pull and upload scans; staff (session token)
read cases of their hall; supervisors decide and read audit trails; admins set the registry up.
The role is checked here, on every route, whatever the counter's screen shows.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clerk.catalog import CatalogueError, parse_catalogue
from clerk.staff import Role
from clerk.wire import (
    API_PREFIX,
    CLIENT_VERSION_HEADER,
    EPOCH_HEADER,
    GLOBAL_SPACE,
    MAX_BATCH_OPS,
    CaseState,
    ChangePage,
    Decision,
    Enrolment,
    EnrolRequest,
    HashList,
    LoginRequest,
    PushRequest,
    PushResponse,
    StaffSession,
    SyncStatus,
    UploadState,
    hall_space,
)
from registry import admin, blobs, cases, queue_offline
from registry.access_log import AccessLog
from registry.auth import (
    Device,
    StaffMember,
    authenticate_device,
    authenticate_staff,
    check_login,
    sign_session,
)
from registry.changes import read_page
from registry.db import server_epoch, stamp, transaction, utc_now
from registry.errors import (
    Forbidden,
    Invalid,
    RegistryError,
    TooLarge,
    Unauthorized,
    UpgradeRequired,
)
from registry.health import health_routes
from registry.http import (
    ERROR_RESPONSES,
    GZIP_LEVEL,
    GZIP_MINIMUM,
    BoundedRequest,
    BoundedRoute,
    install_error_handlers,
)
from registry.lean import LeanPath
from registry.push import apply_push, check_hashes
from registry.queue_api import queue_router
from registry.ratings_api import ratings_router
from registry.settings import Settings

_bearer = HTTPBearer(
    auto_error=False, description="a counter token (wcd_…) or a staff session (wcs.…)"
)
Credential = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
ClientVersion = Annotated[int, Header(alias=CLIENT_VERSION_HEADER, ge=1, le=1000)]
_EPOCH_TTL = 5.0


@dataclass(slots=True)
class Context:
    """What the routes share: settings, the engine, a short-lived copy of the epoch."""

    settings: Settings
    engine: Engine
    epoch: str = ""
    epoch_read_at: float = 0.0

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        """One transaction."""
        with transaction(self.engine) as connection:
            yield connection

    def current_epoch(self) -> str:
        """The epoch for response headers (re-read every few seconds)."""
        if time.monotonic() - self.epoch_read_at > _EPOCH_TTL:
            try:
                with self.engine.connect() as connection:
                    self.epoch = server_epoch(connection)
            except SQLAlchemyError:
                return self.epoch  # the answer says what failed; the last epoch known stays
            self.epoch_read_at = time.monotonic()
        return self.epoch


class EpochHeader:
    """Pure ASGI middleware naming the registry's epoch on every answer.

    Not `@app.middleware("http")`: Starlette's BaseHTTPMiddleware runs each request through
    an extra task and memory stream, about a third of the HTTP stack's cost per request.
    """

    def __init__(self, app: ASGIApp, *, context: Context) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the header to the answer's start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_epoch(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers[EPOCH_HEADER] = self.context.current_epoch()
            await send(message)

        await self.app(scope, receive, send_with_epoch)


def _token(credential: HTTPAuthorizationCredentials | None) -> str:
    if credential is None or not credential.credentials:
        raise Unauthorized("this request needs a credential (Authorization: Bearer …)")
    return credential.credentials


def create_app(settings: Settings, engine: Engine) -> FastAPI:
    """The registry's application (the database must already be migrated)."""
    BoundedRequest.limit = settings.max_body_bytes
    context = Context(settings, engine)
    app = FastAPI(
        title="Window Clerk registry",
        version="1",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM, compresslevel=GZIP_LEVEL)
    install_error_handlers(app)

    app.add_middleware(EpochHeader, context=context)

    router = APIRouter(prefix=API_PREFIX, route_class=BoundedRoute, responses=ERROR_RESPONSES)
    _public_routes(router, context)
    _device_routes(router, context)
    _staff_routes(router, context)
    _admin_routes(router, context)
    app.include_router(router)
    lean = LeanPath()
    queue = queue_router(settings, engine, lean)
    lean.bind(queue.routes)
    app.include_router(queue)
    app.include_router(ratings_router(settings, engine))
    app.include_router(queue_offline.offline_router(engine))
    if settings.lean_queue:
        app.add_middleware(lean.middleware, epoch=context.current_epoch)  # the busiest routes
    app.add_middleware(AccessLog)  # outermost: every answer, errors included, logged once
    return app


def _public_routes(router: APIRouter, ctx: Context) -> None:
    health_routes(router, ctx.engine)

    @router.post("/enrol", tags=["public"])
    def enrol(request: EnrolRequest) -> Enrolment:
        with ctx.tx() as connection:
            return admin.enrol(connection, code=request.code, now=utc_now())

    @router.post("/auth/login", tags=["public"])
    def login(request: LoginRequest) -> StaffSession:
        now = utc_now()
        failure: Exception | None = None
        with ctx.tx() as connection:  # a failure is counted even though the login is refused
            try:
                member = check_login(
                    connection, staff_id=request.staff_id, password=request.password, now=now
                )
            except RegistryError as error:
                failure = error
        if failure is not None:
            raise failure
        expires = now + timedelta(hours=ctx.settings.session_hours)
        token = sign_session(member, secret=ctx.settings.signing_secret, expires=expires)
        return StaffSession(
            token, member.staff_id, member.name, member.role, member.hall, stamp(expires)
        )


def _device(
    ctx: Context, connection: Connection, credential: HTTPAuthorizationCredentials | None
) -> Device:
    return authenticate_device(connection, _token(credential))


def _device_routes(router: APIRouter, ctx: Context) -> None:
    @router.post("/sync/push", tags=["sync"])
    def push(
        request: PushRequest, credential: Credential, client_version: ClientVersion = 1
    ) -> PushResponse:
        if client_version < ctx.settings.min_client_version:
            raise UpgradeRequired(
                f"this counter speaks protocol {client_version}; the registry needs "
                f"{ctx.settings.min_client_version}: update Window Clerk (your work is kept)"
            )
        if len(request.ops) > MAX_BATCH_OPS:
            raise TooLarge(f"at most {MAX_BATCH_OPS} operations per push")
        check_hashes(request.ops)
        with ctx.tx() as connection:
            device = _device(ctx, connection, credential)
            results = apply_push(connection, device, request.ops, now=utc_now())
            return PushResponse(server_epoch(connection), results)

    @router.get("/sync/changes", tags=["sync"])
    def changes(
        credential: Credential,
        space: Annotated[str, Query(max_length=32)],
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> ChangePage:
        with ctx.tx() as connection:
            device = _device(ctx, connection, credential)
            if space not in (GLOBAL_SPACE, hall_space(device.hall)):
                raise Forbidden(f"counter of hall {device.hall} cannot read space {space!r}")
            return read_page(
                connection, space=space, after=after, limit=limit, epoch=server_epoch(connection)
            )

    @router.get("/sync/status", tags=["sync"])
    def status(credential: Credential) -> SyncStatus:
        with ctx.tx() as connection:
            device = _device(ctx, connection, credential)
            return SyncStatus(
                epoch=server_epoch(connection),
                device_id=device.device_id,
                hall=device.hall,
                counter=device.counter,
                device_epoch=device.epoch,
                last_client_seq=cases.last_client_seq(connection, device.device_id),
                server_time=stamp(utc_now()),
            )

    @router.post("/blobs/missing", tags=["blobs"])
    def missing(request: HashList, credential: Credential) -> HashList:
        with ctx.tx() as connection:
            _device(ctx, connection, credential)
            return HashList(blobs.missing(connection, request.hashes))

    @router.get("/blobs/{sha256}", tags=["blobs"])
    def upload_state(sha256: str, credential: Credential) -> UploadState:
        with ctx.tx() as connection:
            _device(ctx, connection, credential)
            return blobs.state(connection, sha256)

    @router.put("/blobs/{sha256}", tags=["blobs"], openapi_extra=_binary_body())
    async def upload(
        sha256: str,
        request: Request,
        credential: Credential,
        size: Annotated[int, Query(ge=1, le=blobs.MAX_BLOB_BYTES)],
        offset: Annotated[int, Query(ge=0, le=blobs.MAX_BLOB_BYTES)] = 0,
    ) -> UploadState:
        data = await request.body()
        chunk = {"sha256": sha256, "size": size, "offset": offset, "data": data}
        return await run_in_threadpool(_put_chunk, ctx, credential, **chunk)


def _put_chunk(
    ctx: Context, credential: HTTPAuthorizationCredentials | None, **chunk: Any
) -> UploadState:
    with ctx.tx() as connection:  # the reset after a hash mismatch is committed, then answered
        _device(ctx, connection, credential)
        try:
            return blobs.put_chunk(connection, now=utc_now(), **chunk)
        except blobs.HashMismatch as error:
            mismatch = error
    raise mismatch


def _binary_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    }


def _staff(
    ctx: Context,
    connection: Connection,
    credential: HTTPAuthorizationCredentials | None,
    *roles: Role,
) -> StaffMember:
    member = authenticate_staff(
        connection, _token(credential), secret=ctx.settings.signing_secret, now=utc_now()
    )
    if roles and member.role not in roles:
        needed = "/".join(role.value for role in roles)
        raise Forbidden(f"{member.role.value} {member.staff_id} may not do this; it needs {needed}")
    return member


@dataclass(frozen=True, slots=True)
class AuditTrail:
    """A case's audit entries and what verification found."""

    entries: list[dict[str, Any]]
    problems: list[str]
    intact: bool


@dataclass(frozen=True, slots=True)
class Attention:
    """Rejected operations of a hall's counters."""

    items: list[dict[str, Any]]


def _staff_routes(router: APIRouter, ctx: Context) -> None:
    supervisors = (Role.SUPERVISOR, Role.ADMIN)

    @router.get("/cases/{case_id}", tags=["cases"])
    def get_case(case_id: str, credential: Credential) -> CaseState:
        with ctx.tx() as connection:
            member = _staff(ctx, connection, credential)
            return cases.get_case(connection, case_id, hall=member.hall)

    @router.post("/cases/{case_id}/decisions", tags=["cases"])
    def decide(case_id: str, decision: Decision, credential: Credential) -> CaseState:
        with ctx.tx() as connection:
            member = _staff(ctx, connection, credential, *supervisors)
            return cases.decide(connection, case_id, decision, member=member, now=utc_now())

    @router.get("/cases/{case_id}/audit", tags=["cases"])
    def audit(case_id: str, credential: Credential) -> AuditTrail:
        from clerk.audit import entry_to_json  # noqa: PLC0415

        with ctx.tx() as connection:
            member = _staff(ctx, connection, credential, *supervisors)
            cases.get_case(connection, case_id, hall=member.hall)
            entries, problems = cases.audit_trail(connection, case_id)
            return AuditTrail([entry_to_json(e) for e in entries], problems, not problems)

    @router.get("/attention", tags=["cases"])
    def attention(credential: Credential) -> Attention:
        with ctx.tx() as connection:
            member = _staff(ctx, connection, credential)
            return Attention(cases.needs_attention(connection, member.hall))


@dataclass(frozen=True, slots=True)
class NewHall:
    """A hall to create."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class NewCounter:
    """A counter to create in a hall."""

    hall: str
    code: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class NewStaff:
    """A staff member to create."""

    staff_id: str
    hall: str
    name: str
    role: Role
    password: str


@dataclass(frozen=True, slots=True)
class Done:
    """An admin action's outcome (with a one-time secret when it made one)."""

    ok: bool
    secret: str = ""


def _admin_routes(router: APIRouter, ctx: Context) -> None:
    def as_admin(
        connection: Connection, credential: HTTPAuthorizationCredentials | None
    ) -> StaffMember:
        return _staff(ctx, connection, credential, Role.ADMIN)

    @router.post("/admin/halls", tags=["admin"])
    def new_hall(hall: NewHall, credential: Credential) -> Done:
        with ctx.tx() as connection:
            as_admin(connection, credential)
            admin.create_hall(connection, code=hall.code, name=hall.name, now=utc_now())
            return Done(ok=True)

    @router.post("/admin/counters", tags=["admin"])
    def new_counter(counter: NewCounter, credential: Credential) -> Done:
        with ctx.tx() as connection:
            cases.require_hall(as_admin(connection, credential), counter.hall)
            admin.create_counter(
                connection, hall=counter.hall, code=counter.code, name=counter.name
            )
            return Done(ok=True)

    @router.post("/admin/counters/{hall}/{code}/enrolment-code", tags=["admin"])
    def new_code(hall: str, code: str, credential: Credential) -> Done:
        with ctx.tx() as connection:
            cases.require_hall(as_admin(connection, credential), hall)
            secret = admin.enrolment_code(
                connection, hall=hall, code=code, now=utc_now(), hours=ctx.settings.enrolment_hours
            )
            return Done(ok=True, secret=secret)

    @router.post("/admin/counters/{hall}/{code}/revoke", tags=["admin"])
    def revoke(hall: str, code: str, credential: Credential) -> Done:
        with ctx.tx() as connection:
            cases.require_hall(as_admin(connection, credential), hall)
            admin.revoke_counter(connection, hall=hall, code=code, now=utc_now())
            return Done(ok=True)

    @router.post("/admin/staff", tags=["admin"])
    def new_staff(staff: NewStaff, credential: Credential) -> Done:
        with ctx.tx() as connection:
            cases.require_hall(as_admin(connection, credential), staff.hall)
            admin.create_staff(
                connection,
                staff_id=staff.staff_id,
                hall=staff.hall,
                name=staff.name,
                role=staff.role,
                password=staff.password,
                now=utc_now(),
            )
            return Done(ok=True)

    @router.post("/admin/catalogue", tags=["admin"])
    def catalogue(body: dict[str, Any], credential: Credential) -> Done:
        with ctx.tx() as connection:
            as_admin(connection, credential)
            try:
                parsed = parse_catalogue(body)
            except CatalogueError as error:
                first = error.problems[0]
                raise Invalid(
                    f"the catalogue is refused: {len(error.problems)} problem(s); "
                    f"first: {first.path}: {first.reason}"
                ) from None
            return Done(ok=admin.import_catalogue(connection, parsed, now=utc_now()))
