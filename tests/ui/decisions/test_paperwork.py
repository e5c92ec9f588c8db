"""容缺 and 告知承诺: what they may cover, recorded, accepted, and the papers signed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases import CaseStatus
from clerk.materials import LineState, MaterialRecord, Provision
from clerk.store import Store
from printing import DocumentKind
from tests.printing import pdftools
from tests.ui.decisions.conftest import (
    BIRTH,
    BUSINESS,
    COMPLETE_BUSINESS,
    FOOD,
    Clock,
    audit_actions,
    open_case,
    view,
)
from ui.decisions.accept import AcceptDialog
from ui.decisions.desk import DecisionDesk
from ui.decisions.paperwork import CommitmentDialog, LetterDialog, RongqueDialog

WAIT = 20_000
FOOD_BUT_M05 = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.E_LICENCE),
    "M04": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M06": MaterialRecord(Provision.COPY, copies=1, issued_on=date(2026, 1, 5)),
}


def accept_and_open_letter(
    qtbot: QtBot, desk: DecisionDesk, store: Store, case_id: str, clock: Clock
) -> tuple[AcceptDialog, LetterDialog]:
    dialog = AcceptDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT):
        dialog.accept_button.click()
    button = (
        dialog.rongque_button if dialog.rongque_button.isVisible() else dialog.commitment_button
    )
    assert button.hasFocus()  # the next paper is the next key
    button.click()
    letter = dialog.letter
    assert letter is not None
    qtbot.waitUntil(lambda: letter.document.preview.pages > 0, timeout=WAIT)
    return dialog, letter


def test_rongque_records_the_owed_material_and_prints_its_notice_after_acceptance(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, printed: Path
) -> None:
    case_id = open_case(store, item=FOOD, situation="new", records=FOOD_BUT_M05)
    choose = RongqueDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(choose)
    choose.show()
    qtbot.waitUntil(lambda: choose.materials.count() == 1, timeout=WAIT)
    owed = choose.materials.item(0)
    assert owed.text() == "保证食品安全的规章制度目录清单"
    assert "2026-03-16" in choose.terms.text()  # 10 working days after 2026-03-02
    assert "deemed withdrawn" in choose.terms.text()
    owed.setCheckState(Qt.CheckState.Checked)
    assert not choose.record_button.isEnabled()  # not before the applicant agrees
    choose.agreed.setChecked(True)
    with qtbot.waitSignal(choose.recorded, timeout=WAIT) as recorded:
        choose.record_button.click()
    states = {line.code: line.state for line in recorded.args[0].case.lines}
    assert states["M05"] is LineState.OWED

    accepted, letter = accept_and_open_letter(qtbot, desk, store, case_id, clock)
    assert "Owed (容缺): 保证食品安全的规章制度目录清单" in accepted.summary.text()
    receipt = accepted.result_view.documents[0] if accepted.result_view else ""
    preview = pdftools.flat(pdftools.text(letter.document.preview.pdf))
    assert "保证食品安全的规章制度目录清单" in preview
    assert "2026年3月16日" in preview
    with qtbot.waitSignal(letter.document.printed, timeout=WAIT):
        letter.document.print_button.click()
    paper = (printed / f"{receipt}-{DocumentKind.RONGQUE_NOTICE}.pdf").read_bytes()
    assert pdftools.flat(pdftools.text(paper)) == preview
    with qtbot.waitSignal(letter.signed, timeout=WAIT):
        letter.signed_button.click()
    assert audit_actions(store, case_id)[-1] == "case.document_signed"
    assert view(store, case_id, clock).owed[0].due_on == date(2026, 3, 16)


def test_a_commitment_replaces_the_premises_proof_and_its_letter_is_signed(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    records = {k: v for k, v in COMPLETE_BUSINESS.items() if k != "M03"}
    case_id = open_case(store, item=BUSINESS, records=records)
    choose = CommitmentDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(choose)
    qtbot.waitUntil(lambda: choose.materials.count() == 1, timeout=WAIT)
    assert choose.materials.item(0).text() == "经营场所使用证明"
    choose.materials.item(0).setCheckState(Qt.CheckState.Checked)
    choose.agreed.setChecked(True)
    with qtbot.waitSignal(choose.recorded, timeout=WAIT):
        choose.record_button.click()
    accepted, letter = accept_and_open_letter(qtbot, desk, store, case_id, clock)
    assert accepted.result_view is not None
    assert accepted.result_view.case.status is CaseStatus.ACCEPTED
    preview = pdftools.flat(pdftools.text(letter.document.preview.pdf))
    assert "告知承诺书" in preview
    assert "经营场所使用证明" in preview
    with qtbot.waitSignal(letter.document.printed, timeout=WAIT):
        letter.document.print_button.click()
    with qtbot.waitSignal(letter.signed, timeout=WAIT):
        letter.signed_button.click()
    with store.unit_of_work(read_only=True) as uow:
        detail = uow.audit.for_case(case_id)[-1].detail
    assert detail == {
        "document": accepted.result_view.documents[0],
        "paper": "commitment_letter",
    }


def test_an_item_without_rongque_offers_nothing_to_owe(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = open_case(store, item=BIRTH, situation="in_wedlock")
    choose = RongqueDialog(desk, view(store, case_id, clock))
    qtbot.addWidget(choose)
    qtbot.waitUntil(lambda: "allows no 容缺" in choose.terms.text(), timeout=WAIT)
    choose.agreed.setChecked(True)
    assert choose.materials.count() == 0
    assert not choose.record_button.isEnabled()
