"""The domain's error messages: English text for logs, template and parameters for the UI."""

from __future__ import annotations

import pickle

import pytest

from clerk.cases import Applicant, ApplicantKind, CaseStatus
from clerk.cases.status import check_move
from clerk.errors import ClerkError, InvalidInput, NotFound, Phrase, RuleViolation
from clerk.identity import resident_id_check_char
from clerk.queue.offline import Clash
from clerk.services.handover import Collector, check_collector, check_phone
from clerk.staff import Actor, Role, require_approver

ID_BODY = "33010619850312001"
ID_NUMBER = ID_BODY + resident_id_check_char(ID_BODY)
CLERK = Actor("SF01C001", "王芳", Role.CLERK)


def _values(error: ClerkError) -> list[str]:
    return [str(value) for value in error.params.values()]


def test_str_is_the_english_text_and_the_template_and_parameters_are_kept() -> None:
    error = RuleViolation("case {number} was changed (version {version})", number="A-1", version=3)
    assert str(error) == "case A-1 was changed (version 3)"
    assert error.template == "case {number} was changed (version {version})"
    assert error.params == {"number": "A-1", "version": 3}
    assert error.args == ("case A-1 was changed (version 3)",)


def test_a_plain_message_is_kept_as_it_is_even_with_braces() -> None:
    error = RuleViolation("the registry said {no}")
    assert (str(error), error.template, error.params) == (
        "the registry said {no}",
        "the registry said {no}",
        {},
    )


def test_conversions_in_a_template_read_as_in_an_fstring() -> None:
    code = "M01"
    error = NotFound("item {item} has no material {material!r}", item="X1", material=code)
    assert str(error) == f"item X1 has no material {code!r}"


def test_a_domain_word_stays_itself_and_reads_as_its_value() -> None:
    with pytest.raises(RuleViolation) as refused:
        check_move(CaseStatus.VOID, CaseStatus.ACCEPTED)
    assert str(refused.value) == "a case cannot move from void to accepted"
    assert refused.value.params == {"current": CaseStatus.VOID, "target": CaseStatus.ACCEPTED}


def test_a_phrase_is_a_plain_string_that_keeps_its_kind() -> None:
    with pytest.raises(ClerkError) as refused:
        require_approver(CLERK, requested_by=None, what=Phrase("an extension"))
    assert str(refused.value) == "an extension needs a supervisor's approval; 王芳 is a clerk"
    assert isinstance(refused.value.params["what"], Phrase)


def test_restated_carries_the_message_over_to_another_kind_of_error() -> None:
    original = RuleViolation("ticket {number} is {state}", number="A001", state="done")
    clash = Clash.restated(original)
    assert isinstance(clash, Clash)
    assert (str(clash), clash.template, clash.params) == (
        str(original),
        original.template,
        original.params,
    )


def test_an_error_survives_pickling_with_its_template() -> None:
    error = InvalidInput("ticket sequence starts at 1, not {seq}", seq=0)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.template, copy.params) == (
        InvalidInput,
        str(error),
        error.template,
        error.params,
    )


# Personal data: a message may be logged and travels to the registry; it never carries a full
# ID number or phone number, neither in its text nor in its parameters.


def test_a_wrong_check_input_is_masked_in_the_message() -> None:
    almost = ID_NUMBER[:16]  # one digit short: most of an ID number
    with pytest.raises(InvalidInput) as refused:
        resident_id_check_char(almost)
    assert almost not in str(refused.value)
    assert all(almost not in value for value in _values(refused.value))
    assert "330106******" in str(refused.value)


def test_an_applicant_with_a_wrong_id_number_is_not_named_in_the_message() -> None:
    wrong = ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1")
    with pytest.raises(InvalidInput) as refused:
        Applicant.checked(kind=ApplicantKind.PERSON, name="张三", id_number=wrong)
    assert wrong not in str(refused.value)
    assert all(wrong[:15] not in value for value in _values(refused.value))


def test_a_collector_with_a_wrong_id_number_is_not_named_in_the_message() -> None:
    applicant = Applicant.checked(kind=ApplicantKind.PERSON, name="张三", id_number=ID_NUMBER)
    wrong = ID_NUMBER[:10] + "9999999X"
    with pytest.raises(InvalidInput) as refused:
        check_collector(applicant, Collector("李四", wrong))
    assert all(wrong[:15] not in value for value in [str(refused.value), *_values(refused.value)])


@pytest.mark.parametrize("phone", ["1381234567", "138123456789", "2345678", "0571-123"])
def test_a_phone_number_that_cannot_be_dialled_is_not_repeated(phone: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_phone(phone)
    digits = phone.replace("-", "")
    assert refused.value.params == {}
    assert digits not in str(refused.value)
