"""Qt translations: Chinese (zh_CN) first, English second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Load our translation and Qt's own for `language` into `app`.

    English is the source language, so it needs no translation file.

    Returns:
        The installed translators (keep them alive as long as the application).

    Raises:
        ValueError: an unsupported language.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    ours = QTranslator(app)
    if not ours.load(f"window_clerk_{language}", str(I18N_DIR)):
        raise FileNotFoundError(f"translation window_clerk_{language}.qm missing in {I18N_DIR}")
    qt_own = QTranslator(app)
    qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (ours, qt_own):
        app.installTranslator(translator)
    return [ours, qt_own]
