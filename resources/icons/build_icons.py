"""Render the app icon SVG into the PNG, .ico and .icns files the app and the bundle use.

    uv run --group build python resources/icons/build_icons.py      # or: make icons

Qt's QSvgRenderer draws `partner-desk.svg` offscreen at each size (a direct render per size is
sharper at 16 px than scaling one big bitmap down); Pillow then packs those renders into
`partner-desk.ico` (Windows: exe, installer, shortcuts) and `partner-desk.icns` (macOS app).
The outputs are committed so neither the app nor the bundle build needs Pillow.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
NAME = "partner-desk"
#: Committed PNGs: what `desktop.qt.icons.app_icon()` loads (keep the two lists equal).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Windows shows 16-48 in lists and the taskbar, 256 in large icon views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: What an .icns holds (the @2x variants reuse the bigger renders).
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / f"{NAME}.svg"))
    if not renderer.isValid():
        print(f"cannot read {NAME}.svg", file=sys.stderr)
        return 1
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    images = {size: render(renderer, size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        path = HERE / f"{NAME}-{size}.png"
        images[size].save(path, optimize=True)
        written.append(path)
    ico = HERE / f"{NAME}.ico"
    largest_ico = max(ICO_SIZES)
    images[largest_ico].save(
        ico,
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != largest_ico],
    )
    written.append(ico)
    icns = HERE / f"{NAME}.icns"
    largest_icns = max(ICNS_SIZES)
    images[largest_icns].save(
        icns, append_images=[images[size] for size in ICNS_SIZES if size != largest_icns]
    )
    written.append(icns)
    for path in written:
        print(f"{path.relative_to(HERE.parent.parent)}  {path.stat().st_size:>7} bytes")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
