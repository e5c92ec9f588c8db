"""From a real case in a real store to paper: each stored document maps to data that prints.

The clerk's use cases run on a SQLite store with the demo catalogue; the documents they store
are mapped (`printing.from_domain`) and built, and the PDF says what the case holds.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from clerk import services
from clerk.cases import Applicant, ApplicantKind, Delivery
from clerk.catalog import DeliveryMethod
from clerk.catalog.model import ServiceItem
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import CaseRecord, DocumentRecord
from clerk.staff import Actor, Role
from clerk.store import Store, uuid7
from printing import DocumentDataError, DocumentKind, build
from printing.documents import AcceptanceReceipt, CorrectionNotice, MaterialsVoucher
from printing.from_domain import PrintContext, commitment_letter, document_data, rongque_notice
from tests.printing import pdftools

FOOD = "1133990000248201X8000120105000"  # 食品经营许可: situations, 容缺, 告知承诺
BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记: 即办件
CLERK = Actor("c001", "王小明", Role.CLERK)
SUPERVISOR = Actor("s001", "赵首席", Role.SUPERVISOR)
BODY = "33010619850312001"
ID_NUMBER = BODY + resident_id_check_char(BODY)
CONTEXT = PrintContext(
    hall="示范市民中心政务服务大厅",
    counter="5 号窗口",
    lookup_base_url="https://zwfw.sfs.gov.cn/progress?case=",
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=HALL_TIMEZONE)


def _open(store: Store, item: str, situation: str | None, when: str) -> str:
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON, name="赵六", id_number=ID_NUMBER, phone="13812345678"
    )
    opened = services.open_case(
        store.unit_of_work(),
        case_id=uuid7(),
        item_code=item,
        situation=situation,
        applicant=applicant,
        actor=CLERK,
        now=at(when),
    )
    return opened.case.case_id


def _stored(store: Store, case_id: str) -> tuple[CaseRecord, ServiceItem, list[DocumentRecord]]:
    with store.unit_of_work(read_only=True) as uow:
        record = uow.cases.get(case_id)
        item = uow.catalogue.item(record.item_code, record.item_version)
        documents = list(uow.documents.for_case(case_id))
    return record, item, documents


def _printed(record: DocumentRecord, case: CaseRecord, item: ServiceItem) -> str:
    kind, data = document_data(record, case=case, item=item, context=CONTEXT)
    assert kind.value == record.kind
    return pdftools.flat(pdftools.text(build(kind, data)))


def _assert_all(read: str, facts: list[str]) -> None:
    missing = [fact for fact in facts if pdftools.flat(fact) not in read]
    assert not missing, f"not printed: {missing}"


def test_intake_documents_print_what_the_case_holds(store: Store) -> None:
    uow = store.unit_of_work
    case_id = _open(store, FOOD, "new", "2026-03-02 09:00")
    partial = {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
        "M03": MaterialRecord(Provision.ORIGINAL_AND_COPY, copies=1),
    }
    services.record_materials(
        uow(), case_id=case_id, records=partial, actor=CLERK, now=at("2026-03-02 09:05")
    )
    services.receive(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:06"))
    services.issue_notice(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:10"))
    case, item, (voucher, notice) = _stored(store, case_id)

    assert isinstance(
        document_data(voucher, case=case, item=item, context=CONTEXT)[1], MaterialsVoucher
    )
    _assert_all(
        _printed(voucher, case, item),
        [
            voucher.number,
            case.number,
            "赵六",
            "3301**********" + ID_NUMBER[-4:],
            "138****5678",
            "食品经营许可",
            "新办",
            "食品经营许可申请书",
            "电子证照调取",
            "法定代表人（负责人）居民身份证",
            "原件和复印件",
            "核验原件后退回",
            "2026年3月2日09:06",
            "王小明",
        ],
    )
    _kind, data = document_data(notice, case=case, item=item, context=CONTEXT)
    assert isinstance(data, CorrectionNotice)
    assert {line.name for line in data.lines} == {
        "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
        "从业人员健康证明",
        "保证食品安全的规章制度目录清单",
    }
    _assert_all(
        _printed(notice, case, item),
        [
            notice.number,
            "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
            "保证食品安全的规章制度目录清单",
            "从业人员健康证明",
            "复印件1份；12个月内出具（未提交）",
            "材料缺失",
            "请于2026年3月9日前（含当日）",
            "逾期未补正的，视为撤回申请。",
            "示范市民中心政务服务大厅5号窗口",
            "12315",
        ],
    )
    assert ID_NUMBER not in _printed(notice, case, item)


def test_an_acceptance_with_rongque_and_commitment_prints_all_three_papers(store: Store) -> None:
    uow = store.unit_of_work
    case_id = _open(store, FOOD, "new", "2026-03-02 09:00")
    records = {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
        "M03": MaterialRecord(Provision.E_LICENCE),
        "M04": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M05": MaterialRecord(Provision.OWED),
        "M06": MaterialRecord(Provision.COMMITMENT),
    }
    services.record_materials(
        uow(), case_id=case_id, records=records, actor=CLERK, now=at("2026-03-02 09:05")
    )
    services.accept(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:10"))
    case, item, (receipt,) = _stored(store, case_id)

    kind, data = document_data(receipt, case=case, item=item, context=CONTEXT)
    assert kind is DocumentKind.ACCEPTANCE_RECEIPT
    assert isinstance(data, AcceptanceReceipt)
    assert data.head.lookup_url == f"https://zwfw.sfs.gov.cn/progress?case={case.number}"
    _assert_all(
        _printed(receipt, case, item),
        [
            "受理日期为2026年3月2日",
            "10个工作日",  # statutory
            "5个工作日",  # promised
            f"预计办结日期{data.due_on.year}年{data.due_on.month}月{data.due_on.day}日",
            "现场核查（不超过10个工作日）",
            "不收费",
            "窗口领取、邮寄送达、电子送达（申请人选择）",
            "保证食品安全的规章制度目录清单",  # owed under 容缺
            "原件1份",
            "以告知承诺方式替代的材料",
            "从业人员健康证明",
        ],
    )
    rongque = rongque_notice(receipt, case=case, item=item, context=CONTEXT)
    read = pdftools.flat(pdftools.text(build(DocumentKind.RONGQUE_NOTICE, rongque)))
    _assert_all(read, [case.number, "保证食品安全的规章制度目录清单", "视为撤回申请"])
    letter = commitment_letter(receipt, case=case, item=item, context=CONTEXT)
    read = pdftools.flat(pdftools.text(build(DocumentKind.COMMITMENT_LETTER, letter)))
    _assert_all(read, [case.number, "从业人员健康证明", "《中华人民共和国食品安全法》第三十五条"])


def test_a_refusal_prints_reasons_and_the_agencys_remedies(store: Store) -> None:
    uow = store.unit_of_work
    case_id = _open(store, BUSINESS, None, "2026-03-02 09:00")
    services.receive(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:01"))
    services.request_refusal(
        uow(),
        case_id=case_id,
        reasons="经营范围属于禁止类项目",
        facts="申请经营烟花爆竹批发",
        legal_basis="《促进个体工商户发展条例》",
        actor=CLERK,
        now=at("2026-03-02 09:02"),
    )
    services.approve_refusal(
        uow(), case_id=case_id, supervisor=SUPERVISOR, now=at("2026-03-02 09:04")
    )
    case, item, (_voucher, refusal) = _stored(store, case_id)
    _assert_all(
        _printed(refusal, case, item),
        [
            "不予受理告知书",
            "经营范围属于禁止类项目",
            "申请经营烟花爆竹批发",
            "《促进个体工商户发展条例》",
            "60日内向示范市人民政府申请行政复议",
            "6个月内向示范市西湖区人民法院提起行政诉讼",
            "审批人：赵首席",
        ],
    )


def test_a_hand_out_prints_the_result_and_the_recipient(store: Store) -> None:
    uow = store.unit_of_work
    case_id = _open(store, BUSINESS, None, "2026-03-02 09:00")
    complete = {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
        "M03": MaterialRecord(Provision.COPY, copies=1),
    }
    services.record_materials(
        uow(), case_id=case_id, records=complete, actor=CLERK, now=at("2026-03-02 09:01")
    )
    services.accept(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:02"))
    services.complete_on_the_spot(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:03"))
    delivery = Delivery(
        DeliveryMethod.WINDOW, at("2026-03-02 09:20"), "赵六", identity_checked=True
    )
    services.record_hand_out(
        uow(), case_id=case_id, delivery=delivery, actor=CLERK, now=at("2026-03-02 09:20")
    )
    case, item, documents = _stored(store, case_id)
    (record,) = [d for d in documents if d.kind == "hand_out_record"]
    _assert_all(
        _printed(record, case, item),
        [
            "营业执照（个体工商户）",
            "窗口领取",
            "2026年3月2日09:20",
            "赵六",
            "已核验",
            "138****5678",
        ],
    )


def test_a_reprint_from_the_store_is_marked_as_a_copy(store: Store) -> None:
    case_id = _open(store, BUSINESS, None, "2026-03-02 09:00")
    services.receive(store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:01"))
    case, item, (voucher,) = _stored(store, case_id)
    again = PrintContext(hall=CONTEXT.hall, reprint=True)
    kind, data = document_data(voucher, case=case, item=item, context=again)
    assert "副本 / COPY" in pdftools.text(build(kind, data))


def test_a_kind_without_a_layout_is_refused(store: Store) -> None:
    case_id = _open(store, BUSINESS, None, "2026-03-02 09:00")
    services.receive(store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:01"))
    case, item, (voucher,) = _stored(store, case_id)
    odd = DocumentRecord(voucher.number, "mystery", voucher.case_id, voucher.created_at, {})
    with pytest.raises(DocumentDataError, match="mystery"):
        document_data(odd, case=case, item=item, context=CONTEXT)
    with pytest.raises(DocumentDataError, match="acceptance receipt"):
        rongque_notice(voucher, case=case, item=item, context=CONTEXT)
