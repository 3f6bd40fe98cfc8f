"""Make the application icon's PNG, ICO and ICNS files from its SVG source.

    python packaging/icons.py OUT_FOLDER

Qt renders the SVG (QSvgRenderer, offscreen) to PNGs; Pillow, which the program already
ships for reportlab, packs the Windows .ico and the macOS .icns from them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# packaging/ is not a Python package (it would hide pypa's "packaging", which PyInstaller uses)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from metadata import APP_ID, ICON_SVG  # noqa: E402

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def make_icons(out: Path) -> dict[str, Path]:
    """Write ``<APP_ID>-<size>.png`` for every size, ``<APP_ID>.png`` (256), ``.ico`` and
    ``.icns`` into ``out``; return them by kind."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - Qt needs one
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons.py: {ICON_SVG} is not a valid SVG")
    made: dict[str, Path] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"{APP_ID}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"icons.py: could not write {path}")
        made[f"png{size}"] = path
    big = Image.open(out / f"{APP_ID}-1024.png")
    made["png"] = out / f"{APP_ID}.png"
    Image.open(made["png256"]).save(made["png"])
    made["ico"] = out / f"{APP_ID}.ico"
    big.save(made["ico"], sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    made["icns"] = out / f"{APP_ID}.icns"
    big.save(made["icns"])
    return made


if __name__ == "__main__":
    for kind, path in make_icons(Path(sys.argv[1])).items():
        print(kind, path)
