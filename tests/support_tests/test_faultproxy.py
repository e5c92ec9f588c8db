"""The fault proxy does to each request exactly what SYNC.md's fault says, seen through requests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.support.faultproxy import (
    DROP_REQUEST,
    DROP_RESPONSE,
    DUPLICATE,
    DUPLICATE_SECOND,
    PASS,
    REORDER,
    TIMEOUT,
    TRUNCATE,
    Fault,
    FaultProxy,
    LogEntry,
    delay,
    error_5xx,
)
from tests.support_tests.echo_server import (
    CHUNKS,
    GZIPPED,
    LARGE,
    PLAIN,
    EchoServer,
    running_echo_server,
)

TIMEOUT_S = 5.0


@pytest.fixture
def upstream() -> Iterator[EchoServer]:
    yield from running_echo_server()


@pytest.fixture
def proxy(upstream: EchoServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", upstream.port) as started:
        yield started


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as opened:
        yield opened


def post(session: requests.Session, proxy: FaultProxy, path: str, body: bytes) -> requests.Response:
    return session.post(f"{proxy.url}{path}", data=body, timeout=TIMEOUT_S)


def test_without_faults_requests_pass_and_are_logged(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    response = post(session, proxy, "/api/v1/push?device=w05", b'{"ops": []}')
    assert (response.status_code, response.content) == (200, b'{"ops": []}')
    assert upstream.seen.count == 1
    assert proxy.log == [LogEntry("POST", "/api/v1/push?device=w05", PASS, 200)]


def test_keep_alive_carries_every_framing_through_one_connection_each_side(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    url = proxy.url
    assert post(session, proxy, "/echo", LARGE).content == LARGE
    assert session.get(f"{url}/chunked", timeout=TIMEOUT_S).content == b"".join(CHUNKS)
    uploaded = session.post(f"{url}/upload", data=iter([b"ab", b"cd", b"ef"]), timeout=TIMEOUT_S)
    assert uploaded.content == b"abcdef"  # a chunked request body
    assert session.get(f"{url}/gzip", timeout=TIMEOUT_S).text == "compressed " * 200
    head = session.head(f"{url}/plain", timeout=TIMEOUT_S)
    assert (head.headers["Content-Length"], head.content) == (str(len(PLAIN)), b"")
    assert session.get(f"{url}/empty", timeout=TIMEOUT_S).status_code == 204
    assert session.get(f"{url}/plain", timeout=TIMEOUT_S).content == PLAIN
    assert proxy.connections_accepted == 1
    assert len(set(upstream.seen.ports)) == 1
    assert [entry.status for entry in proxy.log] == [200, 200, 200, 200, 200, 204, 200]


def test_gzip_bodies_pass_byte_for_byte(proxy: FaultProxy, session: requests.Session) -> None:
    with session.get(f"{proxy.url}/gzip", stream=True, timeout=TIMEOUT_S) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.raw.read(decode_content=False) == GZIPPED


def test_a_dropped_request_never_reaches_the_server(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    proxy.inject(DROP_REQUEST)
    with pytest.raises(requests.ConnectionError):
        post(session, proxy, "/orders", b"op-1")
    assert upstream.seen.count == 0
    assert proxy.log == [LogEntry("POST", "/orders", DROP_REQUEST, None)]
    assert post(session, proxy, "/orders", b"op-1").status_code == 200


def test_a_dropped_response_leaves_the_server_committed(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    proxy.inject(DROP_RESPONSE)
    with pytest.raises(requests.ConnectionError):
        post(session, proxy, "/orders", b"op-1")
    assert upstream.seen.count == 1
    assert proxy.log == [LogEntry("POST", "/orders", DROP_RESPONSE, 200)]


@pytest.mark.parametrize(("fault", "returned"), [(DUPLICATE, "1"), (DUPLICATE_SECOND, "2")])
def test_a_duplicated_request_reaches_the_server_twice_on_two_connections(
    proxy: FaultProxy,
    upstream: EchoServer,
    session: requests.Session,
    fault: Fault,
    returned: str,
) -> None:
    proxy.inject(fault)
    response = post(session, proxy, "/orders", b"op-1")
    assert (response.content, response.headers["X-Post-Number"]) == (b"op-1", returned)
    assert upstream.seen.paths == ["/orders", "/orders"]
    assert len(set(upstream.seen.ports)) == 2
    assert post(session, proxy, "/orders", b"op-2").headers["X-Post-Number"] == "3"


def test_a_delayed_request_arrives_late_but_intact(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    proxy.inject(delay(0.2))
    started = time.monotonic()
    assert post(session, proxy, "/orders", b"op-1").content == b"op-1"
    assert time.monotonic() - started >= 0.2
    assert proxy.log == [LogEntry("POST", "/orders", delay(0.2), 200)]


@pytest.mark.parametrize(("status", "retry_after"), [(503, 2), (502, None), (500, None)])
def test_a_5xx_is_answered_by_the_proxy_and_the_connection_lives_on(
    proxy: FaultProxy,
    upstream: EchoServer,
    session: requests.Session,
    status: int,
    retry_after: int | None,
) -> None:
    proxy.inject(error_5xx(status, retry_after=retry_after))
    response = post(session, proxy, "/orders", b"op-1")
    assert response.status_code == status
    expected = None if retry_after is None else str(retry_after)
    assert response.headers.get("Retry-After") == expected
    assert upstream.seen.count == 0
    assert post(session, proxy, "/orders", b"op-1").status_code == 200
    assert proxy.connections_accepted == 1


@pytest.mark.parametrize("path", ["/large", "/chunked"])
def test_a_truncated_response_breaks_off_mid_body(
    proxy: FaultProxy, session: requests.Session, path: str
) -> None:
    proxy.inject(TRUNCATE)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        session.get(f"{proxy.url}{path}", timeout=TIMEOUT_S)
    assert proxy.log == [LogEntry("GET", path, TRUNCATE, 200)]


def test_a_timed_out_request_is_never_answered_nor_forwarded(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    proxy.inject(TIMEOUT)
    with pytest.raises(requests.exceptions.ReadTimeout):
        session.post(f"{proxy.url}/orders", data=b"op-1", timeout=0.3)
    assert upstream.seen.count == 0
    assert proxy.log == [LogEntry("POST", "/orders", TIMEOUT, None)]


def test_a_held_request_is_closed_at_the_cap(
    upstream: EchoServer, session: requests.Session
) -> None:
    with FaultProxy("127.0.0.1", upstream.port, timeout_cap=0.2) as proxy:
        proxy.inject(TIMEOUT)
        started = time.monotonic()
        with pytest.raises(requests.ConnectionError):
            post(session, proxy, "/orders", b"op-1")
        assert 0.2 <= time.monotonic() - started < TIMEOUT_S


def test_a_reordered_request_is_overtaken_by_the_next(
    proxy: FaultProxy, upstream: EchoServer
) -> None:
    proxy.inject(REORDER, path_prefix="/first")
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(requests.post, f"{proxy.url}/first", data=b"1", timeout=TIMEOUT_S)
        assert proxy.wait_until_held(1)
        assert requests.post(f"{proxy.url}/second", data=b"2", timeout=TIMEOUT_S).content == b"2"
        assert first.result().content == b"1"
    assert upstream.seen.paths == ["/second", "/first"]
    assert [entry.path for entry in proxy.log] == ["/second", "/first"]


def test_faults_go_to_matching_paths_the_given_number_of_times(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    proxy.inject(DROP_REQUEST, times=2, path_prefix="/api/v1/push")
    outcomes: list[int | None] = []
    for path in ("/api/v1/pull", "/api/v1/push", "/api/v1/pull", "/api/v1/push", "/api/v1/push"):
        try:
            outcomes.append(post(session, proxy, path, b"x").status_code)
        except requests.ConnectionError:
            outcomes.append(None)
    assert outcomes == [200, None, 200, None, 200]
    assert upstream.seen.paths == ["/api/v1/pull", "/api/v1/pull", "/api/v1/push"]


def test_clear_forgets_queued_faults_and_chaos(
    proxy: FaultProxy, session: requests.Session
) -> None:
    proxy.inject(DROP_REQUEST, times=3)
    proxy.chaos(1.0, seed=1)
    proxy.clear()
    assert post(session, proxy, "/orders", b"op-1").status_code == 200


def run_chaos(upstream: EchoServer, seed: int) -> tuple[list[Fault], list[str]]:
    outcomes = []
    with FaultProxy("127.0.0.1", upstream.port) as proxy, requests.Session() as session:
        proxy.chaos(0.5, seed=seed)
        for number in range(30):
            try:
                response = post(session, proxy, "/orders", b"op-%d" % number)
                outcomes.append(str(response.status_code))
            except requests.RequestException as exc:
                outcomes.append(type(exc).__name__)
        return [entry.fault for entry in proxy.log], outcomes


def test_chaos_with_a_seed_is_reproducible(upstream: EchoServer) -> None:
    faults, outcomes = run_chaos(upstream, seed=7)
    assert (faults, outcomes) == run_chaos(upstream, seed=7)
    assert faults != run_chaos(upstream, seed=8)[0]
    assert 5 < sum(fault != PASS for fault in faults) < 25
    assert {"200", "ConnectionError"} <= set(outcomes)


def test_a_network_loss_refuses_connections_until_healed(
    proxy: FaultProxy, upstream: EchoServer, session: requests.Session
) -> None:
    assert post(session, proxy, "/orders", b"op-1").status_code == 200
    proxy.set_down(True)
    with pytest.raises(requests.ConnectionError):
        post(session, proxy, "/orders", b"op-2")
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", proxy.port)):
        pass
    proxy.set_down(False)
    assert post(session, proxy, "/orders", b"op-2").status_code == 200
    assert upstream.seen.paths == ["/orders", "/orders"]


def test_a_down_upstream_looks_like_a_lost_connection(session: requests.Session) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with FaultProxy("127.0.0.1", port) as proxy:
        with pytest.raises(requests.ConnectionError):
            post(session, proxy, "/orders", b"op-1")
        assert proxy.log == [LogEntry("POST", "/orders", PASS, None)]


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_close_ends_requests_in_flight_and_every_thread(
    upstream: EchoServer, session: requests.Session
) -> None:
    proxy = FaultProxy("127.0.0.1", upstream.port)
    proxy.inject(TIMEOUT, path_prefix="/held")
    with ThreadPoolExecutor(max_workers=1) as pool:
        held = pool.submit(post, session, proxy, "/held", b"op-1")
        wait_until(lambda: len(proxy.log) == 1)
        assert requests.post(f"{proxy.url}/other", data=b"x", timeout=TIMEOUT_S).ok
        proxy.close()
        with pytest.raises(requests.ConnectionError):
            held.result()
    proxy.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("faultproxy")]
    with pytest.raises(requests.ConnectionError):
        requests.get(proxy.url, timeout=TIMEOUT_S)
    with pytest.raises(RuntimeError, match="closed"):
        proxy.set_down(False)


def test_bad_fault_parameters_are_refused(proxy: FaultProxy) -> None:
    with pytest.raises(ValueError, match="negative"):
        delay(-1)
    with pytest.raises(ValueError, match="5xx"):
        error_5xx(404)
    with pytest.raises(ValueError, match="times"):
        proxy.inject(DROP_REQUEST, times=0)
    with pytest.raises(ValueError, match="rate"):
        proxy.chaos(1.5, seed=1)
