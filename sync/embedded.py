"""The embedded default: a counter with no registry configured runs its own, as a child process.

`python -m registry embedded` keeps SQLite in the counter's data folder, sets up the demo hall
once and leaves a one-time enrolment code for the counter in a private file; the counter reads
it, enrols, and synchronises with it like with any registry. The child dies with the counter.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

import requests

from clerk.wire import API_PREFIX

_log = logging.getLogger(__name__)

START_TIMEOUT = 60.0
_POLL = 0.05


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
        self.folder.mkdir(parents=True, exist_ok=True)
        port_file = self.folder / "port"
        port_file.unlink(missing_ok=True)
        command = [sys.executable, "-m", "registry", "embedded", "--data-dir", str(self.folder)]
        command += ["--port-file", str(port_file), "--counter", self.counter]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603  (our interpreter, our module)
                command, stdout=log, stderr=log, stdin=subprocess.DEVNULL
            )
        self.port = self._await_port(port_file)
        self._await_health()
        _log.info("embedded registry answering at %s", self.url)
        return self.url

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
            try:
                if requests.get(f"{self.url}{API_PREFIX}/health", timeout=2).ok:
                    return
            except requests.RequestException:
                time.sleep(_POLL)
        raise EmbeddedRegistryFailed(f"the embedded registry does not answer; see {self.log_path}")

    def _check_alive(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            raise EmbeddedRegistryFailed(
                f"the embedded registry exited with {self.process.returncode}; see {self.log_path}"
            )
