"""A scan is described in one line; an ID number never shows in full."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from clerk.capture import classify
from tests.unit.factories import credit_code, resident_id
from ui.capture.describe import describe


@pytest.mark.parametrize(
    ("scanned", "expected"),
    [
        ("A012", "Scanned ticket A012"),
        ("SF01-W05-1-2026-000123", "Scanned document number SF01-W05-1-2026-000123"),
        (
            "https://zwfw.example.gov.cn/progress?case=SF01-W05-1-2026-000101",
            "Scanned case number SF01-W05-1-2026-000101",
        ),
        ("EL.YYZZ:ABCD-1234", "Scanned e-licence EL.YYZZ"),
        ("https://example.com/", "The scanned link holds none of our case numbers."),
        ("110105194912310029", "The scanned ID number or credit code is not valid."),
        ("hello", "The scanned code is not one the counter knows."),
    ],
)
def test_descriptions(qapp: QApplication, scanned: str, expected: str) -> None:
    assert describe(classify(scanned)) == expected


def test_id_numbers_are_masked(qapp: QApplication) -> None:
    person = resident_id("11010519491231002")
    text = describe(classify(person))
    assert text == f"Scanned ID number 110105********{person[-4:]}"
    organisation = credit_code()
    assert organisation not in describe(classify(organisation))
    assert describe(classify(organisation)).startswith("Scanned credit code ")
