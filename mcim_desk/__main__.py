"""Start MCIM Desk: paths -> logging -> QApplication -> translators -> window (first paint)
-> database (check, backup, migrate, reference data) -> list filled.

The first paint imports only PySide6 and this package's light modules; SQLAlchemy is imported
after the list is filled, on a worker thread, so the first edit does not wait for it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from . import APP_NAME
    from .i18n import install_translators
    from .paths import database_target
    from .preferences import Preferences
    from .ui.features import install_features
    from .ui.main_window import MainWindow
    from .ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    from PySide6.QtGui import QIcon

    from .paths import resource_path

    app.setWindowIcon(QIcon(str(resource_path("resources", "icons", "mcim-desk.svg"))))
    app.setDesktopFileName("org.iom.mcim-desk")  # packaging/metadata.py BUNDLE_ID: Wayland icon
    prefs = Preferences.load()
    if args.lang:
        prefs.language = args.lang
    install_translators(prefs.language)
    window = MainWindow(prefs, TaskRunner(), features=install_features)
    if os.environ.get("MCIM_DESK_STARTUP_PROBE"):
        _attach_probe(window, app)
    target = database_target(args.db)

    def open_db() -> None:
        from .cli import _clean_stale_temp
        from .logging_setup import setup_logging

        setup_logging()
        _clean_stale_temp()  # what killed processes left in the private temporary folder
        if not window.open_database(target):
            app.exit(2)
            return
        from .ui.first_start import ask_profile_once

        ask_profile_once(window)  # the first start only: the name written beside each change

    # Paint first, then open the database: the window is there before any file work.
    window.first_painted.connect(lambda: QTimer.singleShot(0, open_db))
    window.show()
    return app.exec()


def _attach_probe(window, app) -> None:  # noqa: ANN001 - for benchmarks/startup.py
    """Print (wall-clock) when the window first painted and when the list was filled."""
    from PySide6.QtCore import QTimer

    window.first_painted.connect(lambda: print(f"first_paint {time.time():.6f}", flush=True))

    def filled() -> None:
        print(f"list_filled {time.time():.6f}", flush=True)
        QTimer.singleShot(0, app.quit)

    window.list_filled.connect(filled)


def main(argv: list[str] | None = None) -> int:
    from .cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
