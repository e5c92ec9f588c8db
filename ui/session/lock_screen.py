"""The lock screen: covers the workbench, shows only the counter and the locked staff member."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk.staff import Actor
from ui.session.auth import Authenticator
from ui.session.form import CredentialsForm

_STYLE = """
#lockScreen { background: #0b1e3f; }
#lockPanel { background: #ffffff; border-radius: 12px; }
#lockTitle { font-size: 20pt; font-weight: bold; color: #0a4a8f; }
#lockCounter { font-size: 14pt; color: #333333; }
#lockClerk { font-size: 18pt; font-weight: bold; }
#lockKeys { color: #666666; }
"""


class LockScreen(QWidget):
    """A full-screen window over the main window: unlock, or another staff member signs in.

    It is a window of its own (modal to the main window, on top of it and of the main
    window's dialogs), so nothing of the workbench shows through it. Enter submits, F2 lets
    another staff member sign in, Escape goes back to unlocking.

    Signals:
        signedIn(object): the `sync.login.Login` of whoever proved their password here.
    """

    signedIn = Signal(object)  # noqa: N815  (Qt signal names are camelCase)

    def __init__(
        self, authenticator: Authenticator, *, counter_label: str, parent: QWidget
    ) -> None:
        flags = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
        super().__init__(parent, flags | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("lockScreen")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Window Clerk — locked"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.locked_actor: Actor | None = None
        self.title = self._label("lockTitle")
        self.counter = self._label("lockCounter")
        self.counter.setText(self.tr("Counter {counter}").format(counter=counter_label))
        self.clerk = self._label("lockClerk")
        self.form = CredentialsForm(authenticator, parent=self)
        self.form.signedIn.connect(self.signedIn)
        self.switch_button = QPushButton(self.tr("Another staff member (F2)"), self)
        self.back_button = QPushButton(self.tr("Back (Esc)"), self)
        for button in (self.switch_button, self.back_button):
            button.setAutoDefault(False)
        self.switch_button.clicked.connect(self.let_another_sign_in)
        self.back_button.clicked.connect(self.back_to_unlock)
        self.keys = self._label("lockKeys")
        self._lay_out()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _lay_out(self) -> None:
        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setFixedWidth(460)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(32, 28, 32, 28)
        widgets: tuple[QWidget, ...] = (self.title, self.counter, self.clerk, self.form)
        widgets += (self.switch_button, self.back_button, self.keys)
        for widget in widgets:
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, alignment=Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)

    def show_locked(self, actor: Actor) -> None:
        """Cover the workbench of `actor`, who unlocks it with their password."""
        self.locked_actor = actor
        self.back_to_unlock()
        self._cover()

    def show_signed_out(self) -> None:
        """Cover the workbench until a staff member signs in."""
        self.locked_actor = None
        self.let_another_sign_in()
        self._cover()

    def let_another_sign_in(self) -> None:
        """Ask for a staff number and password (ending the locked member's session)."""
        self.title.setText(self.tr("Sign in"))
        self.form.fix_staff(None)
        self.switch_button.hide()
        self.back_button.setVisible(self.locked_actor is not None)
        self._show_keys()

    def back_to_unlock(self) -> None:
        """Ask for the locked member's password again."""
        actor = self.locked_actor
        if actor is None:
            return
        self.title.setText(self.tr("Screen locked"))
        self.clerk.setText(
            self.tr("{name} · staff number {staff_id}").format(
                name=actor.name, staff_id=actor.staff_id
            )
        )
        self.form.fix_staff(actor)
        self.switch_button.show()
        self.back_button.hide()
        self._show_keys()

    def _show_keys(self) -> None:
        unlocking = self.form.staff_id.isHidden()
        self.clerk.setVisible(unlocking)
        if unlocking:
            self.keys.setText(self.tr("Enter: unlock · F2: another staff member"))
        elif self.locked_actor is not None:
            self.keys.setText(self.tr("Enter: sign in · Esc: back"))
        else:
            self.keys.setText(self.tr("Enter: sign in"))

    def _cover(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.form.focus_first()
        self.form.check_registry()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """F2: another staff member; Escape: back to unlocking."""
        if event.key() == Qt.Key.Key_F2 and not self.switch_button.isHidden():
            self.let_another_sign_in()
        elif event.key() == Qt.Key.Key_Escape and not self.back_button.isHidden():
            self.back_to_unlock()
        else:
            super().keyPressEvent(event)
