"""Where the files that ship with Window Clerk are: the source tree, or a PyInstaller bundle.

Everything the program reads at run time from `resources/` (the demo catalogue, the bundled
font, translations, sounds) is found through `resource()`, so the same lookup works from a
checkout, an installed copy and the frozen Windows build, where PyInstaller unpacks the data
files into `sys._MEIPASS` (packaging/window-clerk.spec puts `resources/` there).
"""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[1]


def resources_root() -> Path:
    """The folder holding `resources/`'s files in this run.

    Returns:
        `<bundle>/resources` in a frozen build (`sys._MEIPASS`), else the checkout's
        `resources/` next to the packages.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if getattr(sys, "frozen", False) and bundle else _SOURCE_ROOT
    return base / "resources"


def resource(*parts: str) -> Path:
    """A file or folder under `resources/`, e.g. `resource("fonts", "wqy-microhei.ttc")`."""
    return resources_root().joinpath(*parts)
