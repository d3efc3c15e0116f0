"""The core must run without Qt: no module under crisisdesk_gui/core imports PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import crisisdesk_gui.core

CORE = Path(crisisdesk_gui.core.__file__).parent


def test_no_source_file_in_core_imports_pyside6() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    # A fresh interpreter, so modules the test session already loaded do not hide an import.
    code = (
        "import importlib, pkgutil, sys, crisisdesk_gui.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'crisisdesk_gui.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
