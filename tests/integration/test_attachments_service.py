"""Attachments (issue 13): files answering image, audio, video and file questions, stored once
by their SHA-256, checked (size, kind, accept), named with a piece of their hash; the shipped
questionnaire's Q5 and Q16 documents; old databases keep every answer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from mcim_desk import limits
from mcim_desk.services import attachments, forms, responses

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(200))
PDF = b"%PDF-1.4\n% position paper\n" + b"x" * 500
Q5_DOC = "section_2/q5_document"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def count(db, table: str) -> int:  # noqa: ANN001
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def form_with(tmp_path: Path, *rows: str, form_id: str = "media") -> Path:
    body = "\n".join(f"| | {row} |" for row in rows)
    source = tmp_path / f"{form_id}.md"
    source.write_text(
        "| survey | | | | |\n| | type | name | label | body::accept |\n" + body + "\n\n"
        f"| settings | | |\n| | form_id | version |\n| | {form_id} | 1 |\n", encoding="utf-8")
    return source


@pytest.fixture
def media_response(db, mechanism, tmp_path: Path) -> str:  # noqa: ANN001
    """A response of a form with one question of each file type."""
    info = forms.add_form(db, form_with(tmp_path, "image | pic | A picture | ", "audio | sound | A sound | ",
                                        "video | film | A film | ", "file | doc | A document | .pdf,.odt",
                                        "file | any | Any file | "))
    return responses.open_questionnaire(db, mechanism.id, "tester", form_id=info.form_id).id


def test_a_file_is_stored_once_by_its_hash_and_named_with_it(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    source = write(tmp_path, "Plan d’action 2019.pdf", PDF)
    digest = hashlib.sha256(PDF).hexdigest()
    stored = attachments.store_file(db, questionnaire.id, Q5_DOC, source)
    assert stored.sha256 == digest and stored.size == len(PDF) and stored.media_type == "application/pdf"
    assert stored.file_name == f"Plan d’action 2019-{digest[:8]}.pdf"
    assert stored.original_name == "Plan d’action 2019.pdf"
    responses.save_answer(db, questionnaire.id, Q5_DOC, stored.file_name, "tester")
    # the same content again, for Q16 and under another name: one blob, two names
    other = write(tmp_path, "copie.pdf", PDF)
    again = attachments.store_file(db, questionnaire.id, "section_3/q16_document", other)
    assert again.sha256 == digest and again.file_name == f"copie-{digest[:8]}.pdf"
    assert count(db, "attachment_blob") == 1 and count(db, "attachment") == 2
    with db.engine.connect() as conn:
        blob = conn.execute(text("SELECT content, size, file_name FROM attachment_blob")).one()
    assert bytes(blob[0]) == PDF and blob[1] == len(PDF) and blob[2] == "Plan d’action 2019.pdf"
    assert attachments.read_bytes(db, questionnaire.id, stored.file_name) == PDF
    assert responses.answers(db, questionnaire.id)[Q5_DOC] == stored.file_name


def _nothing_stored(db) -> None:  # noqa: ANN001
    assert count(db, "attachment_blob") == 0 and count(db, "attachment") == 0


def test_a_file_over_the_limit_is_refused_naming_file_and_question(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    big = tmp_path / "énorme.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(limits.ATTACHMENT_BYTES + 1)
    with pytest.raises(attachments.AttachmentError) as caught:
        attachments.store_file(db, questionnaire.id, Q5_DOC, big)
    message = str(caught.value)
    assert "“énorme.pdf”" in message and "Adopted document (optional)" in message
    assert "20.0 MB" in message and "nothing was attached" in message
    _nothing_stored(db)
    # at the limit exactly it is taken
    with big.open("r+b") as handle:
        handle.truncate(limits.ATTACHMENT_BYTES)
    assert attachments.store_file(db, questionnaire.id, Q5_DOC, big).size == limits.ATTACHMENT_BYTES


def test_each_kind_takes_its_own_content_and_extension(db, media_response, tmp_path: Path) -> None:  # noqa: ANN001
    rid = media_response
    cases = [
        ("pic", "photo.png", PNG, None),
        ("pic", "photo.jpg", PNG, "holds PNG but its name does not end as such a file’s does (.png)"),
        ("pic", "photo.png", PDF, "holds PDF, not an image"),
        ("pic", "notes.png", b"just some text", "is not an image"),
        ("sound", "voice.mp3", b"ID3\x03\x00" + b"\x00" * 40, None),
        ("sound", "voice.wav", b"RIFF\x00\x00\x00\x00WAVEfmt " + b"\x00" * 20, None),
        ("sound", "photo.png", PNG, "holds PNG, not a sound recording"),
        ("film", "clip.mp4", b"\x00\x00\x00\x18ftypisom" + b"\x00" * 20, None),
        ("film", "clip.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 20, None),
        ("film", "voice.mp3", b"ID3\x03\x00" + b"\x00" * 40, "holds MP3, not a video"),
        ("doc", "paper.pdf", PDF, None),
        ("doc", "paper.odt", b"PK\x03\x04 odt", None),
        ("doc", "paper.docx", b"PK\x03\x04 docx", "takes only .pdf,.odt files"),
        ("any", "anything.bin", b"\x00\x01\x02", None),
    ]
    stored = 0
    for question, name, data, refusal in cases:
        source = write(tmp_path, name, data)
        if refusal is None:
            attachments.store_file(db, rid, question, source)
            stored += 1
            continue
        before = count(db, "attachment")
        with pytest.raises(attachments.AttachmentError) as caught:
            attachments.store_file(db, rid, question, source)
        assert refusal in str(caught.value) and f"“{name}”" in str(caught.value), (question, name, str(caught.value))
        assert "A picture" in str(caught.value) or "A sound" in str(caught.value) or "A film" in str(caught.value) \
            or "A document" in str(caught.value)
        assert count(db, "attachment") == before
    assert count(db, "attachment") == stored


def test_an_empty_file_and_a_text_question_are_refused(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(attachments.AttachmentError, match="is empty"):
        attachments.store_file(db, questionnaire.id, Q5_DOC, write(tmp_path, "vide.pdf", b""))
    with pytest.raises(attachments.AttachmentError, match="does not take a file"):
        attachments.store_file(db, questionnaire.id, "section_2/q5", write(tmp_path, "a.pdf", PDF))
    _nothing_stored(db)


def test_the_shipped_questionnaire_asks_for_q5_and_q16_documents(db, questionnaire) -> None:  # noqa: ANN001
    loaded = responses.load_response(db, questionnaire.id)
    q5, q16 = loaded.definition.find(Q5_DOC), loaded.definition.find("section_3/q16_document")
    assert q5.type == "file" and q16.type == "file"
    assert q5.relevant == loaded.definition.find("section_2/q5").relevant
    assert q16.relevant == "${q15} = 'oui'" and not q5.required and not q16.required
    assert q5.label("fr").startswith("Document adopté (facultatif)")
    assert q16.label("en").startswith("Review document or action plan (optional)")
    names = [q.name for q in loaded.definition.iter_questions()]
    assert names.index("q5_document") == names.index("q5") + 1
    assert names.index("q16_document") == names.index("q16") + 1


def test_a_database_with_the_questionnaire_before_attachments_keeps_every_answer(
        db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    """The questionnaire as stored before the documents were added takes the new one on
    start (same version, the bundled file changed), keeping every answer."""
    from sqlalchemy import update

    from mcim_desk.forms.definition import FormDefinition
    from mcim_desk.persistence.models import FormVersion

    for path, value in (("section_1/q1", "PCR Test"), ("section_2/q4", "oui"), ("section_2/q5", "https://x.org"),
                        ("section_3/q15", "oui"), ("section_3/q16", "Bilan 2018")):
        responses.save_answer(db, questionnaire.id, path, value, "tester")
    current = forms.definition(db, questionnaire.form_version_id)

    def without_documents(children):  # noqa: ANN001, ANN202
        from dataclasses import replace

        return tuple(replace(c, children=without_documents(c.children)) for c in children
                     if not c.name.endswith("_document"))

    from dataclasses import replace

    old = replace(current, children=without_documents(current.children))
    with db.write() as session:
        session.execute(update(FormVersion).where(FormVersion.id == questionnaire.form_version_id)
                        .values(definition=old.to_json(), source_hash="old"))
    forms._clear_cache()
    before = responses.load_response(db, questionnaire.id)
    assert before.definition.find(Q5_DOC) is None
    installed = forms.install_bundled_forms(db)
    assert [f.form_id for f in installed] == ["mcim_questionnaire_2018"]
    after = responses.load_response(db, questionnaire.id)
    assert after.info.form_version_id == before.info.form_version_id
    assert after.answers == before.answers and after.info.status == before.info.status
    assert FormDefinition.from_json(old.to_json()).find(Q5_DOC) is None
    assert after.definition.find(Q5_DOC).type == "file"
    stored = attachments.store_file(db, questionnaire.id, Q5_DOC, write(tmp_path, "p.pdf", PDF))
    responses.save_answer(db, questionnaire.id, Q5_DOC, stored.file_name, "tester")
    assert responses.answers(db, questionnaire.id)[Q5_DOC] == stored.file_name


def test_copies_for_opening_and_saving(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    stored = attachments.store_file(db, questionnaire.id, Q5_DOC, write(tmp_path, "p.pdf", PDF))
    copy = attachments.temporary_copy(db, questionnaire.id, stored.file_name)
    from mcim_desk.paths import temp_dir

    assert copy.read_bytes() == PDF and temp_dir() in copy.parents and copy.name == stored.file_name
    assert copy.stat().st_mode & 0o777 == 0o600
    target = attachments.save_copy(db, questionnaire.id, stored.file_name, tmp_path / "saved.pdf")
    assert target.read_bytes() == PDF
    with pytest.raises(attachments.AttachmentError, match="“nothing-00000000.pdf” is not in this database"):
        attachments.read_bytes(db, questionnaire.id, "nothing-00000000.pdf")


def test_the_migration_adds_the_tables_to_an_existing_database_keeping_every_answer(
        db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    """A database of before attachments (0007) takes 0008: the two tables appear, every
    answer and audit row is kept, and a file can be attached."""
    from alembic import command
    from sqlalchemy import inspect

    from mcim_desk.persistence.migrations import alembic_config, current_revision
    from mcim_desk.services.startup import open_database

    for path, value in (("section_1/q1", "Processus « test »"), ("section_2/q4", "oui"), ("section_2/q5", "lien")):
        responses.save_answer(db, questionnaire.id, path, value, "tester")
    with db.engine.connect() as conn:
        before = {t: sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))) for t in ("answer", "audit_log")}
    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007_search_index")
    assert not {"attachment", "attachment_blob"} & set(inspect(db.engine).get_table_names())
    url = db.engine.url.render_as_string(hide_password=False)
    db.dispose()
    upgraded, report = open_database(url if not url.startswith("sqlite") else str(db.path))
    try:
        assert report.migrated_from == "0007_search_index" and current_revision(upgraded) == "0009_interview_response"
        with upgraded.engine.connect() as conn:
            after = {t: sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))) for t in ("answer", "audit_log")}
        assert after["answer"] == before["answer"]
        assert set(before["audit_log"]) <= set(after["audit_log"])
        stored = attachments.store_file(upgraded, questionnaire.id, Q5_DOC, write(tmp_path, "p.pdf", PDF))
        assert attachments.read_bytes(upgraded, questionnaire.id, stored.file_name) == PDF
    finally:
        upgraded.dispose()


def test_check_counts_the_files_and_names_a_damaged_one(db, db_path: Path, questionnaire, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    import sqlite3

    from mcim_desk.cli import main

    stored = attachments.store_file(db, questionnaire.id, Q5_DOC, write(tmp_path, "p.pdf", PDF))
    assert main(["check", "--db", str(db_path)]) == 0
    assert "attached_files: 1" in capsys.readouterr().out
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE attachment_blob SET content = CAST(? AS BLOB)", (PDF[:-1] + b"!",))
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(db_path)]) == 1
    assert "the attached file “p.pdf” no longer matches its SHA-256: restore a backup" in capsys.readouterr().err
    assert stored.original_name == "p.pdf"
