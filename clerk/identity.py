"""Identity numbers: resident ID (GB 11643-1999) and credit code (GB 32100-2015) checks, masking.

Validation never raises: it returns an `IdCheck` naming the first problem found (empty, length,
character, region, birth date, check character, in that order) with a stable `IdProblem` code and
the position involved, so the UI can show a translated message. Input may carry surrounding
whitespace, a lowercase `x` and full-width characters typed through a Chinese input method.

Masking conventions (for paper and screen; personal data never leaves in full):
- ID numbers on paper keep the first 4 and last 4 characters (`1101**********002X`); on screen
  the first 6 and last 4. Anything shorter than 15 characters shows at most its last 2.
- Mobile numbers keep the first 3 and last 4 digits; landlines keep the area code and the last 4.
- Names keep the first character (the surname, or the first of a compound surname) and, from
  three characters on, the last one: `张*`, `张*丰`, `欧**娜`. Length is always kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum, auto

from clerk.errors import InvalidInput

_DIGITS = "0123456789"
_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of a unified social credit code (no I, O, S, V, Z)."""
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_PROVINCES = frozenset(
    f"{code}"
    for low, high in ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65))
    for code in range(low, high + 1)
) | {"71", "81", "82", "83"}
_PERMIT_PLACES = {"81": "Hong Kong", "82": "Macao", "83": "Taiwan"}
_EARLIEST_BIRTH = date(1900, 1, 1)
_FULL_WIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E


class IdProblem(StrEnum):
    """Why a number was rejected; stable codes the UI translates."""

    EMPTY = auto()
    LENGTH = auto()
    CHARACTER = auto()
    REGION = auto()
    BIRTH_DATE = auto()
    """The eight birth-date digits are not a date of the calendar."""
    BIRTH_DATE_TOO_EARLY = auto()
    BIRTH_DATE_IN_FUTURE = auto()
    CHECK_CHARACTER = auto()


class IdKind(StrEnum):
    """What a valid number identifies."""

    RESIDENT_ID = auto()
    PERMIT_HONG_KONG = auto()
    PERMIT_MACAO = auto()
    PERMIT_TAIWAN = auto()
    USCC = auto()


_PERMIT_KINDS = {
    "810000": IdKind.PERMIT_HONG_KONG,
    "820000": IdKind.PERMIT_MACAO,
    "830000": IdKind.PERMIT_TAIWAN,
}


@dataclass(frozen=True, slots=True)
class IdCheck:
    """The outcome of validating a number.

    `position` is 1-based in the entered text (after trimming whitespace); `found` is the
    offending text (a character, the region or the birth-date digits); `expected` is the correct
    check character. `normalized`, `kind` and `birth_date` are set only when `ok`.
    """

    ok: bool
    reason: str | None = None
    problem: IdProblem | None = None
    position: int | None = None
    expected: str | None = None
    found: str | None = None
    normalized: str | None = None
    kind: IdKind | None = None
    birth_date: date | None = None


def _fail(
    problem: IdProblem,
    reason: str,
    *,
    position: int | None = None,
    found: str | None = None,
    expected: str | None = None,
) -> IdCheck:
    return IdCheck(False, reason, problem, position=position, expected=expected, found=found)


def _clean(text: str) -> str:
    ascii_text = "".join(
        chr(ord(c) - _FULL_WIDTH_OFFSET) if "\uff01" <= c <= "\uff5e" else c for c in text
    )
    return ascii_text.strip().upper()


def _bad_character(number: str, allowed: str, *, last: str | None = None) -> IdCheck | None:
    """The first character outside `allowed` (`last` overrides the set for the final one)."""
    for index, char in enumerate(number):
        permitted = last if last is not None and index == len(number) - 1 else allowed
        if char not in permitted:
            return _fail(
                IdProblem.CHARACTER,
                f"character {char!r} at position {index + 1} is not allowed",
                position=index + 1,
                found=char,
            )
    return None


def resident_id_check_char(first17: str) -> str:
    """Compute the GB 11643 check character of the first 17 digits.

    Raises:
        InvalidInput: `first17` is not exactly 17 ASCII digits.
    """
    if len(first17) != 17 or any(c not in _DIGITS for c in first17):
        # Masked: whatever was passed is most likely an ID number.
        raise InvalidInput(
            "a resident ID check needs 17 digits, got {given!r}", given=mask_id_for_screen(first17)
        )
    total = sum(int(c) * w for c, w in zip(first17, _RESIDENT_WEIGHTS, strict=True))
    return _RESIDENT_CHECK[total % 11]


def uscc_check_char(first17: str) -> str:
    """Compute the GB 32100 check character of a credit code's first 17 characters.

    Raises:
        InvalidInput: `first17` is not 17 characters of the code alphabet.
    """
    code = first17.upper()
    if len(code) != 17 or any(c not in USCC_ALPHABET for c in code):
        raise InvalidInput(
            "a credit code check needs 17 code characters, got {first17!r}", first17=first17
        )
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(code, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def _resident_shape(number: str) -> IdCheck | None:
    if not number:
        return _fail(IdProblem.EMPTY, "no ID number was entered")
    if len(number) not in (15, 18):
        return _fail(
            IdProblem.LENGTH,
            f"length is {len(number)}; a resident ID number has 18 characters "
            "(or 15 for the old form)",
        )
    return _bad_character(number, _DIGITS, last=_DIGITS + "X" if len(number) == 18 else None)


def _resident_region(number: str) -> IdCheck | None:
    province, region = number[:2], number[:6]
    if province not in _PROVINCES:
        return _fail(
            IdProblem.REGION,
            f"the first two digits {province} are not a province-level region code",
            position=1,
            found=province,
        )
    place = _PERMIT_PLACES.get(province)
    if place is not None and region != f"{province}0000":
        first_wrong = next(i for i in range(2, 6) if region[i] != "0")
        return _fail(
            IdProblem.REGION,
            f"region {region} is not valid; residence permits for {place} residents "
            f"use {province}0000",
            position=first_wrong + 1,
            found=region,
        )
    return None


def _birth_date(digits: str, today: date | None) -> date | IdCheck:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return _fail(
            IdProblem.BIRTH_DATE, f"birth date {digits} does not exist", position=7, found=digits
        )
    if born < _EARLIEST_BIRTH:
        return _fail(
            IdProblem.BIRTH_DATE_TOO_EARLY,
            f"birth date {digits} is before 1900-01-01",
            position=7,
            found=digits,
        )
    if today is not None and born > today:
        return _fail(
            IdProblem.BIRTH_DATE_IN_FUTURE,
            f"birth date {digits} is after today ({today.isoformat()})",
            position=7,
            found=digits,
        )
    return born


def validate_resident_id(text: str, *, today: date | None = None) -> IdCheck:
    """Check a resident ID or HK/Macao/Taiwan residence permit number (GB 11643-1999).

    Legacy 15-digit numbers are accepted and upgraded (`normalized` holds the 18-character form).

    Args:
        text: the number as entered.
        today: when given, a birth date after it is rejected.

    Returns:
        IdCheck: ok with `normalized`, `kind` and `birth_date`, or the first problem found.
    """
    number = _clean(text)
    failure = _resident_shape(number) or _resident_region(number)
    if failure is not None:
        return failure
    full17 = number[:17] if len(number) == 18 else f"{number[:6]}19{number[6:]}"
    born = _birth_date(full17[6:14], today)
    if isinstance(born, IdCheck):
        return born
    expected = resident_id_check_char(full17)
    if len(number) == 18 and number[17] != expected:
        return _fail(
            IdProblem.CHECK_CHARACTER,
            f"check character should be {expected!r} but is {number[17]!r}",
            position=18,
            found=number[17],
            expected=expected,
        )
    kind = _PERMIT_KINDS.get(full17[:6], IdKind.RESIDENT_ID)
    return IdCheck(True, normalized=full17 + expected, kind=kind, birth_date=born)


def upgrade_legacy_id(text15: str) -> str:
    """Turn a valid 15-digit resident ID number into its 18-character form.

    Raises:
        InvalidInput: the text is not a valid 15-digit resident ID number.
    """
    number = _clean(text15)
    if len(number) != 15:
        raise InvalidInput(
            "an old-form resident ID number has 15 digits, not {length}", length=len(number)
        )
    check = validate_resident_id(number)
    if not check.ok or check.normalized is None:
        raise InvalidInput(
            "not a valid 15-digit resident ID number: {reason}", reason=check.reason or ""
        )
    return check.normalized


def validate_uscc(text: str) -> IdCheck:
    """Check a unified social credit code (GB 32100-2015).

    The inner organisation-code check digit (positions 9-17) is deliberately not enforced.

    Returns:
        IdCheck: ok with `normalized` (upper case) and kind USCC, or the first problem found.
    """
    code = _clean(text)
    if not code:
        return _fail(IdProblem.EMPTY, "no credit code was entered")
    if len(code) != 18:
        return _fail(
            IdProblem.LENGTH,
            f"length is {len(code)}; a unified social credit code has 18 characters",
        )
    failure = _bad_character(code, USCC_ALPHABET)
    if failure is not None:
        return failure
    for index in range(2, 8):
        if code[index] not in _DIGITS:
            return _fail(
                IdProblem.REGION,
                f"character {code[index]!r} at position {index + 1} is not allowed in the "
                "region code (positions 3-8 are digits)",
                position=index + 1,
                found=code[index],
            )
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return _fail(
            IdProblem.CHECK_CHARACTER,
            f"check character should be {expected!r} but is {code[17]!r}",
            position=18,
            found=code[17],
            expected=expected,
        )
    return IdCheck(True, normalized=code, kind=IdKind.USCC)


def _keep(text: str, *, head: int, tail: int) -> str:
    hidden = len(text) - head - tail
    return text[:head] + "*" * hidden + text[len(text) - tail :]


def _mask_id(text: str, *, head: int) -> str:
    number = text.strip()
    if len(number) >= 15:
        return _keep(number, head=head, tail=4)
    return _keep(number, head=0, tail=2 if len(number) >= 6 else 0)


def mask_id_number(text: str) -> str:
    """Mask an ID number or credit code for paper: `1101**********002X` (at most 8 shown)."""
    return _mask_id(text, head=4)


def mask_id_for_screen(text: str) -> str:
    """Mask an ID number or credit code for the screen: `110105********002X` (at most 10 shown)."""
    return _mask_id(text, head=6)


def _phone_visible(digits: str, *, international: bool) -> tuple[int, int]:
    """How many leading and trailing digits of a phone number stay visible."""
    prefix = 0
    if digits.startswith("0086"):
        prefix = 4
    elif international and digits.startswith("86"):
        prefix = 2
    rest = digits[prefix:]
    if len(rest) == 11 and rest.startswith("1"):
        return prefix + 3, 4
    area = 3 if rest[1:2] in ("1", "2") else 4  # 010 and 02x are the only 3-digit area codes
    if rest.startswith("0") and len(rest) >= area + 7:
        return prefix + area, 4
    return 0, (4 if len(digits) >= 7 else 0)


def mask_phone(text: str) -> str:
    """Mask a phone number, keeping its separators: `138****5678`, `0571-****4321`."""
    number = text.strip()
    places = [i for i, c in enumerate(number) if c in _DIGITS]
    head, tail = _phone_visible(
        "".join(number[i] for i in places), international=number.startswith("+")
    )
    shown = set(places[:head]) | set(places[len(places) - tail :])
    return "".join(c if c not in _DIGITS or i in shown else "*" for i, c in enumerate(number))


def mask_name(text: str) -> str:
    """Mask a person's name: `张*`, `张*丰`, `欧**娜` (a single character becomes `*`)."""
    name = text.strip()
    if len(name) <= 1:
        return "*" * len(name)
    return _keep(name, head=1, tail=1 if len(name) >= 3 else 0)
