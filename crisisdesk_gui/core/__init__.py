"""Qt-free core: storage, fetching, parsing, scoring, templates and exports.

Nothing under this package may import PySide6 (tests/core/test_qt_free.py enforces it).
"""
