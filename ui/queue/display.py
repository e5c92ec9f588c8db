"""The hall display board (`python main.py --display`): calls, counters, waiting counts, clock.

The board polls the queue's feed off the GUI thread, one request at a time: again at once
after an answer that brought news or took a whole interval (a feed that waits at the registry
until something happens — `ui.queue.remote.RegistryQueue` — is asked again the moment it
answers, so a call shows within a fraction of a second and an idle hall costs one request per
long poll), otherwise when the interval is up, and one interval after a failure. Each new call
goes on top of the recent calls (the newest highlighted) and into the announcement queue; the
large card shows the call being announced and flashes when its announcement starts. The calls
present at start are shown, not announced, and so are calls older than `announce_within` (after
a long outage the hall hears only what is still current). When the feed fails, a red banner
says so; the board keeps polling and hides the banner as soon as the feed answers again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.queue import look
from ui.queue.announcer import Announcer
from ui.queue.lane import Lane
from ui.queue.memory import hall_now
from ui.queue.models import RecentCallsModel, window_text
from ui.queue.port import CallNotice, DisplayPort, Feed, QueueUnavailable, WaitingCount

_log = logging.getLogger(__name__)

DEFAULT_POLL_MS = 1000
DEFAULT_KEEP = 8
FLASHES = 6  # colour changes when an announcement starts (three blinks)
FLASH_MS = 350
_TILE_COLUMNS = 3


class HallDisplay(QWidget):
    """The board (see the module).

    Signals:
        connection_changed(bool): the feed answered again (True) or failed (False).
    """

    connection_changed = Signal(bool)

    def __init__(
        self,
        *,
        port: DisplayPort,
        announcer: Announcer,
        hall: str,
        lane: Lane | None = None,
        poll_ms: int = DEFAULT_POLL_MS,
        keep: int = DEFAULT_KEEP,
        announce_within: timedelta = timedelta(minutes=2),
        clock: Callable[[], datetime] = hall_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hallDisplay")
        self.setWindowTitle(self.tr("Hall display"))
        self._port, self.announcer, self._clock = port, announcer, clock
        self._lane = lane or Lane(parent=self)
        self._announce_within = announce_within
        self._after = 0
        self._started = False  # whether the first feed arrived (its calls are not announced)
        self._polling = False
        self._poll_ms = poll_ms
        self._asked_at = 0.0
        self._counts: tuple[WaitingCount, ...] = ()
        self.connected: bool | None = None
        self._names: dict[str, str] = {}
        self.recent = RecentCallsModel(keep=keep)
        self._build(hall)
        self._flashes_left = 0
        self._flash_timer = self._timer(FLASH_MS, self._flash)
        self._clock_timer = self._timer(1000, self._tick)
        self._poll_timer = self._timer(poll_ms, self.poll)
        self._poll_timer.setSingleShot(True)
        announcer.started.connect(self._show_call)
        self._tick()
        self._clock_timer.start()
        QTimer.singleShot(0, self, self.poll)

    # Building -------------------------------------------------------------------------------

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self, hall: str) -> None:
        self.banner = QLabel(self.tr("Connection to the registry lost — reconnecting…"), self)
        self.banner.setObjectName("disconnected")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self._header(hall))
        body = QHBoxLayout()
        body.setContentsMargins(24, 24, 24, 12)
        body.setSpacing(24)
        body.addWidget(self._call_card(), 5)
        body.addWidget(self._recent_list(), 4)
        layout.addLayout(body, 1)
        layout.addWidget(self._waiting_strip())
        self._restyle(1.0)

    def _header(self, hall: str) -> QWidget:
        header = QFrame(self)
        header.setObjectName("header")
        row = QHBoxLayout(header)
        self.title = QLabel(self.tr("{hall} · Calling").format(hall=hall), header)
        self.title.setObjectName("title")
        self.clock_label = QLabel(header)
        self.clock_label.setObjectName("clock")
        row.addWidget(self.title, 1)
        row.addWidget(self.clock_label)
        return header

    def _call_card(self) -> QWidget:
        self.card = QFrame(self)
        self.card.setObjectName("card")
        column = QVBoxLayout(self.card)
        caption = QLabel(self.tr("Now calling"), self.card)
        caption.setObjectName("caption")
        self.number = QLabel("—", self.card)
        self.number.setObjectName("number")
        self.window_label = QLabel(self.tr("Please watch for your number"), self.card)
        self.window_label.setObjectName("window")
        self.service_label = QLabel("", self.card)
        self.service_label.setObjectName("service")
        for label in (caption, self.number, self.window_label, self.service_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.setStretch(1, 1)
        return self.card

    def _recent_list(self) -> QWidget:
        box = QFrame(self)
        box.setObjectName("recentBox")
        column = QVBoxLayout(box)
        caption = QLabel(self.tr("Recent calls"), box)
        caption.setObjectName("caption")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent_view = QTableView(box)
        self.recent_view.setObjectName("recent")
        self.recent_view.setModel(self.recent)
        self.recent_view.verticalHeader().hide()
        self.recent_view.setShowGrid(False)
        self.recent_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.recent_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        column.addWidget(caption)
        column.addWidget(self.recent_view, 1)
        return box

    def _waiting_strip(self) -> QWidget:
        strip = QFrame(self)
        strip.setObjectName("waitingStrip")
        row = QHBoxLayout(strip)
        row.setContentsMargins(24, 8, 24, 16)
        caption = QLabel(self.tr("Waiting"), strip)
        caption.setObjectName("caption")
        row.addWidget(caption)
        self._tiles_grid = QGridLayout()
        self._tiles_grid.setHorizontalSpacing(16)
        self._tiles_grid.setVerticalSpacing(8)
        for column in range(_TILE_COLUMNS):
            self._tiles_grid.setColumnStretch(column, 1)
        row.addLayout(self._tiles_grid, 1)
        self.counts: dict[str, QLabel] = {}
        return strip

    # Polling --------------------------------------------------------------------------------

    def poll(self) -> None:
        """Ask the feed for new calls (skipped while the previous request is out)."""
        if self._polling:
            return
        self._poll_timer.stop()
        self._polling = True
        self._asked_at = time.monotonic()
        port, after = self._port, self._after  # the call must not hold the widget (see Lane)
        self._lane.submit(lambda: port.feed(after=after), done=self._fed, failed=self._lost)

    def _fed(self, feed: Feed) -> None:
        self._polling = False
        self._set_connected(True)
        self._show_waiting(feed.waiting)
        calls = [c for c in feed.calls if c.sequence > self._after]
        news = bool(calls) or tuple(feed.waiting) != self._counts
        self._counts = tuple(feed.waiting)
        took_ms = (time.monotonic() - self._asked_at) * 1000
        self._poll_timer.start(0 if news else max(0, round(self._poll_ms - took_ms)))
        if calls:
            self._after = calls[-1].sequence
            self.recent.add(calls)
            if not self._started:
                self._show_call(calls[-1], flash=False)
        if self._started:
            now = self._clock()
            for call in calls:
                if now - call.at <= self._announce_within:
                    self.announcer.announce(call)
        self._started = True

    def _lost(self, error: Exception) -> None:
        self._polling = False
        if isinstance(error, QueueUnavailable):
            _log.warning("the display's feed failed: %s", error)
        else:
            _log.error("the display's feed failed unexpectedly", exc_info=error)
        self._set_connected(False)
        self._poll_timer.start(self._poll_ms)

    def _set_connected(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self.connected = connected
        self.banner.setVisible(not connected)
        self.connection_changed.emit(connected)

    # Showing --------------------------------------------------------------------------------

    def _show_waiting(self, counts: Sequence[WaitingCount]) -> None:
        self._names = {c.service: c.name for c in counts}
        if list(self.counts) != [c.service for c in counts]:
            self._rebuild_tiles(counts)
        for count in counts:
            self.counts[count.service].setText(
                self.tr("{count} waiting").format(count=count.waiting)
            )

    def _rebuild_tiles(self, counts: Sequence[WaitingCount]) -> None:
        while self._tiles_grid.count():
            item = self._tiles_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.counts = {}
        for position, count in enumerate(counts):
            tile = QFrame(self)
            tile.setObjectName("tile")
            row = QHBoxLayout(tile)
            name = QLabel(count.name, tile)
            name.setObjectName("tileName")
            name.setMinimumWidth(1)  # a long name is cut, never widens the board
            name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            number = QLabel(tile)
            number.setObjectName("tileCount")
            row.addWidget(name, 1)
            row.addWidget(number)
            self._tiles_grid.addWidget(tile, *divmod(position, _TILE_COLUMNS))
            self.counts[count.service] = number

    def _show_call(self, call: CallNotice, flash: bool = True) -> None:
        self.number.setText(call.number)
        self.window_label.setText(
            self.tr("Please go to {window}").format(window=window_text(call.window))
        )
        self.service_label.setText(self._names.get(call.service, ""))
        if flash:
            self._flashes_left = FLASHES
            self._flash_timer.start()
            self._flash()

    @property
    def highlighted(self) -> str:
        """The number on the large card."""
        return self.number.text()

    @property
    def flashing(self) -> bool:
        """Whether the card is flashing (an announcement just started)."""
        return self._flash_timer.isActive()

    def _flash(self) -> None:
        self._flashes_left -= 1
        lit = self._flashes_left % 2 == 1
        self.card.setProperty("lit", lit)
        for widget in (self.card, *self.card.findChildren(QLabel)):
            widget.style().unpolish(widget)  # the labels' colours depend on the card's "lit"
            widget.style().polish(widget)
        if self._flashes_left <= 0:
            self._flash_timer.stop()

    def _tick(self) -> None:
        now = self._clock()
        locale = QLocale()
        day = QDate(now.year, now.month, now.day)
        date = locale.toString(day, QLocale.FormatType.LongFormat)
        self.clock_label.setText(f"{date}  {now:%H:%M:%S}")

    # Qt -------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Scale the type to the screen (designed for 1080 pixels high)."""
        super().resizeEvent(event)
        self._restyle(max(0.4, event.size().height() / 1080))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Stop polling and wait for a request still out."""
        for timer in (self._poll_timer, self._clock_timer, self._flash_timer):
            timer.stop()
        self._lane.close()
        super().closeEvent(event)

    def _restyle(self, scale: float) -> None:
        def px(size: float) -> int:
            return look.scaled(size, scale)

        row_height = px(78)
        self.recent_view.verticalHeader().setDefaultSectionSize(row_height)
        self.setStyleSheet(
            f"""
            #hallDisplay {{ background: {look.NAVY}; }}
            QLabel {{ color: {look.WHITE}; font-family: "{look.hall_font_family()}"; }}
            #disconnected {{ background: {look.ALARM}; font-size: {px(44)}px; font-weight: bold;
                padding: {px(14)}px; }}
            #header {{ background: {look.HEADER}; }}
            #title {{ font-size: {px(46)}px; font-weight: bold; padding: {px(10)}px; }}
            #clock {{ font-size: {px(36)}px; color: {look.MUTED}; padding: {px(10)}px; }}
            #caption {{ font-size: {px(34)}px; color: {look.MUTED}; }}
            #card {{ background: {look.CALL_RED}; border-radius: {px(24)}px; }}
            #card[lit="true"] {{ background: {look.GOLD}; }}
            #card[lit="true"] QLabel {{ color: {look.CALL_RED}; }}
            #number {{ font-size: {px(250)}px; font-weight: 900; color: {look.GOLD}; }}
            #window {{ font-size: {px(72)}px; font-weight: bold; }}
            #service {{ font-size: {px(40)}px; }}
            #recentBox {{ background: {look.PANEL}; border-radius: {px(24)}px; }}
            #recent {{ background: transparent; border: none; color: {look.WHITE};
                font-family: "{look.hall_font_family()}"; font-size: {px(54)}px; }}
            #recent QHeaderView {{ background: transparent; border: none; }}
            #recent QHeaderView::section {{ background: transparent; color: {look.MUTED};
                border: none; font-size: {px(32)}px; padding: {px(6)}px; }}
            #waitingStrip {{ background: {look.NAVY}; }}
            #tile {{ background: {look.PANEL}; border-radius: {px(12)}px; }}
            #tileName {{ font-size: {px(34)}px; padding-left: {px(8)}px; }}
            #tileCount {{ font-size: {px(34)}px; color: {look.GOLD}; font-weight: bold;
                padding-right: {px(8)}px; }}
            """
        )
