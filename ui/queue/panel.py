"""The counter's queue panel: the current ticket, waiting counts, and every move on a key.

Each move is a button and a function key (F1…F10 by default, see `ui.queue.actions`; the keys
come from the counter's settings). The panel disables what the queue would refuse and says
why — above all the loop rule: no call while the current ticket is called or being served.
Moves run on a one-thread lane, in order, off the GUI thread; while one is out, every action
waits, so a double key press cannot call twice. A call whose answer was lost (the queue could
not be reached) is retried with the same request id, so it can only ever claim one ticket.
Finishing asks for the outcome and links the documents issued during the visit.
Every few seconds the panel refreshes with one read of the counter's view, which carries the
hall's waiting counts; the services (the transfer targets) are read again only when the
services in those counts change.
Given the counter's `FallbackQueue`, the panel shows local mode (`ui.queue.local_bar`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk.errors import ClerkError
from clerk.queue import TicketState
from ui.errors import explain_error
from ui.queue.actions import DEFAULT_KEYS, CallBlock, QueueAction, allowed, call_block
from ui.queue.dialogs import FinishChoice, PanelDialogs, QtPanelDialogs, VisitDocument
from ui.queue.fallback import FallbackQueue
from ui.queue.lane import Lane
from ui.queue.local_bar import LocalModeBar
from ui.queue.models import WaitingModel
from ui.queue.offline_dialogs import OfflineDialogs
from ui.queue.port import (
    CounterPort,
    CounterView,
    QueueUnavailable,
    Seat,
    ServiceInfo,
)

_log = logging.getLogger(__name__)
_A = QueueAction
_COLUMNS = 5
_Move = Callable[[], CounterView]
_Fetched = tuple[CounterView, tuple[ServiceInfo, ...] | None]


class _ServiceWatch:
    """When a refresh fetches the hall's services again (the transfer dialog's targets).

    A view's waiting counts list every active service of the hall, so a service added or
    deactivated changes their codes: services are fetched on the first refresh, when none are
    known, and when the codes differ from those seen at the last fetch (compared with those,
    not with the services' own codes, so a count the services do not list — tickets left in a
    service removed since — does not make every refresh fetch them). Used only inside the
    panel's lane calls: one thread, in order, so each refresh sees what the one before fetched.
    """

    def __init__(self) -> None:
        self._codes: frozenset[str] | None = None  # None: no services known yet

    def fetch(self, port: CounterPort, view: CounterView) -> tuple[ServiceInfo, ...] | None:
        """The services when they may have changed since the last fetch, else None."""
        codes = frozenset(count.service for count in view.waiting)
        if codes == self._codes:
            return None
        services = tuple(port.services())
        self._codes = codes if services else None
        return services


class QueuePanel(QWidget):
    """The queue panel of one counter (see the module).

    Signals:
        view_changed(object): the counter's new `CounterView`, when a move or a refresh
            changed it (new waiting counts alone change no view: see `CounterView`).
        refused(str): a move was refused or failed; the message the panel shows.
        visit_finished(object): the `FinishChoice` a visit was finished with.
    """

    view_changed = Signal(object)
    refused = Signal(str)
    visit_finished = Signal(object)

    def __init__(
        self,
        *,
        port: CounterPort,
        seat: Seat,
        keys: Mapping[QueueAction, str] = DEFAULT_KEYS,
        dialogs: PanelDialogs | None = None,
        lane: Lane | None = None,
        refresh_ms: int = 5000,
        fallback: FallbackQueue | None = None,
        offline_dialogs: OfflineDialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self._port, self.seat = port, seat
        self._dialogs = dialogs or QtPanelDialogs()
        self._lane = lane or Lane(parent=self)
        self.view = CounterView(counter=seat.counter)
        self.busy = False
        self._call_request: str | None = None
        self._documents: tuple[VisitDocument, ...] = ()
        self._services: tuple[ServiceInfo, ...] = ()
        self._service_watch = _ServiceWatch()
        self._finishing: FinishChoice | None = None
        self.waiting = WaitingModel()
        self.queue_actions: dict[QueueAction, QAction] = {}
        self._build()
        self.set_keys(keys)
        self.local_bar = None if fallback is None else self._local_bar(fallback, offline_dialogs)
        self._refresher = QTimer(self)
        self._refresher.setInterval(refresh_ms)
        self._refresher.timeout.connect(self.refresh)
        self._refresher.start()
        self._update()
        QTimer.singleShot(0, self, self.refresh)

    # Building -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Queue · counter {counter}").format(counter=self.seat.counter))
        title.setObjectName("panelTitle")
        self.number = QLabel("—", self)
        self.number.setObjectName("currentNumber")
        self.state = QLabel(self.tr("No current ticket"), self)
        self.state.setWordWrap(True)
        self.blocked = QLabel(self)
        self.blocked.setObjectName("blocked")
        self.blocked.setWordWrap(True)
        self.parked = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        for widget in (title, self.number, self.state, self.blocked):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())
        layout.addWidget(self.parked)
        self.table = QTableView(self)
        self.table.setModel(self.waiting)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setStyleSheet(
            "#panelTitle { font-weight: bold; }"
            "#currentNumber { font-size: 40px; font-weight: bold; color: #0a4a8f; }"
            "#blocked { color: #8a5a00; } #message { color: #b00020; }"
        )

    def _local_bar(self, fallback: FallbackQueue, dialogs: OfflineDialogs | None) -> LocalModeBar:
        bar = LocalModeBar(
            fallback=fallback,
            seat=self.seat,
            services=lambda: self._services,
            documents=lambda: self._documents,
            dialogs=dialogs,
            parent=self,
        )
        bar.said.connect(self.message.setText)
        bar.failed.connect(self._report)
        bar.hand_served.connect(lambda _: self.set_visit_documents(()))
        fallback.mode_changed.connect(lambda _: self.refresh())
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, bar)
        return bar

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        for position, action in enumerate(QueueAction):
            qaction = QAction(self)
            qaction.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            qaction.triggered.connect(lambda _=False, a=action: self.trigger(a))
            self.addAction(qaction)
            self.queue_actions[action] = qaction
            button = QToolButton(self)
            button.setDefaultAction(qaction)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(44)
            grid.addWidget(button, *divmod(position, _COLUMNS))
        return grid

    def _label(self, action: QueueAction) -> str:
        labels = {
            _A.CALL_NEXT: self.tr("Call next"),
            _A.RECALL: self.tr("Call again"),
            _A.START: self.tr("Start serving"),
            _A.MISSED: self.tr("No-show"),
            _A.PARK: self.tr("Park"),
            _A.CALL_FROM_PARK: self.tr("Call back parked"),
            _A.TRANSFER: self.tr("Transfer"),
            _A.CALL_NUMBER: self.tr("Call a number"),
            _A.PAUSE: self.tr("Resume") if self.view.paused else self.tr("Pause"),
            _A.FINISH: self.tr("Finish"),
        }
        return labels[action]

    def set_keys(self, keys: Mapping[QueueAction, str]) -> None:
        """Put the actions on these keys (a key given twice stays with the first action)."""
        taken: set[str] = set()
        for action, qaction in self.queue_actions.items():
            sequence = QKeySequence(keys.get(action, ""))
            if sequence.isEmpty() or sequence.toString() in taken:
                if not sequence.isEmpty():
                    _log.warning("key %s is given twice; %s has none", sequence.toString(), action)
                sequence = QKeySequence()
            taken.add(sequence.toString())
            qaction.setShortcut(sequence)
        self._update()

    def set_staff(self, staff: str) -> None:
        """The clerk now signed in at the counter: the panel's moves carry their number."""
        self.seat = Seat(self.seat.counter, staff)
        if self.local_bar is not None:
            self.local_bar.seat = self.seat

    # The visit ------------------------------------------------------------------------------

    def set_visit_documents(self, documents: Sequence[VisitDocument]) -> None:
        """The documents issued so far during the current visit (linked when it finishes)."""
        self._documents = tuple(documents)

    # Moves ----------------------------------------------------------------------------------

    def trigger(self, action: QueueAction) -> None:
        """Take an action (as its button or key does); ignored while it is not allowed."""
        if self.busy or not allowed(action, self.view):
            return
        self.message.clear()
        move = self._ask(action)
        if move is not None:
            self._run(action, move)

    def _ask(self, action: QueueAction) -> _Move | None:
        port, seat = self._port, self.seat
        simple: dict[QueueAction, _Move] = {
            _A.RECALL: lambda: port.recall(seat),
            _A.START: lambda: port.start(seat),
            _A.MISSED: lambda: port.missed(seat),
            _A.PARK: lambda: port.park(seat),
        }
        if action in simple:
            return simple[action]
        if action is _A.CALL_NEXT:
            request = self._call_request = self._call_request or uuid.uuid4().hex
            return lambda: port.call_next(seat, request_id=request)
        if action is _A.PAUSE and self.view.paused:
            return lambda: port.resume(seat)
        return self._ask_dialog(action)

    def _ask_dialog(self, action: QueueAction) -> _Move | None:
        askers: dict[QueueAction, Callable[[], _Move | None]] = {
            _A.PAUSE: self._ask_pause,
            _A.CALL_FROM_PARK: self._ask_parked,
            _A.CALL_NUMBER: self._ask_number,
            _A.TRANSFER: self._ask_transfer,
            _A.FINISH: self._ask_finish,
        }
        return askers[action]()

    def _ask_pause(self) -> _Move | None:
        port, seat = self._port, self.seat
        reason = self._dialogs.pause_reason(self)
        return None if reason is None else lambda: port.pause(seat, reason=reason)

    def _ask_parked(self) -> _Move | None:
        port, seat = self._port, self.seat
        number = self._dialogs.parked(self, self.view.parked)
        return None if number is None else lambda: port.call_from_park(seat, number=number)

    def _ask_number(self) -> _Move | None:
        port, seat = self._port, self.seat
        chosen = self._dialogs.call_number(self)
        if chosen is None:
            return None
        return lambda: port.call_number(seat, number=chosen.number, reason=chosen.reason)

    def _ask_transfer(self) -> _Move | None:
        port, seat = self._port, self.seat
        chosen = self._dialogs.transfer(self, self._services)
        if chosen is None:
            return None
        return lambda: port.transfer(
            seat, target=chosen.target, note=chosen.note, placement=chosen.placement
        )

    def _ask_finish(self) -> _Move | None:
        port, seat = self._port, self.seat
        chosen = self._dialogs.finish(self, self._documents)
        if chosen is None:
            return None
        self._finishing = chosen
        return lambda: port.finish(
            seat,
            outcome=chosen.outcome,
            case_ids=chosen.case_ids,
            document_numbers=chosen.document_numbers,
        )

    def _run(self, action: QueueAction, move: _Move) -> None:
        self.busy = True
        self._update()
        self._lane.submit(
            move,
            done=lambda view: self._moved(action, view),
            failed=lambda error: self._failed(action, error),
        )

    def _moved(self, action: QueueAction, view: CounterView) -> None:
        self.busy = False
        if action is _A.CALL_NEXT:
            self._call_request = None
            if view.current is None:
                self.message.setText(self.tr("Nobody is waiting for this counter."))
        if action is _A.FINISH:
            self._documents = ()
            self.visit_finished.emit(self._finishing)
        self.waiting.set_counts(view.waiting)
        self._show(view)
        if self._refresher.isActive():  # not once the panel closed
            self._refresher.start()  # the view is fresh: the next read a whole interval away

    def _failed(self, action: QueueAction, error: Exception) -> None:
        self.busy = False
        if action is _A.CALL_NEXT and not isinstance(error, QueueUnavailable):
            self._call_request = None  # a definite answer: the next press is a new request
        self._report(error)
        self._update()
        self.refresh()

    def _report(self, error: Exception) -> None:
        if isinstance(error, QueueUnavailable):
            text = self.tr("The queue cannot be reached: {error}").format(
                error=explain_error(error)
            )
        elif isinstance(error, ClerkError):
            text = explain_error(error)
        else:
            _log.error("a queue move failed", exc_info=error)
            text = self.tr("The queue failed unexpectedly; the error is in the log.")
        self.message.setText(text)
        self.refused.emit(text)

    # Refreshing and showing -----------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch the counter's view again, with the hall's waiting counts: one request. The
        services too when their codes in the counts changed (see `_ServiceWatch`)."""
        port, seat, watch = self._port, self.seat, self._service_watch

        def fetch() -> _Fetched:
            view = port.counter_view(seat)
            return view, watch.fetch(port, view)

        self._lane.submit(fetch, done=self._refreshed, failed=self._refresh_failed)

    def _refreshed(self, fetched: _Fetched) -> None:
        view, services = fetched
        if services is not None:
            self._services = services
        self.waiting.set_counts(view.waiting)
        if not self.busy:
            self._show(view)

    def _refresh_failed(self, error: Exception) -> None:
        self._report(error)

    def _show(self, view: CounterView) -> None:
        changed, self.view = view != self.view, view
        current = view.current
        self.number.setText("—" if current is None else current.number)
        if current is None:
            self.state.setText(self.tr("No current ticket"))
        else:
            parts = [current.service_name, self._state_label(current.state)]
            if current.green_channel:
                parts.append(self.tr("green channel"))
            if current.transfer_note:
                parts.append(self.tr("note: {note}").format(note=current.transfer_note))
            self.state.setText(" · ".join(parts))
        parked = ", ".join(t.number for t in view.parked)
        self.parked.setText(self.tr("Parked: {numbers}").format(numbers=parked) if parked else "")
        self._update()
        if changed:
            self.view_changed.emit(view)

    def _state_label(self, state: TicketState) -> str:
        if state is TicketState.CALLED:
            return self.tr("called")
        if state is TicketState.SERVING:
            return self.tr("being served")
        return self.tr("parked")

    def _update(self) -> None:
        for action, qaction in self.queue_actions.items():
            key = qaction.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            qaction.setText(f"{self._label(action)}  {key}".strip())
            qaction.setEnabled(not self.busy and allowed(action, self.view))
        self.blocked.setText(self._block_text())

    def _block_text(self) -> str:
        block, current = call_block(self.view), self.view.current
        if block is CallBlock.PAUSED:
            return self.tr("Paused ({reason}): resume to call again.").format(
                reason=self.view.pause_reason
            )
        if block is CallBlock.UNRESOLVED and current is not None:
            return self.tr(
                "{number} is not resolved: finish, park or transfer it, or mark it a no-show, "
                "before calling the next ticket."
            ).format(number=current.number)
        return ""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Stop refreshing and wait for a move still out."""
        self._refresher.stop()
        self._lane.close()
        if self.local_bar is not None:
            self.local_bar.close_lane()
        super().closeEvent(event)
