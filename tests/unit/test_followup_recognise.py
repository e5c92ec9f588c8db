"""What a follow-up search text is taken for: case/document number, ID number, phone or name."""

from __future__ import annotations

import pytest

from clerk.services.followup import QueryKind, recognise

K = QueryKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SF01-W05-1-2026-000123", K.NUMBER),
        ("  sf01-w05-1-2026-000123 ", K.NUMBER),  # scanned or typed in lower case
        ("33010619850312001X", K.ID_NUMBER),
        ("33010619850312001x", K.ID_NUMBER),
        ("330106850312001", K.ID_NUMBER),  # a legacy 15-digit number
        ("330106198503120019", K.ID_NUMBER),  # wrong check character: still an ID number
        ("91330106MA2H123456", K.ID_NUMBER),  # a unified social credit code
        ("３３０１０６１９８５０３１２００１Ｘ", K.ID_NUMBER),  # full-width, from an input method
        ("13812345678", K.PHONE),
        ("138 1234 5678", K.PHONE),
        ("0571-87654321", K.PHONE),
        ("+86 138 1234 5678", K.PHONE),
        ("008613812345678", K.PHONE),  # 15 digits, but no ID number's region
        ("（0571）8765 4321", K.PHONE),
        ("张", K.NAME),
        ("欧阳娜娜", K.NAME),
        ("杭州某某食品有限公司", K.NAME),
        ("Smith", K.NAME),
        ("123", K.UNKNOWN),
        ("A12B", K.UNKNOWN),
        ("", K.EMPTY),
        ("   ", K.EMPTY),
    ],
)
def test_the_kind_of_a_search_text(text: str, kind: QueryKind) -> None:
    assert recognise(text) is kind
