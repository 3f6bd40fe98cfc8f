"""The bundle's round-trip law: a full bundle (plain or encrypted) imported into an empty
database gives the same records and brings every audit row, whatever the data and whenever
it was written (any moment from year 1 to 9999, any fraction of a second)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from study_data import ACTOR, Templates, live_answers, plans, populate, table

from mcim_desk.services import exchange

TRACKED = ("survey_round", "contact", "code", "response", "answer", "interview", "quote", "follow_up")
# updated_at says when a row was last written here: an import stamps its own (the README's
# merge rule); everything else travels as it is.
LOCAL = ("updated_at",)


@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(plan=plans(), encrypted=st.booleans())
def test_a_full_bundle_gives_an_empty_database_the_same_records(
    templates: Templates, tmp_path: Path, plan, encrypted: bool  # noqa: ANN001
) -> None:
    source, source_path = templates.fresh("source")
    target, target_path = templates.fresh("target")
    try:
        populate(source, plan)
        out = tmp_path / f"bundle-{templates.count}.mcimz"
        passphrase = "phrase « é » 中文" if encrypted else None
        exchange.export_bundle(source, out, passphrase=passphrase)
        preview = exchange.preview_import(target, out, passphrase)
        assert preview.conflicts == ()
        exchange.apply_import(target, preview, actor=ACTOR)
    finally:
        source.dispose()
        target.dispose()

    for name in TRACKED:
        mine = table(source_path, name, without=LOCAL)
        theirs = table(target_path, name, without=LOCAL)
        assert {k: theirs.get(k) for k in mine} == mine, name
    # every audit row travels unchanged (the target adds its own about the import)
    mine_audit = table(source_path, "audit_log")
    theirs_audit = table(target_path, "audit_log")
    assert {k: theirs_audit.get(k) for k in mine_audit} == mine_audit
    assert live_answers(target_path) == live_answers(source_path)
