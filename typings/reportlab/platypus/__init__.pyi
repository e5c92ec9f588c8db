"""Platypus: flowables, tables and page templates (the parts Window Clerk uses)."""

from collections.abc import Callable, Sequence
from typing import IO, Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

class Flowable:
    canv: Canvas
    width: float
    height: float
    def __init__(self) -> None: ...
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]: ...
    def draw(self) -> None: ...
    def getSpaceBefore(self) -> float: ...
    def getSpaceAfter(self) -> float: ...

class Paragraph(Flowable):
    def __init__(
        self, text: str, style: ParagraphStyle | None = None, bulletText: str | None = None
    ) -> None: ...

class Spacer(Flowable):
    def __init__(self, width: float, height: float, isGlue: bool = False) -> None: ...

class HRFlowable(Flowable):
    def __init__(
        self,
        width: float | str = "80%",
        thickness: float = 1,
        lineCap: str = "round",
        color: Color | None = None,
        spaceBefore: float = 1,
        spaceAfter: float = 1,
        hAlign: str = "CENTER",
        vAlign: str = "BOTTOM",
        dash: Sequence[float] | None = None,
    ) -> None: ...

class KeepTogether(Flowable):
    def __init__(self, flowables: Sequence[Flowable], maxHeight: float | None = None) -> None: ...

class TableStyle:
    def __init__(
        self, cmds: Sequence[tuple[Any, ...]] | None = None, parent: TableStyle | None = None
    ) -> None: ...
    def add(self, *cmd: Any) -> None: ...

class Table(Flowable):
    def __init__(
        self,
        data: Sequence[Sequence[Any]],
        colWidths: Sequence[float | None] | None = None,
        rowHeights: Sequence[float | None] | None = None,
        style: TableStyle | None = None,
        repeatRows: int = 0,
        repeatCols: int = 0,
        splitByRow: int = 1,
        splitInRow: int = 0,
        emptyTableAction: str | None = None,
        ident: str | None = None,
        hAlign: str | None = None,
        vAlign: str | None = None,
        normalizedData: int = 0,
        cellStyles: Any = None,
        rowSplitRange: Any = None,
        spaceBefore: float | None = None,
        spaceAfter: float | None = None,
        longTableOptimize: int | None = None,
        minRowHeights: Sequence[float] | None = None,
        cornerRadii: Any = ...,
        renderCB: Any = None,
        shadow: Any = None,
    ) -> None: ...
    def setStyle(self, tblstyle: TableStyle) -> None: ...

class Frame:
    def __init__(
        self,
        x1: float,
        y1: float,
        width: float,
        height: float,
        leftPadding: float = 6,
        bottomPadding: float = 6,
        rightPadding: float = 6,
        topPadding: float = 6,
        id: str | None = None,
        showBoundary: int = 0,
    ) -> None: ...

class PageTemplate:
    def __init__(
        self,
        id: str | None = None,
        frames: Sequence[Frame] = ...,
        onPage: Callable[[Canvas, BaseDocTemplate], None] | None = None,
        onPageEnd: Callable[[Canvas, BaseDocTemplate], None] | None = None,
        pagesize: tuple[float, float] | None = None,
    ) -> None: ...

class BaseDocTemplate:
    page: int
    def __init__(self, filename: str | IO[bytes], **kw: Any) -> None: ...
    def addPageTemplates(self, pageTemplates: Sequence[PageTemplate]) -> None: ...
    def build(
        self, flowables: list[Flowable], filename: str | None = None, canvasmaker: type[Canvas] = ...
    ) -> None: ...
