"""The counter's hall queue for the workbench: the registry's, with the counter's own behind it.

`counter_queue_hookup` asks the registry whether the hall has a queue (a counter of a hall
without one shows no panel) and puts the counter's `FallbackQueue` in front of it: while the
registry answers, the panel moves on the hall queue; when it does not, on the counter's own
queue in its local store (walk-in tickets with the counter's numbers), reconciled when the
registry is back. `--demo-queue` puts the in-memory demonstration queue behind the panel.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from clerk.errors import ClerkError
from clerk.store import Store
from sync.client import RegistryClient
from ui.queue.demo import DemoTraffic, demo_queue
from ui.queue.fallback import DEFAULT_PROBE_MS, counter_fallback
from ui.queue.launch import counter_queue
from ui.queue.port import QueueUnavailable
from ui.queue.remote import RegistryQueue
from ui.workbench.parts import QueueHookup

_log = logging.getLogger(__name__)


def counter_queue_hookup(
    client: RegistryClient, *, store: Store, probe_ms: int = DEFAULT_PROBE_MS
) -> QueueHookup | None:
    """The hall queue of the counter enrolled through `client`, with its offline fallback.

    Asks the registry once (blocking: call it before the window shows, or off the GUI thread)
    whether the hall has a queue. A registry unreachable now still gives the queue: the panel
    starts in local mode and goes back when the registry answers.

    Args:
        client: the counter's registry client (its credential is the queue's).
        store: the counter's local store (the counter's own queue lives there).
        probe_ms: how often local mode asks whether the registry answers again.

    Returns:
        The hookup, or None when the hall has no queue or refused this counter.
    """
    queue = hall_queue(client)
    return (
        None
        if queue is None
        else queue_hookup(queue, client=client, store=store, probe_ms=probe_ms)
    )


def hall_queue(client: RegistryClient) -> RegistryQueue | None:
    """The hall queue of the counter enrolled through `client`, asked once (blocking: run it
    off the GUI thread, then `queue_hookup` on it); None when the hall has no queue or refused
    this counter. A registry unreachable now still gives the queue (local mode at first)."""
    queue = counter_queue(client)
    try:
        if not queue.services():
            _log.info("the hall has no queue: the counter shows no queue panel")
            queue.close()
            return None
    except QueueUnavailable as error:
        _log.warning("the queue cannot be reached at start: %s", error)
    except ClerkError as error:
        _log.error("the queue refused this counter: %s", error)
        queue.close()
        return None
    return queue


def queue_hookup(
    queue: RegistryQueue, *, client: RegistryClient, store: Store, probe_ms: int = DEFAULT_PROBE_MS
) -> QueueHookup:
    """The workbench's hookup to `queue` with its offline fallback (on the GUI thread)."""
    fallback = counter_fallback(
        queue, store=store, client=client, counter=store.device.counter, probe_ms=probe_ms
    )
    fallback.close_with(queue.close)
    return QueueHookup(port=fallback, fallback=fallback)


def demo_queue_hookup(counter: str, *, parent: QObject) -> QueueHookup:
    """The in-memory demonstration queue, with applicants arriving and other counters calling
    (this counter calls only when its clerk does); the traffic lives as long as `parent`."""
    memory = demo_queue()
    DemoTraffic(memory, keep_free=(counter,), parent=parent).start()
    return QueueHookup(port=memory)
