"""Window Clerk entry point: `python main.py` starts a counter."""

from __future__ import annotations

import sys

from ui.app import main


def run() -> int:
    """Start the counter application and return its exit code."""
    return main(sys.argv)


if __name__ == "__main__":
    sys.exit(run())
