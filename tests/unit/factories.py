"""Builders for the case-domain unit tests: items, actors, applicants, times and cases.

Items are built directly with the catalogue's model classes (no catalogue file), so each test
states exactly which rule of the material list it relies on.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any

from clerk.cases import Applicant, ApplicantKind, Case
from clerk.catalog.model import (
    Agency,
    CorrectionExpiry,
    CorrectionPolicy,
    DeliveryMethod,
    Fee,
    FourClass,
    HandlingClass,
    ItemType,
    MaterialForm,
    MaterialKind,
    MaterialRequirement,
    MaterialSource,
    Necessity,
    OwedExpiry,
    OwedPolicy,
    Result,
    ResultKind,
    ServiceItem,
    ServiceObject,
    Situation,
    SpecialProcedure,
)
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char, uscc_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.staff import Actor, Role
from clerk.workdays import DayUnit, TimeLimit, WorkCalendar

WD = DayUnit.WORKING_DAYS
CD = DayUnit.CALENDAR_DAYS
CALENDAR = WorkCalendar.national()

# -- time -----------------------------------------------------------------------------------


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An aware instant in the hall's time zone (Asia/Shanghai)."""
    return datetime(year, month, day, hour, minute, tzinfo=HALL_TIMEZONE)


def on(day: date, hour: int = 10) -> datetime:
    """The instant at `hour` o'clock of a hall day."""
    return at(day.year, day.month, day.day, hour)


def later(moment: datetime, *, days: int = 0, minutes: int = 0) -> datetime:
    """An instant some calendar days and minutes after another."""
    return moment + timedelta(days=days, minutes=minutes)


# A Friday before the 2025 National Day week: Sunday 28 September is a make-up working day and
# 1-8 October are off, so five working days from here end on Friday 10 October.
FRIDAY_BEFORE_NATIONAL_DAY = at(2025, 9, 26)
MONDAY = at(2025, 3, 3)  # an ordinary week: Mon 3 March 2025, no holiday near

# -- actors ---------------------------------------------------------------------------------

CLERK = Actor("s-clerk", "王窗口", Role.CLERK)
OTHER_CLERK = Actor("s-clerk2", "李窗口", Role.CLERK)
SUPERVISOR = Actor("s-super", "赵首席", Role.SUPERVISOR)
OTHER_SUPERVISOR = Actor("s-super2", "钱首席", Role.SUPERVISOR)
ADMIN = Actor("s-admin", "孙管理", Role.ADMIN)

# -- applicants -----------------------------------------------------------------------------


def resident_id(first17: str = "11010519491231002") -> str:
    """A valid 18-character resident ID number from its first 17 digits."""
    return first17 + resident_id_check_char(first17)


def credit_code(first17: str = "91330106MA2AXXXX0") -> str:
    """A valid unified social credit code from its first 17 characters."""
    return first17 + uscc_check_char(first17)


def person(name: str = "张三", first17: str = "11010519491231002") -> Applicant:
    """A natural person with a valid ID number."""
    return Applicant.checked(
        kind=ApplicantKind.PERSON, name=name, id_number=resident_id(first17), phone="13800138000"
    )


def organisation(name: str = "杭州某某餐饮有限公司") -> Applicant:
    """An organisation with a valid credit code and a contact person."""
    return Applicant.checked(
        kind=ApplicantKind.ORGANISATION,
        name=name,
        id_number=credit_code(),
        contact_name="张三",
    )


# -- items ----------------------------------------------------------------------------------

AGENCY = Agency(
    code="330100-SJ",
    name="杭州市市场监督管理局",
    abbreviation="杭市监",
    review_body="杭州市人民政府",
    court="杭州市西湖区人民法院",
    phone="0571-12345",
)

# Material codes of the licensing item, named for the rule each line exercises.
FORM = "form"  # REQUIRED original, signature required
ID_CARD = "id_card"  # REQUIRED original and 2 copies, e-licence, verify and return
LICENCE_COPY = "licence_copy"  # REQUIRED copy, 1 copy
HEALTH = "health"  # DEFERRABLE original, valid 6 months
SITE = "site"  # REQUIRED copy, 告知承诺 allowed; not applicable when changing
PHOTO = "photo"  # OPTIONAL electronic
CHANGE_PROOF = "change_proof"  # REQUIRED only in the "change" situation
NEW, CHANGE = "new", "change"


def _material(code: str, name: str, kind: MaterialKind, **changes: Any) -> MaterialRequirement:
    base = MaterialRequirement(
        code=code,
        name=name,
        kind=kind,
        form=MaterialForm.PAPER,
        copies=1,
        necessity=Necessity.REQUIRED,
        source=MaterialSource.SELF,
        acceptance_standard="内容完整、清晰",
    )
    return dataclasses.replace(base, **changes)


MATERIALS = (
    _material(FORM, "申请书", MaterialKind.ORIGINAL, signature_or_seal_required=True),
    _material(
        ID_CARD,
        "身份证",
        MaterialKind.ORIGINAL_AND_COPY,
        copies=2,
        source=MaterialSource.GOVERNMENT,
        e_licence_code="EL-ID-001",
        verify_original_and_return=True,
    ),
    _material(LICENCE_COPY, "营业执照", MaterialKind.COPY),
    _material(
        HEALTH,
        "健康证明",
        MaterialKind.ORIGINAL,
        necessity=Necessity.DEFERRABLE,
        source=MaterialSource.INTERMEDIARY,
        validity_months=6,
    ),
    _material(
        SITE,
        "经营场所证明",
        MaterialKind.COPY,
        commitment_allowed=True,
        situation_necessity={CHANGE: Necessity.NOT_APPLICABLE},
    ),
    _material(
        PHOTO,
        "门头照片",
        MaterialKind.ELECTRONIC,
        form=MaterialForm.ELECTRONIC,
        necessity=Necessity.OPTIONAL,
    ),
    _material(
        CHANGE_PROOF,
        "变更证明",
        MaterialKind.ORIGINAL,
        necessity=Necessity.NOT_APPLICABLE,
        situation_necessity={CHANGE: Necessity.REQUIRED},
    ),
)

HEARING, INSPECTION = "hearing", "inspection"


def licensing_item(**changes: Any) -> ServiceItem:
    """A 承诺件 licensing item with two situations, every kind of material line, 容缺 (10 working
    days, then withdrawn), 告知承诺, two special procedures and a 15-working-day correction
    period after which the application is deemed withdrawn. `changes` replace fields."""
    item = ServiceItem(
        basic_code="000105001000",
        implementation_code="11330100000105001000-01",
        version=3,
        name="食品经营许可（新办）",
        item_type=ItemType.LICENSING,
        agency=AGENCY,
        service_objects=(ServiceObject.LEGAL_ENTITY, ServiceObject.PERSON),
        handling_class=HandlingClass.PROMISED,
        four_class=FourClass.TIME_LIMITED,
        statutory_limit=TimeLimit(20, WD),
        promised_limit=TimeLimit(10, WD),
        fee=Fee(charged=False),
        result=Result(ResultKind.LICENCE, "食品经营许可证"),
        delivery_methods=(DeliveryMethod.WINDOW, DeliveryMethod.POST),
        correction_policy=CorrectionPolicy(TimeLimit(15, WD), CorrectionExpiry.DEEMED_WITHDRAWN),
        materials=MATERIALS,
        situations=(Situation(NEW, "新办"), Situation(CHANGE, "变更")),
        special_procedures=(
            SpecialProcedure(HEARING, "听证", TimeLimit(20, WD)),
            SpecialProcedure(INSPECTION, "现场核查", TimeLimit(10, WD)),
        ),
        legal_basis=("《食品经营许可和备案管理办法》",),
        rongque_allowed=True,
        owed_policy=OwedPolicy(TimeLimit(10, WD), OwedExpiry.WITHDRAWN),
        commitment_allowed=True,
        express_allowed=True,
    )
    return dataclasses.replace(item, **changes)


IMMEDIATE_ID = "id_card"


def immediate_item(**changes: Any) -> ServiceItem:
    """A 即办件 without situations: one ID card original, served in one sitting."""
    item = licensing_item(
        basic_code="000201002000",
        implementation_code="11330100000201002000-01",
        version=1,
        name="个体工商户名称自主申报",
        item_type=ItemType.PUBLIC_SERVICE,
        handling_class=HandlingClass.IMMEDIATE,
        four_class=FourClass.ON_THE_SPOT,
        statutory_limit=TimeLimit(0, WD),
        promised_limit=TimeLimit(0, WD),
        materials=(_material(IMMEDIATE_ID, "身份证", MaterialKind.ORIGINAL),),
        situations=(),
        special_procedures=(),
        rongque_allowed=False,
        owed_policy=None,
        commitment_allowed=False,
        delivery_methods=(DeliveryMethod.WINDOW,),
    )
    return dataclasses.replace(item, **changes)


def joint_item(**changes: Any) -> ServiceItem:
    """A 联办件 (joint handling: 45 working days, extendable by 15)."""
    item = licensing_item(
        implementation_code="11330100000105009000-01",
        version=1,
        name="开办餐饮店联办",
        handling_class=HandlingClass.JOINT,
        statutory_limit=TimeLimit(45, WD),
        promised_limit=TimeLimit(30, WD),
    )
    return dataclasses.replace(item, **changes)


def with_correction_expiry(item: ServiceItem, on_expiry: CorrectionExpiry) -> ServiceItem:
    """The item with another consequence of a missed correction deadline."""
    policy = dataclasses.replace(item.correction_policy, on_expiry=on_expiry)
    return dataclasses.replace(item, correction_policy=policy)


def with_owed_expiry(item: ServiceItem, on_expiry: OwedExpiry) -> ServiceItem:
    """The item with another consequence of a missed 容缺 due date."""
    assert item.owed_policy is not None
    policy = dataclasses.replace(item.owed_policy, on_expiry=on_expiry)
    return dataclasses.replace(item, owed_policy=policy)


# -- material records -----------------------------------------------------------------------


def good_record(requirement: MaterialRequirement, *, today: date) -> MaterialRecord:
    """A record that satisfies the requirement exactly (kind, copies, validity)."""
    provision = {
        MaterialKind.ORIGINAL: Provision.ORIGINAL,
        MaterialKind.COPY: Provision.COPY,
        MaterialKind.ORIGINAL_AND_COPY: Provision.ORIGINAL_AND_COPY,
        MaterialKind.ELECTRONIC: Provision.ELECTRONIC,
    }[requirement.kind]
    issued = today - timedelta(days=30) if requirement.validity_months else None
    return MaterialRecord(provision, copies=requirement.copies, issued_on=issued)


def complete_records(
    item: ServiceItem, situation: str | None, *, today: date
) -> dict[str, MaterialRecord]:
    """Records for every required line of the situation (optional lines left out)."""
    return {
        req.code: good_record(req, today=today)
        for req, need in item.requirements_for(situation)
        if need is not Necessity.OPTIONAL
    }


MISSING = MaterialRecord(Provision.MISSING)
OWED = MaterialRecord(Provision.OWED)
COMMITMENT = MaterialRecord(Provision.COMMITMENT)
E_LICENCE = MaterialRecord(Provision.E_LICENCE)

# -- cases ----------------------------------------------------------------------------------


def open_case(
    item: ServiceItem | None = None,
    *,
    situation: str | None = NEW,
    now: datetime = MONDAY,
    applicant: Applicant | None = None,
    case_id: str = "case-1",
) -> Case:
    """A case just opened at counter 5 by the clerk, with the applicant's first visit."""
    item = licensing_item() if item is None else item
    return Case.open(
        case_id=case_id,
        number="杭市监受〔2025〕1号",
        item=item,
        situation=situation if item.situations else None,
        applicant=person() if applicant is None else applicant,
        actor=CLERK,
        counter="5",
        now=now,
    )
