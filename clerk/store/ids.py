"""Time-ordered unique ids (UUIDv7, RFC 9562) for outbox operations and other local records."""

from __future__ import annotations

import secrets
import threading
import uuid
from datetime import UTC, datetime, timedelta

from clerk.errors import InvalidInput

_COUNTER_BITS = 12
_COUNTER_MAX = (1 << _COUNTER_BITS) - 1
# A fresh millisecond seeds the counter in the lower half so that at least 2048 more ids fit
# into that millisecond before it has to borrow the next one (RFC 9562, section 6.2, method 1).
_SEED_LIMIT = 1 << (_COUNTER_BITS - 1)
_RAND_B_BITS = 62
_VERSION = 0x7
_VARIANT = 0b10
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


class Uuid7Generator:
    """Makes UUIDv7 strings that strictly increase within this generator, across threads.

    Layout (RFC 9562): 48-bit Unix time in milliseconds, version 7, a 12-bit counter in rand_a,
    variant 0b10, 62 random bits. Within one millisecond the counter orders the ids; when it
    runs out, or when the clock steps back, the generator borrows the next millisecond, so an
    id's timestamp may run slightly ahead of the clock but the order never breaks.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_ms = -1
        self._counter = 0

    def new(self, now: datetime | None = None) -> str:
        """Return the next id.

        Args:
            now: the time to embed (timezone-aware); the system clock when omitted.

        Returns:
            The id in its canonical 36-character lowercase form, which sorts like the id.

        Raises:
            InvalidInput: `now` is naive.
        """
        ms = _unix_ms(now)
        with self._lock:
            ms, counter = self._advance(ms)
        value = (ms << 80) | (_VERSION << 76) | (counter << 64)
        value |= (_VARIANT << 62) | secrets.randbits(_RAND_B_BITS)
        return str(uuid.UUID(int=value))

    def _advance(self, ms: int) -> tuple[int, int]:
        if ms > self._last_ms:
            self._last_ms, self._counter = ms, secrets.randbelow(_SEED_LIMIT)
        elif self._counter < _COUNTER_MAX:
            self._counter += 1
        else:
            self._last_ms, self._counter = self._last_ms + 1, secrets.randbelow(_SEED_LIMIT)
        return self._last_ms, self._counter


def _unix_ms(now: datetime | None) -> int:
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise InvalidInput("a UUIDv7 needs a timezone-aware time")
    # Integer arithmetic: float timestamps lose the last millisecond for some times.
    return (now - _UNIX_EPOCH) // _MILLISECOND


def uuid7_time(value: str) -> datetime:
    """Return the millisecond time embedded in a UUIDv7 (in UTC).

    Raises:
        InvalidInput: `value` is not a UUID of version 7.
    """
    try:
        parsed = uuid.UUID(value)
    except ValueError as err:
        raise InvalidInput("{value!r} is not a UUID", value=value) from err
    if parsed.version != _VERSION:
        raise InvalidInput("{value!r} is not a version 7 UUID", value=value)
    return _UNIX_EPOCH + (parsed.int >> 80) * _MILLISECOND


_DEFAULT = Uuid7Generator()


def uuid7(now: datetime | None = None) -> str:
    """Return a new UUIDv7 from the process-wide generator (monotonic within the process).

    Args:
        now: the time to embed (timezone-aware); the system clock when omitted.

    Returns:
        The canonical lowercase text form.

    Raises:
        InvalidInput: `now` is naive.
    """
    return _DEFAULT.new(now)
