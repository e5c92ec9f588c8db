"""Whether the Chinese on screen is drawn with real glyphs, not tofu boxes (the glyph probe).

Run as a script, `python -m tests.ui.workbench.glyphs REPORT -- ARGS…` starts the counter as
`python main.py ARGS…` does, unchanged, except that every `QWidget.grab()` — how the
demonstration saves its screenshots — first lays out the text of every visible widget in the
grabbed window with the font that widget paints with: a CJK character counts as drawn when
the font Qt resolved for the widget has it and laying it out gives real glyphs, none of them
glyph 0 (`.notdef`, the empty box). The test runs with no system font at all, so the only
font that can have a Chinese character is the bundled WenQuanYi; without it Qt resolves no
font and draws every character as a box. REPORT gets `{"grabs": n, "checked": n, "tofu": […]}`
as JSON at exit.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QPoint, QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPixmap, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[3]
WHOLE = QRect(QPoint(0, 0), QSize(-1, -1))  # `QWidget.grab`'s default: the whole widget
MAX_ROWS = 60  # rows of a table or list looked at (more than any screenshot shows)


def is_cjk(char: str) -> bool:
    """Whether `char` is a CJK ideograph or CJK punctuation/full-width form."""
    code = ord(char)
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF


@dataclass
class GlyphReport:
    """What was checked and where Chinese would show as boxes."""

    grabs: int = 0
    checked: int = 0
    tofu: list[str] = field(default_factory=list)

    def check(self, text: str, font: QFont, where: str) -> None:
        """Note each CJK character of `text` that `font` does not draw as a real glyph."""
        for char in text:
            if is_cjk(char):
                self.checked += 1
                if not drawn(char, font):
                    self.tofu.append(f"{where}: {char!r} in {text[:40]!r} ({font.family()})")

    def check_tree(self, top: QWidget) -> None:
        """Check the text of `top` and every visible widget in it."""
        self.grabs += 1
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                for text, font in texts(widget):
                    self.check(text, font, f"{type(top).__name__}/{type(widget).__name__}")


@functools.cache
def _drawn(char: str, font_key: str) -> bool:
    font = QFont()
    font.fromString(font_key)
    if not QFontMetrics(font).inFontUcs4(ord(char)):
        return False  # the font Qt resolved for the widget lacks it (no font at all: a box)
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    glyphs = [index for run in layout.glyphRuns() for index in run.glyphIndexes()]
    return bool(glyphs) and 0 not in glyphs


def drawn(char: str, font: QFont) -> bool:
    """Whether Qt draws `char` in `font` with a real glyph of the font it resolved for it,
    rather than glyph 0 (`.notdef`, the box), the box of "no font found", or nothing."""
    return _drawn(char, font.toString())


def texts(widget: QWidget) -> list[tuple[str, QFont]]:
    """The texts `widget` paints, each with the font it paints it in."""
    font = widget.font()
    return [(text, font) for text in _strings(widget) if text]


def _strings(widget: QWidget) -> list[str]:
    plain: list[str] = []
    if isinstance(widget, QLabel | QAbstractButton):
        plain = [widget.text()]
    elif isinstance(widget, QLineEdit):
        plain = [widget.text() or widget.placeholderText()]
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        plain = [widget.toPlainText()]
    elif isinstance(widget, QComboBox):
        plain = [widget.currentText()]
    elif isinstance(widget, QGroupBox):
        plain = [widget.title()]
    elif isinstance(widget, QTabBar):
        plain = [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        plain = header_texts(widget)
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        plain = model_texts(widget.model())
    return plain


def model_texts(model: QAbstractItemModel) -> list[str]:
    """The first rows' cells of a table or list model (`hasIndex`: list models hide their
    column count)."""
    found = []
    for row in range(MAX_ROWS):
        if not model.hasIndex(row, 0):
            break
        column = 0
        while model.hasIndex(row, column):
            value = model.data(model.index(row, column))
            found.append(str(value) if value is not None else "")
            column += 1
    return found


def header_texts(header: QHeaderView) -> list[str]:
    """The sections of a table's header."""
    model, orientation = header.model(), header.orientation()
    return [str(model.headerData(i, orientation) or "") for i in range(header.count())]


def probe(report_path: Path, args: list[str]) -> int:
    """Run the counter with every grab checked; write the report; the counter's exit code."""
    report = GlyphReport()
    grab = QWidget.grab

    def checked_grab(self: QWidget, rectangle: QRect = WHOLE) -> QPixmap:
        report.check_tree(self)
        return grab(self, rectangle)

    # Swapped on the class, on purpose: the screenshots are taken by the unchanged app code.
    QWidget.grab = checked_grab  # type: ignore[method-assign]
    sys.path.insert(0, str(ROOT))
    sys.argv = [str(ROOT / "main.py"), *args]
    import main as entry  # noqa: PLC0415 - the entry point, after the swap

    try:
        return entry.run()
    finally:
        report_path.write_text(json.dumps(report.__dict__), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(probe(Path(sys.argv[1]), sys.argv[sys.argv.index("--") + 1 :]))
