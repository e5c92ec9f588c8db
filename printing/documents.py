"""The data of each document kind of DOMAIN.md §5, one frozen dataclass per kind.

A builder takes exactly one of these and returns PDF bytes (`printing.build`). Texts that the
law or the item decides (what happens when a deadline passes, how the result is delivered) come
in as printable words; the builders add the fixed wording of each form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from printing.data import CaseFacts, Head, MaterialLine, OwedLine, Period
from printing.errors import DocumentDataError


@dataclass(frozen=True, slots=True)
class MaterialsVoucher:
    """收件凭证: the materials were taken in; acceptance or a notice follows within 5 days.

    Attributes:
        notice_due: the last day the agency may send a one-time correction notice (Art. 32).
    """

    head: Head
    case: CaseFacts
    materials: tuple[MaterialLine, ...]
    received_at: datetime
    notice_due: date | None = None


@dataclass(frozen=True, slots=True)
class CorrectionLine:
    """One thing to correct: the material, the problem, the exact requirement, the reason."""

    name: str
    problem: str  # 材料缺失 / 不符合法定形式 / 内容需补正
    requirement: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CorrectionNotice:
    """一次性告知书: everything to correct, at once, with the deadline and its consequence.

    Attributes:
        received_on: the day the materials were received (the 5-working-day limit runs from it).
        correction_due: the last day to hand the corrections in.
        on_expiry: what happens when it passes, e.g. "视为撤回申请".
        hand_in: how and where to hand the corrections in.
        due_provisional: the due date lies beyond the known holiday calendar.
    """

    head: Head
    case: CaseFacts
    received_on: date
    lines: tuple[CorrectionLine, ...]
    correction_due: date
    on_expiry: str
    hand_in: str
    due_provisional: bool = False

    def __post_init__(self) -> None:
        if not self.lines:
            raise DocumentDataError("a correction notice lists at least one material")


@dataclass(frozen=True, slots=True)
class AcceptanceReceipt:
    """受理回执 (受理通知书): the case is accepted, with its deadlines and what is still owed.

    Attributes:
        excluded: special procedures whose time is not counted (Art. 45), each as printed,
            e.g. "现场核查（不超过 10 个工作日）".
        fee: the fee as printed, e.g. "不收费" or "工本费 10.00 元".
        progress: how to follow the progress (besides the QR code).
        delivery: how the result reaches the applicant, e.g. "窗口领取".
        owed: material owed under 容缺, with due dates.
        commitments: materials replaced by a 告知承诺 commitment.
        deemed_accepted: accepted by operation of law (the notice limit passed).
    """

    head: Head
    case: CaseFacts
    materials: tuple[MaterialLine, ...]
    received_on: date
    accepted_on: date
    statutory_limit: Period
    promised_limit: Period
    due_on: date
    fee: str
    progress: str
    delivery: str
    excluded: tuple[str, ...] = ()
    owed: tuple[OwedLine, ...] = ()
    commitments: tuple[str, ...] = ()
    due_provisional: bool = False
    deemed_accepted: bool = False


@dataclass(frozen=True, slots=True)
class RongqueNotice:
    """容缺受理告知书及承诺书: accepted with secondary material owed, and the applicant's promise.

    Attributes:
        on_expiry: what happens when owed material misses its date, e.g. "终止办理".
    """

    head: Head
    case: CaseFacts
    accepted_on: date
    owed: tuple[OwedLine, ...]
    on_expiry: str

    def __post_init__(self) -> None:
        if not self.owed:
            raise DocumentDataError("a 容缺 notice lists at least one owed material")


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    """One certificate a signed commitment replaces (证明事项) and what the applicant commits."""

    name: str
    content: str


@dataclass(frozen=True, slots=True)
class CommitmentLetter:
    """告知承诺书: the agency tells the conditions; the applicant commits in place of certificates.

    Attributes:
        legal_basis: the rules that set the certification duty (设定依据).
        verification: how and when the agency checks the commitment afterwards.
        consequences: what a false commitment leads to.
    """

    head: Head
    case: CaseFacts
    items: tuple[CommitmentLine, ...]
    legal_basis: str
    verification: str
    consequences: str

    def __post_init__(self) -> None:
        if not self.items:
            raise DocumentDataError("a commitment letter replaces at least one certificate")


@dataclass(frozen=True, slots=True)
class Remedies:
    """Where and within how long a refusal may be challenged."""

    review_body: str
    review_days: int
    court: str
    lawsuit_months: int


@dataclass(frozen=True, slots=True)
class RefusalNotice:
    """不予受理告知书: reasons, facts, legal basis and the remedies (review and lawsuit).

    Attributes:
        competent_agency: the agency that does have the power (Art. 32 (2)), if any.
        approved_by: the supervisor who approved the refusal.
    """

    head: Head
    case: CaseFacts
    received_on: date
    reasons: str
    facts: str
    legal_basis: str
    remedies: Remedies
    competent_agency: str = ""
    approved_by: str = ""


@dataclass(frozen=True, slots=True)
class HandOutRecord:
    """出件登记: the result was handed out at the window or sent.

    Attributes:
        result: the result's name, e.g. "食品经营许可证".
        method: how, e.g. "窗口领取", "邮寄", "电子送达".
        recipient: who took it (name, ID, phone; printed masked).
        identity_checked: the recipient's identity was checked.
        result_number: the certificate's number, if any.
        tracking_number: the parcel's tracking number when posted.
    """

    head: Head
    case: CaseFacts
    result: str
    method: str
    delivered_at: datetime
    recipient_name: str
    recipient_id_number: str
    identity_checked: bool
    recipient_phone: str = ""
    result_number: str = ""
    tracking_number: str = ""


@dataclass(frozen=True, slots=True)
class QueueTicket:
    """The 80 mm walk-in queue ticket.

    Attributes:
        number: the ticket number, e.g. "A012" (Code 128 on paper).
        service: the service queue's name.
        hall: the hall's name.
        waiting_ahead: how many wait before this ticket.
        counter: the counter that issued it (walk-in tickets), if any.
        lookup_url: a link to follow the queue (QR code); None prints none.
        notice: a line of advice, e.g. "过号请到服务台重新取号".
    """

    number: str
    service: str
    hall: str
    issued_at: datetime
    waiting_ahead: int
    counter: str = ""
    lookup_url: str | None = None
    notice: str = ""
    reprint: bool = False

    def __post_init__(self) -> None:
        if self.issued_at.tzinfo is None:
            raise DocumentDataError("issued_at must be timezone-aware")
