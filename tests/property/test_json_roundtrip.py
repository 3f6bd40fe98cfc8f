"""The KoboToolbox JSON round-trip law: what ``responses export`` writes, ``responses import``
takes back into an empty database: the same responses (ids, forms, versions, mechanisms,
statuses) and answers (values as typed, invalid ones included, repeats, relevance flags).
A second import of the same file changes nothing, and an export of the database it went into
writes the same file: Kobo's ``_id``, ``_uuid``, ``_submission_time`` and ``formhub/uuid``
included. The same law holds when the file is rewritten as KoboToolbox's API and ODK
Central's OData feed give it."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from study_data import ACTOR, Templates, live_answers, plans, populate, rows
from submission_shapes import kobo_api, odk_central

from mcim_desk.cli import main
from mcim_desk.services import submissions

HEAVY = settings(max_examples=max(10, settings.default.max_examples // 2))


def responses_of(path: Path) -> dict[str, tuple]:
    """id -> (form id, version, mechanism id, status) of the live responses; a validated
    response travels as complete (validation is this database's act, not the data's)."""
    return {
        rid: (form_id, version, mechanism_id, "complete" if status == "validated" else status)
        for rid, form_id, version, mechanism_id, status in rows(
            path,
            "SELECT r.id, fv.form_id, fv.version, r.mechanism_id, r.status FROM response r "
            "JOIN form_version fv ON fv.id = r.form_version_id WHERE r.deleted_at IS NULL",
        )
    }


def by_uuid(items: list[dict]) -> dict[str, dict]:
    return {item["_uuid"]: item for item in items}


@HEAVY
@given(plan=plans())
def test_what_export_writes_import_takes_back(templates: Templates, tmp_path: Path, plan) -> None:  # noqa: ANN001
    source, source_path = templates.fresh("source")
    target, target_path = templates.fresh("target")
    out = tmp_path / f"responses-{templates.count}.json"
    try:
        populate(source, plan)
        count = submissions.export_submissions(source, out)
        summary = submissions.import_submissions(target, out, ACTOR)
        assert (summary.created, summary.updated, summary.unchanged) == (count, 0, 0)
        again = submissions.import_submissions(target, out, ACTOR)
        assert (again.created, again.updated, again.unchanged) == (0, 0, count)
        back = tmp_path / f"back-{templates.count}.json"
        submissions.export_submissions(target, back)
    finally:
        source.dispose()
        target.dispose()
    written = json.loads(out.read_text(encoding="utf-8"))
    assert count == len(written)
    # read back by their own keys: Kobo's metadata too
    assert by_uuid(json.loads(back.read_text(encoding="utf-8"))) == by_uuid(written)
    assert all(isinstance(s["_id"], int) and s["meta/instanceID"] == f"uuid:{s['_uuid']}" for s in written)
    assert responses_of(target_path) == responses_of(source_path)
    assert live_answers(target_path) == live_answers(source_path)


@settings(max_examples=max(3, settings.default.max_examples // 10))
@given(plan=plans(max_rows=5, with_interviews=False))
def test_the_command_line_takes_back_what_it_wrote(
    templates: Templates, tmp_path: Path, capsys, plan  # noqa: ANN001
) -> None:
    source, source_path = templates.fresh("source")
    populate(source, plan)
    source.dispose()
    target, target_path = templates.fresh("target")
    target.dispose()
    out = tmp_path / f"cli-{templates.count}.json"
    assert main(["--db", str(source_path), "responses", "export", "--out", str(out)]) == 0
    assert main(["--db", str(target_path), "responses", "import", str(out)]) == 0
    assert "updated: 0, unchanged: 0" in capsys.readouterr().out
    assert live_answers(target_path) == live_answers(source_path)


@settings(max_examples=max(3, settings.default.max_examples // 8))
@given(plan=plans(max_rows=8))
def test_kobo_api_and_odk_central_shapes_of_the_export_come_back(templates: Templates, tmp_path: Path, plan) -> None:  # noqa: ANN001
    """The export rewritten as a KoboToolbox API page (one file) and as ODK Central's OData
    feed (one per form: no form id, groups nested, repeats inline) imports as the export
    itself does. The mechanism key stays (Q1 is random text here; its reading is tested in
    tests/integration/test_kobo_odk_json.py)."""
    source, source_path = templates.fresh("source")
    out = tmp_path / f"shapes-{templates.count}.json"
    try:
        populate(source, plan)
        submissions.export_submissions(source, out)
    finally:
        source.dispose()
    written = json.loads(out.read_text(encoding="utf-8"))
    files = [[("kobo", kobo_api(written))]]
    forms = sorted({item["_xform_id_string"] for item in written})
    files.append([(f"odk-{form}", odk_central([i for i in written if i["_xform_id_string"] == form], form, keep_mechanism=True))
                  for form in forms])
    for shaped in files:
        target, target_path = templates.fresh("target")
        try:
            for name, data in shaped:
                path = tmp_path / f"{name}-{templates.count}.json"
                path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                summary = submissions.import_submissions(target, path, ACTOR)
                assert summary.created == len(data.get("results", data.get("value", [])))
        finally:
            target.dispose()
        assert responses_of(target_path) == responses_of(source_path)
        assert live_answers(target_path) == live_answers(source_path)
