"""`python main.py` starts the counter: enrolled with the embedded registry, window, exit 0.

The start overlaps its waits: the embedded registry is launched before the heavy imports and
adopted by the counter, and the hall queue's panel joins a window already shown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sync.setup import Connection
from tests.integration.queue.harness import QueueHall
from tests.ui.workbench.conftest import WAIT, open_bench
from ui.app import PASSWORD_VARIABLE
from ui.counter_run import hall_queue_later
from ui.queue.panel import QueuePanel
from ui.queue.port import Seat
from ui.workbench.window import WorkbenchWindow

ROOT = Path(__file__).resolve().parents[3]


def start(folder: Path, *extra: str, env: dict[str, str] | None = None) -> str:
    """Run the counter's self-test on `folder`; its log after a successful exit."""
    command = [sys.executable, str(ROOT / "main.py"), "--self-test", "--data-dir", str(folder)]
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop(PASSWORD_VARIABLE, None)
    environment.update(env or {})
    done = subprocess.run(
        [*command, *extra],
        check=False,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return (folder / "window-clerk.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_self_test_starts_on_a_fresh_folder_and_again_on_its_store(tmp_path: Path) -> None:
    log = start(tmp_path)
    assert "signed in" not in log  # nobody signs in during a plain self-test
    start(tmp_path)  # the second start finds its store and its device again
    with sqlite3.connect(tmp_path / "counter.db") as db:
        items = db.execute("SELECT count(*) FROM catalogue_items").fetchone()[0]
        devices = db.execute("SELECT hall, counter FROM device").fetchall()
    assert items >= 15
    assert devices == [("DEMO", "W01")]
    assert "Traceback" not in log


@pytest.mark.slow
def test_a_scripted_start_signs_the_staff_member_in(tmp_path: Path) -> None:
    log = start(tmp_path, "--staff", "C001", env={PASSWORD_VARIABLE: "clerk-demo-1"})
    assert "C001 signed in (online)" in log
    assert "clerk-demo-1" not in log  # a password is never logged


def without_queue(window: WorkbenchWindow) -> None:
    """Take the queue panel off the bench's window, as if it had been built without one."""
    panel, hookup, dock = window.queue_panel, window.queue, window.queue_dock
    assert panel is not None
    assert hookup is not None
    assert hookup.fallback is not None
    assert dock is not None
    panel.close()
    hookup.fallback.close()
    window.removeDockWidget(dock)
    dock.deleteLater()
    window.queue_panel = window.queue_dock = None


def panel_of(window: WorkbenchWindow) -> QueuePanel | None:
    """The window's queue panel now."""
    return window.queue_panel


def test_the_window_shows_before_the_hall_queue_answers_and_gets_its_panel(
    qtbot: QtBot, hall: QueueHall, tmp_path: Path
) -> None:
    bench = open_bench(qtbot, hall, tmp_path)
    try:
        window = bench.window
        without_queue(window)
        counter = bench.counter
        connection = Connection(counter.store, counter.client)
        args = argparse.Namespace(demo_queue=False, demo_script=None)
        closing = hall_queue_later(window, args, connection=connection)
        assert panel_of(window) is None  # the GUI thread did not wait for the registry
        qtbot.waitUntil(lambda: panel_of(window) is not None, timeout=WAIT)
        panel = panel_of(window)
        assert panel is not None
        assert panel.seat == Seat("W01", hall.clerk)  # the signed-in clerk calls
        assert window.queue_dock is not None
        assert window.queue_dock.isVisible()
        closing()
    finally:
        for close in bench.closers:
            close()


@pytest.mark.slow
def test_a_warm_scripted_start_adopts_the_registry_launched_early(tmp_path: Path) -> None:
    start(tmp_path, "--staff", "C001", env={PASSWORD_VARIABLE: "clerk-demo-1"})
    log = start(tmp_path, "--staff", "C001", env={PASSWORD_VARIABLE: "clerk-demo-1"})
    second = log[log.rindex("embedded registry launched early") :]
    assert "C001 signed in (online)" in second
    launched = re.search(r"launched early \(process (\d+)\)", second)
    answering = re.findall(r"registry answering at \S+ \(process (\d+)\)", second)
    assert launched is not None
    assert answering == [launched[1]]  # one child: the one launched before the imports


def probe_start(folder: Path, **env: str) -> tuple[dict[str, Any], str]:
    """A clerk's start on `folder` under `bench/start_probe.py` (`env` added); what the probe
    noted and the counter's log, after a clean exit."""
    figures = folder / "figures.json"
    probe = [sys.executable, str(ROOT / "bench" / "start_probe.py"), str(figures), "--"]
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    environment.pop(PASSWORD_VARIABLE, None)
    done = subprocess.run(
        [*probe, "--data-dir", str(folder)],
        check=False,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr  # the probe closes the dialog: a clean exit
    noted = json.loads(figures.read_text(encoding="utf-8"))
    return noted, (folder / "window-clerk.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_clerk_s_start_opens_on_the_sign_in_dialog_ready_for_typing(tmp_path: Path) -> None:
    start(tmp_path)  # enrolled with its embedded registry
    noted, log = probe_start(tmp_path)
    assert noted["focus"].endswith("QLineEdit 'staffId' in CredentialsForm")
    assert "Traceback" not in log
    # Then the clerk signs in at that dialog by keys, and the workbench takes typing.
    noted, log = probe_start(tmp_path, PROBE_SIGN_IN="C001 clerk-demo-1 0")
    assert noted["entered"] < noted["workbench"]
    assert noted["workbench_focus"].endswith("in ItemFinder")  # the intake's item search
    assert "C001 signed in (online)" in log
    assert "Traceback" not in log
