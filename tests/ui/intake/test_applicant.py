"""The applicant form names what is wrong with an ID number or credit code while it is typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk.cases import ApplicantKind
from tests.ui.intake.conftest import credit_code, person_id, today, type_chinese
from ui.intake.applicant import PROBLEM_COLOUR, VALID_COLOUR, ApplicantForm

VALID = person_id()  # 33010619850312001 + its check character: born 1985-03-12
WRONG_CHECK = VALID[:17] + ("0" if VALID[17] != "0" else "1")


def form_for(qtbot: QtBot) -> ApplicantForm:
    form = ApplicantForm(today=today)
    qtbot.addWidget(form)
    form.show()
    return form


def typed(qtbot: QtBot, text: str, *, kind: ApplicantKind = ApplicantKind.PERSON) -> str:
    form = form_for(qtbot)
    form.set_kind(kind)
    QTest.keyClicks(form.id_number, text)
    return form.message()


ENGLISH = [
    ("1101051949", "Too short: 10 of 18 characters"),
    (VALID + "5", "Too long: 19 characters, it has 18"),
    ("11010519491231A02X", "Character 15 (A) is not allowed: digits only, X last"),
    ("990105194912310021", "Region: no province has the code 99 (digits 1–2)"),
    ("810105199001010021", "Region 810105: a residence permit number starts with 810000"),
    ("110105194902300021", "Birth date 1949-02-30 (digits 7–14) does not exist"),
    ("110105189912310021", "Birth date 1899-12-31 is before 1900"),
    ("110105202703010021", "Birth date 2027-03-01 is in the future"),
    (
        WRONG_CHECK,
        f"Check character should be {VALID[17]}, not {WRONG_CHECK[17]}: a character is mistyped",
    ),
    (VALID, "Valid, born 1985-03-12"),
    ("330106850312001", f"Valid old 15-digit number, born 1985-03-12; kept as {VALID}"),
]


@pytest.mark.parametrize(("text", "message"), ENGLISH)
def test_id_number_problems_are_named_in_english(qtbot: QtBot, text: str, message: str) -> None:
    assert typed(qtbot, text) == message


def test_each_keystroke_updates_the_message_and_its_colour(qtbot: QtBot) -> None:
    form = form_for(qtbot)
    messages = []
    for char in VALID:
        QTest.keyClicks(form.id_number, char)
        messages.append(form.message())
    assert messages[0] == "Too short: 1 of 18 characters"
    assert messages[16] == "Too short: 17 of 18 characters"
    assert messages[-1] == "Valid, born 1985-03-12"
    assert VALID_COLOUR in form.id_message.styleSheet()
    QTest.keyClick(form.id_number, Qt.Key.Key_Backspace)
    assert form.message() == "Too short: 17 of 18 characters"
    assert PROBLEM_COLOUR in form.id_message.styleSheet()
    form.id_number.clear()
    assert form.message() == ""


def test_a_full_width_number_from_an_input_method_is_accepted(qtbot: QtBot) -> None:
    form = form_for(qtbot)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in VALID)
    type_chinese(form.id_number, full_width)
    assert form.message() == "Valid, born 1985-03-12"


CODES = [
    ("91330106", "Too short: 8 of 18 characters"),
    ("91330106MA2AXXXXO1", "Character 17 (O) is not allowed: no I, O, S, V or Z"),
    ("9133A106MA2AXXXX01", "Character 5 must be a digit (3–8 are the region code)"),
    (credit_code(), "Valid credit code"),
]


@pytest.mark.parametrize(("text", "message"), CODES)
def test_credit_code_problems_are_named(qtbot: QtBot, text: str, message: str) -> None:
    assert typed(qtbot, text, kind=ApplicantKind.ORGANISATION) == message


def test_a_wrong_credit_code_check_character_names_the_expected_one(qtbot: QtBot) -> None:
    good = credit_code()
    wrong = good[:17] + ("1" if good[17] != "1" else "2")
    message = typed(qtbot, wrong, kind=ApplicantKind.ORGANISATION)
    expected = f"Check character should be {good[17]}, not {wrong[17]}: a character is mistyped"
    assert message == expected


def test_switching_kind_checks_the_number_again(qtbot: QtBot) -> None:
    form = form_for(qtbot)
    QTest.keyClicks(form.id_number, VALID)
    assert form.message() == "Valid, born 1985-03-12"
    form.set_kind(ApplicantKind.ORGANISATION)
    assert form.message().startswith("Check character should be")
    assert form.legal_representative.isVisibleTo(form)
    assert form.number_label.text() == "Unified social credit code"
    form.set_kind(ApplicantKind.PERSON)
    assert not form.legal_representative.isVisibleTo(form)


def test_the_form_produces_the_checked_applicant(qtbot: QtBot) -> None:
    form = form_for(qtbot)
    with qtbot.waitSignal(form.changed):
        type_chinese(form.name, " 张三 ")
    assert form.applicant() is None  # no number yet
    QTest.keyClicks(form.id_number, VALID.lower())
    QTest.keyClicks(form.phone, "13812345678")
    type_chinese(form.address, "杭州市西湖区文三路 1 号")
    applicant = form.applicant()
    assert applicant is not None
    assert (applicant.kind, applicant.name, applicant.id_number) == (
        ApplicantKind.PERSON,
        "张三",
        VALID.upper(),
    )
    assert (applicant.phone, applicant.address) == ("13812345678", "杭州市西湖区文三路 1 号")


def test_an_organisation_keeps_its_legal_representative(qtbot: QtBot) -> None:
    form = form_for(qtbot)
    form.set_kind(ApplicantKind.ORGANISATION)
    type_chinese(form.name, "杭州某某餐饮有限公司")
    QTest.keyClicks(form.id_number, credit_code())
    type_chinese(form.legal_representative, "李四")
    applicant = form.applicant()
    assert applicant is not None
    assert applicant.kind is ApplicantKind.ORGANISATION
    assert applicant.legal_representative == "李四"
    form.clear()
    assert form.applicant_kind() is ApplicantKind.PERSON
    assert form.applicant() is None


CHINESE = [
    ("1101051949", "位数不足：已输入 10 位，应为 18 位"),
    ("11010519491231A02X", "第 15 位字符（A）无效：只能是数字，最后一位可为 X"),
    ("990105194912310021", "地区码有误：不存在代码为 99 的省份（第 1–2 位）"),
    ("110105194902300021", "出生日期 1949-02-30（第 7–14 位）不存在"),
    ("110105202703010021", "出生日期 2027-03-01 晚于今天"),
    (WRONG_CHECK, f"校验码应为 {VALID[17]}，实为 {WRONG_CHECK[17]}：有字符输错"),
    (VALID, "有效，出生日期 1985-03-12"),
]


@pytest.mark.parametrize(("text", "message"), CHINESE)
def test_id_number_problems_are_named_in_chinese(
    qtbot: QtBot, chinese: list[QTranslator], text: str, message: str
) -> None:
    form = form_for(qtbot)
    assert form.number_label.text() == "身份证号码"
    QTest.keyClicks(form.id_number, text)
    assert form.message() == message


def test_credit_code_problems_are_named_in_chinese(
    qtbot: QtBot, chinese: list[QTranslator]
) -> None:
    form = form_for(qtbot)
    form.set_kind(ApplicantKind.ORGANISATION)
    QTest.keyClicks(form.id_number, "91330106MA2AXXXXO1")
    assert form.message() == "第 17 位字符（O）无效：信用代码不使用 I、O、S、V、Z"
    form.id_number.setText(credit_code())
    assert form.message() == "统一社会信用代码有效"
