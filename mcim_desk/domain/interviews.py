"""Interviews, follow-ups and passages as plain rules: states and transitions, consent, the
"both local times" text, the parsing of typed dates and times, and the re-anchoring of a
quoted or coded passage after its surrounding text was edited.

No Qt and no SQLAlchemy here. Bad input raises :class:`InputError`, which carries a code and
the offending values; the services turn it into a translated message (``describe_input_error``
in :mod:`mcim_desk.services.interviews`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from .timezones import city_of, from_utc_naive, is_known_zone, to_utc_naive

# --- interview states -----------------------------------------------------------------------

PLANNED = "planned"
QUESTIONS_SENT = "questions_sent"
HELD = "held"
NOTES_VALIDATED = "notes_validated"
CLOSED = "closed"
CANCELLED = "cancelled"
RESCHEDULED = "rescheduled"

STATES = (PLANNED, QUESTIONS_SENT, HELD, NOTES_VALIDATED, CLOSED, CANCELLED, RESCHEDULED)
# planned -> questions sent -> held -> notes validated (optional) -> closed; planned and
# questions-sent interviews may instead be cancelled or rescheduled. "Questions sent" may be
# skipped (the questions went out by other means, or the interviewee called first).
# Rescheduling is its own use case (it creates the new interview), never a plain transition.
TRANSITIONS: dict[str, frozenset[str]] = {
    PLANNED: frozenset({QUESTIONS_SENT, HELD, CANCELLED}),
    QUESTIONS_SENT: frozenset({HELD, CANCELLED}),
    HELD: frozenset({NOTES_VALIDATED, CLOSED}),
    NOTES_VALIDATED: frozenset({CLOSED}),
    CLOSED: frozenset(),
    CANCELLED: frozenset(),
    RESCHEDULED: frozenset(),
}
UPCOMING_STATES = frozenset({PLANNED, QUESTIONS_SENT})  # still to happen: may be rescheduled
HELD_STATES = frozenset({HELD, NOTES_VALIDATED, CLOSED})  # the call took place
FINAL_STATES = frozenset({CLOSED, CANCELLED, RESCHEDULED})


def allowed_transitions(state: str) -> frozenset[str]:
    return TRANSITIONS.get(state, frozenset())


def can_transition(old: str, new: str) -> bool:
    return new in allowed_transitions(old)


def check_transition(old: str, new: str) -> None:
    if new not in STATES:
        raise InputError("unknown_state", value=new)
    if not can_transition(old, new):
        raise InputError("bad_transition", old=old, new=new)


def can_reschedule(state: str) -> bool:
    return state in UPCOMING_STATES


# --- consent --------------------------------------------------------------------------------

CONSENT_NAMED = "named"  # may be named (and so quoted)
CONSENT_QUOTED = "quoted"  # may be quoted without being named
CONSENT_NEITHER = "neither"
CONSENT_UNKNOWN = "unknown"
CONSENTS = (CONSENT_UNKNOWN, CONSENT_NAMED, CONSENT_QUOTED, CONSENT_NEITHER)


def consent_allows_publication(consent: str | None) -> bool:
    """A quote may be cleared for publication only when the interviewee allowed quoting."""
    return consent in (CONSENT_NAMED, CONSENT_QUOTED)


def check_consent(value: str) -> str:
    if value not in CONSENTS:
        raise InputError("unknown_consent", value=value)
    return value


# --- follow-ups -----------------------------------------------------------------------------

SEND_QUESTIONNAIRE = "send_questionnaire"
REMINDER = "reminder"
SCHEDULE_INTERVIEW = "schedule_interview"
CLARIFY_ANSWER = "clarify_answer"
SEND_NOTES = "send_notes"
OTHER = "other"
FOLLOWUP_KINDS = (SEND_QUESTIONNAIRE, REMINDER, SCHEDULE_INTERVIEW, CLARIFY_ANSWER, SEND_NOTES, OTHER)

OPEN = "open"
DONE = "done"
FOLLOWUP_CANCELLED = "cancelled"
FOLLOWUP_STATUSES = (OPEN, DONE, FOLLOWUP_CANCELLED)


def check_followup_kind(value: str) -> str:
    if value not in FOLLOWUP_KINDS:
        raise InputError("unknown_kind", value=value)
    return value


def check_followup_status(value: str) -> str:
    if value not in FOLLOWUP_STATUSES:
        raise InputError("unknown_status", value=value)
    return value


# --- the study's progress -------------------------------------------------------------------

NOT_CONTACTED = "not_contacted"
SENT = "questionnaire_sent"
REMINDED = "reminded"
RECEIVED = "questionnaire_received"
ENTERED = "entered"
VALIDATED = "validated"
INTERVIEWED = "interviewed"
PROGRESS_STAGES = (NOT_CONTACTED, SENT, REMINDED, RECEIVED, ENTERED, VALIDATED, INTERVIEWED)


@dataclass(frozen=True)
class MechanismFacts:
    """What the database knows of one mechanism's part in the current round."""

    mechanism_id: str
    questionnaire_sent: bool = False
    reminder_done: bool = False
    questionnaire_received: bool = False  # a received date, or answers typed in
    response_status: str | None = None  # draft / complete / validated
    interview_planned: bool = False
    interview_held: bool = False


def reached_stages(facts: MechanismFacts) -> frozenset[str]:
    """The milestones a mechanism has passed. A later milestone implies the earlier ones of the
    questionnaire's track (a questionnaire typed in from paper was received, hence sent);
    "interviewed" is its own track. "Not contacted" only when nothing at all happened."""
    reached: set[str] = set()
    status = facts.response_status
    if status == "validated":
        reached.add(VALIDATED)
    if status in ("complete", "validated"):
        reached.add(ENTERED)
    if facts.questionnaire_received or reached:
        reached.add(RECEIVED)
    if facts.reminder_done:
        reached.add(REMINDED)
    if facts.questionnaire_sent or reached:
        reached.add(SENT)
    if facts.interview_held:
        reached.add(INTERVIEWED)
    if not reached and not facts.interview_planned:
        reached.add(NOT_CONTACTED)
    return frozenset(reached)


def current_stage(facts: MechanismFacts) -> str | None:
    """The furthest milestone, for one-word status columns ("interviewed" counts as furthest);
    None for a mechanism whose only activity is a planned interview."""
    reached = reached_stages(facts)
    for stage in reversed(PROGRESS_STAGES):
        if stage in reached:
            return stage
    return None


# --- errors ---------------------------------------------------------------------------------


class InputError(ValueError):
    """Bad typed input. ``code`` names the problem; ``params`` the values to show with it.

    Codes: empty_date, bad_date, impossible_date, empty_time, bad_time, unknown_zone,
    nonexistent_time, end_before_start, bad_length, unknown_state, bad_transition,
    unknown_consent, unknown_kind, unknown_status.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


# --- typed dates and times ------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_ISO_T = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})T")
_TIME = re.compile(r"^(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?)?$")
MIN_YEAR, MAX_YEAR = 1990, 2100
MAX_MINUTES = 12 * 60


def parse_date(text: str) -> date:
    """A typed date: 2018-11-09 (ISO), 09/11/2018 or 9.11.2018 (day first, as in French and
    most of the study's countries). Month-first dates are never guessed."""
    raw = (text or "").strip()
    if not raw:
        raise InputError("empty_date")
    match = _ISO_DATE.match(raw)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY_DATE.match(raw)
        if not match:
            raise InputError("bad_date", value=raw)
        day, month, year = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise InputError("impossible_date", value=raw) from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InputError("impossible_date", value=raw)
    return value


def parse_time(text: str) -> time:
    """A typed time of day on the 24-hour clock: 10:00, 9:30, 10h30, 10h, 10."""
    raw = (text or "").strip()
    if not raw:
        raise InputError("empty_time")
    match = _TIME.match(raw)
    if not match:
        raise InputError("bad_time", value=raw)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise InputError("bad_time", value=raw)
    return time(hour, minute)


def parse_datetime(text: str, default_time: time | None = None) -> datetime:
    """A date and a time typed in one field ("2018-11-09 10:00", "09/11/2018 10h30",
    "2018-11-09T10:00"). Without a time, ``default_time`` or else the bad-time message."""
    raw = (text or "").strip()
    if not raw:
        raise InputError("empty_date")
    parts = _ISO_T.sub(r"\1 ", raw).split(None, 1)
    try:
        day = parse_date(parts[0])
    except InputError as exc:
        if exc.code == "bad_date":  # name all that was typed, not its first word
            raise InputError("bad_date", value=raw) from None
        raise
    if len(parts) == 1:
        if default_time is None:
            raise InputError("empty_time")
        return datetime.combine(day, default_time)
    return datetime.combine(day, parse_time(parts[1]))


def check_zone(name: str) -> str:
    clean = (name or "").strip()
    if not clean or not is_known_zone(clean):
        raise InputError("unknown_zone", value=clean)
    return clean


def check_local_time(local: datetime, zone_name: str) -> datetime:
    """The wall-clock time must exist in the zone: the hour skipped when clocks go forward
    (02:30 on the last Sunday of March in Geneva) is refused rather than silently moved."""
    utc = to_utc_naive(local, zone_name)
    back = from_utc_naive(utc, zone_name).replace(tzinfo=None)
    if back != local.replace(tzinfo=None):
        raise InputError("nonexistent_time", value=local.strftime("%Y-%m-%d %H:%M"), zone=zone_name)
    return local


def check_minutes(minutes: int) -> int:
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_MINUTES:
        raise InputError("bad_length", value=minutes, maximum=MAX_MINUTES)
    return minutes


def minutes_between(start: time, end: time) -> int:
    """The planned length from a start and an end typed on the same day."""
    delta = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if delta <= 0:
        raise InputError("end_before_start", start=start.strftime("%H:%M"), end=end.strftime("%H:%M"))
    return delta


# --- both local times -----------------------------------------------------------------------


def both_local_times(utc: datetime, first_zone: str, second_zone: str) -> str:
    """"10:00 Geneva / 03:00 Lima": the same instant on both sides of the call (``utc`` naive
    UTC, as stored). When the two local dates differ, each side carries its date."""
    first = from_utc_naive(_naive_utc(utc), first_zone)
    if second_zone == first_zone:
        return f"{first:%H:%M} {city_of(first_zone)}"
    second = from_utc_naive(_naive_utc(utc), second_zone)
    if first.date() == second.date():
        return f"{first:%H:%M} {city_of(first_zone)} / {second:%H:%M} {city_of(second_zone)}"
    return (
        f"{first:%H:%M} {city_of(first_zone)} ({first:%Y-%m-%d}) / "
        f"{second:%H:%M} {city_of(second_zone)} ({second:%Y-%m-%d})"
    )


def local_date_text(utc: datetime, zone_name: str) -> str:
    return f"{from_utc_naive(_naive_utc(utc), zone_name):%Y-%m-%d}"


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def local_day_bounds(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar day as naive UTC (23 or 25 hours on DST days)."""
    start = to_utc_naive(datetime.combine(day, time(0, 0)), zone_name)
    end = to_utc_naive(datetime.combine(day + timedelta(days=1), time(0, 0)), zone_name)
    return start, end


# --- passages -------------------------------------------------------------------------------


def reanchor(passage: str, start: int, new_text: str) -> tuple[int, int] | None:
    """Where ``passage`` (which began at ``start`` in the old text) now lies in ``new_text``:
    the occurrence nearest the old offset, or None when the exact words are gone."""
    if not passage:
        return None
    best: int | None = None
    index = new_text.find(passage)
    while index >= 0:
        if best is None or abs(index - start) < abs(best - start):
            best = index
        index = new_text.find(passage, index + 1)
    if best is None:
        return None
    return best, best + len(passage)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated (first spelling wins, case-insensitive), in the given order."""
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        text = " ".join(str(tag).split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return tuple(result)


REFERENCE_TAG = re.compile(r"^(theme|principle|objective)_\d+$")


def is_reference_tag(tag: str) -> bool:
    return bool(REFERENCE_TAG.match(tag))
