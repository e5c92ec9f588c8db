"""The login dialog at the start of the day: staff number and password, online or offline."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from sync.login import Login
from ui.session.auth import Authenticator
from ui.session.form import CredentialsForm


class LoginDialog(QDialog):
    """Asks for a staff number and password until someone signs in (Escape cancels).

    The registry is asked whether it answers when the dialog opens; when it does not, the
    dialog says "offline login" and the password is checked against the hall's cached
    verifiers. `login` holds the result once the dialog is accepted.
    """

    def __init__(
        self, authenticator: Authenticator, *, counter_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — Window Clerk"))
        self.login: Login | None = None
        self.counter = QLabel(self.tr("Counter {counter}").format(counter=counter_label), self)
        self.counter.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.form = CredentialsForm(authenticator, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.form)
        self.form.signedIn.connect(self._signed_in)
        self.form.fix_staff(None)
        self.form.check_registry()
        self.setMinimumWidth(420)

    def _signed_in(self, login: Login) -> None:
        self.login = login
        self.accept()

    def done(self, result: int) -> None:
        """Close (accepted or cancelled) once no check is running."""
        if self.form.busy and result != QDialog.DialogCode.Accepted:
            return  # a password check is under way: let it finish first
        self.form.close_lane()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Closing the window while a check runs waits for it, as Escape does."""
        if self.form.busy:
            event.ignore()
            return
        super().closeEvent(event)


def sign_in(
    authenticator: Authenticator, *, counter_label: str, parent: QWidget | None = None
) -> Login | None:
    """Show the login dialog until a staff member signs in.

    Args:
        authenticator: checks passwords (see `Authenticator.for_connection`).
        counter_label: how the counter is named on the dialog, e.g. "SF01 · W01".
        parent: the window the dialog belongs to, if any.

    Returns:
        The login, or None when the user cancelled (the application should quit).
    """
    dialog = LoginDialog(authenticator, counter_label=counter_label, parent=parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.login if accepted else None
    finally:
        dialog.deleteLater()
