"""Type sizes, colours and paragraph styles of the forms (one CJK font for every script).

Every style names the bundled font and wraps as CJK text does (a line may break between any two
characters), so a long name or material list wraps instead of running off the page.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from printing.fonts import FONT

COPY_MARK = "副本 / COPY"
"""What a reprint says on every page (DOMAIN.md §5: copies printed again are marked)."""

GREY = Color(0.35, 0.35, 0.35)
RED = Color(0.78, 0.08, 0.08)
LABEL_FILL = Color(0.93, 0.93, 0.93)
RULE = Color(0, 0, 0)

BODY = ParagraphStyle(
    "body",
    fontName=FONT,
    fontSize=10.5,  # 五号
    leading=16,
    wordWrap="CJK",
    firstLineIndent=21,  # two characters, as Chinese paragraphs start
    spaceAfter=3,
)
PLAIN = ParagraphStyle("plain", parent=BODY, firstLineIndent=0)
HEADING = ParagraphStyle(
    "heading", parent=PLAIN, fontSize=11.5, leading=18, spaceBefore=6, spaceAfter=3
)
CELL = ParagraphStyle(
    "cell",
    fontName=FONT,
    fontSize=9.5,
    leading=13,
    wordWrap="CJK",
    alignment=TA_LEFT,
    rightIndent=5,  # a closing bracket may hang past the line's end: keep it off the rule
)
CELL_CENTRE = ParagraphStyle(
    "cell_centre", parent=CELL, alignment=TA_CENTER, leftIndent=2.5, rightIndent=2.5
)
LABEL = ParagraphStyle("label", parent=CELL_CENTRE)
SMALL = ParagraphStyle("small", parent=CELL, fontSize=8, leading=11, textColor=GREY)
TITLE = ParagraphStyle(
    "title", fontName=FONT, fontSize=20, leading=25, alignment=TA_CENTER, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=CELL, fontSize=9.5, alignment=TA_CENTER, textColor=GREY, spaceAfter=5
)

# 80 mm receipts: 72 mm of print width, short lines. CJK line breaking lets a closing
# punctuation mark hang past the end of a line; the indents keep room for it inside the 72 mm.
_HANG = 9.0
R_BODY = ParagraphStyle("r_body", parent=CELL, fontSize=9, leading=12.5, rightIndent=_HANG)
R_ITEM = ParagraphStyle("r_item", parent=R_BODY, leftIndent=10, firstLineIndent=-10)
R_SMALL = ParagraphStyle("r_small", parent=R_BODY, fontSize=7.5, leading=10, textColor=GREY)
R_CENTRE = ParagraphStyle(
    "r_centre", parent=R_BODY, alignment=TA_CENTER, leftIndent=_HANG / 2, rightIndent=_HANG / 2
)
R_TITLE = ParagraphStyle("r_title", parent=R_CENTRE, fontSize=14, leading=19, spaceAfter=2)
R_BIG = ParagraphStyle("r_big", parent=R_CENTRE, fontSize=36, leading=42)
R_COPY = ParagraphStyle("r_copy", parent=R_CENTRE, fontSize=12, leading=17, textColor=RED)
