"""Window Clerk entry point: `python main.py` starts a counter."""

from __future__ import annotations

import sys


def run() -> int:
    """Start the counter application and return its exit code."""
    from ui.app import main

    return main(sys.argv)


if __name__ == "__main__":
    sys.exit(run())
