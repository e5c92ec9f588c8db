"""`python main.py --demo-script DIR` plays the scripted day offscreen: screenshots and PDFs.

Run with fontconfig limited to a folder without CJK fonts, so the Chinese on paper and on
screen can come only from the bundled WenQuanYi. The run goes through the glyph probe
(`tests.ui.workbench.glyphs`): every screenshot's visible text is laid out as Qt draws it, and
each Chinese character must come out as a real glyph of a font that has it, not a box.
"""

from __future__ import annotations

import json
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


def without_cjk_fonts(folder: Path) -> dict[str, str]:
    """The environment of an offscreen run that can find no system font at all."""
    environment = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(no_cjk_fonts(folder))
    )
    environment[PASSWORD_VARIABLE] = "clerk-demo-1"  # the embedded demo hall's clerk
    return environment


@pytest.mark.slow
def test_the_demo_script_writes_screenshots_and_the_printed_pdfs(tmp_path: Path) -> None:
    out, report = tmp_path / "demo", tmp_path / "glyphs.json"
    probe = [sys.executable, "-m", "tests.ui.workbench.glyphs", str(report), "--"]
    done = subprocess.run(
        [*probe, "--demo-script", str(out), "--staff", "C001"],
        check=False,
        cwd=ROOT,
        env=without_cjk_fonts(tmp_path),
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    shots = sorted(p.name for p in out.glob("*.png"))
    assert shots[0] == "01-complete-intake.png"
    assert "05-notice-notice.png" in shots
    assert "19-return-one-time-rule.png" in shots
    assert "24-complaint-rating.png" in shots
    assert all((out / name).stat().st_size > 10_000 for name in shots)
    papers = {p.name: pdftools.flat(pdftools.text(p.read_bytes())) for p in out.glob("*.pdf")}
    notices = [text for text in papers.values() if "申请材料补正一次性告知书" in text]
    assert len(notices) == 1
    assert "经营场所使用证明" in notices[0]  # the material the applicant did not bring
    assert sum("不予受理" in text for text in papers.values()) == 1
    assert sum(name.endswith("-rongque_notice.pdf") for name in papers) == 1
    assert sum(name.endswith("-commitment_letter.pdf") for name in papers) == 1
    assert sum("受理通知书" in text or "受理回执" in text for text in papers.values()) >= 6
    glyphs = json.loads(report.read_text(encoding="utf-8"))
    assert glyphs["grabs"] >= len(shots)  # every screenshot's text was looked at
    assert glyphs["checked"] >= 500  # Chinese characters on the screenshots, each checked
    assert glyphs["tofu"] == []


SAME_LABEL = """
import json, sys
from PySide6.QtWidgets import QApplication, QLabel
from tests.ui.workbench.glyphs import GlyphReport
from ui.app import use_bundled_font
app = QApplication([])
if sys.argv[1] == "bundled":
    use_bundled_font(app)
report = GlyphReport()
label = QLabel("窗口办件 — 受理通知书")
label.show()
report.check_tree(label)
print(json.dumps(report.__dict__))
"""


@pytest.mark.parametrize("font", ["bundled", "default"])
def test_the_glyph_check_sees_boxes_without_the_bundled_font(tmp_path: Path, font: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SAME_LABEL, font],
        check=True,
        cwd=ROOT,
        env=without_cjk_fonts(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    report = json.loads(done.stdout)
    assert report["checked"] == 9
    assert (report["tofu"] == []) == (font == "bundled"), report["tofu"]


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
