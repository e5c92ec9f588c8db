"""Consistency rules a catalogue must satisfy beyond field types (DOMAIN.md §3, §4).

Each check reads a fully built item and records a problem at the path of the field that breaks
the rule, so an editor can jump straight to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from clerk.catalog.model import (
    FourClass,
    HandlingClass,
    MaterialRequirement,
    Necessity,
    ServiceItem,
)
from clerk.catalog.problems import ProblemSink


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_SAME_DAY_CLASSES = frozenset({FourClass.ON_THE_SPOT, FourClass.SAME_DAY})
_APPLIES = frozenset({Necessity.REQUIRED, Necessity.DEFERRABLE})


def check_unique(codes: Iterable[tuple[str, str]], *, what: str, sink: ProblemSink) -> None:
    """Record every code that repeats an earlier one.

    Args:
        codes: (path, code) pairs in file order.
        what: how the code is called in the message, e.g. "material code".
        sink: where problems go.
    """
    first: dict[str, str] = {}
    for path, code in codes:
        if code in first:
            sink.add(path, f"duplicate {what} {code!r} (first at {first[code]})")
        else:
            first[code] = path


def check_item(item: ServiceItem, path: str, sink: ProblemSink) -> None:
    """Record every consistency problem of one item.

    Args:
        item: the item as read from the file.
        path: the item's path, e.g. "items[3]".
        sink: where problems go.
    """
    _check_codes(item, path, sink)
    _check_flags(item, path, sink)
    _check_time(item, path, sink)
    _check_fee(item, path, sink)
    for index, material in enumerate(item.materials):
        _check_material(item, material, f"{path}.materials[{index}]", sink)
    _check_situations_covered(item, path, sink)


def _check_codes(item: ServiceItem, path: str, sink: ProblemSink) -> None:
    lists: dict[str, tuple[str, Sequence[_Coded]]] = {
        "materials": ("material code", item.materials),
        "situations": ("situation code", item.situations),
        "special_procedures": ("special procedure code", item.special_procedures),
    }
    for field, (what, entries) in lists.items():
        codes = ((f"{path}.{field}[{i}].code", entry.code) for i, entry in enumerate(entries))
        check_unique(codes, what=what, sink=sink)


def _check_flags(item: ServiceItem, path: str, sink: ProblemSink) -> None:
    # 容缺 promises a due date on the receipt; without a policy there is none to print.
    if item.rongque_allowed and item.owed_policy is None:
        sink.add(f"{path}.owed_policy", "required when rongque_allowed is true")
    if not item.rongque_allowed and item.owed_policy is not None:
        sink.add(f"{path}.owed_policy", "given but rongque_allowed is false")
    if item.handling_class is HandlingClass.IMMEDIATE and item.four_class not in _SAME_DAY_CLASSES:
        sink.add(
            f"{path}.four_class",
            f"an immediate (即办件) item must be on_the_spot or same_day, got {item.four_class}",
        )


def _check_time(item: ServiceItem, path: str, sink: ProblemSink) -> None:
    promised, statutory = item.promised_limit, item.statutory_limit
    # Working and calendar days cannot be compared without a calendar; only like with like.
    if promised.unit == statutory.unit and promised.value > statutory.value:
        sink.add(
            f"{path}.promised_limit.value",
            f"{promised.value} {promised.unit} exceeds the statutory limit of "
            f"{statutory.value} {statutory.unit}",
        )


def _check_fee(item: ServiceItem, path: str, sink: ProblemSink) -> None:
    if item.fee.charged and not item.fee.items:
        sink.add(f"{path}.fee.items", "a charged item must list what is charged")
    if not item.fee.charged and item.fee.items:
        sink.add(f"{path}.fee.charged", "is false but fee items are listed")


def _check_material(
    item: ServiceItem, material: MaterialRequirement, path: str, sink: ProblemSink
) -> None:
    if material.commitment_allowed and not item.commitment_allowed:
        sink.add(f"{path}.commitment_allowed", "needs the item's commitment_allowed (告知承诺)")
    if material.necessity is Necessity.DEFERRABLE and not item.rongque_allowed:
        sink.add(f"{path}.necessity", "deferrable (容缺可后补) needs the item's rongque_allowed")
    situations = {s.code for s in item.situations}
    for code, necessity in material.situation_necessity.items():
        where = f"{path}.situation_necessity.{code}"
        if code not in situations:
            known = ", ".join(s.code for s in item.situations) or "none"
            sink.add(where, f"no situation {code!r} in this item (situations: {known})")
        elif necessity is Necessity.DEFERRABLE and not item.rongque_allowed:
            sink.add(where, "deferrable (容缺可后补) needs the item's rongque_allowed")


def _check_situations_covered(item: ServiceItem, path: str, sink: ProblemSink) -> None:
    """Every situation must ask for something, or the checklist in it would be empty."""
    for index, situation in enumerate(item.situations):
        needed = (m.necessity_in(situation.code) for m in item.materials)
        if not any(n in _APPLIES for n in needed):
            sink.add(
                f"{path}.situations[{index}]",
                f"no material is required or deferrable in situation {situation.code!r}",
            )
