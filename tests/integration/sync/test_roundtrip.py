"""Push, pull and convergence between counters through a real registry process."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from clerk.ports import OpState
from registry.schema import DOCUMENTS, OPS
from tests.integration.sync.harness import (
    Counter,
    RegistryProcess,
    check_invariants,
    local_cases,
    local_ops,
)


def test_work_of_one_counter_reaches_the_registry_and_the_other_counters(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01, w02 = make_counter("W01"), make_counter("W02")
    cases = [w01.open_and_accept(n) for n in range(5)]
    cases += [w02.open_and_accept(100 + n) for n in range(3)]
    for counter in (w01, w02, w01):
        counter.sync()
    check_invariants(registry, [w01, w02])
    with registry.db() as connection:
        assert connection.scalar(select(func.count()).select_from(OPS)) == 8 * 3
        assert connection.scalar(select(func.count()).select_from(DOCUMENTS)) == 8
    assert {state for _, state in local_ops(w01)} == {OpState.APPLIED.value}
    assert set(cases) <= set(local_cases(w02))
