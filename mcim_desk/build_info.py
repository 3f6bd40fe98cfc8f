"""The version line: the program's version and, for a packaged build, its build date.

build.spec writes ``build-info.json`` (``{"version": ..., "build_date": "YYYY-MM-DD"}``) beside
the bundled resources; a source checkout has none. Standard library only (``--version`` stays
instant).
"""

from __future__ import annotations

import json

from . import APP_NAME, __version__
from .paths import resource_path

BUILD_INFO = "build-info.json"


def build_date() -> str | None:
    """The date the package was built (UTC, ISO), or None when running from source."""
    try:
        info = json.loads(resource_path(BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    date = info.get("build_date") if isinstance(info, dict) else None
    return date if isinstance(date, str) else None


def version_line() -> str:
    """``MCIM Desk 0.2.0 (built 2026-12-03)``, or ``MCIM Desk 0.2.0 (from source)``."""
    date = build_date()
    return f"{APP_NAME} {__version__} ({f'built {date}' if date else 'from source'})"
