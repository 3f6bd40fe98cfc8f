"""Loading XLSForms: pyxform's errors with their rows, our own checks, choice files, formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcim_desk.forms.loader import (
    FormError,
    FormProblem,
    _pyxform_problem,
    file_hash,
    load_xlsform,
    survey_rows,
)


def table(*rows: list[str]) -> str:
    return "\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n"


def survey(*rows: list[str], header: list[str] | None = None) -> str:
    header = header or ["type", "name", "label::French (fr)", "label::English (en)", "relevant",
                        "constraint"]
    width = len(header)
    return table(["survey"] + [""] * width, [""] + header,
                 *[[""] + row + [""] * (width - len(row)) for row in rows])


def write(tmp_path: Path, text: str, name: str = "form.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[FormProblem]:
    with pytest.raises(FormError) as caught:
        load_xlsform(path)
    return list(caught.value.problems)


def test_a_small_form_loads(tmp_path: Path) -> None:
    text = survey(
        ["integer", "age", "Âge", "Age", "", ". >= 0", ""],
        ["calculate", "double", "", "", "", "", "${age} * 2"],
        ["start", "start"],
        header=["type", "name", "label::French (fr)", "label::English (en)", "relevant",
                "constraint", "calculation"],
    ) + "\n" + table(["settings", "", "", ""], ["", "form_id", "version", "form_title"],
                     ["", "tiny", "7", "Petit"])
    path = write(tmp_path, text)
    definition = load_xlsform(path)
    assert definition.form_id == "tiny" and definition.version == "7"
    assert definition.kind == "other"  # no form_kind setting: not one of the study's instruments
    assert definition.title("fr") == "Petit"
    # start is kept as a hidden value expressions may name; meta/instanceID is skipped
    assert [(q.name, q.type) for q in definition.iter_questions()] == [
        ("age", "integer"), ("double", "calculate"), ("start", "hidden")
    ]
    assert definition.find("double").calculate == "${age} * 2"
    assert definition.find("age").constraint == ". >= 0"
    assert definition.source_hash == file_hash(path)
    assert definition.find("age").row == 2 and definition.find("double").row == 3


def test_duplicate_name_gives_pyxform_error_with_row(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["text", "q1", "Un", "One"], ["text", "q1", "Un bis", "One again"]))
    found = problems(path)
    assert found[0].row == 3
    assert "q1" in found[0].message
    assert str(found[0]).startswith("row 3: ")


def test_unmatched_group_gives_row(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["text", "q1", "Un", "One"], ["begin_group", "g", "G", "G"],
                                  ["text", "q2", "Deux", "Two"]))
    found = problems(path)
    assert found[0].row == 3 and "begin_group" in found[0].message


def test_reference_to_a_missing_question_is_rejected_with_row(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["text", "q1", "Un", "One"],
                                  ["text", "q2", "Deux", "Two", "${nope} = 'a'"]))
    found = problems(path)
    assert found[0].row == 3 and "nope" in found[0].message


def test_unknown_function_is_rejected_naming_row_and_function(tmp_path: Path) -> None:
    rows = [["text", f"q{n}", f"Q{n}", f"Q{n}"] for n in range(1, 11)]
    rows.append(["text", "q11", "Onze", "Eleven", "concatenate(${q1}, 'x') = 'ax'"])
    path = write(tmp_path, survey(*rows))
    found = problems(path)
    assert [str(p) for p in found] == ["row 12: unknown function concatenate() in relevant"]


def test_every_expression_problem_is_listed_in_row_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        survey(
            ["text", "q1", "Un", "One", "", "string-length(.) < 5"],
            ["integer", "q2", "Deux", "Two", "", ". > 'a"],
            ["text", "q3", "Trois", "Three", "format-day(today(), '%Y') = '2018'"],
            ["text", "q4", "Quatre", "Four", "${q1} = = 'x'"],
        ),
    )
    found = problems(path)
    assert [p.row for p in found] == [3, 4, 5]
    assert "constraint" in found[0].message and "unterminated" in found[0].message
    assert found[1].message == "unknown function format-day() in relevant"
    assert "relevant" in found[2].message
    assert "row 3:" in str(FormError(found))


def test_file_questions_are_taken_and_counted(tmp_path: Path) -> None:
    """image (pyxform calls it photo), audio, video and file questions answer with a file;
    a file question keeps its body::accept list."""
    path = write(tmp_path, survey(
        ["text", "q1", "Un", "One", ""], ["image", "photo", "Photo", "Photo", ""],
        ["audio", "voice", "Voix", "Voice", ""], ["video", "film", "Film", "Film", ""],
        ["file", "paper", "Document", "Paper", ".pdf,.docx"], ["file", "other", "Autre", "Other", ""],
        header=["type", "name", "label::French (fr)", "label::English (en)", "body::accept"]))
    definition = load_xlsform(path)
    assert [(q.name, q.type, q.accept) for q in definition.iter_questions()] == [
        ("q1", "text", None), ("photo", "image", None), ("voice", "audio", None), ("film", "video", None),
        ("paper", "file", ".pdf,.docx"), ("other", "file", None)]
    assert definition.question_count() == 6
    assert all(q.takes_file for q in definition.iter_questions() if q.name != "q1")
    from mcim_desk.forms.definition import FormDefinition

    assert FormDefinition.from_json(definition.to_json()) == definition


def test_a_map_question_is_rejected_with_row(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["text", "q1", "Un", "One"], ["osm", "building", "Bâtiment", "Building"]))
    found = problems(path)
    assert found[0].row == 3 and "building" in found[0].message and "map" in found[0].message


def test_missing_choice_file_is_rejected_with_row(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["select_one_from_file nowhere.csv", "q1", "Un", "One"]))
    found = problems(path)
    assert found[0].row == 2 and "nowhere.csv" in found[0].message


def test_choice_file_beside_the_form(tmp_path: Path) -> None:
    (tmp_path / "colours.csv").write_text(
        "name,label::French (fr),label::English (en)\nred,Rouge,Red\nblue,Bleu,Blue\n", encoding="utf-8"
    )
    path = write(tmp_path, survey(["select_multiple_from_file colours.csv", "c", "Couleurs", "Colours"]))
    question = load_xlsform(path).find("c")
    assert question.type == "select_multiple" and question.choice_file == "colours.csv"
    assert [(c.name, c.label_fr, c.label_en) for c in question.choices] == [
        ("red", "Rouge", "Red"), ("blue", "Bleu", "Blue")
    ]


def test_reference_choice_file(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["select_one_from_file gcm_themes.csv", "t", "Thème", "Theme"]))
    question = load_xlsform(path).find("t")
    assert len(question.choices) == 6 and question.choices[0].name == "theme_1"


def test_missing_choices_sheet(tmp_path: Path) -> None:
    found = problems(write(tmp_path, survey(["select_one yn", "q1", "Un", "One"])))
    assert found[0].row is None and "choices" in found[0].message


def test_file_problems(tmp_path: Path) -> None:
    assert "no such file" in problems(tmp_path / "absent.md")[0].message
    odd = tmp_path / "form.txt"
    odd.write_text("x", encoding="utf-8")
    assert ".xlsx" in problems(odd)[0].message


def test_csv_xlsform(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "survey,,,,\n,type,name,label::English (en),relevant\n,text,q1,One,\n"
        ",text,q2,Two,${q1} != ''\nsettings,,,,\n,form_id,version,,\n,csv_form,3,,\n",
        "form.csv",
    )
    definition = load_xlsform(path)
    assert definition.form_id == "csv_form" and definition.find("q2").relevant == "${q1} != ''"
    assert definition.find("q2").row == 3


def test_xlsx_xlsform(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label::English (en)", "constraint"])
    sheet.append(["integer", "age", "Age", ". > 0"])
    sheet.append(["integer", "n", "N", "rounded(.) > 0"])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version", "form_kind"])
    settings.append(["xl", "1", "interview"])
    path = tmp_path / "form.xlsx"
    book.save(path)
    with pytest.raises(FormError) as caught:
        load_xlsform(path)
    assert [str(p) for p in caught.value.problems] == ["row 3: unknown function rounded() in constraint"]
    sheet.cell(row=3, column=4, value=". > ${age}")
    book.save(path)
    definition = load_xlsform(path)
    assert definition.kind == "interview" and definition.find("n").constraint == ". > ${age}"


def test_survey_rows() -> None:
    rows = survey_rows([
        {"type": "begin_group", "name": "s"},
        {"type": "text", "name": "a"},
        {},
        {"type": "begin repeat", "name": "r"},
        {"type": "integer", "name": "b"},
        {"type": "end repeat"},
        {"type": "end_group", "name": "s"},
        {"type": "note", "name": "c"},
    ])
    assert rows == {"s": 2, "s/a": 3, "s/r": 5, "s/r/b": 6, "c": 9}


def test_pyxform_message_parsing() -> None:
    assert _pyxform_problem("[row : 12] Something wrong.") == FormProblem(12, "Something wrong.")
    assert _pyxform_problem("No row here.") == FormProblem(None, "No row here.")


def test_pyxform_aliases_of_types_are_read_as_their_type(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["phone number", "phone", "Téléphone", "Phone"],
                                  ["gps", "where", "Où", "Where"],
                                  ["add date prompt", "when", "Quand", "When"],
                                  ["deviceid", "device"],
                                  ["start-geopoint", "start_point"]))
    definition = load_xlsform(path)
    assert [(q.name, q.type) for q in definition.iter_questions()] == [
        ("phone", "text"), ("where", "geopoint"), ("when", "date"), ("device", "hidden"),
        ("start_point", "hidden"),
    ]
    assert definition.question_count() == 3


def test_external_choices_headers_in_any_case(tmp_path: Path) -> None:
    text = (
        "| SURVEY |\n| | TYPE | NAME | LABEL | CHOICE_FILTER |\n"
        "| | select_one_external c1 | q2 | Where? | YES_NO = 'yes' |\n"
        "| EXTERNAL_CHOICES |\n| | LIST_NAME | NAME | LABEL | YES_NO |\n"
        "| | c1 | a | A | yes |\n| | c1 | b | B | no |\n"
    )
    definition = load_xlsform(write(tmp_path, text))
    question = definition.find("q2")
    assert [(c.name, c.label_en, c.data) for c in question.choices] == [
        ("a", "A", (("YES_NO", "yes"),)), ("b", "B", (("YES_NO", "no"),))
    ]


def test_metadata_can_be_named_in_expressions(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["start", "start"], ["today", "today"], ["username", "username"],
                                  ["text", "q1", "Un", "One", "${username} != '' or ${today} != ''"],
                                  ["date", "q2", "Deux", "Two", "", ". <= ${today}"]))
    definition = load_xlsform(path)
    assert definition.question_count() == 2
    assert [(q.name, q.type, q.calculate) for q in definition.iter_questions()][:3] == [
        ("start", "hidden", "now()"), ("today", "hidden", "today()"), ("username", "hidden", None)
    ]


def test_a_nameless_note_keeps_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, survey(["text", "q1", "Un", "One"], ["note", "", "Note", "Note", "${nope} = ''"]))
    found = problems(path)
    assert [(p.row, "nope" in p.message) for p in found] == [(3, True)]
