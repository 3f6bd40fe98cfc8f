"""Building a report into a file, and its default name."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ... import clock
from .blank_forms import blank_form_data
from .common import KINDS, Progress, ReportError, _check_lang
from .followups import followups_data
from .profile import profile_data
from .summary import summary_data

if TYPE_CHECKING:
    from ...persistence.database import Database


def is_demo(db: Database) -> bool:
    """The database is a demonstration database (setting demo=1)."""
    if db.path is not None:
        from ...persistence.sqlite_files import read_rows

        try:
            rows = read_rows(db.path, "SELECT value FROM setting WHERE key='demo'")
        except Exception:  # noqa: BLE001 - a database being created has no table yet
            return False
        return bool(rows) and rows[0][0] == "1"
    from ...persistence import report_repo as repo

    with db.read() as session:
        return repo.is_demo(session)


def build_report(
    db: Database,
    kind: str,
    lang: str,
    out: str | Path,
    mechanism: str | None = None,
    progress: Progress | None = None,
    *,
    time_zone: str | None = None,
    now: datetime | None = None,
) -> Path:
    """Build one report into ``out`` (written atomically) and return its path.

    ``kind``: summary, profile (needs ``mechanism``: an id or an acronym), followups,
    blank-questionnaire, blank-interview. ``progress(fraction, message)`` is called as the
    work advances (from the calling thread). Raises ReportError with a message for the user.
    """
    if kind not in KINDS:
        raise ReportError(
            QCoreApplication.translate("Reports", "Unknown report “{kind}”.").format(kind=kind)
        )
    _check_lang(lang)
    target = Path(out).expanduser()
    if not target.parent.is_dir():
        raise ReportError(
            QCoreApplication.translate(
                "Reports", "The folder {folder} does not exist: choose another place for the report."
            ).format(folder=target.parent)
        )
    if target.is_dir():
        raise ReportError(
            QCoreApplication.translate("Reports", "{path} is a folder: give a file name for the report.").format(
                path=target
            )
        )
    zone = time_zone or "UTC"

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    step(0.05, QCoreApplication.translate("Reports", "Reading the data…"))
    if kind == "summary":
        data: Any = summary_data(db, lang, now=now)
    elif kind == "profile":
        data = profile_data(db, mechanism or "", lang, time_zone=zone, now=now)
    elif kind == "followups":
        data = followups_data(db, lang, time_zone=zone, now=now)
    else:
        data = blank_form_data(db, kind, lang, now=now)
    step(0.4, QCoreApplication.translate("Reports", "Laying out the pages…"))
    try:
        if kind == "summary":
            from ...reports.summary import write_summary

            write_summary(data, target)
        elif kind == "profile":
            from ...reports.profile import write_profile

            write_profile(data, target)
        elif kind == "followups":
            from ...reports.followups import write_followups

            write_followups(data, target)
        else:
            from ...reports.blank_forms import write_blank_form

            write_blank_form(data, target)
    except PermissionError as exc:
        raise ReportError(
            QCoreApplication.translate("Reports", "Cannot write {path}: {problem}").format(
                path=target, problem=exc.strerror or exc
            )
        ) from None
    step(1.0, QCoreApplication.translate("Reports", "Done."))
    return target


def default_file_name(kind: str, lang: str, mechanism_acronym: str | None = None,
                      today: date | None = None) -> str:
    """e.g. ``mcim-summary-fr-2026-11-26.pdf``."""
    stamp = (today or clock.utcnow().date()).isoformat()
    middle = kind
    if kind == "profile" and mechanism_acronym:
        middle = "profile-" + re.sub(r"[^A-Za-z0-9]+", "-", mechanism_acronym).strip("-").lower()
    return f"mcim-{middle}-{lang}-{stamp}.pdf"
