"""A tiny HTTP/1.1 upstream for the fault proxy's tests: counts POSTs, echoes bodies.

Every POST is answered 200 with its body echoed and an X-Post-Number header (1, 2, ...); GET
serves a few fixed shapes of response: plain, chunked, gzip, large, empty (204).
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CHUNKS = (b"first chunk;", b"second chunk;", b"third chunk")
PLAIN = "你好, hall SF01".encode()
GZIPPED = gzip.compress(b"compressed " * 200, mtime=0)
LARGE = bytes(range(256)) * 400


@dataclass
class Seen:
    """What the upstream received: POSTs in order, with the client port they came from."""

    posts: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_post(self, path: str, port: int) -> int:
        """Record a POST; returns its number (1-based)."""
        with self.lock:
            self.posts.append((path, port))
            return len(self.posts)

    @property
    def count(self) -> int:
        """How many POSTs arrived."""
        with self.lock:
            return len(self.posts)

    @property
    def paths(self) -> list[str]:
        """The paths of the POSTs, in arrival order."""
        with self.lock:
            return [path for path, _ in self.posts]

    @property
    def ports(self) -> list[int]:
        """The client (proxy-side) port of each POST: one per upstream connection."""
        with self.lock:
            return [port for _, port in self.posts]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen = Seen()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while size := int(self.rfile.readline().split(b";")[0], 16):
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b""):
                pass
            return b"".join(parts)
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_chunked(self) -> None:
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in CHUNKS:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def do_POST(self) -> None:
        """Echo the body, numbered."""
        body = self._body()
        assert isinstance(self.server, _Server)
        number = self.server.seen.add_post(self.path, self.client_address[1])
        self._send(200, body, {"X-Post-Number": str(number)})

    def do_GET(self) -> None:
        """Serve one of the fixed responses."""
        if self.path == "/chunked":
            self._send_chunked()
        elif self.path == "/gzip":
            self._send(200, GZIPPED, {"Content-Encoding": "gzip"})
        elif self.path == "/large":
            self._send(200, LARGE)
        elif self.path == "/empty":
            self.send_response(204)
            self.end_headers()
        else:
            self._send(200, PLAIN, {"Content-Type": "text/plain; charset=utf-8"})

    def do_HEAD(self) -> None:
        """The GET response's head only (`_send` leaves the body out)."""
        self.do_GET()


@dataclass(frozen=True)
class EchoServer:
    """A running echo server: where it listens and what it saw."""

    port: int
    seen: Seen


def running_echo_server() -> Iterator[EchoServer]:
    """Serve on a free loopback port until the generator is closed (a fixture's body)."""
    server = _Server()
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="echo-server"
    )
    thread.start()
    try:
        yield EchoServer(server.server_port, server.seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
