"""Building a report into a file, and its default name."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ... import clock
from ...translation import translate
from .blank_forms import blank_form_data
from .common import FILE_WORDS, KINDS, Progress, ReportError, _check_lang
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
            translate("Reports", "Unknown report “{kind}”.").format(kind=kind)
        )
    _check_lang(lang)
    target = Path(out).expanduser()
    if not target.parent.is_dir():
        raise ReportError(
            translate(
                "Reports", "The folder {folder} does not exist: choose another place for the report."
            ).format(folder=target.parent)
        )
    if target.is_dir():
        raise ReportError(
            translate("Reports", "{path} is a folder: give a file name for the report.").format(
                path=target
            )
        )
    zone = time_zone or "UTC"

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    step(0.05, translate("Reports", "Reading the data…"))
    if kind == "summary":
        data: Any = summary_data(db, lang, now=now)
    elif kind == "profile":
        data = profile_data(db, mechanism or "", lang, time_zone=zone, now=now)
    elif kind == "followups":
        data = followups_data(db, lang, time_zone=zone, now=now)
    else:
        data = blank_form_data(db, kind, lang, now=now)
    step(0.4, translate("Reports", "Laying out the pages…"))
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
            translate("Reports", "Cannot write {path}: {problem}").format(
                path=target, problem=exc.strerror or exc
            )
        ) from None
    step(1.0, translate("Reports", "Done."))
    return target


def default_file_name(kind: str, lang: str, mechanism_acronym: str | None = None,
                      today: date | None = None) -> str:
    """In the report's language: ``synthese-mcim-2018-11-20.pdf``,
    ``profil-processus-de-rabat-2018-11-20.pdf``, ``summary-iscm-2018-11-20.pdf``."""
    from ...domain.countries import fold

    stamp = (today or clock.utcnow().date()).isoformat()
    english, french = FILE_WORDS.get(kind, (kind, kind))
    word = french if lang == "fr" else english
    if kind == "profile" and mechanism_acronym:
        slug = re.sub(r"[^a-z0-9]+", "-", fold(mechanism_acronym)).strip("-")
        return f"{word}-{slug or 'mcim'}-{stamp}.pdf"
    return f"{word}-{'mcim' if lang == 'fr' else 'iscm'}-{stamp}.pdf"
