"""The intake's plain values (no Qt): checklist entries and rows, and what an intake produces.

A `LineEntry` is what the clerk set for one material; `checklist_rows` measures every entry
against the item with `clerk.materials.evaluate`, so the verdict the screen shows is the one the
case will get. `IntakeRequest` carries exactly what `open_case` and `record_materials` take.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from clerk.cases import Applicant
from clerk.catalog.model import MaterialKind, MaterialRequirement, Necessity, ServiceItem
from clerk.materials import Checklist, ChecklistLine, MaterialRecord, Provision, evaluate

HANDED_IN = frozenset(
    {Provision.ORIGINAL, Provision.COPY, Provision.ORIGINAL_AND_COPY, Provision.ELECTRONIC}
)
"""Provisions where the material itself is on the counter (copies, issue date, defects apply)."""

AS_ASKED = {
    MaterialKind.ORIGINAL: Provision.ORIGINAL,
    MaterialKind.COPY: Provision.COPY,
    MaterialKind.ORIGINAL_AND_COPY: Provision.ORIGINAL_AND_COPY,
    MaterialKind.ELECTRONIC: Provision.ELECTRONIC,
}
"""The provision that hands a material in the way the item asks for it."""


@dataclass(frozen=True, slots=True)
class LineEntry:
    """What the clerk set for one material; `defect` non-empty marks it defective."""

    provision: Provision = Provision.MISSING
    copies: int = 0
    defect: str = ""
    issued_on: date | None = None

    def record(self) -> MaterialRecord:
        """The record `record_materials` takes (only handed-in material keeps copies etc.)."""
        if self.provision not in HANDED_IN:
            return MaterialRecord(self.provision)
        return MaterialRecord(
            self.provision,
            copies=self.copies,
            defect=self.defect.strip() or None,
            issued_on=self.issued_on,
        )


def entry_for(
    requirement: MaterialRequirement, provision: Provision, before: LineEntry
) -> LineEntry:
    """The entry after the clerk sets a provision: handed-in material starts with the copies
    asked for; a substitute or a missing line keeps nothing of the material itself."""
    if provision not in HANDED_IN:
        return LineEntry(provision)
    copies = before.copies if before.provision in HANDED_IN else requirement.copies
    return replace(before, provision=provision, copies=copies)


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """One line of the checklist on screen: the requirement, the entry and its verdict."""

    requirement: MaterialRequirement
    necessity: Necessity
    entry: LineEntry
    line: ChecklistLine


def checklist_rows(
    item: ServiceItem,
    situation: str | None,
    entries: Mapping[str, LineEntry],
    *,
    today: date,
) -> tuple[tuple[ChecklistRow, ...], Checklist]:
    """Measure the entries against the item's list in a situation.

    Args:
        item: the item.
        situation: the chosen situation (required when the item has situations).
        entries: the clerk's entries by material code (absent: missing).
        today: the day validity rules are measured from.

    Returns:
        The rows in the item's order, and the checklist with its verdict.

    Raises:
        InvalidInput: no or an unknown situation for an item with situations.
    """
    records = {code: entry.record() for code, entry in entries.items()}
    checklist = evaluate(item, situation, records, today=today)
    pairs = item.requirements_for(situation)
    rows = tuple(
        ChecklistRow(req, need, entries.get(req.code, LineEntry()), line)
        for (req, need), line in zip(pairs, checklist.lines, strict=True)
    )
    return rows, checklist


@dataclass(frozen=True, slots=True)
class IntakeRequest:
    """Everything an intake hands to the use cases: `open_case`, then `record_materials`."""

    item_code: str
    situation: str | None
    applicant: Applicant
    records: tuple[tuple[str, MaterialRecord], ...]

    def record_map(self) -> dict[str, MaterialRecord]:
        """The records by material code, as `record_materials` takes them."""
        return dict(self.records)
