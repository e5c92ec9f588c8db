"""The customer-facing panel (评价器): a second screen turned to the applicant at the counter.

It shows the hall and counter, the clerk serving (name and staff number) and the current ticket.
When the case is done the workbench asks for a rating (`ask_for_rating`); the panel shows five
large touch buttons, 非常满意 … 非常不满意. A good level is given at once; 不满意 and 非常不满意
open the reasons (toggle buttons, at least one) and an optional comment before "Submit". The
panel then waits for the rating to be stored, thanks the applicant and returns to idle. An
applicant who walks away leaves the question on screen only until the timeout.

The panel holds no store and no staff identity: it emits `rating_given` and is told the outcome
(`rating_recorded` / `rating_refused`). `ui.rating_recorder.RatingRecorder` connects it to the
rate use case. The clerk's window has no rating control at all: only this screen rates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.cases import BadReason, Rating, RatingLevel
from clerk.cases.rating import MAX_TEXT
from ui import panel_look
from ui.rating_labels import level_text, reason_text

DEFAULT_TIMEOUT_MS = 60_000  # the question stays this long without a touch
DEFAULT_THANKS_MS = 4_000


class PanelState(StrEnum):
    """What the panel shows."""

    IDLE = "idle"  # welcome, ticket, clerk
    ASKING = "asking"  # the five levels
    REASONS = "reasons"  # why dissatisfied, and a comment
    SENDING = "sending"  # waiting for the rating to be stored
    THANKS = "thanks"  # thank you (or why the rating was not taken), then idle


class CustomerPanel(QWidget):
    """The second screen at a counter (see the module).

    Signals:
        rating_given(str, object): the applicant rated: the case id and the `Rating`.
        rating_abandoned(str): the question timed out unanswered: the case id.
        state_changed(str): the panel moved to another `PanelState` (its value).
    """

    rating_given = Signal(str, object)
    rating_abandoned = Signal(str)
    state_changed = Signal(str)

    def __init__(
        self,
        *,
        hall: str,
        counter: str,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        thanks_ms: int = DEFAULT_THANKS_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self.setWindowTitle(self.tr("Service rating"))
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.state = PanelState.IDLE
        self.case_id = ""
        self._level: RatingLevel | None = None
        self._timeout = _single_shot(self, timeout_ms, self._walked_away)
        self._thanks = _single_shot(self, thanks_ms, self.reset)
        self._build(hall, counter)
        panel_look.apply(self, 1.0)

    # Building -------------------------------------------------------------------------------

    def _build(self, hall: str, counter: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header(hall, counter))
        self.pages = QStackedWidget(self)
        self._pages = {
            PanelState.IDLE: self._idle_page(),
            PanelState.ASKING: self._levels_page(),
            PanelState.REASONS: self._reasons_page(),
            PanelState.SENDING: self._message_page(self.tr("Saving your rating…")),
            PanelState.THANKS: self._thanks_page(),
        }
        for page in self._pages.values():
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        self.set_clerk("", "")
        self.set_ticket("")

    def _header(self, hall: str, counter: str) -> QWidget:
        header = QFrame(self)
        header.setObjectName("header")
        row = QHBoxLayout(header)
        place = QLabel(self.tr("{hall} · Window {counter}").format(hall=hall, counter=counter))
        place.setObjectName("place")
        self.clerk_label = QLabel(header)
        self.clerk_label.setObjectName("clerk")
        self.ticket_label = QLabel(header)
        self.ticket_label.setObjectName("ticket")
        row.addWidget(place, 1)
        row.addWidget(self.clerk_label)
        row.addWidget(self.ticket_label)
        return header

    def _idle_page(self) -> QWidget:
        page = _column(self)
        welcome = _label(page, self.tr("Welcome"), "welcome")
        self.idle_ticket = _label(page, "", "idleTicket")
        self.idle_clerk = _label(page, "", "idleClerk")
        hint = _label(page, self.tr("You can rate our service here when your matter is done"))
        hint.setObjectName("hint")
        for widget in (welcome, self.idle_ticket, self.idle_clerk, hint):
            _add(page, widget)
        return page

    def _levels_page(self) -> QWidget:
        page = _column(self)
        _add(page, _label(page, self.tr("How satisfied are you with our service?"), "question"))
        row = QHBoxLayout()
        row.setSpacing(24)
        self.level_buttons: dict[RatingLevel, QPushButton] = {}
        for level in RatingLevel:
            button = _button(page, level_text(level), f"level_{level.value}")
            button.setProperty("level", True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, chosen=level: self.choose_level(chosen))
            row.addWidget(button)
            self.level_buttons[level] = button
        _layout(page).addLayout(row, 1)
        _layout(page).insertStretch(0, 1)  # the question and the levels in the middle
        _layout(page).addStretch(1)
        return page

    def _reasons_page(self) -> QWidget:
        page = _column(self)
        _add(page, _label(page, self.tr("Please tell us why (choose one or more)"), "question"))
        grid = QGridLayout()
        grid.setSpacing(16)
        self.reason_buttons: dict[BadReason, QPushButton] = {}
        for position, reason in enumerate(BadReason):
            button = _button(page, reason_text(reason), "reason")
            button.setCheckable(True)
            button.toggled.connect(self._reasons_changed)
            grid.addWidget(button, *divmod(position, 4))
            self.reason_buttons[reason] = button
        _layout(page).addLayout(grid, 1)
        self.comment = QLineEdit(page)
        self.comment.setObjectName("comment")
        self.comment.setMaxLength(MAX_TEXT)
        self.comment.setPlaceholderText(self.tr("Anything else you want to tell us (optional)"))
        self.comment.textEdited.connect(self._touched)
        _add(page, self.comment)
        _layout(page).addLayout(self._reason_actions(page))
        return page

    def _reason_actions(self, page: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = _button(page, self.tr("Back"), "back")
        self.back_button.clicked.connect(self._back)
        self.submit_button = _button(page, self.tr("Submit"), "submit")
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.submit_button)
        return row

    def _message_page(self, text: str) -> QWidget:
        page = _column(self)
        _add(page, _label(page, text, "message"))
        return page

    def _thanks_page(self) -> QWidget:
        page = _column(self)
        self.thanks_label = _label(page, "", "message")
        self.thanks_label.setWordWrap(True)
        _add(page, self.thanks_label)
        return page

    # What the workbench tells the panel -----------------------------------------------------

    def set_clerk(self, name: str, staff_number: str) -> None:
        """Show who serves at this window (name and staff number, 工号)."""
        text = (
            self.tr("Served by {name} · No. {number}").format(name=name, number=staff_number)
            if name
            else ""
        )
        self.clerk_label.setText(text)
        self.idle_clerk.setText(text)

    def set_ticket(self, number: str) -> None:
        """Show the ticket being served ("" when none)."""
        text = self.tr("Ticket {number}").format(number=number) if number else ""
        self.ticket_label.setText(text)
        self.idle_ticket.setText(text)

    def ask_for_rating(self, case_id: str) -> None:
        """Show the five levels for the case just done (replaces an unanswered question)."""
        if self.state is PanelState.SENDING:
            return  # the previous rating is being stored: its answer comes first
        self.case_id = case_id
        self._thanks.stop()
        self._go(PanelState.ASKING)

    def rating_recorded(self) -> None:
        """The rating was stored: thank the applicant."""
        self._finish(self.tr("Thank you for your rating!"))

    def rating_refused(self, message: str) -> None:
        """The rating was not stored: say why (in words for the applicant), then idle."""
        self._finish(message)

    def reset(self) -> None:
        """Back to idle, forgetting any question."""
        self._timeout.stop()
        self._thanks.stop()
        self.case_id = ""
        self._level = None
        self._go(PanelState.IDLE)

    # What the applicant does ----------------------------------------------------------------

    def choose_level(self, level: RatingLevel) -> None:
        """A level was touched: a good one is given at once, a bad one asks for reasons."""
        if self.state is not PanelState.ASKING:
            return
        self._level = level
        if level.bad:
            self._clear_reasons()
            self._go(PanelState.REASONS)
        else:
            self._give(Rating(level))

    def submit(self) -> None:
        """Give the bad rating with the reasons chosen (refused until there is one)."""
        chosen = self.chosen_reasons()
        if self.state is not PanelState.REASONS or self._level is None or not chosen:
            return
        self._give(Rating(self._level, chosen, self.comment.text().strip()))

    def chosen_reasons(self) -> tuple[BadReason, ...]:
        """The reasons toggled on, in the list's order."""
        return tuple(r for r, button in self.reason_buttons.items() if button.isChecked())

    # Internals ------------------------------------------------------------------------------

    def _give(self, rating: Rating) -> None:
        self._go(PanelState.SENDING)
        self.rating_given.emit(self.case_id, rating)

    def _finish(self, message: str) -> None:
        if self.state is not PanelState.SENDING:
            return
        self.thanks_label.setText(message)
        self.case_id = ""
        self._go(PanelState.THANKS)
        self._thanks.start()

    def _back(self) -> None:
        self._go(PanelState.ASKING)

    def _reasons_changed(self) -> None:
        self.submit_button.setEnabled(bool(self.chosen_reasons()))
        self._touched()

    def _clear_reasons(self) -> None:
        for button in self.reason_buttons.values():
            button.setChecked(False)
        self.comment.clear()

    def _touched(self) -> None:
        if self.state in (PanelState.ASKING, PanelState.REASONS):
            self._timeout.start()  # the applicant is still there

    def _walked_away(self) -> None:
        if self.state in (PanelState.ASKING, PanelState.REASONS):
            case_id = self.case_id
            self.reset()
            self.rating_abandoned.emit(case_id)

    def _go(self, state: PanelState) -> None:
        self.state = state
        self.pages.setCurrentWidget(self._pages[state])
        if state in (PanelState.ASKING, PanelState.REASONS):
            self._timeout.start()
        else:
            self._timeout.stop()
        self.state_changed.emit(state.value)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Scale the type to the screen (designed for 1280 × 800, a common panel)."""
        super().resizeEvent(event)
        size = event.size()
        panel_look.apply(self, max(0.5, min(size.width() / 1280, size.height() / 800)))


# -- the second screen ---------------------------------------------------------------------------


class _Named(Protocol):
    def name(self) -> str: ...


_S = TypeVar("_S", bound=_Named)


def customer_screen(screens: Sequence[_S], primary: _S | None, *, preferred: str = "") -> _S | None:
    """The screen for the panel: the one named `preferred`, else the first that is not primary.

    Returns:
        The screen, or None when the counter has only one (the panel then opens as a window).
    """
    for screen in screens:
        if preferred and screen.name() == preferred:
            return screen
    others = [screen for screen in screens if screen is not primary]
    return others[0] if others else None


def show_on(panel: QWidget, screen: QScreen | None) -> None:
    """Show the panel full screen on `screen`, or as a window when there is no second screen."""
    if screen is None:
        panel.resize(1280, 800)
        panel.show()
        return
    panel.setScreen(screen)
    panel.setGeometry(screen.geometry())
    panel.showFullScreen()


# -- building blocks -----------------------------------------------------------------------------


def _single_shot(parent: QWidget, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def _column(parent: QWidget) -> QWidget:
    page = QWidget(parent)
    column = QVBoxLayout(page)
    column.setContentsMargins(48, 32, 48, 32)
    column.setSpacing(24)
    return page


def _layout(page: QWidget) -> QVBoxLayout:
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    return layout


def _add(page: QWidget, widget: QWidget) -> None:
    _layout(page).addWidget(widget)


def _label(parent: QWidget, text: str, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if name:
        label.setObjectName(name)
    return label


def _button(parent: QWidget, text: str, name: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touched, never typed at
    return button
