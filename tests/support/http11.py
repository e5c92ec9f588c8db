"""Just enough HTTP/1.1 framing for the fault proxy: whole messages read as their raw bytes.

Bodies are never decoded (gzip, chunked framing and all pass through byte for byte); the proxy
only needs to know where one message ends and the next begins.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass

MAX_HEAD = 64 * 1024
_RECV_SIZE = 256 * 1024
_CRLF = b"\r\n"
_NO_BODY_STATUSES = frozenset({204, 304})


class HttpFramingError(Exception):
    """The peer sent something that is not a well-framed HTTP/1.1 message, or closed mid-way."""


class SocketReader:
    """Buffered reads from a blocking socket: delimited pieces, exact sizes, all until EOF."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buffer = bytearray()

    def _fill(self) -> bool:
        data = self._sock.recv(_RECV_SIZE)
        self._buffer += data
        return bool(data)

    def _take(self, size: int) -> bytes:
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def read_until(self, marker: bytes, limit: int = MAX_HEAD) -> bytes | None:
        """Read up to and including `marker`.

        Args:
            marker: the delimiter, e.g. CRLF or CRLF CRLF.
            limit: the most bytes to buffer while looking for it.

        Returns:
            The bytes read, or None if the peer closed before sending a single byte.

        Raises:
            HttpFramingError: the peer closed mid-way or the limit was exceeded.
            OSError: the socket failed.
        """
        start = 0
        while (index := self._buffer.find(marker, start)) < 0:
            if len(self._buffer) > limit:
                raise HttpFramingError(f"no {marker!r} within {limit} bytes")
            start = max(0, len(self._buffer) - len(marker) + 1)
            if not self._fill():
                if not self._buffer:
                    return None
                raise HttpFramingError("connection closed in the middle of a message")
        return self._take(index + len(marker))

    def read_exact(self, size: int) -> bytes:
        """Read exactly `size` bytes.

        Raises:
            HttpFramingError: the peer closed first.
            OSError: the socket failed.
        """
        while len(self._buffer) < size:
            if not self._fill():
                raise HttpFramingError(f"connection closed after {len(self._buffer)}/{size} bytes")
        return self._take(size)

    def read_to_eof(self) -> bytes:
        """Read everything until the peer closes (a response framed by the connection's end)."""
        while self._fill():
            pass
        return self._take(len(self._buffer))


@dataclass(frozen=True)
class Message:
    """One HTTP message: its head (start line and headers, CRLF CRLF included) and raw body."""

    start_line: str
    headers: tuple[tuple[str, str], ...]
    head: bytes
    body: bytes

    @property
    def raw(self) -> bytes:
        """The message exactly as it travelled."""
        return self.head + self.body

    def header(self, name: str) -> str | None:
        """The last value of header `name` (case-insensitive), or None."""
        values = [value for key, value in self.headers if key == name.lower()]
        return values[-1] if values else None

    def tokens(self, name: str) -> list[str]:
        """The comma-separated tokens of every `name` header, lower-cased, in order."""
        found = [value for key, value in self.headers if key == name.lower()]
        return [token.strip().lower() for value in found for token in value.split(",")]


def _keeps_alive(message: Message, version: str) -> bool:
    tokens = message.tokens("connection")
    if version == "HTTP/1.0":
        return "keep-alive" in tokens
    return "close" not in tokens


@dataclass(frozen=True)
class Request(Message):
    """A request; `target` is the request-target as sent, e.g. "/api/v1/push?x=1"."""

    @property
    def method(self) -> str:
        """The request method, e.g. "POST"."""
        return self.start_line.split(" ", 1)[0]

    @property
    def target(self) -> str:
        """The request-target."""
        parts = self.start_line.split(" ")
        return parts[1] if len(parts) > 1 else ""

    @property
    def keep_alive(self) -> bool:
        """Whether the client lets the connection carry another request after this one."""
        return _keeps_alive(self, self.start_line.rsplit(" ", 1)[-1])


@dataclass(frozen=True)
class Response(Message):
    """A final response; `until_eof` when its body was framed by the connection closing."""

    until_eof: bool = False

    @property
    def status(self) -> int:
        """The status code."""
        return int(self.start_line.split(" ", 2)[1])

    @property
    def keep_alive(self) -> bool:
        """Whether the connection may carry another request after this response."""
        return not self.until_eof and _keeps_alive(self, self.start_line.split(" ", 1)[0])


def parse_head(head: bytes) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Split a message head into its start line and (lower-cased name, value) headers.

    Raises:
        HttpFramingError: a header line has no colon.
    """
    start_line, *lines = head.decode("latin-1").split("\r\n")
    headers: list[tuple[str, str]] = []
    for line in filter(None, lines):
        name, colon, value = line.partition(":")
        if not colon:
            raise HttpFramingError(f"malformed header line {line!r}")
        headers.append((name.strip().lower(), value.strip()))
    return start_line, tuple(headers)


def _read_chunked(reader: SocketReader) -> bytes:
    parts: list[bytes] = []
    while True:
        line = _required(reader.read_until(_CRLF))
        parts.append(line)
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError as exc:
            raise HttpFramingError(f"bad chunk size line {line!r}") from exc
        if size == 0:
            break
        parts.append(reader.read_exact(size + len(_CRLF)))
    while (trailer := _required(reader.read_until(_CRLF))) != _CRLF:
        parts.append(trailer)
    parts.append(trailer)
    return b"".join(parts)


def _required(data: bytes | None) -> bytes:
    if data is None:
        raise HttpFramingError("connection closed in the middle of a message")
    return data


def _read_framed_body(reader: SocketReader, message: Message) -> bytes | None:
    """The body framed by chunked encoding or Content-Length; None when neither is present."""
    if message.tokens("transfer-encoding")[-1:] == ["chunked"]:
        return _read_chunked(reader)
    length = message.header("content-length")
    if length is None:
        return None
    if not length.isdigit():
        raise HttpFramingError(f"bad Content-Length {length!r}")
    return reader.read_exact(int(length))


def _read_head(reader: SocketReader) -> tuple[bytes, str, tuple[tuple[str, str], ...]] | None:
    head = reader.read_until(_CRLF + _CRLF)
    if head is None:
        return None
    start_line, headers = parse_head(head)
    return head, start_line, headers


def read_request(
    reader: SocketReader, *, on_expect_continue: Callable[[], None] | None = None
) -> Request | None:
    """Read one whole request.

    Args:
        reader: the client side of the connection.
        on_expect_continue: called between head and body when the client sent
            "Expect: 100-continue" (the proxy answers it itself).

    Returns:
        The request, or None if the client closed the connection between requests.

    Raises:
        HttpFramingError: the request is malformed or was cut off.
        OSError: the socket failed.
    """
    parsed = _read_head(reader)
    if parsed is None:
        return None
    head, start_line, headers = parsed
    request = Request(start_line, headers, head, b"")
    if on_expect_continue is not None and "100-continue" in request.tokens("expect"):
        on_expect_continue()
    body = _read_framed_body(reader, request)
    return Request(start_line, headers, head, body or b"")


def read_response(reader: SocketReader, *, request_method: str) -> Response:
    """Read the final response to a request, skipping interim 1xx responses.

    Args:
        reader: the upstream side of the connection.
        request_method: the method of the request answered (HEAD responses have no body).

    Returns:
        The response.

    Raises:
        HttpFramingError: the response is malformed, or the upstream closed before a response.
        OSError: the socket failed.
    """
    while True:
        head, start_line, headers = _required_head(_read_head(reader))
        response = Response(start_line, headers, head, b"")
        try:
            status = response.status
        except (IndexError, ValueError) as exc:
            raise HttpFramingError(f"bad status line {start_line!r}") from exc
        if not 100 <= status < 200:
            break
    if request_method == "HEAD" or status in _NO_BODY_STATUSES:
        return response
    body = _read_framed_body(reader, response)
    if body is None:
        return Response(start_line, headers, head, reader.read_to_eof(), until_eof=True)
    return Response(start_line, headers, head, body)


def _required_head(
    parsed: tuple[bytes, str, tuple[tuple[str, str], ...]] | None,
) -> tuple[bytes, str, tuple[tuple[str, str], ...]]:
    if parsed is None:
        raise HttpFramingError("the upstream closed the connection without a response")
    return parsed
