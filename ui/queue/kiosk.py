"""The ticket kiosk (`python main.py --kiosk`): pick a service, optionally give an ID number.

A touch screen: one large button per service, an on-screen keypad for the ID number (checked
with `clerk.identity.validate_resident_id` before any ticket is issued, the problem said in
words), then a page with the number, the people ahead and the estimated wait while the 80 mm
slip prints (`printing` builds it; the printer is injected: a system printer in the hall, a
folder in tests). Issuing and printing run on their own lanes, never on the GUI thread; a
slip that fails to print still leaves the number on screen, with where to ask.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.clock import local_day
from clerk.errors import ClerkError
from clerk.identity import IdCheck, IdProblem, validate_resident_id
from clerk.queue import Channel
from printing.builder import DocumentKind, build
from printing.documents import QueueTicket
from printing.errors import PrinterError, PrintingError
from printing.spooler import Printer
from ui.errors import explain_error
from ui.queue import look
from ui.queue.lane import Lane
from ui.queue.memory import hall_now
from ui.queue.port import IssuedTicket, KioskPort, QueueUnavailable, ServiceInfo

_log = logging.getLogger(__name__)

_SERVICE_COLUMNS = 2
_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "⌫")
_ID_LENGTH = 18
DEFAULT_RETURN_MS = 15_000
RETRY_MS = 5_000


class Kiosk(QWidget):
    """The ticket kiosk (see the module).

    Signals:
        issued(object): the `IssuedTicket` just issued.
        printed(str): the number whose slip the printer took.
        print_failed(str): the message shown when a slip did not print.
    """

    issued = Signal(object)
    printed = Signal(str)
    print_failed = Signal(str)

    def __init__(
        self,
        *,
        port: KioskPort,
        printer: Printer,
        hall: str,
        lane: Lane | None = None,
        print_lane: Lane | None = None,
        return_ms: int = DEFAULT_RETURN_MS,
        clock: Callable[[], datetime] = hall_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Ticket kiosk"))
        self._port, self._printer, self.hall, self._clock = port, printer, hall, clock
        self._lane = lane or Lane(parent=self)
        self._print_lane = print_lane or Lane(parent=self)
        self.busy = False
        self.service_buttons: dict[str, QPushButton] = {}
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._ticket_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        layout.addWidget(self.pages, 1)
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.setInterval(return_ms)
        self._back.timeout.connect(self.start_over)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.load_services)
        self._restyle(1.0)
        QTimer.singleShot(0, self, self.load_services)

    # Building -------------------------------------------------------------------------------

    def _header(self) -> QWidget:
        header = QFrame(self)
        header.setObjectName("header")
        column = QVBoxLayout(header)
        hall = QLabel(self.hall, header)
        hall.setObjectName("hall")
        welcome = QLabel(self.tr("Welcome — please take a number"), header)
        welcome.setObjectName("welcome")
        for label in (hall, welcome):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        return header

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(24)
        prompt = QLabel(self.tr("Choose your service"), page)
        prompt.setObjectName("prompt")
        self.status = QLabel(self.tr("Loading services…"), page)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.services_grid = QGridLayout()
        self.services_grid.setSpacing(24)
        column.addWidget(prompt)
        column.addWidget(self.status)
        column.addLayout(self.services_grid)
        column.addWidget(self._id_box(page))
        column.addStretch(1)
        tips = QLabel(
            self.tr(
                "Elderly, disabled or pregnant applicants: please go to the information desk "
                "for the green channel. Keep your ticket until your visit is finished."
            ),
            page,
        )
        tips.setObjectName("tips")
        tips.setWordWrap(True)
        column.addWidget(tips)
        return page

    def _id_box(self, parent: QWidget) -> QWidget:
        box = QFrame(parent)
        box.setObjectName("idBox")
        column = QVBoxLayout(box)
        caption = QLabel(self.tr("ID number (optional)"), box)
        caption.setObjectName("prompt")
        self.id_number = QLineEdit(box)
        self.id_number.setObjectName("idNumber")
        self.id_number.setMaxLength(_ID_LENGTH)
        self.id_number.setPlaceholderText(self.tr("Swipe your ID card or type the number"))
        self.id_error = QLabel(box)
        self.id_error.setObjectName("idError")
        self.id_error.setWordWrap(True)
        self.id_error.hide()
        self.id_number.textChanged.connect(lambda _: self.id_error.hide())
        keypad = QGridLayout()
        keypad.setSpacing(12)
        for position, key in enumerate(_KEYS):
            button = QPushButton(key, box)
            button.setObjectName("key")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            keypad.addWidget(button, *divmod(position, 3))
        clear = QPushButton(self.tr("Clear"), box)
        clear.setObjectName("key")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.id_number.clear)
        clear.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        keypad.addWidget(clear, 0, 3, 4, 1)
        column.addWidget(caption)
        column.addWidget(self.id_number)
        column.addWidget(self.id_error)
        column.addLayout(keypad)
        return box

    def _ticket_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(48, 48, 48, 48)
        column.setSpacing(16)
        card = QFrame(page)
        card.setObjectName("ticketCard")
        inner = QVBoxLayout(card)
        caption = QLabel(self.tr("Your number"), card)
        caption.setObjectName("prompt")
        self.ticket_number = QLabel(card)
        self.ticket_number.setObjectName("ticketNumber")
        self.ticket_service = QLabel(card)
        self.ticket_service.setObjectName("ticketLine")
        self.ticket_ahead = QLabel(card)
        self.ticket_ahead.setObjectName("ticketLine")
        self.ticket_wait = QLabel(card)
        self.ticket_wait.setObjectName("ticketLine")
        self.print_state = QLabel(card)
        self.print_state.setObjectName("printState")
        self.print_state.setWordWrap(True)
        for label in (
            caption,
            self.ticket_number,
            self.ticket_service,
            self.ticket_ahead,
            self.ticket_wait,
            self.print_state,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        done = QPushButton(self.tr("Done"), page)
        done.setObjectName("service")
        done.clicked.connect(self.start_over)
        column.addStretch(1)
        column.addWidget(card)
        column.addWidget(done)
        column.addStretch(1)
        return page

    # Services -------------------------------------------------------------------------------

    def load_services(self) -> None:
        """Ask the queue for its services (again, after a failure)."""
        self._lane.submit(self._port.services, done=self._show_services, failed=self._unreachable)

    def _show_services(self, services: Sequence[ServiceInfo]) -> None:
        for button in self.service_buttons.values():
            button.deleteLater()
        self.service_buttons = {}
        for position, service in enumerate(services):
            button = QPushButton(service.name, self)
            button.setObjectName("service")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, code=service.code: self.take(code))
            self.services_grid.addWidget(button, *divmod(position, _SERVICE_COLUMNS))
            self.service_buttons[service.code] = button
        self.status.setText("")
        self.status.hide()

    def _unreachable(self, error: Exception) -> None:
        _log.warning("the kiosk cannot reach the queue: %s", error)
        self.status.setText(
            self.tr("Tickets cannot be issued just now. Please ask at the information desk.")
        )
        self.status.show()
        self._retry.start()

    # Taking a ticket ------------------------------------------------------------------------

    def take(self, service: str) -> None:
        """Issue a ticket for a service (with the ID number, if one was entered and is valid)."""
        if self.busy:
            return
        entered = self.id_number.text().strip()
        id_number: str | None = None
        if entered:
            check = validate_resident_id(entered, today=local_day(self._clock()))
            if not check.ok:
                self._show_id_error(check)
                return
            id_number = check.normalized
        channel = Channel.ID_CARD if id_number else Channel.ON_SITE
        self.busy = True
        port = self._port
        self._lane.submit(
            lambda: port.issue(service=service, channel=channel, id_number=id_number),
            done=self._issued,
            failed=self._refused,
        )

    def _show_id_error(self, check: IdCheck) -> None:
        self.id_error.setText(
            self.tr("This ID number is not valid: {problem}").format(
                problem=self._id_problem(check)
            )
        )
        self.id_error.show()

    def _id_problem(self, check: IdCheck) -> str:
        problems = {
            IdProblem.LENGTH: self.tr("it must have 18 characters."),
            IdProblem.CHARACTER: self.tr("character {position} is not allowed.").format(
                position=check.position
            ),
            IdProblem.REGION: self.tr("the region code does not exist."),
            IdProblem.BIRTH_DATE: self.tr("the date of birth is not a real date."),
            IdProblem.BIRTH_DATE_TOO_EARLY: self.tr("the date of birth is too early."),
            IdProblem.BIRTH_DATE_IN_FUTURE: self.tr("the date of birth is in the future."),
            IdProblem.CHECK_CHARACTER: self.tr(
                "the last character does not match; please check every digit."
            ),
        }
        return problems.get(check.problem or IdProblem.LENGTH, self.tr("please check it."))

    def _issued(self, ticket: IssuedTicket) -> None:
        self.busy = False
        self.id_number.clear()
        self.ticket_number.setText(ticket.number)
        self.ticket_service.setText(ticket.service_name)
        self.ticket_ahead.setText(
            self.tr("{count} people ahead of you").format(count=ticket.people_ahead)
        )
        self.ticket_wait.setText(self.wait_text(ticket))
        self.print_state.setText(self.tr("Printing your ticket…"))
        self.pages.setCurrentIndex(1)
        self._back.start()
        self.issued.emit(ticket)
        self._print(ticket)

    def _refused(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, QueueUnavailable):
            self._unreachable(error)
            return
        if not isinstance(error, ClerkError):
            _log.error("issuing a ticket failed", exc_info=error)
        text = (
            explain_error(error) if isinstance(error, ClerkError) else self.tr("Please try again.")
        )
        self.status.setText(self.tr("No ticket was issued: {reason}").format(reason=text))
        self.status.show()

    def wait_text(self, ticket: IssuedTicket) -> str:
        """The estimate as the applicant reads it (screen and slip), in whole minutes."""
        if ticket.people_ahead == 0:
            return self.tr("Estimated wait: you are next")
        if ticket.estimated_wait is None:
            return self.tr("Estimated wait: not known yet")
        minutes = max(1, math.ceil(ticket.estimated_wait.total_seconds() / 60))
        return self.tr("Estimated wait: about {minutes} min").format(minutes=minutes)

    # Printing -------------------------------------------------------------------------------

    def _print(self, ticket: IssuedTicket) -> None:
        slip = QueueTicket(
            number=ticket.number,
            service=ticket.service_name,
            hall=self.hall,
            issued_at=ticket.issued_at,
            waiting_ahead=ticket.people_ahead,
            notice=self.wait_text(ticket),
        )
        printer = self._printer
        title = f"ticket-{ticket.issued_at:%Y%m%d}-{ticket.number}"

        def send() -> str:
            printer.send(build(DocumentKind.QUEUE_TICKET, slip), title=title)
            return ticket.number

        self._print_lane.submit(send, done=self._printed, failed=self._not_printed)

    def _printed(self, number: str) -> None:
        self.print_state.setText(self.tr("Please take your ticket."))
        self.printed.emit(number)

    def _not_printed(self, error: Exception) -> None:
        if not isinstance(error, PrinterError | PrintingError):
            _log.error("printing a ticket failed", exc_info=error)
        else:
            _log.warning("the ticket did not print: %s", error)
        text = self.tr(
            "The ticket could not be printed. Please remember your number; "
            "the information desk can print it again."
        )
        self.print_state.setText(text)
        self.print_failed.emit(text)

    # Navigation and Qt ----------------------------------------------------------------------

    def start_over(self) -> None:
        """Back to the choice of service, the ID number cleared."""
        self._back.stop()
        self.id_number.clear()
        self.id_error.hide()
        self.pages.setCurrentIndex(0)

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.id_number.backspace()
        else:
            self.id_number.insert(key)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Scale the type to the screen (designed for 1080 pixels wide, portrait)."""
        super().resizeEvent(event)
        self._restyle(max(0.4, event.size().width() / 1080))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Wait for an issue or a print still running."""
        self._back.stop()
        self._retry.stop()
        self._lane.close()
        self._print_lane.close()
        super().closeEvent(event)

    def _restyle(self, scale: float) -> None:
        def px(size: float) -> int:
            return look.scaled(size, scale)

        family = look.hall_font_family()
        self.setStyleSheet(
            f"""
            #kiosk {{ background: #eef3fa; }}
            #kiosk QLabel, #kiosk QPushButton, #kiosk QLineEdit {{ font-family: "{family}"; }}
            #header {{ background: {look.HEADER}; }}
            #hall {{ color: {look.WHITE}; font-size: {px(44)}px; font-weight: bold;
                padding-top: {px(24)}px; }}
            #welcome {{ color: {look.MUTED}; font-size: {px(30)}px; padding-bottom: {px(20)}px; }}
            #prompt {{ color: {look.NAVY}; font-size: {px(34)}px; font-weight: bold; }}
            #status {{ color: {look.ALARM}; font-size: {px(30)}px; }}
            QPushButton#service {{ background: {look.HEADER}; color: {look.WHITE};
                font-size: {px(44)}px; font-weight: bold; border-radius: {px(18)}px;
                min-height: {px(150)}px; padding: {px(10)}px; }}
            QPushButton#service:pressed {{ background: {look.NAVY}; }}
            #idBox {{ background: {look.WHITE}; border-radius: {px(18)}px; }}
            #idNumber {{ font-size: {px(46)}px; padding: {px(12)}px; color: {look.NAVY};
                border: {px(3)}px solid {look.HEADER}; border-radius: {px(10)}px; }}
            #idError {{ color: {look.WHITE}; background: {look.ALARM}; font-size: {px(30)}px;
                padding: {px(12)}px; border-radius: {px(10)}px; }}
            QPushButton#key {{ background: #dfe8f5; color: {look.NAVY}; font-size: {px(40)}px;
                min-height: {px(90)}px; border-radius: {px(12)}px; }}
            QPushButton#key:pressed {{ background: {look.MUTED}; }}
            #ticketCard {{ background: {look.WHITE}; border-radius: {px(24)}px;
                border: {px(4)}px solid {look.HEADER}; padding: {px(24)}px; }}
            #ticketNumber {{ color: {look.CALL_RED}; font-size: {px(220)}px; font-weight: bold; }}
            #ticketLine {{ color: {look.NAVY}; font-size: {px(40)}px; }}
            #tips {{ color: {look.NAVY}; background: #dfe8f5; font-size: {px(28)}px;
                padding: {px(18)}px; border-radius: {px(12)}px; }}
            #printState {{ color: {look.HEADER}; font-size: {px(34)}px; font-weight: bold;
                padding-top: {px(16)}px; }}
            """
        )
