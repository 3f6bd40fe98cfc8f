"""A rotating log file in the data folder. Never log names, phone numbers or answers: log
ids, counts and what happened, not what users typed."""

from __future__ import annotations

import logging
import logging.handlers
import os

from .paths import log_dir


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_mcim", False) for h in root.handlers):
        return
    path = log_dir() / "mcim-desk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler._mcim = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    if os.name == "posix":
        os.chmod(path, 0o600)
