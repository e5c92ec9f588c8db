"""Identity and access at the registry, over real HTTP (SQLite and PostgreSQL).

Every device and staff endpoint refuses a missing, wrong, revoked or expired credential with 401
and a Problem body; a re-enrolled counter gets a new epoch and its old token dies; enrolment
codes work once and expire; halls cannot see each other; the roles are enforced by the registry
(a clerk cannot decide, read audit trails or administer; a supervisor cannot administer);
repeated failed logins are slowed down; a deactivated member's session stops at once; and the
registry refuses to run with a missing, default or short secret outside development.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from clerk.staff import Role
from registry import admin
from registry.auth import FREE_FAILURES, StaffMember, sign_session
from registry.db import stamp, utc_now
from registry.errors import ConfigurationError
from registry.schema import BLOBS, CASES, HALLS, STAFF
from registry.settings import DEVELOPMENT_SECRET, ENV_PREFIX, from_environment
from sync.enrol import enrol
from tests.integration.sync.halls import BACKENDS, Hall, assert_problem, shared_registry
from tests.integration.sync.harness import ROOT, SECRET, RegistryProcess
from tests.integration.sync.harness import STAFF as PASSWORDS

Call = tuple[str, str, dict[str, Any]]


def scan_of(hall: str) -> tuple[bytes, str]:
    """A scan of the hall's own and its hash (blobs are shared by hash between halls)."""
    scan = f"a scanned page of hall {hall}".encode()
    return scan, hashlib.sha256(scan).hexdigest()


def device_calls(hall: str) -> list[Call]:
    """One call of every device endpoint."""
    scan, digest = scan_of(hall)
    upload = {"size": len(scan)}
    octets = {"Content-Type": "application/octet-stream"}
    return [
        ("POST", "/sync/push", {"json": {"ops": []}}),
        ("GET", "/sync/changes", {"params": {"space": "global"}}),
        ("GET", "/sync/status", {}),
        ("POST", "/blobs/missing", {"json": {"hashes": [digest]}}),
        ("GET", f"/blobs/{digest}", {}),
        ("PUT", f"/blobs/{digest}", {"params": upload, "data": scan, "headers": octets}),
    ]


SUPERVISOR_CALLS: list[Call] = [
    ("POST", "/cases/no-such-case/decisions", {"json": {"action": "approve", "base_version": 1}}),
    ("GET", "/cases/no-such-case/audit", {}),
]


def admin_calls(hall: str) -> list[Call]:
    """One call of every admin endpoint, each one that an admin may make."""
    staff = {"staff_id": f"{hall}C009", "hall": hall, "name": "新人", "role": "clerk"}
    return [
        ("POST", "/admin/halls", {"json": {"code": f"{hall}N", "name": "新大厅"}}),
        ("POST", "/admin/counters", {"json": {"hall": hall, "code": "W09"}}),
        ("POST", f"/admin/counters/{hall}/W03/enrolment-code", {}),
        ("POST", f"/admin/counters/{hall}/W03/revoke", {}),
        ("POST", "/admin/staff", {"json": dict(staff, password="new-pass-1")}),
        ("POST", "/admin/catalogue", {"json": {"version": "refused"}}),
    ]


def staff_calls(hall: str) -> list[Call]:
    """One call of every staff endpoint."""
    reads: list[Call] = [("GET", "/cases/no-such-case", {}), ("GET", "/attention", {})]
    return reads + SUPERVISOR_CALLS + admin_calls(hall)


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """One registry for the module's tests, on each backend."""
    yield from shared_registry(request, tmp_path_factory)


@pytest.fixture
def hall(live: RegistryProcess, tmp_path: Path) -> Iterator[Hall]:
    """A fresh hall of the shared registry."""
    with Hall.opened(live, tmp_path) as opened:
        yield opened


@pytest.fixture
def other_hall(live: RegistryProcess, tmp_path: Path) -> Iterator[Hall]:
    """A second fresh hall."""
    with Hall.opened(live, tmp_path / "other") as opened:
        yield opened


def answers(
    hall: Hall, calls: list[Call], token: str | None, **headers: str
) -> dict[str, requests.Response]:
    """The answer to each call made with `token` (or none), by "METHOD path"."""
    made = {}
    for method, path, kwargs in calls:
        options = dict(kwargs, headers={**kwargs.get("headers", {}), **headers})
        made[f"{method} {path}"] = hall.api.call(method, path, token=token, **options)
    return made


def not_refused_with(made: dict[str, requests.Response], status: int) -> list[str]:
    """The calls that were not refused with `status` and a Problem body (empty: all were)."""
    wrong = []
    for call, response in made.items():
        body = response.json() if response.content else None
        problem = isinstance(body, dict) and bool(body.get("code")) and bool(body.get("message"))
        if response.status_code != status or not problem:
            wrong.append(f"{call}: {response.status_code} {response.text[:200]}")
    return wrong


def refused_access(made: dict[str, requests.Response]) -> list[str]:
    """The calls refused for want of a credential or a role (empty: none was)."""
    return [
        f"{call}: {response.status_code} {response.text[:200]}"
        for call, response in made.items()
        if response.status_code in (401, 403)
    ]


def session_of(hall: Hall, member: str, *, secret: str, expires_in: timedelta) -> str:
    """A staff session signed with `secret` (the registry's own, or another)."""
    name, role, _ = PASSWORDS[member]
    person = StaffMember(hall.staff_id(member), name, role, hall.code)
    return sign_session(person, secret=secret, expires=utc_now() + expires_in)


# -- credentials ----------------------------------------------------------------------------


def test_every_device_endpoint_refuses_a_missing_or_wrong_credential(hall: Hall) -> None:
    wrong = {
        "no credential": (None, {}),
        "empty bearer": ("", {}),
        "unknown counter token": ("wcd_" + "A" * 43, {}),
        "not a token": ("let me in", {}),
        "a staff session": (hall.session("A001"), {}),
        "another scheme": (None, {"Authorization": "Basic Y291bnRlcjpwYXNz"}),
    }
    found = {
        kind: not_refused_with(answers(hall, device_calls(hall.code), token, **headers), 401)
        for kind, (token, headers) in wrong.items()
    }
    assert found == {kind: [] for kind in wrong}
    _, digest = scan_of(hall.code)
    with hall.registry.db() as connection:  # no upload began
        assert connection.scalar(select(BLOBS.c.size).where(BLOBS.c.sha256 == digest)) is None
    assert refused_access(answers(hall, device_calls(hall.code), hall.token("W01"))) == []


def test_every_staff_endpoint_refuses_a_missing_or_wrong_credential(hall: Hall) -> None:
    signed_elsewhere = session_of(hall, "A001", secret="s" * 48, expires_in=timedelta(hours=1))
    wrong = {
        "no credential": None,
        "unknown session": "wcs.eyJzaWQiOiJ4In0." + "0" * 64,
        "signed with another secret": signed_elsewhere,
        "a counter token": hall.token("W01"),
        "not a token": "let me in",
    }
    calls = staff_calls(hall.code)
    found = {
        kind: not_refused_with(answers(hall, calls, token), 401) for kind, token in wrong.items()
    }
    assert found == {kind: [] for kind in wrong}
    assert refused_access(answers(hall, calls, hall.session("A001"))) == []


def test_a_revoked_counter_is_refused_at_once_even_with_its_old_token(hall: Hall) -> None:
    tokens = {code: hall.token(code) for code in ("W01", "W02", "W03")}
    for token in tokens.values():
        assert refused_access(answers(hall, device_calls(hall.code), token)) == []
    command = [sys.executable, "-m", "registry", "admin", "revoke-counter", hall.code, "W01"]
    command += ["--database-url", hall.registry.database_url]
    revoked = subprocess.run(
        command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert revoked.returncode == 0, revoked.stdout + revoked.stderr
    assert f"counter {hall.code}/W01 revoked" in revoked.stdout
    by_admin = hall.api.call(
        "POST", f"/admin/counters/{hall.code}/W02/revoke", token=hall.session("A001")
    )
    assert by_admin.status_code == 200, by_admin.text
    for code in ("W01", "W02"):
        made = answers(hall, device_calls(hall.code), tokens[code])
        assert not_refused_with(made, 401) == []
        assert all("revoked" in response.json()["message"] for response in made.values())
    assert refused_access(answers(hall, device_calls(hall.code), tokens["W03"])) == []


def test_re_enrolment_gives_a_new_epoch_and_the_old_token_stops_working(hall: Hall) -> None:
    counter = hall.counter("W01")
    old_token, old = counter.client.token, counter.store.device
    identity = enrol(counter.store, counter.client, hall.registry.enrolment_code("W01", hall.code))
    assert identity.device_id == old.device_id
    assert identity.epoch == old.epoch + 1
    assert counter.client.token not in (None, old_token)
    assert_problem(hall.api.call("GET", "/sync/status", token=old_token), 401, "unauthorized")
    status = hall.api.call("GET", "/sync/status", token=counter.client.token).json()
    assert (status["device_id"], status["device_epoch"]) == (old.device_id, identity.epoch)
    case_id = counter.open_and_accept(1)
    counter.sync()  # the counter carries on with its new credential
    with hall.registry.db() as connection:
        number = connection.scalar(select(CASES.c.number).where(CASES.c.case_id == case_id))
    assert str(number).startswith(f"{hall.code}-W01-{identity.epoch}-"), number


def test_an_enrolment_code_works_exactly_once(hall: Hall) -> None:
    code = hall.registry.enrolment_code("W01", hall.code)
    first = hall.api.call("POST", "/enrol", json={"code": code})
    assert first.status_code == 200, first.text
    again = hall.api.call("POST", "/enrol", json={"code": code})
    assert "already used" in assert_problem(again, 401, "unauthorized")
    token = first.json()["token"]  # the second attempt did not take the counter over
    assert hall.api.call("GET", "/sync/status", token=token).status_code == 200


def test_an_expired_enrolment_code_is_refused(hall: Hall) -> None:
    issued = utc_now() - timedelta(hours=2)
    with hall.registry.db() as connection:
        code = admin.enrolment_code(connection, hall=hall.code, code="W01", now=issued, hours=1)
    answer = hall.api.call("POST", "/enrol", json={"code": code})
    assert "expired" in assert_problem(answer, 401, "unauthorized")
    with hall.registry.db() as connection:
        assert admin.list_counters(connection, hall.code)[0].enrolled is False
    assert hall.api.enrol(hall.registry.enrolment_code("W01", hall.code))["device_epoch"] == 1


# -- halls and roles ------------------------------------------------------------------------


def test_a_counter_cannot_read_another_halls_space(hall: Hall, other_hall: Hall) -> None:
    token = hall.token("W01")
    for space in (f"hall:{other_hall.code}", "hall:NOWHERE"):
        answer = hall.api.call("GET", "/sync/changes", token=token, params={"space": space})
        assert space in assert_problem(answer, 403, "forbidden")
    for space in (f"hall:{hall.code}", "global"):
        answer = hall.api.call("GET", "/sync/changes", token=token, params={"space": space})
        assert answer.status_code == 200, answer.text


def test_a_clerk_can_neither_decide_nor_read_audit_trails_nor_administer(hall: Hall) -> None:
    token = hall.token("W03")  # one of the admin calls would revoke W03
    clerk = hall.session("C001")
    found = not_refused_with(answers(hall, SUPERVISOR_CALLS + admin_calls(hall.code), clerk), 403)
    assert found == []
    reads = answers(hall, [("GET", "/cases/no-such-case", {}), ("GET", "/attention", {})], clerk)
    assert [response.status_code for response in reads.values()] == [404, 200]
    assert hall.api.call("GET", "/sync/status", token=token).status_code == 200  # not revoked
    new_hall = select(HALLS.c.code).where(HALLS.c.code == f"{hall.code}N")
    new_clerk = select(STAFF.c.staff_id).where(STAFF.c.staff_id == f"{hall.code}C009")
    with hall.registry.db() as connection:
        assert connection.scalar(new_hall) is None
        assert connection.scalar(new_clerk) is None
        counters = [counter.code for counter in admin.list_counters(connection, hall.code)]
    assert counters == ["W01", "W02", "W03"]


def test_a_supervisor_decides_and_reads_audit_trails_but_cannot_administer(hall: Hall) -> None:
    supervisor = hall.session("S001")
    assert not_refused_with(answers(hall, admin_calls(hall.code), supervisor), 403) == []
    allowed = answers(hall, SUPERVISOR_CALLS, supervisor)
    assert [response.status_code for response in allowed.values()] == [404, 404]  # no such case
    assert refused_access(answers(hall, admin_calls(hall.code), hall.session("A001"))) == []


def test_staff_of_one_hall_cannot_see_or_decide_another_halls_case(
    hall: Hall, other_hall: Hall
) -> None:
    counter = hall.counter("W01")
    case_id = counter.open_and_accept(1)
    counter.sync()
    version = select(CASES.c.version).where(CASES.c.case_id == case_id)
    with hall.registry.db() as connection:
        before = connection.scalar(version)
    decision = {"json": {"action": "start_review", "base_version": before}}
    calls: list[Call] = [
        ("GET", f"/cases/{case_id}", {}),
        ("POST", f"/cases/{case_id}/decisions", decision),
        ("GET", f"/cases/{case_id}/audit", {}),
    ]
    for member, allowed in (("C001", calls[:1]), ("S001", calls), ("A001", calls)):
        made = answers(other_hall, allowed, other_hall.session(member))
        assert not_refused_with(made, 404) == [], member
    with hall.registry.db() as connection:
        assert connection.scalar(version) == before
    own = answers(hall, [calls[0], calls[2]], hall.session("S001"))
    assert [response.status_code for response in own.values()] == [200, 200]


# -- staff sessions and logins --------------------------------------------------------------


def test_forged_expired_and_malformed_staff_sessions_are_refused(hall: Hall) -> None:
    genuine = hall.session("A001")
    encoded, mac = genuine.removeprefix("wcs.").split(".")
    claims = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    claims["sid"] = hall.staff_id("S001")
    other = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged = {
        "another secret": session_of(hall, "A001", secret="f" * 48, expires_in=timedelta(hours=1)),
        "expired": session_of(hall, "A001", secret=SECRET, expires_in=-timedelta(seconds=1)),
        "someone else's claims": f"wcs.{other}.{mac}",
        "no signature": f"wcs.{encoded}",
        "empty": "wcs.",
        "non-ASCII signature": f"wcs.{encoded}.{mac[:-1]}é",  # was a 500 (compare_digest)
        "nobody we know": sign_session(
            StaffMember(f"{hall.code}X404", "无名", Role.ADMIN, hall.code),
            secret=SECRET,
            expires=utc_now() + timedelta(hours=1),
        ),
    }
    calls: list[Call] = [("GET", "/attention", {}), ("GET", "/cases/no-such-case", {})]
    found = {
        kind: not_refused_with(answers(hall, calls, token), 401) for kind, token in forged.items()
    }
    assert found == {kind: [] for kind in forged}
    expired = answers(hall, calls[:1], forged["expired"])
    assert "expired" in next(iter(expired.values())).json()["message"]
    with_the_secret = session_of(hall, "A001", secret=SECRET, expires_in=timedelta(minutes=5))
    assert refused_access(answers(hall, calls, with_the_secret)) == []  # the checks are not vacuous


def _login(hall: Hall, member: str, password: str) -> requests.Response:
    return hall.api.call(
        "POST", "/auth/login", json={"staff_id": hall.staff_id(member), "password": password}
    )


def _let_the_lock_out_pass(hall: Hall, member: str) -> None:
    """Time passes: the lock-out ends (the failures counted so far are kept)."""
    with hall.registry.db() as connection:
        connection.execute(
            update(STAFF)
            .where(STAFF.c.staff_id == hall.staff_id(member))
            .values(locked_until=stamp(utc_now() - timedelta(seconds=1)))
        )


def _locked_out(hall: Hall, member: str, password: str) -> int:
    """Assert a login is refused with 429 and Retry-After; returns the seconds to wait."""
    answer = _login(hall, member, password)
    assert "too many failed logins" in assert_problem(answer, 429, "slow_down")
    return int(answer.headers["Retry-After"])


def test_repeated_failed_logins_are_slowed_down_for_a_doubling_time(hall: Hall) -> None:
    right = PASSWORDS["C001"][2]
    for _ in range(FREE_FAILURES + 1):  # the free failures, then the one that starts a lock-out
        assert_problem(_login(hall, "C001", "guess-again"), 401, "unauthorized")
    first_wait = _locked_out(hall, "C001", right)  # even with the right password
    assert 1 <= first_wait <= 3
    assert _locked_out(hall, "C001", "guess-again") >= 1
    _let_the_lock_out_pass(hall, "C001")
    assert_problem(_login(hall, "C001", "guess-again"), 401, "unauthorized")
    assert _locked_out(hall, "C001", right) > first_wait  # the next lock-out lasts longer
    _let_the_lock_out_pass(hall, "C001")
    assert _login(hall, "C001", right).status_code == 200
    with hall.registry.db() as connection:
        row = connection.execute(
            select(STAFF.c.failures, STAFF.c.locked_until).where(
                STAFF.c.staff_id == hall.staff_id("C001")
            )
        ).one()
    assert (row.failures, row.locked_until) == (0, None)


def test_a_deactivated_members_session_stops_working_at_once(hall: Hall) -> None:
    session = hall.session("S001")
    assert hall.api.call("GET", "/attention", token=session).status_code == 200
    with hall.registry.db() as connection:
        admin.set_staff_active(
            connection, staff_id=hall.staff_id("S001"), active=False, now=utc_now()
        )
    answer = hall.api.call("GET", "/attention", token=session)
    assert "not active" in assert_problem(answer, 401, "unauthorized")
    assert_problem(_login(hall, "S001", PASSWORDS["S001"][2]), 401, "unauthorized")


# -- the registry's own secret --------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "complaint"),
    [
        ({}, f"set {ENV_PREFIX}SECRET"),
        ({"SECRET": DEVELOPMENT_SECRET}, "development secret is refused"),
        ({"SECRET": "s" * 31}, "too short (31 characters"),
        ({"ENV": "production", "SECRET": ""}, f"set {ENV_PREFIX}SECRET"),
        ({"ENV": "staging", "SECRET": "s" * 48}, "must be one of development, production"),
    ],
    ids=["none", "default", "short", "empty", "unknown-environment"],
)
def test_the_settings_refuse_a_missing_default_or_short_secret(
    environment: dict[str, str], complaint: str
) -> None:
    environ = {ENV_PREFIX + name: value for name, value in environment.items()}
    with pytest.raises(ConfigurationError, match=re.escape(complaint)):
        from_environment(environ, database_url="sqlite:///unused.sqlite")


def test_the_settings_take_a_long_secret_and_the_development_default_only_in_development() -> None:
    production = from_environment({f"{ENV_PREFIX}SECRET": "s" * 32}, database_url="sqlite://")
    assert production.signing_secret == "s" * 32
    development = from_environment({f"{ENV_PREFIX}ENV": "development"}, database_url="sqlite://")
    assert development.signing_secret == DEVELOPMENT_SECRET


@pytest.mark.parametrize(
    ("secret", "complaint"),
    [(None, f"refused: set {ENV_PREFIX}SECRET"), ("short", "is too short (5 characters")],
)
def test_serve_without_a_proper_secret_exits_with_a_clear_message(
    tmp_path: Path, secret: str | None, complaint: str
) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(ENV_PREFIX)}
    if secret is not None:
        env[f"{ENV_PREFIX}SECRET"] = secret
    database = tmp_path / "registry.sqlite"
    command = [sys.executable, "-m", "registry", "serve", "--host", "127.0.0.1", "--port", "0"]
    command += ["--database-url", f"sqlite:///{database}"]
    done = subprocess.run(
        command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert complaint in done.stdout + done.stderr
    assert not database.exists()  # refused before touching anything


def test_an_admin_administers_only_their_own_halls_counters_and_staff(
    hall: Hall, other_hall: Hall
) -> None:
    foreign = hall.session("A001")
    calls = [call for call in admin_calls(other_hall.code) if call[1] != "/admin/halls"]
    calls = [call for call in calls if call[1] != "/admin/catalogue"]
    assert not_refused_with(answers(other_hall, calls, foreign), 403) == []
    token = other_hall.token("W03")
    assert other_hall.api.call("GET", "/sync/status", token=token).status_code == 200
