"""A barcode/QR scanner acting as a keyboard, told from a person by its burst ending in Enter.

A keyboard-wedge scanner types what it read at machine speed (a few milliseconds per key) and
presses Enter. The filter watches key presses for the focused widget of the whole application:
printable keys at most `BurstRules.max_gap_ms` apart, at least `BurstRules.min_chars` of them,
then Enter within the same gap, make a scan. Every key still reaches the focused widget as it
comes (a person's typing is never held back or delayed); when the Enter completes a burst, the
Enter is eaten, the focused line edit gets back the text it had before the burst, and
`scanned` is emitted with the text and its classification (`clerk.capture.classify`), so the
workbench can route it wherever focus is.

Times come from the key events (the platform stamps them when the key is pressed, so a busy
event loop that delivers a person's keys late does not make them look like a burst); events
without a stamp use the monotonic clock. Tests inject a clock.

The shortest code our paper carries is a ticket number (A001): the default minimum is 4.
Not handled: a scanner typing through an active Chinese input method (the keys then arrive as
input-method events; set the scanner to send key codes, as hall installers do); a burst into a
multi-line editor keeps its characters there (only line edits, editable combo boxes and spin
boxes get their text back). A line edit's `textEdited` fires for each key of a burst, as it
would for a person.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

from clerk.capture import (
    CaseNumber,
    DocumentNumber,
    ELicenceCode,
    IdNumber,
    ScannedCode,
    TicketNumber,
    Unknown,
    classify,
)
from ui.settings import SCANNER_MAX_GAP_MS, SCANNER_MIN_CHARS, CounterSettings

_log = logging.getLogger(__name__)

KeyClock = Callable[[QKeyEvent], float]
"""When a key was pressed, in milliseconds (any origin; only differences count)."""

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_Meta,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
    }
)


@dataclass(frozen=True, slots=True)
class BurstRules:
    """What makes a burst of keys a scan (the counter's settings may change both)."""

    max_gap_ms: float = 35.0
    min_chars: int = 4


def burst_rules(settings: CounterSettings) -> BurstRules:
    """The counter's burst rules from its settings (nonsense values fall back to the defaults)."""
    gap, least = settings.get(SCANNER_MAX_GAP_MS), settings.get(SCANNER_MIN_CHARS)
    default = BurstRules()
    return BurstRules(
        max_gap_ms=float(gap) if gap > 0 else default.max_gap_ms,
        min_chars=least if least > 0 else default.min_chars,
    )


def event_clock(event: QKeyEvent) -> float:
    """The key's platform time stamp, or the monotonic clock for an event without one."""
    stamp = event.timestamp()
    return float(stamp) if stamp else time.monotonic() * 1000.0


def line_edit_of(widget: QWidget) -> QLineEdit | None:
    """The line edit a focused widget types into (itself, an editable combo's, a spin box's)."""
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QComboBox):
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


class _Burst:
    """Keys typed into one widget fast enough to be a scanner, and how to take them back."""

    def __init__(self, widget: QWidget, now: float) -> None:
        self.widget = widget
        self.text = ""
        self.last = now
        editor = line_edit_of(widget)
        self._editor = editor
        self._before = (editor.text(), editor.cursorPosition()) if editor is not None else None

    def restore(self) -> None:
        """Give the line edit back the text and cursor it had before the burst."""
        if self._editor is None or self._before is None:
            return
        text, cursor = self._before
        self._editor.setText(text)
        self._editor.setCursorPosition(cursor)


class ScannerFilter(QObject):
    """Recognises keyboard-wedge scans anywhere in the application.

    Install it with `install` (on the application, so it sees every window's keys).

    Signals:
        scanned(str, object): the text a scanner typed (without Enter) and what it is
            (a `clerk.capture.ScannedCode`).
    """

    scanned = Signal(str, object)

    def __init__(
        self,
        *,
        rules: BurstRules | None = None,
        clock: KeyClock = event_clock,
        today: Callable[[], date] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.rules = rules or BurstRules()
        self._clock = clock
        self._today = today
        self._burst: _Burst | None = None

    def install(self, app: QApplication) -> None:
        """Watch every key press of the application."""
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        """Stop watching."""
        app.removeEventFilter(self)
        self._burst = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Follow key presses meant for the focused widget; eat the Enter that ends a scan."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # A key the focused widget ignores travels on to its parents: count it once only.
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return False
        return self._key(watched, event)

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        now = self._clock(event)
        key = event.key()
        if key in _ENTER:
            return self._enter(widget, now)
        if key in _MODIFIER_KEYS:
            return False  # scanners press Shift for capitals: not a break in the burst
        text = event.text()
        typed = bool(text) and text.isprintable() and not event.modifiers() & _CHORD
        if not typed or event.isAutoRepeat():
            self._burst = None  # a held key or a command key: a person at the keyboard
            return False
        if self._burst is None or not self._continues(self._burst, widget, now):
            self._burst = _Burst(widget, now)
        self._burst.text += text
        self._burst.last = now
        return False

    def _continues(self, burst: _Burst, widget: QWidget, now: float) -> bool:
        return burst.widget is widget and now - burst.last <= self.rules.max_gap_ms

    def _enter(self, widget: QWidget, now: float) -> bool:
        burst, self._burst = self._burst, None
        if burst is None or not self._continues(burst, widget, now):
            return False
        if len(burst.text) < self.rules.min_chars:
            return False
        burst.restore()
        code = classify(burst.text, today=self._today() if self._today else None)
        _log.info("scan recognised: %s", type(code).__name__)  # never the text: it may be an ID
        self.scanned.emit(burst.text, code)
        return True


def scanned_code(value: object) -> ScannedCode:
    """The classification carried by `ScannerFilter.scanned` (typed for the receiving slot).

    Raises:
        TypeError: the value is not a classification.
    """
    members = (TicketNumber, DocumentNumber, CaseNumber, IdNumber, ELicenceCode, Unknown)
    if not isinstance(value, members):
        raise TypeError(f"not a scanned code: {type(value).__name__}")
    return value
