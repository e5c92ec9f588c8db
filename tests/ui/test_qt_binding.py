"""The Qt binding itself: a PySide6 that leaks references to None would abort a busy counter."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calls_returning_nothing_do_not_leak_references_to_none() -> None:
    # PySide6 6.12.0 on Python 3.11 drops one reference to None per such call; after some
    # hours of a clerk's work the interpreter aborts with "none_dealloc" (pyproject pins <6.12).
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(5000):
        probe.setObjectName("probe")
    assert abs(sys.getrefcount(None) - before) < 100
