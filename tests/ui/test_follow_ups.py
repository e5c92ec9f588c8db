"""The supervisors' bad-rating follow-up list on a real store: order, overdue, record, refuse."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import ApplicantPanel, BadReason, Rating, RatingLevel
from clerk.services import FollowUpView
from clerk.staff import Actor, Role
from clerk.store import Store
from tests.integration.conftest import DEVICE, at
from tests.integration.test_ratings import accepted_case, audit_actions
from tests.ui.rating_support import demo_store
from ui.collector import GuiThreadCollector
from ui.follow_up_model import OVERDUE_BACKGROUND, SORT_ROLE, FollowUpModel
from ui.follow_ups import FollowUpDialog, FollowUpList

CLERK = Actor("c001", "王小明", Role.CLERK)
SUPERVISOR = Actor("s001", "李主任", Role.SUPERVISOR)
PANEL = ApplicantPanel(DEVICE.counter)
NOW = at("2026-03-06 12:00")  # Friday


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does: cyclic garbage is freed on the GUI thread, never on a lane's."""
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    yield
    collector.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A counter store on a real file with the demo catalogue."""
    with demo_store(tmp_path) as opened:
        yield opened


def rated(store: Store, name: str, rating: Rating, when: str) -> str:
    case_id = accepted_case(store, CLERK, name=name, when=when)
    services.rate(store.unit_of_work(), case_id=case_id, rating=rating, via=PANEL, now=at(when))
    return case_id


@pytest.fixture
def hall(store: Store) -> dict[str, str]:
    """Four rated cases: overdue, open, good (not listed), and one already followed up."""
    cases = {
        "overdue": rated(
            store,
            "王五",
            Rating(RatingLevel.VERY_DISSATISFIED, (BadReason.ATTITUDE,)),
            "2026-03-02 10:00",
        ),
        "open": rated(
            store,
            "赵六",
            Rating(RatingLevel.DISSATISFIED, (BadReason.LONG_WAIT,), "等太久"),
            "2026-03-05 10:00",
        ),
        "good": rated(store, "李四", Rating(RatingLevel.SATISFIED), "2026-03-05 11:00"),
        "done": rated(
            store,
            "钱七",
            Rating(RatingLevel.DISSATISFIED, (BadReason.UNCLEAR,)),
            "2026-03-04 10:00",
        ),
    }
    services.follow_up(
        store.unit_of_work(),
        case_id=cases["done"],
        note="已回访",
        supervisor=SUPERVISOR,
        now=at("2026-03-05 09:00"),
    )
    return cases


def make_list(
    qtbot: QtBot, store: Store, actor: Actor, ask: Callable[[QWidget, FollowUpView], str | None]
) -> FollowUpList:
    screen = FollowUpList(
        unit_of_work=store.unit_of_work,
        read_only=lambda: store.unit_of_work(read_only=True),
        actor=actor,
        clock=lambda: NOW,
        ask=ask,
    )
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
    return screen


def shown_cases(screen: FollowUpList) -> list[str]:
    proxy = screen.proxy
    return [
        screen.model.row(proxy.mapToSource(proxy.index(r, 0)).row()).case_id
        for r in range(proxy.rowCount())
    ]


def select(screen: FollowUpList, case_id: str) -> None:
    row = shown_cases(screen).index(case_id)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    screen.view.selectionModel().select(screen.proxy.index(row, 0), flags)


def test_open_bad_ratings_come_soonest_due_first_with_the_overdue_one_highlighted(
    qtbot: QtBot, store: Store, hall: dict[str, str]
) -> None:
    screen = make_list(qtbot, store, SUPERVISOR, lambda *_: None)
    assert shown_cases(screen) == [hall["overdue"], hall["open"]]
    model = screen.model
    first = model.index(0, FollowUpModel.DUE)
    assert model.data(first) == "2026-03-05"
    highlight = model.data(first, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(highlight, QBrush)
    assert highlight.color() == OVERDUE_BACKGROUND
    assert model.data(model.index(1, FollowUpModel.DUE), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, FollowUpModel.STATE)) == "Overdue"
    assert model.data(model.index(1, FollowUpModel.PHONE)) == "138****5678"  # masked in the list
    assert model.data(model.index(1, FollowUpModel.REASONS)) == "Waited too long"
    assert screen.summary.text() == "2 open, 1 overdue"
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.include_done.setChecked(True)
    assert shown_cases(screen) == [hall["overdue"], hall["open"], hall["done"]]
    assert model.data(model.index(2, FollowUpModel.STATE)) == f"Done by {SUPERVISOR.staff_id}"


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, store: Store, hall: dict[str, str], qtmodeltester: ModelTester
) -> None:
    rows = services.follow_up_list(store.unit_of_work(read_only=True), now=NOW, include_done=True)
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    model = FollowUpModel()
    check(model)
    model.set_rows(rows)
    check(model)
    assert model.rowCount() == 3


def test_sorting_by_a_column_uses_its_values(
    qtbot: QtBot, store: Store, hall: dict[str, str]
) -> None:
    screen = make_list(qtbot, store, SUPERVISOR, lambda *_: None)
    screen.view.sortByColumn(FollowUpModel.RATED, Qt.SortOrder.DescendingOrder)
    assert shown_cases(screen) == [hall["open"], hall["overdue"]]
    screen.view.sortByColumn(FollowUpModel.DUE, Qt.SortOrder.AscendingOrder)
    assert shown_cases(screen) == [hall["overdue"], hall["open"]]
    assert screen.proxy.data(screen.proxy.index(0, FollowUpModel.DUE), SORT_ROLE) == "02026-03-05"


def test_a_supervisor_records_a_follow_up_and_the_item_leaves_the_open_list(
    qtbot: QtBot, store: Store, hall: dict[str, str]
) -> None:
    asked: list[str] = []

    def ask(parent: QWidget, row: FollowUpView) -> str:
        asked.append(row.applicant_phone)
        return "已整改：窗口增配人员；电话回访，申请人满意"

    screen = make_list(qtbot, store, SUPERVISOR, ask)
    assert not screen.record.isEnabled()  # nothing selected yet
    select(screen, hall["overdue"])
    assert screen.record.isEnabled()
    with qtbot.waitSignal(screen.followed_up, timeout=10_000) as done:
        QTest.mouseClick(screen.record, Qt.MouseButton.LeftButton)
    assert done.args == [hall["overdue"]]
    assert asked == ["13812345678"]  # the dialog gets the number in full for the call
    qtbot.waitUntil(lambda: shown_cases(screen) == [hall["open"]], timeout=10_000)
    actor, action, detail = audit_actions(store)[-1]
    assert (actor, action, detail["late"]) == (SUPERVISOR.staff_id, "case.follow_up_recorded", True)


def test_a_clerk_sees_the_list_but_cannot_record(
    qtbot: QtBot, store: Store, hall: dict[str, str]
) -> None:
    def never(parent: QWidget, row: FollowUpView) -> str:
        raise AssertionError("a clerk must not be asked for a note")

    screen = make_list(qtbot, store, CLERK, never)
    select(screen, hall["overdue"])
    assert not screen.record.isEnabled()
    with qtbot.assertNotEmitted(screen.followed_up, wait=100):
        screen.record_selected()
    assert screen.message.text() == "Only a supervisor records a follow-up."
    assert shown_cases(screen) == [hall["overdue"], hall["open"]]


def test_a_refused_follow_up_is_shown_and_the_list_stays(
    qtbot: QtBot, store: Store, hall: dict[str, str]
) -> None:
    rated_person = Actor(CLERK.staff_id, CLERK.name, Role.SUPERVISOR)  # the one rated
    screen = make_list(qtbot, store, rated_person, lambda *_: "我自己回访过了")
    select(screen, hall["open"])
    with qtbot.waitSignal(screen.failed, timeout=10_000) as failed:
        screen.record_selected()
    assert failed.args[0].startswith("The follow-up was not recorded: ")
    assert "other than the person rated" in failed.args[0]
    assert shown_cases(screen) == [hall["overdue"], hall["open"]]


def test_the_dialog_needs_a_note_and_shows_whom_to_call(qtbot: QtBot) -> None:
    row = FollowUpView(
        case_id="c",
        number="SF01-W05-1-2026-000007",
        item_code="X",
        applicant_name="王五",
        applicant_phone_masked="138****5678",
        applicant_phone="13812345678",
        level=RatingLevel.VERY_DISSATISFIED,
        reasons=(BadReason.ATTITUDE, BadReason.SLOW),
        text="",
        clerk_id="c001",
        rated_at=datetime(2026, 3, 2, 10, tzinfo=at("2026-03-02 10:00").tzinfo),
        due_on=at("2026-03-05 00:00").date(),
        due_provisional=False,
        overdue=True,
        done_by=None,
        done_at=None,
        note="",
    )
    dialog = FollowUpDialog(row)
    qtbot.addWidget(dialog)
    assert "13812345678" in dialog.summary.text()
    assert "Poor service attitude, Took too long to handle" in dialog.summary.text()
    assert not dialog.save.isEnabled()
    dialog.note.setPlainText("   ")
    assert not dialog.save.isEnabled()
    dialog.note.setPlainText(" 已回访 ")
    assert dialog.save.isEnabled()
    assert dialog.text() == "已回访"
