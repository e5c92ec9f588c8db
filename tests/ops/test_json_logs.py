"""JSON-lines logs (`WINDOW_CLERK_LOG_FORMAT=json`) from a real registry process, and the
counter's formatter.

The registry runs at DEBUG while staff log in (once with a wrong password), an administrator
issues an enrolment code over HTTP, a counter enrols with it and pushes a case of a real
applicant, and a supervisor reads the case. Every line of its log must be one JSON object with
the fixed keys; every request, exactly one access record with its id, route template, status
and duration, and the hall and counter once the credential is known; and no line may hold a
password, token, code, the signing secret or anything about the applicant.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from clerk import logsetup
from clerk.scans import ScanFolder
from clerk.store import open_store
from registry.settings import ENV_PREFIX
from sync.client import RegistryClient
from sync.enrol import enrol
from tests.integration.sync.harness import HALL, SECRET, STAFF, Counter, RegistryProcess, person

API = "/api/v1"


class Caller:
    """Requests to the registry, each with its own request id, remembered for the checks."""

    def __init__(self, registry: RegistryProcess) -> None:
        self.base = registry.url + API
        self.sent: dict[str, tuple[str, str, int]] = {}

    def call(self, method: str, path: str, route: str, **kwargs: Any) -> requests.Response:
        """Send one request; note (method, route template, status) under its id."""
        ident = uuid.uuid4().hex
        headers = {"X-Request-ID": ident, **kwargs.pop("headers", {})}
        answer = requests.request(method, self.base + path, headers=headers, timeout=10, **kwargs)
        assert answer.headers["X-Request-ID"] == ident
        self.sent[ident] = (method, API + route, answer.status_code)
        return answer


def enrolled(registry: RegistryProcess, code: str, folder: Path) -> tuple[Counter, str]:
    """Counter W01 enrolled with `code`, with one accepted case (its id) pushed."""
    folder.mkdir(parents=True)
    store = open_store(folder / "counter.db")
    client = RegistryClient(registry.url, timeout=(2.0, 5.0))
    counter = Counter("W01", store, client, ScanFolder(folder / "scans"))
    enrol(store, client, code)
    counter.sync()  # the catalogue first
    case_id = counter.open_and_accept(1)
    counter.sync()
    return counter, case_id


def a_day_at_the_registry(registry: RegistryProcess, tmp_path: Path) -> tuple[Caller, list[str]]:
    """Logins, a code, an enrolment, a push, a case read; returns the caller and the secrets."""
    caller, secrets = Caller(registry), [SECRET]
    tokens = {}
    for member, (_, _, password) in STAFF.items():
        login = {"staff_id": f"{HALL}{member}", "password": password}
        answer = caller.call("POST", "/auth/login", "/auth/login", json=login)
        tokens[member] = answer.json()["token"]
        secrets += [password, tokens[member]]
    wrong = {"staff_id": f"{HALL}C001", "password": "wrong-pass-for-the-log"}
    assert caller.call("POST", "/auth/login", "/auth/login", json=wrong).status_code == 401
    secrets.append(wrong["password"])
    admin = {"Authorization": f"Bearer {tokens['A001']}"}
    route = "/admin/counters/{hall}/{code}/enrolment-code"
    code = caller.call("POST", f"/admin/counters/{HALL}/W01/enrolment-code", route, headers=admin)
    secrets.append(code.json()["secret"])
    counter, case_id = enrolled(registry, secrets[-1], tmp_path / "W01")
    secrets.append(counter.client.token or "")
    counter.close()
    supervisor = {"Authorization": f"Bearer {tokens['S001']}"}
    read = caller.call("GET", f"/cases/{case_id}", "/cases/{case_id}", headers=supervisor)
    assert read.status_code == 200
    return caller, secrets


def test_every_request_is_one_json_line_without_secrets_or_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logsetup.FORMAT_VARIABLE, "json")
    monkeypatch.setenv(f"{ENV_PREFIX}LOG_LEVEL", "DEBUG")
    registry = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    registry.setup_hall()
    registry.start()
    try:
        caller, secrets = a_day_at_the_registry(registry, tmp_path)
        caller.call("GET", "/cases/unknown-case", "/cases/{case_id}")
    finally:
        registry.close()
    text = (tmp_path / "registry.log").read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]
    for line in lines:
        assert {"ts", "level", "logger", "message"} <= set(line)
        assert line["ts"].endswith("Z")
        assert datetime.fromisoformat(line["ts"]).utcoffset() is not None
    access = [line for line in lines if line["logger"] == "registry.access"]
    for ident, (method, route, status) in caller.sent.items():
        [record] = [line for line in access if line["request_id"] == ident]
        assert (record["method"], record["route"], record["status"]) == (method, route, status)
        assert isinstance(record["duration_ms"], float)
    pushes = [line for line in access if line["route"] == f"{API}/sync/push"]
    assert pushes
    assert {(line["hall"], line["device"]) for line in pushes} == {(HALL, "W01")}
    applicant = person(1)
    private = [applicant.id_number, applicant.phone, applicant.name]
    assert [secret for secret in [*secrets, *private] if secret and secret in text] == []


def test_the_counters_formatter_follows_the_environment() -> None:
    record = logging.LogRecord(
        "sync.loop", logging.WARNING, __file__, 1, "offline %s", ("x",), None
    )
    record.hall, record.password = "SF01", "must-not-appear"
    line = json.loads(logsetup.formatter({logsetup.FORMAT_VARIABLE: "JSON"}).format(record))
    assert line["message"] == "offline x"
    assert line["hall"] == "SF01"
    assert "password" not in line
    assert "\n" not in logsetup.formatter({logsetup.FORMAT_VARIABLE: "json"}).format(record)
    text = logsetup.formatter({}).format(record)
    assert text.endswith("WARNING sync.loop: offline x")
