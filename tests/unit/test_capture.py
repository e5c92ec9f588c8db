"""Scanned codes are named by the formats our own paper carries (clerk.capture)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from clerk.capture import (
    CaseNumber,
    DocumentNumber,
    ELicenceCode,
    IdNumber,
    TicketNumber,
    Unknown,
    UnknownReason,
    classify,
    fold,
    licence_materials,
)
from clerk.identity import IdKind, IdProblem
from clerk.queue.numbers import format_number
from tests.unit.factories import ID_CARD, credit_code, licensing_item, resident_id

PERSON = resident_id("11010519491231002")
ORGANISATION = credit_code("91330106MA2AXXXX0")
PROGRESS = "https://zwfw.example.gov.cn/progress?case="  # ui.settings.PROGRESS_URL's default


@pytest.mark.parametrize("number", ["A001", "B123", "ZZ1000", "CL042"])
def test_ticket_numbers_as_the_slip_prints_them(number: str) -> None:
    code = classify(number)
    assert isinstance(code, TicketNumber)
    assert format_number(code.prefix, code.seq) == number


def test_a_ticket_read_through_a_chinese_input_method_is_folded() -> None:
    assert classify(" Ａ０１２\t") == TicketNumber("A012", "A", 12)


def test_a_ticket_number_not_as_printed_is_not_a_ticket() -> None:
    assert isinstance(classify("A0001"), Unknown)
    assert isinstance(classify("A01"), Unknown)


def test_document_number_from_a_barcode() -> None:
    code = classify("sf01-w05-1-2026-000123")
    assert isinstance(code, DocumentNumber)
    assert code.text == "SF01-W05-1-2026-000123"
    assert (code.number.hall, code.number.counter, code.number.seq) == ("SF01", "W05", 123)


@pytest.mark.parametrize(
    "link",
    [
        PROGRESS + "SF01-W05-1-2026-000101",
        "https://zwfw.example.gov.cn/cases/SF01-W05-1-2026-000101/progress",
        "http://hall.local/p?lang=zh&case=SF01-W05-1-2026-000101",
        "https://zwfw.example.gov.cn/progress?case=SF01%2DW05%2D1%2D2026%2D000101",
    ],
)
def test_the_qr_progress_link_carries_the_case_number(link: str) -> None:
    code = classify(link)
    assert isinstance(code, CaseNumber)
    assert code.text == "SF01-W05-1-2026-000101"
    assert code.link == link


def test_someone_elses_link_is_not_a_case() -> None:
    code = classify("https://example.com/menu?table=7")
    assert code == Unknown(
        "https://example.com/menu?table=7", UnknownReason.LINK_WITHOUT_NUMBER, None
    )


def test_resident_id_numbers_are_normalised() -> None:
    assert classify(PERSON.lower()) == IdNumber(PERSON, IdKind.RESIDENT_ID)
    legacy = classify("110105491231002")  # 15 digits: upgraded with "19" and a check character
    assert legacy == IdNumber(PERSON, IdKind.RESIDENT_ID)


def test_residence_permit_and_credit_code() -> None:
    permit = resident_id("81000019900101001")
    assert classify(permit) == IdNumber(permit, IdKind.PERMIT_HONG_KONG)
    organisation = classify(ORGANISATION)
    assert isinstance(organisation, IdNumber)
    assert organisation.is_organisation
    assert not IdNumber(PERSON, IdKind.RESIDENT_ID).is_organisation


def test_an_id_number_with_a_wrong_check_character_is_named_not_taken() -> None:
    wrong = PERSON[:17] + ("0" if PERSON[17] != "0" else "1")
    code = classify(wrong)
    assert code == Unknown(wrong, UnknownReason.INVALID_ID, IdProblem.CHECK_CHARACTER)


def test_a_credit_code_with_a_wrong_check_character_names_the_credit_code_problem() -> None:
    wrong = ORGANISATION[:17] + ("0" if ORGANISATION[17] != "0" else "1")
    code = classify(wrong)
    assert code == Unknown(wrong, UnknownReason.INVALID_ID, IdProblem.CHECK_CHARACTER)


def test_a_birth_date_after_today_is_refused_when_today_is_known() -> None:
    born_later = resident_id("11010520300101002")
    assert isinstance(classify(born_later), IdNumber)
    code = classify(born_later, today=date(2026, 3, 2))
    assert code == Unknown(born_later, UnknownReason.INVALID_ID, IdProblem.BIRTH_DATE_IN_FUTURE)


def test_e_licence_code() -> None:
    code = classify("el.yyzz:91330106MA2GL1RX4P-2026-0001")
    assert code == ELicenceCode(
        "EL.YYZZ:91330106MA2GL1RX4P-2026-0001", "EL.YYZZ", "91330106MA2GL1RX4P-2026-0001"
    )


def test_e_licence_code_marks_the_materials_of_its_type() -> None:
    item = licensing_item()
    code = classify("EL-ID-001:" + PERSON)
    assert isinstance(code, ELicenceCode)
    assert licence_materials(item, code) == (ID_CARD,)
    other = classify("EL.YYZZ:ABCD-1234")
    assert isinstance(other, ELicenceCode)
    assert licence_materials(item, other) == ()


def test_two_materials_of_one_licence_type_are_both_offered() -> None:
    item = licensing_item()
    twin = dataclasses.replace(item.materials[2], e_licence_code="el-id-001")
    item = dataclasses.replace(item, materials=(*item.materials[:2], twin, *item.materials[3:]))
    code = classify("EL-ID-001:ABCD1234")
    assert isinstance(code, ELicenceCode)
    assert licence_materials(item, code) == (ID_CARD, twin.code)


@pytest.mark.parametrize("text", ["hello world", "12345", "EL.YYZZ:AB", "WIFI:S:hall;T:WPA;;"])
def test_anything_else_is_unknown(text: str) -> None:
    code = classify(text)
    assert isinstance(code, Unknown)
    assert code.reason is UnknownReason.NOT_RECOGNISED


def test_empty_scan() -> None:
    assert classify("  ") == Unknown("  ", UnknownReason.EMPTY)


def test_fold() -> None:
    assert fold("　ｓｆ０１－Ｗ０５　") == "SF01-W05"
