"""Reference renderings of every document (docs/documents/*.png) and how a page is compared.

A page is rendered at 100 dpi by pdftoppm and reduced to a 24-colour palette (small files that
people can still look at). Two renderings match when they have the same size, their mean
grey-level difference is small, and no 16 × 16 pixel tile differs much: a moved line or a missing
word changes a tile even where the page-wide mean hardly moves.

Regenerate the references after an intended change, then look at them:

    .venv/bin/python -m tests.printing.visual
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from printing import DocumentKind, Paper, build, papers
from tests.printing import pdftools, samples

logger = logging.getLogger(__name__)

REFERENCES = Path(__file__).resolve().parents[2] / "docs" / "documents"
DPI = 100
COLOURS = 24
TILE = 16
MAX_MEAN = 1.0  # grey levels (of 255), averaged over the page
MAX_TILE = 8.0  # grey levels, averaged over the worst tile


@dataclass(frozen=True)
class Sheet:
    """One reference: a document kind on a paper, as original or as reprint."""

    kind: DocumentKind
    paper: Paper
    reprint: bool = False

    @property
    def name(self) -> str:
        """The file name stem, e.g. "acceptance_receipt-receipt_80mm-copy"."""
        suffix = "-copy" if self.reprint else ""
        return f"{self.kind.value}-{self.paper.value}{suffix}"

    def pdf(self) -> bytes:
        """The sample document."""
        return build(self.kind, samples.sample(self.kind, reprint=self.reprint), paper=self.paper)


SHEETS = [Sheet(kind, paper) for kind in DocumentKind for paper in papers(kind)] + [
    Sheet(DocumentKind.ACCEPTANCE_RECEIPT, Paper.A4, reprint=True),
    Sheet(DocumentKind.ACCEPTANCE_RECEIPT, Paper.RECEIPT_80MM, reprint=True),
]


def rendering(pdf: bytes, *, page: int = 1) -> Image.Image:
    """A page as the references store it: 100 dpi, 24-colour palette."""
    image = pdftools.render(pdf, dpi=DPI, page=page).convert("RGB")
    return image.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


@dataclass(frozen=True)
class Difference:
    """How far a rendering is from its reference, in grey levels."""

    mean: float
    worst_tile: float

    @property
    def acceptable(self) -> bool:
        """Within the tolerance of a different poppler or FreeType version."""
        return self.mean <= MAX_MEAN and self.worst_tile <= MAX_TILE


def difference(image: Image.Image, reference: Image.Image) -> Difference:
    """Compare two renderings of the same size (grey levels).

    Raises:
        ValueError: the sizes differ (a different paper or page length).
    """
    if image.size != reference.size:
        raise ValueError(f"size {image.size} differs from the reference's {reference.size}")
    delta = ImageChops.difference(image.convert("L"), reference.convert("L"))
    tiles = delta.reduce(TILE)  # each pixel: the mean of a TILE × TILE tile
    return Difference(ImageStat.Stat(delta).mean[0], float(ImageStat.Stat(tiles).extrema[0][1]))


def reference_path(sheet: Sheet) -> Path:
    """Where a sheet's reference lives."""
    return REFERENCES / f"{sheet.name}.png"


def regenerate() -> list[Path]:
    """Render every sheet and write it as the new reference."""
    REFERENCES.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in SHEETS:
        path = reference_path(sheet)
        rendering(sheet.pdf()).save(path, optimize=True)
        written.append(path)
        logger.info("wrote %s (%d bytes)", path, path.stat().st_size)
    return written


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    regenerate()
