"""Qt's own strings (dialog buttons, context menus) in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_installed: list[QTranslator] = []


def install_qt_translations(app: QApplication, lang: str) -> bool:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(lang), "qtbase", "_", path):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False
