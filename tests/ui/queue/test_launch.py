"""The start commands of the queue screens, the queue settings, and the screenshot script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.queue import screens
from ui.queue.actions import DEFAULT_KEYS, QueueAction
from ui.settings import ANNOUNCE_REPEATS, QUEUE_KEYS, CounterSettings

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("screen", ["--display", "--kiosk"])
def test_public_screens_start_with_the_demo_queue(tmp_path: Path, screen: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(ROOT / "main.py"), screen, "--demo-queue", "--self-test"]
    done = subprocess.run(
        [*command, "--data-dir", str(tmp_path)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_the_counter_starts_with_its_queue_panel(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(ROOT / "main.py"), "--demo-queue", "--self-test"]
    done = subprocess.run(
        [*command, "--data-dir", str(tmp_path)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_queue_keys_default_to_f1_to_f10_and_are_kept(tmp_path: Path) -> None:
    settings = CounterSettings(tmp_path / "counter.ini")
    assert settings.queue_keys() == DEFAULT_KEYS
    assert [DEFAULT_KEYS[a] for a in QueueAction] == [f"F{n}" for n in range(1, 11)]
    settings.set(QUEUE_KEYS[QueueAction.CALL_NEXT], "Ctrl+N")
    settings.set(ANNOUNCE_REPEATS, 3)
    again = CounterSettings(tmp_path / "counter.ini")
    assert again.queue_keys()[QueueAction.CALL_NEXT] == "Ctrl+N"
    assert again.get(ANNOUNCE_REPEATS) == 3


def test_the_screenshots_render(qapp: QApplication, chinese: object) -> None:
    display = screens.display_image(qapp)
    choice, ticket = screens.kiosk_images(qapp)
    assert (display.width(), display.height()) == (1920, 1080)
    assert (choice.width(), choice.height()) == (ticket.width(), ticket.height()) == (1080, 1920)
    assert display.pixelColor(960, 540) != display.pixelColor(5, 5)  # something was drawn
