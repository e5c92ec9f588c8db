"""The visit of a ticket: cases and documents kept while it is served, parked and resumed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk.cases import CaseStatus
from clerk.clock import HALL_TIMEZONE
from clerk.queue import Outcome, TicketState
from clerk.services import ActionResult, CaseView
from ui.queue.dialogs import FinishChoice, QtPanelDialogs, VisitDocument
from ui.queue.port import CounterView, HeldTicket
from ui.workbench.decision_bar import Decision, available
from ui.workbench.finish import VisitDialogs
from ui.workbench.status import offset_text
from ui.workbench.strip import elapsed_text
from ui.workbench.visit import Visit, VisitTracker

START = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
CASE = CaseView(
    case_id="case-1",
    number="SF01-W01-1-2026-000001",
    status=CaseStatus.RECEIVING,
    item_code="ITEM",
    item_name="个体工商户设立登记",
    situation=None,
    applicant_name="张三",
    applicant_id_masked="330106********0011",
    applicant_phone_masked="138****5678",
    visits=1,
    received_on=None,
    notice_due=None,
    accepted_on=None,
    deemed_accepted=False,
    due_on=None,
    due_provisional=False,
    verdict=None,
    lines=(),
    notices=(),
    owed=(),
    refusal_pending=False,
    version=1,
)


def ticket(ticket_id: str, state: TicketState = TicketState.SERVING) -> HeldTicket:
    return HeldTicket(
        id=ticket_id,
        number=f"A00{ticket_id[-1]}",
        service="BIZ",
        service_name="企业开办",
        state=state,
    )


def view(current: HeldTicket | None, *parked: HeldTicket) -> CounterView:
    return CounterView(counter="W01", current=current, parked=parked)


def test_a_visit_keeps_its_cases_and_each_document_once(qtbot: QtBot) -> None:
    tracker = VisitTracker(clock=lambda: START)
    with qtbot.waitSignal(tracker.changed):
        tracker.follow(view(ticket("t1")))
    accepted = ActionResult(replace(CASE, status=CaseStatus.ACCEPTED), documents=("R-1",))
    tracker.record(ActionResult(CASE), title="Intake")
    with qtbot.waitSignal(tracker.documents_changed) as documents:
        tracker.record(accepted, title="Acceptance receipt")
    tracker.record(accepted, title="Acceptance receipt")  # the same result twice: one document
    visit = tracker.visit
    assert visit is not None
    assert visit.ticket == "A001"
    assert visit.cases == ("case-1",)
    assert documents.args == [(VisitDocument("R-1", "case-1", "Acceptance receipt"),)]
    assert visit.documents == documents.args[0]


def current(tracker: VisitTracker) -> Visit | None:
    """The tracker's visit now (read afresh after each step)."""
    return tracker.visit


def test_a_parked_ticket_gets_its_visit_back_and_a_finished_one_ends(qtbot: QtBot) -> None:
    tracker = VisitTracker(clock=lambda: START)
    tracker.follow(view(ticket("t1")))
    tracker.record(ActionResult(CASE), title="Intake")
    tracker.follow(view(None, ticket("t1", TicketState.PARKED)))
    assert current(tracker) is None
    tracker.follow(view(ticket("t2")))
    second = current(tracker)
    assert second is not None
    assert second.cases == ()
    tracker.finished()
    tracker.follow(view(None, ticket("t1", TicketState.PARKED)))
    tracker.follow(view(ticket("t1")))
    resumed = current(tracker)
    assert resumed is not None
    assert resumed.cases == ("case-1",)


class Answers(QtPanelDialogs):
    def finish(self, parent: QWidget, documents: Sequence[VisitDocument]) -> FinishChoice | None:
        return FinishChoice(
            outcome=Outcome.ACCEPTED, case_ids=("case-1",), document_numbers=("R-1",)
        )


def test_finishing_links_the_cases_that_issued_no_document(qtbot: QtBot) -> None:
    visit = Visit(
        ticket_id="t1",
        ticket="A001",
        started_at=START,
        cases=("case-1", "case-2"),
        documents=(VisitDocument("R-1", "case-1", "Acceptance receipt"),),
    )
    dialogs = VisitDialogs(lambda: visit, Answers())
    choice = dialogs.finish(QWidget(), visit.documents)
    assert choice is not None
    assert choice.case_ids == ("case-1", "case-2")
    assert choice.document_numbers == ("R-1",)


def test_decisions_follow_the_case_state() -> None:
    accepted = replace(CASE, status=CaseStatus.ACCEPTED)
    completed = replace(CASE, status=CaseStatus.COMPLETED)
    assert [d for d in Decision if available(d, CASE)] == [
        Decision.NOTICE,
        Decision.ACCEPT,
        Decision.RONGQUE,
        Decision.COMMITMENT,
        Decision.REFUSAL,
    ]
    assert [d for d in Decision if available(d, accepted)] == [Decision.ON_THE_SPOT]
    assert [d for d in Decision if available(d, completed)] == [Decision.HAND_OUT]
    assert not any(available(d, None) for d in Decision)


def test_times_read_as_a_clock_does() -> None:
    assert elapsed_text(245) == "4:05"
    assert elapsed_text(3723) == "1:02:03"
    assert offset_text(2.4) == "+2 s"
    assert offset_text(-300) == "−5 min"
    assert offset_text(-0.3) == "0 s"
