"""The needs-attention list: rejected steps explained in words, keys to open the case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk.services.attention import AttentionRow
from clerk.store import open_store
from tests.integration.conftest import DEVICE
from tests.integration.followup.builders import (
    CLERK,
    accepted,
    applicant,
    registry_rejected_last,
)
from tests.ui.followup.conftest import CONTEXT, checked
from tests.ui.followup.demo import Demo, at
from ui.followup.attention import AttentionList, explanation
from ui.followup.source import FollowupSource
from ui.rows import ROW_ROLE


def loaded_list(qtbot: QtBot, source: FollowupSource) -> AttentionList:
    panel = AttentionList(source=source)
    qtbot.addWidget(panel)
    panel.resize(1100, 500)
    panel.show()
    with qtbot.waitSignal(panel.refreshed):
        panel.refresh()
    return panel


def test_a_rejected_step_is_listed_and_explained_in_words(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    panel = loaded_list(qtbot, source)
    (row,) = panel.model.rows()
    assert isinstance(row, AttentionRow)
    assert (row.case_id, row.action, row.code) == (demo.cases["吴十"], "case.accepted", "stale")
    cells = [panel.proxy.index(0, column).data() for column in range(5)]
    assert cells[0] == "2025-09-30 09:05"
    assert cells[2] == "Accepted"
    assert cells[3].startswith("The case was changed at the registry")
    details = panel.details.text().splitlines()
    assert details[0] == f"Accepted on case {row.case_number}, 2025-09-30 09:05"
    assert details[2].startswith("What to do: Open the case")
    assert details[3] == (
        "The registry said (stale): case changed at the registry since this action was based on it"
    )


def test_newest_first_and_enter_opens_the_case(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    later = accepted(demo.store, applicant(11, "郑十一"), when=at("2025-09-30 11:00"))
    registry_rejected_last(
        demo.store, code="document_number_taken", reason="number used", when=at("2025-09-30 11:30")
    )
    panel = loaded_list(qtbot, source)
    assert [row.case_id for row in panel.model.rows()] == [later, demo.cases["吴十"]]
    shown = [panel.proxy.index(r, 0).data(ROW_ROLE) for r in range(panel.proxy.rowCount())]
    assert [row.case_id for row in shown] == [later, demo.cases["吴十"]]
    panel.table.setFocus()
    assert "numbering" in panel.details.text()
    QTest.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.details.text().startswith("Accepted on case")
    assert "changed at the registry" in panel.details.text()
    with qtbot.waitSignal(panel.case_opened) as opened:
        QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [demo.cases["吴十"]]


def test_every_rejection_code_of_the_registry_has_its_own_words() -> None:
    codes = (
        "stale",
        "status_backwards",
        "document_number_taken",
        "case_number_taken",
        "foreign_number",
        "audit_invalid",
        "audit_conflict",
        "audit_chain_broken",
        "unknown_case",
        "wrong_hall",
        "malformed_payload",
        "unsupported_payload_version",
    )
    fallback = explanation("no_such_code")
    for code in codes:
        assert explanation(code) != fallback, code


def test_an_empty_list_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_store(tmp_path / "fresh.db", device=DEVICE)
    try:
        fresh = FollowupSource(store, actor=lambda: CLERK, context=CONTEXT)
        panel = loaded_list(qtbot, fresh)
        assert panel.model.rows() == ()
        assert panel.message.text() == "Nothing needs attention."
    finally:
        store.close()


def test_attention_model(qtmodeltester: ModelTester, qtbot: QtBot, source: FollowupSource) -> None:
    panel = AttentionList(source=source)
    qtbot.addWidget(panel)
    checked(qtmodeltester, panel.model)
    with qtbot.waitSignal(panel.refreshed):
        panel.refresh()
    checked(qtmodeltester, panel.model)
    checked(qtmodeltester, panel.proxy)
