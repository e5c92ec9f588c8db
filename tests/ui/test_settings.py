"""Counter settings: typed, defaulted, persisted; printer profiles chosen by name."""

from __future__ import annotations

from pathlib import Path

from printing.qt_backend import A4_LASER, THERMAL_80MM
from ui.settings import DOCUMENT_PRINTER, DOCUMENT_PROFILE, RECEIPT_PROFILE, CounterSettings


def test_defaults_then_choices_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "counter.ini"
    settings = CounterSettings(path)
    assert settings.get(DOCUMENT_PRINTER) == ""
    assert settings.profile(DOCUMENT_PROFILE) == A4_LASER
    assert settings.profile(RECEIPT_PROFILE) == THERMAL_80MM
    settings.set(DOCUMENT_PRINTER, "HallLaser")
    settings.set(RECEIPT_PROFILE, A4_LASER.name)
    again = CounterSettings(path)
    assert again.get(DOCUMENT_PRINTER) == "HallLaser"
    assert again.profile(RECEIPT_PROFILE) == A4_LASER
    assert "version=1" in path.read_text()


def test_an_unknown_profile_name_falls_back_to_the_default(tmp_path: Path) -> None:
    path = tmp_path / "counter.ini"
    path.write_text("[printing]\ndocument_profile=dot_matrix\n")
    assert CounterSettings(path).profile(DOCUMENT_PROFILE) == A4_LASER
