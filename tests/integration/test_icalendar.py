"""The iCalendar export read back with the icalendar library: events with the interviewee's
zone and its VTIMEZONE, to-dos with DUE, stable UIDs, SEQUENCE rising after an edit; and the
``mcim-desk followups export`` command."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mcim_desk.exchange.icalendar_export import build_calendar, write_calendar
from mcim_desk.services import calls, followups, interviews, progress
from mcim_desk.services.catalogue import ContactInfo, find_mechanism, save_contact

GENEVA, LIMA = "Europe/Geneva", "America/Lima"


def read(path: Path):  # noqa: ANN201 - an icalendar Calendar
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


@pytest.fixture
def planned(db):  # noqa: ANN001, ANN201
    sacm = find_mechanism(db, "SACM")
    chair = save_contact(db, ContactInfo(
        id="", mechanism_id=sacm.id, role="chair", name="Ana Pérez", title="Presidenta",
        institution=None, email=None, phone=None, time_zone=LIMA, revision=0), "t")
    return interviews.plan_interview(db, sacm.id, chair.id, datetime(2030, 4, 1, 3, 0), LIMA, 45,
                                     GENEVA, "t", now=datetime(2030, 3, 1))


def export(db, path: Path) -> object:  # noqa: ANN001
    write_calendar(progress.calendar_data(db, GENEVA, "en"), path)
    return read(path)


def test_events_todos_and_zones(db, planned, tmp_path: Path) -> None:  # noqa: ANN001
    cal = export(db, tmp_path / "study.ics")
    assert str(cal["version"]) == "2.0" and "MCIM Desk" in str(cal["prodid"])
    [event] = cal.walk("VEVENT")
    assert str(event["uid"]) == f"{planned.id}@mcim-desk"
    assert "SACM" in str(event["summary"]) and "Ana Pérez" in str(event["summary"])
    start = event.decoded("dtstart")
    assert start == datetime(2030, 4, 1, 3, 0, tzinfo=ZoneInfo(LIMA))
    assert event["dtstart"].params["TZID"] == LIMA
    assert event.decoded("dtend") - start == timedelta(minutes=45)
    assert "10:00 Geneva / 03:00 Lima" in str(event["description"])
    assert str(event["status"]) == "CONFIRMED"
    zones = {str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")}
    assert LIMA in zones and "Europe/Zurich" in zones  # the to-do's DUE is in Geneva time
    [todo] = cal.walk("VTODO")
    assert str(todo["uid"]) == f"{followups.followups(db)[0].id}@mcim-desk"
    assert str(todo["summary"]) == "Send the questions — SACM"
    assert todo.decoded("due") == datetime(2030, 3, 30, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))
    assert str(todo["status"]) == "NEEDS-ACTION"


def test_uids_stable_and_sequence_rises_after_an_edit(db, planned, tmp_path: Path) -> None:  # noqa: ANN001
    first = export(db, tmp_path / "a.ics")
    second = export(db, tmp_path / "b.ics")

    def uids(cal) -> dict[str, int]:  # noqa: ANN001
        return {str(c["uid"]): int(c["sequence"]) for c in cal.walk() if c.name in ("VEVENT", "VTODO")}

    assert uids(first) == uids(second)
    calls.set_consent(db, planned.id, "named", "t")  # any edit bumps the revision
    [item] = followups.followups(db)
    followups.update_followup(db, item.id, "notes", "Envoyer en espagnol", "t")
    third = export(db, tmp_path / "c.ics")
    before, after = uids(first), uids(third)
    assert set(before) == set(after)
    assert all(after[uid] > before[uid] for uid in before)
    [todo] = third.walk("VTODO")
    assert str(todo["description"]) == "Envoyer en espagnol"


def test_cancelled_interviews_are_exported_cancelled(db, planned, tmp_path: Path) -> None:  # noqa: ANN001
    result = interviews.reschedule(db, planned.id, datetime(2030, 4, 8, 3), LIMA, 60, GENEVA, "t")
    cal = export(db, tmp_path / "r.ics")
    status = {str(e["uid"]): str(e["status"]) for e in cal.walk("VEVENT")}
    assert status == {f"{planned.id}@mcim-desk": "CANCELLED", f"{result.new.id}@mcim-desk": "CONFIRMED"}


def test_empty_calendar_is_valid(db, tmp_path: Path) -> None:  # noqa: ANN001
    data = progress.calendar_data(db, GENEVA, "en")
    from icalendar import Calendar

    cal = Calendar.from_ical(build_calendar(data))
    assert cal.walk("VEVENT") == [] and cal.walk("VTODO") == []


def test_cli_export(db_path: Path, tmp_path: Path, planned) -> None:  # noqa: ANN001
    from mcim_desk.cli import main

    out = tmp_path / "out" / "followups.ics"
    assert main(["--db", str(db_path), "followups", "export", "--format", "ics", "--out", str(out)]) == 0
    cal = read(out)
    assert len(cal.walk("VEVENT")) == 1 and len(cal.walk("VTODO")) == 1
    bad = tmp_path / "no-such-dir-file"
    bad.mkdir()
    assert main(["--db", str(db_path), "followups", "export", "--out", str(bad)]) == 1
