"""The records file's value checks, one kind at a time, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mcim_desk.persistence.bundle_records import RecordsError, create, open_records

KINDS = {"code": {"id": "str", "label": "str", "n": "int", "ratio": "float", "flag": "bool",
                  "due": "date", "at": "datetime", "updated_at": "datetime"}}
GOOD = {"id": "c1", "label": "Dialogue", "n": 3, "ratio": 0.5, "flag": 1, "due": "2018-11-09",
        "at": "2018-12-10 09:30:00.000000", "updated_at": "2018-12-10 09:30:00"}


def records_with(tmp_path: Path, **values: object) -> Path:
    path = tmp_path / "records.sqlite"
    conn = create(path, {"code": list(KINDS["code"])})
    conn.execute("INSERT INTO code VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 [{**GOOD, **values}[c] for c in KINDS["code"]])
    conn.close()
    return path


def test_sound_values_pass(tmp_path: Path) -> None:
    records = open_records(records_with(tmp_path), KINDS)
    assert records.rows("code") == [["c1", "Dialogue", 3, 0.5, True, "2018-11-09",
                                     "2018-12-10 09:30:00.000000", "2018-12-10 09:30:00"]]
    records.close()


# Each boundary from both sides: the values just inside pass (GOOD_*), the ones just outside
# are refused (the bad lists below). A check that rounds (SQLite's datetime()) refused
# .9995 and above: about one timestamp in 2,000 that the program itself writes.
GOOD_MOMENTS = [
    "2018-12-10 09:30:00.000000", "2018-12-10 09:30:00.000001", "2018-12-10 09:30:00.499999",
    "2018-12-10 09:30:00.500000", "2018-12-10 09:30:59.999499", "2018-12-10 09:30:59.999500",
    "2018-12-10 09:30:59.999999", "2018-12-31 23:59:59.999999", "2018-12-10 09:30:00",
    "2018-12-10 23:59:59", "2018-12-10 00:00:00", "0001-01-01 00:00:00.000000",
    "9999-12-31 23:59:59.999999", "2020-02-29 23:59:59.999999", "2000-02-29 12:00:00.000000",
    "2400-02-29 00:00:00", "2018-01-31 10:00:00.000000", "2018-04-30 10:00:00.000000",
    "2018-02-28 23:59:59.999999", "2018-12-01 00:00:00.000000",
]
GOOD_DATES = ["2018-11-09", "0001-01-01", "9999-12-31", "2020-02-29", "2000-02-29", "2018-02-28",
              "2018-12-31", "2018-01-01"]


@pytest.mark.parametrize("moment", GOOD_MOMENTS)
def test_every_sound_moment_passes_including_fractions_near_the_next_second(
    tmp_path: Path, moment: str
) -> None:
    records = open_records(records_with(tmp_path, at=moment, updated_at=moment), KINDS)
    assert records.rows("code")[0][6:] == [moment, moment]
    records.close()


@pytest.mark.parametrize("day", GOOD_DATES)
def test_every_sound_date_passes(tmp_path: Path, day: str) -> None:
    records = open_records(records_with(tmp_path, due=day), KINDS)
    assert records.rows("code")[0][5] == day
    records.close()


BAD_MOMENTS = [
    "2018-02-30 10:00:00.000000",  # no 30 February
    "2019-02-29 10:00:00.000000", "1900-02-29 10:00:00.000000", "2100-02-29 10:00:00",  # no leap day
    "2018-04-31 10:00:00.000000", "2018-06-31 10:00:00", "2018-01-32 10:00:00.000000",
    "2018-12-00 10:00:00.000000", "2018-00-10 10:00:00.000000", "2018-13-01 10:00:00.000000",
    "2018-13-45 10:00:00.000000",  # junk that SQLite reads as NULL
    "0000-12-31 23:59:59.999999",  # before year 1: no such datetime in Python
    "10000-01-01 00:00:00.000000",
    "2018-12-10 24:00:00.000000", "2018-12-10 23:60:00.000000", "2018-12-10 23:59:60.000000",
    "2018-12-10 23:59:60", "2018-12-10 -1:00:00.000000",
    "2018-12-10T09:30:00.000000", "2018-12-10 09:30:00.5", "2018-12-10 09:30:00.99999",
    "2018-12-10 09:30:00.9999999", "2018-12-10 09:30:00.", "2018-12-10 09:30:00,000000",
    "2018-12-10 09:30:00.00000x", "2018-12-10 09:30:00.-00001", "2018-12-10 09:30:00.+00001",
    "2018-12-10 09:30:00Z", "2018-12-10 09:30:00.000000Z", "2018-12-10 09:30:00+00:00",
    " 2018-12-10 09:30:00", "2018-12-10 09:30:00 ", "2018-12-10 9:30:00.000000",
    "2018-12-10 09:30", "2018-12-10", "+018-12-10 09:30:00", "2018/12/10 09:30:00",
    "２０１８-12-10 09:30:00", "2018-12-10 09:30:00.000000\n", "",
    1544434200, 1544434200.5,
]


@pytest.mark.parametrize("column", ["at", "updated_at"])
@pytest.mark.parametrize("value", BAD_MOMENTS)
def test_each_bad_moment_is_named(tmp_path: Path, column: str, value: object) -> None:
    with pytest.raises(RecordsError) as caught:
        open_records(records_with(tmp_path, **{column: value}), KINDS)
    assert f"“{column}”" in str(caught.value) and "row 1" in str(caught.value)


@pytest.mark.parametrize(("column", "value"), [
    ("id", None), ("id", 7), ("id", "x" * 65), ("id", ""),
    ("label", 12), ("label", b"\x00\x01"),
    ("n", "three"), ("n", 2.5),
    ("ratio", "half"),
    ("flag", 2), ("flag", "yes"), ("flag", -1),
    ("due", "2018-02-30"), ("due", "9 Nov 2018"), ("due", "2018-11-9"), ("due", "2019-02-29"),
    ("due", "1900-02-29"), ("due", "0000-01-01"), ("due", "2018-11-00"), ("due", "2018-00-09"),
    ("due", "2018-11-31"), ("due", "2018-11-09 00:00:00"), ("due", " 2018-11-09"),
    ("due", "2018-11-09 "), ("due", 20181109),
])
def test_each_bad_value_is_named(tmp_path: Path, column: str, value: object) -> None:
    with pytest.raises(RecordsError) as caught:
        open_records(records_with(tmp_path, **{column: value}), KINDS)
    assert f"“{column}”" in str(caught.value) and "row 1" in str(caught.value)


@pytest.mark.parametrize("column", ["id", "label", "at", "due"])
def test_a_nul_character_is_refused_by_name(tmp_path: Path, column: str) -> None:
    value = {"id": "c\x001", "label": "Dia\x00logue", "at": "2018-12-10 09:30:00\x00000000",
             "due": "2018-11-09\x00"}[column]
    with pytest.raises(RecordsError) as caught:
        open_records(records_with(tmp_path, **{column: value}), KINDS)
    assert f"row 1: “{column}” holds a NUL character" in str(caught.value)


def test_nulls_pass_where_allowed(tmp_path: Path) -> None:
    path = records_with(tmp_path, label=None, n=None, ratio=None, flag=None, due=None, at=None)
    records = open_records(path, KINDS)
    assert records.rows("code") == [["c1", None, None, None, None, None, None, "2018-12-10 09:30:00"]]
    records.close()


def test_only_plain_tables(tmp_path: Path) -> None:
    path = records_with(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIEW everything AS SELECT * FROM code")
    with pytest.raises(RecordsError, match="unexpected object “everything”"):
        open_records(path, KINDS)
