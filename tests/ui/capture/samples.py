"""Real scan files for the capture tests: images drawn with Pillow, PDFs made with reportlab."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import FONT_FILE


def picture(fmt: str = "PNG", *, size: tuple[int, int] = (600, 400), text: str = "") -> bytes:
    """A scanned-looking page: a light sheet with a frame, lines of "text" and optional words."""
    image = Image.new("RGB", size, (246, 244, 238))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((12, 12, width - 13, height - 13), outline=(90, 90, 120), width=3)
    for row in range(5):
        y = height // 2 + row * 22
        if y < height - 30:
            draw.line((40, y, width - 60 - row * 25, y), fill=(110, 110, 110), width=5)
    if text:
        font = ImageFont.truetype(str(FONT_FILE), size=max(18, width // 14))
        draw.text((40, 40), text, fill=(20, 20, 60), font=font)
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def tiff_pages(count: int) -> bytes:
    """A multi-page TIFF (a fax-style scan)."""
    pages = [Image.new("L", (200, 280), 255 - 40 * i) for i in range(count)]
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", save_all=True, append_images=pages[1:])
    return out.getvalue()


def pdf(pages: int = 1, *, password: str | None = None) -> bytes:
    """A PDF of `pages` pages with a line of text each (encrypted when a password is given)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, encrypt=password)
    for page in range(pages):
        canvas.drawString(72, 720, f"Page {page + 1}")
        canvas.rect(72, 400, 300, 200)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
