"""What is wrong with an ID number or credit code being typed, in the clerk's language.

`clerk.identity` finds the first problem and says where (`IdCheck`); these functions name it
precisely — which character, which digit is expected — so the clerk can fix it at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk.identity import IdCheck, IdKind, IdProblem

_LENGTH = 18
_LEGACY_LENGTH = 15


def _length(typed: str) -> str:
    count = len(typed.strip())
    if count > _LENGTH:
        return QCoreApplication.translate(
            "Intake", "Too long: {count} characters, it has 18"
        ).format(count=count)
    return QCoreApplication.translate("Intake", "Too short: {count} of 18 characters").format(
        count=count
    )


def _birth(check: IdCheck) -> str:
    found = check.found or ""
    shown = f"{found[:4]}-{found[4:6]}-{found[6:]}" if len(found) == 8 else found
    messages = {
        IdProblem.BIRTH_DATE: QCoreApplication.translate(
            "Intake", "Birth date {date} (digits 7–14) does not exist"
        ),
        IdProblem.BIRTH_DATE_TOO_EARLY: QCoreApplication.translate(
            "Intake", "Birth date {date} is before 1900"
        ),
        IdProblem.BIRTH_DATE_IN_FUTURE: QCoreApplication.translate(
            "Intake", "Birth date {date} is in the future"
        ),
    }
    return messages[check.problem or IdProblem.BIRTH_DATE].format(date=shown)


def _check_character(check: IdCheck) -> str:
    return QCoreApplication.translate(
        "Intake", "Check character should be {expected}, not {found}: a character is mistyped"
    ).format(expected=check.expected, found=check.found)


def person_id_message(typed: str, check: IdCheck) -> str:
    """The problem with a resident ID number (empty when nothing was typed).

    Args:
        typed: the text as typed.
        check: `validate_resident_id` of it.

    Returns:
        A message naming the problem, or what the valid number is.
    """
    if check.ok:
        return _person_ok(typed, check)
    if check.problem is IdProblem.CHARACTER:
        return QCoreApplication.translate(
            "Intake", "Character {position} ({found}) is not allowed: digits only, X last"
        ).format(position=check.position, found=check.found)
    if check.problem is IdProblem.REGION:
        return _person_region(check)
    return _common(typed, check)


def _common(typed: str, check: IdCheck) -> str:
    """Messages for the problems ID numbers and credit codes share."""
    if check.problem is IdProblem.EMPTY:
        return ""
    if check.problem is IdProblem.LENGTH:
        return _length(typed)
    if check.problem is IdProblem.CHECK_CHARACTER:
        return _check_character(check)
    return _birth(check)


def _person_region(check: IdCheck) -> str:
    found = check.found or ""
    if len(found) == 2:
        return QCoreApplication.translate(
            "Intake", "Region: no province has the code {code} (digits 1–2)"
        ).format(code=found)
    return QCoreApplication.translate(
        "Intake", "Region {region}: a residence permit number starts with {expected}"
    ).format(region=found, expected=f"{found[:2]}0000")


def _person_ok(typed: str, check: IdCheck) -> str:
    born = check.birth_date.isoformat() if check.birth_date else ""
    kinds = {
        IdKind.PERMIT_HONG_KONG: QCoreApplication.translate("Intake", "Hong Kong residence permit"),
        IdKind.PERMIT_MACAO: QCoreApplication.translate("Intake", "Macao residence permit"),
        IdKind.PERMIT_TAIWAN: QCoreApplication.translate("Intake", "Taiwan residence permit"),
    }
    if check.kind in kinds:
        return QCoreApplication.translate("Intake", "Valid {kind}, born {date}").format(
            kind=kinds[check.kind], date=born
        )
    if len(typed.strip()) == _LEGACY_LENGTH:
        return QCoreApplication.translate(
            "Intake", "Valid old 15-digit number, born {date}; kept as {number}"
        ).format(date=born, number=check.normalized)
    return QCoreApplication.translate("Intake", "Valid, born {date}").format(date=born)


def credit_code_message(typed: str, check: IdCheck) -> str:
    """The problem with a unified social credit code (empty when nothing was typed).

    Args:
        typed: the text as typed.
        check: `validate_uscc` of it.

    Returns:
        A message naming the problem, or that the code is valid.
    """
    if check.ok:
        return QCoreApplication.translate("Intake", "Valid credit code")
    if check.problem is IdProblem.CHARACTER:
        return QCoreApplication.translate(
            "Intake", "Character {position} ({found}) is not allowed: no I, O, S, V or Z"
        ).format(position=check.position, found=check.found)
    if check.problem is IdProblem.REGION:
        return QCoreApplication.translate(
            "Intake", "Character {position} must be a digit (3–8 are the region code)"
        ).format(position=check.position)
    return _common(typed, check)
