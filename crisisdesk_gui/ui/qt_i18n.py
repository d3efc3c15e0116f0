"""Qt's own strings (dialog buttons, context menus) in the UI language."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def translation_dirs() -> list[str]:
    """Where qtbase_xx.qm may be: Qt's own path, then beside the PySide6 package.

    Wheels (PySide6-Essentials) ship them in PySide6/Qt/translations, which QLibraryInfo
    reports; a frozen bundle may only have the folder beside the package.
    """
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    found = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(package / "Qt" / "translations"),
        str(package / "translations"),
    ]
    return [d for d in dict.fromkeys(found) if d and Path(d).is_dir()]


def install_qt_translations(app: QApplication, lang: str) -> bool:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    for folder in translation_dirs():
        translator = QTranslator(app)
        if translator.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            return True
    if lang != "en":
        log.warning("no qtbase translation for %s; Qt's own buttons stay in English", lang)
    return False
