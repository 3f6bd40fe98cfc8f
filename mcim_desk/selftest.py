"""``mcim-desk --self-test``: prove that an installation (above all a frozen bundle) works.

Offscreen, on a throw-away data folder and database: create and migrate the database, check the
reference data, the French catalogues, the PDF fonts, the time-zone data, pyxform's data
files and what reads images, then open the main window on the database and close it (an exception in a Qt slot fails
it). One line per check; exit 0 only if every check passed. Imports are inside the checks, so
that a module or data file missing from a bundle is reported as such, not a crash.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

EXPECTED_COUNTS = {
    "mechanisms": 30, "mechanisms.rcp": 15, "mechanisms.irf": 13, "mechanisms.global": 2,
    "objective": 23, "principle": 10, "theme": 6,
}


def run_self_test() -> int:
    # Before Qt or any of our modules read them: no display needed, no user data touched.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="mcim-desk-selftest-", ignore_cleanup_errors=True) as tmp:
        os.environ["MCIM_DESK_DATA"] = tmp
        return _run_checks(Path(tmp) / "self-test.sqlite3")


def _run_checks(db_path: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from . import APP_NAME, __version__

    app = QApplication.instance() or QApplication(["mcim-desk", "--self-test"])
    kind = "frozen bundle" if getattr(sys, "frozen", False) else "source"
    print(f"{APP_NAME} {__version__} self-test ({kind}, Python {sys.version.split()[0]})")

    checks: list[tuple[str, Callable[[], str | None]]] = [
        ("database created and migrated", lambda: _check_database(db_path)),
        ("reference data", lambda: _check_reference(db_path)),
        ("French translations loaded", _check_translations),
        ("PDF fonts registered", _check_fonts),
        ("time-zone data", _check_time_zones),
        ("XLSForm language tags (pyxform)", _check_pyxform),
        ("images read", _check_images),
        ("main window opened on the database and closed", lambda: _check_window(app, db_path)),
    ]
    failed = 0
    for what, check in checks:
        try:
            detail = check()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check
            failed += 1
            print(f"FAIL {what}: {type(exc).__name__}: {exc}", flush=True)
        else:
            print(f"ok   {what}" + (f": {detail}" if detail else ""), flush=True)
    if failed:
        print(f"self-test FAILED: {failed} of {len(checks)} checks")
        return 1
    print(f"self-test passed: {len(checks)} checks")
    return 0


def _check_database(db_path: Path) -> str:
    from .services.startup import open_database

    db, report = open_database(str(db_path))
    db.dispose()
    if not report.created or not db_path.exists():
        raise AssertionError(f"{db_path} was not created ({'; '.join(report.steps)})")
    return f"revision {report.revision}"


def _check_reference(db_path: Path) -> str:
    from .persistence.database import Database
    from .services.catalogue import database_summary

    db = Database(str(db_path))
    try:
        summary = database_summary(db)
    finally:
        db.dispose()
    wrong = [f"{key} {summary.counts.get(key, 0)} (expected {wanted})"
             for key, wanted in EXPECTED_COUNTS.items() if summary.counts.get(key, 0) != wanted]
    if wrong or summary.problems:
        raise AssertionError("; ".join(wrong + summary.problems))
    c = summary.counts
    return (f"{c['mechanisms']} mechanisms ({c['mechanisms.rcp']} RCPs, {c['mechanisms.irf']} IRFs, "
            f"{c['mechanisms.global']} global), {c['objective']} objectives, "
            f"{c['principle']} principles, {c['theme']} themes")


def _check_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from .i18n import install_translators
    from .paths import resource_path

    try:
        if not install_translators("fr"):
            raise AssertionError(f"{resource_path('resources', 'i18n', 'mcim_desk_fr.qm')} did not load")
    finally:
        install_translators("en")  # the window below is built in English
    # install_translators() tolerates a missing Qt catalogue; a bundle must still ship it.
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_fr", qt_folder):
        raise AssertionError(f"Qt's qtbase_fr.qm did not load from {qt_folder}")
    return "mcim_desk_fr, qtbase_fr"


def _check_fonts() -> str:
    from io import BytesIO

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from .paths import resource_path

    files = sorted(resource_path("resources", "fonts").glob("*.ttf"))
    if not files:
        raise AssertionError(f"no .ttf file in {resource_path('resources', 'fonts')}")
    canvas = Canvas(BytesIO())
    for number, file in enumerate(files):
        pdfmetrics.registerFont(TTFont(file.stem, str(file)))
        canvas.setFont(file.stem, 10)
        canvas.drawString(20, 20 + 12 * number, "Migración, coopération, Côte d'Ivoire")
    canvas.save()  # embeds the subsets: proves the glyphs are readable, not only the header
    return ", ".join(f.stem for f in files)


def _check_time_zones() -> str:
    from datetime import datetime, timedelta
    from importlib import resources
    from zoneinfo import ZoneInfo

    # From the tzdata package itself: machines without system zone files rely on it.
    with resources.files("tzdata").joinpath("zoneinfo", "America", "Lima").open("rb") as file:
        bundled = ZoneInfo.from_file(file, key="America/Lima")
    zone = ZoneInfo("America/Lima")
    for z in (bundled, zone):
        if datetime(2026, 1, 15, 12, tzinfo=z).utcoffset() != timedelta(hours=-5):
            raise AssertionError(f"America/Lima is not UTC-05:00 ({z!r})")
    return "America/Lima UTC-05:00 (tzdata bundled)"


def _check_pyxform() -> str:
    # pyxform reads these lists from files beside its modules: data a bundle must carry.
    from pyxform.validators.pyxform.iana_subtags.validation import get_languages_with_bad_tags

    bad = get_languages_with_bad_tags(["Français (fr)", "English (en)", "Kiswahili (swh)"])
    if bad:
        raise AssertionError(f"language tags not recognised: {bad}")
    return "fr, en, swh"


def _check_images() -> str:
    """What reads images: Pillow under reportlab (the user guide's PNG screenshots; a bundle
    trims Pillow's other formats and shares its libraries) and Qt (attachment thumbnails)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QImageReader
    from reportlab.lib.utils import ImageReader

    from .paths import resource_path

    shots = sorted(resource_path("resources", "guide", "images").glob("*.png"))
    if not shots:
        raise AssertionError(f"no .png file in {resource_path('resources', 'guide', 'images')}")
    reader = ImageReader(str(shots[0]))
    width, height = reader.getSize()
    if not (width and height) or reader.getRGBData() is None:  # decoded by Pillow, not only sized
        raise AssertionError(f"{shots[0].name} not read by reportlab through Pillow")
    read = []
    for kind in ("png", "jpeg", "gif", "bmp"):  # what attachment thumbnails show
        if kind == "gif":  # Qt reads GIF but writes none: a 1x1 GIF
            data = QByteArray(bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c"
                                            "00000000010001000002024401003b"))
        else:
            image = QImage(4, 4, QImage.Format.Format_RGB32)
            image.fill(QColor("#1f5f8b"))
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, kind.upper())
            buffer.close()
        if QImage.fromData(data, kind.upper()).isNull():
            formats = ", ".join(bytes(f).decode() for f in QImageReader.supportedImageFormats())
            raise AssertionError(f"Qt cannot read {kind.upper()} (it reads {formats})")
        read.append(kind)
    return f"PNG through Pillow ({width}x{height}); {', '.join(read)} through Qt"


def _check_window(app, db_path: Path) -> str:  # noqa: ANN001 - the QApplication
    from .preferences import Preferences
    from .ui.dialogs import ScriptedDialogs
    from .ui.features import install_features
    from .ui.main_window import MainWindow
    from .ui.tasks import SyncRunner

    dialogs = ScriptedDialogs()
    prefs = Preferences(profile="self-test", time_zone="Europe/Geneva", language="en")
    # Qt prints and swallows what a slot raises; the self-test must see it.
    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, exc, tb: errors.append(f"{kind.__name__}: {exc}")
    window = None
    try:
        window = MainWindow(prefs, SyncRunner(), dialogs, features=install_features)
        window.show()
        app.processEvents()
        if not window.open_database(str(db_path)):
            raise AssertionError(f"open_database returned False; dialogs shown: {dialogs.shown}")
        app.processEvents()
        rows = window.list_panel.model.rowCount()
        if rows != 30:
            raise AssertionError(f"the mechanism list has {rows} rows, not 30")
    finally:
        if window is not None:
            window.close()
            app.processEvents()
        sys.excepthook = previous_hook
    if errors:
        raise AssertionError(f"raised in a Qt slot: {'; '.join(errors)}")
    if dialogs.shown:
        raise AssertionError(f"unexpected dialogs: {dialogs.shown}")
    return f"{rows} mechanisms listed"
