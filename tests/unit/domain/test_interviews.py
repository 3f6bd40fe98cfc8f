"""Interview rules: the state machine, consent, both local times across DST changes, the
parsing of typed dates and times, and the re-anchoring of passages."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from mcim_desk.domain import interviews as rules
from mcim_desk.domain.timezones import to_utc_naive

# --- states -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("planned", "questions_sent"),
        ("planned", "held"),  # questions sent by other means
        ("planned", "cancelled"),
        ("questions_sent", "held"),
        ("questions_sent", "cancelled"),
        ("held", "notes_validated"),
        ("held", "closed"),  # validating the notes is optional
        ("notes_validated", "closed"),
    ],
)
def test_allowed_transitions(old: str, new: str) -> None:
    assert rules.can_transition(old, new)
    rules.check_transition(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("planned", "notes_validated"),
        ("planned", "closed"),
        ("planned", "rescheduled"),  # rescheduling is its own use case
        ("held", "planned"),
        ("held", "cancelled"),
        ("closed", "held"),
        ("cancelled", "planned"),
        ("rescheduled", "held"),
        ("notes_validated", "held"),
    ],
)
def test_refused_transitions(old: str, new: str) -> None:
    assert not rules.can_transition(old, new)
    with pytest.raises(rules.InputError) as caught:
        rules.check_transition(old, new)
    assert caught.value.code == "bad_transition"
    assert caught.value.params == {"old": old, "new": new}


def test_unknown_state_is_named() -> None:
    with pytest.raises(rules.InputError) as caught:
        rules.check_transition("planned", "postponed")
    assert caught.value.code == "unknown_state"


def test_final_states_go_nowhere_and_only_upcoming_ones_reschedule() -> None:
    for state in rules.FINAL_STATES:
        assert rules.allowed_transitions(state) == frozenset()
    assert {s for s in rules.STATES if rules.can_reschedule(s)} == {"planned", "questions_sent"}


# --- consent ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("consent", "allowed"),
    [("named", True), ("quoted", True), ("neither", False), ("unknown", False), (None, False)],
)
def test_publication_needs_consent(consent: str | None, allowed: bool) -> None:
    assert rules.consent_allows_publication(consent) is allowed


def test_unknown_consent_refused() -> None:
    with pytest.raises(rules.InputError) as caught:
        rules.check_consent("maybe")
    assert caught.value.code == "unknown_consent"


# --- both local times -------------------------------------------------------------------------


def _utc(local: datetime, zone: str) -> datetime:
    return to_utc_naive(local, zone)


def test_both_times_summer() -> None:
    start = _utc(datetime(2019, 4, 1, 3, 0), "America/Lima")
    assert rules.both_local_times(start, "Europe/Geneva", "America/Lima") == "10:00 Geneva / 03:00 Lima"


@pytest.mark.parametrize(
    ("lima_day", "geneva_text"),
    [
        # March 2019: Geneva moves to summer time on Sunday 31 March; Lima has no DST.
        (date(2019, 3, 29), "09:00 Geneva / 03:00 Lima"),
        (date(2019, 4, 1), "10:00 Geneva / 03:00 Lima"),
        # October/November 2018: Geneva back to winter time on Sunday 28 October.
        (date(2018, 10, 26), "10:00 Geneva / 03:00 Lima"),
        (date(2018, 11, 9), "09:00 Geneva / 03:00 Lima"),
    ],
)
def test_both_times_follow_geneva_dst(lima_day: date, geneva_text: str) -> None:
    start = _utc(datetime.combine(lima_day, time(3, 0)), "America/Lima")
    assert rules.both_local_times(start, "Europe/Geneva", "America/Lima") == geneva_text


def test_both_times_with_different_dates_show_each_date() -> None:
    start = _utc(datetime(2018, 11, 9, 19, 30), "America/Lima")
    text = rules.both_local_times(start, "Europe/Geneva", "America/Lima")
    assert text == "01:30 Geneva (2018-11-10) / 19:30 Lima (2018-11-09)"


def test_both_times_same_zone_says_it_once() -> None:
    start = _utc(datetime(2018, 11, 9, 10, 0), "Europe/Geneva")
    assert rules.both_local_times(start, "Europe/Geneva", "Europe/Geneva") == "10:00 Geneva"


def test_geneva_is_accepted_as_a_zone() -> None:
    # IANA files Geneva under Europe/Zurich; users write Europe/Geneva.
    assert rules.check_zone(" Europe/Geneva ") == "Europe/Geneva"


def test_local_day_bounds_on_a_dst_day_have_23_hours() -> None:
    start, end = rules.local_day_bounds(date(2019, 3, 31), "Europe/Geneva")
    assert (end - start).total_seconds() == 23 * 3600


# --- typed dates and times --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-11-09", date(2018, 11, 9)),
        (" 2018-11-9 ", date(2018, 11, 9)),
        ("09/11/2018", date(2018, 11, 9)),
        ("9.11.2018", date(2018, 11, 9)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert rules.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty_date"),
        ("   ", "empty_date"),
        ("next friday", "bad_date"),
        ("11/09", "bad_date"),
        ("2018/11/09", "bad_date"),
        ("31/02/2019", "impossible_date"),
        ("2018-13-01", "impossible_date"),
        ("01/01/1066", "impossible_date"),
    ],
)
def test_parse_date_errors(text: str, code: str) -> None:
    with pytest.raises(rules.InputError) as caught:
        rules.parse_date(text)
    assert caught.value.code == code
    if code != "empty_date":
        assert caught.value.params["value"] == text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10:00", time(10, 0)), ("9:30", time(9, 30)), ("15h30", time(15, 30)), ("10h", time(10, 0)),
     ("7", time(7, 0)), ("23.59", time(23, 59))],
)
def test_parse_time(text: str, expected: time) -> None:
    assert rules.parse_time(text) == expected


@pytest.mark.parametrize(("text", "code"), [("", "empty_time"), ("24:00", "bad_time"),
                                            ("10:75", "bad_time"), ("ten", "bad_time"),
                                            ("10:00 pm", "bad_time")])
def test_parse_time_errors(text: str, code: str) -> None:
    with pytest.raises(rules.InputError) as caught:
        rules.parse_time(text)
    assert caught.value.code == code


def test_parse_datetime() -> None:
    assert rules.parse_datetime("2018-11-09 14:30") == datetime(2018, 11, 9, 14, 30)
    assert rules.parse_datetime("2018-11-09T14:30") == datetime(2018, 11, 9, 14, 30)
    assert rules.parse_datetime("09/11/2018 9h") == datetime(2018, 11, 9, 9, 0)
    assert rules.parse_datetime("09/11/2018", default_time=time(9)) == datetime(2018, 11, 9, 9, 0)
    with pytest.raises(rules.InputError) as caught:
        rules.parse_datetime("09/11/2018")
    assert caught.value.code == "empty_time"
    with pytest.raises(rules.InputError) as caught:
        rules.parse_datetime("soon 10:00")
    assert caught.value.code == "bad_date"


def test_unknown_zone() -> None:
    for bad in ("", "Mars/Olympus", "Lima", "America/lima "):
        with pytest.raises(rules.InputError) as caught:
            rules.check_zone(bad)
        assert caught.value.code == "unknown_zone"


def test_nonexistent_local_time_is_refused() -> None:
    with pytest.raises(rules.InputError) as caught:
        rules.check_local_time(datetime(2019, 3, 31, 2, 30), "Europe/Geneva")
    assert caught.value.code == "nonexistent_time"
    assert rules.check_local_time(datetime(2019, 3, 31, 3, 30), "Europe/Geneva")


def test_end_before_start_and_lengths() -> None:
    assert rules.minutes_between(time(10, 0), time(11, 15)) == 75
    for end in (time(9, 0), time(10, 0)):
        with pytest.raises(rules.InputError) as caught:
            rules.minutes_between(time(10, 0), end)
        assert caught.value.code == "end_before_start"
    for bad in (0, -5, 24 * 60, True):
        with pytest.raises(rules.InputError) as caught:
            rules.check_minutes(bad)
        assert caught.value.code == "bad_length"


# --- progress ---------------------------------------------------------------------------------


def test_stages_imply_the_earlier_ones() -> None:
    facts = rules.MechanismFacts("m", response_status="validated")
    assert rules.reached_stages(facts) == {"questionnaire_sent", "questionnaire_received", "entered", "validated"}
    assert rules.current_stage(facts) == "validated"
    nothing = rules.MechanismFacts("m")
    assert rules.reached_stages(nothing) == {"not_contacted"}
    planned = rules.MechanismFacts("m", interview_planned=True)
    assert rules.reached_stages(planned) == frozenset()
    assert rules.current_stage(planned) is None
    interviewed = rules.MechanismFacts("m", interview_held=True)
    assert rules.reached_stages(interviewed) == {"interviewed"}
    reminded = rules.MechanismFacts("m", questionnaire_sent=True, reminder_done=True)
    assert rules.current_stage(reminded) == "reminded"


# --- passages ---------------------------------------------------------------------------------


def test_reanchor_finds_the_nearest_occurrence() -> None:
    old = "We train. Then we train again."
    start = old.index("train again")
    new = "Today we train. Then we train again."
    assert rules.reanchor("train again", start, new) == (new.index("train again"), new.index("train again") + 11)
    # two occurrences of "train": the one nearest the old offset wins
    second = old.rindex("train")
    found = rules.reanchor("train", second, new)
    assert found == (new.rindex("train"), new.rindex("train") + 5)
    assert rules.reanchor("train again", start, "Nothing left.") is None
    assert rules.reanchor("", 0, "text") is None


def test_clean_tags() -> None:
    assert rules.clean_tags([" objective_1 ", "Objective_1", "data  sharing", ""]) == ("objective_1", "data sharing")
    assert rules.is_reference_tag("objective_23") and not rules.is_reference_tag("objective")
