"""Every PDF carries its own font (a subset), and no character is ever dropped silently."""

from __future__ import annotations

import dataclasses

import pytest

from printing import DocumentKind, Paper, build
from printing.fonts import FONT_FILE, missing_characters, printable
from tests.printing import pdftools, samples
from tests.printing.conftest import LAYOUTS, layout_id

RARE = "𠮷䶮㐂"  # U+20BB7 (CJK Ext. B), U+4DAE and U+3402 (CJK Ext. A)


@pytest.mark.parametrize("layout", LAYOUTS, ids=layout_id)
def test_only_embedded_subset_fonts(
    layout: tuple[DocumentKind, Paper], sample_pdfs: dict[tuple[DocumentKind, Paper], bytes]
) -> None:
    fonts = pdftools.fonts(sample_pdfs[layout])
    assert fonts, "the document has no text font at all"
    for font in fonts:
        assert font.embedded, f"{font.name} is not embedded"
        assert font.subset, f"{font.name} is embedded whole, not as a subset"
        assert "WenQuanYiMicroHei" in font.name
        assert font.kind == "TrueType"
    assert b"Helvetica" not in sample_pdfs[layout]


def test_the_font_ships_with_its_licence() -> None:
    licence = FONT_FILE.parent / "LICENSE-wqy-microhei.txt"
    assert FONT_FILE.stat().st_size > 1_000_000
    assert "Apache License" in licence.read_text(encoding="utf-8")


def test_rare_characters_print_as_visible_stand_ins() -> None:
    name = f"张{RARE}丰"
    assert missing_characters(name) == tuple(RARE)
    assert printable(name) == "张[U+20BB7][U+4DAE][U+3402]丰"
    assert printable("张三丰") == "张三丰"


@pytest.mark.parametrize("paper", [Paper.A4, Paper.RECEIPT_80MM])
def test_a_name_with_rare_characters_keeps_every_character_on_paper(paper: Paper) -> None:
    applicant = dataclasses.replace(samples.case().applicant, name=f"王{RARE}")
    data = samples.receipt(case=dataclasses.replace(samples.case(), applicant=applicant))
    read = pdftools.flat(pdftools.text(build(DocumentKind.ACCEPTANCE_RECEIPT, data, paper=paper)))
    assert "王[U+20BB7][U+4DAE][U+3402]" in read
    assert not set(RARE) & set(read)  # nothing the font cannot draw reached the page
