"""The faults the proxy injects, as SYNC.md's "How it is proven" names them, and their plan."""

from __future__ import annotations

import enum
import http
import random
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from tests.support.http11 import Response

_SERVER_ERRORS = frozenset(status.value for status in http.HTTPStatus if status >= 500)


class FaultKind(enum.Enum):
    """What the proxy does to one HTTP request."""

    PASS = "pass"
    DROP_REQUEST = "drop_request"
    DROP_RESPONSE = "drop_response"
    DUPLICATE = "duplicate"
    DUPLICATE_SECOND = "duplicate_second"
    DELAY = "delay"
    ERROR_5XX = "error_5xx"
    TRUNCATE = "truncate"
    TIMEOUT = "timeout"
    REORDER = "reorder"


@dataclass(frozen=True)
class Fault:
    """One fault; `seconds` belongs to DELAY, `status` and `retry_after` to ERROR_5XX."""

    kind: FaultKind
    seconds: float = 0.0
    status: int = 503
    retry_after: int | None = None

    def __str__(self) -> str:
        if self.kind is FaultKind.DELAY:
            return f"DELAY({self.seconds})"
        if self.kind is FaultKind.ERROR_5XX:
            return f"ERROR_5XX({self.status}, retry_after={self.retry_after})"
        return self.kind.name


PASS = Fault(FaultKind.PASS)
"""Forwarded unchanged."""
DROP_REQUEST = Fault(FaultKind.DROP_REQUEST)
"""Never forwarded; the client connection is closed."""
DROP_RESPONSE = Fault(FaultKind.DROP_RESPONSE)
"""Forwarded and answered upstream (the server committed); the client connection is closed."""
DUPLICATE = Fault(FaultKind.DUPLICATE)
"""Sent upstream twice (the copy on a new connection); the client gets the first response."""
DUPLICATE_SECOND = Fault(FaultKind.DUPLICATE_SECOND)
"""As DUPLICATE, but the client gets the second response."""
TRUNCATE = Fault(FaultKind.TRUNCATE)
"""Forwarded; the client gets the head and half the body, then the connection closes."""
TIMEOUT = Fault(FaultKind.TIMEOUT)
"""Held unanswered, never forwarded, until the client gives up (or the proxy's timeout cap)."""
REORDER = Fault(FaultKind.REORDER)
"""Held until another request has been answered upstream (or the hold cap), then forwarded."""


def delay(seconds: float) -> Fault:
    """A DELAY fault: the request is forwarded after `seconds`.

    Raises:
        ValueError: `seconds` is negative.
    """
    if seconds < 0:
        raise ValueError(f"a delay cannot be negative: {seconds}")
    return Fault(FaultKind.DELAY, seconds=seconds)


def error_5xx(status: int = 503, *, retry_after: int | None = None) -> Fault:
    """An ERROR_5XX fault: the proxy answers `status` itself, with Retry-After if given.

    Raises:
        ValueError: `status` is not a known 5xx code or `retry_after` is negative.
    """
    if status not in _SERVER_ERRORS:
        raise ValueError(f"not a known 5xx status: {status}")
    if retry_after is not None and retry_after < 0:
        raise ValueError(f"Retry-After cannot be negative: {retry_after}")
    return Fault(FaultKind.ERROR_5XX, status=status, retry_after=retry_after)


DEFAULT_CHAOS: tuple[Fault, ...] = (
    DROP_REQUEST,
    DROP_RESPONSE,
    DUPLICATE,
    delay(0.05),
    error_5xx(503),
    error_5xx(502),
    TRUNCATE,
)
"""The faults `chaos()` draws from by default: every one that ends without waiting on a timeout."""


class LogEntry(NamedTuple):
    """One request the proxy handled: the fault applied and the upstream status (None if none)."""

    method: str
    path: str
    fault: Fault
    status: int | None


@dataclass
class _Rule:
    fault: Fault
    remaining: int
    path_prefix: str | None


@dataclass
class _Chaos:
    rng: random.Random
    rate: float
    faults: tuple[Fault, ...]
    path_prefix: str | None


def _matches(path: str, prefix: str | None) -> bool:
    return prefix is None or path.startswith(prefix)


class FaultPlan:
    """Which fault the next request meets: queued faults first (in order), then chaos, else PASS.

    Thread-safe: the tests change the plan while connection threads consult it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []
        self._chaos: _Chaos | None = None

    def add(self, fault: Fault, *, times: int, path_prefix: str | None) -> None:
        """Queue `fault` for the next `times` requests whose target starts with `path_prefix`.

        Raises:
            ValueError: `times` is not positive.
        """
        if times < 1:
            raise ValueError(f"times must be at least 1, not {times}")
        with self._lock:
            self._rules.append(_Rule(fault, times, path_prefix))

    def set_chaos(
        self, rate: float, *, seed: int, faults: Iterable[Fault], path_prefix: str | None
    ) -> None:
        """Draw a fault from `faults` for a `rate` fraction of the requests nothing was queued for.

        Raises:
            ValueError: `rate` is outside [0, 1] or `faults` is empty.
        """
        chosen = tuple(faults)
        if not 0.0 <= rate <= 1.0 or not chosen:
            raise ValueError(f"chaos needs 0 <= rate <= 1 and some faults, not {rate}, {chosen}")
        with self._lock:
            self._chaos = _Chaos(random.Random(seed), rate, chosen, path_prefix)

    def clear(self) -> None:
        """Forget queued faults and chaos."""
        with self._lock:
            self._rules.clear()
            self._chaos = None

    def next_fault(self, path: str) -> Fault:
        """The fault for the request to `path`, consuming a queued one or a chaos draw."""
        with self._lock:
            for rule in self._rules:
                if _matches(path, rule.path_prefix):
                    rule.remaining -= 1
                    if rule.remaining == 0:
                        self._rules.remove(rule)
                    return rule.fault
            chaos = self._chaos
            if chaos is None or not _matches(path, chaos.path_prefix):
                return PASS
            if chaos.rng.random() < chaos.rate:
                return chaos.rng.choice(chaos.faults)
            return PASS


class Holds:
    """Requests held by REORDER, released once any other request has been answered upstream."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._held: list[threading.Event] = []

    def hold(self, wake: threading.Event, is_aborted: Callable[[], bool], cap: float) -> None:
        """Wait on `wake` until released, set by the caller's abort, or `cap` seconds passed."""
        with self._condition:
            self._held.append(wake)
            self._condition.notify_all()
        try:
            if not is_aborted():
                wake.wait(cap)
        finally:
            with self._condition:
                self._held.remove(wake)

    def release_all(self) -> None:
        """Let every request held so far go on: another request has overtaken them."""
        with self._condition:
            for wake in self._held:
                wake.set()

    def wait_until_held(self, count: int, timeout: float) -> bool:
        """Wait until `count` requests are held; returns whether that happened in time."""
        with self._condition:
            return self._condition.wait_for(lambda: len(self._held) >= count, timeout)


def error_response(fault: Fault) -> bytes:
    """The whole HTTP response an ERROR_5XX fault answers with."""
    phrase = http.HTTPStatus(fault.status).phrase
    body = f"fault proxy: injected {fault.status} {phrase}\n".encode()
    lines = [
        f"HTTP/1.1 {fault.status} {phrase}",
        "Content-Type: text/plain; charset=utf-8",
        f"Content-Length: {len(body)}",
    ]
    if fault.retry_after is not None:
        lines.append(f"Retry-After: {fault.retry_after}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def truncated(response: Response) -> bytes:
    """The head and half the body; half the head when there is no body to cut."""
    if response.body:
        return response.head + response.body[: len(response.body) // 2]
    return response.head[: len(response.head) // 2]
