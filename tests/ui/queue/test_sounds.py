"""The real sounds behind the announcer: Qt's speech engine adapter and the WAV chime."""

from __future__ import annotations

import importlib.util
import time
import wave
from pathlib import Path

from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from tests.ui.queue.conftest import notice
from ui.queue.announcer import CHIME_WAV, Announcer, QtSpeaker, SoundChime, TimedSpeaker
from ui.queue.port import CallNotice


def test_the_qt_speaker_reports_the_end_of_each_sentence(qtbot: QtBot) -> None:
    # Qt's own test engine ("mock") speaks no Chinese, so the hall never picks it; it still
    # proves that the adapter reports each sentence's end and the announcer waits for it.
    engine = QTextToSpeech("mock")
    speaker = QtSpeaker(engine, engine.availableVoices()[0])
    announcer = Announcer(speaker=speaker, chime=TimedSpeaker(duration_ms=10), repeats=2)
    finished: list[CallNotice] = []
    announcer.finished.connect(finished.append)
    with qtbot.waitSignal(announcer.idle, timeout=10_000):
        announcer.announce(notice(1, "A001", "1"))
        announcer.announce(notice(2, "A002", "2"))
    assert [c.number for c in finished] == ["A001", "A002"]


def test_the_hall_never_speaks_with_the_test_engine(qtbot: QtBot) -> None:
    found = QtSpeaker.find()
    if found is not None:  # a machine with a real Chinese voice
        assert found._engine.engine() != "mock"


def test_the_chime_reports_its_end_after_its_length_even_without_a_sound_device(
    qtbot: QtBot,
) -> None:
    chime = SoundChime()
    assert chime.duration_ms == 1600
    ended: list[float] = []
    started = time.monotonic()
    chime.play(lambda: ended.append(time.monotonic()))
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert ended[0] - started >= 1.5


def test_the_chime_file_is_the_scripts_output(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[3] / "scripts" / "make_chime.py"
    spec = importlib.util.spec_from_file_location("make_chime", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path / "chime.wav")
    assert (tmp_path / "chime.wav").read_bytes() == CHIME_WAV.read_bytes()
    with wave.open(str(CHIME_WAV), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, 22050)
