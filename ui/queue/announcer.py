"""The hall's announcement queue: one call at a time, in order, never overlapping, repeated.

Each announcement is a chime, then the call spoken `repeats` times ("请 A012 号到 5 号窗口办理").
The next step starts only when the previous one reported its end, so two announcements can
never talk over each other, however fast calls arrive; calls wait in a queue and none is
dropped. A speaker that never reports its end is stopped by a watchdog, so one broken
utterance cannot silence the hall.

Where no speech engine with a Chinese voice exists, a `TimedSpeaker` stands in: it says
nothing for the time a sentence takes, so the chime still sounds and the board still flashes
the call for as long as it would have been spoken.
"""

from __future__ import annotations

import logging
import time
import wave
from collections import deque
from collections.abc import Callable, MutableSequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

from clerk.bundle import resource
from ui.queue.port import CallNotice

_log = logging.getLogger(__name__)

CHIME_WAV = resource("sounds", "chime.wav")
DEFAULT_REPEATS = 2
_TEST_ENGINES = frozenset({"mock"})  # Qt's own test plug-in speaks no language of the hall


class Speaker(Protocol):
    """Something that says a sentence and reports when it has finished."""

    def say(self, text: str, done: Callable[[], None]) -> None:
        """Start saying `text`; call `done` once, when it is over (or failed)."""

    def stop(self) -> None:
        """Stop at once (the announcer gave up waiting)."""


class Chime(Protocol):
    """The attention sound before each announcement."""

    def play(self, done: Callable[[], None]) -> None:
        """Start the sound; call `done` once, when it is over."""


@dataclass(frozen=True, slots=True)
class Utterance:
    """What a timed sound noted: what it played, and when it started and ended (monotonic s)."""

    text: str
    started: float
    ended: float


class TimedSpeaker(QObject):
    """A speaker that takes a set time per sentence and notes each one (QTimer, no sleep).

    The test speech engine (`spoken` holds start and end times), and the silent stand-in
    where no Chinese voice exists. Give two of them one `timeline` to see chime and speech
    in one sequence.
    """

    def __init__(
        self,
        *,
        duration_ms: int,
        timeline: MutableSequence[Utterance] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.duration_ms = duration_ms
        self.spoken: MutableSequence[Utterance] = (
            timeline if timeline is not None else deque(maxlen=100)
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._end)
        self._text, self._started = "", 0.0
        self._done: Callable[[], None] | None = None

    def say(self, text: str, done: Callable[[], None]) -> None:
        """Take `duration_ms` for `text`, then note it and call `done`."""
        self._text, self._started, self._done = text, time.monotonic(), done
        self._timer.start(self.duration_ms)

    def play(self, done: Callable[[], None]) -> None:
        """As a chime: a sentence with no text."""
        self.say("", done)

    def stop(self) -> None:
        """Cut the current sentence short (it is noted, ending now)."""
        if self._timer.isActive():
            self._timer.stop()
            self._end()

    def _end(self) -> None:
        self.spoken.append(Utterance(self._text, self._started, time.monotonic()))
        done, self._done = self._done, None
        if done is not None:
            done()


class QtSpeaker(QObject):
    """QtTextToSpeech with a Chinese voice; reports the end of each sentence."""

    def __init__(self, engine: QTextToSpeech, voice: QVoice, parent: QObject | None = None):
        super().__init__(parent)
        self._engine = engine
        engine.setParent(self)
        engine.setLocale(voice.locale())
        engine.setVoice(voice)
        engine.stateChanged.connect(self._changed)
        self._done: Callable[[], None] | None = None

    @classmethod
    def find(cls, parent: QObject | None = None) -> QtSpeaker | None:
        """The first installed speech engine with a Chinese voice, or None (then: chime only)."""
        for name in QTextToSpeech.availableEngines():
            if name in _TEST_ENGINES:
                continue
            engine = QTextToSpeech(name)
            if engine.state() != QTextToSpeech.State.Error:
                for voice in engine.availableVoices():
                    if voice.locale().language() == QLocale.Language.Chinese:
                        _log.info("announcements speak with %s, voice %s", name, voice.name())
                        return cls(engine, voice, parent)
            engine.deleteLater()
        _log.info("no speech engine with a Chinese voice: announcements chime only")
        return None

    def say(self, text: str, done: Callable[[], None]) -> None:
        """Speak `text`; `done` runs when the engine is ready again (or failed)."""
        self._done = done
        self._engine.say(text)

    def stop(self) -> None:
        """Stop speaking now."""
        self._engine.stop(QTextToSpeech.BoundaryHint.Immediate)

    def _changed(self, state: QTextToSpeech.State) -> None:
        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and self._done:
            if state == QTextToSpeech.State.Error:
                _log.warning("speech failed: %s", self._engine.errorString())
            done, self._done = self._done, None
            done()


class SoundChime(QObject):
    """A WAV chime (QSoundEffect); it reports its end after the file's length, heard or not.

    Timing by the file's length keeps the announcements going on a machine without a sound
    device, where the effect never plays.
    """

    def __init__(self, wav: Path = CHIME_WAV, parent: QObject | None = None) -> None:
        super().__init__(parent)
        with wave.open(str(wav), "rb") as sound:
            self.duration_ms = round(1000 * sound.getnframes() / sound.getframerate())
        self._effect = QSoundEffect(self)
        self._effect.setSource(QUrl.fromLocalFile(str(wav)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._done: Callable[[], None] | None = None
        self._timer.timeout.connect(self._end)

    def play(self, done: Callable[[], None]) -> None:
        """Ring once."""
        self._done = done
        self._effect.play()
        self._timer.start(self.duration_ms)

    def _end(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()


class Announcer(QObject):
    """One hall's announcement queue (see the module).

    Signals:
        started(object): the `CallNotice` whose announcement begins (the board flashes it).
        finished(object): the `CallNotice` whose announcement ended.
        idle(): nothing more waits to be announced.
    """

    started = Signal(object)
    finished = Signal(object)
    idle = Signal()

    def __init__(
        self,
        *,
        speaker: Speaker,
        chime: Chime,
        repeats: int = DEFAULT_REPEATS,
        gap_ms: int = 400,
        watchdog_ms: int = 20_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if repeats < 1:
            raise ValueError(f"an announcement is said at least once, not {repeats} times")
        self._speaker, self._chime = speaker, chime
        self.repeats, self.gap_ms = repeats, gap_ms
        self._waiting: deque[CallNotice] = deque()
        self._current: CallNotice | None = None
        self._steps: deque[Callable[[Callable[[], None]], None]] = deque()
        self._token = 0
        self._resting = False  # the pause between two announcements
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(watchdog_ms)
        self._watchdog.timeout.connect(self._overdue)

    def announce(self, call: CallNotice) -> None:
        """Queue a call; it is announced after every call queued before it."""
        self._waiting.append(call)
        if self._current is None and not self._resting:
            self._begin()

    @property
    def current(self) -> CallNotice | None:
        """The call being announced, if any."""
        return self._current

    @property
    def pending(self) -> int:
        """How many calls wait behind the current one."""
        return len(self._waiting)

    def text(self, call: CallNotice) -> str:
        """The sentence said for a call."""
        return self.tr("Number {number}, please go to window {window}").format(
            number=call.number, window=call.window
        )

    def clear(self) -> None:
        """Drop the calls not yet announced (the current one still ends normally)."""
        self._waiting.clear()

    def _begin(self) -> None:
        if not self._waiting:
            self._current = None
            self.idle.emit()
            return
        call = self._waiting.popleft()
        self._current = call
        sentence = self.text(call)
        self._steps = deque([self._chime.play])
        for _ in range(self.repeats):
            self._steps.append(lambda done: self._speaker.say(sentence, done))
        self.started.emit(call)
        self._step()

    def _step(self) -> None:
        if not self._steps:
            self._watchdog.stop()
            call, self._current = self._current, None
            self._resting = True
            self.finished.emit(call)
            QTimer.singleShot(self.gap_ms, self, self._resume)
            return
        self._token += 1
        token = self._token
        self._watchdog.start()
        self._steps.popleft()(lambda: self._stepped(token))

    def _resume(self) -> None:
        self._resting = False
        self._begin()

    def _stepped(self, token: int) -> None:
        if token != self._token:  # a late report of a step the watchdog already ended
            return
        self._token += 1
        self._step()

    def _overdue(self) -> None:
        _log.warning("an announcement step did not end in time; it is stopped")
        self._token += 1
        self._speaker.stop()
        self._step()
