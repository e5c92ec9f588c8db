"""TrueType fonts (embedded as subsets)."""

class TTFError(Exception): ...

class TTFontFace:
    name: bytes
    charToGlyph: dict[int, int]

class TTFont:
    fontName: str
    face: TTFontFace
    def __init__(
        self,
        name: str,
        filename: str,
        validate: int = 0,
        subfontIndex: int | str = 0,
        asciiReadable: int | None = None,
    ) -> None: ...
