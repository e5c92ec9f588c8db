"""Code 128 (python-barcode) and QR codes (segno), drawn as vector bars and squares.

python-barcode computes the Code 128 modules and segno the QR matrix; both are cached per value,
and so are the PDF path operators that draw them (one filled path of rectangles, sharp at any
printer resolution): a second document with the same number costs almost nothing. A module of
0.25 mm is two dots of a 203 dpi thermal head.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import segno
from barcode.codex import Code128
from barcode.errors import BarcodeError
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from printing.errors import DocumentDataError

QUIET_MODULES = 10
"""Blank modules left and right of a Code 128 symbol (ISO/IEC 15417 asks for ten)."""

QR_BORDER = 4
"""Blank modules around a QR code (ISO/IEC 18004's quiet zone)."""

Run = tuple[int, int]
"""A bar: first module and width in modules."""


@lru_cache(maxsize=512)
def code128_bars(value: str) -> tuple[tuple[Run, ...], int]:
    """The bars of a Code 128 symbol, without quiet zones.

    Args:
        value: printable ASCII text (document numbers are).

    Returns:
        The bars and the symbol's width in modules.

    Raises:
        DocumentDataError: the value is empty or holds a character Code 128 cannot encode.
    """
    if not value or not value.isascii() or not value.isprintable():
        raise DocumentDataError(f"Code 128 needs printable ASCII text, not {value!r}")
    try:
        modules = Code128(value).build()[0]
    except BarcodeError as error:
        raise DocumentDataError(f"cannot encode {value!r} as Code 128: {error}") from error
    return _runs(modules), len(modules)


def _runs(modules: str) -> tuple[Run, ...]:
    runs: list[Run] = []
    start = -1
    for index, module in enumerate(modules + "0"):
        if module == "1" and start < 0:
            start = index
        elif module != "1" and start >= 0:
            runs.append((start, index - start))
            start = -1
    return tuple(runs)


@lru_cache(maxsize=512)
def qr_runs(text: str) -> tuple[tuple[tuple[int, Run], ...], int]:
    """The dark runs of a QR code (error correction level M), row by row.

    Returns:
        (row, (first column, length)) for every horizontal run of dark modules, and the
        symbol's size in modules without the quiet zone.
    """
    matrix = segno.make_qr(text, error="m", boost_error=False).matrix
    rows = tuple(
        (row, run)
        for row, line in enumerate(matrix)
        for run in _runs("".join("1" if dark else "0" for dark in line))
    )
    return rows, len(matrix)


def code128_width(value: str, module: float) -> float:
    """The width of a Code 128 symbol with its quiet zones, in points."""
    return (code128_bars(value)[1] + 2 * QUIET_MODULES) * module


def draw_code128(
    canvas: Canvas, value: str, *, x: float, y: float, module: float, height: float
) -> float:
    """Draw a Code 128 symbol with its quiet zones, the lower left corner at (x, y).

    Returns:
        The width drawn, quiet zones included, in points.
    """
    _fill(canvas, _code128_path(value, module, height), x=x, y=y)
    return code128_width(value, module)


def draw_qr(canvas: Canvas, text: str, *, x: float, y: float, size: float) -> None:
    """Draw a QR code with its quiet zone in a `size`-point square, lower left corner at (x, y)."""
    _fill(canvas, _qr_path(text, size), x=x, y=y)


def _fill(canvas: Canvas, path: str, *, x: float, y: float) -> None:
    """Fill a cached path (PDF operators relative to the origin) in black at (x, y)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(path)
    canvas.restoreState()


@lru_cache(maxsize=512)
def _code128_path(value: str, module: float, height: float) -> str:
    """The bars as PDF path operators, computed once per value and size."""
    bars, _ = code128_bars(value)
    left = QUIET_MODULES * module
    return _path((left + start * module, 0.0, width * module, height) for start, width in bars)


@lru_cache(maxsize=512)
def _qr_path(text: str, size: float) -> str:
    """The dark modules as PDF path operators, computed once per text and size."""
    runs, modules = qr_runs(text)
    unit = size / (modules + 2 * QR_BORDER)
    top = size - QR_BORDER * unit
    left = QR_BORDER * unit
    return _path(
        (left + column * unit, top - (row + 1) * unit, length * unit, unit)
        for row, (column, length) in runs
    )


def _path(rects: Iterable[tuple[float, float, float, float]]) -> str:
    """Rectangles as one filled PDF path (drawing operators written once, reused per page)."""
    return "\n".join(f"{x:.3f} {y:.3f} {w:.3f} {h:.3f} re" for x, y, w, h in rects) + "\nf"


class Code128Flowable(Flowable):
    """A Code 128 symbol in the flow of a receipt, centred."""

    def __init__(self, value: str, *, module: float = 0.25 * mm, height: float = 9 * mm) -> None:
        super().__init__()
        self.value = value
        self.module = module
        self.bar_height = height
        code128_bars(value)  # refuse a value no barcode can hold before layout starts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Take the whole line, as high as the bars."""
        self.width = availWidth
        return availWidth, self.bar_height

    def draw(self) -> None:
        """Draw the bars centred on the line."""
        width = code128_width(self.value, self.module)
        x = max(0.0, (self.width - width) / 2)
        draw_code128(self.canv, self.value, x=x, y=0, module=self.module, height=self.bar_height)


class QrFlowable(Flowable):
    """A QR code in the flow of a receipt, centred."""

    def __init__(self, text: str, *, size: float = 26 * mm) -> None:
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Take the whole line, as high as the code."""
        self.width = availWidth
        return availWidth, self.size

    def draw(self) -> None:
        """Draw the code centred on the line."""
        draw_qr(self.canv, self.text, x=(self.width - self.size) / 2, y=0, size=self.size)
