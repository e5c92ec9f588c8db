"""Running the registry: one process or several, and the counter's embedded default.

`serve` migrates the database, then serves with uvicorn. Several processes may serve one
PostgreSQL database (nothing is kept in memory between requests but a few seconds' copy of the
epoch). `embedded` is what a counter starts when nobody configured a registry: SQLite in the
counter's data folder, the demo hall set up, on a free loopback port written to a file.
The demo hall has a queue (four services, a work profile per counter, a clerk at W01 and
W02) and a ticket kiosk K01 and a hall display D01, which start the same way (`--kiosk`,
`--display`) and take a fresh enrolment code at every start: a screen keeps no data, so
enrolling it again loses nothing.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Connection, Engine, select

from clerk import logsetup
from clerk.catalog import DEMO_CATALOGUE, load_catalogue
from clerk.queue.wire import ProfileSpec, ServiceSpec
from clerk.staff import Role
from registry import admin, queue_config
from registry.api import create_app
from registry.db import create_registry_engine, migrate, transaction, utc_now
from registry.schema import COUNTERS, HALLS
from registry.settings import ENV_PREFIX, Settings, from_environment

_log = logging.getLogger(__name__)

GRACEFUL_STOP_SECONDS = 10
"""How long a stopping registry lets requests in flight finish before it ends them."""
DEMO_HALL = "DEMO"
DEMO_COUNTERS = ("W01", "W02", "W03", "W04")
DEMO_STAFF = (
    ("C001", "王芳", Role.CLERK, "clerk-demo-1"),
    ("C002", "李强", Role.CLERK, "clerk-demo-2"),
    ("S001", "张敏", Role.SUPERVISOR, "supervisor-demo"),
    ("A001", "系统管理员", Role.ADMIN, "admin-demo-pass"),
)
"""The demo hall's staff and passwords (documented in the README; demo data only)."""
DEMO_SERVICES = (
    ServiceSpec("BIZ", "A", "企业开办"),
    ServiceSpec("SOC", "B", "社保医保"),
    ServiceSpec("EST", "C", "不动产登记"),
    ServiceSpec("INFO", "D", "综合咨询"),
)
DEMO_PROFILES = {
    "W01": ("BIZ", "INFO"),
    "W02": ("BIZ", "SOC"),
    "W03": ("SOC", "EST"),
    "W04": ("EST", "INFO"),
}
"""The services each demo counter calls (every service has two counters)."""
DEMO_DESK_STAFF = {"W01": "C001", "W02": "C002"}
"""The clerk last seen at a demo counter (the queue calls in a clerk's name)."""
DEMO_KIOSK, DEMO_DISPLAY = "K01", "D01"
DEMO_SCREENS = {DEMO_KIOSK: "自助取号机", DEMO_DISPLAY: "大厅叫号屏"}
"""The demo hall's ticket kiosk and hall display (devices like counters, without a desk)."""


def app_from_environment() -> FastAPI:
    """The application for uvicorn's factory mode (several worker processes)."""
    logsetup.configure(logsetup.level_named(os.environ.get(f"{ENV_PREFIX}LOG_LEVEL")))
    settings = from_environment()
    engine = create_registry_engine(settings.database_url)
    migrate(engine)
    app = create_app(settings, engine)
    warm_up(app)
    settle_garbage_collector()
    return app


WARM_UP_PATH = "/api/v1/__warm_up__"
"""The path of the request routed in-process before serving (no route has it: a 404)."""


def warm_up(app: FastAPI) -> None:
    """Route one request through the application's routers before serving.

    FastAPI builds a router's routes (their pydantic schemas) on the first request routed into
    it: about 0.2 s for the registry, and some 12,000 objects of garbage that a collection then
    walked in one pause of 40–60 ms under the queue bench. Done here, before
    `settle_garbage_collector`, the first clerk does not wait for it and the garbage is gone
    before the freeze. The request goes to the routers only (no access log record) and runs on
    a thread of its own: uvicorn's worker calls the application's factory inside its event loop.
    """
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": WARM_UP_PATH,
        "raw_path": WARM_UP_PATH.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: Any) -> None:
        return None

    routed = threading.Thread(target=asyncio.run, args=(app.router(scope, receive, send),))
    routed.start()
    routed.join()


def settle_garbage_collector() -> None:
    """Keep the collector off what lives as long as the process, and let it run less often.

    What the imports and the application built (routes, models, SQLAlchemy's tables and
    compiled statements) lives until the end: frozen, the collector stops walking it again and
    again, and with a larger first threshold it runs a few times a second instead of after
    every 700 allocations. Sampled with py-spy under the queue bench, collections were about a
    fifth of the registry's busy time.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


KEEP_ALIVE_SECONDS = 30
"""How long an idle client's connection is kept open (uvicorn's default is 5 s)."""
GC_THRESHOLD = 50_000
"""Allocations (net of frees) between young collections; Python's default is 700."""


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket (port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that name their protocol, and
    # without it every answer on a kept-alive connection waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


@dataclass(frozen=True, slots=True)
class TlsFiles:
    """The certificate chain and private key (PEM) the registry serves HTTPS with."""

    cert: Path
    key: Path


def serve(
    settings: Settings,
    *,
    host: str,
    port: int,
    port_file: Path | None = None,
    workers: int = 1,
    tls: TlsFiles | None = None,
) -> None:
    """Migrate, then serve until interrupted; writes the bound port to `port_file` if given.

    With `tls` the registry serves HTTPS only (plain HTTP on that port is refused).
    """
    cert, key = (str(tls.cert), str(tls.key)) if tls is not None else (None, None)
    engine = create_registry_engine(settings.database_url)
    migrate(engine)
    # The same in both modes. A connection accepted just as a stop begins escapes uvicorn's
    # shutdown and can stay open as long as a counter keeps using it: bound the graceful stop,
    # or it may never end. Counters call every few seconds to minutes: keep their connections.
    options: dict[str, Any] = {
        "access_log": False,
        "log_level": "warning",
        "log_config": None,  # uvicorn's records go through our format
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "timeout_graceful_shutdown": GRACEFUL_STOP_SECONDS,
        "ssl_certfile": cert,
        "ssl_keyfile": key,
    }
    if workers > 1:
        os.environ["WINDOW_CLERK_REGISTRY_DATABASE_URL"] = settings.database_url
        uvicorn.run(
            "registry.server:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            **options,
        )
        return
    sock = listening_socket(host, port)
    if port_file is not None:
        _write_private(port_file, str(sock.getsockname()[1]))
    app = create_app(settings, engine)
    config = uvicorn.Config(app, **options)
    warm_up(app)
    settle_garbage_collector()
    scheme = "https" if tls is not None else "http"
    _log.info("registry serving on %s://%s:%d", scheme, host, sock.getsockname()[1])
    uvicorn.Server(config).run(sockets=[sock])


@dataclass(frozen=True, slots=True)
class EmbeddedSetup:
    """Where the embedded registry keeps its files."""

    folder: Path

    @property
    def database_url(self) -> str:
        """SQLite in the folder."""
        return f"sqlite:///{self.folder / 'registry.sqlite'}"

    def enrolment_file(self, counter: str) -> Path:
        """Where a fresh one-time code for `counter` is left for the counter to pick up."""
        return self.folder / f"enrolment-{counter}.txt"

    def secret(self) -> str:
        """This registry's signing secret (made once, kept private in the folder)."""
        path = self.folder / "secret"
        if not path.exists():
            _write_private(path, secrets.token_urlsafe(48))
        return path.read_text().strip()


def prepare_embedded(setup: EmbeddedSetup, *, counter: str = "W01") -> Settings:
    """Set up the demo hall (once) and leave an enrolment code for `counter` if it needs one."""
    setup.folder.mkdir(parents=True, exist_ok=True)
    settings = Settings(database_url=setup.database_url, secret=setup.secret())
    engine = create_registry_engine(settings.database_url)
    migrate(engine)
    _demo_hall(engine)
    with transaction(engine) as connection:
        _demo_queue(connection)
        enrolled = connection.execute(
            select(COUNTERS.c.token_hash).where(
                COUNTERS.c.hall == DEMO_HALL, COUNTERS.c.code == counter
            )
        ).scalar()
        if enrolled is None or counter in DEMO_SCREENS:
            code = admin.enrolment_code(
                connection, hall=DEMO_HALL, code=counter, now=utc_now(), hours=24
            )
            _write_private(setup.enrolment_file(counter), code)
    engine.dispose()
    return settings


def _demo_hall(engine: Engine) -> None:
    now = utc_now()
    with transaction(engine) as connection:
        admin.import_catalogue(connection, load_catalogue(DEMO_CATALOGUE), now=now)
        if connection.execute(select(HALLS.c.code).where(HALLS.c.code == DEMO_HALL)).first():
            return
        admin.create_hall(connection, code=DEMO_HALL, name="演示政务服务大厅", now=now)
        for code in DEMO_COUNTERS:
            admin.create_counter(connection, hall=DEMO_HALL, code=code, name=f"{code[1:]}号窗口")
        for staff_id, name, role, password in DEMO_STAFF:
            admin.create_staff(
                connection,
                staff_id=staff_id,
                hall=DEMO_HALL,
                name=name,
                role=role,
                password=password,
                now=now,
            )
    _log.info("embedded registry: demo hall %s set up", DEMO_HALL)


def _demo_queue(connection: Connection) -> None:
    """Give the demo hall its kiosk and display, and a queue unless it has one already.

    Runs at every start, so a demo hall set up before the queue existed gets it too; a queue
    an administrator changed is left as it is.
    """
    existing = select(COUNTERS.c.code).where(COUNTERS.c.hall == DEMO_HALL)
    codes = set(connection.execute(existing).scalars())
    for code, name in DEMO_SCREENS.items():
        if code not in codes:
            admin.create_counter(connection, hall=DEMO_HALL, code=code, name=name)
    if queue_config.list_services(connection, DEMO_HALL):
        return
    queue_config.put_services(connection, DEMO_HALL, list(DEMO_SERVICES))
    for counter, services in DEMO_PROFILES.items():
        spec = ProfileSpec(services=list(services))
        queue_config.set_profile(connection, hall=DEMO_HALL, counter=counter, spec=spec)
    now = utc_now()
    for counter, staff in DEMO_DESK_STAFF.items():
        desk = queue_config.read_desk(connection, hall=DEMO_HALL, counter=counter)
        queue_config.update_desk(connection, desk, now=now, staff=staff)
    _log.info("embedded registry: demo hall %s has its queue", DEMO_HALL)


def _write_private(path: Path, text: str) -> None:
    """Write a small secret file readable by this user only, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
