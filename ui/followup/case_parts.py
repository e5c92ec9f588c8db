"""The case page's pieces in words: header lines, the materials summary, the table columns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from clerk.cases import CaseStatus
from clerk.materials import LineState
from clerk.services.deadlines import DeadlineGroup
from clerk.services.followup import CaseFile, DocumentLine, TimelineEntry
from ui.followup.texts import actor_text, document_text, left_text, step_text
from ui.rows import Column

OVERDUE_RED = QColor("#b00020")
DUE_SOON_AMBER = QColor("#9a5b00")
ELSEWHERE_GREY = QColor("#5f6b7a")


def applicant_text(file: CaseFile) -> str:
    """Name, then the masked ID number and phone."""
    case = file.case
    parts = [case.applicant_name, case.applicant_id_masked]
    if case.applicant_phone_masked:
        parts.append(case.applicant_phone_masked)
    return " · ".join(parts)


def item_text(file: CaseFile) -> str:
    """The service item and its code."""
    return f"{file.case.item_name} · {file.case.item_code}"


def deadline_text(file: CaseFile) -> str:
    """The running deadline and the working days left, or why no deadline runs."""
    row, case = file.deadline, file.case
    if row is not None:
        text = QCoreApplication.translate("Followup", "Due {date} · {left}").format(
            date=row.due_on.isoformat(), left=left_text(row)
        )
        if row.provisional:
            text = QCoreApplication.translate(
                "Followup", "{deadline} (provisional: holidays not known yet)"
            ).format(deadline=text)
        return text
    if case.status is CaseStatus.RECEIVED and case.notice_due is not None:
        return QCoreApplication.translate(
            "Followup", "Accept or give the one-time notice by {date}"
        ).format(date=case.notice_due.isoformat())
    if case.status is CaseStatus.CORRECTION_REQUESTED:
        return QCoreApplication.translate("Followup", "Waiting for corrections from the applicant")
    return QCoreApplication.translate("Followup", "No time limit is running")


def deadline_colour(file: CaseFile) -> QColor | None:
    """Red when overdue, amber when due soon."""
    group = file.deadline.group if file.deadline is not None else None
    if group is DeadlineGroup.OVERDUE:
        return OVERDUE_RED
    return DUE_SOON_AMBER if group is DeadlineGroup.DUE_SOON else None


def materials_text(file: CaseFile) -> str:
    """How many materials are in order, and every line that is not."""
    lines = file.case.lines
    fine = (LineState.OK, LineState.E_LICENCE, LineState.NOT_NEEDED, LineState.COMMITTED)
    ok = sum(line.state in fine for line in lines)
    parts = [
        QCoreApplication.translate("Followup", "Materials: {ok} of {total} in order").format(
            ok=ok, total=len(lines)
        )
    ]
    for line in lines:
        if line.state in (LineState.MISSING, LineState.DEFECTIVE):
            parts.append(
                QCoreApplication.translate("Followup", "To correct: {name} {reason}").format(
                    name=line.name, reason=line.reason or ""
                )
            )
        elif line.state is LineState.COMMITTED:
            parts.append(
                QCoreApplication.translate("Followup", "By commitment: {name}").format(
                    name=line.name
                )
            )
    for owed in file.case.owed:
        if not owed.fulfilled:
            parts.append(
                QCoreApplication.translate("Followup", "Owed (deferred) by {date}: {name}").format(
                    date=owed.due_on.isoformat(), name=owed.name
                )
            )
    if file.case.notices:
        parts.append(
            QCoreApplication.translate("Followup", "One-time notices: {numbers}").format(
                numbers="、".join(file.case.notices)
            )
        )
    return "\n".join(part.strip() for part in parts)


def timeline_columns() -> tuple[Column[TimelineEntry], ...]:
    """Time, who, step, documents, note; steps recorded elsewhere in grey, broken seals red."""
    return (
        Column(
            lambda: QCoreApplication.translate("Followup", "Time"),
            lambda e: e.at.strftime("%Y-%m-%d %H:%M"),
            lambda e: e.at.isoformat(),
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "By"),
            lambda e: actor_text(e.actor_id, e.actor_name),
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Step"),
            _step,
            foreground=_entry_colour,
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Documents"),
            lambda e: "、".join(e.documents),
        ),
        Column(lambda: QCoreApplication.translate("Followup", "Note"), lambda e: e.note),
    )


def _step(entry: TimelineEntry) -> str:
    text = step_text(entry)
    if not entry.sealed:
        return QCoreApplication.translate("Followup", "{step} — trail entry altered!").format(
            step=text
        )
    if not entry.here:
        return QCoreApplication.translate("Followup", "{step} (recorded at the registry)").format(
            step=text
        )
    return text


def _entry_colour(entry: TimelineEntry) -> QColor | None:
    if not entry.sealed:
        return OVERDUE_RED
    return None if entry.here else ELSEWHERE_GREY


def document_columns() -> tuple[Column[DocumentLine], ...]:
    """Number, kind, when issued."""
    return (
        Column(lambda: QCoreApplication.translate("Followup", "Document number"), _number),
        Column(
            lambda: QCoreApplication.translate("Followup", "Document"),
            lambda d: document_text(d.kind),
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Issued"),
            lambda d: d.issued_at.strftime("%Y-%m-%d %H:%M"),
            lambda d: d.issued_at.isoformat(),
        ),
    )


def _number(line: DocumentLine) -> str:
    return line.number
