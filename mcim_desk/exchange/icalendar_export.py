"""Planned interviews and follow-ups as an RFC 5545 calendar (the ``icalendar`` library), for
Outlook or Thunderbird.

- An interview is a VEVENT whose DTSTART/DTEND carry the interviewee's zone (TZID) with its
  VTIMEZONE; a follow-up is a VTODO with DUE in the consultant's zone.
- UIDs derive from the row ids (``<id>@mcim-desk``) and SEQUENCE from the row's revision, so
  importing a later export updates the entries instead of duplicating them; interviews
  cancelled or rescheduled (and follow-ups closed) lately are written with STATUS CANCELLED /
  COMPLETED so that a calendar that imported them before sees the change.
- The mechanism's acronym is in every SUMMARY.

Takes plain data (:class:`mcim_desk.services.progress.CalendarData`); writes the file whole
or not at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .. import clock
from ..domain.timezones import from_utc_naive

if TYPE_CHECKING:
    from ..services.progress import CalendarData

PRODID = "-//MCIM Desk//mcim-desk//EN"
UID_DOMAIN = "mcim-desk"
UPCOMING = ("planned", "questions_sent")


def uid_of(row_id: str) -> str:
    return f"{row_id}@{UID_DOMAIN}"


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def build_calendar(data: CalendarData, *, now: datetime | None = None) -> bytes:
    """The calendar as bytes (CRLF lines, UTF-8)."""
    from icalendar import Calendar, Event, Todo

    stamp = _utc(now) if now is not None else clock.utcnow().replace(tzinfo=UTC, microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "MCIM Desk")
    first: date | None = None
    last: date | None = None

    def seen(moment: datetime) -> None:
        nonlocal first, last
        day = moment.date()
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last

    for item in data.interviews:
        if item.planned_start_utc is None:
            continue
        zone = item.zone
        start = from_utc_naive(item.planned_start_utc, zone)
        end = start + timedelta(minutes=item.planned_minutes)
        seen(start)
        seen(end)
        event = Event()
        event.add("uid", uid_of(item.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        who = item.speaker()
        summary = QCoreApplication.translate("Calendar", "Interview {acronym}").format(acronym=item.acronym(data.lang))
        if who:
            summary = QCoreApplication.translate("Calendar", "Interview {acronym} — {person}").format(
                acronym=item.acronym(data.lang), person=item.contact_name
            )
        event.add("summary", summary)
        lines = [item.both_times(data.consultant_zone)]
        if who:
            lines.append(who)
        event.add("description", "\n".join(lines))
        event.add("status", "CONFIRMED" if item.status in UPCOMING else "CANCELLED")
        event.add("sequence", max(0, item.revision))
        if item.updated_at is not None:
            event.add("last-modified", _utc(item.updated_at))
        event.add("categories", ["MCIM Desk", item.acronym(data.lang)])
        calendar.add_component(event)

    for item in data.followups:
        todo = Todo()
        todo.add("uid", uid_of(item.id))
        todo.add("dtstamp", stamp)
        todo.add("summary", item.summary(data.lang))
        if item.notes:
            todo.add("description", item.notes)
        if item.due_utc is not None:
            due = from_utc_naive(item.due_utc, data.consultant_zone)
            seen(due)
            todo.add("due", due)
        status = {"open": "NEEDS-ACTION", "done": "COMPLETED", "cancelled": "CANCELLED"}.get(
            item.status, "NEEDS-ACTION"
        )
        todo.add("status", status)
        if status == "COMPLETED" and item.updated_at is not None:
            todo.add("completed", _utc(item.updated_at))
            todo.add("percent-complete", 100)
        todo.add("sequence", max(0, item.revision))
        if item.updated_at is not None:
            todo.add("last-modified", _utc(item.updated_at))
        todo.add("categories", ["MCIM Desk", item.acronym(data.lang)])
        calendar.add_component(todo)

    if first is not None and last is not None:
        # Only the transitions around what the calendar holds, not 1970-2038.
        calendar.add_missing_timezones(first_date=first - timedelta(days=366),
                                       last_date=last + timedelta(days=366))
    return calendar.to_ical()


def write_calendar(data: CalendarData, out: str | Path, *, now: datetime | None = None) -> Path:
    """Write the calendar to ``out`` (through a temporary file and a rename)."""
    target = Path(out)
    payload = build_calendar(data, now=now)
    from ..files import write_bytes

    return write_bytes(target, payload, make_folder=True)
