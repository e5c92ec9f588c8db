"""New scans from the scanner's folder, offered one at a time for the case in progress.

The drop folder only finds files; the clerk decides whether a scan belongs to the case at the
counter (the scanner may be shared, or the scan may be for the next applicant). The bar shows
the oldest offer with how many more wait; taking or dismissing it shows the next.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class OfferBar(QFrame):
    """Offers each new scan from the scanner's folder: add it to the case or dismiss it.

    Signals:
        taken(Path): the clerk adds this scan to the case in progress.
        dismissed(Path): the clerk does not want this scan here.
    """

    taken = Signal(Path)
    dismissed = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offers: list[Path] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("OfferBar { background: #fff6d6; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Add to case"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.take_button.clicked.connect(self.take)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.take_button)
        layout.addWidget(self.dismiss_button)
        self._update()

    @property
    def offers(self) -> tuple[Path, ...]:
        """The scans offered and not yet taken or dismissed, oldest first."""
        return tuple(self._offers)

    @Slot(Path)
    def offer(self, path: Path) -> None:
        """Offer a new scan (after those already offered)."""
        if path not in self._offers:
            self._offers.append(path)
            self._update()

    @Slot()
    def take(self) -> None:
        """Add the scan shown to the case."""
        if self._offers:
            self.taken.emit(self._offers.pop(0))
            self._update()

    @Slot()
    def dismiss(self) -> None:
        """Leave the scan shown in the folder, not added."""
        if self._offers:
            self.dismissed.emit(self._offers.pop(0))
            self._update()

    def _update(self) -> None:
        self.setVisible(bool(self._offers))
        if not self._offers:
            self.text.clear()
            return
        text = self.tr("New scan from the scanner: {name}").format(name=self._offers[0].name)
        more = len(self._offers) - 1
        if more:
            text += " " + self.tr("({count} more waiting)").format(count=more)
        self.text.setText(text)
