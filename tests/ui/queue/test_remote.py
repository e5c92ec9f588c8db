"""The registry queue's edge: window labels, times, and the client's errors as the port's."""

from __future__ import annotations

from datetime import datetime

import pytest

from clerk.clock import HALL_TIMEZONE
from clerk.errors import ClerkError, InvalidInput, NotFound, PermissionDenied, RuleViolation
from sync.client import Busy, NotEnrolled, Offline, Refused, SlowDown, SyncError, UpdateNeeded
from ui.queue.port import QueueUnavailable
from ui.queue.remote import hall_time, registry_errors, window_label


@pytest.mark.parametrize(
    ("counter", "name", "window"),
    [
        ("W05", "5号窗口", "5"),
        ("W01", "01号窗口", "1"),  # the embedded demo hall's names
        ("A3", "12 号窗口", "12"),
        ("X", "窗口7", "7"),
        ("W05", "W05", "5"),  # a counter created without a name is named by its code
        ("W05", "", "5"),
        ("W10", "综合受理窗口", "10"),
        ("INFO", "咨询台", "INFO"),
    ],
)
def test_the_window_is_the_number_the_hall_announces(counter: str, name: str, window: str) -> None:
    assert window_label(counter, name) == window


def test_registry_times_become_aware_times_of_the_hall() -> None:
    moment = hall_time("2026-12-03T01:30:00+00:00")

    assert moment == datetime(2026, 12, 3, 9, 30, tzinfo=HALL_TIMEZONE)
    assert moment.utcoffset() == HALL_TIMEZONE.utcoffset(moment)
    assert hall_time("2026-12-03T01:30:00") == moment  # a bare time is UTC, as stored


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (Offline("the registry cannot be reached: ConnectionError"), QueueUnavailable),
        (Busy("the registry is busy (503): ", retry_after=2.0), QueueUnavailable),
        (SlowDown("too many attempts"), QueueUnavailable),
        (NotEnrolled("unknown token", status=401, code="unauthorized"), QueueUnavailable),
        (UpdateNeeded("update Window Clerk", status=426, code="upgrade"), QueueUnavailable),
        (Refused("counter W01 is paused (午休)", status=409, code="paused"), RuleViolation),
        (Refused("a pause needs a reason", status=422, code="invalid"), InvalidInput),
        (Refused("no ticket A077 today", status=404, code="not_found"), NotFound),
        (Refused("kiosks may not do this", status=403, code="forbidden"), PermissionDenied),
    ],
)
def test_client_errors_become_the_ports_errors_with_their_message(
    error: SyncError, expected: type[ClerkError]
) -> None:
    with pytest.raises(expected) as caught, registry_errors():
        raise error

    assert type(caught.value) is expected
    assert str(error) in str(caught.value)
