"""A fault-injecting HTTP/1.1 proxy over TCP: the unreliable network between counters and registry.

It listens on 127.0.0.1 and forwards to one upstream. Each HTTP request on a client connection
(keep-alive included, as `requests.Session` uses it) is forwarded unchanged or suffers one fault
from SYNC.md's "How it is proven": request dropped, response dropped after the server committed,
duplicated, reordered, delayed, 5xx, truncated, timeout. Bodies are relayed as raw bytes, so gzip
and chunked framing pass through untouched.

    with FaultProxy("127.0.0.1", registry_port) as proxy:
        proxy.inject(DROP_RESPONSE, path_prefix="/api/v1/push")
        with requests.Session() as session:
            session.post(f"{proxy.url}/api/v1/push", json=batch, timeout=5)  # ConnectionError
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from tests.support.faults import (
    DEFAULT_CHAOS,
    DROP_REQUEST,
    DROP_RESPONSE,
    DUPLICATE,
    DUPLICATE_SECOND,
    PASS,
    REORDER,
    TIMEOUT,
    TRUNCATE,
    Fault,
    FaultKind,
    FaultPlan,
    Holds,
    LogEntry,
    delay,
    error_5xx,
    error_response,
    truncated,
)
from tests.support.http11 import (
    HttpFramingError,
    Request,
    Response,
    SocketReader,
    read_request,
    read_response,
)
from tests.support.throttle import Link, PacedReader

__all__ = [
    "DEFAULT_CHAOS",
    "DROP_REQUEST",
    "DROP_RESPONSE",
    "DUPLICATE",
    "DUPLICATE_SECOND",
    "PASS",
    "REORDER",
    "TIMEOUT",
    "TRUNCATE",
    "Fault",
    "FaultKind",
    "FaultProxy",
    "Link",
    "LogEntry",
    "delay",
    "error_5xx",
]

_log = logging.getLogger(__name__)
_JOIN_TIMEOUT = 10.0


@dataclass(frozen=True)
class _Context:
    """What every client connection shares with the proxy."""

    upstream: tuple[str, int]
    io_timeout: float
    timeout_cap: float
    hold_cap: float
    plan: FaultPlan
    holds: Holds
    record: Callable[[LogEntry], None]
    link: Link | None = None  # a slow line between the clients and the proxy (throttle.py)


def _tune(sock: socket.socket) -> None:
    """Make an accepted socket blocking and unbuffered by Nagle's algorithm.

    The proxy writes whole messages at once: Nagle's algorithm would only add latency.
    """
    sock.setblocking(True)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _peer_gone(sock: socket.socket) -> bool:
    """Whether an idle upstream connection was closed (or sent stray bytes): don't reuse it."""
    with selectors.DefaultSelector() as selector:
        selector.register(sock, selectors.EVENT_READ)
        return bool(selector.select(0))


class _ClientConnection:
    """One client connection, served by its own thread, with its own upstream connection."""

    def __init__(
        self, sock: socket.socket, context: _Context, on_exit: Callable[[_ClientConnection], None]
    ) -> None:
        self._client = sock
        self._context = context
        self._on_exit = on_exit
        self._upstream: socket.socket | None = None
        self._upstream_reader: SocketReader | None = None
        self._sockets_lock = threading.Lock()
        self._aborted = threading.Event()
        link = context.link
        self._reader = PacedReader(sock, link, self._aborted) if link else SocketReader(sock)
        self._wake = threading.Event()
        self._handlers: dict[FaultKind, Callable[[Request, Fault], bool]] = {
            FaultKind.PASS: self._forward,
            FaultKind.DROP_REQUEST: self._drop_request,
            FaultKind.DROP_RESPONSE: self._drop_response,
            FaultKind.DUPLICATE: self._duplicate,
            FaultKind.DUPLICATE_SECOND: self._duplicate,
            FaultKind.DELAY: self._delay,
            FaultKind.ERROR_5XX: self._error_5xx,
            FaultKind.TRUNCATE: self._truncate,
            FaultKind.TIMEOUT: self._timeout,
            FaultKind.REORDER: self._reorder,
        }
        self.thread = threading.Thread(target=self._run, name="faultproxy-connection", daemon=True)

    def abort(self) -> None:
        """Wake the thread whatever it waits on: shut both sockets down, end holds and delays."""
        self._aborted.set()
        self._wake.set()
        with self._sockets_lock:
            for sock in (self._client, self._upstream):
                if sock is not None and sock.fileno() >= 0:
                    with contextlib.suppress(OSError):  # not connected any more: nothing to wake
                        sock.shutdown(socket.SHUT_RDWR)

    def _run(self) -> None:
        try:
            self._serve()
        except (OSError, HttpFramingError) as exc:
            _log.debug("client connection ended: %s", exc)
        finally:
            with self._sockets_lock:
                self._client.close()
                if self._upstream is not None:
                    self._upstream.close()
            self._on_exit(self)

    def _serve(self) -> None:
        while not self._aborted.is_set():
            request = read_request(self._reader, on_expect_continue=self._continue)
            if request is None:
                return
            fault = self._context.plan.next_fault(request.target)
            if not self._handlers[fault.kind](request, fault):
                return

    def _continue(self) -> None:
        self._client.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _record(self, request: Request, fault: Fault, response: Response | None) -> None:
        status = None if response is None else response.status
        self._context.record(LogEntry(request.method, request.target, fault, status))

    # Upstream side -------------------------------------------------------------------------

    def _upstream_side(self) -> tuple[socket.socket, SocketReader]:
        if self._upstream is not None and _peer_gone(self._upstream):
            self._drop_upstream()
        if self._upstream is None or self._upstream_reader is None:
            sock = socket.create_connection(self._context.upstream, self._context.io_timeout)
            with self._sockets_lock:
                self._upstream, self._upstream_reader = sock, SocketReader(sock)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._aborted.is_set():
                raise OSError("the proxy is shutting this connection down")
        return self._upstream, self._upstream_reader

    def _drop_upstream(self) -> None:
        with self._sockets_lock:
            if self._upstream is not None:
                self._upstream.close()
            self._upstream = self._upstream_reader = None

    def _exchange(self, request: Request) -> Response | None:
        """Send the request upstream and read the response; None when the upstream failed."""
        try:
            sock, reader = self._upstream_side()
            sock.sendall(request.raw)
            response = read_response(reader, request_method=request.method)
        except (OSError, HttpFramingError) as exc:
            _log.debug("upstream failed: %s", exc)
            self._drop_upstream()
            return None
        if not response.keep_alive:
            self._drop_upstream()
        self._context.holds.release_all()
        return response

    def _reply(self, request: Request, response: Response | None) -> bool:
        if response is None:
            return False
        if self._context.link is None:
            self._client.sendall(response.raw)
        else:
            self._context.link.send_down(self._client, response.raw, self._aborted)
        return request.keep_alive and response.keep_alive

    # One handler per fault: each returns whether the client connection carries on. ---------

    def _forward(self, request: Request, fault: Fault) -> bool:
        if self._context.link is not None:
            self._context.link.arrive_up(self._aborted)
        response = self._exchange(request)
        self._record(request, fault, response)
        return self._reply(request, response)

    def _drop_request(self, request: Request, fault: Fault) -> bool:
        self._record(request, fault, None)
        return False

    def _drop_response(self, request: Request, fault: Fault) -> bool:
        self._record(request, fault, self._exchange(request))
        return False

    def _duplicate(self, request: Request, fault: Fault) -> bool:
        first = self._exchange(request)
        self._drop_upstream()
        second = self._exchange(request)
        chosen = second if fault.kind is FaultKind.DUPLICATE_SECOND else first
        self._record(request, fault, chosen)
        return self._reply(request, chosen)

    def _delay(self, request: Request, fault: Fault) -> bool:
        if self._aborted.wait(fault.seconds):
            return False
        return self._forward(request, fault)

    def _error_5xx(self, request: Request, fault: Fault) -> bool:
        self._record(request, fault, None)
        self._client.sendall(error_response(fault))
        return request.keep_alive

    def _truncate(self, request: Request, fault: Fault) -> bool:
        response = self._exchange(request)
        self._record(request, fault, response)
        if response is not None:
            self._client.sendall(truncated(response))
        return False

    def _timeout(self, request: Request, fault: Fault) -> bool:
        self._record(request, fault, None)
        self._client.settimeout(self._context.timeout_cap)
        try:
            while self._client.recv(64 * 1024):
                pass  # whatever else the client sends is never answered either
        except OSError:
            pass  # the cap passed or the proxy aborted: close either way
        return False

    def _reorder(self, request: Request, fault: Fault) -> bool:
        self._wake.clear()
        self._context.holds.hold(self._wake, self._aborted.is_set, self._context.hold_cap)
        if self._aborted.is_set():
            return False
        return self._forward(request, fault)


class _Acceptor:
    """The listening socket and the thread accepting on it; stopped through a wake-up socket."""

    def __init__(self, host: str, port: int, on_accept: Callable[[socket.socket], None]) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._listener.bind((host, port))
            self._listener.listen(128)
            self._listener.setblocking(False)
        except OSError:
            self._listener.close()
            raise
        self.port: int = self._listener.getsockname()[1]
        self._wake_read, self._wake_write = socket.socketpair()
        self._on_accept = on_accept
        self._thread = threading.Thread(target=self._run, name="faultproxy-accept", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            selector.register(self._wake_read, selectors.EVENT_READ)
            while True:
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake_read in ready:
                    return
                try:
                    sock, _ = self._listener.accept()
                except OSError:
                    continue  # the client gave up between select and accept
                try:
                    _tune(sock)
                except OSError:
                    sock.close()  # reset already: nothing to serve
                    continue
                self._on_accept(sock)

    def stop(self) -> None:
        """Stop accepting and close the listening socket: new connections are refused."""
        self._wake_write.send(b"x")
        self._thread.join()
        for sock in (self._listener, self._wake_read, self._wake_write):
            sock.close()


class FaultProxy:
    """A fault-injecting HTTP/1.1 proxy from 127.0.0.1:`port` to one upstream.

    The proxy listens from construction until `close()`. Faults apply per HTTP request: first
    those queued by `inject()` (in order, for matching paths), then `chaos()`, else PASS.
    """

    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        *,
        timeout_cap: float = 30.0,
        hold_cap: float = 5.0,
        io_timeout: float = 30.0,
        link: Link | None = None,
    ) -> None:
        """Start listening on a free loopback port.

        Args:
            upstream_host: where requests are forwarded.
            upstream_port: likewise.
            timeout_cap: the longest a TIMEOUT request is held before its connection is closed.
            hold_cap: the longest a REORDER request waits for another request to overtake it.
            io_timeout: the socket timeout towards the upstream.
            link: a slow line (bandwidth, latency) the clients reach the proxy through; requests
                that pass or are delayed cross it both ways (`tests.support.throttle`).

        Raises:
            OSError: no port could be bound.
        """
        self._plan = FaultPlan()
        self._holds = Holds()
        self._context = _Context(
            upstream=(upstream_host, upstream_port),
            io_timeout=io_timeout,
            timeout_cap=timeout_cap,
            hold_cap=hold_cap,
            plan=self._plan,
            holds=self._holds,
            record=self._record,
            link=link,
        )
        self._lock = threading.Lock()
        self._control = threading.RLock()
        self._log: list[LogEntry] = []
        self._connections: set[_ClientConnection] = set()
        self._accepted = 0
        self._closed = False
        self._acceptor: _Acceptor | None = _Acceptor("127.0.0.1", 0, self._on_accept)
        self.port: int = self._acceptor.port

    @property
    def url(self) -> str:
        """The proxy's base URL, e.g. "http://127.0.0.1:40123"."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> list[LogEntry]:
        """A snapshot of every request handled so far, in the order their outcome was decided."""
        with self._lock:
            return list(self._log)

    @property
    def connections_accepted(self) -> int:
        """How many client connections the proxy has accepted so far."""
        with self._lock:
            return self._accepted

    def inject(self, fault: Fault, *, times: int = 1, path_prefix: str | None = None) -> None:
        """Queue `fault` for the next `times` requests whose target starts with `path_prefix`.

        Raises:
            ValueError: `times` is not positive.
        """
        self._plan.add(fault, times=times, path_prefix=path_prefix)

    def chaos(
        self,
        rate: float,
        *,
        seed: int,
        faults: Iterable[Fault] = DEFAULT_CHAOS,
        path_prefix: str | None = None,
    ) -> None:
        """Apply a fault drawn from `faults` to a `rate` fraction of requests not otherwise queued.

        The draws come from `random.Random(seed)`, one per matching request, so a run whose
        requests arrive in the same order meets the same faults.

        Raises:
            ValueError: `rate` is outside [0, 1] or `faults` is empty.
        """
        self._plan.set_chaos(rate, seed=seed, faults=faults, path_prefix=path_prefix)

    def clear(self) -> None:
        """Forget queued faults and chaos: every later request passes (the log is kept)."""
        self._plan.clear()

    def wait_until_held(self, count: int = 1, timeout: float = 5.0) -> bool:
        """Wait until `count` requests are held by REORDER; returns whether they were in time."""
        return self._holds.wait_until_held(count, timeout)

    def set_down(self, down: bool) -> None:
        """Simulate losing the network (True) or getting it back (False), on the same port.

        Down: new connections are refused and open ones are closed, requests in flight included.

        Raises:
            RuntimeError: the proxy is closed.
            OSError: on healing, the port has been taken by someone else meanwhile.
        """
        with self._control:
            if self._closed:
                raise RuntimeError("the fault proxy is closed")
            if down and self._acceptor is not None:
                self._acceptor.stop()
                self._acceptor = None
                self._abort_connections()
            elif not down and self._acceptor is None:
                self._acceptor = _Acceptor("127.0.0.1", self.port, self._on_accept)

    def close(self) -> None:
        """Stop listening, close every connection and join every thread. Idempotent.

        Raises:
            RuntimeError: a connection thread did not finish (a bug in the proxy).
        """
        with self._control:
            if self._closed:
                return
            self._closed = True
            if self._acceptor is not None:
                self._acceptor.stop()
                self._acceptor = None
            self._abort_connections()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _record(self, entry: LogEntry) -> None:
        with self._lock:
            self._log.append(entry)

    def _on_accept(self, sock: socket.socket) -> None:
        connection = _ClientConnection(sock, self._context, self._on_exit)
        with self._lock:
            self._accepted += 1
            self._connections.add(connection)
        connection.thread.start()

    def _on_exit(self, connection: _ClientConnection) -> None:
        with self._lock:
            self._connections.discard(connection)

    def _abort_connections(self) -> None:
        """Close every open client connection and wait for its thread (the acceptor is stopped)."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.abort()
        for connection in connections:
            connection.thread.join(_JOIN_TIMEOUT)
            if connection.thread.is_alive():
                raise RuntimeError("a fault proxy connection thread did not stop")
