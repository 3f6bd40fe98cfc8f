"""Issue 13: KoboToolbox and ODK Central JSON as those tools write it (files under
tests/data/submissions/), imported into a real database; the mechanism taken from Q1 or
given; edits (meta/deprecatedID); Kobo's metadata written on export and read back in
every shape."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from submission_shapes import kobo_api, odk_central

from mcim_desk.cli import main
from mcim_desk.services import responses, submissions
from mcim_desk.services.catalogue import find_mechanism, mechanism_rows, update_mechanism
from mcim_desk.services.startup import open_database
from mcim_desk.services.submission_layouts import formhub_uuid, kobo_id
from mcim_desk.services.submissions import ImportOptions, MechanismsNeeded, SubmissionError

DATA = Path(__file__).parent.parent / "data" / "submissions"
RABAT = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"
BALI = "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
MIDWA = "8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
EDIT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
ODK = "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"


def key_of(db, response_id: str) -> str:  # noqa: ANN001
    info = responses.response_info(db, response_id)
    return next(row.key for row in mechanism_rows(db) if row.id == info.mechanism_id)


def received_at(db, response_id: str) -> datetime | None:  # noqa: ANN001
    from mcim_desk.persistence.models import Response

    with db.read() as session:
        return session.get(Response, response_id).received_at


def audit_of(db, entity_id: str) -> list[tuple]:  # noqa: ANN001
    from sqlalchemy import select

    from mcim_desk.persistence.models import AuditEntry

    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.field, AuditEntry.old_value,
                   AuditEntry.new_value).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.at))
        return [tuple(row) for row in rows]


def live_keys(db) -> list[str]:  # noqa: ANN001
    """The mechanism key of every live response, sorted."""
    from sqlalchemy import select

    from mcim_desk.persistence.models import Mechanism, Response

    with db.read() as session:
        return sorted(session.scalars(
            select(Mechanism.key).join(Response, Response.mechanism_id == Mechanism.id)
            .where(Response.deleted_at.is_(None))))


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_kobo_api_v2_without_mechanism_key(db) -> None:  # noqa: ANN001
    """A Kobo API v2 page of the study's questionnaire: the form named by Kobo's asset uid,
    Kobo's version uid, no mechanism key: the form is found by its questions, the mechanism
    by Q1 (French name, English name in lower case, "name (acronym)")."""
    summary = submissions.import_submissions(db, DATA / "kobo_api_v2.json", "imp")
    assert (summary.created, summary.updated, summary.unchanged) == (3, 0, 0)
    assert summary.layout == "Kobo API v2"
    assert summary.notes == (
        "3 submissions name no form installed here: read as mcim_questionnaire_2018 version 2018.1, "
        "the only installed form with all their questions",)
    assert [key_of(db, rid) for rid in (RABAT, BALI, MIDWA)] == ["rabat_process", "bali_process", "midwa"]
    answers = responses.answers(db, RABAT)
    assert answers["section_4/q25[1]/nature"] == "Réunions conjointes « thématiques »"
    assert answers["section_2/q9"] == "theme_1 theme_4"
    # Kobo's metadata (start, end, _tags, _notes, _geolocation...) are no answers
    assert not any(path.startswith(("start", "end", "_", "formhub", "meta")) for path in answers)
    assert received_at(db, RABAT) == datetime(2018, 11, 5, 8, 31, 10)
    assert responses.response_info(db, BALI).source == "import"


def test_kobo_export_with_mechanism_key(db) -> None:  # noqa: ANN001
    summary = submissions.import_submissions(db, DATA / "kobo_export.json", "imp")
    assert (summary.created, summary.layout) == (1, "Kobo export")
    rid = "9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"
    assert key_of(db, rid) == "pidc"
    assert responses.answers(db, rid)["section_2/q11"] == "objective_1 objective_23"


def test_odk_central_odata(db) -> None:  # noqa: ANN001
    """Groups nested as objects, __id, __system, a repeat inline beside its navigation link,
    the form id in @odata.context, the form version in __system."""
    summary = submissions.import_submissions(db, DATA / "odk_central.json", "imp")
    assert (summary.created, summary.layout, summary.notes) == (1, "ODK Central OData", ())
    assert key_of(db, ODK) == "budapest_process"
    assert responses.answers(db, ODK) == {
        "section_1/q1": "Processus de Budapest", "section_1/q2": "Türkiye — présidence",
        "section_2/q4": "oui", "section_2/q9": "theme_2", "section_2/q11": "objective_5 objective_7",
        "section_3/q13": "oui", "section_3/q17": "non",
        "section_3/q19/q19_data_exchange": "Échange de données annuel",
        "section_4/q25[1]": "", "section_4/q25[1]/category": "intergovernmental_organizations",
        "section_4/q25[1]/partner_name": "OIM", "section_4/q25[1]/nature": "Secrétariat",
        "section_4/q25[2]": "", "section_4/q25[2]/category": "academia",
        "section_4/q25[2]/partner_name": "Université d’Istanbul",
    }
    assert received_at(db, ODK) == datetime(2018, 11, 7, 16, 20, 5, 123000)
    again = submissions.import_submissions(db, DATA / "odk_central.json", "imp")
    assert (again.created, again.unchanged) == (0, 1)


def test_odk_central_list_without_context_and_form_given(db, tmp_path: Path) -> None:  # noqa: ANN001
    """The feed's value list saved alone: no form id anywhere; found by the questions, or
    the one the caller names."""
    data = json.loads((DATA / "odk_central.json").read_text(encoding="utf-8"))["value"]
    path = write_json(tmp_path / "value.json", data)
    summary = submissions.import_submissions(db, path, "imp", ImportOptions(form_id="mcim_questionnaire_2018"))
    assert (summary.created, summary.layout, summary.notes) == (1, "ODK Central OData", ())
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, path, "imp", ImportOptions(form_id="mcim_interview_2018"))
    assert "section_1/q1" in str(caught.value) and "no such question" in str(caught.value)


def test_odk_central_links_without_rows_are_refused(db, table_dump) -> None:  # noqa: ANN001
    before = table_dump()
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, DATA / "odk_central_links.json", "imp")
    assert str(caught.value) == (
        "odk_central_links.json (ODK Central OData): submission 1: the repeat “section_4/q25” is only "
        "a link (its rows are not in the file): export the submissions again with $expand=* so that "
        "the repeats come inline")
    assert table_dump() == before


def test_a_missing_form_id_names_the_layout(db, tmp_path: Path) -> None:  # noqa: ANN001
    """Both study forms have a q1 under a group; a submission with keys of neither is refused
    naming the layout and --form."""
    path = write_json(tmp_path / "f.json", {"results": [{"q1": "x", "mechanism": "IDM"}]})
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, path, "imp")
    assert str(caught.value) == (
        "f.json (Kobo API v2): submission 1, key “_xform_id_string”: the form id is missing, and no "
        "installed form has all its questions: add the form first, or name it (--form ID on the "
        "command line)")


def kobo(q1: object = None, **extra: object) -> dict:
    sub = {"_xform_id_string": "aBcDeFgHiJkLmNoPqRsT", "_submission_time": "2018-11-02T10:00:00",
           "section_2/q4": "oui"}
    if q1 is not None:
        sub["section_1/q1"] = q1
    sub.update(extra)
    return sub


def test_an_unresolved_mechanism_is_named_and_can_be_given(db, tmp_path: Path, table_dump) -> None:  # noqa: ANN001
    midsa = find_mechanism(db, "MIDSA")
    update_mechanism(db, midsa.id, "acronym_en", "MIDWA", "tester")  # now two mechanisms say MIDWA
    path = write_json(tmp_path / "m.json", [
        kobo(q1, **{"meta/instanceID": f"uuid:00000000-0000-4000-8000-00000000000{n}"})
        for n, q1 in enumerate(["Processus de Prague", "Forum régional inconnu", None, "midwa"], start=1)
    ])
    before = table_dump()
    with pytest.raises(MechanismsNeeded) as caught:
        submissions.import_submissions(db, path, "imp")
    assert [(u.number, u.value) for u in caught.value.unresolved] == [
        (2, "Forum régional inconnu"), (3, None), (4, "midwa")]
    reasons = [u.reason for u in caught.value.unresolved]
    assert reasons[0] == "submission 2: “Forum régional inconnu” (section_1/q1) names no known mechanism"
    assert reasons[1] == "submission 3: no “mechanism” key and no answer to section_1/q1"
    assert reasons[2].startswith("submission 4: “midwa” (section_1/q1) could be any of MIDWA (")
    message = str(caught.value)
    assert message.startswith("m.json (Kobo export): 3 submissions do not say which mechanism")
    assert "--mechanism ACRONYM" in message and all(reason in message for reason in reasons)
    assert table_dump() == before
    # one for all (acronym, any case), and one per submission before it
    idm = find_mechanism(db, "IDM")
    summary = submissions.import_submissions(
        db, path, "imp", ImportOptions(mechanism="prague process", mechanisms={4: idm.id}))
    assert summary.created == 4
    assert live_keys(db) == ["idm", "prague_process", "prague_process", "prague_process"]
    # the same file again (Kobo's next download) is not asked again: the responses here say
    # their mechanism; an edit of one too
    before = table_dump()
    assert submissions.import_submissions(db, path, "imp").unchanged == 4
    assert table_dump() == before
    edit = kobo(None, **{"meta/instanceID": "uuid:00000000-0000-4000-8000-0000000000e3",
                         "meta/deprecatedID": "uuid:00000000-0000-4000-8000-000000000003",
                         "section_2/q4": "non"})
    assert submissions.import_submissions(db, write_json(tmp_path / "edit.json", [edit]), "imp").updated == 1
    assert live_keys(db) == ["idm", "prague_process", "prague_process", "prague_process"]


def test_a_bad_mechanism_option_is_refused(db, tmp_path: Path) -> None:  # noqa: ANN001
    path = write_json(tmp_path / "m.json", [kobo()])
    with pytest.raises(SubmissionError, match="m.json \\(Kobo export\\): --mechanism “Atlantide”: no known mechanism has this"):
        submissions.import_submissions(db, path, "imp", ImportOptions(mechanism="Atlantide"))


def test_an_edit_replaces_the_answers_and_the_chain_goes_on(db, tmp_path: Path) -> None:  # noqa: ANN001
    submissions.import_submissions(db, DATA / "kobo_api_v2.json", "imp")
    summary = submissions.import_submissions(db, DATA / "kobo_edit.json", "imp")
    assert (summary.created, summary.updated, summary.notes[1:]) == (0, 1, ())
    assert responses.answers(db, RABAT) == {
        "section_1/q1": "Processus de Rabat", "section_1/q2": "Sénégal — présidence 2018",
        "section_2/q4": "en_cours"}
    audit = audit_of(db, RABAT)
    assert ("import", "answer", "section_2/q5", "https://www.rabat-process.org/fr/declaration-de-marrakech",
            None) in audit
    assert ("import", "answer", "section_2/q4", "oui", "en_cours") in audit
    assert audit_of(db, EDIT) == [("edit", "response_instance", "response", f"uuid:{RABAT}", RABAT)]
    # the same edit again changes nothing
    assert submissions.import_submissions(db, DATA / "kobo_edit.json", "imp").unchanged == 1
    # the next edit names the edit's instance id
    edit = json.loads((DATA / "kobo_edit.json").read_text(encoding="utf-8"))[0]
    second = {**edit, "meta/instanceID": "uuid:5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
              "meta/deprecatedID": f"uuid:{EDIT}", "section_2/q4": "oui"}
    second.pop("_uuid")
    assert submissions.import_submissions(db, write_json(tmp_path / "e2.json", [second]), "imp").updated == 1
    assert responses.answers(db, RABAT)["section_2/q4"] == "oui"
    assert len(live_keys(db)) == 3
    # an edit of a submission this database never had is a new response, and said so
    orphan = {**edit, "meta/instanceID": "uuid:6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",
              "meta/deprecatedID": "uuid:00000000-0000-4000-8000-000000000000"}
    orphan.pop("_uuid")
    summary = submissions.import_submissions(db, write_json(tmp_path / "e3.json", [orphan]), "imp")
    assert summary.created == 1
    assert summary.notes[-1] == (
        "submission 1: it edits uuid:00000000-0000-4000-8000-000000000000 (meta/deprecatedID), which is "
        "not in this database: imported as a new response")


def test_the_export_writes_kobo_metadata_and_reads_back_in_every_shape(db, tmp_path: Path) -> None:  # noqa: ANN001
    submissions.import_submissions(db, DATA / "kobo_api_v2.json", "imp")
    submissions.import_submissions(db, DATA / "odk_central.json", "imp")
    out = tmp_path / "out.json"
    assert submissions.export_submissions(db, out) == 4
    data = {s["_uuid"]: s for s in json.loads(out.read_text(encoding="utf-8"))}
    assert set(data) == {RABAT, BALI, MIDWA, ODK}
    rabat = data[RABAT]
    assert rabat["_id"] == kobo_id(RABAT) and isinstance(rabat["_id"], int) and rabat["_id"] < 2 ** 53
    assert rabat["meta/instanceID"] == f"uuid:{RABAT}"
    assert rabat["_submission_time"] == "2018-11-05T08:31:10"
    assert data[ODK]["_submission_time"] == "2018-11-07T16:20:05"
    assert len(rabat["formhub/uuid"]) == 32 and int(rabat["formhub/uuid"], 16) >= 0
    assert {s["formhub/uuid"] for s in data.values()} == {rabat["formhub/uuid"]}
    assert len({s["_id"] for s in data.values()}) == 4
    assert rabat["mechanism"] == "Rabat Process"
    for shape, wrap in [
        ("kobo.json", kobo_api),
        ("odk.json", lambda items: odk_central(items, "mcim_questionnaire_2018")),
    ]:
        other_path = tmp_path / f"{shape}.sqlite3"
        other, _ = open_database(str(other_path))
        try:
            written = write_json(tmp_path / shape, wrap(list(data.values())))
            summary = submissions.import_submissions(other, written, "imp")
            assert summary.created == 4
            for rid in data:
                assert responses.answers(other, rid) == responses.answers(db, rid)
                assert key_of(other, rid) == key_of(db, rid)
            again = tmp_path / f"again-{shape}"
            submissions.export_submissions(other, again)
            back = {s["_uuid"]: s for s in json.loads(again.read_text(encoding="utf-8"))}
            assert back == data  # _id, _uuid, _submission_time, formhub/uuid and answers
        finally:
            other.dispose()


def test_formhub_uuid_is_one_per_form_version() -> None:
    assert formhub_uuid("f", "1", "h") == formhub_uuid("f", "1", "h")
    assert len({formhub_uuid("f", "1", "h"), formhub_uuid("f", "2", "h"), formhub_uuid("g", "1", "h"),
                formhub_uuid("f", "1", "i")}) == 4


def test_the_command_line(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db, _ = open_database(str(db_path))
    db.dispose()
    path = write_json(tmp_path / "m.json", [kobo("Forum régional inconnu")])
    assert main(["--db", str(db_path), "responses", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "m.json (Kobo export): 1 submissions do not say which mechanism" in err
    assert "submission 1: “Forum régional inconnu” (section_1/q1) names no known mechanism" in err
    assert main(["--db", str(db_path), "responses", "import", str(path), "--mechanism", "IDM"]) == 0
    out = capsys.readouterr().out
    assert "Submissions read (Kobo export): 1; created: 1, updated: 0, unchanged: 0" in out
    assert "note: 1 submissions name no form installed here: read as mcim_questionnaire_2018" in out
    copy = tmp_path / "odk.json"
    shutil.copy(DATA / "odk_central.json", copy)
    assert main(["--db", str(db_path), "responses", "import", str(copy)]) == 0
    assert "Submissions read (ODK Central OData): 1; created: 1" in capsys.readouterr().out
    assert main(["--db", str(db_path), "responses", "import", str(DATA / "odk_central_links.json")]) == 1
    assert "$expand=*" in capsys.readouterr().err


def test_the_interview_guide_names_its_mechanism_by_q1(db, tmp_path: Path) -> None:  # noqa: ANN001
    """The interview guide's Q1 chooses from the mechanisms' list: its value is a key."""
    sub = {"_xform_id_string": "aXyZ", "mandatory/q1": "rabat_process", "mandatory/q2": "M. Diallo",
           "meta/instanceID": "uuid:3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"}
    unknown = {**sub, "mandatory/q1": "atlantis", "meta/instanceID": "uuid:4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a"}
    with pytest.raises(MechanismsNeeded) as caught:
        submissions.import_submissions(db, write_json(tmp_path / "i.json", [sub, unknown]), "imp")
    assert [u.reason for u in caught.value.unresolved] == [
        "submission 2: “atlantis” (mandatory/q1) names no known mechanism"]
    summary = submissions.import_submissions(db, write_json(tmp_path / "i1.json", [sub]), "imp")
    assert summary.created == 1
    assert summary.notes == ("1 submissions name no form installed here: read as mcim_interview_2018 "
                             "version 2018.1, the only installed form with all their questions",)
    assert key_of(db, "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f") == "rabat_process"


def test_the_layout_and_the_mechanisms_are_named_in_french(db, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.i18n import install_translators

    install_translators("fr")
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, DATA / "odk_central_links.json", "imp")
    assert str(caught.value).startswith(
        "odk_central_links.json (OData ODK Central)\u00a0: soumission 1\u00a0: la répétition "
        "«\u00a0section_4/q25\u00a0» n’est qu’un lien")
    with pytest.raises(MechanismsNeeded) as needed:
        submissions.import_submissions(db, write_json(tmp_path / "m.json", [kobo("Forum inconnu")]), "imp")
    assert str(needed.value).startswith("m.json (export Kobo)\u00a0: 1 soumissions ne disent pas")
    assert needed.value.unresolved[0].reason == (
        "soumission 1\u00a0: «\u00a0Forum inconnu\u00a0» (section_1/q1) ne désigne aucun mécanisme connu")
    with pytest.raises(SubmissionError) as caught:
        submissions.import_submissions(db, write_json(tmp_path / "q.json", [kobo("IDM", **{"section_9/q1": "x"})]), "imp")
    message = str(caught.value)
    assert message.startswith("q.json (export Kobo)\u00a0: soumission 1, clé ")
    assert "_xform_id_string\u00a0»\u00a0: formulaire inconnu" in message or "_xform_id_string »\u00a0: formulaire inconnu" in message
    assert message.endswith("n’a toutes ses questions\u00a0: ajoutez d’abord le formulaire, ou indiquez-le "
                            "(--form ID en ligne de commande)")
