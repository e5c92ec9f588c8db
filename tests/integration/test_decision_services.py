"""The use cases the decision dialogs added: drafts, substitutes, signatures, hand-over checks."""

from __future__ import annotations

import pytest

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.catalog import DeliveryMethod
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.identity import resident_id_check_char, uscc_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.services import handover, paperwork
from clerk.services.handover import Collector, Parcel, check_phone
from clerk.staff import Actor
from clerk.store import Store, uuid7
from tests.integration.conftest import at
from tests.integration.test_services import BUSINESS, COMPLETE_BUSINESS, counts, person_id

BIRTH = "113399000024820477000220102000"  # handed out at the window only


def opened(store: Store, clerk: Actor, applicant: Applicant, *, item: str = BUSINESS) -> str:
    return services.open_case(
        store.unit_of_work(),
        case_id=uuid7(),
        item_code=item,
        situation="in_wedlock" if item == BIRTH else None,
        applicant=applicant,
        actor=clerk,
        now=at("2026-03-02 09:00"),
    ).case.case_id


def person(body17: str = "33010619850312001", name: str = "张三") -> Applicant:
    return Applicant.checked(
        kind=ApplicantKind.PERSON, name=name, id_number=body17 + resident_id_check_char(body17)
    )


def completed(store: Store, clerk: Actor, applicant: Applicant) -> str:
    case_id = opened(store, clerk, applicant)
    uow, now = store.unit_of_work, at("2026-03-02 09:05")
    services.record_materials(
        uow(), case_id=case_id, records=COMPLETE_BUSINESS, actor=clerk, now=now
    )
    services.accept(uow(), case_id=case_id, actor=clerk, now=now)
    services.complete_on_the_spot(uow(), case_id=case_id, actor=clerk, now=now)
    return case_id


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("138 1234 5678", "13812345678"),
        ("0571-8765 4321", "057187654321"),
        ("010-12345678", "01012345678"),
    ],
)
def test_a_phone_number_a_courier_can_dial(text: str, digits: str) -> None:
    assert check_phone(text) == digits


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("1381234567", "11 digits"),
        ("12812345678", "13 to 19"),
        ("5678-1234", "area code"),
        ("138abc", "only digits"),
    ],
)
def test_a_phone_number_that_cannot_be_dialled_names_the_problem(text: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        check_phone(text)


def test_a_draft_notice_writes_nothing_and_marks_what_the_rule_forbids(
    store: Store, clerk_actor: Actor
) -> None:
    case_id = opened(store, clerk_actor, person())
    uow = store.unit_of_work
    services.record_materials(
        uow(),
        case_id=case_id,
        records={"M01": COMPLETE_BUSINESS["M01"]},
        actor=clerk_actor,
        now=at("2026-03-02 09:01"),
    )
    services.receive(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:02"))
    before = counts(store)
    draft = paperwork.draft_notice(uow(read_only=True), case_id=case_id, now=at("2026-03-02 09:03"))
    assert counts(store) == before
    assert [(line.code, line.unlisted) for line in draft.lines] == [("M02", False), ("M03", False)]
    assert not draft.needs_override
    issued = services.issue_notice(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:04")
    )
    assert [line.code for line in draft.lines] == [
        ln.code for ln in issued.case.lines if ln.state.value == "missing"
    ]
    with pytest.raises(RuleViolation, match="cannot move"):
        paperwork.draft_notice(uow(read_only=True), case_id=case_id, now=at("2026-03-02 09:05"))


def test_a_signature_is_recorded_only_for_a_document_of_the_case(
    store: Store, clerk_actor: Actor
) -> None:
    first = completed(store, clerk_actor, person())
    other = opened(store, clerk_actor, person("33010619850312002", "李四"))
    receipt = services.case_documents(store.unit_of_work(read_only=True), case_id=first)[0].number
    with pytest.raises(InvalidInput, match="not a document of case"):
        paperwork.sign_document(
            store.unit_of_work(),
            case_id=other,
            document=receipt,
            paper="acceptance_receipt",
            actor=clerk_actor,
            now=at("2026-03-02 09:20"),
        )
    with pytest.raises(NotFound):
        paperwork.sign_document(
            store.unit_of_work(),
            case_id=first,
            document="nope",
            paper="x",
            actor=clerk_actor,
            now=at("2026-03-02 09:20"),
        )


def test_an_organisation_s_result_is_collected_by_an_agent_with_the_letter(
    store: Store, clerk_actor: Actor
) -> None:
    body = "91330106MA2B3C4D5"
    company = Applicant.checked(
        kind=ApplicantKind.ORGANISATION,
        name="示范餐饮有限公司",
        id_number=body + uscc_check_char(body),
    )
    case_id = completed(store, clerk_actor, company)
    staff = Collector(name="王五", id_number=person_id(), agent=True)
    with pytest.raises(RuleViolation, match="authorisation letter"):
        handover.hand_out(
            store.unit_of_work(),
            case_id=case_id,
            collector=staff,
            actor=clerk_actor,
            now=at("2026-03-02 10:00"),
        )
    with pytest.raises(InvalidInput, match="not the applicant's"):
        handover.hand_out(
            store.unit_of_work(),
            case_id=case_id,
            collector=Collector("", person_id()),
            actor=clerk_actor,
            now=at("2026-03-02 10:00"),
        )
    with pytest.raises(InvalidInput, match="collector ID number"):
        handover.hand_out(
            store.unit_of_work(),
            case_id=case_id,
            collector=Collector("王五", "330106", agent=True, authorisation_letter=True),
            actor=clerk_actor,
            now=at("2026-03-02 10:00"),
        )
    letter = Collector(name="王五", id_number=person_id(), agent=True, authorisation_letter=True)
    handed = handover.hand_out(
        store.unit_of_work(),
        case_id=case_id,
        collector=letter,
        actor=clerk_actor,
        now=at("2026-03-02 10:00"),
    )
    assert handed.case.status.value == "delivered"


def test_a_result_is_posted_only_where_the_item_allows_it(store: Store, clerk_actor: Actor) -> None:
    case_id = opened(store, clerk_actor, person(), item=BIRTH)
    assert handover.delivery_methods(store.unit_of_work(read_only=True), case_id=case_id) == (
        DeliveryMethod.WINDOW,
    )
    parcel = Parcel("张三", "13812345678", "示范市西湖区文三路 90 号", "SF1")
    with pytest.raises(RuleViolation, match="not sent by post"):
        handover.post_result(
            store.unit_of_work(),
            case_id=case_id,
            parcel=parcel,
            actor=clerk_actor,
            now=at("2026-03-02 10:00"),
        )


def test_substitutes_follow_the_item_and_the_recorded_provision(
    store: Store, clerk_actor: Actor
) -> None:
    case_id = opened(store, clerk_actor, person())
    services.record_materials(
        store.unit_of_work(),
        case_id=case_id,
        records={"M03": MaterialRecord(Provision.COMMITMENT)},
        actor=clerk_actor,
        now=at("2026-03-02 09:01"),
    )
    options = paperwork.paperwork(
        store.unit_of_work(read_only=True), case_id=case_id, now=at("2026-03-02 09:02")
    )
    assert options.owable == ()  # the item allows no 容缺
    assert options.owed_due is None
    assert [(line.code, line.chosen) for line in options.committable] == [("M03", True)]
