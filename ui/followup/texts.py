"""The follow-up screens' words for the domain's codes: statuses, steps, documents, rejections.

Every text is a literal English source string in the "Followup" context (Chinese in
scripts/zh/followup.py); an unknown code is shown as it is rather than hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk.cases import CaseStatus
from clerk.services.deadlines import DeadlineGroup, DeadlineRow
from clerk.services.followup import QueryKind, TimelineEntry


class Followup:
    """The translation context of the follow-up screens' shared words.

    `Followup.tr("...")` is found by lupdate in the "Followup" context and translated in it.
    """

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        """Translate `text` in the "Followup" context."""
        return QCoreApplication.translate("Followup", text, disambiguation or None, n)


def status_text(status: CaseStatus) -> str:
    """A case status in words."""
    words = {
        CaseStatus.RECEIVING: QCoreApplication.translate("Followup", "Being received"),
        CaseStatus.RECEIVED: QCoreApplication.translate("Followup", "Received"),
        CaseStatus.CORRECTION_REQUESTED: QCoreApplication.translate(
            "Followup", "Waiting for corrections"
        ),
        CaseStatus.NO_LICENCE_NEEDED: QCoreApplication.translate("Followup", "No licence needed"),
        CaseStatus.NOT_ACCEPTED: QCoreApplication.translate("Followup", "Not accepted"),
        CaseStatus.ACCEPTED: QCoreApplication.translate("Followup", "Accepted, time running"),
        CaseStatus.IN_REVIEW: QCoreApplication.translate("Followup", "In review"),
        CaseStatus.SUSPENDED: QCoreApplication.translate("Followup", "Suspended (clock paused)"),
        CaseStatus.DECIDED_APPROVED: QCoreApplication.translate("Followup", "Approved"),
        CaseStatus.DECIDED_REFUSED: QCoreApplication.translate("Followup", "Refused"),
        CaseStatus.COMPLETED: QCoreApplication.translate("Followup", "Completed"),
        CaseStatus.DELIVERED: QCoreApplication.translate("Followup", "Result delivered"),
        CaseStatus.WITHDRAWN: QCoreApplication.translate("Followup", "Withdrawn"),
        CaseStatus.TERMINATED: QCoreApplication.translate("Followup", "Terminated"),
        CaseStatus.RETURNED: QCoreApplication.translate("Followup", "Returned"),
        CaseStatus.VOID: QCoreApplication.translate("Followup", "Void (entry error)"),
    }
    return words.get(status, status.value)


def action_text(action: str) -> str:
    """A step of the audit trail in words."""
    words = {
        "case.opened": QCoreApplication.translate("Followup", "Case opened"),
        "case.materials_recorded": QCoreApplication.translate("Followup", "Materials recorded"),
        "case.received": QCoreApplication.translate("Followup", "Materials received"),
        "case.visit": QCoreApplication.translate("Followup", "Applicant came back"),
        "case.corrections_received": QCoreApplication.translate("Followup", "Corrections received"),
        "case.notice_issued": QCoreApplication.translate(
            "Followup", "One-time correction notice issued"
        ),
        "case.accepted": QCoreApplication.translate("Followup", "Accepted"),
        "case.refusal_requested": QCoreApplication.translate("Followup", "Refusal requested"),
        "case.refusal_approved": QCoreApplication.translate(
            "Followup", "Refusal approved by a supervisor"
        ),
        "case.refusal_declined": QCoreApplication.translate(
            "Followup", "Refusal declined by a supervisor"
        ),
        "case.completed": QCoreApplication.translate("Followup", "Completed on the spot"),
        "case.delivered": QCoreApplication.translate("Followup", "Result handed out"),
        "case.voided": QCoreApplication.translate("Followup", "Voided"),
        "case.withdrawn": QCoreApplication.translate("Followup", "Withdrawn by the applicant"),
        "case.document_reprinted": QCoreApplication.translate("Followup", "Document reprinted"),
        "case.scan_attached": QCoreApplication.translate("Followup", "Scan attached"),
        "case.status_changed": QCoreApplication.translate("Followup", "Status changed elsewhere"),
    }
    return words.get(action, action)


def step_text(entry: TimelineEntry) -> str:
    """A timeline row's step, with the status it moved the case to and what it reprinted."""
    text = action_text(entry.action)
    if entry.reprinted is not None:
        text = QCoreApplication.translate(
            "Followup", "Document {number} reprinted (copy {copy})"
        ).format(number=entry.reprinted, copy=entry.copy if entry.copy is not None else "?")
    status = status_text(entry.status) if entry.status is not None else text
    if status != text:  # "Accepted → Accepted" says it once
        text = QCoreApplication.translate("Followup", "{step} → {status}").format(
            step=text, status=status
        )
    return text


def actor_text(actor_id: str, name: str) -> str:
    """Who acted: name and staff number, or the system for what time decided."""
    if actor_id == "system":
        return QCoreApplication.translate("Followup", "System (time limit)")
    return (
        QCoreApplication.translate("Followup", "{name} ({staff})").format(name=name, staff=actor_id)
        if name
        else actor_id
    )


def document_text(kind: str) -> str:
    """A document kind in words."""
    words = {
        "materials_voucher": QCoreApplication.translate("Followup", "Materials receipt voucher"),
        "correction_notice": QCoreApplication.translate("Followup", "Correction notice"),
        "acceptance_receipt": QCoreApplication.translate("Followup", "Acceptance receipt"),
        "refusal_notice": QCoreApplication.translate("Followup", "Refusal notice"),
        "hand_out_record": QCoreApplication.translate("Followup", "Result hand-out record"),
        "rongque_notice": QCoreApplication.translate("Followup", "Deferred-material notice"),
        "commitment_letter": QCoreApplication.translate("Followup", "Commitment letter"),
    }
    return words.get(kind, kind)


def group_text(group: DeadlineGroup) -> str:
    """A deadlines-board group in words."""
    words = {
        DeadlineGroup.OVERDUE: QCoreApplication.translate("Followup", "Overdue"),
        DeadlineGroup.DUE_SOON: QCoreApplication.translate("Followup", "Due soon"),
        DeadlineGroup.SUSPENDED: QCoreApplication.translate("Followup", "Suspended"),
        DeadlineGroup.ON_TRACK: QCoreApplication.translate("Followup", "On track"),
    }
    return words[group]


def left_text(row: DeadlineRow) -> str:
    """The working days left, or how late the case is, in words."""
    days = row.working_days_left
    if row.group is DeadlineGroup.OVERDUE:
        if days == 0:
            return QCoreApplication.translate("Followup", "Overdue since {date}").format(
                date=row.due_on.isoformat()
            )
        return QCoreApplication.translate("Followup", "Overdue by %n working day(s)", "", -days)
    if row.group is DeadlineGroup.SUSPENDED:
        return QCoreApplication.translate("Followup", "Paused · %n working day(s) left", "", days)
    if days == 0:
        return QCoreApplication.translate("Followup", "Due today")
    return QCoreApplication.translate("Followup", "%n working day(s) left", "", days)


def kind_text(kind: QueryKind) -> str:
    """What a search text was taken for."""
    words = {
        QueryKind.EMPTY: QCoreApplication.translate(
            "Followup", "Type a case or document number, an ID number, a phone or a name"
        ),
        QueryKind.NUMBER: QCoreApplication.translate(
            "Followup", "Searching by case or document number"
        ),
        QueryKind.ID_NUMBER: QCoreApplication.translate(
            "Followup", "Searching by ID number or credit code"
        ),
        QueryKind.PHONE: QCoreApplication.translate("Followup", "Searching by phone number"),
        QueryKind.NAME: QCoreApplication.translate("Followup", "Searching by name"),
        QueryKind.UNKNOWN: QCoreApplication.translate(
            "Followup", "Not a whole number, ID number or phone; type more"
        ),
    }
    return words[kind]
