"""The schema-driven fuzzer over the queue's operations, with valid credentials.

`tests/integration/sync/test_fuzz.py` already sends every operation (the queue's included)
without credentials and with invented ones. Here the queue's operations get generated bodies and
parameters behind real credentials, so their handlers run on them: a counter's token for the
device operations, an admin's session for the configuration. No answer may be a server error or
fall outside the documented status codes, content types and schemas. The hall has services, so
some generated tickets are issued, called and moved for real.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import schemathesis
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Err

from tests.integration.queue.harness import configure
from tests.integration.sync.halls import BACKENDS
from tests.integration.sync.harness import HALL, STAFF, RegistryProcess
from tests.integration.sync.test_fuzz import Operation, _fuzz

QUEUE_TAGS = {"queue", "queue-admin"}


@pytest.fixture(params=BACKENDS)
def registry(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RegistryProcess]:
    """A running registry with hall SF01 (counters, staff, the demo catalogue) and its queues."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    process = RegistryProcess(url, tmp_path)
    process.setup_hall()
    configure(process, HALL)
    process.start()
    yield process
    process.close()


@pytest.fixture
def http() -> Iterator[requests.Session]:
    """One kept-alive HTTP session for every generated request."""
    with requests.Session() as session:
        yield session


def _credentials(registry: RegistryProcess, http: requests.Session) -> dict[str, dict[str, str]]:
    api = f"{registry.url}/api/v1"
    enrolled = http.post(f"{api}/enrol", json={"code": registry.enrolment_code("W01")}, timeout=10)
    login = {"staff_id": f"{HALL}A001", "password": STAFF["A001"][2]}
    session = http.post(f"{api}/auth/login", json=login, timeout=10)
    assert enrolled.status_code == session.status_code == 200, enrolled.text + session.text
    return {
        "queue": {"Authorization": f"Bearer {enrolled.json()['token']}"},
        "queue-admin": {"Authorization": f"Bearer {session.json()['token']}"},
    }


def test_fuzzing_the_queue_with_credentials_finds_no_server_error_and_nothing_undocumented(
    registry: RegistryProcess, http: requests.Session
) -> None:
    headers = _credentials(registry, http)
    schema = schemathesis.openapi.from_url(f"{registry.url}/api/v1/openapi.json")
    failures, statuses, fuzzed = [], Counter[int](), []
    for result in schema.get_all_operations():
        assert not isinstance(result, Err), result.err()
        operation: Operation = result.ok()
        tags = QUEUE_TAGS.intersection(operation.tags or ())
        if not tags:
            continue
        fuzzed.append(operation.label)
        try:  # valid requests only: FastAPI answers invalid ones (422) before any handler runs
            _fuzz(operation, GenerationMode.POSITIVE, headers[min(tags)], http, statuses)
        except (AssertionError, FailureGroup) as failure:
            failures.append(f"{operation.label}:\n{failure}")

    assert not failures, "\n\n".join(failures)
    assert len(fuzzed) >= 18, fuzzed
    assert statuses[200] > 0, statuses  # handlers ran to the end on generated values
