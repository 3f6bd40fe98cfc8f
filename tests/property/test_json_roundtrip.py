"""The KoboToolbox JSON round-trip law: what ``responses export`` writes, ``responses import``
takes back into an empty database: the same responses (ids, forms, versions, mechanisms,
statuses) and answers (values as typed, invalid ones included, repeats, relevance flags).
A second import of the same file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from study_data import ACTOR, Templates, live_answers, plans, populate, rows

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
    finally:
        source.dispose()
        target.dispose()
    assert count == len(json.loads(out.read_text(encoding="utf-8")))
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
    assert "0 updated, 0 unchanged" in capsys.readouterr().out
    assert live_answers(target_path) == live_answers(source_path)
