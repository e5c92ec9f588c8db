"""Page layouts: A4 forms (letterhead, number and barcode, page count) and 80 mm receipts.

An A4 form draws its furniture on every page: the hall and agency top left, the document number
with its Code 128 top right, "第 n 页 共 m 页" at the foot, and on a reprint a "副本 / COPY"
stamp and watermark. The story flows through as many pages as it needs. An 80 mm receipt is one
page as long as its content (the printer's roll cuts it).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from printing.codes import code128_width, draw_code128
from printing.data import Head
from printing.errors import DocumentDataError
from printing.fonts import FONT, printable, register_font
from printing.styles import COPY_MARK, GREY, RED
from printing.text import moment

A4_MARGIN_X = 18 * mm
A4_TOP = 28 * mm  # below the letterhead
A4_BOTTOM = 18 * mm
RECEIPT_WIDTH = 80 * mm
RECEIPT_MARGIN = 4 * mm  # 72 mm printable: the width of an 80 mm thermal head
_BARCODE_MODULE = 0.3 * mm
_CREATOR = "Window Clerk"

# Binary (Flate only) streams: smaller files, and no pure-Python ASCII85 pass over every font
# subset and image (reportlab 4 runs without its optional C accelerator here).
rl_config.useA85 = 0


class Paper(StrEnum):
    """The paper a document is laid out for."""

    A4 = "a4"
    RECEIPT_80MM = "receipt_80mm"


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until the end, to print "共 m 页" on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        """Hold the finished page."""
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Write every held page with its page count, then the file."""
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            page = f"第 {self.getPageNumber()} 页  共 {total} 页"
            self.drawCentredString(A4[0] / 2, A4_BOTTOM - 8.5 * mm, page)
            super().showPage()
        super().save()


def render_a4(*, title: str, head: Head, story: Sequence[Flowable]) -> bytes:
    """Lay a form out on A4 pages.

    Args:
        title: the document's title (its metadata, and the letterhead of later pages).
        head: the number, issuer, time and copy mark every page shows.
        story: the flowables of the body, title first.

    Returns:
        The PDF.

    Raises:
        DocumentDataError: something cannot be laid out even across pages.
    """
    register_font()
    buffer = io.BytesIO()
    doc = _document(buffer, pagesize=A4, title=title, author=head.issuer.agency)
    frame = Frame(
        A4_MARGIN_X,
        A4_BOTTOM,
        A4[0] - 2 * A4_MARGIN_X,
        A4[1] - A4_TOP - A4_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate("form", [frame], onPage=_furniture(title, head))])
    _build(doc, story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def render_receipt(*, title: str, author: str, story: Sequence[Flowable]) -> bytes:
    """Lay a receipt out on one 80 mm page exactly as long as its content.

    Returns:
        The PDF.

    Raises:
        DocumentDataError: something cannot be laid out.
    """
    register_font()
    width = RECEIPT_WIDTH - 2 * RECEIPT_MARGIN
    height = sum(_height(flowable, width) for flowable in story) + 2 * RECEIPT_MARGIN + 4 * mm
    buffer = io.BytesIO()
    doc = _document(buffer, pagesize=(RECEIPT_WIDTH, height), title=title, author=author)
    frame = Frame(
        RECEIPT_MARGIN,
        RECEIPT_MARGIN,
        width,
        height - 2 * RECEIPT_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="roll",
    )
    doc.addPageTemplates([PageTemplate("roll", [frame])])
    _build(doc, story, canvasmaker=Canvas)
    return buffer.getvalue()


def _build(doc: BaseDocTemplate, story: Sequence[Flowable], *, canvasmaker: type[Canvas]) -> None:
    """Lay the story out; what cannot be laid out at all is a data error, named as such."""
    try:
        doc.build(list(story), canvasmaker=canvasmaker)
    except LayoutError as error:
        raise DocumentDataError(f"the document cannot be laid out: {error}") from error


def _document(
    buffer: io.BytesIO, *, pagesize: tuple[float, float], title: str, author: str
) -> BaseDocTemplate:
    return BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        title=printable(title),
        author=printable(author),
        creator=_CREATOR,
        producer=_CREATOR,
        invariant=1,  # the same data gives the same bytes (no time stamp, fixed ids)
        initialFontName=FONT,  # no base-14 Helvetica, not even in the page's first BT
        initialFontSize=10,
        initialLeading=12,
    )


def _height(flowable: Flowable, width: float) -> float:
    _, height = flowable.wrap(width, 10_000 * mm)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _furniture(title: str, head: Head) -> Callable[[Canvas, BaseDocTemplate], None]:
    """The page furniture of a form, drawn under the body of every page."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if head.reprint:
            _watermark(canvas)
        _letterhead(canvas, head, title if doc.page > 1 else "")
        _footer(canvas, head)
        canvas.restoreState()

    return draw


def _letterhead(canvas: Canvas, head: Head, continued: str) -> None:
    page_width, page_height = A4
    top = page_height - 12 * mm
    right = page_width - A4_MARGIN_X
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 9)
    issuer = head.issuer
    canvas.drawString(A4_MARGIN_X, top, printable(issuer.hall or issuer.agency))
    below = "  ".join(
        part for part in (issuer.agency if issuer.hall else "", issuer.counter) if part
    )
    canvas.drawString(A4_MARGIN_X, top - 5 * mm, printable(below))
    if continued:
        canvas.setFont(FONT, 10)
        canvas.drawString(A4_MARGIN_X, top - 11 * mm, printable(f"{continued}（续）"))
    width = code128_width(head.number, _BARCODE_MODULE)
    draw_code128(
        canvas,
        head.number,
        x=right - width + 10 * _BARCODE_MODULE,  # align the last bar, not the quiet zone
        y=top - 4 * mm,
        module=_BARCODE_MODULE,
        height=8 * mm,
    )
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(FONT, 9)
    canvas.drawRightString(right, top - 8.5 * mm, f"编号：{head.number}")
    if head.reprint:  # right of the title, clear of the barcode's quiet zone
        _copy_stamp(canvas, right=right, y=page_height - A4_TOP - 7 * mm)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.8)
    canvas.line(A4_MARGIN_X, page_height - A4_TOP + 3 * mm, right, page_height - A4_TOP + 3 * mm)


def _footer(canvas: Canvas, head: Head) -> None:
    y = A4_BOTTOM - 8.5 * mm
    right = A4[0] - A4_MARGIN_X
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    canvas.line(A4_MARGIN_X, A4_BOTTOM - 4 * mm, right, A4_BOTTOM - 4 * mm)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(GREY)
    canvas.drawString(A4_MARGIN_X, y, head.number)
    canvas.drawRightString(right, y, f"打印时间 {moment(head.issued_at)}")


def _copy_stamp(canvas: Canvas, *, right: float, y: float) -> None:
    """A red boxed "副本 / COPY" beside the title: a reprint is never taken for the original."""
    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setFillColor(RED)
    canvas.setLineWidth(1.2)
    canvas.setFont(FONT, 13)
    width = canvas.stringWidth(COPY_MARK, FONT, 13) + 6 * mm
    canvas.rect(right - width, y - 2.2 * mm, width, 8 * mm, stroke=1, fill=0)
    canvas.drawCentredString(right - width / 2, y, COPY_MARK)
    canvas.restoreState()


def _watermark(canvas: Canvas) -> None:
    """A large pale diagonal "副本 COPY" under the body of every page of a reprint."""
    canvas.saveState()
    canvas.setFillColorRGB(0.96, 0.86, 0.86)
    canvas.translate(A4[0] / 2, A4[1] / 2)
    canvas.rotate(35)
    canvas.setFont(FONT, 96)
    canvas.drawCentredString(0, 0, "副本 COPY")
    canvas.restoreState()
