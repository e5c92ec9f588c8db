"""Before the heavy imports: which starts launch the embedded registry early."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.i18n import LANGUAGES
from ui.prestart import PASSWORD_VARIABLE, URL_VARIABLE, parse_args, uses_embedded
from ui.settings import REGISTRY_URL, CounterSettings


@pytest.fixture(autouse=True)
def no_registry_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test says itself what the environment holds."""
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)


def used_before(folder: Path) -> Path:
    """A data folder whose embedded registry ran before."""
    (folder / "registry").mkdir()
    (folder / "registry" / "registry.sqlite").write_bytes(b"")
    return folder


def test_a_scripted_counter_launches_its_embedded_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "clerk-demo-1")
    assert uses_embedded(parse_args(["--staff", "C001"]), tmp_path)
    assert uses_embedded(parse_args(["--self-test"]), tmp_path)


def test_a_clerk_start_launches_it_only_where_it_ran_before(tmp_path: Path) -> None:
    assert not uses_embedded(parse_args([]), tmp_path)  # a first start asks first
    assert uses_embedded(parse_args([]), used_before(tmp_path))


def test_a_configured_registry_is_never_doubled_by_the_embedded_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = used_before(tmp_path)
    assert not uses_embedded(parse_args(["--registry", "https://r.example"]), folder)
    assert not uses_embedded(parse_args(["--kiosk"]), folder)
    assert not uses_embedded(parse_args(["--display"]), folder)
    monkeypatch.setenv(URL_VARIABLE, "https://r.example")
    assert not uses_embedded(parse_args([]), folder)


def test_the_registry_kept_in_the_settings_is_read_before_qt_settings_are(
    tmp_path: Path,
) -> None:
    folder = used_before(tmp_path)
    settings = CounterSettings(folder / "window-clerk.ini")
    settings.set(REGISTRY_URL, "https://registry.example.gov.cn:8443/a,b")
    assert not uses_embedded(parse_args([]), folder)
    CounterSettings(folder / "window-clerk.ini").set(REGISTRY_URL, "")
    assert uses_embedded(parse_args([]), folder)


def test_the_languages_offered_are_the_application_s() -> None:
    for language in LANGUAGES:
        assert parse_args(["--language", language]).language == language
    with pytest.raises(SystemExit):
        parse_args(["--language", "fr"])
