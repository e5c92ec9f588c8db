"""The queue panel's strip for local mode: the banner and the two actions only local mode has.

Shown while the counter's `FallbackQueue` is in local mode, hidden otherwise: a banner that
says the counter calls its own tickets (and, once the hall queue answers again, how many of
them are left before it goes back), a button that issues a walk-in ticket with the counter's
own number, and one that records a printed hall ticket served by hand. The actions run on the
strip's own lane, off the GUI thread; the dialogs only collect the clerk's choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.queue.dialogs import VisitDocument
from ui.queue.fallback import FallbackQueue
from ui.queue.lane import Lane
from ui.queue.offline_dialogs import HandServedChoice, OfflineDialogs, QtOfflineDialogs
from ui.queue.port import IssuedTicket, Seat, ServiceInfo

LOCAL_KEYS = ("F11", "F12")
"""The keys of the walk-in ticket and of a hand-served hall ticket (the panel leaves F11 and
F12 free; the strip and its keys exist only in local mode)."""


class LocalModeBar(QWidget):
    """Banner and actions of local mode (see the module).

    Signals:
        walk_in_issued(object): the `IssuedTicket` of a walk-in ticket (to print its slip).
        hand_served(object): the `clerk.queue.offline.HandServed` record just kept.
        said(str): a confirmation for the panel's message line.
        failed(object): the error of an action, for the panel to report.
    """

    walk_in_issued = Signal(object)
    hand_served = Signal(object)
    said = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        *,
        fallback: FallbackQueue,
        seat: Seat,
        services: Callable[[], Sequence[ServiceInfo]],
        documents: Callable[[], Sequence[VisitDocument]],
        dialogs: OfflineDialogs | None = None,
        keys: tuple[str, str] = LOCAL_KEYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("localModeBar")
        self._fallback, self.seat = fallback, seat
        self._services, self._documents = services, documents
        self._dialogs = dialogs or QtOfflineDialogs()
        self._lane = Lane(parent=self)
        self.busy = False
        self.banner = QLabel(self)
        self.banner.setObjectName("localBanner")
        self.banner.setWordWrap(True)
        self.issue_walk_in = QPushButton(self)
        self.issue_walk_in.clicked.connect(self._ask_walk_in)
        self.record_by_hand = QPushButton(self)
        self.record_by_hand.clicked.connect(self._ask_hand_served)
        portable = QKeySequence.SequenceFormat.PortableText
        self._keys = [QKeySequence.fromString(key, portable) for key in keys]
        self._layout()
        fallback.mode_changed.connect(self.set_local_mode)
        fallback.handover_waiting.connect(self._handover_waiting)
        self.set_local_mode(fallback.local)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        row.addWidget(self.issue_walk_in)
        row.addWidget(self.record_by_hand)
        layout.addLayout(row)
        self.setStyleSheet(
            "#localBanner { background: #d00000; color: white; font-weight: bold; padding: 6px; }"
        )

    def set_local_mode(self, local: bool) -> None:
        """Show the strip in local mode, hide it on the hall queue (its keys work only shown)."""
        self.banner.setText(self.tr("Local mode — this counter calls its own tickets"))
        self._label(self.issue_walk_in, self.tr("Issue a walk-in ticket"), self._keys[0])
        self._label(
            self.record_by_hand, self.tr("Record a hall ticket served by hand"), self._keys[1]
        )
        self.setVisible(local)

    @staticmethod
    def _label(button: QPushButton, text: str, key: QKeySequence) -> None:
        button.setText(f"{text}  {key.toString(QKeySequence.SequenceFormat.NativeText)}".strip())
        button.setShortcut(key)  # after the text: setText() replaces the shortcut by its mnemonic

    def _handover_waiting(self, left: int) -> None:
        self.banner.setText(
            self.tr(
                "Local mode — the hall queue answers again: serve the {n} local tickets left "
                "to return to it."
            ).format(n=left)
        )

    # Actions ----------------------------------------------------------------------------

    def _ask_walk_in(self) -> None:
        if self.busy:
            return
        service = self._dialogs.walk_in_service(self, self._services())
        if service is None:
            return
        seat, local = self.seat, self._fallback.local_queue
        self._run(lambda: local.issue_walk_in(seat, service=service), self._walk_in_issued)

    def _walk_in_issued(self, issued: object) -> None:
        assert isinstance(issued, IssuedTicket)
        self.walk_in_issued.emit(issued)
        self.said.emit(self.tr("Walk-in ticket {number} issued.").format(number=issued.number))

    def _ask_hand_served(self) -> None:
        if self.busy:
            return
        chosen = self._dialogs.hand_served(
            self,
            services=self._services(),
            documents=self._documents(),
            suggested=self._fallback.last_online_current,
        )
        if chosen is not None:
            self._run(self._recording(chosen), self._recorded)

    def _recording(self, chosen: HandServedChoice) -> Callable[[], object]:
        seat, local = self.seat, self._fallback.local_queue
        return lambda: local.record_hand_served(
            seat,
            number=chosen.number,
            service=chosen.service,
            started_at=chosen.started_at,
            outcome=chosen.outcome,
            case_ids=chosen.case_ids,
            document_numbers=chosen.document_numbers,
        )

    def _recorded(self, served: object) -> None:
        self.hand_served.emit(served)
        number = getattr(served, "number", "")
        self.said.emit(
            self.tr("Hall ticket {number} recorded as served by hand.").format(number=number)
        )

    def _run(self, action: Callable[[], object], done: Callable[[object], None]) -> None:
        self._set_busy(True)

        def finished(result: object) -> None:
            self._set_busy(False)
            done(result)

        def failed(error: Exception) -> None:
            self._set_busy(False)
            self.failed.emit(error)

        self._lane.submit(action, done=finished, failed=failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.issue_walk_in, self.record_by_hand):
            button.setEnabled(not busy)

    def close_lane(self) -> None:
        """Wait for an action still out and report nothing more (the panel closes)."""
        self._lane.close()
