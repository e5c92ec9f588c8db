"""Use cases the UI calls: each is one unit of work and returns plain frozen dataclasses."""

from clerk.services.decisions import (
    approve_refusal,
    complete_on_the_spot,
    decline_refusal,
    record_hand_out,
    request_refusal,
    void_case,
    withdraw,
)
from clerk.services.intake import (
    accept,
    corrections_received,
    issue_notice,
    open_case,
    receive,
    record_materials,
    record_return_visit,
)
from clerk.services.printing import job_failed, job_printed, queued_jobs, reprint
from clerk.services.queries import (
    case_documents,
    get_case,
    install_catalogue,
    list_items,
    search_cases,
    verify_audit,
)
from clerk.services.ratings import FollowUpView, follow_up, follow_up_list, rate
from clerk.services.scans import attach_scan
from clerk.services.views import ActionResult, CaseSummary, CaseView, ItemSummary

__all__ = [
    "ActionResult",
    "CaseSummary",
    "CaseView",
    "FollowUpView",
    "ItemSummary",
    "accept",
    "approve_refusal",
    "attach_scan",
    "case_documents",
    "complete_on_the_spot",
    "corrections_received",
    "decline_refusal",
    "follow_up",
    "follow_up_list",
    "get_case",
    "install_catalogue",
    "issue_notice",
    "job_failed",
    "job_printed",
    "list_items",
    "open_case",
    "queued_jobs",
    "rate",
    "receive",
    "record_hand_out",
    "record_materials",
    "record_return_visit",
    "reprint",
    "request_refusal",
    "search_cases",
    "verify_audit",
    "void_case",
    "withdraw",
]
