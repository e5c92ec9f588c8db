"""The counter's queue actions, their default function keys, and when each is allowed.

Plain Python (no Qt), so settings, the panel and tests share one list. The rules mirror the
queue's (`clerk.queue.transitions`): the panel disables what the queue would refuse, so a
clerk sees why before pressing, and the queue still refuses on its own.
"""

from __future__ import annotations

from enum import StrEnum

from clerk.queue import UNRESOLVED_STATES, TicketState
from ui.queue.port import CounterView


class QueueAction(StrEnum):
    """Every move the panel offers, in the order of its buttons and default keys F1…F10."""

    CALL_NEXT = "call_next"  # 叫号
    RECALL = "recall"  # 重呼
    START = "start"  # 开始办理
    MISSED = "missed"  # 过号
    PARK = "park"  # 暂存
    CALL_FROM_PARK = "call_from_park"  # 暂存回呼
    TRANSFER = "transfer"  # 转移
    CALL_NUMBER = "call_number"  # 指定叫号
    PAUSE = "pause"  # 暂停 / 恢复
    FINISH = "finish"  # 办结


DEFAULT_KEYS: dict[QueueAction, str] = {
    action: f"F{position}" for position, action in enumerate(QueueAction, start=1)
}
"""F1…F10 in the order of `QueueAction` (F11 and F12 stay free)."""


class CallBlock(StrEnum):
    """Why the counter cannot call now."""

    PAUSED = "paused"
    UNRESOLVED = "unresolved"  # the loop rule: the current ticket is called or being served


def call_block(view: CounterView) -> CallBlock | None:
    """Why calling (next, by number, from park) is refused now, or None when it is allowed."""
    if view.paused:
        return CallBlock.PAUSED
    if view.current is not None and view.current.state in UNRESOLVED_STATES:
        return CallBlock.UNRESOLVED
    return None


def allowed(action: QueueAction, view: CounterView) -> bool:
    """Whether the counter in `view` may take `action` now."""
    state = view.current.state if view.current is not None else None
    if action in (QueueAction.CALL_NEXT, QueueAction.CALL_NUMBER):
        return call_block(view) is None
    if action is QueueAction.CALL_FROM_PARK:
        return call_block(view) is None and bool(view.parked)
    if action in (QueueAction.RECALL, QueueAction.START, QueueAction.MISSED):
        return state is TicketState.CALLED
    if action in (QueueAction.PARK, QueueAction.FINISH):
        return state is TicketState.SERVING
    if action is QueueAction.TRANSFER:
        return state in UNRESOLVED_STATES
    return True  # pause and resume are always possible
