"""Paragraph alignments."""

from typing import Final

TA_LEFT: Final[int]
TA_CENTER: Final[int]
TA_RIGHT: Final[int]
TA_JUSTIFY: Final[int]
