"""``python3 dev.py screenshots [--out DIR] [--lang fr en] [--only NAME ...]``: every screen of
:mod:`.screens`, offscreen, in French and English, as ``<screen>-<lang>.png``.

Run directly: ``QT_QPA_PLATFORM=offscreen python -m mcim_desk.devtools.screenshots``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OUT = Path("screenshots")


@dataclass(frozen=True)
class Shot:
    name: str
    lang: str
    path: Path | None  # None: skipped
    note: str = ""


def is_blank(image) -> bool:  # noqa: ANN001 - a QImage
    """True when every pixel has the same colour (nothing was drawn)."""
    from PySide6.QtGui import QImage

    if image.isNull() or image.width() == 0 or image.height() == 0:
        return True
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")
    first = pixels[0]
    return all(p == first for p in pixels[:: max(1, len(pixels) // 200_000)]) and len(set(pixels)) == 1


def take(out: Path, languages: tuple[str, ...] = ("fr", "en"), only: list[str] | None = None,
         log=print) -> list[Shot]:  # noqa: ANN001
    """Render the chosen screens in each language into ``out``; returns what was done."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .screens import SceneUnavailable, Studio, chosen_scenes, make_demo

    scenes = chosen_scenes(only)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["mcim-desk-screenshots"])
    app.setApplicationName("MCIM Desk")
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory(prefix="mcim-shots-") as tmp:
        work = Path(tmp)
        saved_data = os.environ.get("MCIM_DESK_DATA")
        os.environ["MCIM_DESK_DATA"] = str(work / "data")  # preferences, logs, backups: not the user's
        try:
            started = time.monotonic()
            demo = make_demo(work / "demo.sqlite3")
            log(f"demo database ready ({time.monotonic() - started:.1f} s)")
            for lang in languages:
                studio = Studio(demo, work / lang, lang)
                try:
                    for scene in scenes:
                        try:
                            widget = scene.build(studio)
                        except SceneUnavailable as exc:
                            shots.append(Shot(scene.name, lang, None, str(exc)))
                            log(f"skipped {scene.name}-{lang}: {exc}")
                            studio.dismiss()
                            continue
                        path = out / f"{scene.name}-{lang}.png"
                        widget.grab().save(str(path))
                        shots.append(Shot(scene.name, lang, path))
                        log(f"wrote {path}")
                        studio.dismiss()
                finally:
                    studio.close()
        finally:
            if saved_data is None:
                os.environ.pop("MCIM_DESK_DATA", None)
            else:
                os.environ["MCIM_DESK_DATA"] = saved_data
            from ..i18n import install_translators

            install_translators("en")
    return shots


def main(argv: list[str] | None = None) -> int:
    from .screens import chosen_scenes, scene_names

    parser = argparse.ArgumentParser(prog="dev.py screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder of the PNG files (screenshots/)")
    parser.add_argument("--lang", nargs="+", choices=("fr", "en"), default=["fr", "en"])
    parser.add_argument("--only", nargs="+", metavar="SCREEN", help="among: " + ", ".join(scene_names()))
    args = parser.parse_args(argv)
    try:
        chosen_scenes(args.only)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    shots = take(args.out, tuple(args.lang), args.only)
    written = [s for s in shots if s.path is not None]
    skipped = sorted({f"{s.name} ({s.note})" for s in shots if s.path is None})
    print(f"{len(written)} screenshot(s) in {args.out}" + (f"; skipped: {'; '.join(skipped)}" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
