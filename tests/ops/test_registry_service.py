"""The registry's systemd unit and example environment file, run for real.

`systemd-analyze verify` checks the unit where systemd's tools exist. Then the unit's own
command lines — ExecStartPre and ExecStart, read from the unit, variables expanded from the
example environment file as systemd expands them — run against a real SQLite file and a real
PostgreSQL server, with only the install paths moved into a temporary folder and the secret,
database and port set as an operator would. The service must answer its health check, with
several worker processes, and log JSON lines; the example file as shipped must refuse to start.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.ops import unitfile
from tests.support.fixtures import postgres_server, postgres_url  # noqa: F401
from tests.support.net import free_port

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "linux" / "window-clerk-registry.service"
ENV_EXAMPLE = ROOT / "packaging" / "linux" / "registry.env.example"
VENV_PYTHON = "/opt/window-clerk/venv/bin/python"
STATE = "/var/lib/window-clerk"
SECRET = "ops-test-secret-" + "y" * 40
START_SECONDS = 60.0


def installed_unit(state: Path) -> str:
    """The unit's text with the install paths moved: this interpreter, a temporary state dir."""
    text = UNIT.read_text(encoding="utf-8")
    return text.replace(VENV_PYTHON, sys.executable).replace(STATE, str(state))


@dataclass(frozen=True)
class Service:
    """The unit's command lines and environment, as systemd would run them."""

    start_pre: list[str]
    start: list[str]
    env: dict[str, str]


def service(state: Path, **settings: str) -> Service:
    """Read the (moved) unit and the example environment file, with `settings` changed."""
    unit = unitfile.sections(installed_unit(state))
    env = {"PATH": os.environ["PATH"]}
    for line in unitfile.values(unit, "Service", "Environment"):
        env |= unitfile.assignments(line)
    env |= unitfile.environment_file(ENV_EXAMPLE.read_text(encoding="utf-8"))
    env |= settings
    [pre] = unitfile.values(unit, "Service", "ExecStartPre")
    [start] = unitfile.values(unit, "Service", "ExecStart")
    return Service(unitfile.command(pre, env), unitfile.command(start, env), env)


@contextmanager
def running(unit: Service, workdir: Path) -> Iterator[Path]:
    """Run ExecStartPre, then ExecStart until the health check answers; yields the log file.

    The service runs in a session of its own, so its worker processes are stopped with it.
    """
    pre = subprocess.run(
        unit.start_pre,
        env=unit.env,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert pre.returncode == 0, pre.stdout + pre.stderr
    assert pre.stdout == "ok: database ready\n"
    log = workdir / "journal.log"
    with open(log, "wb") as journal:
        process = subprocess.Popen(
            unit.start,
            env=unit.env,
            cwd=workdir,
            stdout=journal,
            stderr=journal,
            start_new_session=True,
        )
    try:
        wait_healthy(process, unit.env["WINDOW_CLERK_REGISTRY_PORT"], log)
        yield log
    finally:
        stop(process)


def wait_healthy(process: subprocess.Popen[bytes], port: str, log: Path) -> None:
    """Until GET /api/v1/health answers 200 (fails if the service exits first)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5).ok:
                return
        except (requests.ConnectionError, requests.Timeout):  # not listening yet, or busy starting
            time.sleep(0.05)
    pytest.fail(f"the service did not answer: {log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the main process, as KillMode=mixed does; then whatever is left of it."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # only our own session's processes


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here (Debian package 'systemd')")
    unit = tmp_path / "window-clerk-registry.service"
    unit.write_text(installed_unit(tmp_path / "state"), encoding="utf-8")
    answer = subprocess.run(
        [analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    assert (answer.returncode, answer.stdout, answer.stderr) == (0, "", "")


def test_the_unit_runs_as_its_own_user_confined_to_its_state_folder() -> None:
    unit = unitfile.sections(UNIT.read_text(encoding="utf-8"))
    settings = dict(unit["Service"])
    assert settings["User"] == settings["Group"] == "window-clerk"
    assert settings["EnvironmentFile"] == "/etc/window-clerk/registry.env"
    assert settings["Restart"] == "on-failure"
    for key, value in [
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ReadWritePaths", STATE),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("CapabilityBoundingSet", ""),
    ]:
        assert settings[key] == value, key


@dataclass(frozen=True)
class Backend:
    """The database a service test runs on, and how many workers it is given."""

    name: str
    url: str
    workers: str


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A SQLite file in the state folder (one worker: a small hall), or PostgreSQL with the
    example's workers (several processes on one database, as in a city's registry)."""
    if request.param == "sqlite":
        return Backend("sqlite", f"sqlite:///{tmp_path / 'state' / 'registry.sqlite'}", "1")
    example = unitfile.environment_file(ENV_EXAMPLE.read_text(encoding="utf-8"))
    url = str(request.getfixturevalue("postgres_url"))
    return Backend("postgresql", url, example["WINDOW_CLERK_REGISTRY_WORKERS"])


UVICORN_KEEP_ALIVE = 5.0  # seconds: uvicorn closes an idle connection after this by default


def _health_twice_on_one_connection(port: str, idle: float) -> list[int]:
    """Two health requests on one kept-alive connection, `idle` seconds apart (raw HTTP:
    a closed connection fails the second request instead of being quietly replaced)."""
    statuses: list[int] = []
    with socket.create_connection(("127.0.0.1", int(port)), timeout=10) as conn:
        reader = conn.makefile("rb")
        for pause in (0.0, idle):
            time.sleep(pause)
            request = f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
            conn.sendall(request.encode())
            status_line = reader.readline()
            if not status_line:
                return [*statuses, 0]  # the registry closed the idle connection
            statuses.append(int(status_line.split()[1]))
            length = 0
            while (header := reader.readline()) not in (b"\r\n", b""):
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            reader.read(length)
    return statuses


def test_the_units_commands_serve_keep_connections_and_log_json(
    backend: Backend, tmp_path: Path
) -> None:
    """The unit's command serves (one or several workers), keeps a counter's idle connection
    as long in either mode, and logs one JSON line per request without the secret."""
    state = tmp_path / "state"
    state.mkdir()
    port = str(free_port())
    unit = service(
        state,
        WINDOW_CLERK_REGISTRY_SECRET=SECRET,
        WINDOW_CLERK_REGISTRY_DATABASE_URL=backend.url,
        WINDOW_CLERK_REGISTRY_PORT=port,
        WINDOW_CLERK_REGISTRY_WORKERS=backend.workers,
    )
    assert unit.start[:4] == [sys.executable, "-m", "registry", "serve"]
    assert unit.start[unit.start.index("--workers") + 1] == backend.workers
    with running(unit, state) as log:
        answer = requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=10)
        assert answer.status_code == 200
        assert answer.json()["backend"] == backend.name
        request_id = answer.headers["X-Request-ID"]
        assert _health_twice_on_one_connection(port, UVICORN_KEEP_ALIVE + 1.5) == [200, 200]
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    served = [line for line in lines if line.get("request_id") == request_id]
    assert [(line["route"], line["status"]) for line in served] == [("/api/v1/health", 200)]
    assert SECRET not in log.read_text()


def test_the_example_settings_refuse_to_start_until_the_secret_is_set(tmp_path: Path) -> None:
    unit = service(tmp_path, WINDOW_CLERK_REGISTRY_PORT=str(free_port()))
    answer = subprocess.run(
        unit.start,
        env=unit.env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert answer.returncode != 0
    assert "WINDOW_CLERK_REGISTRY_SECRET" in answer.stdout + answer.stderr
