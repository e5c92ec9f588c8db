"""The follow-up screens' source against a real registry process over HTTP.

What the back office decides at the registry (review, suspension) and what the registry
rejects reach the counter through real synchronisation rounds; the deadlines board, the case
timeline (with the back office's names from the staff cache) and the needs-attention list then
show them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from clerk import services
from clerk.cases import CaseStatus
from clerk.services.deadlines import DeadlineGroup
from clerk.services.followup import STATUS_CHANGED
from printing.from_domain import PrintContext
from tests.integration.followup.builders import DISABILITY, FOOD, accepted, applicant
from tests.integration.sync.harness import Counter, RegistryProcess, staff_session
from ui.followup.source import FollowupSource


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[RegistryProcess]:
    """A running registry on SQLite with hall SF01, its staff and the demo catalogue."""
    process = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    process.setup_hall()
    process.start()
    yield process
    process.close()


@pytest.fixture
def counter(registry: RegistryProcess, tmp_path: Path) -> Iterator[Counter]:
    """Counter W01, enrolled and synchronised once."""
    made = Counter.enrolled(registry, "W01", tmp_path / "W01")
    yield made
    made.close()


def decide(registry: RegistryProcess, case_id: str, *actions: dict[str, str]) -> None:
    """The supervisor S001 (张敏) decides at the registry, one action after the other."""
    headers = staff_session(registry, "S001")
    url = f"{registry.url}/api/v1/cases/{case_id}"
    base = requests.get(url, headers=headers, timeout=10).json()["version"]
    for action in actions:
        answer = requests.post(
            f"{url}/decisions", json={**action, "base_version": base}, headers=headers, timeout=10
        )
        assert answer.status_code == 200, answer.text
        base = answer.json()["version"]


def test_back_office_moves_and_rejections_reach_the_follow_up_screens(
    registry: RegistryProcess, counter: Counter
) -> None:
    # The registry stamps its moves with the real time, so the counter works in real time too.
    start = datetime.now(UTC) - timedelta(minutes=30)
    clerk = counter.clerk
    paused = accepted(counter.store, applicant(1, "张三"), when=start, item=DISABILITY, actor=clerk)
    stale = accepted(counter.store, applicant(2, "李四"), when=start, item=FOOD, actor=clerk)
    counter.sync()
    decide(
        registry,
        paused,
        {"action": "start_review"},
        {"action": "suspend", "kind": "assessment", "reason": "残疾类别和等级评定"},
    )
    decide(registry, stale, {"action": "start_review"})
    services.withdraw(  # on the copy from before the review started
        counter.store.unit_of_work(),
        case_id=stale,
        reason="申请人撤回",
        actor=clerk,
        now=datetime.now(UTC),
    )
    counter.sync()

    source = FollowupSource(
        counter.store,
        actor=lambda: clerk,
        context=PrintContext(hall="测试大厅"),
        clock=lambda: datetime.now(UTC) + timedelta(days=1),
    )
    board = {row.case_id: row for row in source.deadlines()}
    assert board[paused].group is DeadlineGroup.SUSPENDED
    assert board[paused].status is CaseStatus.SUSPENDED
    assert board[stale].status is CaseStatus.IN_REVIEW  # the registry's copy came back

    timeline = source.case_file(paused).timeline
    registry_rows = [row for row in timeline if row.action == STATUS_CHANGED]
    assert [(row.status, row.actor_id, row.actor_name) for row in registry_rows] == [
        (CaseStatus.IN_REVIEW, "SF01S001", "张敏"),
        (CaseStatus.SUSPENDED, "SF01S001", "张敏"),
    ]
    assert not any(row.here for row in registry_rows)
    assert all(row.here for row in timeline if row.action != STATUS_CHANGED)

    (rejected,) = source.attention()
    assert (rejected.case_id, rejected.action, rejected.code) == (stale, "case.withdrawn", "stale")
    assert rejected.status is CaseStatus.IN_REVIEW
    assert "changed at the registry" in rejected.reason
