"""`GET /api/v1/health`: whether this registry process can serve, for monitors and counters.

Open to anybody, so it says only what is not secret: the status, the registry's version, whether
the database answered a trivial query within a short time, which kind of database it is (never its
address), the schema version, the epoch (sent with every answer anyway) and how long ago the epoch
was set — a young epoch nobody expected means somebody restored the registry. 200 when healthy,
503 when the database is unreachable or too slow, so a load balancer or a service monitor takes
the process out of rotation.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import logging
from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from clerk.wire import to_wire
from registry.db import EPOCH_SET_AT, is_postgres, utc_now
from registry.errors import RegistryError

_log = logging.getLogger(__name__)

PROBE_SECONDS = 3.0
"""How long the database may take to answer the health probe before the registry says 503."""
_STATEMENT_TIMEOUT_MS = int(PROBE_SECONDS * 1000)


def registry_version() -> str:
    """The installed Window Clerk version ("unknown" when run from an uninstalled tree)."""
    try:
        return importlib.metadata.version("window-clerk")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True, slots=True)
class Health:
    """What the health endpoint says: nothing personal, nothing secret.

    Attributes:
        status: "ok", or "unavailable" when the database did not answer.
        version: the registry's version.
        database: "reachable" or "unreachable".
        backend: "sqlite" or "postgresql" (the kind of database, not its address).
        schema_version: the database's schema version, i.e. the migrations applied (0 when
            unreachable).
        epoch: the registry's epoch ("" when unreachable).
        epoch_age_seconds: whole seconds since the epoch was set (None when unreachable or
            when the database predates the record of it).
    """

    status: str
    version: str
    database: str
    backend: str
    schema_version: int
    epoch: str
    epoch_age_seconds: int | None


@dataclass(frozen=True, slots=True)
class _Probe:
    schema_version: int
    epoch: str
    epoch_age_seconds: int | None


def _probe(engine: Engine) -> _Probe:
    """The schema version, the epoch and its age, read with a trivial query."""
    with engine.connect() as connection:
        if is_postgres(connection):
            connection.execute(text(f"SET statement_timeout = {_STATEMENT_TIMEOUT_MS}"))
        rows = connection.execute(
            text("SELECT key, value FROM meta WHERE key IN ('schema_version', 'epoch', :set_at)"),
            {"set_at": EPOCH_SET_AT},
        ).all()
        connection.rollback()
    values = {str(row[0]): str(row[1]) for row in rows}
    set_at = values.get(EPOCH_SET_AT)
    age = None if set_at is None else (utc_now() - datetime.fromisoformat(set_at)).total_seconds()
    return _Probe(
        schema_version=int(values.get("schema_version", "0")),
        epoch=values.get("epoch", ""),
        epoch_age_seconds=None if age is None else max(0, int(age)),
    )


async def check(engine: Engine) -> Health:
    """Probe the database within `PROBE_SECONDS`; never raises."""
    backend = engine.dialect.name
    try:
        probe = await asyncio.wait_for(run_in_threadpool(_probe, engine), timeout=PROBE_SECONDS)
    except (SQLAlchemyError, RegistryError, OSError, TimeoutError, ValueError) as error:
        _log.warning("health probe: the database did not answer (%s)", type(error).__name__)
        return Health("unavailable", registry_version(), "unreachable", backend, 0, "", None)
    return Health(
        status="ok",
        version=registry_version(),
        database="reachable",
        backend=backend,
        schema_version=probe.schema_version,
        epoch=probe.epoch,
        epoch_age_seconds=probe.epoch_age_seconds,
    )


def health_routes(router: APIRouter, engine: Engine) -> None:
    """Add the health route to the registry's router."""

    @router.get(
        "/health",
        tags=["public"],
        response_model=Health,
        responses={503: {"model": Health, "description": "The database is unreachable"}},
    )
    async def health() -> Response:
        report = await check(engine)
        return JSONResponse(to_wire(report), status_code=200 if report.status == "ok" else 503)
