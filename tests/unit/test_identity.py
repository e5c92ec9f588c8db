"""Identity numbers: GB 11643 and GB 32100 validation, legacy upgrade, masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.errors import InvalidInput
from clerk.identity import (
    USCC_ALPHABET,
    IdKind,
    IdProblem,
    mask_id_for_screen,
    mask_id_number,
    mask_name,
    mask_phone,
    resident_id_check_char,
    upgrade_legacy_id,
    uscc_check_char,
    validate_resident_id,
    validate_uscc,
)

TODAY = date(2025, 6, 30)
PROVINCES = [
    *(str(code) for code in range(11, 16)),
    *(str(code) for code in range(21, 24)),
    *(str(code) for code in range(31, 38)),
    *(str(code) for code in range(41, 47)),
    *(str(code) for code in range(50, 55)),
    *(str(code) for code in range(61, 66)),
    "71",
    "81",
    "82",
    "83",
]


def with_check(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def with_uscc_check(first17: str) -> str:
    return first17 + uscc_check_char(first17)


# --- GB 11643: the check character itself -------------------------------------------------


@pytest.mark.parametrize(
    ("first17", "check"),
    [
        ("11010519491231002", "X"),  # the sample of GB 11643-1999
        ("44052418800101001", "4"),  # the other sample of the standard
        ("33010619950315007", "X"),
        ("11010520000229123", "5"),
    ],
)
def test_resident_check_char_matches_the_standard(first17: str, check: str) -> None:
    assert resident_id_check_char(first17) == check


@pytest.mark.parametrize("bad", ["1101051949123100", "110105194912310021", "1101051949123100X"])
def test_resident_check_char_needs_17_digits(bad: str) -> None:
    with pytest.raises(InvalidInput):
        resident_id_check_char(bad)


# --- GB 11643: valid numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized", "kind", "born"),
    [
        ("11010519491231002X", "11010519491231002X", IdKind.RESIDENT_ID, date(1949, 12, 31)),
        (" 11010519491231002x\n", "11010519491231002X", IdKind.RESIDENT_ID, date(1949, 12, 31)),
        (
            "１１０１０５１９４９１２３１００２ｘ",
            "11010519491231002X",
            IdKind.RESIDENT_ID,
            date(1949, 12, 31),
        ),
        ("33010619950315007X", "33010619950315007X", IdKind.RESIDENT_ID, date(1995, 3, 15)),
        ("110105200002291235", "110105200002291235", IdKind.RESIDENT_ID, date(2000, 2, 29)),
        ("320106198808081232", "320106198808081232", IdKind.RESIDENT_ID, date(1988, 8, 8)),
        ("810000199001010019", "810000199001010019", IdKind.PERMIT_HONG_KONG, date(1990, 1, 1)),
        ("820000198511110025", "820000198511110025", IdKind.PERMIT_MACAO, date(1985, 11, 11)),
        ("830000200103050037", "830000200103050037", IdKind.PERMIT_TAIWAN, date(2001, 3, 5)),
        ("110105491231002", "11010519491231002X", IdKind.RESIDENT_ID, date(1949, 12, 31)),
    ],
)
def test_valid_resident_ids(text: str, normalized: str, kind: IdKind, born: date) -> None:
    check = validate_resident_id(text, today=TODAY)
    assert check.ok
    assert (check.reason, check.problem, check.position, check.expected) == (None,) * 4
    assert (check.normalized, check.kind, check.birth_date) == (normalized, kind, born)


def test_born_today_is_valid_and_without_today_the_future_is_not_checked() -> None:
    number = with_check(f"110105{TODAY:%Y%m%d}001")
    assert validate_resident_id(number, today=TODAY).ok
    assert validate_resident_id(with_check("11010520990101001")).ok


def test_legacy_upgrade() -> None:
    assert upgrade_legacy_id(" 110105491231002 ") == "11010519491231002X"


@pytest.mark.parametrize("bad", ["11010519491231002X", "110105490231002", "11010549123100A"])
def test_legacy_upgrade_refuses_anything_but_a_valid_15_digit_number(bad: str) -> None:
    with pytest.raises(InvalidInput):
        upgrade_legacy_id(bad)


# --- GB 11643: one row per failure --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem", "position", "expected", "reason"),
    [
        ("", IdProblem.EMPTY, None, None, "no ID number was entered"),
        ("  \t", IdProblem.EMPTY, None, None, "no ID number was entered"),
        (
            "11010519491231002",
            IdProblem.LENGTH,
            None,
            None,
            "length is 17; a resident ID number has 18 characters (or 15 for the old form)",
        ),
        (
            "1101051949O231002X",
            IdProblem.CHARACTER,
            11,
            None,
            "character 'O' at position 11 is not allowed",
        ),
        (
            "11010519491231002Y",
            IdProblem.CHARACTER,
            18,
            None,
            "character 'Y' at position 18 is not allowed",
        ),
        (
            "1101051949123100X2",
            IdProblem.CHARACTER,
            17,
            None,
            "character 'X' at position 17 is not allowed",
        ),
        (
            "11010549123100X",
            IdProblem.CHARACTER,
            15,
            None,
            "character 'X' at position 15 is not allowed",
        ),
        (
            with_check("99010519491231002"),
            IdProblem.REGION,
            1,
            None,
            "the first two digits 99 are not a province-level region code",
        ),
        (
            with_check("81100019900101001"),
            IdProblem.REGION,
            3,
            None,
            "region 811000 is not valid; residence permits for Hong Kong residents use 810000",
        ),
        (
            with_check("83000519900101001"),
            IdProblem.REGION,
            6,
            None,
            "region 830005 is not valid; residence permits for Taiwan residents use 830000",
        ),
        (
            with_check("11010519990231002"),
            IdProblem.BIRTH_DATE,
            7,
            None,
            "birth date 19990231 does not exist",
        ),
        (
            with_check("11010519000229002"),
            IdProblem.BIRTH_DATE,
            7,
            None,
            "birth date 19000229 does not exist",
        ),
        ("110105490231002", IdProblem.BIRTH_DATE, 7, None, "birth date 19490231 does not exist"),
        (
            "440524188001010014",  # the standard's own sample: right check, born 1880
            IdProblem.BIRTH_DATE_TOO_EARLY,
            7,
            None,
            "birth date 18800101 is before 1900-01-01",
        ),
        (
            with_check("11010520250701002"),
            IdProblem.BIRTH_DATE_IN_FUTURE,
            7,
            None,
            "birth date 20250701 is after today (2025-06-30)",
        ),
        (
            "110105194912310021",
            IdProblem.CHECK_CHARACTER,
            18,
            "X",
            "check character should be 'X' but is '1'",
        ),
        (
            "330106199503150073",
            IdProblem.CHECK_CHARACTER,
            18,
            "X",
            "check character should be 'X' but is '3'",
        ),
    ],
)
def test_resident_id_failures(
    text: str, problem: IdProblem, position: int | None, expected: str | None, reason: str
) -> None:
    check = validate_resident_id(text, today=TODAY)
    assert not check.ok
    assert (check.problem, check.position, check.expected) == (problem, position, expected)
    assert check.reason == reason
    assert (check.normalized, check.kind, check.birth_date) == (None, None, None)


def test_failure_reports_the_offending_text() -> None:
    assert validate_resident_id("1101051949O231002X").found == "O"
    assert validate_resident_id(with_check("11010519990231002")).found == "19990231"
    assert validate_resident_id("110105194912310021").found == "1"


# --- GB 11643: properties -----------------------------------------------------------------


@st.composite
def resident_ids(draw: st.DrawFn, *, latest: date = TODAY) -> str:
    province = draw(st.sampled_from(PROVINCES))
    rest = "0000" if province in ("81", "82", "83") else draw(st.text(_digits(), min_size=4))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=latest))
    sequence = draw(st.integers(0, 999))
    return with_check(f"{province}{rest[:4]}{born:%Y%m%d}{sequence:03d}")


def _digits() -> st.SearchStrategy[str]:
    return st.sampled_from("0123456789")


@given(resident_ids())
def test_every_generated_resident_id_passes(number: str) -> None:
    check = validate_resident_id(number, today=TODAY)
    assert check.ok, check.reason
    assert check.normalized == number
    assert check.birth_date is not None
    assert f"{check.birth_date:%Y%m%d}" == number[6:14]


@given(resident_ids(), st.data())
def test_any_single_substitution_breaks_a_resident_id(number: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, 17))
    replacement = data.draw(st.sampled_from([c for c in "0123456789X" if c != number[index]]))
    changed = number[:index] + replacement + number[index + 1 :]
    assert not validate_resident_id(changed, today=TODAY).ok


@given(resident_ids(latest=date(1999, 12, 31)))
def test_legacy_form_upgrades_to_the_full_number(number: str) -> None:
    legacy = number[:6] + number[8:17]
    assert upgrade_legacy_id(legacy) == number


# --- GB 32100: unified social credit code -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("91350100M000100Y43", "91350100M000100Y43"),  # the sample of GB 32100-2015
        ("914403001922038216", "914403001922038216"),
        (" 91350100m000100y43 ", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        (with_uscc_check("Y1110000ABCDEFGHJ"), with_uscc_check("Y1110000ABCDEFGHJ")),
    ],
)
def test_valid_credit_codes(text: str, normalized: str) -> None:
    check = validate_uscc(text)
    assert check.ok, check.reason
    assert (check.normalized, check.kind, check.reason, check.problem) == (
        normalized,
        IdKind.USCC,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("text", "problem", "position", "expected", "reason"),
    [
        (" ", IdProblem.EMPTY, None, None, "no credit code was entered"),
        (
            "91350100M000100Y4",
            IdProblem.LENGTH,
            None,
            None,
            "length is 17; a unified social credit code has 18 characters",
        ),
        (
            "9135O100M000100Y43",
            IdProblem.CHARACTER,
            5,
            None,
            "character 'O' at position 5 is not allowed",
        ),
        (
            "91350100M000100Y4I",
            IdProblem.CHARACTER,
            18,
            None,
            "character 'I' at position 18 is not allowed",
        ),
        (
            "91350100M0-0100Y43",
            IdProblem.CHARACTER,
            11,
            None,
            "character '-' at position 11 is not allowed",
        ),
        (
            with_uscc_check("91350A00M000100Y4"),
            IdProblem.REGION,
            6,
            None,
            "character 'A' at position 6 is not allowed in the region code "
            "(positions 3-8 are digits)",
        ),
        (
            "91350100M000100Y44",
            IdProblem.CHECK_CHARACTER,
            18,
            "3",
            "check character should be '3' but is '4'",
        ),
    ],
)
def test_credit_code_failures(
    text: str, problem: IdProblem, position: int | None, expected: str | None, reason: str
) -> None:
    check = validate_uscc(text)
    assert not check.ok
    assert (check.problem, check.position, check.expected) == (problem, position, expected)
    assert check.reason == reason
    assert (check.normalized, check.kind) == (None, None)


@pytest.mark.parametrize("bad", ["91350100M000100Y", "91350100M000100YO"])
def test_credit_code_check_char_needs_17_code_characters(bad: str) -> None:
    with pytest.raises(InvalidInput):
        uscc_check_char(bad)


@st.composite
def credit_codes(draw: st.DrawFn) -> str:
    code_chars = st.sampled_from(USCC_ALPHABET)
    head = draw(st.text(code_chars, min_size=2, max_size=2))
    region = draw(st.text(_digits(), min_size=6, max_size=6))
    body = draw(st.text(code_chars, min_size=9, max_size=9))
    return with_uscc_check(head + region + body)


@given(credit_codes())
def test_every_generated_credit_code_passes(code: str) -> None:
    check = validate_uscc(code)
    assert check.ok, check.reason
    assert check.normalized == code


@given(credit_codes(), st.data())
def test_any_single_substitution_breaks_a_credit_code(code: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, 17))
    replacement = data.draw(st.sampled_from([c for c in USCC_ALPHABET if c != code[index]]))
    assert not validate_uscc(code[:index] + replacement + code[index + 1 :]).ok


# --- masking ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paper", "screen"),
    [
        ("11010519491231002X", "1101**********002X", "110105********002X"),
        (" 11010519491231002X ", "1101**********002X", "110105********002X"),
        ("91350100M000100Y43", "9135**********0Y43", "913501********0Y43"),
        ("110105491231002", "1101*******1002", "110105*****1002"),
        ("12345678", "******78", "******78"),
        ("12345", "*****", "*****"),
        ("", "", ""),
    ],
)
def test_id_masks(text: str, paper: str, screen: str) -> None:
    assert mask_id_number(text) == paper
    assert mask_id_for_screen(text) == screen


def _revealed(masked: str, original: str) -> int:
    assert len(masked) == len(original)
    shown = [i for i, c in enumerate(masked) if c != "*"]
    assert all(masked[i] == original[i] for i in shown)
    return len(shown)


@given(st.text(st.characters(exclude_characters="*")))
def test_paper_mask_never_reveals_more_than_8_characters(text: str) -> None:
    assert _revealed(mask_id_number(text), text.strip()) <= 8


@given(st.text(st.characters(exclude_characters="*")))
def test_screen_mask_never_reveals_more_than_10_characters(text: str) -> None:
    assert _revealed(mask_id_for_screen(text), text.strip()) <= 10


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("008613812345678", "0086138****5678"),
        ("0571-87654321", "0571-****4321"),
        ("057187654321", "0571****4321"),
        ("010-12345678", "010-****5678"),
        ("(021) 6123 4567", "(021) **** 4567"),
        ("87654321", "****4321"),
        ("12345", "*****"),
        ("", ""),
    ],
)
def test_phone_masks(text: str, masked: str) -> None:
    assert mask_phone(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("张三", "张*"),
        ("张三丰", "张*丰"),
        ("欧阳娜娜", "欧**娜"),
        (" 李 ", "*"),
        ("买买提·艾力", "买****力"),
        ("", ""),
    ],
)
def test_name_masks(text: str, masked: str) -> None:
    assert mask_name(text) == masked


@given(st.text())
def test_name_and_phone_masks_keep_the_length(text: str) -> None:
    assert len(mask_name(text)) == len(text.strip())
    assert len(mask_phone(text)) == len(text.strip())
