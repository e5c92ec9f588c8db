"""Refusal: a request with reasons and remedies, approved by a supervisor who did not ask."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.staff import Actor, Role
from clerk.store import Store
from tests.printing import pdftools
from tests.ui.decisions.conftest import SUPERVISOR, Clock, audit_actions, received_incomplete, view
from ui.decisions.approval import SupervisorApprovalDialog
from ui.decisions.desk import DecisionDesk
from ui.decisions.pending import PendingRefusalsPanel
from ui.decisions.refusal import RefusalRequestDialog

WAIT = 20_000
REASON = "经营者属于法律、行政法规禁止从事营利性活动的人员"


def write_request(
    qtbot: QtBot, desk: DecisionDesk, store: Store, case_id: str, clock: Clock
) -> RefusalRequestDialog:
    dialog = RefusalRequestDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=WAIT)
    return dialog


def test_the_request_offers_the_published_conditions_and_shows_the_remedies(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = received_incomplete(store)
    dialog = write_request(qtbot, desk, store, case_id, clock)
    assert dialog.conditions.item(0).text() == REASON
    remedies = dialog.remedies.text()
    assert "行政复议" in remedies
    assert "示范市人民政府" in remedies
    assert "60 days" in remedies
    assert "行政诉讼" in remedies
    assert "示范市西湖区人民法院" in remedies
    assert "6 months" in remedies
    assert (
        dialog.legal_basis.currentText() == "《中华人民共和国市场主体登记管理条例》第三条、第十九条"
    )
    assert not dialog.request_button.isEnabled()  # no reasons yet
    dialog.conditions.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.reasons.toPlainText() == REASON
    assert dialog.request_button.isEnabled()


def approve(qtbot: QtBot, approval: SupervisorApprovalDialog, staff_id: str, password: str) -> None:
    qtbot.waitExposed(approval)
    approval.staff_id.clear()
    QTest.keyClicks(approval.staff_id, staff_id)
    QTest.keyClicks(approval.password, password)
    approval.approve_button.click()


def test_a_supervisor_approves_at_this_counter_and_the_notice_prints_with_remedies(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, printed: Path
) -> None:
    case_id = received_incomplete(store)
    dialog = write_request(qtbot, desk, store, case_id, clock)
    dialog.conditions.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.facts.setPlainText("申请人现任示范市某机关公务员")
    with qtbot.waitSignal(dialog.requested, timeout=WAIT):
        dialog.request_button.click()
    qtbot.waitUntil(dialog.approve_here_button.isVisible, timeout=WAIT)
    assert "waiting for the approval of a supervisor" in dialog.pending.text()
    assert view(store, case_id, clock).refusal_pending
    dialog.approve_here_button.click()
    assert dialog.approval is not None
    assert "申请人现任示范市某机关公务员" in "\n".join(
        label.text() for label in dialog.approval.findChildren(type(dialog.remedies))
    )
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT) as printed_signal:
        approve(qtbot, dialog.approval, "SF01S001", "super-pass-1")  # offline: no registry
    number = printed_signal.args[0]
    assert view(store, case_id, clock).status is CaseStatus.NOT_ACCEPTED
    paper = pdftools.flat(pdftools.text((printed / f"{number}.pdf").read_bytes()))
    for words in ("不予受理", REASON, "申请人现任示范市某机关公务员", "行政复议", "行政诉讼"):
        assert pdftools.flat(words) in paper
    assert "60日内向示范市人民政府申请行政复议" in paper
    assert "6个月内向示范市西湖区人民法院提起行政诉讼" in paper
    with store.unit_of_work(read_only=True) as uow:
        approved = uow.audit.for_case(case_id)[-1]
    assert (approved.action, approved.actor) == ("case.refusal_approved", "SF01S001")
    assert approved.detail["requested_by"] == "SF01C001"


def test_the_supervisor_who_asked_cannot_approve_their_own_refusal(
    qtbot: QtBot, store: Store, make_desk: Callable[..., DecisionDesk], clock: Clock
) -> None:
    case_id = received_incomplete(store)
    acting = Actor("SF01S002", "李强", Role.SUPERVISOR)  # a supervisor working a counter
    desk = make_desk(actor=acting)
    dialog = write_request(qtbot, desk, store, case_id, clock)
    dialog.reasons.setPlainText(REASON)
    with qtbot.waitSignal(dialog.requested, timeout=WAIT):
        dialog.request_button.click()
    qtbot.waitUntil(dialog.approve_here_button.isVisible, timeout=WAIT)
    dialog.approve_here_button.click()
    approval = dialog.approval
    assert approval is not None
    approve(qtbot, approval, "SF01S002", "super-pass-2")
    qtbot.waitUntil(lambda: "person who asked for it" in approval.status.text(), timeout=WAIT)
    assert approval.isVisible()
    assert approval.password.text() == ""
    assert view(store, case_id, clock).refusal_pending
    assert "case.refusal_approved" not in audit_actions(store, case_id)
    # Another supervisor may: the same dialog, their own credentials.
    with qtbot.waitSignal(dialog.decided, timeout=WAIT):
        approve(qtbot, approval, "SF01S001", "super-pass-1")
    assert view(store, case_id, clock).status is CaseStatus.NOT_ACCEPTED


def test_wrong_credentials_are_refused_and_a_supervisor_may_decline(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = received_incomplete(store)
    dialog = write_request(qtbot, desk, store, case_id, clock)
    dialog.reasons.setPlainText(REASON)
    with qtbot.waitSignal(dialog.requested, timeout=WAIT):
        dialog.request_button.click()
    qtbot.waitUntil(dialog.approve_here_button.isVisible, timeout=WAIT)
    dialog.approve_here_button.click()
    approval = dialog.approval
    assert approval is not None
    approve(qtbot, approval, "SF01S001", "wrong")
    qtbot.waitUntil(
        lambda: "Wrong staff number or password" in approval.status.text(), timeout=WAIT
    )
    QTest.keyClicks(approval.password, "super-pass-1")
    with qtbot.waitSignal(dialog.declined, timeout=WAIT):
        approval.decline_button.click()
    case = view(store, case_id, clock)
    assert not case.refusal_pending
    assert case.status is CaseStatus.RECEIVED
    assert audit_actions(store, case_id)[-1] == "case.refusal_declined"


def test_left_pending_it_is_approved_from_the_supervisor_s_own_counter(
    qtbot: QtBot,
    store: Store,
    *,
    desk: DecisionDesk,
    make_desk: Callable[..., DecisionDesk],
    clock: Clock,
    qtmodeltester: ModelTester,
) -> None:
    case_id = received_incomplete(store)
    dialog = write_request(qtbot, desk, store, case_id, clock)
    dialog.reasons.setPlainText(REASON)
    with qtbot.waitSignal(dialog.requested, timeout=WAIT):
        dialog.request_button.click()
    qtbot.waitUntil(dialog.leave_button.isVisible, timeout=WAIT)
    dialog.leave_button.click()
    assert not dialog.isVisible()
    # Reopened, the case shows the request pending with the same choices.
    again = write_request(qtbot, desk, store, case_id, clock)
    qtbot.waitUntil(again.approve_here_button.isVisible, timeout=WAIT)
    assert not again.request_button.isVisible()
    assert not again.reasons.isEnabled()
    # The supervisor, logged in at their own counter, approves from the pending list.
    panel = PendingRefusalsPanel(make_desk(actor=SUPERVISOR))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check  # pytest-qt is untyped
    check(panel.model)
    assert panel.model.index(0, 4).data() == REASON
    assert REASON in panel.details.text()
    assert "SF01C001" in panel.details.text()
    with qtbot.waitSignal(panel.decided, timeout=WAIT):
        panel.approve_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT)
    assert view(store, case_id, clock).status is CaseStatus.NOT_ACCEPTED
    refusal = list(services.case_documents(store.unit_of_work(read_only=True), case_id=case_id))[-1]
    assert refusal.kind == "refusal_notice"
