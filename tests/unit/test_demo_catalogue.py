"""The demo catalogue in resources/ loads and exercises every feature of the model."""

from __future__ import annotations

import dataclasses
import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest

from clerk.catalog import (
    Agency,
    Catalogue,
    CorrectionExpiry,
    CorrectionPolicy,
    DeliveryMethod,
    Fee,
    FeeItem,
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
    catalogue_to_json,
    load_catalogue,
    parse_catalogue,
)
from clerk.workdays import DayUnit, TimeLimit

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo.json"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
MODEL_CLASSES: tuple[type[Any], ...] = (Catalogue, Agency, ServiceItem, MaterialRequirement)
MODEL_CLASSES += (TimeLimit, Situation, SpecialProcedure, Fee, FeeItem, Result)
MODEL_CLASSES += (CorrectionPolicy, OwedPolicy)
ENUMS: tuple[type[StrEnum], ...] = (ItemType, ServiceObject, HandlingClass, FourClass, ResultKind)
ENUMS += (DeliveryMethod, DayUnit, CorrectionExpiry, OwedExpiry, MaterialKind, MaterialForm)
ENUMS += (Necessity, MaterialSource)


@pytest.fixture(scope="module")
def demo() -> Catalogue:
    return load_catalogue(DEMO)


def test_demo_loads_with_enough_items_and_agencies(demo: Catalogue) -> None:
    assert demo.version == "2026.11-demo"
    assert len(demo.items) >= 15
    assert len(demo.agencies) >= 5
    assert len({a.abbreviation for a in demo.agencies}) == len(demo.agencies)


@pytest.mark.parametrize(
    ("attribute", "values"),
    [("item_type", ItemType), ("four_class", FourClass), ("handling_class", HandlingClass)],
)
def test_every_class_is_covered(demo: Catalogue, attribute: str, values: type[StrEnum]) -> None:
    assert {getattr(item, attribute) for item in demo.items} == set(values)


def test_round_trip_is_exact(demo: Catalogue) -> None:
    written = catalogue_to_json(demo)
    assert parse_catalogue(written) == demo
    assert parse_catalogue(json.loads(json.dumps(written, ensure_ascii=False))) == demo


def _deferrable(item: ServiceItem) -> bool:
    necessities = {m.necessity_in(s) for m in item.materials for s in _situations(item)}
    return Necessity.DEFERRABLE in necessities


def _situations(item: ServiceItem) -> list[str | None]:
    return [s.code for s in item.situations] or [None]


def test_rongque_items_have_deferrable_material_and_a_policy(demo: Catalogue) -> None:
    rongque = [item for item in demo.items if item.rongque_allowed]

    assert len(rongque) >= 3
    assert all(_deferrable(item) and item.owed_policy for item in rongque)


def test_commitment_items_name_the_materials_a_commitment_replaces(demo: Catalogue) -> None:
    items = [i for i in demo.items if any(m.commitment_allowed for m in i.materials)]

    assert len(items) >= 2
    assert all(item.commitment_allowed for item in items)


def test_materials_fetchable_from_the_licence_library(demo: Catalogue) -> None:
    codes = {m.e_licence_code for i in demo.items for m in i.materials if m.e_licence_code}
    assert len(codes) >= 3


def test_real_estate_registration_charges_80_yuan(demo: Catalogue) -> None:
    charged = [item for item in demo.items if item.fee.charged]

    assert charged
    (registration,) = (item for item in charged if item.name.startswith("不动产登记"))
    assert [fee.amount_fen for fee in registration.fee.items] == [8000]


def test_situations_change_the_material_list(demo: Catalogue) -> None:
    def varies(item: ServiceItem) -> bool:
        lists = [item.requirements_for(situation) for situation in _situations(item)]
        return any(checklist != lists[0] for checklist in lists)

    changing = [item for item in demo.items if varies(item)]
    assert len(changing) >= 2


def test_every_item_is_complete_and_in_chinese(demo: Catalogue) -> None:
    for item in demo.items:
        texts = [
            item.name,
            item.result.name,
            *item.legal_basis,
            *item.acceptance_conditions,
            *item.refusal_conditions,
            *item.process_steps,
        ]
        texts += [m.name for m in item.materials] + [m.acceptance_standard for m in item.materials]
        assert 4 <= len(item.materials) <= 10, item.name
        assert item.legal_basis, item.name
        assert item.refusal_conditions, item.name
        assert item.process_steps, item.name
        assert all(CHINESE.search(text) for text in texts), item.name


def test_agencies_name_where_refusals_are_challenged(demo: Catalogue) -> None:
    for agency in demo.agencies:
        assert agency.review_body.endswith(("人民政府", "税务局"))
        assert agency.court.endswith("人民法院")


SCHEMA_DOC = DEMO.parents[2] / "docs" / "catalogue-schema.md"


def test_schema_document_example_loads_and_every_field_is_documented() -> None:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    documented = set(re.findall(r"`([a-z_]+)`", text))

    parse_catalogue(json.loads(example))
    for cls in MODEL_CLASSES:
        assert {f.name for f in dataclasses.fields(cls)} <= documented, cls.__name__
    for enum in ENUMS:
        assert {member.value for member in enum} <= documented, enum.__name__
