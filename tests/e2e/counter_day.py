"""Support of the counter-day test: no mouse, the sync loop, and what the registry holds.

`NoMouse` is an application-wide event filter that keeps every mouse press (or release,
double click) that reaches a widget; the day is driven by keys only, so it must keep none.
`SyncRunner` runs the counter's real sync loop against the registry process and shows its
health in the window's status bar, as the application does. `registry_cases` and
`registry_documents` read the registry's database directly (what an auditor would see).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QObject
from sqlalchemy import select

from registry.schema import CASES, DOCUMENTS
from sync.engine import SyncEngine
from sync.loop import SyncLoop
from tests.integration.sync.harness import Counter, RegistryProcess
from ui.sync_status import HealthBridge
from ui.workbench.window import WorkbenchWindow

MOUSE = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    }
)


class NoMouse(QObject):
    """Keeps every mouse button event the application delivers (none may come)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Note a mouse button event and who it reached; never stop it."""
        if event.type() in MOUSE:
            self.seen.append(f"{event.type().name} → {watched.objectName() or type(watched)}")
        return False


@contextmanager
def sync_running(window: WorkbenchWindow, counter: Counter) -> Iterator[SyncLoop]:
    """The counter's sync loop (0.5 s rounds), its health in the window's status bar."""
    bridge = HealthBridge(window)
    bridge.changed.connect(window.show_health)
    engine = SyncEngine(counter.store, counter.client, scans=counter.scans)
    loop = SyncLoop(engine, interval=0.5, debounce=0.0, on_health=bridge.publish)
    window.committed.connect(loop.poke)
    loop.start()
    try:
        yield loop
    finally:
        loop.stop()


def registry_cases(registry: RegistryProcess, hall: str) -> dict[str, tuple[str, Any]]:
    """case_id → (status, data) of the hall's cases at the registry."""
    with registry.db() as connection:
        rows = connection.execute(select(CASES).where(CASES.c.hall == hall)).all()
    return {row.case_id: (row.status, json.loads(row.data)) for row in rows}


def registry_documents(registry: RegistryProcess, case_ids: set[str]) -> list[str]:
    """The numbers of the registry's documents of these cases (sorted, repeats kept)."""
    with registry.db() as connection:
        rows = connection.execute(select(DOCUMENTS.c.number, DOCUMENTS.c.case_id)).all()
    return sorted(row.number for row in rows if row.case_id in case_ids)
