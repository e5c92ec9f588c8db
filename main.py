"""Window Clerk entry point: `python main.py` starts a counter."""

from __future__ import annotations

import sys


def run() -> int:
    """Start the counter application (or back up or restore its store: `--backup PATH`,
    `--restore PATH`, see `ui.store_backup`) and return its exit code.

    The embedded registry is launched first (`ui.prestart`), before the application's heavy
    imports, so that it boots while they run.
    """
    if any(arg.split("=", 1)[0] in ("--backup", "--restore") for arg in sys.argv[1:]):
        from ui.store_backup import main as store_backup  # noqa: PLC0415 - no window

        return store_backup(sys.argv)
    if any(arg.split("=", 1)[0] == "--diagnostics" for arg in sys.argv[1:]):
        from ui.diagnostics_cli import main as diagnostics  # noqa: PLC0415 - no window

        return diagnostics(sys.argv)
    from ui.prestart import prestart  # noqa: PLC0415 - light: before everything else

    prestart(sys.argv)
    from ui.app import main  # noqa: PLC0415 - heavy: imported while the registry boots

    return main(sys.argv)


if __name__ == "__main__":
    sys.exit(run())
