"""What the session screens say: lock-out waits, refusals (source language; zh in its table)."""

from __future__ import annotations

import pytest

from sync.client import Busy, NotEnrolled, Offline
from sync.login import LoginRefused
from ui.session.messages import user_message, wait_text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.2, "1 s"), (2.0, "2 s"), (59.5, "1 min"), (120.0, "2 min"), (125.0, "2 min 5 s")],
)
def test_a_wait_is_rounded_up_to_the_second(seconds: float, text: str) -> None:
    assert wait_text(seconds) == text


def test_refusals_are_told_apart() -> None:
    assert user_message(LoginRefused("too many failed logins", retry_after=900)) == (
        "Too many failed attempts: try again in 15 min."
    )
    assert user_message(LoginRefused("wrong staff number or password")) == (
        "Wrong staff number or password."
    )
    assert user_message(NotEnrolled("no", status=401, code="unauthorized")).startswith(
        "This enrolment code is unknown"
    )
    assert user_message(Offline("the registry cannot be reached: ConnectTimeout")).startswith(
        "The registry cannot be reached"
    )
    assert user_message(Busy("the registry is busy (503)")).startswith("The registry is busy")


def test_an_unexpected_error_points_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    assert user_message(ZeroDivisionError("x")).endswith("the details are in the log.")
    assert any(record.exc_info for record in caplog.records)
