"""The demonstration's scripted day, played by keys on the workbench against a real registry."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus, RatingLevel
from tests.printing import pdftools
from tests.ui.workbench.conftest import Bench
from ui.workbench.demo_day import id_number, run_scenario


@pytest.mark.slow
def test_the_demonstration_day_records_its_cases_papers_and_ratings(
    qtbot: QtBot, bench: Bench
) -> None:
    player = run_scenario(bench.window, qtbot)

    unit = bench.counter.store.unit_of_work
    cases = [
        services.get_case(unit(read_only=True), case_id=case_id, now=bench.window.parts.clock())
        for case_id in player.case_ids
    ]
    assert [c.status for c in cases] == [
        CaseStatus.ACCEPTED,
        CaseStatus.COMPLETED,
        CaseStatus.ACCEPTED,
    ]
    assert [c.rating for c in cases] == [RatingLevel.SATISFIED, None, RatingLevel.VERY_DISSATISFIED]
    receipt, spot_receipt, third_receipt = (
        pdftools.flat(pdftools.text((bench.printed / f"{n}.pdf").read_bytes()))
        for n in player.documents
    )
    assert "受理" in receipt
    assert cases[0].number in receipt
    assert id_number(1) not in receipt
    assert cases[1].number in spot_receipt
    assert cases[2].number in third_receipt
