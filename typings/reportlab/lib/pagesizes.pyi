"""Paper sizes in points."""

A4: tuple[float, float]
