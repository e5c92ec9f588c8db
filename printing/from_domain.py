"""From what the domain stores to what a builder prints: DocumentRecord + case + item → data.

The stored document's payload holds the facts printed the first time (number, applicant, masked
ID, item, clerk, dates); the case (as stored) and the item version it was received under add
what the payload leaves out (materials, limits, fee). The hall's own details (its name, the
counter, the e-seal, the progress link) come from a `PrintContext`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from clerk.audit import JsonValue
from clerk.cases import Case
from clerk.catalog.model import ServiceItem
from clerk.codec import from_json
from clerk.errors import InvalidInput
from clerk.ports import CaseRecord, DocumentRecord
from printing import facts
from printing.builder import DocumentData, DocumentKind
from printing.data import Applicant, CaseFacts, Head, Issuer, SealImage
from printing.documents import (
    AcceptanceReceipt,
    CommitmentLetter,
    CorrectionNotice,
    HandOutRecord,
    MaterialsVoucher,
    RefusalNotice,
    RongqueNotice,
)
from printing.errors import DocumentDataError
from printing.text import local_date

_PROGRESS = "扫描二维码，或凭办件编号到任一窗口、拨打咨询电话查询办理进度"
_VERIFY = "本机关将在作出决定前或者作出决定后依法核查承诺内容"
_FALSE = "承诺不实的，依法撤销相关决定并记入信用记录，申请人依法承担相应法律责任"


@dataclass(frozen=True, slots=True)
class PrintContext:
    """The hall's details a document shows, besides what the domain stores.

    Attributes:
        hall: the service hall's name.
        counter: this counter's label, e.g. "5 号窗口".
        lookup_base_url: the progress look-up page; the case number is appended (or put in
            place of "{case}"). None prints no QR code.
        seal: the agency's e-seal image, if it has one.
        hand_in: how and where corrections are handed in (one-time notice).
        progress: how to follow a case besides the QR code.
        reprint: the document is printed again (marked as a copy).
    """

    hall: str
    counter: str = ""
    lookup_base_url: str | None = None
    seal: SealImage | None = None
    hand_in: str = ""
    progress: str = _PROGRESS
    reprint: bool = False


def progress_link(base_url: str, case_number: str) -> str:
    """The progress look-up link of a case: `base_url` + the case number (URL-quoted)."""
    number = quote(case_number, safe="")
    return base_url.replace("{case}", number) if "{case}" in base_url else base_url + number


def document_data(
    record: DocumentRecord, *, case: CaseRecord, item: ServiceItem, context: PrintContext
) -> tuple[DocumentKind, DocumentData]:
    """The kind and data to print (or reprint) a stored document.

    Args:
        record: the stored document (its kind, number, time and payload).
        case: the stored case it belongs to.
        item: the item version the case was received under.
        context: the hall's details.

    Returns:
        The document kind and its data, ready for `printing.build`.

    Raises:
        DocumentDataError: an unknown kind, or a payload that lacks what the kind prints.
    """
    try:
        kind = DocumentKind(record.kind)
    except ValueError as error:
        raise DocumentDataError(f"no layout for stored document kind {record.kind!r}") from error
    mapper = _MAPPERS.get(kind)
    if mapper is None:
        raise DocumentDataError(f"{kind.value} is not printed from a stored document")
    return kind, mapper(_Source(record, _aggregate(case), item, context))


@dataclass(frozen=True, slots=True)
class _Source:
    record: DocumentRecord
    case: Case
    item: ServiceItem
    context: PrintContext

    @property
    def payload(self) -> Mapping[str, JsonValue]:
        return self.record.payload

    def head(self, number: str | None = None) -> Head:
        issuer = Issuer(
            agency=facts.text(self.payload, "agency") or self.item.agency.name,
            hall=self.context.hall,
            counter=self.context.counter,
            phone=self.item.agency.phone,
            address=self.item.agency.address,
            seal=self.context.seal,
        )
        base = self.context.lookup_base_url
        return Head(
            number=number or self.record.number,
            issuer=issuer,
            issued_at=self.record.created_at,
            clerk=facts.text(self.payload, "clerk_name"),
            reprint=self.context.reprint,
            lookup_url=progress_link(base, self.case.number) if base else None,
        )

    def case_facts(self) -> CaseFacts:
        situation = self.case.situation
        return CaseFacts(
            number=facts.text(self.payload, "case_number") or self.case.number,
            item=facts.text(self.payload, "item_name") or self.item.name,
            applicant=Applicant(
                name=facts.text(self.payload, "applicant_name") or self.case.applicant.name,
                id_number=self.case.applicant.id_number,
                phone=self.case.applicant.phone,
                address=self.case.applicant.address,
                contact_name=self.case.applicant.contact_name,
            ),
            situation=self.item.situation(situation).name if situation else "",
            item_code=self.item.code,
        )


def _voucher(source: _Source) -> MaterialsVoucher:
    return MaterialsVoucher(
        head=source.head(),
        case=source.case_facts(),
        materials=facts.handed_in(source.case, source.item),
        received_at=source.record.created_at,
        notice_due=source.case.notice_due,
    )


def _notice(source: _Source) -> CorrectionNotice:
    notice = facts.notice(source.payload)
    context = source.context
    where = context.hand_in or f"携带上述材料到{context.hall}{context.counter}提交。"
    return CorrectionNotice(
        head=source.head(),
        case=source.case_facts(),
        received_on=source.case.received_on or notice.issued_on,
        lines=facts.correction_lines(notice),
        correction_due=notice.correction_due,
        on_expiry=facts.EXPIRY[notice.on_expiry],
        hand_in=where,
        due_provisional=notice.correction_due_provisional,
    )


def _receipt(source: _Source) -> AcceptanceReceipt:
    payload, item = source.payload, source.item
    accepted_on = facts.day(payload, "accepted_on")
    return AcceptanceReceipt(
        head=source.head(),
        case=source.case_facts(),
        materials=facts.handed_in(source.case, item),
        received_on=source.case.received_on or accepted_on,
        accepted_on=accepted_on,
        statutory_limit=facts.period(item.statutory_limit),
        promised_limit=facts.period(item.promised_limit),
        due_on=facts.day(payload, "due_on"),
        fee=facts.fee(item.fee),
        progress=source.context.progress,
        delivery=facts.delivery_methods(item.delivery_methods),
        excluded=facts.special_procedures(item),
        owed=facts.owed_lines(payload, item),
        commitments=facts.commitment_names(payload, item),
        due_provisional=payload.get("due_provisional") is True,
        deemed_accepted=source.case.deemed_accepted,
    )


def _refusal(source: _Source) -> RefusalNotice:
    request, remedies = facts.refusal(source.payload)
    return RefusalNotice(
        head=source.head(),
        case=source.case_facts(),
        received_on=source.case.received_on or local_date(request.requested_at),
        reasons=request.reasons,
        facts=request.facts,
        legal_basis=request.legal_basis,
        remedies=remedies,
        competent_agency=request.competent_agency,
        approved_by=facts.text(source.payload, "clerk_name"),
    )


def _hand_out(source: _Source) -> HandOutRecord:
    delivery = facts.delivery(source.payload)
    applicant = source.case.applicant
    collected_by_applicant = delivery.recipient_name == applicant.name
    return HandOutRecord(
        head=source.head(),
        case=source.case_facts(),
        result=source.item.result.name,
        method=facts.DELIVERY[delivery.method],
        delivered_at=delivery.delivered_at,
        recipient_name=delivery.recipient_name,
        recipient_id_number=applicant.id_number if collected_by_applicant else "",
        identity_checked=delivery.identity_checked,
        recipient_phone=applicant.phone if collected_by_applicant else "",
        tracking_number=delivery.tracking_number,
    )


_MAPPERS: dict[DocumentKind, Callable[[_Source], DocumentData]] = {
    DocumentKind.MATERIALS_VOUCHER: _voucher,
    DocumentKind.CORRECTION_NOTICE: _notice,
    DocumentKind.ACCEPTANCE_RECEIPT: _receipt,
    DocumentKind.REFUSAL_NOTICE: _refusal,
    DocumentKind.HAND_OUT_RECORD: _hand_out,
}


def rongque_notice(
    receipt: DocumentRecord, *, case: CaseRecord, item: ServiceItem, context: PrintContext
) -> RongqueNotice:
    """The 容缺 notice and commitment of a case accepted with owed material.

    It carries the case number (DOMAIN.md §5 allows it), as it goes with the acceptance.

    Args:
        receipt: the stored acceptance receipt (its payload lists the owed material).
        case: the stored case.
        item: the item version of the case.
        context: the hall's details.

    Raises:
        DocumentDataError: nothing is owed, or `receipt` is not an acceptance receipt.
    """
    source = _acceptance_source(receipt, case=case, item=item, context=context)
    policy = item.owed_policy
    return RongqueNotice(
        head=source.head(number=source.case.number),
        case=source.case_facts(),
        accepted_on=facts.day(receipt.payload, "accepted_on"),
        owed=facts.owed_lines(receipt.payload, item),
        on_expiry=facts.OWED_EXPIRY[policy.on_expiry] if policy else "终止办理",
    )


def commitment_letter(
    receipt: DocumentRecord, *, case: CaseRecord, item: ServiceItem, context: PrintContext
) -> CommitmentLetter:
    """The 告知承诺 letter for the materials a case replaced by a commitment (case number).

    Raises:
        DocumentDataError: nothing was replaced, or `receipt` is not an acceptance receipt.
    """
    source = _acceptance_source(receipt, case=case, item=item, context=context)
    return CommitmentLetter(
        head=source.head(number=source.case.number),
        case=source.case_facts(),
        items=facts.commitment_lines(receipt.payload, item),
        legal_basis="；".join(item.legal_basis) or "见办事指南",
        verification=_VERIFY,
        consequences=_FALSE,
    )


def _acceptance_source(
    receipt: DocumentRecord, *, case: CaseRecord, item: ServiceItem, context: PrintContext
) -> _Source:
    if receipt.kind != DocumentKind.ACCEPTANCE_RECEIPT:
        raise DocumentDataError(f"expected an acceptance receipt, not {receipt.kind!r}")
    return _Source(receipt, _aggregate(case), item, context)


def _aggregate(case: CaseRecord) -> Case:
    try:
        return from_json(Case, case.data)
    except InvalidInput as error:
        raise DocumentDataError(f"case {case.number} cannot be read: {error}") from error
