"""`python main.py --demo-script DIR` plays the scripted day offscreen: screenshots and PDFs.

Run with fontconfig limited to a folder without CJK fonts, so the Chinese on paper and on
screen can come only from the bundled WenQuanYi.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.printing import pdftools
from ui.app import PASSWORD_VARIABLE

ROOT = Path(__file__).resolve().parents[3]


def no_cjk_fonts(folder: Path) -> Path:
    """A fontconfig file whose only font folder is empty (no system CJK font can be found)."""
    empty = folder / "no-fonts"
    empty.mkdir()
    config = folder / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
        f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return config


@pytest.mark.slow
def test_the_demo_script_writes_screenshots_and_the_printed_pdfs(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FONTCONFIG_FILE=str(no_cjk_fonts(tmp_path)),
    )
    environment[PASSWORD_VARIABLE] = "clerk-demo-1"  # the embedded demo hall's clerk
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--demo-script", str(out), "--staff", "C001"],
        check=False,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    shots = sorted(p.name for p in out.glob("*.png"))
    assert shots[0] == "01-complete-intake.png"
    assert "09-complaint-rating.png" in shots
    assert all((out / name).stat().st_size > 10_000 for name in shots)
    papers = [pdftools.flat(pdftools.text(p.read_bytes())) for p in sorted(out.glob("*.pdf"))]
    assert len(papers) == 3  # the three acceptance receipts
    assert all("受理" in paper for paper in papers)


def test_the_demo_script_needs_a_scripted_clerk(tmp_path: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop(PASSWORD_VARIABLE, None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--demo-script", str(tmp_path / "d")],
        check=False,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--demo-script needs --staff" in done.stderr
