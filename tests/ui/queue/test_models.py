"""The queue screens' item models pass Qt's model tester."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester

from clerk.clock import HALL_TIMEZONE
from ui.queue.models import RecentCallsModel, WaitingModel
from ui.queue.port import CallNotice, WaitingCount

AT = datetime(2026, 12, 3, 9, 0, tzinfo=HALL_TIMEZONE)


def call(sequence: int) -> CallNotice:
    return CallNotice(
        sequence=sequence,
        number=f"A{sequence:03d}",
        service="market",
        counter="W01",
        window="1",
        at=AT,
    )


def test_recent_calls_model(qtmodeltester: ModelTester) -> None:
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    model = RecentCallsModel(keep=3)
    check(model)
    model.add([call(1), call(2)])
    check(model)
    model.add([call(3), call(4)])
    check(model)
    assert [c.number for c in model.calls()] == ["A004", "A003", "A002"]
    assert model.data(model.index(0, 0)) == "A004"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole) is None


def test_waiting_model(qtmodeltester: ModelTester) -> None:
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    model = WaitingModel()
    check(model)
    model.set_counts([WaitingCount("a", "社保", 3), WaitingCount("b", "税务", 0)])
    check(model)
    model.set_counts([WaitingCount("a", "社保", 2), WaitingCount("b", "税务", 1)])
    check(model)
    assert model.data(model.index(0, 1)) == 2
    model.set_counts([WaitingCount("b", "税务", 1)])
    check(model)
    assert model.rowCount() == 1
