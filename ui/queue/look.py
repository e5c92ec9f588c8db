"""The look of the hall's public screens (display board and kiosk): font, colours, sizes.

Public screens are read from metres away by people of every age: one bundled CJK font (so a
machine without Chinese fonts shows the same), high contrast, large type scaled to the screen.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFontDatabase

from printing.fonts import FONT_FILE

_log = logging.getLogger(__name__)

FALLBACK_FAMILY = "Noto Sans CJK SC"

NAVY = "#0b1e3f"  # the board's background
PANEL = "#13305e"  # cards on the background
HEADER = "#0a4a8f"  # the title bar (政务蓝)
CALL_RED = "#c8102e"  # the called number's card
GOLD = "#ffd23f"  # numbers
WHITE = "#ffffff"
MUTED = "#b8c7e0"  # secondary text on navy
ALARM = "#d00000"  # the disconnected banner


@cache
def hall_font_family() -> str:
    """Register the bundled CJK font with Qt (once) and return its family name."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        _log.warning("cannot load %s; public screens use %s", FONT_FILE, FALLBACK_FAMILY)
        return FALLBACK_FAMILY
    return families[0]


def scaled(size: float, scale: float) -> int:
    """A pixel size designed for a 1080-pixel-high screen, scaled to the screen at hand."""
    return max(8, round(size * scale))
