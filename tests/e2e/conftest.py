"""The workbench fixtures of tests/ui/workbench (a real registry process, a hall, the bench)."""

from tests.ui.workbench.conftest import (  # noqa: F401 - fixtures pytest finds by name
    bench,
    collect_on_the_gui_thread,
    hall,
    registry,
)
