"""First start: enrol the counter with the hall's registry, or use the built-in demo registry.

`ensure_enrolled` decides whether to ask: a counter enrolled before, or started with a registry
and a code, connects without a question; otherwise `EnrolmentDialog` asks for the registry's
address and a one-time code (or the demo), enrols off the GUI thread and shows what went wrong.
"""

from __future__ import annotations

import os
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk.store import open_store
from clerk.store.peek import STORE_FILE
from sync.client import Offline
from sync.setup import URL_VARIABLE, Connection, open_counter
from ui.queue.lane import Lane
from ui.session.form import ERROR_STYLE
from ui.session.messages import user_message
from ui.settings import REGISTRY_URL, CounterSettings


def is_enrolled(folder: Path) -> bool:
    """Whether the counter's store in `folder` holds a registry credential."""
    path = folder / STORE_FILE
    if not path.exists():
        return False
    store = open_store(path)
    try:
        return store.ledger().credentials() is not None
    finally:
        store.close()


def normalised_code(text: str) -> str:
    """A one-time code as typed ("abcd efgh-jkmn") in the registry's form ("ABCD-EFGH-JKMN")."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def valid_url(text: str) -> bool:
    """Whether `text` is an http(s) address with a host."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())


class EnrolmentDialog(QDialog):
    """Registry address and one-time code, or the built-in demo registry.

    `connection` holds the open counter once the dialog is accepted; the registry chosen is
    kept in the settings so the next start connects to it without asking.
    """

    def __init__(
        self,
        folder: Path,
        *,
        settings: CounterSettings,
        registry_url: str | None = None,
        code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrol this counter — Window Clerk"))
        self.connection: Connection | None = None
        self._folder, self._settings = folder, settings
        self._lane = Lane(threads=1, parent=self)
        self.registry = QRadioButton(self.tr("Enrol with the hall registry"), self)
        self.demo = QRadioButton(self.tr("Use the built-in demo registry"), self)
        self.url = QLineEdit(registry_url or "", self)
        self.url.setPlaceholderText("https://registry.example.gov.cn")  # notr: an address
        self.code = QLineEdit(code or "", self)
        self.code.setPlaceholderText("ABCD-EFGH-JKMN")  # notr: the shape of a code
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.enrol_button = QPushButton(self.tr("Enrol"), self)
        self.enrol_button.setDefault(True)  # Enter in any field enrols
        self._lay_out()
        self.registry.setChecked(True)
        self.registry.toggled.connect(self._choice_changed)
        self.enrol_button.clicked.connect(self.enrol)
        (self.code if self.url.text() else self.url).setFocus()

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "This counter is not enrolled yet. Type the address of the hall registry and "
                "the one-time code from the administrator, or try Window Clerk with the "
                "built-in demo registry."
            ),
            self,
        )
        intro.setWordWrap(True)
        fields = QFormLayout()
        for text, field in (
            (self.tr("Registry address"), self.url),
            (self.tr("One-time code"), self.code),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            fields.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.registry)
        layout.addLayout(fields)
        layout.addWidget(self.demo)
        layout.addWidget(self.message)
        layout.addWidget(self.enrol_button)
        order = (self.registry, self.url, self.code, self.demo, self.enrol_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(480)

    @property
    def busy(self) -> bool:
        """Whether an enrolment is under way."""
        return self._lane.busy

    def enrol(self) -> None:
        """Check the input and enrol in the background (ignored while one runs)."""
        if self.busy:
            return
        if self.demo.isChecked():
            self._start(None, None)
            return
        url = self.url.text().strip()
        if not valid_url(url):
            self._say(
                self.tr("Type the address of the registry, e.g. https://registry.example.gov.cn"),
                self.url,
            )
            return
        code = normalised_code(self.code.text())
        if len(code.replace("-", "")) < 8:
            self._say(self.tr("Type the one-time code, e.g. ABCD-EFGH-JKMN."), self.code)
            return
        self._start(url, code)

    def _start(self, url: str | None, code: str | None) -> None:
        folder = self._folder
        if url is None:
            self.message.setText(self.tr("Starting the built-in demo registry…"))
        else:
            self.message.setText(self.tr("Enrolling with {url}…").format(url=url))
        self._set_enabled(False)
        self._lane.submit(
            lambda: open_counter(folder, registry_url=url, code=code),
            done=lambda connection: self._enrolled(connection, url),
            failed=self._failed,
        )

    def _enrolled(self, connection: Connection, url: str | None) -> None:
        self._settings.set(REGISTRY_URL, url or "")
        self.connection = connection
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_enabled(True)
        self._say(user_message(error), self.url if isinstance(error, Offline) else self.code)

    def _say(self, text: str, focus: QWidget) -> None:
        self.message.setText(text)
        if not self.demo.isChecked():
            focus.setFocus()

    def _choice_changed(self) -> None:
        for field in (self.url, self.code):
            field.setEnabled(self.registry.isChecked())
        self.message.clear()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.registry, self.demo, self.enrol_button):
            widget.setEnabled(enabled)
        for field in (self.url, self.code):
            field.setEnabled(enabled and self.registry.isChecked())

    def done(self, result: int) -> None:
        """Close once no enrolment is running (its connection must not be lost)."""
        if self.busy:
            return
        self._lane.close()
        super().done(result)


def ensure_enrolled(
    folder: Path,
    *,
    settings: CounterSettings,
    registry_url: str | None = None,
    code: str | None = None,
    ask: bool = True,
    parent: QWidget | None = None,
) -> Connection | None:
    """Open the counter in `folder`, enrolling it first if it never was.

    The registry is `registry_url`, else $WINDOW_CLERK_REGISTRY_URL, else the one kept in the
    settings, else the embedded default. A counter that is enrolled, or that has both a
    registry and a code, or that may not ask (`ask=False`: scripted starts), connects as
    `sync.setup.open_counter` does; otherwise the enrolment dialog asks.

    Returns:
        The open counter, or None when the user cancelled the dialog.

    Raises:
        Whatever `sync.setup.open_counter` raises when no dialog is shown.
    """
    url = registry_url or os.environ.get(URL_VARIABLE) or settings.get(REGISTRY_URL) or None
    if not ask or is_enrolled(folder) or (url and code):
        return open_counter(folder, registry_url=url, code=code)
    dialog = EnrolmentDialog(folder, settings=settings, registry_url=url, code=code, parent=parent)
    try:
        dialog.exec()
        return dialog.connection
    finally:
        dialog.deleteLater()
