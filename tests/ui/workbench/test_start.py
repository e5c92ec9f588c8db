"""`python main.py` starts the counter: enrolled with the embedded registry, window, exit 0."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import PASSWORD_VARIABLE

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
