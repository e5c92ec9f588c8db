"""What every settings page shares: a form of fields with labels, loading, values, problems."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import retranslate_on_language_change
from ui.settings import CounterSettings, Setting
from ui.settings_pages.fields import Field


class Problem(Exception):
    """A value that cannot be saved: the words for the clerk and the editor to fix it in."""

    def __init__(self, message: str, widget: QWidget) -> None:
        super().__init__(message)
        self.message, self.widget = message, widget


class SettingsPage(QWidget):
    """A page of the settings dialog: rows of (label, field), retranslated on language change.

    Subclasses add their rows with `add`, set every text in `retranslate_ui` (calling this
    class's first) and may check more than each field alone in `check`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[Field] = []
        self.labels: dict[str, QLabel] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        retranslate_on_language_change(self, self.retranslate_ui)

    def title(self) -> str:
        """The page's name in the dialog's list."""
        raise NotImplementedError

    def add(self, field: Field, *, form: QFormLayout | None = None) -> Field:
        """Add a row for `field` to `form` (the page's by default); words from `retranslate_ui`."""
        label = QLabel(self)
        label.setBuddy(field.widget)
        (form or self.form).addRow(label, field.widget)
        self.fields.append(field)
        self.labels[field.setting.key] = label
        return field

    def label(self, setting: Setting[Any]) -> QLabel:
        """The label of a setting's row."""
        return self.labels[setting.key]

    def retranslate_ui(self) -> None:
        """Set the fields' own words; subclasses set their labels after calling this."""
        for field in self.fields:
            field.retranslate()

    def load(self, settings: CounterSettings) -> None:
        """Show the stored values."""
        for field in self.fields:
            field.load(settings.get(field.setting))

    def values(self) -> dict[Setting[Any], object]:
        """The values shown, by setting."""
        return {field.setting: field.value() for field in self.fields}

    def check(self) -> None:
        """Refuse a value that cannot be saved.

        Raises:
            Problem: the first value in the way, with its editor.
        """
        for field in self.fields:
            problem = field.problem()
            if problem is not None:
                raise Problem(problem, field.widget)
