"""Translated words for the intake: provisions, line states, problems, verdicts, requirements.

The domain uses stable English codes; these functions turn them into the current language
(through Qt's translation, context "Intake"). The one-time notice prints the domain's own
Chinese reasons, so a line's reason is shown as the notice will print it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk.catalog.model import MaterialKind, MaterialRequirement, Necessity
from clerk.materials import ChecklistLine, LineState, Problem, Provision, Verdict


def provision_label(provision: Provision) -> str:
    """How the material was provided, e.g. "Original" (原件)."""
    labels = {
        Provision.ORIGINAL: QCoreApplication.translate("Intake", "Original"),
        Provision.COPY: QCoreApplication.translate("Intake", "Copy"),
        Provision.ORIGINAL_AND_COPY: QCoreApplication.translate("Intake", "Original and copy"),
        Provision.ELECTRONIC: QCoreApplication.translate("Intake", "Electronic file"),
        Provision.E_LICENCE: QCoreApplication.translate("Intake", "E-licence"),
        Provision.OWED: QCoreApplication.translate("Intake", "Owed (deferred)"),
        Provision.COMMITMENT: QCoreApplication.translate("Intake", "Commitment instead"),
        Provision.MISSING: QCoreApplication.translate("Intake", "Not provided"),
    }
    return labels[provision]


def kind_label(kind: MaterialKind) -> str:
    """The form a material is asked in, e.g. "Original and copy"."""
    labels = {
        MaterialKind.ORIGINAL: QCoreApplication.translate("Intake", "Original"),
        MaterialKind.COPY: QCoreApplication.translate("Intake", "Copy"),
        MaterialKind.ORIGINAL_AND_COPY: QCoreApplication.translate("Intake", "Original and copy"),
        MaterialKind.ELECTRONIC: QCoreApplication.translate("Intake", "Electronic material"),
    }
    return labels[kind]


def necessity_label(necessity: Necessity) -> str:
    """Whether the line is needed in the chosen situation."""
    labels = {
        Necessity.REQUIRED: QCoreApplication.translate("Intake", "Required"),
        Necessity.OPTIONAL: QCoreApplication.translate("Intake", "Optional"),
        Necessity.DEFERRABLE: QCoreApplication.translate("Intake", "Required, may be owed"),
        Necessity.NOT_APPLICABLE: QCoreApplication.translate("Intake", "Not needed here"),
    }
    return labels[necessity]


def state_label(state: LineState) -> str:
    """The verdict on one line."""
    labels = {
        LineState.OK: QCoreApplication.translate("Intake", "In order"),
        LineState.E_LICENCE: QCoreApplication.translate("Intake", "Fetched as e-licence"),
        LineState.OWED: QCoreApplication.translate("Intake", "Owed under deferral"),
        LineState.COMMITTED: QCoreApplication.translate("Intake", "Replaced by commitment"),
        LineState.NOT_NEEDED: QCoreApplication.translate("Intake", "Not needed"),
        LineState.MISSING: QCoreApplication.translate("Intake", "Missing"),
        LineState.DEFECTIVE: QCoreApplication.translate("Intake", "Defective"),
    }
    return labels[state]


def problem_label(problem: Problem) -> str:
    """Why a line goes on the correction notice (Art. 32 terms)."""
    labels = {
        Problem.MISSING: QCoreApplication.translate("Intake", "Material missing"),
        Problem.NOT_LEGAL_FORM: QCoreApplication.translate("Intake", "Not in legal form"),
        Problem.CONTENT: QCoreApplication.translate("Intake", "Content to correct"),
    }
    return labels[problem]


def line_text(line: ChecklistLine) -> str:
    """A line's verdict in words: its state, and for a deficient line the problem and reason."""
    if line.problem is None:
        return state_label(line.state)
    text = QCoreApplication.translate("Intake", "{state}: {problem}").format(
        state=state_label(line.state), problem=problem_label(line.problem)
    )
    return f"{text} — {line.reason}" if line.reason else text


def verdict_text(verdict: Verdict, *, deficient: int, owed: int) -> str:
    """What the whole checklist allows, with how many lines are deficient or owed."""
    if verdict is Verdict.NEEDS_CORRECTION:
        return QCoreApplication.translate(
            "Intake", "Needs correction: {count} material line(s) on the one-time notice"
        ).format(count=deficient)
    if verdict is Verdict.ACCEPTABLE_WITH_RONGQUE:
        return QCoreApplication.translate(
            "Intake", "Acceptable with {count} material line(s) owed"
        ).format(count=owed)
    return QCoreApplication.translate("Intake", "Complete: the case can be accepted")


def requirement_label(requirement: MaterialRequirement) -> str:
    """The exact requirement, e.g. "Copy × 2; issued within 6 months"."""
    parts = [
        QCoreApplication.translate("Intake", "{kind} × {copies}").format(
            kind=kind_label(requirement.kind), copies=requirement.copies
        )
    ]
    if requirement.validity_months:
        parts.append(
            QCoreApplication.translate("Intake", "issued within {months} months").format(
                months=requirement.validity_months
            )
        )
    if requirement.verify_original_and_return:
        parts.append(QCoreApplication.translate("Intake", "original checked and returned"))
    if requirement.signature_or_seal_required:
        parts.append(QCoreApplication.translate("Intake", "signature or seal required"))
    if requirement.e_licence_code:
        parts.append(QCoreApplication.translate("Intake", "e-licence available"))
    if requirement.commitment_allowed:
        parts.append(QCoreApplication.translate("Intake", "commitment may replace it"))
    return QCoreApplication.translate("Intake", "; ").join(parts)
