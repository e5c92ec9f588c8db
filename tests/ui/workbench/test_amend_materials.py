"""Correcting the materials of a received case on the spot (Ctrl+M), by keys.

After the one-time rule refuses a second notice, the clerk must still be able to put the
checklist right (the applicant fixes the form on the spot, Art. 32 (3)) and accept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases import CaseStatus
from clerk.materials import Verdict
from tests.ui.workbench.conftest import WAIT, Bench, press
from tests.ui.workbench.test_return_visit import MISSING, go_to_line, intake_without_m03, stored

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_m_corrects_the_materials_of_a_case_before_acceptance(
    qtbot: QtBot, bench: Bench
) -> None:
    case = intake_without_m03(qtbot, bench)
    assert case.verdict is Verdict.NEEDS_CORRECTION
    desk = bench.window.case_desk
    press(Qt.Key.Key_M, CTRL)
    corrections = desk.corrections
    qtbot.waitUntil(
        lambda: corrections.open and corrections.checklist.view.hasFocus(), timeout=WAIT
    )
    go_to_line(bench, MISSING)
    press(Qt.Key.Key_Space)  # the proof of premises, handed in now
    with qtbot.waitSignal(desk.acted, timeout=WAIT):
        press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not corrections.open, timeout=WAIT)
    after = stored(bench, case.case_id)
    assert after.verdict is Verdict.COMPLETE
    assert after.status is CaseStatus.RECEIVING
    assert after.visits == 1  # no return visit was recorded
    assert desk.case is not None
    assert desk.case.verdict is Verdict.COMPLETE
