"""The closing block of a form: QR code, the applicant's signature lines, the agency's seal area.

The seal area names the agency and the date; an e-seal image, when the agency has one, is laid
over them as a stamp would be; without one a dashed circle leaves room for the rubber stamp.
"""

from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from printing.codes import QrFlowable
from printing.data import Head, SealImage
from printing.errors import DocumentDataError
from printing.fonts import FONT, markup, printable
from printing.parts import WIDTH
from printing.styles import CELL, GREY, SMALL
from printing.text import day, local_date

_SEAL_WIDTH = 64 * mm
_SEAL_HEIGHT = 34 * mm
_SEAL_DIAMETER = 33 * mm
_SEAL_PIXELS = 300  # ≈ 230 dpi at 33 mm: sharp on paper, and little to compress per document
_QR_WIDTH = 34 * mm
_DATE_LINE = "日期：______年____月____日____时____分"


@lru_cache(maxsize=16)
def seal_reader(seal: SealImage) -> ImageReader:
    """The e-seal image, read once per image.

    Raises:
        DocumentDataError: the file is missing or not an image.
    """
    try:
        source = Image.open(seal if isinstance(seal, Path) else io.BytesIO(seal))
        source.load()
    except (OSError, UnidentifiedImageError) as error:
        raise DocumentDataError(f"cannot read the e-seal image: {error}") from error
    image = source.convert("RGBA")
    image.thumbnail((_SEAL_PIXELS, _SEAL_PIXELS), Image.Resampling.LANCZOS)
    return ImageReader(image)


class SealArea(Flowable):
    """The agency's name and the date, with the e-seal over them or room for a stamp."""

    def __init__(self, agency: str, issued_at: datetime, seal: SealImage | None) -> None:
        super().__init__()
        self.agency = printable(agency)
        self.date = day(local_date(issued_at))
        self.seal = seal
        self.width = _SEAL_WIDTH
        self.height = _SEAL_HEIGHT
        if seal is not None:
            seal_reader(seal)  # refuse an unreadable seal before layout starts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """A fixed box."""
        return self.width, self.height

    def draw(self) -> None:
        """Agency and date, then the seal (or its dashed circle) over them."""
        canvas = self.canv
        centre = self.width / 2
        lines = _lines(self.agency, self.width - 4 * mm, 10.5)
        y = 19 * mm + 6 * (len(lines) - 1)
        canvas.setFont(FONT, 10.5)
        for line in lines:
            canvas.drawCentredString(centre, y, line)
            y -= 13
        canvas.drawCentredString(centre, 10 * mm, self.date)
        if self.seal is None:
            self._stamp_room(centre)
        else:
            size = _SEAL_DIAMETER
            canvas.drawImage(
                seal_reader(self.seal),
                centre - size / 2,
                17 * mm - size / 2,
                width=size,
                height=size,
                mask="auto",
                preserveAspectRatio=True,
            )

    def _stamp_room(self, centre: float) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setFillColor(GREY)
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.5)
        canvas.circle(centre, 17 * mm, _SEAL_DIAMETER / 2, stroke=1, fill=0)
        canvas.setFont(FONT, 8)
        canvas.drawCentredString(centre, 28 * mm, "（盖章）")
        canvas.restoreState()


def _lines(text: str, width: float, size: float) -> list[str]:
    """Break a name into lines that fit `width` (a long agency name takes two or three)."""
    lines = [""]
    for char in text:
        if lines[-1] and _width(lines[-1] + char, size) > width:
            lines.append("")
        lines[-1] += char
    return lines


def _width(text: str, size: float) -> float:
    return float(stringWidth(text, FONT, size))


def closing(head: Head, *, signer: str | None, qr_caption: str = "扫码查询办理进度") -> Flowable:
    """The block that ends a form, kept on one page.

    Args:
        head: the document's head (issuer and seal, date, QR link).
        signer: the signature label, e.g. "申请人（签字）"; None when nobody signs.
        qr_caption: the words under the QR code.

    Returns:
        The QR code (if the head has a link), the signature lines and the seal area.
    """
    left: list[Flowable] = []
    if head.lookup_url:
        left = [QrFlowable(head.lookup_url, size=27 * mm), Paragraph(markup(qr_caption), SMALL)]
    middle: list[Flowable] = []
    if signer:
        middle = [
            Paragraph(markup(f"{signer}："), CELL),
            Spacer(1, 9 * mm),
            Paragraph(markup(_DATE_LINE), CELL),
        ]
    seal = SealArea(head.issuer.agency, head.issued_at, head.issuer.seal)
    table = Table(
        [[left, middle, seal]],
        colWidths=[_QR_WIDTH, WIDTH - _QR_WIDTH - _SEAL_WIDTH, _SEAL_WIDTH],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 3 * mm), table])
