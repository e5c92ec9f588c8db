"""A scripted counter day played on the real workbench by its keys: the demonstration's script.

The day is data (`Visitor`s: what the applicant asks for, who they are, what they hand in, what
the clerk decides and how they rate); `DayPlayer` plays it on a shown, signed-in
`WorkbenchWindow` the way a clerk does — the ticket called with the queue's keys (when a
kiosk issues them), Ctrl+N for the next intake, the item by its pinyin initials, the applicant
typed (Chinese committed as an input method does), one key per checklist line, Ctrl+Enter,
then the decision's key and Enter on each step of its dialog (`ui.workbench.demo_steps`). A
returning applicant's case is found by its number (Ctrl+2) and taken to the counter (Ctrl+W).
The applicant's rating is given on the customer panel, as the applicant touches it. After each
step the window (or the open dialog) may be saved as a numbered PNG.

`SHORT_DAY` is three applicants; `COUNTER_DAY` is a whole day at a counter: every decision a
clerk takes (accept, one-time notice and the return visit, 容缺, 告知承诺, a refusal a supervisor
approves, 即办件, hand-out) and a complaint. `run_scenario(window, driver)` and
`run_counter_day(window, driver)` are the hooks `bench/ui_bench.py --scenario` takes; `driver`
is anything with pytest-qt's `waitUntil` (a test's `qtbot`, or `LoopWaits`).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk.cases import BadReason, RatingLevel
from clerk.identity import resident_id_check_char
from ui.settings import PDF_FOLDER
from ui.settings_pages.printer_check import pdf_folder
from ui.workbench.demo_keys import (
    CTRL,
    WAIT_MS,
    LoopWaits,
    StepFailed,
    Waits,
    commit_text,
    focused,
    paced_typing,
    press,
    type_text,
)
from ui.workbench.demo_steps import Credentials, Steps
from ui.workbench.window import WorkbenchWindow

__all__ = ["COUNTER_DAY", "SHORT_DAY", "DayPlayer", "Decision", "LoopWaits", "StepFailed"]
_log = logging.getLogger(__name__)
DEMO_SUPERVISOR: Credentials = ("S001", "supervisor-demo")
"""The supervisor of the embedded registry's demonstration hall (demo data, see the README)."""


class Decision(StrEnum):
    """What the clerk decides after the intake (or on a returning applicant's case)."""

    ACCEPT = "accept"  # 受理, the receipt printed
    ON_THE_SPOT = "on_the_spot"  # 受理 then 即办件: completed at the counter
    NOTICE = "notice"  # 一次性告知书 printed and signed
    RONGQUE = "rongque"  # 容缺: the secondary material owed, then 受理 with its notice
    COMMITMENT = "commitment"  # 告知承诺: a commitment replaces a certificate, then 受理
    REFUSAL = "refusal"  # 不予受理, requested by the clerk, approved by a supervisor here
    RETURN = "return"  # the return visit after a notice: corrections, then 受理
    HAND_OUT = "hand_out"  # the result of an earlier case handed out (出件)


def id_number(serial: int) -> str:
    """A valid resident ID number, different for each serial (demonstration applicants)."""
    body = f"33010619850312{serial % 1000:03d}"
    return body + resident_id_check_char(body)


@dataclass(frozen=True, slots=True)
class Visitor:
    """One applicant's visit: the item, who they are, what they bring, what happens.

    `materials` has one key per checklist line, as the clerk presses it (O original, C copy,
    L e-licence, M missing, R owed (容缺), P commitment (告知承诺), space: as asked, ".": left
    as it is). A visitor with `case_of` comes back for the case of that earlier visitor: no
    intake; for a return visit `materials` are the corrections, `amend` the lines fixed on the
    spot after the one-time rule refused a second notice (which is then tried first).
    """

    label: str
    query: str
    name: str
    serial: int
    materials: str
    decision: Decision
    phone: str = "13812345678"
    address: str = "杭州市西湖区文三路 1 号"
    rating: RatingLevel | None = None
    reasons: tuple[BadReason, ...] = ()
    case_of: str = ""
    amend: str = ""
    refusal_reasons: str = ""


SHORT_DAY: tuple[Visitor, ...] = (
    Visitor("complete", "gtgsh", "张三", 1, "OLC", Decision.ACCEPT, rating=RatingLevel.SATISFIED),
    Visitor("on-the-spot", "gtgsh", "李四", 2, "OLC", Decision.ON_THE_SPOT),
    Visitor(
        "complaint",
        "gtgsh",
        "王五",
        3,
        "OLC",
        Decision.ACCEPT,
        rating=RatingLevel.VERY_DISSATISFIED,
        reasons=(BadReason.LONG_WAIT,),
    ),
)
"""The demonstration's short day: accepted, completed on the spot, a complaint."""

_G = "gtgsh"  # 个体工商户设立登记: M01 form, M02 ID card (e-licence), M03 premises, M04/M05
COUNTER_DAY: tuple[Visitor, ...] = (
    Visitor("complete", _G, "张三", 11, "OLC", Decision.ACCEPT, rating=RatingLevel.SATISFIED),
    Visitor("notice", _G, "李四", 12, "OL", Decision.NOTICE),  # M03 not brought
    # 建设工程规划许可: M06 日照分析报告 is secondary and may be owed.
    Visitor("rongque", "jsgcghxk", "王五", 13, "OLLCOM", Decision.RONGQUE),
    Visitor("commitment", _G, "赵六", 14, "OLM", Decision.COMMITMENT),  # M03 by commitment
    Visitor(
        "refusal",
        _G,
        "孙七",
        15,
        "OLC",
        Decision.REFUSAL,
        refusal_reasons="经营范围属于法律、行政法规禁止经营的项目",
    ),
    Visitor("on-the-spot", _G, "周八", 16, "OLC", Decision.ON_THE_SPOT),
    # 李四 is back with M03; the clerk also calls the form missing (a new item: refused by the
    # one-time rule), the form is put right on the spot, and the case is accepted.
    Visitor("return", _G, "李四", 12, "M. ", Decision.RETURN, case_of="notice", amend=" "),
    Visitor("hand-out", _G, "周八", 16, "", Decision.HAND_OUT, case_of="on-the-spot"),
    Visitor(
        "complaint",
        _G,
        "吴九",
        19,
        "OLC",
        Decision.ACCEPT,
        rating=RatingLevel.DISSATISFIED,
        reasons=(BadReason.LONG_WAIT, BadReason.UNCLEAR),
    ),
)
"""A whole counter day: eight applicants, every decision of the decision bar, a return visit
with the one-time rule's refusal, a result handed out and a complaint."""


@dataclass
class DayPlayer(Steps):
    """Plays visitors on `window` with `driver`'s waits (see `Steps` for the options)."""

    def play(self, visitors: tuple[Visitor, ...]) -> None:
        """Play every visitor in order (a returning one needs the earlier one played before).

        Raises:
            StepFailed: a step did not happen in time (with a `LoopWaits` driver).
        """
        self._until(lambda: self.window.catalogue.model.rowCount() > 0)  # the finder knows items
        for visitor in visitors:
            _log.info("demo day: %s", visitor.label)
            self.call_ticket()
            if visitor.case_of:
                self.find_case(self.cases[visitor.case_of])
            else:
                self.intake(visitor)
            self.decide(visitor)
            self.rate(visitor)
            self.finish_ticket()

    def intake(self, visitor: Visitor) -> None:
        """Ctrl+N, the item, the applicant, the checklist, Ctrl+Enter: the case opens."""
        desk = self.window.case_desk
        self._activate()
        press(Qt.Key.Key_N, CTRL)
        self._until(desk.form.finder.search.hasFocus)
        with self._seen(desk.form.item_chosen):
            type_text(visitor.query)
            press(Qt.Key.Key_Return)
        commit_text(visitor.name)
        press(Qt.Key.Key_Tab)
        type_text(id_number(visitor.serial))
        press(Qt.Key.Key_Tab)
        type_text(visitor.phone)
        press(Qt.Key.Key_Tab)
        commit_text(visitor.address)
        press(Qt.Key.Key_Tab)
        self._until(lambda: focused() is desk.form.checklist.view)
        self.lines(desk.form.checklist.view, visitor.materials)
        self.shot(f"{visitor.label}-intake")
        with self._seen(desk.case_changed, check=bool):
            press(Qt.Key.Key_Return, CTRL)
        assert desk.case is not None
        self.case_ids.append(desk.case.case_id)
        self.cases[visitor.label] = desk.case

    def decide(self, visitor: Visitor) -> None:
        """The visitor's decision through its key and its dialog's keys."""
        label, decision = visitor.label, visitor.decision
        if decision is Decision.NOTICE:
            self.notice(label)
        elif decision is Decision.REFUSAL:
            self.refusal(label, visitor.refusal_reasons)
        elif decision is Decision.HAND_OUT:
            self.hand_out(label, id_number(visitor.serial))
        else:
            self._before_acceptance(visitor)
            self.accept(label)
            if decision is Decision.ON_THE_SPOT:
                self.on_the_spot(label)

    def _before_acceptance(self, visitor: Visitor) -> None:
        if visitor.decision is Decision.RONGQUE:
            self.substitute(visitor.label, Qt.Key.Key_R, agree=Qt.Key.Key_C)
        elif visitor.decision is Decision.COMMITMENT:
            self.substitute(visitor.label, Qt.Key.Key_C, agree=Qt.Key.Key_L)
        elif visitor.decision is Decision.RETURN:
            self.correct(visitor.materials)
            if visitor.amend:
                self.second_notice(visitor.label)
                self.amend(visitor.amend)

    def rate(self, visitor: Visitor) -> None:
        """The applicant rates on the customer panel (a touch; the clerk cannot)."""
        if visitor.rating is None:
            return
        customer = self.window.customer
        panel = customer.panel
        with self._seen(customer.rated):
            panel.choose_level(visitor.rating)
            for reason in visitor.reasons:
                panel.reason_buttons[reason].setChecked(True)
            if visitor.reasons:
                self.shot(f"{visitor.label}-rating", panel)
                panel.submit()
        self.shot(f"{visitor.label}-rated")


def without_scanner(window: WorkbenchWindow) -> None:
    """Scripted keys arrive as fast as a scanner's burst: they are the clerk's, not a scan."""
    app = QApplication.instance()
    if window.scanner is not None and isinstance(app, QApplication):
        window.scanner.uninstall(app)


def play_into(window: WorkbenchWindow, folder: Path) -> int:
    """Play the demonstration's day (`COUNTER_DAY`) on `window`, saving its screenshots and
    printed PDFs into `folder` (`--demo-script`); the exit code: 0, or 1 when a step failed
    (logged)."""
    folder.mkdir(parents=True, exist_ok=True)
    player = DayPlayer(window, LoopWaits(), shots=folder, supervisor=DEMO_SUPERVISOR)
    parts = window.parts
    printed = pdf_folder(parts.settings.get(PDF_FOLDER), parts.data_folder)
    without_scanner(window)
    try:
        player.play(COUNTER_DAY)
        papers = (*player.documents, *player.letters)
        player.driver.waitUntil(
            lambda: all((printed / f"{n}.pdf").exists() for n in papers),
            timeout=WAIT_MS,
        )
    except StepFailed:
        _log.exception("the scripted day failed")
        return 1
    for pdf in sorted(printed.glob("*.pdf")):
        shutil.copy2(pdf, folder / pdf.name)
    _log.info("scripted day played: %d screenshots", player.shots_taken)
    return 0


def run_scenario(window: WorkbenchWindow, driver: Waits) -> DayPlayer:
    """Play the demonstration's short day (`SHORT_DAY`) on `window`; the player."""
    player = DayPlayer(window, driver)
    player.play(SHORT_DAY)
    return player


def run_counter_day(window: WorkbenchWindow, driver: Waits) -> DayPlayer:
    """Play `COUNTER_DAY` on `window` (the embedded registry's demonstration hall: its
    supervisor approves the refusal; no kiosk, so no hall tickets); the player."""
    without_scanner(window)
    player = DayPlayer(window, driver, supervisor=DEMO_SUPERVISOR)
    player.play(COUNTER_DAY)
    return player


CLERK_KEY_PAUSE_MS = 40
"""A fast clerk: 25 keys a second (as `bench/ui_scenario.py` types)."""


def run_counter_day_at_a_clerks_pace(window: WorkbenchWindow, driver: Waits) -> DayPlayer:
    """`run_counter_day` with the event loop running between keys, as when a clerk types
    (`bench/ui_bench.py` measures the screen's stalls on it)."""
    paced_typing(CLERK_KEY_PAUSE_MS)
    try:
        return run_counter_day(window, driver)
    finally:
        paced_typing(0)
