"""The customer-facing panel: touch a level, reasons for a bad one, stored through the use case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import AlreadyRated, ApplicantPanel, BadReason, Rating, RatingLevel
from clerk.errors import RuleViolation
from clerk.services import ActionResult
from clerk.staff import Actor, Role
from clerk.store import Store
from tests.integration.conftest import DEVICE, at
from tests.integration.test_ratings import accepted_case, audit_actions
from tests.ui.rating_screens import TableTranslator, panel_images, rating_table
from tests.ui.rating_support import demo_store
from ui import panel_look
from ui.collector import GuiThreadCollector
from ui.customer_panel import (
    DEFAULT_THANKS_MS,
    DEFAULT_TIMEOUT_MS,
    CustomerPanel,
    PanelState,
    customer_screen,
    show_on,
)
from ui.queue import look
from ui.rating_recorder import RatingRecorder

CLERK = Actor("c001", "王小明", Role.CLERK)
GOOD = [RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED, RatingLevel.BASICALLY_SATISFIED]
BAD = [RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED]


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


def make_panel(
    qtbot: QtBot, *, timeout_ms: int = DEFAULT_TIMEOUT_MS, thanks_ms: int = DEFAULT_THANKS_MS
) -> CustomerPanel:
    panel = CustomerPanel(hall="示范大厅", counter="5", timeout_ms=timeout_ms, thanks_ms=thanks_ms)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    panel.set_clerk("王小明", "C001")
    panel.set_ticket("A012")
    return panel


def state(panel: CustomerPanel) -> PanelState:
    """The panel's state, read afresh (each check after an action asks again)."""
    return panel.state


def touch(button: QPushButton) -> None:
    """A finger on the button (Qt turns an unhandled touch into this press and release)."""
    QTest.mouseClick(
        button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20)
    )


def type_chinese(widget: QWidget, text: str) -> None:
    """Text committed by the input method, as pinyin typing ends (QTest types Latin-1 only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("level", GOOD)
def test_a_good_level_is_given_with_one_touch(qtbot: QtBot, level: RatingLevel) -> None:
    panel = make_panel(qtbot)
    panel.ask_for_rating("case-1")
    assert state(panel) is PanelState.ASKING
    with qtbot.waitSignal(panel.rating_given) as given:
        touch(panel.level_buttons[level])
    assert given.args == ["case-1", Rating(level)]
    assert state(panel) is PanelState.SENDING


@pytest.mark.parametrize("level", BAD)
def test_a_bad_level_is_given_only_with_a_reason(qtbot: QtBot, level: RatingLevel) -> None:
    panel = make_panel(qtbot)
    panel.ask_for_rating("case-2")
    with qtbot.assertNotEmitted(panel.rating_given):
        touch(panel.level_buttons[level])
        assert state(panel) is PanelState.REASONS
        assert not panel.submit_button.isEnabled()
        touch(panel.submit_button)
        panel.submit()  # not even a direct call gets past the missing reason
    assert state(panel) is PanelState.REASONS
    touch(panel.reason_buttons[BadReason.OTHER])
    touch(panel.reason_buttons[BadReason.LONG_WAIT])
    assert panel.submit_button.isEnabled()
    type_chinese(panel.comment, "  等了很久  ")
    with qtbot.waitSignal(panel.rating_given) as given:
        touch(panel.submit_button)
    assert given.args == [
        "case-2",
        Rating(level, (BadReason.LONG_WAIT, BadReason.OTHER), "等了很久"),
    ]


def test_untoggling_the_last_reason_blocks_submit_again_and_back_offers_the_levels(
    qtbot: QtBot,
) -> None:
    panel = make_panel(qtbot)
    panel.ask_for_rating("case-3")
    touch(panel.level_buttons[RatingLevel.DISSATISFIED])
    touch(panel.reason_buttons[BadReason.ATTITUDE])
    touch(panel.reason_buttons[BadReason.ATTITUDE])
    assert not panel.submit_button.isEnabled()
    touch(panel.back_button)
    assert state(panel) is PanelState.ASKING
    with qtbot.waitSignal(panel.rating_given) as given:
        touch(panel.level_buttons[RatingLevel.SATISFIED])
    assert given.args == ["case-3", Rating(RatingLevel.SATISFIED)]


@pytest.mark.parametrize("bad", [False, True], ids=["levels", "reasons"])
def test_an_applicant_who_walks_away_leaves_the_question_until_the_timeout(
    qtbot: QtBot, bad: bool
) -> None:
    panel = make_panel(qtbot, timeout_ms=80)
    panel.ask_for_rating("case-4")
    if bad:
        touch(panel.level_buttons[RatingLevel.VERY_DISSATISFIED])
    with qtbot.waitSignal(panel.rating_abandoned, timeout=5000) as abandoned:
        pass
    assert abandoned.args == ["case-4"]
    assert state(panel) is PanelState.IDLE
    assert panel.case_id == ""


def test_the_question_stays_while_the_timeout_has_not_passed(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)  # the default: a minute
    panel.ask_for_rating("case-5")
    with qtbot.assertNotEmitted(panel.rating_abandoned, wait=200):
        pass
    assert state(panel) is PanelState.ASKING


# -- through the use case, on a real store ------------------------------------------------------


@pytest.fixture
def desk(qtbot: QtBot, store: Store) -> Iterator[tuple[CustomerPanel, RatingRecorder]]:
    panel = make_panel(qtbot, thanks_ms=50)
    recorder = RatingRecorder(
        panel=panel,
        unit_of_work=store.unit_of_work,
        source=ApplicantPanel(DEVICE.counter),
        clock=lambda: at("2026-03-02 09:30"),
    )
    yield panel, recorder
    recorder.close()


def test_a_bad_rating_lands_in_the_store_audited_and_the_panel_thanks_then_idles(
    qtbot: QtBot, store: Store, desk: tuple[CustomerPanel, RatingRecorder]
) -> None:
    panel, recorder = desk
    case_id = accepted_case(store, CLERK, when="2026-03-02 09:00")
    panel.ask_for_rating(case_id)
    touch(panel.level_buttons[RatingLevel.VERY_DISSATISFIED])
    touch(panel.reason_buttons[BadReason.EXTRA_TRIPS])
    with qtbot.waitSignal(recorder.recorded, timeout=10_000) as recorded:
        touch(panel.submit_button)
    assert recorded.args[0] == case_id
    result = recorded.args[1]
    assert isinstance(result, ActionResult)
    assert result.case.rating is RatingLevel.VERY_DISSATISFIED
    assert state(panel) is PanelState.THANKS
    assert panel.thanks_label.text() == "Thank you for your rating!"
    qtbot.waitUntil(lambda: panel.state is PanelState.IDLE)
    actor, action, detail = audit_actions(store)[-1]
    assert (actor, action) == ("applicant-panel:W05", "case.rated")
    assert detail["reasons"] == ["extra_trips"]
    assert detail["rated"] == CLERK.staff_id
    listed = services.follow_up_list(store.unit_of_work(read_only=True), now=at("2026-03-02 10:00"))
    assert [(v.case_id, v.due_on.isoformat()) for v in listed] == [(case_id, "2026-03-05")]


def test_a_second_rating_is_refused_and_the_applicant_is_told_kindly(
    qtbot: QtBot, store: Store, desk: tuple[CustomerPanel, RatingRecorder]
) -> None:
    panel, recorder = desk
    case_id = accepted_case(store, CLERK, when="2026-03-02 09:00")
    for level, outcome in (
        (RatingLevel.SATISFIED, recorder.recorded),
        (RatingLevel.VERY_SATISFIED, recorder.failed),
    ):
        qtbot.waitUntil(lambda: panel.state is PanelState.IDLE)
        panel.ask_for_rating(case_id)
        with qtbot.waitSignal(outcome, timeout=10_000):
            touch(panel.level_buttons[level])
    assert panel.thanks_label.text() == "This service has already been rated. Thank you!"
    view = services.get_case(
        store.unit_of_work(read_only=True), case_id=case_id, now=at("2026-03-02 10:00")
    )
    assert view.rating is RatingLevel.SATISFIED
    assert [a for _, a, _ in audit_actions(store)].count("case.rated") == 1


def test_the_recorder_reports_a_refusal_to_the_workbench(
    qtbot: QtBot, store: Store, desk: tuple[CustomerPanel, RatingRecorder]
) -> None:
    panel, recorder = desk
    case_id = accepted_case(store, CLERK, when="2026-03-02 09:00")
    services.rate(
        store.unit_of_work(),
        case_id=case_id,
        rating=Rating(RatingLevel.SATISFIED),
        via=ApplicantPanel(DEVICE.counter),
        now=at("2026-03-02 09:10"),
    )
    panel.ask_for_rating(case_id)
    with qtbot.waitSignal(recorder.failed, timeout=10_000) as failed:
        touch(panel.level_buttons[RatingLevel.SATISFIED])
    assert failed.args[0] == case_id
    assert isinstance(failed.args[1], AlreadyRated)


def test_the_signed_in_clerk_cannot_rate_for_the_applicant(store: Store) -> None:
    case_id = accepted_case(store, CLERK, when="2026-03-02 09:00")
    entries = len(audit_actions(store))
    with pytest.raises(RuleViolation, match="only the applicant rates"):
        services.rate(
            store.unit_of_work(),
            case_id=case_id,
            rating=Rating(RatingLevel.VERY_SATISFIED),
            via=CLERK,
            now=at("2026-03-02 09:10"),
        )
    assert len(audit_actions(store)) == entries


# -- the second screen and the Chinese look ---------------------------------------------------


class _Screen:
    """A monitor by name (a second monitor cannot exist on this offscreen test machine)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_the_panel_goes_to_the_preferred_or_else_the_non_primary_screen() -> None:
    main, side, third = _Screen("DP-1"), _Screen("HDMI-1"), _Screen("HDMI-2")
    assert customer_screen([main, side, third], main) is side
    assert customer_screen([main, side, third], main, preferred="HDMI-2") is third
    assert customer_screen([main, side], main, preferred="gone") is side
    assert customer_screen([main], main) is None


def test_show_on_fills_the_screen_or_opens_a_window(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    screen = QGuiApplication.primaryScreen()
    show_on(panel, screen)
    qtbot.waitUntil(panel.isFullScreen)
    assert panel.screen() is screen
    other = make_panel(qtbot)
    show_on(other, None)
    assert other.isVisible()
    assert not other.isFullScreen()


def test_the_bundled_font_has_every_chinese_character_of_the_rating_screens() -> None:
    font = QFont(look.hall_font_family())
    metrics = QFontMetrics(font)
    missing = {
        char
        for text in rating_table().values()
        for char in text
        if not char.isascii() and not metrics.inFontUcs4(ord(char))
    }
    assert missing == set()


def test_screens_render_in_chinese(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    table = TableTranslator(rating_table())
    qapp.installTranslator(table)
    try:
        panel = make_panel(qtbot)
        images = panel_images(panel)
        assert panel.level_buttons[RatingLevel.BASICALLY_SATISFIED].text() == "基本满意"
        assert panel.submit_button.text() == "提交评价"
        assert panel.reason_buttons[BadReason.EXTRA_TRIPS].font().family() == (
            look.hall_font_family()
        )
    finally:
        QCoreApplication.removeTranslator(table)
    assert set(images) == {
        "customer-panel.png",
        "customer-panel-asking.png",
        "customer-panel-reasons.png",
    }
    for name, image in images.items():
        assert image.width() == 1280, name
        assert image.save(str(tmp_path / name))
    panel_look.apply(panel, 0.5)  # a small screen keeps the touch targets usable
    assert panel.level_buttons[RatingLevel.SATISFIED].minimumSizeHint().height() >= 60
