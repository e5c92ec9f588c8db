"""A kiosk's or display's credential: enrolled once, kept, and replaced when the embedded
registry no longer accepts it (real embedded registry processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync.queue_device import DISPLAY, EMBEDDED, KIOSK, credential_path, open_screen
from sync.setup import CODE_VARIABLE, URL_VARIABLE


@pytest.fixture(autouse=True)
def no_configured_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    monkeypatch.delenv(CODE_VARIABLE, raising=False)


def saved(folder: Path, screen: str) -> dict[str, str]:
    data: dict[str, str] = json.loads(credential_path(folder, screen).read_text())
    return data


def test_a_screen_enrols_once_and_keeps_its_credential(tmp_path: Path) -> None:
    first = open_screen(tmp_path, screen=DISPLAY)
    try:
        assert first.client.services()  # the demo hall's queue answers this device
        token = first.client.token
    finally:
        first.close()
    assert saved(tmp_path, DISPLAY) == {
        "registry": EMBEDDED,
        "token": token,
        "hall": "DEMO",
        "device": "D01",
    }
    assert credential_path(tmp_path, DISPLAY).stat().st_mode & 0o077 == 0

    again = open_screen(tmp_path, screen=DISPLAY)
    try:
        assert again.client.token == token
        assert again.client.services()
    finally:
        again.close()


def test_a_refused_credential_is_replaced_by_a_fresh_enrolment(tmp_path: Path) -> None:
    credential_path(tmp_path, KIOSK).write_text(
        json.dumps({"registry": EMBEDDED, "token": "wcd_forged", "hall": "DEMO", "device": "K01"})
    )

    screen = open_screen(tmp_path, screen=KIOSK)
    try:
        assert screen.client.token != "wcd_forged"
        assert screen.credential.device == "K01"
        assert sorted(s.prefix for s in screen.client.services()) == ["A", "B", "C", "D"]
    finally:
        screen.close()
    assert saved(tmp_path, KIOSK)["token"] == screen.client.token
