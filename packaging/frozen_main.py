"""The frozen counter's entry point: the counter, or its embedded registry child.

In the PyInstaller build `sys.executable` is `window-clerk.exe`, not a Python interpreter, so
when the counter starts its embedded registry (`sys.executable -m registry embedded …`, see
sync/embedded.py) the executable itself is started with `-m registry …`: this entry hands
those arguments to the registry's command line instead of starting another counter.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _streams() -> None:
    """A windowed build has no console: give logging somewhere harmless to write."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (process-long)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (process-long)


def run(argv: list[str]) -> int:
    """Start what `argv` asks for; returns the exit code.

    Args:
        argv: the full command line (program first), as in `sys.argv`.

    Returns:
        The registry's exit code for `-m registry …`, else the counter's (main.py's `run`,
        which reads `sys.argv` itself).
    """
    if argv[1:3] == ["-m", "registry"]:
        from registry.cli import main as registry_main  # noqa: PLC0415  (only this branch)

        return registry_main(argv[3:])
    from main import run as counter  # noqa: PLC0415  (only this branch; reads sys.argv)

    return counter()


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _streams()
    sys.exit(run(sys.argv))
