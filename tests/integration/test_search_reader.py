"""The search's own SQLite connection (``Database.statement_reader``): it never holds a
snapshot between searches (another window's or process's save is found at once), it closes
with the database (the WAL goes back into the file, a restored backup is what is searched
next), and searches from several threads at once each get their own results."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mcim_desk.services import backups, responses, search
from mcim_desk.services.catalogue import find_mechanism
from mcim_desk.services.startup import open_database

pytestmark = pytest.mark.sqlite_only


def found(db, text: str) -> list[str]:  # noqa: ANN001
    return sorted(h.path or "" for g in search.search(db, text).groups for h in g.hits)


def questionnaire(db, q14: str | None = None) -> str:  # noqa: ANN001
    """MIDSA's questionnaire opened (Q14 answered when given); its id."""
    response = responses.open_questionnaire(db, find_mechanism(db, "MIDSA").id, "t")
    if q14 is not None:
        responses.save_answer(db, response.id, "section_3/q14", q14, "t")
    return response.id


def test_another_windows_save_is_found_by_the_next_search(db, db_path) -> None:  # noqa: ANN001
    response = questionnaire(db)
    assert found(db, "Ouagadougou") == []  # the reader is open from here on
    other, _ = open_database(str(db_path))  # a second window on the same file
    try:
        responses.save_answer(other, response, "section_3/q14", "Atelier à Ouagadougou.", "t")
    finally:
        other.dispose()
    assert found(db, "ouagadougou") == ["section_3/q14"]


def test_another_process_save_is_found_by_the_next_search(db, db_path) -> None:  # noqa: ANN001
    response = questionnaire(db, "Atelier à Niamey.")
    assert found(db, "niamey") == ["section_3/q14"]
    script = (
        "import sys\n"
        "from mcim_desk.services import responses\n"
        "from mcim_desk.services.startup import open_database\n"
        "db, _ = open_database(sys.argv[1])\n"
        "responses.save_answer(db, sys.argv[2], 'section_3/q14', 'Atelier à Bamako.', 'other')\n"
        "db.dispose()\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path), response], check=True, timeout=120)
    assert found(db, "niamey") == []
    assert found(db, "bamako") == ["section_3/q14"]


def test_dispose_closes_the_reader_and_the_next_search_opens_it_again(db, db_path) -> None:  # noqa: ANN001
    questionnaire(db, "Atelier à Dakar.")
    assert found(db, "dakar") == ["section_3/q14"]
    db.dispose()
    # The last connection closed checkpoints the WAL into the file and removes it: none was
    # left open (a leftover reader would keep the WAL and the old file's pages).
    assert not Path(str(db_path) + "-wal").exists()
    assert found(db, "dakar") == ["section_3/q14"]


def test_a_restored_backup_is_what_the_next_search_reads(db, db_path, tmp_path) -> None:  # noqa: ANN001
    response = questionnaire(db, "Atelier à Accra.")
    db.dispose()
    copy = backups.backup_to(db_path, tmp_path / "before.sqlite3")
    responses.save_answer(db, response, "section_3/q14", "Atelier à Lomé.", "t")
    assert found(db, "lome") == ["section_3/q14"]
    db.dispose()  # as the window does before restoring
    backups.restore(db_path, copy)
    assert found(db, "lome") == []
    assert found(db, "accra") == ["section_3/q14"]


def test_searches_from_several_threads_at_once_each_get_their_own_results(db) -> None:  # noqa: ANN001
    response = questionnaire(db, "Atelier à Kigali.")
    responses.save_answer(db, response, "section_3/q20", "Workshop in Nairobi.", "t")
    wanted = {"kigali": ["section_3/q14"], "nairobi": ["section_3/q20"], "atelier": ["section_3/q14"],
              "tripoli": []}
    problems: list[str] = []

    def run(word: str) -> None:
        try:
            for _ in range(40):
                got = found(db, word)
                if got != wanted[word]:
                    problems.append(f"{word}: {got}")
        except Exception as exc:  # noqa: BLE001 - reported below, with the thread's word
            problems.append(f"{word}: {exc!r}")

    threads = [threading.Thread(target=run, args=(word,)) for word in wanted for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert problems == []
