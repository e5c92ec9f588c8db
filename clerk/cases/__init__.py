"""The case (办件) aggregate, its parts and its state machine."""

from clerk.cases.case import Case
from clerk.cases.parts import (
    Applicant,
    ApplicantKind,
    Decision,
    Delivery,
    Extension,
    OwedItem,
    RefusalRequest,
    Remedies,
    Scan,
    StatusChange,
    Suspension,
    Visit,
)
from clerk.cases.status import (
    OPEN,
    RANK,
    TERMINAL,
    TRANSITIONS,
    CaseStatus,
    can_reach,
    check_move,
)

__all__ = [
    "OPEN",
    "RANK",
    "TERMINAL",
    "TRANSITIONS",
    "Applicant",
    "ApplicantKind",
    "Case",
    "CaseStatus",
    "Decision",
    "Delivery",
    "Extension",
    "OwedItem",
    "RefusalRequest",
    "Remedies",
    "Scan",
    "StatusChange",
    "Suspension",
    "Visit",
    "can_reach",
    "check_move",
]
