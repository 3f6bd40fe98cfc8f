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


@pytest.mark.parametrize(("column", "value"), [
    ("id", None), ("id", 7), ("id", "x" * 65), ("id", ""),
    ("label", 12), ("label", b"\x00\x01"),
    ("n", "three"), ("n", 2.5),
    ("ratio", "half"),
    ("flag", 2), ("flag", "yes"),
    ("due", "2018-02-30"), ("due", "9 Nov 2018"), ("due", "2018-11-9"),
    ("at", "2018-02-30 10:00:00.000000"),  # no 30 February
    ("at", "2018-13-45 10:00:00.000000"),  # junk that SQLite reads as NULL
    ("at", "2018-12-10T09:30:00.000000"),
    ("at", "2018-12-10 09:30:00.5"),
    ("at", "2018-12-10 09:30:00.00000x"),
    ("at", 1544434200),
    ("updated_at", 5),
])
def test_each_bad_value_is_named(tmp_path: Path, column: str, value: object) -> None:
    with pytest.raises(RecordsError) as caught:
        open_records(records_with(tmp_path, **{column: value}), KINDS)
    assert f"“{column}”" in str(caught.value) and "row 1" in str(caught.value)


def test_nulls_pass_where_allowed(tmp_path: Path) -> None:
    path = records_with(tmp_path, label=None, n=None, ratio=None, flag=None, due=None, at=None)
    open_records(path, KINDS).close()


def test_only_plain_tables(tmp_path: Path) -> None:
    path = records_with(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIEW everything AS SELECT * FROM code")
    with pytest.raises(RecordsError, match="unexpected object “everything”"):
        open_records(path, KINDS)
