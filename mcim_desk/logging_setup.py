"""A rotating log file in the data folder. Never log names, phone numbers or answers: log
ids, counts and what happened, not what users typed."""

from __future__ import annotations

import logging
import logging.handlers

from .paths import log_dir


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_mcim", False) for h in root.handlers):
        return
    from .files import create_private

    # A log line that cannot be written (a full disk) is dropped, not printed as a traceback.
    logging.raiseExceptions = False
    try:
        path = log_dir() / "mcim-desk.log"
        create_private(path)  # a new log is 0600; an existing one keeps its mode
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
    except OSError:
        return  # no room for a log (a full disk): the program runs without one
    handler._mcim = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
