"""`GET /api/v1/health`: whether this registry process can serve, for monitors and counters.

Open to anybody, so it says only what is not secret: the status, the registry's version, whether
the database answered a trivial query within a short time, the schema version and the epoch (the
epoch is sent with every answer anyway). 200 when healthy, 503 when the database is unreachable
or too slow, so a load balancer or a service monitor takes the process out of rotation.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import logging
from dataclasses import dataclass

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from clerk.wire import to_wire
from registry.db import is_postgres
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
        schema_version: the database's schema version (0 when unreachable).
        epoch: the registry's epoch ("" when unreachable).
    """

    status: str
    version: str
    database: str
    schema_version: int
    epoch: str


def _probe(engine: Engine) -> tuple[int, str]:
    """The schema version and epoch, read with a trivial query."""
    with engine.connect() as connection:
        if is_postgres(connection):
            connection.execute(text(f"SET statement_timeout = {_STATEMENT_TIMEOUT_MS}"))
        rows = connection.execute(
            text("SELECT key, value FROM meta WHERE key IN ('schema_version', 'epoch')")
        ).all()
        connection.rollback()
    values = {str(row[0]): str(row[1]) for row in rows}
    return int(values.get("schema_version", "0")), values.get("epoch", "")


async def check(engine: Engine) -> Health:
    """Probe the database within `PROBE_SECONDS`; never raises."""
    try:
        schema, epoch = await asyncio.wait_for(
            run_in_threadpool(_probe, engine), timeout=PROBE_SECONDS
        )
    except (SQLAlchemyError, RegistryError, OSError, TimeoutError, ValueError) as error:
        _log.warning("health probe: the database did not answer (%s)", type(error).__name__)
        return Health("unavailable", registry_version(), "unreachable", 0, "")
    return Health("ok", registry_version(), "reachable", schema, epoch)


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
