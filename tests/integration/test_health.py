"""`GET /api/v1/health` on a real registry process: 200 when healthy, 503 without its database."""

from __future__ import annotations

import time
from pathlib import Path

import requests
from sqlalchemy import update

from clerk.wire import EPOCH_HEADER
from registry.db import EPOCH_SET_AT, PING_AFTER_IDLE_SECONDS, SCHEMA_VERSION, renew_epoch
from registry.health import registry_version
from registry.schema import META
from tests.integration.sync.harness import SECRET, RegistryProcess
from tests.support.fixtures import start_or_fail
from tests.support.postgres import PostgresServer

FIELDS = {
    "status",
    "version",
    "database",
    "backend",
    "schema_version",
    "epoch",
    "epoch_age_seconds",
}


def health(registry: RegistryProcess) -> requests.Response:
    """The health answer, asked without any credential."""
    return requests.get(f"{registry.url}/api/v1/health", timeout=10)


def test_a_healthy_registry_says_so_without_a_credential_and_without_secrets(
    tmp_path: Path,
) -> None:
    registry = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    registry.setup_hall()
    registry.start()
    try:
        answer = health(registry)
    finally:
        registry.close()
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == FIELDS
    assert body["status"] == "ok"
    assert body["database"] == "reachable"
    assert body["schema_version"] == SCHEMA_VERSION
    assert body["version"] == registry_version() != "unknown"
    assert body["epoch"] == answer.headers[EPOCH_HEADER]
    assert body["backend"] == "sqlite"
    assert 0 <= body["epoch_age_seconds"] < 600  # set when the test's registry was created
    for secret in (SECRET, "clerk-pass-1", "registry.sqlite", str(tmp_path)):
        assert secret not in answer.text


def test_the_epoch_age_starts_again_after_a_new_epoch(tmp_path: Path) -> None:
    registry = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    with registry.db() as connection:  # an epoch set years ago
        connection.execute(
            update(META).where(META.c.key == EPOCH_SET_AT).values(value="2020-01-01T00:00:00+00:00")
        )
    registry.start()
    try:
        before = health(registry).json()
        renewed = renew_epoch(registry.engine)
        after = health(registry).json()
    finally:
        registry.close()
    assert before["epoch_age_seconds"] > 5 * 365 * 86400
    assert after["epoch"] == renewed != before["epoch"]
    assert 0 <= after["epoch_age_seconds"] < 600


def test_a_registry_whose_database_restarted_serves_again_without_being_restarted(
    tmp_path: Path,
) -> None:
    server = start_or_fail(PostgresServer())  # a server of our own, to restart under the registry
    try:
        server.create_database("health")
        registry = RegistryProcess(server.url("health"), tmp_path)
        registry.start()
        try:
            assert health(registry).status_code == 200
            registry.engine.dispose()
            server.restart()  # the registry's pooled connection is now dead
            first = health(registry)  # within a second of its last use: it may meet the dead one
            second = health(registry)
            time.sleep(PING_AFTER_IDLE_SECONDS)
            server.restart()
            time.sleep(PING_AFTER_IDLE_SECONDS)  # idle: pinged before use, replaced at once
            third = health(registry)
        finally:
            registry.close()
    finally:
        server.stop()
    assert first.status_code in (200, 503)
    assert (second.status_code, third.status_code) == (200, 200)
    assert third.json()["database"] == "reachable"


def test_a_registry_whose_database_is_gone_answers_503(tmp_path: Path) -> None:
    server = start_or_fail(PostgresServer())  # a server of our own, to stop under the registry
    try:
        server.create_database("health")
        url, port = server.url("health"), server.port
        registry = RegistryProcess(url, tmp_path)
        registry.start()
        assert health(registry).status_code == 200
        registry.engine.dispose()  # the test's own connections, before the server goes
        server.stop()
        answer = health(registry)
        registry.close()
    finally:
        server.stop()
    assert answer.status_code == 503
    body = answer.json()
    assert set(body) == FIELDS
    assert (body["status"], body["database"], body["schema_version"]) == (
        "unavailable",
        "unreachable",
        0,
    )
    assert body["backend"] == "postgresql"
    assert body["epoch_age_seconds"] is None
    for address in (url, str(port), "127.0.0.1"):
        assert address not in answer.text
