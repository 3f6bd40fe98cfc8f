"""A database made by an earlier version keeps the bundled forms it parsed then; when the
bundled files change (here: English titles), the next start parses them again, so the
typography the loader now restores reaches existing databases too."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def test_an_existing_database_gets_the_new_parse_of_the_bundled_forms(db_path: Path) -> None:
    from mcim_desk.services import forms
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(db_path), backup=False)
    db.dispose()
    forms._clear_cache()  # noqa: SLF001 - the next start is another process
    with sqlite3.connect(db_path) as conn:  # as an earlier version stored it
        for version_id, definition in conn.execute("SELECT id, definition FROM form_version").fetchall():
            old = definition.replace("’", "'").replace("The role of inter-State", "")
            conn.execute("UPDATE form_version SET definition=?, source_hash='earlier' WHERE id=?",
                         (old, version_id))
    conn.close()
    db, _ = open_database(str(db_path), backup=False)
    info = forms.latest_version(db, "mcim_interview_2018")
    definition = forms.definition(db, info.version_id)
    q4 = next(q for q in definition.iter_questions() if q.name == "q4")
    assert "qu’apporte" in q4.label("fr") and info.title_en.startswith("The role of inter-State")
    db.dispose()
