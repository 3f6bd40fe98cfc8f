"""``mcim-desk followups export --format ics --out FILE``: planned interviews and open
follow-ups as an iCalendar file (times of follow-ups in the zone of the preferences)."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from .cli import fail, open_for_cli


def run_followups(args: argparse.Namespace) -> int:
    if args.action != "export":
        return fail(QCoreApplication.translate("Cli", "unknown action: {action}").format(action=args.action), 2)
    if getattr(args, "format", "ics") != "ics":
        return fail(QCoreApplication.translate("Cli", "unknown format: {format}").format(format=args.format), 2)
    from .domain.timezones import is_known_zone
    from .exchange.icalendar_export import write_calendar
    from .i18n import preferred_language
    from .preferences import Preferences
    from .services.progress import calendar_data

    zone = Preferences.load().time_zone
    if not is_known_zone(zone):
        zone = "UTC"
    db, _report = open_for_cli(args)
    try:
        data = calendar_data(db, zone, args.lang or preferred_language())
        try:
            out = write_calendar(data, args.out)
        except OSError as exc:
            return fail(QCoreApplication.translate("Cli", "cannot write {path}: {error}").format(
                path=args.out, error=exc.strerror or exc))
    finally:
        db.dispose()
    print(QCoreApplication.translate("Cli", "{events} interview(s) and {todos} follow-up(s) written to {path}").format(
        events=len(data.interviews), todos=len(data.followups), path=out))
    return 0
