"""Write the hall's announcement chime, resources/sounds/chime.wav (a maintainer's tool).

Usage: .venv/bin/python scripts/make_chime.py
A two-note "ding-dong" (E5, then C5) of sine tones with a soft attack, a few bell-like partials
and an exponential decay, as 16-bit mono PCM at 22.05 kHz. Synthesised here from nothing, so
the sound is ours, under the project's licence; running the script again writes the same file.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
NOTES = ((659.26, 0.0), (523.25, 0.55))  # (frequency in Hz, start in seconds)
LENGTH = 1.6  # seconds
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.05))  # (multiple, amplitude)
DECAY = 3.2  # per second
ATTACK = 0.008  # seconds
LEVEL = 0.42  # of full scale: loud enough for a hall speaker, no clipping when notes overlap

TARGET = Path(__file__).resolve().parents[1] / "resources" / "sounds" / "chime.wav"


def sample(t: float) -> float:
    """The chime's value at time `t`, in -1..1."""
    value = 0.0
    for frequency, start in NOTES:
        age = t - start
        if age < 0:
            continue
        envelope = min(1.0, age / ATTACK) * math.exp(-DECAY * age)
        for multiple, amplitude in PARTIALS:
            value += amplitude * envelope * math.sin(2 * math.pi * frequency * multiple * age)
    fade_out = min(1.0, (LENGTH - t) / 0.05)  # no click at the end
    return LEVEL * value * fade_out / sum(a for _, a in PARTIALS)


def main(target: Path = TARGET) -> int:
    """Write the WAV file; returns 0."""
    frames = b"".join(
        struct.pack("<h", round(32767 * sample(i / RATE))) for i in range(int(LENGTH * RATE))
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return 0


if __name__ == "__main__":
    sys.exit(main())
