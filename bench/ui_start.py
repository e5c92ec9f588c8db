"""Cold start of the counter to a usable window, measured from outside (part of the UI bench).

Each start is a fresh process: `bench/start_probe.py` runs `main.py` unchanged and writes when
its first window was on screen and answering (`time.monotonic`, one clock for every process on
Linux). The clock starts here, just before the process is spawned, so the figures include the
interpreter starting and every import. A first start has a fresh data folder (the embedded
registry sets up its demo hall, the counter enrols and synchronises its catalogue); the warm
start is the second start on the same folder. The clerk signs in scripted (`--staff C001` and
the demo password in $WINDOW_CLERK_PASSWORD), which skips typing, not checking, the password.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "bench" / "start_probe.py"
STAFF, PASSWORD = "C001", "clerk-demo-1"  # the embedded registry's demo clerk
START_TIMEOUT = 120.0
PHASES = (
    ("python", "interpreter up"),
    ("imported", "imports done"),
    ("event_loop", "event loop entered"),
    ("exposed", "window exposed"),
    ("usable", "window answering"),
)


@dataclass(frozen=True)
class Start:
    """One start: seconds from spawning to each moment the probe noted (absent: not reached)."""

    moments: dict[str, float]
    window: str
    closed: float | None

    @property
    def usable(self) -> float | None:
        """Seconds from spawning the process to a usable window."""
        return self.moments.get("usable")


def child_environment() -> dict[str, str]:
    """The environment of a scripted counter start: offscreen, embedded registry, demo clerk."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WINDOW_CLERK_PASSWORD=PASSWORD)
    env.pop("WINDOW_CLERK_REGISTRY_URL", None)
    env.pop("WINDOW_CLERK_ENROLMENT_CODE", None)
    return env


def start_once(folder: Path, figures: Path, log: Path) -> Start:
    """Start the counter on `folder` once, until it is usable and has shut down again."""
    figures.unlink(missing_ok=True)
    command = [sys.executable, str(PROBE), str(figures), "--", "--data-dir", str(folder)]
    command += ["--staff", STAFF]
    with open(log, "ab") as output:
        began = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=child_environment(),
            stdout=output,
            stderr=output,
            start_new_session=True,  # its own process group: the embedded registry with it
        )
        try:
            process.wait(timeout=START_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
        finally:
            _end_group(process)
    noted = json.loads(figures.read_text(encoding="utf-8")) if figures.exists() else {}
    moments = {key: noted[key] - began for key, _ in PHASES if key in noted}
    closed = noted["closed"] - began if "closed" in noted else None
    return Start(moments, str(noted.get("window", "")), closed)


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Stop whatever of the started process group is left (a start that hung)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def measure_starts(runs: int) -> tuple[list[Start], list[Start], Path]:
    """`runs` first starts, each followed by a warm start on its folder; and the logs folder."""
    work = Path(tempfile.mkdtemp(prefix="ui-bench-start-"))
    first, warm = [], []
    for run in range(runs):
        folder = work / f"counter-{run}"
        first.append(start_once(folder, work / "figures.json", work / "starts.log"))
        warm.append(start_once(folder, work / "figures.json", work / "starts.log"))
    return first, warm, work
