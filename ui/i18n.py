"""Qt translations: Chinese (zh_CN) first, English second, switchable while the counter runs.

Switching the language (`LanguageSwitch.switch`) removes the installed translators and installs
the other language's; Qt then sends `QEvent.LanguageChange` to every window and, from there, to
every child widget. A widget that shows translated text keeps it current like this:

    class Panel(QWidget):
        def __init__(self, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            self.title = QLabel(self)
            retranslate_on_language_change(self, self.retranslate_ui)
            self.retranslate_ui()

        def retranslate_ui(self) -> None:
            self.title.setText(self.tr("Queue"))

Every `tr()` whose result the widget shows belongs in `retranslate_ui`, which may run any
number of times; texts built from data (a count, a name) are rebuilt there from what the widget
keeps. Qt posts the event, so widgets change on the next turn of the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QWidget

from clerk.bundle import resource

I18N_DIR = resource("i18n")
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
"""Each language in its own words (the same in every language, so nobody gets lost)."""


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE, *, directory: Path = I18N_DIR
) -> list[QTranslator]:
    """Load our translation and Qt's own for `language` into `app`.

    English is the source language, so it needs no translation file.

    Args:
        app: the application.
        language: one of `LANGUAGES`.
        directory: where `window_clerk_<language>.qm` is (the project's resources by default).

    Returns:
        The installed translators (keep them alive as long as the application).

    Raises:
        ValueError: an unsupported language.
        FileNotFoundError: the translation file is missing.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    ours = QTranslator(app)
    if not ours.load(f"window_clerk_{language}", str(directory)):
        raise FileNotFoundError(f"translation window_clerk_{language}.qm missing in {directory}")
    qt_own = QTranslator(app)
    qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (ours, qt_own):
        app.installTranslator(translator)
    return [ours, qt_own]


class LanguageSwitch:
    """The application's current language; switching it retranslates every open window."""

    def __init__(
        self, app: QCoreApplication, language: str = DEFAULT_LANGUAGE, *, directory: Path = I18N_DIR
    ) -> None:
        """Install `language` (see `install_translators` for the arguments and errors)."""
        self._app, self._directory = app, directory
        self._translators = install_translators(app, language, directory=directory)
        self.language = language

    def switch(self, language: str) -> None:
        """Change to `language` (nothing happens when it is the current one).

        Raises:
            ValueError: an unsupported language (the current one stays).
            FileNotFoundError: its translation file is missing (the current one stays).
        """
        if language == self.language:
            return
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
        old = self._translators
        self._translators = install_translators(self._app, language, directory=self._directory)
        for translator in old:  # after the new ones load: a missing file keeps the old language
            self._app.removeTranslator(translator)
        self.language = language

    def close(self) -> None:
        """Remove the installed translators (at the end of the application)."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []


class _LanguageWatcher(QObject):
    """Calls a widget's `retranslate_ui` when the widget receives `QEvent.LanguageChange`."""

    def __init__(self, widget: QWidget, retranslate: Callable[[], None]) -> None:
        super().__init__(widget)
        self._retranslate = retranslate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Retranslate on a language change; let every event through."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def retranslate_on_language_change(widget: QWidget, retranslate: Callable[[], None]) -> QObject:
    """Call `retranslate` whenever the application's language changes (see the module).

    Args:
        widget: the widget whose texts `retranslate` sets (the watcher lives as long as it).
        retranslate: sets every translated text of the widget again.

    Returns:
        The watcher (a child of `widget`; nothing to keep).
    """
    watcher = _LanguageWatcher(widget, retranslate)
    widget.installEventFilter(watcher)
    return watcher
