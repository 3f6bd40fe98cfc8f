"""The pieces of issue 13 that need no database: which mechanism a written name means,
which layout a parsed file has, ODK Central's nesting flattened (and its inverse, as a
property), Kobo's times."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcim_desk.domain.mechanism_names import mechanisms_named
from mcim_desk.services.submission_layouts import (
    KOBO_API,
    KOBO_EXPORT,
    ODK_CENTRAL,
    SINGLE,
    LayoutError,
    detect,
    flatten_odk,
    kobo_id,
    kobo_time,
    submission_time,
)

ROWS = [
    SimpleNamespace(key="rabat_process", acronym_fr="Processus de Rabat", acronym_en="Rabat Process",
                    name_fr="Dialogue euro-africain sur la migration et le développement (Processus de Rabat)",
                    name_en="Euro-African Dialogue on Migration and Development (Rabat Process)"),
    SimpleNamespace(key="abu_dhabi_dialogue", acronym_fr="Dialogue d’Abou Dhabi", acronym_en="ADD",
                    name_fr="Consultation ministérielle (Dialogue d’Abou Dhabi)", name_en="Ministerial Consultation"),
    SimpleNamespace(key="midsa", acronym_fr="MIDSA", acronym_en="MIDSA", name_fr="Dialogue sur la migration "
                    "pour l’Afrique australe", name_en="Migration Dialogue for Southern Africa"),
    SimpleNamespace(key="other", acronym_fr="MIDSA", acronym_en="MIDSA-2", name_fr="Autre", name_en="Other"),
]


@pytest.mark.parametrize(("text", "keys"), [
    ("Processus de Rabat", ["rabat_process"]),
    ("  rabat   PROCESS ", ["rabat_process"]),
    ("processus de rabat", ["rabat_process"]),
    ("dialogue d'abou dhabi", ["abu_dhabi_dialogue"]),  # straight apostrophe, no accent
    ("DIALOGUE D’ABOU DHABI", ["abu_dhabi_dialogue"]),
    ("Dialogue sur la migration pour l'Afrique australe (MIDSA)", ["midsa"]),  # the whole name first
    ("Migration Dialogue (ADD)", ["abu_dhabi_dialogue"]),  # the acronym in brackets
    ("ADD – Ministerial Consultation", ["abu_dhabi_dialogue"]),
    ("midsa", ["midsa", "other"]),  # ambiguous: both
    ("Atlantis Process", []),
    ("", []),
])
def test_mechanisms_named(text: str, keys: list[str]) -> None:
    assert [row.key for row in mechanisms_named(text, ROWS)] == keys


def test_detect_names_the_layout() -> None:
    item = {"_xform_id_string": "f", "q": 1}
    assert detect([item]).name == KOBO_EXPORT
    assert detect([]).name == KOBO_EXPORT
    assert detect({"count": 1, "next": None, "results": [item]}).name == KOBO_API
    assert detect(item).name == SINGLE
    feed = detect({"@odata.context": "https://c.example/v1/projects/3/forms/mcim%20form.svc/$metadata#Submissions",
                   "value": [{"__id": "uuid:x"}]})
    assert (feed.name, feed.form_id, feed.label) == (ODK_CENTRAL, "mcim form", "ODK Central OData")
    assert detect([{"__id": "uuid:x", "__system": {}}]).name == ODK_CENTRAL
    assert detect({"value": []}).form_id is None
    assert detect({"count": 1}) is None and detect(3) is None and detect("x") is None


def test_flatten_odk() -> None:
    item = {
        "__id": "uuid:a", "__system": {"submissionDate": "2018-11-07T16:20:05.123Z", "formVersion": "2018.1",
                                       "submitterName": "Ana", "reviewState": "approved"},
        "g": {"q": "x", "h": {"deep": 3}, "where": {"type": "Point", "coordinates": [-17.44, 14.69, 12.5],
                                                    "properties": {"accuracy": 4}}},
        "r@odata.navigationLink": "Submissions('uuid%3Aa')/r",
        "r": [{"n": "one", "__id": "abc", "sub": {"m": None}}, {"n": "two"}],
        "empty": [], "nothing": None,
    }
    assert flatten_odk(item, 1) == {
        "g/q": "x", "g/h/deep": 3, "g/where": "14.69 -17.44 12.5 4",
        "r": [{"r/n": "one", "r/sub/m": None}, {"r/n": "two"}], "empty": [], "nothing": None,
        "_submission_time": "2018-11-07T16:20:05.123Z", "__version__": "2018.1", "_submitted_by": "Ana",
        "meta/instanceID": "uuid:a",
    }
    with pytest.raises(LayoutError, match="repeat “g/r” is only a link"):
        flatten_odk({"g": {"r@odata.navigationLink": "x"}}, 2)


def test_kobo_times_and_ids() -> None:
    assert submission_time("2018-11-05T08:31:10") == datetime(2018, 11, 5, 8, 31, 10)
    assert submission_time("2018-11-07T16:20:05.123Z") == datetime(2018, 11, 7, 16, 20, 5, 123000)
    assert submission_time("2018-11-07T17:20:05+01:00") == datetime(2018, 11, 7, 16, 20, 5)
    assert submission_time("hier") is None and submission_time(3) is None and submission_time("") is None
    assert kobo_time(datetime(2018, 11, 5, 8, 31, 10, 999999)) == "2018-11-05T08:31:10"
    assert kobo_id("ffffffff-ffff-4fff-bfff-ffffffffffff") == 0xFFFFFFFFFFFF4 < 2 ** 52


NAMES = st.text("abcxyz_", min_size=1, max_size=4).filter(lambda n: not n.startswith("_"))
VALUES = st.one_of(st.text(max_size=5), st.integers(-5, 5))


@st.composite
def nested(draw: st.DrawFn, depth: int = 0) -> dict:
    """An ODK Central submission body: groups as objects, leaves as text or numbers."""
    names = draw(st.lists(NAMES, min_size=1, max_size=4, unique=True))
    out: dict = {}
    for name in names:
        out[name] = draw(nested(depth + 1)) if depth < 2 and draw(st.booleans()) else draw(VALUES)
    return out


def unflatten(flat: dict) -> dict:
    out: dict = {}
    for path, value in flat.items():
        *groups, name = path.split("/")
        node = out
        for group in groups:
            node = node.setdefault(group, {})
        node[name] = value
    return out


@settings(max_examples=30)
@given(body=nested())
def test_flattening_is_undone_by_nesting(body: dict) -> None:
    """Groups flattened to paths nest back to the same objects (no group lost or merged)."""
    flat = flatten_odk(body, 1)
    assert all("/" in path or not isinstance(body.get(path), dict) for path in flat)
    assert unflatten(flat) == {k: v for k, v in body.items() if not (isinstance(v, dict) and not v)}
