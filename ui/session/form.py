"""The staff number and password form shared by the login dialog and the lock screen.

The password is checked off the GUI thread (a `Lane`), online at the registry or offline
against the hall's cached verifiers; the form says which, shows refusals with the remaining
wait of a lock-out, and clears the password after every attempt. Enter submits; it is used
with the keyboard alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clerk.staff import Actor
from sync.login import Login
from ui.queue.lane import Lane
from ui.session.auth import Authenticator
from ui.session.messages import user_message

ERROR_STYLE = "color: #b00020;"
OFFLINE_STYLE = "color: #8a5300; font-weight: bold;"


class CredentialsForm(QWidget):
    """Staff number (unless fixed to one member) and password, checked in the background.

    Signals:
        signedIn(object): the `sync.login.Login` of a staff member whose password was right.
    """

    signedIn = Signal(object)  # noqa: N815  (Qt signal names are camelCase)

    def __init__(self, authenticator: Authenticator, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._authenticator = authenticator
        self._lane = Lane(threads=1, parent=self)  # one thread: checks run in the order asked
        self._checking_password = False
        self._fixed: Actor | None = None
        self.mode = QLabel(self)
        self.staff_id = QLineEdit(self)
        self.staff_id.setObjectName("staffId")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.submit_button = QPushButton(self.tr("Sign in"), self)
        self.submit_button.setAutoDefault(False)  # Enter is handled once, by the fields
        self._lay_out()
        self.staff_id.returnPressed.connect(self._staff_entered)
        self.password.returnPressed.connect(self.submit)
        self.submit_button.clicked.connect(self.submit)

    def _lay_out(self) -> None:
        fields = QFormLayout()
        self._staff_label = QLabel(self.tr("Staff number"), self)
        self._staff_label.setBuddy(self.staff_id)
        fields.addRow(self._staff_label, self.staff_id)
        password_label = QLabel(self.tr("Password"), self)
        password_label.setBuddy(self.password)
        fields.addRow(password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addLayout(fields)
        layout.addWidget(self.message)
        layout.addWidget(self.submit_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.mode.hide()

    @property
    def busy(self) -> bool:
        """Whether a check is running."""
        return self._lane.busy

    def fix_staff(self, actor: Actor | None) -> None:
        """Ask only for `actor`'s password (unlocking), or for anyone's number too (None)."""
        self._fixed = actor
        self.submit_button.setText(self.tr("Unlock") if actor else self.tr("Sign in"))
        self.staff_id.setVisible(actor is None)
        self._staff_label.setVisible(actor is None)
        self.staff_id.setText("")
        self.password.clear()
        self.message.clear()
        self.focus_first()

    def focus_first(self) -> None:
        """Put the cursor where the user types first."""
        if self._fixed is None and not self.staff_id.text().strip():
            self.staff_id.setFocus()
        else:
            self.password.setFocus()

    def check_registry(self) -> None:
        """Find out in the background whether the registry answers, and say so."""
        self.mode.setStyleSheet("")
        self.mode.setText(self.tr("Connecting to the registry…"))
        self.mode.setVisible(True)
        authenticator = self._authenticator
        self._lane.submit(
            authenticator.reachable, done=self._show_mode, failed=self._registry_unknown
        )

    def submit(self) -> None:
        """Check the typed staff number and password (ignored while a password is checked).

        Asked while the registry is still being asked (a fast clerk at the start), the check
        waits behind that question on the form's one thread, then runs: the Enter is kept.
        """
        staff_id = self._fixed.staff_id if self._fixed else self.staff_id.text().strip()
        password = self.password.text()
        if self._checking_password:
            return
        if not staff_id:
            self._say(self.tr("Type your staff number."), self.staff_id)
            return
        if not password:
            self._say(self.tr("Type your password."), self.password)
            return
        self.password.clear()
        self.message.setText(self.tr("Checking…"))
        self._checking_password = True
        self._set_enabled(False)
        authenticator = self._authenticator
        self._lane.submit(
            lambda: authenticator.log_in(staff_id, password), done=self._done, failed=self._report
        )

    def close_lane(self) -> None:
        """Stop reporting background checks (the form is going away)."""
        self._lane.close()

    def _staff_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def _done(self, login: Login) -> None:
        self._checking_password = False
        self._set_enabled(True)
        self.message.clear()
        self._show_mode(not login.offline)
        self.signedIn.emit(login)

    def _report(self, error: Exception) -> None:
        self._checking_password = False
        self._set_enabled(True)
        self._say(user_message(error), self.password)

    def _registry_unknown(self, error: Exception) -> None:
        """The registry question failed (the counter could not connect): say why, unless a
        password check waits behind it, which will meet the same failure and say it."""
        if not self._checking_password:
            self._say(user_message(error), self.password)

    def _show_mode(self, online: bool) -> None:
        self.mode.setVisible(True)
        if online:
            self.mode.setStyleSheet("")
            self.mode.setText(self.tr("Online login"))
        else:
            self.mode.setStyleSheet(OFFLINE_STYLE)
            self.mode.setText(
                self.tr(
                    "Offline login — the registry cannot be reached; the password is checked here"
                )
            )

    def _say(self, text: str, focus: QLineEdit) -> None:
        self.message.setText(text)
        focus.setFocus()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.staff_id, self.password, self.submit_button):
            widget.setEnabled(enabled)
        if enabled:
            self.focus_first()
