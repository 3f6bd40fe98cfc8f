"""``python3 dev.py screenshots [--out DIR] [--lang fr en] [--only NAME ...]``: every screen of
:mod:`.screens`, offscreen, in French and English, as ``<screen>-<lang>.png``.

``--guide``: exactly the screenshots the user guide shows (``![...](images/<screen>-<lang>.png)``
in ``resources/guide/<lang>.md``), into ``resources/guide/images/`` (or ``--out``): a smaller
window, at most 820 pixels wide (the guide window's width), 256 colours, the language and
the screen written into the PNG's text fields. They are committed with the guide.

Run directly: ``QT_QPA_PLATFORM=offscreen python -m mcim_desk.devtools.screenshots``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OUT = Path("screenshots")
GUIDE_WINDOW_SIZE = (1200, 750)
GUIDE_MAX_WIDTH = 820
GUIDE_IMAGE = re.compile(r"^images/(?P<scene>[a-z0-9-]+)-(?P<lang>fr|en)\.png$")


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
         log=print, size: tuple[int, int] | None = None) -> list[Shot]:  # noqa: ANN001
    """Render the chosen screens in each language into ``out``; returns what was done."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .screens import chosen_scenes
    from .studio import WINDOW_SIZE, SceneUnavailable, Studio, make_demo

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
                studio = Studio(demo, work / lang, lang, size or WINDOW_SIZE)
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


def guide_folder() -> Path:
    from ..paths import resource_path

    return resource_path("resources", "guide")


def guide_scenes() -> dict[str, list[str]]:
    """Language -> the screens its guide shows, in order. A path that is not
    ``images/<screen>-<lang>.png`` of the guide's own language is an error."""
    from ..domain.guide import parse
    from .screens import scene_names

    known = set(scene_names())
    found: dict[str, list[str]] = {}
    for lang in ("fr", "en"):
        guide = parse((guide_folder() / f"{lang}.md").read_text(encoding="utf-8"))
        found[lang] = []
        for image in guide.images():
            match = GUIDE_IMAGE.match(image)
            if match is None or match["lang"] != lang or match["scene"] not in known:
                raise ValueError(f"{lang}.md: {image} is not images/<screen>-{lang}.png of a known screen")
            found[lang].append(match["scene"])
    return found


def guide_image(shot: Path, out: Path, lang: str, scene: str) -> Path:
    """A screenshot made small for the guide: scaled to the guide's width, 256 colours (a
    screen has few; no dithering, which would blur text), the language and screen recorded."""
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    with Image.open(shot) as source:
        image = source.convert("RGB")
    if image.width > GUIDE_MAX_WIDTH:
        height = round(image.height * GUIDE_MAX_WIDTH / image.width)
        image = image.resize((GUIDE_MAX_WIDTH, height), Image.Resampling.LANCZOS)
    image = image.quantize(256, dither=Image.Dither.NONE)
    info = PngInfo()
    info.add_text("Language", lang)
    info.add_text("Screen", scene)
    info.add_text("Software", "MCIM Desk: python3 dev.py screenshots --guide")
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out, optimize=True, pnginfo=info)
    return out


def take_for_guide(out: Path, languages: tuple[str, ...] = ("fr", "en"), only: list[str] | None = None,
                   log=print) -> list[Shot]:  # noqa: ANN001
    """The screenshots the guide shows (those of ``only`` among them), into ``out``."""
    wanted = guide_scenes()
    names = sorted({name for lang in languages for name in wanted[lang]} & set(only or wanted["fr"] + wanted["en"]))
    if not names:
        return []
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory(prefix="mcim-guide-shots-") as tmp:
        for shot in take(Path(tmp), languages, names, log, GUIDE_WINDOW_SIZE):
            if shot.path is None or shot.name not in wanted[shot.lang]:
                shots.append(Shot(shot.name, shot.lang, None, shot.note or "not in this guide"))
                continue
            path = guide_image(shot.path, out / f"{shot.name}-{shot.lang}.png", shot.lang, shot.name)
            shots.append(Shot(shot.name, shot.lang, path))
            log(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return shots


def main(argv: list[str] | None = None) -> int:
    from .screens import chosen_scenes, scene_names

    parser = argparse.ArgumentParser(prog="dev.py screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder of the PNG files (screenshots/; with --guide, "
                                                  "resources/guide/images/)")
    parser.add_argument("--guide", action="store_true",
                        help="only the screenshots the user guide shows, made for it (resources/guide/images/)")
    parser.add_argument("--lang", nargs="+", choices=("fr", "en"), default=["fr", "en"])
    parser.add_argument("--only", nargs="+", metavar="SCREEN", help="among: " + ", ".join(scene_names()))
    args = parser.parse_args(argv)
    try:
        chosen_scenes(args.only)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.guide:
        try:
            guide_scenes()
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
        args.out = args.out or guide_folder() / "images"
        shots = take_for_guide(args.out, tuple(args.lang), args.only)
    else:
        args.out = args.out or DEFAULT_OUT
        shots = take(args.out, tuple(args.lang), args.only)
    written = [s for s in shots if s.path is not None]
    skipped = sorted({f"{s.name} ({s.note})" for s in shots if s.path is None})
    print(f"{len(written)} screenshot(s) in {args.out}" + (f"; skipped: {'; '.join(skipped)}" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
