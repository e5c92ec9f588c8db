"""A hypothesis state machine of the sync protocol: several counters, offline periods, faults.

One registry process (SQLite) serves the machine; each run gets a hall of its own and two or
three counters in it, each talking to the registry through its own fault proxy, each starting
with a few synchronised cases. Steps: a counter takes a case in (open, record, accept); its
network goes down, comes back, turns flaky (a share of pushes meets a fault) or steady; its next
request meets a fault (response dropped after the registry committed, duplicated, 5xx,
truncated, request dropped); it syncs, the round's push maybe meeting a fault (an unreachable
or busy registry is what the sync loop shrugs off); an applicant withdraws a case at a counter,
often one the registry has moved on meanwhile; the back office takes the next step on a case
(start_review, approve) through the registry's API as the hall's supervisor. A stale intent is
rejected into the needs-attention list: that is the protocol working, not a failure.

After every step: no case went back at the registry (version, status) and no two counters hold
the same document number. At the end of every run, with a last case at each counter, the
network healed and two sync rounds everywhere: SYNC.md's invariants (`check_invariants`), the
counters and the registry agree on which operations were rejected, and every document a counter
numbered is at the registry. The machine found that a rejection whose answer was lost came back
as a mere duplicate and never reached the counter's list; the last test pins that down.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from clerk import services
from clerk.cases.status import RANK, CaseStatus
from clerk.catalog import DEMO_CATALOGUE, load_catalogue
from clerk.ports import OpState
from clerk.scans import ScanFolder
from clerk.store import open_store
from registry import admin
from registry.db import utc_now
from registry.schema import CASES, DOCUMENTS, OPS
from sync.client import Busy, Offline, RegistryClient
from sync.enrol import enrol
from tests.integration.sync.harness import (
    HALL,
    STAFF,
    Counter,
    RegistryProcess,
    at,
    check_invariants,
    local_cases,
    local_ops,
)
from tests.support.faultproxy import (
    DROP_REQUEST,
    DROP_RESPONSE,
    DUPLICATE,
    DUPLICATE_SECOND,
    TRUNCATE,
    Fault,
    FaultProxy,
    error_5xx,
)

API = "/api/v1"
FAULTS = (
    DROP_REQUEST,
    DROP_RESPONSE,
    DUPLICATE,
    DUPLICATE_SECOND,
    TRUNCATE,
    error_5xx(503),
    error_5xx(502, retry_after=1),
)
PUSH = f"{API}/sync/push"
PATHS = (PUSH, f"{API}/sync/changes", f"{API}/sync/status", None)
"""Where a fault strikes: the next request to that path (None: the next request of any kind)."""
LINKS = ("down", "up", "flaky", "steady")
FLAKY_RATE = 0.4
"""The share of a flaky link's pushes that meet a fault."""
NEXT_DECISION = {CaseStatus.ACCEPTED.value: "start_review", CaseStatus.IN_REVIEW.value: "approve"}
WITHDRAWABLE = frozenset({CaseStatus.ACCEPTED.value, CaseStatus.IN_REVIEW.value})
EXAMPLES = 25 if os.environ.get("CI") else 10
STEPS = 30
COUNTERS = ("W01", "W02", "W03")
COUNTER_INDEX = st.integers(min_value=0, max_value=len(COUNTERS) - 1)


@dataclass
class World:
    """What every run of the machine shares: the registry process and a folder for stores."""

    registry: RegistryProcess
    folder: Path
    halls: Iterator[int] = field(default_factory=itertools.count)


def new_hall(registry: RegistryProcess, hall: str) -> None:
    """A hall with counters W01–W03 and its supervisor S001 (the catalogue is global)."""
    name, role, password = STAFF["S001"]
    with registry.db() as connection:
        admin.create_hall(connection, code=hall, name=hall, now=utc_now())
        for code in COUNTERS:
            admin.create_counter(connection, hall=hall, code=code)
        admin.create_staff(
            connection,
            staff_id=f"{hall}S001",
            hall=hall,
            name=name,
            role=role,
            password=password,
            now=utc_now(),
        )


def enrolled(registry: RegistryProcess, hall: str, code: str, folder: Path, url: str) -> Counter:
    """A counter of `hall` enrolled through `url` (its proxy), with the catalogue pulled."""
    folder.mkdir(parents=True)
    store = open_store(folder / "counter.db")
    client = RegistryClient(url, timeout=(2.0, 5.0))
    enrol(store, client, registry.enrolment_code(code, hall=hall))
    counter = Counter(code, store, client, ScanFolder(folder / "scans"))
    counter.sync()
    return counter


def supervisor_headers(registry: RegistryProcess, hall: str) -> dict[str, str]:
    """A session of the hall's supervisor (S001), as the back office would hold it."""
    answer = requests.post(
        f"{registry.url}{API}/auth/login",
        json={"staff_id": f"{hall}S001", "password": STAFF["S001"][2]},
        timeout=10,
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def decide(registry: RegistryProcess, session: dict[str, str], case_id: str, action: str) -> None:
    """A back-office decision on the case as the registry holds it now."""
    url = f"{registry.url}{API}/cases/{case_id}"
    version = requests.get(url, headers=session, timeout=10).json()["version"]
    decision = {"action": action, "base_version": version, "reason": "审查"}
    answer = requests.post(f"{url}/decisions", json=decision, headers=session, timeout=10)
    assert answer.status_code == 200, answer.text


def registry_rejections(registry: RegistryProcess, counter: Counter) -> set[str]:
    """op_ids of the counter's operations the registry rejected (its needs-attention list)."""
    device = counter.store.device.device_id
    with registry.db() as connection:
        query = select(OPS.c.op_id).where(
            OPS.c.device_id == device, OPS.c.state == OpState.REJECTED.value
        )
        return set(connection.execute(query).scalars())


def local_documents(counter: Counter) -> dict[str, str]:
    """number → case_id of every document in a counter's store (the ones it numbered)."""
    with counter.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT number, case_id FROM documents")
        return {row[0]: row[1] for row in rows}


def local_rejections(counter: Counter) -> set[str]:
    """op_ids the counter holds as rejected (its needs-attention list)."""
    return {op_id for op_id, state in local_ops(counter) if state == OpState.REJECTED.value}


class Protocol(RuleBasedStateMachine):
    """Counters of one hall, their networks and the back office, against the registry."""

    def __init__(self, world: World) -> None:
        super().__init__()
        self.registry = world.registry
        self.hall = f"H{next(world.halls):03d}"
        self.folder = world.folder / self.hall
        self.counters: list[Counter] = []
        self.proxies: list[FaultProxy] = []
        self.seen: dict[str, tuple[int, int]] = {}
        self.applicants = itertools.count(1)
        new_hall(self.registry, self.hall)
        self.back_office = supervisor_headers(self.registry, self.hall)

    @initialize(count=st.integers(min_value=2, max_value=3), cases=st.integers(0, 2))
    def open_counters(self, count: int, cases: int) -> None:
        """The hall opens: its counters enrol, each with `cases` cases already synchronised."""
        for code in COUNTERS[:count]:
            proxy = FaultProxy("127.0.0.1", self.registry.port, timeout_cap=5.0)
            self.proxies.append(proxy)
            counter = enrolled(self.registry, self.hall, code, self.folder / code, proxy.url)
            self.counters.append(counter)
            for _ in range(cases):
                counter.open_and_accept(next(self.applicants))
        for counter in self.counters:
            counter.sync()

    def counter(self, index: int) -> Counter:
        return self.counters[index % len(self.counters)]

    def proxy(self, index: int) -> FaultProxy:
        return self.proxies[index % len(self.proxies)]

    # -- rules --------------------------------------------------------------------------

    @rule(who=COUNTER_INDEX)
    def take_a_case_in(self, who: int) -> None:
        self.counter(who).open_and_accept(next(self.applicants))

    @rule(who=COUNTER_INDEX, link=st.sampled_from(LINKS), seed=st.integers(0, 2**16))
    def network(self, who: int, link: str, seed: int) -> None:
        """The counter's network goes down, comes back, turns flaky or steady."""
        proxy = self.proxy(who)
        if link in ("down", "up"):
            proxy.set_down(link == "down")
        else:
            rate = FLAKY_RATE if link == "flaky" else 0.0
            proxy.chaos(rate, seed=seed, faults=FAULTS, path_prefix=PUSH)

    @rule(who=COUNTER_INDEX, fault=st.sampled_from(FAULTS), path=st.sampled_from(PATHS))
    def fault(self, who: int, fault: Fault, path: str | None) -> None:
        """The counter's next request to `path` meets `fault`."""
        self.proxy(who).inject(fault, path_prefix=path)

    @rule(who=COUNTER_INDEX, push_fault=st.none() | st.sampled_from(FAULTS))
    def sync(self, who: int, push_fault: Fault | None) -> None:
        """A sync round, as the sync loop runs it; its next push may meet a fault."""
        if push_fault is not None:
            self.proxy(who).inject(push_fault, path_prefix=PUSH)
        with contextlib.suppress(Offline, Busy):  # the sync loop backs off and tries later
            self.counter(who).sync()

    def withdrawable(self, *, stale: bool = False) -> list[tuple[int, str]]:
        """(counter, case) of the open cases counters hold; `stale`: the registry moved on."""
        with self.registry.db() as connection:
            rows = connection.execute(
                select(CASES.c.case_id, CASES.c.status).where(CASES.c.hall == self.hall)
            )
            registry = {row.case_id: row.status for row in rows}
        return [
            (index, case_id)
            for index, counter in enumerate(self.counters)
            for case_id, (status, _) in sorted(local_cases(counter).items())
            if status in WITHDRAWABLE and (not stale or registry.get(case_id, status) != status)
        ]

    def decidable(self) -> list[tuple[str, str]]:
        """(case, status) of the registry's cases the back office can take a step on."""
        with self.registry.db() as connection:
            rows = connection.execute(
                select(CASES.c.case_id, CASES.c.status)
                .where(CASES.c.hall == self.hall, CASES.c.status.in_(NEXT_DECISION))
                .order_by(CASES.c.case_id)
            )
            return [(row.case_id, row.status) for row in rows]

    @precondition(lambda self: bool(self.withdrawable()))
    @rule(stale=st.booleans(), data=st.data())
    def withdraw(self, stale: bool, data: st.DataObject) -> None:
        """The applicant withdraws at a counter: maybe a case the registry moved on (stale)."""
        cases = self.withdrawable(stale=stale) or self.withdrawable()
        index, case_id = data.draw(st.sampled_from(cases), label="withdrawn")
        counter = self.counters[index]
        services.withdraw(
            counter.store.unit_of_work(),
            case_id=case_id,
            reason="申请人撤回申请",
            actor=counter.clerk,
            now=at("2026-03-02 10:00"),
        )

    @precondition(lambda self: bool(self.decidable()))
    @rule(data=st.data())
    def back_office_decides(self, data: st.DataObject) -> None:
        """The back office takes the next step on a case, through the registry's API."""
        case_id, status = data.draw(st.sampled_from(self.decidable()), label="decided")
        decide(self.registry, self.back_office, case_id, NEXT_DECISION[status])

    # -- invariants -------------------------------------------------------------------

    @invariant()
    def registry_only_moves_forward(self) -> None:
        with self.registry.db() as connection:
            rows = connection.execute(
                select(CASES.c.case_id, CASES.c.version, CASES.c.status).where(
                    CASES.c.hall == self.hall
                )
            ).all()
        for case_id, version, status in rows:
            before_version, before_rank = self.seen.get(case_id, (0, 0))
            rank = RANK[CaseStatus(status)]
            assert version >= before_version, f"case {case_id} went back to version {version}"
            assert rank >= before_rank, f"case {case_id} went back to {status}"
            self.seen[case_id] = (version, rank)

    @invariant()
    def document_numbers_are_unique(self) -> None:
        numbers = [number for counter in self.counters for number in local_documents(counter)]
        assert len(numbers) == len(set(numbers)), "two counters issued the same number"

    # -- the end of a run ---------------------------------------------------------------

    def heal_and_drain(self) -> None:
        """Each counter takes a last case in; the network comes back; every counter syncs twice."""
        for counter in self.counters:
            counter.open_and_accept(next(self.applicants))
        for proxy in self.proxies:
            proxy.clear()
            proxy.set_down(False)
        for _ in range(2):
            for counter in self.counters:
                counter.sync()

    def check_agreement(self) -> None:
        """Rejections agree on both sides; every document numbered is at the registry."""
        with self.registry.db() as connection:
            documents = {
                row.number: row.case_id
                for row in connection.execute(select(DOCUMENTS.c.number, DOCUMENTS.c.case_id))
            }
        for counter in self.counters:
            held = registry_rejections(self.registry, counter)
            assert local_rejections(counter) == held, f"{counter.name}: rejections disagree"
            for number, case_id in local_documents(counter).items():
                assert documents.get(number) == case_id, f"document {number} is not at the registry"

    def teardown(self) -> None:
        try:
            if self.counters:
                self.heal_and_drain()
                check_invariants(self.registry, self.counters, hall=self.hall)
                self.check_agreement()
        finally:
            for counter in self.counters:
                counter.close()
            for proxy in self.proxies:
                proxy.close()


def bound_to(world: World) -> type[Protocol]:
    """The machine, its runs sharing `world`."""

    class Bound(Protocol):
        def __init__(self) -> None:
            super().__init__(world)

    return Bound


@pytest.mark.slow
def test_the_protocol_holds_with_several_counters_offline_periods_and_faults(
    tmp_path: Path,
) -> None:
    registry = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    with registry.db() as connection:
        admin.import_catalogue(connection, load_catalogue(DEMO_CATALOGUE), now=utc_now())
    try:
        registry.start()
        world = World(registry, tmp_path)
        run_state_machine_as_test(
            bound_to(world),
            settings=settings(
                max_examples=EXAMPLES,
                stateful_step_count=STEPS,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
    finally:
        registry.close()


def test_a_rejection_whose_answer_was_lost_still_needs_attention_at_the_counter(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    """Found by the machine: a stale intent pushed again after its answer was lost came back as
    a mere duplicate, so the counter never listed the rejection the registry holds."""
    with FaultProxy("127.0.0.1", registry.port) as proxy:
        counter = make_counter("W01", url=proxy.url)
        case_id = counter.open_and_accept(1)
        counter.sync()
        decide(registry, supervisor_headers(registry, HALL), case_id, "start_review")
        services.withdraw(
            counter.store.unit_of_work(),
            case_id=case_id,
            reason="申请人撤回申请",
            actor=counter.clerk,
            now=at("2026-03-02 10:00"),
        )
        proxy.inject(DROP_RESPONSE, path_prefix=PUSH)
        with pytest.raises(Offline):
            counter.sync()  # the registry rejected the withdrawal; the answer never arrived
        counter.sync()
        assert len(registry_rejections(registry, counter)) == 1
        assert local_rejections(counter) == registry_rejections(registry, counter)
        check_invariants(registry, [counter])
