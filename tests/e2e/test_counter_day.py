"""A whole counter day, by keys only, against a real registry process that stops at midday.

Eight applicants at counter W01: accepted with its receipt; a one-time notice, then the return
visit where a second notice is refused by the one-time rule and the case is accepted; 容缺;
告知承诺; a refusal the supervisor approves at this counter; a 即办件 completed on the spot and
its result handed out later; a complaint rated on the customer panel. The hall's tickets are
called with the queue's keys. The registry is stopped after the fourth applicant: the status
bar says offline and the counter goes on; once it is back, everything reconciles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.services import CaseView
from tests.e2e.counter_day import NoMouse, registry_cases, registry_documents, sync_running
from tests.integration.sync.harness import local_cases, local_ops
from tests.printing import pdftools
from tests.ui.workbench.conftest import SUPERVISOR_PASSWORD, WAIT, Bench
from ui.errors import CONTEXT
from ui.workbench.demo_day import COUNTER_DAY, DayPlayer, id_number

ONLINE, OFFLINE = COUNTER_DAY[:4], COUNTER_DAY[4:6]
BACK = COUNTER_DAY[6:]
EXPECTED = {
    "complete": CaseStatus.ACCEPTED,
    "notice": CaseStatus.ACCEPTED,
    "rongque": CaseStatus.ACCEPTED,
    "commitment": CaseStatus.ACCEPTED,
    "refusal": CaseStatus.NOT_ACCEPTED,
    "on-the-spot": CaseStatus.DELIVERED,
    "complaint": CaseStatus.ACCEPTED,
}
ONE_TIME_RULE = (
    "one-time rule: the earlier notice did not list {names}; "
    "a supervisor's override with a reason is required"
)


@pytest.fixture
def no_mouse(qapp: QApplication) -> Iterator[NoMouse]:
    """Every mouse button event the application delivers during the test."""
    watcher = NoMouse()
    qapp.installEventFilter(watcher)
    yield watcher
    qapp.removeEventFilter(watcher)


def stored(bench: Bench, case_id: str) -> CaseView:
    """The case as the counter's store has it."""
    uow = bench.counter.store.unit_of_work(read_only=True)
    return services.get_case(uow, case_id=case_id, now=bench.window.parts.clock())


def paper(bench: Bench, name: str) -> str:
    """The text of a printed PDF (the counter's printer writes them into its data folder)."""
    return pdftools.flat(pdftools.text((bench.printed / f"{name}.pdf").read_bytes()))


def status_text(bench: Bench) -> str:
    """What the status bar says about synchronisation."""
    return bench.window.sync_status.text()


def drained(bench: Bench) -> bool:
    """Online, and nothing waits in the outbox."""
    health = bench.window.sync_status.health
    return health is not None and health.online and health.pending == 0


def play_the_day(qtbot: QtBot, bench: Bench, player: DayPlayer) -> None:
    """The day, with the registry stopped after the fourth applicant and started again."""
    registry = bench.hall.registry
    with sync_running(bench.window, bench.counter) as loop:
        qtbot.waitUntil(lambda: status_text(bench).startswith("Online"), timeout=WAIT)
        player.play(ONLINE)
        registry.stop()
        loop.poke()
        qtbot.waitUntil(lambda: "Offline" in status_text(bench), timeout=WAIT)
        kiosk, player.kiosk = player.kiosk, None  # no hall tickets while the registry is away
        player.play(OFFLINE)
        assert "Offline" in status_text(bench)
        assert bench.window.sync_status.health is not None
        assert bench.window.sync_status.health.pending > 0
        registry.start()
        loop.poke()
        qtbot.waitUntil(lambda: drained(bench), timeout=WAIT)
        player.kiosk = kiosk
        player.play(BACK)
        loop.poke()
        qtbot.waitUntil(lambda: drained(bench), timeout=WAIT)


@pytest.mark.slow
def test_a_counter_day_by_keys_goes_offline_and_reconciles(
    qtbot: QtBot, bench: Bench, no_mouse: NoMouse
) -> None:
    hall = bench.hall
    supervisor = hall.hall.staff_id("S001")
    player = DayPlayer(
        bench.window,
        qtbot,
        supervisor=(supervisor, SUPERVISOR_PASSWORD),
        kiosk=lambda: hall.issue("BIZ"),
    )
    play_the_day(qtbot, bench, player)

    assert no_mouse.seen == []
    assert len(player.tickets) == 7  # every visit but the two while the registry was away
    cases = {label: stored(bench, case.case_id) for label, case in player.cases.items()}
    assert {label: case.status for label, case in cases.items()} == EXPECTED
    check_papers(qtbot, bench, player, cases)
    check_return_visit(player, cases["notice"])
    check_registry(bench, player, cases)


def check_papers(qtbot: QtBot, bench: Bench, player: DayPlayer, cases: dict[str, CaseView]) -> None:
    """Every paper printed; the receipt names its case, the notice what is missing."""
    qtbot.waitUntil(
        lambda: all((bench.printed / f"{n}.pdf").exists() for n in player.documents),
        timeout=WAIT,
    )
    receipt = paper(bench, player.documents[0])
    assert "受理" in receipt
    assert cases["complete"].number in receipt
    assert id_number(11) not in receipt  # masked on paper
    notice = paper(bench, player.documents[1])
    assert "一次性告知" in notice
    missing = next(line.name for line in cases["notice"].lines if line.code == "M03")
    assert missing in notice
    assert cases["notice"].number in notice
    refusal = next(n for n in player.documents if "不予受理" in paper(bench, n))
    assert cases["refusal"].number in paper(bench, refusal)
    assert len(player.letters) == 2  # the 容缺 notice and the 告知承诺 letter
    for letter in player.letters:
        assert (bench.printed / f"{letter}.pdf").exists()


def check_return_visit(player: DayPlayer, case: CaseView) -> None:
    """Two visits, one notice; the second notice was refused with the one-time rule."""
    assert case.visits == 2
    assert len(case.notices) == 1
    form = next(line.name for line in case.lines if line.code == "M01")
    rule = QCoreApplication.translate(CONTEXT, ONE_TIME_RULE).format(names=form)
    assert len(player.refusals) == 1
    assert rule in player.refusals[0]


def check_registry(bench: Bench, player: DayPlayer, cases: dict[str, CaseView]) -> None:
    """The registry holds every case and document of the day once, as the counter has them."""
    registry, counter = bench.hall.registry, bench.counter
    held = registry_cases(registry, bench.hall.code)
    assert set(held) == set(player.case_ids)
    assert {case_id: status for case_id, (status, _) in held.items()} == {
        case.case_id: case.status.value for case in cases.values()
    }
    assert local_cases(counter) == held
    assert [op for op, state in local_ops(counter) if state == "pending"] == []
    local_numbers = sorted(
        document.number
        for case_id in player.case_ids
        for document in services.case_documents(
            counter.store.unit_of_work(read_only=True), case_id=case_id
        )
    )
    assert registry_documents(registry, set(player.case_ids)) == local_numbers
    refusal = held[cases["refusal"].case_id][1]["refusal"]
    assert refusal["approved_by"] == bench.hall.hall.staff_id("S001")
    assert refusal["requested_by"] == bench.hall.hall.staff_id("C001")
    check_rating(held[cases["complaint"].case_id][1])


def check_rating(data: dict[str, Any]) -> None:
    """The complaint's rating and its reasons are at the registry."""
    rating = data["rating"]["rating"]
    assert rating["level"] == "dissatisfied"
    assert rating["reasons"] == ["long_wait", "unclear"]
