"""Every string of the decisions' screens has its Chinese, kept by the translation tools."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.ui.test_translations import untranslated

ROOT = Path(__file__).resolve().parents[3]
SOURCES = sorted(str(path) for path in (ROOT / "ui" / "decisions").glob("*.py"))
TABLE: dict[str, str] = runpy.run_path(str(ROOT / "scripts" / "zh" / "decisions.py"))["ZH"]
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{\w+\}")


def extracted(tmp_path: Path) -> Path:
    """A fresh translation file of ui/decisions, as pyside6-lupdate writes it."""
    ts = tmp_path / "decisions.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *SOURCES, "-ts", str(ts)], check=True, capture_output=True
    )
    return ts


def test_the_fill_tool_translates_every_string_of_the_decisions(tmp_path: Path) -> None:
    ts = extracted(tmp_path)
    fill = runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"))
    fill["main"](str(ts))
    assert untranslated(ts) == []


def test_the_table_has_no_stale_entries_and_keeps_placeholders_and_keys(tmp_path: Path) -> None:
    sources = {m.findtext("source") for m in ET.parse(extracted(tmp_path)).iter("message")}
    assert set(TABLE) - sources == set()  # every entry is a string the screens use
    for source, chinese in TABLE.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(chinese)), source
        mnemonic = re.search(r"&(\w)", source)
        if mnemonic:
            assert f"(&{mnemonic.group(1).upper()})" in chinese, source
