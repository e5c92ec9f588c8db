"""Units in points."""

mm: float
cm: float
inch: float
