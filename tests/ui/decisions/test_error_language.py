"""A refusal of the domain reaches the clerk in the counter's language, from a real use case.

The one-time rule (clerk/notices.py) refuses a second notice that adds an item the first one
did not list; the notice dialog issues it through the desk's lane into a real SQLite store and
shows the refusal through `ui.decisions.labels.explain` → `ui.errors.explain_error`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk.store import Store
from tests.ui.decisions.conftest import Clock, at, audit_actions, view
from tests.ui.decisions.test_notice import WAIT, second_visit_with_a_new_defect, shown
from ui.decisions.desk import DecisionDesk
from ui.decisions.notice import NoticeDialog
from ui.decisions.widgets import Tone

FORM = "个体工商户登记（备案）申请书"  # M01, found faulty after the first notice


def _refused_notice(qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock) -> str:
    """Issue the second notice without an override; the status line's text once refused."""
    case_id = second_visit_with_a_new_defect(store)
    clock.now = at("2026-03-03 09:05")
    dialog = shown(qtbot, NoticeDialog(desk, view(store, case_id, clock)))
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=WAIT)
    before = audit_actions(store, case_id)
    QTest.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.tone is Tone.PROBLEM, timeout=WAIT)
    assert audit_actions(store, case_id) == before  # refused: nothing written
    return dialog.status.text()


def test_the_one_time_rule_refusal_is_shown_in_chinese(
    chinese: list[QTranslator], qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    assert _refused_notice(qtbot, store, desk, clock) == (
        f"按规定不能办理：一次性告知规则：此前的告知书未列出{FORM}；须经负责人说明理由后例外批准"
    )


def test_the_one_time_rule_refusal_is_shown_in_english_without_a_translation(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    assert _refused_notice(qtbot, store, desk, clock) == (
        f"The rules do not allow this: one-time rule: the earlier notice did not list {FORM}; "
        "a supervisor's override with a reason is required"
    )
