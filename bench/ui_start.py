"""Cold start of the counter to a usable window, measured from outside (part of the UI bench).

Each start is a fresh process: `bench/start_probe.py` runs `main.py` unchanged and writes when
its first window was on screen and answering (`time.monotonic`, one clock for every process on
Linux). The clock starts here, just before the process is spawned, so the figures include the
interpreter starting and every import. A first start has a fresh data folder (the embedded
registry sets up its demo hall, the counter enrols and synchronises its catalogue); the warm
start is the second start on the same folder. The clerk signs in scripted (`--staff C001` and
the demo password in $WINDOW_CLERK_PASSWORD), which skips typing, not checking, the password;
a third start on the folder is a clerk's own (no `--staff`), whose first window is the sign-in
dialog.
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
    ("application", "imports done"),
    ("event_loop", "event loop entered"),
    ("exposed", "window exposed"),
    ("answering", "window answering"),
    ("usable", "a field takes typing"),
)


@dataclass(frozen=True)
class Start:
    """One start: seconds from spawning to each moment the probe noted (absent: not reached)."""

    moments: dict[str, float]
    window: str
    closed: float | None
    focus: str = ""

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


def start_once(folder: Path, figures: Path, log: Path, *, scripted: bool = True) -> Start:
    """Start the counter on `folder` once, until it is usable and has shut down again
    (`scripted`: signed in by `--staff`, else at the sign-in dialog, the first window then)."""
    figures.unlink(missing_ok=True)
    command = [sys.executable, str(PROBE), str(figures), "--", "--data-dir", str(folder)]
    command += ["--staff", STAFF] if scripted else []
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
    return Start(moments, str(noted.get("window", "")), closed, str(noted.get("focus", "")))


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Stop whatever of the started process group is left (a start that hung)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@dataclass(frozen=True)
class Starts:
    """The starts measured: first (fresh folder), warm (scripted sign-in, the workbench is the
    window), sign-in (warm, a clerk's start: the sign-in dialog is the window)."""

    first: list[Start]
    warm: list[Start]
    sign_in: list[Start]
    work: Path


def measure_starts(runs: int) -> Starts:
    """`runs` first starts, each followed by a warm start and a clerk's start on its folder."""
    work = Path(tempfile.mkdtemp(prefix="ui-bench-start-"))
    first, warm, sign_in = [], [], []
    figures, log = work / "figures.json", work / "starts.log"
    for run in range(runs):
        folder = work / f"counter-{run}"
        first.append(start_once(folder, figures, log))
        warm.append(start_once(folder, figures, log))
        sign_in.append(start_once(folder, figures, log, scripted=False))
    return Starts(first, warm, sign_in, work)
