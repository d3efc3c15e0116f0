"""Render resources/icons/crisisdesk.svg to the PNG, ICO and ICNS files desktops and bundles want.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "crisisdesk.svg"
    for size in SIZES:
        out = ICONS / f"crisisdesk-{size}.png"
        if not render(svg, size).save(str(out)):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out)
    # Windows and macOS bundle icons (Qt's ico and icns image plugins write them).
    big = render(svg, 256)
    for suffix in ("ico", "icns"):
        out = ICONS / f"crisisdesk.{suffix}"
        if not big.save(str(out)):
            print(f"cannot write {out} (no {suffix} image plugin)", file=sys.stderr)
            continue
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
