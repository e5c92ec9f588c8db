"""A slow link for the fault proxy: limited bandwidth each way and a one-way latency.

`Link` stands for the wide-area line between a hall and its registry. Each direction is one
shared pipe (every connection of the proxy queues on it, as on a real line): a message of n
bytes occupies its direction for n / bytes_per_second seconds, after the messages queued before
it, and arrives `latency` seconds later. The proxy reads requests from the client through a
`PacedReader`, so a client sending a large body is held back by the link as a real socket would
be (its send buffer fills), and it writes answers to the client through `Link.send_down`.

    link = Link(bytes_per_second=250_000, latency=0.05)   # 2 Mbit/s, 50 ms each way
    with FaultProxy("127.0.0.1", registry_port, link=link) as proxy:
        ...
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

from tests.support.http11 import SocketReader

SLICE = 16 * 1024
"""The most bytes read from or written to the client at once (the pacing's granularity)."""
_RECEIVE_BUFFER = 64 * 1024


@dataclass
class Pipe:
    """One direction of the link: bytes queue on it one message slice after another."""

    bytes_per_second: float
    _free_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    carried: int = 0

    def occupy(self, size: int) -> float:
        """Queue `size` bytes; returns when (perf_counter) their last byte has left."""
        with self._lock:
            start = max(time.perf_counter(), self._free_at)
            self._free_at = start + size / self.bytes_per_second
            self.carried += size
            return self._free_at


@dataclass
class Link:
    """A line with `bytes_per_second` each way and `latency` seconds one way."""

    bytes_per_second: float
    latency: float = 0.0
    up: Pipe = field(init=False)
    down: Pipe = field(init=False)

    def __post_init__(self) -> None:
        if self.bytes_per_second <= 0 or self.latency < 0:
            raise ValueError("a link needs a positive bandwidth and a latency of 0 or more")
        self.up = Pipe(self.bytes_per_second)
        self.down = Pipe(self.bytes_per_second)

    @classmethod
    def kilobits(cls, kbps: float, *, latency_ms: float = 0.0) -> Link:
        """A link of `kbps` kilobits per second each way and `latency_ms` one way."""
        return cls(kbps * 1000 / 8, latency_ms / 1000)

    def send_down(self, sock: socket.socket, data: bytes, aborted: threading.Event) -> None:
        """Deliver an answer to the client: after the latency, at the link's pace.

        Raises:
            OSError: the client went away, or the proxy is closing (`aborted`).
        """
        _wait_until(time.perf_counter() + self.latency, aborted)
        view = memoryview(data)
        for start in range(0, len(view), SLICE):
            piece = view[start : start + SLICE]
            _wait_until(self.down.occupy(len(piece)), aborted)
            sock.sendall(piece)

    def arrive_up(self, aborted: threading.Event) -> None:
        """A request read in full travels the latency before the proxy forwards it.

        Raises:
            OSError: the proxy is closing.
        """
        _wait_until(time.perf_counter() + self.latency, aborted)


class PacedReader(SocketReader):
    """Reads the client's bytes no faster than the link's upward pipe carries them."""

    def __init__(self, sock: socket.socket, link: Link, aborted: threading.Event) -> None:
        super().__init__(sock)
        # A small receive buffer, so the client feels the link (its sends block) early.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _RECEIVE_BUFFER)
        self._link, self._aborted = link, aborted

    def _fill(self) -> bool:
        data = self._sock.recv(SLICE)
        if data:
            _wait_until(self._link.up.occupy(len(data)), self._aborted)
        self._buffer += data
        return bool(data)


def _wait_until(moment: float, aborted: threading.Event) -> None:
    delay = moment - time.perf_counter()
    if delay > 0 and aborted.wait(delay):
        raise OSError("the proxy is shutting this connection down")
