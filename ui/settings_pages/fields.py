"""Editors for declared settings: each knows its setting, loads a value, returns one, checks it.

`field_for` builds the editor a setting's declaration asks for (a number in its range, a
switch, a line of text); folders and choices from a list have their own fields. A field holds
no translated text of its own except the words of its widget, set by `retranslate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui.settings import Setting

TEXT_LIMIT = 40
"""The longest line of text a setting takes (a counter's or a hall's name)."""


class Field:
    """One setting's editor (`widget`) on a settings page."""

    def __init__(self, setting: Setting[Any], widget: QWidget) -> None:
        self.setting, self.widget = setting, widget

    def load(self, value: object) -> None:
        """Show a stored value."""
        raise NotImplementedError

    def value(self) -> object:
        """The value shown (of the setting's type)."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the value shown cannot be saved, or None."""
        return (
            None
            if self.setting.allows(self.value())
            else QCoreApplication.translate("SettingsField", "This value is not allowed.")
        )

    def retranslate(self) -> None:
        """Set the widget's own translated words (none by default)."""


class NumberField(Field):
    """A whole number in its setting's range."""

    def __init__(self, setting: Setting[int], parent: QWidget, *, suffix: str = "") -> None:
        self.spin = QSpinBox(parent)
        self.spin.setRange(setting.minimum or 0, setting.maximum or 1_000_000)
        self.spin.setSuffix(suffix)
        super().__init__(setting, self.spin)

    def load(self, value: object) -> None:
        """Show a stored number."""
        assert isinstance(value, int)
        self.spin.setValue(value)

    def value(self) -> int:
        """The number shown."""
        return self.spin.value()


class SwitchField(Field):
    """On or off."""

    def __init__(self, setting: Setting[bool], parent: QWidget) -> None:
        self.box = QCheckBox(parent)
        super().__init__(setting, self.box)

    def load(self, value: object) -> None:
        """Tick the box for True."""
        self.box.setChecked(bool(value))

    def value(self) -> bool:
        """Whether the box is ticked."""
        return self.box.isChecked()


class TextField(Field):
    """One line of text, spaces around it trimmed, at most `TEXT_LIMIT` characters."""

    def __init__(self, setting: Setting[str], parent: QWidget) -> None:
        self.edit = QLineEdit(parent)
        self.edit.setMaxLength(TEXT_LIMIT)
        super().__init__(setting, self.edit)

    def load(self, value: object) -> None:
        """Show a stored text."""
        self.edit.setText(str(value))

    def value(self) -> str:
        """The text typed, trimmed."""
        return self.edit.text().strip()

    def problem(self) -> str | None:
        """Control characters are refused (a scanner's Tab or a pasted line break)."""
        if any(not char.isprintable() for char in self.value()):
            return QCoreApplication.translate(
                "SettingsField", "Type plain text: tabs and line breaks are not allowed."
            )
        return None


class FolderField(Field):
    """A folder typed or picked; empty when `optional`, else it must exist and be a folder."""

    def __init__(self, setting: Setting[str], parent: QWidget, *, placeholder: str = "") -> None:
        box = QWidget(parent)
        self.edit = QLineEdit(box)
        self.edit.setPlaceholderText(placeholder)
        self.browse = QPushButton(box)
        self.browse.clicked.connect(self._pick)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        super().__init__(setting, box)
        box.setFocusProxy(self.edit)

    def load(self, value: object) -> None:
        """Show a stored folder."""
        self.edit.setText(str(value))

    def value(self) -> str:
        """The folder typed (empty for none)."""
        return self.edit.text().strip()

    def problem(self) -> str | None:
        """A folder that is named must exist."""
        folder = self.value()
        if folder and not Path(folder).is_dir():
            return QCoreApplication.translate(
                "SettingsField", "The folder {folder} does not exist."
            ).format(folder=folder)
        return None

    def retranslate(self) -> None:
        """The browse button's words."""
        self.browse.setText(QCoreApplication.translate("SettingsField", "Browse…"))

    def _pick(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.widget,
            QCoreApplication.translate("SettingsField", "Choose a folder"),
            self.value(),
        )
        if chosen:
            self.edit.setText(chosen)


class ChoiceField(Field):
    """One of a list of values, each shown with words the page sets (`set_labels`)."""

    def __init__(self, setting: Setting[str], parent: QWidget, *, values: Sequence[str]) -> None:
        self.combo = QComboBox(parent)
        for value in values:
            self.combo.addItem(value, value)
        self.loaded: str | None = None
        """The stored value shown by `load` (kept by `offer`), None before."""
        super().__init__(setting, self.combo)

    def offer(self, values: Sequence[str]) -> None:
        """Offer `values` instead; the value selected and the stored one stay offered.

        The selection does not move (the clerk's choice survives a list that arrives late);
        call `set_labels` again afterwards.
        """
        chosen = self.combo.currentData()
        kept = [value for value in (self.loaded, chosen) if value is not None]
        offered = list(dict.fromkeys([*values, *kept]))
        blocked = self.combo.blockSignals(True)  # one selection before and after: no change
        try:
            self.combo.clear()
            for value in offered:
                self.combo.addItem(value, value)
            self.combo.setCurrentIndex(self.combo.findData(chosen) if chosen is not None else 0)
        finally:
            self.combo.blockSignals(blocked)

    def set_labels(self, labels: dict[str, str]) -> None:
        """Show each value in words (values without words show as they are)."""
        for row in range(self.combo.count()):
            value = self.combo.itemData(row)
            self.combo.setItemText(row, labels.get(value, value))

    def load(self, value: object) -> None:
        """Select a stored value; an unknown one is added so that nothing is lost unseen."""
        self.loaded = str(value)
        row = self.combo.findData(value)
        if row < 0:
            self.combo.addItem(str(value), value)
            row = self.combo.count() - 1
        self.combo.setCurrentIndex(row)

    def value(self) -> str:
        """The value selected."""
        return str(self.combo.currentData())


def field_for(setting: Setting[Any], parent: QWidget) -> Field:
    """The editor a declared setting asks for: a number, a switch or a line of text."""
    if isinstance(setting.default, bool):
        return SwitchField(setting, parent)
    if isinstance(setting.default, int):
        return NumberField(setting, parent)
    return TextField(setting, parent)
