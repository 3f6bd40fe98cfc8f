"""Generated study data for the round-trip laws: hypothesis strategies, a database built
through the services from a drawn plan (every step at its own hostile moment of the settable
clock), and plain-SQL readers of the files, written here and not taken from the program.

Text is any Unicode a person could type (right-to-left scripts, combining marks, markup and
formula characters, quotes, newlines), never a NUL (refused by every import) and far below
the text limit of ``mcim_desk/limits.py``.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from mcim_desk import clock

ACTOR = "consultant « Amina »"

# --- strategies --------------------------------------------------------------------------

_SPECIAL = [
    "<", ">", "&", "=", "+", "-", "@", "'", '"', "«", "»", "’", "\n", "\t", " ",
    "\u200f", "\u202e",  # right-to-left mark, override
    "\u0301", "\u0308", "\u0327",  # combining acute, diaeresis, cedilla
    "ש", "ל", "ו", "م", "ر", "ح", "ب", "ا",  # Hebrew and Arabic letters
    "é", "œ", "ñ", "ß", "ı", "İ", "中", "文", "😀", "👍🏽",
    "<b>", "</b>", "<img src=x>", "&amp;", "=1+2", "@SUM(A1)",
]
_ALPHABET = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.lists(st.one_of(st.sampled_from(_SPECIAL), st.text(_ALPHABET, min_size=1, max_size=8)),
                min_size=1, max_size=12).map("".join)

# The whole range a database can hold, one day in from each end (an audit row is stamped a
# microsecond after the one before it, and a plan's end comes after its start), and every
# fraction of a second, the last ones before the next second most of all.
_EARLIEST, _LATEST = datetime(1, 1, 2), datetime(9999, 12, 30)
FRACTIONS = st.one_of(
    st.sampled_from([999999, 999500, 999499, 999000, 500000, 1, 0]),
    st.integers(0, 999999),
)
MOMENTS = st.builds(
    lambda moment, fraction: moment.replace(microsecond=fraction),
    st.datetimes(min_value=_EARLIEST, max_value=_LATEST), FRACTIONS,
)
TYPED_DATES = st.one_of(
    st.dates(min_value=_EARLIEST.date(), max_value=_LATEST.date()).map(lambda d: d.isoformat()),
    st.sampled_from(["30/11/2018", "2018-02-30", "demain", "2018-11-9"]),  # kept as typed, invalid
)

TOP_LEVEL = {  # the questionnaire's questions outside repeats, by type
    "text": ["section_1/q1", "section_1/q2", "section_1/q3", "section_2/q5", "section_2/q6",
             "section_2/q12", "section_3/q14", "section_3/q16", "section_3/q19/q19_data_exchange",
             "section_3/q19/q19_awareness", "section_3/q20", "section_3/q21", "section_3/q22",
             "section_3/q23", "section_3/q24", "section_4/q26", "section_4/q28",
             "submission/submitted_by"],
    "select_one": {"section_2/q4": ["oui", "non", "en_cours"], "section_2/q7": ["oui", "non"],
                   "section_2/q8": ["oui", "non"], "section_3/q13": ["oui", "non", "ne_sait_pas"],
                   "section_3/q15": ["oui", "non", "ne_sait_pas"],
                   "section_3/q17": ["oui", "non", "deja_fait", "ne_sait_pas"],
                   "section_4/q27": ["oui", "non", "existe", "ne_sait_pas"]},
    "select_multiple": {"section_2/q9": [f"theme_{i}" for i in range(1, 7)],
                        "section_2/q10": [f"principle_{i}" for i in range(1, 11)],
                        "section_2/q11": [f"objective_{i}" for i in range(1, 24)]},
    "date": ["section_3/q18", "submission/submission_date"],
}
CATEGORIES = ["other_iscms", "intergovernmental_organizations", "un_regional_commissions",
              "regional_economic_organizations"]
GUIDE_TEXT = ["mandatory/q2", "mandatory/q4", "mandatory/q5", "mandatory/q6", "mandatory/q7",
              "mandatory/q8", "optional/q9", "optional/q10", "optional/q11"]


@st.composite
def questionnaire_answers(draw: st.DrawFn, *, valid_only: bool = False, max_rows: int = 60) -> dict[str, str]:
    """Answers by instance path: some of the top-level questions, then 0 to ``max_rows``
    partners (Q25), each with a category and any of its two texts."""
    answers: dict[str, str] = {}
    for path in draw(st.lists(st.sampled_from(TOP_LEVEL["text"]), unique=True, max_size=8)):
        answers[path] = draw(TEXT)
    for path, codes in TOP_LEVEL["select_one"].items():
        if draw(st.booleans()):
            answers[path] = draw(st.sampled_from(codes))
    for path, codes in TOP_LEVEL["select_multiple"].items():
        if draw(st.booleans()):
            answers[path] = " ".join(draw(st.lists(st.sampled_from(codes), unique=True, min_size=1, max_size=5)))
    dates = st.dates(min_value=_EARLIEST.date(), max_value=_LATEST.date()).map(lambda d: d.isoformat())
    for path in TOP_LEVEL["date"]:
        if draw(st.booleans()):
            answers[path] = draw(dates if valid_only else TYPED_DATES)
    rows = draw(st.integers(0, max_rows))
    for index in range(1, rows + 1):
        base = f"section_4/q25[{index}]"
        answers[f"{base}/category"] = draw(st.sampled_from(CATEGORIES))
        for name in ("partner_name", "nature"):
            if draw(st.booleans()):
                answers[f"{base}/{name}"] = draw(TEXT)
    return answers


@dataclass
class Interview:
    local_start: datetime
    notes: str
    answers: dict[str, str]
    quote_words: int  # how many characters of the notes the quote takes (0: no quote)


@dataclass
class Plan:
    """What to put in the database, and when (one moment per step)."""

    questionnaires: list[tuple[int, dict[str, str], datetime]]  # mechanism index, answers, moment
    interviews: list[tuple[int, Interview, datetime]] = field(default_factory=list)
    followups: list[tuple[int, str, datetime | None, datetime]] = field(default_factory=list)


@st.composite
def plans(draw: st.DrawFn, *, valid_only: bool = False, max_rows: int = 60,
          with_interviews: bool = True) -> Plan:
    mechanisms = draw(st.lists(st.integers(0, 29), unique=True, min_size=1, max_size=3))
    questionnaires = [(m, draw(questionnaire_answers(valid_only=valid_only, max_rows=max_rows)), draw(MOMENTS))
                      for m in mechanisms]
    interviews = []
    followups = []
    if with_interviews:
        for m in draw(st.lists(st.integers(0, 29), max_size=2)):
            answers = {p: draw(TEXT) for p in draw(st.lists(st.sampled_from(GUIDE_TEXT), unique=True, max_size=4))}
            notes = draw(TEXT)
            interview = Interview(
                draw(st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31))),
                notes, answers, draw(st.integers(0, len(notes))),
            )
            interviews.append((m, interview, draw(MOMENTS)))
        for m in draw(st.lists(st.integers(0, 29), max_size=3)):
            followups.append((m, draw(TEXT), draw(st.one_of(st.none(), MOMENTS)), draw(MOMENTS)))
    return Plan(questionnaires, interviews, followups)


# --- building a database from a plan -------------------------------------------------------


def populate(db: Any, plan: Plan) -> dict[int, str]:
    """Carry out the plan through the services; returns mechanism index -> questionnaire
    response id."""
    from mcim_desk.services import calls, catalogue, followups, interviews, quotes, responses

    mechanisms = catalogue.mechanism_rows(db)
    made: dict[int, str] = {}
    for index, answers, moment in plan.questionnaires:
        with clock.frozen(moment):
            info = responses.open_questionnaire(db, mechanisms[index].id, ACTOR)
            if answers:
                responses.save_answers(db, info.id, answers, ACTOR)
        made[index] = info.id
    for index, planned, moment in plan.interviews:
        with clock.frozen(moment):
            contact = catalogue.ContactInfo("", mechanisms[index].id, "chair", "Fatou Ndiaye", None, None,
                                            None, None, "UTC", 0)
            info = interviews.plan_interview(db, mechanisms[index].id, None, planned.local_start, "UTC", 60,
                                             "UTC", ACTOR, new_contact=contact, now=moment)
            if planned.answers:
                responses.save_answers(db, info.response_id, planned.answers, ACTOR)
            calls.set_notes(db, info.id, planned.notes, ACTOR)
            words = planned.notes[: planned.quote_words]
            if words.strip():
                quotes.save_quote(db, text=words, start=0, end=len(words), actor=ACTOR, field="notes",
                                  interview_id=info.id, tags=["tag « é »"])
    for index, notes, due, moment in plan.followups:
        with clock.frozen(moment):
            followups.create_followup(db, kind="other", mechanism_id=mechanisms[index].id, due_utc=due,
                                      owner=ACTOR, actor=ACTOR, notes=notes)
    return made


class Templates:
    """Two databases made once per run by separate installs (their own rounds, settings and
    installation ids), copied for every example: the source and an empty target."""

    def __init__(self, folder: Path) -> None:
        from mcim_desk.services.startup import open_database

        self.folder = folder
        self.paths = {}
        for name in ("source", "target"):
            path = folder / f"template-{name}.sqlite3"
            db, _ = open_database(str(path), backup=False)
            db.dispose()
            self.paths[name] = path
        self.count = 0

    def fresh(self, name: str) -> tuple[Any, Path]:
        from mcim_desk.services.startup import open_database

        self.count += 1
        path = self.folder / f"{name}-{self.count}.sqlite3"
        shutil.copyfile(self.paths[name], path)
        db, _ = open_database(str(path), backup=False)
        return db, path


# --- reading the files: plain SQL, independent of the program ---------------------------------


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def table(path: Path, name: str, without: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """id -> row (column -> value) of a table, less some columns."""
    conn = sqlite3.connect(path)
    try:
        cursor = conn.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        return {
            row[0]: {c: v for c, v in zip(columns, row, strict=True) if c not in without}
            for row in cursor.fetchall()
        }
    finally:
        conn.close()


def live_answers(path: Path) -> dict[str, dict[str, tuple[str, int]]]:
    """response id -> path -> (value, relevant) of every stored, non-empty answer of a live
    response (a repeat row's own marker, value "", included)."""
    result: dict[str, dict[str, tuple[str, int]]] = {}
    for response_id, answer_path, value, relevant in rows(
        path,
        "SELECT a.response_id, a.path, a.value, a.relevant FROM answer a "
        "JOIN response r ON r.id = a.response_id "
        "WHERE r.deleted_at IS NULL AND a.value IS NOT NULL",
    ):
        result.setdefault(response_id, {})[answer_path] = (value, relevant)
    return result
