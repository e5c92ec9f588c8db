"""The bundled CJK font, registered once; characters it lacks print as a visible stand-in.

Every document uses one TrueType font for Chinese and Latin text alike, shipped under
`resources/fonts/` with its licence, so a document prints the same on a machine without Chinese
fonts. reportlab embeds only the glyphs a document uses (a subset). A character outside the font
(e.g. 𠮷 U+20BB7 from CJK Extension B) is never dropped silently: it prints as [U+20BB7]. The
stand-in uses ASCII brackets on purpose: reportlab's CJK line breaking never splits an ASCII run
after its first character, so a stand-in stays whole on one line.
"""

from __future__ import annotations

import logging
from functools import cache
from html import escape

from clerk.bundle import resource
from printing.errors import PrintingError

logger = logging.getLogger(__name__)

FONT = "WenQuanYiMicroHei"
"""The name every style and canvas call uses."""

FONT_FILE = resource("fonts", "wqy-microhei.ttc")
_SUBFONT = 0  # the proportional face; 1 is "Micro Hei Mono"
_KEPT = frozenset("\n\t")  # whitespace the layout handles itself


@cache
def register_font() -> str:
    """Register the bundled font with reportlab (once per process).

    Returns:
        The registered font name (`FONT`).

    Raises:
        PrintingError: the font file is missing or unreadable.
    """
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 - reportlab on first use (start time)
    from reportlab.pdfbase.ttfonts import TTFError, TTFont  # noqa: PLC0415

    try:
        font = TTFont(FONT, str(FONT_FILE), subfontIndex=_SUBFONT)
    except (OSError, TTFError) as error:
        raise PrintingError(f"cannot load the document font {FONT_FILE}: {error}") from error
    pdfmetrics.registerFont(font)
    logger.debug("registered %s from %s", FONT, FONT_FILE)
    return FONT


@cache
def _glyphs() -> frozenset[int]:
    """Code points the font has a glyph for."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 - reportlab on first use (start time)
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    register_font()
    font = pdfmetrics.getFont(FONT)
    assert isinstance(font, TTFont)
    return frozenset(font.face.charToGlyph)


def stand_in(char: str) -> str:
    """The visible stand-in printed for a character the font lacks, e.g. [U+20BB7]."""
    return f"[U+{ord(char):04X}]"


def printable(text: str) -> str:
    """Text as the font can print it: every character it lacks becomes its stand-in.

    Args:
        text: any text (names may hold rare characters such as 𠮷, 䶮 or 㐂).

    Returns:
        The same text where the font covers it; missing characters replaced, never dropped.
    """
    glyphs = _glyphs()
    if all(ord(char) in glyphs or char in _KEPT for char in text):
        return text
    return "".join(
        char if ord(char) in glyphs or char in _KEPT else stand_in(char) for char in text
    )


def markup(text: str) -> str:
    """Text made safe for a reportlab Paragraph: XML-escaped, line breaks kept, stand-ins in.

    An ideographic space (U+3000) keeps its width: a Paragraph would fold it like any space.
    """
    escaped = escape(printable(text), quote=False)  # &, < and >, as XML needs
    return escaped.replace("\n", "<br/>").replace("\u3000", "&nbsp;&nbsp;")


def missing_characters(text: str) -> tuple[str, ...]:
    """The characters of `text` the font cannot print (in order, without repeats)."""
    glyphs = _glyphs()
    seen = dict.fromkeys(c for c in text if ord(c) not in glyphs and c not in _KEPT)
    return tuple(seen)
