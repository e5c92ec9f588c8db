"""Every user-visible string is translated into Chinese, and the compiled file is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "window_clerk_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent  # the tools sit beside the interpreter of the venv


def untranslated(ts: Path) -> list[str]:
    """Source strings without a finished translation (unfinished, vanished or obsolete)."""
    problems = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if kind is not None or not all(forms):
            problems.append(f"{source!r} ({kind or 'empty'})")
    return problems


def test_every_string_has_a_chinese_translation() -> None:
    assert untranslated(TS) == []


def test_translation_file_is_current_with_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert untranslated(fresh) == [], "run pyside6-lupdate and translate the new strings"


@pytest.mark.parametrize("compiled", [QM])
def test_compiled_translation_is_current(tmp_path: Path, compiled: Path) -> None:
    rebuilt = tmp_path / compiled.name
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert rebuilt.read_bytes() == compiled.read_bytes(), "run pyside6-lrelease"
