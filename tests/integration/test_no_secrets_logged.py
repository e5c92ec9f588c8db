"""Credentials never reach the registry's log, even at DEBUG level.

A real registry process logs at DEBUG while staff log in (and once with a wrong password), an
administrator issues an enrolment code over HTTP, a counter enrols with it and pushes a case;
then its whole log is searched for every password, token, code and the signing secret.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from clerk.scans import ScanFolder
from clerk.store import open_store
from registry.settings import ENV_PREFIX
from sync.client import RegistryClient
from sync.enrol import enrol
from tests.integration.sync.harness import HALL, SECRET, STAFF, Counter, RegistryProcess


def _enrolled(registry: RegistryProcess, code: str, folder: Path) -> Counter:
    """Counter W01 enrolled with `code` and synced once."""
    folder.mkdir(parents=True)
    store = open_store(folder / "counter.db")
    client = RegistryClient(registry.url, timeout=(2.0, 5.0))
    counter = Counter("W01", store, client, ScanFolder(folder / "scans"))
    enrol(store, client, code)
    counter.sync()
    return counter


def test_the_registry_log_holds_no_credential_at_debug_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{ENV_PREFIX}LOG_LEVEL", "DEBUG")
    registry = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    registry.setup_hall()
    registry.start()
    secrets = [SECRET, *(password for _, _, password in STAFF.values())]
    api = f"{registry.url}/api/v1"
    try:
        for member, (_, _, password) in STAFF.items():
            login = {"staff_id": f"{HALL}{member}", "password": password}
            answer = requests.post(f"{api}/auth/login", json=login, timeout=10)
            secrets.append(answer.json()["token"])
        wrong = {"staff_id": f"{HALL}C001", "password": "wrong-pass-for-the-log"}
        assert requests.post(f"{api}/auth/login", json=wrong, timeout=10).status_code == 401
        secrets.append(wrong["password"])
        code = requests.post(
            f"{api}/admin/counters/{HALL}/W01/enrolment-code",
            headers={"Authorization": f"Bearer {secrets[-2]}"},
            timeout=10,
        ).json()["secret"]
        secrets.append(code)
        counter = _enrolled(registry, code, tmp_path / "W01")
        secrets.append(counter.client.token or "")
        counter.open_and_accept(1)
        counter.sync()
        counter.close()
    finally:
        registry.close()
    log = (tmp_path / "registry.log").read_text(errors="replace")
    assert " DEBUG " in log, "the registry did not log at DEBUG level"
    assert [secret for secret in secrets if secret and secret in log] == []
