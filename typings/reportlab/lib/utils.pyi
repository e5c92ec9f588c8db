"""Utilities: the image reader."""

from typing import Any

class ImageReader:
    def __init__(self, fileName: Any, ident: object | None = None) -> None: ...
    def getSize(self) -> tuple[int, int]: ...
