"""The access matrix: every route of the registry × every role, against one declared table.

The routes come from the application itself (its route table and its OpenAPI document), so a
route added without a row here fails `test_every_route_has_a_row`. Each cell is one real request
to a registry process over HTTP (SQLite) with a body that passes the schema, so "allowed" is not
hidden by a 422: a cell is allowed when the answer is neither 401 nor 403 (a 404 or 409 from the
business rules means the credential was accepted), denied with 401 (no or wrong kind of
credential) or 403 (a wrong role or hall).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi import APIRouter
from starlette.routing import BaseRoute, Route

from clerk.wire import API_PREFIX, hall_space
from registry.api import create_app
from registry.db import create_registry_engine, migrate
from registry.settings import Settings
from tests.integration.sync.halls import Hall, shared_registry
from tests.integration.sync.harness import RegistryProcess

ROLES = ("anonymous", "device", "other_hall_device", "clerk", "supervisor", "admin")
OK, NO, FB = "allow", 401, 403
"""Allowed (neither 401 nor 403), refused for want of a credential, refused for role or hall."""
Expect = tuple[object, object, object, object, object, object]

PUBLIC: Expect = (OK, OK, OK, OK, OK, OK)
# Device routes authenticate a counter, kiosk or display by its token: a staff session is not a
# device credential at all, so it is "unknown" (401), as test_access.py holds too. A device of
# another hall is allowed: these routes act on the calling device's own hall only.
DEVICES: Expect = (NO, OK, OK, NO, NO, NO)
STAFF: Expect = (NO, NO, NO, OK, OK, OK)  # a device token is not a staff session: 401
SUPERVISORS: Expect = (NO, NO, NO, FB, OK, OK)
ADMINS: Expect = (NO, NO, NO, FB, FB, OK)
DEVICES_AND_STAFF: Expect = (NO, OK, OK, OK, OK, OK)  # statistics: each sees its own hall's


@dataclass(frozen=True, slots=True)
class Row:
    """How to call one route plausibly, and what each role must get."""

    expect: Expect
    request: Callable[[Hall], dict[str, Any]] = lambda _hall: {}
    path: Callable[[Hall], dict[str, str]] = lambda _hall: {}
    root: bool = False  # the path is outside /api/v1


def _scan() -> tuple[bytes, str]:
    data = b"a scanned page for the access matrix"
    return data, hashlib.sha256(data).hexdigest()


def _json(body: dict[str, Any]) -> Callable[[Hall], dict[str, Any]]:
    return lambda _hall: {"json": body}


_SHA = {"sha256": _scan()[1]}
_TICKET = {"ticket_id": "0192f0c0-0000-7000-8000-00000000abcd", "note": ""}
_CALL = {"request_id": "0192f0c0-0000-7000-8000-00000000abce", "staff_id": "C001"}
_PROFILE = {"services": ["BIZ"]}

TABLE: dict[tuple[str, str], Row] = {
    # -- public: anybody, with or without a credential --------------------------------------
    ("GET", "/health"): Row(PUBLIC),
    ("POST", "/enrol"): Row(
        PUBLIC, lambda h: {"json": {"code": h.registry.enrolment_code("W02", hall=h.code)}}
    ),
    ("POST", "/auth/login"): Row(
        PUBLIC, lambda h: {"json": {"staff_id": h.staff_id("C001"), "password": "clerk-pass-1"}}
    ),
    # The interactive documentation and the schema describe the API, nothing of its data.
    ("GET", "/openapi.json"): Row(PUBLIC),
    ("GET", "/docs"): Row(PUBLIC),
    ("GET", "/docs/oauth2-redirect"): Row(PUBLIC, root=True),
    # -- sync and scans: devices ----------------------------------------------------------
    ("POST", "/sync/push"): Row(DEVICES, _json({"ops": []})),
    # The space named is the hall's own: another hall's device is refused it (403).
    ("GET", "/sync/changes"): Row(
        (NO, OK, FB, NO, NO, NO), lambda h: {"params": {"space": hall_space(h.code)}}
    ),
    ("GET", "/sync/status"): Row(DEVICES),
    ("POST", "/blobs/missing"): Row(DEVICES, _json({"hashes": [_scan()[1]]})),
    ("GET", "/blobs/{sha256}"): Row(DEVICES, path=lambda _h: _SHA),
    ("PUT", "/blobs/{sha256}"): Row(
        DEVICES,
        lambda _h: {
            "params": {"size": len(_scan()[0])},
            "data": _scan()[0],
            "headers": {"Content-Type": "application/octet-stream"},
        },
        path=lambda _h: _SHA,
    ),
    # -- cases: staff of the hall ---------------------------------------------------------
    ("GET", "/cases/{case_id}"): Row(STAFF, path=lambda _h: {"case_id": "no-such-case"}),
    ("POST", "/cases/{case_id}/decisions"): Row(
        SUPERVISORS,
        _json({"action": "approve", "base_version": 1}),
        path=lambda _h: {"case_id": "no-such-case"},
    ),
    ("GET", "/cases/{case_id}/audit"): Row(
        SUPERVISORS, path=lambda _h: {"case_id": "no-such-case"}
    ),
    ("GET", "/attention"): Row(STAFF),
    ("GET", "/follow-ups"): Row(SUPERVISORS),
    # -- administration: admins of the hall -----------------------------------------------
    ("POST", "/admin/halls"): Row(
        ADMINS, lambda h: {"json": {"code": f"{h.code}N", "name": "新大厅"}}
    ),
    ("POST", "/admin/counters"): Row(ADMINS, lambda h: {"json": {"hall": h.code, "code": "W09"}}),
    ("POST", "/admin/counters/{hall}/{code}/enrolment-code"): Row(
        ADMINS, path=lambda h: {"hall": h.code, "code": "W03"}
    ),
    ("POST", "/admin/counters/{hall}/{code}/revoke"): Row(
        ADMINS, path=lambda h: {"hall": h.code, "code": "W03"}
    ),
    ("POST", "/admin/staff"): Row(
        ADMINS,
        lambda h: {
            "json": {
                "staff_id": f"{h.code}C009",
                "hall": h.code,
                "name": "新人",
                "role": "clerk",
                "password": "new-pass-1",
            }
        },
    ),
    ("POST", "/admin/catalogue"): Row(ADMINS, _json({"version": "refused"})),
    # -- the hall queue: devices; its configuration: supervisors and admins ----------------
    ("GET", "/queue/services"): Row(DEVICES),
    ("POST", "/queue/tickets"): Row(DEVICES, _json({"service": "BIZ"})),
    ("GET", "/queue/estimate"): Row(DEVICES, lambda _h: {"params": {"service": "BIZ"}}),
    ("POST", "/queue/call/next"): Row(DEVICES, _json(_CALL)),
    ("POST", "/queue/call/number"): Row(DEVICES, _json(dict(_CALL, number="A001", reason="asked"))),
    ("POST", "/queue/call/parked"): Row(
        DEVICES, _json(dict(_CALL, ticket_id=_TICKET["ticket_id"]))
    ),
    ("POST", "/queue/call/recall"): Row(
        DEVICES, _json(dict(_CALL, ticket_id=_TICKET["ticket_id"]))
    ),
    ("POST", "/queue/call/again"): Row(DEVICES, _json(dict(_CALL, ticket_id=_TICKET["ticket_id"]))),
    ("POST", "/queue/counter/start"): Row(DEVICES, _json(_TICKET)),
    ("POST", "/queue/counter/missed"): Row(DEVICES, _json(_TICKET)),
    ("POST", "/queue/counter/park"): Row(DEVICES, _json(_TICKET)),
    ("POST", "/queue/counter/left"): Row(DEVICES, _json(_TICKET)),
    ("POST", "/queue/counter/finish"): Row(
        DEVICES, _json({"ticket_id": _TICKET["ticket_id"], "outcome": "consultation"})
    ),
    ("POST", "/queue/counter/transfer"): Row(
        DEVICES, _json({"ticket_id": _TICKET["ticket_id"], "placement": "end", "to_service": "BIZ"})
    ),
    ("POST", "/queue/counter/pause"): Row(DEVICES, _json({"staff_id": "C001", "reason": "break"})),
    ("POST", "/queue/counter/resume"): Row(DEVICES, _json({"staff_id": "C001"})),
    ("GET", "/queue/counter"): Row(DEVICES),
    ("GET", "/queue/display"): Row(DEVICES, lambda _h: {"params": {"wait": 0}}),
    ("POST", "/queue/offline"): Row(DEVICES, _json({"tickets": [], "hand_served": []})),
    ("GET", "/queue/stats"): Row(
        DEVICES_AND_STAFF, lambda _h: {"params": {"start": "2026-03-02", "end": "2026-03-06"}}
    ),
    ("PUT", "/queue/admin/services"): Row(
        SUPERVISORS, _json({"services": [{"code": "BIZ", "prefix": "A", "name": "企业开办"}]})
    ),
    ("PUT", "/queue/admin/profiles/{counter}"): Row(
        SUPERVISORS, _json(_PROFILE), path=lambda _h: {"counter": "W01"}
    ),
    ("PUT", "/queue/admin/settings"): Row(
        SUPERVISORS, _json({"timezone": "Asia/Shanghai", "target_wait_seconds": 900})
    ),
}


def app_routes(tmp_path: Path) -> set[tuple[str, str]]:
    """Every (method, path) the application serves, from its route table.

    Paths under /api/v1 lose the prefix (as the table writes them); others are kept whole.
    """
    url = f"sqlite:///{tmp_path / 'routes.sqlite'}"
    engine = create_registry_engine(url)
    migrate(engine)
    app = create_app(Settings(database_url=url, environment="development"), engine)
    found = set()
    for route in _walk(app.routes):
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path.removeprefix(API_PREFIX)))
    engine.dispose()
    return found


def _walk(routes: Sequence[BaseRoute]) -> Iterator[Route]:
    """The routes, with those of included routers (FastAPI keeps those as one entry each)."""
    for route in routes:
        if isinstance(route, Route):
            yield route
        included = getattr(route, "original_router", None)
        if isinstance(included, APIRouter):
            yield from _walk(included.routes)


@pytest.fixture(scope="module", params=["sqlite"])
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """One registry process for the module."""
    yield from shared_registry(request, tmp_path_factory)


def test_every_route_has_a_row(live: RegistryProcess, tmp_path: Path) -> None:
    schema = requests.get(f"{live.url}{API_PREFIX}/openapi.json", timeout=10).json()
    documented = {
        (method.upper(), path.removeprefix(API_PREFIX))
        for path, operations in schema["paths"].items()
        for method in operations
    }
    served = app_routes(tmp_path)
    assert documented <= served
    assert sorted(served - TABLE.keys()) == [], "routes without a row in the access matrix"
    assert sorted(TABLE.keys() - served) == [], "rows for routes that do not exist"


def _credentials(hall: Hall, other: Hall) -> dict[str, str | None]:
    return {
        "anonymous": None,
        "device": hall.token("W01"),
        "other_hall_device": other.token("W01"),
        "clerk": hall.session("C001"),
        "supervisor": hall.session("S001"),
        "admin": hall.session("A001"),
    }


def _call(hall: Hall, row: Row, method: str, path: str, token: str | None) -> requests.Response:
    if not row.root:
        return hall.api.call(method, path, token=token, **row.request(hall))
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return hall.api.session.request(method, hall.registry.url + path, headers=headers, timeout=10)


def _verdict(status: int) -> object:
    return status if status in (401, 403) else OK


def test_every_route_gives_every_role_what_the_table_says(
    live: RegistryProcess, tmp_path: Path
) -> None:
    with (
        Hall.opened(live, tmp_path / "hall") as hall,
        Hall.opened(live, tmp_path / "other") as other,
    ):
        tokens = _credentials(hall, other)
        wrong = []
        for (method, template), row in TABLE.items():
            path = template.format(**row.path(hall))
            for role, expected in zip(ROLES, row.expect, strict=True):
                answer = _call(hall, row, method, path, tokens[role])
                if _verdict(answer.status_code) != expected:
                    wrong.append(
                        f"{method} {template} as {role}: expected {expected}, "
                        f"got {answer.status_code} {answer.text[:160]}"
                    )
                elif "does not match the API's schema" in answer.text:
                    # Refused by the schema before any check: the body here is not plausible.
                    wrong.append(f"{method} {template} as {role}: 422 {answer.text[:160]}")
    assert wrong == []
