"""A scripted counter day played on the real workbench by its keys: the demonstration's script.

The day is data (`Visitor`s: what the applicant asks for, who they are, what they hand in, what
the clerk decides and how they rate); `DayPlayer` plays it on a shown, signed-in
`WorkbenchWindow` the way a clerk does — Ctrl+N for the next intake, the item by its pinyin
initials, the applicant typed (Chinese committed as an input method does), one key per checklist
line, Ctrl+Enter, then the decision's key (Alt+A, Alt+S) and Enter on each step of its dialog.
The applicant's rating is given on the customer panel, as the applicant touches it. After each
step the window (or the open dialog) may be saved as a numbered PNG.

`run_scenario(window, driver)` is the hook `bench/ui_bench.py` and `--demo-script` share:
`driver` is anything with pytest-qt's `waitUntil` (a test's `qtbot`, or `LoopWaits` here).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from clerk.cases import BadReason, RatingLevel
from clerk.identity import resident_id_check_char
from ui.decisions.accept import AcceptDialog
from ui.decisions.onthespot import OnTheSpotDialog
from ui.settings import PDF_FOLDER
from ui.settings_pages.printer_check import pdf_folder
from ui.workbench.window import WorkbenchWindow

_log = logging.getLogger(__name__)
WAIT_MS = 30_000
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_D = TypeVar("_D", bound=QDialog)


class Waits(Protocol):
    """What the player needs of its driver (pytest-qt's `QtBot` has it)."""

    def waitUntil(  # noqa: N802 - pytest-qt's name
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """Run the event loop until `callback` holds (raise when it does not in time)."""


class StepFailed(AssertionError):
    """A step of the scripted day did not come about in time."""


class LoopWaits:
    """`Waits` outside pytest: nested event loops, polled every 10 ms."""

    def waitUntil(  # noqa: N802 - pytest-qt's name
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """Run the event loop until `callback` returns True or None.

        Raises:
            StepFailed: it did not within `timeout` ms.
        """
        timer, loop = QTimer(), QEventLoop()
        timer.timeout.connect(lambda: loop.quit() if _holds(callback) else None)
        timer.start(10)
        QTimer.singleShot(timeout, loop.quit)
        if not _holds(callback):
            loop.exec()
        timer.stop()
        if not _holds(callback):
            raise StepFailed(f"{callback!r} did not hold within {timeout} ms")


def _holds(callback: Callable[[], bool | None]) -> bool:
    try:
        result = callback()
    except AssertionError:
        return False
    return result is None or bool(result)


class Decision(StrEnum):
    """What the clerk decides after the intake."""

    ACCEPT = "accept"  # 受理, the receipt printed
    ON_THE_SPOT = "on_the_spot"  # 受理 then 即办件: completed at the counter


def id_number(serial: int) -> str:
    """A valid resident ID number, different for each serial (demonstration applicants)."""
    body = f"33010619850312{serial % 1000:03d}"
    return body + resident_id_check_char(body)


@dataclass(frozen=True, slots=True)
class Visitor:
    """One applicant's visit: the item, who they are, what they bring, what happens.

    `materials` has one key per checklist line, as the clerk presses it (O original, C copy,
    L e-licence, M missing, R owed (容缺), P commitment (告知承诺), space: as asked).
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
"""The demonstration's day: an application accepted, one completed on the spot, a complaint."""


@dataclass
class DayPlayer:
    """Plays visitors on `window` with `driver`'s waits, saving PNGs into `shots` if given."""

    window: WorkbenchWindow
    driver: Waits
    shots: Path | None = None
    case_ids: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    shots_taken: int = 0

    def play(self, visitors: tuple[Visitor, ...]) -> None:
        """Play every visitor in order.

        Raises:
            StepFailed: a step did not happen in time (with a `LoopWaits` driver).
        """
        self._until(lambda: self.window.catalogue.model.rowCount() > 0)  # the finder knows items
        for visitor in visitors:
            _log.info("demo day: %s", visitor.label)
            self.intake(visitor)
            self.decide(visitor)
            self.rate(visitor)

    # Intake ---------------------------------------------------------------------------------

    def intake(self, visitor: Visitor) -> None:
        """Ctrl+N, the item, the applicant, the checklist, Ctrl+Enter: the case opens."""
        desk = self.window.case_desk
        self._activate()
        _keys(Qt.Key.Key_N, _CTRL)
        self._until(desk.form.finder.search.hasFocus)
        with self._seen(desk.form.item_chosen):
            QTest.keyClicks(_focused(), visitor.query)
            _keys(Qt.Key.Key_Return)
        _commit(visitor.name)
        _keys(Qt.Key.Key_Tab)
        QTest.keyClicks(_focused(), id_number(visitor.serial))
        _keys(Qt.Key.Key_Tab)
        QTest.keyClicks(_focused(), visitor.phone)
        _keys(Qt.Key.Key_Tab)
        _commit(visitor.address)
        _keys(Qt.Key.Key_Tab)
        self._until(lambda: _focused() is desk.form.checklist.view)
        self._checklist(visitor.materials)
        self.shot(f"{visitor.label}-intake")
        with self._seen(desk.case_changed, check=bool):
            _keys(Qt.Key.Key_Return, _CTRL)
        assert desk.case is not None
        self.case_ids.append(desk.case.case_id)

    def _checklist(self, materials: str) -> None:
        for position, key in enumerate(materials):
            if position:
                _keys(Qt.Key.Key_Down)
            _keys(Qt.Key.Key_Space if key == " " else Qt.Key(ord(key.upper())))

    # Decisions ------------------------------------------------------------------------------

    def decide(self, visitor: Visitor) -> None:
        """The visitor's decision through its key and its dialog's default buttons."""
        self.accept(visitor.label)
        if visitor.decision is Decision.ON_THE_SPOT:
            self.on_the_spot(visitor.label)

    def accept(self, label: str) -> None:
        """Alt+A; Enter accepts (the receipt prints); Enter closes."""
        dialog = self._open(Qt.Key.Key_A, AcceptDialog)
        with self._seen(dialog.document.printed) as printed:
            self._enter_on(dialog.accept_button)
        self.documents.append(str(printed[0]))
        self.shot(f"{label}-receipt", dialog)
        self._enter_on(dialog.close_button)
        self._until(lambda: not dialog.isVisible())

    def on_the_spot(self, label: str) -> None:
        """Alt+S; Enter completes the case (即办件); Escape closes."""
        dialog = self._open(Qt.Key.Key_S, OnTheSpotDialog)
        with self._seen(dialog.completed):
            self._enter_on(dialog.complete_button)
        self._until(dialog.hand_out_button.hasFocus)
        self.shot(f"{label}-completed", dialog)
        _keys(Qt.Key.Key_Escape)
        self._until(lambda: not dialog.isVisible())

    def _open(self, key: Qt.Key, kind: type[_D]) -> _D:
        self._activate()
        _keys(key, _ALT)
        bar = self.window.case_desk.bar
        self._until(lambda: isinstance(bar.dialog, kind) and bar.dialog.isVisible())
        dialog = bar.dialog
        assert isinstance(dialog, kind)
        return dialog

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

    # Helpers --------------------------------------------------------------------------------

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        """Save `widget` (default: the window) as the next numbered PNG, if saving."""
        if self.shots is None:
            return
        self.shots_taken += 1
        path = self.shots / f"{self.shots_taken:02d}-{name}.png"
        if not (widget or self.window).grab().save(str(path)):
            raise StepFailed(f"could not save {path}")

    def _activate(self) -> None:
        self.window.activateWindow()  # the platform gives it back after a dialog (offscreen: asked)
        self._until(lambda: QApplication.activeWindow() is self.window)

    def _enter_on(self, button: QWidget) -> None:
        self._until(lambda: button.isEnabled() and button.hasFocus())
        _keys(Qt.Key.Key_Return)

    def _until(self, condition: Callable[[], bool]) -> None:
        self.driver.waitUntil(condition, timeout=WAIT_MS)

    def _seen(self, signal: SignalInstance, *, check: Callable[..., bool] | None = None) -> _Seen:
        return _Seen(self, signal, check)


class _Seen:
    """A block after which `signal` must have been emitted (its first arguments kept)."""

    def __init__(
        self, player: DayPlayer, signal: SignalInstance, check: Callable[..., bool] | None
    ) -> None:
        self._player, self._signal, self._check = player, signal, check
        self.args: list[object] | None = None

    def _got(self, *args: object) -> None:
        if self.args is None and (self._check is None or self._check(*args)):
            self.args = list(args)

    def __enter__(self) -> list[object]:
        self._signal.connect(self._got)
        self._holder: list[object] = []
        return self._holder

    def __exit__(self, kind: object, *_rest: object) -> None:
        try:
            if kind is None:
                self._player._until(lambda: self.args is not None)
                self._holder.extend(self.args or [])
        finally:
            self._signal.disconnect(self._got)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:
        raise StepFailed("nothing has the keyboard focus")
    return widget


def _keys(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(_focused(), key, modifier)


def _commit(text: str) -> None:
    """Commit `text` where the focus is, as a Chinese input method does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(_focused(), event)


def play_into(window: WorkbenchWindow, folder: Path) -> int:
    """Play the demonstration's day on `window`, saving its screenshots and printed PDFs into
    `folder` (`--demo-script`); the exit code: 0, or 1 when a step failed (logged)."""
    folder.mkdir(parents=True, exist_ok=True)
    player = DayPlayer(window, LoopWaits(), shots=folder)
    parts = window.parts
    printed = pdf_folder(parts.settings.get(PDF_FOLDER), parts.data_folder)
    app = QApplication.instance()
    if window.scanner is not None and isinstance(app, QApplication):
        # Scripted keys arrive as fast as a scanner's burst: they are the clerk's, not a scan.
        window.scanner.uninstall(app)
    try:
        player.play(SHORT_DAY)
        player.driver.waitUntil(
            lambda: all((printed / f"{n}.pdf").exists() for n in player.documents),
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
    """Play the demonstration's day (`SHORT_DAY`) on `window`; the player, with what it did."""
    player = DayPlayer(window, driver)
    player.play(SHORT_DAY)
    return player
