"""Each document still looks like its reviewed reference (docs/documents/*.png), within tolerance.

After an intended change of layout, regenerate the references (`python -m tests.printing.visual`),
look at them, and commit them with the change.
"""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from printing import DocumentKind, build
from tests.printing import samples, visual


@pytest.mark.parametrize("sheet", visual.SHEETS, ids=lambda sheet: sheet.name)
def test_the_document_matches_its_reference(sheet: visual.Sheet) -> None:
    path = visual.reference_path(sheet)
    assert path.exists(), f"no reference {path.name}: run python -m tests.printing.visual"
    with Image.open(path) as reference:
        found = visual.difference(visual.rendering(sheet.pdf()), reference)
    assert found.acceptable, f"{sheet.name} differs from its reference: {found}"


def test_the_comparison_notices_one_changed_digit() -> None:
    right = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt())
    wrong = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(due_on=date(2026, 12, 5)))
    reference = visual.rendering(right)
    assert visual.difference(visual.rendering(right), reference).acceptable
    assert not visual.difference(visual.rendering(wrong), reference).acceptable


def test_the_comparison_refuses_another_page_size() -> None:
    small = Image.new("RGB", (10, 10), "white")
    with pytest.raises(ValueError, match="size"):
        visual.difference(small, Image.new("RGB", (10, 11), "white"))
