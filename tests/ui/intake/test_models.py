"""The intake's item models pass Qt's model tester."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester

from clerk.catalog.search import ItemIndex
from ui.intake.finder import MatchModel


def test_the_match_model_passes_the_model_tester(
    qtmodeltester: ModelTester, index: ItemIndex
) -> None:
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check  # pytest-qt is untyped
    model = MatchModel()
    check(model)
    model.set_hits(index.search("dj"))
    check(model)
    assert model.rowCount() >= 3
    first = model.hit(0).item
    assert model.data(model.index(0, 0)) == first.name
    assert model.data(model.index(0, 1)) == first.code
    assert model.data(model.index(0, 2)) == first.agency.name
    assert first.code in str(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole))
    model.set_hits(index.search("gtgsh"))
    check(model)
    model.set_hits(())
    check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Service item"
