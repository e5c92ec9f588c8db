"""Staff login at the counter: online at the registry, offline against the cached verifier."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from clerk.staff import Role
from registry import admin
from registry.db import utc_now
from sync.login import FREE_FAILURES, LoginRefused, log_in, offline_login
from tests.integration.sync.harness import STAFF, Counter, RegistryProcess

CLERK, PASSWORD = "SF01C001", STAFF["C001"][2]


def now() -> datetime:
    return datetime.now(UTC)


def test_online_login_returns_a_registry_session(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    login = log_in(
        counter.store.ledger(), counter.client, staff_id=CLERK, password=PASSWORD, now=now()
    )
    assert (login.actor.staff_id, login.actor.role, login.offline) == (CLERK, Role.CLERK, False)
    assert login.session is not None
    with pytest.raises(LoginRefused, match="wrong staff number or password"):
        log_in(counter.store.ledger(), counter.client, staff_id=CLERK, password="nope", now=now())


def test_with_the_registry_down_the_hall_s_staff_still_log_in_offline(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    registry.stop()
    login = log_in(
        counter.store.ledger(), counter.client, staff_id=CLERK, password=PASSWORD, now=now()
    )
    assert (login.actor.name, login.offline, login.session) == ("王芳", True, None)
    with pytest.raises(LoginRefused):
        log_in(
            counter.store.ledger(),
            counter.client,
            staff_id="SF01X999",
            password=PASSWORD,
            now=now(),
        )


def test_offline_failures_lock_the_member_out_for_a_doubling_time(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    ledger, moment = counter.store.ledger(), now()
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(LoginRefused, match="wrong"):
            offline_login(ledger, staff_id=CLERK, password="guess", now=moment)
    with pytest.raises(LoginRefused, match="too many") as refused:
        offline_login(ledger, staff_id=CLERK, password=PASSWORD, now=moment)
    assert refused.value.retry_after == pytest.approx(2.0)
    later = moment + timedelta(seconds=3)
    assert offline_login(ledger, staff_id=CLERK, password=PASSWORD, now=later).staff_id == CLERK


def test_a_registry_lock_out_is_not_bypassed_offline(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(LoginRefused):
            log_in(
                counter.store.ledger(), counter.client, staff_id=CLERK, password="guess", now=now()
            )
    with pytest.raises(LoginRefused, match="too many") as refused:
        log_in(counter.store.ledger(), counter.client, staff_id=CLERK, password=PASSWORD, now=now())
    assert refused.value.retry_after is not None


def test_a_deactivated_member_is_refused_offline_once_the_counter_has_heard_of_it(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    with registry.db() as connection:
        admin.set_staff_active(connection, staff_id=CLERK, active=False, now=utc_now())
    counter.sync()
    with pytest.raises(LoginRefused):
        offline_login(counter.store.ledger(), staff_id=CLERK, password=PASSWORD, now=now())
