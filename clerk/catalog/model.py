"""Service items (事项) and their material requirements, as the catalogue distributes them.

Codes are opaque strings (formats differ by province). Enumerations use stable English codes in
the catalogue file; the UI translates them for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from clerk.errors import NotFound
from clerk.workdays import TimeLimit


class ItemType(StrEnum):
    """The legal kind of an item (事项类型)."""

    LICENSING = "licensing"  # 行政许可
    BENEFIT = "benefit"  # 行政给付
    CONFIRMATION = "confirmation"  # 行政确认
    LEVY = "levy"  # 行政征收
    REWARD = "reward"  # 行政奖励
    ADJUDICATION = "adjudication"  # 行政裁决
    OTHER_POWER = "other_power"  # 其他行政权力
    PUBLIC_SERVICE = "public_service"  # 公共服务


class ServiceObject(StrEnum):
    """Who may apply (服务对象)."""

    PERSON = "person"  # 自然人
    LEGAL_ENTITY = "legal_entity"  # 法人
    OTHER_ORGANISATION = "other_organisation"  # 其他组织


class HandlingClass(StrEnum):
    """How the item is handled (办件类型)."""

    IMMEDIATE = "immediate"  # 即办件
    PROMISED = "promised"  # 承诺件
    REPORTED = "reported"  # 上报件
    JOINT = "joint"  # 联办件


class FourClass(StrEnum):
    """The 四办 class every item carries."""

    ON_THE_SPOT = "on_the_spot"  # 即收即办
    SAME_DAY = "same_day"  # 当日办结
    TIME_LIMITED = "time_limited"  # 限时办结
    AGENT = "agent"  # 代办服务


class ResultKind(StrEnum):
    """What the applicant receives at the end (办理结果类型)."""

    LICENCE = "licence"  # 证照
    APPROVAL = "approval"  # 批文
    OTHER = "other"  # 其他


class DeliveryMethod(StrEnum):
    """How a result reaches the applicant (送达方式)."""

    WINDOW = "window"  # 窗口领取
    POST = "post"  # 邮寄
    ELECTRONIC = "electronic"  # 电子送达


class CorrectionExpiry(StrEnum):
    """What happens when the correction (补正) deadline passes without the corrections."""

    DEEMED_WITHDRAWN = "deemed_withdrawn"  # 视为撤回
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    RETURNED = "returned"  # 退件


class OwedExpiry(StrEnum):
    """What happens when material owed under 容缺 is not handed in by its due date."""

    WITHDRAWN = "withdrawn"  # 视为撤回
    TERMINATED = "terminated"  # 终止办理


class MaterialKind(StrEnum):
    """Original, copy or both (材料类型)."""

    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件和复印件
    ELECTRONIC = "electronic"  # 电子材料


class MaterialForm(StrEnum):
    """The form in which the material is handed in (材料形式)."""

    PAPER = "paper"
    ELECTRONIC = "electronic"
    PAPER_OR_ELECTRONIC = "paper_or_electronic"


class Necessity(StrEnum):
    """Whether a material is needed in a situation (必要性)."""

    REQUIRED = "required"  # 必需
    OPTIONAL = "optional"  # 非必需
    DEFERRABLE = "deferrable"  # 容缺可后补: required, but may be owed under 容缺
    NOT_APPLICABLE = "not_applicable"  # not asked for in this situation


class MaterialSource(StrEnum):
    """Where the material comes from (来源渠道)."""

    SELF = "self"  # 申请人自备
    GOVERNMENT = "government"  # 政府部门核发
    INTERMEDIARY = "intermediary"  # 中介机构出具


@dataclass(frozen=True, slots=True)
class Agency:
    """An implementing agency, with where its refusals may be challenged."""

    code: str
    name: str
    abbreviation: str  # used in document numbers, e.g. "杭市监"
    review_body: str  # 行政复议机关
    court: str  # 行政诉讼管辖法院
    phone: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class Situation:
    """A situation (情形) of an item, which changes the materials asked for."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class SpecialProcedure:
    """A special procedure (听证, 检验, 专家评审 …) whose time does not count (Art. 45)."""

    code: str
    name: str
    max_time: TimeLimit


@dataclass(frozen=True, slots=True)
class FeeItem:
    """One charge, in fen (1/100 yuan) to stay exact."""

    name: str
    amount_fen: int
    basis: str


@dataclass(frozen=True, slots=True)
class Fee:
    """Whether the item is charged, what for, and on which basis."""

    charged: bool
    items: tuple[FeeItem, ...] = ()
    basis: str = ""


@dataclass(frozen=True, slots=True)
class CorrectionPolicy:
    """How long the applicant has to correct, and what happens after (补正)."""

    deadline: TimeLimit
    on_expiry: CorrectionExpiry


@dataclass(frozen=True, slots=True)
class OwedPolicy:
    """How long material owed under 容缺 may stay owed, and what happens after."""

    due: TimeLimit
    on_expiry: OwedExpiry


@dataclass(frozen=True, slots=True)
class Result:
    """The item's result (办理结果)."""

    kind: ResultKind
    name: str


@dataclass(frozen=True, slots=True)
class MaterialRequirement:
    """One line of the published material list (申请材料)."""

    code: str
    name: str
    kind: MaterialKind
    form: MaterialForm
    copies: int
    necessity: Necessity
    source: MaterialSource
    acceptance_standard: str  # what the clerk checks (受理标准)
    situation_necessity: Mapping[str, Necessity] = field(default_factory=dict)
    e_licence_code: str | None = None  # fetchable from the shared e-licence library
    validity_months: int | None = None  # e.g. issued within 6 months
    verify_original_and_return: bool = False  # 核验原件后退回
    commitment_allowed: bool = False  # 告知承诺 may replace it
    signature_or_seal_required: bool = False
    blank_form: str | None = None
    example: str | None = None

    def necessity_in(self, situation: str | None) -> Necessity:
        """The material's necessity in a situation (the default where no override is given)."""
        if situation is not None and situation in self.situation_necessity:
            return self.situation_necessity[situation]
        return self.necessity


@dataclass(frozen=True, slots=True)
class ServiceItem:
    """A versioned service item; a case keeps the version it was received under."""

    basic_code: str
    implementation_code: str
    version: int
    name: str
    item_type: ItemType
    agency: Agency
    service_objects: tuple[ServiceObject, ...]
    handling_class: HandlingClass
    four_class: FourClass
    statutory_limit: TimeLimit
    promised_limit: TimeLimit
    fee: Fee
    result: Result
    delivery_methods: tuple[DeliveryMethod, ...]
    correction_policy: CorrectionPolicy
    materials: tuple[MaterialRequirement, ...]
    situations: tuple[Situation, ...] = ()
    special_procedures: tuple[SpecialProcedure, ...] = ()
    legal_basis: tuple[str, ...] = ()
    acceptance_conditions: tuple[str, ...] = ()
    refusal_conditions: tuple[str, ...] = ()
    process_steps: tuple[str, ...] = ()
    rongque_allowed: bool = False  # 容缺受理
    owed_policy: OwedPolicy | None = None  # required when rongque_allowed
    commitment_allowed: bool = False  # 告知承诺
    appointment_allowed: bool = False
    express_allowed: bool = False
    max_visits: int = 1

    @property
    def code(self) -> str:
        """The code a case refers to the item by (its implementation code)."""
        return self.implementation_code

    def situation(self, code: str) -> Situation:
        """Return the situation with this code.

        Raises:
            NotFound: the item has no such situation.
        """
        for situation in self.situations:
            if situation.code == code:
                return situation
        raise NotFound("item {item} has no situation {situation!r}", item=self.code, situation=code)

    def requirements_for(
        self, situation: str | None
    ) -> tuple[tuple[MaterialRequirement, Necessity], ...]:
        """The material lines that apply in a situation, each with its necessity there."""
        if situation is not None and self.situations:
            self.situation(situation)
        pairs = ((m, m.necessity_in(situation)) for m in self.materials)
        return tuple((m, n) for m, n in pairs if n is not Necessity.NOT_APPLICABLE)

    def material(self, code: str) -> MaterialRequirement:
        """Return the material requirement with this code.

        Raises:
            NotFound: the item asks for no such material.
        """
        for requirement in self.materials:
            if requirement.code == code:
                return requirement
        raise NotFound(
            "item {item} asks for no material {material!r}", item=self.code, material=code
        )


@dataclass(frozen=True, slots=True)
class Catalogue:
    """A published catalogue: its version, agencies and the current version of every item."""

    version: str
    agencies: tuple[Agency, ...]
    items: tuple[ServiceItem, ...]

    def item(self, code: str) -> ServiceItem:
        """Return the item with this implementation code.

        Raises:
            NotFound: no such item in this catalogue.
        """
        for item in self.items:
            if item.code == code:
                return item
        raise NotFound("no item {item!r} in catalogue {version}", item=code, version=self.version)
