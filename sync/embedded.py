"""The embedded default: a counter with no registry configured runs its own, as a child process.

`python -m registry embedded` keeps SQLite in the counter's data folder, sets up the demo hall
once and leaves a one-time enrolment code for the counter in a private file; the counter reads
it, enrols, and synchronises with it like with any registry. The child dies with the counter.

The child takes a second or more to answer (its imports and the web application), so a counter
may `prelaunch` it as the very first thing it does, before its own imports: `start` then adopts
the child already booting for the same folder and counter instead of spawning another, and a
child nobody adopted is stopped when the counter's process ends.
"""

from __future__ import annotations

import atexit
import logging
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from clerk.private import open_private, private_folder
from clerk.wire import API_PREFIX

_log = logging.getLogger(__name__)
_LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
START_TIMEOUT = 60.0
_POLL = 0.01


class EmbeddedRegistryFailed(RuntimeError):
    """The embedded registry did not start; its log says why."""


class EmbeddedRegistry:
    """A registry child process on a free loopback port."""

    def __init__(self, folder: Path, *, counter: str = "W01") -> None:
        self.folder = folder
        self.counter = counter
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The registry's base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        """The child's log file."""
        return self.folder / "registry.log"

    def start(self) -> str:
        """Start the child and wait until it answers; returns its URL.

        Raises:
            EmbeddedRegistryFailed: it exited or did not answer in time.
        """
        self.process = _adopt(self.folder, self.counter) or self.launch()
        self.port = self._await_port(self._port_file)
        self._await_health()
        pid = self.process.pid
        _log.info("embedded registry answering at %s (process %d)", self.url, pid)
        return self.url

    @property
    def _port_file(self) -> Path:
        return self.folder / "port"

    def launch(self) -> subprocess.Popen[bytes]:
        """Spawn the child without waiting for it (`start` waits); returns its process."""
        private_folder(self.folder)
        self._port_file.unlink(missing_ok=True)
        command = [sys.executable, "-m", "registry", "embedded", "--data-dir", str(self.folder)]
        command += ["--port-file", str(self._port_file), "--counter", self.counter]
        with open_private(self.log_path, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603  (our interpreter, our module)
                command, stdout=log, stderr=log, stdin=subprocess.DEVNULL
            )
        return self.process

    def take_enrolment_code(self) -> str | None:
        """The one-time code left for this counter, if it still needs one (read once)."""
        path = self.folder / f"enrolment-{self.counter}.txt"
        if not path.exists():
            return None
        code = path.read_text().strip()
        return code or None

    def forget_enrolment_code(self) -> None:
        """Remove the used code."""
        (self.folder / f"enrolment-{self.counter}.txt").unlink(missing_ok=True)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the child (terminate, then kill if it does not go)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        self.process = None

    def _await_port(self, port_file: Path) -> int:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            self._check_alive()
            text = port_file.read_text().strip() if port_file.exists() else ""
            if text:
                return int(text)
            time.sleep(_POLL)
        raise EmbeddedRegistryFailed(f"the embedded registry did not start; see {self.log_path}")

    def _await_health(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            self._check_alive()
            if _answers(f"{self.url}{API_PREFIX}/health"):
                return
            time.sleep(_POLL)
        raise EmbeddedRegistryFailed(f"the embedded registry does not answer; see {self.log_path}")

    def _check_alive(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            raise EmbeddedRegistryFailed(
                f"the embedded registry exited with {self.process.returncode}; see {self.log_path}"
            )


def _answers(url: str) -> bool:
    """Whether `url` answers 200 now (a plain GET; no HTTP client library needed yet)."""
    try:
        with _LOOPBACK.open(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except (OSError, urllib.error.URLError):
        return False


_prelaunched: dict[tuple[Path, str], subprocess.Popen[bytes]] = {}


def prelaunch(folder: Path, *, counter: str = "W01") -> int:
    """Spawn the embedded registry of `folder` now (once), for a later `EmbeddedRegistry.start`
    of the same folder and counter to adopt; stopped at exit if nobody adopts it.

    Returns:
        The process id of the child waiting to be adopted.
    """
    key = (folder.resolve(), counter)
    if key not in _prelaunched:
        _prelaunched[key] = EmbeddedRegistry(folder, counter=counter).launch()
    return _prelaunched[key].pid


def _adopt(folder: Path, counter: str) -> subprocess.Popen[bytes] | None:
    process = _prelaunched.pop((folder.resolve(), counter), None)
    if process is not None and process.poll() is not None:
        _log.warning("the embedded registry launched early exited with %s", process.returncode)
        return None
    return process


@atexit.register
def _stop_unadopted() -> None:
    """Children launched early that no counter used end with this process."""
    while _prelaunched:
        _key, process = _prelaunched.popitem()
        if process.poll() is None:
            process.terminate()
            process.wait(10)
