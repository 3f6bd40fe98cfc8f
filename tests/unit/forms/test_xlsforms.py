"""Small XLSForms written for these tests (``xlsforms/``), one per group of features, loaded
through pyxform and evaluated by the engine: the expected relevance, constraint results,
calculations, choices and defaults are written out per answer set."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pytest

from mcim_desk.forms.engine import FormState
from mcim_desk.forms.loader import FormError, load_xlsform

FORMS = Path(__file__).parent / "xlsforms"
TODAY = datetime.date(2024, 5, 15)


def state(form: str, answers: dict[str, str], lang: str = "en") -> FormState:
    return FormState(load_xlsform(FORMS / form), answers, TODAY, lang=lang)


@pytest.mark.parametrize("form", sorted(p.name for p in FORMS.glob("*.md")))
def test_every_form_loads(form: str) -> None:
    definition = load_xlsform(FORMS / form)
    assert definition.question_count() > 0


# --- functions.md ---------------------------------------------------------------------------


def test_functions_form_calculations() -> None:
    answers = {"name": "Amina", "age": "30", "fruits": "mango kiwi", "born": "1994-05-15"}
    s = state("functions.md", answers)
    assert s.calculations() == {
        "greeting": "Hello Amina",
        "adult": "yes",
        "first_fruit": "mango",
        "fruit_label": "Mango",
        "age_days": str((TODAY - datetime.date(1994, 5, 15)).days),
        "born_year": "1994",
        "half": "10",
        "nick": "Amina",
        "initials": "A",
        "hash": hashlib.sha256(b"Amina").hexdigest(),
        "upper": "AMINA",
        "fixed": "id-Amina",
    }
    assert s.relevant("adult_note") and s.relevant("why")
    assert s.errors("en") == {}
    # labels follow the language chosen for the form
    assert state("functions.md", answers, lang="fr").calculated("fruit_label") == "Mangue"


def test_functions_form_with_empty_and_wrong_answers() -> None:
    s = state("functions.md", {"name": "R2-D2!", "age": "130", "fruits": "apple mango kiwi",
                               "born": "2030-01-01"})
    assert set(s.errors("en")) == {"name", "age", "fruits", "born"}
    empty = state("functions.md", {})
    assert empty.calculated("greeting") == "Hello stranger"
    assert empty.calculated("adult") == "no"  # '' >= 18 is NaN >= 18: false
    assert empty.calculated("nick") == "anonymous"
    assert empty.calculated("age_days") == "NaN"
    assert empty.calculated("born_year") == ""
    assert not empty.relevant("adult_note") and not empty.relevant("why")


# --- types.md -------------------------------------------------------------------------------

GOOD_TYPES = {
    "start_time": "09:30", "visit": "2018-11-09T14:30:00.000+01:00", "score": "6",
    "code": "4006381333931", "point": "14.6928 -17.4467 10 5",
    "line": "14.69 -17.44; 14.70 -17.45", "shape": "0 0; 0 1; 1 1; 0 0", "ack": "OK",
    "day": "2018-11-09", "count": "2", "order": "blue red green", "a": "x", "b": "y",
}


def test_types_form_accepts_well_formed_answers() -> None:
    s = state("types.md", GOOD_TYPES)
    assert s.errors("en") == {}
    assert s.is_complete()


@pytest.mark.parametrize(
    ("path", "value", "fragment"),
    [
        ("start_time", "9h30", "not a time"),
        ("start_time", "25:00", "not a time"),
        ("visit", "2018-11-09", "not a date and time"),
        ("score", "5", "step of 2"),
        ("score", "12", "outside the range 0 to 10"),
        ("score", "x", "not a number"),
        ("point", "91 10", "not a position"),
        ("point", "14 -17; 15 -17", "one position"),
        ("line", "14 -17", "at least 2 positions"),
        ("shape", "0 0; 0 1; 1 1", "last one repeating the first"),
        ("ack", "yes", "OK"),
        ("day", "2017-12-31", "This answer is not valid."),  # . >= date('2018-01-01')
        ("order", "red red", "only once"),
        ("order", "red purple", "not one of the choices"),
    ],
)
def test_types_form_refuses_malformed_answers(path: str, value: str, fragment: str) -> None:
    s = state("types.md", {**GOOD_TYPES, path: value})
    assert fragment in s.errors("en")[path]


def test_types_form_required_acknowledgement_defaults_and_languages() -> None:
    s = state("types.md", {})
    assert s.errors("en") == {"ack": "This answer is required."}
    assert s.defaults() == {"score": "4", "day": "2024-05-15", "count": "3"}
    assert s.default_value("secret") == "s3cret" and s.value("secret") == "s3cret"
    definition = load_xlsform(FORMS / "types.md")
    assert definition.languages == ("es",)
    assert definition.find("start_time").label("es") == "Hora de inicio"
    assert definition.find("start_time").label("fr") == "Heure de début"
    assert definition.find("order").choice_label("blue", "es") == "Azul"
    assert definition.find("page").appearance == "field-list"
    assert definition.find("seen").type == "acknowledge"
    assert definition.find("secret").type == "hidden" and not definition.find("secret").takes_answer


# --- cascading.md ---------------------------------------------------------------------------


def names(choices) -> list[str]:  # noqa: ANN001 - a tuple of Choice
    return [c.name for c in choices]


def test_cascading_selects_filter_their_choices() -> None:
    s = state("cascading.md", {"country": "fr", "city": "paris"})
    assert names(s.choices("city")) == ["paris", "lyon"]
    assert names(s.choices("district")) == ["p1", "p2"]
    assert names(s.choices("cities")) == ["paris", "lyon"]
    assert s.errors("en") == {}
    wrong = state("cascading.md", {"country": "sn", "city": "paris"})
    assert names(wrong.choices("city")) == ["dakar"]
    assert wrong.errors("en") == {"city": "“paris” is not one of the choices."}
    nothing = state("cascading.md", {})
    assert names(nothing.choices("city")) == []
    assert names(nothing.choices("cities")) == ["paris", "lyon", "dakar"]


def test_or_other_adds_a_choice_and_a_question() -> None:
    s = state("cascading.md", {"home": "other"})
    definition = s.definition
    assert names(definition.find("home").choices) == ["fr", "sn", "other"]
    assert s.relevant("home_other")  # relevant: selected(../home, 'other')
    assert not state("cascading.md", {"home": "fr"}).relevant("home_other")


def test_external_choices_need_their_sheet(tmp_path: Path) -> None:
    text = (FORMS / "cascading.md").read_text(encoding="utf-8")
    (tmp_path / "form.md").write_text(text.replace("| | district |", "| | quartier |"), encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_xlsform(tmp_path / "form.md")
    [problem] = caught.value.problems
    assert problem.row == 4 and "district" in problem.message and "external choices" in problem.message


# --- repeats.md -----------------------------------------------------------------------------


FAMILY = {
    "members": "3",
    "person[1]/pname": "Awa", "person[1]/page": "40",
    "person[2]/pname": "Binta", "person[2]/page": "12",
    "person[3]/pname": "", "person[3]/page": "70",
}


def test_repeat_helpers() -> None:
    s = state("repeats.md", FAMILY)
    assert s.repeat_count("person") == 3
    calculations = s.calculations()
    assert calculations["person[2]/pos"] == "2"
    assert calculations["person[1]/label"] == "1: Awa"
    assert calculations["total_age"] == "122"
    assert calculations["oldest"] == "70" and calculations["youngest"] == "12"
    assert calculations["people"] == "3" and calculations["named"] == "2"
    assert calculations["names"] == "Awa, Binta, "
    assert calculations["second"] == "Binta"
    # ../page > indexed-repeat(${page}, ${person}, position(..) - 1) and position(..) > 1
    assert [s.relevant(f"person[{i}]/older") for i in (1, 2, 3)] == [False, False, True]


def test_repeat_count_and_relative_paths() -> None:
    assert state("repeats.md", {"members": ""}).repeat_count("person") == 0
    assert state("repeats.md", {"members": "-2"}).repeat_count("person") == 0
    assert state("repeats.md", {"members": "5000"}).repeat_count("person") == 1000
    assert not state("repeats.md", {}).relevant("g/y")
    assert state("repeats.md", {"g/x": "a"}).relevant("g/y")
    bad = state("repeats.md", {**FAMILY, "person[2]/page": "200"})
    assert set(bad.errors("en")) == {"person[2]/page"}


# --- pulldata.md ----------------------------------------------------------------------------


def test_pulldata_reads_the_csv_beside_the_form() -> None:
    s = state("pulldata.md", {"item": "tea", "paid": "2"})
    assert s.calculated("price") == "2.5"
    assert s.errors("en") == {"paid": "This answer is not valid."}
    assert state("pulldata.md", {"item": "coffee", "paid": "3"}).errors("en") == {}
    assert state("pulldata.md", {"item": "water"}).calculated("price") == ""


def test_pulldata_without_its_file_names_the_function_and_row(tmp_path: Path) -> None:
    (tmp_path / "form.md").write_text((FORMS / "pulldata.md").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_xlsform(tmp_path / "form.md")
    [problem] = caught.value.problems
    assert problem.row == 3 and "pulldata('prices')" in problem.message and "prices.csv" in problem.message


# --- dates.md -------------------------------------------------------------------------------


def test_dates_compare_as_in_odk_collect() -> None:
    s = state("dates.md", {"planned": "2018-12-10", "odk_string": "2018-12-10",
                           "at": "2018-11-09T14:30:00.000+00:00"})
    # . >= '2018-01-01' on a date: a date against a string compares as numbers, NaN: false
    assert s.errors("en") == {"odk_string": "This answer is not valid."}
    assert s.calculated("days_left") == "31"
    assert s.calculated("same_day") == "yes"
    assert s.calculated("at_day") == "2018-11-09 14:30"
    assert not s.relevant("late")
    later = state("dates.md", {"planned": "2020-01-01"})
    assert later.relevant("late")
    assert state("dates.md", {"planned": "2017-06-01"}).errors("en") == {"planned": "This answer is not valid."}


def test_messages_in_french() -> None:
    from mcim_desk.i18n import install_translators

    assert install_translators("fr")
    s = state("types.md", {**GOOD_TYPES, "start_time": "9h30", "score": "5", "point": "91 0"})
    errors = s.errors("fr")
    assert errors["start_time"].startswith("«\u00a09h30\u00a0» n’est pas une heure")
    assert "pas de 2" in errors["score"] and "position" in errors["point"]
    with pytest.raises(FormError) as caught:
        load_xlsform(FORMS / "missing" / "x.md")
    assert "x.md" in str(caught.value)


def test_read_only(tmp_path: Path) -> None:
    (tmp_path / "ro.md").write_text(
        "| survey |\n| | type | name | label | read_only | default |\n"
        "| | text | fixed | Fixed | yes | abc |\n| | integer | n | N | | |\n"
        "| | text | late | Late | ${n} > 2 | |\n", encoding="utf-8")
    definition = load_xlsform(tmp_path / "ro.md")
    s = FormState(definition, {"n": "3"}, TODAY)
    assert s.is_readonly("fixed") and s.is_readonly("late") and not s.is_readonly("n")
    assert not FormState(definition, {"n": "1"}, TODAY).is_readonly("late")


# --- instances.md ---------------------------------------------------------------------------


def test_secondary_instances_from_choice_lists_and_csv_files() -> None:
    s = state("instances.md", {"country": "sn", "population": "18"})
    assert s.calculations() == {
        "capital": "Dakar", "country_label": "Senegal", "countries": "3", "second": "Senegal",
        "big": "fr sn",
    }
    assert s.errors("en") == {}
    assert state("instances.md", {"country": "sn", "population": "25"}).errors("en") == {
        "population": "This answer is not valid."
    }
    assert state("instances.md", {}).calculated("capital") == ""


def test_an_instance_without_its_data_names_it_and_the_row(tmp_path: Path) -> None:
    (tmp_path / "form.md").write_text((FORMS / "instances.md").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_xlsform(tmp_path / "form.md")
    [problem] = caught.value.problems
    assert problem.row == 7 and "instance('limits')" in problem.message and "limits.csv" in problem.message


def test_geojson_and_xml_lists_beside_the_form() -> None:
    definition = load_xlsform(FORMS / "places.md")
    assert [(c.name, c.label_en) for c in definition.find("place").choices] == [("dakar", "Dakar"), ("thies", "Thiès")]
    assert [(c.name, c.label_en) for c in definition.find("office").choices] == [("gva", "Geneva"), ("dkr", "Dakar office")]
    s = state("places.md", {"place": "thies", "office": "dkr"})
    assert s.calculated("where") == "14.791 -16.926 0 0"
    # Thiès to Dakar: √(0.0982² + (0.5207 × cos 14.7°)²) degrees × 111.32 km ≈ 57.1 km
    assert s.calculated("km_to_dakar") == "57"
    assert s.calculated("office_city") == "Dakar"


def test_last_saved_defaults_are_read(tmp_path: Path) -> None:
    (tmp_path / "ls.md").write_text(
        "| survey |\n| | type | name | label | default |\n"
        "| | text | town | Town | ${last-saved#town} |\n| | text | other | Other | ${last-saved#nope} |\n",
        encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_xlsform(tmp_path / "ls.md")
    [problem] = caught.value.problems
    assert problem.row == 3 and "nope" in problem.message  # pyxform says it first
    text = (tmp_path / "ls.md").read_text(encoding="utf-8").replace("last-saved#nope", "last-saved#town")
    (tmp_path / "ls.md").write_text(text, encoding="utf-8")
    # a desktop response has no "last saved record" of the device: the default is empty
    assert FormState(load_xlsform(tmp_path / "ls.md"), {}, TODAY).defaults() == {}
