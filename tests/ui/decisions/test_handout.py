"""即办件 completed on the spot, and the result handed out: identity check or express."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.materials import MaterialRecord, Provision
from clerk.store import Store
from tests.printing import pdftools
from tests.ui.decisions.conftest import (
    BIRTH,
    CLERK,
    COMPLETE_BUSINESS,
    FOOD,
    Clock,
    at,
    id_number,
    open_case,
    view,
)
from tests.ui.decisions.test_paperwork import FOOD_BUT_M05
from ui.decisions.desk import DecisionDesk
from ui.decisions.handout import HandOutDialog
from ui.decisions.onthespot import OnTheSpotDialog

WAIT = 20_000


def accepted(store: Store, *, food: bool = False, n: int = 1) -> str:
    if food:
        records = FOOD_BUT_M05 | {"M05": MaterialRecord(Provision.ORIGINAL, copies=1)}
        case_id = open_case(store, item=FOOD, situation="new", records=records, n=n)
    else:
        case_id = open_case(store, records=COMPLETE_BUSINESS, n=n)
    services.accept(store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:10"))
    return case_id


def completed(store: Store, *, n: int = 1) -> str:
    case_id = accepted(store, n=n)
    services.complete_on_the_spot(
        store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:12")
    )
    return case_id


def hand_out_dialog(qtbot: QtBot, desk: DecisionDesk, case: services.CaseView) -> HandOutDialog:
    dialog = HandOutDialog(desk, case)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def record_payload(store: Store, number: str) -> dict[str, Any]:
    with store.unit_of_work(read_only=True) as uow:
        return dict(uow.documents.get(number).payload)


def test_a_walk_in_case_is_completed_and_handed_to_the_applicant_after_an_id_check(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, printed: Path
) -> None:
    case_id = accepted(store)
    spot = OnTheSpotDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(spot)
    spot.show()
    with qtbot.waitSignal(spot.completed, timeout=WAIT) as done:
        spot.complete_button.click()
    assert done.args[0].case.status is CaseStatus.COMPLETED
    assert spot.hand_out_button.hasFocus()
    spot.hand_out_button.click()
    dialog = spot.hand_out
    assert dialog is not None
    qtbot.waitExposed(dialog)
    right = id_number(1)
    dialog.id_number.setFocus()
    QTest.keyClicks(dialog.id_number, right[:-1] + ("0" if right[-1] != "0" else "1"))
    assert "check character" in dialog.id_hint.text()  # the problem is named as typed
    assert not dialog.hand_out_button.isEnabled()
    QTest.keyClick(dialog.id_number, Qt.Key.Key_Backspace)
    QTest.keyClicks(dialog.id_number, right[-1])
    assert dialog.id_hint.text() == ""
    QTest.keyClick(dialog.id_number, Qt.Key.Key_Return)  # entered: masked from now on
    assert dialog.id_number.text() == right[:6] + "********" + right[-4:]
    assert dialog.id_number.value() == right
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT) as printed_signal:
        dialog.hand_out_button.click()
    assert view(store, case_id, clock).status is CaseStatus.DELIVERED
    number = printed_signal.args[0]
    paper = pdftools.flat(pdftools.text((printed / f"{number}.pdf").read_bytes()))
    assert "出件登记" in paper
    assert "已核验" in paper
    assert right[:4] + "**********" + right[-4:] in paper
    assert right not in paper
    assert record_payload(store, number)["collector"] == {
        "agent": False,
        "id_masked": right[:4] + "**********" + right[-4:],
        "authorisation_letter": False,
    }
    assert dialog.close_button.hasFocus()


def test_someone_else_collects_only_as_an_agent_with_the_authorisation_letter(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = completed(store)
    dialog = hand_out_dialog(qtbot, desk, view(store, case_id, clock))
    QTest.keyClicks(dialog.id_number, id_number(2))  # not the applicant's number
    dialog.hand_out_button.click()
    qtbot.waitUntil(lambda: "not the applicant's" in dialog.status.text(), timeout=WAIT)
    assert view(store, case_id, clock).status is CaseStatus.COMPLETED
    dialog.agent_radio.setChecked(True)
    dialog.agent_name.insert("李四")  # typed through an input method
    assert not dialog.hand_out_button.isEnabled()  # not without the letter
    dialog.letter.setChecked(True)
    with qtbot.waitSignal(dialog.handed_out, timeout=WAIT) as handed:
        dialog.hand_out_button.click()
    number = handed.args[0].documents[0]
    payload = record_payload(store, number)
    assert payload["delivery"]["recipient_name"] == "李四"
    assert payload["collector"]["agent"] is True
    assert payload["collector"]["authorisation_letter"] is True


def test_express_delivery_validates_the_phone_and_masks_what_is_entered(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, printed: Path
) -> None:
    case_id = completed(store)
    dialog = hand_out_dialog(qtbot, desk, view(store, case_id, clock))
    qtbot.waitUntil(dialog.post_radio.isEnabled, timeout=WAIT)
    dialog.post_radio.setChecked(True)
    assert dialog.hand_out_button.text() == "&Record posting"
    assert dialog.recipient.text() == "张1"
    dialog.phone.setFocus()
    QTest.keyClicks(dialog.phone, "1381234")
    assert "11 digits" in dialog.phone_hint.text()
    QTest.keyClicks(dialog.phone, "5678")
    assert dialog.phone_hint.text() == ""
    dialog.address.setFocus()  # leaving the phone field masks it
    assert dialog.phone.text() == "138****5678"
    dialog.address.insert("浙江省示范市西湖区文三路 90 号 3 幢 501 室")
    dialog.tracking.setFocus()
    assert dialog.address.text().startswith("浙江省示范市")
    assert "文三路" not in dialog.address.text()
    QTest.keyClicks(dialog.tracking, "SF1234567890")
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT) as printed_signal:
        dialog.hand_out_button.click()
    number = printed_signal.args[0]
    payload = record_payload(store, number)
    assert payload["express"] == {
        "phone": "13812345678",
        "address": "浙江省示范市西湖区文三路 90 号 3 幢 501 室",
    }
    assert payload["delivery"]["tracking_number"] == "SF1234567890"
    paper = pdftools.flat(pdftools.text((printed / f"{number}.pdf").read_bytes()))
    assert "邮寄送达" in paper
    assert "SF1234567890" in paper
    assert "13812345678" not in paper  # masked on paper too


def test_an_item_handed_out_only_at_the_window_offers_no_express(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = open_case(store, item=BIRTH, situation="in_wedlock")
    dialog = hand_out_dialog(qtbot, desk, view(store, case_id, clock))
    qtbot.waitUntil(lambda: not desk.busy, timeout=WAIT)
    assert not dialog.post_radio.isEnabled()


def test_only_a_walk_in_item_is_completed_on_the_spot(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = accepted(store, food=True)
    spot = OnTheSpotDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(spot)
    spot.complete_button.click()
    qtbot.waitUntil(lambda: "only a 即办件" in spot.status.text(), timeout=WAIT)
    assert view(store, case_id, clock).status is CaseStatus.ACCEPTED
