"""Attachments in bundles (issue 13): blobs travel inside the bundle, are checked on import
(a SHA-256 mismatch is refused naming the file, nothing imported), merged (same hash:
nothing to do); the round-trip law compared byte for byte by SQL, on SQLite and PostgreSQL,
with a property over random bytes and names (any Unicode, right-to-left, ``<&=``)."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mcim_desk.exchange.bundle import BundleError, read_bundle, write_bundle
from mcim_desk.services import attachments, exchange, responses
from mcim_desk.services.startup import open_database

Q5_DOC, Q16_DOC = "section_2/q5_document", "section_3/q16_document"
PDF = b"%PDF-1.4\n% position of the ISCM\n" + bytes(range(256)) * 4


def blobs(db) -> list[tuple]:  # noqa: ANN001
    """Every blob, its bytes included, by SQL (through the database's own engine)."""
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT sha256, file_name, media_type, size, content FROM attachment_blob ORDER BY sha256")).all()
    return [(sha, name, media, size, bytes(content)) for sha, name, media, size, content in rows]


def links(db) -> list[tuple]:  # noqa: ANN001
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT response_id, file_name, sha256 FROM attachment ORDER BY response_id, file_name")).all()]


def attach(db, response_id: str, path: str, source: Path) -> str:  # noqa: ANN001
    stored = attachments.store_file(db, response_id, path, source)
    responses.save_answer(db, response_id, path, stored.file_name, "tester")
    return stored.file_name


def filled(db, questionnaire, tmp_path: Path) -> dict[str, str]:  # noqa: ANN001
    for path, value in (("section_2/q4", "oui"), ("section_3/q15", "oui")):
        responses.save_answer(db, questionnaire.id, path, value, "tester")
    first = tmp_path / "Position « commune » 2018.pdf"
    first.write_bytes(PDF)
    second = tmp_path / "plan.pdf"
    second.write_bytes(PDF + b"v2")
    return {Q5_DOC: attach(db, questionnaire.id, Q5_DOC, first), Q16_DOC: attach(db, questionnaire.id, Q16_DOC, second)}


def import_into(target, bundle: Path) -> exchange.ImportReport:  # noqa: ANN001
    preview = exchange.preview_import(target, bundle)
    assert preview.conflicts == ()
    return exchange.apply_import(target, preview, actor="tester")


def test_a_bundle_carries_the_files_into_an_empty_database(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    names = filled(db, questionnaire, tmp_path)
    bundle = tmp_path / "out.mcimz"
    report = exchange.export_bundle(db, bundle)
    assert report.counts["attachment"] == 2
    target, _ = open_database(str(tmp_path / "target.sqlite3"))
    try:
        import_into(target, bundle)
        assert blobs(target) == blobs(db) and len(blobs(target)) == 2
        assert links(target) == links(db)
        assert {p: responses.answers(target, questionnaire.id)[p] for p in names} == names
        assert attachments.read_bytes(target, questionnaire.id, names[Q5_DOC]) == PDF
        # the same bundle again: same hashes, nothing to do
        again = exchange.preview_import(target, bundle)
        assert again.nothing_to_do
        exchange.apply_import(target, again, actor="tester")
        assert blobs(target) == blobs(db)
    finally:
        target.dispose()


def test_a_sqlite_bundle_imports_into_the_database_under_test(db, mechanism, tmp_path: Path) -> None:  # noqa: ANN001
    """The other way: files written on a laptop reach the database under test (PostgreSQL
    too), and a file both hold is not stored twice."""
    source, _ = open_database(str(tmp_path / "laptop.sqlite3"))
    try:
        from mcim_desk.services.catalogue import mechanism_rows

        response = responses.open_questionnaire(source, mechanism_rows(source)[0].id, "tester")
        filled(source, response, tmp_path)
        bundle = tmp_path / "laptop.mcimz"
        exchange.export_bundle(source, bundle)
        # the database under test already holds one of the two contents, for another response
        own = responses.open_questionnaire(db, mechanism.id, "tester", form_id=None)
        (tmp_path / "same.pdf").write_bytes(PDF)
        responses.save_answer(db, own.id, "section_2/q4", "oui", "tester")
        attach(db, own.id, Q5_DOC, tmp_path / "same.pdf")
        if own.id == response.id:
            pytest.skip("the same response id on both sides")
        import_into(db, bundle)
        # the content held already keeps the name it was first attached with
        assert [(sha, size, data) for sha, _n, _m, size, data in blobs(db)] == [
            (sha, size, data) for sha, _n, _m, size, data in blobs(source)]
        assert {b[1] for b in blobs(db)} == {"same.pdf", "plan.pdf"}
        assert set(links(source)) <= set(links(db)) and len(links(db)) == 3
    finally:
        source.dispose()


def rewrite_attachments(good: Path, out: Path, change) -> Path:  # noqa: ANN001
    """``good`` written again with its attachments entry changed (by ``change``, an open
    connection) and a manifest that matches: only the change is wrong."""
    from mcim_desk.persistence.attachments_repo import ENTRY

    bundle = read_bundle(good)
    try:
        copy = out.parent / "changed-attachments.sqlite"
        shutil.copyfile(bundle.files[ENTRY], copy)
        conn = sqlite3.connect(copy)
        try:
            change(conn)
            conn.commit()
        finally:
            conn.close()
        manifest = {k: v for k, v in bundle.manifest.items() if k not in ("format", "format_version", "entries")}
        files = {name: path for name, path in bundle.files.items() if name != ENTRY}
        write_bundle(out, manifest, {**bundle.entries, **files, ENTRY: copy})
    finally:
        bundle.discard()
    return out


def test_a_file_that_does_not_match_its_hash_is_refused_naming_it(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    names = filled(db, questionnaire, tmp_path)
    good = exchange.export_bundle(db, tmp_path / "good.mcimz").path
    bad = rewrite_attachments(good, tmp_path / "bad.mcimz", lambda conn: conn.execute(
        "UPDATE attachment_blob SET content = ? WHERE file_name = ?",  # same size, one byte changed
        (zlib.compress(PDF[:-1] + b"X"), "Position « commune » 2018.pdf")))
    target, _ = open_database(str(tmp_path / "target.sqlite3"))
    try:
        with pytest.raises(BundleError) as caught:
            exchange.preview_import(target, bad)
        assert str(caught.value) == ("bad.mcimz: the attached file “Position « commune » 2018.pdf” does not match its "
                                     "SHA-256 (the bundle was altered or damaged); nothing was imported.")
        assert blobs(target) == [] and responses.responses_of(target, questionnaire.mechanism_id) == []
        # a file listed without its content, and one over the size limit
        orphan = rewrite_attachments(good, tmp_path / "orphan.mcimz", lambda conn: conn.execute(
            "DELETE FROM attachment_blob WHERE file_name = 'plan.pdf'"))
        with pytest.raises(BundleError, match=f"“{names[Q16_DOC]}” is listed without its content"):
            exchange.preview_import(target, orphan)
        # a file that inflates beyond its declared size (a bomb inside the entry)
        bomb = rewrite_attachments(good, tmp_path / "bomb.mcimz", lambda conn: conn.execute(
            "UPDATE attachment_blob SET content = ? WHERE file_name = 'plan.pdf'", (zlib.compress(b"\0" * 10**7),)))
        with pytest.raises(BundleError, match="the attached file “plan.pdf” does not match its SHA-256"):
            exchange.preview_import(target, bomb)
        assert blobs(target) == []
    finally:
        target.dispose()


# two databases per example: 10 in a normal run, 500 with the thorough profile
@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(
    contents=st.lists(st.binary(min_size=1, max_size=3000), min_size=1, max_size=3),
    names=st.lists(st.one_of(
        st.text(min_size=1, max_size=40),
        st.sampled_from(["ملف العمل.pdf", "תוכנית‮fdp.exe", "<&=cmd>.txt", "=1+2.csv", "CON.txt", "..", " .hidden. "]),
    ), min_size=3, max_size=3),
)
def test_the_round_trip_law_holds_for_any_bytes_and_names(tmp_path_factory, contents, names) -> None:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("law")
    source, _ = open_database(str(folder / "source.sqlite3"))
    target, _ = open_database(str(folder / "target.sqlite3"))
    try:
        from mcim_desk.services.catalogue import mechanism_rows

        response = responses.open_questionnaire(source, mechanism_rows(source)[0].id, "tester")
        for data, name, path in zip(contents, names, (Q5_DOC, Q16_DOC, Q5_DOC), strict=False):
            (folder / "in").mkdir(exist_ok=True)
            safe = "".join(ch for ch in name if ch not in "/\\\x00") or "x"
            try:
                source_file = folder / "in" / safe
                source_file.write_bytes(data)
            except (OSError, ValueError):
                continue  # a name this file system refuses: nothing to attach
            stored = attachments.store_file(source, response.id, path, source_file)
            responses.save_answer(source, response.id, path, stored.file_name, "tester")
            assert "/" not in stored.file_name and "\u202e" not in stored.file_name
        bundle = folder / "law.mcimz"
        exchange.export_bundle(source, bundle)
        import_into(target, bundle)
        assert blobs(target) == blobs(source)
        assert links(target) == links(source)
        assert responses.answers(target, response.id) == responses.answers(source, response.id)
    finally:
        source.dispose()
        target.dispose()


def test_two_different_files_of_one_name_are_a_conflict_and_both_are_kept(tmp_path: Path) -> None:
    """Two laptops attach two different files, both called plan.pdf, to the same question:
    the names differ by their hash, so the merge sees a conflict on the answer (nothing
    overwritten on a guess), and both files are there for whichever the user keeps."""
    from mcim_desk.services.catalogue import mechanism_rows

    laptop, _ = open_database(str(tmp_path / "a.sqlite3"))
    office, _ = open_database(str(tmp_path / "b.sqlite3"))
    try:
        response = responses.open_questionnaire(laptop, mechanism_rows(laptop)[0].id, "amina")
        responses.save_answer(laptop, response.id, "section_2/q4", "oui", "amina")
        import_into(office, exchange.export_bundle(laptop, tmp_path / "first.mcimz").path)
        mine, theirs = tmp_path / "a" / "plan.pdf", tmp_path / "b" / "plan.pdf"
        for path, data in ((mine, PDF + b"A"), (theirs, PDF + b"B")):
            path.parent.mkdir()
            path.write_bytes(data)
        my_name = attach(office, response.id, Q5_DOC, mine)
        their_name = attach(laptop, response.id, Q5_DOC, theirs)
        assert my_name != their_name and my_name.startswith("plan-") and their_name.startswith("plan-")
        preview = exchange.preview_import(office, exchange.export_bundle(laptop, tmp_path / "second.mcimz").path)
        [conflict] = [c for c in preview.conflicts if c.field == Q5_DOC]
        assert (conflict.mine, conflict.theirs) == (my_name, their_name)
        exchange.apply_import(office, preview, actor="secretariat")
        assert responses.answers(office, response.id)[Q5_DOC] == my_name  # kept until someone chooses
        assert attachments.read_bytes(office, response.id, their_name) == PDF + b"B"
        assert attachments.read_bytes(office, response.id, my_name) == PDF + b"A"
    finally:
        laptop.dispose()
        office.dispose()


def test_attachments_a_bundle_could_not_carry_are_refused_before_writing(
        db_path: Path, db, questionnaire, tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    """A bundle whose files pass what a bundle may inflate to would be refused by every
    reader: the export refuses it, saying so, and writes nothing (window and command line)."""
    from mcim_desk import limits
    from mcim_desk.cli import main

    filled(db, questionnaire, tmp_path)
    monkeypatch.setattr(limits, "BUNDLE_ENTRY_BYTES", 2048)
    out = tmp_path / "big.mcimz"
    with pytest.raises(BundleError, match="more than a bundle may carry"):
        exchange.export_bundle(db, out)
    assert not out.exists()
    assert main(["--db", str(db_path), "export", "--format", "bundle", "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert "The attached files of this bundle come to" in err and "Traceback" not in err
    assert not out.exists()


def test_a_file_name_that_would_climb_out_of_the_export_folder_is_refused(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    filled(db, questionnaire, tmp_path)
    good = exchange.export_bundle(db, tmp_path / "good.mcimz").path
    target, _ = open_database(str(tmp_path / "target.sqlite3"))
    try:
        for name, value in (("climb", "../../evil.txt"), ("folder", "a/b.pdf"), ("control", "x\u202ey.pdf")):
            bad = rewrite_attachments(good, tmp_path / f"{name}.mcimz", lambda conn, value=value: conn.execute(
                "UPDATE attachment SET file_name = ? WHERE rowid = 1", (value,)))
            with pytest.raises(BundleError) as caught:
                exchange.preview_import(target, bad)
            assert f"the attached file “{value}” has a name no file of MCIM Desk has" in str(caught.value)
        assert blobs(target) == [] and links(target) == []
    finally:
        target.dispose()


def test_a_file_that_compresses_very_well_still_travels(db, questionnaire, tmp_path: Path) -> None:  # noqa: ANN001
    """A scan of a white page, a silence: a bundle entry inflating over 100 times its stored
    size is refused as a zip bomb, so the files are compressed one by one inside the entry
    and each is inflated with its own size limit on import."""
    responses.save_answer(db, questionnaire.id, "section_2/q4", "oui", "tester")
    white = tmp_path / "page blanche.pdf"
    white.write_bytes(b"%PDF-1.4\n" + b"\x00" * (3 * 1024 * 1024))
    name = attach(db, questionnaire.id, Q5_DOC, white)
    bundle = exchange.export_bundle(db, tmp_path / "white.mcimz").path
    target, _ = open_database(str(tmp_path / "target.sqlite3"))
    try:
        import_into(target, bundle)
        assert attachments.read_bytes(target, questionnaire.id, name) == white.read_bytes()
        assert blobs(target) == blobs(db)
    finally:
        target.dispose()
