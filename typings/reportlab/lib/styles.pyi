"""Paragraph styles."""

from typing import Any

from reportlab.lib.colors import Color

class PropertySet:
    name: str
    parent: PropertySet | None
    def __init__(self, name: str, parent: PropertySet | None = None, **kw: Any) -> None: ...

class ParagraphStyle(PropertySet):
    fontName: str
    fontSize: float
    leading: float
    leftIndent: float
    rightIndent: float
    firstLineIndent: float
    alignment: int
    spaceBefore: float
    spaceAfter: float
    textColor: Color
    wordWrap: str | None
