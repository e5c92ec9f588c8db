"""The start's background threads and Python's lazily built shared state.

Python 3.11's `sysconfig.get_config_vars()` publishes its dictionary before filling it (made
thread-safe only in 3.13). `zoneinfo` reads the zone database's folders from it once, when it
is first imported: a start thread importing it while the GUI thread was first building that
dictionary got no folders, and every `ZoneInfo("Asia/Shanghai")` of the process then failed
(`ZoneInfoNotFoundError` — seen in the README's self-test and, rarely, in the clerk-start
tests). The tests run a fresh interpreter, the only place where that state is still unbuilt,
and slow the dictionary's building so that the two threads always overlap.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = textwrap.dedent(
    """
    import sys, sysconfig, time
    sys.path[:0] = [{root!r}, {folder!r}]
    slow = sysconfig._init_posix
    def slowly(variables):  # the dictionary stays half-built for a while
        time.sleep(0.3)
        slow(variables)
    sysconfig._init_posix = slowly
    from ui.starting import {start}
    started = {call}
    time.sleep(0.05)  # the start thread is running: the GUI thread goes on
    sysconfig.get_config_vars()  # as many of the GUI thread's imports do
    {wait}
    import zone_probe
    print(zone_probe.ZONE)
    """
)
_ZONE_PROBE = textwrap.dedent(
    """
    import time
    time.sleep(0.1)  # imported while the dictionary is being built
    from zoneinfo import ZoneInfo
    try:
        ZONE = ZoneInfo("Asia/Shanghai").key
    except Exception as error:
        ZONE = type(error).__name__
    """
)


def _run(tmp_path: Path, *, start: str, call: str, wait: str) -> str:
    (tmp_path / "zone_probe.py").write_text(_ZONE_PROBE, encoding="utf-8")
    code = _PROBE.format(root=str(ROOT), folder=str(tmp_path), start=start, call=call, wait=wait)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_preloading_thread_finds_the_hall_s_time_zone(tmp_path: Path) -> None:
    shown = _run(tmp_path, start="preload", call='preload(["zone_probe"])', wait="started.join()")

    assert shown == "Asia/Shanghai"


def test_a_background_step_finds_the_hall_s_time_zone(tmp_path: Path) -> None:
    call = 'in_background(lambda: __import__("zone_probe"), name="probe")'
    shown = _run(tmp_path, start="in_background", call=call, wait="started.result(timeout=30)")

    assert shown == "Asia/Shanghai"
