"""The Hotkeys page: one key per queue action and for locking the screen, never one key twice.

A key given to a second action is refused at once, with a message naming both actions, and the
editor goes back to its key; "Reset to defaults" gives back F1…F10 and Ctrl+L.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QKeySequenceEdit, QLabel, QPushButton, QWidget

from ui.queue.actions import QueueAction
from ui.settings import LOCK_KEY, QUEUE_KEYS, Setting
from ui.settings_pages.base import Problem, SettingsPage
from ui.settings_pages.fields import Field

_PORTABLE = QKeySequence.SequenceFormat.PortableText
_A = QueueAction


class KeyField(Field):
    """One key (with its modifiers) recorded from the keyboard; empty for none."""

    def __init__(self, setting: Setting[str], parent: QWidget) -> None:
        self.edit = QKeySequenceEdit(parent)
        self.edit.setMaximumSequenceLength(1)
        self.edit.setClearButtonEnabled(True)
        super().__init__(setting, self.edit)
        self.accepted = ""

    def load(self, value: object) -> None:
        """Show a stored key ("F1", "Ctrl+L")."""
        self.accepted = str(value)
        self.edit.setKeySequence(QKeySequence.fromString(self.accepted, _PORTABLE))

    def value(self) -> str:
        """The key shown, as stored ("" for none)."""
        return self.edit.keySequence().toString(_PORTABLE)


class HotkeysPage(SettingsPage):
    """A table of actions and their keys, and a button back to the defaults.

    Signals: none; conflicts are told on the page's own message line (`message`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[str, KeyField] = {}
        self.names: dict[str, QLabel] = {}
        self.grid = QGridLayout()
        self.heads = (QLabel(self), QLabel(self))
        for head in self.heads:
            head.setStyleSheet("font-weight: bold;")
        self.grid.addWidget(self.heads[0], 0, 0)
        self.grid.addWidget(self.heads[1], 0, 1)
        for setting in (*QUEUE_KEYS.values(), LOCK_KEY):
            self._add_row(setting)
        self.layout_.addLayout(self.grid)
        self.reset = QPushButton(self)
        self.reset.clicked.connect(self.reset_to_defaults)
        self.layout_.addWidget(self.reset, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel(self)
        self.message.setObjectName("settingsProblem")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def _add_row(self, setting: Setting[str]) -> None:
        field = KeyField(setting, self)
        name = QLabel(self)
        name.setBuddy(field.edit)
        row = self.grid.rowCount()
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(field.edit, row, 1)
        field.edit.editingFinished.connect(lambda: self._recorded(field))
        self.fields.append(field)
        self.keys[setting.key] = field
        self.names[setting.key] = name

    def title(self) -> str:
        """The page's name."""
        return self.tr("Hotkeys")

    def retranslate_ui(self) -> None:
        """Set the page's words."""
        super().retranslate_ui()
        self.heads[0].setText(self.tr("Action"))
        self.heads[1].setText(self.tr("Key"))
        for key, name in self.names.items():
            name.setText(self.action_name(key))
        self.reset.setText(self.tr("Reset to defaults"))

    def action_name(self, key: str) -> str:
        """The words for the action a setting's key belongs to."""
        names = {
            QUEUE_KEYS[_A.CALL_NEXT].key: self.tr("Call next"),
            QUEUE_KEYS[_A.RECALL].key: self.tr("Call again"),
            QUEUE_KEYS[_A.START].key: self.tr("Start serving"),
            QUEUE_KEYS[_A.MISSED].key: self.tr("No-show"),
            QUEUE_KEYS[_A.PARK].key: self.tr("Park"),
            QUEUE_KEYS[_A.CALL_FROM_PARK].key: self.tr("Call back parked"),
            QUEUE_KEYS[_A.TRANSFER].key: self.tr("Transfer"),
            QUEUE_KEYS[_A.CALL_NUMBER].key: self.tr("Call a number"),
            QUEUE_KEYS[_A.PAUSE].key: self.tr("Pause / resume"),
            QUEUE_KEYS[_A.FINISH].key: self.tr("Finish"),
            LOCK_KEY.key: self.tr("Lock the screen"),
        }
        return names[key]

    def reset_to_defaults(self) -> None:
        """Give every action its default key again."""
        for field in self.keys.values():
            field.load(field.setting.default)
        self.message.clear()

    def _recorded(self, field: KeyField) -> None:
        """Keep a newly recorded key unless another action has it."""
        try:
            self._refuse_conflict(field)
        except Problem as problem:
            field.load(field.accepted)
            self.message.setText(problem.message)
            return
        field.accepted = field.value()
        self.message.clear()

    def _refuse_conflict(self, field: KeyField) -> None:
        key = field.value()
        for other in self.keys.values():
            if other is not field and key and other.value() == key:
                raise Problem(self._conflict(key, field, other), field.widget)

    def _conflict(self, key: str, field: KeyField, other: KeyField) -> str:
        shown = QKeySequence.fromString(key, _PORTABLE).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        return self.tr(
            "{key} is already the key of “{other}”; it cannot also be “{action}”."
        ).format(
            key=shown,
            other=self.action_name(other.setting.key),
            action=self.action_name(field.setting.key),
        )

    def check(self) -> None:
        """No key may belong to two actions (a settings file edited by hand, say)."""
        super().check()
        for field in self.keys.values():
            self._refuse_conflict(field)
