"""The scripted day's steps: each decision's dialog driven by its keys, as a clerk drives it.

`Steps` holds the window, the driver's waits and what the day did (cases by visitor, papers
printed, messages the clerk read); `ui.workbench.demo_day.DayPlayer` strings the steps into
visits. A step presses the decision's key on the workbench (Alt+A accept, Alt+N notice, Alt+R
容缺, Alt+C 告知承诺, Alt+F refusal, Alt+S 即办件, Alt+H hand-out), then Enter on each button
the dialog makes the next one, mnemonics (Alt+letter) where the next field is elsewhere, and
Escape to close. Nothing is clicked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QWidget

from clerk.cases import CaseStatus
from clerk.queue import TicketState
from clerk.services import CaseView
from ui.decisions.accept import AcceptDialog
from ui.decisions.handout import HandOutDialog
from ui.decisions.notice import NoticeDialog
from ui.decisions.onthespot import OnTheSpotDialog
from ui.decisions.paperwork import CommitmentDialog, LetterDialog, RongqueDialog
from ui.decisions.refusal import RefusalRequestDialog
from ui.decisions.widgets import Tone
from ui.queue.actions import QueueAction
from ui.workbench.case_desk import AMEND_KEY
from ui.workbench.demo_keys import (
    ALT,
    CTRL,
    WAIT_MS,
    Seen,
    StepFailed,
    Waits,
    commit_text,
    focused,
    press,
    type_text,
)
from ui.workbench.pages import Page, page_key
from ui.workbench.window import WorkbenchWindow

_log = logging.getLogger(__name__)
_D = TypeVar("_D", bound=QDialog)
Credentials = tuple[str, str]
"""A staff number and its password (the supervisor who approves at this counter)."""


@dataclass
class Steps:
    """The steps of a day on `window` with `driver`'s waits (PNGs into `shots` if given).

    `kiosk`, when given, issues a hall ticket (the applicant at the ticket machine); the clerk
    then calls it with the queue's keys. `supervisor` approves at this counter when asked.
    """

    window: WorkbenchWindow
    driver: Waits
    shots: Path | None = None
    supervisor: Credentials | None = None
    kiosk: Callable[[], object] | None = None
    case_ids: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    cases: dict[str, CaseView] = field(default_factory=dict)
    refusals: list[str] = field(default_factory=list)
    tickets: list[str] = field(default_factory=list)
    shots_taken: int = 0

    # The queue ----------------------------------------------------------------------------

    def call_ticket(self) -> None:
        """A ticket from the kiosk (if there is one), called and started by the queue's keys."""
        panel = self.window.queue_panel
        if self.kiosk is None or panel is None:
            return
        self.kiosk()
        self._activate()
        self._until(panel.queue_actions[QueueAction.CALL_NEXT].isEnabled)
        self._queue_key(QueueAction.CALL_NEXT)
        self._until(lambda: panel.view.current is not None)
        self._queue_key(QueueAction.START)
        self._until(
            lambda: (
                panel.view.current is not None and panel.view.current.state is TicketState.SERVING
            )
        )
        assert panel.view.current is not None
        self.tickets.append(panel.view.current.number)

    def finish_ticket(self) -> None:
        """Finish the ticket being served (its cases and papers are linked to it)."""
        panel = self.window.queue_panel
        if panel is None or panel.view.current is None:
            return
        self._activate()
        with self._seen(panel.visit_finished):
            self._queue_key(QueueAction.FINISH)

    def _queue_key(self, action: QueueAction) -> None:
        keys = self.window.parts.settings.queue_keys()[action]
        QTest.keySequence(focused(), QKeySequence(keys))

    # Finding a case -----------------------------------------------------------------------

    def find_case(self, case: CaseView) -> None:
        """Ctrl+2, the case number typed (from the paper the applicant brings), Enter, then
        Ctrl+W: the case is the case in progress at the counter."""
        window = self.window
        self._activate()
        QTest.keySequence(focused(), QKeySequence(page_key(Page.SEARCH)))
        self._until(window.search.box.hasFocus)
        press(Qt.Key.Key_A, CTRL)  # what was searched before is replaced
        type_text(case.number)
        press(Qt.Key.Key_Return)
        page = window.case_page
        self._until(lambda: page.file is not None and page.file.case.case_id == case.case_id)
        press(Qt.Key.Key_W, CTRL)
        desk = window.case_desk
        self._until(lambda: desk.case is not None and desk.case.case_id == case.case_id)

    def correct(self, keys: str) -> None:
        """The return visit's checklist: one key per line, then Ctrl+Enter (received)."""
        desk = self.window.case_desk
        corrections = desk.corrections
        self._until(lambda: corrections.open and corrections.checklist.view.hasFocus())
        self.lines(corrections.checklist.view, keys)
        press(Qt.Key.Key_Return, CTRL)
        self._until(lambda: desk.case is not None and desk.case.status is CaseStatus.RECEIVED)

    def amend(self, keys: str) -> None:
        """Ctrl+M on a received case: its checklist, one key per line, Ctrl+Enter."""
        desk = self.window.case_desk
        corrections = desk.corrections
        self._activate()
        QTest.keySequence(focused(), QKeySequence(AMEND_KEY))
        self._until(lambda: corrections.open and corrections.checklist.view.hasFocus())
        self.lines(corrections.checklist.view, keys)
        with self._seen(desk.acted):
            press(Qt.Key.Key_Return, CTRL)
        self._until(lambda: not corrections.open)

    def lines(self, view: QAbstractItemView, keys: str) -> None:
        """One key per checklist line from the first ("." leaves a line as it is)."""
        for row, key in enumerate(keys):
            self._to_row(view, row)
            if key != ".":
                press(Qt.Key.Key_Space if key == " " else Qt.Key(ord(key.upper())))

    def _to_row(self, view: QAbstractItemView, row: int) -> None:
        current = view.currentIndex().row()
        if current < 0:
            press(Qt.Key.Key_Down)  # the first line becomes current
            current = 0
        for _ in range(abs(row - current)):
            press(Qt.Key.Key_Down if row > current else Qt.Key.Key_Up)

    # Decisions ----------------------------------------------------------------------------

    def accept(self, label: str) -> None:
        """Alt+A; Enter accepts (the receipt prints); a 容缺 or 告知承诺 paper follows; close."""
        dialog = self.open_dialog(Qt.Key.Key_A, AcceptDialog)
        with self._seen(dialog.document.printed) as printed:
            self.enter_on(dialog.accept_button)
        self.documents.append(str(printed[0]))
        self.shot(f"{label}-receipt", dialog)
        for button in (dialog.rongque_button, dialog.commitment_button):
            if button.isVisible():
                self.enter_on(button)
                self._until(lambda: dialog.letter is not None and dialog.letter.isVisible())
                assert dialog.letter is not None
                self.letter(label, dialog.letter)
                self._activate(dialog)
                press(Qt.Key.Key_Escape)
                self._until(lambda: not dialog.isVisible())
                return
        self.enter_on(dialog.close_button)
        self._until(lambda: not dialog.isVisible())

    def letter(self, label: str, letter: LetterDialog) -> None:
        """The 容缺 notice or 告知承诺 letter: Enter prints, Enter records the signature."""
        with self._seen(letter.document.printed):
            self.enter_on(letter.document.print_button)
        self.letters.append(f"{letter.document.number}-{letter.document.paper}")
        self.shot(f"{label}-letter", letter)
        with self._seen(letter.signed):
            self.enter_on(letter.signed_button)

    def substitute(self, label: str, key: Qt.Key, agree: Qt.Key) -> None:
        """Alt+R (容缺) or Alt+C (告知承诺): tick every line offered, agree, Enter records."""
        kind = RongqueDialog if key == Qt.Key.Key_R else CommitmentDialog
        dialog = self.open_dialog(key, kind)
        self._until(lambda: bool(dialog.lines) and dialog.materials.hasFocus())
        for row in range(dialog.materials.count()):
            self._to_row(dialog.materials, row)
            if dialog.materials.item(row).checkState() is not Qt.CheckState.Checked:
                press(Qt.Key.Key_Space)
        press(agree, ALT)
        self._until(dialog.record_button.isEnabled)
        self.shot(f"{label}-substitute", dialog)
        with self._seen(dialog.recorded):
            press(Qt.Key.Key_Return)

    def notice(self, label: str) -> None:
        """Alt+N (received first): Enter issues, Enter prints, Enter records the signature."""
        dialog = self.open_dialog(Qt.Key.Key_N, NoticeDialog)
        with self._seen(dialog.issued) as issued:
            self.enter_on(dialog.issue_button)
        self.documents.append(dialog.number)
        assert issued
        with self._seen(dialog.document.printed):
            self.enter_on(dialog.document.print_button)
        self.shot(f"{label}-notice", dialog)
        with self._seen(dialog.signed):
            self.enter_on(dialog.signed_button)
        self._until(lambda: not dialog.isVisible())

    def second_notice(self, label: str) -> None:
        """Alt+N again: the draft asks for an override; Alt+I issues anyway and the one-time
        rule refuses (the message is kept); Escape closes."""
        dialog = self.open_dialog(Qt.Key.Key_N, NoticeDialog)
        self._until(lambda: dialog.draft is not None and dialog.override_button.hasFocus())
        press(Qt.Key.Key_I, ALT)
        self._until(
            lambda: dialog.status.tone is Tone.PROBLEM and dialog.override_button.hasFocus()
        )
        self.refusals.append(dialog.status.text())
        self.shot(f"{label}-one-time-rule", dialog)
        press(Qt.Key.Key_Escape)
        self._until(lambda: not dialog.isVisible())

    def refusal(self, label: str, reasons: str) -> None:
        """Alt+F (received first): the reasons typed, the request, the supervisor's approval
        with their credentials at this counter; the refusal notice prints."""
        if self.supervisor is None:
            raise StepFailed("a refusal needs a supervisor at this counter")
        dialog = self.open_dialog(Qt.Key.Key_F, RefusalRequestDialog)
        self._until(lambda: dialog.context is not None and dialog.reasons.hasFocus())
        commit_text(reasons)
        press(Qt.Key.Key_G, ALT)  # the competent agency: ours, left empty; Tab to the request
        press(Qt.Key.Key_Tab)
        with self._seen(dialog.requested):
            self.enter_on(dialog.request_button)
        self.enter_on(dialog.approve_here_button)
        self._until(lambda: dialog.approval is not None and dialog.approval.staff_id.hasFocus())
        staff_id, password = self.supervisor
        type_text(staff_id)
        press(Qt.Key.Key_Tab)
        type_text(password)
        with self._seen(dialog.decided), self._seen(dialog.document.printed) as printed:
            press(Qt.Key.Key_Return)
        self.documents.append(str(printed[0]))
        self.shot(f"{label}-refusal", dialog)
        self._activate(dialog)  # the approval's window has gone
        self.enter_on(dialog.close_button)
        self._until(lambda: not dialog.isVisible())

    def on_the_spot(self, label: str) -> None:
        """Alt+S; Enter completes the case (即办件); Escape: the result is fetched later."""
        dialog = self.open_dialog(Qt.Key.Key_S, OnTheSpotDialog)
        with self._seen(dialog.completed):
            self.enter_on(dialog.complete_button)
        self._until(dialog.hand_out_button.hasFocus)
        self.shot(f"{label}-completed", dialog)
        press(Qt.Key.Key_Escape)
        self._until(lambda: not dialog.isVisible())

    def hand_out(self, label: str, id_number: str) -> None:
        """Alt+H; Alt+I and the collector's ID number; Enter hands out (the record prints)."""
        dialog = self.open_dialog(Qt.Key.Key_H, HandOutDialog)
        self._activate(dialog)
        press(Qt.Key.Key_I, ALT)
        self._until(dialog.id_number.hasFocus)
        type_text(id_number)
        self._until(dialog.hand_out_button.isEnabled)
        with self._seen(dialog.handed_out), self._seen(dialog.document.printed) as printed:
            press(Qt.Key.Key_Return)
        self.documents.append(str(printed[0]))
        self.shot(f"{label}-hand-out", dialog)
        self.enter_on(dialog.close_button)
        self._until(lambda: not dialog.isVisible())

    # Helpers ------------------------------------------------------------------------------

    def open_dialog(self, key: Qt.Key, kind: type[_D]) -> _D:
        """Press Alt+`key` on the workbench and wait for the decision's dialog."""
        self._activate()
        press(key, ALT)
        bar = self.window.case_desk.bar
        self._until(lambda: isinstance(bar.dialog, kind) and bar.dialog.isVisible())
        dialog = bar.dialog
        assert isinstance(dialog, kind)
        return dialog

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        """Save `widget` (default: the window) as the next numbered PNG, if saving."""
        if self.shots is None:
            return
        self.shots_taken += 1
        path = self.shots / f"{self.shots_taken:02d}-{name}.png"
        if not (widget or self.window).grab().save(str(path)):
            raise StepFailed(f"could not save {path}")

    def _activate(self, window: QWidget | None = None) -> None:
        """Make `window` (default: the workbench) the active window again after a dialog."""
        shown = window or self.window
        shown.activateWindow()  # the platform gives it back after a dialog (offscreen: asked)
        self._until(lambda: QApplication.activeWindow() is shown)

    def enter_on(self, button: QWidget) -> None:
        """Wait until `button` is the enabled focus, then press Enter."""
        self._until(lambda: button.isEnabled() and button.hasFocus())
        press(Qt.Key.Key_Return)

    def _until(self, condition: Callable[[], bool]) -> None:
        self.driver.waitUntil(condition, timeout=WAIT_MS)

    def _seen(self, signal: SignalInstance, *, check: Callable[..., bool] | None = None) -> Seen:
        return Seen(self._until, signal, check)
