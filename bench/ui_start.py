"""Cold start of the counter to a usable window, measured from outside (part of the UI bench).

Each start is a fresh process: `bench/start_probe.py` runs `main.py` unchanged and writes when
its first window was on screen and answering (`time.monotonic`, one clock for every process on
Linux). The clock starts here, just before the process is spawned, so the figures include the
interpreter starting and every import. A first start has a fresh data folder (the embedded
registry sets up its demo hall, the counter enrols and synchronises its catalogue); the warm
start is the second start on the same folder. The clerk signs in scripted (`--staff C001` and
the demo password in $WINDOW_CLERK_PASSWORD), which skips typing, not checking, the password.

A clerk's start (no `--staff`) is how a counter starts in a hall: its first window is the
sign-in dialog. The probe then signs in as the clerk would (`$PROBE_SIGN_IN`): it types the
staff number and the password `TYPING_SECONDS` after the dialog took typing, and notes the
clerk's wait from the last Enter to the workbench taking typing. The clerk's start is measured
twice on each folder: with the operating system's file cache warm (the same programs ran a
moment ago), and cold — every cached file dropped first (`/proc/sys/vm/drop_caches`, as root;
else not measured), as after switching the counter's computer on in the morning.
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
AFTER_SIGN_IN = (("entered", "Enter pressed"), ("workbench", "the workbench takes typing"))
TYPING_SECONDS = 3.0
"""How long the probe waits, as a clerk typing a staff number and a password, before Enter."""
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


@dataclass(frozen=True)
class Start:
    """One start: seconds from spawning to each moment the probe noted (absent: not reached)."""

    moments: dict[str, float]
    window: str
    closed: float | None
    focus: str = ""
    workbench_focus: str = ""

    @property
    def usable(self) -> float | None:
        """Seconds from spawning the process to a usable window."""
        return self.moments.get("usable")

    @property
    def after_enter(self) -> float | None:
        """Seconds from the clerk's last Enter at the sign-in dialog to a usable workbench."""
        if "entered" not in self.moments or "workbench" not in self.moments:
            return None
        return self.moments["workbench"] - self.moments["entered"]


def child_environment() -> dict[str, str]:
    """The environment of a scripted counter start: offscreen, embedded registry, demo clerk."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WINDOW_CLERK_PASSWORD=PASSWORD)
    env.pop("WINDOW_CLERK_REGISTRY_URL", None)
    env.pop("WINDOW_CLERK_ENROLMENT_CODE", None)
    return env


def drop_file_cache() -> bool:
    """Empty the operating system's file cache (as root on Linux); whether it was emptied."""
    os.sync()
    try:
        DROP_CACHES.write_text("3\n")
    except OSError:
        return False
    return True


def start_once(
    folder: Path, figures: Path, log: Path, *, scripted: bool = True, cold: bool = False
) -> Start:
    """Start the counter on `folder` once, until it is usable and has shut down again
    (`scripted`: signed in by `--staff`, else by the probe at the sign-in dialog, the first
    window then; `cold`: the file cache emptied first)."""
    figures.unlink(missing_ok=True)
    command = [sys.executable, str(PROBE), str(figures), "--", "--data-dir", str(folder)]
    command += ["--staff", STAFF] if scripted else []
    environment = child_environment()
    if not scripted:
        environment["PROBE_SIGN_IN"] = f"{STAFF} {PASSWORD} {TYPING_SECONDS}"
    if cold:
        drop_file_cache()
    with open(log, "ab") as output:
        began = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
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
    moments = {key: noted[key] - began for key, _ in (*PHASES, *AFTER_SIGN_IN) if key in noted}
    closed = noted["closed"] - began if "closed" in noted else None
    window, focus = str(noted.get("window", "")), str(noted.get("focus", ""))
    return Start(moments, window, closed, focus, str(noted.get("workbench_focus", "")))


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Stop whatever of the started process group is left (a start that hung)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@dataclass(frozen=True)
class Starts:
    """The starts measured: a clerk's (the sign-in dialog is the first window, then the
    workbench), with the file cache warm and cold (empty when `cold` could not be made); and
    the scripted ones: first (fresh folder) and again (the workbench is the first window)."""

    clerk: list[Start]
    cold: list[Start]
    first: list[Start]
    warm: list[Start]
    work: Path


def measure_starts(runs: int) -> Starts:
    """`runs` first starts, each followed on its folder by a scripted start again and by a
    clerk's start, warm then cold."""
    work = Path(tempfile.mkdtemp(prefix="ui-bench-start-"))
    starts = Starts([], [], [], [], work)
    figures, log = work / "figures.json", work / "starts.log"
    can_drop = os.access(DROP_CACHES, os.W_OK)
    for run in range(runs):
        folder = work / f"counter-{run}"
        starts.first.append(start_once(folder, figures, log))
        starts.warm.append(start_once(folder, figures, log))
        starts.clerk.append(start_once(folder, figures, log, scripted=False))
        if can_drop:
            starts.cold.append(start_once(folder, figures, log, scripted=False, cold=True))
    return starts
